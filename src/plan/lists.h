/* lists.h — the editable lists (categories, delay reasons …). */
#ifndef OPSPLAN_LISTS_H
#define OPSPLAN_LISTS_H
#include <libxml/tree.h>

/* <lists> with the editable lists (one kind, or all when NULL). */
void lists_xml(xmlNodePtr parent, const char *only_kind);
/* 1 when code is an active entry of that list. */
int lists_has(const char *kind, const char *code);
#endif
