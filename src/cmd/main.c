/* main.c — one program: `opsplan serve` runs the FastCGI master; started by a CGI server
 * (GATEWAY_INTERFACE set) it answers one request; the other subcommands do admin work. */
#include "cmd/cli.h"
#include "cmd/demo.h"
#include "cmd/cron.h"
#include "cmd/evidence.h"
#include "cmd/interchange.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/server.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
	"usage: opsplan [--config FILE] COMMAND [ARGS]\n"
	"commands:\n"
	"  serve [--socket PATH | --listen 127.0.0.1:PORT] [--workers N]\n"
	"  init | migrate | demo\n"
	"  audit verify [--expect-head ID:HASH] [--change NUMBER [--code CODE]] | audit head\n"
	"  user add LOGIN --role ROLE[,ROLE] [--name N] [--email E] [--phone P] [--lang zh-CN|en]\n"
	"  user set-role LOGIN ROLE[,ROLE] [--reason TEXT] | user list\n"
	"  backup FILE\n"
	"  cron                        create the due instances of recurring projects\n"
	"  import --format mspdi FILE --project CODE\n"
	"  export --format mspdi|csv --project CODE [-o FILE]\n"
	"  evidence export --from YYYY-MM-DD --to YYYY-MM-DD --out DIR\n"
	"  version\n";

static int
serve(int argc, char **argv)
{
	const char *sock = cfg.socket, *listen = NULL;
	int workers = cfg.workers;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--socket") && i + 1 < argc) sock = argv[++i];
		else if (!strcmp(argv[i], "--listen") && i + 1 < argc) listen = argv[++i];
		else if (!strcmp(argv[i], "--workers") && i + 1 < argc) {
			char *end;
			long n = strtol(argv[++i], &end, 10);
			if (*end || n < 1 || n > 256) {
				fprintf(stderr, "opsplan: --workers must be 1..256\n");
				return 2;
			}
			workers = (int)n;
		} else {
			fprintf(stderr, "opsplan: serve: unknown option '%s'\n%s", argv[i], USAGE);
			return 2;
		}
	}
	if (listen && strncmp(listen, "127.", 4) && strncmp(listen, "localhost:", 10)) {
		fprintf(stderr, "opsplan: --listen must be a loopback address (the FastCGI port trusts its peer)\n");
		return 2;
	}
	return server_serve(sock, listen, workers);
}

int
main(int argc, char **argv)
{
	const char *conf = NULL;
	char *args[64];
	int n = 0;
	for (int i = 0; i < argc && n < 63; i++) {
		if (i > 0 && !strcmp(argv[i], "--config")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "opsplan: --config needs a file\n");
				return 2;
			}
			conf = argv[++i];
		} else {
			args[n++] = argv[i];
		}
	}
	args[n] = NULL;
	char err[600];
	if (config_load(conf, err, sizeof err)) {
		fprintf(stderr, "opsplan: configuration: %s\n", err);
		if (getenv("GATEWAY_INTERFACE"))
			fputs("Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\nopsplan: configuration error\n", stdout);
		return 2;
	}
	clock_init(cfg.timezone);
	if (getenv("GATEWAY_INTERFACE") && n == 1) return server_cgi();
	if (n < 2) {
		fputs(USAGE, stderr);
		return 2;
	}
	const char *cmd = args[1];
	int sargc = n - 1;
	char **sargv = args + 1;
	if (!strcmp(cmd, "serve")) return serve(sargc, sargv);
	if (!strcmp(cmd, "init")) return cli_init(sargc, sargv);
	if (!strcmp(cmd, "migrate")) return cli_migrate(sargc, sargv);
	if (!strcmp(cmd, "demo")) return cli_demo(sargc, sargv);
	if (!strcmp(cmd, "audit")) return cli_audit(sargc, sargv);
	if (!strcmp(cmd, "user")) return cli_user(sargc, sargv);
	if (!strcmp(cmd, "backup")) return cli_backup(sargc, sargv);
	if (!strcmp(cmd, "cron")) return cli_cron(sargc, sargv);
	if (!strcmp(cmd, "import")) return cli_import(sargc, sargv);
	if (!strcmp(cmd, "export")) return cli_export(sargc, sargv);
	if (!strcmp(cmd, "evidence")) return cli_evidence(sargc, sargv);
	if (!strcmp(cmd, "version")) { puts("opsplan 0.1"); return 0; }
	if (!strcmp(cmd, "help") || !strcmp(cmd, "--help")) { fputs(USAGE, stdout); return 0; }
	fprintf(stderr, "opsplan: unknown command '%s'\n%s", cmd, USAGE);
	return 2;
}
