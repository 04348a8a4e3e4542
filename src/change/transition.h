/* changeflow.h — the RFC workflow as a table of transitions {from, to, types, who, needs,
 * fields, effect}: who may move a change from one state to the next, which stored fields it
 * must already have, which form fields the step needs, and what the step records. Adding a
 * transition (the approvals' assess→authorize→scheduled and reject) is adding rows, with a new
 * effect when the step records something new. "Implementing before approval" is impossible
 * because the only row to implement starts from scheduled. Every step is audited
 * (change.transition, entity "change", id the number) inside the caller's transaction. */
#ifndef OPSPLAN_CHANGEFLOW_H
#define OPSPLAN_CHANGEFLOW_H
#include "core/fielderr.h"
#include "change/change.h"
#include "plan/plan.h"

/* Who may take a transition (bits): the requester, the implementer, an admin, a manager. */
enum { CW_REQUESTER = 1, CW_IMPLEMENTER = 2, CW_ADMIN = 4, CW_MANAGER = 8,
       CW_ENGINE = 16 };   /* CW_ENGINE: only the approval engine after a decision (never a form) */
/* What a transition records besides the new state. */
enum change_effect { CE_STATE, CE_CANCEL, CE_IMPLEMENT, CE_REVIEW, CE_CLOSE, CE_DECIDE, CE_REJECT };

struct change_transition {
	const char *from, *to;
	const char *types;     /* space-separated change types it applies to; NULL: every type */
	unsigned who;          /* CW_* bits */
	const char *needs;     /* space-separated stored fields the change must have (planned_start implementer) */
	const char *fields;    /* space-separated form fields the step requires */
	enum change_effect effect;
};
extern const struct change_transition change_transitions[];   /* ends with {0} */

/* The form fields an effect reads (space-separated, for the page's forms): required ones come
 * from the row, optional ones from here. */
const char *transition_form_fields(const struct change_transition *t);
/* The transitions user u may take on c now, into out[max]; how many. */
int transition_allowed(const struct change *c, const struct user *u, const struct change_transition **out, int max);

typedef const char *(*change_form_fn)(void *arg, const char *name);   /* a form value, "" when absent */
/* Takes c to state to for u with the step's form values, leaving its notifications in the
 * outbox (outbox.h) in the same transaction. 0 done; > 0 the number of bad fields
 * (each reported through err, nothing written); -1 on a database error; -2 when no transition
 * leads from c's state to to for its type (409; *key set); -3 when u may not take it (403). */
int transition_take(const struct audit_who *who, const struct user *u, const struct change *c, const char *to,
		 change_form_fn form, void *farg, fielderr_fn err, void *earg, struct arena *a, const char **key);
/* Appends an implementation log entry (1..4000 characters) by u while c is in implement (the
 * implementer or an admin), audited change.log. 0; 1 a bad entry (reported through err); -1 a
 * database error; -2 not in implement; -3 not allowed. */
int transition_log(const struct audit_who *who, const struct user *u, const struct change *c, const char *entry,
		fielderr_fn err, void *earg);

/* Where a decision takes a change in state (assess or authorize), pure: status the engine's
 * AP_* over every step the change needs (its policy's, then the freeze override's when its
 * window is in a freeze), last 1 when the current step is in the authorization (the last step
 * of the change's policy, or the freeze override's). "rejected" on a
 * rejection, "scheduled" when every step is met, "authorize" when only the last step is left,
 * else state (no move). */
const char *transition_decision_target(const char *state, int status, int last);
/* Moves c after a decision to target (transition_decision_target) along a CW_ENGINE row of the
 * table: a row whose needs c lacks is not taken; assess then goes to authorize instead (when
 * that row exists), else c stays. Audited change.transition (reason: the rejecting comment; for
 * CE_REJECT reject_reason = comment). The state c ends in into *now (c->state when it stays),
 * the stored fields still missing (space-separated, "" none) into *missing. 0, or -1. */
int transition_decided(const struct audit_who *who, const struct change *c, const char *target, const char *comment,
		    struct arena *a, const char **now, const char **missing);
#endif
