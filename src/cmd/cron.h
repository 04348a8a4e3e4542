/* cron.h — `opsplan cron`: instantiates recurring projects whose rule fired in the last week and
 * that have no instance for that date yet (each instance once, whatever how often cron runs). */
#ifndef OPSPLAN_CRON_H
#define OPSPLAN_CRON_H
#include "core/audit.h"
#include "core/mem.h"
#include "plan/plan.h"

/* Creates project p from template tpl (tasks copied, timing kept) starting on start; p->code,
 * name, manager_id, manager must be set; returns the new id or -1. Inside the caller's transaction. */
long long cron_instantiate(const struct audit_who *who, const struct project *tpl, struct project *p, int start,
			   const struct calendar *c, struct arena *a);
/* Runs every active recurrence for today; prints one line per created project to stdout.
 * Returns the number created, or -1 on a database error. */
int cron_run(int today, struct arena *a);
/* Recomputes the schedule of every planning or active project as of today (the status date moves
 * a started task's remaining work), each in its own transaction; a project whose dates or floats
 * change gets a project.reschedule audit record, one that does not change is rolled back. Returns
 * the number of projects changed, or -1 on a database error. */
int cron_reschedule(int today, struct arena *a);
/* Emergency post-implementation reviews (changes.review_due, a change in implement or review):
 * one change.review_due outbox row to the implementer and the requester when the review is due
 * by the next working day, one change.review_overdue row when the day has passed; each change in
 * its own transaction with a change.notify audit record, only when a row was written (once:
 * the outbox's UNIQUE key). Prints one line per change told. The number of changes, or -1. */
int cron_review(int today, struct arena *a);
#endif
