/* chgfollow.c — follow-up tasks of a post-implementation review (see chgfollow.h). The task is
 * made by the task model itself (task_check, task_create, project_recompute), never copied. */
#include "change/followup.h"
#include "plan/project.h"
#include "plan/task.h"
#include "plan/plan.h"
#include "engine/cal.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/db.h"
#include "core/text.h"
#include "core/xml.h"
#include <string.h>

int
followup_may(const struct change *c, const struct user *u)
{
	if (strcmp(c->state, "review")) return 0;
	return c->requester_id == u->id || (c->implementer_id && c->implementer_id == u->id) ||
	       (u->roles & (ROLE_ADMIN | ROLE_MANAGER));
}

/* task_check's field names are the task form's: reported under the follow-up form's names. */
struct rename { fielderr_fn err; void *arg; };

static void
renamed(void *arg, const char *field, const char *key)
{
	struct rename *r = arg;
	if (!strcmp(field, "name")) field = "title";
	else if (!strcmp(field, "planned_finish") || !strcmp(field, "planned_start")) field = "due";
	r->err(r->arg, field, key);
}

int
followup_add(const struct audit_who *who, const struct user *u, const struct change *c, const struct followup_in *f,
	  fielderr_fn err, void *earg, struct arena *a, long long *task_id)
{
	if (strcmp(c->state, "review")) return -2;
	if (!followup_may(c, u)) return -3;
	int bad = 0;
	struct project p;
	int pr = 0;
	if (!*f->project) err(earg, "project", "chgf.error.project"), bad++;
	else if ((pr = project_load(a, f->project, &p)) < 0) return -1;
	else if (!pr || p.is_template) err(earg, "project", "chg.error.project"), bad++, pr = 0;
	char today[11];
	cal_iso(plan_today(), today);
	int past = *f->due && cal_day(f->due) >= 0 && strcmp(f->due, today) < 0;
	if (past) err(earg, "due", "chgf.error.due"), bad++;
	struct task_in t = { .name = f->title, .owner = f->owner, .planned_start = today, .planned_finish = past ? "" : f->due,
			     .actual_start = "", .actual_finish = "", .status = "not_started", .category = "",
			     .predecessors = "", .priority = 3, .remaining = -1,
			     .description = arena_printf(a, "%s: %s", c->number, c->title) };
	if (!*t.planned_finish) t.duration = 1;
	struct rename rn = { err, earg };
	const struct calendar *cal = pr ? plan_project_calendar(a, p.id) : plan_calendar(a);
	bad += task_check(&t, cal, renamed, &rn);   /* the title (as name), the owner, the due date */
	if (bad) return bad;
	if (project_role(&p, u) != 'm') return -4;
	long long id = task_create(who, &p, &t, 0);
	if (id < 0 || project_recompute(p.id, a)) return -1;
	char now[21];
	clock_iso(clock_now(), now);
	if (db_run("INSERT INTO change_followups (change_id, task_id, created_at, created_by) VALUES (?, ?, ?, ?)",
		   "iisi", c->id, id, now, u->id) != SQLITE_DONE)
		return -1;
	struct buf nv = {0};
	json_open(&nv);
	json_n(&nv, "task", (double)id);
	json_s(&nv, "project", p.code);
	json_s(&nv, "title", f->title);
	json_s(&nv, "owner", f->owner);
	json_s(&nv, "due", *f->due ? f->due : NULL);
	json_close(&nv);
	int rc = audit_append(who, "change.followup", "change", c->number, NULL, buf_str(&nv), "");
	buf_free(&nv);
	if (rc) return -1;
	*task_id = id;
	return 0;
}

void
followup_xml(xmlNodePtr parent, long long change_id)
{
	xmlNodePtr e = xml_el(parent, "followups");
	sqlite3_stmt *st = db_q("SELECT t.id, t.wbs, t.name, t.status, t.percent, p.code AS project, o.login AS owner,"
				" CASE o.display_name WHEN '' THEN o.login ELSE o.display_name END AS \"owner-name\","
				" t.planned_finish AS \"planned-finish\", f.created_at AS created, u.login AS \"created-by\""
				" FROM change_followups f JOIN tasks t ON t.id = f.task_id JOIN projects p ON p.id = t.project_id"
				" JOIN users u ON u.id = f.created_by LEFT JOIN users o ON o.id = t.owner_id"
				" WHERE f.change_id = ? ORDER BY f.created_at, t.id", "i", change_id);
	while (st && sqlite3_step(st) == SQLITE_ROW) xml_row(xml_el(e, "task"), st);
	if (st) sqlite3_reset(st);
}

long long
followup_in_subtree(long long task_id)
{
	return db_int("WITH RECURSIVE sub(x) AS (SELECT ? UNION ALL SELECT t.id FROM tasks t JOIN sub ON t.parent_id = sub.x)"
		      " SELECT count(*) FROM change_followups WHERE task_id IN (SELECT x FROM sub)", "i", task_id);
}

const char *
followup_change_of(struct arena *a, long long task_id)
{
	const char *n = NULL;
	sqlite3_stmt *st = db_q("SELECT c.number FROM change_followups f JOIN changes c ON c.id = f.change_id"
				" WHERE f.task_id = ?", "i", task_id);
	if (st && sqlite3_step(st) == SQLITE_ROW) n = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
	if (st) sqlite3_reset(st);
	return n;
}
