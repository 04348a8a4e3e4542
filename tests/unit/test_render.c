/* Unit tests for render.c with test-only stylesheets: op:t and op:time, a failing transform
 * is an error (never an empty page), and XSLT may neither read files (document()) nor write
 * them (exsl:document), nor may the parser fetch external entities. */
#include "unit.h"
#include "core/config.h"
#include "core/clock.h"
#include "core/render.h"
#include <libxml/parser.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/opsplan-render-XXXXXX";
static char evil_out[700];

static void
put(const char *name, const char *text)
{
	char p[700];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	fputs(text, f);
	fclose(f);
}

#define XSL_HEAD "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" xmlns:op=\"urn:opsplan\" exclude-result-prefixes=\"op\">"

static xmlDocPtr
model(void)
{
	return xmlReadMemory("<page><v>2026-11-25T16:30:00Z</v></page>", 41, NULL, "UTF-8", XML_PARSE_NONET);
}

static void
messages_and_times(void)
{
	struct resp rs = {0};
	xmlDocPtr d = model();
	CHECK(render_apply("good", d, "zh-CN", &rs) == 0);
	CHECK(strstr(buf_str(&rs.body), "<p>共 7 条 / 2026-11-26 00:30 / missing.key</p>"));
	CHECK(rs.ctype && !strcmp(rs.ctype, "text/html; charset=utf-8"));
	buf_free(&rs.body);
	CHECK(render_apply("good", d, "en", &rs) == 0);
	CHECK(strstr(buf_str(&rs.body), "<p>7 records / 2026-11-26 00:30 / missing.key</p>"));
	buf_free(&rs.body);
	xmlFreeDoc(d);
	CHECK_STR(render_msg("en", "n"), "{1} records");
}

static void
failing_transform_is_an_error(void)
{
	struct resp rs = {0};
	xmlDocPtr d = model();
	CHECK(render_apply("fails", d, "en", &rs) == -1);
	CHECK(render_apply("no-such-sheet", d, "en", &rs) == -1);
	buf_free(&rs.body);
	xmlFreeDoc(d);
}

static void
no_file_access(void)
{
	struct resp rs = {0};
	xmlDocPtr d = model();
	CHECK(render_apply("read-passwd", d, "en", &rs) == -1);
	CHECK(!strstr(buf_str(&rs.body), "root:"));
	buf_free(&rs.body);
	CHECK(render_apply("read-own-dir", d, "en", &rs) == -1);
	buf_free(&rs.body);
	CHECK(render_apply("write-file", d, "en", &rs) == -1);
	CHECK(access(evil_out, F_OK) != 0);
	buf_free(&rs.body);
	xmlFreeDoc(d);
}

static void
no_external_entities(void)
{
	const char xxe[] = "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>";
	xmlDocPtr d = xmlReadMemory(xxe, sizeof xxe - 1, NULL, NULL, XML_PARSE_NONET);
	xmlChar *s = NULL;
	int n = 0;
	if (d) xmlDocDumpMemory(d, &s, &n);
	CHECK(!s || !strstr((char *)s, "root:"));
	xmlFree(s);
	xmlFreeDoc(d);
}

int
main(void)
{
	char err[700];
	if (!mkdtemp(dir)) return 1;
	snprintf(evil_out, sizeof evil_out, "%s/written-by-xslt", dir);
	char sub[700];
	snprintf(sub, sizeof sub, "%s/i18n", dir);
	mkdir(sub, 0700);
	put("i18n/zh-CN.xml", "<catalog lang=\"zh-CN\"><msg key=\"n\">共 {1} 条</msg></catalog>");
	put("i18n/en.xml", "<catalog lang=\"en\"><msg key=\"n\">{1} records</msg></catalog>");
	put("good.xsl", XSL_HEAD "<xsl:output method=\"html\"/><xsl:template match=\"/\"><p>"
	    "<xsl:value-of select=\"op:t('n', 7)\"/> / <xsl:value-of select=\"op:time(page/v)\"/> / "
	    "<xsl:value-of select=\"op:t('missing.key')\"/></p></xsl:template></xsl:stylesheet>");
	put("fails.xsl", XSL_HEAD "<xsl:template match=\"/\"><xsl:message terminate=\"yes\">stop</xsl:message>"
	    "</xsl:template></xsl:stylesheet>");
	put("read-passwd.xsl", XSL_HEAD "<xsl:template match=\"/\"><x><xsl:copy-of select=\"document('file:///etc/passwd')\"/>"
	    "</x></xsl:template></xsl:stylesheet>");
	put("read-own-dir.xsl", XSL_HEAD "<xsl:template match=\"/\"><x><xsl:copy-of select=\"document('i18n/en.xml')\"/>"
	    "</x></xsl:template></xsl:stylesheet>");
	char w[1200];
	snprintf(w, sizeof w, "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\""
		 " xmlns:exsl=\"http://exslt.org/common\" extension-element-prefixes=\"exsl\">"
		 "<xsl:template match=\"/\"><exsl:document href=\"file://%s\"><x/></exsl:document><y/></xsl:template>"
		 "</xsl:stylesheet>", evil_out);
	put("write-file.xsl", w);
	if (config_load("/dev/null", err, sizeof err)) return 1;
	clock_init("Asia/Shanghai");
	if (render_init(dir, err, sizeof err)) {
		printf("FAIL setup: %s\n", err);
		return 1;
	}
	RUN(messages_and_times);
	RUN(failing_transform_is_an_error);
	RUN(no_file_access);
	RUN(no_external_entities);
	render_free();
	snprintf(w, sizeof w, "rm -rf '%s'", dir);
	if (system(w)) return 1;
	return unit_done();
}
