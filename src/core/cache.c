/* cache.c — a small LRU of rendered responses per worker (see cache.h). Linear search: the
 * table is small and a string compare is cheaper than the query it saves many times over. */
#include "core/cache.h"
#include <stdlib.h>
#include <string.h>

struct entry { char *key, *rid, *csrf; const char *ctype; struct buf resp; unsigned long long used; };
static struct entry *tab;
static int size;
static size_t budget, bytes;
static unsigned long long tick;

static void
drop(struct entry *e)
{
	bytes -= e->resp.len;
	free(e->key);
	free(e->rid);
	free(e->csrf);
	e->key = e->rid = e->csrf = NULL;
	buf_free(&e->resp);
}

void
cache_init(int entries, size_t max_bytes)
{
	for (int i = 0; i < size; i++)
		if (tab[i].key) drop(&tab[i]);
	free(tab);
	tab = entries > 0 ? calloc((size_t)entries, sizeof *tab) : NULL;
	size = tab ? entries : 0;
	budget = max_bytes;
	bytes = 0;
}

int
cache_get(const char *key, struct cache_page *out)
{
	for (int i = 0; i < size; i++)
		if (tab[i].key && !strcmp(tab[i].key, key)) {
			tab[i].used = ++tick;
			*out = (struct cache_page){ tab[i].ctype, &tab[i].resp, tab[i].rid, tab[i].csrf };
			return 1;
		}
	return 0;
}


void
cache_put(const char *key, const char *ctype, const char *body, size_t len, const char *rid,
	  const char *csrf)
{
	if (!size || len > budget / 2) return;   /* a page up to half the budget (the 1,000-task structure view) */
	struct entry *slot = NULL;
	for (int i = 0; i < size && !slot; i++)
		if (tab[i].key && !strcmp(tab[i].key, key)) slot = &tab[i];
	for (int i = 0; i < size && !slot; i++)
		if (!tab[i].key) slot = &tab[i];
	if (!slot) {                        /* full: the least recently used one */
		slot = &tab[0];
		for (int i = 1; i < size; i++)
			if (tab[i].used < slot->used) slot = &tab[i];
	}
	if (slot->key) drop(slot);
	while (bytes + len > budget) {
		struct entry *old = NULL;
		for (int i = 0; i < size; i++)
			if (tab[i].key && (!old || tab[i].used < old->used)) old = &tab[i];
		if (!old) break;
		drop(old);
	}
	slot->key = strdup(key);
	slot->rid = strdup(rid);
	slot->csrf = strdup(csrf);
	if (!slot->key || !slot->rid || !slot->csrf) {
		free(slot->key);
		free(slot->rid);
		free(slot->csrf);
		slot->key = slot->rid = slot->csrf = NULL;
		return;
	}
	slot->ctype = ctype;
	buf_add(&slot->resp, body, len);
	slot->used = ++tick;
	bytes += len;
}

void
cache_replace(struct buf *b, const char *from, const char *to)
{
	size_t n = strlen(from);
	if (!n || n != strlen(to) || !b->p) return;
	for (char *p = b->p; (p = memmem(p, b->len - (size_t)(p - b->p), from, n)); p += n)
		memcpy(p, to, n);
}
