/* calendar.h — working days (pure, no I/O). A day is a day number: days since 1970-01-01.
 * Monday to Friday are working days, except the calendar's exceptions: a holiday on a weekday
 * (off) or an adjusted working day on a weekend (调休, not off). Issue 4 adds working hours and
 * per-project/per-person calendars on top of this. */
#ifndef OPSPLAN_CALENDAR_H
#define OPSPLAN_CALENDAR_H

struct cal_exception { int day; int off; };
struct calendar {
	const struct cal_exception *ex;   /* sorted by day, unique; owned by the caller */
	int n;
};

/* "YYYY-MM-DD" → day number; -1 when malformed or not a real date. */
int cal_day(const char *iso);
/* Day number → "YYYY-MM-DD" into out[11]. */
void cal_iso(int day, char out[11]);
/* 1 = Monday .. 7 = Sunday. */
int cal_weekday(int day);
int cal_is_workday(const struct calendar *c, int day);
/* The n-th working day after day (n > 0), before it (n < 0), or day itself when n == 0 and it
 * is a working day (else the next working day). */
int cal_add_workdays(const struct calendar *c, int day, int n);
/* Working days in [from, to): negative when to < from. */
int cal_workdays_between(const struct calendar *c, int from, int to);
/* Finish day of a task of d working days (d >= 1) starting on day start (moved to the next
 * working day first): occupies whole working days, so d = 1 finishes on the start day. */
int cal_finish(const struct calendar *c, int start, int d);
/* The first working day of the month containing day. */
int cal_first_workday_of_month(const struct calendar *c, int day);
#endif
