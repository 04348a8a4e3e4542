/* xml.c — the model-document helpers (see xml.h). */
#include "core/xml.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/text.h"
#include <stdio.h>
#include <string.h>

/* Returns s when it is clean; otherwise a cleaned copy in *tmp (caller frees). */
static const char *
clean(const char *s, struct arena *tmp)
{
	return text_xml_ok(s, strlen(s)) ? s : text_xml_clean(tmp, s);
}

xmlNodePtr
xml_el(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, BAD_CAST name, NULL);
}

xmlNodePtr
xml_text(xmlNodePtr parent, const char *name, const char *text)
{
	struct arena tmp = {0};
	xmlNodePtr n = xmlNewTextChild(parent, NULL, BAD_CAST name, text ? BAD_CAST clean(text, &tmp) : NULL);
	arena_reset(&tmp);
	return n;
}

void
xml_attr(xmlNodePtr el, const char *name, const char *value)
{
	if (!value) return;
	struct arena tmp = {0};
	xmlNewProp(el, BAD_CAST name, BAD_CAST clean(value, &tmp));
	arena_reset(&tmp);
}

void
xml_attr_ll(xmlNodePtr el, const char *name, long long v)
{
	char b[24];
	snprintf(b, sizeof b, "%lld", v);
	xmlNewProp(el, BAD_CAST name, BAD_CAST b);
}

void
xml_row(xmlNodePtr el, sqlite3_stmt *st)
{
	int n = sqlite3_column_count(st);
	for (int i = 0; i < n; i++) {
		if (sqlite3_column_type(st, i) == SQLITE_NULL) continue;
		xml_attr(el, sqlite3_column_name(st, i), (const char *)sqlite3_column_text(st, i));
	}
}

void
xml_set(xmlNodePtr el, const char *name, const char *value)
{
	struct arena tmp = {0};
	xmlSetProp(el, BAD_CAST name, BAD_CAST clean(value, &tmp));
	arena_reset(&tmp);
}
