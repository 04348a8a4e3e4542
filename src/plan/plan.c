/* plan.c — what the plan wing's models share: a project's working calendar as the engines take
 * it, today in the configured zone, and the people pickers. */
#include "plan/plan.h"
#include "core/clock.h"
#include "core/json.h"
#include "engine/health.h"
#include "core/db.h"
#include "core/text.h"
#include "engine/wbs.h"
#include "core/xml.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The calendar of cal_id (1 = global): its weekdays and hours, its own exceptions and, when its
 * base is China's (the global calendar, and project calendars made here), the global exceptions
 * under them (its own win on the same day). Malformed stored values (the writers check them)
 * fall back to the defaults. */
static const struct calendar *
calendar_load(struct arena *a, long long cal_id)
{
	struct calendar *c = arena_alloc(a, sizeof *c);
	memset(c, 0, sizeof *c);
	int china = 1;
	sqlite3_stmt *st = db_q("SELECT weekdays, hours, base = 'china' FROM calendars WHERE id = ?", "i", cal_id);
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		cal_parse_weekdays((const char *)sqlite3_column_text(st, 0), c);
		cal_parse_hours((const char *)sqlite3_column_text(st, 1), c);
		china = sqlite3_column_int(st, 2);
	}
	if (st) sqlite3_reset(st);
	int n = (int)db_int("SELECT (SELECT count(*) FROM calendar_days WHERE ?2) + (SELECT count(*) FROM calendar_exceptions"
			    " WHERE calendar_id = ?1 AND ?1 <> 1)", "ii", cal_id, (long long)china);
	struct cal_exception *ex = arena_alloc(a, sizeof *ex * (size_t)(n + 1));
	/* one row a day: the project calendar's own exception where it has one */
	st = db_q("SELECT day, off FROM calendar_exceptions WHERE calendar_id = ?1 AND ?1 <> 1"
		  " UNION ALL SELECT day, off FROM calendar_days WHERE ?2 AND day NOT IN"
		  " (SELECT day FROM calendar_exceptions WHERE calendar_id = ?1 AND ?1 <> 1) ORDER BY 1", "ii", cal_id,
		  (long long)china);
	int i = 0;
	while (st && i < n && sqlite3_step(st) == SQLITE_ROW) {
		int d = cal_day((const char *)sqlite3_column_text(st, 0));
		if (d < 0) continue;
		ex[i].day = d;
		ex[i].off = sqlite3_column_int(st, 1);
		i++;
	}
	if (st) sqlite3_reset(st);
	c->ex = ex;
	c->n = i;
	return c;
}

const struct calendar *
plan_calendar(struct arena *a)
{
	return calendar_load(a, 1);
}

const struct calendar *
plan_project_calendar(struct arena *a, long long project_id)
{
	return calendar_load(a, db_int("SELECT coalesce((SELECT calendar_id FROM projects WHERE id = ?), 1)", "i",
				       project_id));
}

int
plan_today(void)
{
	char out[17];
	clock_local(clock_now(), out);
	out[10] = 0;
	return cal_day(out);
}

void
plan_people_xml(xmlNodePtr parent)
{
	xmlNodePtr people = xml_el(parent, "people");
	sqlite3_stmt *st = db_q("SELECT login, CASE display_name WHEN '' THEN login ELSE display_name END"
				" FROM users WHERE active = 1 ORDER BY login", "");
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr p = xml_el(people, "person");
		xml_attr(p, "login", (const char *)sqlite3_column_text(st, 0));
		xml_attr(p, "name", (const char *)sqlite3_column_text(st, 1));
	}
	if (st) sqlite3_reset(st);
}

