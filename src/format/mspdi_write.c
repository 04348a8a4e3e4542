/* mspdi_write.c — writing a scheduled plan as Microsoft Project XML (see mspdi.h): a libxml2 tree
 * (text escaped by xmlNewTextChild) in the element order of Microsoft's schema, serialised as
 * UTF-8. Reading is in mspdi.c. */
#include "format/mspdi.h"
#include "format/mspdi_write.h"
#include "format/mspdi_uid.h"
#include "core/text.h"
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A child element with text (cleaned to XML characters first); NULL text adds nothing. */
static xmlNodePtr
mspdi_put(xmlNodePtr parent, const char *name, const char *text)
{
	if (!text) return NULL;
	struct arena tmp = {0};
	xmlNodePtr n = xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST text_xml_clean(&tmp, text));
	arena_reset(&tmp);
	return n;
}

static xmlNodePtr
mspdi_putl(xmlNodePtr parent, const char *name, long v)
{
	char b[24];
	snprintf(b, sizeof b, "%ld", v);
	return xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST b);
}

/* "PTnHnM0S" for a duration in minutes (negative written as 0). */
static void
mspdi_put_duration(xmlNodePtr parent, const char *name, long minutes)
{
	char b[48];
	if (minutes < 0) minutes = 0;
	snprintf(b, sizeof b, "PT%ldH%ldM0S", minutes / 60, minutes % 60);
	xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST b);
}

/* WorkingTimes of a day: the given periods when there are any, else the given working minutes
 * laid out as Project's Standard day: from 08:00, an hour's break at 12:00, as long as the day
 * fits before midnight; a longer day is one range ending at midnight ("00:00:00"). */
static void
mspdi_put_times(xmlNodePtr owner, int minutes, const int (*given)[2], int ngiven)
{
	if (ngiven > 0) {   /* the periods themselves (midnight as "00:00:00", as Project writes it) */
		xmlNodePtr wts = xmlNewChild(owner, NULL, BAD_CAST "WorkingTimes", NULL);
		for (int i = 0; i < ngiven && i < MSPDI_MAX_TIMES; i++) {
			char f[32], t[32];
			snprintf(f, sizeof f, "%02d:%02d:00", given[i][0] / 60 % 24, given[i][0] % 60);
			snprintf(t, sizeof t, "%02d:%02d:00", given[i][1] / 60 % 24, given[i][1] % 60);
			xmlNodePtr wt = xmlNewChild(wts, NULL, BAD_CAST "WorkingTime", NULL);
			xmlNewTextChild(wt, NULL, BAD_CAST "FromTime", BAD_CAST f);
			xmlNewTextChild(wt, NULL, BAD_CAST "ToTime", BAD_CAST t);
		}
		return;
	}
	if (minutes <= 0) return;
	if (minutes > 1440) minutes = 1440;
	xmlNodePtr wts = xmlNewChild(owner, NULL, BAD_CAST "WorkingTimes", NULL);
	int ranges[2][2], n = 0;
	if (minutes <= 240) { ranges[0][0] = 480; ranges[0][1] = 480 + minutes; n = 1; }
	else if (minutes <= 900) { ranges[0][0] = 480; ranges[0][1] = 720; ranges[1][0] = 780; ranges[1][1] = 780 + minutes - 240; n = 2; }
	else { ranges[0][0] = 1440 - minutes; ranges[0][1] = 1440; n = 1; }
	for (int i = 0; i < n; i++) {
		char f[32], t[32];
		snprintf(f, sizeof f, "%02d:%02d:00", ranges[i][0] / 60, ranges[i][0] % 60);
		snprintf(t, sizeof t, "%02d:%02d:00", ranges[i][1] / 60 % 24, ranges[i][1] % 60);
		xmlNodePtr wt = xmlNewChild(wts, NULL, BAD_CAST "WorkingTime", NULL);
		xmlNewTextChild(wt, NULL, BAD_CAST "FromTime", BAD_CAST f);
		xmlNewTextChild(wt, NULL, BAD_CAST "ToTime", BAD_CAST t);
	}
}

/* One calendar: its weekdays (those not inherited) and its exceptions, each a single period
 * (Type 1, daily, once) from 00:00 of its first day to 23:59 of its last. */
static void
mspdi_put_calendar(xmlNodePtr cals, const struct mspdi_calendar *c, int default_minutes)
{
	xmlNodePtr n = xmlNewChild(cals, NULL, BAD_CAST "Calendar", NULL);
	struct arena tmp = {0};
	mspdi_putl(n, "UID", c->uid);
	mspdi_put(n, "Name", c->name);
	mspdi_putl(n, "IsBaseCalendar", c->is_base ? 1 : 0);
	mspdi_putl(n, "IsBaselineCalendar", 0);
	mspdi_putl(n, "BaseCalendarUID", c->is_base ? -1 : c->base_uid);
	xmlNodePtr wds = NULL;
	for (int d = 1; d <= 7; d++) {
		if (c->working_days[d] < 0) continue;
		if (!wds) wds = xmlNewChild(n, NULL, BAD_CAST "WeekDays", NULL);
		xmlNodePtr wd = xmlNewChild(wds, NULL, BAD_CAST "WeekDay", NULL);
		mspdi_putl(wd, "DayType", d);
		mspdi_putl(wd, "DayWorking", c->working_days[d] ? 1 : 0);
		if (c->working_days[d])
			mspdi_put_times(wd, c->day_minutes[d], (const int (*)[2])c->times[d], c->ntimes[d]);
	}
	xmlNodePtr exs = NULL;
	for (int i = 0; i < c->nexceptions; i++) {
		const struct mspdi_exception *e = &c->exceptions[i];
		if (!e->from || !text_date_ok(e->from) || (e->to && !text_date_ok(e->to))) continue;
		if (!exs) exs = xmlNewChild(n, NULL, BAD_CAST "Exceptions", NULL);
		xmlNodePtr x = xmlNewChild(exs, NULL, BAD_CAST "Exception", NULL);
		mspdi_putl(x, "EnteredByOccurrences", 0);
		xmlNodePtr tp = xmlNewChild(x, NULL, BAD_CAST "TimePeriod", NULL);
		mspdi_put(tp, "FromDate", arena_printf(&tmp, "%sT00:00:00", e->from));
		mspdi_put(tp, "ToDate", arena_printf(&tmp, "%sT23:59:00", e->to ? e->to : e->from));
		mspdi_putl(x, "Occurrences", 1);
		mspdi_putl(x, "Type", 1);
		mspdi_putl(x, "DayWorking", e->working ? 1 : 0);
		if (e->working) mspdi_put_times(x, default_minutes, (const int (*)[2])e->times, e->ntimes);
	}
	arena_reset(&tmp);
}

/* 1 when f is a duration format code the schema allows (3..12, 19, 20, 35..44, 51, 52). */
static int
mspdi_format_ok(int f)
{
	return (f >= 3 && f <= 12) || f == 19 || f == 20 || (f >= 35 && f <= 44) || f == 51 || f == 52;
}

/* One task. Children follow the order of the Task element in mspdi_pj12.xsd. */
static void
mspdi_put_task(xmlNodePtr tasks, const struct mspdi_task *t, long id, int level, const char *outline)
{
	xmlNodePtr n = xmlNewChild(tasks, NULL, BAD_CAST "Task", NULL);
	mspdi_putl(n, "UID", t->uid);
	mspdi_putl(n, "ID", id);
	mspdi_put(n, "Name", t->name);
	mspdi_putl(n, "Type", 1);   /* fixed duration: the durations we write stay as they are */
	mspdi_put(n, "WBS", t->wbs ? t->wbs : outline);
	mspdi_put(n, "OutlineNumber", outline);
	mspdi_putl(n, "OutlineLevel", level);
	mspdi_put(n, "Start", t->start);
	mspdi_put(n, "Finish", t->finish);
	mspdi_put_duration(n, "Duration", t->milestone ? 0 : t->duration_minutes);
	mspdi_putl(n, "DurationFormat", 7);
	mspdi_putl(n, "Milestone", t->milestone ? 1 : 0);
	mspdi_putl(n, "Summary", t->summary ? 1 : 0);
	if (t->critical >= 0) mspdi_putl(n, "Critical", t->critical ? 1 : 0);
	mspdi_put(n, "EarlyStart", t->early_start);
	mspdi_put(n, "EarlyFinish", t->early_finish);
	mspdi_put(n, "LateStart", t->late_start);
	mspdi_put(n, "LateFinish", t->late_finish);
	if (t->free_slack != -1) mspdi_putl(n, "FreeSlack", t->free_slack);
	if (t->total_slack != -1) mspdi_putl(n, "TotalSlack", t->total_slack);
	mspdi_putl(n, "PercentComplete", t->percent_complete < 0 ? 0 : t->percent_complete > 100 ? 100 : t->percent_complete);
	if (t->constraint_type >= 0) mspdi_putl(n, "ConstraintType", t->constraint_type);
	mspdi_putl(n, "CalendarUID", t->calendar_uid);
	mspdi_put(n, "ConstraintDate", t->constraint_date);
	mspdi_put(n, "Notes", t->notes);
	for (int k = 0; k < t->nlinks; k++) {
		const struct mspdi_link *l = &t->links[k];
		xmlNodePtr pl = xmlNewChild(n, NULL, BAD_CAST "PredecessorLink", NULL);
		mspdi_putl(pl, "PredecessorUID", l->pred_uid);
		mspdi_putl(pl, "Type", l->type >= 0 && l->type <= 3 ? l->type : 1);
		mspdi_putl(pl, "CrossProject", 0);
		mspdi_putl(pl, "LinkLag", l->lag_minutes * 10);
		mspdi_putl(pl, "LagFormat", mspdi_format_ok(l->lag_format) ? l->lag_format : 7);
	}
}

/* Index of name in names[0..n), or -1. */
static int
mspdi_name_index(const char **names, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(names[i], name)) return i;
	return -1;
}

/* Writes plan as MSPDI (see mspdi.h): the project summary task (UID 0) first, then the tasks in
 * plan order with IDs 1..n, outline numbers and levels made consistent (a level may rise by one
 * at most), resources with UIDs 1..n (plan->resources, then any name a task has that the list
 * lacks) and one assignment per task and resource name. -1, with out unchanged, when plan has a
 * task UID below 1, two tasks with one UID or a link to a UID that is not a task, or when
 * libxml2 fails. out is appended to; its owner frees it. */
int
mspdi_write(const struct mspdi_plan *plan, struct buf *out)
{
	if (!plan || !out || plan->ntasks < 0) return -1;
	struct arena a = {0};
	int rc = -1;
	xmlDocPtr doc = NULL;

	struct mspdi_uid *byuid = plan->ntasks ? arena_alloc(&a, sizeof *byuid * (size_t)plan->ntasks) : NULL;
	for (int i = 0; i < plan->ntasks; i++) {
		if (plan->tasks[i].uid < 1) goto done;
		byuid[i] = (struct mspdi_uid){ plan->tasks[i].uid, i };
	}
	if (plan->ntasks) qsort(byuid, (size_t)plan->ntasks, sizeof *byuid, mspdi_uid_cmp);
	for (int i = 1; i < plan->ntasks; i++)
		if (byuid[i].uid == byuid[i - 1].uid) goto done;
	for (int i = 0; i < plan->ntasks; i++)
		for (int k = 0; k < plan->tasks[i].nlinks; k++)
			if (mspdi_uid_find(byuid, plan->ntasks, plan->tasks[i].links[k].pred_uid) < 0) goto done;

	doc = xmlNewDoc(BAD_CAST "1.0");
	if (!doc) goto done;
	doc->standalone = 1;
	xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "Project", NULL);
	xmlDocSetRootElement(doc, root);
	xmlSetNs(root, xmlNewNs(root, BAD_CAST MSPDI_NS, NULL));
	int mpd = plan->minutes_per_day > 0 ? plan->minutes_per_day : 480;

	mspdi_putl(root, "SaveVersion", 14);
	mspdi_put(root, "Name", plan->name);
	mspdi_putl(root, "ScheduleFromStart", 1);
	mspdi_put(root, "StartDate", plan->start_date);
	mspdi_put(root, "FinishDate", plan->finish_date);
	if (plan->calendar_uid >= 0) mspdi_putl(root, "CalendarUID", plan->calendar_uid);
	mspdi_putl(root, "MinutesPerDay", mpd);
	mspdi_putl(root, "MinutesPerWeek", plan->minutes_per_week > 0 ? plan->minutes_per_week : mpd * 5);
	mspdi_putl(root, "DurationFormat", 7);

	xmlNodePtr cals = xmlNewChild(root, NULL, BAD_CAST "Calendars", NULL);
	for (int i = 0; i < plan->ncalendars; i++) mspdi_put_calendar(cals, &plan->calendars[i], mpd);

	xmlNodePtr tasks = xmlNewChild(root, NULL, BAD_CAST "Tasks", NULL);
	xmlNodePtr sum = xmlNewChild(tasks, NULL, BAD_CAST "Task", NULL);
	mspdi_putl(sum, "UID", 0);
	mspdi_putl(sum, "ID", 0);
	mspdi_put(sum, "Name", plan->name);
	mspdi_putl(sum, "Type", 1);
	mspdi_put(sum, "WBS", "0");
	mspdi_put(sum, "OutlineNumber", "0");
	mspdi_putl(sum, "OutlineLevel", 0);
	mspdi_put(sum, "Start", plan->start_date);
	mspdi_put(sum, "Finish", plan->finish_date);
	mspdi_putl(sum, "Milestone", 0);
	mspdi_putl(sum, "Summary", 1);
	enum { MAX_DEPTH = 100 };
	int counter[MAX_DEPTH + 1] = {0}, depth = 0;
	for (int i = 0; i < plan->ntasks; i++) {
		const struct mspdi_task *t = &plan->tasks[i];
		int level = t->outline_level < 1 ? 1 : t->outline_level;
		if (level > depth + 1) level = depth + 1;
		if (level > MAX_DEPTH) level = MAX_DEPTH;
		counter[level]++;
		for (int k = level + 1; k <= MAX_DEPTH; k++) counter[k] = 0;
		depth = level;
		struct buf on = {0};
		for (int k = 1; k <= level; k++) buf_addf(&on, k > 1 ? ".%d" : "%d", counter[k]);
		mspdi_put_task(tasks, t, i + 1, level, buf_str(&on));
		buf_free(&on);
	}

	/* resources: the plan's list, then any name only a task has */
	int cap = plan->nresources;
	for (int i = 0; i < plan->ntasks; i++) cap += plan->tasks[i].nresources;
	const char **names = cap ? arena_alloc(&a, sizeof *names * (size_t)cap) : NULL;
	int nnames = 0;
	for (int i = 0; i < plan->nresources; i++)
		if (plan->resources[i]) names[nnames++] = plan->resources[i];
	for (int i = 0; i < plan->ntasks; i++)
		for (int k = 0; k < plan->tasks[i].nresources; k++) {
			const char *nm = plan->tasks[i].resources[k];
			if (nm && mspdi_name_index(names, nnames, nm) < 0) names[nnames++] = nm;
		}
	xmlNodePtr ress = xmlNewChild(root, NULL, BAD_CAST "Resources", NULL);
	for (int i = 0; i < nnames; i++) {
		xmlNodePtr r = xmlNewChild(ress, NULL, BAD_CAST "Resource", NULL);
		mspdi_putl(r, "UID", i + 1);
		mspdi_putl(r, "ID", i + 1);
		mspdi_put(r, "Name", names[i]);
		mspdi_putl(r, "Type", 1);
	}
	xmlNodePtr asgs = xmlNewChild(root, NULL, BAD_CAST "Assignments", NULL);
	long auid = 1;
	for (int i = 0; i < plan->ntasks; i++) {
		const struct mspdi_task *t = &plan->tasks[i];
		for (int k = 0; k < t->nresources; k++) {
			int ri = t->resources[k] ? mspdi_name_index(names, nnames, t->resources[k]) : -1;
			if (ri < 0) continue;
			xmlNodePtr as = xmlNewChild(asgs, NULL, BAD_CAST "Assignment", NULL);
			mspdi_putl(as, "UID", auid++);
			mspdi_putl(as, "TaskUID", t->uid);
			mspdi_putl(as, "ResourceUID", ri + 1);
			mspdi_putl(as, "Units", 1);
		}
	}

	xmlChar *mem = NULL;
	int size = 0;
	xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
	if (mem && size > 0) {
		buf_add(out, mem, (size_t)size);
		rc = 0;
	}
	xmlFree(mem);
done:
	if (doc) xmlFreeDoc(doc);
	arena_reset(&a);
	return rc;
}
