/* buf.h — a growable byte buffer, malloc-backed; its owner calls buf_free(). */
#ifndef OPSPLAN_BUF_H
#define OPSPLAN_BUF_H
#include <stddef.h>
#include <stdarg.h>

struct buf { char *p; size_t len, cap; };
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *buf_str(struct buf *b);                        /* NUL-terminated view; "" when empty */
void buf_free(struct buf *b);
#endif
