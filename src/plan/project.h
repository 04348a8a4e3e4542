/* project.h — projects: loading, permission within a project, checked writes (each with its
 * audit record, inside the caller's BEGIN IMMEDIATE transaction), recomputing after a write, and
 * a project's health. */
#ifndef OPSPLAN_PROJECT_H
#define OPSPLAN_PROJECT_H
#include "core/fielderr.h"
#include <libxml/tree.h>
#include "plan/plan.h"
#include "plan/schedule.h"

int project_load(struct arena *a, const char *code, struct project *p);   /* 1, 0, -1 */
/* The user's say in the project: 'm' manage (admin, the project's manager, a manager member),
 * 'e' engineer member, 'v' viewer member or other reader. */
int project_role(const struct project *p, const struct user *u);
int project_check(const struct project *p, int is_new, fielderr_fn err, void *arg);
long long project_create(const struct audit_who *who, const struct project *p);   /* id or -1 */
int project_update(const struct audit_who *who, const struct project *old, const struct project *p);
int project_member(const struct audit_who *who, const struct project *p, long long user_id,
		   const char *login, const char *role);     /* role "remove" removes */
/* Recomputes WBS numbers, order, the schedule and the roll-ups of a project's
 * tasks and the project's totals. 0; -2 when the links form a loop (schedule_loop_text names it:
 * "1.2 name → 1.3 name → 1.2 name"); -1 on a database error. */
int project_recompute(long long project_id, struct arena *a);
/* The health of a project from its leaf tasks (health.h), and its attributes on e. */
struct health;
void project_health(long long project_id, const char *planned_finish, const struct calendar *c, int today,
		    struct arena *a, struct health *h);
void project_health_xml(xmlNodePtr e, const struct health *h, const char *status);
/* Recomputes the schedule of every planning or active project as of today (the status date moves
 * a started task's remaining work), each in its own transaction; a project whose dates or floats
 * change gets a project.reschedule audit record, one that does not change is rolled back. Returns
 * the number of projects changed, or -1 on a database error. */
int project_reschedule_all(int today, struct arena *a);
#endif
