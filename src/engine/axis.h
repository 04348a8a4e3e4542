/* axis.h — the schedule's time axis (pure, no I/O): the CPM engine counts working minutes from
 * the start of the project's first working day; this converts between that count and days and
 * clock times of a calendar. */
#ifndef OPSPLAN_AXIS_H
#define OPSPLAN_AXIS_H
#include "engine/cal.h"

/* The working days of the axis: day number of working-day index i (i may be negative: before the
 * base), kept in two growing arrays. Zero the struct, set c, base (a working day) and mpd
 * (cal_minutes_per_day), use it, then axis_free. */
struct axis {
	const struct calendar *c;
	int base, mpd;
	int *fwd, nf, capf;          /* fwd[i]: index i >= 0 */
	int *back, nb, capb;         /* back[i]: index -(i + 1) */
};

/* The day of working-day index i (clamped to four million working days either way). */
int axis_day(struct axis *x, long i);
/* The working-day index of day (a non-working day counts as the next working day). */
long axis_index(const struct axis *x, int day);
/* Time t as "YYYY-MM-DDTHH:MM" into out[17]: as a start, or as a finish (finish = 1: a time at a
 * day's boundary is the end of the day before). */
void axis_iso(struct axis *x, long t, int finish, char out[17]);
/* Floor division for times before the base. */
long axis_floordiv(long a, long b);
void axis_free(struct axis *x);
#endif
