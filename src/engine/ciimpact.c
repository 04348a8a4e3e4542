/* ciimpact.c — impact of a change on the CIs related to it, and loop checks (see ciimpact.h). */
#include "engine/ciimpact.h"
#include <string.h>

/* Edges grouped by one end (by_to: the edges into each CI, else out of it) as index lists:
 * first[i]..first[i+1] in list, for the edges whose kind is in mask. */
static void
group(int n, const struct ciimpact_edge *e, int ne, int by_to, unsigned mask, struct arena *a, int **first, int **list)
{
	int *f = arena_alloc(a, sizeof *f * (size_t)(n + 2));
	int *l = arena_alloc(a, sizeof *l * (size_t)(ne + 1));
	for (int i = 0; i < ne; i++) {
		if (e[i].from < 0 || e[i].from >= n || e[i].to < 0 || e[i].to >= n || !(mask & e[i].kind)) continue;
		f[(by_to ? e[i].to : e[i].from) + 2]++;
	}
	for (int i = 0; i < n; i++) f[i + 2] += f[i + 1];
	/* f[k + 1] is now the start of group k; filling moves it to the start of group k + 1 */
	for (int i = 0; i < ne; i++) {
		if (e[i].from < 0 || e[i].from >= n || e[i].to < 0 || e[i].to >= n || !(mask & e[i].kind)) continue;
		l[f[(by_to ? e[i].to : e[i].from) + 1]++] = i;
	}
	*first = f;
	*list = l;
}

int
ciimpact_reach(int n, const struct ciimpact_edge *e, int ne, int start, struct ciimpact_hit *out, struct arena *a)
{
	if (n <= 0 || start < 0 || start >= n) return -1;
	int *first, *list;
	group(n, e, ne, 1, CIIMPACT_RUNS_ON | CIIMPACT_DEPENDS_ON, a, &first, &list);
	char *seen = arena_alloc(a, (size_t)n);
	int *depth = arena_alloc(a, sizeof *depth * (size_t)n);
	int *queue = arena_alloc(a, sizeof *queue * (size_t)n);
	int head = 0, tail = 0, k = 0;
	seen[start] = 1;
	queue[tail++] = start;
	while (head < tail) {
		int cur = queue[head++];
		for (int j = first[cur]; j < first[cur + 1]; j++) {
			const struct ciimpact_edge *x = &e[list[j]];
			if (seen[x->from]) continue;
			seen[x->from] = 1;
			depth[x->from] = depth[cur] + 1;
			queue[tail++] = x->from;
			out[k++] = (struct ciimpact_hit){ x->from, depth[x->from], cur, x->kind };
		}
	}
	return k;
}

int
ciimpact_would_loop(int n, const struct ciimpact_edge *e, int ne, enum ciimpact_kind kind, int from, int to, struct arena *a)
{
	if (from == to) return 1;
	if (n <= 0 || from < 0 || from >= n || to < 0 || to >= n) return 0;
	int *first, *list;
	group(n, e, ne, 0, kind, a, &first, &list);
	char *seen = arena_alloc(a, (size_t)n);
	int *stack = arena_alloc(a, sizeof *stack * (size_t)n);
	int top = 0;
	seen[to] = 1;
	stack[top++] = to;
	while (top) {
		int cur = stack[--top];
		if (cur == from) return 1;
		for (int j = first[cur]; j < first[cur + 1]; j++) {
			int nx = e[list[j]].to;
			if (!seen[nx]) {
				seen[nx] = 1;
				stack[top++] = nx;
			}
		}
	}
	return 0;
}
