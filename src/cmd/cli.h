/* cli.h — the administrative subcommands. Each returns the process exit status:
 * 0 success, 1 failure, 2 bad arguments. */
#ifndef OPSPLAN_CLI_H
#define OPSPLAN_CLI_H
#include "core/arena.h"
#include "core/buf.h"
int cli_init(int argc, char **argv);
int cli_migrate(int argc, char **argv);
int cli_audit(int argc, char **argv);
int cli_user(int argc, char **argv);
int cli_backup(int argc, char **argv);
/* Creates or opens the configured database, applies the migrations and loads the CSRF key; 0, or
 * -1 with the reason on stderr. */
int cli_init_db(void);
/* "opsplan: msg" on stderr; returns 2 (bad arguments). */
int cli_usage(const char *msg);
/* Opens the configured database (create: also a new file); -1 with the reason on stderr. */
int cli_open_db(int create);
/* A message key (with {1} = arg) as the English text of the catalogs (xslt_dir/i18n/en.xml), in a;
 * so that no command prints a raw key. Without the catalogs, a plain sentence that says so. */
const char *cli_text(struct arena *a, const char *key, const char *arg);
#endif
