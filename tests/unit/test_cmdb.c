/* Unit tests for ciimpact.c: the CIs a change may affect (runs_on and depends_on, transitively,
 * cycles in depends_on), and the loop check for a new relation. */
#include "unit.h"
#include "engine/ciimpact.h"

enum { APP, SRV1, SRV2, DB, SVC, GW, STOR, SWITCH, N };
#define R CIIMPACT_RUNS_ON
#define D CIIMPACT_DEPENDS_ON

/* DB runs on SRV1 and SRV2, SRV1 and SRV2 on STOR; APP runs on SRV1; SVC depends on DB and APP;
 * GW depends on SVC; SWITCH is unrelated. */
static const struct ciimpact_edge bank[] = {
	{ DB, SRV1, R }, { DB, SRV2, R }, { SRV1, STOR, D }, { SRV2, STOR, D }, { APP, SRV1, R },
	{ SVC, DB, D }, { SVC, APP, D }, { GW, SVC, D },
};

static int
find(const struct ciimpact_hit *h, int k, int ci)
{
	for (int i = 0; i < k; i++)
		if (h[i].ci == ci) return i;
	return -1;
}

static void
impact_transitive(void)
{
	struct arena a = {0};
	struct ciimpact_hit h[N];
	int k = ciimpact_reach(N, bank, 8, STOR, h, &a);
	/* SRV1 SRV2 (1), DB APP (2), SVC (3), GW (4) — not STOR itself, not SWITCH */
	CHECK(k == 6);
	CHECK(find(h, k, STOR) < 0 && find(h, k, SWITCH) < 0);
	int s1 = find(h, k, SRV1), db = find(h, k, DB), gw = find(h, k, GW), svc = find(h, k, SVC);
	CHECK(s1 >= 0 && h[s1].depth == 1 && h[s1].via == STOR && h[s1].kind == D);
	CHECK(db >= 0 && h[db].depth == 2 && (h[db].via == SRV1 || h[db].via == SRV2) && h[db].kind == R);
	CHECK(svc >= 0 && h[svc].depth == 3);
	CHECK(gw >= 0 && h[gw].depth == 4 && h[gw].via == SVC);
	for (int i = 1; i < k; i++) CHECK(h[i - 1].depth <= h[i].depth);   /* nearest first */
	/* the database: what runs on or depends on it, not what it runs on */
	k = ciimpact_reach(N, bank, 8, DB, h, &a);
	CHECK(k == 2 && h[0].ci == SVC && h[0].depth == 1 && h[1].ci == GW && h[1].depth == 2);
	CHECK(find(h, k, SRV1) < 0 && find(h, k, APP) < 0);
	/* nothing depends on the gateway; the switch has no relations */
	CHECK(ciimpact_reach(N, bank, 8, GW, h, &a) == 0);
	CHECK(ciimpact_reach(N, bank, 8, SWITCH, h, &a) == 0);
	CHECK(ciimpact_reach(N, bank, 8, N, h, &a) == -1 && ciimpact_reach(N, bank, 8, -1, h, &a) == -1);
	arena_reset(&a);
}

static void
impact_cycles_terminate(void)
{
	struct arena a = {0};
	struct ciimpact_hit h[N];
	/* SVC and GW depend on each other, DB depends on itself through a longer ring back to SVC */
	static const struct ciimpact_edge ring[] = {
		{ SVC, GW, D }, { GW, SVC, D }, { SVC, DB, D }, { DB, APP, D }, { APP, SVC, D },
	};
	int k = ciimpact_reach(N, ring, 5, SVC, h, &a);
	/* GW and APP depend on SVC directly; DB depends on APP; SVC itself is never listed */
	CHECK(k == 3);
	CHECK(find(h, k, SVC) < 0);
	CHECK(find(h, k, GW) >= 0 && find(h, k, APP) >= 0 && find(h, k, DB) >= 0);
	CHECK(h[find(h, k, DB)].depth == 2 && h[find(h, k, DB)].via == APP);
	/* each CI once even with parallel edges of both kinds */
	static const struct ciimpact_edge twice[] = { { APP, SRV1, R }, { APP, SRV1, D }, { APP, SRV1, R } };
	k = ciimpact_reach(N, twice, 3, SRV1, h, &a);
	CHECK(k == 1 && h[0].ci == APP && h[0].kind == R);
	/* edges naming CIs out of range are ignored */
	static const struct ciimpact_edge bad[] = { { 99, SRV1, R }, { APP, -3, R }, { APP, SRV1, D } };
	k = ciimpact_reach(N, bad, 3, SRV1, h, &a);
	CHECK(k == 1 && h[0].ci == APP);
	arena_reset(&a);
}

static void
impact_large_chain(void)
{
	/* a chain of 5000 CIs each running on the next, and every one depending back on the first */
	enum { M = 5000 };
	struct arena a = {0};
	struct ciimpact_edge *e = arena_alloc(&a, sizeof *e * 2 * M);
	int ne = 0;
	for (int i = 0; i + 1 < M; i++) e[ne++] = (struct ciimpact_edge){ i, i + 1, R };
	for (int i = 1; i < M; i++) e[ne++] = (struct ciimpact_edge){ 0, i, D };
	struct ciimpact_hit *h = arena_alloc(&a, sizeof *h * M);
	int k = ciimpact_reach(M, e, ne, M - 1, h, &a);
	CHECK(k == M - 1);
	CHECK(h[0].ci == M - 2 || h[0].ci == 0);
	CHECK(find(h, k, 0) >= 0 && h[find(h, k, 0)].depth == 1);   /* 0 depends on the last directly */
	arena_reset(&a);
}

static void
loops(void)
{
	struct arena a = {0};
	/* runs_on: APP on SRV1, SRV1 on STOR (a VM on a host, say) */
	static const struct ciimpact_edge e[] = { { APP, SRV1, R }, { SRV1, STOR, R }, { SVC, GW, D }, { GW, DB, D } };
	CHECK(ciimpact_would_loop(N, e, 4, R, STOR, APP, &a) == 1);       /* STOR on APP closes APP→SRV1→STOR */
	CHECK(ciimpact_would_loop(N, e, 4, R, SRV1, APP, &a) == 1);
	CHECK(ciimpact_would_loop(N, e, 4, R, APP, APP, &a) == 1);        /* itself */
	CHECK(ciimpact_would_loop(N, e, 4, R, APP, STOR, &a) == 0);       /* a shortcut is no loop */
	CHECK(ciimpact_would_loop(N, e, 4, R, DB, SRV1, &a) == 0);
	/* only edges of the same kind count: DB runs_on SVC does not loop through depends_on */
	CHECK(ciimpact_would_loop(N, e, 4, R, DB, SVC, &a) == 0);
	CHECK(ciimpact_would_loop(N, e, 4, D, DB, SVC, &a) == 1);
	CHECK(ciimpact_would_loop(N, e, 4, R, 99, SVC, &a) == 0);
	arena_reset(&a);
}

int
main(void)
{
	RUN(impact_transitive);
	RUN(impact_cycles_terminate);
	RUN(impact_large_chain);
	RUN(loops);
	return unit_done();
}
