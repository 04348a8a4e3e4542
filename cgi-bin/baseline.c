/* baseline.c — saving a named, immutable baseline of a project (every task's planned dates,
 * duration and estimate at that moment); the project page and the Gantt chart compare with one
 * chosen by ?baseline=ID. */
#include "core/route.h"
#include "core/json.h"
#include "core/clock.h"
#include "core/db.h"
#include "plan/plan.h"
#include "plan/project.h"
#include "core/text.h"
#include "core/xml.h"
#include <stdio.h>
#include <string.h>

static int
baseline_post(struct ctx *c)
{
	struct project p;
	if (project_load(c->rq->a, ctx_pathv(c, 0), &p) != 1) return ctx_error(c, 404, "error.project_not_found", "");
	if (project_role(&p, c->u) != 'm') return ctx_error(c, 403, "error.not_member", "");
	const char *name = form_str(c, "name");
	if (!*name || text_chars(name) > 100 || strchr(name, '\n')) return ctx_error(c, 400, "error.name", "name");
	if (db_int("SELECT count(*) FROM baselines WHERE project_id = ? AND name = ?", "is", p.id, name))
		return ctx_error(c, 400, "error.baseline_taken", "name");
	char now[21];
	clock_iso(clock_now(), now);
	if (db_run("INSERT INTO baselines (project_id, name, created_at, created_by) VALUES (?,?,?,?)", "isss", p.id, name,
		   now, c->u->login) != SQLITE_DONE)
		return ctx_error(c, 503, "error.busy", "");
	long long id = sqlite3_last_insert_rowid(db);
	if (db_run("INSERT INTO baseline_tasks (baseline_id, task_id, wbs, name, planned_start, planned_finish, duration_days,"
		   " estimate_hours) SELECT ?, id, wbs, name, planned_start, planned_finish, duration_days, estimate_hours"
		   " FROM tasks WHERE project_id = ?", "ii", id, p.id) != SQLITE_DONE)
		return ctx_error(c, 503, "error.busy", "");
	struct buf nv = {0};
	json_open(&nv);
	json_n(&nv, "baseline", (double)id);
	json_s(&nv, "name", name);
	json_n(&nv, "tasks", (double)db_int("SELECT count(*) FROM baseline_tasks WHERE baseline_id = ?", "i", id));
	json_close(&nv);
	int rc = audit_append(&c->who, "baseline.create", "project", p.code, NULL, buf_str(&nv), "");
	buf_free(&nv);
	if (rc) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/projects/%s?baseline=%lld&flash=baseline", p.code, id));
}

const struct route baseline_routes[] = {
	{ "POST", "/projects/{code}/baselines", baseline_post, NULL, ROLE_ANY, 0 },
	{ 0 },
};
