/* wbs.c — the work breakdown structure engine: numbering, pre-order rows and summary roll-ups
 * of one project's task tree, and the loop check for moves. Pure (no I/O); wbs_compute takes
 * O(n log n): two sorts (by id, and by parent/position/id so that each task's children are one
 * contiguous run) and binary searches, then one iterative pre-order walk (no recursion, so a
 * 10,000-deep chain is fine). Temporary arrays are malloc'd and freed before returning. */
#include "engine/wbs.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct wbs_key {
	long long parent, id;
	int position, idx;
};

static int
wbs_cmp_id(const void *a, const void *b)
{
	const struct wbs_key *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static int
wbs_cmp_sibling(const void *a, const void *b)
{
	const struct wbs_key *x = a, *y = b;
	if (x->parent != y->parent) return (x->parent > y->parent) - (x->parent < y->parent);
	if (x->position != y->position) return (x->position > y->position) - (x->position < y->position);
	return (x->id > y->id) - (x->id < y->id);
}

/* Index into t of the task with this id, from keys sorted by id; -1 when absent. */
static int
wbs_find(const struct wbs_key *byid, int n, long long id)
{
	int lo = 0, hi = n;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (byid[mid].id < id) lo = mid + 1;
		else hi = mid;
	}
	return lo < n && byid[lo].id == id ? byid[lo].idx : -1;
}

/* Sets out to parent's code + "." + pos (just pos at depth 0). A code longer than 63
 * characters (a tree deeper than about 30 levels) is left empty, and so are its descendants'
 * codes. parent is another task's wbs, never out itself. */
static void
wbs_code(char out[64], const char *parent, int depth, int pos)
{
	char num[16];
	int nl = snprintf(num, sizeof num, "%d", pos);
	size_t pl = depth == 0 ? 0 : strlen(parent);
	out[0] = 0;
	if (nl < 0 || (depth > 0 && pl == 0) || pl + 1 + (size_t)nl > 63) return;
	if (pl) {
		memcpy(out, parent, pl);
		out[pl++] = '.';
	}
	memcpy(out + pl, num, (size_t)nl + 1);
}

const char *const wbs_status_names[] = { "not_started", "in_progress", "blocked", "done", "cancelled" };

/* Rolls the children ord[first .. first+cnt) of summary s up into s. */
static void
wbs_rollup(struct wbs_task *t, const struct wbs_key *ord, int first, int cnt, struct wbs_task *s)
{
	double est = 0, rem = 0, weighted = 0, plain = 0;
	int start = -1, finish = -1, astart = -1, afinish = -1, all_finished = 1;
	int cancelled = 0, closed = 0, blocked = 0, started = 0;
	for (int k = first; k < first + cnt; k++) {
		const struct wbs_task *ch = &t[ord[k].idx];
		cancelled += ch->r_status == WBS_CANCELLED;
		closed += ch->r_status == WBS_DONE || ch->r_status == WBS_CANCELLED;
		blocked |= ch->r_status == WBS_BLOCKED;
		started |= ch->r_status != WBS_NOT_STARTED && ch->r_status != WBS_CANCELLED;
		est += ch->r_estimate;
		rem += ch->r_remaining;
		weighted += ch->r_estimate * ch->r_percent;
		plain += ch->r_percent;
		if (ch->r_start != -1 && (start == -1 || ch->r_start < start)) start = ch->r_start;
		if (ch->r_finish != -1 && (finish == -1 || ch->r_finish > finish)) finish = ch->r_finish;
		if (ch->r_actual_start != -1 && (astart == -1 || ch->r_actual_start < astart))
			astart = ch->r_actual_start;
		if (ch->r_actual_finish == -1) all_finished = 0;
		else if (ch->r_actual_finish > afinish) afinish = ch->r_actual_finish;
	}
	s->r_estimate = est;
	s->r_remaining = rem;
	s->r_percent = est > 0 ? weighted / est : plain / cnt;
	s->r_start = start;
	s->r_finish = finish;
	s->r_actual_start = astart;
	s->r_actual_finish = all_finished ? afinish : -1;
	s->r_status = cancelled == cnt ? WBS_CANCELLED : closed == cnt ? WBS_DONE : blocked ? WBS_BLOCKED
		    : started || s->r_percent > 0 ? WBS_IN_PROGRESS : WBS_NOT_STARTED;
}

/* Numbers and rolls up the n tasks of t, then reorders t by seq (see wbs.h). Siblings are
 * ordered by position, ties by id. Leaves' r_* are copies of their own values; a summary's own
 * dates, hours and percent are ignored. Returns 0; or -1 when a parent is missing, the tree has
 * a loop, two tasks share an id, a task has id 0 (0 means "top level"), or memory runs out —
 * and then t is left exactly as it was given. */
int
wbs_compute(struct wbs_task *t, int n)
{
	if (n <= 0) return 0;
	size_t un = (size_t)n;
	struct wbs_key *byid = malloc(un * sizeof *byid), *ord = malloc(un * sizeof *ord);
	int *first = malloc(un * sizeof *first), *cnt = malloc(un * sizeof *cnt);
	int *pre = malloc(un * sizeof *pre), *stack = malloc(un * sizeof *stack);
	int *pos = malloc(un * sizeof *pos), *depth = malloc(un * sizeof *depth);
	struct wbs_task *tmp = NULL;
	int rc = -1, top_first = 0, top_cnt = 0, seen = 0, sp = 0;
	if (!byid || !ord || !first || !cnt || !pre || !stack || !pos || !depth) goto out;

	for (int i = 0; i < n; i++) {
		byid[i] = (struct wbs_key){ t[i].parent, t[i].id, t[i].position, i };
		first[i] = cnt[i] = 0;
	}
	memcpy(ord, byid, un * sizeof *ord);
	qsort(byid, un, sizeof *byid, wbs_cmp_id);
	for (int i = 0; i < n; i++)
		if (byid[i].id == 0 || (i > 0 && byid[i].id == byid[i - 1].id)) goto out;
	qsort(ord, un, sizeof *ord, wbs_cmp_sibling);

	/* Each run of equal parents is that parent's children, in order. */
	for (int k = 0; k < n;) {
		int end = k;
		while (end < n && ord[end].parent == ord[k].parent) end++;
		for (int j = k; j < end; j++) pos[ord[j].idx] = j - k + 1;
		if (ord[k].parent == 0) {
			top_first = k;
			top_cnt = end - k;
		} else {
			int p = wbs_find(byid, n, ord[k].parent);
			if (p < 0) goto out;
			first[p] = k;
			cnt[p] = end - k;
		}
		k = end;
	}

	/* Pre-order from the top level. Every task reached has a chain of parents up to 0, so a
	 * task never reached is on or under a loop. */
	for (int k = top_first + top_cnt - 1; k >= top_first; k--) {
		stack[sp++] = ord[k].idx;
		depth[ord[k].idx] = 0;
	}
	while (sp > 0) {
		int i = stack[--sp];
		pre[seen++] = i;
		for (int k = first[i] + cnt[i] - 1; k >= first[i] && cnt[i] > 0; k--) {
			stack[sp++] = ord[k].idx;
			depth[ord[k].idx] = depth[i] + 1;
		}
	}
	if (seen != n) goto out;
	if (!(tmp = malloc(un * sizeof *tmp))) goto out;

	/* Valid: from here on t is written. Codes in pre-order (parents before children), then
	 * roll-ups in reverse pre-order (children before parents). */
	for (int s = 0; s < n; s++) {
		int i = pre[s];
		struct wbs_task *x = &t[i];
		int p = x->parent ? wbs_find(byid, n, x->parent) : -1;
		x->seq = s + 1;
		x->depth = depth[i];
		x->position = pos[i];
		x->is_summary = cnt[i] > 0;
		wbs_code(x->wbs, p >= 0 ? t[p].wbs : "", depth[i], pos[i]);
	}
	for (int s = n - 1; s >= 0; s--) {
		struct wbs_task *x = &t[pre[s]];
		if (x->is_summary) {
			wbs_rollup(t, ord, first[pre[s]], cnt[pre[s]], x);
		} else {
			x->r_estimate = x->estimate;
			x->r_percent = x->percent;
			x->r_remaining = x->remaining;
			x->r_start = x->start;
			x->r_finish = x->finish;
			x->r_actual_start = x->actual_start;
			x->r_actual_finish = x->actual_finish;
			x->r_status = x->status;
		}
	}
	for (int s = 0; s < n; s++) tmp[s] = t[pre[s]];
	memcpy(t, tmp, un * sizeof *t);
	rc = 0;
out:
	free(byid); free(ord); free(first); free(cnt);
	free(pre); free(stack); free(pos); free(depth); free(tmp);
	return rc;
}

/* 1 when new_parent is id itself or one of id's descendants in t (any order), so the move
 * would make a loop. 0 for new_parent 0 (top level), for a new_parent not in t, and when the
 * chain above new_parent ends (parent 0 or missing) or cycles without meeting id. Allocates
 * an id index; without memory it falls back to linear searches. */
int
wbs_would_loop(const struct wbs_task *t, int n, long long id, long long new_parent)
{
	if (new_parent == id) return 1;
	if (new_parent == 0 || n <= 0) return 0;
	struct wbs_key *byid = malloc((size_t)n * sizeof *byid);
	if (byid) {
		for (int i = 0; i < n; i++)
			byid[i] = (struct wbs_key){ t[i].parent, t[i].id, t[i].position, i };
		qsort(byid, (size_t)n, sizeof *byid, wbs_cmp_id);
	}
	int loop = 0;
	long long cur = new_parent;
	for (int steps = 0; steps <= n && cur != 0; steps++) {
		if (cur == id) { loop = 1; break; }
		int i = -1;
		if (byid) i = wbs_find(byid, n, cur);
		else for (int j = 0; j < n && i < 0; j++) if (t[j].id == cur) i = j;
		if (i < 0) break;
		cur = t[i].parent;
	}
	free(byid);
	return loop;
}
