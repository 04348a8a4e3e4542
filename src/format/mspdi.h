/* mspdi.h — Microsoft Project XML (MSPDI, namespace http://schemas.microsoft.com/project): reading
 * an untrusted file into a plain plan, and writing a scheduled plan back. Parsing uses libxml2 with
 * XML_PARSE_NONET and no entity substitution or DTD loading; a document with a DOCTYPE is refused,
 * and so is one over 16 MiB. Durations and lags are in minutes (MSPDI: PTnHnMnS; LinkLag in
 * tenths of a minute; LagFormat 7 = days, 5 = hours, 9 = weeks, elapsed formats even numbers). */
#ifndef OPSPLAN_MSPDI_H
#define OPSPLAN_MSPDI_H
#include <stddef.h>
#include "core/arena.h"
#include "core/buf.h"

struct mspdi_link { long pred_uid; int type; long lag_minutes; int lag_format; };   /* type: 0 FF 1 FS 2 SF 3 SS */
struct mspdi_task {
	long uid, id;
	const char *name, *wbs, *notes;
	int outline_level;             /* 1 = top */
	int summary, milestone;
	long duration_minutes;         /* Duration */
	const char *start, *finish;    /* "YYYY-MM-DDTHH:MM:SS" as in the file, or NULL */
	const char *actual_start, *actual_finish;   /* ActualStart / ActualFinish, or NULL */
	int manual;                    /* Manual 1: a manually scheduled task (Project 2010+) */
	const char *early_start, *early_finish, *late_start, *late_finish;
	long total_slack, free_slack;  /* tenths of minutes, as in the file; -1 when absent */
	int critical;                  /* -1 when absent */
	int percent_complete;
	int constraint_type;           /* 0 ASAP, 4 SNET, 7 FNLT, 2 MSO; -1 absent */
	const char *constraint_date;
	long calendar_uid;             /* -1 = the project's */
	struct mspdi_link *links; int nlinks;
	const char **resources; int nresources;   /* resource names assigned to the task */
};
enum { MSPDI_MAX_TIMES = 5 };     /* WorkingTime entries per day in the schema */
struct mspdi_exception {
	const char *from, *to; int working;   /* dates "YYYY-MM-DD", inclusive */
	/* the recurrence as in the file (0 when absent): Type 1 daily, 2 yearly on Month/MonthDay,
	 * 3 yearly by position, 4 monthly on MonthDay, 5 monthly by position, 6 weekly on DaysOfWeek,
	 * 7 every Period days, 8 every Period weekdays; 9 or 0 a single period. Month is 0-based,
	 * DaysOfWeek bit 0 = Sunday, MonthItem 0 day 1 weekday 2 weekend day 3..9 Sunday..Saturday,
	 * MonthPosition 0..3 first..fourth, 4 last. mspdi_cal.c expands it into days. */
	int type, period, occurrences, days_of_week, month_day, month, month_item, month_position;
	int times[MSPDI_MAX_TIMES][2], ntimes;   /* working periods (minutes after midnight) of a working exception */
};
struct mspdi_calendar {
	long uid; const char *name; int is_base; long base_uid;
	int working_days[8];           /* 1 = Sunday .. 7 = Saturday as in MSPDI DayType; -1 = inherit */
	int day_minutes[8];            /* working minutes of that weekday */
	int times[8][MSPDI_MAX_TIMES][2], ntimes[8];   /* its periods [from, to) in minutes; the writer lays out
	                                                * day_minutes as Project's Standard day when ntimes is 0 */
	struct mspdi_exception *exceptions; int nexceptions;
};
struct mspdi_plan {
	const char *name, *start_date, *finish_date;
	long calendar_uid;
	int minutes_per_day, minutes_per_week;
	struct mspdi_task *tasks; int ntasks;          /* in file order (Tasks/Task), summary rows included;
	                                                * not the project summary task (UID 0) */
	struct mspdi_calendar *calendars; int ncalendars;
	const char **resources; int nresources;
};

/* Reads data into plan (memory in a). 0, or -1 with a message key in *err
 * ("mspdi.error.size", "mspdi.error.doctype", "mspdi.error.xml", "mspdi.error.not_mspdi",
 * "mspdi.error.link" (a predecessor UID that is not a task)) and, where known, the line in *line. */
int mspdi_read(struct arena *a, const char *data, size_t len, struct mspdi_plan *plan, const char **err, int *line);
#endif
