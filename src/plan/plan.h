/* plan.h — the project and task model: loading, permission within a project, checked writes
 * (each with its audit record, inside the caller's BEGIN IMMEDIATE transaction), the derived
 * WBS numbers and roll-ups, and the task row of every listing. */
#ifndef OPSPLAN_PLAN_H
#define OPSPLAN_PLAN_H
#include <libxml/tree.h>
#include <sqlite3.h>
#include "core/audit.h"
#include "core/auth.h"
#include "engine/cal.h"
#include "core/mem.h"

enum { HOURS_PER_DAY = 8 };
/* Columns of TASK_COLS before a listing's own. */
enum { TASK_NATTRS = 22, TASK_NCOLS = 23 };   /* the last not shown: due_finish, for task_flags */

struct project {
	long long id, manager_id;
	const char *code, *name, *description, *category, *planned_start, *planned_finish, *status;
	const char *manager, *manager_name;
	int is_template;
};

/* A task as entered in a form or an import (strings may be ""). */
struct task_in {
	const char *name, *description, *owner, *planned_start, *planned_finish, *actual_start,
		*actual_finish, *status, *category, *predecessors;
	const char *constraint_type, *constraint_date;   /* ASAP (or NULL/""), SNET, FNLT, MSO; a date */
	double estimate, duration, percent, remaining;
	int priority, milestone;
	long long parent;                 /* 0 = top level */
	char derived_finish[11];          /* task_check() may set planned_finish to this */
};

/* Field problems reported by the checks: called once per bad field with its message key. */
typedef void (*plan_err_fn)(void *arg, const char *field, const char *key);

/* The global working calendar (calendar 1: weekdays, hours, calendar_days), loaded into a. */
const struct calendar *plan_calendar(struct arena *a);
/* A project's calendar (its calendar_id, else the global one) with the global exceptions merged
 * under its own, loaded into a. */
const struct calendar *plan_project_calendar(struct arena *a, long long project_id);
/* Today as a day number, in the configured zone. */
int plan_today(void);

int project_load(struct arena *a, const char *code, struct project *p);   /* 1, 0, -1 */
/* The user's say in the project: 'm' manage (admin, the project's manager, a manager member),
 * 'e' engineer member, 'v' viewer member or other reader. */
int project_role(const struct project *p, const struct user *u);
int project_check(const struct project *p, int is_new, plan_err_fn err, void *arg);
long long project_create(const struct audit_who *who, const struct project *p);   /* id or -1 */
int project_update(const struct audit_who *who, const struct project *old, const struct project *p);
int project_member(const struct audit_who *who, const struct project *p, long long user_id,
		   const char *login, const char *role);     /* role "remove" removes */
/* Recomputes WBS numbers, order, the schedule and the roll-ups of a project's
 * tasks and the project's totals. 0; -2 when the links form a loop (plan_loop_text names it:
 * "1.2 name → 1.3 name → 1.2 name"); -1 on a database error. */
int project_recompute(long long project_id, struct arena *a);
extern const char *plan_loop_text;
/* planlinks.c: stores the links a task's predecessors text names (WBS numbers of the same project);
 * 0, or -1 with a message key in *key (and the bad reference in *arg). */
int task_links_set(long long project_id, long long task_id, const char *text, const char **key, const char **arg,
		   struct arena *a);
/* Schedules every task of the project (sched.c; planlinks.c says how); -2 on a loop. */
int project_schedule(long long project_id, struct arena *a);
int project_links_text(long long project_id, struct arena *a);
/* Links every task whose predecessors text names tasks of the project (after a copy or an import
 * into an empty project, where the numbers are the file's). The number of texts that named
 * unknown tasks, or -1 on a database error. The caller recomputes. */
int project_links_from_text(long long project_id, struct arena *a);
/* Copies the task tree of project from (whose schedule starts on from_start) into project to,
 * starting on to_start: each task keeps its offset and length in working days; progress is not
 * copied. Every new task is audited; the caller recomputes. */
int project_copy_tasks(const struct audit_who *who, long long from, int from_start, const struct project *to,
		       int to_start, const struct calendar *c, struct arena *a);

/* Task checks fill derived values: a finish from start + duration, a duration from the dates. */
int task_check(struct task_in *t, const struct calendar *c, plan_err_fn err, void *arg);
/* The stored task (strings in a); its project id into *project_id when not NULL. 0 or -1. */
int task_load(struct arena *a, long long id, struct task_in *t, long long *project_id);
long long task_create(const struct audit_who *who, const struct project *p, const struct task_in *t,
		      long long after);   /* after: insert after this sibling, 0 = at the end */
int task_update(const struct audit_who *who, long long id, const struct task_in *t);
/* op: indent, outdent, up, down. 0, or a message key's problem: returns -1 and sets *key. */
int task_move(const struct audit_who *who, long long id, const char *op, const char **key, struct arena *a);
int task_delete(const struct audit_who *who, long long id);
struct progress_in { double percent, hours, remaining; const char *status, *note, *delay_reason; };
int task_progress(const struct audit_who *who, long long id, long long user_id, const struct progress_in *pr);
int task_comment(const struct audit_who *who, long long id, long long user_id, const char *body);

/* Columns every task listing selects (alias t for tasks, o for the owner, p for the project). */
#define TASK_COLS "t.id, t.wbs, t.depth, t.is_summary, t.name, o.login, o.display_name, t.status," \
	" t.priority, t.milestone, t.percent, t.estimate_hours, t.remaining_hours, t.planned_start," \
	" t.planned_finish, t.actual_start, t.actual_finish, t.category, p.code, p.name, t.deadline_missed," \
	" t.predecessors, t.due_finish"
#define TASK_FROM " FROM tasks t JOIN projects p ON p.id = t.project_id LEFT JOIN users o ON o.id = t.owner_id"
/* Flags of a task row from its columns (TASK_COLS order). */
/* due_in: for an open task not overdue, working days after today up to its finish (0: due
 * today); -1 otherwise. */
struct task_flags { int overdue, at_risk, late_days, open, due_in; };
void task_flags(sqlite3_stmt *st, const struct calendar *c, int today, struct task_flags *f);
/* Appends <task …/> for the current row of a TASK_COLS statement. */
xmlNodePtr task_xml(xmlNodePtr parent, sqlite3_stmt *st, const struct calendar *c, int today);
/* <lists> with the editable lists, <people> with active users. */
void plan_lists_xml(xmlNodePtr parent, const char *only_kind);
void plan_people_xml(xmlNodePtr parent);
/* The health of a project from its leaf tasks (health.h), and its attributes on e. */
struct health;
void project_health(long long project_id, const char *planned_finish, const struct calendar *c, int today,
		    struct arena *a, struct health *h);
void health_xml(xmlNodePtr e, const struct health *h, const char *status);
/* A baseline's task dates, for comparisons (planlinks.c). baseline_load: 1 when id is a baseline of
 * the project (its tasks in *bt sorted by task id, name in *name), 0 when not, -1 on error. */
struct baseline_task { long long id; int start, finish; };
int baseline_load(struct arena *a, long long project_id, long long id, struct baseline_task **bt, int *n,
		  const char **name);
const struct baseline_task *baseline_find(const struct baseline_task *bt, int n, long long task_id);
/* Working days from the baseline's finish to finish (negative: earlier). */
int plan_variance(const struct calendar *c, int base_finish, int finish);
/* <baselines><baseline id name created created-by/>…</baselines> of a project. */
void baselines_xml(xmlNodePtr parent, long long project_id);
/* 1 when code is an active entry of that list. */
int plan_list_has(const char *kind, const char *code);
#endif
