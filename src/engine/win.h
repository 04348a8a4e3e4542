/* windows.h — maintenance and freeze windows (pure, no I/O): local times as minutes since
 * 1970-01-01 00:00 local, the validator of a window's times, the expansion of one-off and weekly
 * windows into occurrences, and the check of a proposed change [start, end) on a set of CIs.
 * A maintenance window says when changes on its CI should happen; a freeze (blackout) window
 * when they must not. A window's CI 0 means every CI. A weekly window repeats every 7 days from
 * its first occurrence while an occurrence starts on or before its repeat_until day; it may
 * cross midnight (Saturday 22:00 – Sunday 06:00) but may not be longer than 7 days. */
#ifndef OPSPLAN_WINDOWS_H
#define OPSPLAN_WINDOWS_H
#include "core/fielderr.h"

enum { WIN_DAY = 1440, WIN_WEEK = 7 * 1440 };

struct win {
	long long id;          /* the caller's id, carried into findings */
	int freeze;            /* 1 freeze (blackout), 0 maintenance */
	long long ci;          /* 0: every CI */
	long start, end;       /* first occurrence, minutes; end > start */
	int weekly;            /* 0 one-off, 1 weekly */
	int until;             /* weekly: last day number an occurrence may start on; -1 none */
};
struct win_occ { int win; long start, end; };   /* win: index into the windows array */

/* "YYYY-MM-DDTHH:MM" (a space instead of T accepted) → minutes since 1970-01-01 00:00 (local);
 * -1 when malformed or not a real date and time. */
long win_parse(const char *s);
/* Minutes → "YYYY-MM-DDTHH:MM" into out[17]. */
void win_format(long m, char out[17]);

/* Checks a window's times as entered: start and end times (win.error.time), end after start
 * (win.error.order, on "end"), repeat "none" or "weekly" (win.error.repeat), a weekly window at
 * most 7 days long (win.error.weekly_long, on "end"), repeat_until empty or a date
 * (error.date) not before the start's day (win.error.until_order). Each problem through err
 * (field, message key); the number of problems. */
int win_validate(const char *start, const char *end, const char *repeat, const char *repeat_until, fielderr_fn err,
		 void *arg);

/* The occurrences of windows w[0..n) that overlap [from, to), ordered by start (then window
 * index) into out; returns how many there are. When that exceeds max, out holds max of them in
 * no particular order: call again with a larger buffer. */
int win_expand(const struct win *w, int n, long from, long to, struct win_occ *out, int max);

enum { WF_FREEZE = 1, WF_OUTSIDE = 2 };
struct win_finding {
	int kind;              /* WF_FREEZE: inside a freeze; WF_OUTSIDE: not inside a maintenance window */
	int partial;           /* 1: only part of the change; 0: all of it */
	int win;               /* WF_FREEZE: index of the freeze window; else -1 */
	long long ci;          /* WF_FREEZE: the window's CI (0 every CI); WF_OUTSIDE: the CI */
	long occ_start, occ_end;   /* WF_FREEZE: the occurrence */
	long from, to;         /* the part of the change concerned: the overlap with the freeze, or
				  the first stretch outside every maintenance window */
	long minutes;          /* minutes of the change concerned (overlap, or all stretches outside) */
};
/* Every finding for a change [start, end) (start < end) on the CIs cis[0..ncis): each freeze
 * occurrence that overlaps it, of a freeze for every CI or for one of cis; then, per CI of cis
 * that has maintenance windows (its own or every CI's), a finding when part or all of the
 * change lies outside all of them. Writes at most max; returns how many there are, -1 when out
 * of memory. */
int win_check(const struct win *w, int n, long start, long end, const long long *cis, int ncis,
	      struct win_finding *out, int max);
#endif
