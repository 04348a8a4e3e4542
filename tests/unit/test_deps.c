/* Unit tests for deps.c: MS Project link notation in and out. */
#include "unit.h"
#include "engine/deps.h"

static int
parse(struct arena *a, const char *s, struct dep **d, const char **err)
{
	int pos;
	return deps_parse(a, s, 480, d, err, &pos);
}

static void
types_and_lags(void)
{
	struct arena a = {0};
	struct dep *d;
	const char *err = NULL;
	CHECK(parse(&a, "12FS+2d;15SS;1.2.3ff-4h ; 7sf+1w, 8FS+30m", &d, &err) == 5);
	CHECK_STR(d[0].ref, "12");
	CHECK(d[0].type == DEP_FS && d[0].lag_minutes == 960);
	CHECK(d[1].type == DEP_SS && d[1].lag_minutes == 0);
	CHECK_STR(d[2].ref, "1.2.3");
	CHECK(d[2].type == DEP_FF && d[2].lag_minutes == -240);
	CHECK(d[3].type == DEP_SF && d[3].lag_minutes == 2400);
	CHECK(d[4].lag_minutes == 30);
	CHECK(parse(&a, "3", &d, &err) == 1 && d[0].type == DEP_FS && d[0].lag_minutes == 0);
	CHECK(parse(&a, "3+2", &d, &err) == 1 && d[0].lag_minutes == 960);          /* default unit: days */
	CHECK(parse(&a, "3FS+1.5d", &d, &err) == 1 && d[0].lag_minutes == 720);
	CHECK(parse(&a, "3FS+2ed", &d, &err) == 1 && d[0].elapsed && d[0].lag_minutes == 2880);
	CHECK(parse(&a, "", &d, &err) == 0);
	CHECK(parse(&a, "2；3，4", &d, &err) == 3);                                  /* full-width separators */
	arena_reset(&a);
}

static void
refused(void)
{
	struct arena a = {0};
	struct dep *d;
	const char *err = NULL;
	int pos = -1;
	CHECK(deps_parse(&a, "12XX", 480, &d, &err, &pos) == -1 && !strcmp(err, "deps.error.syntax"));
	CHECK(deps_parse(&a, "1;.2", 480, &d, &err, &pos) == -1 && pos == 2);
	CHECK(parse(&a, "1..2", &d, &err) == -1);
	CHECK(parse(&a, "1FS+", &d, &err) == -1 && !strcmp(err, "deps.error.lag"));
	CHECK(parse(&a, "1FS+2y", &d, &err) == -1 && !strcmp(err, "deps.error.unit"));
	CHECK(parse(&a, "2;2SS", &d, &err) == -1 && !strcmp(err, "deps.error.duplicate"));
	CHECK(parse(&a, "abc", &d, &err) == -1);
	arena_reset(&a);
}

static void
canonical_text(void)
{
	struct arena a = {0};
	struct dep *d;
	const char *err;
	struct buf b = {0};
	int n = parse(&a, " 12fs + 2d ; 15ss ; 4FF-240m; 9SF+5d; 3FS+2ed; 6FS+90m", &d, &err);
	CHECK(n == 6);
	deps_format(d, n, 480, &b);
	CHECK_STR(buf_str(&b), "12FS+2d;15SS;4FF-4h;9SF+1w;3FS+2ed;6FS+90m");
	buf_free(&b);
	arena_reset(&a);
}

int
main(void)
{
	RUN(types_and_lags);
	RUN(refused);
	RUN(canonical_text);
	return unit_done();
}
