/* changecal.c — the change calendar (ITIL's change schedule), GET /changes/calendar: a month or
 * a week of the changes planned in it (not rejected or cancelled) with the freeze windows, the
 * filters state, type and CI, and the range's changes as CSV. Everyone who reads changes may
 * view it. The arithmetic is src/changecal.c, the model src/changecalxml.c. */
#include "core/route.h"
#include "change/changecal.h"
#include "engine/cal.h"
#include "core/clock.h"
#include "change/cmdb.h"
#include "core/csv.h"
#include "core/db.h"
#include "plan/plan.h"
#include "core/render.h"
#include <string.h>

static const char *
q(struct ctx *c, const char *name)
{
	const char *v = http_query(c->rq, name);
	return v ? v : "";
}

static int
one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (!strcmp(s, *set)) return 1;
	return 0;
}

/* The states a change on the calendar may be in (rejected and cancelled ones are never shown). */
static const char *const cal_states[] = { "new", "assess", "authorize", "scheduled", "implement", "review", "closed",
					  NULL };
static const char *const cal_types[] = { "standard", "normal", "emergency", NULL };

static int
calendar_csv(struct ctx *c, const struct calgrid_range *r, const struct changecal_filter *f)
{
	struct changecal_change *ch;
	int truncated;
	int n = changecal_load(r, f, c->rq->a, &ch, &truncated);
	if (n < 0) return ctx_error(c, 503, "error.busy", "");
	struct buf *b = &c->rs->body;
	static const char *const cols[] = { "chg.number", "chg.f.title", "chg.f.type", "chg.state", "chg.risk.level",
					    "chg.f.outage", "chg.f.planned_start", "chg.f.planned_end", "chg.f.cis" };
	enum { NCOLS = sizeof cols / sizeof *cols };
	csv_bom(b);
	for (int i = 0; i < NCOLS; i++) csv_cell(b, render_msg(c->lang, cols[i]), i == 0);
	csv_end(b);
	struct arena *a = c->rq->a;
	for (int k = 0; k < n; k++) {
		const struct changecal_change *x = &ch[k];
		const char *cis = "";
		for (int i = 0; i < x->ncis; i++) cis = i ? arena_printf(a, "%s %s", cis, x->cis[i]) : x->cis[i];
		const char *row[NCOLS] = {
			x->number, x->title, render_msg(c->lang, arena_printf(a, "chg.type.%s", x->type)),
			render_msg(c->lang, arena_printf(a, "chg.state.%s", x->state)),
			*x->risk ? render_msg(c->lang, arena_printf(a, "chg.risk.level.%s", x->risk)) : "",
			render_msg(c->lang, x->outage ? "ccal.yes" : "ccal.no"), x->start, x->end, cis
		};
		for (int i = 0; i < NCOLS; i++) csv_cell(b, row[i], i == 0);
		csv_end(b);
	}
	c->rs->status = 200;
	c->rs->ctype = "text/csv; charset=utf-8";
	c->rs->disposition = arena_printf(a, "attachment; filename=\"opsplan-change-calendar-%s.csv\"", r->value);
	return H_DONE;
}

static int
calendar_page(struct ctx *c)
{
	const char *view = q(c, "view");
	if (!*view) view = "month";
	if (strcmp(view, "month") && strcmp(view, "week")) return ctx_error(c, 400, "ccal.error.view", "view");
	struct changecal_filter f = { q(c, "state"), q(c, "type"), q(c, "ci") };
	if (*f.state && !one_of(f.state, cal_states)) return ctx_error(c, 400, "ccal.error.state", "state");
	if (*f.type && !one_of(f.type, cal_types)) return ctx_error(c, 400, "ccal.error.type", "type");
	if (*f.ci && (strlen(f.ci) > 64 || !db_int("SELECT count(*) FROM config_items WHERE code = ?", "s", f.ci)))
		return ctx_error(c, 400, "ccal.error.ci", "ci");
	int today = plan_today();
	char td[11];
	cal_iso(today, td);
	struct calgrid_range r;
	if (!strcmp(view, "month")) {
		const char *m = q(c, "month");
		char def[8];
		if (!*m) {
			memcpy(def, td, 7);
			def[7] = 0;
			m = def;
		}
		if (calgrid_month(m, &r)) return ctx_error(c, 400, "ccal.error.month", "month");
	} else {
		const char *w = q(c, "week");
		if (!*w) w = td;
		if (calgrid_week(w, &r)) return ctx_error(c, 400, "ccal.error.week", "week");
	}
	const char *fmt = http_query(c->rq, "format");
	if (fmt && !strcmp(fmt, "csv")) return calendar_csv(c, &r, &f);
	if (changecal_xml(c->page, &r, &f, today, c->rq->a)) return ctx_error(c, 503, "error.busy", "");
	cmdb_codes_xml(c->page);
	return H_RENDER;
}

const struct route changecal_routes[] = {
	{ "GET", "/changes/calendar", calendar_page, "changecal", ROLE_ANY, RF_CSV },
	{ 0 },
};
