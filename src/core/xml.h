/* xml.h — building the model document. Text goes in only through these helpers, which use
 * xmlNewTextChild/xmlNewProp (escaping) and replace any byte sequence that is not an XML
 * character, so a stored value can never make the document ill-formed. */
#ifndef OPSPLAN_XML_H
#define OPSPLAN_XML_H
#include <libxml/tree.h>
#include <sqlite3.h>

xmlNodePtr xml_el(xmlNodePtr parent, const char *name);
/* A child element with text content (text NULL → empty element). */
xmlNodePtr xml_text(xmlNodePtr parent, const char *name, const char *text);
/* Attribute; a NULL value adds nothing. The element must not have it yet (xml_set replaces). */
void xml_attr(xmlNodePtr el, const char *name, const char *value);
void xml_set(xmlNodePtr el, const char *name, const char *value);
void xml_attr_ll(xmlNodePtr el, const char *name, long long v);
/* Every non-NULL column of the current row as an attribute named after the column
 * (name columns with SQL aliases). */
void xml_row(xmlNodePtr el, sqlite3_stmt *st);
#endif
