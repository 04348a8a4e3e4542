/* csvin.h — reading CSV that people made in Excel (pure): RFC 4180 fields (quotes, doubled
 * quotes, newlines inside quotes), UTF-8 with or without BOM, CRLF or LF, the separator taken from
 * the header line (comma, semicolon or TAB, whichever occurs most outside quotes). Text must be
 * valid UTF-8 of XML characters: a bad byte is reported with its line and column. */
#ifndef OPSPLAN_CSVIN_H
#define OPSPLAN_CSVIN_H
#include <stddef.h>
#include "core/arena.h"
#include "core/buf.h"

struct csvin_row { int line; int ncells; const char **cells; };   /* line: 1-based, of the row's start */
struct csvin_table { int nrows; struct csvin_row *rows; };          /* rows[0] is the header */

/* Parses data into t (memory in a). 0, or -1 with *err_line, *err_col (1-based, col counted in
 * cells) and a message key in *err_key: "csv.error.encoding", "csv.error.quote" (unterminated
 * quoted field), "csv.error.empty", "csv.error.too_many_rows" (max_rows exceeded),
 * "csv.error.cell_too_long" (over 64 KiB). Empty trailing lines are ignored. */
int csvin_read(struct arena *a, const char *data, size_t len, int max_rows, struct csvin_table *t,
	     int *err_line, int *err_col, const char **err_key);
#endif
