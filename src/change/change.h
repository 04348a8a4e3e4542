/* change.h — requests for change (migration 008, ISO/IEC 20000-1 8.5.1): the checks of what the
 * RFC form enters, the numbering CHG-YYYY-NNNN, the audited writes (entity "change", entity id
 * the number, inside the caller's BEGIN IMMEDIATE transaction), attachments and the page models.
 * The workflow (transitions and the implementation log) is changeflow.c. */
#ifndef OPSPLAN_CHANGE_H
#define OPSPLAN_CHANGE_H
#include "core/fielderr.h"
#include <libxml/tree.h>
#include "core/audit.h"
#include "core/auth.h"
#include "core/arena.h"
#include "core/buf.h"
#include "plan/plan.h"
#include "engine/risk.h"

extern const char *const change_types[];        /* standard normal emergency */
extern const char *const change_states[];       /* new assess authorize scheduled implement review closed rejected cancelled */
extern const char *const change_close_codes[];  /* successful successful_with_issues unsuccessful rolled_back */
extern const char *const change_impacts[];      /* the six impact texts: services users capacity availability continuity security */

enum { CHANGE_MAX_CIS = 200, CHANGE_MAX_TASKS = 200, CHANGE_TEXT_MAX = 8000, CHANGE_ATTACH_MAX = 10485760 };

/* A change as the form and the database have it. Strings are never NULL ("" for none). The CIs
 * and tasks as entered: CI codes, task WBS numbers of the linked project. answers[i] is the
 * answer to risk_questions[i] (0: unanswered). */
struct change {
	long long id, standard_id, requester_id, implementer_id, project_id;
	const char *number, *title, *description, *reason, *type, *standard, *category, *state, *close_code;
	const char *requester, *implementer, *project;
	const char *impact[6];
	const char *implementation_plan, *test_plan, *backout_plan, *planned_start, *planned_end;
	const char *actual_start, *actual_end, *verification_result, *rollback_at, *rollback_reason, *rollback_result;
	const char *review_due, *review_outcome, *review_lessons, *reject_reason, *created, *updated, *closed_at;
	int outage, risk_score;
	const char *risk_level;
	int answers[RISK_NQ];
	int ncis, ntasks;
	const char **cis, **tasks;
	long long *ci_ids, *task_ids;
};

/* Checks a change's fields and resolves the codes (standard, category, implementer, project,
 * CIs, tasks) into ids; a standard change takes the standard change's plans where the form left
 * them empty, its category when none is given, and its risk level; other types need every risk
 * answer. Computes risk_score and risk_level. Reports each bad field through err; the number of
 * bad fields. Strings new to c are allocated in a. */
int change_check(struct change *c, fielderr_fn err, void *arg, struct arena *a);
/* Gives the next number of this year (change_numbers, inside the caller's transaction), inserts
 * the checked change with requester_id, its CIs, tasks and risk answers, and the audit record
 * change.create. Sets c->id and c->number (in a). 0 or -1. */
int change_create(const struct audit_who *who, struct change *c, struct arena *a);
/* Stores a checked change's new fields over old's (same number), replacing CIs, tasks and risk
 * answers, with the audit record change.update (old and new). 0 or -1. */
int change_update(const struct audit_who *who, const struct change *old, const struct change *nw);
/* The change of number into out (strings, CIs and tasks in a). 1 found, 0 not, -1 on an error. */
int change_load(struct arena *a, const char *number, struct change *out);

/* May user u read / edit (state new; requester or admin) the change. */
int change_can_edit(const struct change *c, const struct user *u);
/* May u attach files: requester, implementer, admin or manager, while the change is open. */
int change_can_attach(const struct change *c, const struct user *u);

/* Stores an attachment (sha256 computed here; size ≤ CHANGE_ATTACH_MAX checked by the caller) with
 * the audit record change.attach. Its id, or -1. */
long long change_attach(const struct audit_who *who, const struct change *c, long long user_id, const char *name,
		     const char *mime, const void *data, size_t len);

/* The list filter; "" for no filter on a field. overdue "1": only changes whose emergency review
 * is overdue (NULL or "": no filter). page: which CHANGE_PER_PAGE rows (1 the newest), 0 all. */
enum { CHANGE_PER_PAGE = 100 };
struct change_filter { const char *state, *type, *risk, *requester, *ci, *q, *overdue; long long page; };
/* 1 when c's post-implementation review is overdue on today ("YYYY-MM-DD", local): c is in
 * implement or review and its review_due day is before today. Computed, never stored: it is
 * gone once the change is closed. */
int change_review_overdue(const struct change *c, const char *today);
/* The attachment id of change c: its name, mime and bytes into the out params (in a). 1, 0, -1. */
int change_attachment(struct arena *a, long long change_id, long long id, const char **name, const char **mime,
		   const void **data, size_t *len);
/* The local time now as "YYYY-MM-DDTHH:MM" into out[17]. */
void change_now_local(char out[17]);
#endif
