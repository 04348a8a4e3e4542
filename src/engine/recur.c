/* recur.c — recurring-project rules: parsing the rule text and finding the next date a rule
 * fires on, against a working calendar. Pure and allocation-free.
 *
 * Each monthly rule fires once per month M ("the period"):
 *   monthly-first-workday  the first working day on or after the 1st of M;
 *   monthly-day:N          day N of M, moved forward to the next working day when it is not one.
 *                          The moved date may fall in M+1 (N = 28 before a long holiday); it is
 *                          still M's firing, so M and M+1 each keep exactly one firing;
 *   monthly-last-workday   the last working day on or before the last day of M.
 * weekly:D fires on every weekday D whether or not it is a working day; daily-workday on every
 * working day. Months are found through cal_iso/cal_day, so the date range is the calendar's
 * (1970-01-01 .. 9999-12-31). */
#include "engine/recur.h"
#include <string.h>

enum recur_kind { RECUR_BAD, RECUR_FIRST, RECUR_DAY, RECUR_LAST, RECUR_WEEKLY, RECUR_DAILY };

/* The rule's kind and its number (N or D; 0 for the others). Strict: no spaces, no leading
 * zeros, nothing after the rule. */
static enum recur_kind
recur_parse(const char *rule, int *arg)
{
	*arg = 0;
	if (!rule) return RECUR_BAD;
	if (!strcmp(rule, "monthly-first-workday")) return RECUR_FIRST;
	if (!strcmp(rule, "monthly-last-workday")) return RECUR_LAST;
	if (!strcmp(rule, "daily-workday")) return RECUR_DAILY;
	if (!strncmp(rule, "monthly-day:", 12)) {
		const char *p = rule + 12;
		if (p[0] < '1' || p[0] > '9') return RECUR_BAD;
		int v = p[0] - '0';
		if (p[1] >= '0' && p[1] <= '9') { v = v * 10 + (p[1] - '0'); p++; }
		if (p[1] || v > 28) return RECUR_BAD;
		*arg = v;
		return RECUR_DAY;
	}
	if (!strncmp(rule, "weekly:", 7)) {
		const char *p = rule + 7;
		if (p[0] < '1' || p[0] > '7' || p[1]) return RECUR_BAD;
		*arg = p[0] - '0';
		return RECUR_WEEKLY;
	}
	return RECUR_BAD;
}

/* 1 when rule is one of the forms in recur.h, exactly (NULL is not). */
int
recur_valid(const char *rule)
{
	int arg;
	return recur_parse(rule, &arg) != RECUR_BAD;
}

/* Year and month of day. */
static void
recur_month(int day, int *y, int *m)
{
	char iso[11];
	cal_iso(day, iso);
	*y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
	*m = (iso[5] - '0') * 10 + (iso[6] - '0');
}

/* Day number of day d of month y-m (m may be 0 or 13: the neighbouring year's); -1 outside
 * the calendar's range. */
static int
recur_date(int y, int m, int d)
{
	if (m < 1) { m += 12; y--; }
	if (m > 12) { m -= 12; y++; }
	if (y < 1970 || y > 9999) return -1;
	char iso[11] = {
		(char)('0' + y / 1000), (char)('0' + y / 100 % 10), (char)('0' + y / 10 % 10),
		(char)('0' + y % 10), '-', (char)('0' + m / 10), (char)('0' + m % 10), '-',
		(char)('0' + d / 10), (char)('0' + d % 10), 0
	};
	return cal_day(iso);
}

/* The firing of a monthly rule for month y-m; -1 when the month is out of range. */
static int
recur_monthly(enum recur_kind kind, int arg, const struct calendar *c, int y, int m)
{
	switch (kind) {
	case RECUR_FIRST: {
		int first = recur_date(y, m, 1);
		return first < 0 ? -1 : cal_add_workdays(c, first, 0);
	}
	case RECUR_DAY: {
		int day = recur_date(y, m, arg);
		return day < 0 ? -1 : cal_add_workdays(c, day, 0);
	}
	case RECUR_LAST: {
		int next = recur_date(y, m + 1, 1);
		if (next < 0) {                       /* December 9999 */
			if (recur_date(y, m, 1) < 0) return -1;
			next = cal_day("9999-12-31") + 1;
		}
		return cal_add_workdays(c, next, -1);
	}
	default:
		return -1;
	}
}

/* The first date >= from that rule fires on, under calendar c (NULL: Monday to Friday).
 * -1 for a bad rule, a from outside 1970-01-01 .. 9999-12-31, or no firing before 10000. */
int
recur_next(const char *rule, const struct calendar *c, int from)
{
	int arg;
	enum recur_kind kind = recur_parse(rule, &arg);
	if (kind == RECUR_BAD || from < 0 || from > cal_day("9999-12-31")) return -1;
	if (kind == RECUR_DAILY) return cal_add_workdays(c, from, 0);
	if (kind == RECUR_WEEKLY) return from + (arg - cal_weekday(from) + 7) % 7;
	int y, m;
	recur_month(from, &y, &m);
	/* Start a month early: the previous month's monthly-day firing may have moved into this
	 * month. Firings only grow from month to month, so the first one >= from is the answer. */
	if (--m < 1) { m = 12; y--; }
	for (; y <= 9999; m = m == 12 ? 1 : m + 1, y += m == 1) {
		if (y < 1970) continue;
		int f = recur_monthly(kind, arg, c, y, m);
		if (f < 0) return -1;
		if (f >= from) return f;
	}
	return -1;
}
