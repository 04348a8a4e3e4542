/* changexml.c — the page models of requests for change: the list with its filters, one change
 * with everything recorded about it, and the form's values and choices (see change.h). */
#include "change/changexml.h"
#include "plan/plan.h"
#include "core/history.h"
#include "change/cmdb.h"
#include "core/db.h"
#include "core/http.h"
#include "core/xml.h"
#include <stdio.h>
#include <string.h>

/* The list's filter (?1..?6, and ?7 overdue on the day ?8): shared by the page of rows, the count and the CSV. */
#define LIST_WHERE \
	" FROM changes c JOIN users r ON r.id = c.requester_id" \
	" WHERE (?1 = '' OR c.state = ?1) AND (?2 = '' OR c.type = ?2) AND (?3 = '' OR c.risk_level = ?3)" \
	" AND (?4 = '' OR r.login = ?4)" \
	" AND (?5 = '' OR EXISTS (SELECT 1 FROM change_cis x JOIN config_items ci ON ci.id = x.ci_id" \
	"   WHERE x.change_id = c.id AND ci.code = ?5))" \
	" AND (?6 = '' OR instr(lower(c.number), lower(?6)) > 0 OR instr(lower(c.title), lower(?6)) > 0" \
	"   OR instr(lower(c.description), lower(?6)) > 0)" \
	" AND (?7 = '' OR (c.state IN ('implement', 'review') AND c.review_due < ?8))"

/* ?9 rows from row ?10, newest first (?9 = -1: all of them). */
static const char LIST_SQL[] = "SELECT c.number, c.title, c.type, c.category, c.state, coalesce(c.risk_level, ''),"
	" coalesce(c.risk_score, ''), r.login, CASE r.display_name WHEN '' THEN r.login ELSE r.display_name END,"
	" coalesce((SELECT i.login FROM users i WHERE i.id = c.implementer_id), ''), coalesce(c.planned_start, ''),"
	" coalesce(c.planned_end, ''), c.updated_at,"
	" CASE WHEN c.state IN ('implement', 'review') AND c.review_due < ?8 THEN '1' ELSE '' END" LIST_WHERE
	" ORDER BY c.id DESC LIMIT ?9 OFFSET ?10";

static const char *const list_names[] = { "number", "title", "type", "category", "state", "risk-level", "risk-score",
					  "requester", "requester-name", "implementer", "planned-start", "planned-end",
					  "updated", "review-overdue" };

void
changexml_list_each(const struct change_filter *f, void (*row)(void *arg, const char *const *cells), void *arg)
{
	char today[17];
	change_now_local(today);
	today[10] = 0;
	long long limit = f->page > 0 ? CHANGE_PER_PAGE : -1, offset = f->page > 0 ? (f->page - 1) * CHANGE_PER_PAGE : 0;
	sqlite3_stmt *st = db_q(LIST_SQL, "ssssssssii", f->state, f->type, f->risk, f->requester, f->ci, f->q,
				f->overdue ? f->overdue : "", today, limit, offset);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *cells[14];
		for (int i = 0; i < 14; i++) {
			cells[i] = (const char *)sqlite3_column_text(st, i);
			if (!cells[i]) cells[i] = "";
		}
		row(arg, cells);
	}
	if (st) sqlite3_reset(st);
}

static void
list_row(void *arg, const char *const *cells)
{
	xmlNodePtr e = xml_el(arg, "change");
	for (int i = 0; i < 13; i++) xml_attr(e, list_names[i], cells[i]);
	if (*cells[13]) xml_attr(e, list_names[13], cells[13]);
}

void
changexml_list(xmlNodePtr parent, const struct change_filter *f)
{
	xmlNodePtr list = xml_el(parent, "changes");
	xml_attr(list, "state", f->state);
	xml_attr(list, "type", f->type);
	xml_attr(list, "risk", f->risk);
	xml_attr(list, "requester", f->requester);
	xml_attr(list, "ci", f->ci);
	xml_attr(list, "q", f->q);
	xml_attr(list, "overdue", f->overdue ? f->overdue : "");
	/* the filter as a query string for the pager's and the CSV's links */
	struct buf qs = {0};
	const char *names[] = { "state", "type", "risk", "requester", "ci", "q", "overdue" },
		   *vals[] = { f->state, f->type, f->risk, f->requester, f->ci, f->q, f->overdue ? f->overdue : "" };
	for (int i = 0; i < 7; i++) {
		if (!*vals[i]) continue;
		if (qs.len) buf_addc(&qs, '&');
		buf_addf(&qs, "%s=", names[i]);
		http_urlencode(&qs, vals[i]);
	}
	xml_attr(list, "query", buf_str(&qs));
	buf_free(&qs);
	char today[17];
	change_now_local(today);
	today[10] = 0;
	long long total = db_int("SELECT count(*)" LIST_WHERE, "ssssssss", f->state, f->type, f->risk, f->requester,
				 f->ci, f->q, f->overdue ? f->overdue : "", today);
	xml_attr_ll(list, "total", total);
	xml_attr_ll(list, "page", f->page);
	xml_attr_ll(list, "pages", total ? (total + CHANGE_PER_PAGE - 1) / CHANGE_PER_PAGE : 1);
	changexml_list_each(f, list_row, list);
}

static void
user_name(xmlNodePtr e, const char *attr, long long id)
{
	sqlite3_stmt *st = db_q("SELECT CASE display_name WHEN '' THEN login ELSE display_name END FROM users WHERE id = ?",
				"i", id);
	if (st && sqlite3_step(st) == SQLITE_ROW) xml_attr(e, attr, (const char *)sqlite3_column_text(st, 0));
	if (st) sqlite3_reset(st);
}

/* Every column of a query's rows as <name> elements with the column names as attributes. */
static void
rows_xml(xmlNodePtr parent, const char *name, sqlite3_stmt *st)
{
	while (st && sqlite3_step(st) == SQLITE_ROW) xml_row(xml_el(parent, name), st);
	if (st) sqlite3_reset(st);
}

xmlNodePtr
changexml_item(xmlNodePtr parent, const struct change *c)
{
	xmlNodePtr e = xml_el(parent, "change");
	const struct { const char *name, *v; } attrs[] = {
		{ "number", c->number }, { "type", c->type }, { "standard", c->standard }, { "category", c->category },
		{ "state", c->state }, { "close-code", c->close_code }, { "requester", c->requester },
		{ "implementer", c->implementer }, { "project", c->project }, { "planned-start", c->planned_start },
		{ "planned-end", c->planned_end }, { "actual-start", c->actual_start }, { "actual-end", c->actual_end },
		{ "rollback-at", c->rollback_at }, { "review-due", c->review_due }, { "risk-level", c->risk_level },
		{ "created", c->created }, { "updated", c->updated }, { "closed", c->closed_at },
	};
	for (size_t i = 0; i < sizeof attrs / sizeof *attrs; i++) xml_attr(e, attrs[i].name, attrs[i].v);
	xml_attr(e, "outage", c->outage ? "1" : "0");
	char today[17];
	change_now_local(today);
	today[10] = 0;
	if (change_review_overdue(c, today)) xml_attr(e, "review-overdue", "1");
	if (c->risk_score) xml_attr_ll(e, "risk-score", c->risk_score);
	user_name(e, "requester-name", c->requester_id);
	if (c->implementer_id) user_name(e, "implementer-name", c->implementer_id);
	sqlite3_stmt *st = db_q("SELECT label_zh, label_en FROM change_categories WHERE code = ?", "s", c->category);
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		xml_attr(e, "category-zh", (const char *)sqlite3_column_text(st, 0));
		xml_attr(e, "category-en", (const char *)sqlite3_column_text(st, 1));
	}
	if (st) sqlite3_reset(st);
	if (c->standard_id) {
		st = db_q("SELECT name FROM standard_changes WHERE id = ?", "i", c->standard_id);
		if (st && sqlite3_step(st) == SQLITE_ROW) xml_attr(e, "standard-name", (const char *)sqlite3_column_text(st, 0));
		if (st) sqlite3_reset(st);
		xml_attr_ll(e, "standard-id", c->standard_id);
	}
	if (c->project_id) {
		st = db_q("SELECT name FROM projects WHERE id = ?", "i", c->project_id);
		if (st && sqlite3_step(st) == SQLITE_ROW) xml_attr(e, "project-name", (const char *)sqlite3_column_text(st, 0));
		if (st) sqlite3_reset(st);
	}
	const struct { const char *name, *v; } texts[] = {
		{ "title", c->title }, { "description", c->description }, { "reason", c->reason },
		{ "impact-services", c->impact[0] }, { "impact-users", c->impact[1] }, { "impact-capacity", c->impact[2] },
		{ "impact-availability", c->impact[3] }, { "impact-continuity", c->impact[4] },
		{ "impact-security", c->impact[5] }, { "implementation-plan", c->implementation_plan },
		{ "test-plan", c->test_plan }, { "backout-plan", c->backout_plan },
		{ "verification-result", c->verification_result }, { "rollback-reason", c->rollback_reason },
		{ "rollback-result", c->rollback_result }, { "review-outcome", c->review_outcome },
		{ "review-lessons", c->review_lessons }, { "reject-reason", c->reject_reason },
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) xml_text(e, texts[i].name, texts[i].v);
	xmlNodePtr ra = xml_el(e, "risk-answers");
	for (int i = 0; i < RISK_NQ; i++)
		if (c->answers[i]) {
			xmlNodePtr a = xml_el(ra, "answer");
			xml_attr(a, "question", risk_questions[i].code);
			xml_attr_ll(a, "value", c->answers[i]);
			xml_attr(a, "kind", risk_questions[i].impact ? "impact" : "likelihood");
		}
	xmlNodePtr cis = xml_el(e, "cis");
	rows_xml(cis, "ci", db_q("SELECT ci.code, ci.name, ci.type, ci.status FROM change_cis x JOIN config_items ci"
				 " ON ci.id = x.ci_id WHERE x.change_id = ? ORDER BY ci.code", "i", c->id));
	xmlNodePtr tasks = xml_el(e, "tasks");
	rows_xml(tasks, "task", db_q("SELECT t.id, t.wbs, t.name, p.code AS project FROM change_tasks x JOIN tasks t"
				     " ON t.id = x.task_id JOIN projects p ON p.id = t.project_id WHERE x.change_id = ?"
				     " ORDER BY t.seq, t.id", "i", c->id));
	xmlNodePtr at = xml_el(e, "attachments");
	rows_xml(at, "attachment", db_q("SELECT a.id, a.name, a.mime, a.size, a.sha256, u.login AS uploader, a.uploaded_at AS at"
					" FROM change_attachments a JOIN users u ON u.id = a.uploaded_by"
					" WHERE a.change_id = ? ORDER BY a.id", "i", c->id));
	xmlNodePtr log = xml_el(e, "log");
	st = db_q("SELECT l.at, u.login, CASE u.display_name WHEN '' THEN u.login ELSE u.display_name END, l.entry"
		  " FROM change_log l JOIN users u ON u.id = l.user_id WHERE l.change_id = ? ORDER BY l.at, l.id", "i", c->id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr r = xml_text(log, "entry", (const char *)sqlite3_column_text(st, 3));
		xml_attr(r, "at", (const char *)sqlite3_column_text(st, 0));
		xml_attr(r, "user", (const char *)sqlite3_column_text(st, 1));
		xml_attr(r, "user-name", (const char *)sqlite3_column_text(st, 2));
	}
	if (st) sqlite3_reset(st);
	history_xml(e, "change", c->number);
	return e;
}

void
changexml_form_lists(xmlNodePtr parent)
{
	xmlNodePtr s = xml_el(parent, "standards");
	rows_xml(s, "standard", db_q("SELECT code, name, category, risk_level FROM standard_changes WHERE active = 1"
				     " ORDER BY code", ""));
	xmlNodePtr k = xml_el(parent, "categories");
	rows_xml(k, "category", db_q("SELECT code, label_zh, label_en FROM change_categories WHERE active = 1"
				     " ORDER BY sort, code", ""));
	cmdb_codes_xml(parent);
	plan_people_xml(parent);
}

void
changexml_form(xmlNodePtr e, const struct change *c)
{
	xml_attr(e, "number", c->number);
	xml_attr(e, "title", c->title);
	xml_attr(e, "type", c->type);
	xml_attr(e, "standard", c->standard);
	xml_attr(e, "category", c->category);
	xml_attr(e, "implementer", c->implementer);
	xml_attr(e, "project", c->project);
	xml_attr(e, "planned-start", c->planned_start);
	xml_attr(e, "planned-end", c->planned_end);
	xml_attr(e, "outage", c->outage > 0 ? "1" : "0");
	struct buf t = {0};
	for (int i = 0; i < c->ntasks; i++) buf_addf(&t, "%s%s", i ? ", " : "", c->tasks[i]);
	xml_attr(e, "tasks", buf_str(&t));
	buf_free(&t);
	xml_text(e, "description", c->description);
	xml_text(e, "reason", c->reason);
	for (int i = 0; i < 6; i++) {
		char n[32];
		snprintf(n, sizeof n, "impact-%s", change_impacts[i]);
		xml_text(e, n, c->impact[i]);
	}
	xml_text(e, "implementation-plan", c->implementation_plan);
	xml_text(e, "test-plan", c->test_plan);
	xml_text(e, "backout-plan", c->backout_plan);
	for (int i = 0; i < c->ncis; i++) xml_attr(xml_el(e, "ci"), "code", c->cis[i]);
	for (int i = 0; i < RISK_NQ; i++) {
		xmlNodePtr a = xml_el(e, "answer");
		xml_attr(a, "q", risk_questions[i].code);
		xml_attr_ll(a, "v", c->answers[i]);
	}
}
