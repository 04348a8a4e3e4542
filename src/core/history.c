/* history.c — the audit history block of record pages (task, CI, change): one query, one shape. */
#include "core/history.h"
#include "core/db.h"
#include "core/xml.h"

/* The length of a value (column v of JSON type t) that is a list: a JSON array, or a string
 * holding one (as the stored conflict checks are); else NULL. CASE evaluates only the branch it
 * takes, so json_type never sees text that is not JSON. */
#define ITEMS(t, v) "CASE WHEN " t " = 'array' THEN json_array_length(" v ") WHEN " t " = 'text' AND json_valid(" v \
	") THEN CASE json_type(" v ") WHEN 'array' THEN json_array_length(" v ") END END"

/* The keys of one record whose values differ between old_value and new_value (see history.h);
 * nothing when either is not a JSON object. */
static const char FIELDS_SQL[] =
	"WITH a AS (SELECT old_value AS o, new_value AS n FROM audit_log WHERE id = ?1"
	"  AND (old_value IS NULL OR (json_valid(old_value) AND json_type(old_value) = 'object'))"
	"  AND (new_value IS NULL OR (json_valid(new_value) AND json_type(new_value) = 'object')))"
	" SELECT k, ov, nv, " ITEMS("ot", "ov") ", " ITEMS("nt", "nv") " FROM ("
	"  SELECT n.key AS k, (SELECT x.value FROM a, json_each(a.o) x WHERE x.key = n.key) AS ov, n.value AS nv,"
	"   (SELECT x.type FROM a, json_each(a.o) x WHERE x.key = n.key) AS ot, n.type AS nt,"
	"   n.id AS ord FROM a, json_each(a.n) n"
	"  UNION ALL"
	"  SELECT o.key, o.value, NULL, o.type, NULL, 1000000000 + o.id FROM a, json_each(a.o) o"
	"   WHERE NOT EXISTS (SELECT 1 FROM a, json_each(a.n) y WHERE y.key = o.key))"
	" WHERE ov IS NOT nv ORDER BY ord";

static void
fields_xml(xmlNodePtr r, long long id)
{
	sqlite3_stmt *st = db_q(FIELDS_SQL, "i", id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr f = xml_el(r, "field");
		xml_attr(f, "key", (const char *)sqlite3_column_text(st, 0));
		if (sqlite3_column_type(st, 1) != SQLITE_NULL) xml_attr(f, "old", (const char *)sqlite3_column_text(st, 1));
		if (sqlite3_column_type(st, 2) != SQLITE_NULL) xml_attr(f, "new", (const char *)sqlite3_column_text(st, 2));
		/* a list (e.g. the conflict check an approver saw): how many entries, for a reader */
		if (sqlite3_column_type(st, 3) != SQLITE_NULL) xml_attr(f, "old-items", (const char *)sqlite3_column_text(st, 3));
		if (sqlite3_column_type(st, 4) != SQLITE_NULL) xml_attr(f, "new-items", (const char *)sqlite3_column_text(st, 4));
	}
	if (st) sqlite3_reset(st);
}

static xmlNodePtr
records_xml(xmlNodePtr parent, sqlite3_stmt *st, int fields)
{
	xmlNodePtr hist = xml_el(parent, "history");
	static const char *const names[] = { "id", "at", "actor", "action", "reason" };
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr r = xml_el(hist, "record");
		for (int i = 0; i < 5; i++) xml_attr(r, names[i], (const char *)sqlite3_column_text(st, i));
		if (sqlite3_column_type(st, 5) != SQLITE_NULL) xml_text(r, "old", (const char *)sqlite3_column_text(st, 5));
		if (sqlite3_column_type(st, 6) != SQLITE_NULL) xml_text(r, "new", (const char *)sqlite3_column_text(st, 6));
		if (fields) fields_xml(r, sqlite3_column_int64(st, 0));
	}
	if (st) sqlite3_reset(st);
	return hist;
}

xmlNodePtr
history_xml(xmlNodePtr parent, const char *entity, const char *entity_id)
{
	return records_xml(parent, db_q("SELECT id, at, actor, action, reason, old_value, new_value FROM audit_log"
					" WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 200", "ss", entity, entity_id), 0);
}

xmlNodePtr
history_all_xml(xmlNodePtr parent, const char *entity, const char *entity_id)
{
	return records_xml(parent, db_q("SELECT id, at, actor, action, reason, old_value, new_value FROM audit_log"
					" WHERE entity = ? AND entity_id = ? ORDER BY id", "ss", entity, entity_id), 1);
}
