/* calendar.c — one working calendar's page and its changes, for the global calendar
 * (/admin/calendar: its exceptions are calendar_days) and for a project calendar
 * (/admin/calendars/ID: its own exceptions in calendar_exceptions win over the global ones):
 * the working weekdays and hours, importing a year of holidays and adjusted working days (调休)
 * from iCalendar or CSV (holidays.c), single days, a project calendar's base (China's national
 * calendar or none) and deleting a project calendar no project uses. Every change is audited and reschedules the projects that follow the calendar in the
 * same transaction (calendars.c), because their dates are counted in working time. */
#include "core/route.h"
#include "core/json.h"
#include "plan/calendars.h"
#include "core/db.h"
#include "format/holidays.h"
#include "plan/plan.h"
#include "core/text.h"
#include "core/xml.h"
#include <stdio.h>
#include <string.h>

/* The calendar a request is about: 1 on /admin/calendar…, else the {id} of /admin/calendars/{id}…;
 * 0 when there is no such calendar. */
static long long
cal_of(struct ctx *c)
{
	if (!strstr(c->route->pattern, "{id}")) return 1;
	long long id = ctx_id(c, 0);
	return id && db_int("SELECT count(*) FROM calendars WHERE id = ?", "i", id) ? id : 0;
}

static const char *
base_of(struct ctx *c, long long id)
{
	return id == 1 ? "/admin/calendar" : arena_printf(c->rq->a, "/admin/calendars/%lld", id);
}

/* An attribute of e, copied into the request's arena ("" when absent). */
static const char *
prop(struct ctx *c, xmlNodePtr e, const char *name)
{
	xmlChar *v = xmlGetProp(e, BAD_CAST name);
	const char *s = arena_strdup(c->rq->a, v ? (const char *)v : "");
	xmlFree(v);
	return s;
}

/* The page: the calendar, the form values (NULL: the stored ones), the projects that use a
 * project calendar, and its exceptions by year. */
static int
calendar_build(struct ctx *c, long long id, const char *name, const char *weekdays, const char *hours)
{
	c->sheet = "calendar";
	xmlSetProp(c->page, BAD_CAST "name", BAD_CAST "calendar");
	xmlNodePtr cal = xml_el(c->page, "calendar");
	if (calendars_attrs(cal, id)) return ctx_error(c, 404, "calendar.error.not_found", "");
	xml_attr(cal, "base", base_of(c, id));
	if (calendars_base_allowed(id, c->u)) xml_attr(cal, "can-holidays", "1");
	xmlNodePtr set = xml_el(cal, "settings");
	xml_attr(set, "name", name ? name : prop(c, cal, "name"));
	xml_attr(set, "weekdays", weekdays ? weekdays : prop(c, cal, "weekdays"));
	xml_attr(set, "hours", hours ? hours : prop(c, cal, "hours"));
	if (id != 1) {
		xmlNodePtr used = xml_el(cal, "used-by");
		sqlite3_stmt *st = db_q("SELECT code, name FROM projects WHERE calendar_id = ? ORDER BY code", "i", id);
		while (st && sqlite3_step(st) == SQLITE_ROW) {
			xmlNodePtr p = xml_el(used, "project");
			xml_attr(p, "code", (const char *)sqlite3_column_text(st, 0));
			xml_attr(p, "name", (const char *)sqlite3_column_text(st, 1));
		}
		if (st) sqlite3_reset(st);
	}
	xmlNodePtr year = NULL;
	char cur[5] = "";
	sqlite3_stmt *st = id == 1 ? db_q("SELECT day, off, name FROM calendar_days ORDER BY day", "")
				   : db_q("SELECT day, off, name FROM calendar_exceptions WHERE calendar_id = ? ORDER BY day",
					  "i", id);
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

static int
calendar_page(struct ctx *c)
{
	long long id = cal_of(c);
	if (!id) return ctx_error(c, 404, "calendar.error.not_found", "");
	return calendar_build(c, id, NULL, NULL, NULL);
}

static int
audit_calendar(struct ctx *c, const char *action, const char *id, const char *old, const char *json)
{
	return audit_append(&c->who, action, "calendar", id, old, json, "");
}

static const char *
id_text(struct ctx *c, long long id)
{
	return arena_printf(c->rq->a, "%lld", id);
}

/* A year of holidays from an uploaded file replaces the years it covers in the calendar's
 * exceptions (the global calendar_days, or a project calendar's own). */
static int
import_post(struct ctx *c)
{
	long long cal = cal_of(c);
	if (!cal) return ctx_error(c, 404, "calendar.error.not_found", "");
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
	char y0[5], y1[5], d[11];
	cal_iso(h[0].day, d);
	snprintf(y0, sizeof y0, "%.4s", d);
	cal_iso(h[n - 1].day, d);
	snprintf(y1, sizeof y1, "%.4s", d);
	int rc = cal == 1 ? db_run("DELETE FROM calendar_days WHERE substr(day, 1, 4) BETWEEN ? AND ?", "ss", y0, y1)
			  : db_run("DELETE FROM calendar_exceptions WHERE calendar_id = ? AND substr(day, 1, 4) BETWEEN ? AND ?",
				   "iss", cal, y0, y1);
	if (rc != SQLITE_DONE) return ctx_error(c, 503, "error.busy", "");
	int off = 0;
	for (int i = 0; i < n; i++) {
		const char *nm = h[i].name ? h[i].name : "";
		cal_iso(h[i].day, d);
		off += h[i].off;
		rc = cal == 1 ? db_run("INSERT INTO calendar_days (day, off, name) VALUES (?,?,?)", "sds", d, h[i].off, nm)
			      : db_run("INSERT INTO calendar_exceptions (calendar_id, day, off, name) VALUES (?,?,?,?)", "isds",
				       cal, d, h[i].off, nm);
		if (rc != SQLITE_DONE) return ctx_error(c, 503, "error.busy", "");
	}
	char json[200];
	snprintf(json, sizeof json, "{\"calendar\":%lld,\"years\":\"%s-%s\",\"days\":%d,\"off\":%d,\"working\":%d,\"format\":\"%s\"}",
		 cal, y0, y1, n, off, n - off, ics ? "ics" : "csv");
	if (audit_calendar(c, "calendar.import", cal == 1 ? y0 : id_text(c, cal), NULL, json) ||
	    calendars_reschedule(cal, c->rq->a))
		return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "%s?flash=calendar", base_of(c, cal)));
}

static int
day_post(struct ctx *c)
{
	long long cal = cal_of(c);
	if (!cal) return ctx_error(c, 404, "calendar.error.not_found", "");
	const char *date = form_str(c, "date"), *mode = form_str(c, "off"), *name = form_str(c, "name");
	if (cal_day(date) < 0) return ctx_error(c, 400, "error.date", "date");
	if (strcmp(mode, "1") && strcmp(mode, "0") && strcmp(mode, "remove")) return ctx_error(c, 400, "error.400", "off");
	if (text_chars(name) > 60 || strchr(name, '\n')) return ctx_error(c, 400, "error.name", "name");
	int rm = !strcmp(mode, "remove"), rc;
	if (cal == 1)
		rc = rm ? db_run("DELETE FROM calendar_days WHERE day = ?", "s", date)
			: db_run("INSERT INTO calendar_days (day, off, name) VALUES (?1, ?2, ?3) ON CONFLICT (day)"
				 " DO UPDATE SET off = ?2, name = ?3", "sds", date, mode[0] == '1', name);
	else
		rc = rm ? db_run("DELETE FROM calendar_exceptions WHERE calendar_id = ? AND day = ?", "is", cal, date)
			: db_run("INSERT INTO calendar_exceptions (calendar_id, day, off, name) VALUES (?1, ?2, ?3, ?4)"
				 " ON CONFLICT (calendar_id, day) DO UPDATE SET off = ?3, name = ?4", "isds", cal, date,
				 mode[0] == '1', name);
	if (rc != SQLITE_DONE) return ctx_error(c, 503, "error.busy", "");
	struct buf nv = {0};
	json_open(&nv);
	if (cal != 1) json_n(&nv, "calendar", (double)cal);
	json_s(&nv, "day", date);
	json_s(&nv, "off", mode);
	json_s(&nv, "name", name);
	json_close(&nv);
	rc = audit_calendar(c, "calendar.day", cal == 1 ? date : id_text(c, cal), NULL, buf_str(&nv));
	buf_free(&nv);
	if (rc || calendars_reschedule(cal, c->rq->a)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "%s?flash=calendar", base_of(c, cal)));
}

static void
settings_json(struct buf *b, const char *name, const char *weekdays, const char *hours)
{
	json_open(b);
	json_s(b, "name", name);
	json_s(b, "weekdays", weekdays);
	json_s(b, "hours", hours);
	json_close(b);
}

/* The weekday boxes as one text for a re-shown form ("135"; values that are not 1..7 dropped). */
static const char *
days_text(struct ctx *c, const char **days, int n)
{
	char *s = arena_alloc(c->rq->a, 8);
	int k = 0;
	for (char d = '1'; d <= '7'; d++)
		for (int i = 0; i < n; i++)
			if (days[i][0] == d && !days[i][1]) {
				s[k++] = d;
				break;
			}
	return s;
}

/* Weekdays and hours (and a project calendar's name). */
static int
settings_post(struct ctx *c)
{
	long long cal = cal_of(c);
	if (!cal) return ctx_error(c, 404, "calendar.error.not_found", "");
	int n = http_field_count(c->rq, "weekdays");
	if (n > 7) return ctx_error(c, 400, "calendar.error.weekdays", "weekdays");
	const char *days[8];
	for (int i = 0; i < n; i++) days[i] = http_field_at(c->rq, "weekdays", i);
	const char *hours = form_str(c, "hours"), *name = form_str(c, "name");
	sqlite3_stmt *st = db_q("SELECT name, weekdays, hours FROM calendars WHERE id = ?", "i", cal);
	if (!st || sqlite3_step(st) != SQLITE_ROW) {
		if (st) sqlite3_reset(st);
		return ctx_error(c, 503, "error.busy", "");
	}
	const char *oname = arena_strdup(c->rq->a, (const char *)sqlite3_column_text(st, 0));
	const char *owd = arena_strdup(c->rq->a, (const char *)sqlite3_column_text(st, 1));
	const char *ohr = arena_strdup(c->rq->a, (const char *)sqlite3_column_text(st, 2));
	sqlite3_reset(st);
	if (cal == 1) name = oname;   /* the global calendar keeps its name */
	char wd[8], hr[64];
	int bad = calendars_check(days, n, hours, wd, hr, form_err, c);
	const char *k = calendars_name_check(name, cal);
	if (k) bad = ctx_invalid(c, "name", k);
	if (bad) {
		int rc = calendar_build(c, cal, name, days_text(c, days, n), hours);
		return rc == H_RENDER ? H_INVALID : rc;
	}
	if (!strcmp(name, oname) && !strcmp(wd, owd) && !strcmp(hr, ohr))
		return ctx_redirect(c, arena_printf(c->rq->a, "%s?flash=saved", base_of(c, cal)));
	if (db_run("UPDATE calendars SET name = ?, weekdays = ?, hours = ? WHERE id = ?", "sssi", name, wd, hr, cal) !=
	    SQLITE_DONE)
		return ctx_error(c, 503, "error.busy", "");
	struct buf ov = {0}, nv = {0};
	settings_json(&ov, oname, owd, ohr);
	settings_json(&nv, name, wd, hr);
	int rc = audit_calendar(c, "calendar.settings", id_text(c, cal), buf_str(&ov), buf_str(&nv));
	buf_free(&ov);
	buf_free(&nv);
	if (rc || calendars_reschedule(cal, c->rq->a)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "%s?flash=calendar", base_of(c, cal)));
}

/* A project calendar's base: China's national calendar or none (administrators, and managers of
 * every project using it); audited, and the projects using it rescheduled in the same transaction. */
static int
holidays_post(struct ctx *c)
{
	long long cal = cal_of(c);
	if (!cal) return ctx_error(c, 404, "calendar.error.not_found", "");
	if (cal == 1) return ctx_error(c, 400, "calendar.error.global_base", "holidays");
	if (!calendars_base_allowed(cal, c->u)) return ctx_error(c, 403, "calendar.error.base_forbidden", "");
	int rc = calendars_set_base(&c->who, cal, form_str(c, "holidays"), c->rq->a);
	if (rc == -2) {
		ctx_invalid(c, "holidays", "calendar.error.holidays");
		rc = calendar_build(c, cal, NULL, NULL, NULL);
		return rc == H_RENDER ? H_INVALID : rc;
	}
	if (rc < 0) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "%s?flash=%s", base_of(c, cal), rc ? "saved" : "calendar"));
}

/* A project calendar no project uses; otherwise the page again naming the projects. */
static int
delete_post(struct ctx *c)
{
	long long cal = cal_of(c);
	if (!cal) return ctx_error(c, 404, "calendar.error.not_found", "");
	if (cal == 1) return ctx_error(c, 400, "calendar.error.global", "");
	sqlite3_stmt *st = db_q("SELECT group_concat(code, ', ') FROM (SELECT code FROM projects WHERE calendar_id = ?"
				" ORDER BY code)", "i", cal);
	const char *used = NULL;
	if (st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		used = arena_strdup(c->rq->a, (const char *)sqlite3_column_text(st, 0));
	if (st) sqlite3_reset(st);
	if (used) {
		ctx_invalid_arg(c, "delete", "calendar.error.in_use", used);
		int rc = calendar_build(c, cal, NULL, NULL, NULL);
		if (rc != H_RENDER) return rc;
		c->status = 409;
		return H_INVALID;
	}
	st = db_q("SELECT name, weekdays, hours, (SELECT count(*) FROM calendar_exceptions WHERE calendar_id = ?1)"
		  " FROM calendars WHERE id = ?1", "i", cal);
	struct buf ov = {0};
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		json_open(&ov);
		json_s(&ov, "name", (const char *)sqlite3_column_text(st, 0));
		json_s(&ov, "weekdays", (const char *)sqlite3_column_text(st, 1));
		json_s(&ov, "hours", (const char *)sqlite3_column_text(st, 2));
		json_n(&ov, "exceptions", sqlite3_column_double(st, 3));
		json_close(&ov);
	}
	if (st) sqlite3_reset(st);
	int rc = !ov.len || db_run("DELETE FROM calendar_exceptions WHERE calendar_id = ?", "i", cal) != SQLITE_DONE ||
		 db_run("DELETE FROM calendars WHERE id = ?", "i", cal) != SQLITE_DONE ||
		 audit_calendar(c, "calendar.delete", id_text(c, cal), buf_str(&ov), NULL);
	buf_free(&ov);
	if (rc) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, "/admin/calendars?flash=deleted");
}

#define READERS (ROLE_ADMIN | ROLE_MANAGER | ROLE_AUDITOR)
const struct route calendar_routes[] = {
	{ "GET", "/admin/calendar", calendar_page, "calendar", READERS, 0 },
	{ "POST", "/admin/calendar/import", import_post, NULL, ROLE_ADMIN, RF_UPLOAD },
	{ "POST", "/admin/calendar/day", day_post, NULL, ROLE_ADMIN, 0 },
	{ "POST", "/admin/calendar/settings", settings_post, "calendar", ROLE_ADMIN, 0 },
	{ "GET", "/admin/calendars/{id}", calendar_page, "calendar", READERS, 0 },
	{ "POST", "/admin/calendars/{id}/import", import_post, NULL, ROLE_ADMIN, RF_UPLOAD },
	{ "POST", "/admin/calendars/{id}/day", day_post, NULL, ROLE_ADMIN, 0 },
	{ "POST", "/admin/calendars/{id}/settings", settings_post, "calendar", ROLE_ADMIN, 0 },
	{ "POST", "/admin/calendars/{id}/delete", delete_post, "calendar", ROLE_ADMIN, 0 },
	{ "POST", "/admin/calendars/{id}/holidays", holidays_post, "calendar", ROLE_ADMIN | ROLE_MANAGER, 0 },
	{ 0 },
};
