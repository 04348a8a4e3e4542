/* feeds.c — iCalendar feeds: a user's open tasks (/my.ics) and a project's milestones
 * (/projects/CODE/milestones.ics), with UIDs that stay the same across downloads so calendar
 * clients update events instead of duplicating them. Behind the SSO like every page. */
#include "core/route.h"
#include "core/clock.h"
#include "core/db.h"
#include "format/ical.h"
#include "plan/plan.h"
#include "plan/project.h"
#include <stdio.h>
#include <string.h>

static void
stamp(char out[17])
{
	char iso[21];
	clock_iso(clock_now(), iso);
	snprintf(out, 17, "%.4s%.2s%.2sT%.2s%.2s%.2sZ", iso, iso + 5, iso + 8, iso + 11, iso + 14, iso + 17);
}

static const char *
host(struct ctx *c)
{
	const char *h = http_env(c->rq, "HTTP_HOST");
	return h && *h ? h : "opsplan";
}

static int
finish(struct ctx *c, const char *name)
{
	c->rs->status = 200;
	c->rs->ctype = "text/calendar; charset=utf-8";
	c->rs->disposition = arena_printf(c->rq->a, "inline; filename=\"%s.ics\"", name);
	return H_DONE;
}

static int
my_ics(struct ctx *c)
{
	struct buf *b = &c->rs->body;
	char st[17];
	stamp(st);
	ical_begin(b, arena_printf(c->rq->a, "opsplan: %s", *c->u->display_name ? c->u->display_name : c->u->login));
	sqlite3_stmt *q = db_q("SELECT t.id, p.code, t.wbs, t.name, t.planned_start, coalesce(t.planned_finish, t.planned_start),"
			       " p.name FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.owner_id = ? AND t.is_summary = 0"
			       " AND t.status NOT IN ('done', 'cancelled') AND t.planned_start IS NOT NULL AND p.is_template = 0"
			       " ORDER BY t.planned_start", "i", c->u->id);
	while (q && sqlite3_step(q) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(q, 1);
		ical_event(b, arena_printf(c->rq->a, "task-%lld@%s", sqlite3_column_int64(q, 0), host(c)),
			   (const char *)sqlite3_column_text(q, 4), (const char *)sqlite3_column_text(q, 5),
			   arena_printf(c->rq->a, "[%s %s] %s", code, sqlite3_column_text(q, 2), sqlite3_column_text(q, 3)),
			   (const char *)sqlite3_column_text(q, 6),
			   arena_printf(c->rq->a, "https://%s/tasks/%lld", host(c), sqlite3_column_int64(q, 0)), st);
	}
	if (q) sqlite3_reset(q);
	ical_end(b);
	return finish(c, "my-tasks");
}

static int
milestones_ics(struct ctx *c)
{
	struct project p;
	if (project_load(c->rq->a, ctx_pathv(c, 0), &p) != 1) return ctx_error(c, 404, "error.project_not_found", "");
	struct buf *b = &c->rs->body;
	char st[17];
	stamp(st);
	ical_begin(b, arena_printf(c->rq->a, "%s %s", p.code, p.name));
	sqlite3_stmt *q = db_q("SELECT id, wbs, name, planned_start, coalesce(planned_finish, planned_start) FROM tasks"
			       " WHERE project_id = ? AND milestone = 1 AND planned_start IS NOT NULL ORDER BY seq", "i", p.id);
	while (q && sqlite3_step(q) == SQLITE_ROW) {
		ical_event(b, arena_printf(c->rq->a, "milestone-%lld@%s", sqlite3_column_int64(q, 0), host(c)),
			   (const char *)sqlite3_column_text(q, 3), (const char *)sqlite3_column_text(q, 4),
			   arena_printf(c->rq->a, "◆ %s %s %s", p.code, sqlite3_column_text(q, 1), sqlite3_column_text(q, 2)),
			   p.name, arena_printf(c->rq->a, "https://%s/tasks/%lld", host(c), sqlite3_column_int64(q, 0)), st);
	}
	if (q) sqlite3_reset(q);
	ical_end(b);
	return finish(c, arena_printf(c->rq->a, "%s-milestones", p.code));
}

const struct route feeds_routes[] = {
	{ "GET", "/my.ics", my_ics, NULL, ROLE_ANY, 0 },
	{ "GET", "/projects/{code}/milestones.ics", milestones_ics, NULL, ROLE_ANY, 0 },
	{ 0 },
};
