/* task.c — task writes: checks, create, update (including a new parent, refused when it would
 * make a loop), moves in the tree, delete with descendants, progress updates and comments, and
 * the copy of a task tree for templates. Each write appends its audit record with the task's
 * old and new values; the caller recomputes the project (plan.c) in the same transaction. */
#include "plan/task.h"
#include "plan/lists.h"
#include "plan/plan.h"
#include "engine/health.h"
#include "core/xml.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/db.h"
#include "engine/deps.h"
#include "core/text.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const TASK_STATUS[] = { "not_started", "in_progress", "blocked", "done", "cancelled", NULL };
static const char *const TASK_CONSTRAINTS[] = { "ASAP", "SNET", "FNLT", "MSO", NULL };

static int
in_set(const char *s, const char *const *set)
{
	for (; s && *set; set++)
		if (!strcmp(s, *set)) return 1;
	return 0;
}

static long long
user_id_of(const char *login)
{
	return login && *login ? db_int("SELECT id FROM users WHERE login = ? AND active = 1", "s", login) : 0;
}

static int
date_ok(const char *s)
{
	return !*s || cal_day(s) >= 0;
}

int
task_check(struct task_in *t, const struct calendar *c, fielderr_fn err, void *arg)
{
	int bad = 0;
#define BAD(f, k) do { err(arg, f, k); bad++; } while (0)
	if (!*t->name || text_chars(t->name) > 200 || strchr(t->name, '\n')) BAD("name", "error.name");
	if (text_chars(t->description) > 4000) BAD("description", "error.field_too_long");
	if (*t->owner && !user_id_of(t->owner)) BAD("owner", "error.owner");
	if (!isfinite(t->estimate) || t->estimate < 0 || t->estimate > 100000) BAD("estimate_hours", "error.number");
	if (!isfinite(t->duration) || t->duration < 0 || t->duration > 10000) BAD("duration_days", "error.number");
	if (!isfinite(t->percent) || t->percent < 0 || t->percent > 100) BAD("percent", "error.percent");
	if (!isfinite(t->remaining) || (t->remaining < 0 && t->remaining != -1) || t->remaining > 100000)
		BAD("remaining_hours", "error.number");
	if (t->priority < 1 || t->priority > 4) BAD("priority", "error.priority");
	if (!in_set(t->status, TASK_STATUS)) BAD("status", "error.status");
	if (*t->category && !lists_has("task_category", t->category)) BAD("category", "error.category");
	struct arena pa = {0};
	struct dep *dl;
	const char *dkey = NULL;
	int dpos;
	if (text_chars(t->predecessors) > 200) BAD("predecessors", "error.predecessors");
	else if (deps_parse(&pa, t->predecessors, HOURS_PER_DAY * 60, &dl, &dkey, &dpos) < 0) BAD("predecessors", dkey);
	arena_reset(&pa);
	if (!t->constraint_type || !*t->constraint_type) t->constraint_type = "ASAP";
	if (!t->constraint_date) t->constraint_date = "";
	if (!in_set(t->constraint_type, TASK_CONSTRAINTS)) BAD("constraint_type", "error.constraint_type");
	else if (!strcmp(t->constraint_type, "ASAP")) t->constraint_date = "";
	else if (cal_day(t->constraint_date) < 0) BAD("constraint_date", "error.constraint_date");
	const char *const dates[] = { "planned_start", "planned_finish", "actual_start", "actual_finish" };
	const char *vals[] = { t->planned_start, t->planned_finish, t->actual_start, t->actual_finish };
	int okd[4];
	for (int i = 0; i < 4; i++)
		if (!(okd[i] = date_ok(vals[i]))) BAD(dates[i], "error.date");
	if (okd[0] && okd[1] && *t->planned_start && *t->planned_finish && strcmp(t->planned_finish, t->planned_start) < 0)
		BAD("planned_finish", "error.date_order");
	if (okd[2] && okd[3] && *t->actual_start && *t->actual_finish && strcmp(t->actual_finish, t->actual_start) < 0)
		BAD("actual_finish", "error.date_order");
#undef BAD
	if (bad) return bad;
	/* derived values: a finish from start + duration, a duration from the two dates */
	if (*t->planned_start && !*t->planned_finish && t->duration > 0) {
		cal_iso(cal_finish(c, cal_day(t->planned_start), (int)ceil(t->duration)), t->derived_finish);
		t->planned_finish = t->derived_finish;
	} else if (*t->planned_start && *t->planned_finish && t->duration == 0 && !t->milestone) {
		t->duration = cal_workdays_between(c, cal_day(t->planned_start), cal_day(t->planned_finish) + 1);
	}
	if (t->remaining == -1) t->remaining = t->estimate * (100 - t->percent) / 100;
	if (!strcmp(t->status, "done")) {
		t->percent = 100;
		t->remaining = 0;
	}
	return 0;
}

static const char *
nz(const char *s)
{
	return s && *s ? s : NULL;
}

static const char *
constraint_of(const struct task_in *t)
{
	return t->constraint_type && *t->constraint_type ? t->constraint_type : "ASAP";
}

static void
task_json_in(struct buf *b, const struct task_in *t)
{
	json_open(b);
	json_s(b, "name", t->name);
	json_s(b, "description", t->description);
	json_s(b, "owner", nz(t->owner));
	json_n(b, "estimate_hours", t->estimate);
	json_n(b, "duration_days", t->duration);
	json_s(b, "planned_start", nz(t->planned_start));
	json_s(b, "planned_finish", nz(t->planned_finish));
	json_s(b, "actual_start", nz(t->actual_start));
	json_s(b, "actual_finish", nz(t->actual_finish));
	json_n(b, "priority", t->priority);
	json_s(b, "status", t->status);
	json_n(b, "milestone", t->milestone);
	json_n(b, "percent", t->percent);
	json_n(b, "remaining_hours", t->remaining);
	json_s(b, "category", t->category);
	json_s(b, "predecessors", t->predecessors);
	json_s(b, "constraint_type", t->constraint_type && *t->constraint_type ? t->constraint_type : "ASAP");
	json_s(b, "constraint_date", nz(t->constraint_date));
	json_n(b, "parent", (double)t->parent);
	json_close(b);
}

int
task_load(struct arena *a, long long id, struct task_in *t, long long *project_id)
{
	sqlite3_stmt *st = db_q("SELECT t.name, t.description, coalesce(o.login, ''), coalesce(t.planned_start, ''),"
				" coalesce(t.planned_finish, ''), coalesce(t.actual_start, ''), coalesce(t.actual_finish, ''),"
				" t.status, t.category, t.predecessors, t.estimate_hours, t.duration_days, t.percent,"
				" t.remaining_hours, t.priority, t.milestone, coalesce(t.parent_id, 0), t.project_id,"
				" t.constraint_type, coalesce(t.constraint_date, '') FROM tasks t LEFT JOIN users o ON o.id = t.owner_id WHERE t.id = ?", "i", id);
	if (!st || sqlite3_step(st) != SQLITE_ROW) {
		if (st) sqlite3_reset(st);
		return -1;
	}
	memset(t, 0, sizeof *t);
	const char **s[] = { &t->name, &t->description, &t->owner, &t->planned_start, &t->planned_finish,
			     &t->actual_start, &t->actual_finish, &t->status, &t->category, &t->predecessors };
	for (int i = 0; i < 10; i++) *s[i] = arena_strdup(a, (const char *)sqlite3_column_text(st, i));
	t->estimate = sqlite3_column_double(st, 10);
	t->duration = sqlite3_column_double(st, 11);
	t->percent = sqlite3_column_double(st, 12);
	t->remaining = sqlite3_column_double(st, 13);
	t->priority = sqlite3_column_int(st, 14);
	t->milestone = sqlite3_column_int(st, 15);
	t->parent = sqlite3_column_int64(st, 16);
	if (project_id) *project_id = sqlite3_column_int64(st, 17);
	t->constraint_type = arena_strdup(a, (const char *)sqlite3_column_text(st, 18));
	t->constraint_date = arena_strdup(a, (const char *)sqlite3_column_text(st, 19));
	sqlite3_reset(st);
	return 0;
}

/* The stored task as JSON (the same keys as task_json_in), for the audit's old value. */
static int
task_json_db(struct buf *b, long long id, long long *project_id)
{
	struct arena a = {0};
	struct task_in t;
	int rc = task_load(&a, id, &t, project_id);
	if (!rc) task_json_in(b, &t);
	arena_reset(&a);
	return rc;
}

static int
audit_task(const struct audit_who *who, const char *action, long long id, const char *old, const char *nv,
	   const char *reason)
{
	char eid[24];
	snprintf(eid, sizeof eid, "%lld", id);
	return audit_append(who, action, "task", eid, old, nv, reason);
}

static long long
next_position(long long project_id, long long parent)
{
	return db_int("SELECT coalesce(max(position), 0) + 1 FROM tasks WHERE project_id = ? AND"
		      " coalesce(parent_id, 0) = ?", "ii", project_id, parent);
}

long long
task_create(const struct audit_who *who, const struct project *p, const struct task_in *t, long long after)
{
	char now[21];
	clock_iso(clock_now(), now);
	long long pos = next_position(p->id, t->parent);
	if (after) {
		long long ap = db_int("SELECT position FROM tasks WHERE id = ?", "i", after);
		if (db_run("UPDATE tasks SET position = position + 1 WHERE project_id = ? AND coalesce(parent_id, 0) = ?"
			   " AND position > ?", "iii", p->id, t->parent, ap) != SQLITE_DONE)
			return -1;
		pos = ap + 1;
	}
	long long owner = user_id_of(t->owner);
	if (db_run("INSERT INTO tasks (project_id, parent_id, position, name, description, owner_id, estimate_hours,"
		   " duration_days, planned_start, planned_finish, actual_start, actual_finish, priority, status,"
		   " milestone, percent, remaining_hours, category, predecessors, created_at, updated_at, entered_start,"
		   " constraint_type, constraint_date)"
		   " VALUES (?, nullif(?, 0), ?, ?, ?, nullif(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		   "iiissiffssssdsdffsssssss", p->id, t->parent, pos, t->name, t->description, owner, t->estimate,
		   t->duration, nz(t->planned_start), nz(t->planned_finish), nz(t->actual_start), nz(t->actual_finish),
		   t->priority, t->status, t->milestone, t->percent, t->remaining, t->category, t->predecessors, now,
		   now, nz(t->planned_start), constraint_of(t), nz(t->constraint_date)) != SQLITE_DONE)
		return -1;
	long long id = sqlite3_last_insert_rowid(db);
	if (owner && db_run("INSERT OR IGNORE INTO project_members (project_id, user_id, role) VALUES (?, ?, 'engineer')",
			    "ii", p->id, owner) != SQLITE_DONE)
		return -1;
	struct buf nv = {0};
	task_json_in(&nv, t);
	char reason[80];
	snprintf(reason, sizeof reason, "project %s", p->code);
	int rc = audit_task(who, "task.create", id, NULL, buf_str(&nv), reason);
	buf_free(&nv);
	return rc ? -1 : id;
}

/* 1 when parent is id itself or lies under id. */
static int
makes_loop(long long id, long long parent)
{
	return parent && db_int("WITH RECURSIVE up(x) AS (SELECT ? UNION ALL SELECT t.parent_id FROM tasks t"
				" JOIN up ON t.id = up.x WHERE t.parent_id IS NOT NULL) SELECT count(*) FROM up WHERE x = ?",
				"ii", parent, id) > 0;
}

int
task_update(const struct audit_who *who, long long id, const struct task_in *t)
{
	struct buf ov = {0}, nv = {0};
	long long project_id = 0;
	if (task_json_db(&ov, id, &project_id)) return -1;
	long long old_parent = db_int("SELECT coalesce(parent_id, 0) FROM tasks WHERE id = ?", "i", id);
	long long pos = db_int("SELECT position FROM tasks WHERE id = ?", "i", id);
	if (t->parent != old_parent) {
		if (makes_loop(id, t->parent)) { buf_free(&ov); return -2; }
		pos = next_position(project_id, t->parent);
	}
	char now[21];
	clock_iso(clock_now(), now);
	int rc = db_run("UPDATE tasks SET parent_id = nullif(?, 0), position = ?, name = ?, description = ?,"
			" owner_id = nullif(?, 0), estimate_hours = ?, duration_days = ?, planned_start = ?,"
			" planned_finish = ?, actual_start = ?, actual_finish = ?, priority = ?, status = ?, milestone = ?,"
			" percent = ?, remaining_hours = ?, category = ?, predecessors = ?, updated_at = ?,"
			/* a start sent back as the schedule has it was not entered: the entered one stays */
			" entered_start = CASE WHEN ? IS planned_start THEN entered_start ELSE ? END,"
			" constraint_type = ?, constraint_date = ? WHERE id = ?",
			"iissiffssssdsdffsssssssi", t->parent, pos, t->name, t->description, user_id_of(t->owner),
			t->estimate, t->duration, nz(t->planned_start), nz(t->planned_finish), nz(t->actual_start),
			nz(t->actual_finish), t->priority, t->status, t->milestone, t->percent, t->remaining,
			t->category, t->predecessors, now, nz(t->planned_start), nz(t->planned_start), constraint_of(t),
			nz(t->constraint_date), id);
	long long owner = user_id_of(t->owner);
	if (rc == SQLITE_DONE && owner)   /* a task's owner is a member of its project */
		rc = db_run("INSERT OR IGNORE INTO project_members (project_id, user_id, role) VALUES (?, ?, 'engineer')",
			    "ii", project_id, owner);
	if (rc == SQLITE_DONE) {
		task_json_in(&nv, t);
		rc = audit_task(who, "task.update", id, buf_str(&ov), buf_str(&nv), "") ? -1 : 0;
	} else {
		rc = -1;
	}
	buf_free(&ov);
	buf_free(&nv);
	return rc;
}

int
task_move(const struct audit_who *who, long long id, const char *op, const char **key, struct arena *a)
{
	(void)a;
	sqlite3_stmt *st = db_q("SELECT project_id, coalesce(parent_id, 0), position FROM tasks WHERE id = ?", "i", id);
	if (!st || sqlite3_step(st) != SQLITE_ROW) {
		if (st) sqlite3_reset(st);
		*key = "error.task_not_found";
		return -1;
	}
	long long project = sqlite3_column_int64(st, 0), parent = sqlite3_column_int64(st, 1);
	long long pos = sqlite3_column_int64(st, 2);
	sqlite3_reset(st);
	/* the sibling just before / after this task */
	long long prev = db_int("SELECT id FROM tasks WHERE project_id = ? AND coalesce(parent_id, 0) = ? AND position < ?"
				" ORDER BY position DESC LIMIT 1", "iii", project, parent, pos);
	long long next = db_int("SELECT id FROM tasks WHERE project_id = ? AND coalesce(parent_id, 0) = ? AND position > ?"
				" ORDER BY position LIMIT 1", "iii", project, parent, pos);
	long long new_parent = parent, new_pos = pos;
	int rc = SQLITE_DONE;
	*key = "error.move";
	if (!strcmp(op, "up") || !strcmp(op, "down")) {
		long long other = !strcmp(op, "up") ? prev : next;
		if (!other) return -1;
		long long opos = db_int("SELECT position FROM tasks WHERE id = ?", "i", other);
		rc = db_run("UPDATE tasks SET position = ? WHERE id = ?", "ii", pos, other);
		new_pos = opos;
	} else if (!strcmp(op, "indent")) {
		if (!prev) return -1;
		new_parent = prev;
		new_pos = next_position(project, prev);
	} else if (!strcmp(op, "outdent")) {
		if (!parent) return -1;
		long long gp = db_int("SELECT coalesce(parent_id, 0) FROM tasks WHERE id = ?", "i", parent);
		long long ppos = db_int("SELECT position FROM tasks WHERE id = ?", "i", parent);
		rc = db_run("UPDATE tasks SET position = position + 1 WHERE project_id = ? AND coalesce(parent_id, 0) = ?"
			    " AND position > ?", "iii", project, gp, ppos);
		new_parent = gp;
		new_pos = ppos + 1;
	} else {
		*key = "error.400";
		return -1;
	}
	if (rc != SQLITE_DONE ||
	    db_run("UPDATE tasks SET parent_id = nullif(?, 0), position = ? WHERE id = ?", "iii", new_parent, new_pos,
		   id) != SQLITE_DONE) {
		*key = "error.busy";
		return -1;
	}
	struct buf ov = {0}, nv = {0};
	json_open(&ov);
	json_n(&ov, "parent", (double)parent);
	json_n(&ov, "position", (double)pos);
	json_close(&ov);
	json_open(&nv);
	json_n(&nv, "parent", (double)new_parent);
	json_n(&nv, "position", (double)new_pos);
	json_close(&nv);
	int r = audit_task(who, "task.move", id, buf_str(&ov), buf_str(&nv), op);
	buf_free(&ov);
	buf_free(&nv);
	if (r) *key = "error.busy";
	return r;
}

int
task_delete(const struct audit_who *who, long long id)
{
	/* the task and everything under it, deepest first (children before their parents) */
	sqlite3_stmt *st = db_q("WITH RECURSIVE sub(x, d) AS (SELECT ?, 0 UNION ALL SELECT t.id, sub.d + 1 FROM tasks t"
				" JOIN sub ON t.parent_id = sub.x) SELECT x FROM sub ORDER BY d DESC", "i", id);
	long long ids[4096];
	int n = 0;
	while (st && sqlite3_step(st) == SQLITE_ROW && n < 4096)
		ids[n++] = sqlite3_column_int64(st, 0);
	if (st) sqlite3_reset(st);
	if (n == 4096) return -1;
	for (int i = 0; i < n; i++) {
		struct buf ov = {0};
		if (task_json_db(&ov, ids[i], NULL)) { buf_free(&ov); return -1; }
		/* its successors lose the link: their text is rewritten from what remains */
		int rc = db_run("UPDATE tasks SET predecessors = '' WHERE id IN (SELECT succ_id FROM dependencies WHERE pred_id = ?)",
				"i", ids[i]) != SQLITE_DONE ||
			 db_run("UPDATE tasks SET driving_pred = NULL WHERE driving_pred = ?", "i", ids[i]) != SQLITE_DONE ||
			 db_run("DELETE FROM dependencies WHERE pred_id = ?1 OR succ_id = ?1", "i", ids[i]) != SQLITE_DONE ||
			 db_run("DELETE FROM progress_updates WHERE task_id = ?", "i", ids[i]) != SQLITE_DONE ||
			 db_run("DELETE FROM comments WHERE task_id = ?", "i", ids[i]) != SQLITE_DONE ||
			 db_run("DELETE FROM tasks WHERE id = ?", "i", ids[i]) != SQLITE_DONE ||
			 audit_task(who, "task.delete", ids[i], buf_str(&ov), NULL, ids[i] == id ? "" : "with its parent");
		buf_free(&ov);
		if (rc) return -1;
	}
	return 0;
}

int
task_progress(const struct audit_who *who, long long id, long long user_id, const struct progress_in *pr)
{
	char now[21], today[11];
	clock_iso(clock_now(), now);
	cal_iso(plan_today(), today);
	int done = !strcmp(pr->status, "done");
	double percent = done ? 100 : pr->percent, remaining = done ? 0 : pr->remaining;
	struct buf ov = {0}, nv = {0};
	if (task_json_db(&ov, id, NULL)) return -1;
	int started = strcmp(pr->status, "not_started") != 0;
	int rc = db_run("INSERT INTO progress_updates (task_id, user_id, at, percent, hours_spent, remaining_hours, status,"
			" note, delay_reason) VALUES (?,?,?,?,?,?,?,?,?)", "iisfffsss", id, user_id, now, percent, pr->hours,
			remaining, pr->status, pr->note, pr->delay_reason) != SQLITE_DONE ||
		 db_run("UPDATE tasks SET percent = ?, remaining_hours = ?, status = ?, updated_at = ?,"
			" actual_start = CASE WHEN ?5 AND actual_start IS NULL THEN ?7 ELSE actual_start END,"
			" actual_finish = CASE WHEN ?6 THEN coalesce(actual_finish, ?7) ELSE NULL END WHERE id = ?8",
			"ffssddsi", percent, remaining, pr->status, now, started, done, today, id) != SQLITE_DONE;
	if (!rc) {
		json_open(&nv);
		json_n(&nv, "percent", percent);
		json_n(&nv, "hours_spent", pr->hours);
		json_n(&nv, "remaining_hours", remaining);
		json_s(&nv, "status", pr->status);
		json_s(&nv, "note", pr->note);
		json_s(&nv, "delay_reason", nz(pr->delay_reason));
		json_close(&nv);
		rc = audit_task(who, "task.progress", id, buf_str(&ov), buf_str(&nv), pr->delay_reason);
	}
	buf_free(&ov);
	buf_free(&nv);
	return rc ? -1 : 0;
}

int
task_comment(const struct audit_who *who, long long id, long long user_id, const char *body)
{
	char now[21];
	clock_iso(clock_now(), now);
	if (db_run("INSERT INTO comments (task_id, user_id, at, body) VALUES (?,?,?,?)", "iiss", id, user_id, now,
		   body) != SQLITE_DONE)
		return -1;
	struct buf nv = {0};
	json_open(&nv);
	json_s(&nv, "comment", body);
	json_close(&nv);
	int rc = audit_task(who, "task.comment", id, NULL, buf_str(&nv), "");
	buf_free(&nv);
	return rc;
}

int
task_copy_tree(const struct audit_who *who, long long from, int from_start, const struct project *to,
		   int to_start, const struct calendar *c, struct arena *a)
{
	int n = (int)db_int("SELECT count(*) FROM tasks WHERE project_id = ?", "i", from);
	long long *old_ids = arena_alloc(a, sizeof *old_ids * (size_t)(n + 1));
	long long *new_ids = arena_alloc(a, sizeof *new_ids * (size_t)(n + 1));
	struct task_in *ts = arena_alloc(a, sizeof *ts * (size_t)(n + 1));
	long long *parents = arena_alloc(a, sizeof *parents * (size_t)(n + 1));
	sqlite3_stmt *st = db_q("SELECT t.id, coalesce(t.parent_id, 0), t.name, t.description, coalesce(o.login, ''),"
				" t.estimate_hours, t.duration_days, t.planned_start, t.planned_finish, t.priority,"
				" t.milestone, t.category, t.predecessors FROM tasks t LEFT JOIN users o ON o.id = t.owner_id"
				" WHERE t.project_id = ? ORDER BY t.seq", "i", from);
	int i = 0;
	while (st && i < n && sqlite3_step(st) == SQLITE_ROW) {
		struct task_in *t = &ts[i];
#define S(k) arena_strdup(a, (const char *)sqlite3_column_text(st, k))
		old_ids[i] = sqlite3_column_int64(st, 0);
		parents[i] = sqlite3_column_int64(st, 1);
		t->name = S(2);
		t->description = S(3);
		t->owner = S(4);
		t->estimate = sqlite3_column_double(st, 5);
		t->duration = sqlite3_column_double(st, 6);
		int s = sqlite3_column_type(st, 7) == SQLITE_NULL ? -1 : cal_day((const char *)sqlite3_column_text(st, 7));
		int f = sqlite3_column_type(st, 8) == SQLITE_NULL ? -1 : cal_day((const char *)sqlite3_column_text(st, 8));
		char *ns = arena_alloc(a, 11), *nf = arena_alloc(a, 11);
		if (s >= 0) {
			int ns_day = cal_add_workdays(c, to_start, 0);
			int off = cal_workdays_between(c, from_start, s);
			if (off > 0) ns_day = cal_add_workdays(c, ns_day, off);
			cal_iso(ns_day, ns);
			if (f >= 0) cal_iso(cal_finish(c, ns_day, f >= s ? cal_workdays_between(c, s, f + 1) : 1), nf);
		}
		t->planned_start = ns;
		t->planned_finish = nf;
		t->actual_start = t->actual_finish = "";
		t->priority = sqlite3_column_int(st, 9);
		t->milestone = sqlite3_column_int(st, 10);
		t->category = S(11);
		t->predecessors = S(12);
		t->status = "not_started";
		t->percent = 0;
		t->remaining = t->estimate;
#undef S
		i++;
	}
	if (st) sqlite3_reset(st);
	n = i;
	for (i = 0; i < n; i++) {
		ts[i].parent = 0;
		for (int j = 0; j < i && parents[i]; j++)    /* parents come first (seq order) */
			if (old_ids[j] == parents[i]) { ts[i].parent = new_ids[j]; break; }
		if (ts[i].owner && *ts[i].owner && !db_int("SELECT count(*) FROM users WHERE login = ? AND active = 1", "s", ts[i].owner))
			ts[i].owner = "";
		if ((new_ids[i] = task_create(who, to, &ts[i], 0)) < 0) return -1;
	}
	return 0;
}

/* A stored date, -1 when NULL. */
static int
day_or(const unsigned char *s)
{
	return s ? cal_day((const char *)s) : -1;
}

void
task_flags(sqlite3_stmt *st, const struct calendar *c, int today, struct task_flags *f)
{
	const char *status = (const char *)sqlite3_column_text(st, 7);
	int finish = day_or(sqlite3_column_text(st, 14));
	double remaining = sqlite3_column_double(st, 12);
	int due = day_or(sqlite3_column_text(st, TASK_NATTRS));
	f->open = status && strcmp(status, "done") && strcmp(status, "cancelled");
	f->overdue = f->open && health_overdue(due, today);
	f->late_days = f->overdue ? cal_workdays_between(c, due + 1, today + 1) : 0;
	f->at_risk = f->open && !f->overdue && health_at_risk(c, finish, remaining, today);
	f->due_in = f->open && !f->overdue && finish >= today ? cal_workdays_between(c, today + 1, finish + 1) : -1;
}

xmlNodePtr
task_xml(xmlNodePtr parent, sqlite3_stmt *st, const struct calendar *c, int today)
{
	static const char *const names[] = { "id", "wbs", "depth", "summary", "name", "owner", "owner-name",
					     "status", "priority", "milestone", "percent", "estimate", "remaining",
					     "start", "finish", "actual-start", "actual-finish", "category",
					     "project", "project-name", "deadline-missed",
					     "predecessors" };
	xmlNodePtr e = xml_el(parent, "task");
	for (int i = 0; i < TASK_NATTRS; i++) {
		const char *v = (const char *)sqlite3_column_text(st, i);
		/* the scheduling columns only where they say something: every attribute of a row costs
		 * the stylesheet a scan on each lookup, on pages of 1,000 rows */
		if (i >= 20 && (!v || !*v || !strcmp(v, "0"))) continue;
		char num[32];
		if (v && (i == 10 || i == 11 || i == 12)) {   /* hours and percent: no float noise */
			snprintf(num, sizeof num, "%.10g", round(sqlite3_column_double(st, i) * 10) / 10);
			v = num;
		}
		xml_attr(e, names[i], v ? v : "");
	}
	struct task_flags f;
	task_flags(st, c, today, &f);
	xml_attr(e, "overdue", f.overdue ? "1" : "0");
	xml_attr(e, "at-risk", f.at_risk ? "1" : "0");
	xml_attr_ll(e, "late-days", f.late_days);
	if (f.due_in >= 0 && f.due_in <= 3) xml_attr_ll(e, "due-in", f.due_in);
	return e;
}
