/* calendar.c — the working calendar's administration: the holidays and adjusted working days
 * (调休) by year, importing a year from iCalendar or CSV (holidays.c) and editing single days.
 * Every change is audited and reschedules the linked tasks of every project in the same
 * transaction, because their dates are counted in working days. */
#include "route.h"
#include "db.h"
#include "holidays.h"
#include "plan.h"
#include "text.h"
#include "xml.h"
#include <stdio.h>
#include <string.h>

static int
calendar_page(struct ctx *c)
{
	xmlNodePtr cal = xml_el(c->page, "calendar");
	xmlNodePtr year = NULL;
	char cur[5] = "";
	sqlite3_stmt *st = db_q("SELECT day, off, name FROM calendar_days ORDER BY day", "");
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *day = (const char *)sqlite3_column_text(st, 0);
		if (!year || strncmp(cur, day, 4)) {
			snprintf(cur, sizeof cur, "%.4s", day);
			year = xml_el(cal, "year");
			xml_attr(year, "y", cur);
		}
		xmlNodePtr d = xml_el(year, "day");
		xml_attr(d, "date", day);
		xml_attr(d, "off", (const char *)sqlite3_column_text(st, 1));
		xml_attr(d, "name", (const char *)sqlite3_column_text(st, 2));
		xml_attr_ll(d, "weekday", cal_weekday(cal_day(day)));
	}
	if (st) sqlite3_reset(st);
	return H_RENDER;
}

/* Every project with links follows the new calendar. */
static int
reschedule_all(struct ctx *c)
{
	long long ids[4096];
	int n = 0;
	sqlite3_stmt *st = db_q("SELECT DISTINCT project_id FROM dependencies", "");
	while (st && n < 4096 && sqlite3_step(st) == SQLITE_ROW) ids[n++] = sqlite3_column_int64(st, 0);
	if (st) sqlite3_reset(st);
	for (int i = 0; i < n; i++)
		if (project_recompute(ids[i], c->rq->a)) return -1;
	return 0;
}

static int
audit_calendar(struct ctx *c, const char *action, const char *id, const char *json, const char *reason)
{
	return audit_append(&c->who, action, "calendar", id, NULL, json, reason);
}

static int
import_post(struct ctx *c)
{
	const struct param *f = http_file(c->rq, "file");
	if (!f || !f->len) return ctx_error(c, 400, "holidays.error.format", "file");
	struct holiday *h;
	const char *err = NULL;
	int line = 0;
	int ics = f->len >= 15 && (!memcmp(f->value, "BEGIN:VCALENDAR", 15) || !memcmp(f->value, "\xEF\xBB\xBF" "BEGIN:VCALENDAR", 18));
	int n = ics ? holidays_ics(c->rq->a, f->value + (f->value[0] == '\xEF' ? 3 : 0), f->len - (f->value[0] == '\xEF' ? 3 : 0),
				   &h, &err, &line)
		    : holidays_csv(c->rq->a, f->value, f->len, &h, &err, &line);
	if (n < 0) return ctx_error(c, 400, err, arena_printf(c->rq->a, "file:%d", line));
	if (n == 0) return ctx_error(c, 400, "holidays.error.format", "file");
	/* the file replaces the years it covers */
	char y0[5], y1[5], d[11];
	cal_iso(h[0].day, d);
	snprintf(y0, sizeof y0, "%.4s", d);
	cal_iso(h[n - 1].day, d);
	snprintf(y1, sizeof y1, "%.4s", d);
	if (db_run("DELETE FROM calendar_days WHERE substr(day, 1, 4) BETWEEN ? AND ?", "ss", y0, y1) != SQLITE_DONE)
		return ctx_error(c, 503, "error.busy", "");
	int off = 0;
	for (int i = 0; i < n; i++) {
		cal_iso(h[i].day, d);
		off += h[i].off;
		if (db_run("INSERT INTO calendar_days (day, off, name) VALUES (?,?,?)", "sds", d, h[i].off,
			   h[i].name ? h[i].name : "") != SQLITE_DONE)
			return ctx_error(c, 503, "error.busy", "");
	}
	char json[160], id[16];
	snprintf(json, sizeof json, "{\"years\":\"%s-%s\",\"days\":%d,\"off\":%d,\"working\":%d,\"format\":\"%s\"}", y0, y1, n, off,
		 n - off, ics ? "ics" : "csv");
	snprintf(id, sizeof id, "%s", y0);
	if (audit_calendar(c, "calendar.import", id, json, f->filename ? "file import" : "") || reschedule_all(c))
		return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, "/admin/calendar?flash=calendar");
}

static int
day_post(struct ctx *c)
{
	const char *date = form_str(c, "date"), *mode = form_str(c, "off"), *name = form_str(c, "name");
	if (cal_day(date) < 0) return ctx_error(c, 400, "error.date", "date");
	if (strcmp(mode, "1") && strcmp(mode, "0") && strcmp(mode, "remove")) return ctx_error(c, 400, "error.400", "off");
	if (text_chars(name) > 60 || strchr(name, '\n')) return ctx_error(c, 400, "error.name", "name");
	int rc = !strcmp(mode, "remove")
		 ? db_run("DELETE FROM calendar_days WHERE day = ?", "s", date)
		 : db_run("INSERT INTO calendar_days (day, off, name) VALUES (?1, ?2, ?3) ON CONFLICT (day)"
			  " DO UPDATE SET off = ?2, name = ?3", "sds", date, mode[0] == '1', name);
	if (rc != SQLITE_DONE) return ctx_error(c, 503, "error.busy", "");
	struct buf nv = {0};
	json_open(&nv);
	json_s(&nv, "day", date);
	json_s(&nv, "off", mode);
	json_s(&nv, "name", name);
	json_close(&nv);
	rc = audit_calendar(c, "calendar.day", date, buf_str(&nv), "");
	buf_free(&nv);
	if (rc || reschedule_all(c)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, "/admin/calendar?flash=calendar");
}

const struct route calendar_routes[] = {
	{ "GET", "/admin/calendar", calendar_page, "calendar", ROLE_ADMIN | ROLE_MANAGER | ROLE_AUDITOR, 0 },
	{ "POST", "/admin/calendar/import", import_post, NULL, ROLE_ADMIN, RF_UPLOAD },
	{ "POST", "/admin/calendar/day", day_post, NULL, ROLE_ADMIN, 0 },
	{ 0 },
};
