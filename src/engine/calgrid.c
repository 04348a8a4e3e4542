/* changecal.c — the change calendar's arithmetic: month and week ranges and the placing of a
 * planned window on its days. See changecal.h. */
#include "engine/calgrid.h"
#include "engine/cal.h"
#include <stdio.h>
#include <string.h>

enum { DAY_MIN = 1440 };

static int
is_digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9') return 0;
	return 1;
}

int
calgrid_month(const char *month, struct calgrid_range *r)
{
	if (!month || strlen(month) != 7 || month[4] != '-' || !is_digits(month, 4) || !is_digits(month + 5, 2))
		return -1;
	int y = (month[0] - '0') * 1000 + (month[1] - '0') * 100 + (month[2] - '0') * 10 + (month[3] - '0');
	int m = (month[5] - '0') * 10 + (month[6] - '0');
	if (m < 1 || m > 12 || y < 1970 || y > 9998) return -1;
	char d[16];
	snprintf(d, sizeof d, "%04d-%02d-01", y, m);
	int first = cal_day(d);
	int ny = m == 12 ? y + 1 : y, nm = m == 12 ? 1 : m + 1, py = m == 1 ? y - 1 : y, pm = m == 1 ? 12 : m - 1;
	snprintf(d, sizeof d, "%04d-%02d-01", ny, nm);
	int next = cal_day(d);
	if (first < 0 || next < 0) return -1;
	memset(r, 0, sizeof *r);
	r->view = CALGRID_MONTH;
	r->first = first;
	r->next = next;
	r->grid0 = first - (cal_weekday(first) - 1);
	r->grid1 = next + (7 - cal_weekday(next - 1));
	memcpy(r->value, month, 7);
	if (py >= 1970) snprintf(r->prev, sizeof r->prev, "%04d-%02d", py, pm);
	snprintf(r->after, sizeof r->after, "%04d-%02d", ny, nm);
	return 0;
}

int
calgrid_week(const char *date, struct calgrid_range *r)
{
	int day = cal_day(date);
	if (day < 0) return -1;
	int monday = day - (cal_weekday(day) - 1);
	if (monday < 0) return -1;
	memset(r, 0, sizeof *r);
	r->view = CALGRID_WEEK;
	r->first = r->grid0 = monday;
	r->next = r->grid1 = monday + 7;
	cal_iso(monday, r->value);
	if (monday >= 7) cal_iso(monday - 7, r->prev);
	cal_iso(monday + 7, r->after);
	return r->value[0] ? 0 : -1;
}

int
calgrid_clip(long start, long end, int day, int *from, int *to)
{
	long ds = (long)day * DAY_MIN, de = ds + DAY_MIN;
	if (end <= start || start >= de || end <= ds) return 0;
	*from = (int)((start > ds ? start : ds) - ds);
	*to = (int)((end < de ? end : de) - ds);
	return 1;
}

void
calgrid_hhmm(int m, char out[6])
{
	if (m < 0) m = 0;
	if (m > DAY_MIN) m = DAY_MIN;
	int h = m / 60, mi = m % 60;
	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[2] = ':';
	out[3] = (char)('0' + mi / 10);
	out[4] = (char)('0' + mi % 10);
	out[5] = 0;
}
