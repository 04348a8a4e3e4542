/* interchange.c — `opsplan import --format mspdi FILE --project CODE` and
 * `opsplan export --format mspdi|csv --project CODE [-o FILE]`: Microsoft Project XML in and
 * out through the same model as the pages (every task audited, the schedule recomputed in the
 * same transaction), UIDs kept from an import so a plan can go back to Project. */
#include "cli.h"
#include "audit.h"
#include "clock.h"
#include "config.h"
#include "csv.h"
#include "db.h"
#include "mspdi.h"
#include "plan.h"
#include "text.h"
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { DAY_MIN = HOURS_PER_DAY * 60 };

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

static void
ignore(void *arg, const char *field, const char *key)
{
	(void)arg;
	fprintf(stderr, "opsplan: %s: %s\n", field, key);
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
		fprintf(stderr, "opsplan: %s: not imported (%s, line %d)\n", file, err, line);
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
	if (found == 1 && db_int("SELECT count(*) FROM tasks WHERE project_id = ?", "i", p.id)) {
		fprintf(stderr, "opsplan: project %s already has tasks; import into a new or empty project\n", code);
		goto rollback;
	}
	if (found != 1) {
		const char *ps = date_of(&a, plan.start_date), *pf = date_of(&a, plan.finish_date);
		p = (struct project){ .code = code, .name = plan.name && *plan.name ? plan.name : code, .description = "",
				      .category = "other", .planned_start = ps, .planned_finish = *pf ? pf : ps,
				      .status = "planning", .manager = "admin" };
		p.manager_id = db_int("SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'admin'"
				      " AND u.active = 1 ORDER BY u.id LIMIT 1", "");
		if (project_check(&p, 1, ignore, NULL) || (p.id = project_create(&who, &p)) < 0) {
			fprintf(stderr, "opsplan: cannot create project %s (code 2-32 of A-Z 0-9 -, dates in the file)\n", code);
			goto rollback;
		}
	}
	/* tasks in file order; a parent is the nearest earlier task one outline level up */
	long long *ids = arena_alloc(&a, sizeof *ids * (size_t)(plan.ntasks + 1));
	int *levels = arena_alloc(&a, sizeof *levels * (size_t)(plan.ntasks + 1));
	const struct calendar *cal = plan_calendar(&a);
	for (int i = 0; i < plan.ntasks; i++) {
		const struct mspdi_task *m = &plan.tasks[i];
		long long parent = 0;
		for (int j = i - 1; j >= 0; j--)
			if (levels[j] < m->outline_level) { parent = ids[j]; break; }
		int mpd = plan.minutes_per_day > 0 ? plan.minutes_per_day : DAY_MIN;
		struct task_in t = { m->name && *m->name ? m->name : "?", m->notes ? m->notes : "", "", date_of(&a, m->start),
				     "", "", "", m->percent_complete >= 100 ? "done" : m->percent_complete > 0 ? "in_progress" : "not_started",
				     "", "", NULL, NULL, 0, (double)m->duration_minutes / mpd, m->percent_complete, -1, 3, m->milestone, parent, "" };
		if (!m->milestone && m->duration_minutes > 0 && t.duration < 1) t.duration = 1;
		if (text_chars(t.name) > 200) {   /* cut at a character boundary */
			size_t cut = 190;
			while (cut && ((unsigned char)t.name[cut] & 0xC0) == 0x80) cut--;
			t.name = arena_strndup(&a, t.name, cut);
		}
		if (task_check(&t, cal, ignore, NULL)) {
			fprintf(stderr, "opsplan: task UID %ld (%s) has values opsplan cannot take\n", m->uid, t.name);
			goto rollback;
		}
		if ((ids[i] = task_create(&who, &p, &t, 0)) < 0 ||
		    db_run("UPDATE tasks SET ext_uid = ? WHERE id = ?", "ii", (long long)m->uid, ids[i]) != SQLITE_DONE)
			goto rollback;
		levels[i] = m->outline_level;
	}
	if (project_recompute(p.id, &a)) goto rollback;
	/* links by UID; links on summary tasks are kept but not scheduled (as the pages do) */
	static const char *const types[] = { "FF", "FS", "SF", "SS" };
	for (int i = 0; i < plan.ntasks; i++)
		for (int k = 0; k < plan.tasks[i].nlinks; k++) {
			const struct mspdi_link *l = &plan.tasks[i].links[k];
			long long pred = 0;
			for (int j = 0; j < plan.ntasks; j++)
				if (plan.tasks[j].uid == l->pred_uid) { pred = ids[j]; break; }
			if (!pred || pred == ids[i]) continue;
			if (db_run("INSERT OR IGNORE INTO dependencies (project_id, pred_id, succ_id, type, lag_minutes, lag_elapsed)"
				   " VALUES (?,?,?,?,?,?)", "iiisid", p.id, pred, ids[i], types[l->type & 3],
				   (long long)l->lag_minutes, l->lag_format % 2 == 0 && l->lag_format >= 4 && l->lag_format <= 12) != SQLITE_DONE)
				goto rollback;
		}
	int r = project_recompute(p.id, &a);
	if (r == -2) {
		fprintf(stderr, "opsplan: the file's links form a loop: %s\n", plan_loop_text);
		goto rollback;
	}
	char reason[200];
	snprintf(reason, sizeof reason, "%d tasks from %s", plan.ntasks, file);
	if (r || audit_append(&who, "project.import", "project", code, NULL, NULL, reason) || db_commit() != SQLITE_OK)
		goto rollback;
	printf("opsplan: imported %d tasks into %s\n", plan.ntasks, code);
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
	int n = (int)db_int("SELECT count(*) FROM tasks WHERE project_id = ?", "i", p.id);
	sqlite3_stmt *st = db_q("SELECT id, coalesce(ext_uid, id), wbs, depth, is_summary, milestone, name, description,"
				" duration_days, coalesce(planned_start, ''), coalesce(planned_finish, ''), percent,"
				" total_float, critical, estimate_hours, status, predecessors FROM tasks WHERE project_id = ? ORDER BY seq",
				"i", p.id);
	if (!strcmp(format, "csv")) {
		static const char *const cols[] = { "WBS", "Name", "Duration (d)", "Start", "Finish", "Percent", "Estimate (h)",
						    "Predecessors", "Status", "Total float (d)", "Critical" };
		csv_bom(&b);
		for (int i = 0; i < 11; i++) csv_cell(&b, cols[i], i == 0);
		csv_end(&b);
		while (st && sqlite3_step(st) == SQLITE_ROW) {
			char v[4][32];
			snprintf(v[0], sizeof v[0], "%.10g", sqlite3_column_double(st, 8));
			snprintf(v[1], sizeof v[1], "%.10g", sqlite3_column_double(st, 11));
			snprintf(v[2], sizeof v[2], "%.10g", sqlite3_column_double(st, 14));
			snprintf(v[3], sizeof v[3], "%s", sqlite3_column_type(st, 12) == SQLITE_NULL ? "" : (const char *)sqlite3_column_text(st, 12));
			const char *row[] = { (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 6), v[0],
					      (const char *)sqlite3_column_text(st, 9), (const char *)sqlite3_column_text(st, 10), v[1], v[2],
					      (const char *)sqlite3_column_text(st, 16), (const char *)sqlite3_column_text(st, 15), v[3],
					      sqlite3_column_int(st, 13) ? "1" : "0" };
			for (int i = 0; i < 11; i++) csv_cell(&b, row[i], i == 0);
			csv_end(&b);
		}
		if (st) sqlite3_reset(st);
	} else {
		struct mspdi_plan plan = { .name = p.name, .start_date = arena_printf(&a, "%sT08:00:00", p.planned_start),
					   .finish_date = arena_printf(&a, "%sT17:00:00", p.planned_finish), .calendar_uid = 1,
					   .minutes_per_day = DAY_MIN, .minutes_per_week = 5 * DAY_MIN };
		plan.tasks = arena_alloc(&a, sizeof *plan.tasks * (size_t)(n + 1));
		long long *ids = arena_alloc(&a, sizeof *ids * (size_t)(n + 1));
		int k = 0;
		while (st && k < n && sqlite3_step(st) == SQLITE_ROW) {
			struct mspdi_task *t = &plan.tasks[k];
			memset(t, 0, sizeof *t);
			ids[k] = sqlite3_column_int64(st, 0);
			t->uid = (long)sqlite3_column_int64(st, 1);
			t->id = k + 1;
			t->wbs = arena_strdup(&a, (const char *)sqlite3_column_text(st, 2));
			t->outline_level = sqlite3_column_int(st, 3) + 1;
			t->summary = sqlite3_column_int(st, 4);
			t->milestone = sqlite3_column_int(st, 5);
			t->name = arena_strdup(&a, (const char *)sqlite3_column_text(st, 6));
			t->notes = arena_strdup(&a, (const char *)sqlite3_column_text(st, 7));
			t->duration_minutes = t->milestone ? 0 : (long)(sqlite3_column_double(st, 8) * DAY_MIN);
			const char *s = (const char *)sqlite3_column_text(st, 9), *f = (const char *)sqlite3_column_text(st, 10);
			t->start = *s ? arena_printf(&a, "%sT08:00:00", s) : NULL;
			t->finish = *f ? arena_printf(&a, "%sT17:00:00", f) : NULL;
			t->percent_complete = (int)sqlite3_column_double(st, 11);
			int tf = sqlite3_column_type(st, 12) != SQLITE_NULL;
			t->total_slack = tf ? (long)sqlite3_column_int64(st, 12) * DAY_MIN * 10 : -1;
			t->free_slack = -1;
			t->critical = tf ? sqlite3_column_int(st, 13) : -1;
			t->constraint_type = -1;
			t->calendar_uid = -1;
			k++;
		}
		if (st) sqlite3_reset(st);
		plan.ntasks = k;
		for (int i = 0; i < k; i++) {
			int cnt = (int)db_int("SELECT count(*) FROM dependencies WHERE succ_id = ?", "i", ids[i]);
			if (!cnt) continue;
			plan.tasks[i].links = arena_alloc(&a, sizeof *plan.tasks[i].links * (size_t)cnt);
			sqlite3_stmt *ls = db_q("SELECT coalesce(p.ext_uid, p.id), d.type, d.lag_minutes FROM dependencies d"
						" JOIN tasks p ON p.id = d.pred_id WHERE d.succ_id = ?", "i", ids[i]);
			int m = 0;
			while (ls && m < cnt && sqlite3_step(ls) == SQLITE_ROW) {
				const char *ty = (const char *)sqlite3_column_text(ls, 1);
				int type = !strcmp(ty, "FF") ? 0 : !strcmp(ty, "SF") ? 2 : !strcmp(ty, "SS") ? 3 : 1;
				plan.tasks[i].links[m++] = (struct mspdi_link){ (long)sqlite3_column_int64(ls, 0), type,
										(long)sqlite3_column_int64(ls, 2), 7 };
			}
			if (ls) sqlite3_reset(ls);
			plan.tasks[i].nlinks = m;
		}
		if (mspdi_write(&plan, &b)) {
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
