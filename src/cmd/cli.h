/* cli.h — the administrative subcommands. Each returns the process exit status:
 * 0 success, 1 failure, 2 bad arguments. */
#ifndef OPSPLAN_CLI_H
#define OPSPLAN_CLI_H
#include "core/mem.h"
int cli_init(int argc, char **argv);
int cli_migrate(int argc, char **argv);
int cli_demo(int argc, char **argv);
int cli_audit(int argc, char **argv);
int cli_user(int argc, char **argv);
int cli_backup(int argc, char **argv);
int cli_cron(int argc, char **argv);
/* interchange.c */
int cli_import(int argc, char **argv);
int cli_export(int argc, char **argv);
/* evidence.c: opsplan evidence export --from DAY --to DAY --out DIR */
int cli_evidence(int argc, char **argv);
/* A message key (with {1} = arg) as the English text of the catalogs (xslt_dir/i18n/en.xml), in a;
 * so that no command prints a raw key. Without the catalogs, a plain sentence that says so. */
const char *cli_text(struct arena *a, const char *key, const char *arg);
/* demo.c: fills an initialised, empty database with the demo users and history. */
int demo_fill(void);
#endif
