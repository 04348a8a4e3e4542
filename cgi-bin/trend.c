/* trend.c — a project's milestone trend chart (milestone trend analysis) as SVG, for any status
 * date (?date=YYYY-MM-DD, default today): for each milestone its scheduled date as it was on each
 * report date (x: report date, y: milestone date), from the history trend_record() keeps. A status
 * date in the past shows only what was recorded up to it. The report dates are the days on which
 * any milestone date of the project changed, and the status date. A line that meets the diagonal
 * (report date = milestone date) has reached its milestone; a rising line slips. The geometry is
 * computed here (src/trendline.c for the lines); xslt/milestone-trend.svg.xsl draws it. */
#include "core/route.h"
#include "core/db.h"
#include "plan/plan.h"
#include "plan/project.h"
#include "plan/baseline.h"
#include "plan/trend.h"
#include "engine/trendline.h"
#include "core/xml.h"
#include <stdio.h>
#include <string.h>

enum { W = 860, LEFT = 70, RIGHT = 24, TOP = 44, PLOT_H = 420, LEGEND_GAP = 58, LINE_H = 18, MAX_LINES = 24 };

static const char *const colors[] = { "#1d5fa3", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#8d6e63", "#455a64" };
static const char *const shapes[] = { "circle", "square", "triangle" };

struct ms {
	long long id;
	const char *wbs, *name;
	struct trendline_row *rows;
	int n;
};

static void
attr_num(xmlNodePtr e, const char *name, double v)
{
	char num[32];
	snprintf(num, sizeof num, "%.1f", v);
	xml_attr(e, name, num);
}

static void
attr_day(xmlNodePtr e, const char *name, int day)
{
	char d[11];
	cal_iso(day, d);
	xml_attr(e, name, d);
}

static int
milestone_trend(struct ctx *c)
{
	struct arena *a = c->rq->a;
	struct project p;
	if (project_load(a, ctx_pathv(c, 0), &p) != 1) return ctx_error(c, 404, "error.project_not_found", "");
	const char *dq = http_query(c->rq, "date");
	int status = dq && *dq ? cal_day(dq) : plan_today();
	if (status < 0) return ctx_error(c, 400, "error.date", "date");
	char sd[11];
	cal_iso(status, sd);

	/* the history known on the status date, milestone by milestone in WBS order */
	int total = (int)db_int("SELECT count(*) FROM milestone_history WHERE project_id = ? AND day <= ?", "is", p.id, sd);
	int nms = (int)db_int("SELECT count(DISTINCT task_id) FROM milestone_history WHERE project_id = ? AND day <= ?",
			      "is", p.id, sd);
	struct trendline_row *rows = arena_alloc(a, sizeof *rows * (size_t)(total + 1));
	struct ms *ms = arena_alloc(a, sizeof *ms * (size_t)(nms + 1));
	int *days = arena_alloc(a, sizeof *days * (size_t)(total + 1));
	sqlite3_stmt *st = db_q("SELECT h.task_id, t.wbs, t.name, h.day, h.finish FROM milestone_history h"
				" JOIN tasks t ON t.id = h.task_id WHERE h.project_id = ? AND h.day <= ?"
				" ORDER BY t.seq, h.task_id, h.day", "is", p.id, sd);
	int nr = 0, m = 0;
	while (st && nr < total && sqlite3_step(st) == SQLITE_ROW) {
		int day = cal_day((const char *)sqlite3_column_text(st, 3));
		int fin = cal_day((const char *)sqlite3_column_text(st, 4));
		if (day < 0 || fin < 0) continue;
		long long id = sqlite3_column_int64(st, 0);
		if (!m || ms[m - 1].id != id) {
			if (m == nms) break;
			ms[m] = (struct ms){ id, arena_strdup(a, (const char *)sqlite3_column_text(st, 1)),
					     arena_strdup(a, (const char *)sqlite3_column_text(st, 2)), rows + nr, 0 };
			m++;
		}
		rows[nr] = (struct trendline_row){ day, fin };
		days[nr] = day;
		ms[m - 1].n++;
		nr++;
	}
	if (st) sqlite3_reset(st);
	int nd = trendline_days(days, nr, status);

	int shown = m < MAX_LINES ? m : MAX_LINES;
	struct trendline_point *pts = arena_alloc(a, sizeof *pts * (size_t)(shown * nd + 1));
	int *npts = arena_alloc(a, sizeof *npts * (size_t)(shown + 1)), *reached = arena_alloc(a, sizeof *reached * (size_t)(shown + 1));
	int lo = days[0], hi = status;
	for (int i = 0; i < shown; i++) {
		npts[i] = trendline_points(ms[i].rows, ms[i].n, days, nd, pts + (size_t)i * nd, &reached[i]);
		for (int j = 0; j < npts[i]; j++) {
			const struct trendline_point *q = &pts[(size_t)i * nd + j];
			if (q->y < lo) lo = q->y;
			if (q->y > hi) hi = q->y;
			if (q->x < lo) lo = q->x;
		}
	}
	if (hi - lo < 14) hi = lo + 14;
	lo -= 1;
	hi += 1;

	const struct calendar *cal = plan_project_calendar(a, p.id);
	int bottom = TOP + PLOT_H, right = W - RIGHT;
	int height = bottom + LEGEND_GAP + LINE_H * (shown + 1 + (m > shown)) + 8;
	xmlNodePtr t = xml_el(c->page, "milestone-trend");
	xml_attr(t, "project", p.code);
	xml_attr(t, "project-name", p.name);
	xml_attr(t, "date", sd);
	xml_attr_ll(t, "milestones", m);
	xml_attr_ll(t, "width", W);
	xml_attr_ll(t, "height", height);
	xml_attr_ll(t, "left", LEFT);
	xml_attr_ll(t, "top", TOP);
	xml_attr_ll(t, "bottom", bottom);
	xml_attr_ll(t, "right", right);
	xml_attr_ll(t, "legend", bottom + LEGEND_GAP);
	attr_day(t, "from", lo);
	attr_day(t, "to", hi);
#define X(day) trendline_scale((day), lo, hi, LEFT, right)
#define Y(day) trendline_scale((day), lo, hi, bottom, TOP)
	attr_num(t, "date-x", X(status));
	/* the diagonal: report date = milestone date */
	attr_num(t, "diag-x1", X(lo));
	attr_num(t, "diag-y1", Y(lo));
	attr_num(t, "diag-x2", X(hi));
	attr_num(t, "diag-y2", Y(hi));
	for (int i = 0; i < nd; i++) {
		xmlNodePtr r = xml_el(t, "report");
		attr_day(r, "day", days[i]);
		attr_num(r, "x", X(days[i]));
	}
	for (int i = 0; i < shown; i++) {
		xmlNodePtr e = xml_el(t, "milestone");
		const struct trendline_point *q = pts + (size_t)i * nd;
		xml_attr_ll(e, "id", ms[i].id);
		xml_attr(e, "wbs", ms[i].wbs);
		xml_attr(e, "name", ms[i].name);
		attr_day(e, "first", ms[i].rows[0].finish);
		int now = npts[i] ? q[npts[i] - 1].y : ms[i].rows[ms[i].n - 1].finish;
		attr_day(e, "current", now);
		xml_attr_ll(e, "slip", baseline_variance(cal, ms[i].rows[0].finish, now));
		xml_attr(e, "reached", reached[i] ? "1" : "0");
		xml_attr(e, "color", colors[i % 8]);
		xml_attr(e, "shape", shapes[i % 3]);
		attr_num(e, "legend-y", bottom + LEGEND_GAP + LINE_H * (i + 1));
		struct buf line = {0};
		for (int j = 0; j < npts[i]; j++) {
			xmlNodePtr pt = xml_el(e, "point");
			attr_day(pt, "at", q[j].x);
			attr_day(pt, "date", q[j].y);
			attr_num(pt, "x", X(q[j].x));
			attr_num(pt, "y", Y(q[j].y));
			buf_addf(&line, "%s%.1f,%.1f", line.len ? " " : "", X(q[j].x), Y(q[j].y));
		}
		xml_attr(e, "points", buf_str(&line));
		buf_free(&line);
	}
	if (m > shown) {
		xmlNodePtr more = xml_el(t, "more");
		xml_attr_ll(more, "count", m - shown);
		attr_num(more, "y", bottom + LEGEND_GAP + LINE_H * (shown + 1));
	}
	/* axis labels: the same dates on both axes, about every seventh of the span */
	int step = (hi - lo) / 7 > 0 ? (hi - lo) / 7 : 1;
	for (int d = lo + 1; d < hi; d += step) {
		char iso[11];
		cal_iso(d, iso);
		xmlNodePtr x = xml_el(t, "xtick");
		attr_num(x, "x", X(d));
		xml_attr(x, "label", iso + 5);
		xmlNodePtr y = xml_el(t, "ytick");
		attr_num(y, "y", Y(d));
		xml_attr(y, "label", iso + 5);
	}
#undef X
#undef Y
	return H_RENDER;
}

const struct route trend_routes[] = {
	{ "GET", "/projects/{code}/milestone-trend.svg", milestone_trend, "milestone-trend.svg", ROLE_ANY, 0 },
	{ 0 },
};
