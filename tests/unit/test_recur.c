/* Unit tests for recur.c: which rule texts are accepted, and the next firing date of each rule
 * under China's 2026 holidays and adjusted working days (read from the shared fixture file,
 * OPSPLAN_HOLIDAYS overrides its path) and under a made-up calendar for the month-spill case. */
#include "unit.h"
#include "engine/recur.h"

#include "holidays_fixture.h"

#define D(s) cal_day(s)
#define NEXT(rule, from) recur_next(rule, &cn2026, D(from))

static void
rules_valid(void)
{
	CHECK(recur_valid("monthly-first-workday"));
	CHECK(recur_valid("monthly-last-workday"));
	CHECK(recur_valid("daily-workday"));
	CHECK(recur_valid("monthly-day:1"));
	CHECK(recur_valid("monthly-day:15"));
	CHECK(recur_valid("monthly-day:28"));
	CHECK(recur_valid("weekly:1"));
	CHECK(recur_valid("weekly:7"));
}

static void
rules_refused(void)
{
	CHECK(!recur_valid(NULL));
	CHECK(!recur_valid(""));
	CHECK(!recur_valid("monthly-day:0"));
	CHECK(!recur_valid("monthly-day:29"));
	CHECK(!recur_valid("monthly-day:31"));
	CHECK(!recur_valid("monthly-day:100"));
	CHECK(!recur_valid("monthly-day:"));
	CHECK(!recur_valid("monthly-day:05"));         /* no leading zeros */
	CHECK(!recur_valid("monthly-day:-1"));
	CHECK(!recur_valid("monthly-day: 5"));
	CHECK(!recur_valid("monthly-day:5x"));
	CHECK(!recur_valid("monthly-day"));
	CHECK(!recur_valid("weekly:0"));
	CHECK(!recur_valid("weekly:8"));
	CHECK(!recur_valid("weekly:"));
	CHECK(!recur_valid("weekly:12"));
	CHECK(!recur_valid("weekly:1 "));
	CHECK(!recur_valid("monthly-first-workday "));
	CHECK(!recur_valid("monthly-first-workdayx"));
	CHECK(!recur_valid("Monthly-First-Workday"));
	CHECK(!recur_valid("daily-workday\n"));
	CHECK(!recur_valid("daily"));
	CHECK(!recur_valid("yearly"));
	CHECK(recur_next("weekly:8", &cn2026, D("2026-10-01")) == -1);
	CHECK(recur_next("monthly-day:29", NULL, D("2026-10-01")) == -1);
	CHECK(recur_next(NULL, NULL, D("2026-10-01")) == -1);
	CHECK(recur_next("daily-workday", NULL, -1) == -1);
}

static void
monthly_first_workday(void)
{
	const char *r = "monthly-first-workday";
	CHECK(NEXT(r, "2026-09-15") == D("2026-10-08"));    /* 10-01..07 National Day */
	CHECK(NEXT(r, "2026-10-01") == D("2026-10-08"));
	CHECK(NEXT(r, "2026-10-08") == D("2026-10-08"));    /* >= from: the day itself */
	CHECK(NEXT(r, "2026-10-09") == D("2026-11-02"));    /* 11-01 is a Sunday */
	CHECK(NEXT(r, "2026-01-01") == D("2026-01-04"));    /* Sunday 01-04 is an adjusted working day */
	CHECK(NEXT(r, "2026-01-05") == D("2026-02-02"));
	CHECK(NEXT(r, "2026-04-02") == D("2026-05-06"));    /* 05-01..05 Labour Day */
	CHECK(NEXT(r, "2026-12-02") == D("2027-01-01"));    /* past the file: plain Friday */
	/* Chained from 01-01, exactly one firing a month, on the days the file gives. */
	static const char *want[12] = {
		"2026-01-04", "2026-02-02", "2026-03-02", "2026-04-01", "2026-05-06", "2026-06-01",
		"2026-07-01", "2026-08-03", "2026-09-01", "2026-10-08", "2026-11-02", "2026-12-01",
	};
	int f = D("2026-01-01");
	for (int i = 0; i < 12; i++) {
		f = recur_next(r, &cn2026, f);
		CHECK(f == D(want[i]));
		f++;
	}
}

static void
monthly_last_workday(void)
{
	const char *r = "monthly-last-workday";
	CHECK(NEXT(r, "2026-01-01") == D("2026-01-30"));    /* 01-31 is a Saturday */
	CHECK(NEXT(r, "2026-01-31") == D("2026-02-28"));    /* Saturday 02-28 is an adjusted working day */
	CHECK(NEXT(r, "2026-09-30") == D("2026-09-30"));
	CHECK(NEXT(r, "2026-10-01") == D("2026-10-30"));    /* 10-31 is a Saturday */
	CHECK(NEXT(r, "2026-05-30") == D("2026-06-30"));    /* 05-29 Fri was May's */
	CHECK(NEXT(r, "2026-12-01") == D("2026-12-31"));
	CHECK(recur_next(r, NULL, D("9999-12-01")) == D("9999-12-31"));  /* a Friday */
}

/* monthly-day:N moves forward to a working day; the moved date still belongs to its month. */
static void
monthly_day(void)
{
	CHECK(NEXT("monthly-day:15", "2026-02-01") == D("2026-02-24"));  /* 02-15..23 Spring Festival */
	CHECK(NEXT("monthly-day:15", "2026-02-24") == D("2026-02-24"));
	CHECK(NEXT("monthly-day:15", "2026-02-25") == D("2026-03-16"));  /* 03-15 is a Sunday */
	CHECK(NEXT("monthly-day:1", "2026-09-02") == D("2026-10-08"));
	CHECK(NEXT("monthly-day:28", "2026-02-01") == D("2026-02-28"));  /* adjusted Saturday */
	CHECK(NEXT("monthly-day:28", "2026-11-29") == D("2026-11-30"));  /* Saturday 11-28 */
	CHECK(NEXT("monthly-day:5", "2026-05-02") == D("2026-05-06"));
	CHECK(recur_next("monthly-day:5", NULL, 0) == D("1970-01-05"));  /* the first month has no predecessor */
	CHECK(recur_next("monthly-day:28", NULL, D("2026-12-29")) == D("2027-01-28"));

	/* A made-up calendar takes 04-28..30 (Tue..Thu) off: April's 28th moves to Friday 05-01,
	 * which is April's firing; May's own is 05-28. */
	static const struct cal_exception spill_ex[] = {
		{ 20571, 1 }, { 20572, 1 }, { 20573, 1 },     /* 2026-04-28, -29, -30 */
	};
	struct calendar spill = { .ex = spill_ex, .n = 3 };
	CHECK(spill_ex[0].day == D("2026-04-28") && spill_ex[2].day == D("2026-04-30"));
	CHECK(recur_next("monthly-day:28", &spill, D("2026-04-20")) == D("2026-05-01"));
	CHECK(recur_next("monthly-day:28", &spill, D("2026-05-01")) == D("2026-05-01"));
	CHECK(recur_next("monthly-day:28", &spill, D("2026-05-02")) == D("2026-05-28"));
}

/* weekly:D is the plain weekday, holiday or not. */
static void
weekly(void)
{
	CHECK(NEXT("weekly:3", "2026-11-25") == D("2026-11-25"));    /* a Wednesday */
	CHECK(NEXT("weekly:3", "2026-11-26") == D("2026-12-02"));
	CHECK(NEXT("weekly:4", "2026-10-01") == D("2026-10-01"));    /* National Day, not moved */
	CHECK(NEXT("weekly:7", "2026-10-01") == D("2026-10-04"));
	CHECK(NEXT("weekly:1", "2026-10-04") == D("2026-10-05"));
	CHECK(NEXT("weekly:1", "2026-10-06") == D("2026-10-12"));
	for (int d = 1; d <= 7; d++) {
		char rule[] = "weekly:0";
		rule[7] = (char)('0' + d);
		int f = NEXT(rule, "2026-11-25");
		CHECK(cal_weekday(f) == d && f >= D("2026-11-25") && f < D("2026-11-25") + 7);
	}
}

static void
daily_workday(void)
{
	CHECK(NEXT("daily-workday", "2026-09-30") == D("2026-09-30"));
	CHECK(NEXT("daily-workday", "2026-10-01") == D("2026-10-08"));
	CHECK(NEXT("daily-workday", "2026-10-10") == D("2026-10-10"));   /* adjusted Saturday */
	CHECK(NEXT("daily-workday", "2026-10-11") == D("2026-10-12"));
	int count = 0;
	for (int f = D("2026-01-01"); (f = recur_next("daily-workday", &cn2026, f)) < D("2027-01-01"); f++)
		count++;
	CHECK(count == 248);                                            /* 2026's working days */
}

int
main(void)
{
	if (load_holidays() <= 0)
		printf("  cannot read the 2026 holidays from %s\n",
		       getenv("OPSPLAN_HOLIDAYS") ? getenv("OPSPLAN_HOLIDAYS") : HOLIDAYS_2026);
	RUN(rules_valid);
	RUN(rules_refused);
	RUN(monthly_first_workday);
	RUN(monthly_last_workday);
	RUN(monthly_day);
	RUN(weekly);
	RUN(daily_workday);
	return unit_done();
}
