/* clock.h — the one source of "now" (OPSPLAN_NOW overrides it for tests and demos) and
 * ISO 8601 conversions. Times are UTC in storage; clock_local() formats in the configured zone. */
#ifndef OPSPLAN_CLOCK_H
#define OPSPLAN_CLOCK_H
#include <time.h>

time_t clock_now(void);
/* "YYYY-MM-DDTHH:MM:SSZ" into out[21]. */
void clock_iso(time_t t, char out[21]);
/* Parses "YYYY-MM-DDTHH:MM:SSZ" (or a date "YYYY-MM-DD" as 00:00 UTC); -1 when malformed. */
time_t clock_parse(const char *s);
/* Parses a local date "YYYY-MM-DD" in the configured zone: start of that day; -1 when bad. */
time_t clock_parse_local_date(const char *s);
/* "YYYY-MM-DD HH:MM" in the configured zone into out[17]. */
void clock_local(time_t t, char out[17]);
/* Applies cfg.timezone to the process (call once at start). */
void clock_init(const char *tz);
#endif
