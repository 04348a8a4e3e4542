/* csv.c — CSV writing (see csv.h). */
#include "core/csv.h"
#include <string.h>

void
csv_bom(struct buf *b)
{
	buf_adds(b, "\xEF\xBB\xBF");
}

void
csv_cell(struct buf *b, const char *s, int first)
{
	if (!first) buf_addc(b, ',');
	if (!s) return;
	int formula = *s && strchr("=+-@\t\r", *s);
	int quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (quote) buf_addc(b, '"');
	if (formula) buf_addc(b, '\'');
	for (; *s; s++) {
		if (*s == '"') buf_addc(b, '"');
		buf_addc(b, *s);
	}
	if (quote) buf_addc(b, '"');
}

void
csv_end(struct buf *b)
{
	buf_adds(b, "\r\n");
}
