/* approvalpolicy.c — stored approval policies and their steps: form checks, audited writes,
 * page models and the engine's view of them (approvalpolicy.h). */
#include "change/approvalpolicy.h"
#include "core/auth.h"
#include "core/json.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/text.h"
#include "core/user.h"
#include "core/xml.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *
col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
}

static int
one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (!strcmp(s, *set)) return 1;
	return 0;
}

static const char *const kinds[] = { "change", "freeze_override", NULL };
static const char *const types[] = { "normal", "emergency", "*", NULL };
static const char *const risks[] = { "low", "medium", "high", "very_high", "*", NULL };

int
approvalpolicy_check(const struct apol *p, fielderr_arg_fn err, void *arg)
{
	int bad = 0;
	size_t nl = text_chars(p->name);
	if (!nl || nl > APPROVALPOLICY_NAME_MAX || strpbrk(p->name, "\r\n")) {
		err(arg, "name", "apr.error.name", "");
		bad++;
	} else if (db_int("SELECT count(*) FROM approval_policies WHERE name = ? AND id <> ?", "si", p->name, p->id)) {
		err(arg, "name", "apr.error.name_taken", "");
		bad++;
	}
	int k = one_of(p->kind, kinds), t = one_of(p->type, types), r = one_of(p->risk, risks);
	if (!k) { err(arg, "kind", "apr.error.kind", ""); bad++; }
	if (!t) { err(arg, "type", "apr.error.type", ""); bad++; }
	if (!r) { err(arg, "risk_level", "apr.error.risk", ""); bad++; }
	if (k && t && r && p->active) {
		sqlite3_stmt *st = db_q("SELECT name FROM approval_policies WHERE active = 1 AND kind = ? AND type = ?"
					" AND risk_level = ? AND id <> ? ORDER BY id LIMIT 1", "sssi", p->kind, p->type,
					p->risk, p->id);
		if (st && sqlite3_step(st) == SQLITE_ROW) {
			char other[APPROVALPOLICY_NAME_MAX * 4 + 1];
			snprintf(other, sizeof other, "%s", col(st, 0));
			sqlite3_reset(st);
			err(arg, "risk_level", "apr.error.duplicate", other);
			bad++;
		} else if (st) {
			sqlite3_reset(st);
		}
	}
	return bad;
}

static void
header_json(struct buf *b, const struct apol *p)
{
	json_open(b);
	json_s(b, "name", p->name);
	json_s(b, "kind", p->kind);
	json_s(b, "type", p->type);
	json_s(b, "risk_level", p->risk);
	json_n(b, "active", p->active);
	json_close(b);
}

static void
sid(long long id, char out[24])
{
	snprintf(out, 24, "%lld", id);
}

long long
approvalpolicy_create(const struct audit_who *who, const struct apol *p)
{
	char now[21], s[24];
	clock_iso(clock_now(), now);
	if (db_run("INSERT INTO approval_policies (name, kind, type, risk_level, active, created_at) VALUES (?,?,?,?,?,?)",
		   "ssssds", p->name, p->kind, p->type, p->risk, p->active ? 1 : 0, now) != SQLITE_DONE)
		return -1;
	long long id = sqlite3_last_insert_rowid(db);
	struct buf nv = {0};
	header_json(&nv, p);
	sid(id, s);
	int rc = audit_append(who, "policy.create", "policy", s, NULL, buf_str(&nv), "");
	buf_free(&nv);
	return rc ? -1 : id;
}

int
approvalpolicy_update(const struct audit_who *who, const struct apol *old, const struct apol *nw)
{
	if (!strcmp(old->name, nw->name) && !strcmp(old->kind, nw->kind) && !strcmp(old->type, nw->type) &&
	    !strcmp(old->risk, nw->risk) && !old->active == !nw->active)
		return 0;
	if (db_run("UPDATE approval_policies SET name = ?, kind = ?, type = ?, risk_level = ?, active = ? WHERE id = ?",
		   "ssssdi", nw->name, nw->kind, nw->type, nw->risk, nw->active ? 1 : 0, old->id) != SQLITE_DONE)
		return -1;
	struct buf ov = {0}, nv = {0};
	header_json(&ov, old);
	header_json(&nv, nw);
	char s[24];
	sid(old->id, s);
	int rc = audit_append(who, "policy.update", "policy", s, buf_str(&ov), buf_str(&nv), "");
	buf_free(&ov);
	buf_free(&nv);
	return rc ? -1 : 0;
}

int
approvalpolicy_load(struct arena *a, long long id, struct apol *out)
{
	sqlite3_stmt *st = db_q("SELECT id, name, kind, type, risk_level, active FROM approval_policies WHERE id = ?", "i",
				id);
	if (!st) return -1;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	*out = (struct apol){ sqlite3_column_int64(st, 0), arena_strdup(a, col(st, 1)), arena_strdup(a, col(st, 2)),
			      arena_strdup(a, col(st, 3)), arena_strdup(a, col(st, 4)), sqlite3_column_int(st, 5) };
	sqlite3_reset(st);
	return 1;
}

int
approvalpolicy_nsteps(long long id)
{
	return (int)db_int("SELECT count(*) FROM approval_steps WHERE policy_id = ?", "i", id);
}

int
approvalpolicy_step_check(long long pid, const struct approvalpolicy_step_in *s, long long *ids, int *nids, int *n_out, fielderr_arg_fn err,
		void *arg)
{
	int bad = 0, ns = approvalpolicy_nsteps(pid);
	*nids = 0;
	*n_out = 0;
	if (s->step < 1 || s->step > ns + 1 || s->step > APPROVAL_MAX_STEPS) { err(arg, "step", "apr.error.step", ""); bad++; }
	size_t nl = text_chars(s->name);
	if (nl > APPROVALPOLICY_STEP_NAME_MAX || strpbrk(s->name, "\r\n")) { err(arg, "step_name", "apr.error.step_name", ""); bad++; }
	int q = approval_quorum_parse(s->quorum);
	if (q < 0) { err(arg, "quorum", "apr.error.quorum", ""); bad++; }
	int given = 0, approvers_bad = 0;
	for (int i = 0; i < s->nlogins; i++) {
		const char *l = s->logins[i];
		if (!*l) continue;
		given++;
		sqlite3_stmt *st = db_q("SELECT id FROM users WHERE login = ? AND active = 1", "s", l);
		long long id = 0;
		if (st && sqlite3_step(st) == SQLITE_ROW) id = sqlite3_column_int64(st, 0);
		if (st) sqlite3_reset(st);
		if (!id) {
			err(arg, "approver", "apr.error.approver_unknown", l);
			approvers_bad++;
			continue;
		}
		if (!(user_roles(id) & APPROVALPOLICY_APPROVER_ROLES)) {
			err(arg, "approver", "apr.error.approver_role", l);
			approvers_bad++;
			continue;
		}
		int dup = 0;
		for (int k = 0; k < *nids; k++) dup |= ids[k] == id;
		if (!dup) ids[(*nids)++] = id;
	}
	bad += approvers_bad;
	if (!given) { err(arg, "approver", "apr.error.approvers", ""); bad++; }
	else if (*nids > APPROVALPOLICY_MAX_APPROVERS) { err(arg, "approver", "apr.error.approvers_many", ""); bad++; }
	if (q == APPROVAL_N) {
		char *end = NULL;
		long n = strtol(s->n, &end, 10);
		if (!*s->n || *end || n < 1 || (!approvers_bad && given && n > *nids) || n > APPROVALPOLICY_MAX_APPROVERS) {
			err(arg, "n", "apr.error.quorum_n", "");
			bad++;
		} else {
			*n_out = (int)n;
		}
	}
	return bad;
}

/* Step (pid, step) as JSON into b: {step, name, quorum, n, approvers: "login,login"}; 0, or -1
 * when there is no such step. */
static int
step_json(struct buf *b, long long pid, int step)
{
	sqlite3_stmt *st = db_q("SELECT name, quorum, coalesce(quorum_n, 0) FROM approval_steps WHERE policy_id = ? AND step = ?",
				"id", pid, step);
	if (!st || sqlite3_step(st) != SQLITE_ROW) {
		if (st) sqlite3_reset(st);
		return -1;
	}
	char name[APPROVALPOLICY_STEP_NAME_MAX * 4 + 1], quorum[8];
	snprintf(name, sizeof name, "%s", col(st, 0));
	snprintf(quorum, sizeof quorum, "%s", col(st, 1));
	int n = sqlite3_column_int(st, 2);
	sqlite3_reset(st);
	struct buf logins = {0};
	st = db_q("SELECT u.login FROM approval_step_approvers a JOIN users u ON u.id = a.user_id WHERE a.policy_id = ?"
		  " AND a.step = ? ORDER BY u.login", "id", pid, step);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		if (logins.len) buf_addc(&logins, ',');
		buf_adds(&logins, col(st, 0));
	}
	if (st) sqlite3_reset(st);
	json_open(b);
	json_n(b, "step", step);
	json_s(b, "name", name);
	json_s(b, "quorum", quorum);
	if (n) json_n(b, "n", n);
	else json_s(b, "n", NULL);
	json_s(b, "approvers", buf_str(&logins));
	json_close(b);
	buf_free(&logins);
	return 0;
}

int
approvalpolicy_step_save(const struct audit_who *who, long long pid, const struct approvalpolicy_step_in *s, const long long *ids,
	       int nids, int n)
{
	struct buf ov = {0}, nv = {0};
	int had = !step_json(&ov, pid, s->step);
	int rc = -1;
	if (db_run("DELETE FROM approval_step_approvers WHERE policy_id = ? AND step = ?", "id", pid, s->step) != SQLITE_DONE)
		goto out;
	if (db_run("INSERT INTO approval_steps (policy_id, step, name, quorum, quorum_n) VALUES (?1, ?2, ?3, ?4, nullif(?5, 0))"
		   " ON CONFLICT (policy_id, step) DO UPDATE SET name = ?3, quorum = ?4, quorum_n = nullif(?5, 0)",
		   "idssd", pid, s->step, s->name, s->quorum, n) != SQLITE_DONE)
		goto out;
	for (int i = 0; i < nids; i++)
		if (db_run("INSERT INTO approval_step_approvers (policy_id, step, user_id) VALUES (?, ?, ?)", "idi", pid, s->step,
			   ids[i]) != SQLITE_DONE)
			goto out;
	if (step_json(&nv, pid, s->step)) goto out;
	char id[24];
	sid(pid, id);
	rc = audit_append(who, "policy.step_save", "policy", id, had ? buf_str(&ov) : NULL, buf_str(&nv), "") ? -1 : 0;
out:
	buf_free(&ov);
	buf_free(&nv);
	return rc;
}

int
approvalpolicy_step_delete(const struct audit_who *who, long long pid, int step)
{
	int ns = approvalpolicy_nsteps(pid);
	if (step < 1 || step != ns) return 1;
	struct buf ov = {0};
	int rc = -1;
	if (step_json(&ov, pid, step)) goto out;
	if (db_run("DELETE FROM approval_step_approvers WHERE policy_id = ? AND step = ?", "id", pid, step) != SQLITE_DONE ||
	    db_run("DELETE FROM approval_steps WHERE policy_id = ? AND step = ?", "id", pid, step) != SQLITE_DONE)
		goto out;
	char id[24];
	sid(pid, id);
	rc = audit_append(who, "policy.step_delete", "policy", id, buf_str(&ov), NULL, "") ? -1 : 0;
out:
	buf_free(&ov);
	return rc;
}

static void
policy_attrs(xmlNodePtr e, sqlite3_stmt *st)
{
	static const char *const names[] = { "id", "name", "kind", "type", "risk-level", "active", "created", "steps" };
	for (int i = 0; i < 8; i++) xml_attr(e, names[i], col(st, i));
}

#define POLICY_COLS "p.id, p.name, p.kind, p.type, p.risk_level, p.active, p.created_at," \
	" (SELECT count(*) FROM approval_steps s WHERE s.policy_id = p.id)"

void
approvalpolicy_list_xml(xmlNodePtr parent)
{
	xmlNodePtr l = xml_el(parent, "policies");
	sqlite3_stmt *st = db_q("SELECT " POLICY_COLS " FROM approval_policies p ORDER BY p.active DESC, p.kind,"
				" p.type = '*', p.type, p.risk_level = '*', CASE p.risk_level WHEN 'low' THEN 1 WHEN 'medium'"
				" THEN 2 WHEN 'high' THEN 3 WHEN 'very_high' THEN 4 ELSE 5 END, p.id", "");
	while (st && sqlite3_step(st) == SQLITE_ROW) policy_attrs(xml_el(l, "policy"), st);
	if (st) sqlite3_reset(st);
}

xmlNodePtr
approvalpolicy_xml(xmlNodePtr parent, long long id)
{
	xmlNodePtr p = xml_el(parent, "policy");
	sqlite3_stmt *st = db_q("SELECT " POLICY_COLS " FROM approval_policies p WHERE p.id = ?", "i", id);
	if (st && sqlite3_step(st) == SQLITE_ROW) policy_attrs(p, st);
	if (st) sqlite3_reset(st);
	st = db_q("SELECT step, name, quorum, coalesce(quorum_n, '') FROM approval_steps WHERE policy_id = ? ORDER BY step",
		  "i", id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr s = xml_el(p, "step");
		xml_attr(s, "step", col(st, 0));
		xml_attr(s, "name", col(st, 1));
		xml_attr(s, "quorum", col(st, 2));
		xml_attr(s, "n", col(st, 3));
	}
	if (st) sqlite3_reset(st);
	for (xmlNodePtr s = p->children; s; s = s->next) {
		xmlChar *n = xmlGetProp(s, BAD_CAST "step");
		int step = n ? atoi((const char *)n) : 0;
		xmlFree(n);
		st = db_q("SELECT u.login, u.display_name FROM approval_step_approvers a JOIN users u ON u.id = a.user_id"
			  " WHERE a.policy_id = ? AND a.step = ? ORDER BY u.login", "id", id, step);
		while (st && sqlite3_step(st) == SQLITE_ROW) {
			xmlNodePtr a = xml_el(s, "approver");
			xml_attr(a, "login", col(st, 0));
			xml_attr(a, "name", col(st, 1));
		}
		if (st) sqlite3_reset(st);
	}
	return p;
}

void
approvalpolicy_eligible_xml(xmlNodePtr parent)
{
	xmlNodePtr l = xml_el(parent, "eligible");
	sqlite3_stmt *st = db_q("SELECT u.login, u.display_name, group_concat(r.role, ' ') FROM users u JOIN user_roles r"
				" ON r.user_id = u.id WHERE u.active = 1 AND r.role IN ('admin', 'manager', 'approver')"
				" GROUP BY u.id ORDER BY u.login", "");
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr u = xml_el(l, "user");
		xml_attr(u, "login", col(st, 0));
		xml_attr(u, "name", col(st, 1));
		xml_attr(u, "roles", col(st, 2));
	}
	if (st) sqlite3_reset(st);
}

struct approval_policy *
approvalpolicy_load_all(struct arena *a, int *n)
{
	int max = (int)db_int("SELECT count(*) FROM approval_policies", "");
	struct approval_policy *p = arena_alloc(a, sizeof *p * (size_t)(max + 1));
	sqlite3_stmt *st = db_q("SELECT id, kind, type, risk_level, active FROM approval_policies ORDER BY id", "");
	if (!st) return NULL;
	int k = 0;
	while (k < max && sqlite3_step(st) == SQLITE_ROW)
		p[k++] = (struct approval_policy){ sqlite3_column_int64(st, 0), arena_strdup(a, col(st, 1)),
					     arena_strdup(a, col(st, 2)), arena_strdup(a, col(st, 3)),
					     sqlite3_column_int(st, 4) };
	sqlite3_reset(st);
	*n = k;
	return p;
}

struct approval_step *
approvalpolicy_load_steps(struct arena *a, long long pid, int *n)
{
	struct approval_step *s = arena_alloc(a, sizeof *s * APPROVAL_MAX_STEPS);
	int k = 0;
	sqlite3_stmt *st = db_q("SELECT step, quorum, coalesce(quorum_n, 0) FROM approval_steps WHERE policy_id = ?"
				" ORDER BY step", "i", pid);
	while (st && k < APPROVAL_MAX_STEPS && sqlite3_step(st) == SQLITE_ROW) {
		int q = approval_quorum_parse(col(st, 1));
		s[k++] = (struct approval_step){ sqlite3_column_int(st, 0), q < 0 ? APPROVAL_ALL : q, sqlite3_column_int(st, 2), NULL, 0 };
	}
	if (st) sqlite3_reset(st);
	for (int i = 0; i < k; i++) {
		int m = (int)db_int("SELECT count(*) FROM approval_step_approvers WHERE policy_id = ? AND step = ?", "id", pid,
				    s[i].step);
		long long *ids = arena_alloc(a, sizeof *ids * (size_t)(m + 1));
		int j = 0;
		st = db_q("SELECT user_id FROM approval_step_approvers WHERE policy_id = ? AND step = ? ORDER BY user_id", "id",
			  pid, s[i].step);
		while (st && j < m && sqlite3_step(st) == SQLITE_ROW) ids[j++] = sqlite3_column_int64(st, 0);
		if (st) sqlite3_reset(st);
		s[i].approvers = ids;
		s[i].napprovers = j;
	}
	*n = k;
	return s;
}
