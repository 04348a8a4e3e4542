/* Unit tests for sched.c: the published oracles (Hillier & Lieberman; Taylor's activity-on-arrow
 * network as activity-on-node; domain.md's four-link-type table), leads, each constraint,
 * progress, summaries, refusals (loops with the cycle listed, bad links and parents) that leave
 * the tasks as they were, driving links; 5,000 random small networks against a brute-force
 * relaxation, random loops, and a timed 10,000-task / 30,000-link network. SCHED_SEED in the
 * environment replays another seed of the random tests. */
#include "unit.h"
#include "engine/sched.h"
#include <time.h>

static struct sched_task
task(long duration)
{
	struct sched_task x;
	memset(&x, 0, sizeof x);
	x.duration = duration;
	x.parent = -1;
	x.constraint = SCHED_ASAP;
	x.actual_start = x.actual_finish = -1;
	return x;
}

static struct sched_link
dep(int pred, int succ, enum sched_link_type type, long lag)
{
	return (struct sched_link){ pred, succ, type, lag };
}

static struct sched_problem
problem(struct sched_task *t, int n, const struct sched_link *l, int m)
{
	struct sched_problem p;
	memset(&p, 0, sizeof p);
	p.tasks = t;
	p.ntasks = n;
	p.links = l;
	p.nlinks = m;
	p.status_time = -1;
	return p;
}

/* sched_run on a problem with project start 0, no status time and critical slack 0. */
static int
run(struct sched_task *t, int n, const struct sched_link *l, int m, long *finish)
{
	struct sched_problem p = problem(t, n, l, m);
	int rc = sched_run(&p);
	if (finish) *finish = p.project_finish;
	return rc;
}

static int
same(const struct sched_task *x, long es, long ef, long ls, long lf, long tf, long ff)
{
	int ok = x->es == es && x->ef == ef && x->ls == ls && x->lf == lf && x->total_float == tf &&
	         x->free_float == ff;
	if (!ok)
		printf("  got ES %ld EF %ld LS %ld LF %ld TF %ld FF %ld, want %ld %ld %ld %ld %ld %ld\n",
		       x->es, x->ef, x->ls, x->lf, x->total_float, x->free_float, es, ef, ls, lf, tf, ff);
	return ok;
}

/* Hillier & Lieberman, Reliable Construction Co. (domain.md §5.2): A..N = 0..13. */
enum { A, B, C, D, E, F, G, H, I, J, K, L, M, N, NA };

static int
oracle_a_network(struct sched_task *t, struct sched_link *l)
{
	static const long dur[NA] = { 2, 4, 10, 6, 4, 5, 7, 9, 7, 8, 4, 5, 2, 6 };
	static const int arcs[][2] = {
		{ A, B }, { B, C }, { C, D }, { C, E }, { E, F }, { D, G }, { E, H }, { G, H }, { C, I },
		{ F, J }, { I, J }, { J, K }, { J, L }, { H, M }, { K, N }, { L, N },
	};
	int m = (int)(sizeof arcs / sizeof arcs[0]);
	for (int i = 0; i < NA; i++) t[i] = task(dur[i]);
	for (int k = 0; k < m; k++) l[k] = dep(arcs[k][0], arcs[k][1], SCHED_FS, 0);
	return m;
}

static const long oracle_a_want[NA][6] = {     /* ES EF LS LF TF FF */
	{ 0, 2, 0, 2, 0, 0 },     { 2, 6, 2, 6, 0, 0 },     { 6, 16, 6, 16, 0, 0 },
	{ 16, 22, 20, 26, 4, 0 }, { 16, 20, 16, 20, 0, 0 }, { 20, 25, 20, 25, 0, 0 },
	{ 22, 29, 26, 33, 4, 0 }, { 29, 38, 33, 42, 4, 0 }, { 16, 23, 18, 25, 2, 2 },
	{ 25, 33, 25, 33, 0, 0 }, { 33, 37, 34, 38, 1, 1 }, { 33, 38, 33, 38, 0, 0 },
	{ 38, 40, 42, 44, 4, 4 }, { 38, 44, 38, 44, 0, 0 },
};

static void
oracle_a(void)
{
	struct sched_task t[NA];
	struct sched_link l[32];
	int m = oracle_a_network(t, l);
	long finish = 0;
	CHECK(run(t, NA, l, m, &finish) == 0);
	CHECK(finish == 44);
	for (int i = 0; i < NA; i++) {
		const long *w = oracle_a_want[i];
		CHECK(same(&t[i], w[0], w[1], w[2], w[3], w[4], w[5]));
		CHECK(t[i].critical == (i == A || i == B || i == C || i == E || i == F || i == J || i == L || i == N));
		CHECK(!t[i].is_summary && !t[i].deadline_missed);
	}
}

/* Following driving links back from the last task retraces the critical path. */
static void
oracle_a_driving_path(void)
{
	struct sched_task t[NA];
	struct sched_link l[32];
	int m = oracle_a_network(t, l), path[NA], len = 0;
	CHECK(run(t, NA, l, m, NULL) == 0);
	for (int v = N; v >= 0 && len < NA; v = t[v].driving_link < 0 ? -1 : l[t[v].driving_link].pred)
		path[len++] = v;
	static const int want[] = { N, L, J, F, E, C, B, A };
	CHECK(len == 8);
	for (int k = 0; k < len && k < 8; k++) CHECK(path[k] == want[k]);
	CHECK(t[A].driving_link == -1);
}

/* A critical slack of 2 weeks also flags I (TF 2) and K (TF 1), not D, G, H, M (TF 4). */
static void
critical_slack(void)
{
	struct sched_task t[NA];
	struct sched_link l[32];
	int m = oracle_a_network(t, l);
	struct sched_problem p = problem(t, NA, l, m);
	p.critical_slack = 2;
	CHECK(sched_run(&p) == 0);
	for (int i = 0; i < NA; i++) CHECK(t[i].critical == (oracle_a_want[i][4] <= 2));
	CHECK(t[I].critical && t[K].critical && !t[D].critical && !t[M].critical);
}

/* Taylor ch. 8, activity-on-arrow: each arc i-j is a task, linked FS to every arc leaving j. */
static void
oracle_a2(void)
{
	static const struct { int from, to; long d; } arc[] = {
		{ 1, 2, 7 }, { 1, 3, 10 }, { 2, 4, 6 }, { 3, 4, 5 }, { 3, 5, 4 }, { 4, 5, 3 }, { 5, 6, 2 },
	};
	enum { NARC = 7 };
	struct sched_task t[NARC];
	struct sched_link l[NARC * NARC];
	int m = 0;
	long finish = 0;
	for (int i = 0; i < NARC; i++) t[i] = task(arc[i].d);
	for (int i = 0; i < NARC; i++)
		for (int j = 0; j < NARC; j++)
			if (arc[i].to == arc[j].from) l[m++] = dep(i, j, SCHED_FS, 0);
	CHECK(m == 7);
	CHECK(run(t, NARC, l, m, &finish) == 0);
	CHECK(finish == 20);
	static const long slack[NARC] = { 2, 0, 2, 0, 4, 0, 0 };   /* 1-3-4-5-6 critical */
	for (int i = 0; i < NARC; i++) {
		CHECK(t[i].total_float == slack[i]);
		CHECK(t[i].critical == (slack[i] == 0));
	}
	CHECK(same(&t[0], 0, 7, 2, 9, 2, 0));       /* 1-2 */
	CHECK(same(&t[2], 7, 13, 9, 15, 2, 2));     /* 2-4 */
	CHECK(same(&t[4], 10, 14, 14, 18, 4, 4));   /* 3-5 */
	CHECK(same(&t[6], 18, 20, 18, 20, 0, 0));   /* 5-6 */
}

/* domain.md §5.3: A 4, B 3, C 5, D 2, E 2, F 2; A→B SS+2, A→C FS, B→D FF+1, C→E FS, D→E FS,
 * C→F SF+3. */
static void
oracle_b(void)
{
	struct sched_task t[6] = { task(4), task(3), task(5), task(2), task(2), task(2) };
	const struct sched_link l[] = {
		dep(0, 1, SCHED_SS, 2), dep(0, 2, SCHED_FS, 0), dep(1, 3, SCHED_FF, 1),
		dep(2, 4, SCHED_FS, 0), dep(3, 4, SCHED_FS, 0), dep(2, 5, SCHED_SF, 3),
	};
	static const long want[6][6] = {
		{ 0, 4, 0, 4, 0, 0 }, { 2, 5, 5, 8, 3, 0 }, { 4, 9, 4, 9, 0, 0 },
		{ 4, 6, 7, 9, 3, 3 }, { 9, 11, 9, 11, 0, 0 }, { 5, 7, 9, 11, 4, 4 },
	};
	long finish = 0;
	CHECK(run(t, 6, l, 6, &finish) == 0);
	CHECK(finish == 11);
	for (int i = 0; i < 6; i++) {
		CHECK(same(&t[i], want[i][0], want[i][1], want[i][2], want[i][3], want[i][4], want[i][5]));
		CHECK(t[i].critical == (i == 0 || i == 2 || i == 4));
	}
	/* Each successor's driving link is its only link, E's is C→E (9 beats D's 6). */
	CHECK(t[1].driving_link == 0 && t[2].driving_link == 1 && t[3].driving_link == 2);
	CHECK(t[4].driving_link == 3 && t[5].driving_link == 5);
}

/* Leads: FS-2 overlaps, FF-1 pulls the finish in, and a lead before the project start is cut off
 * by the start (no driving link then). */
static void
negative_lag(void)
{
	struct sched_task t[4] = { task(5), task(3), task(1), task(2) };
	const struct sched_link l[] = {
		dep(0, 1, SCHED_FS, -2), dep(0, 2, SCHED_SS, -2), dep(0, 3, SCHED_FF, -1),
	};
	long finish = 0;
	CHECK(run(t, 4, l, 3, &finish) == 0);
	CHECK(finish == 6);
	CHECK(same(&t[0], 0, 5, 0, 5, 0, 0));
	CHECK(same(&t[1], 3, 6, 3, 6, 0, 0));
	CHECK(same(&t[2], 0, 1, 5, 6, 5, 5));
	CHECK(same(&t[3], 2, 4, 4, 6, 2, 2));
	CHECK(t[1].driving_link == 0 && t[2].driving_link == -1 && t[3].driving_link == 2);
}

/* SNET later than the links holds the task back (no driving link); earlier, the link wins. Late
 * dates ignore SNET. */
static void
snet(void)
{
	struct sched_task t[3] = { task(2), task(3), task(1) };
	t[1].constraint = t[2].constraint = SCHED_SNET;
	t[1].constraint_time = 10;
	t[2].constraint_time = 1;
	const struct sched_link l[] = { dep(0, 1, SCHED_FS, 0), dep(0, 2, SCHED_FS, 0) };
	long finish = 0;
	CHECK(run(t, 3, l, 2, &finish) == 0);
	CHECK(finish == 13);
	CHECK(same(&t[1], 10, 13, 10, 13, 0, 0));
	CHECK(t[1].driving_link == -1);
	CHECK(same(&t[2], 2, 3, 12, 13, 10, 10));
	CHECK(t[2].driving_link == 1);
	CHECK(same(&t[0], 0, 2, 8, 10, 8, 0));      /* B's SNET gives A float; C follows right on */
}

/* A night window: B must start at 3 though A (FS) ends at 5. B stays at 3, and the conflict
 * shows as A's negative float. */
static void
mso_pushed_stays_fixed(void)
{
	struct sched_task t[2] = { task(5), task(2) };
	t[1].constraint = SCHED_MSO;
	t[1].constraint_time = 3;
	const struct sched_link l[] = { dep(0, 1, SCHED_FS, 0) };
	long finish = 0;
	CHECK(run(t, 2, l, 1, &finish) == 0);
	CHECK(finish == 5);
	CHECK(same(&t[1], 3, 5, 3, 5, 0, 0));
	CHECK(t[1].driving_link == -1 && t[1].critical);
	CHECK(same(&t[0], 0, 5, -2, 3, -2, -2));
	CHECK(t[0].critical);
}

/* MSO later than its links: starts on the date, its late start is pinned too (critical, TF 0),
 * while its predecessor gets the gap as float. Project start and status time do not move it. */
static void
mso_later_than_links(void)
{
	struct sched_task t[3] = { task(2), task(1), task(1) };
	t[1].constraint = t[2].constraint = SCHED_MSO;
	t[1].constraint_time = 10;
	t[2].constraint_time = 4;
	const struct sched_link l[] = { dep(0, 1, SCHED_FS, 0) };
	struct sched_problem p = problem(t, 3, l, 1);
	p.status_time = 6;
	CHECK(sched_run(&p) == 0);
	CHECK(p.project_finish == 11);
	CHECK(same(&t[1], 10, 11, 10, 11, 0, 0));
	CHECK(t[1].critical);
	CHECK(same(&t[0], 6, 8, 8, 10, 2, 2));
	CHECK(same(&t[2], 4, 5, 4, 5, 0, 6));       /* before the status time, still fixed */
}

/* A deadline missed: B is not moved, is flagged, and LF = deadline shows -2 of float on B and A;
 * a deadline met changes nothing. */
static void
fnlt_missed(void)
{
	struct sched_task t[3] = { task(5), task(3), task(1) };
	t[1].constraint = t[2].constraint = SCHED_FNLT;
	t[1].constraint_time = 6;
	t[2].constraint_time = 20;
	const struct sched_link l[] = { dep(0, 1, SCHED_FS, 0), dep(0, 2, SCHED_FS, 0) };
	long finish = 0;
	CHECK(run(t, 3, l, 2, &finish) == 0);
	CHECK(finish == 8);
	CHECK(same(&t[1], 5, 8, 3, 6, -2, 0));
	CHECK(t[1].deadline_missed && t[1].critical);
	CHECK(same(&t[0], 0, 5, -2, 3, -2, 0));
	CHECK(t[0].critical && !t[0].deadline_missed);
	CHECK(same(&t[2], 5, 6, 7, 8, 2, 2));
	CHECK(!t[2].deadline_missed && !t[2].critical);
}

/* A finished task sits at its actual dates whatever its links and the project start say;
 * without an actual start it ends at actual_finish after its duration; successors follow it. */
static void
progress_finished(void)
{
	struct sched_task t[4] = { task(4), task(5), task(3), task(2) };
	t[1].actual_start = 1;
	t[1].actual_finish = 7;                     /* planned 5, took 6 */
	t[3].actual_finish = 9;
	const struct sched_link l[] = {
		dep(0, 1, SCHED_FS, 0), dep(1, 2, SCHED_FS, 0), dep(0, 3, SCHED_FS, 5),
	};
	struct sched_problem p = problem(t, 4, l, 3);
	p.project_start = 2;
	CHECK(sched_run(&p) == 0);
	CHECK(t[1].es == 1 && t[1].ef == 7 && t[1].driving_link == -1);
	CHECK(t[3].es == 7 && t[3].ef == 9 && t[3].driving_link == -1);
	CHECK(t[2].es == 7 && t[2].ef == 10 && t[2].driving_link == 1);
	CHECK(p.project_finish == 10);
	CHECK(t[1].lf - t[1].ls == 6 && t[1].total_float == 0);
}

/* A started task keeps its actual start; its remaining work runs from the status time when that
 * ends later than the plan, else the plan stands. Its successor follows. */
static void
progress_started(void)
{
	struct sched_task t[3] = { task(4), task(10), task(2) };
	t[0].actual_start = 2;
	t[0].remaining = 3;                         /* max(2 + 4, 8 + 3) = 11 */
	t[1].actual_start = 2;
	t[1].remaining = 1;                         /* max(2 + 10, 8 + 1) = 12 */
	const struct sched_link l[] = { dep(0, 2, SCHED_FS, 0) };
	struct sched_problem p = problem(t, 3, l, 1);
	p.status_time = 8;
	CHECK(sched_run(&p) == 0);
	CHECK(t[0].es == 2 && t[0].ef == 11);
	CHECK(t[1].es == 2 && t[1].ef == 12);
	CHECK(t[2].es == 11 && t[2].ef == 13 && t[2].driving_link == 0);
	CHECK(p.project_finish == 13);
	CHECK(same(&t[0], 2, 11, 2, 11, 0, 0));
	CHECK(same(&t[1], 2, 12, 3, 13, 1, 1));
}

/* Work not started is not scheduled before the status time; links can still push it later. */
static void
progress_status_time(void)
{
	struct sched_task t[3] = { task(12), task(2), task(3) };
	const struct sched_link l[] = { dep(0, 2, SCHED_FS, 0) };
	t[0].actual_start = 0;
	t[0].actual_finish = 12;
	struct sched_problem p = problem(t, 3, l, 1);
	p.status_time = 8;
	CHECK(sched_run(&p) == 0);
	CHECK(t[1].es == 8 && t[1].ef == 10 && t[1].driving_link == -1);
	CHECK(t[2].es == 12 && t[2].driving_link == 0);
	CHECK(t[0].es == 0 && t[0].ef == 12);
}

/* S = {a, T = {b, e}}, U = {c, f}, then d: a→b, a→c, b→d, c→d, f→b; e free but SNET 5. Summaries' own durations
 * and constraints are ignored, they do not count for T, and nested summaries roll up: one
 * critical child makes a summary critical even when the last child rolled up is not, and the
 * last child's dates do not overwrite earlier ones. */
static void
summaries(void)
{
	enum { S_, a, b, T_, U_, c, d, e, f, NS };
	struct sched_task t[NS] = {
		task(100), task(3), task(4), task(100), task(100), task(2), task(1), task(1), task(1),
	};
	t[a].parent = S_;
	t[b].parent = T_;
	t[T_].parent = S_;
	t[c].parent = U_;
	t[e].parent = T_;
	t[f].parent = U_;
	t[e].constraint = SCHED_SNET;
	t[e].constraint_time = 5;
	t[S_].constraint = SCHED_MSO;
	t[S_].constraint_time = 50;
	t[U_].constraint = SCHED_FNLT;
	t[U_].constraint_time = 4;                  /* a summary deadline only flags */
	const struct sched_link l[] = {
		dep(a, b, SCHED_FS, 0), dep(a, c, SCHED_FS, 0), dep(b, d, SCHED_FS, 0), dep(c, d, SCHED_FS, 0),
		dep(f, b, SCHED_FS, 0),
	};
	long finish = 0;
	CHECK(run(t, NS, l, 5, &finish) == 0);
	CHECK(finish == 8);
	CHECK(t[S_].is_summary && t[T_].is_summary && t[U_].is_summary);
	CHECK(!t[a].is_summary && !t[b].is_summary && !t[c].is_summary && !t[d].is_summary && !t[e].is_summary);
	CHECK(same(&t[c], 3, 5, 5, 7, 2, 2));
	CHECK(same(&t[e], 5, 6, 7, 8, 2, 2));
	CHECK(same(&t[T_], 3, 7, 3, 8, 0, 0));
	CHECK(same(&t[S_], 0, 7, 0, 8, 0, 0));
	CHECK(same(&t[f], 0, 1, 2, 3, 2, 2));
	CHECK(same(&t[U_], 0, 5, 2, 7, 2, 2));
	CHECK(t[S_].critical && t[T_].critical && !t[U_].critical);
	CHECK(t[U_].deadline_missed && !t[S_].deadline_missed);
	CHECK(t[S_].driving_link == -1 && t[T_].driving_link == -1);
}

/* Milestone kinds (sched.h), in days: A 2 days at 0..2; milestones after it. FS+0 and FF+0 land on
 * A's finish (an end: shown on A's last day), SS+0 on A's start, FS+1 on an end one day later,
 * FS-1 (a lead: subtracting) on a start, SS+1 (adding) on an end; a milestone FS+0 after a
 * milestone at an end is an end, SS+0 after it too; the same time reached as an end and as a
 * start is a start (the later clock time); an unlinked milestone sits at the project start, a
 * start. Late: a milestone before A2's start (FS) is a start, before a finish (FF) an end. */
static void
milestone_kinds(void)
{
	enum { A_, FS0, FF0, SS0, FS1, LEAD, SS1, AFTER, SSM, TIE, FREE, A2, BEFORE, BEFF, NM };
	struct sched_task t[NM];
	for (int i = 0; i < NM; i++) t[i] = task(0);
	t[A_].duration = 2;
	t[A2].duration = 3;
	const struct sched_link l[] = {
		dep(A_, FS0, SCHED_FS, 0), dep(A_, FF0, SCHED_FF, 0), dep(A_, SS0, SCHED_SS, 0),
		dep(A_, FS1, SCHED_FS, 1), dep(A_, LEAD, SCHED_FS, -1), dep(A_, SS1, SCHED_SS, 1),
		dep(FS0, AFTER, SCHED_FS, 0), dep(FS0, SSM, SCHED_SS, 0),
		dep(A_, TIE, SCHED_FS, 0), dep(FS1, TIE, SCHED_FS, -1),
		dep(FS0, A2, SCHED_FS, 0), dep(BEFORE, A2, SCHED_FS, 0), dep(BEFF, A2, SCHED_FF, 0),
	};
	long finish;
	CHECK(run(t, NM, l, (int)(sizeof l / sizeof *l), &finish) == 0);
	CHECK(finish == 5);
	CHECK(t[FS0].es == 2 && t[FS0].es_end == 1);
	CHECK(t[FF0].es == 2 && t[FF0].es_end == 1);
	CHECK(t[SS0].es == 0 && t[SS0].es_end == 0);
	CHECK(t[FS1].es == 3 && t[FS1].es_end == 1);
	CHECK(t[LEAD].es == 1 && t[LEAD].es_end == 0);
	CHECK(t[SS1].es == 1 && t[SS1].es_end == 1);
	CHECK(t[AFTER].es == 2 && t[AFTER].es_end == 1);
	CHECK(t[SSM].es == 2 && t[SSM].es_end == 1);
	CHECK(t[TIE].es == 2 && t[TIE].es_end == 0);     /* A's finish (an end) ties FS1 - 1 (a start) */
	CHECK(t[FREE].es == 0 && t[FREE].es_end == 0);
	CHECK(t[A_].es_end == 0 && t[A2].es_end == 0);    /* tasks that take time have no kind */
	/* late: BEFORE's latest is A2's latest start (a start), BEFF's A2's latest finish (an end) */
	CHECK(t[A2].ls == 2 && t[A2].lf == 5);
	CHECK(t[BEFORE].lf == 2 && t[BEFORE].ls_end == 0);
	CHECK(t[BEFF].lf == 5 && t[BEFF].ls_end == 1);
	CHECK(t[FREE].lf == 5 && t[FREE].ls_end == 1);    /* the project finish is an end */
}

/* An SNET date replaces the project start as the floor, so it may lie before it (Microsoft
 * Project schedules such a task before the project start); links still push it. */
static void
snet_before_project_start(void)
{
	struct sched_task t[3] = { task(2), task(1), task(1) };
	t[1].constraint = SCHED_SNET;
	t[1].constraint_time = -3;
	t[2].constraint = SCHED_SNET;
	t[2].constraint_time = -3;
	const struct sched_link l[] = { dep(0, 2, SCHED_SS, 1) };
	struct sched_problem p = problem(t, 3, l, 1);
	p.project_start = 0;
	CHECK(sched_run(&p) == 0);
	CHECK(t[0].es == 0);
	CHECK(t[1].es == -3 && t[1].ef == -2);
	CHECK(t[2].es == 1 && t[2].driving_link == 0);
}

/* A summary's total float is Microsoft Project's: the smaller of LS - ES and LF - EF over the
 * summary's own dates, not the smallest of its children's. S = {c (critical, 5..7), d (0..10,
 * float 3)}, with x 0..13 fixing T = 13 and c's successor y: the summary's ES 0, EF 10, LS 3,
 * LF 13 give 3 although c is critical; it is not critical and its free float is capped by it. */
static void
summary_float(void)
{
	enum { S_, c, d, x, y, w, NS };
	struct sched_task t[NS] = { task(99), task(2), task(10), task(13), task(6), task(5) };
	t[c].parent = t[d].parent = S_;
	const struct sched_link l[] = { dep(w, c, SCHED_FS, 0), dep(c, y, SCHED_FS, 0) };
	long finish;
	CHECK(run(t, NS, l, 2, &finish) == 0);
	CHECK(finish == 13);
	CHECK(same(&t[c], 5, 7, 5, 7, 0, 0) && t[c].critical);
	CHECK(same(&t[d], 0, 10, 3, 13, 3, 3));
	CHECK(same(&t[S_], 0, 10, 3, 13, 3, 3));
	CHECK(!t[S_].critical);
}

static int
cycle_is(const struct sched_problem *p, const int *want, int n)
{
	if (p->ncycle != n) return 0;
	for (int k = 0; k < n; k++)
		if (p->cycle[k] != want[k]) return 0;
	return 1;
}

/* 0 → 1 → 2 → 3 → 1 (SS and FF in the loop too), 3 → 4: -1, the cycle 1 → 2 → 3, nothing
 * written to the tasks; without a buffer only the length. */
static void
loop(void)
{
	struct sched_task t[5] = { task(1), task(2), task(3), task(4), task(5) }, before[5];
	const struct sched_link l[] = {
		dep(3, 4, SCHED_FS, 0), dep(0, 1, SCHED_FS, 0), dep(2, 3, SCHED_SS, 1),
		dep(1, 2, SCHED_FS, 0), dep(3, 1, SCHED_FF, -2),
	};
	int cyc[5] = { -9, -9, -9, -9, -9 };
	memcpy(before, t, sizeof t);
	struct sched_problem p = problem(t, 5, l, 5);
	p.cycle = cyc;
	p.project_finish = 77;
	CHECK(sched_run(&p) == -1);
	static const int want[] = { 1, 2, 3 };
	CHECK(cycle_is(&p, want, 3));
	CHECK(cyc[3] == -9);
	CHECK(memcmp(before, t, sizeof t) == 0);
	CHECK(p.project_finish == 77);
	p.cycle = NULL;
	CHECK(sched_run(&p) == -1);
	CHECK(p.ncycle == 3);
	/* Two tasks each other's predecessor, one also after a task outside the loop. */
	const struct sched_link two[] = { dep(4, 3, SCHED_FS, 0), dep(0, 4, SCHED_SS, 0), dep(3, 4, SCHED_FS, 0) };
	p = problem(t, 5, two, 3);
	p.cycle = cyc;
	CHECK(sched_run(&p) == -1);
	static const int want2[] = { 3, 4 };
	CHECK(cycle_is(&p, want2, 2));
	/* Without the closing link: success, and ncycle is cleared. */
	p = problem(t, 5, l, 4);
	p.ncycle = 5;
	CHECK(sched_run(&p) == 0);
	CHECK(p.ncycle == 0);
}

/* A link to or from a summary is refused with -2, as are links out of range or to the task
 * itself, parents out of range and loops of parents; the tasks are left as they were. */
static void
bad_links(void)
{
	struct sched_task t[4] = { task(1), task(2), task(3), task(4) }, before[4];
	t[1].parent = 0;                            /* 0 is a summary */
	memcpy(before, t, sizeof t);
	struct sched_link l[1] = { dep(0, 2, SCHED_FS, 0) };
	CHECK(run(t, 4, l, 1, NULL) == -2);
	l[0] = dep(3, 0, SCHED_SS, 0);
	CHECK(run(t, 4, l, 1, NULL) == -2);
	l[0] = dep(2, 2, SCHED_FS, 0);
	CHECK(run(t, 4, l, 1, NULL) == -2);
	l[0] = dep(-1, 2, SCHED_FS, 0);
	CHECK(run(t, 4, l, 1, NULL) == -2);
	l[0] = dep(2, 4, SCHED_FS, 0);
	CHECK(run(t, 4, l, 1, NULL) == -2);
	l[0] = dep(2, 3, (enum sched_link_type)7, 0);
	CHECK(run(t, 4, l, 1, NULL) == -2);
	CHECK(memcmp(before, t, sizeof t) == 0);
	l[0] = dep(2, 3, SCHED_FS, 0);
	t[3].parent = 4;                            /* out of range */
	CHECK(run(t, 4, l, 1, NULL) == -2);
	t[3].parent = 3;                            /* itself */
	CHECK(run(t, 4, l, 1, NULL) == -2);
	t[3].parent = -2;
	CHECK(run(t, 4, l, 1, NULL) == -2);
	t[3].parent = -1;
	t[0].parent = 1;                            /* 0 and 1 each other's parent */
	CHECK(run(t, 4, l, 1, NULL) == -2);
	t[0].parent = -1;
	CHECK(run(t, 4, l, 1, NULL) == 0);
	CHECK(t[0].is_summary && t[0].es == 0 && t[0].ef == 2);
}

/* No tasks: fine, the project finishes at its start. */
static void
empty(void)
{
	struct sched_problem p = problem(NULL, 0, NULL, 0);
	p.project_start = 5;
	CHECK(sched_run(&p) == 0);
	CHECK(p.project_finish == 5);
}

/* The link with the largest bound drives; equal bounds go to the lowest index whatever the
 * link type; a link only tying the SNET date still drives; no link when a constraint wins. */
static void
driving_link(void)
{
	struct sched_task t[7] = { task(3), task(5), task(2), task(4), task(4), task(1), task(1) };
	t[5].constraint = t[6].constraint = SCHED_SNET;
	t[5].constraint_time = 3;
	t[6].constraint_time = 4;
	const struct sched_link l[] = {
		dep(0, 3, SCHED_FS, 2),                /* 5 */
		dep(1, 3, SCHED_FS, 0),                /* 5 */
		dep(2, 3, SCHED_FF, 7),                /* 2 + 7 - 4 = 5 */
		dep(1, 3, SCHED_SF, 10),               /* 0 + 10 - 4 = 6: drives */
		dep(2, 4, SCHED_FF, 7),                /* 5 */
		dep(1, 4, SCHED_FS, 0),                /* 5 */
		dep(0, 5, SCHED_FS, 0),                /* 3 = SNET: drives */
		dep(0, 6, SCHED_FS, 0),                /* 3 < SNET 4 */
	};
	CHECK(run(t, 7, l, 8, NULL) == 0);
	CHECK(t[3].es == 6 && t[3].driving_link == 3);
	CHECK(t[4].es == 5 && t[4].driving_link == 4);
	CHECK(t[5].es == 3 && t[5].driving_link == 6);
	CHECK(t[6].es == 4 && t[6].driving_link == -1);
	CHECK(t[0].driving_link == -1 && t[1].driving_link == -1);
}

/* An owner's leave: B (3 days) follows A (2 days) FS; B's owner is off on days 3..4, so B starts
 * on day 2, works day 2, is off 3 and 4, and finishes at the end of day 6; C (SS+1 on B) is
 * not held by B's leave. Backwards from T = 7, B's late start keeps its 3 working days. */
static void
leave(void)
{
	static const long off[] = { 3, 5 };
	struct sched_task t[3] = { task(2), task(3), task(1) };
	struct sched_link l[] = { dep(0, 1, SCHED_FS, 0), dep(1, 2, SCHED_SS, 1) };
	t[1].off = off;
	t[1].noff = 1;
	long finish = 0;
	CHECK(run(t, 3, l, 2, &finish) == 0);
	CHECK(finish == 7);
	CHECK(same(&t[1], 2, 7, 2, 7, 0, 0));
	CHECK(same(&t[2], 3, 4, 6, 7, 3, 3));
	/* a start that falls inside the leave moves to its end */
	t[0].duration = 4;
	CHECK(run(t, 3, l, 2, &finish) == 0);
	CHECK(t[1].es == 5 && t[1].ef == 8 && t[1].driving_link == 0);
}

/* xorshift64; the seed is printed so that a failure can be replayed with SCHED_SEED. */
static unsigned long long rng;

static long
rnd(long n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (long)(rng % (unsigned long long)n);
}

static unsigned long long
seed(void)
{
	const char *s = getenv("SCHED_SEED");
	return s && *s ? strtoull(s, NULL, 10) : 20250607ULL;
}

/* The brute force: ES by relaxing every link until nothing changes, LF likewise backwards from
 * T = max EF, free float straight from its definition; the driving link is the lowest-index link
 * whose bound equals the largest bound. Off times are walked one time unit at a time (ref_off),
 * an implementation unlike the engine's interval arithmetic. Returns 0 when the relaxation does
 * not settle (a loop). */
struct ref { long es, ef, ls, lf, tf, ff; int drv, out; };

static int
ref_off(const struct sched_task *t, long x)
{
	for (int i = 0; i < t->noff; i++)
		if (x >= t->off[2 * i] && x < t->off[2 * i + 1]) return 1;
	return 0;
}

/* d units of work from s: skip off units before the first, count only working units. */
static long
ref_fin(const struct sched_task *t, long s, long d)
{
	while (ref_off(t, s)) s++;
	for (; d > 0; s++)
		if (!ref_off(t, s)) d--;
	return s;
}

/* d units of work ending at f, walked backwards. */
static long
ref_beg(const struct sched_task *t, long f, long d)
{
	while (ref_off(t, f - 1)) f--;
	while (d > 0)
		if (!ref_off(t, --f)) d--;
	return f;
}

static long
ref_bound(const struct sched_link *k, const struct ref *r, const struct sched_task *t)
{
	const struct sched_task *s = &t[k->succ];
	switch (k->type) {
	case SCHED_FS: return r[k->pred].ef + k->lag;
	case SCHED_SS: return r[k->pred].es + k->lag;
	case SCHED_FF: return ref_beg(s, r[k->pred].ef + k->lag, s->duration);
	default:       return ref_beg(s, r[k->pred].es + k->lag, s->duration);
	}
}

static int
reference(const struct sched_task *t, int n, const struct sched_link *l, int m, long start, struct ref *r,
          long *finish)
{
	int changed = 1, rounds = 0;
	for (int i = 0; i < n; i++) {
		r[i].es = ref_fin(&t[i], start, 0);
		r[i].ef = ref_fin(&t[i], r[i].es, t[i].duration);
	}
	while (changed && rounds++ <= n + 1) {
		changed = 0;
		for (int k = 0; k < m; k++) {
			const struct sched_task *x = &t[l[k].succ];
			long b = ref_fin(x, ref_bound(&l[k], r, t), 0);
			if (b > r[l[k].succ].es) {
				r[l[k].succ].es = b;
				r[l[k].succ].ef = ref_fin(x, b, x->duration);
				changed = 1;
			}
		}
	}
	if (changed) return 0;
	long tt = start;
	for (int i = 0; i < n; i++) if (r[i].ef > tt) tt = r[i].ef;
	for (int i = 0; i < n; i++) {
		r[i].lf = tt;
		r[i].ls = ref_beg(&t[i], tt, t[i].duration);
	}
	for (changed = 1, rounds = 0; changed && rounds++ <= n + 1;) {
		changed = 0;
		for (int k = 0; k < m; k++) {
			const struct sched_link *x = &l[k];
			const struct sched_task *p = &t[x->pred];
			long dp = p->duration, b;
			if (x->type == SCHED_FS) b = r[x->succ].ls - x->lag;
			else if (x->type == SCHED_SS) b = ref_fin(p, r[x->succ].ls - x->lag, dp);
			else if (x->type == SCHED_FF) b = r[x->succ].lf - x->lag;
			else b = ref_fin(p, r[x->succ].lf - x->lag, dp);
			if (b < r[x->pred].lf) {
				r[x->pred].lf = b;
				r[x->pred].ls = ref_beg(p, b, dp);
				changed = 1;
			}
		}
	}
	for (int i = 0; i < n; i++) {
		r[i].tf = r[i].ls - r[i].es;
		r[i].ff = tt - r[i].ef;
		r[i].drv = -1;
		r[i].out = 0;
	}
	/* the driving link: the lowest-index one whose bound is the largest (the start before off
	 * times move it); top[] holds each task's largest bound */
	long *top = malloc(sizeof *top * (size_t)n);
	if (!top) return 0;
	for (int i = 0; i < n; i++) top[i] = start;
	for (int k = 0; k < m; k++) {
		long b = ref_bound(&l[k], r, t);
		if (b > top[l[k].succ]) top[l[k].succ] = b;
	}
	for (int k = 0; k < m; k++)
		if (r[l[k].succ].drv < 0 && ref_bound(&l[k], r, t) == top[l[k].succ]) r[l[k].succ].drv = k;
	free(top);
	for (int k = 0; k < m; k++) {
		const struct sched_link *x = &l[k];
		struct ref *a = &r[x->pred], *z = &r[x->succ];
		long s;
		if (x->type == SCHED_FS) s = z->es - x->lag - a->ef;
		else if (x->type == SCHED_SS) s = z->es - x->lag - a->es;
		else if (x->type == SCHED_FF) s = z->ef - x->lag - a->ef;
		else s = z->ef - x->lag - a->es;
		if (!a->out || s < a->ff) a->ff = s;
		a->out = 1;
	}
	*finish = tt;
	return 1;
}

/* A random acyclic network on n tasks: links go forward in a random order of the tasks (so
 * not in index order), of every type, lags -3..5, parallel links allowed; some tasks have off
 * times (kept in offs, 4 longs a task). Returns m. */
static long offs[4 * 12];

static int
random_dag(struct sched_task *t, int n, struct sched_link *l, int mmax, int *perm)
{
	for (int i = 0; i < n; i++) {
		t[i] = task(rnd(7));
		perm[i] = i;
		/* a third of the tasks get one or two off times (an owner's leave) */
		if (rnd(3) == 0) {
			long *o = &offs[4 * i], a = rnd(20), b = a + 1 + rnd(4);
			o[0] = a;
			o[1] = b;
			t[i].off = o;
			t[i].noff = 1;
			if (rnd(2)) {
				o[2] = b + 1 + rnd(6);
				o[3] = o[2] + 1 + rnd(5);
				t[i].noff = 2;
			}
		}
	}
	for (int i = n - 1; i > 0; i--) {
		int j = (int)rnd(i + 1), x = perm[i];
		perm[i] = perm[j];
		perm[j] = x;
	}
	int m = (int)rnd(mmax + 1);
	for (int k = 0; k < m; k++) {
		int a = (int)rnd(n - 1), b = a + 1 + (int)rnd(n - 1 - a);
		l[k] = dep(perm[a], perm[b], (enum sched_link_type)rnd(4), rnd(9) - 3);
	}
	return m;
}

/* 5,000 random networks of 2..12 tasks against the brute force: every figure of every task. */
static void
random_vs_bruteforce(void)
{
	enum { RUNS = 5000, NMAX = 12, MMAX = 3 * NMAX };
	struct sched_task t[NMAX];
	struct sched_link l[MMAX];
	struct ref r[NMAX];
	int perm[NMAX], bad = 0, links = 0;
	rng = seed();
	printf("# sched random: seed %llu (SCHED_SEED=%llu replays it)\n", rng, rng);
	for (int run_ = 0; run_ < RUNS && bad < 5; run_++) {
		int n = 2 + (int)rnd(NMAX - 1);
		int m = random_dag(t, n, l, 3 * n, perm);
		struct sched_problem p = problem(t, n, l, m);
		long finish = 0;
		p.project_start = rnd(4);
		p.critical_slack = rnd(3);
		links += m;
		if (!reference(t, n, l, m, p.project_start, r, &finish) || sched_run(&p) != 0 ||
		    p.project_finish != finish) {
			printf("  run %d: rc or T differs\n", run_);
			bad++;
			continue;
		}
		for (int i = 0; i < n; i++) {
			const struct sched_task *x = &t[i];
			if (same(x, r[i].es, r[i].ef, r[i].ls, r[i].lf, r[i].tf, r[i].ff) && x->driving_link == r[i].drv &&
			    x->critical == (r[i].tf <= p.critical_slack) && !x->is_summary)
				continue;
			printf("  run %d task %d of %d differs (driving %d, want %d)\n", run_, i, n, x->driving_link,
			       r[i].drv);
			bad++;
			break;
		}
	}
	printf("# sched random: %d networks, %d links checked\n", RUNS, links);
	CHECK(bad == 0);
}

/* Random small graphs with links in any direction: -1 exactly when there is a loop (by
 * transitive closure), and then the cycle listed is a real one: distinct tasks, each linked to
 * the next and the last to the first. */
static void
random_loops(void)
{
	enum { RUNS = 3000, NMAX = 10 };
	struct sched_task t[NMAX];
	struct sched_link l[2 * NMAX];
	int cyc[NMAX], bad = 0, loops = 0;
	rng = seed() ^ 0x9e3779b97f4a7c15ULL;
	for (int run_ = 0; run_ < RUNS; run_++) {
		int n = 2 + (int)rnd(NMAX - 1), m = (int)rnd(2 * n + 1);
		char reach[NMAX][NMAX];
		memset(reach, 0, sizeof reach);
		for (int i = 0; i < n; i++) t[i] = task(rnd(5));
		for (int k = 0; k < m; k++) {
			int a = (int)rnd(n), b = (int)rnd(n - 1);
			if (b >= a) b++;
			l[k] = dep(a, b, (enum sched_link_type)rnd(4), rnd(9) - 3);
			reach[a][b] = 1;
		}
		for (int v = 0; v < n; v++)
			for (int i = 0; i < n; i++)
				for (int j = 0; j < n; j++)
					if (reach[i][v] && reach[v][j]) reach[i][j] = 1;
		int cyclic = 0;
		for (int i = 0; i < n; i++) cyclic |= reach[i][i];
		struct sched_problem p = problem(t, n, l, m);
		p.cycle = cyc;
		int rc = sched_run(&p);
		if (rc != (cyclic ? -1 : 0)) {
			bad++;
			continue;
		}
		if (!cyclic) continue;
		loops++;
		int ok = p.ncycle >= 2 && p.ncycle <= n;
		for (int a = 0; ok && a < p.ncycle; a++) {
			int u = cyc[a], v = cyc[(a + 1) % p.ncycle], linked = 0;
			for (int b = 0; b < a; b++) if (cyc[b] == u) ok = 0;
			for (int k = 0; k < m; k++) if (l[k].pred == u && l[k].succ == v) linked = 1;
			ok &= linked;
			if (a > 0 && cyc[a] < cyc[0]) ok = 0;   /* starts at its lowest task */
		}
		if (!ok) bad++;
	}
	printf("# sched loops: %d of %d random graphs had a loop\n", loops, RUNS);
	CHECK(loops > RUNS / 10);
	CHECK(bad == 0);
}

static double
ms_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* 10,000 tasks and 30,000 links (mostly to tasks a little later in a random order, some
 * anywhere later): timed, best of 5 runs, and checked against the brute force. */
static void
large_timed(void)
{
	enum { NT = 10000, NL = 30000 };
	struct sched_task *t = calloc(NT, sizeof *t);
	struct sched_link *l = calloc(NL, sizeof *l);
	struct ref *r = calloc(NT, sizeof *r);
	int *perm = calloc(NT, sizeof *perm), bad = 0, crit = 0;
	CHECK(t && l && r && perm);
	if (!(t && l && r && perm)) goto out;
	rng = seed() + 1;
	for (int i = 0; i < NT; i++) {
		t[i] = task(rnd(7));
		perm[i] = i;
	}
	for (int i = NT - 1; i > 0; i--) {
		int j = (int)rnd(i + 1), x = perm[i];
		perm[i] = perm[j];
		perm[j] = x;
	}
	for (int k = 0; k < NL; k++) {
		int a = (int)rnd(NT - 1), span = NT - 1 - a, b;
		b = a + 1 + (int)rnd(rnd(10) ? (span < 40 ? span : 40) : span);
		l[k] = dep(perm[a], perm[b], (enum sched_link_type)rnd(4), rnd(9) - 3);
	}
	double best = 1e9;
	struct sched_problem p = problem(t, NT, l, NL);
	for (int rep = 0; rep < 5; rep++) {
		struct timespec t0;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		int rc = sched_run(&p);
		double ms = ms_since(&t0);
		CHECK(rc == 0);
		if (ms < best) best = ms;
	}
	printf("# sched: %d tasks, %d links: %.2f ms\n", NT, NL, best);
	long finish = 0;
	CHECK(reference(t, NT, l, NL, 0, r, &finish));
	CHECK(p.project_finish == finish);
	for (int i = 0; i < NT; i++) {
		if (!same(&t[i], r[i].es, r[i].ef, r[i].ls, r[i].lf, r[i].tf, r[i].ff) || t[i].driving_link != r[i].drv)
			if (++bad > 3) break;
		crit += t[i].critical;
	}
	CHECK(bad == 0);
	CHECK(crit > 0);
out:
	free(t); free(l); free(r); free(perm);
}

int
main(void)
{
	RUN(oracle_a);
	RUN(oracle_a_driving_path);
	RUN(critical_slack);
	RUN(oracle_a2);
	RUN(oracle_b);
	RUN(negative_lag);
	RUN(snet);
	RUN(mso_pushed_stays_fixed);
	RUN(mso_later_than_links);
	RUN(fnlt_missed);
	RUN(progress_finished);
	RUN(progress_started);
	RUN(progress_status_time);
	RUN(summaries);
	RUN(summary_float);
	RUN(milestone_kinds);
	RUN(snet_before_project_start);
	RUN(loop);
	RUN(bad_links);
	RUN(empty);
	RUN(driving_link);
	RUN(leave);
	RUN(random_vs_bruteforce);
	RUN(random_loops);
	RUN(large_timed);
	return unit_done();
}
