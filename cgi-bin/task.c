/* taskpage.c — one task: its page (fields, progress history, comments, audit history), the new
 * and edit forms, moves in the WBS, delete with confirmation, progress updates and comments.
 * Every write recomputes the project's WBS numbers and roll-ups in the same transaction. */
#include "core/route.h"
#include "core/json.h"
#include "core/db.h"
#include "change/followup.h"
#include "engine/deps.h"
#include "engine/health.h"
#include "core/history.h"
#include "plan/plan.h"
#include "plan/project.h"
#include "plan/task.h"
#include "plan/schedule.h"
#include "plan/lists.h"
#include "core/text.h"
#include "core/xml.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

struct tctx { struct project p; long long id; int role; };

/* Loads the task of the path (capture 0) and its project; 0 or an error status. */
static int
load_task(struct ctx *c, struct tctx *t, int need)
{
	t->id = ctx_id(c, 0);
	const char *code = t->id ? (const char *)NULL : NULL;
	sqlite3_stmt *st = db_q("SELECT p.code FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.id = ?", "i", t->id);
	if (st && sqlite3_step(st) == SQLITE_ROW) code = arena_strdup(c->rq->a, (const char *)sqlite3_column_text(st, 0));
	if (st) sqlite3_reset(st);
	if (!code || project_load(c->rq->a, code, &t->p) != 1) return ctx_error(c, 404, "error.task_not_found", "");
	t->role = project_role(&t->p, c->u);
	if (need == 'm' && t->role != 'm') return ctx_error(c, 403, "error.not_member", "");
	return 0;
}

static int
is_owner(struct ctx *c, long long task_id)
{
	return db_int("SELECT owner_id FROM tasks WHERE id = ?", "i", task_id) == c->u->id;
}

static const char TASK_ONE[] = "SELECT " TASK_COLS ", t.description, t.created_at, t.updated_at,"
	" coalesce(t.parent_id, ''), (SELECT name FROM tasks x WHERE x.id = t.parent_id), t.duration_days,"
	" t.total_float, t.critical, t.driving_pred, (SELECT wbs || ' ' || name FROM tasks x WHERE x.id = t.driving_pred),"
	" t.free_float, t.early_start, t.early_finish, t.late_start, t.late_finish, t.constraint_type, t.constraint_date,"
	" (SELECT planned_finish FROM tasks x WHERE x.id = t.driving_pred), d.type, d.lag_minutes, d.lag_elapsed"
	TASK_FROM " LEFT JOIN dependencies d ON d.pred_id = t.driving_pred AND d.succ_id = t.id WHERE t.id = ?";

/* The driving link in the project's notation ("FS+2d") and the calendar gap: the non-working days
 * between the driving predecessor's finish and this task's start (weekends, holidays, leave). */
static void
why_xml(xmlNodePtr e, sqlite3_stmt *st, const struct calendar *cal, struct arena *a)
{
	int k = TASK_NCOLS + 17;
	if (sqlite3_column_type(st, k + 1) == SQLITE_NULL) return;
	struct dep d = { "", DEP_FS, (long)sqlite3_column_int64(st, k + 2), sqlite3_column_int(st, k + 3) };
	static const char *const types[] = { "FS", "SS", "FF", "SF" };
	for (int i = 0; i < 4; i++)
		if (!strcmp((const char *)sqlite3_column_text(st, k + 1), types[i])) d.type = (enum dep_type)i;
	struct buf b = {0};
	deps_format(&d, 1, cal_minutes_per_day(cal), &b);
	/* the notation leaves out a plain FS; here the type is the point */
	xml_attr(e, "driving-link", *buf_str(&b) ? arena_strdup(a, buf_str(&b)) : "FS");
	buf_free(&b);
	int pf = cal_day((const char *)sqlite3_column_text(st, k)), s = cal_day((const char *)sqlite3_column_text(st, 13));
	if (pf >= 0 && s > pf + 1)
		xml_attr_ll(e, "calendar-gap", (s - pf - 1) - cal_workdays_between(cal, pf + 1, s));
}

static void
project_el(struct ctx *c, const struct project *p)
{
	xmlNodePtr e = xml_el(c->page, "project");
	xml_attr(e, "code", p->code);
	xml_attr(e, "name", p->name);
}

static int
task_page(struct ctx *c)
{
	struct tctx t;
	int rc = load_task(c, &t, 0);
	if (rc) return rc;
	const struct calendar *cal = plan_project_calendar(c->rq->a, t.p.id);
	int today = plan_today();
	sqlite3_stmt *st = db_q(TASK_ONE, "i", t.id);
	if (!st || sqlite3_step(st) != SQLITE_ROW) {
		if (st) sqlite3_reset(st);
		return ctx_error(c, 404, "error.task_not_found", "");
	}
	xmlNodePtr e = task_xml(c->page, st, cal, today);
	/* the schedule's "why this date": the driving predecessor, the link, the float */
	static const char *const more[] = { "description", "created", "updated", "parent-id",
					    "parent-name", "duration", "total-float", "critical", "driving-id",
					    "driving-name", "free-float", "early-start", "early-finish", "late-start",
					    "late-finish", "constraint-type", "constraint-date" };
	for (int i = 0; i < 17; i++) {
		const char *v = (const char *)sqlite3_column_text(st, TASK_NCOLS + i);
		char num[32];
		if (v && (i == 6 || i == 10)) {   /* floats in working days: no noise */
			snprintf(num, sizeof num, "%.10g", round(sqlite3_column_double(st, TASK_NCOLS + i) * 100) / 100);
			v = num;
		}
		xml_attr(e, more[i], v ? v : "");
	}
	why_xml(e, st, cal, c->rq->a);
	xml_attr(e, "followup-of", followup_change_of(c->rq->a, t.id));
	struct task_flags f;
	task_flags(st, cal, today, &f);
	xml_attr(e, "needs-reason", f.overdue || f.at_risk ? "1" : "0");
	sqlite3_reset(st);

	st = db_q("SELECT g.id, g.at, u.login, CASE u.display_name WHEN '' THEN u.login ELSE u.display_name END,"
		  " g.percent, g.hours_spent, g.remaining_hours, g.status, g.note, g.delay_reason FROM progress_updates g"
		  " JOIN users u ON u.id = g.user_id WHERE g.task_id = ? ORDER BY g.at DESC, g.id DESC", "i", t.id);
	static const char *const pa[] = { "id", "at", "user", "user-name", "percent", "hours", "remaining", "status",
					  "note", "delay-reason" };
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr g = xml_el(e, "progress");
		for (int i = 0; i < 10; i++) xml_attr(g, pa[i], (const char *)sqlite3_column_text(st, i));
	}
	if (st) sqlite3_reset(st);
	st = db_q("SELECT m.id, m.at, u.login, CASE u.display_name WHEN '' THEN u.login ELSE u.display_name END, m.body"
		  " FROM comments m JOIN users u ON u.id = m.user_id WHERE m.task_id = ? ORDER BY m.at, m.id", "i", t.id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr m = xml_text(e, "comment", (const char *)sqlite3_column_text(st, 4));
		xml_attr(m, "id", (const char *)sqlite3_column_text(st, 0));
		xml_attr(m, "at", (const char *)sqlite3_column_text(st, 1));
		xml_attr(m, "user", (const char *)sqlite3_column_text(st, 2));
		xml_attr(m, "user-name", (const char *)sqlite3_column_text(st, 3));
	}
	if (st) sqlite3_reset(st);
	char eid[24];
	snprintf(eid, sizeof eid, "%lld", t.id);
	history_xml(e, "task", eid);
	xmlNodePtr kids = xml_el(e, "children");
	st = db_q("SELECT " TASK_COLS TASK_FROM " WHERE t.parent_id = ? ORDER BY t.position", "i", t.id);
	while (st && sqlite3_step(st) == SQLITE_ROW) task_xml(kids, st, cal, today);
	if (st) sqlite3_reset(st);
	xmlNodePtr can = xml_el(c->page, "can");
	int owner = is_owner(c, t.id);
	xml_attr(can, "edit", t.role == 'm' ? "1" : "0");
	int writer = (c->u->roles & (ROLE_ADMIN | ROLE_MANAGER | ROLE_ENGINEER | ROLE_APPROVER)) != 0;
	xml_attr(can, "progress", t.role == 'm' || (writer && owner) ? "1" : "0");
	xml_attr(can, "comment", t.role == 'm' || t.role == 'e' ? "1" : "0");
	project_el(c, &t.p);
	lists_xml(c->page, "delay_reason");
	return H_RENDER;
}

/* The task fields of a POST. Bad numbers become NAN for task_check() to name. */
static void
read_task(struct ctx *c, struct task_in *t)
{
	memset(t, 0, sizeof *t);
	t->name = form_str(c, "name");
	t->description = form_str(c, "description");
	t->owner = form_str(c, "owner");
	t->planned_start = form_str(c, "planned_start");
	t->planned_finish = form_str(c, "planned_finish");
	t->actual_start = form_str(c, "actual_start");
	t->actual_finish = form_str(c, "actual_finish");
	t->status = *form_str(c, "status") ? form_str(c, "status") : "not_started";
	t->category = form_str(c, "category");
	t->predecessors = form_str(c, "predecessors");
	t->constraint_type = form_str(c, "constraint_type");
	t->constraint_date = form_str(c, "constraint_date");
	t->estimate = form_num(c, "estimate_hours", 0);
	t->duration = form_num(c, "duration_days", 0);
	t->percent = form_num(c, "percent", 0);
	t->remaining = form_num(c, "remaining_hours", -1);
	double pr = form_num(c, "priority", 3);
	t->priority = isfinite(pr) && pr == floor(pr) ? (int)pr : 0;
	t->milestone = !strcmp(form_str(c, "milestone"), "1");
	double parent = form_num(c, "parent", 0);
	t->parent = isfinite(parent) && parent >= 0 ? (long long)parent : -1;
}

static void
form_xml(struct ctx *c, const char *mode, long long id, const struct project *p, const struct task_in *t)
{
	xmlNodePtr f = xml_el(c->page, "task-form");
	xml_attr(f, "mode", mode);
	if (id) xml_attr_ll(f, "id", id);
	xml_attr(f, "project", p->code);
	xml_attr_ll(f, "parent", t->parent > 0 ? t->parent : 0);
	const char *sv[][2] = { { "name", t->name }, { "description", t->description }, { "owner", t->owner },
				{ "planned_start", t->planned_start }, { "planned_finish", t->planned_finish },
				{ "actual_start", t->actual_start }, { "actual_finish", t->actual_finish },
				{ "status", t->status }, { "category", t->category }, { "predecessors", t->predecessors },
				{ "constraint_type", t->constraint_type ? t->constraint_type : "ASAP" },
				{ "constraint_date", t->constraint_date ? t->constraint_date : "" } };
	for (size_t i = 0; i < sizeof sv / sizeof *sv; i++) xml_attr(f, sv[i][0], sv[i][1]);
	const struct { const char *n; double v; } nv[] = { { "estimate_hours", t->estimate }, { "duration_days", t->duration },
							  { "percent", t->percent }, { "remaining_hours", t->remaining } };
	for (size_t i = 0; i < sizeof nv / sizeof *nv; i++) {
		/* a posted form shows what was typed (also when it was refused); else the stored value */
		const char *raw = http_field(c->rq, nv[i].n);
		char b[32] = "";
		if (isfinite(nv[i].v) && nv[i].v >= 0) snprintf(b, sizeof b, "%.10g", nv[i].v);
		xml_attr(f, nv[i].n, raw ? raw : b);
	}
	xml_attr_ll(f, "priority", t->priority);
	xml_attr(f, "milestone", t->milestone ? "1" : "0");
	/* possible parents: every task of the project but this one and its subtree */
	xmlNodePtr parents = xml_el(c->page, "parents");
	sqlite3_stmt *st = db_q("WITH RECURSIVE sub(x) AS (SELECT ?2 UNION ALL SELECT t.id FROM tasks t JOIN sub ON t.parent_id = sub.x)"
				" SELECT id, wbs, name, depth FROM tasks WHERE project_id = ?1 AND id NOT IN (SELECT x FROM sub)"
				" ORDER BY seq", "ii", p->id, id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr e = xml_el(parents, "task");
		xml_attr(e, "id", (const char *)sqlite3_column_text(st, 0));
		xml_attr(e, "wbs", (const char *)sqlite3_column_text(st, 1));
		xml_attr(e, "name", (const char *)sqlite3_column_text(st, 2));
		xml_attr(e, "depth", (const char *)sqlite3_column_text(st, 3));
	}
	if (st) sqlite3_reset(st);
	lists_xml(c->page, "task_category");
	plan_people_xml(c->page);
}

/* Stores the task's links and recomputes the project: 0; 1 when the predecessors field is refused
 * (recorded on c: an unknown task, or a loop named in full); -1 on a database error. */
static int
schedule(struct ctx *c, long long project_id, long long task_id, const char *predecessors)
{
	const char *key = NULL, *arg = "";
	if (schedule_links_set(project_id, task_id, predecessors, &key, &arg, c->rq->a)) {
		if (!strcmp(key, "error.busy")) return -1;
		ctx_invalid_arg(c, "predecessors", key, arg);
		return 1;
	}
	int rc = project_recompute(project_id, c->rq->a);
	if (rc == -2) {
		ctx_invalid_arg(c, "predecessors", "error.predecessor_loop", schedule_loop_text);
		return 1;
	}
	return rc ? -1 : 0;
}

static int
parent_ok(const struct project *p, long long parent)
{
	return parent == 0 || (parent > 0 && db_int("SELECT count(*) FROM tasks WHERE id = ? AND project_id = ?", "ii",
						   parent, p->id) == 1);
}

static int
task_new(struct ctx *c)
{
	struct project p;
	const char *code = ctx_pathv(c, 0);
	if (project_load(c->rq->a, code, &p) != 1) return ctx_error(c, 404, "error.project_not_found", "");
	if (project_role(&p, c->u) != 'm') return ctx_error(c, 403, "error.not_member", "");
	struct task_in t = { .name = "", .description = "", .owner = "", .planned_start = "",
			     .planned_finish = "", .actual_start = "", .actual_finish = "", .status = "not_started",
			     .category = "", .predecessors = "", .priority = 3, .remaining = -1 };
	const char *parent = http_query(c->rq, "parent");
	if (parent) t.parent = atoll(parent);
	if (!parent_ok(&p, t.parent)) t.parent = 0;
	t.remaining = 0;
	form_xml(c, "new", 0, &p, &t);
	return H_RENDER;
}

static int
task_create_post(struct ctx *c)
{
	struct project p;
	const char *code = ctx_pathv(c, 0);
	if (project_load(c->rq->a, code, &p) != 1) return ctx_error(c, 404, "error.project_not_found", "");
	if (project_role(&p, c->u) != 'm') return ctx_error(c, 403, "error.not_member", "");
	struct task_in t;
	read_task(c, &t);
	c->sheet = "task-form";
	int bad = task_check(&t, plan_project_calendar(c->rq->a, p.id), form_err, c);
	if (!parent_ok(&p, t.parent)) bad += ctx_invalid(c, "parent", "error.parent") != 0;
	if (bad) {
		form_xml(c, "new", 0, &p, &t);
		return H_INVALID;
	}
	long long id = task_create(&c->who, &p, &t, 0);
	if (id < 0) return ctx_error(c, 503, "error.busy", "");
	if ((bad = schedule(c, p.id, id, t.predecessors))) {
		form_xml(c, "new", 0, &p, &t);
		return bad < 0 ? ctx_error(c, 503, "error.busy", "") : H_INVALID;
	}
	return ctx_redirect(c, arena_printf(c->rq->a, "/projects/%s?flash=created#task-%lld", p.code, id));
}

static int
task_edit(struct ctx *c)
{
	struct tctx t;
	int rc = load_task(c, &t, 'm');
	if (rc) return rc;
	struct task_in in;
	if (task_load(c->rq->a, t.id, &in, NULL)) return ctx_error(c, 404, "error.task_not_found", "");
	form_xml(c, "edit", t.id, &t.p, &in);
	return H_RENDER;
}

static int
task_save(struct ctx *c)
{
	struct tctx t;
	int rc = load_task(c, &t, 'm');
	if (rc) return rc;
	struct task_in in;
	read_task(c, &in);
	c->sheet = "task-form";
	int bad = task_check(&in, plan_project_calendar(c->rq->a, t.p.id), form_err, c);
	if (!parent_ok(&t.p, in.parent)) bad += ctx_invalid(c, "parent", "error.parent") != 0;
	if (!bad) {
		rc = task_update(&c->who, t.id, &in);
		if (rc == -2) bad = ctx_invalid(c, "parent", "error.parent_loop");
		else if (rc) return ctx_error(c, 503, "error.busy", "");
		else if ((bad = schedule(c, t.p.id, t.id, in.predecessors)) < 0) return ctx_error(c, 503, "error.busy", "");
	}
	if (bad) {
		form_xml(c, "edit", t.id, &t.p, &in);
		return H_INVALID;
	}
	return ctx_redirect(c, arena_printf(c->rq->a, "/tasks/%lld?flash=saved", t.id));
}

/* The predecessors field of one row of the WBS table: the links change, the project is
 * rescheduled, the change is audited; a refused text shows the task's edit form with the field
 * named. */
static int
links_post(struct ctx *c)
{
	struct tctx t;
	int rc = load_task(c, &t, 'm');
	if (rc) return rc;
	struct task_in in;
	if (task_load(c->rq->a, t.id, &in, NULL)) return ctx_error(c, 404, "error.task_not_found", "");
	const char *old = in.predecessors;
	in.predecessors = form_str(c, "predecessors");
	c->sheet = "task-form";
	int bad = task_check(&in, plan_project_calendar(c->rq->a, t.p.id), form_err, c);
	if (!bad && (bad = schedule(c, t.p.id, t.id, in.predecessors)) < 0) return ctx_error(c, 503, "error.busy", "");
	if (bad) {
		form_xml(c, "edit", t.id, &t.p, &in);
		return H_INVALID;
	}
	char eid[24];
	snprintf(eid, sizeof eid, "%lld", t.id);
	struct buf ov = {0}, nv = {0};
	json_open(&ov);
	json_s(&ov, "predecessors", old);
	json_close(&ov);
	sqlite3_stmt *st = db_q("SELECT predecessors FROM tasks WHERE id = ?", "i", t.id);
	json_open(&nv);
	json_s(&nv, "predecessors", st && sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : "");
	json_close(&nv);
	if (st) sqlite3_reset(st);
	rc = audit_append(&c->who, "task.links", "task", eid, buf_str(&ov), buf_str(&nv), "");
	buf_free(&ov);
	buf_free(&nv);
	if (rc) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/projects/%s?edit=1&flash=saved#task-%lld", t.p.code, t.id));
}

static int
task_move_post(struct ctx *c)
{
	struct tctx t;
	int rc = load_task(c, &t, 'm');
	if (rc) return rc;
	const char *key = NULL;
	if (task_move(&c->who, t.id, form_str(c, "op"), &key, c->rq->a))
		return ctx_error(c, !strcmp(key, "error.busy") ? 503 : 400, key, "op");
	if (project_recompute(t.p.id, c->rq->a)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/projects/%s?edit=1&flash=moved#task-%lld", t.p.code, t.id));
}

/* Tasks whose predecessors mention this task's WBS number (the scheduling issue turns these into
 * real links). */
static void
dependents_xml(xmlNodePtr e, long long project_id, const char *wbs)
{
	sqlite3_stmt *st = db_q("SELECT id, wbs, name, predecessors FROM tasks WHERE project_id = ? AND predecessors <> ''"
				" ORDER BY seq", "i", project_id);
	size_t wl = strlen(wbs);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *pred = (const char *)sqlite3_column_text(st, 3);
		for (const char *p = pred; p && *p;) {
			size_t l = strspn(p, "0123456789.");
			if (l == wl && !strncmp(p, wbs, wl)) {
				xmlNodePtr d = xml_el(e, "dependent");
				xml_attr(d, "id", (const char *)sqlite3_column_text(st, 0));
				xml_attr(d, "wbs", (const char *)sqlite3_column_text(st, 1));
				xml_attr(d, "name", (const char *)sqlite3_column_text(st, 2));
				break;
			}
			p += strcspn(p, ";,");
			p += strspn(p, ";, ");
		}
	}
	if (st) sqlite3_reset(st);
}

static int
task_delete_page(struct ctx *c)
{
	struct tctx t;
	int rc = load_task(c, &t, 'm');
	if (rc) return rc;
	sqlite3_stmt *st = db_q("SELECT wbs, name FROM tasks WHERE id = ?", "i", t.id);
	xmlNodePtr e = xml_el(c->page, "task");
	char wbs[64] = "";
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		snprintf(wbs, sizeof wbs, "%s", (const char *)sqlite3_column_text(st, 0));
		xml_attr(e, "wbs", wbs);
		xml_attr(e, "name", (const char *)sqlite3_column_text(st, 1));
	}
	if (st) sqlite3_reset(st);
	xml_attr_ll(e, "id", t.id);
	xml_attr(e, "project", t.p.code);
	st = db_q("WITH RECURSIVE sub(x) AS (SELECT id FROM tasks WHERE parent_id = ?1 UNION ALL SELECT t.id FROM tasks t"
		  " JOIN sub ON t.parent_id = sub.x) SELECT id, wbs, name FROM tasks WHERE id IN (SELECT x FROM sub) ORDER BY seq",
		  "i", t.id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr d = xml_el(e, "descendant");
		xml_attr(d, "id", (const char *)sqlite3_column_text(st, 0));
		xml_attr(d, "wbs", (const char *)sqlite3_column_text(st, 1));
		xml_attr(d, "name", (const char *)sqlite3_column_text(st, 2));
	}
	if (st) sqlite3_reset(st);
	dependents_xml(e, t.p.id, wbs);
	return H_RENDER;
}

static int
task_delete_post(struct ctx *c)
{
	struct tctx t;
	int rc = load_task(c, &t, 'm');
	if (rc) return rc;
	if (strcmp(form_str(c, "confirm"), "yes")) return ctx_error(c, 400, "error.confirm", "confirm");
	if (followup_in_subtree(t.id)) return ctx_error(c, 409, "chgf.error.delete", "");
	if (task_delete(&c->who, t.id) || project_recompute(t.p.id, c->rq->a)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/projects/%s?flash=deleted", t.p.code));
}

static const char *const PROGRESS_STATUS[] = { "not_started", "in_progress", "blocked", "done", "cancelled" };

static int
progress_post(struct ctx *c)
{
	struct tctx t;
	int rc = load_task(c, &t, 0);
	if (rc) return rc;
	/* the manager, or the task's owner when their role may write at all (not auditors, viewers) */
	int writer = (c->u->roles & (ROLE_ADMIN | ROLE_MANAGER | ROLE_ENGINEER | ROLE_APPROVER)) != 0;
	if (!(t.role == 'm' || (writer && is_owner(c, t.id)))) return ctx_error(c, 403, "error.not_member", "");
	struct progress_in pr = { form_num(c, "percent", NAN), form_num(c, "hours_spent", 0),
				  form_num(c, "remaining_hours", NAN), form_str(c, "status"), form_str(c, "note"),
				  form_str(c, "delay_reason") };
	const char *ret = form_str(c, "return_to");
	if (!*ret || ret[0] != '/' || ret[1] == '/' || strpbrk(ret, "\\\r\n")) ret = arena_printf(c->rq->a, "/tasks/%lld", t.id);
	int bad = 0, ok_status = 0;
	for (size_t i = 0; i < sizeof PROGRESS_STATUS / sizeof *PROGRESS_STATUS; i++)
		ok_status |= !strcmp(pr.status, PROGRESS_STATUS[i]);
	if (!isfinite(pr.percent) || pr.percent < 0 || pr.percent > 100) bad = ctx_invalid(c, "percent", "error.percent");
	if (!isfinite(pr.hours) || pr.hours < 0 || pr.hours > 1000) bad = ctx_invalid(c, "hours_spent", "error.number");
	if (!isfinite(pr.remaining) || pr.remaining < 0 || pr.remaining > 100000)
		bad = ctx_invalid(c, "remaining_hours", "error.number");
	if (!ok_status) bad = ctx_invalid(c, "status", "error.status");
	if (text_chars(pr.note) > 2000) bad = ctx_invalid(c, "note", "error.field_too_long");
	if (*pr.delay_reason && !lists_has("delay_reason", pr.delay_reason))
		bad = ctx_invalid(c, "delay_reason", "error.delay_reason");
	if (!bad && !*pr.delay_reason && strcmp(pr.status, "cancelled")) {
		/* late or at risk with the values of this update: say why */
		const struct calendar *cal = plan_project_calendar(c->rq->a, t.p.id);
		int today = plan_today();
		int finish = -1, due = -1;
		sqlite3_stmt *st = db_q("SELECT planned_finish, due_finish FROM tasks WHERE id = ?", "i", t.id);
		if (st && sqlite3_step(st) == SQLITE_ROW) {
			const char *f = (const char *)sqlite3_column_text(st, 0), *d = (const char *)sqlite3_column_text(st, 1);
			finish = f ? cal_day(f) : -1;
			due = d ? cal_day(d) : finish;
		}
		if (st) sqlite3_reset(st);
		int done = !strcmp(pr.status, "done");
		int late = health_overdue(due, today);
		int risk = !done && health_at_risk(cal, finish, pr.remaining, today);
		if (late || risk) bad = ctx_invalid(c, "delay_reason", "error.delay_reason_required");
	}
	if (bad) {
		/* show the task page again with the errors and the entered values */
		c->status = 400;
		xmlNodePtr f = xml_el(c->page, "progress-form");
		const char *names[] = { "percent", "hours_spent", "remaining_hours", "status", "note", "delay_reason" };
		for (int i = 0; i < 6; i++) xml_attr(f, names[i], form_str(c, names[i]));
		xml_attr_ll(f, "task", t.id);
		if (!strncmp(ret, "/my", 3)) {
			c->sheet = "mytasks";
			extern int work_my_page(struct ctx *);
			work_my_page(c);
		} else {
			c->sheet = "task";
			task_page(c);
		}
		c->status = 400;
		return H_INVALID;
	}
	if (task_progress(&c->who, t.id, c->u->id, &pr) || project_recompute(t.p.id, c->rq->a))
		return ctx_error(c, 503, "error.busy", "");
	const char *sep = strchr(ret, '?') ? "&" : "?";
	return ctx_redirect(c, arena_printf(c->rq->a, "%s%sflash=progress", ret, sep));
}

static int
comment_post(struct ctx *c)
{
	struct tctx t;
	int rc = load_task(c, &t, 0);
	if (rc) return rc;
	if (t.role != 'm' && t.role != 'e') return ctx_error(c, 403, "error.not_member", "");
	const char *body = form_str(c, "body");
	if (!*body || text_chars(body) > 4000) return ctx_error(c, 400, "error.body", "body");
	if (task_comment(&c->who, t.id, c->u->id, body)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/tasks/%lld?flash=comment#comments", t.id));
}

const struct route task_routes[] = {
	{ "GET", "/tasks/{id}", task_page, "task", ROLE_ANY, 0 },
	{ "GET", "/tasks/{id}/edit", task_edit, "task-form", ROLE_ANY, 0 },
	{ "POST", "/tasks/{id}", task_save, "task-form", ROLE_ANY, 0 },
	{ "POST", "/tasks/{id}/move", task_move_post, NULL, ROLE_ANY, 0 },
	{ "POST", "/tasks/{id}/links", links_post, "task-form", ROLE_ANY, 0 },
	{ "GET", "/tasks/{id}/delete", task_delete_page, "task-delete", ROLE_ANY, 0 },
	{ "POST", "/tasks/{id}/delete", task_delete_post, NULL, ROLE_ANY, 0 },
	{ "POST", "/tasks/{id}/progress", progress_post, "task", ROLE_ANY, 0 },
	{ "POST", "/tasks/{id}/comments", comment_post, NULL, ROLE_ANY, 0 },
	{ "GET", "/projects/{code}/tasks/new", task_new, "task-form", ROLE_ANY, 0 },
	{ "POST", "/projects/{code}/tasks", task_create_post, "task-form", ROLE_ANY, 0 },
	{ 0 },
};
