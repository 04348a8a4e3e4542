/* mspdi_cal.c — an MSPDI calendar as opsplan's calendar model and back (see mspdi_cal.h).
 * Recurring exceptions are expanded the way Microsoft Project itself expands them in the
 * DayType 0 copies it writes (checked against calendar-recurring-exceptions-project2013 in the
 * unit tests): weeks start on Sunday and are counted from the week holding the first date;
 * months and years from the first date's month and year. */
#include "format/mspdi_cal.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Day number (days since 1970-01-01) of a proleptic Gregorian date; month 1..12. */
static int
mcal_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
mcal_ymd(int day, int *y, int *m)
{
	char s[11];
	cal_iso(day, s);
	*y = atoi(s);
	*m = atoi(s + 5);
}

static int
mcal_month_len(int y, int m)
{
	return m == 12 ? 31 : mcal_civil(y, m + 1, 1) - mcal_civil(y, m, 1);
}

/* 0 = Sunday .. 6 = Saturday, as MSPDI counts (DaysOfWeek bits, MonthItem 3..9). */
static int
mcal_sunday_based(int day)
{
	return cal_weekday(day) % 7;
}

/* The day of month y/m that item (MonthItem) at position pos (0..3 first..fourth, 4 last)
 * names, or -1. */
static int
mcal_month_pick(int y, int m, int item, int pos)
{
	int first = mcal_civil(y, m, 1), n = mcal_month_len(y, m), k = 0, last = -1;
	for (int i = 0; i < n; i++) {
		int day = first + i, wd = mcal_sunday_based(day);
		int ok = item == 0 ? 1 : item == 1 ? (wd >= 1 && wd <= 5) : item == 2 ? (wd == 0 || wd == 6)
			: item >= 3 && item <= 9 ? wd == item - 3 : 0;
		if (!ok) continue;
		if (k++ == pos && pos <= 3) return day;
		last = day;
	}
	return pos == 4 ? last : -1;
}

/* Appends day to the list; -1 when it already holds max days. */
static int
mcal_push(int *out, int *n, int max, int day)
{
	if (*n >= max) return -1;
	out[(*n)++] = day;
	return 0;
}

int
mspdi_cal_expand(struct arena *a, const struct mspdi_exception *e, int max, int **days)
{
	*days = NULL;
	int from = e->from ? cal_day(e->from) : -1, to = e->to ? cal_day(e->to) : from;
	if (from < 0 || to < 0 || max < 0) return -1;
	if (to < from) to = from;
	int period = e->period > 0 ? e->period : 1;
	int limit = e->occurrences > 0 ? e->occurrences : INT_MAX;
	/* no more days than the range has, nor than max + 1 (one over says "too many") */
	long span = (long)to - from + 1;
	int cap = span < max + 1L ? (int)span : max + 1;
	int *out = arena_alloc(a, sizeof *out * (size_t)(cap + 1));
	int n = 0, y0, m0;
	mcal_ymd(from, &y0, &m0);
	switch (e->type) {
	case 7:   /* every period days */
		for (long d = from; d <= to && n < limit; d += period)
			if (mcal_push(out, &n, max, (int)d)) return -1;
		break;
	case 8: { /* every period-th weekday (Monday to Friday) */
		long k = 0;
		for (int d = from; d <= to && n < limit; d++) {
			if (cal_weekday(d) > 5) continue;
			if (k++ % period == 0 && mcal_push(out, &n, max, d)) return -1;
		}
		break;
	}
	case 6: { /* weekly: every period weeks on the DaysOfWeek (the first date's weekday if none) */
		int mask = e->days_of_week & 0x7F ? e->days_of_week & 0x7F : 1 << mcal_sunday_based(from);
		int week0 = from - mcal_sunday_based(from);
		for (int d = from; d <= to && n < limit; d++)
			if (((d - week0) / 7) % period == 0 && (mask >> mcal_sunday_based(d) & 1) && mcal_push(out, &n, max, d))
				return -1;
		break;
	}
	case 2: case 3: case 4: case 5: { /* monthly (4, 5) every period months; yearly (2, 3) every year */
		int step = e->type >= 4 ? period : 12;
		long months = ((long)(to - from) / 28 + 2);   /* enough months to pass the last date */
		for (long i = 0; i <= months && n < limit; i += step) {
			long mi = (long)(m0 - 1) + i;
			int y = y0 + (int)(mi / 12), m = (int)(mi % 12) + 1;
			if (e->type <= 3) {   /* Month is 0-based */
				if (e->month < 0 || e->month > 11) return -1;
				m = e->month + 1;
			}
			int day;
			if (e->type == 2 || e->type == 4) {
				int md = e->month_day < 1 ? 1 : e->month_day, len = mcal_month_len(y, m);
				day = mcal_civil(y, m, md > len ? len : md);
			} else {
				day = mcal_month_pick(y, m, e->month_item, e->month_position);
			}
			if (day > to) break;
			if (day >= from && mcal_push(out, &n, max, day)) return -1;
		}
		break;
	}
	default:  /* 0, 1 (daily), 9 and anything unknown: every day of the period */
		for (int d = from; d <= to; d++)
			if (mcal_push(out, &n, max, d)) return -1;
	}
	*days = out;
	return n;
}

/* One exception day as found: which calendar of the chain (higher wins) and the order. */
struct mcal_day { int day, off, rank, order; };

static int
mcal_day_cmp(const void *a, const void *b)
{
	const struct mcal_day *x = a, *y = b;
	if (x->day != y->day) return (x->day > y->day) - (x->day < y->day);
	if (x->rank != y->rank) return (x->rank < y->rank) - (x->rank > y->rank);
	return (x->order < y->order) - (x->order > y->order);
}

static const struct mspdi_calendar *
mcal_find(const struct mspdi_plan *plan, long uid)
{
	for (int i = 0; i < plan->ncalendars; i++)
		if (plan->calendars[i].uid == uid) return &plan->calendars[i];
	return NULL;
}

/* "HH:MM-HH:MM,…" of periods (touching ones joined) into out[64]; -1 when they do not fit. */
static int
mcal_hours_text(const int (*t)[2], int n, char out[64])
{
	int p[MSPDI_MAX_TIMES][2], k = 0;
	for (int i = 0; i < n; i++) {
		if (k && t[i][0] == p[k - 1][1]) { p[k - 1][1] = t[i][1]; continue; }
		p[k][0] = t[i][0];
		p[k++][1] = t[i][1];
	}
	size_t len = 0;
	out[0] = 0;
	for (int i = 0; i < k; i++) {
		int w = snprintf(out + len, 64 - len, "%s%02d:%02d-%02d:%02d", i ? "," : "", p[i][0] / 60, p[i][0] % 60,
				 p[i][1] / 60, p[i][1] % 60);
		if (w < 0 || (size_t)w >= 64 - len) return -1;
		len += (size_t)w;
	}
	return k ? 0 : -1;
}

int
mspdi_cal_model(struct arena *a, const struct mspdi_plan *plan, long uid, struct mspdi_cal_model *out,
		const char **err)
{
	memset(out, 0, sizeof *out);
	const struct mspdi_calendar *chain[16];
	int depth = 0;
	for (const struct mspdi_calendar *c = mcal_find(plan, uid); c && depth < 16; ) {
		int seen = 0;
		for (int i = 0; i < depth; i++) seen |= chain[i] == c;
		if (seen) break;
		chain[depth++] = c;
		c = c->is_base ? NULL : mcal_find(plan, c->base_uid);
	}
	if (!depth) return 1;
	*err = "mspdi.error.calendar";
	out->name = chain[0]->name && *chain[0]->name ? chain[0]->name : arena_printf(a, "Calendar %ld", uid);

	/* each weekday from the nearest calendar that says; Project's defaults where none does */
	static const int standard[2][2] = { { 480, 720 }, { 780, 1020 } };
	int working[8] = {0};
	const int (*times[8])[2] = {0};
	int ntimes[8] = {0};
	for (int d = 1; d <= 7; d++) {
		working[d] = d != 1 && d != 7;
		times[d] = standard;
		ntimes[d] = 2;
		for (int k = 0; k < depth; k++)
			if (chain[k]->working_days[d] >= 0) {
				working[d] = chain[k]->working_days[d];
				if (chain[k]->ntimes[d]) {
					times[d] = (const int (*)[2])chain[k]->times[d];
					ntimes[d] = chain[k]->ntimes[d];
				}
				break;
			}
	}
	/* The model has one set of periods for every working day: those of the first working
	 * weekday, Monday first (a file whose days differ keeps Monday's, or the next working day's). */
	int w = 0, first = 0;
	for (int iso = 1; iso <= 7; iso++) {
		int d = iso % 7 + 1;   /* MSPDI DayType: 1 = Sunday, 2 = Monday .. 7 = Saturday */
		if (!working[d]) continue;
		out->weekdays[w++] = (char)('0' + iso);
		if (!first) first = d;
	}
	out->weekdays[w] = 0;
	if (!first || mcal_hours_text(times[first], ntimes[first], out->hours)) return -1;
	struct calendar check = {0};
	if (cal_parse_weekdays(out->weekdays, &check) || cal_parse_hours(out->hours, &check)) return -1;
	cal_format_weekdays(&check, out->weekdays);
	cal_format_hours(&check, out->hours);

	/* exception days: the base calendars' first, the calendar's own winning on the same day */
	struct buf all = {0};
	int n = 0, order = 0;
	for (int k = depth - 1; k >= 0; k--)
		for (int i = 0; i < chain[k]->nexceptions; i++) {
			int *days;
			int m = mspdi_cal_expand(a, &chain[k]->exceptions[i], MSPDI_CAL_MAX_DAYS - n, &days);
			if (m < 0) {
				buf_free(&all);
				*err = "mspdi.error.calendar_size";
				return -1;
			}
			for (int j = 0; j < m; j++) {
				struct mcal_day x = { days[j], !chain[k]->exceptions[i].working, depth - k, order++ };
				buf_add(&all, &x, sizeof x);
			}
			n += m;
		}
	struct mcal_day *xs = (struct mcal_day *)all.p;
	if (n) qsort(xs, (size_t)n, sizeof *xs, mcal_day_cmp);
	out->days = arena_alloc(a, sizeof *out->days * (size_t)(n + 1));
	for (int i = 0; i < n; i++)
		if (!i || xs[i].day != xs[i - 1].day)
			out->days[out->ndays++] = (struct cal_exception){ xs[i].day, xs[i].off };
	buf_free(&all);
	*err = NULL;
	return 0;
}

void
mspdi_cal_from_model(struct arena *a, const struct calendar *c, long uid, const char *name, struct mspdi_calendar *out)
{
	memset(out, 0, sizeof *out);
	out->uid = uid;
	out->name = name;
	out->is_base = 1;
	out->base_uid = -1;
	unsigned wd = c->weekdays ? c->weekdays : 0x1F;
	struct cal_period def[2] = { { 540, 720 }, { 780, 1080 } };
	const struct cal_period *h = c->nhours ? c->hours : def;
	int nh = c->nhours ? c->nhours : 2;
	if (nh > MSPDI_MAX_TIMES) nh = MSPDI_MAX_TIMES;
	for (int d = 1; d <= 7; d++) {
		int iso = d == 1 ? 7 : d - 1;
		out->working_days[d] = (wd >> (iso - 1)) & 1;
		if (!out->working_days[d]) continue;
		out->day_minutes[d] = cal_minutes_per_day(c);
		for (int i = 0; i < nh; i++) {
			out->times[d][i][0] = h[i].from;
			out->times[d][i][1] = h[i].to;
		}
		out->ntimes[d] = nh;
	}
	int runs = 0;
	for (int i = 0; i < c->n; i++)
		runs += !i || c->ex[i].day != c->ex[i - 1].day + 1 || c->ex[i].off != c->ex[i - 1].off;
	out->exceptions = runs ? arena_alloc(a, sizeof *out->exceptions * (size_t)runs) : NULL;
	for (int i = 0; i < c->n; i++) {
		if (i && c->ex[i].day == c->ex[i - 1].day + 1 && c->ex[i].off == c->ex[i - 1].off) {
			cal_iso(c->ex[i].day, (char *)out->exceptions[out->nexceptions - 1].to);
			continue;
		}
		struct mspdi_exception *e = &out->exceptions[out->nexceptions++];
		char *f = arena_alloc(a, 11), *t = arena_alloc(a, 11);
		cal_iso(c->ex[i].day, f);
		cal_iso(c->ex[i].day, t);
		e->from = f;
		e->to = t;
		e->working = !c->ex[i].off;
		if (e->working) {
			for (int k = 0; k < nh; k++) {
				e->times[k][0] = h[k].from;
				e->times[k][1] = h[k].to;
			}
			e->ntimes = nh;
		}
	}
}
