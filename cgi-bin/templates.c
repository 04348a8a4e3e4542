/* templates.c — project templates: the list with their recurrences, creating a project from a
 * template with a new start date, and adding a recurrence that `opsplan cron` instantiates. */
#include "core/route.h"
#include "plan/project.h"
#include "plan/lists.h"
#include "plan/plan.h"
#include "core/json.h"
#include "core/clock.h"
#include "plan/templates.h"
#include "core/db.h"
#include "engine/recur.h"
#include "core/text.h"
#include "core/xml.h"
#include <stdio.h>
#include <string.h>

static int
templates_page(struct ctx *c)
{
	const struct calendar *cal = plan_calendar(c->rq->a);
	int today = plan_today();
	xmlNodePtr list = xml_el(c->page, "templates");
	sqlite3_stmt *st = db_q("SELECT id, code, name, category, task_count FROM projects WHERE is_template = 1 ORDER BY code", "");
	long long ids[512];
	xmlNodePtr els[512];
	int n = 0;
	while (st && n < 512 && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr e = xml_el(list, "template");
		xml_attr(e, "code", (const char *)sqlite3_column_text(st, 1));
		xml_attr(e, "name", (const char *)sqlite3_column_text(st, 2));
		xml_attr(e, "category", (const char *)sqlite3_column_text(st, 3));
		xml_attr(e, "tasks", (const char *)sqlite3_column_text(st, 4));
		ids[n] = sqlite3_column_int64(st, 0);
		els[n++] = e;
	}
	if (st) sqlite3_reset(st);
	for (int i = 0; i < n; i++) {
		st = db_q("SELECT r.id, r.rule, r.code_prefix, r.name, CASE u.display_name WHEN '' THEN u.login ELSE u.display_name END,"
			  " r.active FROM recurrences r JOIN users u ON u.id = r.manager_id WHERE r.template_id = ? ORDER BY r.id",
			  "i", ids[i]);
		while (st && sqlite3_step(st) == SQLITE_ROW) {
			xmlNodePtr r = xml_el(els[i], "recurrence");
			static const char *const names[] = { "id", "rule", "code-prefix", "name", "manager-name", "active" };
			for (int k = 0; k < 6; k++) xml_attr(r, names[k], (const char *)sqlite3_column_text(st, k));
			int next = recur_next((const char *)sqlite3_column_text(st, 1), cal, today);
			if (next >= 0) {
				char d[11];
				cal_iso(next, d);
				xml_attr(r, "next", d);
			}
		}
		if (st) sqlite3_reset(st);
	}
	plan_people_xml(c->page);
	lists_xml(c->page, "project_category");
	return H_RENDER;
}

static int
load_template(struct ctx *c, struct project *t)
{
	const char *code = ctx_pathv(c, 0);
	if (project_load(c->rq->a, code, t) != 1 || !t->is_template) return ctx_error(c, 404, "error.project_not_found", "");
	return 0;
}

static long long
manager_id(const char *login)
{
	return db_int("SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.login = ? AND u.active = 1"
		      " AND r.role IN ('admin', 'manager')", "s", login);
}

static int
instantiate(struct ctx *c)
{
	struct project tpl, p = {0};
	int rc = load_template(c, &tpl);
	if (rc) return rc;
	const struct calendar *cal = plan_calendar(c->rq->a);
	p.code = form_str(c, "code");
	p.name = form_str(c, "name");
	p.manager = *form_str(c, "manager") ? form_str(c, "manager") : c->u->login;
	p.manager_id = manager_id(p.manager);
	p.status = "planning";
	const char *start = form_str(c, "start");
	int day = cal_day(start);
	/* the same checks as a new project, with the template's dates standing in */
	struct project chk = p;
	chk.category = tpl.category;
	chk.description = tpl.description;
	chk.planned_start = chk.planned_finish = day >= 0 ? start : "";
	if (day < 0) return ctx_error(c, 400, "error.date", "start");
	if (project_check(&chk, 1, form_err, c)) {
		c->errors = NULL;
		return ctx_error(c, 400, p.manager_id ? "error.code" : "error.manager", p.manager_id ? "code" : "manager");
	}
	if (templates_instantiate(&c->who, &tpl, &p, day, cal, c->rq->a) < 0) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/projects/%s?flash=instantiated", p.code));
}

static int
prefix_ok(const char *s)
{
	size_t n = strlen(s);
	return n >= 2 && n <= 20 && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == n;
}

static int
recur_post(struct ctx *c)
{
	struct project tpl;
	int rc = load_template(c, &tpl);
	if (rc) return rc;
	const char *rule = form_str(c, "rule"), *prefix = form_str(c, "code_prefix"), *name = form_str(c, "name");
	const char *mgr = *form_str(c, "manager") ? form_str(c, "manager") : c->u->login;
	if (!recur_valid(rule)) return ctx_error(c, 400, "error.rule", "rule");
	if (!prefix_ok(prefix)) return ctx_error(c, 400, "error.code", "code_prefix");
	if (!*name || text_chars(name) > 100) return ctx_error(c, 400, "error.name", "name");
	long long mid = manager_id(mgr);
	if (!mid) return ctx_error(c, 400, "error.manager", "manager");
	char now[21];
	clock_iso(clock_now(), now);
	if (db_run("INSERT INTO recurrences (template_id, rule, code_prefix, name, manager_id, created_at) VALUES (?,?,?,?,?,?)",
		   "isssis", tpl.id, rule, prefix, name, mid, now) != SQLITE_DONE)
		return ctx_error(c, 503, "error.busy", "");
	struct buf nv = {0};
	json_open(&nv);
	json_s(&nv, "template", tpl.code);
	json_s(&nv, "rule", rule);
	json_s(&nv, "code_prefix", prefix);
	json_s(&nv, "name", name);
	json_s(&nv, "manager", mgr);
	json_close(&nv);
	char id[24];
	snprintf(id, sizeof id, "%lld", sqlite3_last_insert_rowid(db));
	rc = audit_append(&c->who, "recurrence.create", "recurrence", id, NULL, buf_str(&nv), "");
	buf_free(&nv);
	if (rc) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, "/templates?flash=recurrence");
}

const struct route templates_routes[] = {
	{ "GET", "/templates", templates_page, "templates", ROLE_ANY, 0 },
	{ "POST", "/templates/{code}/instantiate", instantiate, NULL, ROLE_ADMIN | ROLE_MANAGER, 0 },
	{ "POST", "/templates/{code}/recur", recur_post, NULL, ROLE_ADMIN | ROLE_MANAGER, 0 },
	{ 0 },
};
