/* import.c — a WBS from Excel: the upload form and the all-or-nothing import (csvin.c reads the
 * file, wbsimport.c checks every row; nothing is written unless every row is right, and every
 * problem is listed with its row and column). */
#include "route.h"
#include "db.h"
#include "plan.h"
#include "wbsimport.h"
#include "xml.h"
#include <stdio.h>
#include <string.h>

static int
load(struct ctx *c, struct project *p)
{
	if (project_load(c->rq->a, ctx_pathv(c, 0), p) != 1) return ctx_error(c, 404, "error.project_not_found", "");
	if (project_role(p, c->u) != 'm') return ctx_error(c, 403, "error.not_member", "");
	return 0;
}

static int
import_page(struct ctx *c)
{
	struct project p;
	int rc = load(c, &p);
	if (rc) return rc;
	xmlNodePtr e = xml_el(c->page, "import");
	xml_attr(e, "project", p.code);
	xml_attr(e, "project-name", p.name);
	return H_RENDER;
}

struct lookup { struct arena *a; };

static const char *
owner_of(void *arg, const char *s)
{
	struct lookup *l = arg;
	sqlite3_stmt *st = db_q("SELECT login FROM users WHERE active = 1 AND (login = ?1 OR display_name = ?1) LIMIT 2", "s", s);
	const char *found = NULL;
	int n = 0;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		if (!n++) found = arena_strdup(l->a, (const char *)sqlite3_column_text(st, 0));
	}
	if (st) sqlite3_reset(st);
	return n == 1 ? found : NULL;
}

static const char *
category_of(void *arg, const char *s)
{
	struct lookup *l = arg;
	sqlite3_stmt *st = db_q("SELECT code FROM lists WHERE kind = 'task_category' AND active = 1"
				" AND (code = ?1 OR label_zh = ?1 OR lower(label_en) = lower(?1)) LIMIT 1", "s", s);
	const char *found = NULL;
	if (st && sqlite3_step(st) == SQLITE_ROW) found = arena_strdup(l->a, (const char *)sqlite3_column_text(st, 0));
	if (st) sqlite3_reset(st);
	return found;
}

static int
problems_page(struct ctx *c, const struct project *p, const struct imp_problem *pr, int n)
{
	xmlNodePtr e = xml_el(c->page, "import");
	xml_attr(e, "project", p->code);
	xml_attr(e, "project-name", p->name);
	for (int i = 0; i < n; i++) {
		xmlNodePtr x = xml_el(e, "problem");
		xml_attr_ll(x, "row", pr[i].row);
		xml_attr(x, "column", pr[i].column ? pr[i].column : "");
		xml_attr(x, "key", pr[i].key);
		xml_attr(x, "value", pr[i].value ? pr[i].value : "");
	}
	c->status = 400;
	return H_INVALID;
}

static int
import_post(struct ctx *c)
{
	struct project p;
	int rc = load(c, &p);
	if (rc) return rc;
	c->sheet = "import";
	const struct param *f = http_file(c->rq, "file");
	if (!f || !f->len) {
		struct imp_problem none = { 0, "", "import.error.no_file", "" };
		return problems_page(c, &p, &none, 1);
	}
	struct csv_table t;
	int line = 0, col = 0;
	const char *key = NULL;
	if (csv_read(c->rq->a, f->value, f->len, 10000, &t, &line, &col, &key)) {
		struct imp_problem one = { line, arena_printf(c->rq->a, "%d", col), key, "" };
		return problems_page(c, &p, &one, 1);
	}
	struct lookup l = { c->rq->a };
	struct imp_task *tasks;
	struct imp_problem *probs;
	int nt = 0, np = 0;
	if (wbs_import(c->rq->a, &t, owner_of, &l, category_of, &l, &tasks, &nt, &probs, &np))
		return problems_page(c, &p, probs, np);
	const struct calendar *cal = plan_calendar(c->rq->a);
	int was_empty = db_int("SELECT count(*) FROM tasks WHERE project_id = ?", "i", p.id) == 0;
	long long *ids = arena_alloc(c->rq->a, sizeof *ids * (size_t)(nt + 1));
	for (int i = 0; i < nt; i++) {
		struct imp_task *it = &tasks[i];
		struct task_in in = { it->name, it->description ? it->description : "", it->owner ? it->owner : "", "", "", "", "",
				      it->status ? it->status : "not_started", it->category ? it->category : "",
				      it->predecessors ? it->predecessors : "", NULL, NULL, it->estimate, it->duration, it->percent, -1,
				      it->priority ? it->priority : 3, it->milestone, it->parent >= 0 ? ids[it->parent] : 0, "" };
		char *s = arena_alloc(c->rq->a, 11), *fin = arena_alloc(c->rq->a, 11);
		if (it->start >= 0) { cal_iso(it->start, s); in.planned_start = s; }
		if (it->finish >= 0) { cal_iso(it->finish, fin); in.planned_finish = fin; }
		/* the import engine checked the values; task_check derives finish/duration/remaining */
		struct imp_problem pr = { it->row, "", NULL, "" };
		if (task_check(&in, cal, form_err, c)) {
			pr.key = "import.error.row";
			return problems_page(c, &p, &pr, 1);
		}
		if ((ids[i] = task_create(&c->who, &p, &in, 0)) < 0) return ctx_error(c, 503, "error.busy", "");
	}
	if (project_recompute(p.id, c->rq->a)) return ctx_error(c, 503, "error.busy", "");
	/* into an empty project the file's WBS numbers are the tasks' own: its predecessors become links */
	if (was_empty) {
		if (project_links_from_text(p.id, c->rq->a) < 0) return ctx_error(c, 503, "error.busy", "");
		int rc2 = project_recompute(p.id, c->rq->a);
		if (rc2 == -2) {
			struct imp_problem loop = { 0, "", "error.predecessor_loop", plan_loop_text };
			return problems_page(c, &p, &loop, 1);
		}
		if (rc2) return ctx_error(c, 503, "error.busy", "");
	}
	char reason[64];
	snprintf(reason, sizeof reason, "%d tasks from %s", nt, f->filename ? "a CSV file" : "CSV");
	if (audit_append(&c->who, "project.import", "project", p.code, NULL, NULL, reason))
		return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/projects/%s?flash=imported", p.code));
}

const struct route import_routes[] = {
	{ "GET", "/projects/{code}/import", import_page, "import", ROLE_ANY, 0 },
	{ "POST", "/projects/{code}/import", import_post, "import", ROLE_ANY, RF_UPLOAD },
	{ 0 },
};
