/* cache.c — a small LRU of rendered responses per worker (see cache.h). Linear search: the
 * table is small and a string compare is cheaper than the query it saves many times over. */
#include "cache.h"
#include <stdlib.h>
#include <string.h>

struct entry { char *key; const char *ctype; struct buf resp; unsigned long long used; };
static struct entry *tab;
static int size;
static size_t budget, bytes;
static unsigned long long tick;

void
cache_init(int entries, size_t max_bytes)
{
	for (int i = 0; i < size; i++) {
		free(tab[i].key);
		buf_free(&tab[i].resp);
	}
	free(tab);
	tab = entries > 0 ? calloc((size_t)entries, sizeof *tab) : NULL;
	size = tab ? entries : 0;
	budget = max_bytes;
	bytes = 0;
}

const struct buf *
cache_get(const char *key, const char **ctype)
{
	for (int i = 0; i < size; i++)
		if (tab[i].key && !strcmp(tab[i].key, key)) {
			tab[i].used = ++tick;
			*ctype = tab[i].ctype;
			return &tab[i].resp;
		}
	return NULL;
}

static void
drop(struct entry *e)
{
	bytes -= e->resp.len;
	free(e->key);
	e->key = NULL;
	buf_free(&e->resp);
}

void
cache_put(const char *key, const char *ctype, const char *body, size_t len)
{
	if (!size || len > budget / 4) return;
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
	if (!slot->key) return;
	slot->ctype = ctype;
	buf_add(&slot->resp, body, len);
	slot->used = ++tick;
	bytes += len;
}
