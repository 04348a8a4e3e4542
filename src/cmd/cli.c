/* cli.c — init, migrate, demo, audit verify (the chain; a change's printed record)/head,
 * user add/set-role/list, backup.
 * Writes go through the same model functions and audit chain as the web pages, with the
 * actor "cli:<unix user>". */
#include "cmd/cli.h"
#include "plan/schedule.h"
#include "plan/plan.h"
#include "core/audit.h"
#include "core/auth.h"
#include "core/config.h"
#include "core/db.h"
#include "core/migrate.h"
#include "engine/reccode.h"
#include "core/render.h"
#include "core/text.h"
#include "core/user.h"
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int
cli_usage(const char *msg)
{
	fprintf(stderr, "opsplan: %s\n", msg);
	return 2;
}

const char *
cli_text(struct arena *a, const char *key, const char *arg)
{
	static int loaded;
	char err[600];
	if (!loaded) loaded = render_catalogs(cfg.xslt_dir, err, sizeof err) ? -1 : 1;
	struct buf b = {0};
	const char *const args[3] = { arg, NULL, NULL };
	const char *s;
	if (loaded > 0 && !render_text("en", key, args, &b)) s = arena_strdup(a, buf_str(&b));
	else s = arena_printf(a, "refused (the message catalogs in %s could not be read to say why)", cfg.xslt_dir);
	buf_free(&b);
	return s;
}

int
cli_open_db(int create)
{
	char err[600];
	if (db_open(cfg.db, create, err, sizeof err)) {
		fprintf(stderr, "opsplan: %s\n", err);
		return -1;
	}
	return 0;
}

int
cli_init_db(void)
{
	char err[600];
	if (cli_open_db(1)) return -1;
	if (migrate_run(err, sizeof err) || auth_key_load(1, err, sizeof err)) {
		fprintf(stderr, "opsplan: %s\n", err);
		db_close();
		return -1;
	}
	return 0;
}

static struct audit_who
cli_who(void)
{
	static char actor[80];
	struct passwd *pw = getpwuid(getuid());
	snprintf(actor, sizeof actor, "cli:%s", pw ? pw->pw_name : "unknown");
	return (struct audit_who){ actor, "", "cli" };
}

int
cli_init(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) return cli_usage("usage: opsplan init");
	if (cli_init_db()) return 1;
	printf("opsplan: database %s at schema %d\n", cfg.db, db_version());
	db_close();
	return 0;
}

int
cli_migrate(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) return cli_usage("usage: opsplan migrate");
	if (access(cfg.db, F_OK)) {
		fprintf(stderr, "opsplan: database %s does not exist (run 'opsplan init')\n", cfg.db);
		return 1;
	}
	int before;
	char err[600];
	if (cli_open_db(0)) return 1;
	before = db_version();
	if (migrate_run(err, sizeof err)) {
		fprintf(stderr, "opsplan: %s\n", err);
		db_close();
		return 1;
	}
	printf("opsplan: schema %d -> %d\n", before, db_version());
	db_close();
	return 0;
}

/* After the whole chain verified: the last audit record of change number, its row hash and the
 * verification code of its printed record (reccode.h); with code, whether the code is that one.
 * 0, or 1 with a message (unknown change, no audit record, a code that does not match). */
static int
verify_change(const char *number, const char *code)
{
	if (db_int("SELECT count(*) FROM changes WHERE number = ?", "s", number) < 1) {
		fprintf(stderr, "opsplan: no change %s\n", number);
		return 1;
	}
	char hash[65], mine[15];
	long long id = audit_last_of("change", number, hash);
	if (id <= 0 || reccode_make(hash, mine)) {
		fprintf(stderr, "opsplan: change %s has no audit record\n", number);
		return 1;
	}
	printf("opsplan: change %s: last audit record %lld\nhash %s\ncode %s\n", number, id, hash, mine);
	if (!code) return 0;
	if (!reccode_match(code, mine)) {
		fprintf(stderr, "opsplan: verification code %s does NOT match change %s: its record now has code %s"
			" (audit record %lld); the printed record is out of date or not genuine\n", code, number, mine, id);
		return 1;
	}
	printf("opsplan: verification code %s matches change %s\n", code, number);
	return 0;
}

int
cli_audit(int argc, char **argv)
{
	if (argc < 2) return cli_usage("usage: opsplan audit verify [--expect-head ID:HASH] | opsplan audit head");
	if (!strcmp(argv[1], "head")) {
		if (argc != 2) return cli_usage("usage: opsplan audit head");
		if (cli_open_db(0)) return 1;
		char hash[65];
		long long id = audit_head(hash);
		printf("%lld:%s\n", id, hash);
		db_close();
		return 0;
	}
	static const char use[] = "usage: opsplan audit verify [--expect-head ID:HASH] [--change NUMBER [--code CODE]]";
	if (strcmp(argv[1], "verify")) return cli_usage(use);
	const char *head = NULL, *change = NULL, *code = NULL;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--expect-head") && i + 1 < argc && !head) head = argv[++i];
		else if (!strcmp(argv[i], "--change") && i + 1 < argc && !change) change = argv[++i];
		else if (!strcmp(argv[i], "--code") && i + 1 < argc && !code) code = argv[++i];
		else return cli_usage(use);
	}
	if (code && !change) return cli_usage("--code needs --change NUMBER");
	if (cli_open_db(0)) return 1;
	long long bad, count;
	char msg[300];
	int rc = audit_verify(head, &bad, &count, msg, sizeof msg);
	if (rc) {
		db_close();
		fprintf(stderr, "opsplan: audit verify FAILED: %s\n", msg);
		if (bad) fprintf(stderr, "opsplan: first bad record: %lld\n", bad);
		return 1;
	}
	printf("opsplan: %s\n", msg);
	rc = change ? verify_change(change, code) : 0;
	db_close();
	return rc;
}

/* Parses --role/--name/--email/--phone/--lang options from argv[from..]. */
struct user_opts { const char *role, *name, *email, *phone, *lang, *reason; };

static int
user_options(int argc, char **argv, int from, struct user_opts *o)
{
	for (int i = from; i < argc; i++) {
		const char **slot = NULL;
		if (!strcmp(argv[i], "--role")) slot = &o->role;
		else if (!strcmp(argv[i], "--name")) slot = &o->name;
		else if (!strcmp(argv[i], "--email")) slot = &o->email;
		else if (!strcmp(argv[i], "--phone")) slot = &o->phone;
		else if (!strcmp(argv[i], "--lang")) slot = &o->lang;
		else if (!strcmp(argv[i], "--reason")) slot = &o->reason;
		if (!slot || i + 1 >= argc) {
			fprintf(stderr, "opsplan: unknown or incomplete option '%s'\n", argv[i]);
			return -1;
		}
		*slot = argv[++i];
		if (!text_xml_ok(*slot, strlen(*slot))) {
			fprintf(stderr, "opsplan: %s: invalid characters or encoding\n", argv[i - 1]);
			return -1;
		}
	}
	return 0;
}

static int
user_list(void)
{
	if (cli_open_db(0)) return 1;
	sqlite3_stmt *st = db_q("SELECT u.login, u.display_name, u.email, u.active, group_concat(r.role)"
				" FROM users u LEFT JOIN user_roles r ON r.user_id = u.id GROUP BY u.id ORDER BY u.login", "");
	printf("%-24s %-8s %-32s %s\n", "LOGIN", "ACTIVE", "ROLES", "NAME <EMAIL>");
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *roles = (const char *)sqlite3_column_text(st, 4);
		printf("%-24s %-8s %-32s %s <%s>\n", sqlite3_column_text(st, 0), sqlite3_column_int(st, 3) ? "yes" : "no",
		       roles ? roles : "-", sqlite3_column_text(st, 1), sqlite3_column_text(st, 2));
	}
	if (st) sqlite3_reset(st);
	db_close();
	return 0;
}

int
cli_user(int argc, char **argv)
{
	static const char use[] = "usage: opsplan user add LOGIN --role ROLE[,ROLE] [--name N] [--email E] [--phone P] [--lang zh-CN|en]\n"
				  "       opsplan user set-role LOGIN ROLE[,ROLE] [--reason TEXT]\n"
				  "       opsplan user list";
	if (argc < 2) return cli_usage(use);
	if (!strcmp(argv[1], "list")) return argc == 2 ? user_list() : cli_usage(use);
	int add = !strcmp(argv[1], "add");
	if ((!add && strcmp(argv[1], "set-role")) || argc < 3 + !add) return cli_usage(use);
	const char *login = argv[2];
	struct user_opts o = {0};
	if (user_options(argc, argv, add ? 3 : 4, &o)) return 2;
	if (!add) o.role = argv[3];
	if (!text_login_ok(login) || strpbrk(login, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")) {
		fprintf(stderr, "opsplan: login '%s': 1-64 of a-z 0-9 . _ @ - (lower case)\n", login);
		return 2;
	}
	unsigned roles = user_roles_parse(o.role);
	if (!roles) {
		fprintf(stderr, "opsplan: roles '%s': give one or more of admin, manager, engineer, approver, auditor, viewer\n",
			o.role ? o.role : "");
		return 2;
	}
	const char *bad;
	if ((o.name && (bad = user_check_name(o.name))) || (o.email && (bad = user_check_email(o.email))) ||
	    (o.phone && (bad = user_check_phone(o.phone))) || (o.lang && (bad = user_check_lang(o.lang)))) {
		struct arena ea = {0};
		fprintf(stderr, "opsplan: %s\n", cli_text(&ea, bad, NULL));
		arena_reset(&ea);
		return 2;
	}
	if (cli_open_db(0)) return 1;
	struct arena a = {0};
	struct user u;
	int found = user_load(&a, login, &u), rc = 1;
	struct audit_who who = cli_who();
	if (found < 0) {
		fprintf(stderr, "opsplan: %s\n", db_errmsg());
	} else if (add && found) {
		fprintf(stderr, "opsplan: user %s already exists (use set-role)\n", login);
	} else if (!add && !found) {
		fprintf(stderr, "opsplan: no user %s\n", login);
	} else if (db_begin() != SQLITE_OK) {
		fprintf(stderr, "opsplan: database busy: %s\n", db_errmsg());
	} else {
		int w = add ? user_create(&who, "user.create", login, o.name ? o.name : "", o.email ? o.email : "",
					  o.phone ? o.phone : "", o.lang ? o.lang : "", roles, o.reason ? o.reason : "")
			    : user_set_roles(&who, &u, roles, o.reason ? o.reason : "");
		if (w || db_commit() != SQLITE_OK) {
			fprintf(stderr, "opsplan: not saved: %s\n", db_errmsg());
			db_rollback();
		} else {
			printf("opsplan: user %s %s\n", login, add ? "added" : "roles set");
			rc = 0;
		}
	}
	arena_reset(&a);
	db_close();
	return rc;
}

int
cli_backup(int argc, char **argv)
{
	if (argc != 2) return cli_usage("usage: opsplan backup FILE");
	const char *dest = argv[1];
	if (!access(dest, F_OK)) {
		fprintf(stderr, "opsplan: %s already exists; choose a new file\n", dest);
		return 1;
	}
	if (cli_open_db(0)) return 1;
	sqlite3 *out;
	int rc = sqlite3_open_v2(dest, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(out, "main", db, "main") : NULL;
	if (!b) {
		fprintf(stderr, "opsplan: backup to %s failed: %s\n", dest, sqlite3_errmsg(out));
		sqlite3_close(out);
		unlink(dest);
		db_close();
		return 1;
	}
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	int ok = rc == SQLITE_DONE;
	sqlite3_stmt *st;
	if (ok && sqlite3_prepare_v2(out, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
		ok = sqlite3_step(st) == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(st, 0), "ok");
		sqlite3_finalize(st);
	}
	sqlite3_close(out);
	db_close();
	if (!ok) {
		fprintf(stderr, "opsplan: backup to %s failed or did not pass integrity_check\n", dest);
		unlink(dest);
		return 1;
	}
	/* the copy's audit chain must verify too */
	char err[600], saved[sizeof cfg.db];
	snprintf(saved, sizeof saved, "%s", cfg.db);
	snprintf(cfg.db, sizeof cfg.db, "%s", dest);
	long long bad, count;
	char msg[300];
	int vr = db_open(cfg.db, 0, err, sizeof err) ? -1 : audit_verify(NULL, &bad, &count, msg, sizeof msg);
	db_close();
	snprintf(cfg.db, sizeof cfg.db, "%s", saved);
	if (vr) {
		fprintf(stderr, "opsplan: backup %s: audit chain does not verify\n", dest);
		return 1;
	}
	printf("opsplan: backup written to %s (integrity ok, %lld audit records verified)\n", dest, count);
	return 0;
}

