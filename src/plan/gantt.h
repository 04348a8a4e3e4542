/* gantt.h — the geometry of a project's Gantt chart, shared by the chart itself (GET
 * /projects/CODE/gantt, one SVG) and its print view (GET /projects/CODE/gantt/print, the same chart
 * cut into pages). gantt_load reads the project's rows, links and baseline once; gantt_xml writes
 * the <gantt> element that xslt/pages/gantt-draw.xsl draws, for any window of rows and days, with
 * every x, width and y relative to that window (DESIGN §7: the arithmetic is done in C). */
#ifndef OPSPLAN_GANTT_H
#define OPSPLAN_GANTT_H
#include <libxml/tree.h>
#include "core/arena.h"
#include "core/buf.h"
#include "plan/plan.h"

/* Pixel sizes of the drawing: label column, row, time-scale header, legend (one line). */
enum { GANTT_LABEL_W = 280, GANTT_ROW_H = 22, GANTT_HEADER_H = 44, GANTT_LEGEND_H = 40,
       GANTT_LEGEND_ITEM_W = 175, GANTT_LEGEND_LINE_H = 18 };

struct gantt_row {
	long long id;
	const char *wbs, *name, *owner, *start_s, *finish_s;
	int depth, summary, milestone, critical, overdue;
	double percent;
	int start, finish;           /* calendar days; start -1: no dates */
	int base_start, base_finish; /* the compared baseline's; base_start -1: none */
};

struct gantt_link { int from, to, critical; const char *type; };

struct gantt {
	const struct project *p;
	const char *scale;
	int ppd;                     /* pixels per day of the scale */
	int lo, hi, days, today;     /* the chart's first and last day (lo: a scale break), today */
	long long bid;               /* the compared baseline, 0: none */
	const char *bname;
	const struct calendar *cal;
	int n, nl;
	struct gantt_row *rows;      /* in WBS order */
	struct gantt_link *links;
};

/* 1 when scale is one of day, week, month, quarter. */
int gantt_scale_ok(const char *scale);
/* Loads the chart of p at the scale (checked by the caller) compared with the baseline given as
 * the query value baseline (NULL, "" or not a baseline of p: none). Everything lives in a.
 * 0, or -1 when the project's dates give no span (the caller answers 400 planned_start). */
int gantt_load(struct arena *a, const struct project *p, const char *scale, const char *baseline, struct gantt *g);
/* 1 when a page of the print view may start on day: a Monday at the day and week scales, the
 * first of a month (month) or of a quarter (quarter), so every page's scale starts on a tick. */
int gantt_break(const struct gantt *g, int day);
/* Appends to parent the <gantt> element of rows [r0, r1) and days [d0, d1], width × height pixels
 * (gantt.svg.xsl's model, see there); the links that touch one of those rows are included. */
xmlNodePtr gantt_xml(const struct gantt *g, xmlNodePtr parent, int r0, int r1, int d0, int d1, long long width,
		     long long height);
/* The height of the legend drawn under the rows of a chart width pixels wide. */
int gantt_legend_h(const struct gantt *g, long long width);
#endif
