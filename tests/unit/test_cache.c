/* Unit tests for cache.c: hits, replacement, least-recently-used eviction, the byte budget. */
#include "unit.h"
#include "cache.h"

static void
hit_and_miss(void)
{
	const char *ct = NULL;
	cache_init(4, 1 << 20);
	CHECK(cache_get("a", &ct) == NULL);
	cache_put("a", "text/html", "<p>a</p>", 8);
	const struct buf *b = cache_get("a", &ct);
	CHECK(b && b->len == 8 && !memcmp(b->p, "<p>a</p>", 8));
	CHECK_STR(ct, "text/html");
	cache_put("a", "text/plain", "A2", 2);             /* same key: replaced */
	b = cache_get("a", &ct);
	CHECK(b && b->len == 2 && !strcmp(ct, "text/plain"));
	cache_init(0, 0);
}

static void
lru_eviction(void)
{
	const char *ct;
	cache_init(3, 1 << 20);
	cache_put("1", "t", "x", 1);
	cache_put("2", "t", "x", 1);
	cache_put("3", "t", "x", 1);
	CHECK(cache_get("1", &ct));                         /* 1 is now the most recent */
	cache_put("4", "t", "x", 1);                        /* evicts 2 */
	CHECK(cache_get("1", &ct) && cache_get("3", &ct) && cache_get("4", &ct));
	CHECK(cache_get("2", &ct) == NULL);
	cache_init(0, 0);
}

static void
byte_budget(void)
{
	const char *ct;
	char big[300];
	memset(big, 'x', sizeof big);
	cache_init(8, 1000);
	cache_put("too-big", "t", big, sizeof big);         /* over a quarter of the budget: not kept */
	CHECK(cache_get("too-big", &ct) == NULL);
	for (int i = 0; i < 8; i++) {
		char k[8];
		snprintf(k, sizeof k, "k%d", i);
		cache_put(k, "t", big, 240);
	}
	int kept = 0;
	for (int i = 0; i < 8; i++) {
		char k[8];
		snprintf(k, sizeof k, "k%d", i);
		kept += cache_get(k, &ct) != NULL;
	}
	CHECK(kept == 4);                                   /* 4 x 240 <= 1000 < 5 x 240 */
	CHECK(cache_get("k7", &ct) != NULL);
	cache_init(0, 0);
}

static void
disabled(void)
{
	const char *ct;
	cache_init(0, 1 << 20);
	cache_put("a", "t", "x", 1);
	CHECK(cache_get("a", &ct) == NULL);
}

int
main(void)
{
	RUN(hit_and_miss);
	RUN(lru_eviction);
	RUN(byte_budget);
	RUN(disabled);
	return unit_done();
}
