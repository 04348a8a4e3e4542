/* Unit tests for calendar.c: ISO dates and day numbers, weekdays, and working days under a
 * plain Monday-to-Friday week and under China's real 2026 holidays and adjusted working days
 * (调休), which are read from the shared fixture file (OPSPLAN_HOLIDAYS overrides its path)
 * by a small scanner here rather than copied into the repository. */
#include "unit.h"
#include "engine/cal.h"

#include "holidays_fixture.h"

#define D(s) cal_day(s)

static void
iso_dates(void)
{
	CHECK(D("1970-01-01") == 0);
	CHECK(D("1970-01-02") == 1);
	CHECK(D("2000-03-01") == 11017);
	CHECK(D("2026-11-25") == 20782);
	CHECK(D("9999-12-31") == 2932896);
	CHECK(D("2024-02-29") == D("2024-02-28") + 1);
	CHECK(D("2000-02-29") == D("2000-03-01") - 1);
	CHECK(D("2026-02-29") == -1);         /* 2026 is not a leap year */
	CHECK(D("1900-02-29") == -1);         /* nor 1900 */
	CHECK(D("2026-13-01") == -1);
	CHECK(D("2026-00-10") == -1);
	CHECK(D("2026-04-31") == -1);
	CHECK(D("2026-04-00") == -1);
	CHECK(D("2026-1-01") == -1);
	CHECK(D("2026-01-1") == -1);
	CHECK(D("2026-01-011") == -1);
	CHECK(D("2026-01-01x") == -1);
	CHECK(D("2026-01-01 ") == -1);
	CHECK(D("2026/01/01") == -1);
	CHECK(D("20260101") == -1);
	CHECK(D("2026-0a-01") == -1);
	CHECK(D("+026-01-01") == -1);
	CHECK(D("") == -1);
	CHECK(D(NULL) == -1);
	CHECK(D("1969-12-31") == -1);         /* before day 0: -1 would be ambiguous */
	char out[11];
	cal_iso(20782, out);
	CHECK_STR(out, "2026-11-25");
	cal_iso(0, out);
	CHECK_STR(out, "1970-01-01");
	cal_iso(2932896, out);
	CHECK_STR(out, "9999-12-31");
	cal_iso(-1, out);
	CHECK_STR(out, "");
	cal_iso(2932897, out);
	CHECK_STR(out, "");
}

/* Every day from 1970 to 2400 against a naive y-m-d counter, both directions. */
static void
iso_round_trip(void)
{
	static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y = 1970, m = 1, d = 1, bad = 0;
	for (int day = 0; y < 2400; day++) {
		char want[40], got[11];
		snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
		cal_iso(day, got);
		if (strcmp(want, got) || cal_day(want) != day) bad++;
		int ml = len[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
		if (++d > ml) { d = 1; if (++m > 12) { m = 1; y++; } }
	}
	CHECK(bad == 0);
}

static void
weekdays(void)
{
	CHECK(cal_weekday(D("2026-11-25")) == 3);   /* Wednesday */
	CHECK(cal_weekday(D("1970-01-01")) == 4);   /* Thursday */
	CHECK(cal_weekday(D("2000-01-01")) == 6);   /* Saturday */
	CHECK(cal_weekday(D("2026-10-01")) == 4);   /* National Day 2026 is a Thursday */
	CHECK(cal_weekday(D("2026-10-04")) == 7);   /* Sunday */
	CHECK(cal_weekday(D("2026-10-05")) == 1);   /* Monday */
	CHECK(cal_weekday(-1) == 3);                /* 1969-12-31, arithmetic still holds */
	int bad = 0;
	for (int day = -3000; day < 3000; day++)
		if (cal_weekday(day + 1) != cal_weekday(day) % 7 + 1) bad++;
	CHECK(bad == 0);
}

/* No exceptions: Monday to Friday; a NULL calendar is the same. */
static void
plain_week(void)
{
	struct calendar none = { .ex = NULL };
	int fri = D("2026-11-27"), sat = D("2026-11-28"), sun = D("2026-11-29"), mon = D("2026-11-30");
	CHECK(cal_is_workday(&none, fri) && !cal_is_workday(&none, sat) && !cal_is_workday(NULL, sun));
	CHECK(cal_add_workdays(&none, fri, 1) == mon);
	CHECK(cal_add_workdays(NULL, mon, -1) == fri);
	CHECK(cal_add_workdays(&none, sat, 0) == mon);
	CHECK(cal_add_workdays(&none, fri, 0) == fri);
	CHECK(cal_add_workdays(&none, sat, 1) == mon);          /* first working day after */
	CHECK(cal_add_workdays(&none, sat, 2) == mon + 1);
	CHECK(cal_add_workdays(&none, sun, -1) == fri);
	CHECK(cal_add_workdays(&none, mon, 5) == mon + 7);
	CHECK(cal_add_workdays(&none, mon, -5) == mon - 7);
	CHECK(cal_workdays_between(&none, mon, mon + 7) == 5);
	CHECK(cal_workdays_between(&none, mon + 7, mon) == -5);
	CHECK(cal_workdays_between(&none, fri, fri) == 0);
	CHECK(cal_workdays_between(&none, sat, mon) == 0);
	CHECK(cal_workdays_between(&none, fri, sat) == 1);
	CHECK(cal_finish(&none, fri, 1) == fri);
	CHECK(cal_finish(&none, fri, 2) == mon);
	CHECK(cal_finish(&none, sat, 1) == mon);
	CHECK(cal_finish(&none, sat, 0) == mon);
	CHECK(cal_finish(&none, sat, -3) == mon);
	CHECK(cal_finish(&none, mon, 10) == mon + 11);
	CHECK(cal_first_workday_of_month(&none, D("2026-11-25")) == D("2026-11-02"));
	CHECK(cal_first_workday_of_month(NULL, D("2026-08-31")) == D("2026-08-03"));
}

static void
holidays_loaded(void)
{
	CHECK(cn2026.n >= 30);
	int sorted = 1;
	for (int i = 1; i < cn2026.n; i++)
		if (ex2026[i].day <= ex2026[i - 1].day) sorted = 0;
	CHECK(sorted);
	CHECK(ex2026[0].day == D("2026-01-01") && ex2026[0].off);
}

/* National Day 2026 per the file: 10-01 (Thu) .. 10-07 (Wed) off, with adjusted working days on
 * Sunday 09-20 and Saturday 10-10; Mid-Autumn takes Friday 09-25 off. */
static void
national_day(void)
{
	for (int d = D("2026-10-01"); d <= D("2026-10-07"); d++)
		CHECK(!cal_is_workday(&cn2026, d));
	CHECK(cal_is_workday(&cn2026, D("2026-09-30")));
	CHECK(cal_is_workday(&cn2026, D("2026-10-08")));
	CHECK(cal_is_workday(&cn2026, D("2026-10-10")));    /* Saturday, adjusted working day */
	CHECK(cal_is_workday(&cn2026, D("2026-09-20")));    /* Sunday, adjusted working day */
	CHECK(!cal_is_workday(&cn2026, D("2026-10-11")));   /* the Sunday after stays off */
	CHECK(!cal_is_workday(&cn2026, D("2026-09-25")));   /* Mid-Autumn Festival, Friday */
	CHECK(!cal_is_workday(&cn2026, D("2026-10-17")));   /* an ordinary Saturday */
	CHECK(cal_is_workday(&cn2026, D("2026-11-25")));    /* an ordinary Wednesday */

	CHECK(cal_add_workdays(&cn2026, D("2026-09-30"), 1) == D("2026-10-08"));
	CHECK(cal_add_workdays(&cn2026, D("2026-10-08"), -1) == D("2026-09-30"));
	CHECK(cal_add_workdays(&cn2026, D("2026-10-01"), 0) == D("2026-10-08"));
	CHECK(cal_add_workdays(&cn2026, D("2026-10-09"), 1) == D("2026-10-10"));
	CHECK(cal_add_workdays(&cn2026, D("2026-10-09"), 2) == D("2026-10-12"));
	CHECK(cal_add_workdays(&cn2026, D("2026-09-21"), -1) == D("2026-09-20"));

	/* 3 working days from Wednesday 09-30: 09-30 itself, then 10-01..07 are off, so 10-08 (Thu)
	 * and 10-09 (Fri) — it finishes on Friday 2026-10-09. */
	CHECK(cal_finish(&cn2026, D("2026-09-30"), 3) == D("2026-10-09"));
	/* 4 days reach the adjusted Saturday 10-10; a task starting in the holiday starts 10-08. */
	CHECK(cal_finish(&cn2026, D("2026-09-30"), 4) == D("2026-10-10"));
	CHECK(cal_finish(&cn2026, D("2026-10-03"), 1) == D("2026-10-08"));
	CHECK(cal_finish(&cn2026, D("2026-10-03"), 0) == D("2026-10-08"));

	/* [09-28, 10-12): 09-28, 09-29, 09-30, then 10-08, 10-09, 10-10 (Sat) = 6. */
	CHECK(cal_workdays_between(&cn2026, D("2026-09-28"), D("2026-10-12")) == 6);
	CHECK(cal_workdays_between(&cn2026, D("2026-10-12"), D("2026-09-28")) == -6);
	/* [09-18, 10-12): 09-18, 09-20 (Sun), 09-21..24, 09-28..30, 10-08..10 = 1+1+4+3+3 = 12. */
	CHECK(cal_workdays_between(&cn2026, D("2026-09-18"), D("2026-10-12")) == 12);
	CHECK(cal_workdays_between(&cn2026, D("2026-10-01"), D("2026-10-08")) == 0);
}

static void
first_workdays(void)
{
	/* 01-01..03 off (New Year), Sunday 01-04 is an adjusted working day. */
	CHECK(cal_first_workday_of_month(&cn2026, D("2026-01-20")) == D("2026-01-04"));
	/* 02-01 is a Sunday; the Spring Festival break (02-15..23) is later in the month. */
	CHECK(cal_first_workday_of_month(&cn2026, D("2026-02-17")) == D("2026-02-02"));
	/* 05-01..05 off (Labour Day). */
	CHECK(cal_first_workday_of_month(&cn2026, D("2026-05-31")) == D("2026-05-06"));
	/* 10-01..07 off (National Day). */
	CHECK(cal_first_workday_of_month(&cn2026, D("2026-10-01")) == D("2026-10-08"));
	CHECK(cal_first_workday_of_month(&cn2026, D("2026-10-31")) == D("2026-10-08"));
	CHECK(cal_first_workday_of_month(&cn2026, D("2026-11-25")) == D("2026-11-02"));
}

/* Whole-year figures and the arithmetic counter against a day-by-day one. */
static void
year_2026(void)
{
	int jan1 = D("2026-01-01"), next = D("2027-01-01"), naive = 0;
	for (int d = jan1; d < next; d++) naive += cal_is_workday(&cn2026, d);
	CHECK(naive == 248);
	CHECK(cal_workdays_between(&cn2026, jan1, next) == 248);
	int bad = 0;
	for (int from = jan1 - 20; from < next + 20; from += 3)
		for (int to = from - 40; to < from + 400; to += 7) {
			int want = 0;
			for (int d = from; d < to; d++) want += cal_is_workday(&cn2026, d);
			for (int d = to; d < from; d++) want -= cal_is_workday(&cn2026, d);
			if (cal_workdays_between(&cn2026, from, to) != want) bad++;
		}
	CHECK(bad == 0);
	/* add_workdays and workdays_between agree: the n-th day after d leaves n in (d, it]. */
	bad = 0;
	for (int d = jan1; d < next; d++)
		for (int n = -15; n <= 15; n++) {
			int r = cal_add_workdays(&cn2026, d, n);
			if (n > 0 && (cal_workdays_between(&cn2026, d + 1, r + 1) != n || !cal_is_workday(&cn2026, r)))
				bad++;
			if (n < 0 && (cal_workdays_between(&cn2026, r, d) != -n || !cal_is_workday(&cn2026, r)))
				bad++;
		}
	CHECK(bad == 0);
}

int
main(void)
{
	if (load_holidays() <= 0)
		printf("  cannot read the 2026 holidays from %s\n",
		       getenv("OPSPLAN_HOLIDAYS") ? getenv("OPSPLAN_HOLIDAYS") : HOLIDAYS_2026);
	RUN(iso_dates);
	RUN(iso_round_trip);
	RUN(weekdays);
	RUN(plain_week);
	RUN(holidays_loaded);
	RUN(national_day);
	RUN(first_workdays);
	RUN(year_2026);
	return unit_done();
}
