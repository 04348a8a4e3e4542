/* approvalpolicy.h — the stored approval policies (approval_policies, approval_steps,
 * approval_step_approvers; migration 008): checks of what the policy and step forms enter, the
 * audited writes (entity "policy", id the policy's id, inside the caller's BEGIN IMMEDIATE
 * transaction), the page models, and the policies and steps as the engine (approval.h) takes
 * them. Approvers are users with the approver, manager or admin role. */
#ifndef OPSPLAN_APPROVALPOLICY_H
#define OPSPLAN_APPROVALPOLICY_H
#include "core/fielderr.h"
#include <libxml/tree.h>
#include "engine/approval.h"
#include "core/audit.h"
#include "core/arena.h"
#include "core/buf.h"
#include "plan/plan.h"

enum { APPROVALPOLICY_NAME_MAX = 100, APPROVALPOLICY_STEP_NAME_MAX = 100, APPROVALPOLICY_MAX_APPROVERS = 30 };
#define APPROVALPOLICY_APPROVER_ROLES (ROLE_ADMIN | ROLE_MANAGER | ROLE_APPROVER)

/* A policy's header as the form enters it: active "1" (checked) or anything else (0). */
struct apol { long long id; const char *name, *kind, *type, *risk; int active; };

/* Checks a policy's header (self: its id when editing, 0 when new): name 1..100 characters on
 * one line (apr.error.name) and not another policy's (apr.error.name_taken); kind change or
 * freeze_override (apr.error.kind); type normal, emergency or * (apr.error.type); risk_level
 * low, medium, high, very_high or * (apr.error.risk); an active policy must not share kind,
 * type and risk level with another active one (apr.error.duplicate, on risk_level, the other's
 * name as arg). Each problem through err; the number of problems. */
int approvalpolicy_check(const struct apol *p, fielderr_arg_fn err, void *arg);
/* Inserts a checked policy (audited "policy.create"); its id, or -1. */
long long approvalpolicy_create(const struct audit_who *who, const struct apol *p);
/* Replaces policy old->id's header (audited "policy.update" with old and new; nothing when
 * nothing changed). 0 or -1. */
int approvalpolicy_update(const struct audit_who *who, const struct apol *old, const struct apol *nw);
/* The policy id into out (strings in a): 1 found, 0 not, -1 database error. */
int approvalpolicy_load(struct arena *a, long long id, struct apol *out);
/* The number of steps of policy id. */
int approvalpolicy_nsteps(long long id);

/* A step as its sub-form enters it: its number, name, quorum (any all n), n (text, used when
 * quorum is n), approvers' logins. */
struct approvalpolicy_step_in { int step; const char *name, *quorum, *n; const char *const *logins; int nlogins; };
/* Checks a step of policy pid: step 1..(steps+1) and at most 9 (apr.error.step), name
 * (apr.error.step_name), quorum (apr.error.quorum), approvers: at least one (apr.error.approvers),
 * each a known login (apr.error.approver_unknown, arg the login) with the approver, manager or
 * admin role (apr.error.approver_role, arg the login), at most APPROVALPOLICY_MAX_APPROVERS; quorum n: n a
 * whole number from 1 to the number of approvers (apr.error.quorum_n). The approvers' ids go to
 * ids[0..*nids) (a: at least nlogins), each once; *n_out the quorum's n (0 unless quorum n). The
 * number of problems. */
int approvalpolicy_step_check(long long pid, const struct approvalpolicy_step_in *s, long long *ids, int *nids, int *n_out,
		    fielderr_arg_fn err, void *arg);
/* Stores a checked step (new or replacing step s->step) with its approvers (audited
 * "policy.step_save", old and new). 0 or -1. */
int approvalpolicy_step_save(const struct audit_who *who, long long pid, const struct approvalpolicy_step_in *s, const long long *ids,
		   int nids, int n);
/* Deletes the last step of policy pid (audited "policy.step_delete"). 0, 1 when step is not
 * the last step, -1 on an error. */
int approvalpolicy_step_delete(const struct audit_who *who, long long pid, int step);

/* <policies><policy id name kind type risk-level active created steps/>…</policies>. */
void approvalpolicy_list_xml(xmlNodePtr parent);
/* <policy id name kind type risk-level active created><step step name quorum n><approver login
 * name/>…</step>…</policy>. */
xmlNodePtr approvalpolicy_xml(xmlNodePtr parent, long long id);
/* <eligible><user login name roles/>…</eligible>: the active users who may be approvers. */
void approvalpolicy_eligible_xml(xmlNodePtr parent);

/* The policies of kind "change" as engine policies (strings in a), all of them; their count
 * in *n. NULL on a database error. */
struct approval_policy *approvalpolicy_load_all(struct arena *a, int *n);
/* Policy pid's steps with their approvers as engine steps (arrays in a); the count in *n. */
struct approval_step *approvalpolicy_load_steps(struct arena *a, long long pid, int *n);
#endif
