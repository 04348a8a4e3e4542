/* Unit tests for text.c: the XML/UTF-8 rule every field passes, JSON strings, logins, dates. */
#include "unit.h"
#include "core/text.h"
#include "core/json.h"
#include "core/csv.h"

#define OK(s) text_xml_ok(s, sizeof(s) - 1)

static void
xml_chars_accepted(void)
{
	CHECK(OK("plain ascii"));
	CHECK(OK("tab\tnewline\ncr\r"));
	CHECK(OK("中文 变更 CHG-2026-0042"));
	CHECK(OK("\xF0\x9F\x98\x80"));        /* U+1F600 */
	CHECK(OK("\xEF\xBF\xBD"));            /* U+FFFD */
	CHECK(OK("\xF4\x8F\xBF\xBD"));        /* U+10FFFD */
	CHECK(OK(""));
}

static void
xml_chars_refused(void)
{
	CHECK(!OK("a\x01" "b"));              /* C0 control */
	CHECK(!OK("\x1b[31m"));               /* ESC */
	CHECK(!text_xml_ok("a\0b", 3));       /* NUL */
	CHECK(OK("\x7f"));                    /* DEL is an XML Char: allowed */
	CHECK(!OK("\xff\xfe"));               /* invalid bytes */
	CHECK(!OK("\xC0\xAF"));               /* overlong '/' */
	CHECK(!OK("\xE0\x80\xAF"));           /* overlong 3-byte */
	CHECK(!OK("\xED\xA0\x80"));           /* surrogate U+D800 */
	CHECK(!OK("\xEF\xBF\xBE"));           /* U+FFFE */
	CHECK(!OK("\xEF\xBF\xBF"));           /* U+FFFF */
	CHECK(!OK("\xF4\x90\x80\x80"));       /* > U+10FFFF */
	CHECK(!OK("\xE4\xB8"));               /* truncated */
	CHECK(!OK("\x80"));                   /* lone continuation */
}

static void
xml_clean_replaces(void)
{
	struct arena a = {0};
	CHECK_STR(text_xml_clean(&a, "a\x01" "b"), "a\xEF\xBF\xBD" "b");
	CHECK_STR(text_xml_clean(&a, "ok 中"), "ok 中");
	arena_reset(&a);
}

static void
json_strings(void)
{
	struct buf b = {0};
	json_string(&b, "a\"b\\c\nd\x01");
	CHECK_STR(buf_str(&b), "\"a\\\"b\\\\c\\nd\\u0001\"");
	b.len = 0;
	json_string(&b, NULL);
	CHECK_STR(buf_str(&b), "null");
	buf_free(&b);
}

static void
logins(void)
{
	CHECK(text_login_ok("zhang.wei"));
	CHECK(text_login_ok("a@corp.example"));
	CHECK(text_login_ok("x_y-z.1"));
	CHECK(!text_login_ok(""));
	CHECK(!text_login_ok("al ice"));
	CHECK(!text_login_ok("a\r\nb"));
	CHECK(!text_login_ok("CORP\\alice"));
	CHECK(!text_login_ok("张伟"));
	char l65[66];
	memset(l65, 'a', 65);
	l65[65] = 0;
	CHECK(!text_login_ok(l65));
	l65[64] = 0;
	CHECK(text_login_ok(l65));
}

static void
dates(void)
{
	CHECK(text_date_ok("2026-11-25"));
	CHECK(text_date_ok("2024-02-29"));
	CHECK(!text_date_ok("2026-02-29"));
	CHECK(!text_date_ok("2026-13-01"));
	CHECK(!text_date_ok("2026-1-01"));
	CHECK(!text_date_ok("2026-01-01x"));
	CHECK(!text_date_ok("20260101"));
}

static void
csv_cells(void)
{
	struct buf b = {0};
	csv_bom(&b);
	csv_cell(&b, "plain", 1);
	csv_cell(&b, "=1+2", 0);
	csv_cell(&b, "@SUM(A1)", 0);
	csv_cell(&b, "-5", 0);
	csv_cell(&b, "a,\"b\"", 0);
	csv_cell(&b, "中文\n第二行", 0);
	csv_cell(&b, NULL, 0);
	csv_end(&b);
	CHECK_STR(buf_str(&b), "\xEF\xBB\xBFplain,\"'=1+2\",\"'@SUM(A1)\",\"'-5\",\"a,\"\"b\"\"\",\"中文\n第二行\",\r\n");
	buf_free(&b);
}

static void
trims(void)
{
	struct arena a = {0};
	const char *s = "no spaces";
	CHECK(text_trim(&a, s) == s);                       /* nothing to trim: no copy */
	CHECK_STR(text_trim(&a, "  \t\r\n"), "");
	CHECK_STR(text_trim(&a, "\xE3\x80\x80\xE3\x80\x80"), "");   /* ideographic spaces only */
	CHECK_STR(text_trim(&a, " 回退\xE3\x80\x80方案 \r\n"), "回退\xE3\x80\x80方案");
	CHECK_STR(text_trim(&a, "\xE3\x80\x80" "a b\xE3\x80\x80"), "a b");
	CHECK_STR(text_trim(&a, "line 1\n  line 2\n"), "line 1\n  line 2");
	CHECK_STR(text_trim(&a, "\xE3\x80"), "\xE3\x80");        /* a cut sequence is not a space */
	CHECK_STR(text_trim(&a, ""), "");
	arena_reset(&a);
}

int
main(void)
{
	RUN(trims);
	RUN(xml_chars_accepted);
	RUN(xml_chars_refused);
	RUN(xml_clean_replaces);
	RUN(json_strings);
	RUN(logins);
	RUN(dates);
	RUN(csv_cells);
	return unit_done();
}
