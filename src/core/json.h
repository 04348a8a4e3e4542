/* json.h — JSON text for audit values and notification payloads, built into a struct buf. */
#ifndef OPSPLAN_JSON_H
#define OPSPLAN_JSON_H
#include "core/buf.h"

/* Appends s as a JSON string literal (with quotes); NULL appends null. */
void json_string(struct buf *b, const char *s);
/* A JSON object for audit values, built field by field: json_open, json_s/json_n..., json_close. */
void json_open(struct buf *b);
void json_s(struct buf *b, const char *key, const char *value);   /* NULL value → null */
void json_n(struct buf *b, const char *key, double value);
void json_close(struct buf *b);
#endif
