/* mspdi_cal.h — between an MSPDI calendar and opsplan's calendar model (pure, no I/O): the
 * project calendar of an imported file as working weekdays, working hours and exception days
 * (recurring exceptions expanded), and a stored calendar as an MSPDI calendar for an export. */
#ifndef OPSPLAN_MSPDI_CAL_H
#define OPSPLAN_MSPDI_CAL_H
#include "engine/cal.h"
#include "core/arena.h"
#include "core/buf.h"
#include "format/mspdi.h"

/* Exception days one calendar may expand to (about 55 years of single days). */
enum { MSPDI_CAL_MAX_DAYS = 20000 };

/* A project calendar read from a file: the texts calendars.weekdays / calendars.hours take
 * (cal_format_weekdays / cal_format_hours), its name, and its exception days sorted by day,
 * one per day (off = 1 non-working, 0 working), in the caller's arena. */
struct mspdi_cal_model {
	const char *name;
	char weekdays[8];
	char hours[64];
	struct cal_exception *days;
	int ndays;
};

/* The calendar uid of plan (with what its base calendars give where it inherits) as a model
 * calendar. 1 when plan has no calendar uid; 0; -1 with a message key in *err:
 * "mspdi.error.calendar" (no working weekday, or working times the model cannot hold) or
 * "mspdi.error.calendar_size" (exceptions over MSPDI_CAL_MAX_DAYS days). */
int mspdi_cal_model(struct arena *a, const struct mspdi_plan *plan, long uid, struct mspdi_cal_model *out,
		    const char **err);

/* The days (day numbers, ascending, unique) exception e covers, into a; their number, or -1 when
 * more than max or the dates are malformed. A single period (Type 0, 9 or 1) is every day from
 * its first to its last; a recurrence is every occurrence between them, at most Occurrences. */
int mspdi_cal_expand(struct arena *a, const struct mspdi_exception *e, int max, int **days);

/* A stored calendar as MSPDI calendar uid: its weekdays with their periods, and its exceptions
 * as ranges of consecutive days of the same kind (working ones with the calendar's periods). */
void mspdi_cal_from_model(struct arena *a, const struct calendar *c, long uid, const char *name,
			  struct mspdi_calendar *out);
#endif
