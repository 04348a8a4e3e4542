/* render.c — stylesheet registry, i18n catalogs, extension functions and the transform.
 * Everything is loaded and compiled once, in the master before it forks; workers share it
 * copy-on-write. The XSLT security preferences forbid every file and network access, and the
 * external entity loader refuses everything once the sheets are compiled. */
#include "core/render.h"
#include "core/clock.h"
#include "core/arena.h"
#include "core/buf.h"
#include <dirent.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/imports.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <stdio.h>
#include <string.h>

#define MAX_SHEETS 64
static struct sheet { char name[64]; xsltStylesheetPtr style; const char *ctype; } sheets[MAX_SHEETS];
static int nsheets;
static const char *const langs[2] = { "zh-CN", "en" };
static int lang_idx[2] = { 0, 1 };
static xmlDocPtr cat_doc[2];
static xmlHashTablePtr cat[2];
static xsltSecurityPrefsPtr sec;
static char sheet_dir[512];
static xmlExternalEntityLoader default_loader;
static int loader_open = 1;

static int
lang_index(const char *lang)
{
	return lang && !strcmp(lang, "en") ? 1 : 0;
}

static const xmlChar *
lookup(int li, const xmlChar *key)
{
	const xmlChar *m = cat[li] ? xmlHashLookup(cat[li], key) : NULL;
	if (!m) {
		fprintf(stderr, "opsplan: i18n: missing key '%s' in %s\n", (const char *)key, langs[li]);
		m = key;
	}
	return m;
}

const char *
render_msg(const char *lang, const char *key)
{
	return (const char *)lookup(lang_index(lang), BAD_CAST key);
}

/* Message m with {1}..{3} replaced by args (NULL: nothing) appended to b. */
static void
fill(struct buf *b, const xmlChar *m, const char *const args[3])
{
	for (const xmlChar *p = m; *p; p++) {
		if (p[0] == '{' && p[1] >= '1' && p[1] <= '3' && p[2] == '}') {
			const char *a = args[p[1] - '1'];
			if (a) buf_adds(b, a);
			p += 2;
		} else {
			buf_addc(b, (char)*p);
		}
	}
}

int
render_text(const char *lang, const char *key, const char *const args[3], struct buf *out)
{
	int li = lang_index(lang);
	const xmlChar *m = cat[li] ? xmlHashLookup(cat[li], BAD_CAST key) : NULL;
	if (!m) return -1;
	fill(out, m, args);
	return 0;
}

/* op:t(key, [arg1, arg2, arg3]) — the message in the page's language with {1}..{3} filled in. */
static void
fn_t(xmlXPathParserContextPtr ctxt, int nargs)
{
	if (nargs < 1 || nargs > 4) { xmlXPathSetArityError(ctxt); return; }
	xmlChar *args[3] = { NULL, NULL, NULL };
	for (int i = nargs - 1; i >= 1; i--)
		args[i - 1] = xmlXPathPopString(ctxt);
	xmlChar *key = xmlXPathPopString(ctxt);
	xsltTransformContextPtr tc = xsltXPathGetTransformContext(ctxt);
	int li = tc && tc->_private ? *(int *)tc->_private : 0;
	const xmlChar *m = lookup(li, key ? key : BAD_CAST "");
	struct buf b = {0};
	const char *const a[3] = { (const char *)args[0], (const char *)args[1], (const char *)args[2] };
	fill(&b, m, a);
	valuePush(ctxt, xmlXPathNewString(BAD_CAST buf_str(&b)));
	buf_free(&b);
	xmlFree(key);
	for (int i = 0; i < 3; i++) xmlFree(args[i]);
}

/* op:time(iso) — an ISO UTC time as "YYYY-MM-DD HH:MM" in the configured zone. */
static void
fn_time(xmlXPathParserContextPtr ctxt, int nargs)
{
	if (nargs != 1) { xmlXPathSetArityError(ctxt); return; }
	xmlChar *s = xmlXPathPopString(ctxt);
	time_t t = clock_parse((const char *)s);
	char out[17];
	if (t != (time_t)-1) {
		clock_local(t, out);
		valuePush(ctxt, xmlXPathNewString(BAD_CAST out));
	} else {
		valuePush(ctxt, xmlXPathNewString(s ? s : BAD_CAST ""));
	}
	xmlFree(s);
}

/* Before and during compilation only files under the stylesheet directory may be read. */
static xmlParserInputPtr
guarded_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	const char *path = url;
	if (path && !strncmp(path, "file://", 7)) path += 7;
	size_t n = strlen(sheet_dir);
	if (loader_open && path && !strncmp(path, sheet_dir, n) && path[n] == '/' && !strstr(path, "/../"))
		return default_loader(url, id, ctxt);
	fprintf(stderr, "opsplan: refused to load external resource %s\n", url ? url : "(null)");
	return NULL;
}

static int
load_catalog(int li, char *err, int errlen)
{
	char path[600];
	snprintf(path, sizeof path, "%s/i18n/%s.xml", sheet_dir, langs[li]);
	cat_doc[li] = xmlReadFile(path, "UTF-8", XML_PARSE_NONET);
	xmlNodePtr root = cat_doc[li] ? xmlDocGetRootElement(cat_doc[li]) : NULL;
	if (!root) {
		snprintf(err, errlen, "cannot read catalog %s", path);
		return -1;
	}
	cat[li] = xmlHashCreate(512);
	for (xmlNodePtr n = root->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || xmlStrcmp(n->name, BAD_CAST "msg")) continue;
		xmlChar *key = xmlGetProp(n, BAD_CAST "key");
		xmlChar *val = xmlNodeGetContent(n);
		if (!key || xmlHashAddEntry(cat[li], key, val)) {
			snprintf(err, errlen, "catalog %s: missing or duplicate key '%s'", path, key ? (char *)key : "");
			xmlFree(key);
			xmlFree(val);
			return -1;
		}
		xmlFree(key);
	}
	return 0;
}

int
render_catalogs(const char *dir, char *err, int errlen)
{
	if (cat[0] && cat[1]) return 0;
	snprintf(sheet_dir, sizeof sheet_dir, "%s", dir);
	return load_catalog(0, err, errlen) || load_catalog(1, err, errlen) ? -1 : 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct sheet *)a)->name, ((const struct sheet *)b)->name);
}

int
render_init(const char *dir, char *err, int errlen)
{
	snprintf(sheet_dir, sizeof sheet_dir, "%s", dir);
	xmlInitParser();
	xmlSubstituteEntitiesDefault(0);
	xmlLoadExtDtdDefaultValue = 0;
	if (!default_loader) default_loader = xmlGetExternalEntityLoader();
	loader_open = 1;
	xmlSetExternalEntityLoader(guarded_loader);
	xsltRegisterExtModuleFunction(BAD_CAST "t", BAD_CAST "urn:opsplan", fn_t);
	xsltRegisterExtModuleFunction(BAD_CAST "time", BAD_CAST "urn:opsplan", fn_time);
	if (render_catalogs(dir, err, errlen)) return -1;

	DIR *d = opendir(dir);
	if (!d) {
		snprintf(err, errlen, "cannot open stylesheet directory %s", dir);
		return -1;
	}
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);
		if (l < 5 || strcmp(de->d_name + l - 4, ".xsl") || l - 4 >= sizeof sheets[0].name) continue;
		if (nsheets == MAX_SHEETS) { closedir(d); snprintf(err, errlen, "too many stylesheets"); return -1; }
		char path[600];
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		xsltStylesheetPtr s = xsltParseStylesheetFile(BAD_CAST path);
		if (!s || s->errors) {
			closedir(d);
			snprintf(err, errlen, "stylesheet %s does not compile", path);
			return -1;
		}
		struct sheet *sh = &sheets[nsheets++];
		memcpy(sh->name, de->d_name, l - 4);
		sh->name[l - 4] = 0;
		sh->style = s;
		const xmlChar *m = NULL, *media = NULL;
		XSLT_GET_IMPORT_PTR(m, s, method);          /* xsl:output may sit in an imported sheet */
		XSLT_GET_IMPORT_PTR(media, s, mediaType);
		const char *method = m ? (const char *)m : "xml";
		if (media) sh->ctype = (const char *)media;
		else if (!strcmp(method, "html")) sh->ctype = "text/html";
		else if (!strcmp(method, "text")) sh->ctype = "text/plain";
		else sh->ctype = "application/xml";
	}
	closedir(d);
	qsort(sheets, (size_t)nsheets, sizeof sheets[0], by_name);
	loader_open = 0;

	sec = xsltNewSecurityPrefs();
	int opts[] = { XSLT_SECPREF_READ_FILE, XSLT_SECPREF_WRITE_FILE, XSLT_SECPREF_CREATE_DIRECTORY,
		       XSLT_SECPREF_READ_NETWORK, XSLT_SECPREF_WRITE_NETWORK };
	for (size_t i = 0; i < sizeof opts / sizeof *opts; i++)
		xsltSetSecurityPrefs(sec, (xsltSecurityOption)opts[i], xsltSecurityForbid);
	xsltSetDefaultSecurityPrefs(sec);
	return 0;
}

void
render_free(void)
{
	for (int i = 0; i < nsheets; i++) xsltFreeStylesheet(sheets[i].style);
	nsheets = 0;
	for (int i = 0; i < 2; i++) {
		if (cat[i]) xmlHashFree(cat[i], xmlHashDefaultDeallocator);
		if (cat_doc[i]) xmlFreeDoc(cat_doc[i]);
		cat[i] = NULL;
		cat_doc[i] = NULL;
	}
	xsltSetDefaultSecurityPrefs(NULL);
	if (sec) xsltFreeSecurityPrefs(sec);
	sec = NULL;
}

static struct sheet *
find(const char *name)
{
	struct sheet key;
	if (!name || strlen(name) >= sizeof key.name) return NULL;
	snprintf(key.name, sizeof key.name, "%s", name);
	return bsearch(&key, sheets, (size_t)nsheets, sizeof sheets[0], by_name);
}

int
render_has(const char *sheet)
{
	return find(sheet) != NULL;
}

/* Writes text escaped for HTML content (attr: also the double quote). */
static void
html_escape(struct buf *b, const xmlChar *s, int attr)
{
	const xmlChar *run = s;
	for (; *s; s++) {
		const char *rep = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;"
				: attr && *s == '"' ? "&quot;" : NULL;
		if (!rep) continue;
		buf_add(b, run, (size_t)(s - run));
		buf_adds(b, rep);
		run = s + 1;
	}
	buf_add(b, run, (size_t)(s - run));
}

static int
html_void(const xmlChar *name)
{
	static const char *const v[] = { "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
					  "param", "source", "track", "wbr", NULL };
	for (int i = 0; v[i]; i++)
		if (!xmlStrcmp(name, BAD_CAST v[i])) return 1;
	return 0;
}

/* The HTML serialiser for method="html" results: libxml2's looks every element up in a linear
 * table and URI-escapes every href, which made it a third of a large page's time. Elements and
 * attributes are written as the stylesheet built them (never from C), text is escaped, void
 * elements get no end tag; stylesheets have no script or style elements (lint), so there is no
 * raw-text content to special-case. */
static void
html_node(struct buf *b, xmlNodePtr n)
{
	for (; n; n = n->next) {
		switch (n->type) {
		case XML_ELEMENT_NODE:
			buf_addc(b, '<');
			buf_adds(b, (const char *)n->name);
			for (xmlAttrPtr a = n->properties; a; a = a->next) {
				buf_addc(b, ' ');
				buf_adds(b, (const char *)a->name);
				buf_adds(b, "=\"");
				for (xmlNodePtr t = a->children; t; t = t->next)
					if (t->content) html_escape(b, t->content, 1);
				buf_addc(b, '"');
			}
			buf_addc(b, '>');
			if (html_void(n->name)) break;
			html_node(b, n->children);
			buf_adds(b, "</");
			buf_adds(b, (const char *)n->name);
			buf_addc(b, '>');
			break;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (n->content) html_escape(b, n->content, 0);
			break;
		default:   /* comments, processing instructions: nothing */
			break;
		}
	}
}

int
render_apply(const char *sheet, xmlDocPtr doc, const char *lang, struct resp *rs)
{
	/* a page without a sheet file of its own is one of site.xsl's (the page name selects it) */
	struct sheet *sh = find(sheet);
	if (!sh) sh = find("site");
	if (!sh) {
		fprintf(stderr, "opsplan: no stylesheet '%s'\n", sheet ? sheet : "(null)");
		return -1;
	}
	xsltTransformContextPtr tc = xsltNewTransformContext(sh->style, doc);
	if (!tc) return -1;
	xsltSetCtxtSecurityPrefs(sec, tc);
	tc->_private = &lang_idx[lang_index(lang)];
	xmlDocPtr res = xsltApplyStylesheetUser(sh->style, doc, NULL, NULL, NULL, tc);
	int ok = res && tc->state == XSLT_STATE_OK;
	xsltFreeTransformContext(tc);
	if (ok && !strcmp(sh->ctype, "text/html")) {
		buf_adds(&rs->body, "<!DOCTYPE html>\n");
		html_node(&rs->body, res->children);
		rs->ctype = "text/html; charset=utf-8";
	} else if (ok) {
		xmlChar *out = NULL;
		int len = 0;
		if (xsltSaveResultToString(&out, &len, res, sh->style) == 0) {
			buf_add(&rs->body, out ? (const char *)out : "", (size_t)len);
			rs->ctype = strstr(sh->ctype, "charset") ? sh->ctype
				  : !strcmp(sh->ctype, "text/html") ? "text/html; charset=utf-8"
				  : !strcmp(sh->ctype, "text/plain") ? "text/plain; charset=utf-8"
				  : !strcmp(sh->ctype, "image/svg+xml") ? "image/svg+xml; charset=utf-8"
				  : "application/xml; charset=utf-8";
		} else {
			ok = 0;
		}
		xmlFree(out);
	}
	xmlFreeDoc(res);
	return ok ? 0 : -1;
}

void
render_xml(xmlDocPtr doc, struct resp *rs)
{
	xmlChar *mem = NULL;
	int len = 0;
	xmlDocDumpMemoryEnc(doc, &mem, &len, "UTF-8");
	buf_add(&rs->body, mem ? (const char *)mem : "", (size_t)len);
	xmlFree(mem);
	rs->ctype = "application/xml; charset=utf-8";
}
