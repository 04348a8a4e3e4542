/* test_changecal.c — the change calendar's arithmetic: month and week ranges (grid, neighbours,
 * bad input), any date moved to its Monday, and a planned window placed on its days (across
 * midnight, ending at midnight, several days). */
#include "unit.h"
#include "engine/calgrid.h"
#include "engine/cal.h"
#include "engine/win.h"

static void
test_month(void)
{
	struct calgrid_range r;
	CHECK(calgrid_month("2030-12", &r) == 0);
	CHECK(r.view == CALGRID_MONTH && r.first == cal_day("2030-12-01") && r.next == cal_day("2031-01-01"));
	CHECK(r.grid0 == cal_day("2030-11-25") && r.grid1 == cal_day("2031-01-06"));   /* Monday .. after Sunday */
	CHECK_STR(r.value, "2030-12");
	CHECK_STR(r.prev, "2030-11");
	CHECK_STR(r.after, "2031-01");
	CHECK(calgrid_month("2031-01", &r) == 0);
	CHECK_STR(r.prev, "2030-12");
	/* a month starting on a Monday and ending on a Sunday: exactly its weeks */
	CHECK(calgrid_month("2027-02", &r) == 0 && r.grid0 == r.first && r.grid1 == r.next && r.next - r.first == 28);
	CHECK(calgrid_month("1970-01", &r) == 0 && r.prev[0] == 0);
	const char *bad[] = { "2030-13", "2030-00", "2030-1", "2030-012", "203x-01", "2030/01", "", "1969-12", NULL };
	for (int i = 0; bad[i]; i++) CHECK(calgrid_month(bad[i], &r) == -1);
	CHECK(calgrid_month(NULL, &r) == -1);
}

static void
test_week(void)
{
	struct calgrid_range r;
	const char *days[] = { "2030-12-09", "2030-12-10", "2030-12-12", "2030-12-15", NULL };
	for (int i = 0; days[i]; i++) {
		CHECK(calgrid_week(days[i], &r) == 0);
		CHECK_STR(r.value, "2030-12-09");
		CHECK(r.first == cal_day("2030-12-09") && r.next == r.first + 7 && r.grid0 == r.first && r.grid1 == r.next);
		CHECK_STR(r.prev, "2030-12-02");
		CHECK_STR(r.after, "2030-12-16");
	}
	CHECK(calgrid_week("2030-12-16", &r) == 0);
	CHECK_STR(r.value, "2030-12-16");
	CHECK(calgrid_week("2030-02-30", &r) == -1 && calgrid_week("2030-12", &r) == -1 && calgrid_week("", &r) == -1);
	CHECK(calgrid_week("1970-01-01", &r) == -1);    /* its Monday is in 1969 */
	CHECK(calgrid_week("1970-01-05", &r) == 0 && r.prev[0] == 0);
}

static void
test_clip(void)
{
	long s = win_parse("2030-12-10T22:00"), e = win_parse("2030-12-11T02:00");
	int d10 = cal_day("2030-12-10"), f, t;
	CHECK(calgrid_clip(s, e, d10, &f, &t) == 1 && f == 22 * 60 && t == 1440);
	CHECK(calgrid_clip(s, e, d10 + 1, &f, &t) == 1 && f == 0 && t == 120);
	CHECK(calgrid_clip(s, e, d10 - 1, &f, &t) == 0 && calgrid_clip(s, e, d10 + 2, &f, &t) == 0);
	/* ending at midnight: not on the next day; starting at midnight: on that day from 00:00 */
	long m = win_parse("2030-12-11T00:00");
	CHECK(calgrid_clip(s, m, d10 + 1, &f, &t) == 0);
	CHECK(calgrid_clip(m, e, d10 + 1, &f, &t) == 1 && f == 0 && t == 120);
	CHECK(calgrid_clip(m, e, d10, &f, &t) == 0);
	/* three days: the middle one whole */
	CHECK(calgrid_clip(s, win_parse("2030-12-12T01:00"), d10 + 1, &f, &t) == 1 && f == 0 && t == 1440);
	/* empty or reversed windows are on no day */
	CHECK(calgrid_clip(s, s, d10, &f, &t) == 0 && calgrid_clip(e, s, d10, &f, &t) == 0);
	char out[6];
	calgrid_hhmm(0, out);
	CHECK_STR(out, "00:00");
	calgrid_hhmm(22 * 60 + 5, out);
	CHECK_STR(out, "22:05");
	calgrid_hhmm(1440, out);
	CHECK_STR(out, "24:00");
}

int
main(void)
{
	RUN(test_month);
	RUN(test_week);
	RUN(test_clip);
	return unit_done();
}
