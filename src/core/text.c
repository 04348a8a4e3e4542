/* text.c — UTF-8/XML character validation, JSON strings, hex and the login syntax.
 * These run on every field that enters the system, so they are strict and allocation-free. */
#include "core/text.h"
#include <stdio.h>
#include <string.h>

/* Decodes one code point at s (n bytes left); returns its length or 0 when malformed. */
static size_t
utf8_next(const unsigned char *s, size_t n, unsigned *cp)
{
	unsigned c = s[0];
	if (c < 0x80) { *cp = c; return 1; }
	size_t len;
	unsigned min;
	if ((c & 0xE0) == 0xC0) { len = 2; *cp = c & 0x1F; min = 0x80; }
	else if ((c & 0xF0) == 0xE0) { len = 3; *cp = c & 0x0F; min = 0x800; }
	else if ((c & 0xF8) == 0xF0) { len = 4; *cp = c & 0x07; min = 0x10000; }
	else return 0;
	if (n < len) return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) return 0;
		*cp = (*cp << 6) | (s[i] & 0x3F);
	}
	if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
	return len;
}

static int
xml_char(unsigned cp)
{
	return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
	       (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

int
text_xml_ok(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned cp;
		if (p[i] >= 0x20 && p[i] < 0x7F) { i++; continue; }
		size_t l = utf8_next(p + i, n - i, &cp);
		if (!l || !xml_char(cp)) return 0;
		i += l;
	}
	return 1;
}

char *
text_xml_clean(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	if (text_xml_ok(s, n))
		return (char *)s;
	char *out = arena_alloc(a, n * 3 + 1), *o = out;
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned cp;
		size_t l = utf8_next(p + i, n - i, &cp);
		if (l && xml_char(cp)) { memcpy(o, p + i, l); o += l; i += l; }
		else { memcpy(o, "\xEF\xBF\xBD", 3); o += 3; i += l ? l : 1; }
	}
	*o = 0;
	return out;
}

/* Length of the white space (as text_trim) at s, 0 when none. */
static size_t
space_at(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') return 1;
	return !strncmp(s, "\xE3\x80\x80", 3) ? 3 : 0;
}

const char *
text_trim(struct arena *a, const char *s)
{
	size_t k, n;
	while ((k = space_at(s))) s += k;
	n = strlen(s);
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) n--;
		else if (n >= 3 && !strncmp(s + n - 3, "\xE3\x80\x80", 3)) n -= 3;
		else break;
	}
	return s[n] ? arena_strndup(a, s, n) : s;
}

size_t
text_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80) n++;
	return n;
}

void
text_hex(const unsigned char *p, size_t n, char *out)
{
	static const char hx[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hx[p[i] >> 4];
		out[2 * i + 1] = hx[p[i] & 15];
	}
	out[2 * n] = 0;
}

int
text_login_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 64) return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '@' || c == '-'))
			return 0;
	}
	return 1;
}

int
text_date_ok(const char *s)
{
	int y, m, d;
	char tail;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return 0;
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

int
text_one_of(const char *s, const char *const *set)
{
	for (; s && *set; set++)
		if (!strcmp(s, *set)) return 1;
	return 0;
}
