/* test_risk.c — the change risk questionnaire: impact is the worst impact answer, likelihood
 * the rounded-up mean of the likelihood answers, the score their product and the level by the
 * documented thresholds; bad answers are named by position. */
#include "unit.h"
#include "engine/risk.h"

static struct risk_result
assess(int s, int u, int o, int t, int b, int d)
{
	int a[RISK_NQ] = { s, u, o, t, b, d };
	struct risk_result r = { -1, -1, -1, NULL };
	CHECK(risk_assess(a, &r) == 0);
	return r;
}

static void
test_questions_fixed(void)
{
	CHECK(RISK_NQ == 6);
	CHECK_STR(risk_questions[0].code, "services");
	CHECK_STR(risk_questions[5].code, "done_before");
	CHECK(risk_index("outage") == 2);
	CHECK(risk_index("backout") == 4);
	CHECK(risk_index("nope") == -1);
	CHECK(risk_index(NULL) == -1);
	int ni = 0;
	for (int i = 0; i < RISK_NQ; i++) ni += risk_questions[i].impact;
	CHECK(ni == 3);
}

static void
test_lowest_and_highest(void)
{
	struct risk_result r = assess(1, 1, 1, 1, 1, 1);
	CHECK(r.impact == 1 && r.likelihood == 1 && r.score == 1);
	CHECK_STR(r.level, "low");
	r = assess(4, 4, 4, 4, 4, 4);
	CHECK(r.impact == 4 && r.likelihood == 4 && r.score == 16);
	CHECK_STR(r.level, "very_high");
}

static void
test_impact_is_the_worst(void)
{
	/* one critical customer-facing service is enough, whatever the users and the outage */
	struct risk_result r = assess(4, 1, 1, 1, 1, 1);
	CHECK(r.impact == 4 && r.likelihood == 1 && r.score == 4);
	CHECK_STR(r.level, "medium");
	r = assess(1, 1, 3, 1, 1, 1);
	CHECK(r.impact == 3 && r.score == 3);
	CHECK_STR(r.level, "low");
}

static void
test_likelihood_rounds_up(void)
{
	CHECK(assess(1, 1, 1, 2, 1, 1).likelihood == 2);   /* 4/3 → 2 */
	CHECK(assess(1, 1, 1, 2, 2, 2).likelihood == 2);   /* exactly 2 */
	CHECK(assess(1, 1, 1, 3, 2, 2).likelihood == 3);   /* 7/3 → 3 */
	CHECK(assess(1, 1, 1, 4, 4, 1).likelihood == 3);   /* 9/3 */
	CHECK(assess(1, 1, 1, 4, 4, 2).likelihood == 4);   /* 10/3 → 4 */
}

static void
test_thresholds(void)
{
	static const struct { int score; const char *level; } t[] = {
		{ 1, "low" }, { 2, "low" }, { 3, "low" }, { 4, "medium" }, { 6, "medium" }, { 8, "high" },
		{ 9, "high" }, { 12, "very_high" }, { 16, "very_high" },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) CHECK_STR(risk_level_of(t[i].score), t[i].level);
	CHECK(risk_level_of(0) == NULL);
	CHECK(risk_level_of(17) == NULL);
	/* a realistic normal change: several services, many users, short outage, partly tested,
	 * back-out documented, done a few times: 3 × 2 = 6 medium */
	struct risk_result r = assess(3, 3, 2, 2, 2, 2);
	CHECK(r.score == 6);
	CHECK_STR(r.level, "medium");
	/* a core database upgrade never done before without a tested back-out: 4 × 3 = 12 */
	r = assess(4, 4, 3, 2, 3, 4);
	CHECK(r.impact == 4 && r.likelihood == 3 && r.score == 12);
	CHECK_STR(r.level, "very_high");
	r = assess(3, 2, 2, 3, 3, 3);
	CHECK(r.score == 9);
	CHECK_STR(r.level, "high");
}

static void
test_bad_answers_named(void)
{
	int a[RISK_NQ] = { 1, 2, 3, 4, 0, 1 };
	struct risk_result r = { 7, 7, 7, "x" };
	CHECK(risk_assess(a, &r) == 5);
	CHECK(r.score == 7 && r.impact == 7);   /* untouched */
	int b[RISK_NQ] = { 5, 1, 1, 1, 1, 1 };
	CHECK(risk_assess(b, &r) == 1);
	int c[RISK_NQ] = { 1, 1, 1, 1, 1, -3 };
	CHECK(risk_assess(c, &r) == 6);
}

int
main(void)
{
	RUN(test_questions_fixed);
	RUN(test_lowest_and_highest);
	RUN(test_impact_is_the_worst);
	RUN(test_likelihood_rounds_up);
	RUN(test_thresholds);
	RUN(test_bad_answers_named);
	return unit_done();
}
