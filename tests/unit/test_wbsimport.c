/* Unit tests for wbsimport.c, fed through csvin_read: every field and its defaults, English and
 * Chinese headers, every problem key with its row and column, the two ways of giving the tree
 * (WBS numbers, indentation), owners and categories through callbacks, and a 500-row file. */
#include "unit.h"
#include "format/wbsimport.h"

/* Users: login and display name; two people are called 王芳, so that name is ambiguous. */
static const char *const users[][2] = {
	{ "zhangwei", "张伟" }, { "lina", "李娜" }, { "wangf1", "王芳" }, { "wangf2", "王芳" }, { "ops.bot", "Ops Bot" },
};

static const char *
owner_fn(void *arg, const char *s)
{
	int *calls = arg, hits = 0;
	const char *login = NULL;
	++*calls;
	for (size_t i = 0; i < sizeof users / sizeof *users; i++) {
		if (!strcmp(s, users[i][0])) return users[i][0];
		if (!strcmp(s, users[i][1])) { login = users[i][0]; hits++; }
	}
	return hits == 1 ? login : NULL;
}

static const char *const cats[][3] = {
	{ "preparation", "准备", "Preparation" }, { "implementation", "实施", "Implementation" },
	{ "verification", "验证", "Verification" },
};

static const char *
category_fn(void *arg, const char *s)
{
	(void)arg;
	for (size_t i = 0; i < sizeof cats / sizeof *cats; i++)
		for (int j = 0; j < 3; j++)
			if (!strcmp(s, cats[i][j])) return cats[i][0];
	return NULL;
}

struct result {
	int rc, ntasks, nproblems;
	struct wbsimport_task *tasks;
	struct wbsimport_problem *problems;
};

static int owner_calls;

static struct result
import_n(struct arena *a, const char *csv, size_t n)
{
	struct result r = { -99, 0, 0, NULL, NULL };
	struct csvin_table t;
	int line, col;
	const char *key;
	if (csvin_read(a, csv, n, 10000, &t, &line, &col, &key)) {
		printf("  csv_read failed: %s at %d:%d\n", key, line, col);
		return r;
	}
	r.rc = wbsimport_parse(a, &t, owner_fn, &owner_calls, category_fn, NULL, &r.tasks, &r.ntasks,
			  &r.problems, &r.nproblems);
	return r;
}

#define IMPORT(a, s) import_n(a, s, sizeof(s) - 1)

/* 1 when r has the problem (row, column, key, value); prints what it has when not. */
static int
has(const struct result *r, int row, const char *column, const char *key, const char *value)
{
	for (int i = 0; i < r->nproblems; i++) {
		const struct wbsimport_problem *p = &r->problems[i];
		if (p->row == row && !strcmp(p->column, column) && !strcmp(p->key, key) &&
		    (!value || !strcmp(p->value, value)))
			return 1;
	}
	printf("  missing problem %d/%s/%s/%s; have:\n", row, column, key, value ? value : "*");
	for (int i = 0; i < r->nproblems; i++)
		printf("    %d/%s/%s/%s\n", r->problems[i].row, r->problems[i].column, r->problems[i].key,
		       r->problems[i].value);
	return 0;
}

static void
all_fields(void)
{
	struct arena a = {0};
	struct result r = IMPORT(&a,
		"WBS,Name,Owner,Estimate (h),Duration (d),Start,Finish,Priority,Status,Milestone,Percent,Category,Predecessors,Description\n"
		"1,Cut-over,张伟,16,2,2026-03-02,2026/3/3,P1,In progress,是,50%,实施,,\"Main, \"\"big\"\" step\nsecond line\"\n"
		"1.1, Stop app ,lina,1.5,0.5,2026/3/2,2026-3-2,2,done,no,,verification,1FS+2d;3SS,\n"
		"1.2,Backup,,,,,,,,,,,,\n");
	CHECK(r.rc == 0 && r.nproblems == 0 && r.ntasks == 3);
	struct wbsimport_task *t = r.tasks;
	CHECK(t[0].row == 2 && t[0].parent == -1 && t[0].level == 0);
	CHECK_STR(t[0].name, "Cut-over");
	CHECK_STR(t[0].owner, "zhangwei");
	CHECK(t[0].estimate == 16 && t[0].duration == 2);
	CHECK(t[0].start == 20514 && t[0].finish == 20515);   /* 2026-03-02, 2026-03-03 */
	CHECK(t[0].priority == 1 && t[0].milestone == 1 && t[0].percent == 50);
	CHECK_STR(t[0].status, "in_progress");
	CHECK_STR(t[0].category, "implementation");
	CHECK_STR(t[0].predecessors, "");
	CHECK_STR(t[0].description, "Main, \"big\" step\nsecond line");
	CHECK(t[1].row == 4 && t[1].parent == 0 && t[1].level == 1);
	CHECK_STR(t[1].name, "Stop app");
	CHECK_STR(t[1].owner, "lina");
	CHECK(t[1].estimate == 1.5 && t[1].duration == 0.5);
	CHECK(t[1].start == 20514 && t[1].finish == 20514);
	CHECK(t[1].priority == 2 && t[1].milestone == 0);
	CHECK_STR(t[1].status, "done");
	CHECK(t[1].percent == 100);                          /* done with no percent */
	CHECK_STR(t[1].category, "verification");
	CHECK_STR(t[1].predecessors, "1FS+2d;3SS");
	/* defaults */
	CHECK(t[2].row == 5 && t[2].parent == 0 && t[2].level == 1);
	CHECK(t[2].owner == NULL);
	CHECK(t[2].estimate == 0 && t[2].duration == 0 && t[2].percent == 0);
	CHECK(t[2].start == -1 && t[2].finish == -1);
	CHECK(t[2].priority == 3 && t[2].milestone == 0);
	CHECK_STR(t[2].status, "not_started");
	CHECK_STR(t[2].category, "");
	CHECK_STR(t[2].description, "");
	arena_reset(&a);
}

static void
chinese_headers(void)
{
	struct arena a = {0};
	struct result r = IMPORT(&a,
		"\xEF\xBB\xBF大纲编号;任务名称;负责人;工时（h）;工期(天);计划开始;计划结束;优先级;状态;里程碑;进度;类别;前置任务;说明\r\n"
		"1;数据中心搬迁;王芳;;;;;p4;已完成;否;80 %;准备;;\r\n"
		"1.1;\xE3\x80\x80拆机\xE3\x80\x80;ops.bot;4;1;2026/12/31;2027/1/4;4;受阻;Y;0;Preparation;;\r\n");
	/* 王芳 is two people: ambiguous */
	CHECK(r.rc == 1 && r.nproblems == 1);
	CHECK(has(&r, 2, "负责人", "import.error.owner", "王芳"));
	CHECK(r.ntasks == 2);
	CHECK_STR(r.tasks[0].status, "done");
	CHECK(r.tasks[0].percent == 80 && r.tasks[0].priority == 4);
	CHECK_STR(r.tasks[1].name, "拆机");
	CHECK(r.tasks[1].parent == 0 && r.tasks[1].milestone == 1);
	CHECK_STR(r.tasks[1].status, "blocked");
	CHECK(r.tasks[1].finish - r.tasks[1].start == 4);
	r = IMPORT(&a, "  name ,  OWNER,PLANNED START,% complete,Estimate\nA,,2026-01-01,10,3\n");
	CHECK(r.rc == 0 && r.ntasks == 1 && r.tasks[0].percent == 10 && r.tasks[0].estimate == 3);
	arena_reset(&a);
}

static void
every_problem(void)
{
	struct arena a = {0};
	char longname[700], longdesc[4100];
	size_t o = 0;
	for (int i = 0; i < 201; i++) { memcpy(longname + o, "长", 3); o += 3; }
	longname[o] = 0;
	memset(longdesc, 'd', 4001);
	longdesc[4001] = 0;
	struct buf b = {0};
	buf_adds(&b, "WBS,Name,Owner,Estimate,Duration,Start,Finish,Priority,Status,Milestone,Percent,Category,Description,Colour\n");
	buf_adds(&b, "1,Top,,,,,,,,,,,,\n");                                   /* line 2: fine */
	buf_adds(&b, "1.1,,nobody,-1,abc,2026-02-30,2026/13/1,P5,later,maybe,101,nonsense,,\n"); /* line 3 */
	buf_adds(&b, "1.x,Bad wbs,,1e999,nan,,,0,,,-5,,,\n");                  /* line 4 */
	buf_adds(&b, "1.1,Dup,,inf,0x10,2026-03-05,2026-03-04,,,,50%,,,\n");   /* line 5 */
	buf_addf(&b, "3.1,%s,,5h,,,,,,,abc,,%s,\n", longname, longdesc);       /* line 6 */
	buf_adds(&b, ",,,,,,,,,,,,,\n");                                       /* line 7: empty, skipped */
	buf_adds(&b, "2,Extra cell,,,,,,,,,,,,,surplus\n");                    /* line 8 */
	struct result r = import_n(&a, b.p, b.len);
	CHECK(has(&r, 1, "Colour", "import.error.header", "Colour"));
	CHECK(has(&r, 3, "Name", "import.error.name", ""));
	CHECK(has(&r, 3, "Owner", "import.error.owner", "nobody"));
	CHECK(has(&r, 3, "Estimate", "import.error.number", "-1"));
	CHECK(has(&r, 3, "Duration", "import.error.number", "abc"));
	CHECK(has(&r, 3, "Start", "import.error.date", "2026-02-30"));
	CHECK(has(&r, 3, "Finish", "import.error.date", "2026/13/1"));
	CHECK(has(&r, 3, "Priority", "import.error.priority", "P5"));
	CHECK(has(&r, 3, "Status", "import.error.status", "later"));
	CHECK(has(&r, 3, "Milestone", "import.error.milestone", "maybe"));
	CHECK(has(&r, 3, "Percent", "import.error.percent", "101"));
	CHECK(has(&r, 3, "Category", "import.error.category", "nonsense"));
	CHECK(has(&r, 4, "WBS", "import.error.wbs", "1.x"));
	CHECK(has(&r, 4, "Estimate", "import.error.number", "1e999"));
	CHECK(has(&r, 4, "Duration", "import.error.number", "nan"));
	CHECK(has(&r, 4, "Priority", "import.error.priority", "0"));
	CHECK(has(&r, 4, "Percent", "import.error.percent", "-5"));
	CHECK(has(&r, 5, "WBS", "import.error.wbs_duplicate", "1.1"));
	CHECK(has(&r, 5, "Estimate", "import.error.number", "inf"));
	CHECK(has(&r, 5, "Duration", "import.error.number", "0x10"));
	CHECK(has(&r, 5, "Finish", "import.error.date_order", "2026-03-04"));
	CHECK(has(&r, 6, "WBS", "import.error.wbs_parent", "3.1"));
	CHECK(has(&r, 6, "Name", "import.error.too_long", longname));
	CHECK(has(&r, 6, "Estimate", "import.error.number", "5h"));
	CHECK(has(&r, 6, "Percent", "import.error.number", "abc"));
	CHECK(has(&r, 6, "Description", "import.error.too_long", longdesc));
	CHECK(has(&r, 8, "", "import.error.header", "surplus"));
	CHECK(r.rc == 27 && r.nproblems == 27);               /* nothing else, and nothing from line 7 */
	for (int i = 0; i < r.nproblems; i++) CHECK(r.problems[i].row != 7 && r.problems[i].row != 2);
	for (int i = 1; i < r.nproblems; i++) CHECK(r.problems[i].row >= r.problems[i - 1].row);
	buf_free(&b);

	r = IMPORT(&a, "WBS,Owner\n1,张伟\n");
	CHECK(r.rc == 1);
	CHECK(has(&r, 1, "", "import.error.no_name_column", ""));
	r = IMPORT(&a, "Name\nTop\n\t\tToo deep\n");
	CHECK(r.rc == 1);
	CHECK(has(&r, 3, "Name", "import.error.indent", "\t\tToo deep"));
	r = IMPORT(&a, "Name,Name,,\nA,B,,\nC,D,,x\n");      /* duplicate; unnamed column in use */
	CHECK(r.rc == 2);
	CHECK(has(&r, 1, "Name", "import.error.header", "Name"));
	CHECK(has(&r, 1, "", "import.error.header", ""));
	arena_reset(&a);
}

static void
numbers_and_words(void)
{
	struct arena a = {0};
	struct result r = IMPORT(&a,
		"Name,Estimate,Percent,Milestone,Status,Priority\n"
		"a,+2.5e1,100%,TRUE,NOT STARTED,p2\n"
		"b,0,0.5,False,cancelled,4\n"
		"c,-0,  7 %  ,1,Canceled,\n"
		"d,.5,,N,已取消,P3\n");
	CHECK(r.rc == 0 && r.ntasks == 4);
	CHECK(r.tasks[0].estimate == 25 && r.tasks[0].percent == 100 && r.tasks[0].milestone == 1);
	CHECK_STR(r.tasks[0].status, "not_started");
	CHECK(r.tasks[0].priority == 2);
	CHECK(r.tasks[1].percent == 0.5 && r.tasks[1].milestone == 0 && r.tasks[1].priority == 4);
	CHECK_STR(r.tasks[1].status, "cancelled");
	CHECK(r.tasks[2].estimate == 0 && r.tasks[2].percent == 7 && r.tasks[2].milestone == 1);
	CHECK_STR(r.tasks[2].status, "cancelled");
	CHECK(r.tasks[3].estimate == 0.5 && r.tasks[3].priority == 3);
	r = IMPORT(&a, "Name,Estimate,Percent\na,1%,%\nb,1.2.3,50%%\n");
	CHECK(r.rc == 4);
	CHECK(has(&r, 2, "Estimate", "import.error.number", "1%"));
	CHECK(has(&r, 2, "Percent", "import.error.number", "%"));
	CHECK(has(&r, 3, "Estimate", "import.error.number", "1.2.3"));
	CHECK(has(&r, 3, "Percent", "import.error.number", "50%%"));
	arena_reset(&a);
}

static void
indentation(void)
{
	struct arena a = {0};
	/* spaces with a unit of 2, TABs and U+3000 (one unit each), mixed */
	struct result r = IMPORT(&a,
		"Name,Owner\n"
		"Phase 1,\n"
		"  Task 1.1,\n"
		"    Step 1.1.1,\n"
		"\t\tStep 1.1.2,\n"
		"\xE3\x80\x80Task 1.2,\n"
		"\t  Step 1.2.1,\n"
		"Phase 2,\n"
		"   Task 2.1 (3 spaces: one unit),\n");
	CHECK(r.rc == 0 && r.ntasks == 8);
	static const int parent[] = { -1, 0, 1, 1, 0, 4, -1, 6 }, level[] = { 0, 1, 2, 2, 1, 2, 0, 1 };
	for (int i = 0; i < 8 && i < r.ntasks; i++) CHECK(r.tasks[i].parent == parent[i] && r.tasks[i].level == level[i]);
	CHECK_STR(r.tasks[1].name, "Task 1.1");
	CHECK_STR(r.tasks[4].name, "Task 1.2");
	CHECK(r.tasks[7].row == 9);
	/* every name indented the same: all top level; a unit of 4 spaces */
	r = IMPORT(&a, "Name\n    A\n        A.1\n    B\n");
	CHECK(r.rc == 0 && r.ntasks == 3);
	CHECK(r.tasks[0].level == 0 && r.tasks[1].level == 1 && r.tasks[1].parent == 0 && r.tasks[2].level == 0);
	/* a jump of two levels: one problem; the rows indented under it keep their parent */
	r = IMPORT(&a, "Name\nA\n\t\tA.1?\n\t\t\tA.1.1\nB\n");
	CHECK(r.rc == 1);
	CHECK(has(&r, 3, "Name", "import.error.indent", "\t\tA.1?"));
	CHECK(r.tasks[1].parent == 0 && r.tasks[1].level == 1);
	CHECK(r.tasks[2].parent == 1 && r.tasks[2].level == 2 && r.tasks[3].parent == -1);
	/* the first row deeper than a later one */
	r = IMPORT(&a, "Name\n\tA\nB\n");
	CHECK(r.rc == 1);
	CHECK(has(&r, 2, "Name", "import.error.indent", "\tA"));
	/* with a WBS column the leading spaces are just trimmed */
	r = IMPORT(&a, "WBS,Name\n1,A\n2,\t\tB\n");
	CHECK(r.rc == 0 && r.tasks[1].level == 0);
	CHECK_STR(r.tasks[1].name, "B");
	arena_reset(&a);
}

static void
wbs_parent_later(void)
{
	struct arena a = {0};
	struct result r = IMPORT(&a, "WBS,Name\n1,A\n2.1,Child first\n2,Parent after\n2.2,Fine\n1.01,Leading zero\n");
	CHECK(r.rc == 1);
	CHECK(has(&r, 3, "WBS", "import.error.wbs_parent", "2.1"));
	CHECK(r.tasks[3].parent == 2 && r.tasks[3].level == 1);
	CHECK(r.tasks[4].parent == 0);                         /* 1.01 is 1.1 */
	r = IMPORT(&a, "WBS,Name\n1,A\n,B\n0,C\n1.,D\n");
	CHECK(r.rc == 3);
	CHECK(has(&r, 3, "WBS", "import.error.wbs", ""));
	CHECK(has(&r, 4, "WBS", "import.error.wbs", "0"));
	CHECK(has(&r, 5, "WBS", "import.error.wbs", "1."));
	arena_reset(&a);
}

static void
callbacks(void)
{
	struct arena a = {0};
	owner_calls = 0;
	struct result r = IMPORT(&a, "Name,Owner,Category\nA, zhangwei ,准备\nB,李娜,Implementation\nC,,\nD,Ops Bot,other\n");
	CHECK(owner_calls == 3);                              /* not called for an empty cell */
	CHECK(r.rc == 1);
	CHECK(has(&r, 5, "Category", "import.error.category", "other"));
	CHECK_STR(r.tasks[0].owner, "zhangwei");
	CHECK_STR(r.tasks[1].owner, "lina");
	CHECK_STR(r.tasks[3].owner, "ops.bot");
	CHECK_STR(r.tasks[0].category, "preparation");
	CHECK_STR(r.tasks[1].category, "implementation");
	/* no callbacks: nothing can be resolved */
	struct csvin_table t;
	int line, col, nt, np;
	const char *key;
	struct wbsimport_task *tasks;
	struct wbsimport_problem *problems;
	const char csv[] = "Name,Owner,Category\nA,zhangwei,准备\n";
	CHECK(csvin_read(&a, csv, sizeof csv - 1, 10, &t, &line, &col, &key) == 0);
	CHECK(wbsimport_parse(&a, &t, NULL, NULL, NULL, NULL, &tasks, &nt, &problems, &np) == 2);
	arena_reset(&a);
}

static void
quoted_and_crlf(void)
{
	struct arena a = {0};
	struct result r = IMPORT(&a,
		"\xEF\xBB\xBF任务名称;描述;前置任务\r\n"
		"\"割接; \"\"A\"\" 区\";\"第一行\r\n第二行, 含逗号\";\"2FS;3SS+1d\"\r\n"
		";;\r\n"
		"回退;\"\";\r\n");
	CHECK(r.rc == 0 && r.ntasks == 2);
	CHECK_STR(r.tasks[0].name, "割接; \"A\" 区");
	CHECK_STR(r.tasks[0].description, "第一行\n第二行, 含逗号");
	CHECK_STR(r.tasks[0].predecessors, "2FS;3SS+1d");
	CHECK(r.tasks[0].row == 2 && r.tasks[1].row == 5);
	arena_reset(&a);
}

/* 500 rows: 10 phases × 7 tasks × 6 steps, numbered or indented; bad_line gets finish < start. */
static void
big_file(struct buf *b, int numbered, int bad_line, int *parent)
{
	int line = 1, n = 0, stack[3] = {0};
	b->len = 0;
	buf_adds(b, numbered ? "WBS,任务名称,负责人,工时(h),计划开始,计划完成,状态\r\n" : "任务名称,负责人,工时(h),计划开始,计划完成,状态\r\n");
	for (int i = 1; i <= 10; i++)
		for (int j = 0; j <= 7; j++)
			for (int k = 0; k <= (j ? 6 : 0); k++) {
				int level = !j ? 0 : !k ? 1 : 2;
				parent[n] = level ? stack[level - 1] : -1;
				stack[level] = n++;
				line++;
				if (numbered) {
					if (level == 0) buf_addf(b, "%d,", i);
					else if (level == 1) buf_addf(b, "%d.%d,", i, j);
					else buf_addf(b, "%d.%d.%d,", i, j, k);
				} else {
					for (int l = 0; l < level; l++) buf_adds(b, "\xE3\x80\x80");
				}
				buf_addf(b, "%s%d-%d-%d,%s,%d,2026/4/%d,2026-04-%02d,%s\r\n",
					 level == 0 ? "阶段" : level == 1 ? "任务：数据库迁移" : "步骤：备份与校验", i, j, k,
					 k % 2 ? "张伟" : "李娜", k + 1, 10 + k, line == bad_line ? 9 : 10 + k + j % 3,
					 k == 6 ? "已完成" : "进行中");
			}
}

static void
five_hundred_rows(void)
{
	struct arena a = {0};
	struct buf b = {0};
	int parent[500];
	for (int numbered = 1; numbered >= 0; numbered--) {
		big_file(&b, numbered, 0, parent);
		struct result r = import_n(&a, b.p, b.len);
		CHECK(r.rc == 0 && r.nproblems == 0 && r.ntasks == 500);
		int same = 1;
		for (int i = 0; i < r.ntasks; i++) same = same && r.tasks[i].parent == parent[i] && r.tasks[i].row == i + 2;
		CHECK(same);
		CHECK(r.tasks[499].level == 2);
		CHECK_STR(r.tasks[499].name, "步骤：备份与校验10-7-6");
		CHECK_STR(r.tasks[499].status, "done");
		CHECK(r.tasks[499].percent == 100);

		big_file(&b, numbered, 251, parent);           /* data row 250 */
		r = import_n(&a, b.p, b.len);
		CHECK(r.rc == 1 && r.nproblems == 1);
		CHECK(has(&r, 251, "计划完成", "import.error.date_order", "2026-04-09"));
		arena_reset(&a);
	}
	buf_free(&b);
}

int
main(void)
{
	RUN(all_fields);
	RUN(chinese_headers);
	RUN(every_problem);
	RUN(numbers_and_words);
	RUN(indentation);
	RUN(wbs_parent_later);
	RUN(callbacks);
	RUN(quoted_and_crlf);
	RUN(five_hundred_rows);
	return unit_done();
}
