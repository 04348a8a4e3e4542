/* cmdb.c — configuration items and their relations: checks, audited writes, page models
 * (see cmdb.h). The impact of a change is computed by the pure ciimpact.c over all relations. */
#include "change/cmdb.h"
#include "plan/plan.h"
#include "core/history.h"
#include "core/json.h"
#include "engine/ciimpact.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/text.h"
#include "core/xml.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const cmdb_types[] = { "server", "database", "network", "application", "service", "storage", "other", NULL };
const char *const cmdb_statuses[] = { "planned", "active", "maintenance", "retired", NULL };
const char *const cmdb_kinds[] = { "runs_on", "depends_on", NULL };

static int
one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (!strcmp(s, *set)) return 1;
	return 0;
}

/* 2–64 of A–Z 0–9 . _ - */
static int
code_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 64) return 0;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

int
cmdb_check(struct ci *ci, int is_new, fielderr_fn err, void *arg)
{
	int bad = 0;
#define BAD(f, k) do { err(arg, f, k); bad++; } while (0)
	if (is_new) {
		if (!code_ok(ci->code)) BAD("code", "cmdb.error.code");
		else if (db_int("SELECT count(*) FROM config_items WHERE code = ?", "s", ci->code))
			BAD("code", "error.code_taken");
	}
	if (!*ci->name || text_chars(ci->name) > 200 || strpbrk(ci->name, "\r\n")) BAD("name", "error.name");
	if (!one_of(ci->type, cmdb_types)) BAD("type", "cmdb.error.type");
	if (!one_of(ci->status, cmdb_statuses)) BAD("status", "error.status");
	if (text_chars(ci->description) > 4000) BAD("description", "error.field_too_long");
	ci->owner_id = 0;
	if (*ci->owner) {
		ci->owner_id = db_int("SELECT id FROM users WHERE login = ? AND active = 1", "s", ci->owner);
		if (!ci->owner_id) BAD("owner", "error.owner");
	}
#undef BAD
	return bad;
}

#define CI_COLS "c.id, c.code, c.name, c.type, c.status, coalesce(u.login, ''), c.description, c.created_at," \
	" c.updated_at, coalesce(c.owner_id, 0), coalesce(CASE u.display_name WHEN '' THEN u.login ELSE u.display_name END, '')"
#define CI_FROM " FROM config_items c LEFT JOIN users u ON u.id = c.owner_id"

static const char *
col(struct arena *a, sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return arena_strdup(a, s ? s : "");
}

int
cmdb_load(struct arena *a, const char *code, struct ci *out)
{
	sqlite3_stmt *st = db_q("SELECT " CI_COLS CI_FROM " WHERE c.code = ?", "s", code);
	if (!st) return -1;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	out->id = sqlite3_column_int64(st, 0);
	out->code = col(a, st, 1);
	out->name = col(a, st, 2);
	out->type = col(a, st, 3);
	out->status = col(a, st, 4);
	out->owner = col(a, st, 5);
	out->description = col(a, st, 6);
	out->created = col(a, st, 7);
	out->updated = col(a, st, 8);
	out->owner_id = sqlite3_column_int64(st, 9);
	sqlite3_reset(st);
	return 1;
}

static void
ci_json(struct buf *b, const struct ci *ci)
{
	json_open(b);
	json_s(b, "code", ci->code);
	json_s(b, "name", ci->name);
	json_s(b, "type", ci->type);
	json_s(b, "status", ci->status);
	json_s(b, "owner", ci->owner);
	json_s(b, "description", ci->description);
	json_close(b);
}

int
cmdb_create(const struct audit_who *who, struct ci *ci, const char *reason)
{
	char now[21];
	clock_iso(clock_now(), now);
	if (db_run("INSERT INTO config_items (code, name, type, status, owner_id, description, created_at, updated_at)"
		   " VALUES (?, ?, ?, ?, nullif(?, 0), ?, ?, ?)", "ssssisss", ci->code, ci->name, ci->type, ci->status,
		   ci->owner_id, ci->description, now, now) != SQLITE_DONE)
		return -1;
	ci->id = sqlite3_last_insert_rowid(db);
	struct buf nv = {0};
	ci_json(&nv, ci);
	int rc = audit_append(who, "ci.create", "ci", ci->code, NULL, buf_str(&nv), reason ? reason : "");
	buf_free(&nv);
	return rc;
}

int
cmdb_update(const struct audit_who *who, const struct ci *old, const struct ci *nw)
{
	if (!strcmp(old->name, nw->name) && !strcmp(old->type, nw->type) && !strcmp(old->status, nw->status) &&
	    !strcmp(old->owner, nw->owner) && !strcmp(old->description, nw->description))
		return 0;
	char now[21];
	clock_iso(clock_now(), now);
	if (db_run("UPDATE config_items SET name = ?, type = ?, status = ?, owner_id = nullif(?, 0), description = ?,"
		   " updated_at = ? WHERE id = ?", "sssissi", nw->name, nw->type, nw->status, nw->owner_id,
		   nw->description, now, old->id) != SQLITE_DONE)
		return -1;
	struct buf ov = {0}, nv = {0};
	ci_json(&ov, old);
	ci_json(&nv, nw);
	int rc = audit_append(who, strcmp(old->status, "retired") && !strcmp(nw->status, "retired") ? "ci.retire" : "ci.update",
			      "ci", old->code, buf_str(&ov), buf_str(&nv), "");
	buf_free(&ov);
	buf_free(&nv);
	return rc;
}

/* Every CI id (ascending) and every relation as edges between their positions. */
struct graph { int n, ne; long long *ids; struct ciimpact_edge *e; };

static int
pos_of(const struct graph *g, long long id)
{
	int lo = 0, hi = g->n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (g->ids[mid] == id) return mid;
		if (g->ids[mid] < id) lo = mid + 1;
		else hi = mid - 1;
	}
	return -1;
}

static void
graph_load(struct graph *g, struct arena *a)
{
	g->n = (int)db_int("SELECT count(*) FROM config_items", "");
	g->ne = (int)db_int("SELECT count(*) FROM ci_relations", "");
	g->ids = arena_alloc(a, sizeof *g->ids * (size_t)(g->n + 1));
	g->e = arena_alloc(a, sizeof *g->e * (size_t)(g->ne + 1));
	int k = 0;
	sqlite3_stmt *st = db_q("SELECT id FROM config_items ORDER BY id", "");
	while (st && k < g->n && sqlite3_step(st) == SQLITE_ROW) g->ids[k++] = sqlite3_column_int64(st, 0);
	if (st) sqlite3_reset(st);
	g->n = k;
	k = 0;
	st = db_q("SELECT from_id, to_id, kind FROM ci_relations ORDER BY kind DESC, from_id, to_id", "");
	while (st && k < g->ne && sqlite3_step(st) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(st, 2);
		g->e[k++] = (struct ciimpact_edge){ pos_of(g, sqlite3_column_int64(st, 0)), pos_of(g, sqlite3_column_int64(st, 1)),
					      !strcmp(kind, "runs_on") ? CIIMPACT_RUNS_ON : CIIMPACT_DEPENDS_ON };
	}
	if (st) sqlite3_reset(st);
	g->ne = k;
}

const char *
cmdb_relation_check(const struct ci *from, const char *kind, const char *target, long long *to_id,
		    const char **field, const char **arg, struct arena *a)
{
	*arg = "";
	*to_id = 0;
	if (!one_of(kind, cmdb_kinds)) {
		*field = "kind";
		return "cmdb.error.kind";
	}
	*field = "target";
	*arg = target;
	*to_id = db_int("SELECT id FROM config_items WHERE code = ?", "s", target);
	if (!*to_id) return "cmdb.error.target_unknown";
	if (*to_id == from->id) return "cmdb.error.self";
	if (db_int("SELECT count(*) FROM ci_relations WHERE from_id = ? AND to_id = ? AND kind = ?", "iis", from->id,
		   *to_id, kind))
		return "cmdb.error.duplicate";
	if (!strcmp(kind, "runs_on")) {
		struct graph g;
		graph_load(&g, a);
		if (ciimpact_would_loop(g.n, g.e, g.ne, CIIMPACT_RUNS_ON, pos_of(&g, from->id), pos_of(&g, *to_id), a))
			return "cmdb.error.loop";
	}
	*arg = "";
	return NULL;
}

static int
relation_audit(const struct audit_who *who, const char *action, const struct ci *from, const char *kind,
	       const char *to_code)
{
	struct buf v = {0};
	json_open(&v);
	json_s(&v, "kind", kind);
	json_s(&v, "target", to_code);
	json_close(&v);
	int add = !strcmp(action, "ci.relation_add");
	int rc = audit_append(who, action, "ci", from->code, add ? NULL : buf_str(&v), add ? buf_str(&v) : NULL, "");
	buf_free(&v);
	return rc;
}

int
cmdb_relation_add(const struct audit_who *who, const struct ci *from, const char *kind, long long to_id,
		  const char *to_code)
{
	if (db_run("INSERT INTO ci_relations (from_id, to_id, kind) VALUES (?, ?, ?)", "iis", from->id, to_id, kind) !=
	    SQLITE_DONE)
		return -1;
	return relation_audit(who, "ci.relation_add", from, kind, to_code);
}

int
cmdb_relation_remove(const struct audit_who *who, const struct ci *from, const char *kind, const char *to_code)
{
	if (db_run("DELETE FROM ci_relations WHERE from_id = ? AND kind = ? AND to_id = (SELECT id FROM config_items"
		   " WHERE code = ?)", "iss", from->id, kind, to_code) != SQLITE_DONE)
		return -1;
	if (sqlite3_changes(db) != 1) return 1;
	return relation_audit(who, "ci.relation_remove", from, kind, to_code);
}

static const char LIST_SQL[] = "SELECT c.code, c.name, c.type, c.status, coalesce(u.login, ''),"
	" coalesce(CASE u.display_name WHEN '' THEN u.login ELSE u.display_name END, ''), c.description, c.updated_at"
	CI_FROM " WHERE (?1 = '' OR c.type = ?1) AND (?2 = '' OR c.status = ?2) AND (?3 = '' OR u.login = ?3)"
	" AND (?4 = '' OR instr(lower(c.code), lower(?4)) > 0 OR instr(lower(c.name), lower(?4)) > 0) ORDER BY c.code";

void
cmdb_list_each(const struct ci_filter *f, void (*row)(void *arg, const char *const *cells), void *arg)
{
	sqlite3_stmt *st = db_q(LIST_SQL, "ssss", f->type, f->status, f->owner, f->q);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *cells[8];
		for (int i = 0; i < 8; i++) {
			cells[i] = (const char *)sqlite3_column_text(st, i);
			if (!cells[i]) cells[i] = "";
		}
		row(arg, cells);
	}
	if (st) sqlite3_reset(st);
}

static void
list_row(void *arg, const char *const *cells)
{
	static const char *const names[] = { "code", "name", "type", "status", "owner", "owner-name", "description",
					     "updated" };
	xmlNodePtr e = xml_el(arg, "ci");
	for (int i = 0; i < 8; i++) xml_attr(e, names[i], cells[i]);
}

void
cmdb_list_xml(xmlNodePtr parent, const struct ci_filter *f)
{
	xmlNodePtr list = xml_el(parent, "cmdb");
	xml_attr(list, "type", f->type);
	xml_attr(list, "status", f->status);
	xml_attr(list, "owner", f->owner);
	xml_attr(list, "q", f->q);
	cmdb_list_each(f, list_row, list);
	long long n = 0;
	for (xmlNodePtr k = list->children; k; k = k->next) n++;
	xml_attr_ll(list, "total", n);
}

void
cmdb_attrs(xmlNodePtr e, const struct ci *ci)
{
	xml_attr(e, "code", ci->code);
	xml_attr(e, "name", ci->name);
	xml_attr(e, "type", ci->type);
	xml_attr(e, "status", ci->status);
	xml_attr(e, "owner", ci->owner);
	xml_attr(e, "description", ci->description);
	xml_attr(e, "created", ci->created);
	xml_attr(e, "updated", ci->updated);
}

/* The relations of id one way: out (id is from) or in (id is to), of one kind. */
static void
relations_xml(xmlNodePtr parent, const char *name, long long id, int out, const char *kind)
{
	xmlNodePtr list = xml_el(parent, name);
	sqlite3_stmt *st = out ? db_q("SELECT c.code, c.name, c.type, c.status FROM ci_relations r JOIN config_items c"
				      " ON c.id = r.to_id WHERE r.from_id = ? AND r.kind = ? ORDER BY c.code", "is", id, kind)
			       : db_q("SELECT c.code, c.name, c.type, c.status FROM ci_relations r JOIN config_items c"
				      " ON c.id = r.from_id WHERE r.to_id = ? AND r.kind = ? ORDER BY c.code", "is", id, kind);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr r = xml_el(list, "rel");
		xml_attr(r, "kind", kind);
		static const char *const ra[] = { "code", "name", "type", "status" };
		for (int i = 0; i < 4; i++) xml_attr(r, ra[i], (const char *)sqlite3_column_text(st, i));
	}
	if (st) sqlite3_reset(st);
}

static void
impact_xml(xmlNodePtr parent, long long id, struct arena *a)
{
	struct graph g;
	graph_load(&g, a);
	xmlNodePtr list = xml_el(parent, "impact");
	int start = pos_of(&g, id);
	struct ciimpact_hit *hits = arena_alloc(a, sizeof *hits * (size_t)(g.n + 1));
	int k = start < 0 ? 0 : ciimpact_reach(g.n, g.e, g.ne, start, hits, a);
	if (k < 0) k = 0;
	xml_attr_ll(list, "count", k);
	for (int i = 0; i < k; i++) {
		xmlNodePtr e = xml_el(list, "ci");
		sqlite3_stmt *st = db_q("SELECT code, name, type, status FROM config_items WHERE id = ?", "i",
					g.ids[hits[i].ci]);
		if (st && sqlite3_step(st) == SQLITE_ROW) {
			static const char *const ra[] = { "code", "name", "type", "status" };
			for (int j = 0; j < 4; j++) xml_attr(e, ra[j], (const char *)sqlite3_column_text(st, j));
		}
		if (st) sqlite3_reset(st);
		xml_attr_ll(e, "depth", hits[i].depth);
		xml_attr(e, "kind", hits[i].kind == CIIMPACT_RUNS_ON ? "runs_on" : "depends_on");
		st = db_q("SELECT code FROM config_items WHERE id = ?", "i", g.ids[hits[i].via]);
		if (st && sqlite3_step(st) == SQLITE_ROW) xml_attr(e, "via", (const char *)sqlite3_column_text(st, 0));
		if (st) sqlite3_reset(st);
	}
}

xmlNodePtr
cmdb_item_xml(xmlNodePtr parent, const struct ci *ci, struct arena *a)
{
	xmlNodePtr e = xml_el(parent, "ci");
	cmdb_attrs(e, ci);
	sqlite3_stmt *st = db_q("SELECT CASE display_name WHEN '' THEN login ELSE display_name END FROM users WHERE id = ?",
				"i", ci->owner_id);
	if (st && sqlite3_step(st) == SQLITE_ROW) xml_attr(e, "owner-name", (const char *)sqlite3_column_text(st, 0));
	if (st) sqlite3_reset(st);
	relations_xml(e, "runs-on", ci->id, 1, "runs_on");
	relations_xml(e, "depends-on", ci->id, 1, "depends_on");
	relations_xml(e, "runs-here", ci->id, 0, "runs_on");
	relations_xml(e, "depended-by", ci->id, 0, "depends_on");
	impact_xml(e, ci->id, a);
	history_xml(e, "ci", ci->code);
	return e;
}

void
cmdb_codes_xml(xmlNodePtr parent)
{
	xmlNodePtr list = xml_el(parent, "ci-codes");
	sqlite3_stmt *st = db_q("SELECT code, name FROM config_items WHERE status <> 'retired' ORDER BY code", "");
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr e = xml_el(list, "ci");
		xml_attr(e, "code", (const char *)sqlite3_column_text(st, 0));
		xml_attr(e, "name", (const char *)sqlite3_column_text(st, 1));
	}
	if (st) sqlite3_reset(st);
}
