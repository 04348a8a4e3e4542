/* Unit tests for wbs.c: numbering and row order of a shuffled tree, positions with gaps and
 * ties, exact roll-ups, refusals (loop, missing parent, duplicate id) that leave the input as it
 * was, move loop checks, a 10,000-deep chain, and 10,000 random tasks checked for consistency
 * against an independent roll-up. */
#include "unit.h"
#include "engine/wbs.h"
#include <time.h>

static struct wbs_task
task(long long id, long long parent, int position, double estimate, double percent,
     double remaining, int start, int finish, int actual_start, int actual_finish)
{
	struct wbs_task x;
	memset(&x, 0, sizeof x);
	x.id = id;
	x.parent = parent;
	x.position = position;
	x.estimate = estimate;
	x.percent = percent;
	x.remaining = remaining;
	x.start = start;
	x.finish = finish;
	x.actual_start = actual_start;
	x.actual_finish = actual_finish;
	return x;
}

static const struct wbs_task *
by_id(const struct wbs_task *t, int n, long long id)
{
	for (int i = 0; i < n; i++)
		if (t[i].id == id) return &t[i];
	return NULL;
}

/* 1 Migration            (top, position 10; its own figures must be ignored)
 *   2 Prepare            (position 1)
 *     4 leaf             (position 2)  8h, 50%
 *     5 leaf             (position 1) 24h, 100%, finished
 *   3 leaf               (position 5)  8h, 25%, no dates
 * 6 Cutover              (top, position 20)
 *   7 leaf, 8 leaf       (both position 3: id decides) no estimate, 20% and 60%, both finished
 * 9 leaf                 (top, position 20: after 6 by id)
 * given in shuffled order. */
#define T0 20700
static int
sample(struct wbs_task *t)
{
	int n = 0;
	t[n++] = task(8, 6, 3, 0, 60, 1, T0 + 10, T0 + 12, T0 + 9, T0 + 13);
	t[n++] = task(3, 1, 5, 8, 25, 6, -1, -1, -1, -1);
	t[n++] = task(9, 0, 20, 2, 0, 2, T0 + 20, T0 + 21, -1, -1);
	t[n++] = task(5, 2, 1, 24, 100, 0, T0 - 1, T0, T0 - 1, T0);
	t[n++] = task(1, 0, 10, 999, 1, 999, T0 - 50, T0 + 50, T0 - 50, T0 + 50);
	t[n++] = task(7, 6, 3, 0, 20, 3, T0 + 11, T0 + 14, T0 + 8, T0 + 15);
	t[n++] = task(4, 2, 2, 8, 50, 4, T0, T0 + 2, T0, -1);
	t[n++] = task(6, 0, 20, 0, 0, 0, -1, -1, -1, -1);
	t[n++] = task(2, 1, 1, 0, 0, 0, -1, -1, -1, -1);
	return n;
}

static void
numbering(void)
{
	struct wbs_task t[16];
	int n = sample(t);
	CHECK(wbs_compute(t, n) == 0);
	static const struct { long long id; const char *wbs; int depth, position, summary; } want[] = {
		{ 1, "1", 0, 1, 1 }, { 2, "1.1", 1, 1, 1 }, { 5, "1.1.1", 2, 1, 0 }, { 4, "1.1.2", 2, 2, 0 },
		{ 3, "1.2", 1, 2, 0 }, { 6, "2", 0, 2, 1 }, { 7, "2.1", 1, 1, 0 }, { 8, "2.2", 1, 2, 0 },
		{ 9, "3", 0, 3, 0 },
	};
	CHECK(n == (int)(sizeof want / sizeof want[0]));
	for (int i = 0; i < n; i++) {
		CHECK(t[i].id == want[i].id);
		CHECK(t[i].seq == i + 1);
		CHECK_STR(t[i].wbs, want[i].wbs);
		CHECK(t[i].depth == want[i].depth);
		CHECK(t[i].position == want[i].position);
		CHECK(t[i].is_summary == want[i].summary);
	}
	/* Running again on the output changes nothing. */
	struct wbs_task again[16];
	memcpy(again, t, sizeof t);
	CHECK(wbs_compute(again, n) == 0);
	CHECK(memcmp(again, t, (size_t)n * sizeof t[0]) == 0);
}

static void
rollups(void)
{
	struct wbs_task t[16];
	int n = sample(t);
	CHECK(wbs_compute(t, n) == 0);
	const struct wbs_task *s2 = by_id(t, n, 2), *s1 = by_id(t, n, 1), *s6 = by_id(t, n, 6);
	const struct wbs_task *l4 = by_id(t, n, 4), *l3 = by_id(t, n, 3);
	/* Leaves copy their own figures. */
	CHECK(l4->r_estimate == 8 && l4->r_percent == 50 && l4->r_remaining == 4);
	CHECK(l4->r_start == T0 && l4->r_finish == T0 + 2 && l4->r_actual_start == T0 && l4->r_actual_finish == -1);
	CHECK(l3->r_start == -1 && l3->r_finish == -1);
	/* 2 = 4 + 5: 32h, (8*50 + 24*100) / 32 = 87.5%, 4h left; 4 is unfinished. */
	CHECK(s2->r_estimate == 32);
	CHECK(s2->r_percent == 87.5);
	CHECK(s2->r_remaining == 4);
	CHECK(s2->r_start == T0 - 1 && s2->r_finish == T0 + 2);
	CHECK(s2->r_actual_start == T0 - 1 && s2->r_actual_finish == -1);
	/* 1 = 2 + 3: 40h, (32*87.5 + 8*25) / 40 = 75%, 10h left; 3's missing dates are ignored and
	 * 1's own 999h / 1% / dates are not used. */
	CHECK(s1->r_estimate == 40);
	CHECK(s1->r_percent == 75);
	CHECK(s1->r_remaining == 10);
	CHECK(s1->r_start == T0 - 1 && s1->r_finish == T0 + 2);
	CHECK(s1->r_actual_start == T0 - 1 && s1->r_actual_finish == -1);
	CHECK(s1->estimate == 999);                     /* inputs are kept */
	/* 6 = 7 + 8: no estimate, so the plain average (20 + 60) / 2 = 40%; both finished. */
	CHECK(s6->r_estimate == 0);
	CHECK(s6->r_percent == 40);
	CHECK(s6->r_remaining == 4);
	CHECK(s6->r_start == T0 + 10 && s6->r_finish == T0 + 14);
	CHECK(s6->r_actual_start == T0 + 8 && s6->r_actual_finish == T0 + 15);
}

static void
refusals(void)
{
	struct wbs_task t[8], before[8];
	/* 2 and 3 are each other's parent. */
	t[0] = task(1, 0, 1, 1, 0, 1, -1, -1, -1, -1);
	t[1] = task(2, 3, 1, 1, 0, 1, -1, -1, -1, -1);
	t[2] = task(3, 2, 1, 1, 0, 1, -1, -1, -1, -1);
	t[3] = task(4, 1, 1, 1, 0, 1, -1, -1, -1, -1);
	memcpy(before, t, sizeof t);
	CHECK(wbs_compute(t, 4) == -1);
	CHECK(memcmp(before, t, 4 * sizeof t[0]) == 0);
	/* A task under itself. */
	t[1] = task(2, 2, 1, 1, 0, 1, -1, -1, -1, -1);
	t[2] = task(3, 1, 2, 1, 0, 1, -1, -1, -1, -1);
	memcpy(before, t, sizeof t);
	CHECK(wbs_compute(t, 4) == -1);
	CHECK(memcmp(before, t, 4 * sizeof t[0]) == 0);
	/* A loop hanging below a healthy tree's leaf is still refused: 5 -> 6 -> 5. */
	t[1] = task(2, 1, 1, 1, 0, 1, -1, -1, -1, -1);
	t[4] = task(5, 6, 1, 1, 0, 1, -1, -1, -1, -1);
	t[5] = task(6, 5, 1, 1, 0, 1, -1, -1, -1, -1);
	memcpy(before, t, sizeof t);
	CHECK(wbs_compute(t, 6) == -1);
	CHECK(memcmp(before, t, 6 * sizeof t[0]) == 0);
	/* A missing parent. */
	t[4] = task(5, 99, 1, 1, 0, 1, -1, -1, -1, -1);
	t[5] = task(6, 5, 1, 1, 0, 1, -1, -1, -1, -1);
	memcpy(before, t, sizeof t);
	CHECK(wbs_compute(t, 6) == -1);
	CHECK(memcmp(before, t, 6 * sizeof t[0]) == 0);
	/* Two tasks with one id; a task with id 0 (0 means "top level"). */
	t[4] = task(4, 0, 9, 1, 0, 1, -1, -1, -1, -1);
	CHECK(wbs_compute(t, 5) == -1);
	t[4] = task(0, 1, 9, 1, 0, 1, -1, -1, -1, -1);
	CHECK(wbs_compute(t, 5) == -1);
	/* Without those, the same tasks are fine; no tasks at all is fine. */
	CHECK(wbs_compute(t, 4) == 0);
	CHECK(wbs_compute(t, 0) == 0);
}

static void
move_loops(void)
{
	struct wbs_task t[16];
	int n = sample(t);
	for (int pass = 0; pass < 2; pass++) {           /* shuffled input, then computed output */
		CHECK(wbs_would_loop(t, n, 1, 1));           /* under itself */
		CHECK(wbs_would_loop(t, n, 1, 2));           /* under its child */
		CHECK(wbs_would_loop(t, n, 1, 5));           /* under its grandchild */
		CHECK(wbs_would_loop(t, n, 2, 4));
		CHECK(!wbs_would_loop(t, n, 2, 1));          /* where it already is */
		CHECK(!wbs_would_loop(t, n, 5, 2));
		CHECK(!wbs_would_loop(t, n, 2, 6));          /* another branch */
		CHECK(!wbs_would_loop(t, n, 4, 3));          /* under its parent's sibling */
		CHECK(!wbs_would_loop(t, n, 6, 9));
		CHECK(!wbs_would_loop(t, n, 1, 0));          /* to the top level */
		CHECK(!wbs_would_loop(t, n, 1, 12345));      /* unknown parent: not a loop */
		CHECK(wbs_compute(t, n) == 0);
	}
	/* An existing loop elsewhere does not hang the walk. */
	t[0] = task(1, 0, 1, 0, 0, 0, -1, -1, -1, -1);
	t[1] = task(2, 3, 1, 0, 0, 0, -1, -1, -1, -1);
	t[2] = task(3, 2, 1, 0, 0, 0, -1, -1, -1, -1);
	CHECK(!wbs_would_loop(t, 3, 1, 2));
	CHECK(wbs_would_loop(t, 3, 2, 3));
}

/* A chain 10,000 deep: no recursion limit; codes that do not fit 63 characters are empty. */
static void
deep_chain(void)
{
	enum { N = 10000 };
	struct wbs_task *t = calloc(N, sizeof *t);
	CHECK(t != NULL);
	if (!t) return;
	for (int i = 0; i < N; i++)
		t[i] = task(N - i, N - i - 1, 1, i == 0 ? 3 : 100, 40, 2, -1, -1, -1, -1);  /* deepest first */
	CHECK(wbs_would_loop(t, N, 1, N));
	CHECK(!wbs_would_loop(t, N, N, 1));
	CHECK(wbs_compute(t, N) == 0);
	CHECK(t[0].id == 1 && t[N - 1].id == N && t[N - 1].depth == N - 1);
	CHECK_STR(t[0].wbs, "1");
	CHECK_STR(t[2].wbs, "1.1.1");
	CHECK(strlen(t[31].wbs) == 63);                 /* 32 levels of "1." fit, less one dot */
	CHECK_STR(t[32].wbs, "");
	CHECK_STR(t[N - 1].wbs, "");
	CHECK(t[0].r_estimate == 3 && t[0].r_percent == 40 && t[0].is_summary && !t[N - 1].is_summary);
	free(t);
}

static unsigned long long rng = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* 10,000 random tasks (ids 1..N, parents earlier ids or top level, positions with ties and
 * gaps) shuffled; the result is checked for pre-order, numbering and roll-ups. */
static void
random_large(void)
{
	enum { N = 10000 };
	struct wbs_task *t = calloc(N, sizeof *t), *orig = calloc(N + 1, sizeof *t);
	int *at = calloc(N + 1, sizeof *at), *stack = calloc(N + 1, sizeof *stack);
	double *est = calloc(N + 1, sizeof *est), *rem = calloc(N + 1, sizeof *rem);
	double *wsum = calloc(N + 1, sizeof *wsum), *psum = calloc(N + 1, sizeof *psum);
	int *kids = calloc(N + 1, sizeof *kids), *smin = calloc(N + 1, sizeof *smin);
	CHECK(t && orig && at && stack && est && rem && wsum && psum && kids && smin);
	if (!(t && orig && at && stack && est && rem && wsum && psum && kids && smin)) goto out;

	for (int i = 0; i < N; i++) {
		long long id = i + 1, parent = i == 0 || rnd(25) == 0 ? 0 : 1 + rnd((unsigned)i);
		int start = rnd(4) ? 20000 + (int)rnd(400) : -1;
		t[i] = task(id, parent, (int)rnd(12) * 5, rnd(5) ? rnd(40) : 0, rnd(101), rnd(20),
		            start, start < 0 ? -1 : start + (int)rnd(30), -1, -1);
		orig[id] = t[i];
	}
	for (int i = N - 1; i > 0; i--) {
		int j = (int)rnd((unsigned)i + 1);
		struct wbs_task x = t[i];
		t[i] = t[j];
		t[j] = x;
	}
	clock_t c0 = clock();
	int rc = wbs_compute(t, N);
	clock_t c1 = clock();
	printf("# wbs_compute: %d random tasks in %.1f ms\n", N, 1000.0 * (double)(c1 - c0) / CLOCKS_PER_SEC);
	CHECK(rc == 0);
	if (rc) goto out;

	int bad_seq = 0, bad_pre = 0, bad_code = 0, bad_order = 0, bad_roll = 0, sp = 0;
	for (int i = 0; i < N; i++) at[t[i].id] = i;
	for (int i = 0; i < N; i++) {
		const struct wbs_task *x = &t[i];
		if (x->seq != i + 1 || x->parent != orig[x->id].parent) bad_seq++;
		/* Pre-order: the parent is the nearest earlier row one level up. */
		while (sp > 0 && t[stack[sp - 1]].depth >= x->depth) sp--;
		if (x->parent == 0 ? x->depth != 0 || sp != 0
		                   : sp == 0 || t[stack[sp - 1]].id != x->parent) bad_pre++;
		char want[64];
		if (x->parent == 0) snprintf(want, sizeof want, "%d", x->position);
		else {
			const struct wbs_task *p = &t[at[x->parent]];
			if (p->seq >= x->seq || x->depth != p->depth + 1) bad_pre++;
			int len = p->wbs[0] ? snprintf(want, sizeof want, "%s.%d", p->wbs, x->position) : 64;
			if (len >= 64) want[0] = 0;
		}
		if (strcmp(want, x->wbs)) bad_code++;
		stack[sp++] = i;
		/* Siblings: positions run 1, 2, ... in the original (position, id) order. */
		long long pk = x->parent;
		if (x->position != ++kids[pk]) bad_order++;
		if (x->position > 1) {
			const struct wbs_task *o = &orig[x->id], *prev = &orig[t[smin[pk]].id];
			if (prev->position > o->position || (prev->position == o->position && prev->id >= o->id))
				bad_order++;
		}
		smin[pk] = i;                               /* the latest sibling seen */
		if (!!x->is_summary != (i + 1 < N && t[i + 1].parent == x->id)) bad_pre++;
	}
	/* Independent roll-up: leaves upwards in reverse row order. */
	for (int i = N - 1; i >= 0; i--) {
		const struct wbs_task *x = &t[i];
		double e = x->is_summary ? est[x->id] : x->estimate;
		double r = x->is_summary ? rem[x->id] : x->remaining;
		double p = !x->is_summary ? x->percent
		         : est[x->id] > 0 ? wsum[x->id] / est[x->id] : psum[x->id] / kids[x->id];
		if (x->r_estimate != e || x->r_remaining != r || x->r_percent < p - 1e-9 || x->r_percent > p + 1e-9)
			bad_roll++;
		if (!x->is_summary && (x->r_start != x->start || x->r_finish != x->finish)) bad_roll++;
		if (x->parent) {
			est[x->parent] += x->r_estimate;
			rem[x->parent] += x->r_remaining;
			wsum[x->parent] += x->r_estimate * x->r_percent;
			psum[x->parent] += x->r_percent;
			const struct wbs_task *p0 = &t[at[x->parent]];
			if (x->r_start != -1 && (p0->r_start == -1 || p0->r_start > x->r_start)) bad_roll++;
			if (x->r_finish != -1 && (p0->r_finish == -1 || p0->r_finish < x->r_finish)) bad_roll++;
		}
	}
	CHECK(bad_seq == 0);
	CHECK(bad_pre == 0);
	CHECK(bad_code == 0);
	CHECK(bad_order == 0);
	CHECK(bad_roll == 0);
out:
	free(t); free(orig); free(at); free(stack); free(est); free(rem);
	free(wsum); free(psum); free(kids); free(smin);
}

/* Status roll-up: 1 has a done and a cancelled child (done); 4 a blocked and an unstarted one
 * (blocked); 7 two unstarted ones (not started) and 10 one started (in progress); 13 only
 * cancelled ones (cancelled); 16 holds 1 and 13, whose children are summaries (done). */
static void
status_rollup(void)
{
	struct wbs_task t[18];
	int n = 0;
	static const struct { long long id, parent; int status; } rows[] = {
		{ 1, 16, 0 }, { 2, 1, WBS_DONE }, { 3, 1, WBS_CANCELLED },
		{ 4, 0, 0 }, { 5, 4, WBS_BLOCKED }, { 6, 4, WBS_NOT_STARTED },
		{ 7, 0, WBS_DONE }, { 8, 7, WBS_NOT_STARTED }, { 9, 7, WBS_NOT_STARTED },
		{ 10, 0, 0 }, { 11, 10, WBS_IN_PROGRESS }, { 12, 10, WBS_NOT_STARTED },
		{ 13, 16, 0 }, { 14, 13, WBS_CANCELLED }, { 15, 13, WBS_CANCELLED }, { 16, 0, 0 },
	};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		t[n] = task(rows[i].id, rows[i].parent, (int)i + 1, 0, 0, 0, -1, -1, -1, -1);
		t[n++].status = rows[i].status;
	}
	CHECK(wbs_compute(t, n) == 0);
	CHECK(by_id(t, n, 1)->r_status == WBS_DONE);
	CHECK(by_id(t, n, 4)->r_status == WBS_BLOCKED);
	CHECK(by_id(t, n, 7)->r_status == WBS_NOT_STARTED);   /* its own "done" is not its children's */
	CHECK(by_id(t, n, 10)->r_status == WBS_IN_PROGRESS);
	CHECK(by_id(t, n, 13)->r_status == WBS_CANCELLED);
	CHECK(by_id(t, n, 16)->r_status == WBS_DONE);
	CHECK(by_id(t, n, 11)->r_status == WBS_IN_PROGRESS && by_id(t, n, 14)->r_status == WBS_CANCELLED);
	CHECK(!strcmp(wbs_status_names[WBS_BLOCKED], "blocked"));
}

int
main(void)
{
	RUN(numbering);
	RUN(rollups);
	RUN(status_rollup);
	RUN(refusals);
	RUN(move_loops);
	RUN(deep_chain);
	RUN(random_large);
	return unit_done();
}
