/* holidays.h — reading a year of holidays and adjusted working days (调休) for the working
 * calendar (pure): from iCalendar (RFC 5545: folded lines, all-day VEVENTs with an exclusive
 * DTEND; an event whose summary says 上班 / 补班 / "work" is a working day, any other a day off) or
 * from CSV with the columns date, off (1/0, 休/班, off/work, true/false) and name. */
#ifndef OPSPLAN_HOLIDAYS_H
#define OPSPLAN_HOLIDAYS_H
#include <stddef.h>
#include "core/arena.h"
#include "core/buf.h"

struct holiday { int day; int off; const char *name; };   /* day: calendar.h day number */

/* Both return the number of days (sorted by day, unique), or -1 with a message key in *err
 * ("holidays.error.format", "holidays.error.date", "holidays.error.range" (an event over 60
 * days), "holidays.error.conflict" (the same day both off and working)) and the line in *line. */
int holidays_ics(struct arena *a, const char *data, size_t len, struct holiday **out, const char **err, int *line);
int holidays_csv(struct arena *a, const char *data, size_t len, struct holiday **out, const char **err, int *line);
#endif
