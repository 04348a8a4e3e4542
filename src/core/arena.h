/* arena.h — the per-request arena: memory that lives until arena_reset(); nothing from it is
 * freed alone. */
#ifndef OPSPLAN_ARENA_H
#define OPSPLAN_ARENA_H
#include <stddef.h>
#include <stdarg.h>

struct arena_block;
struct arena { struct arena_block *head; size_t used_total; };

void *arena_alloc(struct arena *a, size_t n);              /* zeroed, 16-byte aligned */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);        /* NULL in → NULL out */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_reset(struct arena *a);                         /* frees all blocks */

#endif
