/* trendline.c — the pure geometry of the milestone trend chart (trendline.h): which report days the
 * chart has, the line of each milestone over them, and the axis scale. No I/O. */
#include "engine/trendline.h"
#include <stdlib.h>

static int
by_day(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

int
trendline_days(int *days, int n, int status)
{
	qsort(days, (size_t)n, sizeof *days, by_day);
	int k = 0;
	for (int i = 0; i < n && days[i] <= status; i++)
		if (!k || days[k - 1] != days[i]) days[k++] = days[i];
	if (!k || days[k - 1] != status) days[k++] = status;
	return k;
}

int
trendline_points(const struct trendline_row *rows, int n, const int *days, int nd, struct trendline_point *out, int *reached)
{
	int k = 0, r = 0;
	*reached = 0;
	for (int i = 0; i < nd && n > 0; i++) {
		int d = days[i];
		if (d < rows[0].day) continue;
		while (r + 1 < n && rows[r + 1].day <= d) r++;
		int v = rows[r].finish;
		if (v <= d) {      /* met the diagonal: the milestone's date has come */
			int lo = k ? out[k - 1].x : rows[0].day;
			out[k].x = v > lo ? v : lo;
			out[k].y = v;
			k++;
			*reached = 1;
			break;
		}
		out[k].x = d;
		out[k].y = v;
		k++;
	}
	return k;
}

double
trendline_scale(int day, int lo, int hi, double p0, double p1)
{
	return hi > lo ? p0 + (p1 - p0) * (double)(day - lo) / (double)(hi - lo) : p0;
}
