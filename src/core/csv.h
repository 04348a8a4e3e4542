/* csv.h — CSV for people: opens in Excel (UTF-8 with BOM, CRLF rows, RFC 4180 quoting) and a
 * cell starting with = + - @ (or TAB/CR) is prefixed with ' so it is never run as a formula. */
#ifndef OPSPLAN_CSV_H
#define OPSPLAN_CSV_H
#include "core/arena.h"
#include "core/buf.h"

void csv_bom(struct buf *b);
/* Appends one cell; first: no separator before it. NULL is an empty cell. */
void csv_cell(struct buf *b, const char *s, int first);
void csv_end(struct buf *b);
#endif
