/* text.h — byte-level text rules shared by every boundary: UTF-8 and XML character checks,
 * hex, and the login and date syntax. Pure functions. */
#ifndef OPSPLAN_TEXT_H
#define OPSPLAN_TEXT_H
#include <stddef.h>
#include "core/arena.h"

/* 1 when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates) made only of XML 1.0
 * characters (TAB, LF, CR, U+0020..U+D7FF, U+E000..U+FFFD, U+10000..U+10FFFF). */
int text_xml_ok(const char *s, size_t n);
/* Copy of s with every byte sequence that fails text_xml_ok replaced by U+FFFD. */
char *text_xml_clean(struct arena *a, const char *s);
/* s without surrounding white space (space, tab, CR, LF and the ideographic space U+3000 of
 * Chinese input methods): s itself when there is none, else a copy in a. A field of only
 * spaces becomes "" and so counts as empty. */
const char *text_trim(struct arena *a, const char *s);
/* Counts code points of valid UTF-8 text. */
size_t text_chars(const char *s);
/* Lower-case hex of n bytes into out (2n+1 bytes). */
void text_hex(const unsigned char *p, size_t n, char *out);
/* 1 when s is 1..64 bytes of [A-Za-z0-9._@-]. */
int text_login_ok(const char *s);
/* 1 when s equals one of the strings of set (ended by NULL). */
int text_one_of(const char *s, const char *const *set);
/* 1 when s is YYYY-MM-DD and a real calendar date. */
int text_date_ok(const char *s);
#endif
