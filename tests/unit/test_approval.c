/* test_approval.c — the approval engine: each quorum (any, all, n), steps taken in order, a
 * rejection, decisions by delegates counted for their approver, delegation in and out of its
 * dates, every segregation-of-duties refusal, who may decide now, and policy selection with its
 * fallbacks and no route. Users: 1 requester, 2 implementer, 10.. approvers, 20.. delegates. */
#include "unit.h"
#include "engine/approval.h"

static const long long tech[] = { 10, 11 };           /* any */
static const long long cab[] = { 11, 10, 12 };        /* 2 of 3 */
static const struct approval_step two[] = {
	{ 1, APPROVAL_ANY, 0, tech, 2 },
	{ 2, APPROVAL_N, 2, cab, 3 },
};
static const struct approval_change chg = { "normal", "medium", 1, 2 };
static const char *today = "2026-11-25";

static int
may(const struct approval_change *c, const struct approval_step *s, int ns, const struct approval_decision *d, int nd,
    const struct approval_delegation *g, int ng, long long u, int step, long long *ob)
{
	long long dummy;
	return approval_may_decide(c, s, ns, d, nd, g, ng, today, u, step, ob ? ob : &dummy);
}

static void
test_quorum_any(void)
{
	struct approval_state st;
	approval_evaluate(two, 1, NULL, 0, &st);
	CHECK(st.status == APPROVAL_PENDING && st.current == 0 && st.approvals == 0 && st.needed == 1);
	struct approval_decision d[] = { { 1, 11, 0, 1 } };
	approval_evaluate(two, 1, d, 1, &st);
	CHECK(st.status == APPROVAL_APPROVED && st.current == -1);
	/* a decision by someone who is not an approver of the step does not count */
	struct approval_decision x[] = { { 1, 99, 0, 1 } };
	approval_evaluate(two, 1, x, 1, &st);
	CHECK(st.status == APPROVAL_PENDING && st.current == 0);
}

static void
test_quorum_all(void)
{
	static const struct approval_step all[] = { { 1, APPROVAL_ALL, 0, cab, 3 } };
	struct approval_decision d[] = { { 1, 11, 0, 1 }, { 1, 12, 0, 1 } };
	struct approval_state st;
	approval_evaluate(all, 1, d, 2, &st);
	CHECK(st.status == APPROVAL_PENDING && st.approvals == 2 && st.needed == 3);
	struct approval_decision e[] = { { 1, 11, 0, 1 }, { 1, 12, 0, 1 }, { 1, 10, 0, 1 } };
	approval_evaluate(all, 1, e, 3, &st);
	CHECK(st.status == APPROVAL_APPROVED);
	/* the same approver twice is one approval */
	struct approval_decision f[] = { { 1, 11, 0, 1 }, { 1, 11, 0, 1 }, { 1, 12, 0, 1 } };
	approval_evaluate(all, 1, f, 3, &st);
	CHECK(st.status == APPROVAL_PENDING && st.approvals == 2);
}

static void
test_quorum_n(void)
{
	struct approval_decision d[] = { { 1, 10, 0, 1 }, { 2, 12, 0, 1 } };
	struct approval_state st;
	approval_evaluate(two, 2, d, 2, &st);
	CHECK(st.status == APPROVAL_PENDING && st.current == 1 && st.approvals == 1 && st.needed == 2);
	struct approval_decision e[] = { { 1, 10, 0, 1 }, { 2, 12, 0, 1 }, { 2, 10, 0, 1 } };
	approval_evaluate(two, 2, e, 3, &st);
	CHECK(st.status == APPROVAL_APPROVED);
}

static void
test_steps_in_order(void)
{
	/* CAB approvals given before the technical review do not skip it */
	struct approval_decision d[] = { { 2, 12, 0, 1 }, { 2, 11, 0, 1 } };
	struct approval_state st;
	approval_evaluate(two, 2, d, 2, &st);
	CHECK(st.status == APPROVAL_PENDING && st.current == 0);
	/* step 2's approver may not decide while step 1 is current; step 1 is current */
	CHECK(may(&chg, two, 2, NULL, 0, NULL, 0, 12, 0, NULL) == APPROVAL_NOT_APPROVER);
	CHECK(may(&chg, two, 2, NULL, 0, NULL, 0, 12, 2, NULL) == APPROVAL_NOT_CURRENT);
	CHECK(may(&chg, two, 2, NULL, 0, NULL, 0, 10, 1, NULL) == APPROVAL_OK);
	struct approval_decision e[] = { { 1, 11, 0, 1 } };
	CHECK(may(&chg, two, 2, e, 1, NULL, 0, 10, 1, NULL) == APPROVAL_NOT_CURRENT);
	CHECK(may(&chg, two, 2, e, 1, NULL, 0, 12, 2, NULL) == APPROVAL_OK);
	CHECK(may(&chg, two, 2, e, 1, NULL, 0, 12, 0, NULL) == APPROVAL_OK);
	/* no steps: nothing to wait for */
	approval_evaluate(two, 0, NULL, 0, &st);
	CHECK(st.status == APPROVAL_APPROVED);
}

static void
test_rejection(void)
{
	struct approval_decision d[] = { { 1, 10, 0, 1 }, { 2, 11, 0, 0 } };
	struct approval_state st;
	approval_evaluate(two, 2, d, 2, &st);
	CHECK(st.status == APPROVAL_REJECTED && st.current == -1);
	CHECK(may(&chg, two, 2, d, 2, NULL, 0, 12, 0, NULL) == APPROVAL_CLOSED);
	struct approval_who w[4];
	CHECK(approval_who_may_decide(&chg, two, 2, d, 2, NULL, 0, today, w, 4) == 0);
	/* approved: closed too */
	struct approval_decision e[] = { { 1, 10, 0, 1 }, { 2, 11, 0, 1 }, { 2, 12, 0, 1 } };
	CHECK(may(&chg, two, 2, e, 3, NULL, 0, 10, 0, NULL) == APPROVAL_CLOSED);
}

static void
test_already_decided(void)
{
	struct approval_decision d[] = { { 1, 10, 0, 1 }, { 2, 12, 0, 1 } };
	CHECK(may(&chg, two, 2, d, 2, NULL, 0, 12, 0, NULL) == APPROVAL_DECIDED);
	CHECK(may(&chg, two, 2, d, 2, NULL, 0, 11, 0, NULL) == APPROVAL_OK);
	CHECK(may(&chg, two, 2, d, 2, NULL, 0, 50, 0, NULL) == APPROVAL_NOT_APPROVER);
}

static void
test_delegation_dates(void)
{
	struct approval_delegation g[] = { { 10, 20, "2026-11-20", "2026-11-25" }, { 12, 21, "2026-11-26", "2026-11-30" } };
	long long ob = -1;
	CHECK(may(&chg, two, 2, NULL, 0, g, 2, 20, 0, &ob) == APPROVAL_OK && ob == 10);
	/* before its first day: 21 does not yet stand in for 12 */
	struct approval_decision d[] = { { 1, 10, 0, 1 } };
	CHECK(may(&chg, two, 2, d, 1, g, 2, 21, 0, NULL) == APPROVAL_NOT_APPROVER);
	CHECK(approval_in_force(&g[0], "2026-11-20") && approval_in_force(&g[0], "2026-11-25"));
	CHECK(!approval_in_force(&g[0], "2026-11-19") && !approval_in_force(&g[0], "2026-11-26"));
	long long ob2 = 0;
	CHECK(approval_may_decide(&chg, two, 2, d, 1, g, 2, "2026-11-26", 21, 0, &ob2) == APPROVAL_OK && ob2 == 12);
	CHECK(approval_may_decide(&chg, two, 2, d, 1, g, 2, "2026-12-01", 21, 0, &ob2) == APPROVAL_NOT_APPROVER);
	/* a delegate's decision counts for the approver: the approver has decided */
	struct approval_decision e[] = { { 1, 20, 10, 1 } };
	struct approval_state st;
	approval_evaluate(two, 2, e, 1, &st);
	CHECK(st.current == 1);
	struct approval_decision f[] = { { 1, 10, 0, 1 }, { 2, 20, 10, 1 } };
	CHECK(may(&chg, two, 2, f, 2, g, 2, 10, 0, NULL) == APPROVAL_DECIDED);
	CHECK(may(&chg, two, 2, f, 2, g, 2, 20, 0, NULL) == APPROVAL_DECIDED);
	/* the delegate decides for themselves first when they are an approver too */
	struct approval_delegation h[] = { { 10, 12, "2026-11-01", "2026-11-30" } };
	struct approval_decision one[] = { { 1, 11, 0, 1 } };
	CHECK(may(&chg, two, 2, one, 1, h, 1, 12, 0, &ob) == APPROVAL_OK && ob == 0);
	struct approval_decision own[] = { { 1, 11, 0, 1 }, { 2, 12, 0, 1 } };
	CHECK(may(&chg, two, 2, own, 2, h, 1, 12, 0, &ob) == APPROVAL_OK && ob == 10);
}

static void
test_segregation(void)
{
	/* the requester is an approver, has a delegation in force, and is refused anyway */
	static const long long withreq[] = { 1, 10 };
	static const struct approval_step s[] = { { 1, APPROVAL_ANY, 0, withreq, 2 } };
	struct approval_delegation g[] = { { 10, 1, "2026-11-01", "2026-11-30" }, { 1, 20, "2026-11-01", "2026-11-30" } };
	CHECK(may(&chg, s, 1, NULL, 0, g, 2, 1, 0, NULL) == APPROVAL_REQUESTER);
	/* nobody stands in for the requester either */
	CHECK(may(&chg, s, 1, NULL, 0, g, 2, 20, 0, NULL) == APPROVAL_NOT_APPROVER);
	/* the implementer of a high or very_high change; not of a low or medium one */
	static const long long withimpl[] = { 2, 10 };
	static const struct approval_step t[] = { { 1, APPROVAL_ANY, 0, withimpl, 2 } };
	struct approval_change hi = { "normal", "high", 1, 2 }, vh = { "normal", "very_high", 1, 2 };
	struct approval_change lo = { "normal", "low", 1, 2 }, me = { "normal", "medium", 1, 2 };
	CHECK(may(&hi, t, 1, NULL, 0, NULL, 0, 2, 0, NULL) == APPROVAL_IMPLEMENTER);
	CHECK(may(&vh, t, 1, NULL, 0, NULL, 0, 2, 0, NULL) == APPROVAL_IMPLEMENTER);
	CHECK(may(&lo, t, 1, NULL, 0, NULL, 0, 2, 0, NULL) == APPROVAL_OK);
	CHECK(may(&me, t, 1, NULL, 0, NULL, 0, 2, 0, NULL) == APPROVAL_OK);
	/* the implementer of a high change as a delegate */
	struct approval_delegation d2[] = { { 10, 2, "2026-11-01", "2026-11-30" } };
	CHECK(may(&hi, two, 2, NULL, 0, d2, 1, 2, 0, NULL) == APPROVAL_IMPLEMENTER);
	/* requester before everything else, even when the change is closed */
	struct approval_decision rej[] = { { 1, 10, 0, 0 } };
	CHECK(may(&chg, two, 2, rej, 1, NULL, 0, 1, 0, NULL) == APPROVAL_REQUESTER);
	CHECK_STR(approval_reason_name(APPROVAL_REQUESTER), "requester");
	CHECK_STR(approval_reason_name(APPROVAL_IMPLEMENTER), "implementer");
	CHECK_STR(approval_reason_name(APPROVAL_NOT_CURRENT), "not_current");
	CHECK_STR(approval_reason_name(APPROVAL_DECIDED), "decided");
	CHECK_STR(approval_reason_name(APPROVAL_NOT_APPROVER), "not_approver");
}

static void
test_who_may_decide(void)
{
	struct approval_delegation g[] = { { 11, 20, "2026-11-20", "2026-11-30" }, { 12, 21, "2026-12-01", "2026-12-05" },
				     { 12, 1, "2026-11-01", "2026-11-30" } };
	struct approval_decision d[] = { { 1, 10, 0, 1 }, { 2, 10, 0, 1 } };
	struct approval_who w[8];
	int n = approval_who_may_decide(&chg, two, 2, d, 2, g, 3, today, w, 8);
	/* step 2: 11 and their delegate 20, 12 (21 not yet; 1 is the requester); 10 has decided */
	CHECK(n == 3);
	CHECK(w[0].user == 11 && w[0].on_behalf == 0);
	CHECK(w[1].user == 20 && w[1].on_behalf == 11);
	CHECK(w[2].user == 12 && w[2].on_behalf == 0);
	/* max smaller than the answer: the count still says how many */
	CHECK(approval_who_may_decide(&chg, two, 2, d, 2, g, 3, today, w, 1) == 3);
	/* the implementer of a high change is left out */
	struct approval_change hi = { "normal", "high", 1, 11 };
	n = approval_who_may_decide(&hi, two, 2, d, 2, g, 3, today, w, 8);
	CHECK(n == 1 && w[0].user == 12);
}

static void
test_select(void)
{
	struct approval_policy p[] = {
		{ 1, "change", "*", "*", 1 },
		{ 2, "change", "*", "high", 1 },
		{ 3, "change", "normal", "*", 1 },
		{ 4, "change", "normal", "low", 1 },
		{ 5, "change", "normal", "medium", 0 },          /* inactive */
		{ 6, "freeze_override", "emergency", "low", 1 }, /* another kind */
		{ 7, "change", "normal", "low", 1 },             /* a second exact match: the first wins */
	};
	CHECK(approval_select(p, 7, "normal", "low") == 3);
	CHECK(approval_select(p, 7, "normal", "medium") == 2);   /* inactive exact → (type, *) */
	CHECK(approval_select(p, 7, "emergency", "high") == 1);  /* (*, risk) */
	CHECK(approval_select(p, 7, "emergency", "low") == 0);   /* (*, *) */
	CHECK(approval_select(p, 7, "normal", NULL) == 2);       /* not assessed: only * */
	CHECK(approval_select(p, 7, "emergency", "") == 0);
	CHECK(approval_select(p + 1, 1, "emergency", "low") == -1);  /* no route */
	CHECK(approval_select(p + 3, 4, "emergency", "low") == -1);
	CHECK(approval_select(p, 0, "normal", "low") == -1);
	CHECK(approval_select(p, 7, NULL, "low") == -1);
	CHECK(approval_select(p, 7, "standard", "low") == -1);  /* pre-approved, even with a (*, *) policy */
	CHECK(approval_quorum_parse("any") == APPROVAL_ANY && approval_quorum_parse("all") == APPROVAL_ALL && approval_quorum_parse("n") == APPROVAL_N);
	CHECK(approval_quorum_parse("most") == -1 && approval_quorum_parse(NULL) == -1);
}

int
main(void)
{
	RUN(test_quorum_any);
	RUN(test_quorum_all);
	RUN(test_quorum_n);
	RUN(test_steps_in_order);
	RUN(test_rejection);
	RUN(test_already_decided);
	RUN(test_delegation_dates);
	RUN(test_segregation);
	RUN(test_who_may_decide);
	RUN(test_select);
	return unit_done();
}
