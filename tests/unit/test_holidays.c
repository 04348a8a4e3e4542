/* Unit tests for holidays.c: the 2026 iCalendar file from the shared fixtures gives exactly the
 * days of the 2026 JSON table (read by holidays.h's scanner), and CSV in and refusals. */
#include "unit.h"
#include "format/holidays.h"
#include "holidays_fixture.h"

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) return NULL;
	static char buf[1 << 16];
	*len = fread(buf, 1, sizeof buf, f);
	fclose(f);
	return buf;
}

static void
ics_matches_json(void)
{
	struct arena a = {0};
	size_t len;
	char *ics = slurp("../shared/fixtures/holidays/2026.ics", &len);
	CHECK(ics != NULL);
	if (!ics) return;
	struct holiday *h;
	const char *err = NULL;
	int line = 0;
	int n = holidays_ics(&a, ics, len, &h, &err, &line);
	CHECK(load_holidays() == 39);
	CHECK(n == cn2026.n);
	for (int i = 0; i < n && i < cn2026.n; i++)
		CHECK(h[i].day == ex2026[i].day && h[i].off == ex2026[i].off);
	CHECK(n > 0 && !strcmp(h[0].name, "元旦假期"));
	arena_reset(&a);
}

static void
csv_table(void)
{
	struct arena a = {0};
	const char csv[] = "\xEF\xBB\xBF" "date,off,name\r\n2026-10-01,休,国庆节\r\n2026/10/10,班,国庆节调休上班\r\n2026-10-02,1,\r\n";
	struct holiday *h;
	const char *err = NULL;
	int line;
	CHECK(holidays_csv(&a, csv, sizeof csv - 1, &h, &err, &line) == 3);
	CHECK(h[0].off == 1 && h[1].off == 1 && h[2].off == 0);
	CHECK_STR(h[2].name, "国庆节调休上班");
	const char bad[] = "date,off\n2026-10-01,maybe\n";
	CHECK(holidays_csv(&a, bad, sizeof bad - 1, &h, &err, &line) == -1 && !strcmp(err, "holidays.error.format") && line == 2);
	const char conflict[] = "date,off\n2026-10-01,1\n2026-10-01,0\n";
	CHECK(holidays_csv(&a, conflict, sizeof conflict - 1, &h, &err, &line) == -1 && !strcmp(err, "holidays.error.conflict"));
	const char empty[] = "date,off\n";
	CHECK(holidays_csv(&a, empty, sizeof empty - 1, &h, &err, &line) == 0);
	const char baddate[] = "date,off\n2026-02-30,1\n";
	CHECK(holidays_csv(&a, baddate, sizeof baddate - 1, &h, &err, &line) == -1 && !strcmp(err, "holidays.error.date"));
	arena_reset(&a);
}

static void
ics_refused(void)
{
	struct arena a = {0};
	struct holiday *h;
	const char *err = NULL;
	int line = 0;
	const char notcal[] = "hello";
	CHECK(holidays_ics(&a, notcal, sizeof notcal - 1, &h, &err, &line) == -1 && !strcmp(err, "holidays.error.format"));
	const char longev[] = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nDTSTART;VALUE=DATE:20260101\r\n"
			      "DTEND;VALUE=DATE:20270101\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
	CHECK(holidays_ics(&a, longev, sizeof longev - 1, &h, &err, &line) == -1 && !strcmp(err, "holidays.error.range") && line == 6);
	const char folded[] = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:上班(补国\r\n 庆假期)\r\nDTSTART;VALUE=DATE:20261010\r\n"
			      "DTEND;VALUE=DATE:20261011\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
	CHECK(holidays_ics(&a, folded, sizeof folded - 1, &h, &err, &line) == 1 && h[0].off == 0);
	CHECK(!strcmp(h[0].name, "上班(补国庆假期)"));
	arena_reset(&a);
}

int
main(void)
{
	RUN(ics_matches_json);
	RUN(csv_table);
	RUN(ics_refused);
	return unit_done();
}
