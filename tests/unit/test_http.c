/* Unit tests for http.c: query and form parsing, the field checks that name the field,
 * multipart, cookies, CONTENT_LENGTH, and the response headers. */
#include "unit.h"
#include "core/http.h"

static int
parse(struct req *r, struct arena *a, const char *method, const char *ctype, const char *query,
      const char *body, size_t blen)
{
	static char e[8][512];
	static char *env[9];
	int n = 0;
	snprintf(e[n], sizeof e[n], "REQUEST_METHOD=%s", method); env[n] = e[n]; n++;
	snprintf(e[n], sizeof e[n], "DOCUMENT_URI=/profile"); env[n] = e[n]; n++;
	snprintf(e[n], sizeof e[n], "QUERY_STRING=%s", query ? query : ""); env[n] = e[n]; n++;
	if (ctype) { snprintf(e[n], sizeof e[n], "CONTENT_TYPE=%s", ctype); env[n] = e[n]; n++; }
	snprintf(e[n], sizeof e[n], "HTTP_COOKIE=a=1; lang=en"); env[n] = e[n]; n++;
	env[n] = NULL;
	memset(r, 0, sizeof *r);
	r->a = a;
	return http_parse(r, env, body, blen);
}

#define FORM "application/x-www-form-urlencoded"

static void
urlencoded_fields(void)
{
	struct arena a = {0};
	struct req r;
	const char *body = "display_name=%E5%BC%A0+%E4%BC%9F&email=a%40b.cn&role=admin&role=viewer&empty=&flag";
	CHECK(parse(&r, &a, "POST", FORM, "x=1&y=%2F", body, strlen(body)) == 0);
	CHECK_STR(http_field(&r, "display_name"), "张 伟");
	CHECK_STR(http_field(&r, "email"), "a@b.cn");
	CHECK(http_field_count(&r, "role") == 2);
	CHECK_STR(http_field_at(&r, "role", 1), "viewer");
	CHECK_STR(http_field(&r, "empty"), "");
	CHECK_STR(http_field(&r, "flag"), "");
	CHECK(http_field(&r, "missing") == NULL);
	CHECK_STR(http_query(&r, "y"), "/");
	CHECK_STR(r.path, "/profile");
	CHECK(r.nc == 2);
	arena_reset(&a);
}

static void
bad_fields_are_named(void)
{
	struct arena a = {0};
	struct req r;
	const char *b1 = "email=ok&display_name=a%01b";
	CHECK(parse(&r, &a, "POST", FORM, "", b1, strlen(b1)) == 400);
	CHECK_STR(r.err_field, "display_name");
	CHECK_STR(r.err_key, "error.field");
	const char *b2 = "phone=%FF%FE";
	CHECK(parse(&r, &a, "POST", FORM, "", b2, strlen(b2)) == 400);
	CHECK_STR(r.err_field, "phone");
	const char *b3 = "note=%ED%A0%80";   /* surrogate */
	CHECK(parse(&r, &a, "POST", FORM, "", b3, strlen(b3)) == 400);
	CHECK_STR(r.err_field, "note");
	const char *b4 = "note=%4";            /* truncated escape */
	CHECK(parse(&r, &a, "POST", FORM, "", b4, strlen(b4)) == 400);
	CHECK(parse(&r, &a, "GET", NULL, "q=%00", "", 0) == 400);
	CHECK_STR(r.err_field, "q");
	const char b5[] = "note=a\0b";
	CHECK(parse(&r, &a, "POST", FORM, "", b5, sizeof b5 - 1) == 400);
	arena_reset(&a);
}

static void
newlines_normalised(void)
{
	struct arena a = {0};
	struct req r;
	const char *body = "note=line1%0D%0Aline2%0Dline3";
	CHECK(parse(&r, &a, "POST", FORM, "", body, strlen(body)) == 0);
	CHECK_STR(http_field(&r, "note"), "line1\nline2\nline3");
	arena_reset(&a);
}

static void
limits(void)
{
	struct arena a = {0};
	struct req r;
	struct buf b = {0};
	for (int i = 0; i < HTTP_MAX_FIELDS + 1; i++) buf_addf(&b, "f%d=1&", i);
	CHECK(parse(&r, &a, "POST", FORM, "", b.p, b.len) == 400);
	CHECK_STR(r.err_key, "error.too_many_fields");
	b.len = 0;
	buf_adds(&b, "big=");
	for (int i = 0; i < HTTP_MAX_VALUE + 1; i++) buf_addc(&b, 'x');
	CHECK(parse(&r, &a, "POST", FORM, "", b.p, b.len) == 400);
	CHECK_STR(r.err_key, "error.field_too_long");
	CHECK_STR(r.err_field, "big");
	CHECK(parse(&r, &a, "POST", "text/plain", "", "x", 1) == 415);
	CHECK(parse(&r, &a, "POST", "application/json", "", "{}", 2) == 415);
	buf_free(&b);
	arena_reset(&a);
}

static void
content_length(void)
{
	CHECK(http_content_length(NULL, 100) == 0);
	CHECK(http_content_length("0", 100) == 0);
	CHECK(http_content_length("100", 100) == 100);
	CHECK(http_content_length("101", 100) == -413);
	CHECK(http_content_length("-1", 100) == -400);
	CHECK(http_content_length("12a", 100) == -400);
	CHECK(http_content_length(" 12", 100) == -400);
	CHECK(http_content_length("99999999999999999999999", 100) == -413);
}

static void
multipart(void)
{
	struct arena a = {0};
	struct req r;
	const char body[] =
		"--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n中文标题\r\n"
		"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.xml\"\r\n"
		"Content-Type: application/xml\r\n\r\n<a>\x01\xff</a>\r\n"
		"--XyZ--\r\n";
	CHECK(parse(&r, &a, "POST", "multipart/form-data; boundary=XyZ", "", body, sizeof body - 1) == 0);
	CHECK_STR(http_field(&r, "title"), "中文标题");
	CHECK(r.nf == 2);
	CHECK(r.nf == 2 && r.f[1].filename && !strcmp(r.f[1].filename, "plan.xml"));
	CHECK(r.nf == 2 && r.f[1].len == 9);
	const char bad[] = "--XyZ\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\na\x01\r\n--XyZ--\r\n";
	CHECK(parse(&r, &a, "POST", "multipart/form-data; boundary=XyZ", "", bad, sizeof bad - 1) == 400);
	CHECK_STR(r.err_field, "t");
	const char trunc[] = "--XyZ\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nabc";
	CHECK(parse(&r, &a, "POST", "multipart/form-data; boundary=XyZ", "", trunc, sizeof trunc - 1) == 400);
	arena_reset(&a);
}

static void
response_headers(void)
{
	struct resp rs = { .status = 303, .location = "/profile?flash=saved" };
	struct buf out = {0};
	buf_adds(&rs.body, "x");
	http_serialize(&rs, 0, &out);
	const char *s = buf_str(&out);
	CHECK(!strncmp(s, "Status: 303 See Other\r\n", 23));
	CHECK(strstr(s, "Location: /profile?flash=saved\r\n"));
	CHECK(strstr(s, "frame-ancestors 'none'"));
	CHECK(strstr(s, "X-Frame-Options: DENY\r\n"));
	CHECK(strstr(s, "Cache-Control: no-store\r\n"));
	CHECK(strstr(s, "Referrer-Policy: same-origin\r\n"));
	CHECK(!strstr(s, "unsafe-inline"));
	CHECK(strstr(s, "Content-Length: 1\r\n\r\nx"));
	out.len = 0;
	http_serialize(&rs, 1, &out);
	CHECK(strstr(buf_str(&out), "\r\n\r\n")[4] == 0);
	buf_free(&out);
	buf_free(&rs.body);
}

int
main(void)
{
	RUN(urlencoded_fields);
	RUN(bad_fields_are_named);
	RUN(newlines_normalised);
	RUN(limits);
	RUN(content_length);
	RUN(multipart);
	RUN(response_headers);
	return unit_done();
}
