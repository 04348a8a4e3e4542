/* Unit tests for cache.c: hits, replacement, least-recently-used eviction, the byte budget. */
#include "unit.h"
#include "core/cache.h"

static void
hit_and_miss(void)
{
	struct cache_page pg;
	cache_init(4, 1 << 20);
	CHECK(!cache_get("a", &pg));
	cache_put("a", "text/html", "<p>a</p>", 8, "rid1", "tok1");
	CHECK(cache_get("a", &pg) && pg.body->len == 8 && !memcmp(pg.body->p, "<p>a</p>", 8));
	CHECK_STR(pg.ctype, "text/html");
	CHECK_STR(pg.rid, "rid1");
	CHECK_STR(pg.csrf, "tok1");
	cache_put("a", "text/plain", "A2", 2, "rid2", "tok2");   /* same key: replaced */
	CHECK(cache_get("a", &pg) && pg.body->len == 2 && !strcmp(pg.ctype, "text/plain"));
	cache_init(0, 0);
}

static void
per_request_strings(void)
{
	struct buf b = {0};
	buf_adds(&b, "<i>0123456789abcdef</i><input value=\"111.aaaa\"><b>0123456789abcdef</b>");
	cache_replace(&b, "0123456789abcdef", "fedcba9876543210");
	cache_replace(&b, "111.aaaa", "222.bbbb");
	CHECK_STR(buf_str(&b), "<i>fedcba9876543210</i><input value=\"222.bbbb\"><b>fedcba9876543210</b>");
	cache_replace(&b, "222.bbbb", "short");        /* lengths differ: left alone */
	CHECK(strstr(buf_str(&b), "222.bbbb"));
	buf_free(&b);
}

static void
lru_eviction(void)
{
	struct cache_page pg;
	cache_init(3, 1 << 20);
	cache_put("1", "t", "x", 1, "r", "c");
	cache_put("2", "t", "x", 1, "r", "c");
	cache_put("3", "t", "x", 1, "r", "c");
	CHECK(cache_get("1", &pg));                         /* 1 is now the most recent */
	cache_put("4", "t", "x", 1, "r", "c");                        /* evicts 2 */
	CHECK(cache_get("1", &pg) && cache_get("3", &pg) && cache_get("4", &pg));
	CHECK(!cache_get("2", &pg));
	cache_init(0, 0);
}

static void
byte_budget(void)
{
	struct cache_page pg;
	char big[600];
	memset(big, 'x', sizeof big);
	cache_init(8, 1000);
	cache_put("too-big", "t", big, sizeof big, "r", "c");         /* over half the budget: not kept */
	CHECK(!cache_get("too-big", &pg));
	cache_put("half", "t", big, 500, "r", "c");                    /* half of it is */
	CHECK(cache_get("half", &pg));
	for (int i = 0; i < 8; i++) {
		char k[16];
		snprintf(k, sizeof k, "k%d", i);
		cache_put(k, "t", big, 240, "r", "c");
	}
	int kept = 0;
	for (int i = 0; i < 8; i++) {
		char k[16];
		snprintf(k, sizeof k, "k%d", i);
		kept += cache_get(k, &pg);
	}
	CHECK(kept == 4);                                   /* 4 x 240 <= 1000 < 5 x 240 */
	CHECK(cache_get("k7", &pg));
	cache_init(0, 0);
}

static void
disabled(void)
{
	struct cache_page pg;
	cache_init(0, 1 << 20);
	cache_put("a", "t", "x", 1, "r", "c");
	CHECK(!cache_get("a", &pg));
}

int
main(void)
{
	RUN(hit_and_miss);
	RUN(per_request_strings);
	RUN(lru_eviction);
	RUN(byte_budget);
	RUN(disabled);
	return unit_done();
}
