/* wbs.h — the work breakdown structure engine (pure): numbering, row order and summary
 * roll-ups of one project's task tree, and loop checks for moves. */
#ifndef OPSPLAN_WBS_H
#define OPSPLAN_WBS_H

struct wbs_task {
	/* input */
	long long id, parent;        /* parent 0 = top level */
	int position;                /* order among siblings */
	double estimate, percent, remaining;
	int start, finish;           /* planned, day numbers; -1 = none */
	int actual_start, actual_finish;
	int status;                  /* enum wbs_status */
	/* output (summaries: rolled up from their children; leaves: copied) */
	char wbs[64];
	int depth, seq, is_summary;
	double r_estimate, r_percent, r_remaining;
	int r_start, r_finish, r_actual_start, r_actual_finish;
	int r_status;
};

/* A task's status; a summary's is its children's: cancelled when all are, done when all are done
 * or cancelled, blocked when one is, in progress when one has started (or has progress), else not
 * started. */
enum wbs_status { WBS_NOT_STARTED, WBS_IN_PROGRESS, WBS_BLOCKED, WBS_DONE, WBS_CANCELLED };
extern const char *const wbs_status_names[];   /* "not_started" … "cancelled", by enum value */

/* Numbers the tree: seq (pre-order row), depth, wbs ("1.2.3") and positions renumbered 1..n in
 * their current order; rolls summaries up (dates min/max, hours summed, percent weighted by
 * estimate, plain average when no child has an estimate; status as for enum wbs_status). t is
 * reordered by seq.
 * Returns 0, or -1 when a parent is missing or the tree has a loop. */
int wbs_compute(struct wbs_task *t, int n);
/* 1 when making task id a child of new_parent would put it under itself. */
int wbs_would_loop(const struct wbs_task *t, int n, long long id, long long new_parent);
#endif
