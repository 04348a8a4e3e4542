/* clock.c — now, ISO 8601 in and out, local display time. */
#include "core/clock.h"
#include "core/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
clock_init(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

time_t
clock_now(void)
{
	const char *fixed = getenv("OPSPLAN_NOW");
	if (fixed && *fixed) {
		time_t t = clock_parse(fixed);
		if (t != (time_t)-1) return t;
	}
	return time(NULL);
}

void
clock_iso(time_t t, char out[21])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

time_t
clock_parse(const char *s)
{
	struct tm tm = {0};
	char date[11];
	if (!s || strlen(s) < 10) return -1;
	memcpy(date, s, 10);
	date[10] = 0;
	if (!text_date_ok(date)) return -1;
	sscanf(date, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	if (s[10]) {
		int h, m, sec;
		char z, tail;
		if (strlen(s) != 20 || s[10] != 'T' ||
		    sscanf(s + 11, "%2d:%2d:%2d%c%c", &h, &m, &sec, &z, &tail) != 4 || z != 'Z' ||
		    h > 23 || m > 59 || sec > 60 || h < 0 || m < 0 || sec < 0)
			return -1;
		tm.tm_hour = h;
		tm.tm_min = m;
		tm.tm_sec = sec;
	}
	return timegm(&tm);
}

time_t
clock_parse_local_date(const char *s)
{
	struct tm tm = {0};
	if (!s || !text_date_ok(s)) return -1;
	sscanf(s, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

void
clock_local(time_t t, char out[17])
{
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 17, "%Y-%m-%d %H:%M", &tm);
}
