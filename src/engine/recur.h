/* recur.h — recurring-project rules (pure). A rule is text:
 *   monthly-first-workday     the first working day of every month
 *   monthly-day:N             day N (1..28) of every month, moved to the next working day
 *   monthly-last-workday      the last working day of every month
 *   weekly:D                  every week on weekday D (1 = Monday .. 7 = Sunday)
 *   daily-workday             every working day
 * A rule fires on dates ("periods"); cron creates one project per period, once. */
#ifndef OPSPLAN_RECUR_H
#define OPSPLAN_RECUR_H
#include "engine/cal.h"

/* 1 when rule is well-formed. */
int recur_valid(const char *rule);
/* The first date the rule fires on that is >= from; -1 for a bad rule. */
int recur_next(const char *rule, const struct calendar *c, int from);
#endif
