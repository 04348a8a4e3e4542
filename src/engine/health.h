/* health.h — a project's state at a glance (pure): planned vs actual progress, forecast finish
 * and its deviation in working days, overdue and at-risk tasks, the next milestone, and a health
 * verdict. Fed one leaf task at a time. */
#ifndef OPSPLAN_HEALTH_H
#define OPSPLAN_HEALTH_H
#include "engine/cal.h"

struct health_task {
	double estimate, percent, remaining;
	int start, finish, actual_finish;     /* day numbers, -1 = none */
	int due;                              /* the day it is due (tasks.due_finish), -1 = none */
	int open, milestone;                  /* open: not done or cancelled */
	long long id;
	const char *name;
};

struct health {
	/* set before health_add */
	const struct calendar *cal;
	int today, planned_finish;
	/* results */
	double planned_percent, percent;
	int forecast, deviation, overdue, at_risk, tasks;
	long long next_ms_id;
	const char *next_ms_name;
	int next_ms_finish;
	const char *state;                    /* on_track, at_risk, late (done is the caller's) */
	/* running sums */
	double est, done, planned, pct_sum;
};

void health_init(struct health *h, const struct calendar *c, int today, int planned_finish);
void health_add(struct health *h, const struct health_task *t);
void health_finish(struct health *h);
/* 1 when an open task due then (tasks.due_finish) is overdue today; when one with this finish and
 * remaining hours is at risk. */
int health_overdue(int due, int today);
int health_at_risk(const struct calendar *c, int finish, double remaining, int today);
#endif
