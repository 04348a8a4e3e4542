/* Unit tests for mspdi_cal.c: recurring exceptions expanded exactly as Microsoft Project lists
 * them (the DayType 0 copies in calendar-recurring-exceptions-project2013, from
 * ../shared/fixtures/mspdi/), each recurrence type on its own, limits and bad dates, the project
 * calendar of a file as weekdays/hours/exception days (inheritance, first working weekday's
 * periods, refusals), and a stored calendar written as MSPDI and read back. */
#include "unit.h"
#include "mspdi_fixture.h"
#include "format/mspdi_cal.h"
#include "format/mspdi_write.h"

/* Marks in seen[] (indexed from day base) every day of e; the number of days, -1 on error. */
static int
mark(struct arena *a, const struct mspdi_exception *e, int base, char *seen, int nseen, int value)
{
	int *days;
	int n = mspdi_cal_expand(a, e, 100000, &days);
	for (int i = 0; i < n; i++)
		if (days[i] - base >= 0 && days[i] - base < nseen) seen[days[i] - base] = (char)value;
	return n;
}

static void
recurring_like_project(void)
{
	size_t len;
	char *src = slurp("calendar-recurring-exceptions-project2013-mspdi.xml", &len);
	CHECK(src != NULL);
	if (!src) return;
	struct arena a = {0};
	struct mspdi_plan rec, old;
	const char *err;
	int line;
	CHECK(mspdi_read(&a, src, len, &rec, &err, &line) == 0);
	/* the same file without Exceptions: the reader takes Project's expanded DayType 0 copies */
	char *s = strstr(src, "<Exceptions>"), *e = strstr(src, "</Exceptions>");
	CHECK(s && e);
	if (!s || !e) { free(src); return; }
	memmove(s, e + strlen("</Exceptions>"), strlen(e + strlen("</Exceptions>")) + 1);
	CHECK(mspdi_read(&a, src, strlen(src), &old, &err, &line) == 0);
	CHECK(rec.ncalendars >= 1 && old.ncalendars >= 1);
	const struct mspdi_calendar *c1 = &rec.calendars[0], *c2 = &old.calendars[0];
	CHECK(c1->nexceptions == 27 && c2->nexceptions == 138);
	int base = cal_day("2000-01-01"), nseen = cal_day("2011-01-01") - base;
	char *want = calloc((size_t)nseen, 1), *got = calloc((size_t)nseen, 1);
	int nw = 0, ng = 0;
	for (int i = 0; i < c2->nexceptions; i++) nw += mark(&a, &c2->exceptions[i], base, want, nseen, 1 + c2->exceptions[i].working);
	for (int i = 0; i < c1->nexceptions; i++) ng += mark(&a, &c1->exceptions[i], base, got, nseen, 1 + c1->exceptions[i].working);
	CHECK(nw == 140 && ng >= 140);   /* Project's copies are one per day (one three-day range); exceptions may overlap */
	int days_w = 0, days_g = 0;
	for (int i = 0; i < nseen; i++) days_w += want[i] != 0, days_g += got[i] != 0;
	CHECK(days_w == 140 && days_g == 140);
	int diff = -1;
	for (int i = 0; i < nseen && diff < 0; i++)
		if (want[i] != got[i]) diff = i;
	if (diff >= 0) {
		char d[11];
		cal_iso(base + diff, d);
		printf("  first difference on %s: Project %d, expanded %d\n", d, want[diff], got[diff]);
	}
	CHECK(diff < 0);
	/* and as the project calendar: 140 days, the first Saturdays of 2010 working */
	struct mspdi_cal_model m;
	CHECK(mspdi_cal_model(&a, &rec, 1, &m, &err) == 0);
	CHECK(m.ndays == 140);
	CHECK_STR(m.weekdays, "12345");
	CHECK_STR(m.hours, "08:00-12:00,13:00-17:00");
	int working = 0;
	for (int i = 0; i < m.ndays; i++)
		if (!m.days[i].off) {
			char d[11];
			cal_iso(m.days[i].day, d);
			CHECK(!strcmp(d, "2010-01-02") || !strcmp(d, "2010-02-06") || !strcmp(d, "2010-03-06"));
			working++;
		}
	CHECK(working == 3);
	free(want);
	free(got);
	free(src);
	arena_reset(&a);
}

/* The expanded days of one exception as "YYYY-MM-DD …". */
static const char *
days_text(struct arena *a, struct mspdi_exception e)
{
	int *days;
	int n = mspdi_cal_expand(a, &e, 1000, &days);
	if (n < 0) return "error";
	struct buf b = {0};
	for (int i = 0; i < n; i++) {
		char d[11];
		cal_iso(days[i], d);
		buf_addf(&b, "%s%s", i ? " " : "", d);
	}
	const char *s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

static void
each_recurrence(void)
{
	struct arena a = {0};
	/* a single period, and Type 1 (daily) ignoring Occurrences 1 as Project writes it for a range */
	CHECK_STR(days_text(&a, (struct mspdi_exception){ .from = "2026-10-01", .to = "2026-10-03" }),
		  "2026-10-01 2026-10-02 2026-10-03");
	CHECK_STR(days_text(&a, (struct mspdi_exception){ .from = "2026-10-01", .to = "2026-10-02", .type = 1, .occurrences = 1 }),
		  "2026-10-01 2026-10-02");
	/* every 10 days, at most 2 */
	CHECK_STR(days_text(&a, (struct mspdi_exception){ .from = "2026-01-01", .to = "2026-12-31", .type = 7, .period = 10,
							  .occurrences = 2 }), "2026-01-01 2026-01-11");
	/* every second weekday from Friday 2026-01-02: Fri, Tue, Thu */
	CHECK_STR(days_text(&a, (struct mspdi_exception){ .from = "2026-01-02", .to = "2026-01-08", .type = 8, .period = 2 }),
		  "2026-01-02 2026-01-06 2026-01-08");
	/* weekly on Monday and Wednesday every other week, weeks from Sunday 2026-01-04 */
	CHECK_STR(days_text(&a, (struct mspdi_exception){ .from = "2026-01-05", .to = "2026-01-31", .type = 6, .period = 2,
							  .days_of_week = 2 | 8 }),
		  "2026-01-05 2026-01-07 2026-01-19 2026-01-21");
	/* monthly on day 31: the last day of shorter months */
	CHECK_STR(days_text(&a, (struct mspdi_exception){ .from = "2026-01-01", .to = "2026-04-30", .type = 4, .period = 1,
							  .month_day = 31 }),
		  "2026-01-31 2026-02-28 2026-03-31 2026-04-30");
	/* monthly: the last Friday, every 3 months; the last weekday; the second weekend day */
	CHECK_STR(days_text(&a, (struct mspdi_exception){ .from = "2026-01-01", .to = "2026-12-31", .type = 5, .period = 3,
							  .month_item = 8, .month_position = 4 }),
		  "2026-01-30 2026-04-24 2026-07-31 2026-10-30");
	CHECK_STR(days_text(&a, (struct mspdi_exception){ .from = "2026-05-01", .to = "2026-05-31", .type = 5, .period = 1,
							  .month_item = 1, .month_position = 4 }), "2026-05-29");
	CHECK_STR(days_text(&a, (struct mspdi_exception){ .from = "2026-05-01", .to = "2026-05-31", .type = 5, .period = 1,
							  .month_item = 2, .month_position = 1 }), "2026-05-03");
	/* yearly: 1 October (Month 9, 0-based) and the first Monday of June */
	CHECK_STR(days_text(&a, (struct mspdi_exception){ .from = "2025-10-02", .to = "2027-12-31", .type = 2, .month = 9,
							  .month_day = 1 }), "2026-10-01 2027-10-01");
	CHECK_STR(days_text(&a, (struct mspdi_exception){ .from = "2026-01-01", .to = "2027-12-31", .type = 3, .month = 5,
							  .month_item = 4, .month_position = 0, .occurrences = 1 }), "2026-06-01");
	/* refusals: too many days, a date that is not one, a bad month */
	int *days;
	struct mspdi_exception big = { .from = "1900-01-01", .to = "2100-12-31" };
	CHECK(mspdi_cal_expand(&a, &big, MSPDI_CAL_MAX_DAYS, &days) == -1);
	struct mspdi_exception bad = { .from = "2026-02-30", .to = "2026-03-01" };
	CHECK(mspdi_cal_expand(&a, &bad, 100, &days) == -1);
	struct mspdi_exception month = { .from = "2026-01-01", .to = "2026-12-31", .type = 2, .month = 12, .month_day = 1 };
	CHECK(mspdi_cal_expand(&a, &month, 100, &days) == -1);
	/* ToDate before FromDate: the first day only */
	CHECK_STR(days_text(&a, (struct mspdi_exception){ .from = "2026-03-02", .to = "2026-03-01" }), "2026-03-02");
	arena_reset(&a);
}

static struct mspdi_plan
parse(struct arena *a, const char *s)
{
	struct mspdi_plan p;
	const char *err;
	int line;
	if (mspdi_read(a, s, strlen(s), &p, &err, &line)) {
		printf("  parse failed: %s line %d\n", err, line);
		memset(&p, 0, sizeof p);
	}
	return p;
}

#define CAL_HEAD "<Project xmlns=\"http://schemas.microsoft.com/project\"><CalendarUID>2</CalendarUID><Calendars>"
#define WT(f, t) "<WorkingTime><FromTime>" f "</FromTime><ToTime>" t "</ToTime></WorkingTime>"

static void
model_calendar(void)
{
	struct arena a = {0};
	struct mspdi_cal_model m;
	const char *err;
	/* derived calendar 2 on base 1: Sunday worked 07:00-11:00, 11:00-15:00 (joined), Monday off;
	 * its own exception on 2026-10-01 (working) wins over the base's (off) */
	struct mspdi_plan p = parse(&a, CAL_HEAD
		"<Calendar><UID>1</UID><Name>Base</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>"
		"<WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>"
		"<WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes>" WT("08:00:00", "12:00:00") "</WorkingTimes></WeekDay>"
		"<WeekDay><DayType>3</DayType><DayWorking>1</DayWorking><WorkingTimes>" WT("09:00:00", "10:00:00") "</WorkingTimes></WeekDay>"
		"<WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay></WeekDays>"
		"<Exceptions><Exception><TimePeriod><FromDate>2026-10-01T00:00:00</FromDate><ToDate>2026-10-02T23:59:00</ToDate>"
		"</TimePeriod><Type>1</Type><DayWorking>0</DayWorking></Exception></Exceptions></Calendar>"
		"<Calendar><UID>2</UID><Name>Ops night</Name><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>1</BaseCalendarUID>"
		"<WeekDays><WeekDay><DayType>1</DayType><DayWorking>1</DayWorking><WorkingTimes>" WT("07:00:00", "11:00:00")
		WT("11:00:00", "15:00:00") "</WorkingTimes></WeekDay>"
		"<WeekDay><DayType>2</DayType><DayWorking>0</DayWorking></WeekDay></WeekDays>"
		"<Exceptions><Exception><TimePeriod><FromDate>2026-10-01T00:00:00</FromDate><ToDate>2026-10-01T23:59:00</ToDate>"
		"</TimePeriod><DayWorking>1</DayWorking></Exception></Exceptions></Calendar></Calendars></Project>");
	CHECK(mspdi_cal_model(&a, &p, 2, &m, &err) == 0);
	CHECK_STR(m.name, "Ops night");
	/* Tuesday (from the base), Wednesday-Friday (Project's default: working), Sunday (own) */
	CHECK_STR(m.weekdays, "23457");
	/* the periods of the first working weekday, Monday first: Tuesday's, from the base */
	CHECK_STR(m.hours, "09:00-10:00");
	CHECK(m.ndays == 2);
	if (m.ndays == 2) {
		CHECK(m.days[0].day == cal_day("2026-10-01") && m.days[0].off == 0);
		CHECK(m.days[1].day == cal_day("2026-10-02") && m.days[1].off == 1);
	}
	CHECK(mspdi_cal_model(&a, &p, 99, &m, &err) == 1);
	/* night shift: 23:00 to midnight */
	p = parse(&a, CAL_HEAD "<Calendar><UID>2</UID><WeekDays>"
		  "<WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes>" WT("23:00:00", "00:00:00")
		  "</WorkingTimes></WeekDay></WeekDays></Calendar></Calendars></Project>");
	CHECK(mspdi_cal_model(&a, &p, 2, &m, &err) == 0);
	CHECK_STR(m.hours, "23:00-24:00");
	CHECK_STR(m.name, "Calendar 2");
	/* refused: no working weekday; five separate periods */
	p = parse(&a, CAL_HEAD "<Calendar><UID>2</UID><WeekDays>"
		  "<WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay><WeekDay><DayType>2</DayType><DayWorking>0</DayWorking></WeekDay>"
		  "<WeekDay><DayType>3</DayType><DayWorking>0</DayWorking></WeekDay><WeekDay><DayType>4</DayType><DayWorking>0</DayWorking></WeekDay>"
		  "<WeekDay><DayType>5</DayType><DayWorking>0</DayWorking></WeekDay><WeekDay><DayType>6</DayType><DayWorking>0</DayWorking></WeekDay>"
		  "<WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay></WeekDays></Calendar></Calendars></Project>");
	CHECK(mspdi_cal_model(&a, &p, 2, &m, &err) == -1);
	CHECK_STR(err, "mspdi.error.calendar");
	p = parse(&a, CAL_HEAD "<Calendar><UID>2</UID><WeekDays><WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes>"
		  WT("01:00:00", "02:00:00") WT("03:00:00", "04:00:00") WT("05:00:00", "06:00:00") WT("07:00:00", "08:00:00")
		  WT("09:00:00", "10:00:00") "</WorkingTimes></WeekDay></WeekDays></Calendar></Calendars></Project>");
	CHECK(mspdi_cal_model(&a, &p, 2, &m, &err) == -1);
	/* refused: exceptions over the limit */
	p = parse(&a, CAL_HEAD "<Calendar><UID>2</UID><Exceptions><Exception><TimePeriod><FromDate>1900-01-01T00:00:00</FromDate>"
		  "<ToDate>2099-12-31T23:59:00</ToDate></TimePeriod><DayWorking>0</DayWorking></Exception></Exceptions>"
		  "</Calendar></Calendars></Project>");
	CHECK(mspdi_cal_model(&a, &p, 2, &m, &err) == -1);
	CHECK_STR(err, "mspdi.error.calendar_size");
	/* a base calendar chain that loops ends */
	p = parse(&a, CAL_HEAD "<Calendar><UID>2</UID><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>3</BaseCalendarUID></Calendar>"
		  "<Calendar><UID>3</UID><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>2</BaseCalendarUID></Calendar>"
		  "</Calendars></Project>");
	CHECK(mspdi_cal_model(&a, &p, 2, &m, &err) == 0);
	CHECK_STR(m.weekdays, "12345");
	CHECK_STR(m.hours, "08:00-12:00,13:00-17:00");
	arena_reset(&a);
}

static void
from_model_round_trip(void)
{
	struct arena a = {0};
	struct calendar c = {0};
	CHECK(cal_parse_weekdays("123456", &c) == 0);
	CHECK(cal_parse_hours("08:30-12:00,13:00-17:30", &c) == 0);
	struct cal_exception ex[] = { { cal_day("2026-10-01"), 1 }, { cal_day("2026-10-02"), 1 }, { cal_day("2026-10-03"), 1 },
				      { cal_day("2026-10-04"), 0 }, { cal_day("2026-10-08"), 1 } };
	c.ex = ex;
	c.n = 5;
	struct mspdi_plan p = { .calendar_uid = 1 };
	struct mspdi_calendar mc;
	mspdi_cal_from_model(&a, &c, 1, "项目日历", &mc);
	CHECK(mc.working_days[1] == 0 && mc.working_days[2] == 1 && mc.working_days[7] == 1);
	CHECK(mc.ntimes[2] == 2 && mc.times[2][0][0] == 510 && mc.times[2][1][1] == 1050);
	CHECK(mc.nexceptions == 3);   /* 1-3 off, 4 working, 8 off */
	if (mc.nexceptions == 3) {
		CHECK_STR(mc.exceptions[0].from, "2026-10-01");
		CHECK_STR(mc.exceptions[0].to, "2026-10-03");
		CHECK(mc.exceptions[1].working && mc.exceptions[1].ntimes == 2);
	}
	p.calendars = &mc;
	p.ncalendars = 1;
	struct buf out = {0};
	CHECK(mspdi_write(&p, &out) == 0);
	struct mspdi_plan back = parse(&a, buf_str(&out));
	struct mspdi_cal_model m;
	const char *err;
	CHECK(mspdi_cal_model(&a, &back, 1, &m, &err) == 0);
	CHECK_STR(m.name, "项目日历");
	CHECK_STR(m.weekdays, "123456");
	CHECK_STR(m.hours, "08:30-12:00,13:00-17:30");
	CHECK(m.ndays == 5);
	for (int i = 0; i < m.ndays && i < 5; i++) CHECK(m.days[i].day == ex[i].day && m.days[i].off == ex[i].off);
	buf_free(&out);
	/* the zeroed calendar: Monday to Friday, 09:00-12:00 and 13:00-18:00 */
	struct calendar z = {0};
	mspdi_cal_from_model(&a, &z, 1, "standard", &mc);
	CHECK(mc.working_days[1] == 0 && mc.working_days[2] == 1 && mc.working_days[6] == 1 && mc.working_days[7] == 0);
	CHECK(mc.times[2][0][0] == 540 && mc.times[2][1][1] == 1080 && mc.day_minutes[2] == 480 && mc.nexceptions == 0);
	arena_reset(&a);
}

int
main(void)
{
	RUN(recurring_like_project);
	RUN(each_recurrence);
	RUN(model_calendar);
	RUN(from_model_round_trip);
	return unit_done();
}
