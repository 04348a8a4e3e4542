/* changedecide.h — decisions on a change: the route a change needs (its policy's steps, then
 * the freeze_override policy's when its planned window lies in a freeze window), who may decide
 * now (the engine, approval.h), storing a decision with the conflict check the approver saw
 * (changeconflict.h) and moving the change along the workflow's engine rows (changeflow.h), all
 * inside the caller's transaction and audited; and the change page's approval model. */
#ifndef OPSPLAN_CHANGEDECIDE_H
#define OPSPLAN_CHANGEDECIDE_H
#include "change/approvals.h"
#include "change/conflict.h"

struct decide_route {
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
int decide_route_load(struct arena *a, const struct change *c, int freeze, const char *today, struct decide_route *r);
/* decide_route_load with the freeze found by c's conflict check (conflict_check) now. 0, or -1. */
int decide_route_now(struct arena *a, const struct change *c, const char *today, struct decide_route *r);
/* Whether user may decide now: APPROVAL_OK (with *on_behalf) or the engine's reason; -1 when no
 * policy fits the step that is due (apr.error.no_route). */
int decide_may(const struct decide_route *r, long long user, const char *today, long long *on_behalf);

/* Stores user u's decision ("approved" or "rejected", comment, the conflict JSON) on the
 * current step after decide_may said APPROVAL_OK, audited change.decide (new: policy step decision
 * on_behalf comment conflicts), then moves the change (transition_decided) and leaves the
 * notifications of the move, or of the next step now waiting, in the outbox (outbox.h). The state the change
 * is in afterwards into *state, the stored fields missing for scheduling into *missing. 0, -1. */
int decide_apply(const struct audit_who *who, const struct change *c, long long user, long long on_behalf,
	      const struct decide_route *r, const char *decision, const char *comment, const char *conflicts,
	      struct arena *a, const char **state, const char **missing);

/* <approval status="none|pending|approved|rejected" freeze="0|1" policy policy-name step
 * step-name approvals needed missing may="1|0" reason on-behalf on-behalf-name><decision id
 * policy-name step step-name user user-name on-behalf on-behalf-name decision at>
 * <comment/><conflicts>JSON</conflicts></decision>…</approval> under parent: the route and every
 * decision on c (oldest first). */
xmlNodePtr decide_page_xml(xmlNodePtr parent, const struct change *c, const struct decide_route *r, long long user,
		       const char *today, struct arena *a);

/* The change page's approval part under e: the conflict check as it is now (<conflicts>, when c
 * has a planned window) and decide_page_xml for user today. The <approval> element, or NULL on a
 * database error. */
xmlNodePtr decide_item_xml(xmlNodePtr e, const struct change *c, long long user, struct arena *a);
#endif
