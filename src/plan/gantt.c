/* gantt.c — the Gantt chart's geometry (gantt.h): the span, the day columns and scale ticks, each
 * row's bar and baseline bar, the links' end points, for any window of rows and days. Read once
 * per request by gantt_load; written as XML by gantt_xml, once for the whole chart or once per
 * printed page. */
#include "plan/gantt.h"
#include "plan/baseline.h"
#include "plan/plan.h"
#include "core/db.h"
#include "core/xml.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
gantt_scale_ok(const char *scale)
{
	return scale && (!strcmp(scale, "day") || !strcmp(scale, "week") || !strcmp(scale, "month") ||
			 !strcmp(scale, "quarter"));
}

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
	if (sscanf(s, "%4d-%2d-%2d", y, m, d) != 3) *y = *m = *d = 1;
}

int
gantt_break(const struct gantt *g, int day)
{
	if (g->scale[0] == 'd' || g->scale[0] == 'w') return cal_weekday(day) == 1;
	int y, m, d;
	ymd(day, &y, &m, &d);
	return d == 1 && (g->scale[0] == 'm' || (m - 1) % 3 == 0);
}

static const char *
col_text(struct arena *a, sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return arena_strdup(a, s ? s : "");
}

/* rows by id, for the links' ends */
struct by_id { long long id; int row; };

static int
cmp_id(const void *x, const void *y)
{
	long long a = ((const struct by_id *)x)->id, b = ((const struct by_id *)y)->id;
	return (a > b) - (a < b);
}

static int
row_of(const struct by_id *ix, int n, long long id)
{
	struct by_id k = { id, 0 };
	const struct by_id *f = bsearch(&k, ix, (size_t)n, sizeof *ix, cmp_id);
	return f ? f->row : -1;
}

int
gantt_load(struct arena *a, const struct project *p, const char *scale, const char *baseline, struct gantt *g)
{
	memset(g, 0, sizeof *g);
	g->p = p;
	g->scale = scale;
	g->ppd = scale_ppd(scale);
	g->cal = plan_project_calendar(a, p->id);
	g->today = plan_today();

	/* the chart's span: the project's plan and every task's dates */
	int lo = cal_day(p->planned_start), hi = cal_day(p->planned_finish);
	sqlite3_stmt *st = db_q("SELECT min(planned_start), max(planned_finish) FROM tasks WHERE project_id = ?", "i", p->id);
	if (st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		int x = cal_day((const char *)sqlite3_column_text(st, 0));
		int y = sqlite3_column_type(st, 1) != SQLITE_NULL ? cal_day((const char *)sqlite3_column_text(st, 1)) : -1;
		if (x >= 0 && x < lo) lo = x;
		if (y > hi) hi = y;
	}
	if (st) sqlite3_reset(st);
	if (lo < 0 || hi < lo) return -1;
	if (scale[0] == 'd' || scale[0] == 'w') {
		lo -= cal_weekday(lo) - 1;   /* from a Monday */
	} else {                             /* from a month's (a quarter's) 1st */
		int y, m, d;
		ymd(lo, &y, &m, &d);
		if (scale[0] == 'q') m -= (m - 1) % 3;
		char s[11];
		snprintf(s, sizeof s, "%04d-%02d-01", y, m);
		lo = cal_day(s);
	}
	hi += 7;
	if (hi - lo > 3660) hi = lo + 3660;   /* ten years at most */
	g->lo = lo;
	g->hi = hi;
	g->days = hi - lo + 1;

	struct baseline_task *bt = NULL;
	int nbt = 0;
	const char *bname = "";
	long long bid = baseline && strspn(baseline, "0123456789") == strlen(baseline) && strlen(baseline) < 12
				? atoll(baseline) : 0;
	if (!bid || baseline_load(a, p->id, bid, &bt, &nbt, &bname) != 1) {
		bid = 0;
		bname = "";
	}
	g->bid = bid;
	g->bname = bname ? bname : "";

	/* rows */
	int n = (int)db_int("SELECT count(*) FROM tasks WHERE project_id = ?", "i", p->id);
	if (n < 0) n = 0;
	g->rows = arena_alloc(a, sizeof *g->rows * (size_t)(n + 1));
	struct by_id *ix = arena_alloc(a, sizeof *ix * (size_t)(n + 1));
	st = db_q("SELECT t.id, t.wbs, t.depth, t.is_summary, t.milestone, t.critical, t.percent, t.name,"
		  " coalesce(nullif(o.display_name, ''), o.login, ''), coalesce(t.planned_start, ''), coalesce(t.planned_finish, ''),"
		  " t.status, coalesce(t.due_finish, '') FROM tasks t LEFT JOIN users o ON o.id = t.owner_id WHERE t.project_id = ?"
		  " ORDER BY t.seq", "i", p->id);
	int r = 0;
	while (st && r < n && sqlite3_step(st) == SQLITE_ROW) {
		struct gantt_row *w = &g->rows[r];
		w->id = sqlite3_column_int64(st, 0);
		w->wbs = col_text(a, st, 1);
		w->depth = sqlite3_column_int(st, 2);
		w->summary = sqlite3_column_int(st, 3);
		w->milestone = sqlite3_column_int(st, 4);
		w->critical = sqlite3_column_int(st, 5);
		w->percent = sqlite3_column_double(st, 6);
		w->name = col_text(a, st, 7);
		w->owner = col_text(a, st, 8);
		w->start_s = col_text(a, st, 9);
		w->finish_s = col_text(a, st, 10);
		w->start = *w->start_s ? cal_day(w->start_s) : -1;
		w->finish = *w->finish_s ? cal_day(w->finish_s) : w->start;
		const char *status = (const char *)sqlite3_column_text(st, 11);
		int open = !status || (strcmp(status, "done") && strcmp(status, "cancelled"));
		int due = cal_day((const char *)sqlite3_column_text(st, 12));
		w->overdue = open && due >= 0 && due < g->today;
		const struct baseline_task *b = bid ? baseline_find(bt, nbt, w->id) : NULL;
		w->base_start = b && b->start >= 0 && b->start >= lo ? b->start : -1;
		w->base_finish = w->base_start < 0 ? -1 : b->finish >= b->start ? b->finish : b->start;
		ix[r].id = w->id;
		ix[r].row = r;
		r++;
	}
	if (st) sqlite3_reset(st);
	g->n = n = r;
	qsort(ix, (size_t)n, sizeof *ix, cmp_id);

	/* links, between rows */
	int nl = (int)db_int("SELECT count(*) FROM dependencies WHERE project_id = ?", "i", p->id);
	if (nl < 0) nl = 0;
	g->links = arena_alloc(a, sizeof *g->links * (size_t)(nl + 1));
	st = db_q("SELECT pred_id, succ_id, type FROM dependencies WHERE project_id = ? ORDER BY id", "i", p->id);
	int l = 0;
	while (st && l < nl && sqlite3_step(st) == SQLITE_ROW) {
		int from = row_of(ix, n, sqlite3_column_int64(st, 0)), to = row_of(ix, n, sqlite3_column_int64(st, 1));
		if (from < 0 || to < 0 || g->rows[from].start < 0 || g->rows[to].start < 0) continue;
		struct gantt_link *k = &g->links[l++];
		k->from = from;
		k->to = to;
		k->type = col_text(a, st, 2);
		k->critical = g->rows[from].critical && g->rows[to].critical;
	}
	if (st) sqlite3_reset(st);
	g->nl = l;
	return 0;
}

int
gantt_legend_h(const struct gantt *g, long long width)
{
	long long per = (width - 12) / GANTT_LEGEND_ITEM_W;
	if (per < 1) per = 1;
	long long items = 7 + (g->bid != 0);
	return (int)(14 + (items + per - 1) / per * GANTT_LEGEND_LINE_H);
}

xmlNodePtr
gantt_xml(const struct gantt *g, xmlNodePtr parent, int r0, int r1, int d0, int d1, long long width, long long height)
{
	const char *scale = g->scale;
	int ppd = g->ppd;
	char buf[32];
	xmlNodePtr e = xml_el(parent, "gantt");
	xml_attr(e, "project", g->p->code);
	xml_attr(e, "project-name", g->p->name);
	xml_attr(e, "scale", scale);
	cal_iso(d0, buf);
	xml_attr(e, "start", buf);
	cal_iso(d1, buf);
	xml_attr(e, "end", buf);
	cal_iso(g->today, buf);
	xml_attr(e, "today", buf);
	xml_attr_ll(e, "today-x", (long long)(g->today - d0) * ppd);
	xml_attr_ll(e, "label-width", GANTT_LABEL_W);
	xml_attr_ll(e, "row-height", GANTT_ROW_H);
	xml_attr_ll(e, "header-height", GANTT_HEADER_H);
	xml_attr_ll(e, "px-per-day", ppd);
	if (g->bid) xml_attr_ll(e, "baseline", g->bid);
	else xml_attr(e, "baseline", "");
	xml_attr(e, "baseline-name", g->bname);
	for (int day = d0; day <= d1; day++) {
		long long x = (long long)(day - d0) * ppd;
		xmlNodePtr col = xml_el(e, "col");
		xml_attr_ll(col, "x", x);
		xml_attr_ll(col, "w", ppd);
		cal_iso(day, buf);
		xml_attr(col, "date", buf);
		xml_attr(col, "off", cal_is_workday(g->cal, day) ? "0" : "1");
		xml_attr_ll(col, "weekday", cal_weekday(day));
		int y, m, d;
		ymd(day, &y, &m, &d);
		int tick = scale[0] == 'd' || (scale[0] == 'w' && cal_weekday(day) == 1) || (scale[0] == 'm' && d == 1) ||
			   (scale[0] == 'q' && d == 1 && (m - 1) % 3 == 0);
		if (!tick) continue;
		xmlNodePtr t = xml_el(e, "tick");
		xml_attr_ll(t, "x", x);
		if (scale[0] == 'q') snprintf(buf, sizeof buf, "%04d Q%d", y, (m - 1) / 3 + 1);
		else if (scale[0] == 'm') snprintf(buf, sizeof buf, "%04d-%02d", y, m);
		else snprintf(buf, sizeof buf, "%02d-%02d", m, d);
		xml_attr(t, "label", buf);
		xml_attr(t, "major", d == 1 ? "1" : "0");
	}

	for (int r = r0; r < r1 && r < g->n; r++) {
		const struct gantt_row *w = &g->rows[r];
		xmlNodePtr t = xml_el(e, "task");
		xml_attr_ll(t, "row", r - r0);
		xml_attr_ll(t, "id", w->id);
		xml_attr(t, "wbs", w->wbs);
		xml_attr_ll(t, "depth", w->depth);
		xml_attr(t, "summary", w->summary ? "1" : "0");
		xml_attr(t, "milestone", w->milestone ? "1" : "0");
		xml_attr(t, "critical", w->critical ? "1" : "0");
		snprintf(buf, sizeof buf, "%.0f", w->percent);
		xml_attr(t, "percent", buf);
		xml_attr(t, "name", w->name);
		xml_attr(t, "owner-name", w->owner);
		xml_attr(t, "start", w->start_s);
		xml_attr(t, "finish", w->finish_s);
		xml_attr_ll(t, "x", w->start >= 0 ? (long long)(w->start - d0) * ppd : 0);
		xml_attr_ll(t, "w", w->start < 0 || w->milestone ? 0 : (long long)(w->finish - w->start + 1) * ppd);
		xml_attr_ll(t, "y", GANTT_HEADER_H + (long long)(r - r0) * GANTT_ROW_H);
		int has = w->base_start >= 0;
		xml_attr_ll(t, "base-x", has ? (long long)(w->base_start - d0) * ppd : 0);
		xml_attr_ll(t, "base-w", has && !w->milestone ? (long long)(w->base_finish - w->base_start + 1) * ppd : 0);
		xml_attr(t, "has-base", has ? "1" : "0");
		xml_attr(t, "overdue", w->overdue ? "1" : "0");
	}
	xml_attr_ll(e, "width", width);
	xml_attr_ll(e, "height", height);

	for (int i = 0; i < g->nl; i++) {
		const struct gantt_link *k = &g->links[i];
		if ((k->from < r0 || k->from >= r1) && (k->to < r0 || k->to >= r1)) continue;
		const struct gantt_row *a = &g->rows[k->from], *b = &g->rows[k->to];
		int from_start = !strcmp(k->type, "SS") || !strcmp(k->type, "SF"), to_finish = !strcmp(k->type, "FF") || !strcmp(k->type, "SF");
		long long ax = (long long)(a->start - d0) * ppd, aw = a->milestone ? 0 : (long long)(a->finish - a->start + 1) * ppd;
		long long bx = (long long)(b->start - d0) * ppd, bw = b->milestone ? 0 : (long long)(b->finish - b->start + 1) * ppd;
		xmlNodePtr l = xml_el(e, "link");
		xml_attr_ll(l, "from", k->from - r0);
		xml_attr_ll(l, "to", k->to - r0);
		xml_attr(l, "type", k->type);
		xml_attr(l, "critical", k->critical ? "1" : "0");
		xml_attr(l, "from-milestone", a->milestone ? "1" : "0");
		xml_attr(l, "to-milestone", b->milestone ? "1" : "0");
		xml_attr_ll(l, "x1", from_start ? ax : ax + aw);
		xml_attr_ll(l, "y1", GANTT_HEADER_H + (long long)(k->from - r0) * GANTT_ROW_H + GANTT_ROW_H / 2);
		xml_attr_ll(l, "x2", to_finish ? bx + bw : bx);
		xml_attr_ll(l, "y2", GANTT_HEADER_H + (long long)(k->to - r0) * GANTT_ROW_H + GANTT_ROW_H / 2);
	}
	return e;
}
