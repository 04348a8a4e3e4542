/* history.h — an entity's audit records as the <history> element every record page shows. */
#ifndef OPSPLAN_HISTORY_H
#define OPSPLAN_HISTORY_H
#include <libxml/tree.h>

/* Appends <history><record id at actor action reason><old>…</old><new>…</new></record>…</history>
 * to parent: the newest 200 audit records of (entity, entity_id), newest first. */
xmlNodePtr history_xml(xmlNodePtr parent, const char *entity, const char *entity_id);
/* The same with every audit record of (entity, entity_id), oldest first (the printed record),
 * where each record whose old and new values are JSON objects (or absent) also gets
 * <field key old new/> per key whose value differs, in the new value's order (a key only in old
 * comes last, with no new): what the record changed, field by field, for a reader. Nested
 * objects and arrays are their JSON text, an array also its length (old-items, new-items); a JSON
 * string its text without quotes or escapes. */
xmlNodePtr history_all_xml(xmlNodePtr parent, const char *entity, const char *entity_id);
#endif
