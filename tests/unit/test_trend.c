/* Unit tests for trendline.c: the report days of a milestone trend chart, the line of one
 * milestone over them (the date in force on each report day, ending on the diagonal when the
 * milestone is reached) and the axis scale. */
#include "unit.h"
#include "engine/cal.h"
#include "plan/trend.h"
#include "engine/trendline.h"

#define D(s) cal_day(s)

static void
report_days_sorted_unique_up_to_status(void)
{
	int days[8] = { D("2026-11-12"), D("2026-11-05"), D("2026-11-12"), D("2026-11-26"), D("2026-11-05"),
			D("2026-12-10") };
	int n = trendline_days(days, 6, D("2026-11-30"));
	CHECK(n == 4);
	CHECK(days[0] == D("2026-11-05"));
	CHECK(days[1] == D("2026-11-12"));
	CHECK(days[2] == D("2026-11-26"));
	CHECK(days[3] == D("2026-11-30"));   /* the status date ends the list; 12-10 was later */
}

static void
report_days_status_already_there_or_alone(void)
{
	int days[4] = { D("2026-11-26"), D("2026-11-05") };
	int n = trendline_days(days, 2, D("2026-11-26"));
	CHECK(n == 2);
	CHECK(days[0] == D("2026-11-05") && days[1] == D("2026-11-26"));
	int none[1];
	CHECK(trendline_days(none, 0, D("2026-11-26")) == 1);
	CHECK(none[0] == D("2026-11-26"));
}

static void
line_follows_the_date_in_force(void)
{
	/* planned 12-09 on 11-05, slipped to 12-11 on 11-12 and to 12-14 on 11-26 */
	struct trendline_row rows[] = { { D("2026-11-05"), D("2026-12-09") }, { D("2026-11-12"), D("2026-12-11") },
				    { D("2026-11-26"), D("2026-12-14") } };
	int days[] = { D("2026-11-05"), D("2026-11-12"), D("2026-11-19"), D("2026-11-26"), D("2026-12-01") };
	struct trendline_point p[5];
	int reached = -1;
	int n = trendline_points(rows, 3, days, 5, p, &reached);
	CHECK(n == 5);
	CHECK(reached == 0);
	CHECK(p[0].x == D("2026-11-05") && p[0].y == D("2026-12-09"));
	CHECK(p[1].x == D("2026-11-12") && p[1].y == D("2026-12-11"));
	CHECK(p[2].x == D("2026-11-19") && p[2].y == D("2026-12-11"));   /* no change that day: still 12-11 */
	CHECK(p[3].y == D("2026-12-14"));
	CHECK(p[4].x == D("2026-12-01") && p[4].y == D("2026-12-14"));
}

static void
line_starts_at_the_first_record(void)
{
	/* a milestone added on 11-20: nothing on the report days before */
	struct trendline_row rows[] = { { D("2026-11-20"), D("2026-12-20") } };
	int days[] = { D("2026-11-05"), D("2026-11-12"), D("2026-11-20"), D("2026-11-30") };
	struct trendline_point p[4];
	int reached;
	int n = trendline_points(rows, 1, days, 4, p, &reached);
	CHECK(n == 2);
	CHECK(p[0].x == D("2026-11-20") && p[1].x == D("2026-11-30"));
	CHECK(trendline_points(rows, 0, days, 4, p, &reached) == 0);   /* no history, no line */
}

static void
line_ends_on_the_diagonal_when_reached(void)
{
	/* planned 11-17 throughout; the report days 11-05, 11-12, 11-26: reached between them */
	struct trendline_row rows[] = { { D("2026-11-05"), D("2026-11-17") } };
	int days[] = { D("2026-11-05"), D("2026-11-12"), D("2026-11-26"), D("2026-12-03") };
	struct trendline_point p[4];
	int reached = 0;
	int n = trendline_points(rows, 1, days, 4, p, &reached);
	CHECK(n == 3);
	CHECK(reached == 1);
	CHECK(p[2].x == D("2026-11-17") && p[2].y == D("2026-11-17"));   /* on the diagonal, not at 11-26 */
	/* reached exactly on a report day */
	int days2[] = { D("2026-11-05"), D("2026-11-17"), D("2026-11-26") };
	n = trendline_points(rows, 1, days2, 3, p, &reached);
	CHECK(n == 2 && reached == 1 && p[1].x == D("2026-11-17") && p[1].y == D("2026-11-17"));
}

static void
line_pulled_before_the_last_point_stays_right_of_it(void)
{
	/* on 11-20 the milestone was moved back to 11-10, before the previous report day */
	struct trendline_row rows[] = { { D("2026-11-05"), D("2026-11-25") }, { D("2026-11-20"), D("2026-11-10") } };
	int days[] = { D("2026-11-05"), D("2026-11-12"), D("2026-11-20"), D("2026-11-27") };
	struct trendline_point p[4];
	int reached = 0;
	int n = trendline_points(rows, 2, days, 4, p, &reached);
	CHECK(n == 3 && reached == 1);
	CHECK(p[2].x == D("2026-11-12") && p[2].y == D("2026-11-10"));   /* never left of the previous point */
}

static void
scale_maps_the_range(void)
{
	CHECK(trendline_scale(10, 10, 20, 70, 836) == 70);
	CHECK(trendline_scale(20, 10, 20, 70, 836) == 836);
	CHECK(trendline_scale(15, 10, 20, 464, 44) == 254);   /* the y axis runs upwards */
	CHECK(trendline_scale(15, 10, 10, 70, 836) == 70);    /* an empty range does not divide by zero */
}

int
main(void)
{
	RUN(report_days_sorted_unique_up_to_status);
	RUN(report_days_status_already_there_or_alone);
	RUN(line_follows_the_date_in_force);
	RUN(line_starts_at_the_first_record);
	RUN(line_ends_on_the_diagonal_when_reached);
	RUN(line_pulled_before_the_last_point_stays_right_of_it);
	RUN(scale_maps_the_range);
	return unit_done();
}
