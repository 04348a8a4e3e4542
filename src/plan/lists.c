/* lists.c — the editable lists (task and project categories, delay reasons …): membership
 * checks for the forms and the lists as the pages show them. */
#include "plan/lists.h"
#include "core/db.h"
#include "core/xml.h"
#include <stdio.h>
#include <string.h>

int
lists_has(const char *kind, const char *code)
{
	return code && db_int("SELECT count(*) FROM lists WHERE kind = ? AND code = ? AND active = 1", "ss", kind, code) > 0;
}

void
lists_xml(xmlNodePtr parent, const char *only_kind)
{
	xmlNodePtr lists = xml_el(parent, "lists"), list = NULL;
	char cur[40] = "";
	sqlite3_stmt *st = db_q("SELECT kind, code, label_zh, label_en, active, sort FROM lists"
				" WHERE ?1 IS NULL OR kind = ?1 ORDER BY kind, sort, code", "s", only_kind);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(st, 0);
		if (!list || strcmp(kind, cur)) {
			list = xml_el(lists, "list");
			xml_attr(list, "kind", kind);
			snprintf(cur, sizeof cur, "%s", kind);
		}
		xmlNodePtr it = xml_el(list, "item");
		xml_attr(it, "code", (const char *)sqlite3_column_text(st, 1));
		xml_attr(it, "label-zh", (const char *)sqlite3_column_text(st, 2));
		xml_attr(it, "label-en", (const char *)sqlite3_column_text(st, 3));
		xml_attr(it, "active", (const char *)sqlite3_column_text(st, 4));
		xml_attr(it, "sort", (const char *)sqlite3_column_text(st, 5));
	}
	if (st) sqlite3_reset(st);
}
