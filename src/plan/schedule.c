/* planlinks.c — task links in the model: storing what a task's predecessors field says (MS
 * Project notation, deps.c, resolved against the project's WBS numbers), scheduling the project
 * with the CPM engine (sched.c) inside the write's transaction, and writing the field back in
 * canonical form with the current WBS numbers.
 *
 * The schedule works in working minutes on the project's calendar (plan_project_calendar):
 * minute 0 is the start of the project's first working day, a working day has
 * cal_minutes_per_day minutes, lags in hours stay hours. Every leaf task is scheduled, as
 * Microsoft Project does: one without links or dates starts at the project start (ASAP); the
 * start entered for a task is a start-no-earlier-than (also before the project start); MSO fixes
 * its start; FNLT is a deadline, flagged when missed. Summaries get their children's float (the
 * engine's roll-up) and their dates from wbs.c. Done tasks sit at their actual dates; a started
 * one starts at its actual start and needs its remaining duration (duration x (100 - percent) %)
 * from the start of today, the status date; a cancelled task takes no time. Unstarted tasks are
 * not pushed to today: an overdue start is shown as such, not hidden. A milestone at a day
 * boundary is shown on the day its time belongs to (the engine's es_end: a finish is the end of
 * the day before). */
#include "plan/schedule.h"
#include "plan/plan.h"
#include "core/clock.h"
#include "core/db.h"
#include "engine/axis.h"
#include "engine/deps.h"
#include "engine/sched.h"
#include "core/xml.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *schedule_loop_text;

int
schedule_links_set(long long project_id, long long task_id, const char *text, const char **key, const char **arg,
	       struct arena *a)
{
	struct dep *d;
	int pos, n = deps_parse(a, text ? text : "", cal_minutes_per_day(plan_project_calendar(a, project_id)), &d, key,
				&pos);
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

/* Elapsed lags (2ed) are calendar time; the engine counts working time, so they are converted at
 * the calendar's average: working minutes per calendar minute over a plain week. */
static long
lag_work(const struct calendar *c, long minutes, int elapsed)
{
	if (!elapsed) return minutes;
	char wd[8];
	cal_format_weekdays(c, wd);
	return lround((double)minutes * cal_minutes_per_day(c) / 1440.0 * (double)strlen(wd) / 7.0);
}

struct idmap { long long id; int index; };

static int
idmap_cmp(const void *a, const void *b)
{
	long long x = ((const struct idmap *)a)->id, y = ((const struct idmap *)b)->id;
	return x < y ? -1 : x > y;
}

static int
idmap_find(const struct idmap *m, int n, long long id)
{
	struct idmap key = { id, 0 }, *hit = bsearch(&key, m, (size_t)n, sizeof *m, idmap_cmp);
	return hit ? hit->index : -1;
}

/* The leave of the project's task owners as off times on the axis: [first working day, last
 * working day + 1) of each leave, merged per owner. Sets t[i].off/noff. */
static void
leave_off(long long project_id, struct axis *x, struct sched_task *t, const long long *owner, int n,
	  struct arena *a)
{
	sqlite3_stmt *st = db_q("SELECT l.user_id, l.start_day, l.end_day FROM user_leave l WHERE l.user_id IN"
				" (SELECT owner_id FROM tasks WHERE project_id = ? AND is_summary = 0)"
				" ORDER BY l.user_id, l.start_day", "i", project_id);
	long long cur = 0;
	long *off = NULL;
	int k = 0, cap = 0;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		long long u = sqlite3_column_int64(st, 0);
		int from = cal_day((const char *)sqlite3_column_text(st, 1)), to = cal_day((const char *)sqlite3_column_text(st, 2));
		if (from < 0 || to < from) continue;
		long a0 = axis_index(x, from) * x->mpd, b0 = axis_index(x, to + 1) * x->mpd;
		if (b0 <= a0) continue;                 /* no working day in it */
		if (u != cur) {
			if (cur) for (int i = 0; i < n; i++) if (owner[i] == cur) { t[i].off = off; t[i].noff = k / 2; }
			cur = u;
			off = NULL;
			k = cap = 0;
		}
		if (k && a0 <= off[k - 1]) {            /* touches or overlaps the previous one */
			if (b0 > off[k - 1]) off[k - 1] = b0;
			continue;
		}
		if (k == cap) {
			cap = cap ? cap * 2 : 16;
			long *no = arena_alloc(a, sizeof *no * (size_t)cap);
			if (k) memcpy(no, off, sizeof *off * (size_t)k);
			off = no;
		}
		off[k++] = a0;
		off[k++] = b0;
	}
	if (st) sqlite3_reset(st);
	if (cur) for (int i = 0; i < n; i++) if (owner[i] == cur) { t[i].off = off; t[i].noff = k / 2; }
}

/* One task of the schedule: the engine's input from the current row of the task query (see
 * schedule_project), its owner, its deadline (FNLT, -1 when none) and, for a started task still
 * open, when its duration from its actual start ends (due, -1 otherwise) on the axis. */
static void
schedule_input(sqlite3_stmt *st, struct axis *x, long status, struct sched_task *u, long long *owner, long *deadline,
	   long *due)
{
	const char *col[13];
	for (int i = 0; i < 13; i++) col[i] = (const char *)sqlite3_column_text(st, i);
	long mpd = x->mpd;
	double dd = sqlite3_column_double(st, 1);
	int ms = sqlite3_column_int(st, 2);
	*owner = sqlite3_column_int64(st, 12);
	*deadline = *due = -1;
	*u = (struct sched_task){ .duration = ms ? 0 : dd > 0 ? lround(dd * (double)mpd) : mpd, .parent = -1,
				  .constraint = SCHED_ASAP, .actual_start = -1, .actual_finish = -1 };
	if (u->duration < 1 && !ms) u->duration = 1;
	int es = cal_day(col[3]), cd = cal_day(col[7]), as = cal_day(col[8]), af = cal_day(col[9]);
	/* the start entered for it is a start-no-earlier-than, also before the project start */
	int snet = es >= 0;
	long snet_at = snet ? axis_index(x, es) * mpd : 0;
	const char *ct = col[6];
	if (!strcmp(ct, "SNET") && cd >= 0) {
		long v = axis_index(x, cd) * mpd;
		if (!snet || v > snet_at) snet_at = v;
		snet = 1;
	}
	if (snet) {
		u->constraint = SCHED_SNET;
		u->constraint_time = snet_at;
	}
	if (!strcmp(ct, "MSO") && cd >= 0) {
		u->constraint = SCHED_MSO;
		u->constraint_time = axis_index(x, cd) * mpd;
	} else if (!strcmp(ct, "FNLT") && cd >= 0) {
		/* a deadline at the end of that day, beside the entered start's SNET */
		u->has_deadline = 1;
		u->deadline = *deadline = axis_index(x, cd + 1) * mpd;
	}
	const char *status_s = col[10];
	if (!strcmp(status_s, "cancelled")) u->duration = 0;   /* takes no time; its links still hold */
	if (af >= 0 && !strcmp(status_s, "done")) {
		u->actual_finish = (axis_index(x, af) + (cal_is_workday(x->c, af) ? 1 : 0)) * mpd;
		if (as >= 0) u->actual_start = axis_index(x, as) * mpd;
		if (u->actual_start > u->actual_finish) u->actual_start = -1;
	} else if (as >= 0 && strcmp(status_s, "not_started")) {
		u->actual_start = axis_index(x, as) * mpd;
		/* work still open (in progress, blocked) needs its remaining duration from today; a
		 * done or cancelled task without an actual finish keeps its planned length */
		if (!strcmp(status_s, "in_progress") || !strcmp(status_s, "blocked")) {
			double pct = sqlite3_column_double(st, 11);
			*due = u->actual_start + u->duration;
			long rem = lround((double)u->duration * (100 - pct) / 100), done_by = status - u->actual_start;
			if (done_by > 0 && done_by + rem > u->duration) u->duration = done_by + rem;
		}
	}
}

/* The day a time falls on: a time at a day boundary that is an end (a milestone reached as a
 * finish) belongs to the day before. */
static int
time_day(struct axis *x, long t, int end)
{
	return axis_day(x, axis_floordiv(end ? t - 1 : t, x->mpd));
}

/* The "YYYY-MM-DDTHH:MM" texts of one scheduled task. */
struct sched_text { char es[17], ef[17], ls[17], lf[17]; };

int
schedule_project(long long project_id, struct arena *a)
{
	schedule_loop_text = NULL;
	const struct calendar *c = plan_project_calendar(a, project_id);
	int n = (int)db_int("SELECT count(*) FROM tasks WHERE project_id = ?", "i", project_id);
	if (!n) return 0;
	struct axis x = { .c = c, .mpd = cal_minutes_per_day(c) };
	{
		sqlite3_stmt *st = db_q("SELECT planned_start FROM projects WHERE id = ?", "i", project_id);
		int d = -1;
		if (st && sqlite3_step(st) == SQLITE_ROW) d = cal_day((const char *)sqlite3_column_text(st, 0));
		if (st) sqlite3_reset(st);
		x.base = cal_add_workdays(c, d < 0 ? plan_today() : d, 0);
	}
	long mpd = x.mpd, status = axis_index(&x, plan_today()) * mpd;

	/* every task: the leaves are scheduled, the summaries roll up (in seq order a summary comes
	 * before everything under it) */
	struct sched_task *t = arena_alloc(a, sizeof *t * (size_t)n);
	struct idmap *map = arena_alloc(a, sizeof *map * (size_t)n);
	long long *ids = arena_alloc(a, sizeof *ids * (size_t)n), *owner = arena_alloc(a, sizeof *owner * (size_t)n);
	long long *parent = arena_alloc(a, sizeof *parent * (size_t)n);
	long *deadline = arena_alloc(a, sizeof *deadline * (size_t)n), *due_at = arena_alloc(a, sizeof *due_at * (size_t)n);
	int *due = arena_alloc(a, sizeof *due * (size_t)n);
	char *summary = arena_alloc(a, (size_t)n);
	sqlite3_stmt *st = db_q("SELECT t.id, t.duration_days, t.milestone, coalesce(t.entered_start, ''), t.wbs, t.name,"
				" t.constraint_type, coalesce(t.constraint_date, ''), coalesce(t.actual_start, ''),"
				" coalesce(t.actual_finish, ''), t.status, t.percent, coalesce(t.owner_id, 0), t.is_summary,"
				" coalesce(t.parent_id, 0) FROM tasks t WHERE t.project_id = ? ORDER BY t.seq", "i", project_id);
	int k = 0;
	while (st && k < n && sqlite3_step(st) == SQLITE_ROW) {
		ids[k] = sqlite3_column_int64(st, 0);
		summary[k] = (char)sqlite3_column_int(st, 13);
		parent[k] = sqlite3_column_int64(st, 14);
		if (summary[k]) {
			t[k] = (struct sched_task){ .parent = -1, .constraint = SCHED_ASAP, .actual_start = -1, .actual_finish = -1 };
			owner[k] = 0;
			deadline[k] = due_at[k] = -1;
		} else {
			schedule_input(st, &x, status, &t[k], &owner[k], &deadline[k], &due_at[k]);
		}
		map[k] = (struct idmap){ ids[k], k };
		k++;
	}
	if (st) sqlite3_reset(st);
	n = k;
	qsort(map, (size_t)n, sizeof *map, idmap_cmp);
	for (int i = 0; i < n; i++) t[i].parent = parent[i] ? idmap_find(map, n, parent[i]) : -1;
	leave_off(project_id, &x, t, owner, n, a);

	int nl = (int)db_int("SELECT count(*) FROM dependencies WHERE project_id = ?", "i", project_id);
	struct sched_link *l = arena_alloc(a, sizeof *l * (size_t)(nl + 1));
	int m = 0;
	st = db_q("SELECT pred_id, succ_id, type, lag_minutes, lag_elapsed FROM dependencies WHERE project_id = ?", "i",
		  project_id);
	while (st && m < nl && sqlite3_step(st) == SQLITE_ROW) {
		int pi = idmap_find(map, n, sqlite3_column_int64(st, 0)), si = idmap_find(map, n, sqlite3_column_int64(st, 1));
		if (pi < 0 || si < 0 || summary[pi] || summary[si]) continue;   /* a link on a summary is kept, not scheduled */
		const char *ty = (const char *)sqlite3_column_text(st, 2);
		l[m++] = (struct sched_link){ pi, si, !strcmp(ty, "SS") ? SCHED_SS : !strcmp(ty, "FF") ? SCHED_FF
						: !strcmp(ty, "SF") ? SCHED_SF : SCHED_FS,
					      lag_work(c, (long)sqlite3_column_int64(st, 3), sqlite3_column_int(st, 4)) };
	}
	if (st) sqlite3_reset(st);
	int *cycle = arena_alloc(a, sizeof *cycle * (size_t)(n + 1));
	struct sched_problem pr = { t, n, l, m, 0, -1, 0, 0, cycle, 0 };
	int rc = sched_run(&pr);
	if (rc == -1) {
		struct buf b = {0};
		for (int i = 0; i <= pr.ncycle && pr.ncycle; i++) {   /* "1 A → 2 B → 1 A" */
			sqlite3_stmt *q = db_q("SELECT wbs || ' ' || name FROM tasks WHERE id = ?", "i",
					       ids[cycle[i % pr.ncycle]]);
			if (q && sqlite3_step(q) == SQLITE_ROW) buf_adds(&b, (const char *)sqlite3_column_text(q, 0));
			if (q) sqlite3_reset(q);
			if (i < pr.ncycle) buf_adds(&b, " → ");
		}
		schedule_loop_text = arena_strdup(a, buf_str(&b));
		buf_free(&b);
		axis_free(&x);
		return -2;
	}
	if (rc) {
		axis_free(&x);
		return -1;
	}
	/* the texts: a leaf's from its times (a milestone's by its kind), a summary's the earliest
	 * and latest of its children's (reverse seq order: children before their summary) */
	struct sched_text *tx = arena_alloc(a, sizeof *tx * (size_t)n);
	for (int i = 0; i < n; i++) {
		const struct sched_task *u = &t[i];
		if (u->is_summary) {
			tx[i].es[0] = tx[i].ef[0] = tx[i].ls[0] = tx[i].lf[0] = 0;
			continue;
		}
		axis_iso(&x, u->es, u->es_end, tx[i].es);
		axis_iso(&x, u->ef, u->ef > u->es || u->es_end, tx[i].ef);
		axis_iso(&x, u->ls, u->ls_end, tx[i].ls);
		axis_iso(&x, u->lf, u->lf > u->ls || u->ls_end, tx[i].lf);
	}
	for (int i = n - 1; i >= 0; i--) {
		int up = t[i].parent;
		if (up < 0 || !*tx[i].es) continue;
		struct sched_text *s = &tx[up], *ch = &tx[i];
		if (!*s->es || strcmp(ch->es, s->es) < 0) memcpy(s->es, ch->es, 17);
		if (!*s->ls || strcmp(ch->ls, s->ls) < 0) memcpy(s->ls, ch->ls, 17);
		if (strcmp(ch->ef, s->ef) > 0) memcpy(s->ef, ch->ef, 17);
		if (strcmp(ch->lf, s->lf) > 0) memcpy(s->lf, ch->lf, 17);
	}
	/* the day each task is due (the finish; a started one's from its actual start), a summary's
	 * the latest of its children's */
	for (int i = 0; i < n; i++) {
		const struct sched_task *u = &t[i];
		due[i] = -1;
		if (u->is_summary) continue;
		int fd = u->ef > u->es ? time_day(&x, u->ef, 1) : time_day(&x, u->es, u->es_end);
		int dd = due_at[i] >= 0 ? time_day(&x, due_at[i], due_at[i] > u->es) : fd;
		due[i] = dd < fd ? dd : fd;
	}
	for (int i = n - 1; i >= 0; i--)
		if (t[i].parent >= 0 && due[i] > due[t[i].parent]) due[t[i].parent] = due[i];
	rc = 0;
	for (int i = 0; i < n && !rc; i++) {
		const struct sched_task *u = &t[i];
		char dues[11];
		cal_iso(due[i], dues);
		int missed = u->deadline_missed || (deadline[i] >= 0 && u->ef > deadline[i]);
		long long drv = u->driving_link >= 0 ? ids[l[u->driving_link].pred] : 0;
		double tf = (double)u->total_float / (double)mpd, ff = (double)u->free_float / (double)mpd;
		if (u->is_summary) {   /* its dates are the roll-up's (wbs.c) */
			if (db_run("UPDATE tasks SET total_float = ?1, free_float = ?2, critical = ?3, driving_pred = NULL,"
				   " deadline_missed = ?4, early_start = ?5, early_finish = ?6, late_start = ?7, late_finish = ?8,"
				   " due_finish = nullif(?10, '') WHERE id = ?9 AND (total_float IS NOT ?1 OR free_float IS NOT ?2"
				   " OR critical IS NOT ?3 OR driving_pred IS NOT NULL OR deadline_missed IS NOT ?4"
				   " OR early_start IS NOT ?5 OR early_finish IS NOT ?6 OR late_start IS NOT ?7"
				   " OR late_finish IS NOT ?8 OR due_finish IS NOT nullif(?10, ''))", "ffiissssis",
				   tf, ff, (long long)u->critical, (long long)missed, tx[i].es, tx[i].ef, tx[i].ls, tx[i].lf,
				   ids[i], dues) != SQLITE_DONE)
				rc = -1;
			continue;
		}
		char s[11], f[11];
		int sd = time_day(&x, u->es, u->es_end);
		int fd = u->ef > u->es ? time_day(&x, u->ef, 1) : sd;
		cal_iso(sd, s);
		cal_iso(fd, f);
		/* rows the change did not move are not written (most of them, for most edits) */
		if (db_run("UPDATE tasks SET planned_start = ?1, planned_finish = ?2, total_float = ?3, free_float = ?4,"
			   " critical = ?5, driving_pred = nullif(?6, 0), deadline_missed = ?7, early_start = ?8, early_finish = ?9,"
			   " late_start = ?10, late_finish = ?11, due_finish = ?13 WHERE id = ?12 AND (planned_start IS NOT ?1"
			   " OR planned_finish IS NOT ?2 OR total_float IS NOT ?3 OR free_float IS NOT ?4 OR critical IS NOT ?5"
			   " OR driving_pred IS NOT nullif(?6, 0) OR deadline_missed IS NOT ?7 OR early_start IS NOT ?8"
			   " OR early_finish IS NOT ?9 OR late_start IS NOT ?10 OR late_finish IS NOT ?11 OR due_finish IS NOT ?13)",
			   "ssffiiissssis", s, f, tf, ff, (long long)u->critical, drv, (long long)missed, tx[i].es, tx[i].ef,
			   tx[i].ls, tx[i].lf, ids[i], dues) != SQLITE_DONE)
			rc = -1;
	}
	axis_free(&x);
	return rc;
}

/* Sets the predecessors text of task id to the links in d (k of them) when it differs. */
static int
links_text_store(long long id, const struct dep *d, int k, int mpd)
{
	struct buf b = {0};
	deps_format(d, k, mpd, &b);
	int rc = db_run("UPDATE tasks SET predecessors = ?1 WHERE id = ?2 AND predecessors <> ?1", "si", buf_str(&b), id);
	buf_free(&b);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
schedule_links_text(long long project_id, struct arena *a)
{
	/* every successor's field, rewritten with the current WBS numbers: one pass over the links
	 * grouped by successor */
	static const char *const types[] = { "FS", "SS", "FF", "SF" };
	int mpd = cal_minutes_per_day(plan_project_calendar(a, project_id));
	int nl = (int)db_int("SELECT count(*) FROM dependencies WHERE project_id = ?", "i", project_id);
	struct dep *d = arena_alloc(a, sizeof *d * (size_t)(nl + 1));
	sqlite3_stmt *st = db_q("SELECT d.succ_id, p.wbs, d.type, d.lag_minutes, d.lag_elapsed FROM dependencies d"
				" JOIN tasks p ON p.id = d.pred_id WHERE d.project_id = ? ORDER BY d.succ_id, p.seq", "i",
				project_id);
	long long cur = 0;
	int k = 0, rc = 0, seen = 0;
	struct { long long id; int from, n; } *grp = arena_alloc(a, sizeof *grp * (size_t)(nl + 1));
	int ng = 0;
	while (st && seen < nl && sqlite3_step(st) == SQLITE_ROW) {
		long long succ = sqlite3_column_int64(st, 0);
		if (succ != cur) {
			grp[ng].id = succ;
			grp[ng].from = k;
			grp[ng++].n = 0;
			cur = succ;
		}
		const char *ty = (const char *)sqlite3_column_text(st, 2);
		int type = 0;
		for (int j = 0; j < 4; j++) if (!strcmp(ty, types[j])) type = j;
		d[k++] = (struct dep){ arena_strdup(a, (const char *)sqlite3_column_text(st, 1)), (enum dep_type)type,
				       (long)sqlite3_column_int64(st, 3), sqlite3_column_int(st, 4) };
		grp[ng - 1].n++;
		seen++;
	}
	if (st) sqlite3_reset(st);
	for (int i = 0; i < ng && !rc; i++) rc = links_text_store(grp[i].id, d + grp[i].from, grp[i].n, mpd);
	return rc;
}

int
schedule_links_from_text(long long project_id, struct arena *a)
{
	int cap = (int)db_int("SELECT count(*) FROM tasks WHERE project_id = ? AND predecessors <> ''", "i", project_id), n = 0;
	long long *ids = arena_alloc(a, sizeof *ids * (size_t)(cap + 1));
	const char **texts = arena_alloc(a, sizeof *texts * (size_t)(cap + 1));
	sqlite3_stmt *st = db_q("SELECT id, predecessors FROM tasks WHERE project_id = ? AND predecessors <> '' ORDER BY seq",
				"i", project_id);
	while (st && n < cap && sqlite3_step(st) == SQLITE_ROW) {
		ids[n] = sqlite3_column_int64(st, 0);
		texts[n++] = arena_strdup(a, (const char *)sqlite3_column_text(st, 1));
	}
	if (st) sqlite3_reset(st);
	int bad = 0;
	for (int i = 0; i < n; i++) {
		const char *key = NULL, *arg = NULL;
		if (schedule_links_set(project_id, ids[i], texts[i], &key, &arg, a)) {
			if (!strcmp(key, "error.busy")) return -1;
			bad++;
		}
	}
	return bad;
}
