/* Unit tests for working hours and weekdays (calendar.c) and the schedule's time axis (axis.c):
 * parsing and refusing hours and weekdays, clock times at period boundaries, a six-day week, and
 * the axis across China's 2026 National Day (from the shared fixture) in both directions. */
#include "unit.h"
#include "axis.h"
#include "holidays_fixture.h"

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

int
main(void)
{
	RUN(hours_parse_and_refuse);
	RUN(clock_at_boundaries);
	RUN(weekdays);
	RUN(axis_national_day);
	return unit_done();
}
