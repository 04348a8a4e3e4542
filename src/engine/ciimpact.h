/* ciimpact.h — which configuration items a change to one CI may affect, and whether a new
 * relation would close a loop (pure: no I/O). CIs are numbered 0..n-1 by the caller; a relation
 * is an edge from → to of a kind: "from runs on to" (an application on a server) or "from
 * depends on to" (a service on a database). A change to a CI may affect every CI that runs on or
 * depends on it, directly or through others. depends_on may form cycles (two services that need
 * each other); the traversal visits each CI once, so a cycle never loops. */
#ifndef OPSPLAN_CIIMPACT_H
#define OPSPLAN_CIIMPACT_H
#include "core/arena.h"
#include "core/buf.h"

enum ciimpact_kind { CIIMPACT_RUNS_ON = 1, CIIMPACT_DEPENDS_ON = 2 };
struct ciimpact_edge { int from, to; enum ciimpact_kind kind; };
/* One affected CI: its number, how many relations away it is (1 = directly), the CI it is
 * reached through (the nearer one it runs on or depends on) and that relation's kind. */
struct ciimpact_hit { int ci, depth, via; enum ciimpact_kind kind; };

/* The CIs a change to start may affect, breadth first (nearest first; at the same distance in
 * the order of the edges), never start itself, each once. out has room for n entries (memory
 * for the walk from a). Edges naming a CI outside 0..n-1 are ignored. Returns how many, or -1
 * when start is out of range. */
int ciimpact_reach(int n, const struct ciimpact_edge *e, int ne, int start, struct ciimpact_hit *out, struct arena *a);

/* 1 when adding the edge from → to of kind would close a loop of that kind's edges (from == to
 * included: to already reaches from), else 0. */
int ciimpact_would_loop(int n, const struct ciimpact_edge *e, int ne, enum ciimpact_kind kind, int from, int to, struct arena *a);
#endif
