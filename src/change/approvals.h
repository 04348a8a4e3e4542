/* approvals.h — the one approval model of a change: its approval route as stored (its policy,
 * steps, decisions and the delegations in force) loaded for the engine (engine/approval.h), the
 * plan of every step it needs (its policy's, then the freeze override's), who may decide now, the
 * approvers the outbox tells when a step waits, and the approver's queue (the changes waiting
 * for a user's decision). */
#ifndef OPSPLAN_APPROVALS_H
#define OPSPLAN_APPROVALS_H
#include <libxml/tree.h>
#include "engine/approval.h"
#include "change/change.h"
#include "change/outbox.h"
#include "core/arena.h"
#include "core/buf.h"

struct approvals_route {
	long long change_id, policy_id;
	struct approval_change chg;
	struct approval_step *steps;
	int nsteps;
	struct approval_decision *d;
	int nd;
	struct approval_delegation *g;
	int ng;
	struct approval_state state;
};
/* Loads change_id's route into r (arrays and strings in a): the policy its first decision was
 * made on, else the one approval_select() picks for its type and risk level; the steps of that policy,
 * the decisions on it and the delegations in force on today ("YYYY-MM-DD"), and r->state. 1
 * routed, 0 no route (no policy fits: the change cannot be authorised until one does; r->chg is
 * filled), -1 no such change or a database error. Policies are loaded from pol (npol of them),
 * or from the database when pol is NULL. */
int approvals_route_load(struct arena *a, long long change_id, const char *today, const struct approval_policy *pol, int npol,
		  struct approvals_route *r);

/* The plan of every step change c needs: its policy's, then (its window in a freeze) the freeze
 * override's; where it stands and which route's step is current. */
struct approvals_plan {
	int routed;                  /* the change's own policy fits (approvals_route_load gave 1) */
	struct approvals_route main;
	int freeze;                  /* its window is in a freeze: the freeze override is needed too */
	int frz_routed;              /* a freeze_override policy fits */
	struct approvals_route frz;
	int status;                  /* AP_* over every needed step */
	struct approvals_route *cur;        /* pending: the route whose step is current (NULL: no route) */
	int last;                    /* pending: the current step is in the authorization: the last step
					of the change's policy, or the freeze override's */
};
/* Loads c's route for today; freeze from the conflict check. 0, or -1 on a database error. */
int approvals_plan_load(struct arena *a, const struct change *c, int freeze, const char *today, struct approvals_plan *r);
/* approvals_plan_load with the freeze found by c's conflict check (conflict_check) now. 0, or -1. */
int approvals_plan_now(struct arena *a, const struct change *c, const char *today, struct approvals_plan *r);
/* Whether user may decide now: APPROVAL_OK (with *on_behalf) or the engine's reason; -1 when no
 * policy fits the step that is due (apr.error.no_route). */
int approvals_may(const struct approvals_plan *r, long long user, const char *today, long long *on_behalf);
/* The step now waiting for c (as it is after the step just taken) as the outbox takes it. 0, -1. */
int approvals_waiting(struct arena *a, const struct change *c, struct outbox_waiting *w);
/* The notifications of a step of c (outbox_change) with the approvers of the step now waiting:
 * what transitions and decisions call after their write. The rows written, or -1. */
int approvals_notify(struct arena *a, const struct change *c, const char *from, const char *reason, long long actor);

/* <queue count><change id number title type risk-level state requester requester-name
 * planned-start planned-end policy policy-name step step-name approvals needed freeze="1"
 * on-behalf on-behalf-name/>…</queue>: the changes in state assess or authorize whose current
 * step user may decide now (decide_may over the whole route, decide_route_now: the change's policy,
 * then the freeze override when its window is in a freeze; an approver of the step, or standing
 * in for one today, who has not decided), earliest planned start first (unplanned last). -1 on a database error, else the count. */
int approvals_queue_xml(xmlNodePtr parent, long long user, const char *today, struct arena *a);
#endif
