/* gantt.c — the Gantt chart of a project: as one SVG (GET /projects/CODE/gantt) and as a print
 * view (GET /projects/CODE/gantt/print), an HTML page of A3 or A4 landscape sheets, each with the
 * name column, its own time scale and a header line. The geometry comes from src/gantt.c for both;
 * xslt/pages/gantt-draw.xsl draws each chart (gantt.svg.xsl for the SVG, pages/gantt-print.xsl
 * inline in the print page). The print view is paginated here, without JavaScript: rows per
 * sheet from the paper's height, and, when the time span is wider than a sheet, slices of it. */
#include "core/route.h"
#include "core/db.h"
#include "plan/gantt.h"
#include "plan/plan.h"
#include "plan/project.h"
#include "core/xml.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The scale from the query (default week), NULL when it is not one. */
static const char *
query_scale(struct ctx *c)
{
	const char *scale = http_query(c->rq, "scale");
	if (!scale || !*scale) return "week";
	return gantt_scale_ok(scale) ? scale : NULL;
}

static int
gantt(struct ctx *c)
{
	struct project p;
	if (project_load(c->rq->a, ctx_pathv(c, 0), &p) != 1) return ctx_error(c, 404, "error.project_not_found", "");
	const char *scale = query_scale(c);
	if (!scale) return ctx_error(c, 400, "error.400", "scale");
	struct gantt g;
	if (gantt_load(c->rq->a, &p, scale, http_query(c->rq, "baseline"), &g)) return ctx_error(c, 400, "error.date", "planned_start");
	gantt_xml(&g, c->page, 0, g.n, g.lo, g.hi, GANTT_LABEL_W + (long long)g.days * g.ppd + 20,
		  GANTT_HEADER_H + (long long)g.n * GANTT_ROW_H + GANTT_LEGEND_H);
	return H_RENDER;
}

/* Landscape sheets and their printable area: static/print.css gives the same sizes and margins
 * (@page gantt-a3, gantt-a4). Sizes in CSS pixels, 96 to the inch. */
static const struct paper { const char *name; int w_mm, h_mm; } papers[] = { { "a3", 420, 297 }, { "a4", 297, 210 } };
enum {
	PRINT_MARGIN_MM = 10,
	PRINT_HEAD_PX = 40,      /* the header line above each chart, with its gap (print.css: .sheet-head) */
	PRINT_SLACK_PX = 12,     /* rounding in the browser's layout must never push a chart onto a new sheet */
	PRINT_MAX_PAGES = 500,   /* beyond this a coarser scale is the answer, not a stack of paper */
};

static long long
mm_px(int mm)
{
	return (long long)mm * 96 * 10 / 254;
}

static int
gantt_print(struct ctx *c)
{
	struct project p;
	if (project_load(c->rq->a, ctx_pathv(c, 0), &p) != 1) return ctx_error(c, 404, "error.project_not_found", "");
	const char *pq = http_query(c->rq, "paper");
	const struct paper *paper = NULL;
	if (!pq || !*pq) pq = "a3";
	for (size_t i = 0; i < sizeof papers / sizeof *papers; i++)
		if (!strcmp(pq, papers[i].name)) paper = &papers[i];
	if (!paper) return ctx_error(c, 400, "error.400", "paper");
	const char *scale = query_scale(c);
	if (!scale) return ctx_error(c, 400, "error.400", "scale");
	struct gantt g;
	if (gantt_load(c->rq->a, &p, scale, http_query(c->rq, "baseline"), &g)) return ctx_error(c, 400, "error.date", "planned_start");

	/* the chart of every sheet fills the printable width; rows fill its height under the header */
	long long width = mm_px(paper->w_mm - 2 * PRINT_MARGIN_MM) - PRINT_SLACK_PX;
	long long height = mm_px(paper->h_mm - 2 * PRINT_MARGIN_MM) - PRINT_HEAD_PX - PRINT_SLACK_PX;
	int legend = gantt_legend_h(&g, width);
	int per = (int)((height - GANTT_HEADER_H - legend) / GANTT_ROW_H);
	if (per < 1) per = 1;
	int blocks = g.n ? (g.n + per - 1) / per : 1;

	/* slices of the span, each starting on a scale break (a tick) and as wide as the chart allows */
	int cap = (int)((width - GANTT_LABEL_W - 20) / g.ppd);
	if (cap < 1) cap = 1;
	int *from = arena_alloc(c->rq->a, sizeof *from * (size_t)(g.days + 1)), *to = arena_alloc(c->rq->a, sizeof *to * (size_t)(g.days + 1));
	int slices = 0;
	for (int s = g.lo; s <= g.hi; slices++) {
		int e = s + cap - 1;
		if (e >= g.hi) {
			e = g.hi;
		} else {
			int b = e + 1;
			while (b > s + 1 && !gantt_break(&g, b)) b--;
			if (b > s + 1) e = b - 1;
		}
		from[slices] = s;
		to[slices] = e;
		s = e + 1;
	}
	/* A sheet with nothing drawn in its days (a staircase plan's corners) is left out unless
	 * blank=1 asks for the whole grid (to tape the pages together); every row block keeps at least
	 * its first sheet, so each row is printed. */
	const char *bq = http_query(c->rq, "blank");
	int all = bq && !strcmp(bq, "1");
	if (bq && *bq && strcmp(bq, "1") && strcmp(bq, "0")) return ctx_error(c, 400, "error.400", "blank");
	char *used = arena_alloc(c->rq->a, (size_t)blocks * (size_t)slices);
	memset(used, all, (size_t)blocks * (size_t)slices);
	for (int r = 0; r < g.n && !all; r++) {
		const struct gantt_row *w = &g.rows[r];
		for (int k = 0; k < slices; k++)
			if ((w->start >= 0 && w->start <= to[k] && w->finish >= from[k]) ||
			    (w->base_start >= 0 && w->base_start <= to[k] && w->base_finish >= from[k]))
				used[(r / per) * slices + k] = 1;
	}
	long long pages = 0;
	for (int b = 0; b < blocks; b++) {
		int any = 0;
		for (int k = 0; k < slices; k++) any |= used[b * slices + k];
		if (!any) used[b * slices] = 1;
		for (int k = 0; k < slices; k++) pages += used[b * slices + k];
	}
	if (pages > PRINT_MAX_PAGES) return ctx_error(c, 400, "error.gantt_print_pages", "scale");

	xmlNodePtr e = xml_el(c->page, "gantt-print");
	xml_attr(e, "project", p.code);
	xml_attr(e, "project-name", p.name);
	xml_attr(e, "paper", paper->name);
	xml_attr(e, "scale", scale);
	if (g.bid) xml_attr_ll(e, "baseline", g.bid);
	else xml_attr(e, "baseline", "");
	xml_attr(e, "baseline-name", g.bname);
	xml_attr_ll(e, "pages", pages);
	xml_attr_ll(e, "rows-per-page", per);
	xml_attr_ll(e, "slices", slices);
	xml_attr_ll(e, "blocks", blocks);
	xml_attr(e, "blank", all ? "1" : "0");
	xml_attr_ll(e, "tasks", g.n);
	long long n = 0;
	char buf[11];
	for (int b = 0; b < blocks; b++) {
		int r0 = b * per, r1 = r0 + per < g.n ? r0 + per : g.n;
		int rows = r1 - r0 > 0 ? r1 - r0 : 1;   /* an empty project still shows its "no tasks" row */
		for (int s = 0; s < slices; s++) {
			if (!used[b * slices + s]) continue;
			xmlNodePtr sh = xml_el(e, "sheet");
			xml_attr_ll(sh, "n", ++n);
			xml_attr_ll(sh, "block", b + 1);
			xml_attr_ll(sh, "rows-from", r1 > r0 ? r0 + 1 : 0);
			xml_attr_ll(sh, "rows-to", r1);
			xml_attr_ll(sh, "slice", s + 1);
			cal_iso(from[s], buf);
			xml_attr(sh, "start", buf);
			cal_iso(to[s], buf);
			xml_attr(sh, "end", buf);
			xmlNodePtr ch = gantt_xml(&g, sh, r0, r1, from[s], to[s], width,
						  GANTT_HEADER_H + (long long)rows * GANTT_ROW_H + legend);
			xml_attr_ll(ch, "sheet", n);
		}
	}
	return H_RENDER;
}

const struct route gantt_routes[] = {
	{ "GET", "/projects/{code}/gantt", gantt, "gantt.svg", ROLE_ANY, 0 },
	{ "GET", "/projects/{code}/gantt/print", gantt_print, "gantt-print", ROLE_ANY, 0 },
	{ 0 },
};
