/* changekpi.c — the change-management KPIs of a period (see changekpi.h); pure. */
#include "engine/changekpi.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const changekpi_types[CHANGEKPI_NTYPES + 1] = { "standard", "normal", "emergency", NULL };
const char *const changekpi_states[CHANGEKPI_NSTATES + 1] = { "new", "assess", "authorize", "scheduled", "implement", "review",
						"closed", "rejected", "cancelled", NULL };
const char *const changekpi_close[CHANGEKPI_NCLOSE + 1] = { "successful", "successful_with_issues", "unsuccessful", "rolled_back",
					      NULL };

static int
index_of(const char *const *set, const char *s)
{
	for (int i = 0; s && set[i]; i++)
		if (!strcmp(set[i], s)) return i;
	return -1;
}

static int
by_count(const void *a, const void *b)
{
	const struct changekpi_ci_count *x = a, *y = b;
	if (x->n != y->n) return y->n - x->n;
	return strcmp(x->ci, y->ci);
}

int
changekpi_compute(const struct changekpi_change *c, int n, const struct changekpi_ci_link *l, int nlinks, struct changekpi_ci_count *per_ci,
	   struct changekpi_kpi *out)
{
	memset(out, 0, sizeof *out);
	out->total = n;
	double lead = 0;
	for (int i = 0; i < n; i++) {
		int t = index_of(changekpi_types, c[i].type), s = index_of(changekpi_states, c[i].state),
		    k = index_of(changekpi_close, c[i].close_code);
		if (t >= 0) out->by_type[t]++;
		if (s >= 0) out->by_state[s]++;
		if (k >= 0) {
			out->by_close[k]++;
			out->closed_with_code++;
			if (k <= 1) out->successful++;
		}
		if (t == 2) out->emergency++;
		if (c[i].submitted && c[i].implemented) {
			out->lead_n++;
			lead += (double)(c[i].implemented - c[i].submitted) / 3600.0;
		}
	}
	out->success_pct = out->closed_with_code ? 100.0 * out->successful / out->closed_with_code : -1;
	out->emergency_pct = n ? 100.0 * out->emergency / n : -1;
	out->lead_hours = out->lead_n ? lead / out->lead_n : -1;
	out->per_ci = per_ci;
	for (int j = 0; j < nlinks; j++) {
		if (l[j].change < 0 || l[j].change >= n) return -1;
		int dup = 0;
		for (int k = 0; k < j && !dup; k++) dup = l[k].change == l[j].change && !strcmp(l[k].ci, l[j].ci);
		if (dup) continue;
		int m = 0;
		while (m < out->nci && strcmp(per_ci[m].ci, l[j].ci)) m++;
		if (m == out->nci) per_ci[out->nci++] = (struct changekpi_ci_count){ l[j].ci, 0 };
		per_ci[m].n++;
	}
	if (out->nci > 1) qsort(per_ci, (size_t)out->nci, sizeof *per_ci, by_count);
	return 0;
}

void
changekpi_fmt(double v, char out[32])
{
	if (v < 0) out[0] = 0;
	else snprintf(out, 32, "%.1f", v);
}
