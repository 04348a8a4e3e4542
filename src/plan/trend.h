/* trend.h — the milestone trend (milestone trend analysis): recording the history of each
 * milestone's scheduled date inside the caller's write transaction. The chart's geometry is
 * engine/trendline.h. Days are day numbers (engine/cal.h). */
#ifndef OPSPLAN_TREND_H
#define OPSPLAN_TREND_H

/* Stores today's date of every dated milestone of the project whose date differs from the one
 * recorded before today, and removes today's row of one that is back to that date, so a day
 * without a change stores nothing. Templates record nothing. Call it inside the write's
 * BEGIN IMMEDIATE transaction, after the dates are final. 0, or -1 on a database error. */
int trend_record(long long project_id, int today);

#endif
