/* project.c — projects: the list, create and edit forms, the project page with its WBS table
 * (filters, CSV export), members, and saving a project as a template. */
#include "core/route.h"
#include "plan/project.h"
#include "core/json.h"
#include "plan/calendars.h"
#include "core/clock.h"
#include "core/csv.h"
#include "core/db.h"
#include "engine/health.h"
#include "plan/plan.h"
#include "plan/task.h"
#include "plan/schedule.h"
#include "plan/baseline.h"
#include "plan/lists.h"
#include "core/render.h"
#include "core/text.h"
#include "core/xml.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Loads the project named in the path; 0, or the error status. need 'm': manage rights. */
static int
load(struct ctx *c, struct project *p, int need)
{
	const char *code = ctx_pathv(c, 0);
	int st = ctx_found(c, code ? project_load(c->rq->a, code, p) : 0, "error.project_not_found");
	if (st) return st;
	if (need == 'm' && project_role(p, c->u) != 'm') return ctx_error(c, 403, "error.not_member", "");
	return 0;
}

static void
project_attrs(xmlNodePtr e, sqlite3_stmt *st)
{
	/* columns: code name category status manager manager-name planned-start planned-finish percent tasks
	 * description estimate is-template */
	static const char *const names[] = { "code", "name", "category", "status", "manager", "manager-name",
					     "planned-start", "planned-finish", "percent", "tasks", "description",
					     "estimate", "is-template" };
	int n = sqlite3_column_count(st);
	for (int i = 0; i < n && i < 13; i++) {
		const char *v = (const char *)sqlite3_column_text(st, i);
		char num[32];
		if (v && (i == 8 || i == 11)) {
			snprintf(num, sizeof num, "%.0f", sqlite3_column_double(st, i));
			v = num;
		}
		xml_attr(e, names[i], v ? v : "");
	}
}

#define PROJECT_COLS "p.code, p.name, p.category, p.status, u.login, CASE u.display_name WHEN '' THEN u.login" \
	" ELSE u.display_name END, p.planned_start, p.planned_finish, p.percent, p.task_count, p.description," \
	" p.estimate_hours, p.is_template, p.id"

static int
projects_list(struct ctx *c)
{
	const char *status = http_query(c->rq, "status");
	if (!status) status = "";
	xmlNodePtr list = xml_el(c->page, "projects");
	xml_attr(list, "status", status);
	const struct calendar *cal = plan_calendar(c->rq->a);
	int today = plan_today();
	sqlite3_stmt *st = db_q("SELECT " PROJECT_COLS " FROM projects p JOIN users u ON u.id = p.manager_id"
				" WHERE p.is_template = 0 AND (?1 = '' OR p.status = ?1) ORDER BY p.status = 'done',"
				" p.status = 'cancelled', p.planned_finish, p.code", "s", status);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr e = xml_el(list, "project");
		project_attrs(e, st);
		struct health h;
		long long id = sqlite3_column_int64(st, 13);
		const char *pstatus = (const char *)sqlite3_column_text(st, 3);
		char *pf = arena_strdup(c->rq->a, (const char *)sqlite3_column_text(st, 7));
		char *ps = arena_strdup(c->rq->a, pstatus);
		/* the statement is reused inside project_health only through other SQL: safe */
		project_health(id, pf, cal, today, c->rq->a, &h);
		xml_attr(e, "health", !strcmp(ps, "done") ? "done" : h.state);
	}
	if (st) sqlite3_reset(st);
	xmlNodePtr can = xml_el(c->page, "can");
	xml_attr(can, "create", c->u->roles & (ROLE_ADMIN | ROLE_MANAGER) ? "1" : "0");
	lists_xml(c->page, "project_category");
	return H_RENDER;
}

/* The working calendar a project follows: its calendar_id, 0 for the global calendar. */
static long long
calendar_of(long long project_id)
{
	return db_int("SELECT coalesce(calendar_id, 0) FROM projects WHERE id = ?", "i", project_id);
}

/* The calendar field of a form: "" (or "1") the global calendar → 0, else a project calendar's
 * id; -1 when it names no calendar. */
static long long
calendar_field(struct ctx *c)
{
	const char *v = form_str(c, "calendar");
	if (!*v || !strcmp(v, "1")) return 0;
	if (strspn(v, "0123456789") != strlen(v) || strlen(v) > 12) return -1;
	long long id = atoll(v);
	return db_int("SELECT count(*) FROM calendars WHERE id = ?", "i", id) ? id : -1;
}

/* Stores a project's calendar choice with its audit record ("project.calendar": the names
 * before and after) and reschedules the project. 0 or -1. */
static int
calendar_set(struct ctx *c, const struct project *p, long long old, long long cal)
{
	if (old == cal) return 0;
	if (db_run("UPDATE projects SET calendar_id = ? WHERE id = ?", "si", cal ? arena_printf(c->rq->a, "%lld", cal) : NULL,
		   p->id) != SQLITE_DONE)
		return -1;
	struct buf ov = {0}, nv = {0};
	long long ids[2] = { old ? old : 1, cal ? cal : 1 };
	struct buf *b[2] = { &ov, &nv };
	for (int i = 0; i < 2; i++) {
		sqlite3_stmt *st = db_q("SELECT name FROM calendars WHERE id = ?", "i", ids[i]);
		const char *name = st && sqlite3_step(st) == SQLITE_ROW
					   ? arena_strdup(c->rq->a, (const char *)sqlite3_column_text(st, 0)) : "";
		if (st) sqlite3_reset(st);
		json_open(b[i]);
		json_n(b[i], "calendar", (double)ids[i]);
		json_s(b[i], "name", name);
		json_close(b[i]);
	}
	int rc = audit_append(&c->who, "project.calendar", "project", p->code, buf_str(&ov), buf_str(&nv), "");
	buf_free(&ov);
	buf_free(&nv);
	return rc || project_recompute(p->id, c->rq->a) ? -1 : 0;
}

static void
form_xml(struct ctx *c, const char *mode, const struct project *p, const char *calendar)
{
	xmlNodePtr f = xml_el(c->page, "project-form");
	xml_attr(f, "calendar", calendar);
	calendars_xml(c->page);
	xml_attr(f, "mode", mode);
	xml_attr(f, "code", p->code);
	xml_attr(f, "name", p->name);
	xml_attr(f, "description", p->description);
	xml_attr(f, "manager", p->manager);
	xml_attr(f, "category", p->category);
	xml_attr(f, "planned-start", p->planned_start);
	xml_attr(f, "planned-finish", p->planned_finish);
	xml_attr(f, "status", p->status);
	lists_xml(c->page, "project_category");
	plan_people_xml(c->page);
}

static int
project_new(struct ctx *c)
{
	char today[11];
	cal_iso(plan_today(), today);
	struct project p = { .code = "", .name = "", .description = "", .manager = c->u->login, .category = "other",
			     .planned_start = today, .planned_finish = today, .status = "planning" };
	form_xml(c, "new", &p, "");
	return H_RENDER;
}

/* The project fields of a POST, the manager resolved to an id (0 when unknown). */
static void
read_form(struct ctx *c, struct project *p)
{
	p->name = form_str(c, "name");
	p->description = form_str(c, "description");
	p->manager = form_str(c, "manager");
	p->category = form_str(c, "category");
	p->planned_start = form_str(c, "planned_start");
	p->planned_finish = form_str(c, "planned_finish");
	p->status = *form_str(c, "status") ? form_str(c, "status") : "planning";
	p->manager_id = *p->manager ? db_int("SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id"
					     " WHERE u.login = ? AND u.active = 1 AND r.role IN ('admin', 'manager')",
					     "s", p->manager) : 0;
}

static int
project_create_post(struct ctx *c)
{
	struct project p = {0};
	p.code = form_str(c, "code");
	read_form(c, &p);
	c->sheet = "project-form";
	long long cal = calendar_field(c);
	int bad = project_check(&p, 1, form_err, c);
	if (cal < 0) bad = ctx_invalid(c, "calendar", "calendar.error.choice");
	if (bad) {
		form_xml(c, "new", &p, form_str(c, "calendar"));
		return H_INVALID;
	}
	p.id = project_create(&c->who, &p);
	if (p.id < 0 || calendar_set(c, &p, 0, cal)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/projects/%s?flash=created", p.code));
}

static int
project_edit(struct ctx *c)
{
	struct project p;
	int st = load(c, &p, 'm');
	if (st) return st;
	long long cal = calendar_of(p.id);
	form_xml(c, "edit", &p, cal ? arena_printf(c->rq->a, "%lld", cal) : "");
	return H_RENDER;
}

static int
project_save(struct ctx *c)
{
	struct project old, p;
	int st = load(c, &old, 'm');
	if (st) return st;
	p = old;
	read_form(c, &p);
	c->sheet = "project-form";
	long long cal = calendar_field(c);
	int bad = project_check(&p, 0, form_err, c);
	if (cal < 0) bad = ctx_invalid(c, "calendar", "calendar.error.choice");
	if (bad) {
		form_xml(c, "edit", &p, form_str(c, "calendar"));
		return H_INVALID;
	}
	if (project_update(&c->who, &old, &p) || calendar_set(c, &old, calendar_of(old.id), cal))
		return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/projects/%s?flash=saved", p.code));
}

static void
members_xml(xmlNodePtr parent, long long project_id)
{
	xmlNodePtr m = xml_el(parent, "members");
	sqlite3_stmt *st = db_q("SELECT u.login, CASE u.display_name WHEN '' THEN u.login ELSE u.display_name END, pm.role"
				" FROM project_members pm JOIN users u ON u.id = pm.user_id WHERE pm.project_id = ?"
				" ORDER BY pm.role = 'viewer', pm.role = 'engineer', u.login", "i", project_id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr e = xml_el(m, "member");
		xml_attr(e, "login", (const char *)sqlite3_column_text(st, 0));
		xml_attr(e, "name", (const char *)sqlite3_column_text(st, 1));
		xml_attr(e, "role", (const char *)sqlite3_column_text(st, 2));
	}
	if (st) sqlite3_reset(st);
}

static const char TASKS_OF_PROJECT[] = "SELECT " TASK_COLS TASK_FROM
	" WHERE t.project_id = ?1 AND (?2 = '' OR t.status = ?2) AND (?3 = '' OR o.login = ?3)"
	" AND (?4 = '' OR instr(lower(t.name), lower(?4)) > 0) ORDER BY t.seq";

/* The task list as CSV in the import columns (wbsimport.h), so a plan goes to Excel and back. */
static int
project_csv(struct ctx *c, const struct project *p)
{
	struct buf *b = &c->rs->body;
	static const char *const cols[] = { "csv.wbs", "csv.name", "csv.owner", "csv.estimate", "csv.duration",
					    "csv.start", "csv.finish", "csv.priority", "csv.status", "csv.milestone",
					    "csv.percent", "csv.category", "csv.predecessors", "csv.description" };
	csv_bom(b);
	for (int i = 0; i < 14; i++) csv_cell(b, render_msg(c->lang, cols[i]), i == 0);
	csv_end(b);
	sqlite3_stmt *st = db_q("SELECT t.wbs, t.name, coalesce(o.login, ''), t.estimate_hours, t.duration_days,"
				" t.planned_start, t.planned_finish, t.priority, t.status, t.milestone, t.percent,"
				" t.category, t.predecessors, t.description FROM tasks t LEFT JOIN users o ON o.id = t.owner_id"
				" WHERE t.project_id = ? ORDER BY t.seq", "i", p->id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		char num[3][32], pr[8];
		snprintf(num[0], sizeof num[0], "%.10g", sqlite3_column_double(st, 3));
		snprintf(num[1], sizeof num[1], "%.10g", sqlite3_column_double(st, 4));
		snprintf(num[2], sizeof num[2], "%.10g", sqlite3_column_double(st, 10));
		snprintf(pr, sizeof pr, "P%d", sqlite3_column_int(st, 7));
		const char *status = (const char *)sqlite3_column_text(st, 8);
		const char *row[] = { (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
				      (const char *)sqlite3_column_text(st, 2), num[0], num[1],
				      (const char *)sqlite3_column_text(st, 5), (const char *)sqlite3_column_text(st, 6), pr,
				      render_msg(c->lang, arena_printf(c->rq->a, "task.status.%s", status)),
				      render_msg(c->lang, sqlite3_column_int(st, 9) ? "csv.yes" : "csv.no"), num[2],
				      (const char *)sqlite3_column_text(st, 11), (const char *)sqlite3_column_text(st, 12),
				      (const char *)sqlite3_column_text(st, 13) };
		for (int i = 0; i < 14; i++) csv_cell(b, row[i], i == 0);
		csv_end(b);
	}
	if (st) sqlite3_reset(st);
	c->rs->status = 200;
	c->rs->ctype = "text/csv; charset=utf-8";
	c->rs->disposition = arena_printf(c->rq->a, "attachment; filename=\"%s-wbs.csv\"", p->code);
	return H_DONE;
}

static int
project_page(struct ctx *c)
{
	struct project p;
	int rc = load(c, &p, 0);
	if (rc) return rc;
	const char *status = http_query(c->rq, "status"), *owner = http_query(c->rq, "owner"), *q = http_query(c->rq, "q");
	status = status ? status : "";
	owner = owner ? owner : "";
	q = q ? q : "";
	const char *fmt = http_query(c->rq, "format");
	if (fmt && !strcmp(fmt, "csv")) return project_csv(c, &p);
	const struct calendar *cal = plan_project_calendar(c->rq->a, p.id);
	int today = plan_today();

	xmlNodePtr e = xml_el(c->page, "project");
	sqlite3_stmt *ps = db_q("SELECT " PROJECT_COLS " FROM projects p JOIN users u ON u.id = p.manager_id"
				" WHERE p.id = ?", "i", p.id);
	if (ps && sqlite3_step(ps) == SQLITE_ROW) project_attrs(e, ps);
	if (ps) sqlite3_reset(ps);
	struct health h;
	project_health(p.id, p.planned_finish, cal, today, c->rq->a, &h);
	project_health_xml(e, &h, p.status);
	long long pcal = calendar_of(p.id);
	calendars_attrs(xml_el(e, "calendar"), pcal ? pcal : 1);
	members_xml(e, p.id);
	xmlNodePtr tasks = xml_el(e, "tasks");
	xml_attr(tasks, "status", status);
	xml_attr(tasks, "owner", owner);
	xml_attr(tasks, "q", q);
	const char *scale = http_query(c->rq, "scale");
	xml_attr(e, "gantt-scale", scale && (!strcmp(scale, "day") || !strcmp(scale, "week") || !strcmp(scale, "month") ||
					    !strcmp(scale, "quarter")) ? scale : "week");
	const char *edit = http_query(c->rq, "edit");
	int role = project_role(&p, c->u);
	xml_attr(tasks, "edit", edit && !strcmp(edit, "1") && role == 'm' ? "1" : "0");
	/* compared with a baseline: its dates and the finish variance on every row */
	struct baseline_task *bt = NULL;
	int nbt = 0;
	const char *bname = NULL, *bq = http_query(c->rq, "baseline");
	long long bid = bq && strspn(bq, "0123456789") == strlen(bq) && strlen(bq) < 12 ? atoll(bq) : 0;
	if (bid && baseline_load(c->rq->a, p.id, bid, &bt, &nbt, &bname) == 1) {
		xml_attr_ll(e, "baseline", bid);
		xml_attr(e, "baseline-name", bname);
	} else {
		bid = 0;
	}
	int max_f = -1, max_bf = -1;
	sqlite3_stmt *st = db_q(TASKS_OF_PROJECT, "isss", p.id, status, owner, q);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr t = task_xml(tasks, st, cal, today);
		if (!bid) continue;
		const struct baseline_task *b = baseline_find(bt, nbt, sqlite3_column_int64(st, 0));
		int f = sqlite3_column_type(st, 14) == SQLITE_NULL ? -1 : cal_day((const char *)sqlite3_column_text(st, 14));
		char d[11];
		if (b && b->start >= 0) { cal_iso(b->start, d); xml_attr(t, "base-start", d); }
		if (b && b->finish >= 0) { cal_iso(b->finish, d); xml_attr(t, "base-finish", d); }
		xml_attr_ll(t, "variance", b ? baseline_variance(cal, b->finish, f) : 0);
		if (f > max_f) max_f = f;
		if (b && b->finish > max_bf) max_bf = b->finish;
	}
	if (st) sqlite3_reset(st);
	if (bid) xml_attr_ll(e, "variance", baseline_variance(cal, max_bf, max_f));
	baseline_list_xml(e, p.id);
	xmlNodePtr can = xml_el(c->page, "can");
	xml_attr(can, "edit", role == 'm' ? "1" : "0");
	xml_attr(can, "progress", role == 'm' || role == 'e' ? "1" : "0");
	lists_xml(c->page, NULL);
	plan_people_xml(c->page);
	return H_RENDER;
}

static int
members_post(struct ctx *c)
{
	struct project p;
	int st = load(c, &p, 'm');
	if (st) return st;
	const char *login = form_str(c, "login"), *role = form_str(c, "role");
	long long uid = db_int("SELECT id FROM users WHERE login = ? AND active = 1", "s", login);
	if (!uid) return ctx_error(c, 400, "error.user", "login");
	if (strcmp(role, "manager") && strcmp(role, "engineer") && strcmp(role, "viewer") && strcmp(role, "remove"))
		return ctx_error(c, 400, "error.member_role", "role");
	if (uid == p.manager_id && strcmp(role, "manager")) return ctx_error(c, 400, "error.member_role", "role");
	if (project_member(&c->who, &p, uid, login, role)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/projects/%s?flash=member", p.code));
}

static int
template_post(struct ctx *c)
{
	struct project p, t;
	int st = load(c, &p, 'm');
	if (st) return st;
	t = p;
	t.code = form_str(c, "code");
	t.name = *form_str(c, "name") ? form_str(c, "name") : p.name;
	t.is_template = 1;
	t.status = "planning";
	t.manager_id = c->u->id;
	t.manager = c->u->login;
	if (!(c->u->roles & (ROLE_ADMIN | ROLE_MANAGER))) t.manager_id = p.manager_id;
	int bad = project_check(&t, 1, form_err, c);
	if (bad) return ctx_error(c, 400, c->errors ? "error.code" : "error.400", "code");
	long long id = project_create(&c->who, &t);
	t.id = id;
	const struct calendar *cal = plan_project_calendar(c->rq->a, p.id);
	int start = cal_day(p.planned_start);
	if (id < 0 || task_copy_tree(&c->who, p.id, start, &t, start, cal, c->rq->a) ||
	    project_recompute(id, c->rq->a) || schedule_links_from_text(id, c->rq->a) < 0 || project_recompute(id, c->rq->a))
		return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, "/templates?flash=template");
}

const struct route project_routes[] = {
	{ "GET", "/projects", projects_list, "projects", ROLE_ANY, 0 },
	{ "GET", "/projects/new", project_new, "project-form", ROLE_ADMIN | ROLE_MANAGER, 0 },
	{ "POST", "/projects", project_create_post, "project-form", ROLE_ADMIN | ROLE_MANAGER, 0 },
	{ "GET", "/projects/{code}", project_page, "project", ROLE_ANY, RF_CSV },
	{ "GET", "/projects/{code}/edit", project_edit, "project-form", ROLE_ANY, 0 },
	{ "POST", "/projects/{code}", project_save, "project-form", ROLE_ANY, 0 },
	{ "POST", "/projects/{code}/members", members_post, NULL, ROLE_ANY, 0 },
	{ "POST", "/projects/{code}/template", template_post, NULL, ROLE_ANY, 0 },
	{ 0 },
};
