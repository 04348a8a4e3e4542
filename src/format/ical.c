/* ical.c — iCalendar writing (see ical.h). */
#include "format/ical.h"
#include "engine/cal.h"
#include <stdio.h>
#include <string.h>

/* Appends one content line, folded: at most 75 octets a line, continuation lines start with a
 * space, and a cut never falls inside a UTF-8 sequence. */
static void
line(struct buf *b, const char *s)
{
	size_t n = strlen(s), col = 0;
	for (size_t i = 0; i < n;) {
		size_t l = 1;
		unsigned char c = (unsigned char)s[i];
		if (c >= 0xF0) l = 4;
		else if (c >= 0xE0) l = 3;
		else if (c >= 0xC0) l = 2;
		if (i + l > n) l = n - i;
		if (col + l > 75) {
			buf_adds(b, "\r\n ");
			col = 1;
		}
		buf_add(b, s + i, l);
		col += l;
		i += l;
	}
	buf_adds(b, "\r\n");
}

/* name:value with the value escaped as TEXT. */
static void
text_prop(struct buf *b, const char *name, const char *value)
{
	struct buf t = {0};
	buf_adds(&t, name);
	buf_addc(&t, ':');
	for (const char *p = value; *p; p++) {
		if (*p == '\\' || *p == ';' || *p == ',') { buf_addc(&t, '\\'); buf_addc(&t, *p); }
		else if (*p == '\n') buf_adds(&t, "\\n");
		else if (*p == '\r') continue;
		else buf_addc(&t, *p);
	}
	line(b, buf_str(&t));
	buf_free(&t);
}

static void
basic_date(const char *iso, char out[9])
{
	memcpy(out, iso, 4);
	memcpy(out + 4, iso + 5, 2);
	memcpy(out + 6, iso + 8, 2);
	out[8] = 0;
}

void
ical_begin(struct buf *b, const char *name)
{
	line(b, "BEGIN:VCALENDAR");
	line(b, "VERSION:2.0");
	line(b, "PRODID:-//opsplan//opsplan 0.1//EN");
	line(b, "CALSCALE:GREGORIAN");
	line(b, "METHOD:PUBLISH");
	text_prop(b, "X-WR-CALNAME", name);
	line(b, "X-WR-TIMEZONE:Asia/Shanghai");
}

void
ical_event(struct buf *b, const char *uid, const char *start, const char *finish, const char *summary,
	   const char *description, const char *url, const char *stamp)
{
	char s[9], e[9], end[11], tmp[96];
	basic_date(start, s);
	int f = cal_day(finish && *finish ? finish : start);
	cal_iso(f + 1, end);                  /* DTEND of an all-day event is exclusive */
	basic_date(end, e);
	line(b, "BEGIN:VEVENT");
	text_prop(b, "UID", uid);
	snprintf(tmp, sizeof tmp, "DTSTAMP:%s", stamp);
	line(b, tmp);
	snprintf(tmp, sizeof tmp, "DTSTART;VALUE=DATE:%s", s);
	line(b, tmp);
	snprintf(tmp, sizeof tmp, "DTEND;VALUE=DATE:%s", e);
	line(b, tmp);
	text_prop(b, "SUMMARY", summary);
	if (description && *description) text_prop(b, "DESCRIPTION", description);
	if (url && *url) text_prop(b, "URL", url);
	line(b, "TRANSP:TRANSPARENT");
	line(b, "END:VEVENT");
}

void
ical_end(struct buf *b)
{
	line(b, "END:VCALENDAR");
}
