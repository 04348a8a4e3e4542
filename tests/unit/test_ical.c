/* Unit tests for ical.c: escaping, folding at 75 octets without splitting characters, exclusive
 * all-day ends — and what it writes reads back through holidays.c's iCalendar reader. */
#include "unit.h"
#include "format/ical.h"
#include "format/holidays.h"
#include "engine/cal.h"

static void
escaped_and_folded(void)
{
	struct buf b = {0};
	ical_begin(&b, "测试 calendar");
	ical_event(&b, "task-1@h", "2026-09-30", "2026-10-09", "[DCM 1.2] 网络专线开通, 备份; 验证\\完成 "
		   "一个很长很长很长很长很长很长很长很长很长很长的任务名称", "line1\nline2", "https://h/tasks/1", "20261125T080000Z");
	ical_end(&b);
	const char *s = buf_str(&b);
	CHECK(strstr(s, "SUMMARY:[DCM 1.2] 网络专线开通\\, 备份\\; 验证\\\\完成"));
	CHECK(strstr(s, "DESCRIPTION:line1\\nline2\r\n"));
	CHECK(strstr(s, "DTSTART;VALUE=DATE:20260930\r\n"));
	CHECK(strstr(s, "DTEND;VALUE=DATE:20261010\r\n"));         /* exclusive end */
	/* every line at most 75 octets, CRLF only, no split UTF-8 sequence at a fold */
	int ok = 1;
	for (const char *p = s; *p;) {
		const char *e = strstr(p, "\r\n");
		if (!e) { ok = 0; break; }
		if (e - p > 75) ok = 0;
		if (e[2] == ' ' && (((unsigned char)e[3]) & 0xC0) == 0x80) ok = 0;
		p = e + 2;
	}
	CHECK(ok);
	CHECK(!strstr(s, "\n\n") && !strchr(s, '\t'));
	buf_free(&b);
}

static void
reads_back(void)
{
	struct buf b = {0};
	ical_begin(&b, "x");
	ical_event(&b, "a@h", "2026-10-01", "2026-10-07", "国庆节 假期", "", "", "20261125T080000Z");
	ical_event(&b, "b@h", "2026-10-10", "2026-10-10", "上班(补国庆假期)", "", "", "20261125T080000Z");
	ical_end(&b);
	struct arena a = {0};
	struct holiday *h;
	const char *err = NULL;
	int line = 0;
	int n = holidays_ics(&a, b.p, b.len, &h, &err, &line);
	CHECK(n == 8);
	CHECK(n == 8 && h[0].day == cal_day("2026-10-01") && h[6].day == cal_day("2026-10-07") && h[7].off == 0);
	arena_reset(&a);
	buf_free(&b);
}

int
main(void)
{
	RUN(escaped_and_folded);
	RUN(reads_back);
	return unit_done();
}
