/* trend.h — the milestone trend (milestone trend analysis): recording the history of each
 * milestone's scheduled date (trend.c, inside the caller's write transaction) and the pure
 * geometry of the chart's lines (trendline.c, no I/O, tested directly). Days are day numbers
 * (calendar.h). */
#ifndef OPSPLAN_TREND_H
#define OPSPLAN_TREND_H

/* Stores today's date of every dated milestone of the project whose date differs from the one
 * recorded before today, and removes today's row of one that is back to that date, so a day
 * without a change stores nothing. Templates record nothing. Call it inside the write's
 * BEGIN IMMEDIATE transaction, after the dates are final. 0, or -1 on a database error. */
int trend_record(long long project_id, int today);

/* A recorded date of one milestone: its planned finish from day on. */
struct trend_row { int day, finish; };
/* A point of a milestone's line: x the report day, y the milestone's date on it. */
struct trend_point { int x, y; };

/* The line of one milestone over the report days. rows: its history, ascending by day (n >= 0);
 * days: the report days, ascending (nd >= 0). A point for each report day from the first
 * recorded one on, with the date in force that day; the line ends where it meets the diagonal:
 * on the first report day not before the milestone's date, the last point is the milestone's
 * date on the diagonal (x = y, but never left of the previous point) and *reached is 1 (else 0).
 * out has room for nd points; returns the number written. */
int trend_line(const struct trend_row *rows, int n, const int *days, int nd, struct trend_point *out, int *reached);

/* The report days of a chart from the days of all its rows (any order, repeats allowed; days
 * has room for n + 1): sorts them in place, keeps each once and only up to status, and ends with
 * status. Returns how many there are. */
int trend_report_days(int *days, int n, int status);

/* Pixel position of day on an axis whose range lo..hi (lo < hi) spans p0..p1. */
double trend_scale(int day, int lo, int hi, double p0, double p1);
#endif
