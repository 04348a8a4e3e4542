/* reccode.c — the change record's verification code (reccode.h). */
#include "engine/reccode.h"
#include <ctype.h>
#include <string.h>

int
reccode_make(const char *row_hash, char out[15])
{
	out[0] = 0;
	if (!row_hash || strlen(row_hash) != 64) return -1;
	for (int i = 0; i < 64; i++)
		if (!isxdigit((unsigned char)row_hash[i])) return -1;
	int k = 0;
	for (int i = 0; i < 12; i++) {
		if (i && i % 4 == 0) out[k++] = '-';
		out[k++] = (char)toupper((unsigned char)row_hash[i]);
	}
	out[k] = 0;
	return 0;
}

/* The 12 hex digits of s, upper case, into d[13]; -1 when s holds anything else. */
static int
digits(const char *s, char d[13])
{
	int n = 0;
	for (; s && *s; s++) {
		if (*s == '-' || *s == ' ') continue;
		if (!isxdigit((unsigned char)*s) || n == 12) return -1;
		d[n++] = (char)toupper((unsigned char)*s);
	}
	d[n] = 0;
	return n == 12 ? 0 : -1;
}

int
reccode_match(const char *given, const char *code)
{
	char a[13], b[13];
	return !digits(given, a) && !digits(code, b) && !strcmp(a, b);
}
