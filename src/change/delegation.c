/* delegation.c — delegation while away: checks, audited writes, the list model and the
 * delegations in force for the engine (delegation.h). */
#include "change/delegation.h"
#include "change/approvalpolicy.h"
#include "engine/cal.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/db.h"
#include "core/text.h"
#include "core/user.h"
#include "core/xml.h"
#include <stdio.h>
#include <string.h>

static const char *
col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
}

int
delegation_check(long long user_id, const char *delegate, const char *start, const char *end, long long *delegate_id,
	  fielderr_arg_fn err, void *arg)
{
	int bad = 0;
	*delegate_id = 0;
	long long d = *delegate ? db_int("SELECT id FROM users WHERE login = ? AND active = 1", "s", delegate) : 0;
	if (!d) { err(arg, "delegate", "apr.error.delegate_unknown", delegate); bad++; }
	else if (d == user_id) { err(arg, "delegate", "apr.error.delegate_self", ""); bad++; }
	else if (!(user_roles(d) & APPROVALPOLICY_APPROVER_ROLES)) { err(arg, "delegate", "apr.error.delegate_role", delegate); bad++; }
	else *delegate_id = d;
	int sok = text_date_ok(start), eok = text_date_ok(end);
	if (!sok) { err(arg, "start", "error.date", ""); bad++; }
	if (!eok) { err(arg, "end", "error.date", ""); bad++; }
	if (sok && eok && strcmp(end, start) < 0) { err(arg, "end", "apr.error.delegate_order", ""); bad++; }
	if (sok && eok && strcmp(end, start) >= 0) {
		sqlite3_stmt *st = db_q("SELECT start_day, end_day FROM approval_delegations WHERE user_id = ?"
					" AND start_day <= ? AND end_day >= ? ORDER BY start_day LIMIT 1", "iss", user_id, end,
					start);
		if (st && sqlite3_step(st) == SQLITE_ROW) {
			char other[32];
			snprintf(other, sizeof other, "%.10s – %.10s", col(st, 0), col(st, 1));
			sqlite3_reset(st);
			err(arg, "start", "apr.error.delegate_overlap", other);
			bad++;
		} else if (st) {
			sqlite3_reset(st);
		}
	}
	return bad;
}

static const char *
login_of(long long id, char out[65])
{
	sqlite3_stmt *st = db_q("SELECT login FROM users WHERE id = ?", "i", id);
	out[0] = 0;
	if (st && sqlite3_step(st) == SQLITE_ROW) snprintf(out, 65, "%s", col(st, 0));
	if (st) sqlite3_reset(st);
	return out;
}

static void
delegation_json(struct buf *b, long long user_id, long long delegate_id, const char *start, const char *end)
{
	char u[65], d[65];
	json_open(b);
	json_s(b, "user", login_of(user_id, u));
	json_s(b, "delegate", login_of(delegate_id, d));
	json_s(b, "start", start);
	json_s(b, "end", end);
	json_close(b);
}

long long
delegation_create(const struct audit_who *who, long long user_id, long long delegate_id, const char *start, const char *end)
{
	char now[21], sid[24];
	clock_iso(clock_now(), now);
	if (db_run("INSERT INTO approval_delegations (user_id, delegate_id, start_day, end_day, created_at) VALUES (?,?,?,?,?)",
		   "iisss", user_id, delegate_id, start, end, now) != SQLITE_DONE)
		return -1;
	long long id = sqlite3_last_insert_rowid(db);
	struct buf nv = {0};
	delegation_json(&nv, user_id, delegate_id, start, end);
	snprintf(sid, sizeof sid, "%lld", id);
	int rc = audit_append(who, "delegation.create", "delegation", sid, NULL, buf_str(&nv), "");
	buf_free(&nv);
	return rc ? -1 : id;
}

int
delegation_cancel(const struct audit_who *who, long long id, long long user_id, const char *today)
{
	sqlite3_stmt *st = db_q("SELECT user_id, delegate_id, start_day, end_day FROM approval_delegations WHERE id = ?"
				" AND (?2 = 0 OR user_id = ?2)", "ii", id, user_id);
	if (!st) return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return 1;
	}
	long long u = sqlite3_column_int64(st, 0), d = sqlite3_column_int64(st, 1);
	char start[11], end[11];
	snprintf(start, sizeof start, "%s", col(st, 2));
	snprintf(end, sizeof end, "%s", col(st, 3));
	sqlite3_reset(st);
	if (strcmp(end, today) < 0) return 2;
	struct buf ov = {0}, nv = {0};
	delegation_json(&ov, u, d, start, end);
	int rc;
	if (strcmp(start, today) >= 0) {
		rc = db_run("DELETE FROM approval_delegations WHERE id = ?", "i", id) != SQLITE_DONE;
	} else {
		char y[11];
		cal_iso(cal_day(today) - 1, y);
		rc = db_run("UPDATE approval_delegations SET end_day = ? WHERE id = ?", "si", y, id) != SQLITE_DONE;
		delegation_json(&nv, u, d, start, y);
	}
	char sid[24];
	snprintf(sid, sizeof sid, "%lld", id);
	if (!rc) rc = audit_append(who, "delegation.cancel", "delegation", sid, buf_str(&ov), nv.len ? buf_str(&nv) : NULL, "");
	buf_free(&ov);
	buf_free(&nv);
	return rc ? -1 : 0;
}

void
delegation_list_xml(xmlNodePtr parent, long long user_id, int all, const char *today)
{
	xmlNodePtr l = xml_el(parent, "delegations");
	sqlite3_stmt *st = db_q("SELECT g.id, u.login, u.display_name, d.login, d.display_name, g.start_day, g.end_day,"
				" g.user_id = ?1 FROM approval_delegations g JOIN users u ON u.id = g.user_id"
				" JOIN users d ON d.id = g.delegate_id WHERE ?2 OR g.user_id = ?1 OR g.delegate_id = ?1"
				" ORDER BY g.start_day DESC, g.id DESC", "id", user_id, all);
	static const char *const names[] = { "id", "user", "user-name", "delegate", "delegate-name", "start", "end", "mine" };
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr g = xml_el(l, "delegation");
		for (int i = 0; i < 8; i++) xml_attr(g, names[i], col(st, i));
		const char *s = col(st, 5), *e = col(st, 6);
		xml_attr(g, "state", strcmp(e, today) < 0 ? "over" : strcmp(s, today) > 0 ? "future" : "in_force");
	}
	if (st) sqlite3_reset(st);
}

struct approval_delegation *
delegation_in_force(struct arena *a, const char *today, int *n)
{
	int max = (int)db_int("SELECT count(*) FROM approval_delegations WHERE start_day <= ?1 AND end_day >= ?1", "s", today);
	struct approval_delegation *g = arena_alloc(a, sizeof *g * (size_t)(max + 1));
	int k = 0;
	sqlite3_stmt *st = db_q("SELECT user_id, delegate_id, start_day, end_day FROM approval_delegations"
				" WHERE start_day <= ?1 AND end_day >= ?1 ORDER BY id", "s", today);
	while (st && k < max && sqlite3_step(st) == SQLITE_ROW)
		g[k++] = (struct approval_delegation){ sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
						 arena_strdup(a, col(st, 2)), arena_strdup(a, col(st, 3)) };
	if (st) sqlite3_reset(st);
	*n = k;
	return g;
}
