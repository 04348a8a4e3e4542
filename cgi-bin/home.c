/* home.c — the dashboard: every active project with planned vs actual progress, the schedule
 * deviation in working days, overdue and at-risk tasks, the next milestone and a health verdict;
 * and the bottleneck list (people with the most overdue or blocked work). Each number links to
 * the task list that produced it. */
#include "core/route.h"
#include "core/db.h"
#include "engine/health.h"
#include "plan/plan.h"
#include "plan/project.h"
#include "core/xml.h"
#include <string.h>

static int
home(struct ctx *c)
{
	const struct calendar *cal = plan_calendar(c->rq->a);
	int today = plan_today();
	char d[11];
	cal_iso(today, d);
	xmlNodePtr dash = xml_el(c->page, "dashboard");
	xml_attr(dash, "today", d);
	sqlite3_stmt *st = db_q("SELECT p.id, p.code, p.name, p.status, p.planned_start, p.planned_finish,"
				" CASE u.display_name WHEN '' THEN u.login ELSE u.display_name END, u.login, p.task_count"
				" FROM projects p JOIN users u ON u.id = p.manager_id WHERE p.is_template = 0"
				" AND p.status IN ('active', 'planning', 'on_hold') ORDER BY p.planned_finish, p.code", "");
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr e = xml_el(dash, "project");
		static const char *const names[] = { "id", "code", "name", "status", "planned-start", "planned-finish",
						     "manager-name", "manager" };
		for (int i = 1; i < 8; i++) xml_attr(e, names[i], (const char *)sqlite3_column_text(st, i));
		struct health h;
		project_health(sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 5), cal, today,
			       c->rq->a, &h);
		project_health_xml(e, &h, (const char *)sqlite3_column_text(st, 3));
		xml_attr(e, "tasks", (const char *)sqlite3_column_text(st, 8));
	}
	if (st) sqlite3_reset(st);

	/* bottlenecks: open leaf tasks of active projects per owner */
	xmlNodePtr bn = xml_el(dash, "bottlenecks");
	st = db_q("SELECT o.login, CASE o.display_name WHEN '' THEN o.login ELSE o.display_name END,"
		  " sum(t.due_finish < ?1), sum(t.status = 'blocked'), count(*)"
		  " FROM tasks t JOIN users o ON o.id = t.owner_id JOIN projects p ON p.id = t.project_id"
		  " WHERE t.is_summary = 0 AND t.status NOT IN ('done', 'cancelled') AND p.is_template = 0"
		  " AND p.status IN ('active', 'planning', 'on_hold') GROUP BY o.id"
		  " HAVING sum(t.due_finish < ?1) + sum(t.status = 'blocked') > 0"
		  " ORDER BY 3 DESC, 4 DESC, 5 DESC LIMIT 10", "s", d);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr p = xml_el(bn, "person");
		static const char *const names[] = { "login", "name", "overdue", "blocked", "open" };
		for (int i = 0; i < 5; i++) xml_attr(p, names[i], (const char *)sqlite3_column_text(st, i));
	}
	if (st) sqlite3_reset(st);
	return H_RENDER;
}

const struct route home_routes[] = {
	{ "GET", "/", home, "home", ROLE_ANY, 0 },
	{ 0 },
};
