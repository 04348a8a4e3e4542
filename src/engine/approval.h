/* approval.h — the approval engine of change management (pure, no I/O): which policy a change
 * is routed to, where a change stands on that policy's steps, who may decide now, and whether a
 * given user may decide (and if not, why). A policy's steps are taken in order; each has
 * approvers and a quorum (any one of them, all of them, or n of them). A decision is counted
 * for the approver it was made for: the approver themselves, or the user a delegate stood in
 * for (on_behalf). Any rejection rejects the change. Segregation of duties: the requester never
 * decides (not as an approver, a delegate or an admin), nor does the implementer of a high or
 * very_high risk change; a delegate never stands in for either of them. Days are "YYYY-MM-DD"
 * (they compare as strings); users are ids (0: none). */
#ifndef OPSPLAN_APPROVAL_H
#define OPSPLAN_APPROVAL_H

enum { APPROVAL_ANY = 0, APPROVAL_ALL = 1, APPROVAL_N = 2 };
enum { APPROVAL_MAX_STEPS = 9 };

/* A policy as stored: kind "change" or "freeze_override"; type normal/emergency/"*"; risk
 * low/medium/high/very_high/"*". */
struct approval_policy { long long id; const char *kind, *type, *risk; int active; };
struct approval_step {
	int step;                     /* 1..9, steps given in ascending order */
	int quorum;                   /* APPROVAL_ANY, APPROVAL_ALL, APPROVAL_N */
	int n;                        /* APPROVAL_N: approvals needed */
	const long long *approvers;
	int napprovers;
};
struct approval_decision { int step; long long approver, on_behalf; int approved; };
struct approval_delegation { long long user, delegate; const char *start_day, *end_day; };
struct approval_change { const char *type, *risk; long long requester, implementer; };

/* The quorum's name ("any", "all", "n") → AP_*; -1 when unknown. */
int approval_quorum_parse(const char *s);

/* The index in p[0..n) of the active policy of kind "change" for (type, risk): an exact match
 * first, else (type, "*"), else ("*", risk), else ("*", "*"); the first in array order among
 * equals. risk NULL or "" (not yet assessed) matches only "*". A standard change is
 * pre-approved and never routed. -1: no route. */
int approval_select(const struct approval_policy *p, int n, const char *type, const char *risk);

enum { APPROVAL_PENDING = 0, APPROVAL_APPROVED = 1, APPROVAL_REJECTED = 2 };
struct approval_state {
	int status;                   /* APPROVAL_PENDING, APPROVAL_APPROVED, APPROVAL_REJECTED */
	int current;                  /* pending: index into the steps of the first step whose quorum
					 is not met; else -1 */
	int approvals;                /* pending: approvals counted on the current step so far */
	int needed;                   /* pending: approvals the current step needs */
};
/* Where a change stands: rejected when any decision rejects; else the first step (in order)
 * whose quorum is not met is current; approved when every step's quorum is met (a policy
 * without steps is approved). Only decisions counted for an approver of their step count. */
void approval_evaluate(const struct approval_step *s, int ns, const struct approval_decision *d, int nd, struct approval_state *out);

/* 1 when delegation g is in force on day (start_day <= day <= end_day). */
int approval_in_force(const struct approval_delegation *g, const char *day);

enum {
	APPROVAL_OK = 0,
	APPROVAL_REQUESTER,                 /* the change's requester: never */
	APPROVAL_IMPLEMENTER,               /* the implementer of a high or very_high risk change */
	APPROVAL_CLOSED,                    /* the change is already approved or rejected */
	APPROVAL_NOT_CURRENT,               /* the step asked about is not the current step */
	APPROVAL_NOT_APPROVER,              /* neither an approver of the step nor standing in for one today */
	APPROVAL_DECIDED,                   /* already decided (for themselves and everyone they stand in for) */
};
/* Whether user may decide now on step (0: the current step). APPROVAL_OK with *on_behalf set to the
 * approver they decide for (0: for themselves; a delegate standing in for an approver who has
 * not decided otherwise), else the reason, checked in the order of the enum. */
int approval_may_decide(const struct approval_change *c, const struct approval_step *s, int ns, const struct approval_decision *d, int nd,
		  const struct approval_delegation *g, int ng, const char *today, long long user, int step,
		  long long *on_behalf);
/* The reason's message key suffix: "ok", "requester", "implementer", "closed", "not_current",
 * "not_approver", "decided". */
const char *approval_reason_name(int reason);

struct approval_who { long long user, on_behalf; };
/* Who may decide on the current step now: each of its approvers who has not decided (on_behalf
 * 0), and each delegate in force today of such an approver (on_behalf the approver), leaving out
 * anyone approval_may_decide refuses. Writes at most max into out, approvers in the step's order,
 * each followed by their delegates; returns how many there are (0 when not pending). */
int approval_who_may_decide(const struct approval_change *c, const struct approval_step *s, int ns, const struct approval_decision *d, int nd,
		      const struct approval_delegation *g, int ng, const char *today, struct approval_who *out, int max);
#endif
