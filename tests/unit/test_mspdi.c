/* Unit tests for mspdi.c: the real MSPDI fixtures (../shared/fixtures/mspdi/ from the repository
 * root, where tests run; OPSPLAN_FIXTURES names another directory holding the same files), each
 * value type and its errors, hostile input (external entity, billion laughs, size, truncation,
 * foreign root and encoding), and write → read round trips. */
#include "unit.h"
#include "mspdi_fixture.h"
#include "format/mspdi.h"
#include "format/mspdi_write.h"

struct parsed { int rc, line; const char *err; struct mspdi_plan p; };

static struct parsed
parse_n(struct arena *a, const char *s, size_t n)
{
	struct parsed r;
	r.rc = mspdi_read(a, s, n, &r.p, &r.err, &r.line);
	return r;
}

#define PARSE(a, s) parse_n(a, s, strlen(s))

/* Reads a fixture; rc -1 with err "test.missing" when the file is not there. */
static struct parsed
parse_fixture(struct arena *a, const char *name)
{
	size_t n;
	char *s = slurp(name, &n);
	struct parsed r = { -1, 0, "test.missing", {0} };
	if (!s) return r;
	r = parse_n(a, s, n);
	free(s);
	return r;
}

static const struct mspdi_task *
task_by_uid(const struct mspdi_plan *p, long uid)
{
	for (int i = 0; i < p->ntasks; i++)
		if (p->tasks[i].uid == uid) return &p->tasks[i];
	return NULL;
}

/* A minimal document around the given Tasks content. */
static char *
doc_with_tasks(struct arena *a, const char *tasks)
{
	return arena_printf(a, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			    "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
			    "<Name>t</Name>\n<Tasks>\n%s</Tasks>\n</Project>\n", tasks);
}

static void
task_links(void)
{
	struct arena a = {0};
	struct parsed r = parse_fixture(&a, "task-links-project2013-mspdi.xml");
	CHECK(r.rc == 0);
	if (r.rc) { printf("  %s line %d\n", r.err, r.line); return; }
	const struct mspdi_plan *p = &r.p;
	CHECK(p->ntasks == 16);                                /* UID 0, the project summary, is not a task */
	CHECK_STR(p->name, "task-links-project2013-mspdi.xml");
	CHECK_STR(p->start_date, "2014-10-17T08:00:00");
	CHECK_STR(p->finish_date, "2014-11-03T17:00:00");
	CHECK(p->calendar_uid == 1 && p->minutes_per_day == 480 && p->minutes_per_week == 2400);
	for (int i = 0; i < p->ntasks; i++) {
		CHECK(p->tasks[i].uid == i + 1 && p->tasks[i].id == i + 1);   /* file order */
		CHECK(p->tasks[i].duration_minutes == 480);
		CHECK(p->tasks[i].outline_level == 1 && !p->tasks[i].summary && !p->tasks[i].milestone);
		CHECK(p->tasks[i].constraint_type == 4);
		CHECK(p->tasks[i].calendar_uid == -1);
		CHECK(p->tasks[i].nresources == 0);                    /* assigned to ResourceUID -65535 */
		CHECK_STR(p->tasks[i].name, i % 2 ? "Task 2" : "Task 1");
		CHECK(p->tasks[i].nlinks == (i % 2));
	}
	/* successor UID, predecessor UID, type, lag in minutes, LagFormat (fixtures/README.md) */
	static const long links[8][5] = {
		{ 2, 1, 1, 0, 7 }, { 4, 3, 1, 480, 7 }, { 6, 5, 1, 960, 7 }, { 8, 7, 1, 2400, 9 },
		{ 10, 9, 1, 4800, 9 }, { 12, 11, 2, 960, 7 }, { 14, 13, 3, 960, 7 }, { 16, 15, 0, 960, 7 },
	};
	int nlinks = 0;
	for (int i = 0; i < p->ntasks; i++) nlinks += p->tasks[i].nlinks;
	CHECK(nlinks == 8);
	for (int k = 0; k < 8; k++) {
		const struct mspdi_task *t = task_by_uid(p, links[k][0]);
		CHECK(t && t->nlinks == 1);
		if (!t || t->nlinks != 1) continue;
		CHECK(t->links[0].pred_uid == links[k][1]);
		CHECK(t->links[0].type == (int)links[k][2]);
		CHECK(t->links[0].lag_minutes == links[k][3]);
		CHECK(t->links[0].lag_format == (int)links[k][4]);
	}
	/* Project's computed dates and slack are read as they are */
	const struct mspdi_task *t2 = task_by_uid(p, 2), *t9 = task_by_uid(p, 9), *t10 = task_by_uid(p, 10);
	const struct mspdi_task *t16 = task_by_uid(p, 16);
	CHECK_STR(t2->start, "2014-10-20T08:00:00");
	CHECK_STR(t2->finish, "2014-10-20T17:00:00");
	CHECK_STR(t2->early_start, "2014-10-20T08:00:00");
	CHECK_STR(t2->early_finish, "2014-10-20T17:00:00");
	CHECK_STR(t2->late_start, "2014-11-03T08:00:00");
	CHECK_STR(t2->late_finish, "2014-11-03T17:00:00");
	CHECK(t2->total_slack == 48000 && t2->free_slack == 48000 && t2->critical == 0);
	CHECK_STR(t2->constraint_date, "2014-10-20T08:00:00");
	CHECK_STR(t9->late_finish, "2014-10-17T17:00:00");
	CHECK(t9->total_slack == 0 && t9->critical == 1);
	CHECK_STR(t10->start, "2014-11-03T08:00:00");
	CHECK(t10->total_slack == 0 && t10->free_slack == 0 && t10->critical == 1);
	CHECK_STR(t16->finish, "2014-10-21T17:00:00");
	CHECK(t16->total_slack == 43200);
	CHECK(task_by_uid(p, 1)->free_slack == 0 && task_by_uid(p, 1)->total_slack == 48000);
	/* the Standard calendar: Mon–Fri 08–12 + 13–17 */
	CHECK(p->ncalendars == 1);
	const struct mspdi_calendar *c = &p->calendars[0];
	CHECK(c->uid == 1 && c->is_base == 1 && c->nexceptions == 0);
	CHECK_STR(c->name, "Standard");
	CHECK(c->working_days[1] == 0 && c->working_days[7] == 0 && c->day_minutes[1] == 0);
	for (int d = 2; d <= 6; d++) CHECK(c->working_days[d] == 1 && c->day_minutes[d] == 480);
	CHECK(p->nresources == 0);                                   /* Project's nameless UID 0 resource */
	arena_reset(&a);
}

static void
task_durations(void)
{
	struct arena a = {0};
	size_t n;
	char *s = slurp("task-durations-project2013-mspdi.xml", &n);
	CHECK(s != NULL);
	if (!s) return;
	int elements = 0;
	for (const char *q = s; (q = strstr(q, "<Task>")) != NULL; q++) elements++;
	CHECK(elements == 111);                                      /* "111 tasks" counts UID 0 */
	struct parsed r = parse_n(&a, s, n);
	CHECK(r.rc == 0);
	CHECK(r.p.ntasks == 110);
	for (int i = 0; i < r.p.ntasks; i++) {
		CHECK(r.p.tasks[i].duration_minutes == 480);
		CHECK(r.p.tasks[i].uid == i + 1);
	}
	CHECK_STR(r.p.tasks[0].name, "Duration1");
	CHECK_STR(r.p.tasks[10].name, "Duration1 - Task 0");
	free(s);
	arena_reset(&a);
}

static void
calendar_calendars(void)
{
	struct arena a = {0};
	struct parsed r = parse_fixture(&a, "calendar-calendars-project2013-mspdi.xml");
	CHECK(r.rc == 0);
	CHECK(r.p.ncalendars == 5);
	if (r.p.ncalendars != 5) return;
	CHECK(r.p.ntasks == 0);
	static const char *names[5] = { "Standard", "Calendar1", "Calendar2", "Resource One", "Resource Two" };
	static const long uids[5] = { 1, 3, 4, 5, 6 };
	int base = 0;
	for (int i = 0; i < 5; i++) {
		const struct mspdi_calendar *c = &r.p.calendars[i];
		CHECK_STR(c->name, names[i]);
		CHECK(c->uid == uids[i]);
		base += c->is_base;
		if (c->is_base) {
			CHECK(c->working_days[2] == 1 && c->day_minutes[2] == 480 && c->working_days[1] == 0);
		} else {
			CHECK(c->base_uid == 1);
			for (int d = 1; d <= 7; d++) CHECK(c->working_days[d] == -1);   /* all inherited */
		}
	}
	CHECK(base == 3);
	CHECK(r.p.nresources == 2);
	CHECK_STR(r.p.resources[0], "Resource One");
	arena_reset(&a);
}

static void
calendar_recurring_exceptions(void)
{
	struct arena a = {0};
	struct parsed r = parse_fixture(&a, "calendar-recurring-exceptions-project2013-mspdi.xml");
	CHECK(r.rc == 0);
	CHECK(r.p.ncalendars == 1);
	if (r.p.ncalendars != 1) return;
	const struct mspdi_calendar *c = &r.p.calendars[0];
	/* the 27 Exceptions/Exception, not the expanded DayType 0 copies Project also writes */
	CHECK(c->nexceptions == 27);
	int working = 0;
	for (int i = 0; i < c->nexceptions; i++) {
		if (!c->exceptions[i].working) continue;
		working++;
		CHECK_STR(c->exceptions[i].from, "2010-01-01");
		CHECK_STR(c->exceptions[i].to, "2010-03-06");
	}
	CHECK(working == 1);
	CHECK_STR(c->exceptions[0].from, "2000-01-01");
	CHECK_STR(c->exceptions[0].to, "2000-01-03");
	CHECK(c->working_days[2] == 1 && c->day_minutes[2] == 480);
	arena_reset(&a);
}

static void
assignments(void)
{
	struct arena a = {0};
	struct parsed r = parse_fixture(&a, "assignment-assignments-project2013-mspdi.xml");
	CHECK(r.rc == 0);
	CHECK(r.p.ntasks == 3 && r.p.nresources == 3);
	if (r.p.ntasks != 3 || r.p.nresources != 3) return;
	static const char *res[3] = { "Resource 1", "Resource 2", "Resource 3" };
	static const int pct[3] = { 0, 25, 50 };
	for (int i = 0; i < 3; i++) {
		const struct mspdi_task *t = &r.p.tasks[i];
		CHECK_STR(r.p.resources[i], res[i]);
		CHECK(t->nresources == 1);
		if (t->nresources == 1) CHECK_STR(t->resources[0], res[i]);
		CHECK(t->duration_minutes == 80 * 60);
		CHECK(t->percent_complete == pct[i]);
	}
	CHECK(r.p.ncalendars == 4);
	arena_reset(&a);
}

static void
sample(void)
{
	struct arena a = {0};
	struct parsed r = parse_fixture(&a, "sample.xml");
	CHECK(r.rc == 0);
	if (r.rc) { printf("  %s line %d\n", r.err, r.line); return; }
	const struct mspdi_plan *p = &r.p;
	CHECK(p->ntasks == 19);                                      /* 20 Task elements with UID 0 */
	int summaries = 0, maxlevel = 0, milestones = 0, nlinks = 0;
	for (int i = 0; i < p->ntasks; i++) {
		summaries += p->tasks[i].summary;
		milestones += p->tasks[i].milestone;
		nlinks += p->tasks[i].nlinks;
		if (p->tasks[i].outline_level > maxlevel) maxlevel = p->tasks[i].outline_level;
		CHECK(p->tasks[i].total_slack >= 0);
	}
	CHECK(summaries == 3 && maxlevel == 2 && milestones == 1 && nlinks == 6);
	CHECK(p->tasks[6].uid == 19 && p->tasks[6].id == 7);         /* file order, not UID order */
	CHECK_STR(task_by_uid(p, 1)->notes, "Test Task Notes");      /* CDATA */
	CHECK(task_by_uid(p, 3)->milestone && task_by_uid(p, 3)->duration_minutes == 0);
	CHECK(task_by_uid(p, 2)->duration_minutes == 800 * 60);
	const struct mspdi_task *t = task_by_uid(p, 14);
	CHECK(t->links[0].pred_uid == 13 && t->links[0].type == 1 && t->links[0].lag_minutes == -480);
	t = task_by_uid(p, 12);
	CHECK(t->links[0].type == 1 && t->links[0].lag_minutes == 480);
	CHECK(task_by_uid(p, 16)->links[0].type == 3);
	CHECK(task_by_uid(p, 18)->links[0].type == 0);
	CHECK(task_by_uid(p, 21)->links[0].type == 2);
	CHECK(task_by_uid(p, 21)->constraint_type == 4);
	CHECK_STR(task_by_uid(p, 21)->constraint_date, "2003-01-06T08:00:00");
	CHECK(task_by_uid(p, 19)->total_slack == 225600);
	/* Night Shift: 23:00–00:00 on Monday is one hour; Tue–Fri 00–03, 04–08, 23–24 */
	CHECK(p->ncalendars == 4);
	const struct mspdi_calendar *night = &p->calendars[1];
	CHECK_STR(night->name, "Night Shift");
	CHECK(night->day_minutes[2] == 60 && night->day_minutes[3] == 480 && night->day_minutes[7] == 420);
	CHECK(night->working_days[1] == 0);
	CHECK(p->calendars[3].base_uid == 2 && !p->calendars[3].is_base);
	CHECK(p->nresources == 2);
	t = task_by_uid(p, 2);
	CHECK(t->nresources == 2);
	if (t->nresources == 2) {
		CHECK_STR(t->resources[0], "First Resource");
		CHECK_STR(t->resources[1], "Second Resource");
	}
	arena_reset(&a);
}

static void
primavera_is_not_mspdi(void)
{
	struct arena a = {0};
	struct parsed r = parse_fixture(&a, "negative/PredecessorCalendar.xml");
	CHECK(r.rc == -1);
	CHECK_STR(r.err, "mspdi.error.not_mspdi");
	CHECK(r.line == 1);
	CHECK(r.p.ntasks == 0 && r.p.tasks == NULL);
	r = PARSE(&a, "<Project xmlns=\"urn:other\"><Tasks/></Project>");
	CHECK(r.rc == -1);
	CHECK_STR(r.err, "mspdi.error.not_mspdi");
	r = PARSE(&a, "<?xml version=\"1.0\"?>\n<!-- x -->\n<project xmlns=\"http://schemas.microsoft.com/project\"/>");
	CHECK(r.rc == -1);
	CHECK_STR(r.err, "mspdi.error.not_mspdi");
	CHECK(r.line == 3);
	arena_reset(&a);
}

static void
no_namespace_minimal(void)
{
	struct arena a = {0};
	struct parsed r = PARSE(&a,
		"<Project><Name>CHG-42 migration</Name><StartDate>2025-06-23T08:00:00</StartDate>"
		"<Tasks><Task><UID>1</UID><ID>1</ID><Name>Backup DB</Name><OutlineLevel>1</OutlineLevel>"
		"<Duration>PT8H0M0S</Duration><Milestone>0</Milestone></Task>"
		"<Task><UID>2</UID><ID>2</ID><Name>Upgrade</Name><Duration>PT16H0M0S</Duration>"
		"<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type>"
		"<LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink></Task></Tasks></Project>");
	CHECK(r.rc == 0);
	CHECK(r.p.ntasks == 2);
	if (r.p.ntasks != 2) return;
	CHECK_STR(r.p.name, "CHG-42 migration");
	CHECK(r.p.calendar_uid == -1 && r.p.minutes_per_day == 480 && r.p.ncalendars == 0);
	const struct mspdi_task *t = &r.p.tasks[1];
	CHECK(t->duration_minutes == 960 && t->outline_level == 1);
	CHECK(t->nlinks == 1 && t->links[0].lag_minutes == 480);
	/* what the file leaves out */
	CHECK(t->total_slack == -1 && t->free_slack == -1 && t->critical == -1 && t->constraint_type == -1);
	CHECK(t->calendar_uid == -1 && t->start == NULL && t->wbs == NULL && t->notes == NULL);
	arena_reset(&a);
}

static long
duration_of(struct arena *a, const char *iso, int *rc, int *line)
{
	char *task = arena_printf(a, "<Task><UID>1</UID>\n<Duration>%s</Duration></Task>\n", iso);
	struct parsed r = PARSE(a, doc_with_tasks(a, task));
	*rc = r.rc;
	*line = r.line;
	if (r.rc) CHECK_STR(r.err, "mspdi.error.xml");
	return r.rc ? -99999 : r.p.tasks[0].duration_minutes;
}

static void
durations(void)
{
	struct arena a = {0};
	int rc, line;
	CHECK(duration_of(&a, "PT8H0M0S", &rc, &line) == 480 && rc == 0);
	CHECK(duration_of(&a, "PT7H30M0S", &rc, &line) == 450);
	CHECK(duration_of(&a, "PT0H1M0S", &rc, &line) == 1);
	CHECK(duration_of(&a, "PT0H0M59S", &rc, &line) == 0);
	CHECK(duration_of(&a, "PT0H0M90.5S", &rc, &line) == 1);
	CHECK(duration_of(&a, "PT96H0M0S", &rc, &line) == 5760);
	CHECK(duration_of(&a, "P1DT2H", &rc, &line) == 1560);      /* a day is 24 h, as in xsd:duration */
	CHECK(duration_of(&a, "P2D", &rc, &line) == 2880);
	CHECK(duration_of(&a, "P1W", &rc, &line) == 10080);
	CHECK(duration_of(&a, "PT1.5H", &rc, &line) == 90);
	CHECK(duration_of(&a, "PT-416H0M0S", &rc, &line) == -24960);   /* what Project writes */
	CHECK(duration_of(&a, "-PT30M", &rc, &line) == -30);
	CHECK(duration_of(&a, " PT8H ", &rc, &line) == 480);
	static const char *bad[] = { "8h", "PT", "P", "P1Y", "P1M", "PT8", "PT8X", "P1H", "PTT1H", "PT1H2D",
				     "PT9999999999999H", "" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		duration_of(&a, bad[i], &rc, &line);
		CHECK(rc == -1 && line == 6);
		if (rc != -1) printf("  accepted \"%s\"\n", bad[i]);
	}
	arena_reset(&a);
}

static void
link_lags_and_types(void)
{
	struct arena a = {0};
	struct parsed r = PARSE(&a, doc_with_tasks(&a,
		"<Task><UID>7</UID></Task>\n"
		"<Task><UID>8</UID>"
		"<PredecessorLink><PredecessorUID>7</PredecessorUID><Type>3</Type><LinkLag>-4805</LinkLag><LagFormat>8</LagFormat></PredecessorLink>"
		"<PredecessorLink><PredecessorUID>7</PredecessorUID><LinkLag>4809</LinkLag></PredecessorLink>"
		"<PredecessorLink><PredecessorUID>7</PredecessorUID><Type>0</Type><LinkLag>-5</LinkLag></PredecessorLink>"
		"<PredecessorLink><PredecessorUID>99</PredecessorUID><CrossProject>1</CrossProject></PredecessorLink>"
		"</Task>\n"));
	CHECK(r.rc == 0);
	if (r.rc) return;
	const struct mspdi_task *t = &r.p.tasks[1];
	CHECK(t->nlinks == 3);                                       /* the cross-project link is dropped */
	CHECK(t->links[0].type == 3 && t->links[0].lag_minutes == -480 && t->links[0].lag_format == 8);
	CHECK(t->links[1].type == 1 && t->links[1].lag_minutes == 480 && t->links[1].lag_format == 7);
	CHECK(t->links[2].type == 0 && t->links[2].lag_minutes == 0);
	/* a predecessor that is no task, or only the project summary task */
	r = PARSE(&a, doc_with_tasks(&a, "<Task><UID>1</UID></Task>\n<Task><UID>2</UID>\n"
					 "<PredecessorLink><PredecessorUID>5</PredecessorUID></PredecessorLink></Task>\n"));
	CHECK(r.rc == -1);
	CHECK_STR(r.err, "mspdi.error.link");
	CHECK(r.line == 7);
	CHECK(r.p.ntasks == 0);
	r = PARSE(&a, doc_with_tasks(&a, "<Task><UID>0</UID></Task>\n<Task><UID>2</UID>\n"
					 "<PredecessorLink><PredecessorUID>0</PredecessorUID></PredecessorLink></Task>\n"));
	CHECK(r.rc == -1);
	CHECK_STR(r.err, "mspdi.error.link");
	r = PARSE(&a, doc_with_tasks(&a, "<Task><UID>1</UID></Task>\n<Task><UID>2</UID>\n"
					 "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>4</Type></PredecessorLink></Task>\n"));
	CHECK(r.rc == -1);
	CHECK_STR(r.err, "mspdi.error.xml");
	CHECK(r.line == 7);
	arena_reset(&a);
}

static void
bad_values(void)
{
	struct arena a = {0};
	static const char *bad[] = {
		"<Task><ID>1</ID>\n<Name>no UID</Name></Task>\n",
		"<Task><UID>1</UID>\n<UID>x</UID></Task>\n",
		"<Task><UID>1</UID>\n<Milestone>yes</Milestone></Task>\n",
		"<Task><UID>1</UID>\n<Start>2014-02-30T08:00:00</Start></Task>\n",
		"<Task><UID>1</UID>\n<Finish>2014-10-17 08:00:00</Finish></Task>\n",
		"<Task><UID>1</UID>\n<EarlyStart>2014-10-17T25:00:00</EarlyStart></Task>\n",
		"<Task><UID>1</UID>\n<TotalSlack>1e5</TotalSlack></Task>\n",
		"<Task><UID>1</UID>\n<TotalSlack>99999999999999999999999</TotalSlack></Task>\n",
		"<Task><UID>1</UID>\n<PercentComplete>101</PercentComplete></Task>\n",
		"<Task><UID>1</UID>\n<ConstraintType>8</ConstraintType></Task>\n",
		"<Task><UID>1</UID></Task>\n<Task><UID>1</UID></Task>\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct parsed r = PARSE(&a, doc_with_tasks(&a, bad[i]));
		CHECK(r.rc == -1);
		CHECK_STR(r.err, "mspdi.error.xml");
		int want = i == 0 ? 5 : 6;                          /* the Task, or the bad element */
		CHECK(r.line == want);
		if (r.rc != -1 || r.line != want) printf("  case %zu: rc %d line %d\n", i, r.rc, r.line);
	}
	/* accepted forms */
	struct parsed r = PARSE(&a, doc_with_tasks(&a,
		"<Task><UID> 3 </UID><Milestone>true</Milestone><Start>2014-10-17T08:00</Start>"
		"<Finish>2014-10-17T08:00:00.000</Finish><EarlyStart>2014-10-17T08:00:00+08:00</EarlyStart>"
		"<Name></Name><TotalSlack>-4800</TotalSlack></Task>\n"));
	CHECK(r.rc == 0);
	if (!r.rc) {
		CHECK(r.p.tasks[0].uid == 3 && r.p.tasks[0].milestone == 1 && r.p.tasks[0].name == NULL);
		CHECK_STR(r.p.tasks[0].start, "2014-10-17T08:00:00");
		CHECK_STR(r.p.tasks[0].finish, "2014-10-17T08:00:00");
		CHECK_STR(r.p.tasks[0].early_start, "2014-10-17T08:00:00");
		CHECK(r.p.tasks[0].total_slack == -4800);
	}
	arena_reset(&a);
}

static void
old_style_exceptions(void)
{
	struct arena a = {0};
	struct parsed r = PARSE(&a,
		"<Project xmlns=\"http://schemas.microsoft.com/project\"><Calendars><Calendar><UID>1</UID>"
		"<WeekDays><WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>"
		"<WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes>"
		"<WorkingTime><FromTime>09:00:00</FromTime><ToTime>12:30:00</ToTime></WorkingTime>"
		"<WorkingTime><FromTime>00:00:00</FromTime><ToTime>00:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>"
		"<WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod><FromDate>2026-10-01T00:00:00</FromDate>"
		"<ToDate>2026-10-08T23:59:00</ToDate></TimePeriod></WeekDay>"
		"<WeekDay><DayType>0</DayType><DayWorking>1</DayWorking><TimePeriod><FromDate>2026-10-10T00:00:00</FromDate>"
		"<ToDate>2026-10-10T23:59:00</ToDate></TimePeriod></WeekDay>"
		"</WeekDays></Calendar></Calendars></Project>");
	CHECK(r.rc == 0);
	CHECK(r.p.ncalendars == 1);
	if (r.p.ncalendars != 1) return;
	const struct mspdi_calendar *c = &r.p.calendars[0];
	CHECK(c->nexceptions == 2);
	CHECK(c->day_minutes[2] == 210 + 1440 && c->working_days[3] == -1 && c->working_days[0] == -1);
	if (c->nexceptions == 2) {
		CHECK_STR(c->exceptions[0].from, "2026-10-01");
		CHECK_STR(c->exceptions[0].to, "2026-10-08");
		CHECK(!c->exceptions[0].working && c->exceptions[1].working);
	}
	r = PARSE(&a, "<Project><Calendars><Calendar><UID>1</UID><WeekDays>\n<WeekDay><DayType>8</DayType>"
		      "</WeekDay></WeekDays></Calendar></Calendars></Project>");
	CHECK(r.rc == -1 && r.line == 2);
	CHECK_STR(r.err, "mspdi.error.xml");
	arena_reset(&a);
}

/* The content of /etc/passwd must never come back: not as text, not in the plan. */
static void
external_entity(void)
{
	struct arena a = {0};
	static const char *xxe[] = {
		"<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
		"<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>&e;</Name><Tasks><Task><UID>1</UID>"
		"<Name>&e;</Name></Task></Tasks></Project>",
		"<!doctype Project SYSTEM \"file:///etc/passwd\"><Project><Name>x</Name></Project>",
		"\xEF\xBB\xBF<!-- c --><?pi x?>\n\n<!DocType Project [<!ENTITY e SYSTEM \"/etc/passwd\">]><Project/>",
	};
	static const int lines[] = { 2, 1, 3 };
	for (size_t i = 0; i < sizeof xxe / sizeof xxe[0]; i++) {
		struct parsed r = PARSE(&a, xxe[i]);
		CHECK(r.rc == -1);
		CHECK_STR(r.err, "mspdi.error.doctype");
		CHECK(r.line == lines[i]);
		CHECK(r.p.name == NULL && r.p.ntasks == 0);
	}
	/* a DOCTYPE after more than 64 KiB of prolog comments is still found */
	struct buf b = {0};
	buf_adds(&b, "<?xml version=\"1.0\"?>\n");
	for (int i = 0; i < 2000; i++) buf_adds(&b, "<!-- padding padding padding padding padding -->\n");
	buf_adds(&b, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Project><Name>&e;</Name></Project>");
	CHECK(b.len > 65536);
	struct parsed r = parse_n(&a, b.p, b.len);
	CHECK(r.rc == -1);
	CHECK_STR(r.err, "mspdi.error.doctype");
	CHECK(r.line == 2002);
	buf_free(&b);
	arena_reset(&a);
}

static void
billion_laughs(void)
{
	struct arena a = {0};
	struct buf b = {0};
	buf_adds(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
	buf_adds(&b, " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
	for (int i = 2; i <= 9; i++)
		buf_addf(&b, " <!ENTITY lol%d \"&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;\">\n",
			 i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	buf_adds(&b, "]>\n<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>&lol9;</Name></Project>\n");
	struct parsed r = parse_n(&a, b.p, b.len);
	CHECK(r.rc == -1);
	CHECK_STR(r.err, "mspdi.error.doctype");
	CHECK(r.line == 2);
	buf_free(&b);
	arena_reset(&a);
}

/* About n bytes (within 300) of well-formed MSPDI: tasks in a chain, each linked to the one
 * before; with pad, 1000 of them and then a task whose long Notes makes up the rest. */
static void
big_document(struct buf *b, size_t n, int pad)
{
	buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\">\n<Tasks>\n");
	for (long uid = 1; pad ? uid <= 1000 : b->len < n - 200; uid++) {
		buf_addf(b, "<Task><UID>%ld</UID><ID>%ld</ID><Name>任务 %ld</Name><Duration>PT8H0M0S</Duration>", uid, uid, uid);
		if (uid > 1)
			buf_addf(b, "<PredecessorLink><PredecessorUID>%ld</PredecessorUID><Type>1</Type></PredecessorLink>", uid - 1);
		buf_adds(b, "</Task>\n");
	}
	if (pad) {
		buf_adds(b, "<Task><UID>1000000</UID><Notes>");
		while (b->len < n - 300) buf_adds(b, "padding, line after line of notes\n");
		buf_adds(b, "</Notes></Task>\n");
	}
	buf_adds(b, "</Tasks>\n</Project>\n");
}

static void
size_limit(void)
{
	struct arena a = {0};
	struct buf b = {0};
	big_document(&b, (size_t)17 << 20, 1);
	CHECK(b.len > ((size_t)17 << 20) - 300);
	struct parsed r = parse_n(&a, b.p, b.len);
	CHECK(r.rc == -1);
	CHECK_STR(r.err, "mspdi.error.size");
	buf_free(&b);
	/* at the cap it is read */
	big_document(&b, (size_t)16 << 20, 1);
	while (b.len < (size_t)16 << 20) buf_addc(&b, '\n');
	CHECK(b.len == (size_t)16 << 20);
	r = parse_n(&a, b.p, b.len);
	CHECK(r.rc == 0);
	CHECK(r.p.ntasks == 1001);
	if (r.p.ntasks == 1001) CHECK(strlen(r.p.tasks[1000].notes) > ((size_t)16 << 20) - 200000);
	buf_free(&b);
	arena_reset(&a);
	/* 2 MiB of chained tasks: every link found */
	big_document(&b, (size_t)2 << 20, 0);
	r = parse_n(&a, b.p, b.len);
	CHECK(r.rc == 0);
	CHECK(r.p.ntasks > 10000);
	if (r.rc == 0) {
		const struct mspdi_task *last = &r.p.tasks[r.p.ntasks - 1];
		CHECK(last->uid == r.p.ntasks && last->nlinks == 1 && last->links[0].pred_uid == r.p.ntasks - 1);
		CHECK(strncmp(last->name, "任务 ", 7) == 0);
	}
	buf_free(&b);
	arena_reset(&a);
}

static void
broken_xml(void)
{
	struct arena a = {0};
	size_t n;
	char *s = slurp("task-links-project2013-mspdi.xml", &n);
	CHECK(s != NULL);
	if (!s) return;
	size_t cut = n / 2;
	int expect = 1;
	for (size_t i = 0; i < cut; i++) expect += s[i] == '\n';
	struct parsed r = parse_n(&a, s, cut);
	CHECK(r.rc == -1);
	CHECK_STR(r.err, "mspdi.error.xml");
	CHECK(r.line == expect);
	if (r.line != expect) printf("  line %d, expected %d\n", r.line, expect);
	free(s);
	static const char *bad[] = {
		"",
		"<Project xmlns=\"http://schemas.microsoft.com/project\">\n<Name>a</Nme>\n</Project>",
		"<Project>\n<Name>\x01</Name></Project>",                       /* a control character */
		"<Project>\n<Name>\xC3\x28</Name></Project>",                   /* not UTF-8 */
		"<Project>\n<Name>&#1;</Name></Project>",
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<Project><Name>x</Name></Project>",
		"\xFF\xFE<\0P\0r\0o\0j\0e\0c\0t\0/\0>\0",                       /* UTF-16 */
	};
	static const size_t lens[] = { 0, 0, 0, 0, 0, 0, 22 };
	static const int lines[] = { 1, 2, 2, 2, 2, 1, 1 };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		r = parse_n(&a, bad[i], lens[i] ? lens[i] : strlen(bad[i]));
		CHECK(r.rc == -1);
		CHECK_STR(r.err, "mspdi.error.xml");
		CHECK(r.line == lines[i]);
		if (r.line != lines[i]) printf("  case %zu: line %d\n", i, r.line);
	}
	r = parse_n(&a, NULL, 0);
	CHECK(r.rc == -1);
	CHECK_STR(r.err, "mspdi.error.xml");
	/* declared UTF-8 in any spelling is fine */
	r = PARSE(&a, "<?xml version='1.0' encoding='utf-8'?><Project/>");
	CHECK(r.rc == 0);
	arena_reset(&a);
}

static void
same_links(const struct mspdi_task *x, const struct mspdi_task *y)
{
	CHECK(x->nlinks == y->nlinks);
	for (int k = 0; k < x->nlinks && k < y->nlinks; k++) {
		CHECK(x->links[k].pred_uid == y->links[k].pred_uid);
		CHECK(x->links[k].type == y->links[k].type);
		CHECK(x->links[k].lag_minutes == y->links[k].lag_minutes);
		CHECK(x->links[k].lag_format == y->links[k].lag_format);
	}
}

static void
round_trip_task_links(void)
{
	struct arena a = {0};
	struct parsed r1 = parse_fixture(&a, "task-links-project2013-mspdi.xml");
	CHECK(r1.rc == 0);
	if (r1.rc) return;
	struct buf out = {0};
	CHECK(mspdi_write(&r1.p, &out) == 0);
	const char *x = buf_str(&out);
	static const char decl[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
	CHECK(!strncmp(x, decl, sizeof decl - 1));
	CHECK(strstr(x, "<Project xmlns=\"http://schemas.microsoft.com/project\">") != NULL);
	CHECK(strstr(x, "<SaveVersion>14</SaveVersion>") != NULL);
	CHECK(strstr(x, "<UID>0</UID>") != NULL);
	CHECK(strstr(x, "<Duration>PT8H0M0S</Duration>") != NULL);
	CHECK(strstr(x, "<LinkLag>48000</LinkLag>") != NULL);
	CHECK(strstr(x, "<FromTime>13:00:00</FromTime>") != NULL);
	struct parsed r2 = parse_n(&a, out.p, out.len);
	CHECK(r2.rc == 0);
	CHECK(r2.p.ntasks == r1.p.ntasks);
	for (int i = 0; i < r1.p.ntasks && i < r2.p.ntasks; i++) {
		const struct mspdi_task *t1 = &r1.p.tasks[i], *t2 = &r2.p.tasks[i];
		CHECK(t1->uid == t2->uid);
		CHECK_STR(t2->name, t1->name);
		CHECK(t1->duration_minutes == t2->duration_minutes);
		same_links(t1, t2);
		CHECK_STR(t2->start, t1->start);
		CHECK_STR(t2->late_finish, t1->late_finish);
		CHECK_STR(t2->constraint_date, t1->constraint_date);
		CHECK(t1->total_slack == t2->total_slack && t1->free_slack == t2->free_slack);
		CHECK(t1->critical == t2->critical && t1->constraint_type == t2->constraint_type);
		CHECK(t2->outline_level == 1);
	}
	CHECK_STR(r2.p.name, r1.p.name);
	CHECK_STR(r2.p.finish_date, r1.p.finish_date);
	CHECK(r2.p.calendar_uid == 1 && r2.p.minutes_per_day == 480);
	CHECK(r2.p.ncalendars == 1);
	if (r2.p.ncalendars == 1)
		CHECK(!memcmp(r2.p.calendars[0].day_minutes, r1.p.calendars[0].day_minutes, sizeof r1.p.calendars[0].day_minutes) &&
		      !memcmp(r2.p.calendars[0].working_days, r1.p.calendars[0].working_days, sizeof r1.p.calendars[0].working_days));
	buf_free(&out);
	arena_reset(&a);
}

static void
round_trip_sample_and_exceptions(void)
{
	struct arena a = {0};
	struct parsed r1 = parse_fixture(&a, "sample.xml");
	CHECK(r1.rc == 0);
	if (r1.rc) return;
	struct buf out = {0};
	CHECK(mspdi_write(&r1.p, &out) == 0);
	struct parsed r2 = parse_n(&a, out.p, out.len);
	CHECK(r2.rc == 0);
	CHECK(r2.p.ntasks == r1.p.ntasks && r2.p.nresources == 2);
	for (int i = 0; i < r1.p.ntasks && i < r2.p.ntasks; i++) {
		const struct mspdi_task *t1 = &r1.p.tasks[i], *t2 = &r2.p.tasks[i];
		CHECK(t1->uid == t2->uid && t2->id == i + 1);
		CHECK(t1->outline_level == t2->outline_level && t1->summary == t2->summary && t1->milestone == t2->milestone);
		CHECK(t1->nresources == t2->nresources);
		same_links(t1, t2);
	}
	CHECK_STR(task_by_uid(&r2.p, 1)->notes, "Test Task Notes");
	CHECK_STR(task_by_uid(&r2.p, 9)->wbs, task_by_uid(&r1.p, 9)->wbs);
	CHECK(strstr(out.p, "<OutlineNumber>3.1</OutlineNumber>") != NULL);
	CHECK(r2.p.ncalendars == 4 && r2.p.calendars[1].day_minutes[7] == 420 && r2.p.calendars[1].day_minutes[2] == 60);
	CHECK(r2.p.calendars[3].base_uid == 2 && !r2.p.calendars[3].is_base);
	buf_free(&out);

	r1 = parse_fixture(&a, "calendar-recurring-exceptions-project2013-mspdi.xml");
	CHECK(r1.rc == 0);
	if (r1.rc) return;
	CHECK(mspdi_write(&r1.p, &out) == 0);
	r2 = parse_n(&a, out.p, out.len);
	CHECK(r2.rc == 0 && r2.p.ncalendars == 1);
	if (r2.rc == 0 && r2.p.ncalendars == 1) {
		const struct mspdi_calendar *c1 = &r1.p.calendars[0], *c2 = &r2.p.calendars[0];
		CHECK(c2->nexceptions == 27);
		for (int i = 0; i < c1->nexceptions && i < c2->nexceptions; i++) {
			CHECK_STR(c2->exceptions[i].from, c1->exceptions[i].from);
			CHECK_STR(c2->exceptions[i].to, c1->exceptions[i].to);
			CHECK(c2->exceptions[i].working == c1->exceptions[i].working);
		}
	}
	buf_free(&out);
	arena_reset(&a);
}

static void
write_escapes_and_refuses(void)
{
	struct arena a = {0};
	struct mspdi_task tasks[2] = {
		{ .uid = 10, .name = "<b>&amp;\"x\" 备份\x01", .outline_level = 1, .duration_minutes = 90,
		  .total_slack = -1, .free_slack = -1, .critical = -1, .constraint_type = -1, .calendar_uid = -1,
		  .notes = "]]> \xC3\x28" },
		{ .uid = 11, .name = "b", .outline_level = 3, .duration_minutes = 30, .total_slack = -1,
		  .free_slack = -1, .critical = -1, .constraint_type = -1, .calendar_uid = -1 },
	};
	struct mspdi_link link = { 10, 3, -480, 7 };
	const char *who[] = { "张伟 <ops>" };
	tasks[1].links = &link;
	tasks[1].nlinks = 1;
	tasks[1].resources = who;
	tasks[1].nresources = 1;
	struct mspdi_plan p = { .name = "Plan & <co>", .calendar_uid = -1, .tasks = tasks, .ntasks = 2 };
	struct buf out = {0};
	CHECK(mspdi_write(&p, &out) == 0);
	CHECK(strstr(out.p, "&lt;b&gt;&amp;amp;\"x\" 备份") != NULL);
	CHECK(strstr(out.p, "<Name>Plan &amp; &lt;co&gt;</Name>") != NULL);
	CHECK(strstr(out.p, "<Duration>PT1H30M0S</Duration>") != NULL);
	CHECK(strstr(out.p, "<OutlineNumber>1.1</OutlineNumber>") != NULL);   /* level 3 under 1 → 2 */
	struct parsed r = parse_n(&a, out.p, out.len);
	CHECK(r.rc == 0 && r.p.ntasks == 2);
	if (r.rc == 0 && r.p.ntasks == 2) {
		CHECK_STR(r.p.tasks[0].name, "<b>&amp;\"x\" 备份\xEF\xBF\xBD");
		CHECK_STR(r.p.tasks[0].notes, "]]> \xEF\xBF\xBD(");
		CHECK(r.p.tasks[1].outline_level == 2 && r.p.tasks[1].duration_minutes == 30);
		same_links(&tasks[1], &r.p.tasks[1]);
		CHECK(r.p.tasks[1].nresources == 1);
		if (r.p.tasks[1].nresources == 1) CHECK_STR(r.p.tasks[1].resources[0], "张伟 <ops>");
		CHECK(r.p.nresources == 1);
	}
	buf_free(&out);
	/* refused: a UID that Project keeps for the summary task, a duplicate, a dangling link */
	tasks[0].uid = 0;
	CHECK(mspdi_write(&p, &out) == -1 && out.len == 0);
	tasks[0].uid = 11;
	CHECK(mspdi_write(&p, &out) == -1 && out.len == 0);
	tasks[0].uid = 12;
	CHECK(mspdi_write(&p, &out) == -1 && out.len == 0);
	tasks[0].uid = 10;
	CHECK(mspdi_write(&p, &out) == 0);
	buf_free(&out);
	struct mspdi_plan empty = { .calendar_uid = -1 };
	CHECK(mspdi_write(&empty, &out) == 0);
	r = parse_n(&a, out.p, out.len);
	CHECK(r.rc == 0 && r.p.ntasks == 0);
	buf_free(&out);
	arena_reset(&a);
}

int
main(void)
{
	RUN(task_links);
	RUN(task_durations);
	RUN(calendar_calendars);
	RUN(calendar_recurring_exceptions);
	RUN(assignments);
	RUN(sample);
	RUN(primavera_is_not_mspdi);
	RUN(no_namespace_minimal);
	RUN(durations);
	RUN(link_lags_and_types);
	RUN(bad_values);
	RUN(old_style_exceptions);
	RUN(external_entity);
	RUN(billion_laughs);
	RUN(size_limit);
	RUN(broken_xml);
	RUN(round_trip_task_links);
	RUN(round_trip_sample_and_exceptions);
	RUN(write_escapes_and_refuses);
	return unit_done();
}
