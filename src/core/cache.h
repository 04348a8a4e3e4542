/* cache.h — a worker's recently rendered pages (DESIGN §7). Every write appends to the audit
 * chain, so the chain head is a version number of all data: a page rendered for (head, login,
 * Accept-Language, URL, minute) is the same page until one of them changes. Entries are
 * complete responses; the browser still gets no-store. */
#ifndef OPSPLAN_CACHE_H
#define OPSPLAN_CACHE_H
#include "core/arena.h"
#include "core/buf.h"

/* Sets the number of entries (0 turns the cache off) and the byte budget. */
void cache_init(int entries, size_t max_bytes);
/* A cached page: body and content type, and the per-request strings in it (request id and
 * CSRF token) that a hit must replace with its own. */
struct cache_page { const char *ctype; const struct buf *body; const char *rid, *csrf; };
/* 1 and *out filled when key is cached (valid until the next cache_put), else 0. */
int cache_get(const char *key, struct cache_page *out);
/* Stores a copy of a rendered body under key (ctype must be a static string), evicting the
 * least recently used entries to stay within the budget. */
void cache_put(const char *key, const char *ctype, const char *body, size_t len, const char *rid,
	       const char *csrf);
/* Copies body into out with every occurrence of from replaced by to (same length). */
void cache_replace(struct buf *body, const char *from, const char *to);
#endif
