/* calendar.h — working days and hours (pure, no I/O). A day is a day number: days since
 * 1970-01-01. The calendar's working weekdays (default Monday to Friday) are working days, except
 * its exceptions: a holiday on a working weekday (off) or an adjusted working day on another day
 * (调休, not off). Every working day has the same working periods (default 09:00-12:00 and
 * 13:00-18:00: 480 minutes, the gap is lunch); the scheduling engine counts working minutes. A
 * zeroed struct calendar is Monday to Friday with the default hours and no exceptions. */
#ifndef OPSPLAN_CALENDAR_H
#define OPSPLAN_CALENDAR_H

struct cal_exception { int day; int off; };
enum { CAL_MAX_PERIODS = 4 };
struct cal_period { int from, to; };  /* minutes after midnight, from < to */
struct calendar {
	const struct cal_exception *ex;   /* sorted by day, unique; owned by the caller */
	int n;
	unsigned weekdays;                /* bit 0 Monday .. bit 6 Sunday; 0 = Monday to Friday */
	struct cal_period hours[CAL_MAX_PERIODS];   /* ascending, not touching or overlapping */
	int nhours;                       /* 0 = the default 09:00-12:00, 13:00-18:00 */
};

/* "12345" (digits 1 = Monday .. 7 = Sunday, ascending, unique, at least one) into c->weekdays;
 * 0, or -1 (c unchanged) when malformed. */
int cal_parse_weekdays(const char *s, struct calendar *c);
/* "09:00-12:00,13:00-18:00" (1..CAL_MAX_PERIODS periods, ascending, a gap between two, 00:00 to
 * 24:00) into c->hours; 0, or -1 (c unchanged) when malformed. */
int cal_parse_hours(const char *s, struct calendar *c);
/* The canonical texts of both (out of 8 and 64 bytes). */
void cal_format_weekdays(const struct calendar *c, char out[8]);
void cal_format_hours(const struct calendar *c, char out[64]);
/* Working minutes of one working day (480 by default). */
int cal_minutes_per_day(const struct calendar *c);
/* Clock time (minutes after midnight) of a working-minute offset 0..minutes_per_day into a
 * working day. At a boundary between periods a start (finish = 0) is the next period's start
 * and a finish (finish = 1) the previous period's end: offset 0 is 09:00 as a start, 480 is
 * 18:00 as a finish, and 180 is 13:00 as a start but 12:00 as a finish. */
int cal_clock(const struct calendar *c, int offset, int finish);
/* Working minutes of a working day before clock time minute (0..minutes_per_day). */
int cal_offset(const struct calendar *c, int minute);

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
