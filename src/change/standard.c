/* standard.c — the standard change catalogue: checks, audited writes, loading and the page
 * models (see standard.h). */
#include "change/standard.h"
#include "plan/plan.h"
#include "change/change.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/db.h"
#include "core/history.h"
#include "core/text.h"
#include "core/xml.h"
#include <string.h>

static int
code_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 32) return 0;
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") == n;
}

int
standard_check(const struct stdchg *s, int is_new, fielderr_fn err, void *arg)
{
	int bad = 0;
#define BAD(f, k) do { err(arg, f, k); bad++; } while (0)
	if (is_new) {
		if (!code_ok(s->code)) BAD("code", "std.error.code");
		else if (db_int("SELECT count(*) FROM standard_changes WHERE code = ?", "s", s->code)) BAD("code", "std.error.code_taken");
	}
	if (!*s->name || text_chars(s->name) > 200 || strpbrk(s->name, "\r\n")) BAD("name", "std.error.name");
	if (!db_int("SELECT count(*) FROM change_categories WHERE code = ? AND active = 1", "s", s->category))
		BAD("category", "chg.error.category");
	if (strcmp(s->risk_level, "low") && strcmp(s->risk_level, "medium")) BAD("risk_level", "std.error.risk_level");
	static const char *const names[] = { "description", "implementation_plan", "test_plan", "backout_plan" };
	const char *v[] = { s->description, s->implementation_plan, s->test_plan, s->backout_plan };
	for (int i = 0; i < 4; i++)
		if (text_chars(v[i]) > CHANGE_TEXT_MAX) BAD(names[i], "error.field_too_long");
	/* a procedure without its plans is not a documented procedure */
	for (int i = 1; i < 4; i++)
		if (!*v[i]) BAD(names[i], "std.error.plan_required");
#undef BAD
	return bad;
}

static void
standard_json(struct buf *b, const struct stdchg *s)
{
	json_open(b);
	json_s(b, "code", s->code);
	json_s(b, "name", s->name);
	json_s(b, "category", s->category);
	json_s(b, "description", s->description);
	json_s(b, "implementation_plan", s->implementation_plan);
	json_s(b, "test_plan", s->test_plan);
	json_s(b, "backout_plan", s->backout_plan);
	json_s(b, "risk_level", s->risk_level);
	json_s(b, "approved_by", s->approved_by);
	json_s(b, "approved_at", s->approved_at);
	json_n(b, "active", s->active);
	json_close(b);
}

static int
audit_std(const struct audit_who *who, const char *action, const struct stdchg *old, const struct stdchg *nw,
	  const char *reason)
{
	struct buf ov = {0}, nv = {0};
	if (old) standard_json(&ov, old);
	standard_json(&nv, nw);
	int rc = audit_append(who, action, "standard", nw->code, old ? buf_str(&ov) : NULL, buf_str(&nv), reason);
	buf_free(&ov);
	buf_free(&nv);
	return rc;
}

/* The login of user id into out. */
static void
login_of(long long id, char out[65])
{
	sqlite3_stmt *st = db_q("SELECT login FROM users WHERE id = ?", "i", id);
	out[0] = 0;
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *l = (const char *)sqlite3_column_text(st, 0);
		size_t n = strlen(l);
		if (n > 64) n = 64;
		memcpy(out, l, n);
		out[n] = 0;
	}
	if (st) sqlite3_reset(st);
}

int
standard_create(const struct audit_who *who, struct stdchg *s, long long approver, const char *reason)
{
	char now[21], login[65];
	clock_iso(clock_now(), now);
	if (db_run("INSERT INTO standard_changes (code, name, category, description, implementation_plan, test_plan,"
		   " backout_plan, risk_level, approved_by, approved_at, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
		   "ssssssssis", s->code, s->name, s->category, s->description, s->implementation_plan, s->test_plan,
		   s->backout_plan, s->risk_level, approver, now) != SQLITE_DONE)
		return -1;
	s->id = sqlite3_last_insert_rowid(db);
	login_of(approver, login);
	struct stdchg n2 = *s;
	n2.approved_by = login;
	n2.approved_at = now;
	n2.active = 1;
	return audit_std(who, "standard.create", NULL, &n2, reason);
}

int
standard_update(const struct audit_who *who, const struct stdchg *old, const struct stdchg *nw, long long approver,
	   const char *reason)
{
	char now[21], login[65];
	clock_iso(clock_now(), now);
	login_of(approver, login);
	if (db_run("UPDATE standard_changes SET name = ?, category = ?, description = ?, implementation_plan = ?,"
		   " test_plan = ?, backout_plan = ?, risk_level = ?, approved_by = ?, approved_at = ? WHERE id = ?",
		   "sssssssisi", nw->name, nw->category, nw->description, nw->implementation_plan, nw->test_plan,
		   nw->backout_plan, nw->risk_level, approver, now, old->id) != SQLITE_DONE)
		return -1;
	struct stdchg n2 = *nw;
	n2.id = old->id;
	n2.code = old->code;
	n2.active = old->active;
	n2.approved_by_id = approver;
	n2.approved_by = login;
	n2.approved_at = now;
	return audit_std(who, "standard.update", old, &n2, reason);
}

int
standard_set_active(const struct audit_who *who, const struct stdchg *s, int active, const char *reason)
{
	if (db_run("UPDATE standard_changes SET active = ? WHERE id = ?", "di", active, s->id) != SQLITE_DONE) return -1;
	struct stdchg n2 = *s;
	n2.active = active;
	return audit_std(who, active ? "standard.reactivate" : "standard.retire", s, &n2, reason);
}

static const char *
col(struct arena *a, sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return arena_strdup(a, s ? s : "");
}

int
standard_load(struct arena *a, long long id, struct stdchg *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_q("SELECT s.code, s.name, s.category, s.description, s.implementation_plan, s.test_plan,"
				" s.backout_plan, s.risk_level, u.login, s.approved_at, s.active, s.approved_by"
				" FROM standard_changes s JOIN users u ON u.id = s.approved_by WHERE s.id = ?", "i", id);
	if (!st) return -1;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	const char **f[] = { &out->code, &out->name, &out->category, &out->description, &out->implementation_plan,
			     &out->test_plan, &out->backout_plan, &out->risk_level, &out->approved_by, &out->approved_at };
	for (size_t i = 0; i < sizeof f / sizeof *f; i++) *f[i] = col(a, st, (int)i);
	out->active = sqlite3_column_int(st, 10);
	out->approved_by_id = sqlite3_column_int64(st, 11);
	out->id = id;
	sqlite3_reset(st);
	return 1;
}

void
standard_list_xml(xmlNodePtr parent)
{
	xmlNodePtr list = xml_el(parent, "standards");
	sqlite3_stmt *st = db_q("SELECT s.id, s.code, s.name, s.category, k.label_zh AS \"category-zh\","
				" k.label_en AS \"category-en\", s.risk_level AS \"risk-level\", u.login AS \"approved-by\","
				" CASE u.display_name WHEN '' THEN u.login ELSE u.display_name END AS \"approved-by-name\","
				" s.approved_at AS \"approved-at\", s.active,"
				" (SELECT count(*) FROM changes c WHERE c.standard_id = s.id) AS uses"
				" FROM standard_changes s JOIN users u ON u.id = s.approved_by"
				" JOIN change_categories k ON k.code = s.category ORDER BY s.active DESC, s.code", "");
	long long n = 0, act = 0;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xml_row(xml_el(list, "standard"), st);
		n++;
		act += sqlite3_column_int(st, 10);
	}
	if (st) sqlite3_reset(st);
	xml_attr_ll(list, "total", n);
	xml_attr_ll(list, "active", act);
}

static void
fields_xml(xmlNodePtr e, const struct stdchg *s)
{
	xml_attr(e, "code", s->code);
	xml_attr(e, "name", s->name);
	xml_attr(e, "category", s->category);
	xml_attr(e, "risk-level", s->risk_level);
	xml_text(e, "description", s->description);
	xml_text(e, "implementation-plan", s->implementation_plan);
	xml_text(e, "test-plan", s->test_plan);
	xml_text(e, "backout-plan", s->backout_plan);
}

xmlNodePtr
standard_item_xml(xmlNodePtr parent, const struct stdchg *s)
{
	xmlNodePtr e = xml_el(parent, "standard");
	xml_attr_ll(e, "id", s->id);
	fields_xml(e, s);
	xml_attr(e, "approved-by", s->approved_by);
	xml_attr(e, "approved-at", s->approved_at);
	xml_attr(e, "active", s->active ? "1" : "0");
	sqlite3_stmt *st = db_q("SELECT label_zh, label_en FROM change_categories WHERE code = ?", "s", s->category);
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		xml_attr(e, "category-zh", (const char *)sqlite3_column_text(st, 0));
		xml_attr(e, "category-en", (const char *)sqlite3_column_text(st, 1));
	}
	if (st) sqlite3_reset(st);
	st = db_q("SELECT CASE display_name WHEN '' THEN login ELSE display_name END FROM users WHERE id = ?", "i",
		  s->approved_by_id);
	if (st && sqlite3_step(st) == SQLITE_ROW) xml_attr(e, "approved-by-name", (const char *)sqlite3_column_text(st, 0));
	if (st) sqlite3_reset(st);
	xmlNodePtr ch = xml_el(e, "changes");
	st = db_q("SELECT number, title, state, type, updated_at AS updated FROM changes WHERE standard_id = ?"
		  " ORDER BY id DESC", "i", s->id);
	while (st && sqlite3_step(st) == SQLITE_ROW) xml_row(xml_el(ch, "change"), st);
	if (st) sqlite3_reset(st);
	history_xml(e, "standard", s->code);
	return e;
}

xmlNodePtr
standard_form_xml(xmlNodePtr parent, const char *mode, const struct stdchg *s)
{
	xmlNodePtr f = xml_el(parent, "standard-form");
	xml_attr(f, "mode", mode);
	if (s->id) xml_attr_ll(f, "id", s->id);
	fields_xml(f, s);
	return f;
}
