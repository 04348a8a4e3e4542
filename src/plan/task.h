/* task.h — tasks: the task as a form or an import enters it, checks, writes (each with its audit
 * record; the caller recomputes the project in the same transaction), progress and comments, the
 * copy of a task tree, and the task row every listing shows with its flags. */
#ifndef OPSPLAN_TASK_H
#define OPSPLAN_TASK_H
#include "core/fielderr.h"
#include <libxml/tree.h>
#include <sqlite3.h>
#include "plan/plan.h"

/* Columns of TASK_COLS before a listing's own. */
enum { TASK_NATTRS = 22, TASK_NCOLS = 23 };   /* the last not shown: due_finish, for task_flags */

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

/* Task checks fill derived values: a finish from start + duration, a duration from the dates. */
int task_check(struct task_in *t, const struct calendar *c, fielderr_fn err, void *arg);
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
/* Copies the task tree of project from (whose schedule starts on from_start) into project to,
 * starting on to_start: each task keeps its offset and length in working days; progress is not
 * copied. Every new task is audited; the caller recomputes. */
int task_copy_tree(const struct audit_who *who, long long from, int from_start, const struct project *to,
		       int to_start, const struct calendar *c, struct arena *a);
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
#endif
