/* sched.h — the critical path method (pure, no I/O). Time is an integer count of working time
 * units (working minutes in the product; the tests also use days) measured from the project
 * start on the project's calendar: calendar.c converts at the edges. Semantics follow Microsoft
 * Project: a task with duration d starting at s finishes at s + d; FS+0 means the successor starts
 * at the predecessor's finish (the next working time); lags are working time (negative = lead).
 *
 * Forward pass: ES = max(project start, constraints, each link's bound):
 *   FS: ES_s >= EF_p + L   SS: ES_s >= ES_p + L   FF: EF_s >= EF_p + L   SF: EF_s >= ES_p + L
 * Backward pass from T = max EF of the non-summary tasks: LF/LS symmetric; TF = LS - ES;
 * FF (free float) = min over outgoing links of the slack of that link, or T - EF without successors.
 * Critical: TF <= critical_slack (default 0). Summaries are not scheduled: their dates are the
 * min/max of their children (links on summaries are not supported: refused), their total float
 * Microsoft Project's: the smaller of LS - ES and LF - EF over those dates.
 * Every leaf task is scheduled: one without links starts at the project start (ASAP), or at its
 * SNET date, which replaces the project start as its floor (it may lie before it, as in MS Project).
 *
 * Times at a working-day boundary are two clock times in one: the end of the working day before
 * and the start of the next. That matters only for a task that takes no time (a milestone), whose
 * day is the day its time belongs to; es_end/ls_end say which, by Microsoft Project's date
 * arithmetic: a time reached as a finish (FS, FF from a task's finish) is an end; a start (the
 * project start, a constraint date, SS/SF from a task's start) a start; adding a positive lag
 * lands on an end, subtracting (a lead) on a start; among equal bounds the later clock time wins
 * for an early date (a start), the earlier for a late date (an end).
 * A task with off times (its owner's leave) is not worked then: it starts at the end of an off
 * time it would start in, and its duration stretches over those inside it (EF = fin(ES, d),
 * LS = beg(LF, d)); a bound falling inside an off time counts as that off time's start.
 */
#ifndef OPSPLAN_SCHED_H
#define OPSPLAN_SCHED_H

enum sched_link_type { SCHED_FS, SCHED_SS, SCHED_FF, SCHED_SF };
enum sched_constraint { SCHED_ASAP, SCHED_SNET, SCHED_FNLT, SCHED_MSO };  /* MSO: must start on (fixed start) */

struct sched_link { int pred, succ; enum sched_link_type type; long lag; };   /* indices into tasks */

struct sched_task {
	/* input */
	long duration;                 /* planned; a started task's work left is `remaining` below */
	int parent;                    /* index of the summary task, -1 = top level */
	enum sched_constraint constraint;
	long constraint_time;          /* SNET/MSO: earliest/fixed start; FNLT: the deadline */
	long actual_start;             /* -1 = not started; else the task is pinned to start there */
	long actual_finish;            /* -1 = not finished; else ES/EF are the actual dates */
	long remaining;                /* started, unfinished: work left, scheduled from status time */
	int has_deadline;              /* a deadline besides the constraint (MS Project's Deadline field): */
	long deadline;                 /* caps LF like FNLT, flagged when missed, never moves the task */
	const long *off;               /* times the task is not worked (its owner's leave): sorted,
	                                  disjoint [from, to) pairs, noff of them; NULL = none */
	int noff;
	/* output */
	long es, ef, ls, lf, total_float, free_float;
	int critical, is_summary;
	int driving_link;              /* index into links of the link that set ES, -1 = none (start/constraint) */
	int es_end, ls_end;            /* a task taking no time (EF == ES): ES (LS) is the end of the working
	                                  time before it, not the start of the next (see above); else 0 */
	int deadline_missed;           /* FNLT or deadline: EF > that time (flagged, never moved) */
};

struct sched_problem {
	struct sched_task *tasks; int ntasks;
	const struct sched_link *links; int nlinks;
	long project_start;            /* usually 0 */
	long status_time;              /* "now": unfinished work is not scheduled before it; -1 = ignore */
	long critical_slack;           /* default 0 */
	/* output */
	long project_finish;
	int *cycle; int ncycle;        /* on a loop: the task indices of one cycle, in order (caller's buffer
	                                  of ntasks ints, may be NULL) */
};

/* Schedules the network. 0 on success; -1 when the links form a loop (cycle filled), -2 for a bad
 * link (index out of range, a link to itself, or a link touching a summary task) or a bad parent
 * (out of range, or parents forming a loop), -3 when memory runs out; on failure the tasks and
 * project_finish are left as they were. Allocates internally (malloc) and frees before
 * returning; O(n + m). */
int sched_run(struct sched_problem *p);
#endif
