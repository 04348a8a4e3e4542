/* axis.c — the schedule's time axis behind axis.h. Working days are found by stepping the
 * calendar once and remembering them, so converting n times over a span of d working days costs
 * O(d + n); the index of a day uses cal_workdays_between (arithmetic on whole weeks plus the
 * exceptions in the range). */
#include "engine/axis.h"
#include <stdlib.h>

int
axis_day(struct axis *x, long i)
{
	int **v = i >= 0 ? &x->fwd : &x->back, *n = i >= 0 ? &x->nf : &x->nb, *cap = i >= 0 ? &x->capf : &x->capb;
	long k = i >= 0 ? i : -i - 1;
	if (k > 4000000) k = 4000000;            /* beyond any real plan: clamp rather than loop */
	while (*n <= k) {
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 256;
			int *nv = realloc(*v, sizeof **v * (size_t)*cap);
			if (!nv) return x->base;
			*v = nv;
		}
		int prev = *n ? (*v)[*n - 1] : x->base, next;
		if (i >= 0) next = *n ? cal_add_workdays(x->c, prev, 1) : x->base;
		else next = cal_add_workdays(x->c, prev, -1);
		(*v)[*n] = next;
		++*n;
	}
	return (*v)[k];
}

/* Working-day index of a day (a non-working day counts as the next working day). */
long
axis_index(const struct axis *x, int day)
{
	return cal_workdays_between(x->c, x->base, cal_add_workdays(x->c, day, 0));
}

long
axis_floordiv(long a, long b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* A time as a start (day, clock) or as a finish (a time at a day's end is that day's end). */
void
axis_iso(struct axis *x, long t, int finish, char out[17])
{
	long i = axis_floordiv(t, x->mpd), off = t - i * x->mpd;
	if (finish && off == 0) {
		i--;
		off = x->mpd;
	}
	cal_iso(axis_day(x, i), out);     /* "YYYY-MM-DD", then "THH:MM" by hand: this runs 4 times a task */
	unsigned m = (unsigned)cal_clock(x->c, (int)off, finish) % 1500;
	out[10] = 'T';
	out[11] = (char)('0' + m / 600);
	out[12] = (char)('0' + m / 60 % 10);
	out[13] = ':';
	out[14] = (char)('0' + m % 60 / 10);
	out[15] = (char)('0' + m % 10);
	out[16] = 0;
}

void
axis_free(struct axis *x)
{
	free(x->fwd);
	free(x->back);
	x->fwd = x->back = NULL;
	x->nf = x->nb = x->capf = x->capb = 0;
}
