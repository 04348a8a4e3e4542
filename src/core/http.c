/* http.c — request parsing (params, query, urlencoded and multipart bodies, cookies) with
 * limits, and response serialisation with the security headers every response carries.
 * Every name and value is checked here: well-formed UTF-8, XML characters only, bounded
 * length. A refusal names the field, so the error page can say which one. */
#include "core/http.h"
#include "core/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>

static int
refuse(struct req *r, int status, const char *key, const char *field)
{
	r->err_status = status;
	r->err_key = key;
	r->err_field = field;
	return status;
}

const char *
http_env(const struct req *r, const char *name)
{
	size_t n = strlen(name);
	for (char **e = r->env; e && *e; e++)
		if (!strncmp(*e, name, n) && (*e)[n] == '=') return *e + n + 1;
	return NULL;
}

int
http_env_count(char **env, const char *name)
{
	size_t n = strlen(name);
	int c = 0;
	for (char **e = env; e && *e; e++)
		if (!strncmp(*e, name, n) && (*e)[n] == '=') c++;
	return c;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

/* Decodes %XX and '+' (when plus) from s[0..n) into arena memory; NULL on a bad escape. */
static char *
pct_decode(struct arena *a, const char *s, size_t n, int plus, size_t *outlen)
{
	char *o = arena_alloc(a, n + 1), *p = o;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%') {
			if (i + 2 >= n) return NULL;
			int h = hexval((unsigned char)s[i + 1]), l = hexval((unsigned char)s[i + 2]);
			if (h < 0 || l < 0) return NULL;
			*p++ = (char)(h * 16 + l);
			i += 2;
		} else if (plus && s[i] == '+') {
			*p++ = ' ';
		} else {
			*p++ = s[i];
		}
	}
	*p = 0;
	*outlen = (size_t)(p - o);
	return o;
}

/* Normalises CRLF and lone CR to LF in place; returns the new length. */
static size_t
normalise_newlines(char *s, size_t n)
{
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r') {
			s[j++] = '\n';
			if (i + 1 < n && s[i + 1] == '\n') i++;
		} else {
			s[j++] = s[i];
		}
	}
	s[j] = 0;
	return j;
}

static int
name_ok(const char *s)
{
	size_t n = strlen(s);
	if (!n || n > HTTP_MAX_NAME) return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '_' || *s == '-' || *s == '.'))
			return 0;
	return 1;
}

/* Validates one decoded field and appends it. */
static int
add_field(struct req *r, struct param **arr, int *n, const char *name, char *value, size_t len,
	  const char *filename, const char *ctype)
{
	if (!name_ok(name))
		return refuse(r, 400, "error.field", text_xml_ok(name, strlen(name)) && strlen(name) <= HTTP_MAX_NAME
						     ? name : "?");
	if (*n >= HTTP_MAX_FIELDS)
		return refuse(r, 400, "error.too_many_fields", "");
	if (!filename) {
		if (len > HTTP_MAX_VALUE)
			return refuse(r, 400, "error.field_too_long", name);
		if (memchr(value, 0, len) || !text_xml_ok(value, len))
			return refuse(r, 400, "error.field", name);
		len = normalise_newlines(value, len);
	} else if (!text_xml_ok(filename, strlen(filename)) || strlen(filename) > 255) {
		return refuse(r, 400, "error.field", name);
	}
	if (*n % 16 == 0) {
		struct param *na = arena_alloc(r->a, sizeof *na * (size_t)(*n + 16));
		if (*n) memcpy(na, *arr, sizeof *na * (size_t)*n);
		*arr = na;
	}
	(*arr)[*n] = (struct param){ name, value, len, filename, ctype };
	(*n)++;
	return 0;
}

static int
parse_urlencoded(struct req *r, const char *s, size_t n, struct param **arr, int *cnt)
{
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && s[j] != '&' && s[j] != ';') j++;
		if (j > i) {
			const char *eq = memchr(s + i, '=', j - i);
			size_t nl = eq ? (size_t)(eq - (s + i)) : j - i, vl;
			char *name = pct_decode(r->a, s + i, nl, 1, &vl);
			if (!name || strlen(name) != vl || !text_xml_ok(name, vl))
				return refuse(r, 400, "error.field", "?");
			char *val = eq ? pct_decode(r->a, eq + 1, j - i - nl - 1, 1, &vl) : arena_strdup(r->a, "");
			if (!eq) vl = 0;
			if (!val) return refuse(r, 400, "error.field", name_ok(name) ? name : "?");
			int rc = add_field(r, arr, cnt, name, val, vl, NULL, NULL);
			if (rc) return rc;
		}
		i = j + 1;
	}
	return 0;
}

static const char *
memmem_s(const char *h, size_t hn, const char *needle, size_t nn)
{
	return memmem(h, hn, needle, nn);
}

/* Value of a parameter (name="value" or name=value) in a header like Content-Disposition. */
static char *
header_param(struct arena *a, const char *h, size_t hn, const char *key)
{
	size_t kl = strlen(key);
	for (size_t i = 0; i + kl < hn; i++) {
		if ((i == 0 || h[i - 1] == ';' || h[i - 1] == ' ') && !strncasecmp(h + i, key, kl) && h[i + kl] == '=') {
			const char *v = h + i + kl + 1, *end = h + hn;
			if (v < end && *v == '"') {
				const char *q = memchr(v + 1, '"', (size_t)(end - v - 1));
				if (!q) return NULL;
				return arena_strndup(a, v + 1, (size_t)(q - v - 1));
			}
			const char *e = v;
			while (e < end && *e != ';' && *e != ' ') e++;
			return arena_strndup(a, v, (size_t)(e - v));
		}
	}
	return NULL;
}

static int
parse_multipart(struct req *r, const char *ctype)
{
	const char *b = strcasestr(ctype, "boundary=");
	if (!b) return refuse(r, 400, "error.400", "");
	b += 9;
	char *boundary;
	if (*b == '"') {
		const char *q = strchr(b + 1, '"');
		if (!q) return refuse(r, 400, "error.400", "");
		boundary = arena_strndup(r->a, b + 1, (size_t)(q - b - 1));
	} else {
		size_t l = strcspn(b, "; ");
		boundary = arena_strndup(r->a, b, l);
	}
	size_t bl = strlen(boundary);
	if (!bl || bl > 70) return refuse(r, 400, "error.400", "");
	char *delim = arena_printf(r->a, "--%s", boundary);
	size_t dl = bl + 2;
	const char *p = r->body, *end = r->body + r->body_len;
	const char *s = memmem_s(p, (size_t)(end - p), delim, dl);
	if (!s) return refuse(r, 400, "error.400", "");
	p = s + dl;
	for (;;) {
		if (end - p >= 2 && p[0] == '-' && p[1] == '-') return 0;  /* closing delimiter */
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n') return refuse(r, 400, "error.400", "");
		p += 2;
		const char *hend = memmem_s(p, (size_t)(end - p), "\r\n\r\n", 4);
		if (!hend) return refuse(r, 400, "error.400", "");
		char *name = NULL, *filename = NULL, *ctyp = NULL;
		for (const char *h = p; h < hend;) {
			const char *le = memmem_s(h, (size_t)(hend - h) + 2, "\r\n", 2);
			if (!le || le > hend) le = hend;
			size_t hl = (size_t)(le - h);
			if (hl > 20 && !strncasecmp(h, "Content-Disposition:", 20)) {
				name = header_param(r->a, h + 20, hl - 20, "name");
				filename = header_param(r->a, h + 20, hl - 20, "filename");
			} else if (hl > 13 && !strncasecmp(h, "Content-Type:", 13)) {
				const char *v = h + 13;
				while (v < le && *v == ' ') v++;
				ctyp = arena_strndup(r->a, v, (size_t)(le - v));
			}
			h = le + 2;
		}
		p = hend + 4;
		char *next = arena_printf(r->a, "\r\n%s", delim);
		const char *e = memmem_s(p, (size_t)(end - p), next, dl + 2);
		if (!e || !name) return refuse(r, 400, "error.400", "");
		size_t vl = (size_t)(e - p);
		char *val = arena_strndup(r->a, p, vl);
		int rc = add_field(r, &r->f, &r->nf, name, val, vl, filename, ctyp);
		if (rc) return rc;
		p = e + dl + 2;
	}
}

static void
parse_cookies(struct req *r, const char *h)
{
	while (h && *h) {
		while (*h == ' ' || *h == ';') h++;
		const char *e = strchr(h, ';');
		size_t l = e ? (size_t)(e - h) : strlen(h);
		const char *eq = memchr(h, '=', l);
		if (eq && r->nc < 32) {
			char *name = arena_strndup(r->a, h, (size_t)(eq - h));
			char *val = arena_strndup(r->a, eq + 1, l - (size_t)(eq - h) - 1);
			if (text_xml_ok(name, strlen(name)) && text_xml_ok(val, strlen(val))) {
				if (r->nc % 8 == 0) {
					struct param *na = arena_alloc(r->a, sizeof *na * (size_t)(r->nc + 8));
					if (r->nc) memcpy(na, r->c, sizeof *na * (size_t)r->nc);
					r->c = na;
				}
				r->c[r->nc++] = (struct param){ name, val, strlen(val), NULL, NULL };
			}
		}
		h = e ? e + 1 : NULL;
	}
}

int
http_parse(struct req *r, char **env, const char *body, size_t body_len)
{
	unsigned char rnd[8];
	char rid[17];
	if (getrandom(rnd, sizeof rnd, 0) != sizeof rnd)
		memset(rnd, 0, sizeof rnd);
	text_hex(rnd, sizeof rnd, rid);
	r->request_id = arena_strdup(r->a, rid);
	r->env = env;
	r->body = body ? body : "";
	r->body_len = body_len;
	r->method = http_env(r, "REQUEST_METHOD");
	if (!r->method || !*r->method) r->method = "GET";
	r->client = http_env(r, "REMOTE_ADDR");
	if (!r->client) r->client = "";
	r->content_type = http_env(r, "CONTENT_TYPE");

	const char *path = http_env(r, "DOCUMENT_URI");
	if (!path || !*path) path = http_env(r, "PATH_INFO");
	if (!path || !*path) {
		const char *uri = http_env(r, "REQUEST_URI");
		size_t l;
		if (uri && *uri) {
			char *p = pct_decode(r->a, uri, strcspn(uri, "?"), 0, &l);
			if (!p || strlen(p) != l) return refuse(r, 400, "error.400", "");
			path = p;
		}
	}
	if (!path || !*path) path = "/";
	if (path[0] != '/' || !text_xml_ok(path, strlen(path)) || strlen(path) > 2048)
		return refuse(r, 400, "error.400", "");
	r->path = path;

	const char *q = http_env(r, "QUERY_STRING");
	r->query = q ? q : "";
	if (strlen(r->query) > HTTP_MAX_QUERY) return refuse(r, 400, "error.field_too_long", "?");
	int rc = parse_urlencoded(r, r->query, strlen(r->query), &r->q, &r->nq);
	if (rc) return rc;
	parse_cookies(r, http_env(r, "HTTP_COOKIE"));

	if (!strcmp(r->method, "POST")) {
		const char *ct = r->content_type ? r->content_type : "";
		if (!strncasecmp(ct, "application/x-www-form-urlencoded", 33))
			rc = parse_urlencoded(r, r->body, r->body_len, &r->f, &r->nf);
		else if (!strncasecmp(ct, "multipart/form-data", 19))
			rc = parse_multipart(r, ct);
		else if (r->body_len || *ct)
			return refuse(r, 415, "error.content_type", "");
		if (rc) return rc;
	}
	return 0;
}

long
http_content_length(const char *v, long max)
{
	if (!v || !*v) return 0;
	long n = 0;
	for (const char *p = v; *p; p++) {
		if (*p < '0' || *p > '9' || p - v > 18) return -400;
		n = n * 10 + (*p - '0');
		if (n > max) return -413;
	}
	return n;
}

/* The idx-th value named name; uploaded files (parts with a filename) are not fields and are
 * reached only through http_file(), so unchecked bytes never pass for form text. */
static const char *
find(const struct param *a, int n, const char *name, int idx)
{
	for (int i = 0; i < n; i++)
		if (!a[i].filename && !strcmp(a[i].name, name) && idx-- == 0) return a[i].value;
	return NULL;
}

const struct param *
http_file(const struct req *r, const char *name)
{
	for (int i = 0; i < r->nf; i++)
		if (r->f[i].filename && !strcmp(r->f[i].name, name)) return &r->f[i];
	return NULL;
}

const char *
http_field(const struct req *r, const char *name)
{
	return find(r->f, r->nf, name, 0);
}

const char *
http_field_at(const struct req *r, const char *name, int i)
{
	return find(r->f, r->nf, name, i);
}

int
http_field_count(const struct req *r, const char *name)
{
	int c = 0;
	for (int i = 0; i < r->nf; i++)
		if (!strcmp(r->f[i].name, name)) c++;   /* files count: a duplicate name is still one */
	return c;
}

const char *
http_query(const struct req *r, const char *name)
{
	return find(r->q, r->nq, name, 0);
}

const char *
http_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default: return status >= 500 ? "Internal Server Error" : "Error";
	}
}

/* The same four headers nginx adds for static files (nginx.conf.example). */
static const char SECURITY_HEADERS[] =
	"Content-Security-Policy: default-src 'none'; style-src 'self'; img-src 'self' data:; "
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'\r\n"
	"X-Frame-Options: DENY\r\n"
	"X-Content-Type-Options: nosniff\r\n"
	"Referrer-Policy: same-origin\r\n"
	"Cache-Control: no-store\r\n";

void
http_serialize(const struct resp *rs, int head, struct buf *out)
{
	buf_addf(out, "Status: %d %s\r\n", rs->status, http_reason(rs->status));
	buf_adds(out, SECURITY_HEADERS);
	if (rs->location) buf_addf(out, "Location: %s\r\n", rs->location);
	if (rs->disposition) buf_addf(out, "Content-Disposition: %s\r\n", rs->disposition);
	if (rs->extra.len) buf_add(out, rs->extra.p, rs->extra.len);
	buf_addf(out, "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n",
		 rs->ctype ? rs->ctype : "text/html; charset=utf-8", rs->body.len);
	if (!head && rs->body.len) buf_add(out, rs->body.p, rs->body.len);
}

void
http_urlencode(struct buf *b, const char *s)
{
	static const char hx[] = "0123456789ABCDEF";
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~')
			buf_addc(b, (char)c);
		else {
			buf_addc(b, '%');
			buf_addc(b, hx[c >> 4]);
			buf_addc(b, hx[c & 15]);
		}
	}
}
