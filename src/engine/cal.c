/* calendar.c — day numbers, working days and working hours. Dates are converted with the
 * proleptic Gregorian days-from-civil / civil-from-days algorithms (no time.h, so no time zone or
 * locale can shift a day). A day is a working day when the calendar's exception for it says so,
 * else when its weekday is one of the calendar's working weekdays. Everything here is pure and
 * allocation-free; a NULL or zeroed calendar means Monday to Friday, 09:00-12:00 and 13:00-18:00. Day numbers are limited to 1970-01-01 .. 9999-12-31, so that -1 (the
 * "malformed" answer of cal_day and the "no date" value elsewhere) is never a real day. */
#include "engine/cal.h"
#include <stddef.h>
#include <string.h>

#define CAL_MAX_DAY 2932896           /* 9999-12-31 */

/* Days since 1970-01-01 of y-m-d (m 1..12, d 1..31), any year. */
static int
days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;                                  /* 0..399 */
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  /* 0..365 */
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          /* 0..146096 */
	return era * 146097 + doe - 719468;
}

/* The inverse of days_from_civil. */
static void
civil_from_days(int z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;                                       /* 0..146096 */
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  /* 0..399 */
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                /* 0..365 */
	int mp = (5 * doy + 2) / 153;                                     /* 0..11 */
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : len[m - 1];
}

/* Reads n decimal digits at s; -1 when one is not a digit. */
static int
digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9') return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Exactly "YYYY-MM-DD" (ten characters, nothing after) naming a real date from 1970-01-01 to
 * 9999-12-31; anything else, including NULL, gives -1. */
int
cal_day(const char *iso)
{
	if (!iso) return -1;
	for (int i = 0; i < 10; i++)
		if (!iso[i]) return -1;
	if (iso[10] || iso[4] != '-' || iso[7] != '-') return -1;
	int y = digits(iso, 4), m = digits(iso + 5, 2), d = digits(iso + 8, 2);
	if (y < 1970 || m < 1 || m > 12 || d < 1 || d > month_days(y, m)) return -1;
	return days_from_civil(y, m, d);
}

/* Writes the ISO date of day and a NUL into out (11 bytes, caller's). A day outside
 * 1970-01-01 .. 9999-12-31 (such as -1, "no date") gives the empty string. */
void
cal_iso(int day, char out[11])
{
	if (day < 0 || day > CAL_MAX_DAY) { out[0] = 0; return; }
	int y, m, d;
	civil_from_days(day, &y, &m, &d);
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = 0;
}

/* ISO weekday of day: 1 = Monday .. 7 = Sunday (1970-01-01 was a Thursday). */
int
cal_weekday(int day)
{
	int r = (day % 7 + 7) % 7;      /* 0 = Thursday */
	return (r + 3) % 7 + 1;
}

/* Index of the first exception with .day >= day (c->n when none). */
static int
ex_lower(const struct calendar *c, int day)
{
	int lo = 0, hi = c->n;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (c->ex[mid].day < day) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/* The working weekdays of c as a bit mask (bit 0 Monday); NULL or 0 is Monday to Friday. */
static unsigned
weekmask(const struct calendar *c)
{
	return c && (c->weekdays & 0x7f) ? c->weekdays & 0x7f : 0x1f;
}

static int
weekday_works(unsigned mask, int day)
{
	return (int)(mask >> (cal_weekday(day) - 1)) & 1;
}

/* 1 when day is a working day of c: its exception decides, else its working weekdays. */
int
cal_is_workday(const struct calendar *c, int day)
{
	if (c && c->n > 0) {
		int i = ex_lower(c, day);
		if (i < c->n && c->ex[i].day == day)
			return !c->ex[i].off;
	}
	return weekday_works(weekmask(c), day);
}

int
cal_parse_weekdays(const char *s, struct calendar *c)
{
	unsigned mask = 0;
	int last = 0;
	if (!s || !*s) return -1;
	for (; *s; s++) {
		if (*s < '1' || *s > '7' || *s - '0' <= last) return -1;
		last = *s - '0';
		mask |= 1u << (last - 1);
	}
	c->weekdays = mask;
	return 0;
}

/* "HH:MM" at s, 00:00 .. 24:00, as minutes; -1 when malformed. */
static int
clock_at(const char *s)
{
	int h = digits(s, 2), m = s[2] == ':' ? digits(s + 3, 2) : -1;
	if (h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m)) return -1;
	return h * 60 + m;
}

int
cal_parse_hours(const char *s, struct calendar *c)
{
	struct cal_period p[CAL_MAX_PERIODS];
	int n = 0;
	if (!s) return -1;
	for (;;) {
		for (int i = 0; i < 11; i++)
			if (!s[i]) return -1;
		if (n == CAL_MAX_PERIODS || s[5] != '-') return -1;
		int from = clock_at(s), to = clock_at(s + 6);
		if (from < 0 || to <= from || (n && from <= p[n - 1].to)) return -1;
		p[n++] = (struct cal_period){ from, to };
		s += 11;
		if (!*s) break;
		if (*s++ != ',') return -1;
	}
	memcpy(c->hours, p, sizeof p);
	c->nhours = n;
	return 0;
}

static const struct cal_period default_hours[2] = { { 9 * 60, 12 * 60 }, { 13 * 60, 18 * 60 } };

/* The working periods of c and their number. */
static const struct cal_period *
periods(const struct calendar *c, int *n)
{
	if (c && c->nhours > 0 && c->nhours <= CAL_MAX_PERIODS) {
		*n = c->nhours;
		return c->hours;
	}
	*n = 2;
	return default_hours;
}

void
cal_format_weekdays(const struct calendar *c, char out[8])
{
	unsigned mask = weekmask(c);
	int k = 0;
	for (int i = 0; i < 7; i++)
		if (mask >> i & 1) out[k++] = (char)('1' + i);
	out[k] = 0;
}

void
cal_format_hours(const struct calendar *c, char out[64])
{
	int n, k = 0;
	const struct cal_period *p = periods(c, &n);
	for (int i = 0; i < n; i++) {
		int v[2] = { p[i].from, p[i].to };
		if (i) out[k++] = ',';
		for (int j = 0; j < 2; j++) {
			if (j) out[k++] = '-';
			out[k++] = (char)('0' + v[j] / 600);
			out[k++] = (char)('0' + v[j] / 60 % 10);
			out[k++] = ':';
			out[k++] = (char)('0' + v[j] % 60 / 10);
			out[k++] = (char)('0' + v[j] % 10);
		}
	}
	out[k] = 0;
}

int
cal_minutes_per_day(const struct calendar *c)
{
	int n, sum = 0;
	const struct cal_period *p = periods(c, &n);
	for (int i = 0; i < n; i++) sum += p[i].to - p[i].from;
	return sum;
}

int
cal_clock(const struct calendar *c, int offset, int finish)
{
	int n;
	const struct cal_period *p = periods(c, &n);
	if (offset < 0) offset = 0;
	for (int i = 0; i < n; i++) {
		int len = p[i].to - p[i].from;
		if (offset < len || (finish && offset == len) || i == n - 1)
			return p[i].from + (offset < len ? offset : len);
		offset -= len;
	}
	return p[n - 1].to;
}

int
cal_offset(const struct calendar *c, int minute)
{
	int n, sum = 0;
	const struct cal_period *p = periods(c, &n);
	for (int i = 0; i < n && minute > p[i].from; i++)
		sum += (minute < p[i].to ? minute : p[i].to) - p[i].from;
	return sum;
}

/* n > 0: the n-th working day strictly after day; n < 0: the |n|-th strictly before it;
 * n == 0: day when it is a working day, else the next one. Always terminates because the
 * exceptions are finite and outside them every week has a working weekday. */
int
cal_add_workdays(const struct calendar *c, int day, int n)
{
	if (n == 0) {
		while (!cal_is_workday(c, day)) day++;
		return day;
	}
	int step = n > 0 ? 1 : -1;
	while (n != 0) {
		day += step;
		if (cal_is_workday(c, day)) n -= step;
	}
	return day;
}

/* Working weekdays of mask in [from, to), from <= to. */
static int
weekdays_in(unsigned mask, int from, int to)
{
	int len = to - from, full = len / 7, count = full * __builtin_popcount(mask);
	for (int d = from + full * 7; d < to; d++)
		count += weekday_works(mask, d);
	return count;
}

/* Working days in [from, to); when to < from, minus the working days in [to, from). Counts
 * weekdays by arithmetic, then corrects for the exceptions inside the range. */
int
cal_workdays_between(const struct calendar *c, int from, int to)
{
	if (to < from) return -cal_workdays_between(c, to, from);
	unsigned mask = weekmask(c);
	int count = weekdays_in(mask, from, to);
	if (c && c->n > 0) {
		for (int i = ex_lower(c, from); i < c->n && c->ex[i].day < to; i++) {
			int weekday = weekday_works(mask, c->ex[i].day);
			if (weekday && c->ex[i].off) count--;
			else if (!weekday && !c->ex[i].off) count++;
		}
	}
	return count;
}

/* Finish day of a d-day task starting on start: start moves to the next working day when it
 * is not one, and the finish is the (d-1)-th working day after that. d <= 1 gives the moved
 * start. */
int
cal_finish(const struct calendar *c, int start, int d)
{
	int s = cal_add_workdays(c, start, 0);
	return d <= 1 ? s : cal_add_workdays(c, s, d - 1);
}

/* The first working day on or after the 1st of day's month. (Only a calendar that takes a
 * whole month off could make that fall in a later month.) */
int
cal_first_workday_of_month(const struct calendar *c, int day)
{
	int y, m, d;
	civil_from_days(day, &y, &m, &d);
	return cal_add_workdays(c, days_from_civil(y, m, 1), 0);
}
