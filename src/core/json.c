/* json.c — JSON text for audit values and payloads (json.h). */
#include "core/json.h"

void
json_string(struct buf *b, const char *s)
{
	if (!s) { buf_adds(b, "null"); return; }
	buf_addc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '"': buf_adds(b, "\\\""); break;
		case '\\': buf_adds(b, "\\\\"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': buf_adds(b, "\\r"); break;
		case '\t': buf_adds(b, "\\t"); break;
		default:
			if (c < 0x20) buf_addf(b, "\\u%04x", c);
			else buf_addc(b, (char)c);
		}
	}
	buf_addc(b, '"');
}

void
json_open(struct buf *b)
{
	buf_addc(b, '{');
}

static void
json_key(struct buf *b, const char *key)
{
	if (b->len && b->p[b->len - 1] != '{') buf_addc(b, ',');
	json_string(b, key);
	buf_addc(b, ':');
}

void
json_s(struct buf *b, const char *key, const char *value)
{
	json_key(b, key);
	json_string(b, value);
}

void
json_n(struct buf *b, const char *key, double value)
{
	json_key(b, key);
	buf_addf(b, "%.10g", value);
}

void
json_close(struct buf *b)
{
	buf_addc(b, '}');
}
