/* outbox.h — notifications of change management left as rows of notification_outbox (migration
 * 010) for the sender of the notifications issue: written inside the caller's transaction, so a
 * step that is rolled back leaves none. Who hears of what: the approvers (and their delegates in
 * force today) of the step now waiting, once, when that step begins to wait: the change enters
 * assess or authorize or its current step moves on (change.approval_needed); the implementer when it is submitted
 * (change.submitted); the requester when it is rejected, or approved but still lacking a planned
 * window or implementer (change.approved); the requester and the implementer when it is
 * scheduled, implemented, closed or cancelled, and when an emergency change's post-implementation
 * review is due or overdue. Never the user whose action it was. The table's UNIQUE key keeps a
 * row from being written twice (a later approver of the same step, a second cron run). */
#ifndef OPSPLAN_OUTBOX_H
#define OPSPLAN_OUTBOX_H
#include "change/change.h"

/* The step of a change's approval that waits, as the approval model (approvals_waiting) hands it
 * to the outbox: pending and the approvers who may decide it now (with the approver a delegate
 * stands in for), or approved (every step met). */
enum { OUTBOX_MAX_APPROVERS = 64 };
struct outbox_waiting {
	int approved, pending;
	long long policy_id;
	int step;
	const char *policy_name, *step_name;
	struct { long long user, on_behalf; } who[OUTBOX_MAX_APPROVERS];
	int n;
};
/* The rows for change c (as loaded before the step) having left state from (c->state; the same
 * state when only its approval step moved on) by actor's action (a user id; 0: nobody, e.g.
 * cron); reason: the rejection or cancellation text, or ""; w: the step now waiting (the
 * approvers are told while the change is in assess or authorize). The number of rows written, or
 * -1 on a database error. */
int outbox_change(struct arena *a, const struct change *c, const char *from, const char *reason, long long actor,
		  const struct outbox_waiting *w);
/* The review reminder rows (event "change.review_due" or "change.review_overdue") of change id
 * to its implementer and requester. The number written (0: already there), or -1. */
int outbox_review(struct arena *a, long long change_id, const char *event);
#endif
