/* review.h — reminders of emergency changes' post-implementation reviews. */
#ifndef OPSPLAN_REVIEW_H
#define OPSPLAN_REVIEW_H
#include "core/arena.h"

/* Emergency post-implementation reviews (changes.review_due, a change in implement or review):
 * one change.review_due outbox row to the implementer and the requester when the review is due
 * by the next working day, one change.review_overdue row when the day has passed; each change in
 * its own transaction with a change.notify audit record, only when a row was written (once:
 * the outbox's UNIQUE key). Prints one line per change told. The number of changes, or -1. */
int review_remind(int today, struct arena *a);
#endif
