/* chgfollow.h — follow-up tasks of a post-implementation review (migration 009): while a change
 * is in review, its implementer, requester, a manager or an admin adds an action found in the
 * review as a real task of a project they manage (task_create + project_recompute, audited
 * task.create), linked to the change in change_followups and audited change.followup on the
 * change, all inside the caller's BEGIN IMMEDIATE transaction. */
#ifndef OPSPLAN_CHGFOLLOW_H
#define OPSPLAN_CHGFOLLOW_H
#include "core/fielderr.h"
#include "change/change.h"
#include "plan/plan.h"

/* The follow-up form: title, project code (the change's by default), owner login, due date. */
struct followup_in { const char *title, *project, *owner, *due; };

/* May u add follow-ups to c now: c in review and u its implementer or requester, a manager or
 * an admin. */
int followup_may(const struct change *c, const struct user *u);
/* Adds the follow-up f to c for u. 0 done (the task's id into *task_id); > 0 the number of bad
 * fields (each through err with the form's names title, project, owner, due; nothing written);
 * -1 a database error; -2 c is not in review; -3 u may not add follow-ups; -4 u does not manage
 * the project (nothing written). */
int followup_add(const struct audit_who *who, const struct user *u, const struct change *c, const struct followup_in *f,
	      fielderr_fn err, void *earg, struct arena *a, long long *task_id);
/* <followups><task id wbs name status percent project owner owner-name planned-finish created
 * created-by/>…</followups> under parent: the follow-up tasks of change_id, oldest first. */
void followup_xml(xmlNodePtr parent, long long change_id);
/* The number of follow-up tasks in the subtree of task_id (the task and everything under it):
 * such a task is the record of a review's action and is not deleted. */
long long followup_in_subtree(long long task_id);
/* The number of the change task_id is a follow-up of (in a), or NULL. */
const char *followup_change_of(struct arena *a, long long task_id);
#endif
