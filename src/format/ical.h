/* ical.h — iCalendar (RFC 5545) output for subscribed calendars: all-day events with stable UIDs,
 * text escaped (\\ ; , newline), CRLF lines folded at 75 octets without splitting a UTF-8
 * character. Pure: writes into a struct buf. */
#ifndef OPSPLAN_ICAL_H
#define OPSPLAN_ICAL_H
#include "core/arena.h"
#include "core/buf.h"

/* name: X-WR-CALNAME. */
void ical_begin(struct buf *b, const char *name);
/* An all-day event from start to finish (inclusive, "YYYY-MM-DD"); stamp: "YYYYMMDDTHHMMSSZ". */
void ical_event(struct buf *b, const char *uid, const char *start, const char *finish, const char *summary,
		const char *description, const char *url, const char *stamp);
void ical_end(struct buf *b);
#endif
