/* mspdi_model.c — Microsoft Project XML through the model (see mspdi_model.h): the one import
 * path for the command line and the import page, and the export of a scheduled project. The
 * file's values were checked by mspdi_read; what the model cannot take is refused here, inside
 * the caller's transaction, so a refused import stores nothing. */
#include "plan/interchange.h"
#include "plan/project.h"
#include "plan/task.h"
#include "plan/schedule.h"
#include "plan/plan.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/csv.h"
#include "core/db.h"
#include "format/mspdi_cal.h"
#include "core/text.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *
date_of(struct arena *a, const char *dt)
{
	return dt && strlen(dt) >= 10 ? arena_strndup(a, dt, 10) : "";
}

/* s cut to at most max bytes at a character boundary. */
static const char *
cut_utf8(struct arena *a, const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max) return s;
	while (max && ((unsigned char)s[max] & 0xC0) == 0x80) max--;
	return arena_strndup(a, s, max);
}

/* The login of the one active user whose login or display name is name, else NULL. */
static const char *
owner_by_name(struct arena *a, const char *name)
{
	sqlite3_stmt *st = db_q("SELECT login FROM users WHERE active = 1 AND (login = ?1 OR display_name = ?1) LIMIT 2",
				"s", name);
	const char *found = NULL;
	int n = 0;
	while (st && sqlite3_step(st) == SQLITE_ROW)
		if (!n++) found = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
	if (st) sqlite3_reset(st);
	return n == 1 ? found : NULL;
}

/* Makes the file's project calendar p's calendar (audited): a calendar of its own whose base is
 * none, so that it stands exactly as the file has it (no national holidays laid over it); a file
 * without a calendar gets Microsoft Project's Standard calendar (Monday to Friday, 08:00-12:00 and
 * 13:00-17:00, no exceptions), which is what Project schedules such a file with. 0; -1 database;
 * -2 refused (res->err_key). */
static int
import_calendar(const struct audit_who *who, const struct project *p, const struct mspdi_plan *plan,
		struct arena *a, struct interchange_result *res)
{
	struct mspdi_cal_model m;
	const char *err = NULL;
	int rc = plan->calendar_uid < 0 ? 1 : mspdi_cal_model(a, plan, plan->calendar_uid, &m, &err);
	if (rc == 1) {
		memset(&m, 0, sizeof m);
		m.name = "Standard";
		snprintf(m.weekdays, sizeof m.weekdays, "12345");
		snprintf(m.hours, sizeof m.hours, "08:00-12:00,13:00-17:00");
	} else if (rc) {
		res->err_key = err;
		return -2;
	}
	/* a name of its own: "CODE name", numbered when another calendar has it */
	const char *base = cut_utf8(a, arena_printf(a, "%s %s", p->code, m.name && *m.name ? m.name : "Standard"), 56);
	const char *name = base;
	for (int k = 2; db_int("SELECT count(*) FROM calendars WHERE name = ?", "s", name); k++) {
		if (k > 999) return -1;
		name = arena_printf(a, "%s (%d)", base, k);
	}
	char at[21];
	clock_iso(clock_now(), at);
	if (db_run("INSERT INTO calendars (name, weekdays, hours, created_at, base) VALUES (?,?,?,?,'none')", "ssss", name,
		   m.weekdays, m.hours, at) != SQLITE_DONE)
		return -1;
	long long id = sqlite3_last_insert_rowid(db);
	for (int i = 0; i < m.ndays; i++) {
		char day[11];
		cal_iso(m.days[i].day, day);
		if (db_run("INSERT INTO calendar_exceptions (calendar_id, day, off) VALUES (?,?,?)", "isd", id, day,
			   m.days[i].off) != SQLITE_DONE)
			return -1;
	}
	if (db_run("UPDATE projects SET calendar_id = ? WHERE id = ?", "ii", id, p->id) != SQLITE_DONE) return -1;
	struct buf j = {0};
	json_open(&j);
	json_s(&j, "name", name);
	json_s(&j, "weekdays", m.weekdays);
	json_s(&j, "hours", m.hours);
	json_n(&j, "exceptions", m.ndays);
	json_s(&j, "base", "none");
	json_s(&j, "project", p->code);
	json_close(&j);
	int bad = audit_append(who, "calendar.create", "calendar", arena_printf(a, "%lld", id), NULL, buf_str(&j),
			       rc == 1 ? "Standard calendar of an imported Microsoft Project file without one"
				       : "project calendar of an imported Microsoft Project file");
	buf_free(&j);
	res->calendar = name;
	return bad ? -1 : 0;
}

/* The minute of the day of a file's "YYYY-MM-DDTHH:MM:SS". */
static int
clock_of(const char *dt)
{
	return ((dt[11] - '0') * 10 + (dt[12] - '0')) * 60 + (dt[14] - '0') * 10 + (dt[15] - '0');
}

/* The day a start time in the file falls on: a start at or after the end of its day's working
 * time (17:00), or on a day off, is the next working day's. "" when dt is absent. */
static const char *
start_day(struct arena *a, const struct calendar *c, const char *dt)
{
	int day = dt ? cal_day(date_of(a, dt)) : -1;
	if (day < 0) return "";
	if (!cal_is_workday(c, day)) day = cal_add_workdays(c, day, 0);
	else if (cal_offset(c, clock_of(dt)) >= cal_minutes_per_day(c)) day = cal_add_workdays(c, day, 1);
	char out[11];
	cal_iso(day, out);
	return arena_strdup(a, out);
}

/* The day a finish time in the file falls on: Project 2013 writes the end of a working day as
 * 17:00, Project 2002 as the next working morning (08:00); a finish at or before its day's first
 * working minute, or on a day off, is the working day before's. "" when dt is absent. */
static const char *
finish_day(struct arena *a, const struct calendar *c, const char *dt)
{
	int day = dt ? cal_day(date_of(a, dt)) : -1;
	if (day < 0) return "";
	if (!cal_is_workday(c, day) || cal_offset(c, clock_of(dt)) == 0) day = cal_add_workdays(c, day, -1);
	char out[11];
	cal_iso(day, out);
	return arena_strdup(a, out);
}

/* fielderr_fn keeping the first field task_check refuses. */
static void
first_field(void *arg, const char *field, const char *key)
{
	const char **f = arg;
	(void)key;
	if (!*f) *f = field;
}

/* A task name on one line: CR, LF and TAB become spaces. */
static const char *
one_line(struct arena *a, const char *s)
{
	if (!strpbrk(s, "\r\n\t")) return s;
	char *c = arena_strdup(a, s);
	for (char *q = c; *q; q++)
		if (*q == '\r' || *q == '\n' || *q == '\t') *q = ' ';
	return c;
}

/* Records name as unmatched unless it already is. */
static void
add_unmatched(struct arena *a, struct interchange_result *res, const char *name, int cap)
{
	for (int i = 0; i < res->nunmatched; i++)
		if (!strcmp(res->unmatched[i], name)) return;
	if (!res->unmatched) res->unmatched = arena_alloc(a, sizeof *res->unmatched * (size_t)(cap + 1));
	res->unmatched[res->nunmatched++] = name;
}

int
interchange_import(const struct audit_who *who, const struct project *p, const struct mspdi_plan *plan,
	     const char *source, struct arena *a, struct interchange_result *res)
{
	memset(res, 0, sizeof *res);
	if (db_int("SELECT count(*) FROM tasks WHERE project_id = ?", "i", p->id)) {
		res->err_key = "mspdi.error.not_empty";
		return -2;
	}
	int rc = import_calendar(who, p, plan, a, res);
	if (rc) return rc;
	const struct calendar *cal = plan_project_calendar(a, p->id);
	int mpd = plan->minutes_per_day > 0 ? plan->minutes_per_day : 480;
	/* the plan's start is the file's: tasks without links or constraints start there */
	const char *ps = date_of(a, plan->start_date);
	if (*ps && db_run("UPDATE projects SET planned_start = ?1, planned_finish = max(planned_finish, ?1) WHERE id = ?2",
			  "si", ps, p->id) != SQLITE_DONE)
		return -1;
	int cap = 0;
	for (int i = 0; i < plan->ntasks; i++) cap += plan->tasks[i].nresources;

	/* tasks in file order; a parent is the nearest earlier task one outline level up */
	long long *ids = arena_alloc(a, sizeof *ids * (size_t)(plan->ntasks + 1));
	int *levels = arena_alloc(a, sizeof *levels * (size_t)(plan->ntasks + 1));
	for (int i = 0; i < plan->ntasks; i++) {
		const struct mspdi_task *m = &plan->tasks[i];
		long long parent = 0;
		for (int j = i - 1; j >= 0; j--)
			if (levels[j] < m->outline_level) { parent = ids[j]; break; }
		/* the owner: the first assigned resource that names exactly one user */
		const char *owner = "";
		for (int k = 0; k < m->nresources; k++) {
			const char *login = owner_by_name(a, m->resources[k]);
			if (login && !*owner) owner = login;
			else if (!login) add_unmatched(a, res, m->resources[k], cap);
		}
		res->owners += *owner != 0;
		/* Microsoft Project schedules a task from its links and constraints; the Start in the file
		 * is its result, not an input, except for a manually scheduled task (kept as a start no
		 * earlier than). Actual dates are kept as actual dates. */
		const char *start = m->manual ? start_day(a, cal, m->start) : "";
		const char *astart = m->actual_start ? start_day(a, cal, m->actual_start) : "";
		const char *afinish = m->actual_finish ? finish_day(a, cal, m->actual_finish) : "";
		if (*afinish && *astart && strcmp(afinish, astart) < 0) afinish = astart;
		const char *status = m->percent_complete >= 100 || *afinish ? "done"
				     : m->percent_complete > 0 || *astart ? "in_progress" : "not_started";
		struct task_in t = { m->name && *m->name ? m->name : "?", m->notes ? m->notes : "", owner, start,
				     "", astart, afinish, status, "", "", NULL, NULL, 0, (double)m->duration_minutes / mpd,
				     m->percent_complete, -1, 3, m->milestone, parent, "" };
		if (!m->milestone && m->duration_minutes > 0 && t.duration < 1) t.duration = 1;
		/* the date constraints opsplan has: MSO 2, SNET 4 (starts), FNLT 7 (a finish); the others
		 * are ASAP */
		if (m->constraint_date && (m->constraint_type == 2 || m->constraint_type == 4 || m->constraint_type == 7)) {
			t.constraint_type = m->constraint_type == 2 ? "MSO" : m->constraint_type == 4 ? "SNET" : "FNLT";
			t.constraint_date = m->constraint_type == 7 ? finish_day(a, cal, m->constraint_date)
								    : start_day(a, cal, m->constraint_date);
		}
		t.name = one_line(a, t.name);
		if (text_chars(t.name) > 200) t.name = cut_utf8(a, t.name, 190);
		t.description = cut_utf8(a, t.description, 4000);
		const char *field = NULL;
		if (task_check(&t, cal, first_field, &field)) {
			res->err_key = "mspdi.error.task";
			res->err_arg = arena_printf(a, "UID %ld %s (%s)", m->uid, t.name, field ? field : "?");
			return -2;
		}
		if ((ids[i] = task_create(who, p, &t, 0)) < 0 ||
		    db_run("UPDATE tasks SET ext_uid = ? WHERE id = ?", "ii", (long long)m->uid, ids[i]) != SQLITE_DONE)
			return -1;
		levels[i] = m->outline_level;
	}
	res->ntasks = plan->ntasks;
	/* links by UID; links on summary tasks are kept but not scheduled (as the pages do) */
	static const char *const types[] = { "FF", "FS", "SF", "SS" };
	for (int i = 0; i < plan->ntasks; i++)
		for (int k = 0; k < plan->tasks[i].nlinks; k++) {
			const struct mspdi_link *l = &plan->tasks[i].links[k];
			long long pred = 0;
			for (int j = 0; j < plan->ntasks; j++)
				if (plan->tasks[j].uid == l->pred_uid) { pred = ids[j]; break; }
			if (!pred || pred == ids[i]) continue;
			if (db_run("INSERT OR IGNORE INTO dependencies (project_id, pred_id, succ_id, type, lag_minutes, lag_elapsed)"
				   " VALUES (?,?,?,?,?,?)", "iiisid", p->id, pred, ids[i], types[l->type & 3],
				   (long long)l->lag_minutes, l->lag_format % 2 == 0 && l->lag_format >= 4 && l->lag_format <= 12) != SQLITE_DONE)
				return -1;
		}
	rc = project_recompute(p->id, a);
	if (rc == -2) {
		res->err_key = "mspdi.error.loop";
		res->err_arg = schedule_loop_text;
		return -2;
	}
	if (rc) return -1;
	/* its finish: the file's (as the day it falls on) or the schedule's, whichever is later */
	const char *pf = finish_day(a, cal, plan->finish_date);
	if (db_run("UPDATE projects SET planned_finish = max(planned_start, coalesce(nullif(?1, ''), planned_finish),"
		   " coalesce((SELECT max(planned_finish) FROM tasks WHERE project_id = ?2), '')) WHERE id = ?2", "si", pf,
		   p->id) != SQLITE_DONE)
		return -1;
	sqlite3_stmt *pd = db_q("SELECT planned_start, planned_finish FROM projects WHERE id = ?", "i", p->id);
	if (pd && sqlite3_step(pd) == SQLITE_ROW) {
		res->start = arena_strdup(a, (const char *)sqlite3_column_text(pd, 0));
		res->finish = arena_strdup(a, (const char *)sqlite3_column_text(pd, 1));
	}
	if (pd) sqlite3_reset(pd);

	struct buf j = {0};
	buf_adds(&j, "{\"format\":\"mspdi\",\"source\":");
	json_string(&j, source);
	buf_addf(&j, ",\"tasks\":%d,\"owners\":%d,\"start\":", res->ntasks, res->owners);
	json_string(&j, res->start);
	buf_adds(&j, ",\"finish\":");
	json_string(&j, res->finish);
	buf_adds(&j, ",\"calendar\":");
	json_string(&j, res->calendar);
	buf_adds(&j, ",\"unmatched\":[");
	for (int i = 0; i < res->nunmatched; i++) {
		if (i) buf_addc(&j, ',');
		json_string(&j, res->unmatched[i]);
	}
	buf_adds(&j, "]}");
	int bad = audit_append(who, "project.import", "project", p->code, NULL, buf_str(&j),
			       arena_printf(a, "%d tasks from %s", plan->ntasks, source));
	buf_free(&j);
	if (bad) return -1;
	res->audit_id = db_int("SELECT max(id) FROM audit_log", "");
	return 0;
}

/* Clock time "HH:MM:00" of minute m (1440 as midnight of the next day is kept as 24:00 → 23:59). */
static const char *
at_minute(struct arena *a, const char *day, int m)
{
	if (m >= 1440) m = 1439;
	return arena_printf(a, "%sT%02d:%02d:00", day, m / 60, m % 60);
}

/* A stored 'YYYY-MM-DDTHH:MM' as an MSPDI dateTime, or NULL when absent or malformed. */
static const char *
stored_dt(struct arena *a, sqlite3_stmt *st, int col)
{
	const char *v = (const char *)sqlite3_column_text(st, col);
	if (!v || strlen(v) < 16 || v[10] != 'T' || v[13] != ':') return NULL;
	char day[11];
	memcpy(day, v, 10);
	day[10] = 0;
	if (!text_date_ok(day)) return NULL;
	return arena_printf(a, "%.16s:00", v);
}

/* Working days (possibly fractional) in column col as tenths of minutes; -1 when NULL. */
static long
slack_of(sqlite3_stmt *st, int col, int mpd)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL) return -1;
	double v = sqlite3_column_double(st, col) * mpd * 10;
	if (!isfinite(v) || v > 1e15 || v < -1e15) return -1;
	long t = lround(v);
	return t == -1 ? 0 : t;   /* -1 means "absent" to the writer; a tenth of a minute is nothing */
}

int
interchange_export_plan(struct arena *a, const struct project *p, struct mspdi_plan *plan)
{
	memset(plan, 0, sizeof *plan);
	long long cal_id = db_int("SELECT coalesce((SELECT calendar_id FROM projects WHERE id = ?), 1)", "i", p->id);
	const struct calendar *cal = plan_project_calendar(a, p->id);
	int mpd = cal_minutes_per_day(cal);
	int day_start = cal_clock(cal, 0, 0), day_end = cal_clock(cal, mpd, 1);
	const char *cal_name = NULL;
	sqlite3_stmt *cs = db_q("SELECT name FROM calendars WHERE id = ?", "i", cal_id);
	if (cs && sqlite3_step(cs) == SQLITE_ROW) cal_name = arena_strdup(a, (const char *)sqlite3_column_text(cs, 0));
	if (cs) sqlite3_reset(cs);
	plan->calendars = arena_alloc(a, sizeof *plan->calendars);
	mspdi_cal_from_model(a, cal, 1, cal_name ? cal_name : "Standard", &plan->calendars[0]);
	plan->ncalendars = 1;
	plan->name = p->name;
	plan->start_date = at_minute(a, p->planned_start, day_start);
	plan->finish_date = NULL;   /* the latest task finish (below), else the planned finish */
	plan->calendar_uid = 1;
	plan->minutes_per_day = mpd;
	int nweek = 0;
	for (int d = 1; d <= 7; d++) nweek += plan->calendars[0].working_days[d] > 0;
	plan->minutes_per_week = mpd * nweek;

	int n = (int)db_int("SELECT count(*) FROM tasks WHERE project_id = ?", "i", p->id);
	sqlite3_stmt *st = db_q("SELECT t.id, coalesce(t.ext_uid, t.id), t.wbs, t.depth, t.is_summary, t.milestone, t.name,"
				" t.description, t.duration_days, coalesce(t.planned_start, ''), coalesce(t.planned_finish, ''),"
				" t.percent, t.total_float, t.critical, t.free_float, t.early_start, t.early_finish, t.late_start,"
				" t.late_finish, CASE o.display_name WHEN '' THEN o.login ELSE o.display_name END,"
				" t.constraint_type, coalesce(t.constraint_date, ''), coalesce(t.entered_start, '')"
				" FROM tasks t LEFT JOIN users o ON o.id = t.owner_id WHERE t.project_id = ? ORDER BY t.seq",
				"i", p->id);
	if (!st) return -1;
	plan->tasks = arena_alloc(a, sizeof *plan->tasks * (size_t)(n + 1));
	long long *ids = arena_alloc(a, sizeof *ids * (size_t)(n + 1));
	int k = 0;
	while (k < n && sqlite3_step(st) == SQLITE_ROW) {
		struct mspdi_task *t = &plan->tasks[k];
		ids[k] = sqlite3_column_int64(st, 0);
		t->uid = (long)sqlite3_column_int64(st, 1);
		t->id = k + 1;
		t->wbs = arena_strdup(a, (const char *)sqlite3_column_text(st, 2));
		t->outline_level = sqlite3_column_int(st, 3) + 1;
		t->summary = sqlite3_column_int(st, 4);
		t->milestone = sqlite3_column_int(st, 5);
		t->name = arena_strdup(a, (const char *)sqlite3_column_text(st, 6));
		t->notes = arena_strdup(a, (const char *)sqlite3_column_text(st, 7));
		t->duration_minutes = t->milestone ? 0 : lround(sqlite3_column_double(st, 8) * mpd);
		const char *s = (const char *)sqlite3_column_text(st, 9), *f = (const char *)sqlite3_column_text(st, 10);
		t->percent_complete = (int)sqlite3_column_double(st, 11);
		t->total_slack = slack_of(st, 12, mpd);
		t->critical = sqlite3_column_int(st, 13) ? 1 : 0;
		t->free_slack = slack_of(st, 14, mpd);
		t->early_start = stored_dt(a, st, 15);
		t->early_finish = stored_dt(a, st, 16);
		t->late_start = stored_dt(a, st, 17);
		t->late_finish = stored_dt(a, st, 18);
		/* Start and Finish: the schedule's, to the minute (a milestone at the end of a day at
		 * 17:00, as Project writes it); the planned days where there is none */
		t->start = t->early_start ? t->early_start : *s ? at_minute(a, s, day_start) : NULL;
		t->finish = t->early_finish ? t->early_finish : *f ? at_minute(a, f, day_end) : t->start;
		if (t->finish && (!plan->finish_date || strcmp(t->finish, plan->finish_date) > 0)) plan->finish_date = t->finish;
		t->constraint_type = -1;
		const char *ct = (const char *)sqlite3_column_text(st, 20), *cd = (const char *)sqlite3_column_text(st, 21);
		const char *es = (const char *)sqlite3_column_text(st, 22);
		if (*cd && strcmp(ct, "ASAP")) {          /* MSO 2, SNET 4, FNLT 7 */
			int fnlt = !strcmp(ct, "FNLT");
			t->constraint_type = !strcmp(ct, "MSO") ? 2 : fnlt ? 7 : 4;
			t->constraint_date = at_minute(a, cd, fnlt ? day_end : day_start);
		} else if (*es) {                         /* the start entered for it: start no earlier than */
			t->constraint_type = 4;
			t->constraint_date = at_minute(a, es, day_start);
		}
		t->calendar_uid = -1;
		const char *owner = (const char *)sqlite3_column_text(st, 19);
		if (owner && *owner) {
			t->resources = arena_alloc(a, sizeof *t->resources);
			t->resources[0] = arena_strdup(a, owner);
			t->nresources = 1;
		}
		k++;
	}
	sqlite3_reset(st);
	plan->ntasks = k;
	if (!plan->finish_date) plan->finish_date = at_minute(a, p->planned_finish, day_end);
	for (int i = 0; i < k; i++) {
		int cnt = (int)db_int("SELECT count(*) FROM dependencies WHERE succ_id = ?", "i", ids[i]);
		if (!cnt) continue;
		plan->tasks[i].links = arena_alloc(a, sizeof *plan->tasks[i].links * (size_t)cnt);
		sqlite3_stmt *ls = db_q("SELECT coalesce(p.ext_uid, p.id), d.type, d.lag_minutes, d.lag_elapsed FROM dependencies d"
					" JOIN tasks p ON p.id = d.pred_id WHERE d.succ_id = ?", "i", ids[i]);
		int m = 0;
		while (ls && m < cnt && sqlite3_step(ls) == SQLITE_ROW) {
			const char *ty = (const char *)sqlite3_column_text(ls, 1);
			int type = !strcmp(ty, "FF") ? 0 : !strcmp(ty, "SF") ? 2 : !strcmp(ty, "SS") ? 3 : 1;
			long lag = (long)sqlite3_column_int64(ls, 2);
			/* days, or hours when the lag is not whole days; elapsed formats are one higher */
			int fmt = lag % mpd ? 5 : 7;
			plan->tasks[i].links[m++] = (struct mspdi_link){ (long)sqlite3_column_int64(ls, 0), type, lag,
									 fmt + (sqlite3_column_int(ls, 3) ? 1 : 0) };
		}
		if (ls) sqlite3_reset(ls);
		plan->tasks[i].nlinks = m;
	}
	return 0;
}

/* Column col as text, "" when NULL. */
static const char *
col_text(sqlite3_stmt *st, int col)
{
	const char *v = (const char *)sqlite3_column_text(st, col);
	return v ? v : "";
}

/* A REAL column as %.10g ("" when NULL). */
static const char *
col_num(char out[32], sqlite3_stmt *st, int col)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL) return "";
	snprintf(out, 32, "%.10g", sqlite3_column_double(st, col));
	return out;
}

void
interchange_schedule_csv(const struct project *p, const char *const *headers, struct buf *b)
{
	static const char *const english[INTERCHANGE_CSV_COLS] = {
		"WBS", "Name", "Duration (d)", "Start", "Finish", "Percent", "Estimate (h)", "Predecessors", "Status",
		"Early start", "Early finish", "Late start", "Late finish", "Total float (d)", "Free float (d)", "Critical" };
	if (!headers) headers = english;
	csv_bom(b);
	for (int i = 0; i < INTERCHANGE_CSV_COLS; i++) csv_cell(b, headers[i], i == 0);
	csv_end(b);
	sqlite3_stmt *st = db_q("SELECT wbs, name, duration_days, planned_start, planned_finish, percent, estimate_hours,"
				" predecessors, status, early_start, early_finish, late_start, late_finish, total_float,"
				" free_float, critical FROM tasks WHERE project_id = ? ORDER BY seq", "i", p->id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		char n[6][32];
		const char *row[INTERCHANGE_CSV_COLS] = {
			col_text(st, 0), col_text(st, 1), col_num(n[0], st, 2), col_text(st, 3), col_text(st, 4),
			col_num(n[1], st, 5), col_num(n[2], st, 6), col_text(st, 7), col_text(st, 8), col_text(st, 9),
			col_text(st, 10), col_text(st, 11), col_text(st, 12), col_num(n[3], st, 13), col_num(n[4], st, 14),
			sqlite3_column_int(st, 15) ? "1" : "0" };
		for (int i = 0; i < INTERCHANGE_CSV_COLS; i++) csv_cell(b, row[i], i == 0);
		csv_end(b);
	}
	if (st) sqlite3_reset(st);
}
