/* changecalxml.h — the change calendar's model (reads changes, change_cis, config_items and the
 * active freeze windows of change_windows; writes nothing). */
#ifndef OPSPLAN_CHANGECALXML_H
#define OPSPLAN_CHANGECALXML_H
#include <libxml/tree.h>
#include "engine/calgrid.h"
#include "core/arena.h"
#include "core/buf.h"

enum { CHANGECAL_MAX_CHANGES = 2000, CHANGECAL_MAX_CIS = 50 };

/* The filters: state (a state other than rejected and cancelled, "" any), type ("" any), ci (a
 * CI code, "" any). */
struct changecal_filter { const char *state, *type, *ci; };

/* A change on the calendar: planned window overlapping the range, not rejected or cancelled. */
struct changecal_change {
	const char *number, *title, *type, *state, *risk, *start, *end;
	int outage;
	long s, e;             /* the planned window in minutes (windows.h) */
	const char **cis;      /* its CI codes, by code */
	int ncis;
};

/* The changes whose planned window overlaps days [r->first, r->next) and that pass f, by planned
 * start then number, into *out (arena); how many (at most CHANGECAL_MAX_CHANGES), -1 on a database
 * error. *truncated is set to 1 when there were more. */
int changecal_load(const struct calgrid_range *r, const struct changecal_filter *f, struct arena *a, struct changecal_change **out,
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
int changecal_xml(xmlNodePtr parent, const struct calgrid_range *r, const struct changecal_filter *f, int today,
	     struct arena *a);
#endif
