/* project.c — projects: loading, the permission within a project, checked and audited writes,
 * members, recomputing a project after a write (the derived WBS numbers and roll-ups — wbs.c
 * does the arithmetic —, the schedule, the milestone trend) and a project's health. */
#include "plan/project.h"
#include "plan/lists.h"
#include "plan/plan.h"
#include "plan/schedule.h"
#include "plan/trend.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/json.h"
#include "core/text.h"
#include "core/xml.h"
#include "engine/health.h"
#include "engine/wbs.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const PROJECT_STATUS[] = { "planning", "active", "on_hold", "done", "cancelled", NULL };

static int wbs_pass(long long project_id, struct arena *a);

/* A stored date, -1 when NULL. */
static int
day_or(const unsigned char *s)
{
	return s ? cal_day((const char *)s) : -1;
}

int
project_load(struct arena *a, const char *code, struct project *p)
{
	sqlite3_stmt *st = db_q("SELECT p.id, p.code, p.name, p.description, p.category, p.planned_start,"
				" p.planned_finish, p.status, p.manager_id, u.login, u.display_name, p.is_template"
				" FROM projects p JOIN users u ON u.id = p.manager_id WHERE p.code = ?", "s", code);
	if (!st) return -1;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	const char **f[] = { &p->code, &p->name, &p->description, &p->category, &p->planned_start,
			     &p->planned_finish, &p->status };
	p->id = sqlite3_column_int64(st, 0);
	for (int i = 0; i < 7; i++)
		*f[i] = arena_strdup(a, (const char *)sqlite3_column_text(st, i + 1));
	p->manager_id = sqlite3_column_int64(st, 8);
	p->manager = arena_strdup(a, (const char *)sqlite3_column_text(st, 9));
	p->manager_name = arena_strdup(a, (const char *)sqlite3_column_text(st, 10));
	p->is_template = sqlite3_column_int(st, 11);
	sqlite3_reset(st);
	return 1;
}

int
project_role(const struct project *p, const struct user *u)
{
	if ((u->roles & ROLE_ADMIN) || p->manager_id == u->id) return 'm';
	sqlite3_stmt *st = db_q("SELECT role FROM project_members WHERE project_id = ? AND user_id = ?", "ii",
				p->id, u->id);
	int r = 'v';
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *role = (const char *)sqlite3_column_text(st, 0);
		r = !strcmp(role, "manager") ? 'm' : !strcmp(role, "engineer") ? 'e' : 'v';
	}
	if (st) sqlite3_reset(st);
	/* auditors and viewers only ever read, whatever a membership says */
	if (!(u->roles & (ROLE_ADMIN | ROLE_MANAGER | ROLE_ENGINEER | ROLE_APPROVER))) r = 'v';
	return r;
}

static int
code_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 32) return 0;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '-')) return 0;
	return 1;
}

int
project_check(const struct project *p, int is_new, fielderr_fn err, void *arg)
{
	int bad = 0;
#define BAD(f, k) do { err(arg, f, k); bad++; } while (0)
	if (is_new) {
		if (!code_ok(p->code)) BAD("code", "error.code");
		else if (db_int("SELECT count(*) FROM projects WHERE code = ?", "s", p->code)) BAD("code", "error.code_taken");
	}
	if (!*p->name || text_chars(p->name) > 200 || strchr(p->name, '\n')) BAD("name", "error.name");
	if (text_chars(p->description) > 4000) BAD("description", "error.field_too_long");
	if (!lists_has("project_category", p->category)) BAD("category", "error.category");
	if (!text_one_of(p->status, PROJECT_STATUS)) BAD("status", "error.status");
	if (!p->manager_id) BAD("manager", "error.manager");
	int s = cal_day(p->planned_start), f = cal_day(p->planned_finish);
	if (s < 0) BAD("planned_start", "error.date");
	if (f < 0) BAD("planned_finish", "error.date");
	if (s >= 0 && f >= 0 && f < s) BAD("planned_finish", "error.date_order");
#undef BAD
	return bad;
}

static void
project_json(struct buf *b, const struct project *p)
{
	json_open(b);
	json_s(b, "code", p->code);
	json_s(b, "name", p->name);
	json_s(b, "description", p->description);
	json_s(b, "category", p->category);
	json_s(b, "manager", p->manager);
	json_s(b, "planned_start", p->planned_start);
	json_s(b, "planned_finish", p->planned_finish);
	json_s(b, "status", p->status);
	json_n(b, "template", p->is_template);
	json_close(b);
}

long long
project_create(const struct audit_who *who, const struct project *p)
{
	char now[21];
	clock_iso(clock_now(), now);
	if (db_run("INSERT INTO projects (code, name, description, manager_id, category, planned_start,"
		   " planned_finish, status, is_template, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
		   "sssisssssss", p->code, p->name, p->description, p->manager_id, p->category, p->planned_start,
		   p->planned_finish, p->status, p->is_template ? "1" : "0", now, now) != SQLITE_DONE)
		return -1;
	long long id = sqlite3_last_insert_rowid(db);
	if (db_run("INSERT INTO project_members (project_id, user_id, role) VALUES (?, ?, 'manager')", "ii", id,
		   p->manager_id) != SQLITE_DONE)
		return -1;
	struct buf nv = {0};
	project_json(&nv, p);
	int rc = audit_append(who, p->is_template ? "template.create" : "project.create", "project", p->code,
			      NULL, buf_str(&nv), "");
	buf_free(&nv);
	return rc ? -1 : id;
}

int
project_update(const struct audit_who *who, const struct project *old, const struct project *p)
{
	char now[21];
	clock_iso(clock_now(), now);
	if (db_run("UPDATE projects SET name = ?, description = ?, manager_id = ?, category = ?, planned_start = ?,"
		   " planned_finish = ?, status = ?, updated_at = ? WHERE id = ?", "ssisssssi", p->name,
		   p->description, p->manager_id, p->category, p->planned_start, p->planned_finish, p->status, now,
		   old->id) != SQLITE_DONE)
		return -1;
	if (p->manager_id != old->manager_id &&
	    db_run("INSERT INTO project_members (project_id, user_id, role) VALUES (?, ?, 'manager')"
		   " ON CONFLICT (project_id, user_id) DO UPDATE SET role = 'manager'", "ii", old->id,
		   p->manager_id) != SQLITE_DONE)
		return -1;
	struct buf ov = {0}, nv = {0};
	project_json(&ov, old);
	project_json(&nv, p);
	int rc = audit_append(who, "project.update", "project", old->code, buf_str(&ov), buf_str(&nv), "");
	buf_free(&ov);
	buf_free(&nv);
	return rc;
}

int
project_member(const struct audit_who *who, const struct project *p, long long user_id, const char *login,
	       const char *role)
{
	sqlite3_stmt *st = db_q("SELECT role FROM project_members WHERE project_id = ? AND user_id = ?", "ii",
				p->id, user_id);
	char old[16] = "";
	if (st && sqlite3_step(st) == SQLITE_ROW)
		snprintf(old, sizeof old, "%s", (const char *)sqlite3_column_text(st, 0));
	if (st) sqlite3_reset(st);
	int rc = !strcmp(role, "remove")
		 ? db_run("DELETE FROM project_members WHERE project_id = ? AND user_id = ?", "ii", p->id, user_id)
		 : db_run("INSERT INTO project_members (project_id, user_id, role) VALUES (?, ?, ?)"
			  " ON CONFLICT (project_id, user_id) DO UPDATE SET role = excluded.role", "iis", p->id,
			  user_id, role);
	if (rc != SQLITE_DONE) return -1;
	struct buf ov = {0}, nv = {0};
	json_open(&ov);
	json_s(&ov, "member", login);
	json_s(&ov, "role", *old ? old : NULL);
	json_close(&ov);
	json_open(&nv);
	json_s(&nv, "member", login);
	json_s(&nv, "role", strcmp(role, "remove") ? role : NULL);
	json_close(&nv);
	int r = audit_append(who, "project.member", "project", p->code, buf_str(&ov), buf_str(&nv), "");
	buf_free(&ov);
	buf_free(&nv);
	return r;
}

static const char *
iso_or_null(int day, char out[11])
{
	if (day < 0) return NULL;
	cal_iso(day, out);
	return out;
}

int
project_recompute(long long project_id, struct arena *a)
{
	/* numbers first (links are written with them), then dates, then the roll-ups of the dates */
	int rc = wbs_pass(project_id, a);
	/* the schedule moves dates only of leaf tasks: the summaries' roll-ups again if there are any */
	if (!rc && (rc = schedule_project(project_id, a)) == 0 &&
	    db_int("SELECT count(*) FROM tasks WHERE project_id = ? AND is_summary = 1 LIMIT 1", "i", project_id))
		rc = wbs_pass(project_id, a);
	if (!rc) rc = schedule_links_text(project_id, a);
	if (!rc) rc = trend_record(project_id, plan_today());
	return rc;
}

static int
wbs_pass(long long project_id, struct arena *a)
{
	int n = (int)db_int("SELECT count(*) FROM tasks WHERE project_id = ?", "i", project_id);
	struct wbs_task *t = arena_alloc(a, sizeof *t * (size_t)(n + 1));
	sqlite3_stmt *st = db_q("SELECT id, coalesce(parent_id, 0), position, estimate_hours, percent, remaining_hours,"
				" planned_start, planned_finish, actual_start, actual_finish, status"
				" FROM tasks WHERE project_id = ?", "i", project_id);
	int i = 0;
	while (st && i < n && sqlite3_step(st) == SQLITE_ROW) {
		struct wbs_task *w = &t[i];
		w->id = sqlite3_column_int64(st, 0);
		w->parent = sqlite3_column_int64(st, 1);
		w->position = sqlite3_column_int(st, 2);
		w->estimate = sqlite3_column_double(st, 3);
		w->percent = sqlite3_column_double(st, 4);
		w->remaining = sqlite3_column_double(st, 5);
		w->start = day_or(sqlite3_column_text(st, 6));
		w->finish = day_or(sqlite3_column_text(st, 7));
		w->actual_start = day_or(sqlite3_column_text(st, 8));
		w->actual_finish = day_or(sqlite3_column_text(st, 9));
		w->status = WBS_NOT_STARTED;
		for (int k = 0; k <= WBS_CANCELLED; k++)
			if (!strcmp((const char *)sqlite3_column_text(st, 10), wbs_status_names[k])) w->status = k;
		i++;
	}
	if (st) sqlite3_reset(st);
	n = i;
	if (wbs_compute(t, n)) return -1;
	for (i = 0; i < n; i++) {
		struct wbs_task *w = &t[i];
		char s[11], f[11], as[11], af[11];
		int rc;
		if (w->is_summary)   /* a summary's values are its children's, rolled up */
			rc = db_run("UPDATE tasks SET wbs = ?, depth = ?, seq = ?, position = ?, is_summary = 1,"
				    " estimate_hours = ?, percent = ?, remaining_hours = ?, planned_start = ?,"
				    " planned_finish = ?, actual_start = ?, actual_finish = ?, status = ? WHERE id = ?",
				    "sdddfffsssssi", w->wbs, w->depth, w->seq, w->position, w->r_estimate,
				    round(w->r_percent * 10) / 10, w->r_remaining, iso_or_null(w->r_start, s),
				    iso_or_null(w->r_finish, f), iso_or_null(w->r_actual_start, as),
				    iso_or_null(w->r_actual_finish, af), wbs_status_names[w->r_status], w->id);
		else                 /* leaves: only the derived numbering, and only when it changed */
			rc = db_run("UPDATE tasks SET wbs = ?1, depth = ?2, seq = ?3, position = ?4, is_summary = 0"
				    " WHERE id = ?5 AND (wbs <> ?1 OR depth <> ?2 OR seq <> ?3 OR position <> ?4"
				    " OR is_summary <> 0)", "sdddi", w->wbs, w->depth, w->seq, w->position, w->id);
		if (rc != SQLITE_DONE) return -1;
	}
	double est = 0, done = 0, avg = 0;
	int top = 0;
	for (i = 0; i < n; i++)
		if (t[i].depth == 0) {
			est += t[i].r_estimate;
			done += t[i].r_estimate * t[i].r_percent;
			avg += t[i].r_percent;
			top++;
		}
	double pct = est > 0 ? done / est : top ? avg / top : 0;
	return db_run("UPDATE projects SET estimate_hours = ?, percent = ?, task_count = ? WHERE id = ?", "ffdi",
		      est, round(pct * 10) / 10, n, project_id) == SQLITE_DONE ? 0 : -1;
}

void
project_health(long long project_id, const char *planned_finish, const struct calendar *c, int today,
	       struct arena *a, struct health *h)
{
	health_init(h, c, today, cal_day(planned_finish));
	sqlite3_stmt *st = db_q("SELECT estimate_hours, percent, remaining_hours, planned_start, planned_finish,"
				" actual_finish, status NOT IN ('done', 'cancelled'), milestone, id, name, due_finish"
				" FROM tasks WHERE project_id = ? AND is_summary = 0 AND status <> 'cancelled'",
				"i", project_id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		struct health_task t = {
			sqlite3_column_double(st, 0), sqlite3_column_double(st, 1), sqlite3_column_double(st, 2),
			day_or(sqlite3_column_text(st, 3)), day_or(sqlite3_column_text(st, 4)),
			day_or(sqlite3_column_text(st, 5)), 0, sqlite3_column_int(st, 6), sqlite3_column_int(st, 7),
			sqlite3_column_int64(st, 8), NULL };
		t.due = day_or(sqlite3_column_text(st, 10));
		t.name = arena_strdup(a, (const char *)sqlite3_column_text(st, 9));
		health_add(h, &t);
	}
	if (st) sqlite3_reset(st);
	health_finish(h);
}

void
project_health_xml(xmlNodePtr e, const struct health *h, const char *status)
{
	char d[11], num[32];
	snprintf(num, sizeof num, "%.0f", h->planned_percent);
	xml_attr(e, "planned-percent", num);
	snprintf(num, sizeof num, "%.0f", h->percent);
	xml_set(e, "percent", num);       /* the project row may carry the stored percent already */
	if (h->forecast >= 0) {
		cal_iso(h->forecast, d);
		xml_attr(e, "forecast-finish", d);
	}
	xml_attr_ll(e, "deviation", h->deviation);
	xml_attr_ll(e, "overdue", h->overdue);
	xml_attr_ll(e, "at-risk", h->at_risk);
	xml_attr(e, "health", status && !strcmp(status, "done") ? "done" : h->state);
	if (h->next_ms_finish >= 0) {
		xmlNodePtr m = xml_el(e, "next-milestone");
		xml_attr_ll(m, "id", h->next_ms_id);
		xml_attr(m, "name", h->next_ms_name);
		cal_iso(h->next_ms_finish, d);
		xml_attr(m, "finish", d);
	}
}

/* Everything the schedule writes for a project's tasks, as one text to compare. */
static const char SCHEDULE_STATE[] = "SELECT group_concat(id || ':' || coalesce(planned_start, '') || ':' ||"
	" coalesce(planned_finish, '') || ':' || coalesce(total_float, '') || ':' || coalesce(free_float, '') || ':' ||"
	" critical || ':' || coalesce(driving_pred, '') || ':' || deadline_missed || ':' || coalesce(early_start, '') || ':' ||"
	" coalesce(late_finish, ''), ';') FROM (SELECT * FROM tasks WHERE project_id = ? ORDER BY id)";

static char *
schedule_state(long long project_id, struct arena *a)
{
	sqlite3_stmt *st = db_q(SCHEDULE_STATE, "i", project_id);
	char *v = NULL;
	if (st && sqlite3_step(st) == SQLITE_ROW) v = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
	if (st) sqlite3_reset(st);
	return v ? v : arena_strdup(a, "");
}

int
project_reschedule_all(int today, struct arena *a)
{
	struct audit_who who = { "cron", "", "cron" };
	int n = (int)db_int("SELECT count(*) FROM projects WHERE is_template = 0 AND status IN ('planning', 'active')", "");
	long long *ids = arena_alloc(a, sizeof *ids * (size_t)(n + 1));
	const char **codes = arena_alloc(a, sizeof *codes * (size_t)(n + 1));
	sqlite3_stmt *st = db_q("SELECT id, code FROM projects WHERE is_template = 0 AND status IN ('planning', 'active')"
				" ORDER BY id", "");
	int k = 0;
	while (st && k < n && sqlite3_step(st) == SQLITE_ROW) {
		ids[k] = sqlite3_column_int64(st, 0);
		codes[k++] = arena_strdup(a, (const char *)sqlite3_column_text(st, 1));
	}
	if (st) sqlite3_reset(st);
	char day[11], reason[40];
	cal_iso(today, day);
	snprintf(reason, sizeof reason, "status date %s", day);
	int changed = 0;
	for (int i = 0; i < k; i++) {
		if (db_begin() != SQLITE_OK) return -1;
		char *before = schedule_state(ids[i], a);
		if (project_recompute(ids[i], a)) {
			db_rollback();
			fprintf(stderr, "opsplan: cron: %s not rescheduled: %s\n", codes[i],
				schedule_loop_text ? schedule_loop_text : db_errmsg());
			continue;
		}
		if (!strcmp(before, schedule_state(ids[i], a))) {
			db_rollback();
			continue;
		}
		if (audit_append(&who, "project.reschedule", "project", codes[i], NULL, NULL, reason) ||
		    db_commit() != SQLITE_OK) {
			db_rollback();
			return -1;
		}
		printf("opsplan: cron: rescheduled %s\n", codes[i]);
		changed++;
	}
	return changed;
}
