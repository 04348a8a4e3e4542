/* Unit tests for csvin.c: Excel's CSV variants (BOM, CRLF, lone CR, semicolon and TAB separators,
 * quoted cells with quotes, separators and newlines), ragged rows, every error with its line and
 * column, the limits, and the speed of a 500-row file. */
#include "unit.h"
#include "format/csvin.h"
#include <time.h>

struct parsed { int rc, line, col; const char *key; struct csvin_table t; };

static struct parsed
parse_n(struct arena *a, const char *s, size_t n, int max_rows)
{
	struct parsed p;
	p.rc = csvin_read(a, s, n, max_rows, &p.t, &p.line, &p.col, &p.key);
	return p;
}

#define PARSE(a, s) parse_n(a, s, sizeof(s) - 1, 1000)

static void
plain_lf(void)
{
	struct arena a = {0};
	struct parsed p = PARSE(&a, "Name,Owner\nBackup,zhang\nRestore,li\n");
	CHECK(p.rc == 0);
	CHECK(p.t.nrows == 3);
	CHECK(p.t.rows[0].line == 1 && p.t.rows[0].ncells == 2);
	CHECK_STR(p.t.rows[0].cells[0], "Name");
	CHECK_STR(p.t.rows[2].cells[1], "li");
	CHECK(p.t.rows[2].line == 3);
	arena_reset(&a);
}

static void
bom_crlf_semicolon(void)
{
	struct arena a = {0};
	struct parsed p = PARSE(&a, "\xEF\xBB\xBF任务名称;负责人;描述\r\n备份数据库;张伟;a,b\r\n切换;李娜;\r\n");
	CHECK(p.rc == 0);
	CHECK(p.t.nrows == 3);
	CHECK(p.t.rows[0].ncells == 3);
	CHECK_STR(p.t.rows[0].cells[0], "任务名称");       /* BOM gone */
	CHECK_STR(p.t.rows[1].cells[2], "a,b");            /* comma is text with ; as separator */
	CHECK_STR(p.t.rows[2].cells[2], "");
	CHECK(p.t.rows[2].line == 3);
	arena_reset(&a);
}

static void
tab_and_lone_cr(void)
{
	struct arena a = {0};
	struct parsed p = PARSE(&a, "Name\tOwner\tNote\rA\tx\ty,z\rB\t\t\r");
	CHECK(p.rc == 0);
	CHECK(p.t.nrows == 3);
	CHECK_STR(p.t.rows[1].cells[2], "y,z");
	CHECK(p.t.rows[2].line == 3 && p.t.rows[2].ncells == 3);
	CHECK_STR(p.t.rows[2].cells[1], "");
	arena_reset(&a);
}

static void
separator_detection(void)
{
	struct arena a = {0};
	struct parsed p = PARSE(&a, "\"a,b,c\";d;e\nx;y\n");      /* commas inside quotes do not count */
	CHECK(p.rc == 0 && p.t.rows[0].ncells == 3);
	CHECK_STR(p.t.rows[0].cells[0], "a,b,c");
	p = PARSE(&a, "Name\nx,y\n");                            /* none: comma */
	CHECK(p.rc == 0 && p.t.rows[0].ncells == 1 && p.t.rows[1].ncells == 2);
	p = PARSE(&a, "a,b;c;d\n");                              /* most frequent wins */
	CHECK(p.rc == 0 && p.t.rows[0].ncells == 3);
	CHECK_STR(p.t.rows[0].cells[0], "a,b");
	p = PARSE(&a, "a\tb,c\td\n");
	CHECK(p.rc == 0 && p.t.rows[0].ncells == 3);
	arena_reset(&a);
}

static void
quoted_cells(void)
{
	struct arena a = {0};
	struct parsed p = PARSE(&a,
		"Name,Description,Owner\r\n"
		"\"Backup, full\",\"He said \"\"stop\"\"\r\nthen \"\"go\"\"\",zhang\r\n"
		"\"\",\"line1\nline2\rline3\",\"\"\"\"\r\n"
		"\"ab\"cd,x\"y\"z,\r\n"
		"last,row,here");
	CHECK(p.rc == 0);
	CHECK(p.t.nrows == 5);
	CHECK_STR(p.t.rows[1].cells[0], "Backup, full");
	CHECK_STR(p.t.rows[1].cells[1], "He said \"stop\"\nthen \"go\"");
	CHECK_STR(p.t.rows[1].cells[2], "zhang");
	CHECK(p.t.rows[1].line == 2);
	CHECK(p.t.rows[2].line == 4);                         /* the row starts on the line after */
	CHECK_STR(p.t.rows[2].cells[0], "");
	CHECK_STR(p.t.rows[2].cells[1], "line1\nline2\nline3");
	CHECK_STR(p.t.rows[2].cells[2], "\"");
	CHECK(p.t.rows[3].line == 7);
	CHECK_STR(p.t.rows[3].cells[0], "abcd");               /* text after the closing quote kept */
	CHECK_STR(p.t.rows[3].cells[1], "x\"y\"z");            /* quotes inside an unquoted cell */
	CHECK(p.t.rows[3].ncells == 3);
	CHECK_STR(p.t.rows[3].cells[2], "");
	CHECK(p.t.rows[4].line == 8);                         /* no final line break */
	CHECK_STR(p.t.rows[4].cells[2], "here");
	arena_reset(&a);
}

static void
ragged_and_blank_lines(void)
{
	struct arena a = {0};
	struct parsed p = PARSE(&a, "\r\nA,B,C\r\n1\r\n\r\n1,2,3,4,5\r\n,,\r\n\r\n\r\n");
	CHECK(p.rc == 0);
	CHECK(p.t.nrows == 4);
	CHECK(p.t.rows[0].line == 2);
	CHECK(p.t.rows[1].ncells == 1 && p.t.rows[1].line == 3);
	CHECK(p.t.rows[2].ncells == 5 && p.t.rows[2].line == 5);
	CHECK(p.t.rows[3].ncells == 3 && p.t.rows[3].line == 6);
	CHECK_STR(p.t.rows[3].cells[2], "");
	arena_reset(&a);
}

static void
encoding_errors(void)
{
	struct arena a = {0};
	struct parsed p = PARSE(&a, "Name,Owner\nok,张伟\nfine,bad\xFF" "byte\n");
	CHECK(p.rc == -1);
	CHECK_STR(p.key, "csv.error.encoding");
	CHECK(p.line == 3 && p.col == 2);
	p = PARSE(&a, "Name,Desc\n\"a\nb\",\"one\ntwo\nthr\xC0\xAF" "ee\"\n");   /* overlong, 3rd line of the cell */
	CHECK(p.rc == -1 && p.line == 5 && p.col == 2);
	CHECK_STR(p.key, "csv.error.encoding");
	p = PARSE(&a, "Name\nx\x01y\n");                      /* control character */
	CHECK(p.rc == -1 && p.line == 2 && p.col == 1);
	CHECK_STR(p.key, "csv.error.encoding");
	p = PARSE(&a, "Name,Other\na,b\0c\n");                /* NUL */
	CHECK(p.rc == -1 && p.line == 2 && p.col == 2);
	p = PARSE(&a, "Na\xE4\xB8me\n");                       /* truncated sequence in the header */
	CHECK(p.rc == -1 && p.line == 1 && p.col == 1);
	p = PARSE(&a, "Name\n\"tab\tcr\rlf\nok\"\nplain\ttab\n");   /* TAB, CR, LF are fine */
	CHECK(p.rc == 0);
	arena_reset(&a);
}

static void
quote_error(void)
{
	struct arena a = {0};
	struct parsed p = PARSE(&a, "Name,Desc\nA,B\nC,\"never\nclosed\n");
	CHECK(p.rc == -1);
	CHECK_STR(p.key, "csv.error.quote");
	CHECK(p.line == 3 && p.col == 2);
	arena_reset(&a);
}

static void
empty_files(void)
{
	struct arena a = {0};
	struct parsed p = PARSE(&a, "");
	CHECK(p.rc == -1);
	CHECK_STR(p.key, "csv.error.empty");
	p = PARSE(&a, "\xEF\xBB\xBF");
	CHECK(p.rc == -1);
	CHECK_STR(p.key, "csv.error.empty");
	p = PARSE(&a, "\r\n\r\n\n");
	CHECK(p.rc == -1);
	CHECK_STR(p.key, "csv.error.empty");
	p = PARSE(&a, "Name\r\n");                            /* a header alone is a table */
	CHECK(p.rc == 0 && p.t.nrows == 1);
	arena_reset(&a);
}

static void
too_many_rows(void)
{
	struct arena a = {0};
	const char s[] = "Name\na\nb\n\nc\n";
	struct parsed p = parse_n(&a, s, sizeof s - 1, 3);
	CHECK(p.rc == 0 && p.t.nrows == 4);
	p = parse_n(&a, s, sizeof s - 1, 2);
	CHECK(p.rc == -1);
	CHECK_STR(p.key, "csv.error.too_many_rows");
	CHECK(p.line == 5);
	arena_reset(&a);
}

static void
cell_too_long(void)
{
	struct arena a = {0};
	size_t big = 65536;
	char *s = malloc(big + 64);
	int n = snprintf(s, 64, "Name,Desc\nx,\"");
	memset(s + n, 'a', big);
	memcpy(s + n + big, "\"\n", 2);
	struct parsed p = parse_n(&a, s, (size_t)n + big + 2, 10);
	CHECK(p.rc == 0);
	CHECK(strlen(p.t.rows[1].cells[1]) == big);
	s[n + big] = 'a';                                     /* one byte more, the quote moved on */
	memcpy(s + n + big + 1, "\"\n", 2);
	p = parse_n(&a, s, (size_t)n + big + 3, 10);
	CHECK(p.rc == -1);
	CHECK_STR(p.key, "csv.error.cell_too_long");
	CHECK(p.line == 2 && p.col == 2);
	free(s);
	arena_reset(&a);
}

static void
speed_500_rows(void)
{
	struct buf b = {0};
	buf_adds(&b, "\xEF\xBB\xBFWBS,任务名称,负责人,估算工时,计划开始,计划完成,描述\r\n");
	for (int i = 1; i <= 500; i++)
		buf_addf(&b, "%d.%d.%d,数据库迁移任务第%d项,张伟,8,2026/3/%d,2026-03-%02d,\"说明, 含逗号\"\r\n",
			 i / 60 + 1, i / 6 % 10 + 1, i % 6 + 1, i, i % 28 + 1, i % 28 + 1);
	struct arena a = {0};
	struct timespec t0, t1;
	int runs = 200, ok = 1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int r = 0; r < runs; r++) {
		struct parsed p = parse_n(&a, b.p, b.len, 1000);
		ok = ok && p.rc == 0 && p.t.nrows == 501;
		arena_reset(&a);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double us = ((double)(t1.tv_sec - t0.tv_sec) * 1e6 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e3) / runs;
	printf("# csv_read: 500 rows (%zu bytes) in %.1f us\n", b.len, us);
	CHECK(ok);          /* the time is a figure to read, not a check: a loaded machine is no failure */
	buf_free(&b);
}

int
main(void)
{
	RUN(plain_lf);
	RUN(bom_crlf_semicolon);
	RUN(tab_and_lone_cr);
	RUN(separator_detection);
	RUN(quoted_cells);
	RUN(ragged_and_blank_lines);
	RUN(encoding_errors);
	RUN(quote_error);
	RUN(empty_files);
	RUN(too_many_rows);
	RUN(cell_too_long);
	RUN(speed_500_rows);
	return unit_done();
}
