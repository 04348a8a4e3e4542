/* templates.c — templates become projects: by hand (templates_instantiate) and on a rule
 * (templates_recur, run by `opsplan cron`). The UNIQUE (recurrence, period) key in
 * recurrence_instances is what makes a second run harmless. */
#include "plan/templates.h"
#include "plan/project.h"
#include "plan/task.h"
#include "core/db.h"
#include "core/json.h"
#include "core/text.h"
#include "engine/recur.h"
#include <stdio.h>
#include <string.h>

long long
templates_instantiate(const struct audit_who *who, const struct project *tpl, struct project *p, int start,
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
	    task_copy_tree(who, tpl->id, ts >= 0 ? ts : first, p, first, c, a) || project_recompute(id, a) ||
	    schedule_links_from_text(id, a) < 0 || project_recompute(id, a))
		return -1;
	return id;
}

int
templates_recur(int today, struct arena *a)
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
				     : templates_instantiate(&who, &tpl, &p, day, c, a);
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
