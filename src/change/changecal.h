/* changecalxml.h — the change calendar's model (reads changes, change_cis, config_items and the
 * active freeze windows of change_windows; writes nothing). */
#ifndef OPSPLAN_CHANGECALXML_H
#define OPSPLAN_CHANGECALXML_H
#include <libxml/tree.h>
#include "engine/calgrid.h"
#include "core/mem.h"

enum { CCAL_MAX_CHANGES = 2000, CCAL_MAX_CIS = 50 };

/* The filters: state (a state other than rejected and cancelled, "" any), type ("" any), ci (a
 * CI code, "" any). */
struct ccal_filter { const char *state, *type, *ci; };

/* A change on the calendar: planned window overlapping the range, not rejected or cancelled. */
struct ccal_change {
	const char *number, *title, *type, *state, *risk, *start, *end;
	int outage;
	long s, e;             /* the planned window in minutes (windows.h) */
	const char **cis;      /* its CI codes, by code */
	int ncis;
};

/* The changes whose planned window overlaps days [r->first, r->next) and that pass f, by planned
 * start then number, into *out (arena); how many (at most CCAL_MAX_CHANGES), -1 on a database
 * error. *truncated is set to 1 when there were more. */
int ccal_load(const struct ccal_range *r, const struct ccal_filter *f, struct arena *a, struct ccal_change **out,
	      int *truncated);

/* <change-calendar view value first last prev next state type ci count truncated>
 *   (week view) <hour h="0" label="00:00"/>×24
 *   <week><day date d weekday in-month today freeze="0|1">
 *     <freeze window name from to ci ci-name/>…
 *     <entry number title type state risk-level outage start end from to hour cont-before
 *      cont-after><ci code/>…</entry>…
 *   </day>×7</week>…
 * </change-calendar>: the days of r's grid; entries and freeze occurrences only on the days of
 * [r->first, r->next), each clipped to its day and listed by start time. 0, -1 on error. */
int ccal_xml(xmlNodePtr parent, const struct ccal_range *r, const struct ccal_filter *f, int today,
	     struct arena *a);
#endif
