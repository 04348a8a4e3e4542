/* test_changekpi.c — the change KPIs over a hand-computed period: six changes (two standard,
 * three normal, one emergency), four closed with a close code of which three count as
 * successful, lead times of 24 h and 48 h (and one change never submitted or implemented), the
 * changes per CI with a repeated link counted once; and the empty period. */
#include "unit.h"
#include "engine/changekpi.h"

static void
test_example(void)
{
	/* hours as seconds from an arbitrary origin */
	const long long h = 3600;
	struct changekpi_change c[] = {
		{ "standard", "closed", "successful", 10 * h, 34 * h },                /* lead 24 h */
		{ "normal", "closed", "successful_with_issues", 0 * h, 48 * h },        /* submitted at 0: not counted */
		{ "normal", "closed", "rolled_back", 100 * h, 148 * h },                /* lead 48 h */
		{ "emergency", "closed", "successful", 5 * h, 0 },                      /* never implemented */
		{ "normal", "rejected", "", 7 * h, 0 },
		{ "standard", "new", "", 0, 0 },
	};
	struct changekpi_ci_link l[] = { { 0, "DB-01" }, { 1, "DB-01" }, { 1, "NET-01" }, { 2, "APP-01" }, { 2, "DB-01" },
				  { 2, "DB-01" }, { 3, "NET-01" } };
	struct changekpi_ci_count per[7];
	struct changekpi_kpi k;
	CHECK(changekpi_compute(c, 6, l, 7, per, &k) == 0);
	CHECK(k.total == 6);
	CHECK(k.by_type[0] == 2 && k.by_type[1] == 3 && k.by_type[2] == 1);
	CHECK(k.by_state[6] == 4 && k.by_state[7] == 1 && k.by_state[0] == 1 && k.by_state[4] == 0);
	CHECK(k.by_close[0] == 2 && k.by_close[1] == 1 && k.by_close[2] == 0 && k.by_close[3] == 1);
	CHECK(k.closed_with_code == 4 && k.successful == 3);
	char s[32];
	changekpi_fmt(k.success_pct, s);
	CHECK_STR(s, "75.0");
	CHECK(k.emergency == 1);
	changekpi_fmt(k.emergency_pct, s);
	CHECK_STR(s, "16.7");
	CHECK(k.lead_n == 2);
	changekpi_fmt(k.lead_hours, s);
	CHECK_STR(s, "36.0");
	/* DB-01: changes 0, 1, 2 (2 linked twice) → 3; NET-01: 1, 3 → 2; APP-01: 1 */
	CHECK(k.nci == 3);
	CHECK_STR(k.per_ci[0].ci, "DB-01");
	CHECK(k.per_ci[0].n == 3);
	CHECK_STR(k.per_ci[1].ci, "NET-01");
	CHECK(k.per_ci[1].n == 2);
	CHECK_STR(k.per_ci[2].ci, "APP-01");
	CHECK(k.per_ci[2].n == 1);
}

static void
test_ties_by_code(void)
{
	struct changekpi_change c[] = { { "normal", "new", "", 0, 0 } };
	struct changekpi_ci_link l[] = { { 0, "ZZ" }, { 0, "AA" }, { 0, "MM" } };
	struct changekpi_ci_count per[3];
	struct changekpi_kpi k;
	CHECK(changekpi_compute(c, 1, l, 3, per, &k) == 0);
	CHECK(k.nci == 3);
	CHECK_STR(per[0].ci, "AA");
	CHECK_STR(per[1].ci, "MM");
	CHECK_STR(per[2].ci, "ZZ");
	struct changekpi_ci_link bad[] = { { 1, "AA" } };
	CHECK(changekpi_compute(c, 1, bad, 1, per, &k) == -1);
}

static void
test_empty(void)
{
	struct changekpi_kpi k;
	CHECK(changekpi_compute(NULL, 0, NULL, 0, NULL, &k) == 0);
	CHECK(k.total == 0 && k.nci == 0 && k.lead_n == 0);
	char s[32];
	changekpi_fmt(k.success_pct, s);
	CHECK_STR(s, "");
	changekpi_fmt(k.emergency_pct, s);
	CHECK_STR(s, "");
	changekpi_fmt(k.lead_hours, s);
	CHECK_STR(s, "");
}

int
main(void)
{
	RUN(test_example);
	RUN(test_ties_by_code);
	RUN(test_empty);
	return unit_done();
}
