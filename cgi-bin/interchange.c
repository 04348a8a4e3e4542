/* import.c — a plan in and out of a project: the upload form and the all-or-nothing import of a
 * WBS from Excel (csvin.c reads the file, wbsimport.c checks every row; nothing is written unless
 * every row is right, and every problem is listed with its row and column) or of a Microsoft
 * Project XML file (mspdi.c reads it, mspdi_model.c imports it exactly as `opsplan import` does),
 * the result of an MSPDI import, and the downloads: the scheduled plan as MSPDI and the schedule
 * as CSV (same permission as reading the project). */
#include "core/route.h"
#include "format/mspdi_write.h"
#include "core/csv.h"
#include "core/db.h"
#include "plan/interchange.h"
#include "core/render.h"
#include "plan/plan.h"
#include "plan/project.h"
#include "plan/task.h"
#include "plan/schedule.h"
#include "format/wbsimport.h"
#include "core/xml.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
load(struct ctx *c, struct project *p)
{
	if (project_load(c->rq->a, ctx_pathv(c, 0), p) != 1) return ctx_error(c, 404, "error.project_not_found", "");
	if (project_role(p, c->u) != 'm') return ctx_error(c, 403, "error.not_member", "");
	return 0;
}

/* <result> of the MSPDI import recorded in audit record id for project code, when it is one. */
static void
result_xml(xmlNodePtr e, const char *code, long long id)
{
	sqlite3_stmt *st = db_q("SELECT json_extract(new_value, '$.tasks'), json_extract(new_value, '$.owners'),"
				" coalesce(json_extract(new_value, '$.calendar'), ''), coalesce(json_extract(new_value, '$.source'), '')"
				" FROM audit_log WHERE id = ? AND action = 'project.import' AND entity = 'project' AND entity_id = ?"
				" AND json_valid(new_value) AND json_extract(new_value, '$.format') = 'mspdi'", "is", id, code);
	if (!st || sqlite3_step(st) != SQLITE_ROW) {
		if (st) sqlite3_reset(st);
		return;
	}
	xmlNodePtr r = xml_el(e, "result");
	xml_attr_ll(r, "tasks", sqlite3_column_int64(st, 0));
	xml_attr_ll(r, "owners", sqlite3_column_int64(st, 1));
	xml_attr(r, "calendar", (const char *)sqlite3_column_text(st, 2));
	xml_attr(r, "source", (const char *)sqlite3_column_text(st, 3));
	sqlite3_reset(st);
	st = db_q("SELECT j.value FROM audit_log a, json_each(a.new_value, '$.unmatched') j WHERE a.id = ? ORDER BY j.key",
		  "i", id);
	while (st && sqlite3_step(st) == SQLITE_ROW)
		xml_attr(xml_el(r, "unmatched"), "name", (const char *)sqlite3_column_text(st, 0));
	if (st) sqlite3_reset(st);
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
	const char *done = http_query(c->rq, "imported");
	if (done && *done && strlen(done) < 15 && strspn(done, "0123456789") == strlen(done))
		result_xml(e, p.code, atoll(done));
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
problems_page(struct ctx *c, const struct project *p, const struct wbsimport_problem *pr, int n)
{
	xmlNodePtr e = xml_el(c->page, "import");
	xml_attr(e, "project", p->code);
	xml_attr(e, "project-name", p->name);
	if (n > 0 && !strncmp(pr[0].key, "mspdi.", 6)) xml_attr(e, "format", "mspdi");
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

/* 1 when the upload is XML: its first character past a BOM and white space is "<" (no CSV
 * export starts so). */
static int
looks_xml(const char *p, size_t n)
{
	size_t i = n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3) ? 3 : 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')) i++;
	return i < n && p[i] == '<';
}

/* A Microsoft Project XML upload: read (untrusted: no DTD, entities or network, at most 16 MiB),
 * then the same import as `opsplan import` in this request's transaction; 303 to the result. */
static int
import_mspdi(struct ctx *c, const struct project *p, const struct param *f)
{
	struct mspdi_plan plan;
	const char *err = NULL;
	int line = 0;
	if (mspdi_read(c->rq->a, f->value, f->len, &plan, &err, &line)) {
		struct wbsimport_problem one = { line, "", err, "" };
		return problems_page(c, p, &one, 1);
	}
	const char *name = f->filename && *f->filename ? f->filename : "upload.xml";
	for (const char *s = name; *s; s++)   /* the name without a browser's path */
		if ((*s == '/' || *s == '\\') && s[1]) name = s + 1;
	struct interchange_result res;
	int rc = interchange_import(&c->who, p, &plan, name, c->rq->a, &res);
	if (rc == -2) {
		struct wbsimport_problem one = { 0, "", res.err_key, res.err_arg ? res.err_arg : "" };
		return problems_page(c, p, &one, 1);
	}
	if (rc) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/projects/%s/import?imported=%lld", p->code, res.audit_id));
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
		struct wbsimport_problem none = { 0, "", "import.error.no_file", "" };
		return problems_page(c, &p, &none, 1);
	}
	if (looks_xml(f->value, f->len)) return import_mspdi(c, &p, f);
	struct csvin_table t;
	int line = 0, col = 0;
	const char *key = NULL;
	if (csvin_read(c->rq->a, f->value, f->len, 10000, &t, &line, &col, &key)) {
		struct wbsimport_problem one = { line, arena_printf(c->rq->a, "%d", col), key, "" };
		return problems_page(c, &p, &one, 1);
	}
	struct lookup l = { c->rq->a };
	struct wbsimport_task *tasks;
	struct wbsimport_problem *probs;
	int nt = 0, np = 0;
	if (wbsimport_parse(c->rq->a, &t, owner_of, &l, category_of, &l, &tasks, &nt, &probs, &np))
		return problems_page(c, &p, probs, np);
	const struct calendar *cal = plan_project_calendar(c->rq->a, p.id);
	int was_empty = db_int("SELECT count(*) FROM tasks WHERE project_id = ?", "i", p.id) == 0;
	long long *ids = arena_alloc(c->rq->a, sizeof *ids * (size_t)(nt + 1));
	for (int i = 0; i < nt; i++) {
		struct wbsimport_task *it = &tasks[i];
		struct task_in in = { it->name, it->description ? it->description : "", it->owner ? it->owner : "", "", "", "", "",
				      it->status ? it->status : "not_started", it->category ? it->category : "",
				      it->predecessors ? it->predecessors : "", NULL, NULL, it->estimate, it->duration, it->percent, -1,
				      it->priority ? it->priority : 3, it->milestone, it->parent >= 0 ? ids[it->parent] : 0, "" };
		char *s = arena_alloc(c->rq->a, 11), *fin = arena_alloc(c->rq->a, 11);
		if (it->start >= 0) { cal_iso(it->start, s); in.planned_start = s; }
		if (it->finish >= 0) { cal_iso(it->finish, fin); in.planned_finish = fin; }
		/* the import engine checked the values; task_check derives finish/duration/remaining */
		struct wbsimport_problem pr = { it->row, "", NULL, "" };
		if (task_check(&in, cal, form_err, c)) {
			pr.key = "import.error.row";
			return problems_page(c, &p, &pr, 1);
		}
		if ((ids[i] = task_create(&c->who, &p, &in, 0)) < 0) return ctx_error(c, 503, "error.busy", "");
	}
	if (project_recompute(p.id, c->rq->a)) return ctx_error(c, 503, "error.busy", "");
	/* into an empty project the file's WBS numbers are the tasks' own: its predecessors become links */
	if (was_empty) {
		if (schedule_links_from_text(p.id, c->rq->a) < 0) return ctx_error(c, 503, "error.busy", "");
		int rc2 = project_recompute(p.id, c->rq->a);
		if (rc2 == -2) {
			struct wbsimport_problem loop = { 0, "", "error.predecessor_loop", schedule_loop_text };
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

/* The project for a download: anyone who may read it. 0 or the error status. */
static int
load_read(struct ctx *c, struct project *p)
{
	return ctx_found(c, project_load(c->rq->a, ctx_pathv(c, 0), p), "error.project_not_found");
}

/* GET /projects/CODE/export.xml: the scheduled plan as Microsoft Project XML. */
static int
export_mspdi(struct ctx *c)
{
	struct project p;
	int rc = load_read(c, &p);
	if (rc) return rc;
	struct mspdi_plan plan;
	if (interchange_export_plan(c->rq->a, &p, &plan) || mspdi_write(&plan, &c->rs->body)) {
		buf_free(&c->rs->body);
		return ctx_error(c, 500, "error.500", "");
	}
	c->rs->status = 200;
	c->rs->ctype = "application/xml; charset=utf-8";
	c->rs->disposition = arena_printf(c->rq->a, "attachment; filename=\"%s.xml\"", p.code);
	return H_DONE;
}

/* GET /projects/CODE/schedule.csv: every task's schedule (dates, early/late dates, floats,
 * critical), column titles in the reader's language. */
static int
export_schedule_csv(struct ctx *c)
{
	struct project p;
	int rc = load_read(c, &p);
	if (rc) return rc;
	static const char *const keys[INTERCHANGE_CSV_COLS] = {
		"csv.wbs", "csv.name", "csv.duration", "csv.start", "csv.finish", "csv.percent", "csv.estimate",
		"csv.predecessors", "csv.status", "schedule.csv.early_start", "schedule.csv.early_finish",
		"schedule.csv.late_start", "schedule.csv.late_finish", "schedule.csv.total_float",
		"schedule.csv.free_float", "schedule.csv.critical" };
	const char *headers[INTERCHANGE_CSV_COLS];
	for (int i = 0; i < INTERCHANGE_CSV_COLS; i++) headers[i] = render_msg(c->lang, keys[i]);
	interchange_schedule_csv(&p, headers, &c->rs->body);
	c->rs->status = 200;
	c->rs->ctype = "text/csv; charset=utf-8";
	c->rs->disposition = arena_printf(c->rq->a, "attachment; filename=\"%s-schedule.csv\"", p.code);
	return H_DONE;
}

const struct route interchange_routes[] = {
	{ "GET", "/projects/{code}/export.xml", export_mspdi, NULL, ROLE_ANY, 0 },
	{ "GET", "/projects/{code}/schedule.csv", export_schedule_csv, NULL, ROLE_ANY, 0 },
	{ "GET", "/projects/{code}/import", import_page, "import", ROLE_ANY, 0 },
	{ "POST", "/projects/{code}/import", import_post, "import", ROLE_ANY, RF_UPLOAD },
	{ 0 },
};
