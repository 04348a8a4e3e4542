/* gantt.c — the Gantt chart of a project as SVG. The geometry (x, width, rows, link end points,
 * the day columns and scale ticks) is computed here and passed as attributes; xslt/gantt.svg.xsl
 * only draws (DESIGN §7: cheaper than date arithmetic in XSLT, and it keeps the sheet simple). */
#include "route.h"
#include "db.h"
#include "plan.h"
#include "xml.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { LABEL_W = 280, ROW_H = 22, HEADER_H = 44, LEGEND_H = 40 };

struct row { long long id; int start, finish, row, milestone; int critical; };

static int
scale_ppd(const char *scale)
{
	return !strcmp(scale, "day") ? 24 : !strcmp(scale, "month") ? 4 : !strcmp(scale, "quarter") ? 2 : 12;
}

static void
ymd(int day, int *y, int *m, int *d)
{
	char s[11];
	cal_iso(day, s);
	sscanf(s, "%4d-%2d-%2d", y, m, d);
}

static int
gantt(struct ctx *c)
{
	struct project p;
	if (project_load(c->rq->a, ctx_pathv(c, 0), &p) != 1) return ctx_error(c, 404, "error.project_not_found", "");
	const char *scale = http_query(c->rq, "scale");
	if (!scale || !*scale) scale = "week";
	if (strcmp(scale, "day") && strcmp(scale, "week") && strcmp(scale, "month") && strcmp(scale, "quarter"))
		return ctx_error(c, 400, "error.400", "scale");
	const struct calendar *cal = plan_calendar(c->rq->a);
	int today = plan_today(), ppd = scale_ppd(scale);

	/* the chart's span: the project's plan and every task's dates */
	int lo = cal_day(p.planned_start), hi = cal_day(p.planned_finish);
	sqlite3_stmt *st = db_q("SELECT min(planned_start), max(planned_finish) FROM tasks WHERE project_id = ?", "i", p.id);
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
			int a = cal_day((const char *)sqlite3_column_text(st, 0)), b = cal_day((const char *)sqlite3_column_text(st, 1));
			if (a >= 0 && a < lo) lo = a;
			if (b > hi) hi = b;
		}
	}
	if (st) sqlite3_reset(st);
	if (lo < 0 || hi < lo) return ctx_error(c, 400, "error.date", "planned_start");
	int y, m, d;
	if (!strcmp(scale, "day") || !strcmp(scale, "week")) lo -= cal_weekday(lo) - 1;   /* from a Monday */
	else {                                                                           /* from a month's 1st */
		ymd(lo, &y, &m, &d);
		if (!strcmp(scale, "quarter")) m -= (m - 1) % 3;
		char s[11];
		snprintf(s, sizeof s, "%04d-%02d-01", y, m);
		lo = cal_day(s);
	}
	hi += 7;
	if (hi - lo > 3660) hi = lo + 3660;   /* ten years at most */
	int days = hi - lo + 1;

	xmlNodePtr g = xml_el(c->page, "gantt");
	char buf[32];
	xml_attr(g, "project", p.code);
	xml_attr(g, "project-name", p.name);
	xml_attr(g, "scale", scale);
	cal_iso(lo, buf);
	xml_attr(g, "start", buf);
	cal_iso(hi, buf);
	xml_attr(g, "end", buf);
	cal_iso(today, buf);
	xml_attr(g, "today", buf);
	xml_attr_ll(g, "today-x", (long long)(today - lo) * ppd);
	xml_attr_ll(g, "label-width", LABEL_W);
	xml_attr_ll(g, "row-height", ROW_H);
	xml_attr_ll(g, "header-height", HEADER_H);
	xml_attr_ll(g, "px-per-day", ppd);
	struct baseline_task *bt = NULL;
	int nbt = 0;
	const char *bname = "", *bq = http_query(c->rq, "baseline");
	long long bid = bq && strspn(bq, "0123456789") == strlen(bq) && strlen(bq) < 12 ? atoll(bq) : 0;
	if (!bid || baseline_load(c->rq->a, p.id, bid, &bt, &nbt, &bname) != 1) {
		bid = 0;
		bname = "";
	}
	if (bid) xml_attr_ll(g, "baseline", bid);
	else xml_attr(g, "baseline", "");
	xml_attr(g, "baseline-name", bname);
	for (int i = 0; i < days; i++) {
		xmlNodePtr col = xml_el(g, "col");
		xml_attr_ll(col, "x", (long long)i * ppd);
		xml_attr_ll(col, "w", ppd);
		cal_iso(lo + i, buf);
		xml_attr(col, "date", buf);
		xml_attr(col, "off", cal_is_workday(cal, lo + i) ? "0" : "1");
		xml_attr_ll(col, "weekday", cal_weekday(lo + i));
		ymd(lo + i, &y, &m, &d);
		int tick = !strcmp(scale, "day") || (!strcmp(scale, "week") && cal_weekday(lo + i) == 1) ||
			   (!strcmp(scale, "month") && d == 1) || (!strcmp(scale, "quarter") && d == 1 && (m - 1) % 3 == 0);
		if (!tick) continue;
		xmlNodePtr t = xml_el(g, "tick");
		xml_attr_ll(t, "x", (long long)i * ppd);
		if (!strcmp(scale, "quarter")) snprintf(buf, sizeof buf, "%04d Q%d", y, (m - 1) / 3 + 1);
		else if (!strcmp(scale, "month")) snprintf(buf, sizeof buf, "%04d-%02d", y, m);
		else snprintf(buf, sizeof buf, "%02d-%02d", m, d);
		xml_attr(t, "label", buf);
		xml_attr(t, "major", d == 1 ? "1" : "0");
	}

	/* rows */
	int n = (int)db_int("SELECT count(*) FROM tasks WHERE project_id = ?", "i", p.id);
	struct row *rows = arena_alloc(c->rq->a, sizeof *rows * (size_t)(n + 1));
	st = db_q("SELECT t.id, t.wbs, t.depth, t.is_summary, t.milestone, t.critical, t.percent, t.name,"
		  " coalesce(nullif(o.display_name, ''), o.login, ''), coalesce(t.planned_start, ''), coalesce(t.planned_finish, ''),"
		  " t.status FROM tasks t LEFT JOIN users o ON o.id = t.owner_id WHERE t.project_id = ? ORDER BY t.seq", "i", p.id);
	int r = 0;
	while (st && r < n && sqlite3_step(st) == SQLITE_ROW) {
		struct row *w = &rows[r];
		w->id = sqlite3_column_int64(st, 0);
		w->milestone = sqlite3_column_int(st, 4);
		w->critical = sqlite3_column_int(st, 5);
		const char *s = (const char *)sqlite3_column_text(st, 9), *f = (const char *)sqlite3_column_text(st, 10);
		w->start = *s ? cal_day(s) : -1;
		w->finish = *f ? cal_day(f) : w->start;
		w->row = r;
		xmlNodePtr t = xml_el(g, "task");
		xml_attr_ll(t, "row", r);
		static const char *const names[] = { "id", "wbs", "depth", "summary", "milestone", "critical", "percent", "name",
						     "owner-name", "start", "finish" };
		for (int i = 0; i < 11; i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			char num[32];
			if (i == 6) {
				snprintf(num, sizeof num, "%.0f", sqlite3_column_double(st, 6));
				v = num;
			}
			xml_attr(t, names[i], v ? v : "");
		}
		long x = w->start >= 0 ? (long)(w->start - lo) * ppd : 0;
		long wd = w->start < 0 || w->milestone ? 0 : (long)(w->finish - w->start + 1) * ppd;
		xml_attr_ll(t, "x", x);
		xml_attr_ll(t, "w", wd);
		xml_attr_ll(t, "y", HEADER_H + (long long)r * ROW_H);
		const struct baseline_task *b = bid ? baseline_find(bt, nbt, w->id) : NULL;
		int has = b && b->start >= 0 && b->start >= lo;
		xml_attr_ll(t, "base-x", has ? (long long)(b->start - lo) * ppd : 0);
		xml_attr_ll(t, "base-w", has && !w->milestone ? (long long)((b->finish >= b->start ? b->finish : b->start) - b->start + 1) * ppd : 0);
		xml_attr(t, "has-base", has ? "1" : "0");
		const char *status = (const char *)sqlite3_column_text(st, 11);
		int open = strcmp(status, "done") && strcmp(status, "cancelled");
		xml_attr(t, "overdue", open && w->finish >= 0 && w->finish < today ? "1" : "0");
		r++;
	}
	if (st) sqlite3_reset(st);
	n = r;
	xml_attr_ll(g, "width", LABEL_W + (long long)days * ppd + 20);
	xml_attr_ll(g, "height", HEADER_H + (long long)n * ROW_H + LEGEND_H);

	/* links, between rows */
	st = db_q("SELECT d.pred_id, d.succ_id, d.type FROM dependencies d WHERE d.project_id = ?", "i", p.id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		long long pid = sqlite3_column_int64(st, 0), sid = sqlite3_column_int64(st, 1);
		struct row *a = NULL, *b = NULL;
		for (int i = 0; i < n && (!a || !b); i++) {   /* rows are few next to links' rendering cost */
			if (rows[i].id == pid) a = &rows[i];
			if (rows[i].id == sid) b = &rows[i];
		}
		if (!a || !b || a->start < 0 || b->start < 0) continue;
		const char *type = (const char *)sqlite3_column_text(st, 2);
		int from_start = !strcmp(type, "SS") || !strcmp(type, "SF"), to_finish = !strcmp(type, "FF") || !strcmp(type, "SF");
		long ax = (long)(a->start - lo) * ppd, aw = a->milestone ? 0 : (long)(a->finish - a->start + 1) * ppd;
		long bx = (long)(b->start - lo) * ppd, bw = b->milestone ? 0 : (long)(b->finish - b->start + 1) * ppd;
		xmlNodePtr l = xml_el(g, "link");
		xml_attr_ll(l, "from", a->row);
		xml_attr_ll(l, "to", b->row);
		xml_attr(l, "type", type);
		xml_attr(l, "critical", a->critical && b->critical ? "1" : "0");
		xml_attr_ll(l, "x1", from_start ? ax : ax + aw);
		xml_attr_ll(l, "y1", HEADER_H + (long long)a->row * ROW_H + ROW_H / 2);
		xml_attr_ll(l, "x2", to_finish ? bx + bw : bx);
		xml_attr_ll(l, "y2", HEADER_H + (long long)b->row * ROW_H + ROW_H / 2);
	}
	if (st) sqlite3_reset(st);
	return H_RENDER;
}

const struct route gantt_routes[] = {
	{ "GET", "/projects/{code}/gantt", gantt, "gantt.svg", ROLE_ANY, 0 },
	{ 0 },
};
