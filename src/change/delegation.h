/* delegation.h — delegation while away (approval_delegations, migration 008): an approver names
 * a delegate who may decide for them between two days (inclusive). Checks of the form, the
 * audited writes (entity "delegation", id the delegation's, inside the caller's BEGIN IMMEDIATE
 * transaction), the list model and the delegations as the engine (approval.h) takes them. */
#ifndef OPSPLAN_DELEGATION_H
#define OPSPLAN_DELEGATION_H
#include "core/fielderr.h"
#include <libxml/tree.h>
#include "engine/approval.h"
#include "core/audit.h"
#include "core/arena.h"
#include "core/buf.h"

/* Checks a delegation of user_id to the login delegate from start to end ("YYYY-MM-DD"):
 * delegate given and known (apr.error.delegate_unknown), not the user (apr.error.delegate_self),
 * with the approver, manager or admin role (apr.error.delegate_role); start and end dates
 * (error.date), end not before start (apr.error.delegate_order, on end); no overlap with another
 * delegation of the user (apr.error.delegate_overlap, on start, arg "START – END" of the other).
 * The delegate's id in *delegate_id. The number of problems. */
int delegation_check(long long user_id, const char *delegate, const char *start, const char *end, long long *delegate_id,
	      fielderr_arg_fn err, void *arg);
/* Stores a checked delegation (audited "delegation.create" {user, delegate, start, end}); its
 * id or -1. */
long long delegation_create(const struct audit_who *who, long long user_id, long long delegate_id, const char *start,
		     const char *end);
/* Withdraws delegation id of user_id (any user's when user_id is 0): one not yet started, or
 * starting today, is deleted; one in force ends yesterday; audited "delegation.cancel" (old,
 * and new: null or the shortened one). 0 done, 1 no such delegation (of that user), 2 already
 * over, -1 on an error. */
int delegation_cancel(const struct audit_who *who, long long id, long long user_id, const char *today);
/* <delegations><delegation id user user-name delegate delegate-name start end state="future|
 * in_force|over" mine="1|0"/>…</delegations>: the user's own and those naming them as delegate
 * (all: every delegation), latest start first. */
void delegation_list_xml(xmlNodePtr parent, long long user_id, int all, const char *today);
/* The delegations in force on today (strings in a); the count in *n. */
struct approval_delegation *delegation_in_force(struct arena *a, const char *today, int *n);
#endif
