/* approval.c — the approval engine (pure): policy selection, quorum evaluation over ordered
 * steps, delegation and the segregation-of-duties rules (approval.h). */
#include "engine/approval.h"
#include <string.h>

int
approval_quorum_parse(const char *s)
{
	if (!s) return -1;
	if (!strcmp(s, "any")) return APPROVAL_ANY;
	if (!strcmp(s, "all")) return APPROVAL_ALL;
	if (!strcmp(s, "n")) return APPROVAL_N;
	return -1;
}

int
approval_select(const struct approval_policy *p, int n, const char *type, const char *risk)
{
	if (!type || !strcmp(type, "standard")) return -1;   /* pre-approved: never routed */
	if (!risk) risk = "";
	const char *want[4][2] = { { type, risk }, { type, "*" }, { "*", risk }, { "*", "*" } };
	for (int k = 0; k < 4; k++) {
		if (!*want[k][1]) continue;        /* an unassessed risk matches only "*" */
		for (int i = 0; i < n; i++)
			if (p[i].active && p[i].kind && !strcmp(p[i].kind, "change") && p[i].type && p[i].risk &&
			    !strcmp(p[i].type, want[k][0]) && !strcmp(p[i].risk, want[k][1]))
				return i;
	}
	return -1;
}

/* The approver a decision counts for. */
static long long
counted(const struct approval_decision *d)
{
	return d->on_behalf ? d->on_behalf : d->approver;
}

static int
is_approver(const struct approval_step *s, long long u)
{
	for (int i = 0; i < s->napprovers; i++)
		if (s->approvers[i] == u) return 1;
	return 0;
}

/* 1 when approver a has decided on step s (approved: only approvals count). */
static int
decided(const struct approval_step *s, const struct approval_decision *d, int nd, long long a, int approved_only)
{
	for (int i = 0; i < nd; i++)
		if (d[i].step == s->step && counted(&d[i]) == a && (!approved_only || d[i].approved)) return 1;
	return 0;
}

static int
needed(const struct approval_step *s)
{
	switch (s->quorum) {
	case APPROVAL_ALL: return s->napprovers > 0 ? s->napprovers : 1;
	case APPROVAL_N: return s->n > 0 ? s->n : 1;
	default: return 1;
	}
}

void
approval_evaluate(const struct approval_step *s, int ns, const struct approval_decision *d, int nd, struct approval_state *out)
{
	*out = (struct approval_state){ APPROVAL_PENDING, -1, 0, 0 };
	for (int i = 0; i < nd; i++)
		if (!d[i].approved) {
			out->status = APPROVAL_REJECTED;
			return;
		}
	for (int i = 0; i < ns; i++) {
		int yes = 0;
		for (int k = 0; k < s[i].napprovers; k++) {
			int dup = 0;       /* an approver listed twice counts once */
			for (int j = 0; j < k; j++) dup |= s[i].approvers[j] == s[i].approvers[k];
			if (!dup && decided(&s[i], d, nd, s[i].approvers[k], 1)) yes++;
		}
		if (yes < needed(&s[i])) {
			out->current = i;
			out->approvals = yes;
			out->needed = needed(&s[i]);
			return;
		}
	}
	out->status = APPROVAL_APPROVED;
}

int
approval_in_force(const struct approval_delegation *g, const char *day)
{
	return g->start_day && g->end_day && day && strcmp(g->start_day, day) <= 0 && strcmp(day, g->end_day) <= 0;
}

static int
high_risk(const struct approval_change *c)
{
	return c->risk && (!strcmp(c->risk, "high") || !strcmp(c->risk, "very_high"));
}

/* The segregation-of-duties refusal of u on change c, or APPROVAL_OK. */
static int
conflicted(const struct approval_change *c, long long u)
{
	if (u == c->requester) return APPROVAL_REQUESTER;
	if (c->implementer && u == c->implementer && high_risk(c)) return APPROVAL_IMPLEMENTER;
	return APPROVAL_OK;
}

int
approval_may_decide(const struct approval_change *c, const struct approval_step *s, int ns, const struct approval_decision *d, int nd,
	      const struct approval_delegation *g, int ng, const char *today, long long user, int step,
	      long long *on_behalf)
{
	*on_behalf = 0;
	int r = conflicted(c, user);
	if (r) return r;
	struct approval_state st;
	approval_evaluate(s, ns, d, nd, &st);
	if (st.status != APPROVAL_PENDING) return APPROVAL_CLOSED;
	const struct approval_step *cur = &s[st.current];
	if (step && step != cur->step) return APPROVAL_NOT_CURRENT;
	int involved = 0;
	if (is_approver(cur, user)) {
		involved = 1;
		if (!decided(cur, d, nd, user, 0)) return APPROVAL_OK;
	}
	for (int i = 0; i < ng; i++) {
		long long a = g[i].user;
		if (g[i].delegate != user || a == user || !approval_in_force(&g[i], today) || !is_approver(cur, a) ||
		    conflicted(c, a))
			continue;
		involved = 1;
		if (!decided(cur, d, nd, a, 0)) {
			*on_behalf = a;
			return APPROVAL_OK;
		}
	}
	return involved ? APPROVAL_DECIDED : APPROVAL_NOT_APPROVER;
}

const char *
approval_reason_name(int reason)
{
	static const char *const names[] = { "ok", "requester", "implementer", "closed", "not_current", "not_approver",
					     "decided" };
	return reason >= 0 && reason <= APPROVAL_DECIDED ? names[reason] : "not_approver";
}

int
approval_who_may_decide(const struct approval_change *c, const struct approval_step *s, int ns, const struct approval_decision *d, int nd,
		  const struct approval_delegation *g, int ng, const char *today, struct approval_who *out, int max)
{
	struct approval_state st;
	approval_evaluate(s, ns, d, nd, &st);
	if (st.status != APPROVAL_PENDING) return 0;
	const struct approval_step *cur = &s[st.current];
	int k = 0;
	for (int i = 0; i < cur->napprovers; i++) {
		long long a = cur->approvers[i];
		int dup = 0;
		for (int j = 0; j < i; j++) dup |= cur->approvers[j] == a;
		if (dup || conflicted(c, a) || decided(cur, d, nd, a, 0)) continue;
		if (k < max) out[k] = (struct approval_who){ a, 0 };
		k++;
		for (int j = 0; j < ng; j++) {
			if (g[j].user != a || g[j].delegate == a || !approval_in_force(&g[j], today) || conflicted(c, g[j].delegate))
				continue;
			if (k < max) out[k] = (struct approval_who){ g[j].delegate, a };
			k++;
		}
	}
	return k;
}
