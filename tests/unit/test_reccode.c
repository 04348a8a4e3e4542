/* test_reccode.c — the change record's verification code: the first 12 hex digits of the row
 * hash, upper case, grouped 4-4-4; matching ignores case, hyphens and spaces and refuses
 * anything that is not 12 hex digits. */
#include "unit.h"
#include "engine/reccode.h"

static const char H[] = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";

static void
test_code(void)
{
	char c[15];
	CHECK(reccode_make(H, c) == 0);
	CHECK_STR(c, "A1B2-C3D4-E5F6");
	CHECK(reccode_make("a1b2", c) == -1);
	CHECK_STR(c, "");
	CHECK(reccode_make(NULL, c) == -1);
	char bad[65];
	memcpy(bad, H, sizeof bad);
	bad[40] = 'g';
	CHECK(reccode_make(bad, c) == -1);
}

static void
test_match(void)
{
	CHECK(reccode_match("A1B2-C3D4-E5F6", "A1B2-C3D4-E5F6"));
	CHECK(reccode_match("a1b2c3d4e5f6", "A1B2-C3D4-E5F6"));
	CHECK(reccode_match(" a1b2 c3d4-e5f6 ", "A1B2-C3D4-E5F6"));
	CHECK(!reccode_match("A1B2-C3D4-E5F7", "A1B2-C3D4-E5F6"));
	CHECK(!reccode_match("A1B2-C3D4-E5F", "A1B2-C3D4-E5F6"));
	CHECK(!reccode_match("A1B2-C3D4-E5F60", "A1B2-C3D4-E5F6"));
	CHECK(!reccode_match("A1B2-C3D4-E5FZ", "A1B2-C3D4-E5F6"));
	CHECK(!reccode_match("", ""));
	CHECK(!reccode_match(NULL, "A1B2-C3D4-E5F6"));
}

int
main(void)
{
	RUN(test_code);
	RUN(test_match);
	return unit_done();
}
