/* Unit tests for config.c: defaults, the file, environment overrides and refused values. */
#include "unit.h"
#include "core/config.h"
#include <stdlib.h>
#include <unistd.h>

static char path[] = "/tmp/opsplan-conf-XXXXXX";

static int
load_text(const char *text, char *err, int errlen)
{
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
	return config_load(path, err, errlen);
}

static void
defaults_and_file(void)
{
	char err[300];
	CHECK(load_text("# comment\n\n  db = /srv/ops.db  \nworkers=3\nsocket_mode = 0640\n", err, sizeof err) == 0);
	CHECK_STR(cfg.db, "/srv/ops.db");
	CHECK_STR(cfg.key_file, "/srv/ops.db.key");
	CHECK(cfg.workers == 3);
	CHECK(cfg.socket_mode == 0640);
	CHECK_STR(cfg.identity_param, "REMOTE_USER");
	CHECK_STR(cfg.default_lang, "zh-CN");
	CHECK_STR(cfg.auto_provision, "off");
	CHECK(cfg.render_cache == 64);
	CHECK(cfg.max_body == 1048576);
}

static void
environment_wins(void)
{
	char err[300];
	setenv("OPSPLAN_DB", "/env/x.db", 1);
	setenv("OPSPLAN_DEFAULT_LANG", "en", 1);
	CHECK(load_text("db = /file.db\n", err, sizeof err) == 0);
	CHECK_STR(cfg.db, "/env/x.db");
	CHECK_STR(cfg.default_lang, "en");
	unsetenv("OPSPLAN_DB");
	unsetenv("OPSPLAN_DEFAULT_LANG");
}

static void
bad_values_refused(void)
{
	char err[300];
	CHECK(load_text("nonsense\n", err, sizeof err) == -1 && strstr(err, ":1: expected key = value"));
	CHECK(load_text("bogus = 1\n", err, sizeof err) == -1 && strstr(err, "unknown key 'bogus'"));
	CHECK(load_text("workers = many\n", err, sizeof err) == -1 && strstr(err, "workers"));
	CHECK(load_text("default_lang = fr\n", err, sizeof err) == -1 && strstr(err, "default_lang"));
	CHECK(load_text("auto_provision = root\n", err, sizeof err) == -1 && strstr(err, "auto_provision"));
	CHECK(load_text("auto_provision = viewer\n", err, sizeof err) == 0);
	CHECK(load_text("identity_param = HTTP_X_REMOTE_USER\n", err, sizeof err) == -1 && strstr(err, "identity_param"));
	CHECK(load_text("max_body = 10\n", err, sizeof err) == -1);
	CHECK(config_load("/nonexistent/opsplan.conf", err, sizeof err) == -1 && strstr(err, "cannot read"));
}

int
main(void)
{
	int fd = mkstemp(path);
	if (fd < 0) return 1;
	close(fd);
	extern char **environ;
	for (int again = 1; again;) {          /* the caller's OPSPLAN_* must not change the defaults */
		again = 0;
		for (char **e = environ; *e; e++)
			if (!strncmp(*e, "OPSPLAN_", 8)) {
				char name[128];
				snprintf(name, sizeof name, "%.*s", (int)(strcspn(*e, "=")), *e);
				unsetenv(name);
				again = 1;
				break;
			}
	}
	RUN(defaults_and_file);
	RUN(environment_wins);
	RUN(bad_values_refused);
	unlink(path);
	return unit_done();
}
