/* trendline.h — the pure geometry of the milestone trend chart (no I/O, tested directly): which
 * report days the chart has, the line of each milestone over them, and the axis scale. Days are
 * day numbers (engine/cal.h). */
#ifndef OPSPLAN_TRENDLINE_H
#define OPSPLAN_TRENDLINE_H

/* A recorded date of one milestone: its planned finish from day on. */
struct trendline_row { int day, finish; };
/* A point of a milestone's line: x the report day, y the milestone's date on it. */
struct trendline_point { int x, y; };

/* The line of one milestone over the report days. rows: its history, ascending by day (n >= 0);
 * days: the report days, ascending (nd >= 0). A point for each report day from the first
 * recorded one on, with the date in force that day; the line ends where it meets the diagonal:
 * on the first report day not before the milestone's date, the last point is the milestone's
 * date on the diagonal (x = y, but never left of the previous point) and *reached is 1 (else 0).
 * out has room for nd points; returns the number written. */
int trendline_points(const struct trendline_row *rows, int n, const int *days, int nd, struct trendline_point *out, int *reached);

/* The report days of a chart from the days of all its rows (any order, repeats allowed; days
 * has room for n + 1): sorts them in place, keeps each once and only up to status, and ends with
 * status. Returns how many there are. */
int trendline_days(int *days, int n, int status);

/* Pixel position of day on an axis whose range lo..hi (lo < hi) spans p0..p1. */
double trendline_scale(int day, int lo, int hi, double p0, double p1);
#endif
