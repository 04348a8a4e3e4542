/* deps.h — task links written in Microsoft Project's notation (pure): "1.2FS+2d;1.3SS;4FF-4h".
 * Each item is a task reference (a WBS number such as 1.2.3), an optional link type (FS, SS, FF,
 * SF; default FS, case-insensitive) and an optional lag: a sign, a number and a unit — d working
 * days (default), h working hours, w working weeks (5 d), m working minutes; an "e" before the
 * unit (ed, eh, ew, em) makes it elapsed time. Items are separated by ; or , (also the full-width
 * ；，), spaces are ignored. */
#ifndef OPSPLAN_DEPS_H
#define OPSPLAN_DEPS_H
#include "core/arena.h"
#include "core/buf.h"

enum dep_type { DEP_FS, DEP_SS, DEP_FF, DEP_SF };
struct dep { const char *ref; enum dep_type type; long lag_minutes; int elapsed; };

/* Parses text into deps (memory in a); minutes_per_day converts d and w (480 for 8 h days).
 * Returns the number of links, or -1 with *err (message key "deps.error.syntax", "deps.error.unit",
 * "deps.error.lag", "deps.error.duplicate") and *pos (byte offset of the bad item). */
int deps_parse(struct arena *a, const char *text, int minutes_per_day, struct dep **deps, const char **err, int *pos);
/* Writes deps back in the canonical notation ("1.2FS+2d;1.3SS") into out. */
void deps_format(const struct dep *deps, int n, int minutes_per_day, struct buf *out);
#endif
