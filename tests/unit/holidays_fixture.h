/* holidays_fixture.h — test helper: China's 2026 holidays and adjusted working days, read from the
 * shared fixture file (../shared/fixtures/holidays/2026.json from the repository root, where
 * tests run; OPSPLAN_HOLIDAYS overrides the path) by a small scanner, never copied into the
 * repository. load_holidays() fills cn2026 and returns the count, or -1. */
#ifndef OPSPLAN_TEST_HOLIDAYS_FIXTURE_H
#define OPSPLAN_TEST_HOLIDAYS_FIXTURE_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "engine/cal.h"

#define HOLIDAYS_2026 "../shared/fixtures/holidays/2026.json"

static struct cal_exception ex2026[128];
static struct calendar cn2026 = { .ex = ex2026 };

static int
ex_cmp(const void *a, const void *b)
{
	const struct cal_exception *x = a, *y = b;
	return (x->day > y->day) - (x->day < y->day);
}

/* Reads {"days":[{"name":..,"date":"YYYY-MM-DD","isOffDay":true|false},...]} into cn2026:
 * every "date" string paired with the next "isOffDay" literal. Returns the count, -1 on error. */
static int
load_holidays(void)
{
	const char *path = getenv("OPSPLAN_HOLIDAYS") ? getenv("OPSPLAN_HOLIDAYS") : HOLIDAYS_2026;
	static char text[65536];
	FILE *f = fopen(path, "rb");
	if (!f) return -1;
	size_t len = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[len] = 0;
	int n = 0;
	for (const char *p = text; (p = strstr(p, "\"date\"")) != NULL;) {
		p = strchr(p + 6, '"');
		if (!p || n == (int)(sizeof ex2026 / sizeof ex2026[0])) return -1;
		char iso[11];
		memcpy(iso, p + 1, 10);
		iso[10] = 0;
		const char *off = strstr(p, "\"isOffDay\"");
		if (!off || cal_day(iso) < 0) return -1;
		off += 10;
		while (*off == ' ' || *off == ':' || *off == '\t' || *off == '\n' || *off == '\r') off++;
		if (strncmp(off, "true", 4) && strncmp(off, "false", 5)) return -1;
		ex2026[n].day = cal_day(iso);
		ex2026[n].off = *off == 't';
		n++;
		p = off;
	}
	qsort(ex2026, (size_t)n, sizeof ex2026[0], ex_cmp);
	cn2026.n = n;
	return n;
}

#endif
