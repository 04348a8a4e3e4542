/* Unit tests for working hours and weekdays (calendar.c) and the schedule's time axis (axis.c):
 * parsing and refusing hours and weekdays, clock times at period boundaries, a six-day week, and
 * the axis across China's 2026 National Day (from the shared fixture) in both directions; and
 * 2,000 random networks of whole-day tasks with every link type and lags, on random calendars
 * with holidays and adjusted working days, scheduled the product's way (working minutes on the
 * axis, the CPM engine, back to days) against a brute force that works in calendar days only. */
#include "unit.h"
#include "engine/axis.h"
#include "holidays_fixture.h"
#include "engine/sched.h"

static void
hours_parse_and_refuse(void)
{
	struct calendar c;
	memset(&c, 0, sizeof c);
	CHECK(cal_minutes_per_day(&c) == 480);                     /* the default */
	CHECK(cal_parse_hours("08:00-12:00,13:00-17:30", &c) == 0);
	CHECK(c.nhours == 2 && cal_minutes_per_day(&c) == 510);
	char out[64];
	cal_format_hours(&c, out);
	CHECK_STR(out, "08:00-12:00,13:00-17:30");
	CHECK(cal_parse_hours("00:00-24:00", &c) == 0 && cal_minutes_per_day(&c) == 1440);
	static const char *const bad[] = { "", "18:00-09:00", "09:00-12:00,11:00-13:00", "09:00-12:00,12:00-13:00",
					   "9:00-12:00", "09:00-12:00,", "09:00-12:60", "25:00-26:00", "09:00-09:00",
					   "01:00-02:00,03:00-04:00,05:00-06:00,07:00-08:00,09:00-10:00", "09:00~12:00",
					   "09:00-12:00 " };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct calendar keep = c;
		if (cal_parse_hours(bad[i], &c) != -1 || memcmp(&keep, &c, sizeof c)) {
			printf("  accepted or changed by \"%s\"\n", bad[i]);
			CHECK(0);
		}
	}
	CHECK(cal_parse_hours(NULL, &c) == -1);
}

static void
clock_at_boundaries(void)
{
	struct calendar c;
	memset(&c, 0, sizeof c);
	CHECK(cal_clock(&c, 0, 0) == 9 * 60);
	CHECK(cal_clock(&c, 180, 0) == 13 * 60);      /* a start after the morning: after lunch */
	CHECK(cal_clock(&c, 180, 1) == 12 * 60);      /* a finish at the end of the morning */
	CHECK(cal_clock(&c, 240, 0) == 14 * 60);
	CHECK(cal_clock(&c, 480, 1) == 18 * 60);
	CHECK(cal_offset(&c, 8 * 60) == 0 && cal_offset(&c, 12 * 60 + 30) == 180 && cal_offset(&c, 14 * 60) == 240);
	CHECK(cal_offset(&c, 20 * 60) == 480);
}

static void
weekdays(void)
{
	struct calendar c;
	memset(&c, 0, sizeof c);
	int sat = cal_day("2026-12-05");
	CHECK(!cal_is_workday(&c, sat));
	CHECK(cal_parse_weekdays("123456", &c) == 0 && cal_is_workday(&c, sat) && !cal_is_workday(&c, sat + 1));
	char out[8];
	cal_format_weekdays(&c, out);
	CHECK_STR(out, "123456");
	/* Mon 2026-11-30 .. Mon 12-07: six working days on a six-day week */
	CHECK(cal_workdays_between(&c, cal_day("2026-11-30"), cal_day("2026-12-07")) == 6);
	CHECK(cal_finish(&c, cal_day("2026-12-04"), 3) == cal_day("2026-12-07"));
	static const char *const bad[] = { "", "21", "8", "1123", "12a" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) CHECK(cal_parse_weekdays(bad[i], &c) == -1);
	CHECK(cal_parse_weekdays("7", &c) == 0 && cal_is_workday(&c, sat + 1) && !cal_is_workday(&c, sat));
}

static void
axis_national_day(void)
{
	CHECK(load_holidays() > 20);
	struct axis x = { .c = &cn2026, .base = cal_day("2026-09-28"), .mpd = 480 };
	CHECK(axis_index(&x, cal_day("2026-09-30")) == 2);
	CHECK(axis_index(&x, cal_day("2026-10-01")) == 3);          /* a holiday counts as the next working day */
	CHECK(axis_index(&x, cal_day("2026-10-08")) == 3);
	CHECK(axis_index(&x, cal_day("2026-10-10")) == 5);          /* Saturday, an adjusted working day */
	CHECK(axis_index(&x, cal_day("2026-09-24")) == -1);         /* before the Mid-Autumn break */
	CHECK(axis_day(&x, 3) == cal_day("2026-10-08"));
	CHECK(axis_day(&x, 5) == cal_day("2026-10-10"));
	CHECK(axis_day(&x, -1) == cal_day("2026-09-24"));
	CHECK(axis_day(&x, -4) == cal_day("2026-09-21"));
	for (long i = -40; i < 200; i++)                            /* a round trip every day */
		if (axis_index(&x, axis_day(&x, i)) != i) { printf("  index %ld\n", i); CHECK(0); break; }
	char s[17];
	axis_iso(&x, 3 * 480 + 240, 0, s);
	CHECK_STR(s, "2026-10-08T14:00");
	axis_iso(&x, 3 * 480, 1, s);                                /* a finish at a day boundary */
	CHECK_STR(s, "2026-09-30T18:00");
	axis_iso(&x, 3 * 480, 0, s);
	CHECK_STR(s, "2026-10-08T09:00");
	axis_iso(&x, 3 * 480 + 180, 1, s);
	CHECK_STR(s, "2026-10-08T12:00");
	axis_iso(&x, -480, 0, s);
	CHECK_STR(s, "2026-09-24T09:00");
	CHECK(axis_floordiv(-1, 480) == -1 && axis_floordiv(-480, 480) == -1 && axis_floordiv(479, 480) == 0);
	axis_free(&x);
}

static unsigned long long rng = 20261001ULL;

static long
rnd(long n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (long)(rng % (unsigned long long)n);
}

/* The brute force's only calendar arithmetic: n working days after (n > 0) or before (n < 0) the
 * working day d, stepping one calendar day at a time. */
static int
step(const struct calendar *c, int d, int n)
{
	while (n > 0) if (cal_is_workday(c, ++d)) n--;
	while (n < 0) if (cal_is_workday(c, --d)) n++;
	return d;
}

enum { NMAX = 10, MMAX = 24 };
struct bf { int s, f, ls, lf; };

/* Early and late days by relaxing every link in calendar days until nothing changes. A link's
 * rule in days: FS+L starts L working days after the day after the predecessor's finish; SS+L L
 * working days after its start; FF+L finishes L working days after its finish; SF+L finishes on the
 * working day before L working days after its start. */
static void
brute(const struct calendar *c, int s0, const int *d, int n, const struct sched_link *l, int m, struct bf *r)
{
	for (int i = 0; i < n; i++) {
		r[i].s = s0;
		r[i].f = step(c, s0, d[i] - 1);
	}
	for (int changed = 1, rounds = 0; changed && rounds < 100; rounds++) {
		changed = 0;
		for (int k = 0; k < m; k++) {
			const struct bf *a = &r[l[k].pred];
			int L = (int)(l[k].lag / 480), ds = d[l[k].succ], b;
			if (l[k].type == SCHED_FS) b = step(c, a->f, 1 + L);
			else if (l[k].type == SCHED_SS) b = step(c, a->s, L);
			else if (l[k].type == SCHED_FF) b = step(c, step(c, a->f, L), -(ds - 1));
			else b = step(c, step(c, a->s, L - 1), -(ds - 1));
			if (b > r[l[k].succ].s) {
				r[l[k].succ].s = b;
				r[l[k].succ].f = step(c, b, ds - 1);
				changed = 1;
			}
		}
	}
	int end = s0;
	for (int i = 0; i < n; i++) if (r[i].f > end) end = r[i].f;
	for (int i = 0; i < n; i++) {
		r[i].lf = end;
		r[i].ls = step(c, end, -(d[i] - 1));
	}
	for (int changed = 1, rounds = 0; changed && rounds < 100; rounds++) {
		changed = 0;
		for (int k = 0; k < m; k++) {
			const struct bf *z = &r[l[k].succ];
			int L = (int)(l[k].lag / 480), dp = d[l[k].pred], b;
			if (l[k].type == SCHED_FS) b = step(c, z->ls, -1 - L);
			else if (l[k].type == SCHED_SS) b = step(c, step(c, z->ls, -L), dp - 1);
			else if (l[k].type == SCHED_FF) b = step(c, z->lf, -L);
			else b = step(c, step(c, z->lf, 1 - L), dp - 1);
			if (b < r[l[k].pred].lf) {
				r[l[k].pred].lf = b;
				r[l[k].pred].ls = step(c, b, -(dp - 1));
				changed = 1;
			}
		}
	}
}

static void
random_with_holidays(void)
{
	enum { RUNS = 2000 };
	struct cal_exception ex[80];
	struct sched_task t[NMAX];
	struct sched_link l[MMAX];
	struct bf r[NMAX];
	int d[NMAX], bad = 0, holidays = 0;
	int base0 = cal_day("2026-09-01");
	for (int run = 0; run < RUNS && bad < 3; run++) {
		/* a calendar: about one weekday in eight off, one weekend day in eight worked */
		int nex = 0;
		for (int day = base0 - 40; day < base0 + 160 && nex < 80; day++)
			if (rnd(8) == 0) {
				ex[nex].day = day;
				ex[nex++].off = cal_weekday(day) <= 5;
			}
		holidays += nex;
		struct calendar c = { .ex = ex, .n = nex };
		int s0 = cal_add_workdays(&c, base0 + (int)rnd(7), 0);
		int n = 2 + (int)rnd(NMAX - 1), m = (int)rnd(MMAX + 1);
		for (int i = 0; i < n; i++) {
			d[i] = 1 + (int)rnd(4);
			memset(&t[i], 0, sizeof t[i]);
			t[i].duration = d[i] * 480L;
			t[i].parent = -1;
			t[i].actual_start = t[i].actual_finish = -1;
		}
		for (int k = 0; k < m; k++) {   /* forward in index order: no loops */
			int a = (int)rnd(n - 1), b = a + 1 + (int)rnd(n - 1 - a);
			l[k] = (struct sched_link){ a, b, (enum sched_link_type)rnd(4), (rnd(7) - 2) * 480L };
		}
		struct sched_problem p = { .tasks = t, .ntasks = n, .links = l, .nlinks = m, .status_time = -1 };
		if (sched_run(&p)) { bad++; continue; }
		brute(&c, s0, d, n, l, m, r);
		struct axis x = { .c = &c, .base = s0, .mpd = 480 };
		for (int i = 0; i < n; i++) {
			int es = axis_day(&x, axis_floordiv(t[i].es, 480)), ef = axis_day(&x, axis_floordiv(t[i].ef - 1, 480));
			int ls = axis_day(&x, axis_floordiv(t[i].ls, 480)), lf = axis_day(&x, axis_floordiv(t[i].lf - 1, 480));
			long tf = cal_workdays_between(&c, r[i].s, r[i].ls);
			if (es != r[i].s || ef != r[i].f || ls != r[i].ls || lf != r[i].lf || t[i].total_float != tf * 480) {
				char w[4][11];
				cal_iso(r[i].s, w[0]); cal_iso(r[i].f, w[1]); cal_iso(r[i].ls, w[2]); cal_iso(r[i].lf, w[3]);
				printf("  run %d task %d: engine %ld..%ld late %ld..%ld, want %s..%s late %s..%s\n", run, i,
				       t[i].es, t[i].ef, t[i].ls, t[i].lf, w[0], w[1], w[2], w[3]);
				bad++;
				break;
			}
		}
		axis_free(&x);
	}
	printf("# axis random: %d networks on calendars with %d exceptions in all\n", RUNS, holidays);
	CHECK(bad == 0);
}

int
main(void)
{
	RUN(hours_parse_and_refuse);
	RUN(clock_at_boundaries);
	RUN(weekdays);
	RUN(axis_national_day);
	RUN(random_with_holidays);
	return unit_done();
}
