/* windows.c — maintenance and freeze windows: local minutes, validation, expansion of weekly
 * windows (also across midnight) and the findings of a change against them. Pure. */
#include "engine/win.h"
#include "engine/cal.h"
#include <stdlib.h>
#include <string.h>

long
win_parse(const char *s)
{
	if (!s || strlen(s) != 16 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return -1;
	char d[11];
	memcpy(d, s, 10);
	d[10] = 0;
	int day = cal_day(d);
	for (int i = 11; i < 16; i++)
		if (i != 13 && (s[i] < '0' || s[i] > '9')) return -1;
	int h = (s[11] - '0') * 10 + s[12] - '0', m = (s[14] - '0') * 10 + s[15] - '0';
	if (day < 0 || h > 23 || m > 59) return -1;
	return (long)day * WIN_DAY + h * 60 + m;
}

void
win_format(long m, char out[17])
{
	long day = m >= 0 ? m / WIN_DAY : -((-m + WIN_DAY - 1) / WIN_DAY);
	int r = (int)(m - day * WIN_DAY);
	char d[11];
	cal_iso((int)day, d);
	memcpy(out, d, 10);
	out[10] = 'T';
	out[11] = (char)('0' + r / 600);
	out[12] = (char)('0' + r / 60 % 10);
	out[13] = ':';
	out[14] = (char)('0' + r % 60 / 10);
	out[15] = (char)('0' + r % 10);
	out[16] = 0;
}

int
win_validate(const char *start, const char *end, const char *repeat, const char *repeat_until, fielderr_fn err,
	     void *arg)
{
	int bad = 0;
	long s = win_parse(start), e = win_parse(end);
	int weekly = repeat && !strcmp(repeat, "weekly");
	if (s < 0) { err(arg, "start", "win.error.time"); bad++; }
	if (e < 0) { err(arg, "end", "win.error.time"); bad++; }
	if (!weekly && (!repeat || strcmp(repeat, "none"))) { err(arg, "repeat", "win.error.repeat"); bad++; }
	if (s >= 0 && e >= 0 && e <= s) { err(arg, "end", "win.error.order"); bad++; }
	else if (s >= 0 && e >= 0 && weekly && e - s > WIN_WEEK) { err(arg, "end", "win.error.weekly_long"); bad++; }
	if (weekly && repeat_until && *repeat_until) {
		int u = strlen(repeat_until) == 10 ? cal_day(repeat_until) : -1;
		if (u < 0) { err(arg, "repeat_until", "error.date"); bad++; }
		else if (s >= 0 && u < s / WIN_DAY) { err(arg, "repeat_until", "win.error.until_order"); bad++; }
	}
	return bad;
}

static int
occ_cmp(const void *a, const void *b)
{
	const struct win_occ *x = a, *y = b;
	if (x->start != y->start) return x->start < y->start ? -1 : 1;
	return (x->win > y->win) - (x->win < y->win);
}

/* Calls back (through out/max/k) each occurrence of w[i] that overlaps [from, to). */
static int
expand_one(const struct win *w, int i, long from, long to, struct win_occ *out, int max, int k)
{
	const struct win *x = &w[i];
	long len = x->end - x->start;
	if (len <= 0) return k;
	if (!x->weekly) {
		if (x->start < to && x->end > from) {
			if (k < max) out[k] = (struct win_occ){ i, x->start, x->end };
			k++;
		}
		return k;
	}
	/* the first occurrence ending after from: start + j*W + len > from */
	long j = 0;
	if (from - x->start - len >= 0) j = (from - x->start - len) / WIN_WEEK + 1;
	for (;; j++) {
		long s = x->start + j * WIN_WEEK;
		if (s >= to || (x->until >= 0 && s / WIN_DAY > x->until)) break;
		if (s + len > from) {
			if (k < max) out[k] = (struct win_occ){ i, s, s + len };
			k++;
		}
	}
	return k;
}

int
win_expand(const struct win *w, int n, long from, long to, struct win_occ *out, int max)
{
	int k = 0;
	for (int i = 0; i < n; i++) k = expand_one(w, i, from, to, out, max, k);
	if (k <= max && k > 1) qsort(out, (size_t)k, sizeof *out, occ_cmp);
	return k;
}

static int
has_ci(const long long *cis, int n, long long ci)
{
	for (int i = 0; i < n; i++)
		if (cis[i] == ci) return 1;
	return 0;
}

/* Occurrences of the windows w[i] with take[i] set, overlapping [from, to), sorted; malloc'd
 * into *occ (NULL when none). The count, or -1 when out of memory. */
static int
expand_some(const struct win *w, int n, const char *take, long from, long to, struct win_occ **occ)
{
	int k = 0;
	for (int i = 0; i < n; i++)
		if (take[i]) k = expand_one(w, i, from, to, NULL, 0, k);
	*occ = NULL;
	if (!k) return 0;
	struct win_occ *o = malloc(sizeof *o * (size_t)k);
	if (!o) return -1;
	int m = 0;
	for (int i = 0; i < n; i++)
		if (take[i]) m = expand_one(w, i, from, to, o, k, m);
	qsort(o, (size_t)k, sizeof *o, occ_cmp);
	*occ = o;
	return k;
}

static void
add(struct win_finding *out, int max, int *k, struct win_finding f)
{
	if (*k < max) out[*k] = f;
	(*k)++;
}

int
win_check(const struct win *w, int n, long start, long end, const long long *cis, int ncis,
	  struct win_finding *out, int max)
{
	if (end <= start || n <= 0) return 0;
	char *take = calloc((size_t)n, 1);
	if (!take) return -1;
	int k = 0;
	struct win_occ *occ;
	/* freezes: for every CI, or for one of the CIs of the change */
	for (int i = 0; i < n; i++) take[i] = w[i].freeze && (!w[i].ci || has_ci(cis, ncis, w[i].ci));
	int m = expand_some(w, n, take, start, end, &occ);
	if (m < 0) goto oom;
	for (int i = 0; i < m; i++) {
		long from = occ[i].start > start ? occ[i].start : start, to = occ[i].end < end ? occ[i].end : end;
		add(out, max, &k, (struct win_finding){ .kind = WF_FREEZE, .partial = from > start || to < end,
							 .win = occ[i].win, .ci = w[occ[i].win].ci,
							 .occ_start = occ[i].start, .occ_end = occ[i].end, .from = from,
							 .to = to, .minutes = to - from });
	}
	free(occ);
	/* maintenance: per CI, the part of the change its maintenance windows do not cover */
	for (int c = 0; c < ncis; c++) {
		int any = 0;
		for (int i = 0; i < n; i++) {
			take[i] = !w[i].freeze && (!w[i].ci || w[i].ci == cis[c]);
			any |= take[i];
		}
		if (!any) continue;     /* a CI without maintenance windows may change at any time */
		m = expand_some(w, n, take, start, end, &occ);
		if (m < 0) goto oom;
		long at = start, gap_from = -1, gap_to = -1, outside = 0;
		for (int i = 0; i <= m; i++) {
			long s = i < m ? occ[i].start : end;
			if (s > at) {   /* [at, s) is uncovered */
				long to = s < end ? s : end;
				if (gap_from < 0) { gap_from = at; gap_to = to; }
				outside += to - at;
			}
			if (i < m && occ[i].end > at) at = occ[i].end;
			if (at >= end) break;
		}
		free(occ);
		if (outside)
			add(out, max, &k, (struct win_finding){ .kind = WF_OUTSIDE, .partial = outside < end - start,
								 .win = -1, .ci = cis[c], .from = gap_from, .to = gap_to,
								 .minutes = outside });
	}
	free(take);
	return k;
oom:
	free(take);
	return -1;
}
