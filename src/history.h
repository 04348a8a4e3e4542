/* history.h — an entity's audit records as the <history> element every record page shows. */
#ifndef OPSPLAN_HISTORY_H
#define OPSPLAN_HISTORY_H
#include <libxml/tree.h>

/* Appends <history><record id at actor action reason><old>…</old><new>…</new></record>…</history>
 * to parent: the newest 200 audit records of (entity, entity_id), newest first. */
xmlNodePtr history_xml(xmlNodePtr parent, const char *entity, const char *entity_id);
/* The same with every audit record of (entity, entity_id), oldest first (the printed record). */
xmlNodePtr history_all_xml(xmlNodePtr parent, const char *entity, const char *entity_id);
#endif
