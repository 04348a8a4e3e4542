/* render.h — compiled stylesheets, the i18n catalogs and the XSLT extension functions
 * (op:t, op:time), applying a page's sheet to its model document. */
#ifndef OPSPLAN_RENDER_H
#define OPSPLAN_RENDER_H
#include <libxml/tree.h>
#include "core/http.h"
#include "core/arena.h"
#include "core/buf.h"

/* Compiles every .xsl file in xslt_dir and loads xslt_dir/i18n/{zh-CN,en}.xml; after this no file or
 * network access is allowed to XSLT or the XML parser. 0, or -1 with a message. */
int render_init(const char *xslt_dir, char *err, int errlen);
void render_free(void);
/* 1 when a sheet of that name exists. */
int render_has(const char *sheet);
/* Applies sheet to doc in lang, writing body and content type into rs. 0, or -1 on failure
 * (a broken transform is never an empty 200). */
int render_apply(const char *sheet, xmlDocPtr doc, const char *lang, struct resp *rs);
/* Serialises doc itself (the ?format=xml read API). */
void render_xml(xmlDocPtr doc, struct resp *rs);
/* A catalog message for C-side output (CSV headers); the key itself when missing. */
const char *render_msg(const char *lang, const char *key);
/* Loads only the two catalogs from dir/i18n (for the command line; render_init loads them too).
 * 0, or -1 with a message. */
int render_catalogs(const char *dir, char *err, int errlen);
/* Appends the message of key in lang with {1}..{3} replaced by args (NULL entries: nothing) to
 * out; -1 (nothing appended) when the catalogs are not loaded or lack the key. */
int render_text(const char *lang, const char *key, const char *const args[3], struct buf *out);
#endif
