/* decide.h — decisions on a change: storing a decision with the conflict check the approver saw
 * (conflict.h), after the approval model (approvals.h) said the approver may decide, and moving the
 * change along the workflow's engine rows (transition.h), all inside the caller's transaction and
 * audited; and the change page's approval part. */
#ifndef OPSPLAN_DECIDE_H
#define OPSPLAN_DECIDE_H
#include "change/approvals.h"
#include "change/conflict.h"


/* Stores user u's decision ("approved" or "rejected", comment, the conflict JSON) on the
 * current step after approvals_may said APPROVAL_OK, audited change.decide (new: policy step decision
 * on_behalf comment conflicts), then moves the change (transition_decided) and leaves the
 * notifications of the move, or of the next step now waiting, in the outbox (outbox.h). The state the change
 * is in afterwards into *state, the stored fields missing for scheduling into *missing. 0, -1. */
int decide_apply(const struct audit_who *who, const struct change *c, long long user, long long on_behalf,
	      const struct approvals_plan *r, const char *decision, const char *comment, const char *conflicts,
	      struct arena *a, const char **state, const char **missing);

/* <approval status="none|pending|approved|rejected" freeze="0|1" policy policy-name step
 * step-name approvals needed missing may="1|0" reason on-behalf on-behalf-name><decision id
 * policy-name step step-name user user-name on-behalf on-behalf-name decision at>
 * <comment/><conflicts>JSON</conflicts></decision>…</approval> under parent: the route and every
 * decision on c (oldest first). */
xmlNodePtr decide_page_xml(xmlNodePtr parent, const struct change *c, const struct approvals_plan *r, long long user,
		       const char *today, struct arena *a);

/* The change page's approval part under e: the conflict check as it is now (<conflicts>, when c
 * has a planned window) and decide_page_xml for user today. The <approval> element, or NULL on a
 * database error. */
xmlNodePtr decide_item_xml(xmlNodePtr e, const struct change *c, long long user, struct arena *a);
#endif
