/* interchange.c — `opsplan import --format mspdi FILE --project CODE` and
 * `opsplan export --format mspdi|csv --project CODE [-o FILE]`: Microsoft Project XML in and
 * out through the same model as the pages (every task audited, the schedule recomputed in the
 * same transaction), UIDs kept from an import so a plan can go back to Project. */
#include "cmd/interchange.h"
#include "cmd/cli.h"
#include "core/audit.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/db.h"
#include "format/mspdi.h"
#include "format/mspdi_write.h"
#include "plan/interchange.h"
#include "plan/plan.h"
#include "plan/project.h"
#include "core/text.h"
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int
usage(void)
{
	fprintf(stderr, "usage: opsplan import --format mspdi FILE --project CODE\n"
			"       opsplan export --format mspdi|csv --project CODE [-o FILE]\n");
	return 2;
}

static struct audit_who
who_cli(void)
{
	static char actor[80];
	struct passwd *pw = getpwuid(getuid());
	snprintf(actor, sizeof actor, "cli:%s", pw ? pw->pw_name : "unknown");
	return (struct audit_who){ actor, "", "cli" };
}

/* fielderr_fn for the project a file is imported into: each refused field in words. */
static void
project_field(void *arg, const char *field, const char *key)
{
	fprintf(stderr, "opsplan: new project, %s: %s\n", field, cli_text(arg, key, NULL));
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) return NULL;
	struct buf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		buf_add(&b, chunk, n);
		if (b.len > (32u << 20)) break;   /* mspdi_read refuses anything over 16 MiB anyway */
	}
	fclose(f);
	*len = b.len;
	return b.p ? b.p : calloc(1, 1);
}

/* Reads --format F, --project CODE, -o FILE and one positional argument. */
static int
options(int argc, char **argv, const char **format, const char **code, const char **out, const char **file)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--format") && i + 1 < argc) *format = argv[++i];
		else if (!strcmp(argv[i], "--project") && i + 1 < argc) *code = argv[++i];
		else if (!strcmp(argv[i], "-o") && i + 1 < argc) *out = argv[++i];
		else if (argv[i][0] != '-' && file && !*file) *file = argv[i];
		else return -1;
	}
	return *format && *code ? 0 : -1;
}

static const char *
date_of(struct arena *a, const char *dt)
{
	return dt && strlen(dt) >= 10 ? arena_strndup(a, dt, 10) : "";
}

int
cli_import(int argc, char **argv)
{
	const char *format = NULL, *code = NULL, *out = NULL, *file = NULL;
	if (options(argc, argv, &format, &code, &out, &file) || !file || out) return usage();
	if (strcmp(format, "mspdi")) {
		fprintf(stderr, "opsplan: import: only --format mspdi (CSV goes through the project's import page)\n");
		return 2;
	}
	size_t len;
	char *data = slurp(file, &len);
	if (!data) {
		fprintf(stderr, "opsplan: cannot read %s\n", file);
		return 1;
	}
	struct arena a = {0};
	struct mspdi_plan plan;
	const char *err = NULL;
	int line = 0, rc = 1;
	if (mspdi_read(&a, data, len, &plan, &err, &line)) {
		if (line > 0) fprintf(stderr, "opsplan: %s: not imported, line %d: %s\n", file, line, cli_text(&a, err, NULL));
		else fprintf(stderr, "opsplan: %s: not imported: %s\n", file, cli_text(&a, err, NULL));
		goto done;
	}
	char dberr[600];
	if (db_open(cfg.db, 0, dberr, sizeof dberr)) {
		fprintf(stderr, "opsplan: %s\n", dberr);
		goto done;
	}
	struct audit_who who = who_cli();
	if (db_begin() != SQLITE_OK) {
		fprintf(stderr, "opsplan: database busy\n");
		goto close;
	}
	struct project p;
	int found = project_load(&a, code, &p);
	long long admin = found == 1 ? 0 : db_int("SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id"
						   " WHERE r.role = 'admin' AND u.active = 1 ORDER BY u.id LIMIT 1", "");
	if (found != 1 && !admin) {
		fprintf(stderr, "opsplan: project %s does not exist and there is no active administrator to manage a new one;\n"
				"opsplan: create one first: opsplan user add LOGIN --role admin\n", code);
		goto rollback;
	}
	if (found != 1) {
		/* the file's dates, widened to its tasks' (Project may save a FinishDate before StartDate) */
		const char *ps = date_of(&a, plan.start_date), *pf = date_of(&a, plan.finish_date);
		for (int i = 0; i < plan.ntasks; i++) {
			const char *s = date_of(&a, plan.tasks[i].start), *f = date_of(&a, plan.tasks[i].finish);
			if (*s && (!*ps || strcmp(s, ps) < 0)) ps = s;
			if (*f && strcmp(f, pf) > 0) pf = f;
		}
		if (strcmp(pf, ps) < 0) pf = ps;
		p = (struct project){ .code = code, .name = plan.name && *plan.name ? plan.name : code, .description = "",
				      .category = "other", .planned_start = ps, .planned_finish = *pf ? pf : ps,
				      .status = "planning", .manager = "admin" };
		p.manager_id = admin;
		sqlite3_stmt *ml = db_q("SELECT login FROM users WHERE id = ?", "i", admin);
		if (ml && sqlite3_step(ml) == SQLITE_ROW) p.manager = arena_strdup(&a, (const char *)sqlite3_column_text(ml, 0));
		if (ml) sqlite3_reset(ml);
		if (project_check(&p, 1, project_field, &a) || (p.id = project_create(&who, &p)) < 0) {
			fprintf(stderr, "opsplan: cannot create project %s (a code is 2-32 of A-Z 0-9 -)\n", code);
			goto rollback;
		}
	}
	/* the same import as the project's import page (mspdi_model.c), audited in this transaction */
	struct interchange_result res;
	const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
	int r = interchange_import(&who, &p, &plan, base, &a, &res);
	if (r == -2) {
		if (!strcmp(res.err_key, "mspdi.error.not_empty"))
			fprintf(stderr, "opsplan: project %s already has tasks; import into a new or empty project\n", code);
		else if (!strcmp(res.err_key, "mspdi.error.loop"))
			fprintf(stderr, "opsplan: the file's links form a loop: %s\n", res.err_arg);
		else
			fprintf(stderr, "opsplan: %s: not imported: %s\n", file, cli_text(&a, res.err_key, res.err_arg));
		goto rollback;
	}
	if (r || db_commit() != SQLITE_OK) {
		fprintf(stderr, "opsplan: database error: %s\n", db_errmsg());
		goto rollback;
	}
	for (int i = 0; i < res.nunmatched; i++)
		fprintf(stderr, "opsplan: resource \"%s\" is no user's login or display name; its tasks have no owner\n",
			res.unmatched[i]);
	printf("opsplan: imported %d tasks into %s", res.ntasks, code);
	if (res.calendar) printf(" (project calendar \"%s\")", res.calendar);
	printf("\n");
	rc = 0;
	goto close;
rollback:
	db_rollback();
close:
	db_close();
done:
	free(data);
	arena_reset(&a);
	return rc;
}

int
cli_export(int argc, char **argv)
{
	const char *format = NULL, *code = NULL, *out = NULL;
	if (options(argc, argv, &format, &code, &out, NULL)) return usage();
	if (strcmp(format, "mspdi") && strcmp(format, "csv")) return usage();
	char dberr[600];
	if (db_open(cfg.db, 0, dberr, sizeof dberr)) {
		fprintf(stderr, "opsplan: %s\n", dberr);
		return 1;
	}
	struct arena a = {0};
	struct project p;
	struct buf b = {0};
	int rc = 1;
	if (project_load(&a, code, &p) != 1) {
		fprintf(stderr, "opsplan: no project %s\n", code);
		goto done;
	}
	if (!strcmp(format, "csv")) {
		interchange_schedule_csv(&p, NULL, &b);
	} else {
		struct mspdi_plan plan;
		if (interchange_export_plan(&a, &p, &plan) || mspdi_write(&plan, &b)) {
			fprintf(stderr, "opsplan: could not write the plan as MSPDI\n");
			goto done;
		}
	}
	FILE *f = out ? fopen(out, "wb") : stdout;
	if (!f || fwrite(b.p ? b.p : "", 1, b.len, f) != b.len) {
		fprintf(stderr, "opsplan: cannot write %s\n", out ? out : "standard output");
		if (f && f != stdout) fclose(f);
		goto done;
	}
	if (f != stdout) fclose(f);
	rc = 0;
done:
	buf_free(&b);
	arena_reset(&a);
	db_close();
	return rc;
}
