/* approvalqueue.h — a change's approval route as stored (its policy, steps, decisions and the
 * delegations in force) loaded for the engine (approval.h), and the approver's queue: the
 * changes waiting for a user's decision. Read-only; the change page calls approvals_route_load() to
 * show the route and check a decision, the queue page approvals_queue_xml(). */
#ifndef OPSPLAN_APPROVALQUEUE_H
#define OPSPLAN_APPROVALQUEUE_H
#include <libxml/tree.h>
#include "engine/approval.h"
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

/* <queue count><change id number title type risk-level state requester requester-name
 * planned-start planned-end policy policy-name step step-name approvals needed freeze="1"
 * on-behalf on-behalf-name/>…</queue>: the changes in state assess or authorize whose current
 * step user may decide now (decide_may over the whole route, decide_route_now: the change's policy,
 * then the freeze override when its window is in a freeze; an approver of the step, or standing
 * in for one today, who has not decided), earliest planned start first (unplanned last). -1 on a database error, else the count. */
int approvals_queue_xml(xmlNodePtr parent, long long user, const char *today, struct arena *a);
#endif
