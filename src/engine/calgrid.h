/* changecal.h — the change calendar's arithmetic (pure, no I/O): the days a month view or a
 * week view shows, the neighbouring months or weeks, and the part of a change's planned window
 * [start, end) (minutes since 1970-01-01 00:00 local, as windows.h counts them) that falls on
 * one day, so a window across midnight is placed on both days. */
#ifndef OPSPLAN_CHANGECAL_H
#define OPSPLAN_CHANGECAL_H

enum { CALGRID_MONTH = 1, CALGRID_WEEK = 2 };

struct calgrid_range {
	int view;              /* CALGRID_MONTH or CALGRID_WEEK */
	int first, next;       /* the days covered: [first, next) day numbers (the month, or Monday..Sunday) */
	int grid0, grid1;      /* the days drawn: whole weeks Monday to Sunday around [first, next) */
	char value[11];        /* "YYYY-MM", or the week's Monday "YYYY-MM-DD" */
	char prev[11], after[11];  /* the previous and the next month or week, in the same form */
};

/* month "YYYY-MM" → the month view's range; -1 when malformed or not a real month. */
int calgrid_month(const char *month, struct calgrid_range *r);
/* date "YYYY-MM-DD" (any day) → the view of the week (Monday to Sunday) holding it; -1 when
 * malformed, not a real date, or its Monday is before 1970-01-01. */
int calgrid_week(const char *date, struct calgrid_range *r);
/* The part of [start, end) on day: 1 with *from, *to minutes within the day (0..1440) when they
 * overlap, else 0. A window ending at 00:00 is not on the day that begins then. */
int calgrid_clip(long start, long end, int day, int *from, int *to);
/* Minutes within a day (0..1440) → "HH:MM" into out[6] ("24:00" at the day's end). */
void calgrid_hhmm(int m, char out[6]);
#endif
