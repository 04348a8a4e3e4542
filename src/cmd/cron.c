/* cron.c — templates become projects: by hand (cron_instantiate) and on a rule (cron_run). The
 * UNIQUE (recurrence, period) key in recurrence_instances is what makes a second run harmless;
 * the outbox's UNIQUE key does the same for the emergency review reminders (cron_review). */
#include "cmd/cron.h"
#include "core/db.h"
#include "change/outbox.h"
#include "engine/recur.h"
#include "core/text.h"
#include <stdio.h>
#include <string.h>

long long
cron_instantiate(const struct audit_who *who, const struct project *tpl, struct project *p, int start,
		 const struct calendar *c, struct arena *a)
{
	int ts = cal_day(tpl->planned_start), tf = cal_day(tpl->planned_finish);
	int span = ts >= 0 && tf >= ts ? cal_workdays_between(c, ts, tf + 1) : 1;
	char *s = arena_alloc(a, 11), *f = arena_alloc(a, 11);
	int first = cal_add_workdays(c, start, 0);
	cal_iso(first, s);
	cal_iso(cal_finish(c, first, span > 0 ? span : 1), f);
	p->planned_start = s;
	p->planned_finish = f;
	p->category = tpl->category;
	p->description = tpl->description;
	if (!p->status) p->status = "planning";
	p->is_template = 0;
	long long id = project_create(who, p);
	if (id < 0) return -1;
	p->id = id;
	if (db_run("UPDATE projects SET template_id = ? WHERE id = ?", "ii", tpl->id, id) != SQLITE_DONE ||
	    project_copy_tasks(who, tpl->id, ts >= 0 ? ts : first, p, first, c, a) || project_recompute(id, a) ||
	    project_links_from_text(id, a) < 0 || project_recompute(id, a))
		return -1;
	return id;
}

int
cron_run(int today, struct arena *a)
{
	const struct calendar *c = plan_calendar(a);
	struct audit_who who = { "cron", "", "cron" };
	struct rec { long long id, manager_id; char rule[40], prefix[24], name[200], tpl[40], manager[80], created[11]; } recs[256];
	int n = 0;
	sqlite3_stmt *st = db_q("SELECT r.id, r.rule, r.code_prefix, r.name, p.code, r.manager_id, u.login, substr(r.created_at, 1, 10)"
				" FROM recurrences r JOIN projects p ON p.id = r.template_id JOIN users u ON u.id = r.manager_id"
				" WHERE r.active = 1 ORDER BY r.id", "");
	while (st && n < 256 && sqlite3_step(st) == SQLITE_ROW) {
		struct rec *r = &recs[n++];
		r->id = sqlite3_column_int64(st, 0);
		snprintf(r->rule, sizeof r->rule, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(r->prefix, sizeof r->prefix, "%s", (const char *)sqlite3_column_text(st, 2));
		snprintf(r->name, sizeof r->name, "%s", (const char *)sqlite3_column_text(st, 3));
		snprintf(r->tpl, sizeof r->tpl, "%s", (const char *)sqlite3_column_text(st, 4));
		r->manager_id = sqlite3_column_int64(st, 5);
		snprintf(r->manager, sizeof r->manager, "%s", (const char *)sqlite3_column_text(st, 6));
		snprintf(r->created, sizeof r->created, "%s", (const char *)sqlite3_column_text(st, 7));
	}
	if (st) sqlite3_reset(st);
	int made = 0;
	for (int i = 0; i < n; i++) {
		struct rec *r = &recs[i];
		/* the firings of the last week (not before the rule existed): a missed run catches up,
		 * an old rule does not flood the list with stale instances */
		int from = today - 6, created = cal_day(r->created);
		if (created > from) from = created;
		for (int day = recur_next(r->rule, c, from); day >= 0 && day <= today; day = recur_next(r->rule, c, day + 1)) {
			char period[11];
			cal_iso(day, period);
			if (db_int("SELECT count(*) FROM recurrence_instances WHERE recurrence_id = ? AND period = ?", "is",
				   r->id, period))
				continue;
			struct project tpl, p = {0};
			if (db_begin() != SQLITE_OK) return -1;
			if (project_load(a, r->tpl, &tpl) != 1) { db_rollback(); break; }
			char code[40], name[260];
			snprintf(code, sizeof code, "%s-%.4s%.2s%.2s", r->prefix, period, period + 5, period + 8);
			snprintf(name, sizeof name, "%s %s", r->name, period);
			p.code = code;
			p.name = name;
			p.manager_id = r->manager_id;
			p.manager = r->manager;
			p.status = "active";
			long long id = db_int("SELECT count(*) FROM projects WHERE code = ?", "s", code) ? -1
				     : cron_instantiate(&who, &tpl, &p, day, c, a);
			if (id < 0 || db_run("INSERT INTO recurrence_instances (recurrence_id, period, project_id) VALUES (?,?,?)",
					     "isi", r->id, period, id) != SQLITE_DONE || db_commit() != SQLITE_OK) {
				fprintf(stderr, "opsplan: cron: %s for %s not created: %s\n", code, period,
					id < 0 ? "code taken or copy failed" : db_errmsg());
				db_rollback();
				continue;
			}
			printf("opsplan: cron: created %s (%s)\n", code, name);
			made++;
		}
	}
	return made;
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
cron_reschedule(int today, struct arena *a)
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
				plan_loop_text ? plan_loop_text : db_errmsg());
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

int
cron_review(int today, struct arena *a)
{
	const struct calendar *c = plan_calendar(a);
	struct audit_who who = { "cron", "", "cron" };
	char day[11], soon[11];
	cal_iso(today, day);
	cal_iso(cal_add_workdays(c, today, 1), soon);
	static const char SQL[] = "SELECT id, number, review_due FROM changes WHERE state IN ('implement', 'review')"
				  " AND review_due IS NOT NULL AND review_due <= ? ORDER BY id";
	int n = (int)db_int("SELECT count(*) FROM changes WHERE state IN ('implement', 'review')"
			    " AND review_due IS NOT NULL AND review_due <= ?", "s", soon);
	struct due { long long id; const char *number, *due; } *d = arena_alloc(a, sizeof *d * (size_t)(n + 1));
	int k = 0;
	sqlite3_stmt *st = db_q(SQL, "s", soon);
	while (st && k < n && sqlite3_step(st) == SQLITE_ROW) {
		d[k].id = sqlite3_column_int64(st, 0);
		d[k].number = arena_strdup(a, (const char *)sqlite3_column_text(st, 1));
		d[k++].due = arena_strdup(a, (const char *)sqlite3_column_text(st, 2));
	}
	if (st) sqlite3_reset(st);
	int made = 0;
	for (int i = 0; i < k; i++) {
		const char *event = strcmp(d[i].due, day) < 0 ? "change.review_overdue" : "change.review_due";
		if (db_begin() != SQLITE_OK) return -1;
		int w = outbox_review(a, d[i].id, event);
		if (w <= 0) {
			db_rollback();
			if (w < 0) return -1;
			continue;
		}
		struct buf nv = {0};
		json_open(&nv);
		json_s(&nv, "event", event);
		json_s(&nv, "review_due", d[i].due);
		json_n(&nv, "recipients", w);
		json_close(&nv);
		int rc = audit_append(&who, "change.notify", "change", d[i].number, NULL, buf_str(&nv), "");
		buf_free(&nv);
		if (rc || db_commit() != SQLITE_OK) {
			db_rollback();
			return -1;
		}
		printf("opsplan: cron: %s %s (review due %s)\n", event, d[i].number, d[i].due);
		made++;
	}
	return made;
}
