/* csvin.c — reading CSV that people made in Excel (see csvin.h). One pass over the bytes after a
 * look at the header line for the separator; every cell is copied once into a single arena buffer
 * (never longer than the input, since each cell's NUL takes the place of the byte that ended it).
 * Line breaks inside quoted fields come out as LF. Blank lines (no bytes at all between two line
 * breaks) are not rows, wherever they are; a line of separators only is a row of empty cells. */
#include "format/csvin.h"
#include "core/text.h"
#include <string.h>

#define CSV_CELL_MAX 65536

/* The separator of the header line at p: comma, semicolon or TAB, whichever occurs most outside
 * quotes (ties in that order; comma when none occurs). A quote opens a field only at its start. */
static char
csv_separator(const char *p, const char *end)
{
	int n_comma = 0, n_semi = 0, n_tab = 0, quoted = 0, field_start = 1;
	for (; p < end; p++) {
		char c = *p;
		if (quoted) {
			if (c == '"') {
				if (p + 1 < end && p[1] == '"') p++;
				else quoted = 0;
			}
			continue;
		}
		if (c == '\r' || c == '\n') break;
		if (c == '"' && field_start) { quoted = 1; field_start = 0; continue; }
		field_start = c == ',' || c == ';' || c == '\t';
		n_comma += c == ',';
		n_semi += c == ';';
		n_tab += c == '\t';
	}
	if (n_semi > n_comma && n_semi >= n_tab) return ';';
	if (n_tab > n_comma && n_tab > n_semi) return '\t';
	return ',';
}

/* Offset of the first byte of s[0..n) that fails text_xml_ok, found one character at a time. */
static size_t
csv_bad_offset(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t l = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		if (l > n - i) l = n - i;
		if (!text_xml_ok(s + i, l)) return i;
		i += l;
	}
	return n;
}

int
csvin_read(struct arena *a, const char *data, size_t len, int max_rows, struct csvin_table *t,
	 int *err_line, int *err_col, const char **err_key)
{
	if (!data) data = "", len = 0;
	const char *p = data, *end = data + len;
	int line = 1;
	t->nrows = 0;
	t->rows = NULL;
	*err_line = 0;
	*err_col = 0;
	*err_key = NULL;
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) p += 3;
	while (p < end && (*p == '\r' || *p == '\n')) {   /* blank lines before the header */
		if (*p == '\r' && p + 1 < end && p[1] == '\n') p++;
		p++;
		line++;
	}
	char sep = csv_separator(p, end);

	char *out = arena_alloc(a, (size_t)(end - p) + 2), *w = out;
	int rcap = 64, ccap = 16;
	struct csvin_row *rows = arena_alloc(a, sizeof *rows * (size_t)rcap);
	const char **cells = arena_alloc(a, sizeof *cells * (size_t)ccap);
	int nrows = 0;

	while (p < end) {
		if (*p == '\r' || *p == '\n') {                /* a blank line is not a row */
			if (*p == '\r' && p + 1 < end && p[1] == '\n') p++;
			p++;
			line++;
			continue;
		}
		if (max_rows >= 0 && nrows > max_rows) {        /* the header plus max_rows rows are in */
			*err_line = line;
			*err_key = "csv.error.too_many_rows";
			return -1;
		}
		int row_line = line, ncells = 0;
		for (;;) {
			int cell_line = line;
			char *w0 = w;
			if (p < end && *p == '"') {
				p++;
				for (;;) {
					if (p == end) {
						*err_line = cell_line;
						*err_col = ncells + 1;
						*err_key = "csv.error.quote";
						return -1;
					}
					char c = *p++;
					if (c == '"') {
						if (p < end && *p == '"') { *w++ = '"'; p++; continue; }
						break;
					}
					if (c == '\r' || c == '\n') {
						if (c == '\r' && p < end && *p == '\n') p++;
						line++;
						c = '\n';
					}
					*w++ = c;
				}
			}
			/* an unquoted field, or text after a closing quote: taken as it is (as Excel does) */
			const char *s = p;
			while (p < end && *p != sep && *p != '\n' && *p != '\r') p++;
			memcpy(w, s, (size_t)(p - s));
			w += p - s;
			size_t n = (size_t)(w - w0);
			if (n > CSV_CELL_MAX) {
				*err_line = cell_line;
				*err_col = ncells + 1;
				*err_key = "csv.error.cell_too_long";
				return -1;
			}
			if (!text_xml_ok(w0, n)) {
				size_t bad = csv_bad_offset(w0, n);
				int l = cell_line;
				for (size_t i = 0; i < bad; i++) l += w0[i] == '\n';
				*err_line = l;
				*err_col = ncells + 1;
				*err_key = "csv.error.encoding";
				return -1;
			}
			*w++ = 0;
			if (ncells == ccap) {
				const char **nc = arena_alloc(a, sizeof *nc * (size_t)ccap * 2);
				memcpy(nc, cells, sizeof *nc * (size_t)ccap);
				cells = nc;
				ccap *= 2;
			}
			cells[ncells++] = w0;
			if (p < end && *p == sep) { p++; continue; }
			break;
		}
		if (p < end) {                                  /* the line break that ends the row */
			if (*p == '\r' && p + 1 < end && p[1] == '\n') p++;
			p++;
			line++;
		}
		if (nrows == rcap) {
			struct csvin_row *nr = arena_alloc(a, sizeof *nr * (size_t)rcap * 2);
			memcpy(nr, rows, sizeof *nr * (size_t)rcap);
			rows = nr;
			rcap *= 2;
		}
		struct csvin_row *r = &rows[nrows++];
		r->line = row_line;
		r->ncells = ncells;
		r->cells = arena_alloc(a, sizeof *r->cells * (size_t)ncells);
		memcpy(r->cells, cells, sizeof *r->cells * (size_t)ncells);
	}
	if (!nrows) {
		*err_line = 1;
		*err_key = "csv.error.empty";
		return -1;
	}
	t->nrows = nrows;
	t->rows = rows;
	return 0;
}
