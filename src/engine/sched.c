/* sched.c — the critical path method behind sched.h. sched_run checks the input, orders the
 * tasks topologically (Kahn) over link lists kept as two compressed arrays (links by
 * predecessor and by successor, each in link index order), then makes one forward pass in that
 * order, one backward pass in reverse and one roll-up of the summaries from the bottom of the
 * tree up: O(n + m) time, no recursion. On a loop, a walk from a task Kahn could not place
 * along still unplaced predecessors must come back on itself: that repeat is the cycle
 * reported. Temporary arrays are one malloc'd block, freed before returning; the tasks are
 * written only on success.
 *
 * Choices the header leaves open, in the order the passes apply them:
 *  - a finished task sits at its actual dates (without an actual start: actual_finish -
 *    duration); a started one starts at actual_start and finishes at actual_start + duration,
 *    or at status_time + remaining when that is later (remaining < 0 counts as 0; no status
 *    time: actual_start + duration). Links and constraints do not move either.
 *  - an MSO task not yet started starts at constraint_time whatever its links, project start
 *    and status time say; in the backward pass its late start is at most constraint_time, so
 *    a link that would push it shows as negative float on the pushing chain and the task itself
 *    is critical, as in MS Project.
 *  - an FNLT deadline (or a deadline beside another constraint) never moves a task; it caps
 *    the late finish (so a miss is negative float) and sets deadline_missed when EF is later.
 *    On a summary it only flags.
 *  - the driving link is the lowest-index link whose bound equals ES; a link that only ties
 *    the project start, SNET date or status time still drives. Tasks placed by actual dates or
 *    MSO have none.
 *  - the backward pass uses each task's scheduled span EF - ES as its duration, so TF = LS -
 *    ES = LF - EF also for started and finished tasks. Free float is not capped by total
 *    float.
 *  - summaries: es, ls = min over children; ef, lf = max; total float = min(ls - es, lf - ef)
 *    (Microsoft Project's Total Slack of a summary), free float the same; critical by that.
 *  - a time's kind (es_end/ls_end, see sched.h) is decided where the bounds meet: each link's
 *    bound has the kind of the predecessor time it starts from, changed by a lag; ties keep a
 *    start for ES and an end for LF; the project finish T is an end unless every task ending at
 *    T is a milestone at a start. Only tasks taking no time report a kind.
 *  - off times (sched_fin/sched_beg, linear in the task's off times): a bound inside one counts
 *    as its start, a start inside one moves to its end; started, finished and MSO tasks keep
 *    their span in the backward pass, the others their work. */
#include "engine/sched.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Arrays sched_run works with; all point into one allocation. */
struct sched_work {
	int *out_first, *out;        /* links by predecessor: out[out_first[i] .. out_first[i+1]) */
	int *in_first, *in;          /* links by successor, likewise */
	int *indeg;                  /* Kahn: links from tasks not yet placed */
	int *topo;                   /* tasks in topological order (first `placed` entries) */
	int *kids;                   /* summaries: children not yet rolled up */
	int *tree;                   /* tasks with every child before its parent */
	int *path;                   /* the loop walk */
	int *onpath;                 /* position in path, -1 = not on it */
};

static long
sched_max(long a, long b)
{
	return a > b ? a : b;
}

static long
sched_min(long a, long b)
{
	return a < b ? a : b;
}

/* -2 when a link is out of range, joins a task to itself or touches a summary (a task some
 * task names as parent), or a parent is out of range or the parent chains loop; else 0, with
 * w->tree holding every task after all its children. */
static int
sched_check(const struct sched_problem *p, struct sched_work *w)
{
	int n = p->ntasks, done = 0, head = 0;
	for (int i = 0; i < n; i++) w->kids[i] = 0;
	for (int i = 0; i < n; i++) {
		int up = p->tasks[i].parent;
		if (up < -1 || up >= n || up == i) return -2;
		if (up >= 0) w->kids[up]++;
	}
	for (int k = 0; k < p->nlinks; k++) {
		const struct sched_link *l = &p->links[k];
		if (l->pred < 0 || l->pred >= n || l->succ < 0 || l->succ >= n || l->pred == l->succ) return -2;
		if (w->kids[l->pred] || w->kids[l->succ]) return -2;
		if ((unsigned)l->type > SCHED_SF) return -2;
	}
	/* Kahn on the tree: leaves first, a parent once all its children are in. A task on or
	 * under a loop of parents is never reached. */
	for (int i = 0; i < n; i++)
		if (w->kids[i] == 0) w->tree[done++] = i;
	while (head < done) {
		int up = p->tasks[w->tree[head++]].parent;
		if (up >= 0 && --w->kids[up] == 0) w->tree[done++] = up;
	}
	return done == n ? 0 : -2;
}

/* Fills the link lists and w->topo; returns how many tasks Kahn placed (n when there is no
 * loop). The queue starts with the tasks without predecessors in index order. */
static int
sched_order(const struct sched_problem *p, struct sched_work *w)
{
	int n = p->ntasks, m = p->nlinks, placed = 0, head = 0;
	for (int i = 0; i <= n; i++) w->out_first[i] = w->in_first[i] = 0;
	for (int k = 0; k < m; k++) {
		w->out_first[p->links[k].pred + 1]++;
		w->in_first[p->links[k].succ + 1]++;
	}
	for (int i = 0; i < n; i++) {
		w->indeg[i] = w->in_first[i + 1];
		w->out_first[i + 1] += w->out_first[i];
		w->in_first[i + 1] += w->in_first[i];
	}
	/* Counting sort by task, stable, so each list is in link index order; topo serves as the
	 * fill cursor for the out lists and onpath for the in lists before their real use. */
	for (int i = 0; i < n; i++) {
		w->topo[i] = w->out_first[i];
		w->onpath[i] = w->in_first[i];
	}
	for (int k = 0; k < m; k++) {
		w->out[w->topo[p->links[k].pred]++] = k;
		w->in[w->onpath[p->links[k].succ]++] = k;
	}
	for (int i = 0; i < n; i++)
		if (w->indeg[i] == 0) w->topo[placed++] = i;
	while (head < placed) {
		int u = w->topo[head++];
		for (int e = w->out_first[u]; e < w->out_first[u + 1]; e++) {
			int s = p->links[w->out[e]].succ;
			if (--w->indeg[s] == 0) w->topo[placed++] = s;
		}
	}
	return placed;
}

/* After Kahn stopped short: every unplaced task still has an unplaced predecessor, so walking
 * from one to such a predecessor (the lowest-index link's) again and again must revisit a task.
 * Writes that cycle in link direction, starting at its lowest task index, to p->cycle (when
 * given) and its length to p->ncycle. */
static void
sched_cycle(struct sched_problem *p, struct sched_work *w)
{
	int n = p->ntasks, len = 0, v = 0, from, low;
	while (w->indeg[v] == 0) v++;
	for (int i = 0; i < n; i++) w->onpath[i] = -1;
	while (w->onpath[v] < 0) {
		w->onpath[v] = len;
		w->path[len++] = v;
		for (int e = w->in_first[v]; e < w->in_first[v + 1]; e++) {
			int q = p->links[w->in[e]].pred;
			if (w->indeg[q] > 0) {
				v = q;
				break;
			}
		}
	}
	/* path[i + 1] precedes path[i]; the cycle is path[from .. len), read backwards. */
	from = w->onpath[v];
	p->ncycle = len - from;
	low = len - 1;
	for (int i = from; i < len; i++)
		if (w->path[i] < w->path[low]) low = i;
	if (p->cycle)
		for (int j = 0; j < p->ncycle; j++) {
			int i = low - j;
			if (i < from) i += p->ncycle;
			p->cycle[j] = w->path[i];
		}
}

/* The finish of d units of t's work started at s, stepping over its off times; d = 0 gives
 * the first time at or after s that is not off. */
static long
sched_fin(const struct sched_task *t, long s, long d)
{
	for (int i = 0; i < t->noff; i++) {
		long a = t->off[2 * i], b = t->off[2 * i + 1];
		if (b <= s) continue;
		if (a <= s) s = b;
		else if (s + d <= a) return s + d;
		else {
			d -= a - s;
			s = b;
		}
	}
	return s + d;
}

/* The start of d units of t's work that finish at f: sched_fin backwards. */
static long
sched_beg(const struct sched_task *t, long f, long d)
{
	for (int i = t->noff - 1; i >= 0; i--) {
		long a = t->off[2 * i], b = t->off[2 * i + 1];
		if (a >= f) continue;
		if (b >= f) f = a;
		else if (f - d >= b) return f - d;
		else {
			d -= f - b;
			f = a;
		}
	}
	return f - d;
}

/* Whether t's finish (start) time is the end of working time (see sched.h): a finish always is for
 * a task that takes time, a start never; a task taking none has its own. Late times likewise. */
static int
fin_end(const struct sched_task *t)
{
	return t->ef > t->es ? 1 : t->es_end;
}

static int
sta_end(const struct sched_task *t)
{
	return t->ef > t->es ? 0 : t->es_end;
}

static int
late_fin_end(const struct sched_task *t)
{
	return t->lf > t->ls ? 1 : t->ls_end;
}

static int
late_sta_end(const struct sched_task *t)
{
	return t->lf > t->ls ? 0 : t->ls_end;
}

/* The kind of base + lag: adding working time lands on an end, subtracting on a start, nothing
 * keeps the base's kind. */
static int
lag_end(long lag, int base)
{
	return lag > 0 ? 1 : lag < 0 ? 0 : base;
}

/* The earliest start link k allows its successor; whether that time is an end into *end. */
static long
sched_bound(const struct sched_problem *p, int k, int *end)
{
	const struct sched_link *l = &p->links[k];
	const struct sched_task *a = &p->tasks[l->pred], *s = &p->tasks[l->succ];
	switch (l->type) {
	case SCHED_SS:
		*end = lag_end(l->lag, sta_end(a));
		return a->es + l->lag;
	case SCHED_FF:
		*end = lag_end(l->lag, fin_end(a));
		return sched_beg(s, a->ef + l->lag, s->duration);
	case SCHED_SF:
		*end = lag_end(l->lag, sta_end(a));
		return sched_beg(s, a->es + l->lag, s->duration);
	default:
		*end = lag_end(l->lag, fin_end(a));
		return a->ef + l->lag;
	}
}

/* The earlier of *t (of kind *end) and b (of kind k): among equal times the end (the earlier
 * clock time) wins. */
static void
late_min(long *t, int *end, long b, int k)
{
	if (b < *t) {
		*t = b;
		*end = k;
	} else if (b == *t) {
		*end |= k;
	}
}

/* Forward pass for leaf u, whose predecessors are done. */
static void
sched_forward(struct sched_problem *p, const struct sched_work *w, int u)
{
	struct sched_task *t = &p->tasks[u];
	t->driving_link = -1;
	t->es_end = 0;
	if (t->actual_finish >= 0) {
		t->es = t->actual_start >= 0 ? t->actual_start : sched_beg(t, t->actual_finish, t->duration);
		t->ef = t->actual_finish;
	} else if (t->actual_start >= 0) {
		t->es = t->actual_start;
		t->ef = sched_fin(t, t->es, t->duration);
		if (p->status_time >= 0)
			t->ef = sched_max(t->ef, sched_fin(t, p->status_time, sched_max(t->remaining, 0)));
	} else if (t->constraint == SCHED_MSO) {
		t->es = t->constraint_time;
		t->ef = sched_fin(t, t->es, t->duration);
	} else {
		/* the floor: the SNET date, else the project start (both starts); then the links */
		long es = t->constraint == SCHED_SNET ? t->constraint_time : p->project_start;
		int end = 0;
		if (p->status_time >= 0) es = sched_max(es, p->status_time);
		for (int e = w->in_first[u]; e < w->in_first[u + 1]; e++) {
			int k;
			long b = sched_bound(p, w->in[e], &k);
			if (b > es) {
				es = b;
				end = k;
				t->driving_link = w->in[e];
			} else if (b == es) {
				end = end && k;   /* the later clock time: a start wins */
				if (t->driving_link < 0) t->driving_link = w->in[e];
			}
		}
		t->es = sched_fin(t, es, 0);
		t->ef = sched_fin(t, t->es, t->duration);
		t->es_end = t->ef == t->es && t->es == es ? end : 0;
	}
	t->deadline_missed = (t->constraint == SCHED_FNLT && t->ef > t->constraint_time) ||
			     (t->has_deadline && t->ef > t->deadline);
}

/* Backward pass and free float for leaf u, whose successors are done; finish is T, finish_end
 * whether T is an end. */
static void
sched_backward(struct sched_problem *p, const struct sched_work *w, int u, long finish, int finish_end)
{
	struct sched_task *t = &p->tasks[u];
	long span = t->ef - t->es, lf = finish, ff = finish - t->ef, d = t->duration;
	int lend = finish_end;
	int fixed = t->constraint == SCHED_MSO && t->actual_start < 0 && t->actual_finish < 0;
	/* an unstarted, unfixed task with off times keeps its work, not its span, when it moves */
	int stretch = t->noff > 0 && !fixed && t->actual_start < 0 && t->actual_finish < 0;
	if (t->constraint == SCHED_FNLT) late_min(&lf, &lend, t->constraint_time, 1);
	if (t->has_deadline) late_min(&lf, &lend, t->deadline, 1);
	if (fixed) late_min(&lf, &lend, t->constraint_time + span, span > 0);
	for (int e = w->out_first[u]; e < w->out_first[u + 1]; e++) {
		const struct sched_link *l = &p->links[w->out[e]];
		const struct sched_task *s = &p->tasks[l->succ];
		long late, slack;
		int base;
		switch (l->type) {
		case SCHED_SS:
			late = stretch ? sched_fin(t, s->ls - l->lag, d) : s->ls - l->lag + span;
			slack = s->es - l->lag - t->es;
			base = late_sta_end(s);
			break;
		case SCHED_FF:
			late = s->lf - l->lag;
			slack = s->ef - l->lag - t->ef;
			base = late_fin_end(s);
			break;
		case SCHED_SF:
			late = stretch ? sched_fin(t, s->lf - l->lag, d) : s->lf - l->lag + span;
			slack = s->ef - l->lag - t->es;
			base = late_fin_end(s);
			break;
		default:
			late = s->ls - l->lag;
			slack = s->es - l->lag - t->ef;
			base = late_sta_end(s);
			break;
		}
		/* going back: subtracting a lag lands on a start, adding a lead on an end */
		late_min(&lf, &lend, late, lag_end(-l->lag, base));
		ff = e == w->out_first[u] ? slack : sched_min(ff, slack);
	}
	t->lf = lf;
	t->ls = stretch ? sched_beg(t, lf, d) : lf - span;
	t->ls_end = t->ls == t->lf ? lend : 0;
	t->total_float = t->ls - t->es;
	t->free_float = ff;
	t->critical = t->total_float <= p->critical_slack;
	t->is_summary = 0;
}

/* Rolls every summary up from its children, walking w->tree (children first); kids[] is
 * recounted here since sched_check used it up. */
static void
sched_rollup(struct sched_problem *p, struct sched_work *w)
{
	int n = p->ntasks;
	for (int i = 0; i < n; i++) w->kids[i] = 0;
	for (int i = 0; i < n; i++)
		if (p->tasks[i].parent >= 0) w->kids[p->tasks[i].parent]++;
	for (int i = 0; i < n; i++) {
		struct sched_task *s = &p->tasks[i];
		if (!w->kids[i]) continue;
		s->es = s->ls = s->total_float = s->free_float = LONG_MAX;
		s->ef = s->lf = LONG_MIN;
		s->critical = 0;
		s->is_summary = 1;
		s->driving_link = -1;
		s->es_end = s->ls_end = 0;
	}
	for (int j = 0; j < n; j++) {
		struct sched_task *c = &p->tasks[w->tree[j]], *s;
		if (c->is_summary)
			c->deadline_missed = (c->constraint == SCHED_FNLT && c->ef > c->constraint_time) ||
					     (c->has_deadline && c->ef > c->deadline);
		if (c->parent < 0) continue;
		s = &p->tasks[c->parent];
		s->es = sched_min(s->es, c->es);
		s->ef = sched_max(s->ef, c->ef);
		s->ls = sched_min(s->ls, c->ls);
		s->lf = sched_max(s->lf, c->lf);
	}
	/* a summary's float from its own dates (Microsoft Project's Total Slack); its free float is
	 * capped by that, having no links of its own */
	for (int i = 0; i < n; i++) {
		struct sched_task *s = &p->tasks[i];
		if (!s->is_summary) continue;
		s->total_float = s->free_float = sched_min(s->ls - s->es, s->lf - s->ef);
		s->critical = s->total_float <= p->critical_slack;
	}
}

/* Schedules the network (see sched.h): checks, orders, forward pass, T, backward pass in
 * reverse order, roll-up. Returns 0, -1 (loop, cycle filled), -2 (bad link or parent) or -3
 * (out of memory); on any failure the tasks and project_finish are as they were. */
int
sched_run(struct sched_problem *p)
{
	struct sched_work w;
	int n = p->ntasks, m = p->nlinks, rc;
	long finish;
	int *mem;
	p->ncycle = 0;
	if (n < 0 || m < 0 || (n > 0 && !p->tasks) || (m > 0 && !p->links)) return -2;
	if (n == 0) {
		if (m > 0) return -2;
		p->project_finish = p->project_start;
		return 0;
	}
	size_t un = (size_t)n, um = (size_t)m;
	if (!(mem = malloc((8 * un + 2 + 2 * um) * sizeof *mem))) return -3;
	w.out_first = mem;
	w.in_first = w.out_first + un + 1;
	w.out = w.in_first + un + 1;
	w.in = w.out + um;
	w.indeg = w.in + um;
	w.topo = w.indeg + un;
	w.kids = w.topo + un;
	w.tree = w.kids + un;
	w.path = w.tree + un;
	w.onpath = w.path + un;

	if ((rc = sched_check(p, &w)) != 0) goto out;
	if (sched_order(p, &w) < n) {
		sched_cycle(p, &w);
		rc = -1;
		goto out;
	}
	/* Summaries have no links (checked), so they sit in topo too; the passes skip them. */
	for (int j = 0; j < n; j++) w.kids[j] = 0;
	for (int j = 0; j < n; j++)
		if (p->tasks[j].parent >= 0) w.kids[p->tasks[j].parent] = 1;
	finish = LONG_MIN;
	int finish_end = 1;
	for (int j = 0; j < n; j++) {
		int u = w.topo[j];
		if (w.kids[u]) continue;
		sched_forward(p, &w, u);
		if (p->tasks[u].ef > finish) {
			finish = p->tasks[u].ef;
			finish_end = fin_end(&p->tasks[u]);
		} else if (p->tasks[u].ef == finish) {
			finish_end = finish_end && fin_end(&p->tasks[u]);
		}
	}
	for (int j = n - 1; j >= 0; j--)
		if (!w.kids[w.topo[j]]) sched_backward(p, &w, w.topo[j], finish, finish_end);
	sched_rollup(p, &w);
	p->project_finish = finish;
out:
	free(mem);
	return rc;
}
