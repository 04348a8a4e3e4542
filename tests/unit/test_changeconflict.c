/* test_changeconflict.c — the pure parts of the conflict check (the findings' stable order,
 * their JSON, the window's days, overlap) and of the decisions' workflow: where a decision
 * takes a change, and that the engine's rows of the transition table are never offered to a
 * user's step form. */
#include "unit.h"
#include "engine/approval.h"
#include "change/conflict.h"
#include "change/transition.h"

static struct conflict_finding
F(const char *kind, const char *ref, const char *ci, const char *via, const char *from)
{
	return (struct conflict_finding){ kind, ref, "n", ci, via, from, "2027-01-10T02:00", "x" };
}

static void
test_sort_order(void)
{
	struct conflict_finding f[] = { F("task", "12", "", "", "2027-01-09"), F("outside", "", "DB-CORE-01", "", "2027-01-09T22:00"),
				  F("change", "CHG-2027-0002", "DB-CORE-01", "SRV-RAC-01", "a"), F("freeze", "3", "", "", "b"),
				  F("change", "CHG-2027-0002", "DB-CORE-01", "DB-CORE-01", "a"), F("task", "9", "", "", "2027-01-08"),
				  F("change", "CHG-2026-0100", "DB-CORE-01", "DB-CORE-01", "a") };
	int n = (int)(sizeof f / sizeof *f);
	conflict_sort(f, n);
	CHECK_STR(f[0].ref, "CHG-2026-0100");
	CHECK_STR(f[1].via, "DB-CORE-01");
	CHECK_STR(f[2].via, "SRV-RAC-01");
	CHECK_STR(f[3].kind, "freeze");
	CHECK_STR(f[4].kind, "outside");
	CHECK_STR(f[5].ref, "9");     /* ids compare as numbers: 9 before 12 */
	CHECK_STR(f[6].ref, "12");
}

static void
test_json_stable(void)
{
	struct conflict_finding a[] = { F("freeze", "3", "", "", "2027-01-09T22:00"), F("change", "CHG-2027-0001", "A", "B\"", "x") };
	struct conflict_finding b[] = { a[1], a[0] };
	conflict_sort(a, 2);
	conflict_sort(b, 2);
	struct buf ja = {0}, jb = {0}, je = {0};
	conflict_json(&ja, a, 2);
	conflict_json(&jb, b, 2);
	CHECK_STR(buf_str(&ja), buf_str(&jb));
	CHECK_STR(buf_str(&ja), "[{\"kind\":\"change\",\"ref\":\"CHG-2027-0001\",\"name\":\"n\",\"ci\":\"A\",\"via\":\"B\\\"\","
				"\"from\":\"x\",\"to\":\"2027-01-10T02:00\",\"extra\":\"x\"},{\"kind\":\"freeze\",\"ref\":\"3\","
				"\"name\":\"n\",\"ci\":\"\",\"via\":\"\",\"from\":\"2027-01-09T22:00\",\"to\":\"2027-01-10T02:00\","
				"\"extra\":\"x\"}]");
	conflict_json(&je, NULL, 0);
	CHECK_STR(buf_str(&je), "[]");
	buf_free(&ja);
	buf_free(&jb);
	buf_free(&je);
}

static void
test_window_days(void)
{
	char d0[11], d1[11];
	CHECK(conflict_window_days("2027-01-09T22:00", "2027-01-10T02:00", d0, d1) == 0);
	CHECK_STR(d0, "2027-01-09");
	CHECK_STR(d1, "2027-01-10");
	/* ending at midnight: the last day is the day before */
	CHECK(conflict_window_days("2027-01-09T20:00", "2027-01-10T00:00", d0, d1) == 0);
	CHECK_STR(d1, "2027-01-09");
	CHECK(conflict_window_days("2027-12-31T23:00", "2028-01-01T01:00", d0, d1) == 0);
	CHECK_STR(d0, "2027-12-31");
	CHECK_STR(d1, "2028-01-01");
	CHECK(conflict_window_days("2027-01-09T22:00", "2027-01-09T22:00", d0, d1) == -1);
	CHECK(conflict_window_days("2027-01-10T22:00", "2027-01-09T22:00", d0, d1) == -1);
	CHECK(conflict_window_days("nope", "2027-01-09T22:00", d0, d1) == -1);
	CHECK(conflict_window_days(NULL, NULL, d0, d1) == -1);
}

static void
test_overlaps(void)
{
	CHECK(conflict_overlaps("2027-01-09T22:00", "2027-01-10T02:00", "2027-01-10T01:00", "2027-01-10T03:00"));
	CHECK(!conflict_overlaps("2027-01-09T22:00", "2027-01-10T02:00", "2027-01-10T02:00", "2027-01-10T03:00"));
	CHECK(conflict_overlaps("2027-01-09T22:00", "2027-01-10T02:00", "2027-01-09T00:00", "2027-01-11T00:00"));
	CHECK(!conflict_overlaps("2027-01-09T22:00", "2027-01-10T02:00", "2027-01-08T00:00", "2027-01-09T22:00"));
}

static void
test_decision_target(void)
{
	CHECK_STR(transition_decision_target("assess", APPROVAL_REJECTED, 0), "rejected");
	CHECK_STR(transition_decision_target("authorize", APPROVAL_REJECTED, 1), "rejected");
	CHECK_STR(transition_decision_target("assess", APPROVAL_APPROVED, 0), "scheduled");   /* a one-step policy */
	CHECK_STR(transition_decision_target("assess", APPROVAL_PENDING, 1), "authorize");    /* only the authorization left */
	CHECK_STR(transition_decision_target("assess", APPROVAL_PENDING, 0), "assess");
	CHECK_STR(transition_decision_target("authorize", APPROVAL_PENDING, 1), "authorize");
	CHECK_STR(transition_decision_target("authorize", APPROVAL_APPROVED, 0), "scheduled");
}

static int
has_row(const char *from, const char *to, const char *type, const char *needs)
{
	for (const struct change_transition *t = change_transitions; t->from; t++)
		if (!strcmp(t->from, from) && !strcmp(t->to, to) && t->who == CW_ENGINE && t->types &&
		    strstr(t->types, type) && (!needs || (t->needs && !strcmp(t->needs, needs))))
			return 1;
	return 0;
}

static void
test_engine_rows(void)
{
	CHECK(has_row("assess", "authorize", "normal", NULL));
	CHECK(has_row("assess", "scheduled", "normal", "planned_start planned_end implementer"));
	CHECK(has_row("authorize", "scheduled", "emergency", "planned_start planned_end implementer"));
	CHECK(has_row("authorize", "scheduled", "normal", NULL));
	CHECK(has_row("assess", "rejected", "normal", NULL));
	CHECK(has_row("authorize", "rejected", "emergency", NULL));
	CHECK(!has_row("new", "scheduled", "standard", NULL));
	/* never offered to anyone as a step: not even an admin who is requester and implementer */
	struct change c;
	memset(&c, 0, sizeof c);
	c.type = "normal";
	c.requester_id = c.implementer_id = 7;
	struct user u;
	memset(&u, 0, sizeof u);
	u.id = 7;
	u.roles = ROLE_ADMIN | ROLE_MANAGER;
	const struct change_transition *out[16];
	for (int k = 0; k < 2; k++) {
		c.state = k ? "authorize" : "assess";
		int n = transition_allowed(&c, &u, out, 16);
		for (int i = 0; i < n; i++) CHECK(out[i]->who != CW_ENGINE && !strcmp(out[i]->to, "cancelled"));
		CHECK(n == 1);
	}
}

int
main(void)
{
	RUN(test_sort_order);
	RUN(test_json_stable);
	RUN(test_window_days);
	RUN(test_overlaps);
	RUN(test_decision_target);
	RUN(test_engine_rows);
	return unit_done();
}
