/* mspdi_fixture.h — test helper: reads a file of ../shared/fixtures/mspdi/ (from the repository
 * root, where tests run; OPSPLAN_FIXTURES names another directory holding the same files). */
#ifndef OPSPLAN_TEST_MSPDI_FIXTURE_H
#define OPSPLAN_TEST_MSPDI_FIXTURE_H
#include <stdio.h>
#include <stdlib.h>

#define FIXTURES "../shared/fixtures/mspdi"

/* The whole file dir/name in a malloc'd buffer (NUL-terminated), its length in *len, or NULL. */
static char *
slurp(const char *name, size_t *len)
{
	const char *dir = getenv("OPSPLAN_FIXTURES") ? getenv("OPSPLAN_FIXTURES") : FIXTURES;
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	if (!f) { printf("  cannot open %s\n", path); return NULL; }
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *p = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!p) { fclose(f); return NULL; }
	*len = fread(p, 1, (size_t)n, f);
	p[*len] = 0;
	fclose(f);
	return p;
}
#endif
