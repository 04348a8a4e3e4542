/* unit.h — the smallest test harness: CHECK() records a failure with its line, RUN() prints
 * "ok NAME" or "FAIL NAME" per test, unit_done() prints the totals and gives the exit status. */
#ifndef OPSPLAN_UNIT_H
#define OPSPLAN_UNIT_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_checks_failed, unit_tests_passed, unit_tests_failed;

#define CHECK(cond) do { if (!(cond)) { \
	printf("  check failed at %s:%d: %s\n", __FILE__, __LINE__, #cond); unit_checks_failed++; } } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); if (!a_ || !b_ || strcmp(a_, b_)) { \
	printf("  check failed at %s:%d: %s == \"%s\", got \"%s\"\n", __FILE__, __LINE__, #a, b_ ? b_ : "(null)", a_ ? a_ : "(null)"); \
	unit_checks_failed++; } } while (0)
#define RUN(fn) do { int before_ = unit_checks_failed; fn(); \
	if (unit_checks_failed == before_) { unit_tests_passed++; printf("ok %s\n", #fn); } \
	else { unit_tests_failed++; printf("FAIL %s\n", #fn); } } while (0)

static int
unit_done(void)
{
	printf("# %d passed, %d failed\n", unit_tests_passed, unit_tests_failed);
	return unit_tests_failed ? 1 : 0;
}
#endif
