/* leave.c — personal leave: checks, audited writes, page rows, and the projects to reschedule. */
#include "plan/leave.h"
#include "engine/cal.h"
#include "plan/calendars.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/db.h"
#include "core/text.h"
#include "core/xml.h"
#include <stdio.h>
#include <string.h>

int
leave_check(long long user_id, const char *start, const char *end, const char *note, fielderr_arg_fn err, void *arg,
	    struct arena *a)
{
	int bad = 0, s = text_date_ok(start) ? cal_day(start) : -1, e = text_date_ok(end) ? cal_day(end) : -1;
	if (s < 0) { err(arg, "start", "error.date", ""); bad++; }
	if (e < 0) { err(arg, "end", "error.date", ""); bad++; }
	if (s >= 0 && e >= 0 && e < s) { err(arg, "end", "leave.error.order", ""); bad++; }
	else if (s >= 0 && e >= 0 && e - s + 1 > LEAVE_MAX_DAYS) { err(arg, "end", "leave.error.too_long", ""); bad++; }
	if (text_chars(note) > LEAVE_NOTE_MAX || strpbrk(note, "\r\n")) { err(arg, "note", "leave.error.note", ""); bad++; }
	if (s >= 0 && e >= s) {
		sqlite3_stmt *st = db_q("SELECT start_day, end_day FROM user_leave WHERE user_id = ? AND start_day <= ?"
					" AND end_day >= ? ORDER BY start_day LIMIT 1", "iss", user_id, end, start);
		if (st && sqlite3_step(st) == SQLITE_ROW) {
			const char *r = arena_printf(a, "%s – %s", (const char *)sqlite3_column_text(st, 0),
						     (const char *)sqlite3_column_text(st, 1));
			sqlite3_reset(st);
			err(arg, "start", "leave.error.overlap", r);
			bad++;
		} else if (st) {
			sqlite3_reset(st);
		}
	}
	return bad;
}

static void
range_json(struct buf *b, const char *login, const char *start, const char *end, const char *note)
{
	json_open(b);
	json_s(b, "user", login);
	json_s(b, "start", start);
	json_s(b, "end", end);
	json_s(b, "note", note);
	json_close(b);
}

long long
leave_add(const struct audit_who *who, long long user_id, const char *login, const char *start, const char *end,
	  const char *note)
{
	char now[21];
	clock_iso(clock_now(), now);
	/* a new id, never one a removed range had: the audit log names ranges by id */
	if (db_run("INSERT INTO user_leave (id, user_id, start_day, end_day, note, created_at) VALUES (max((SELECT"
		   " coalesce(max(id), 0) FROM user_leave), (SELECT coalesce(max(CAST(entity_id AS INTEGER)), 0)"
		   " FROM audit_log WHERE entity = 'leave' AND action = 'leave.add')) + 1, ?, ?, ?, ?, ?)", "issss", user_id, start, end, note,
		   now) != SQLITE_DONE)
		return -1;
	long long id = sqlite3_last_insert_rowid(db);
	char sid[24];
	snprintf(sid, sizeof sid, "%lld", id);
	struct buf nv = {0};
	range_json(&nv, login, start, end, note);
	int rc = audit_append(who, "leave.add", "leave", sid, NULL, buf_str(&nv), "");
	buf_free(&nv);
	return rc ? -1 : id;
}

long long
leave_owner(long long id)
{
	return db_int("SELECT user_id FROM user_leave WHERE id = ?", "i", id);
}

int
leave_remove(const struct audit_who *who, long long id)
{
	sqlite3_stmt *st = db_q("SELECT u.login, l.start_day, l.end_day, l.note FROM user_leave l JOIN users u"
				" ON u.id = l.user_id WHERE l.id = ?", "i", id);
	if (!st || sqlite3_step(st) != SQLITE_ROW) {
		if (st) sqlite3_reset(st);
		return -1;
	}
	struct buf ov = {0};
	range_json(&ov, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
		   (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3));
	sqlite3_reset(st);
	char sid[24];
	snprintf(sid, sizeof sid, "%lld", id);
	int rc = db_run("DELETE FROM user_leave WHERE id = ?", "i", id) != SQLITE_DONE ||
		 audit_append(who, "leave.remove", "leave", sid, buf_str(&ov), NULL, "");
	buf_free(&ov);
	return rc ? -1 : 0;
}

xmlNodePtr
leave_xml(xmlNodePtr parent, long long user_id)
{
	xmlNodePtr l = xml_el(parent, "leave");
	sqlite3_stmt *st = db_q("SELECT l.id, l.start_day, l.end_day, l.note, l.created_at, u.login,"
				" CASE u.display_name WHEN '' THEN u.login ELSE u.display_name END"
				" FROM user_leave l JOIN users u ON u.id = l.user_id WHERE ?1 = 0 OR l.user_id = ?1"
				" ORDER BY l.start_day DESC, u.login", "i", user_id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr r = xml_el(l, "range");
		const char *s = (const char *)sqlite3_column_text(st, 1), *e = (const char *)sqlite3_column_text(st, 2);
		xml_attr_ll(r, "id", sqlite3_column_int64(st, 0));
		xml_attr(r, "start", s);
		xml_attr(r, "end", e);
		xml_attr_ll(r, "days", cal_day(e) - cal_day(s) + 1);
		xml_attr(r, "note", (const char *)sqlite3_column_text(st, 3));
		xml_attr(r, "created", (const char *)sqlite3_column_text(st, 4));
		if (!user_id) {
			xml_attr(r, "login", (const char *)sqlite3_column_text(st, 5));
			xml_attr(r, "name", (const char *)sqlite3_column_text(st, 6));
		}
	}
	if (st) sqlite3_reset(st);
	return l;
}

int
leave_reschedule(long long user_id, struct arena *a)
{
	static const char Q[] = "SELECT DISTINCT project_id FROM tasks WHERE owner_id = ?"
				" AND status NOT IN ('done', 'cancelled') ORDER BY 1";
	int n = (int)db_int("SELECT count(DISTINCT project_id) FROM tasks WHERE owner_id = ?"
			    " AND status NOT IN ('done', 'cancelled')", "i", user_id);
	long long *ids = arena_alloc(a, sizeof *ids * (size_t)(n + 1));
	int k = 0;
	sqlite3_stmt *st = db_q(Q, "i", user_id);
	while (st && k < n && sqlite3_step(st) == SQLITE_ROW) ids[k++] = sqlite3_column_int64(st, 0);
	if (st) sqlite3_reset(st);
	for (int i = 0; i < k; i++)
		if (calendars_recompute_one(ids[i], a)) return -1;
	return 0;
}
