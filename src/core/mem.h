/* mem.h — per-request arena and a growable byte buffer.
 * The arena hands out memory that lives until arena_reset(); nothing from it is freed alone.
 * struct buf is malloc-backed; its owner calls buf_free(). */
#ifndef OPSPLAN_MEM_H
#define OPSPLAN_MEM_H
#include <stddef.h>
#include <stdarg.h>

struct arena_block;
struct arena { struct arena_block *head; size_t used_total; };

void *arena_alloc(struct arena *a, size_t n);              /* zeroed, 16-byte aligned */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);        /* NULL in → NULL out */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_reset(struct arena *a);                         /* frees all blocks */

struct buf { char *p; size_t len, cap; };
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *buf_str(struct buf *b);                        /* NUL-terminated view; "" when empty */
void buf_free(struct buf *b);
#endif
