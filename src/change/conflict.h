/* changeconflict.h — the conflict check an approver sees on a change with a planned window and
 * CIs: other open changes on the same CI or a CI related to it (ci_relations, either way) in an
 * overlapping window; the window findings of windows_check_xml (inside a freeze window, outside a
 * CI's maintenance windows); and the implementer's open project tasks whose planned days
 * overlap the window's days. cc_check() reads the database; the rest is pure: the findings'
 * stable order, their compact JSON (stored with each decision) and the window's days. */
#ifndef OPSPLAN_CHANGECONFLICT_H
#define OPSPLAN_CHANGECONFLICT_H
#include <libxml/tree.h>
#include "change/change.h"
#include "core/arena.h"
#include "core/buf.h"

/* One finding. kind: "change" (ref its number, name its title, ci our CI, via its CI, from/to
 * its planned window, extra its state), "freeze" (ref the window id, name, ci "" or the CI,
 * from/to the part of our window inside it, extra full|partial), "outside" (ci the CI, from/to
 * the part outside its maintenance windows, extra full|partial), "task" (ref the task id, name,
 * from/to its planned days, extra the project code). Strings are never NULL. */
struct conflict_finding { const char *kind, *ref, *name, *ci, *via, *from, *to, *extra; };
struct conflict_result { struct conflict_finding *f; int n; int freeze; };

/* Sorts f[0..n) into the stable order: kind (change, freeze, outside, task), then ref, ci, via,
 * from, to, name, extra. */
void conflict_sort(struct conflict_finding *f, int n);
/* The findings as compact JSON into b: [{"kind":…,"ref":…,"name":…,"ci":…,"via":…,"from":…,
 * "to":…,"extra":…},…] in the order given ("[]" for none). */
void conflict_json(struct buf *b, const struct conflict_finding *f, int n);
/* The days "YYYY-MM-DD" a window [start, end) (local "YYYY-MM-DDTHH:MM") touches into d0/d1[11]:
 * from start's day to end's day, the day before when end is at 00:00. 0, or -1 when malformed
 * or end is not after start. */
int conflict_window_days(const char *start, const char *end, char d0[11], char d1[11]);
/* 1 when [a0, a1) and [b0, b1) (same-format strings) overlap. */
int conflict_overlaps(const char *a0, const char *a1, const char *b0, const char *b1);

/* The conflict check of c (its planned window, CIs and implementer) into r (in a), sorted. 0;
 * 1 when c has no planned window (nothing checked, r empty); -1 on a database error. */
int conflict_check(struct arena *a, const struct change *c, struct conflict_result *r);
/* <conflicts count freeze="0|1" checked="1"><conflict kind ref name ci via from to extra/>…
 * </conflicts> under parent. */
xmlNodePtr conflict_xml(xmlNodePtr parent, const struct conflict_result *r);
#endif
