/* templates.h — project templates made into projects, by hand or by their recurrence rule. */
#ifndef OPSPLAN_TEMPLATES_H
#define OPSPLAN_TEMPLATES_H
#include "plan/plan.h"

/* Creates project p from template tpl (tasks copied, timing kept) starting on start; p->code,
 * name, manager_id, manager must be set; returns the new id or -1. Inside the caller's transaction. */
long long templates_instantiate(const struct audit_who *who, const struct project *tpl, struct project *p, int start,
			   const struct calendar *c, struct arena *a);
/* Runs every active recurrence for today; prints one line per created project to stdout.
 * Returns the number created, or -1 on a database error. */
int templates_recur(int today, struct arena *a);
#endif
