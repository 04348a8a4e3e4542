/* change.c — requests for change: checks, numbering, audited writes, attachments and loading
 * (see change.h). The page models are changexml.c, the workflow changeflow.c. */
#include "change/change.h"
#include "plan/plan.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/db.h"
#include "core/text.h"
#include "engine/win.h"
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const change_types[] = { "standard", "normal", "emergency", NULL };
const char *const change_states[] = { "new", "assess", "authorize", "scheduled", "implement", "review", "closed",
				   "rejected", "cancelled", NULL };
const char *const change_close_codes[] = { "successful", "successful_with_issues", "unsuccessful", "rolled_back", NULL };
const char *const change_impacts[] = { "services", "users", "capacity", "availability", "continuity", "security", NULL };

static int
one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (!strcmp(s, *set)) return 1;
	return 0;
}

void
change_now_local(char out[17])
{
	clock_local(clock_now(), out);
	out[10] = 'T';
}

/* A local time as entered into its canonical "YYYY-MM-DDTHH:MM" (in a); NULL when malformed. */
static const char *
local_time(struct arena *a, const char *s)
{
	long m = win_parse(s);
	if (m < 0) return NULL;
	char *out = arena_alloc(a, 17);
	win_format(m, out);
	return out;
}

static const char *
col(struct arena *a, sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return arena_strdup(a, s ? s : "");
}

int
change_check(struct change *c, fielderr_fn err, void *arg, struct arena *a)
{
	int bad = 0;
#define BAD(f, k) do { err(arg, f, k); bad++; } while (0)
	if (!*c->title || text_chars(c->title) > 200 || strpbrk(c->title, "\r\n")) BAD("title", "chg.error.title");
	int type_ok = one_of(c->type, change_types);
	if (!type_ok) BAD("type", "chg.error.type");
	const char *standard_level = NULL;
	c->standard_id = 0;
	if (type_ok && !strcmp(c->type, "standard")) {
		sqlite3_stmt *st = db_q("SELECT id, category, implementation_plan, test_plan, backout_plan, risk_level"
					" FROM standard_changes WHERE code = ? AND active = 1", "s", c->standard);
		if (st && sqlite3_step(st) == SQLITE_ROW) {
			c->standard_id = sqlite3_column_int64(st, 0);
			if (!*c->category) c->category = col(a, st, 1);
			if (!*c->implementation_plan) c->implementation_plan = col(a, st, 2);
			if (!*c->test_plan) c->test_plan = col(a, st, 3);
			if (!*c->backout_plan) c->backout_plan = col(a, st, 4);
			standard_level = col(a, st, 5);
		} else {
			BAD("standard", "chg.error.standard");
		}
		if (st) sqlite3_reset(st);
	} else {
		c->standard = "";
	}
	if (!db_int("SELECT count(*) FROM change_categories WHERE code = ? AND active = 1", "s", c->category))
		BAD("category", "chg.error.category");
	static const char *const long_names[] = { "description", "reason", "implementation_plan", "test_plan",
						  "backout_plan" };
	const char *longs[] = { c->description, c->reason, c->implementation_plan, c->test_plan, c->backout_plan };
	for (int i = 0; i < 5; i++)
		if (text_chars(longs[i]) > CHANGE_TEXT_MAX) BAD(long_names[i], "error.field_too_long");
	for (int i = 0; i < 6; i++)
		if (text_chars(c->impact[i]) > CHANGE_TEXT_MAX)
			BAD(arena_printf(a, "impact_%s", change_impacts[i]), "error.field_too_long");
	c->implementer_id = 0;
	if (*c->implementer) {
		c->implementer_id = db_int("SELECT id FROM users WHERE login = ? AND active = 1", "s", c->implementer);
		if (!c->implementer_id) BAD("implementer", "chg.error.implementer");
	}
	c->project_id = 0;
	if (*c->project) {
		c->project_id = db_int("SELECT id FROM projects WHERE code = ?", "s", c->project);
		if (!c->project_id) BAD("project", "chg.error.project");
	}
	c->task_ids = arena_alloc(a, sizeof *c->task_ids * (size_t)(c->ntasks + 1));
	if (c->ntasks > CHANGE_MAX_TASKS) BAD("tasks", "chg.error.task");
	else if (c->ntasks && !*c->project) BAD("tasks", "chg.error.task_project");
	else if (c->project_id) {
		for (int i = 0; i < c->ntasks; i++) {
			c->task_ids[i] = db_int("SELECT id FROM tasks WHERE project_id = ? AND wbs = ?", "is", c->project_id,
						c->tasks[i]);
			if (!c->task_ids[i]) {
				err(arg, "tasks", "chg.error.task");
				bad++;
				break;
			}
		}
	}
	c->ci_ids = arena_alloc(a, sizeof *c->ci_ids * (size_t)(c->ncis + 1));
	if (c->ncis > CHANGE_MAX_CIS) BAD("cis", "chg.error.ci");
	else
		for (int i = 0; i < c->ncis; i++) {
			c->ci_ids[i] = db_int("SELECT id FROM config_items WHERE code = ? AND status <> 'retired'", "s",
					      c->cis[i]);
			for (int j = 0; c->ci_ids[i] && j < i; j++)
				if (c->ci_ids[j] == c->ci_ids[i]) c->ci_ids[i] = -1;   /* a repeat: dropped */
			if (!c->ci_ids[i]) {
				err(arg, "cis", "chg.error.ci");
				bad++;
				break;
			}
		}
	if (*c->planned_start || *c->planned_end) {
		const char *s = local_time(a, c->planned_start), *e = local_time(a, c->planned_end);
		if (!s) BAD("planned_start", "chg.error.time");
		if (!e) BAD("planned_end", "chg.error.time");
		if (s && e) {
			if (strcmp(e, s) <= 0) BAD("planned_end", "chg.error.order");
			c->planned_start = s;
			c->planned_end = e;
		}
	}
	if (c->outage < 0) BAD("outage", "chg.error.outage");
	int all = 1;
	for (int i = 0; i < RISK_NQ; i++) {
		if (c->answers[i] == 0) all = 0;
		if (c->answers[i] < 0 || c->answers[i] > 4 || (c->answers[i] == 0 && !standard_level && strcmp(c->type, "standard")))
			BAD(arena_printf(a, "risk_%s", risk_questions[i].code), "chg.error.risk_answer");
	}
	c->risk_score = 0;
	c->risk_level = standard_level ? standard_level : "";
	struct risk_result r;
	if (all && !risk_assess(c->answers, &r)) {
		c->risk_score = r.score;
		if (!standard_level) c->risk_level = r.level;
	}
#undef BAD
	return bad;
}

static void
change_json(struct buf *b, const struct change *c)
{
	json_open(b);
	json_s(b, "title", c->title);
	json_s(b, "type", c->type);
	json_s(b, "standard", c->standard);
	json_s(b, "category", c->category);
	json_s(b, "state", c->state);
	json_s(b, "requester", c->requester);
	json_s(b, "implementer", c->implementer);
	json_s(b, "project", c->project);
	json_s(b, "description", c->description);
	json_s(b, "reason", c->reason);
	for (int i = 0; i < 6; i++) {
		char k[32];
		snprintf(k, sizeof k, "impact_%s", change_impacts[i]);
		json_s(b, k, c->impact[i]);
	}
	json_s(b, "implementation_plan", c->implementation_plan);
	json_s(b, "test_plan", c->test_plan);
	json_s(b, "backout_plan", c->backout_plan);
	json_s(b, "planned_start", *c->planned_start ? c->planned_start : NULL);
	json_s(b, "planned_end", *c->planned_end ? c->planned_end : NULL);
	json_n(b, "outage", c->outage);
	struct buf l = {0};
	for (int i = 0; i < c->ncis; i++)
		if (c->ci_ids == NULL || c->ci_ids[i] > 0) buf_addf(&l, "%s%s", l.len ? " " : "", c->cis[i]);
	json_s(b, "cis", buf_str(&l));
	buf_free(&l);
	for (int i = 0; i < c->ntasks; i++) buf_addf(&l, "%s%s", l.len ? " " : "", c->tasks[i]);
	json_s(b, "tasks", buf_str(&l));
	buf_free(&l);
	for (int i = 0; i < RISK_NQ; i++)
		if (c->answers[i]) buf_addf(&l, "%s%s=%d", l.len ? " " : "", risk_questions[i].code, c->answers[i]);
	json_s(b, "risk_answers", buf_str(&l));
	buf_free(&l);
	if (c->risk_score) json_n(b, "risk_score", c->risk_score);
	else json_s(b, "risk_score", NULL);
	json_s(b, "risk_level", *c->risk_level ? c->risk_level : NULL);
	json_close(b);
}

/* CIs, tasks and answers of c (a checked change with its id): replaced. 0 or -1. */
static int
store_links(const struct change *c)
{
	if (db_run("DELETE FROM change_cis WHERE change_id = ?", "i", c->id) != SQLITE_DONE ||
	    db_run("DELETE FROM change_tasks WHERE change_id = ?", "i", c->id) != SQLITE_DONE ||
	    db_run("DELETE FROM change_risk_answers WHERE change_id = ?", "i", c->id) != SQLITE_DONE)
		return -1;
	for (int i = 0; i < c->ncis; i++)
		if (c->ci_ids[i] > 0 &&
		    db_run("INSERT INTO change_cis (change_id, ci_id) VALUES (?, ?)", "ii", c->id, c->ci_ids[i]) != SQLITE_DONE)
			return -1;
	for (int i = 0; i < c->ntasks; i++)
		if (db_run("INSERT OR IGNORE INTO change_tasks (change_id, task_id) VALUES (?, ?)", "ii", c->id,
			   c->task_ids[i]) != SQLITE_DONE)
			return -1;
	for (int i = 0; i < RISK_NQ; i++)
		if (c->answers[i] && db_run("INSERT INTO change_risk_answers (change_id, question, answer) VALUES (?, ?, ?)",
					    "isd", c->id, risk_questions[i].code, c->answers[i]) != SQLITE_DONE)
			return -1;
	return 0;
}

int
change_create(const struct audit_who *who, struct change *c, struct arena *a)
{
	char now[21], local[17];
	clock_iso(clock_now(), now);
	change_now_local(local);
	int year = atoi(local);
	if (db_run("INSERT INTO change_numbers (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1",
		   "d", year) != SQLITE_DONE)
		return -1;
	long long n = db_int("SELECT last FROM change_numbers WHERE year = ?", "d", year);
	c->number = arena_printf(a, "CHG-%04d-%04lld", year, n);
	c->state = "new";
	if (db_run("INSERT INTO changes (number, title, description, reason, type, standard_id, category, requester_id,"
		   " implementer_id, project_id, risk_score, risk_level, impact_services, impact_users, impact_capacity,"
		   " impact_availability, impact_continuity, impact_security, implementation_plan, test_plan, backout_plan,"
		   " planned_start, planned_end, outage, created_at, updated_at) VALUES (?, ?, ?, ?, ?, nullif(?, 0), ?, ?,"
		   " nullif(?, 0), nullif(?, 0), nullif(?, 0), nullif(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, nullif(?, ''),"
		   " nullif(?, ''), ?, ?, ?)",
		   "sssssisiiidssssssssssssdss", c->number, c->title, c->description, c->reason, c->type, c->standard_id,
		   c->category, c->requester_id, c->implementer_id, c->project_id, c->risk_score, c->risk_level,
		   c->impact[0], c->impact[1], c->impact[2], c->impact[3], c->impact[4], c->impact[5],
		   c->implementation_plan, c->test_plan, c->backout_plan, c->planned_start, c->planned_end, c->outage, now,
		   now) != SQLITE_DONE)
		return -1;
	c->id = sqlite3_last_insert_rowid(db);
	if (store_links(c)) return -1;
	struct buf nv = {0};
	change_json(&nv, c);
	int rc = audit_append(who, "change.create", "change", c->number, NULL, buf_str(&nv), "");
	buf_free(&nv);
	return rc;
}

int
change_update(const struct audit_who *who, const struct change *old, const struct change *nw)
{
	char now[21];
	clock_iso(clock_now(), now);
	if (db_run("UPDATE changes SET title = ?, description = ?, reason = ?, type = ?, standard_id = nullif(?, 0),"
		   " category = ?, implementer_id = nullif(?, 0), project_id = nullif(?, 0), risk_score = nullif(?, 0),"
		   " risk_level = nullif(?, ''), impact_services = ?, impact_users = ?, impact_capacity = ?,"
		   " impact_availability = ?, impact_continuity = ?, impact_security = ?, implementation_plan = ?,"
		   " test_plan = ?, backout_plan = ?, planned_start = nullif(?, ''), planned_end = nullif(?, ''), outage = ?,"
		   " updated_at = ? WHERE id = ?",
		   "ssssisiidssssssssssssdsi", nw->title, nw->description, nw->reason, nw->type, nw->standard_id,
		   nw->category, nw->implementer_id, nw->project_id, nw->risk_score, nw->risk_level, nw->impact[0],
		   nw->impact[1], nw->impact[2], nw->impact[3], nw->impact[4], nw->impact[5], nw->implementation_plan,
		   nw->test_plan, nw->backout_plan, nw->planned_start, nw->planned_end, nw->outage, now, old->id) != SQLITE_DONE)
		return -1;
	struct change n2 = *nw;
	n2.id = old->id;
	if (store_links(&n2)) return -1;
	struct buf ov = {0}, nv = {0};
	change_json(&ov, old);
	change_json(&nv, nw);
	int rc = strcmp(buf_str(&ov), buf_str(&nv))
		? audit_append(who, "change.update", "change", old->number, buf_str(&ov), buf_str(&nv), "") : 0;
	buf_free(&ov);
	buf_free(&nv);
	return rc;
}

#define CHANGE_COLS "c.id, c.number, c.title, c.description, c.reason, c.type, coalesce(s.code, ''), c.category, c.state," \
	" coalesce(c.close_code, ''), r.login, coalesce(i.login, ''), coalesce(p.code, ''), c.impact_services," \
	" c.impact_users, c.impact_capacity, c.impact_availability, c.impact_continuity, c.impact_security," \
	" c.implementation_plan, c.test_plan, c.backout_plan, coalesce(c.planned_start, ''), coalesce(c.planned_end, '')," \
	" coalesce(c.actual_start, ''), coalesce(c.actual_end, ''), c.verification_result, coalesce(c.rollback_at, '')," \
	" c.rollback_reason, c.rollback_result, coalesce(c.review_due, ''), c.review_outcome, c.review_lessons," \
	" c.reject_reason, c.created_at, c.updated_at, coalesce(c.closed_at, ''), c.outage, coalesce(c.risk_score, 0)," \
	" coalesce(c.risk_level, ''), c.requester_id, coalesce(c.implementer_id, 0), coalesce(c.project_id, 0)," \
	" coalesce(c.standard_id, 0)"
#define CHANGE_FROM " FROM changes c JOIN users r ON r.id = c.requester_id LEFT JOIN users i ON i.id = c.implementer_id" \
	" LEFT JOIN projects p ON p.id = c.project_id LEFT JOIN standard_changes s ON s.id = c.standard_id"

int
change_load(struct arena *a, const char *number, struct change *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_q("SELECT " CHANGE_COLS CHANGE_FROM " WHERE c.number = ?", "s", number);
	if (!st) return -1;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	const char **s[] = { &out->number, &out->title, &out->description, &out->reason, &out->type, &out->standard,
			     &out->category, &out->state, &out->close_code, &out->requester, &out->implementer,
			     &out->project, &out->impact[0], &out->impact[1], &out->impact[2], &out->impact[3],
			     &out->impact[4], &out->impact[5], &out->implementation_plan, &out->test_plan,
			     &out->backout_plan, &out->planned_start, &out->planned_end, &out->actual_start,
			     &out->actual_end, &out->verification_result, &out->rollback_at, &out->rollback_reason,
			     &out->rollback_result, &out->review_due, &out->review_outcome, &out->review_lessons,
			     &out->reject_reason, &out->created, &out->updated, &out->closed_at };
	out->id = sqlite3_column_int64(st, 0);
	for (size_t i = 0; i < sizeof s / sizeof *s; i++) *s[i] = col(a, st, (int)i + 1);
	out->outage = sqlite3_column_int(st, 37);
	out->risk_score = sqlite3_column_int(st, 38);
	out->risk_level = col(a, st, 39);
	out->requester_id = sqlite3_column_int64(st, 40);
	out->implementer_id = sqlite3_column_int64(st, 41);
	out->project_id = sqlite3_column_int64(st, 42);
	out->standard_id = sqlite3_column_int64(st, 43);
	sqlite3_reset(st);
	out->ncis = (int)db_int("SELECT count(*) FROM change_cis WHERE change_id = ?", "i", out->id);
	out->cis = arena_alloc(a, sizeof *out->cis * (size_t)(out->ncis + 1));
	out->ci_ids = arena_alloc(a, sizeof *out->ci_ids * (size_t)(out->ncis + 1));
	int k = 0;
	st = db_q("SELECT ci.code, ci.id FROM change_cis x JOIN config_items ci ON ci.id = x.ci_id WHERE x.change_id = ?"
		  " ORDER BY ci.code", "i", out->id);
	while (st && k < out->ncis && sqlite3_step(st) == SQLITE_ROW) {
		out->cis[k] = col(a, st, 0);
		out->ci_ids[k++] = sqlite3_column_int64(st, 1);
	}
	if (st) sqlite3_reset(st);
	out->ncis = k;
	out->ntasks = (int)db_int("SELECT count(*) FROM change_tasks WHERE change_id = ?", "i", out->id);
	out->tasks = arena_alloc(a, sizeof *out->tasks * (size_t)(out->ntasks + 1));
	out->task_ids = arena_alloc(a, sizeof *out->task_ids * (size_t)(out->ntasks + 1));
	k = 0;
	st = db_q("SELECT t.wbs, t.id FROM change_tasks x JOIN tasks t ON t.id = x.task_id WHERE x.change_id = ?"
		  " ORDER BY t.seq, t.id", "i", out->id);
	while (st && k < out->ntasks && sqlite3_step(st) == SQLITE_ROW) {
		out->tasks[k] = col(a, st, 0);
		out->task_ids[k++] = sqlite3_column_int64(st, 1);
	}
	if (st) sqlite3_reset(st);
	out->ntasks = k;
	st = db_q("SELECT question, answer FROM change_risk_answers WHERE change_id = ?", "i", out->id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		int i = risk_index((const char *)sqlite3_column_text(st, 0));
		if (i >= 0) out->answers[i] = sqlite3_column_int(st, 1);
	}
	if (st) sqlite3_reset(st);
	return 1;
}

int
change_can_edit(const struct change *c, const struct user *u)
{
	return !strcmp(c->state, "new") && (c->requester_id == u->id || (u->roles & ROLE_ADMIN));
}

int
change_can_attach(const struct change *c, const struct user *u)
{
	if (!strcmp(c->state, "closed") || !strcmp(c->state, "rejected") || !strcmp(c->state, "cancelled")) return 0;
	return c->requester_id == u->id || (c->implementer_id && c->implementer_id == u->id) ||
	       (u->roles & (ROLE_ADMIN | ROLE_MANAGER));
}

long long
change_attach(const struct audit_who *who, const struct change *c, long long user_id, const char *name, const char *mime,
	   const void *data, size_t len)
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned dl = 0;
	char hex[2 * EVP_MAX_MD_SIZE + 1];
	if (!EVP_Digest(data, len, d, &dl, EVP_sha256(), NULL)) return -1;
	text_hex(d, dl, hex);
	char now[21];
	clock_iso(clock_now(), now);
	sqlite3_stmt *st = db_q("INSERT INTO change_attachments (change_id, name, mime, size, sha256, data, uploaded_by,"
				" uploaded_at) VALUES (?, ?, ?, ?, ?, zeroblob(?), ?, ?)", "issisiis", c->id, name, mime,
				(long long)len, hex, (long long)len, user_id, now);
	if (!st || sqlite3_step(st) != SQLITE_DONE) {
		if (st) sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	long long id = sqlite3_last_insert_rowid(db);
	if (len) {
		sqlite3_blob *b = NULL;
		if (sqlite3_blob_open(db, "main", "change_attachments", "data", id, 1, &b) != SQLITE_OK) return -1;
		int rc = sqlite3_blob_write(b, data, (int)len, 0);
		sqlite3_blob_close(b);
		if (rc != SQLITE_OK) return -1;
	}
	struct buf nv = {0};
	json_open(&nv);
	json_n(&nv, "id", (double)id);
	json_s(&nv, "name", name);
	json_s(&nv, "mime", mime);
	json_n(&nv, "size", (double)len);
	json_s(&nv, "sha256", hex);
	json_close(&nv);
	int rc = audit_append(who, "change.attach", "change", c->number, NULL, buf_str(&nv), "");
	buf_free(&nv);
	return rc ? -1 : id;
}

int
change_attachment(struct arena *a, long long change_id, long long id, const char **name, const char **mime,
	       const void **data, size_t *len)
{
	sqlite3_stmt *st = db_q("SELECT name, mime, data FROM change_attachments WHERE id = ? AND change_id = ?", "ii", id,
				change_id);
	if (!st) return -1;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	*name = col(a, st, 0);
	*mime = col(a, st, 1);
	*len = (size_t)sqlite3_column_bytes(st, 2);
	void *p = arena_alloc(a, *len + 1);
	if (*len) memcpy(p, sqlite3_column_blob(st, 2), *len);
	*data = p;
	sqlite3_reset(st);
	return 1;
}

int
change_review_overdue(const struct change *c, const char *today)
{
	return (!strcmp(c->state, "implement") || !strcmp(c->state, "review")) && *c->review_due &&
	       strcmp(c->review_due, today) < 0;
}
