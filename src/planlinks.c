/* planlinks.c — task links in the model: storing what a task's predecessors field says (MS
 * Project notation, deps.c, resolved against the project's WBS numbers), scheduling the linked
 * tasks with the CPM engine (sched.c) inside the write's transaction, and writing the field back
 * in canonical form with the current WBS numbers. Tasks without links keep the dates people
 * entered; a linked task starts no earlier than its entered start and when its links allow.
 * Time is working minutes from the project's first working day, 8 hours a day, whole days per
 * task, until calendars bring working hours. */
#include "plan.h"
#include "db.h"
#include "deps.h"
#include "sched.h"
#include "xml.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

enum { DAY = HOURS_PER_DAY * 60 };

const char *plan_loop_text;

int
task_links_set(long long project_id, long long task_id, const char *text, const char **key, const char **arg,
	       struct arena *a)
{
	struct dep *d;
	int pos, n = deps_parse(a, text ? text : "", DAY, &d, key, &pos);
	if (n < 0) return -1;
	if (db_run("DELETE FROM dependencies WHERE succ_id = ?", "i", task_id) != SQLITE_DONE) {
		*key = "error.busy";
		return -1;
	}
	static const char *const types[] = { "FS", "SS", "FF", "SF" };
	for (int i = 0; i < n; i++) {
		long long pred = db_int("SELECT id FROM tasks WHERE project_id = ? AND wbs = ?", "is", project_id, d[i].ref);
		if (!pred || pred == task_id) {
			*key = "error.predecessor_unknown";
			*arg = d[i].ref;
			return -1;
		}
		if (db_run("INSERT INTO dependencies (project_id, pred_id, succ_id, type, lag_minutes, lag_elapsed)"
			   " VALUES (?,?,?,?,?,?)", "iiisid", project_id, pred, task_id, types[d[i].type],
			   (long long)d[i].lag_minutes, d[i].elapsed) != SQLITE_DONE) {
			*key = "error.busy";
			return -1;
		}
	}
	return 0;
}

struct linked { long long id; int index; };

/* The day of working-day index i counted from base (a working day). */
static int
day_at(const struct calendar *c, int base, long i)
{
	return i <= 0 ? base : cal_add_workdays(c, base, (int)i);
}

int
project_schedule(long long project_id, struct arena *a)
{
	plan_loop_text = NULL;
	int nl = (int)db_int("SELECT count(*) FROM dependencies d JOIN tasks p ON p.id = d.pred_id JOIN tasks s ON s.id = d.succ_id"
			     " WHERE d.project_id = ? AND p.is_summary = 0 AND s.is_summary = 0", "i", project_id);
	if (!nl) {
		/* no links: the scheduled fields say nothing */
		return db_run("UPDATE tasks SET total_float = NULL, critical = 0, driving_pred = NULL WHERE project_id = ?"
			      " AND (total_float IS NOT NULL OR critical <> 0 OR driving_pred IS NOT NULL)", "i", project_id)
			       == SQLITE_DONE ? 0 : -1;
	}
	/* tasks that are no longer linked carry no schedule results */
	if (db_run("UPDATE tasks SET total_float = NULL, critical = 0, driving_pred = NULL WHERE project_id = ?1"
		   " AND total_float IS NOT NULL AND id NOT IN (SELECT pred_id FROM dependencies WHERE project_id = ?1"
		   " UNION SELECT succ_id FROM dependencies WHERE project_id = ?1)", "i", project_id) != SQLITE_DONE)
		return -1;
	const struct calendar *c = plan_calendar(a);
	char pstart[11] = "";
	sqlite3_stmt *st = db_q("SELECT planned_start FROM projects WHERE id = ?", "i", project_id);
	if (st && sqlite3_step(st) == SQLITE_ROW) snprintf(pstart, sizeof pstart, "%s", (const char *)sqlite3_column_text(st, 0));
	if (st) sqlite3_reset(st);
	int base = cal_add_workdays(c, cal_day(pstart), 0);

	/* the linked leaf tasks, indexed */
	int n = (int)db_int("SELECT count(*) FROM tasks WHERE project_id = ? AND is_summary = 0 AND id IN"
			    " (SELECT pred_id FROM dependencies WHERE project_id = ?1 UNION SELECT succ_id FROM dependencies"
			    " WHERE project_id = ?1)", "i", project_id);
	struct sched_task *t = arena_alloc(a, sizeof *t * (size_t)(n + 1));
	long long *ids = arena_alloc(a, sizeof *ids * (size_t)(n + 1));
	const char **labels = arena_alloc(a, sizeof *labels * (size_t)(n + 1));
	st = db_q("SELECT id, duration_days, milestone, coalesce(entered_start, ''), wbs, name FROM tasks"
		  " WHERE project_id = ?1 AND is_summary = 0 AND id IN (SELECT pred_id FROM dependencies WHERE project_id = ?1"
		  " UNION SELECT succ_id FROM dependencies WHERE project_id = ?1) ORDER BY seq", "i", project_id);
	int k = 0;
	while (st && k < n && sqlite3_step(st) == SQLITE_ROW) {
		ids[k] = sqlite3_column_int64(st, 0);
		double dd = sqlite3_column_double(st, 1);
		int ms = sqlite3_column_int(st, 2);
		const char *es = (const char *)sqlite3_column_text(st, 3);
		labels[k] = arena_printf(a, "%s %s", sqlite3_column_text(st, 4), sqlite3_column_text(st, 5));
		t[k] = (struct sched_task){ .duration = ms ? 0 : (long)(dd > 0 ? ceil(dd) : 1) * DAY, .parent = -1,
					    .constraint = SCHED_ASAP, .actual_start = -1, .actual_finish = -1 };
		int d = *es ? cal_day(es) : -1;
		if (d > base) {
			t[k].constraint = SCHED_SNET;
			t[k].constraint_time = (long)cal_workdays_between(c, base, cal_add_workdays(c, d, 0)) * DAY;
		}
		k++;
	}
	if (st) sqlite3_reset(st);
	n = k;
	struct sched_link *l = arena_alloc(a, sizeof *l * (size_t)(nl + 1));
	int m = 0;
	st = db_q("SELECT d.pred_id, d.succ_id, d.type, d.lag_minutes FROM dependencies d JOIN tasks p ON p.id = d.pred_id"
		  " JOIN tasks s ON s.id = d.succ_id WHERE d.project_id = ? AND p.is_summary = 0 AND s.is_summary = 0", "i",
		  project_id);
	while (st && m < nl && sqlite3_step(st) == SQLITE_ROW) {
		long long p = sqlite3_column_int64(st, 0), s = sqlite3_column_int64(st, 1);
		int pi = -1, si = -1;
		for (int i = 0; i < n; i++) {   /* n is the linked tasks only; a map would do for huge plans */
			if (ids[i] == p) pi = i;
			if (ids[i] == s) si = i;
		}
		if (pi < 0 || si < 0) continue;
		const char *ty = (const char *)sqlite3_column_text(st, 2);
		l[m++] = (struct sched_link){ pi, si, !strcmp(ty, "SS") ? SCHED_SS : !strcmp(ty, "FF") ? SCHED_FF
						: !strcmp(ty, "SF") ? SCHED_SF : SCHED_FS, sqlite3_column_int64(st, 3) };
	}
	if (st) sqlite3_reset(st);
	int *cycle = arena_alloc(a, sizeof *cycle * (size_t)(n + 1));
	struct sched_problem pr = { t, n, l, m, 0, -1, 0, 0, cycle, 0 };
	int rc = sched_run(&pr);
	if (rc == -1) {
		struct buf b = {0};
		for (int i = 0; i < pr.ncycle; i++) {
			buf_adds(&b, labels[cycle[i]]);
			buf_adds(&b, " → ");
		}
		if (pr.ncycle) buf_adds(&b, labels[cycle[0]]);
		plan_loop_text = arena_strdup(a, buf_str(&b));
		buf_free(&b);
		return -2;
	}
	if (rc) return -1;
	for (int i = 0; i < n; i++) {
		char s[11], f[11];
		long es = t[i].es < 0 ? 0 : t[i].es, ef = t[i].ef < es ? es : t[i].ef;
		int sd = day_at(c, base, es / DAY);
		int fd = ef == es ? sd : day_at(c, base, (ef + DAY - 1) / DAY - 1);
		cal_iso(sd, s);
		cal_iso(fd, f);
		long long drv = t[i].driving_link >= 0 ? ids[l[t[i].driving_link].pred] : 0;
		if (db_run("UPDATE tasks SET planned_start = ?, planned_finish = ?, total_float = ?, critical = ?,"
			   " driving_pred = nullif(?, 0) WHERE id = ?", "ssdiii", s, f, (int)(t[i].total_float / DAY),
			   (long long)t[i].critical, drv, ids[i]) != SQLITE_DONE)
			return -1;
	}
	return 0;
}

int
project_links_text(long long project_id, struct arena *a)
{
	/* every successor's field, rewritten with the current WBS numbers */
	sqlite3_stmt *st = db_q("SELECT DISTINCT succ_id FROM dependencies WHERE project_id = ?", "i", project_id);
	long long ids[4096];
	int n = 0;
	while (st && n < 4096 && sqlite3_step(st) == SQLITE_ROW) ids[n++] = sqlite3_column_int64(st, 0);
	if (st) sqlite3_reset(st);
	static const char *const types[] = { "FS", "SS", "FF", "SF" };
	for (int i = 0; i < n; i++) {
		struct dep d[64];
		int k = 0;
		st = db_q("SELECT p.wbs, d.type, d.lag_minutes, d.lag_elapsed FROM dependencies d JOIN tasks p ON p.id = d.pred_id"
			  " WHERE d.succ_id = ? ORDER BY p.seq", "i", ids[i]);
		while (st && k < 64 && sqlite3_step(st) == SQLITE_ROW) {
			const char *ty = (const char *)sqlite3_column_text(st, 1);
			int type = 0;
			for (int j = 0; j < 4; j++) if (!strcmp(ty, types[j])) type = j;
			d[k++] = (struct dep){ arena_strdup(a, (const char *)sqlite3_column_text(st, 0)), (enum dep_type)type,
					       (long)sqlite3_column_int64(st, 2), sqlite3_column_int(st, 3) };
		}
		if (st) sqlite3_reset(st);
		struct buf b = {0};
		deps_format(d, k, DAY, &b);
		int rc = db_run("UPDATE tasks SET predecessors = ?1 WHERE id = ?2 AND predecessors <> ?1", "si", buf_str(&b), ids[i]);
		buf_free(&b);
		if (rc != SQLITE_DONE) return -1;
	}
	return 0;
}

int
project_links_from_text(long long project_id, struct arena *a)
{
	long long ids[8192];
	const char *texts[8192];
	int n = 0;
	sqlite3_stmt *st = db_q("SELECT id, predecessors FROM tasks WHERE project_id = ? AND predecessors <> '' ORDER BY seq",
				"i", project_id);
	while (st && n < 8192 && sqlite3_step(st) == SQLITE_ROW) {
		ids[n] = sqlite3_column_int64(st, 0);
		texts[n++] = arena_strdup(a, (const char *)sqlite3_column_text(st, 1));
	}
	if (st) sqlite3_reset(st);
	int bad = 0;
	for (int i = 0; i < n; i++) {
		const char *key = NULL, *arg = NULL;
		if (task_links_set(project_id, ids[i], texts[i], &key, &arg, a)) {
			if (!strcmp(key, "error.busy")) return -1;
			bad++;
		}
	}
	return bad;
}

int
baseline_load(struct arena *a, long long project_id, long long id, struct baseline_task **bt, int *n, const char **name)
{
	sqlite3_stmt *st = db_q("SELECT name FROM baselines WHERE id = ? AND project_id = ?", "ii", id, project_id);
	int found = st && sqlite3_step(st) == SQLITE_ROW;
	if (found) *name = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
	if (st) sqlite3_reset(st);
	if (!found) return 0;
	int cnt = (int)db_int("SELECT count(*) FROM baseline_tasks WHERE baseline_id = ?", "i", id);
	struct baseline_task *t = arena_alloc(a, sizeof *t * (size_t)(cnt + 1));
	st = db_q("SELECT task_id, coalesce(planned_start, ''), coalesce(planned_finish, '') FROM baseline_tasks"
		  " WHERE baseline_id = ? ORDER BY task_id", "i", id);
	int k = 0;
	while (st && k < cnt && sqlite3_step(st) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 1), *f = (const char *)sqlite3_column_text(st, 2);
		t[k++] = (struct baseline_task){ sqlite3_column_int64(st, 0), *s ? cal_day(s) : -1, *f ? cal_day(f) : -1 };
	}
	if (st) sqlite3_reset(st);
	*bt = t;
	*n = k;
	return 1;
}

const struct baseline_task *
baseline_find(const struct baseline_task *bt, int n, long long task_id)
{
	int lo = 0, hi = n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (bt[mid].id == task_id) return &bt[mid];
		if (bt[mid].id < task_id) lo = mid + 1;
		else hi = mid - 1;
	}
	return NULL;
}

int
plan_variance(const struct calendar *c, int base_finish, int finish)
{
	if (base_finish < 0 || finish < 0 || base_finish == finish) return 0;
	return finish > base_finish ? cal_workdays_between(c, base_finish + 1, finish + 1)
				    : -cal_workdays_between(c, finish + 1, base_finish + 1);
}

void
baselines_xml(xmlNodePtr parent, long long project_id)
{
	xmlNodePtr list = xml_el(parent, "baselines");
	sqlite3_stmt *st = db_q("SELECT id, name, created_at, created_by FROM baselines WHERE project_id = ? ORDER BY id DESC",
				"i", project_id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr b = xml_el(list, "baseline");
		static const char *const names[] = { "id", "name", "created", "created-by" };
		for (int i = 0; i < 4; i++) xml_attr(b, names[i], (const char *)sqlite3_column_text(st, i));
	}
	if (st) sqlite3_reset(st);
}
