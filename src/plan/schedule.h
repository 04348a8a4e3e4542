/* schedule.h — a project's links and schedule (schedule.c): storing the predecessors a task's
 * field names, the CPM schedule of every task inside the write's transaction, the predecessors
 * texts written back with the current WBS numbers. */
#ifndef OPSPLAN_SCHEDULE_H
#define OPSPLAN_SCHEDULE_H
#include "plan/plan.h"

extern const char *schedule_loop_text;
/* Stores the links a task's predecessors text names (WBS numbers of the same project);
 * 0, or -1 with a message key in *key (and the bad reference in *arg). */
int schedule_links_set(long long project_id, long long task_id, const char *text, const char **key, const char **arg,
		   struct arena *a);
/* Schedules every task of the project (engine/sched.c; schedule.c says how); -2 on a loop. */
int schedule_project(long long project_id, struct arena *a);
int schedule_links_text(long long project_id, struct arena *a);
/* Links every task whose predecessors text names tasks of the project (after a copy or an import
 * into an empty project, where the numbers are the file's). The number of texts that named
 * unknown tasks, or -1 on a database error. The caller recomputes. */
int schedule_links_from_text(long long project_id, struct arena *a);
#endif
