/* test_windows.c — the window engine: local minutes, validation, expansion (one-off, weekly,
 * across midnight, repeat_until) and the findings of a change (freeze, outside maintenance,
 * full and partial, boundaries). */
#include "unit.h"
#include "engine/win.h"
#include "engine/cal.h"

static long
T(const char *s)
{
	return win_parse(s);
}

static void
test_parse_format(void)
{
	CHECK(T("1970-01-01T00:00") == 0);
	CHECK(T("1970-01-02T01:30") == 1440 + 90);
	CHECK(T("2026-11-28 22:00") == T("2026-11-28T22:00"));
	CHECK(T("2026-02-30T10:00") == -1);
	CHECK(T("2026-11-28T24:00") == -1);
	CHECK(T("2026-11-28T10:60") == -1);
	CHECK(T("2026-11-28T1:00") == -1);
	CHECK(T("2026-11-28") == -1);
	CHECK(T("") == -1 && T(NULL) == -1);
	char out[17];
	win_format(T("2026-12-31T23:59"), out);
	CHECK_STR(out, "2026-12-31T23:59");
	win_format(T("2027-01-01T00:00"), out);
	CHECK_STR(out, "2027-01-01T00:00");
}

static char errs[256];
static void
err(void *arg, const char *field, const char *key)
{
	(void)arg;
	strcat(errs, field);
	strcat(errs, "=");
	strcat(errs, key);
	strcat(errs, ";");
}

static int
V(const char *s, const char *e, const char *r, const char *u)
{
	errs[0] = 0;
	return win_validate(s, e, r, u, err, NULL);
}

static void
test_validate(void)
{
	CHECK(V("2026-11-28T22:00", "2026-11-29T06:00", "weekly", "") == 0);
	CHECK(V("2026-11-28T22:00", "2026-12-05T22:00", "weekly", "2027-06-30") == 0);   /* exactly 7 days */
	CHECK(V("2026-11-28T22:00", "2026-12-05T22:01", "weekly", "") == 1);
	CHECK_STR(errs, "end=win.error.weekly_long;");
	CHECK(V("2026-12-25T00:00", "2027-01-04T00:00", "none", "") == 0);            /* one-off: any length */
	CHECK(V("2026-11-28T22:00", "2026-11-28T22:00", "none", "") == 1);
	CHECK_STR(errs, "end=win.error.order;");
	CHECK(V("2026-11-28T22:00", "2026-11-28T21:00", "none", "") == 1);
	CHECK(V("2026-13-01T00:00", "x", "none", "") == 2);
	CHECK_STR(errs, "start=win.error.time;end=win.error.time;");
	CHECK(V("2026-11-28T22:00", "2026-11-29T06:00", "monthly", "") == 1);
	CHECK_STR(errs, "repeat=win.error.repeat;");
	CHECK(V("2026-11-28T22:00", "2026-11-29T06:00", "weekly", "2026-11-27") == 1);
	CHECK_STR(errs, "repeat_until=win.error.until_order;");
	CHECK(V("2026-11-28T22:00", "2026-11-29T06:00", "weekly", "2026-11-28") == 0);
	CHECK(V("2026-11-28T22:00", "2026-11-29T06:00", "weekly", "28.11.2026") == 1);
	CHECK_STR(errs, "repeat_until=error.date;");
}

/* Saturday 2026-11-28 22:00 – Sunday 06:00, weekly */
static const struct win sat = { 1, 0, 0, 0, 0, 1, -1 };

static struct win
weekend(int until)
{
	struct win w = sat;
	w.start = T("2026-11-28T22:00");
	w.end = T("2026-11-29T06:00");
	w.until = until;
	return w;
}

static void
test_expand_weekly_midnight(void)
{
	struct win w = weekend(-1);
	struct win_occ o[8];
	/* Tuesday 2026-12-01 to Tuesday 2026-12-15: two Saturdays, each crossing midnight */
	int n = win_expand(&w, 1, T("2026-12-01T00:00"), T("2026-12-15T00:00"), o, 8);
	CHECK(n == 2);
	char a[17], b[17];
	win_format(o[0].start, a);
	win_format(o[0].end, b);
	CHECK_STR(a, "2026-12-05T22:00");
	CHECK_STR(b, "2026-12-06T06:00");
	win_format(o[1].start, a);
	CHECK_STR(a, "2026-12-12T22:00");
	/* a range starting on Sunday 03:00 catches the occurrence begun the evening before */
	n = win_expand(&w, 1, T("2026-12-06T03:00"), T("2026-12-06T04:00"), o, 8);
	CHECK(n == 1 && o[0].start == T("2026-12-05T22:00"));
	/* ... and one starting exactly at its end does not */
	n = win_expand(&w, 1, T("2026-12-06T06:00"), T("2026-12-12T22:00"), o, 8);
	CHECK(n == 0);
	/* nothing before the first occurrence */
	n = win_expand(&w, 1, T("2026-11-01T00:00"), T("2026-11-28T22:00"), o, 8);
	CHECK(n == 0);
}

static void
test_expand_until_and_order(void)
{
	struct win w[2] = { weekend(cal_day("2026-12-12")), { 2, 1, 0, 0, 0, 0, -1 } };
	w[1].start = T("2026-12-10T00:00");
	w[1].end = T("2026-12-13T00:00");
	struct win_occ o[8];
	int n = win_expand(w, 2, T("2026-11-01T00:00"), T("2027-01-31T00:00"), o, 8);
	/* 28 Nov, 5 Dec, 12 Dec (starts on the until day), not 19 Dec; the one-off in between */
	CHECK(n == 4);
	CHECK(o[0].win == 0 && o[1].win == 0 && o[2].win == 1 && o[3].win == 0);
	CHECK(o[3].start == T("2026-12-12T22:00"));
	/* too small a buffer: the count still */
	CHECK(win_expand(w, 2, T("2026-11-01T00:00"), T("2027-01-31T00:00"), o, 2) == 4);
}

static void
test_check_freeze(void)
{
	struct win w[1] = { { 7, 1, 0, 0, 0, 0, -1 } };
	w[0].start = T("2026-12-25T00:00");
	w[0].end = T("2027-01-04T00:00");
	struct win_finding f[4];
	/* fully inside */
	int n = win_check(w, 1, T("2026-12-28T10:00"), T("2026-12-28T12:00"), NULL, 0, f, 4);
	CHECK(n == 1 && f[0].kind == WF_FREEZE && !f[0].partial && f[0].win == 0 && f[0].ci == 0);
	CHECK(f[0].occ_start == w[0].start && f[0].occ_end == w[0].end && f[0].minutes == 120);
	/* partly: starts before the freeze */
	n = win_check(w, 1, T("2026-12-24T22:00"), T("2026-12-25T02:00"), NULL, 0, f, 4);
	CHECK(n == 1 && f[0].partial && f[0].from == T("2026-12-25T00:00") && f[0].to == T("2026-12-25T02:00"));
	/* boundaries: ending exactly when the freeze starts, starting exactly when it ends */
	CHECK(win_check(w, 1, T("2026-12-24T22:00"), T("2026-12-25T00:00"), NULL, 0, f, 4) == 0);
	CHECK(win_check(w, 1, T("2027-01-04T00:00"), T("2027-01-04T02:00"), NULL, 0, f, 4) == 0);
	/* a freeze of another CI does not apply; of this CI it does */
	w[0].ci = 5;
	long long cis[2] = { 3, 4 };
	CHECK(win_check(w, 1, T("2026-12-28T10:00"), T("2026-12-28T12:00"), cis, 2, f, 4) == 0);
	cis[1] = 5;
	n = win_check(w, 1, T("2026-12-28T10:00"), T("2026-12-28T12:00"), cis, 2, f, 4);
	CHECK(n == 1 && f[0].ci == 5);
}

static void
test_check_maintenance(void)
{
	struct win w[2] = { weekend(-1), { 9, 0, 42, 0, 0, 0, -1 } };
	w[1].start = T("2026-12-09T01:00");   /* CI 42 only: a one-off Wednesday night window */
	w[1].end = T("2026-12-09T03:00");
	long long cis[2] = { 41, 42 };
	struct win_finding f[4];
	/* inside the Saturday-night window across midnight: no finding for either CI */
	CHECK(win_check(w, 2, T("2026-12-05T23:00"), T("2026-12-06T02:00"), cis, 2, f, 4) == 0);
	/* Wednesday 01:30-02:30: inside CI 42's own window, outside for CI 41 */
	int n = win_check(w, 2, T("2026-12-09T01:30"), T("2026-12-09T02:30"), cis, 2, f, 4);
	CHECK(n == 1 && f[0].kind == WF_OUTSIDE && f[0].ci == 41 && !f[0].partial && f[0].minutes == 60);
	/* Sunday 05:00-07:00: the last hour is outside, partly */
	n = win_check(w, 2, T("2026-12-06T05:00"), T("2026-12-06T07:00"), cis, 1, f, 4);
	CHECK(n == 1 && f[0].partial && f[0].from == T("2026-12-06T06:00") && f[0].to == T("2026-12-06T07:00"));
	CHECK(f[0].minutes == 60);
	/* Saturday 21:00 to Sunday 07:00: outside before and after; the first stretch is reported,
	 * the minutes count both */
	n = win_check(w, 2, T("2026-12-05T21:00"), T("2026-12-06T07:00"), cis, 1, f, 4);
	CHECK(n == 1 && f[0].partial && f[0].from == T("2026-12-05T21:00") && f[0].to == T("2026-12-05T22:00"));
	CHECK(f[0].minutes == 120);
	/* a CI without any maintenance window: no finding */
	w[0].ci = 42;
	CHECK(win_check(w, 2, T("2026-12-09T12:00"), T("2026-12-09T13:00"), cis, 1, f, 4) == 0);
}

static void
test_check_both(void)
{
	struct win w[2] = { weekend(-1), { 3, 1, 0, 0, 0, 0, -1 } };
	w[1].start = T("2026-11-10T00:00");   /* 双十一 */
	w[1].end = T("2026-11-13T00:00");
	w[0].start = T("2026-10-31T22:00");
	w[0].end = T("2026-11-01T06:00");
	long long ci = 1;
	struct win_finding f[4];
	int n = win_check(w, 2, T("2026-11-11T09:00"), T("2026-11-11T10:00"), &ci, 1, f, 4);
	CHECK(n == 2 && f[0].kind == WF_FREEZE && f[0].win == 1 && f[1].kind == WF_OUTSIDE && f[1].ci == 1);
	/* max smaller than the findings: the count still */
	CHECK(win_check(w, 2, T("2026-11-11T09:00"), T("2026-11-11T10:00"), &ci, 1, f, 1) == 2);
	/* an empty interval: nothing */
	CHECK(win_check(w, 2, T("2026-11-11T09:00"), T("2026-11-11T09:00"), &ci, 1, f, 4) == 0);
}

int
main(void)
{
	RUN(test_parse_format);
	RUN(test_validate);
	RUN(test_expand_weekly_midnight);
	RUN(test_expand_until_and_order);
	RUN(test_check_freeze);
	RUN(test_check_maintenance);
	RUN(test_check_both);
	return unit_done();
}
