/* burndown.c — a project's burndown as SVG: remaining hours of its tasks each day (from the
 * progress history: a task counts its estimate until its first update, then the remaining hours
 * of its latest update) against the ideal line from the total estimate at the planned start to
 * zero at the planned finish, for any status date (?date=YYYY-MM-DD, default today). The
 * geometry is computed here; xslt/burndown.svg.xsl draws it. */
#include "core/route.h"
#include "core/clock.h"
#include "core/db.h"
#include "plan/plan.h"
#include "plan/project.h"
#include "core/xml.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

enum { W = 860, H = 380, LEFT = 60, RIGHT = 20, TOP = 40, BOTTOM = 60 };

struct est { long long id; double estimate, current; };

static int
find(const struct est *e, int n, long long id)
{
	int lo = 0, hi = n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (e[mid].id == id) return mid;
		if (e[mid].id < id) lo = mid + 1;
		else hi = mid - 1;
	}
	return -1;
}

static int
burndown(struct ctx *c)
{
	struct project p;
	if (project_load(c->rq->a, ctx_pathv(c, 0), &p) != 1) return ctx_error(c, 404, "error.project_not_found", "");
	const char *dq = http_query(c->rq, "date");
	int status = dq && *dq ? cal_day(dq) : plan_today();
	if (status < 0) return ctx_error(c, 400, "error.date", "date");
	const struct calendar *cal = plan_project_calendar(c->rq->a, p.id);
	int start = cal_day(p.planned_start), finish = cal_day(p.planned_finish);
	int end = finish > status ? finish : status;
	if (end - start > 3660) end = start + 3660;
	int days = end - start + 1;

	int n = (int)db_int("SELECT count(*) FROM tasks WHERE project_id = ? AND is_summary = 0 AND status <> 'cancelled'", "i", p.id);
	struct est *e = arena_alloc(c->rq->a, sizeof *e * (size_t)(n + 1));
	sqlite3_stmt *st = db_q("SELECT id, estimate_hours FROM tasks WHERE project_id = ? AND is_summary = 0"
				" AND status <> 'cancelled' ORDER BY id", "i", p.id);
	int k = 0;
	double total = 0;
	while (st && k < n && sqlite3_step(st) == SQLITE_ROW) {
		e[k].id = sqlite3_column_int64(st, 0);
		e[k].estimate = e[k].current = sqlite3_column_double(st, 1);
		total += e[k].estimate;
		k++;
	}
	if (st) sqlite3_reset(st);
	n = k;
	double *remaining = arena_alloc(c->rq->a, sizeof *remaining * (size_t)(days + 1));
	double sum = total;
	st = db_q("SELECT g.task_id, g.at, g.remaining_hours FROM progress_updates g JOIN tasks t ON t.id = g.task_id"
		  " WHERE t.project_id = ? ORDER BY g.at, g.id", "i", p.id);
	int day = start, has = st && sqlite3_step(st) == SQLITE_ROW;
	for (int i = 0; i < days; i++, day++) {
		while (has) {
			char local[17];
			clock_local(clock_parse((const char *)sqlite3_column_text(st, 1)), local);
			local[10] = 0;
			if (cal_day(local) > day) break;
			int j = find(e, n, sqlite3_column_int64(st, 0));
			if (j >= 0) {
				double r = sqlite3_column_double(st, 2);
				sum += r - e[j].current;
				e[j].current = r;
			}
			has = sqlite3_step(st) == SQLITE_ROW;
		}
		remaining[i] = sum < 0 ? 0 : sum;
	}
	if (st) sqlite3_reset(st);

	double top = total > 0 ? total : 1;
	for (int i = 0; i < days; i++) if (remaining[i] > top) top = remaining[i];
	double pw = (double)(W - LEFT - RIGHT) / (days > 1 ? days - 1 : 1), ph = (H - TOP - BOTTOM) / top;
	xmlNodePtr b = xml_el(c->page, "burndown");
	char d[11], num[64];
	xml_attr(b, "project", p.code);
	xml_attr(b, "project-name", p.name);
	cal_iso(status, d);
	xml_attr(b, "date", d);
	xml_attr(b, "start", p.planned_start);
	xml_attr(b, "finish", p.planned_finish);
	snprintf(num, sizeof num, "%.0f", total);
	xml_attr(b, "total", num);
	xml_attr_ll(b, "width", W);
	xml_attr_ll(b, "height", H);
	xml_attr_ll(b, "left", LEFT);
	xml_attr_ll(b, "top", TOP);
	xml_attr_ll(b, "bottom", H - BOTTOM);
	xml_attr_ll(b, "right", W - RIGHT);
	/* the actual line up to the status date */
	struct buf pts = {0};
	for (int i = 0; i < days && start + i <= status; i++)
		buf_addf(&pts, "%s%.1f,%.1f", pts.len ? " " : "", LEFT + i * pw, H - BOTTOM - remaining[i] * ph);
	xml_attr(b, "actual", buf_str(&pts));
	buf_free(&pts);
	if (status >= start && status <= end) {
		snprintf(num, sizeof num, "%.0f", remaining[status - start]);
		xml_attr(b, "remaining", num);
		snprintf(num, sizeof num, "%.1f", LEFT + (status - start) * pw);
		xml_attr(b, "date-x", num);
	}
	/* the ideal line burns evenly over the working days of the plan */
	struct buf ideal = {0};
	int wd_total = finish >= start ? cal_workdays_between(cal, start, finish + 1) : 0;
	for (int i = 0; i < days && start + i <= finish; i++) {
		int done = cal_workdays_between(cal, start, start + i + 1);
		double v = wd_total ? total * (1 - (double)done / wd_total) : 0;
		buf_addf(&ideal, "%s%.1f,%.1f", ideal.len ? " " : "", LEFT + i * pw, H - BOTTOM - v * ph);
	}
	xml_attr(b, "ideal", buf_str(&ideal));
	buf_free(&ideal);
	/* axis labels: five hour levels, a date about every seventh of the span */
	for (int i = 0; i <= 4; i++) {
		xmlNodePtr t = xml_el(b, "ytick");
		snprintf(num, sizeof num, "%.1f", H - BOTTOM - top * i / 4 * ph);
		xml_attr(t, "y", num);
		snprintf(num, sizeof num, "%.0f", top * i / 4);
		xml_attr(t, "label", num);
	}
	int step = days / 7 > 0 ? days / 7 : 1;
	for (int i = 0; i < days; i += step) {
		xmlNodePtr t = xml_el(b, "xtick");
		snprintf(num, sizeof num, "%.1f", LEFT + i * pw);
		xml_attr(t, "x", num);
		cal_iso(start + i, d);
		xml_attr(t, "label", d + 5);
	}
	return H_RENDER;
}

const struct route burndown_routes[] = {
	{ "GET", "/projects/{code}/burndown", burndown, "burndown.svg", ROLE_ANY, 0 },
	{ 0 },
};
