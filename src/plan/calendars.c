/* calendars.c — the stored working calendars: form checks, page attributes, and rescheduling
 * the projects that follow a calendar after it changed. */
#include "plan/calendars.h"
#include "plan/project.h"
#include "plan/plan.h"
#include "core/audit.h"
#include "core/json.h"
#include "core/db.h"
#include "core/text.h"
#include "core/xml.h"
#include <stdio.h>
#include <string.h>

int
calendars_check(const char *const *days, int ndays, const char *hours, char wd[8], char hr[64], fielderr_fn err,
	     void *arg)
{
	int bad = 0;
	unsigned mask = 0;
	for (int i = 0; i < ndays; i++) {
		const char *d = days[i];
		if (!d || d[0] < '1' || d[0] > '7' || d[1]) {
			mask = 0;
			break;
		}
		mask |= 1u << (d[0] - '1');
	}
	char digits[8];
	int k = 0;
	for (int i = 0; i < 7; i++)
		if (mask >> i & 1) digits[k++] = (char)('1' + i);
	digits[k] = 0;
	struct calendar c;
	memset(&c, 0, sizeof c);
	if (cal_parse_weekdays(digits, &c)) {
		err(arg, "weekdays", "calendar.error.weekdays");
		bad++;
	} else {
		cal_format_weekdays(&c, wd);
	}
	/* as typed: spaces dropped, full-width commas and colons (，：) read as ASCII */
	char norm[64];
	size_t k2 = 0;
	int over = !hours;
	for (const char *p = hours ? hours : ""; *p && !over; p++) {
		if (*p == ' ' || *p == '\t') continue;
		char ch = *p;
		if (!strncmp(p, "\xEF\xBC\x8C", 3) || !strncmp(p, "\xEF\xBC\x9A", 3)) {
			ch = p[2] == '\x8C' ? ',' : ':';
			p += 2;
		}
		if (k2 + 1 >= sizeof norm) over = 1;
		else norm[k2++] = ch;
	}
	norm[k2] = 0;
	if (over || cal_parse_hours(norm, &c)) {
		err(arg, "hours", "calendar.error.hours");
		bad++;
	} else {
		cal_format_hours(&c, hr);
	}
	return bad;
}

const char *
calendars_name_check(const char *name, long long id)
{
	size_t n = text_chars(name);
	if (n < 1 || n > 64 || strpbrk(name, "\r\n\t")) return "error.name";
	if (db_int("SELECT count(*) FROM calendars WHERE name = ? AND id <> ?", "si", name, id))
		return "calendar.error.name_taken";
	return NULL;
}

/* The attributes of the current row of a statement selecting id, name, weekdays, hours, base. */
static void
row_attrs(xmlNodePtr e, sqlite3_stmt *st)
{
	const char *wd = (const char *)sqlite3_column_text(st, 2), *hr = (const char *)sqlite3_column_text(st, 3);
	struct calendar c;
	memset(&c, 0, sizeof c);
	cal_parse_weekdays(wd, &c);
	cal_parse_hours(hr, &c);
	char w[8], h[64], per[16];
	cal_format_weekdays(&c, w);
	cal_format_hours(&c, h);
	long long id = sqlite3_column_int64(st, 0);
	int min = cal_minutes_per_day(&c);
	xml_attr_ll(e, "id", id);
	xml_attr(e, "name", (const char *)sqlite3_column_text(st, 1));
	xml_attr(e, "global", id == 1 ? "1" : "0");
	xml_attr(e, "weekdays", w);
	xml_attr(e, "hours", h);
	xml_attr_ll(e, "minutes", min);
	if (min % 60) snprintf(per, sizeof per, "%.4g", min / 60.0);
	else snprintf(per, sizeof per, "%d", min / 60);
	xml_attr(e, "hours-per-day", per);
	xml_attr(e, "holidays", (const char *)sqlite3_column_text(st, 4));
}

int
calendars_attrs(xmlNodePtr e, long long id)
{
	sqlite3_stmt *st = db_q("SELECT id, name, weekdays, hours, base FROM calendars WHERE id = ?", "i", id);
	int rc = -1;
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		row_attrs(e, st);
		rc = 0;
	}
	if (st) sqlite3_reset(st);
	return rc;
}

void
calendars_xml(xmlNodePtr parent)
{
	xmlNodePtr list = xml_el(parent, "calendars");
	sqlite3_stmt *st = db_q("SELECT c.id, c.name, c.weekdays, c.hours, c.base, (SELECT count(*) FROM projects p"
				" WHERE coalesce(p.calendar_id, 1) = c.id) FROM calendars c ORDER BY c.id <> 1, c.name", "");
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr e = xml_el(list, "calendar");
		row_attrs(e, st);
		xml_attr_ll(e, "projects", sqlite3_column_int64(st, 5));
	}
	if (st) sqlite3_reset(st);
}

int
calendars_base_allowed(long long id, const struct user *u)
{
	if (id == 1 || !db_int("SELECT count(*) FROM calendars WHERE id = ?", "i", id)) return 0;
	if (u->roles & ROLE_ADMIN) return 1;
	if (!(u->roles & ROLE_MANAGER)) return 0;
	/* the projects using it that u does not manage (project_role's 'm': their manager or a
	 * manager member), and whether there is any */
	return db_int("SELECT count(*) FROM projects WHERE calendar_id = ?1", "i", id) > 0 &&
	       db_int("SELECT count(*) FROM projects p WHERE p.calendar_id = ?1 AND p.manager_id <> ?2 AND NOT EXISTS"
		      " (SELECT 1 FROM project_members m WHERE m.project_id = p.id AND m.user_id = ?2 AND m.role = 'manager')",
		      "ii", id, u->id) == 0;
}

int
calendars_set_base(const struct audit_who *who, long long id, const char *base, struct arena *a)
{
	if (id == 1 || !base || (strcmp(base, "china") && strcmp(base, "none"))) return -2;
	sqlite3_stmt *st = db_q("SELECT base, name FROM calendars WHERE id = ?", "i", id);
	if (!st) return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return -2;
	}
	const char *old = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
	const char *name = arena_strdup(a, (const char *)sqlite3_column_text(st, 1));
	sqlite3_reset(st);
	if (!strcmp(old, base)) return 1;
	if (db_run("UPDATE calendars SET base = ? WHERE id = ?", "si", base, id) != SQLITE_DONE) return -1;
	struct buf ov = {0}, nv = {0};
	json_open(&ov);
	json_s(&ov, "name", name);
	json_s(&ov, "base", old);
	json_close(&ov);
	json_open(&nv);
	json_s(&nv, "name", name);
	json_s(&nv, "base", base);
	json_close(&nv);
	int rc = audit_append(who, "calendar.base", "calendar", arena_printf(a, "%lld", id), buf_str(&ov), buf_str(&nv), "");
	buf_free(&ov);
	buf_free(&nv);
	if (rc || calendars_reschedule(id, a)) return -1;
	return 0;
}

int
calendars_recompute_one(long long project_id, struct arena *a)
{
	return project_recompute(project_id, a) ? -1 : 0;
}

int
calendars_reschedule(long long cal_id, struct arena *a)
{
	/* the ids first: project_recompute runs other statements */
	int n = (int)db_int("SELECT count(*) FROM projects WHERE ?1 = 1 OR calendar_id = ?1", "i", cal_id);
	long long *ids = arena_alloc(a, sizeof *ids * (size_t)(n + 1));
	int k = 0;
	sqlite3_stmt *st = db_q("SELECT id FROM projects WHERE ?1 = 1 OR calendar_id = ?1 ORDER BY id", "i", cal_id);
	while (st && k < n && sqlite3_step(st) == SQLITE_ROW) ids[k++] = sqlite3_column_int64(st, 0);
	if (st) sqlite3_reset(st);
	for (int i = 0; i < k; i++)
		if (calendars_recompute_one(ids[i], a)) return -1;
	return 0;
}
