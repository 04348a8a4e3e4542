/* history.c — the audit history block of record pages (task, CI, change): one query, one shape. */
#include "history.h"
#include "db.h"
#include "xml.h"

static xmlNodePtr
records_xml(xmlNodePtr parent, sqlite3_stmt *st)
{
	xmlNodePtr hist = xml_el(parent, "history");
	static const char *const names[] = { "id", "at", "actor", "action", "reason" };
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr r = xml_el(hist, "record");
		for (int i = 0; i < 5; i++) xml_attr(r, names[i], (const char *)sqlite3_column_text(st, i));
		if (sqlite3_column_type(st, 5) != SQLITE_NULL) xml_text(r, "old", (const char *)sqlite3_column_text(st, 5));
		if (sqlite3_column_type(st, 6) != SQLITE_NULL) xml_text(r, "new", (const char *)sqlite3_column_text(st, 6));
	}
	if (st) sqlite3_reset(st);
	return hist;
}

xmlNodePtr
history_xml(xmlNodePtr parent, const char *entity, const char *entity_id)
{
	return records_xml(parent, db_q("SELECT id, at, actor, action, reason, old_value, new_value FROM audit_log"
					" WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 200", "ss", entity, entity_id));
}

xmlNodePtr
history_all_xml(xmlNodePtr parent, const char *entity, const char *entity_id)
{
	return records_xml(parent, db_q("SELECT id, at, actor, action, reason, old_value, new_value FROM audit_log"
					" WHERE entity = ? AND entity_id = ? ORDER BY id", "ss", entity, entity_id));
}
