/* work.c — the engineer's "my tasks" (open tasks by due date, a progress form on every row) and
 * the task search across projects (filters, sorting, pagination, CSV export). */
#include "core/route.h"
#include "core/csv.h"
#include "core/db.h"
#include "plan/plan.h"
#include "plan/task.h"
#include "plan/lists.h"
#include "core/render.h"
#include "core/text.h"
#include "core/xml.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PER_PAGE = 100 };

int work_my_page(struct ctx *c);

int
work_my_page(struct ctx *c)
{
	const struct calendar *cal = plan_calendar(c->rq->a);
	int today = plan_today();
	char d[11];
	cal_iso(today, d);
	xmlNodePtr my = xml_el(c->page, "my");
	xml_attr(my, "today", d);
	sqlite3_stmt *st = db_q("SELECT " TASK_COLS TASK_FROM " WHERE t.owner_id = ? AND t.is_summary = 0"
				" AND t.status NOT IN ('done', 'cancelled') AND p.is_template = 0"
				" AND p.status NOT IN ('done', 'cancelled')"
				" ORDER BY t.planned_finish IS NULL, t.planned_finish, t.priority, p.code, t.seq", "i", c->u->id);
	while (st && sqlite3_step(st) == SQLITE_ROW) task_xml(my, st, cal, today);
	if (st) sqlite3_reset(st);
	lists_xml(c->page, "delay_reason");
	return H_RENDER;
}

static const char SEARCH[] = "SELECT " TASK_COLS TASK_FROM " WHERE p.is_template = 0"
	" AND (?1 = '' OR p.code = ?1) AND (?2 = '' OR o.login = ?2) AND (?3 = '' OR t.status = ?3)"
	" AND (?4 = 0 OR t.priority = ?4) AND (?5 = '' OR t.planned_finish >= ?5) AND (?6 = '' OR t.planned_finish <= ?6)"
	" AND (?7 = '' OR instr(lower(t.name), lower(?7)) > 0 OR instr(lower(t.description), lower(?7)) > 0)"
	" AND (?8 = 0 OR (t.is_summary = 0 AND t.status NOT IN ('done', 'cancelled')))"
	" AND (?10 = 0 OR p.status IN ('active', 'planning', 'on_hold'))"
	" ORDER BY CASE ?9 WHEN 'name' THEN t.name WHEN 'owner' THEN o.login WHEN 'status' THEN t.status"
	" WHEN 'finish' THEN t.planned_finish WHEN 'project' THEN p.code ELSE NULL END,"
	" CASE ?9 WHEN 'priority' THEN t.priority WHEN 'percent' THEN t.percent ELSE NULL END, p.code, t.seq";
static const char SEARCH_DESC[] = "SELECT " TASK_COLS TASK_FROM " WHERE p.is_template = 0"
	" AND (?1 = '' OR p.code = ?1) AND (?2 = '' OR o.login = ?2) AND (?3 = '' OR t.status = ?3)"
	" AND (?4 = 0 OR t.priority = ?4) AND (?5 = '' OR t.planned_finish >= ?5) AND (?6 = '' OR t.planned_finish <= ?6)"
	" AND (?7 = '' OR instr(lower(t.name), lower(?7)) > 0 OR instr(lower(t.description), lower(?7)) > 0)"
	" AND (?8 = 0 OR (t.is_summary = 0 AND t.status NOT IN ('done', 'cancelled')))"
	" AND (?10 = 0 OR p.status IN ('active', 'planning', 'on_hold'))"
	" ORDER BY CASE ?9 WHEN 'name' THEN t.name WHEN 'owner' THEN o.login WHEN 'status' THEN t.status"
	" WHEN 'finish' THEN t.planned_finish WHEN 'project' THEN p.code ELSE NULL END DESC,"
	" CASE ?9 WHEN 'priority' THEN t.priority WHEN 'percent' THEN t.percent ELSE NULL END DESC, p.code DESC, t.seq DESC";

static const char *
q(struct ctx *c, const char *name)
{
	const char *v = http_query(c->rq, name);
	return v ? v : "";
}

static int
search(struct ctx *c)
{
	static const char *const fields[] = { "project", "owner", "status", "priority", "due_from", "due_to",
					      "overdue", "at_risk", "q", "sort", "dir", "open" };
	const char *v[12];
	for (int i = 0; i < 12; i++) {
		v[i] = q(c, fields[i]);
		if (text_chars(v[i]) > 100) return ctx_error(c, 400, "error.field_too_long", fields[i]);
	}
	int prio = 0;
	if (*v[3]) {
		if (strlen(v[3]) != 1 || v[3][0] < '1' || v[3][0] > '4') return ctx_error(c, 400, "error.priority", "priority");
		prio = v[3][0] - '0';
	}
	if (*v[4] && cal_day(v[4]) < 0) return ctx_error(c, 400, "error.date", "due_from");
	if (*v[5] && cal_day(v[5]) < 0) return ctx_error(c, 400, "error.date", "due_to");
	/* open=1: open leaf tasks of running projects (what the dashboard's bottleneck list counts) */
	int overdue = !strcmp(v[6], "1"), at_risk = !strcmp(v[7], "1"), open = !strcmp(v[11], "1");
	static const char *const sorts[] = { "", "wbs", "name", "owner", "status", "priority", "finish", "percent", "project" };
	int sort_ok = 0;
	for (size_t i = 0; i < sizeof sorts / sizeof *sorts; i++) sort_ok |= !strcmp(v[9], sorts[i]);
	if (!sort_ok) return ctx_error(c, 400, "error.400", "sort");
	int desc = !strcmp(v[10], "desc");
	long long page = 1;
	const char *pg = q(c, "page");
	if (*pg && (strspn(pg, "0123456789") != strlen(pg) || strlen(pg) > 6 || (page = atoll(pg)) < 1))
		return ctx_error(c, 400, "error.page", "page");

	const struct calendar *cal = plan_calendar(c->rq->a);
	int today = plan_today();
	sqlite3_stmt *st = db_q(desc ? SEARCH_DESC : SEARCH, "sssdsssdsd", v[0], v[1], v[2], prio, v[4], v[5], v[8],
				overdue || at_risk || open, v[9], open);
	if (!st) return ctx_error(c, 503, "error.busy", "");
	const char *fmt = http_query(c->rq, "format");
	int csv = fmt && !strcmp(fmt, "csv");
	struct buf *b = &c->rs->body;
	if (csv) {
		static const char *const cols[] = { "csv.project", "csv.wbs", "csv.name", "csv.owner", "csv.status",
						    "csv.priority", "csv.percent", "csv.remaining", "csv.start", "csv.finish",
						    "csv.overdue", "csv.at_risk" };
		csv_bom(b);
		for (int i = 0; i < 12; i++) csv_cell(b, render_msg(c->lang, cols[i]), i == 0);
		csv_end(b);
	}
	xmlNodePtr s = xml_el(c->page, "search");
	long long total = 0, from = (page - 1) * PER_PAGE;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct task_flags f;
		task_flags(st, cal, today, &f);
		if ((overdue && !f.overdue) || (at_risk && !f.at_risk)) continue;
		if (csv) {
			char pr[8], pct[32], rem[32];
			snprintf(pr, sizeof pr, "P%d", sqlite3_column_int(st, 8));
			snprintf(pct, sizeof pct, "%.10g", sqlite3_column_double(st, 10));
			snprintf(rem, sizeof rem, "%.10g", sqlite3_column_double(st, 12));
			const char *status = (const char *)sqlite3_column_text(st, 7);
			const char *row[] = { (const char *)sqlite3_column_text(st, 18), (const char *)sqlite3_column_text(st, 1),
					      (const char *)sqlite3_column_text(st, 4), (const char *)sqlite3_column_text(st, 5),
					      render_msg(c->lang, arena_printf(c->rq->a, "task.status.%s", status)), pr, pct, rem,
					      (const char *)sqlite3_column_text(st, 13), (const char *)sqlite3_column_text(st, 14),
					      f.overdue ? "1" : "0", f.at_risk ? "1" : "0" };
			for (int i = 0; i < 12; i++) csv_cell(b, row[i], i == 0);
			csv_end(b);
		} else if (total >= from && total < from + PER_PAGE) {
			task_xml(s, st, cal, today);
		}
		total++;
	}
	sqlite3_reset(st);
	if (csv) {
		c->rs->status = 200;
		c->rs->ctype = "text/csv; charset=utf-8";
		c->rs->disposition = "attachment; filename=\"opsplan-tasks.csv\"";
		return H_DONE;
	}
	xml_attr_ll(s, "total", total);
	xml_attr_ll(s, "page", page);
	xml_attr_ll(s, "pages", total ? (total + PER_PAGE - 1) / PER_PAGE : 1);
	xml_attr(s, "sort", v[9]);
	xml_attr(s, "dir", desc ? "desc" : "asc");
	struct buf qs = {0};
	for (int i = 0; i < 12; i++) {
		if (i == 9 || i == 10) continue;   /* sort and dir are added by the column links */
		if (!*v[i]) continue;
		if (qs.len) buf_addc(&qs, '&');
		buf_addf(&qs, "%s=", fields[i]);
		http_urlencode(&qs, v[i]);
	}
	xml_attr(s, "query", buf_str(&qs));
	buf_free(&qs);
	xmlNodePtr f = xml_el(s, "filter");
	for (int i = 0; i < 12; i++)
		if (i != 9 && i != 10) xml_attr(f, fields[i], v[i]);
	plan_people_xml(c->page);
	xmlNodePtr pl = xml_el(c->page, "projects-list");
	sqlite3_stmt *ps = db_q("SELECT code, name FROM projects WHERE is_template = 0 ORDER BY code", "");
	while (ps && sqlite3_step(ps) == SQLITE_ROW) {
		xmlNodePtr p = xml_el(pl, "project");
		xml_attr(p, "code", (const char *)sqlite3_column_text(ps, 0));
		xml_attr(p, "name", (const char *)sqlite3_column_text(ps, 1));
	}
	if (ps) sqlite3_reset(ps);
	return H_RENDER;
}

const struct route work_routes[] = {
	{ "GET", "/my", work_my_page, "mytasks", ROLE_ANY, 0 },
	{ "GET", "/tasks", search, "search", ROLE_ANY, RF_CSV },
	{ 0 },
};
