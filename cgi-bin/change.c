/* change.c — requests for change (ISO/IEC 20000-1 8.5.1.2): the list with its filters and CSV,
 * raising an RFC and editing it while it is new (the requester or an admin), one change with
 * everything recorded about it and the transitions the user may take, the workflow steps, the
 * implementation log, and attachments up (multipart, 10 MB at most) and down. Anyone signed in
 * reads; auditors and viewers never write. Each write is audited in its transaction. */
#include "core/route.h"
#include "change/approvals.h"
#include "engine/cal.h"
#include "change/change.h"
#include "change/changexml.h"
#include "plan/plan.h"
#include "change/cmdb.h"
#include "change/transition.h"
#include "change/decide.h"
#include "change/followup.h"
#include "core/clock.h"
#include "core/csv.h"
#include "core/db.h"
#include "core/render.h"
#include "core/text.h"
#include "core/xml.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WRITERS (ROLE_ADMIN | ROLE_MANAGER | ROLE_ENGINEER | ROLE_APPROVER)

static const char *
q(struct ctx *c, const char *name)
{
	const char *v = http_query(c->rq, name);
	return v ? v : "";
}

static int
one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (!strcmp(s, *set)) return 1;
	return 0;
}

static const char *const risk_levels[] = { "low", "medium", "high", "very_high", NULL };

struct csv_ctx { struct ctx *c; struct buf *b; };

static void
csv_row(void *arg, const char *const *cells)
{
	struct csv_ctx *x = arg;
	struct arena *a = x->c->rq->a;
	const char *row[11] = { cells[0], cells[1], render_msg(x->c->lang, arena_printf(a, "chg.type.%s", cells[2])),
				cells[3], render_msg(x->c->lang, arena_printf(a, "chg.state.%s", cells[4])),
				*cells[5] ? render_msg(x->c->lang, arena_printf(a, "chg.risk.level.%s", cells[5])) : "",
				cells[6], cells[7], cells[9], cells[10], cells[11] };
	for (int i = 0; i < 11; i++) csv_cell(x->b, row[i], i == 0);
	csv_end(x->b);
}

static int
list_csv(struct ctx *c, const struct change_filter *f)
{
	struct buf *b = &c->rs->body;
	static const char *const cols[] = { "chg.number", "chg.f.title", "chg.f.type", "chg.f.category", "chg.state",
					    "chg.risk.level", "chg.risk.score", "chg.requester", "chg.f.implementer",
					    "chg.f.planned_start", "chg.f.planned_end" };
	csv_bom(b);
	for (int i = 0; i < 11; i++) csv_cell(b, render_msg(c->lang, cols[i]), i == 0);
	csv_end(b);
	struct csv_ctx x = { c, b };
	changexml_list_each(f, csv_row, &x);
	c->rs->status = 200;
	c->rs->ctype = "text/csv; charset=utf-8";
	char day[21];
	clock_iso(clock_now(), day);
	day[10] = 0;
	c->rs->disposition = arena_printf(c->rq->a, "attachment; filename=\"opsplan-changes-%s.csv\"", day);
	return H_DONE;
}

static int
list_page(struct ctx *c)
{
	struct change_filter f = { q(c, "state"), q(c, "type"), q(c, "risk"), q(c, "requester"), q(c, "ci"), q(c, "q"),
				q(c, "overdue"), 1 };
	if (*f.overdue && strcmp(f.overdue, "1")) return ctx_error(c, 400, "chg.error.overdue", "overdue");
	const char *p = q(c, "page");
	if (*p && (strspn(p, "0123456789") != strlen(p) || strlen(p) > 9 || (f.page = atoll(p)) < 1))
		return ctx_error(c, 400, "error.page", "page");
	if (*f.state && !one_of(f.state, change_states)) return ctx_error(c, 400, "chg.error.state", "state");
	if (*f.type && !one_of(f.type, change_types)) return ctx_error(c, 400, "chg.error.type", "type");
	if (*f.risk && !one_of(f.risk, risk_levels)) return ctx_error(c, 400, "chg.error.risk", "risk");
	if (strlen(f.requester) > 64) return ctx_error(c, 400, "error.field_too_long", "requester");
	if (strlen(f.ci) > 64) return ctx_error(c, 400, "error.field_too_long", "ci");
	if (strlen(f.q) > 200) return ctx_error(c, 400, "error.field_too_long", "q");
	const char *fmt = http_query(c->rq, "format");
	if (fmt && !strcmp(fmt, "csv")) {
		f.page = 0;     /* the CSV has every change of the filter */
		return list_csv(c, &f);
	}
	changexml_list(c->page, &f);
	plan_people_xml(c->page);
	cmdb_codes_xml(c->page);
	xml_attr(xml_el(c->page, "can"), "create", (c->u->roles & WRITERS) ? "1" : "0");
	return H_RENDER;
}

/* The form page (mode new or edit) with the values v. */
static int
form_page(struct ctx *c, const struct change *v, int is_new)
{
	c->sheet = "change-form";
	xml_set(c->page, "name", "change-form");
	xmlNodePtr f = xml_el(c->page, "change-form");
	xml_attr(f, "mode", is_new ? "new" : "edit");
	changexml_form(f, v);
	changexml_form_lists(c->page);
	return c->errors ? H_INVALID : H_RENDER;
}

static void
blank(struct change *v)
{
	memset(v, 0, sizeof *v);
	const char **s[] = { &v->number, &v->title, &v->description, &v->reason, &v->type, &v->standard, &v->category,
			     &v->state, &v->close_code, &v->requester, &v->implementer, &v->project, &v->impact[0],
			     &v->impact[1], &v->impact[2], &v->impact[3], &v->impact[4], &v->impact[5],
			     &v->implementation_plan, &v->test_plan, &v->backout_plan, &v->planned_start, &v->planned_end,
			     &v->actual_start, &v->actual_end, &v->verification_result, &v->rollback_at,
			     &v->rollback_reason, &v->rollback_result, &v->review_due, &v->review_outcome,
			     &v->review_lessons, &v->reject_reason, &v->created, &v->updated, &v->closed_at,
			     &v->risk_level };
	for (size_t i = 0; i < sizeof s / sizeof *s; i++) *s[i] = "";
}

static int
new_page(struct ctx *c)
{
	struct change v;
	blank(&v);
	v.type = "normal";
	v.requester = c->u->login;
	return form_page(c, &v, 1);
}

/* "1".."4" → 1..4, "" → 0, anything else -1. */
static int
answer(const char *s)
{
	if (!*s) return 0;
	if (s[1] || s[0] < '1' || s[0] > '4') return -1;
	return s[0] - '0';
}

static void
read_form(struct ctx *c, struct change *v)
{
	struct arena *a = c->rq->a;
	v->title = form_str(c, "title");
	v->type = form_str(c, "type");
	v->standard = form_str(c, "standard");
	v->category = form_str(c, "category");
	v->description = form_str(c, "description");
	v->reason = form_str(c, "reason");
	for (int i = 0; i < 6; i++) v->impact[i] = form_str(c, arena_printf(a, "impact_%s", change_impacts[i]));
	v->implementation_plan = form_str(c, "implementation_plan");
	v->test_plan = form_str(c, "test_plan");
	v->backout_plan = form_str(c, "backout_plan");
	v->implementer = form_str(c, "implementer");
	v->project = form_str(c, "project");
	v->planned_start = form_str(c, "planned_start");
	v->planned_end = form_str(c, "planned_end");
	const char *o = form_str(c, "outage");
	v->outage = !*o || !strcmp(o, "0") ? 0 : !strcmp(o, "1") ? 1 : -1;
	for (int i = 0; i < RISK_NQ; i++)
		v->answers[i] = answer(form_str(c, arena_printf(a, "risk_%s", risk_questions[i].code)));
	/* CIs: the repeated field cis (a multiple select), each value one code or several separated
	 * by spaces or commas */
	int n = 0, cap = 0;
	const char **cis = NULL;
	for (int k = 0, m = http_field_count(c->rq, "cis"); k < m; k++) {
		const char *s = http_field_at(c->rq, "cis", k);
		while (s && *s) {
			s += strspn(s, " ,\t\r\n");
			size_t len = strcspn(s, " ,\t\r\n");
			if (!len) break;
			if (n == cap) {
				cap = cap ? 2 * cap : 16;
				const char **nc = arena_alloc(a, sizeof *nc * (size_t)cap);
				if (n) memcpy(nc, cis, sizeof *nc * (size_t)n);
				cis = nc;
			}
			cis[n++] = arena_strndup(a, s, len);
			s += len;
		}
	}
	v->cis = cis;
	v->ncis = n;
	const char *t = form_str(c, "tasks");
	n = 0;
	const char **tasks = arena_alloc(a, sizeof *tasks * (strlen(t) / 2 + 2));
	while (*t) {
		t += strspn(t, " ,\t\r\n");
		size_t len = strcspn(t, " ,\t\r\n");
		if (!len) break;
		tasks[n++] = arena_strndup(a, t, len);
		t += len;
	}
	v->tasks = tasks;
	v->ntasks = n;
}

static int
create_post(struct ctx *c)
{
	struct change v;
	blank(&v);
	read_form(c, &v);
	v.requester = c->u->login;
	v.requester_id = c->u->id;
	if (change_check(&v, form_err, c, c->rq->a)) return form_page(c, &v, 1);
	if (change_create(&c->who, &v, c->rq->a)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/%s?flash=created", v.number));
}

/* The change of the path into v: 0, or the error status to return (404 for an unknown number). */
static int
load(struct ctx *c, struct change *v)
{
	return ctx_found(c, change_load(c->rq->a, ctx_pathv(c, 0), v), "chg.error.not_found");
}

static int
edit_page(struct ctx *c)
{
	struct change v;
	int st = load(c, &v);
	if (st) return st;
	if (strcmp(v.state, "new")) return ctx_error(c, 409, "chg.error.not_new", "");
	if (!change_can_edit(&v, c->u)) return ctx_error(c, 403, "chg.error.not_requester", "");
	return form_page(c, &v, 0);
}

static int
edit_post(struct ctx *c)
{
	struct change old, v;
	int st = load(c, &old);
	if (st) return st;
	if (strcmp(old.state, "new")) return ctx_error(c, 409, "chg.error.not_new", "");
	if (!change_can_edit(&old, c->u)) return ctx_error(c, 403, "chg.error.not_requester", "");
	blank(&v);
	read_form(c, &v);
	v.number = old.number;
	v.state = old.state;
	v.requester = old.requester;
	v.requester_id = old.requester_id;
	v.id = old.id;
	if (change_check(&v, form_err, c, c->rq->a)) return form_page(c, &v, 0);
	if (change_update(&c->who, &old, &v)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/%s?flash=saved", old.number));
}

/* The change page; to: the transition whose form was refused (its values are kept), or "". */
static int
item_build(struct ctx *c, const struct change *v, const char *to)
{
	c->sheet = "change";
	xml_set(c->page, "name", "change");
	xmlNodePtr e = changexml_item(c->page, v);
	xmlNodePtr ts = xml_el(e, "transitions");
	const struct change_transition *allowed[16];
	int n = transition_allowed(v, c->u, allowed, 16);
	for (int i = 0; i < n; i++) {
		xmlNodePtr t = xml_el(ts, "transition");
		xml_attr(t, "to", allowed[i]->to);
		xml_attr(t, "required", allowed[i]->fields ? allowed[i]->fields : "");
		xml_attr(t, "needs", allowed[i]->needs ? allowed[i]->needs : "");
		xml_attr(t, "fields", transition_form_fields(allowed[i]));
	}
	xmlNodePtr f = xml_el(c->page, "step-form");
	xml_attr(f, "to", to);
	if (*to) {
		static const char *const keep[] = { "reason", "actual_end", "verification_result", "close_code", "rollback_at",
						    "rollback_reason", "rollback_result", "review_outcome", "review_lessons",
						    "entry" };
		for (size_t i = 0; i < sizeof keep / sizeof *keep; i++) xml_attr(f, keep[i], form_str(c, keep[i]));
	}
	char now[17];
	change_now_local(now);
	xml_attr(f, "now", now);
	/* the conflict check whenever the change has a planned window, and the approval route */
	xmlNodePtr ap = decide_item_xml(e, v, c->u->id, c->rq->a);
	if (!ap) return ctx_error(c, 503, "error.busy", "");
	if (!strcmp(to, "decide")) {
		xmlNodePtr df = xml_el(ap, "decide-form");
		xml_attr(df, "decision", form_str(c, "decision"));
		xml_attr(df, "comment", form_str(c, "comment"));
	}
	followup_xml(e, v->id);
	int fu = followup_may(v, c->u) && (c->u->roles & WRITERS);
	if (fu) {
		/* the follow-up form: the refused values, else the change's project */
		xmlNodePtr ff = xml_el(c->page, "followup-form");
		int kept = !strcmp(to, "followup");
		xml_attr(ff, "title", kept ? form_str(c, "title") : "");
		xml_attr(ff, "project", kept ? form_str(c, "project") : v->project);
		xml_attr(ff, "owner", kept ? form_str(c, "owner") : "");
		xml_attr(ff, "due", kept ? form_str(c, "due") : "");
		xmlNodePtr ps = xml_el(ff, "projects");
		sqlite3_stmt *pq = db_q("SELECT code, name FROM projects WHERE is_template = 0 AND status NOT IN ('done', 'cancelled')"
					" ORDER BY code", "");
		while (pq && sqlite3_step(pq) == SQLITE_ROW) xml_row(xml_el(ps, "project"), pq);
		if (pq) sqlite3_reset(pq);
		plan_people_xml(c->page);
	}
	xmlNodePtr can = xml_el(c->page, "can");
	xml_attr(can, "followup", fu ? "1" : "0");
	xml_attr(can, "edit", change_can_edit(v, c->u) && (c->u->roles & WRITERS) ? "1" : "0");
	xml_attr(can, "attach", change_can_attach(v, c->u) && (c->u->roles & WRITERS) ? "1" : "0");
	xml_attr(can, "log", !strcmp(v->state, "implement") && (c->u->roles & WRITERS) &&
				     ((v->implementer_id && v->implementer_id == c->u->id) || (c->u->roles & ROLE_ADMIN))
			     ? "1" : "0");
	return c->errors ? H_INVALID : H_RENDER;
}

static int
item_page(struct ctx *c)
{
	struct change v;
	int st = load(c, &v);
	if (st) return st;
	return item_build(c, &v, "");
}

static const char *
form_get(void *arg, const char *name)
{
	return form_str(arg, name);
}

static int
transition_post(struct ctx *c)
{
	struct change v;
	int st = load(c, &v);
	if (st) return st;
	const char *to = form_str(c, "to");
	if (!one_of(to, change_states)) {
		ctx_invalid(c, "to", "chg.error.transition");
		return item_build(c, &v, "");
	}
	const char *key = NULL;
	int rc = transition_take(&c->who, c->u, &v, to, form_get, c, form_err, c, c->rq->a, &key);
	if (rc == -1) return ctx_error(c, 503, "error.busy", "");
	if (rc == -2) return ctx_error(c, 409, key, "to");
	if (rc == -3) return ctx_error(c, 403, "chg.error.not_yours", "to");
	if (rc > 0) return item_build(c, &v, to);
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/%s?flash=saved", v.number));
}

/* A decision on the change's current approval step. The engine says who may decide (403 with
 * its reason for anyone else); the decision stores the conflict check as the approver saw it. */
static int
decide_post(struct ctx *c)
{
	struct change v;
	int st = load(c, &v);
	if (st) return st;
	if (strcmp(v.state, "assess") && strcmp(v.state, "authorize"))
		return ctx_error(c, 409, "apr.error.not_pending", "");
	struct conflict_result cr;
	int ck = conflict_check(c->rq->a, &v, &cr);
	if (ck < 0) return ctx_error(c, 503, "error.busy", "");
	char today[11];   /* the local day: delegations and policies are in local days */
	cal_iso(plan_today(), today);
	struct approvals_plan route;
	if (approvals_plan_load(c->rq->a, &v, ck == 0 && cr.freeze, today, &route)) return ctx_error(c, 503, "error.busy", "");
	long long ob = 0;
	int why = approvals_may(&route, c->u->id, today, &ob);
	if (why < 0) return ctx_error(c, 409, "apr.error.no_route", "");
	if (why != APPROVAL_OK) return ctx_error(c, 403, arena_printf(c->rq->a, "apr.reason.%s", approval_reason_name(why)), "");
	const char *decision = form_str(c, "decision"), *comment = form_str(c, "comment");
	if (strcmp(decision, "approved") && strcmp(decision, "rejected")) ctx_invalid(c, "decision", "apr.error.decision");
	else if (!strcmp(decision, "rejected") && !*comment) ctx_invalid(c, "comment", "apr.error.comment_required");
	if (text_chars(comment) > CHANGE_TEXT_MAX) ctx_invalid(c, "comment", "error.field_too_long");
	if (c->errors) return item_build(c, &v, "decide");
	struct buf js = {0};
	conflict_json(&js, ck == 0 ? cr.f : NULL, ck == 0 ? cr.n : 0);
	const char *state = NULL, *missing = NULL;
	int rc = decide_apply(&c->who, &v, c->u->id, ob, &route, decision, comment, buf_str(&js), c->rq->a, &state, &missing);
	buf_free(&js);
	if (rc) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/%s?flash=saved#approval", v.number));
}

static int
log_post(struct ctx *c)
{
	struct change v;
	int st = load(c, &v);
	if (st) return st;
	int rc = transition_log(&c->who, c->u, &v, form_str(c, "entry"), form_err, c);
	if (rc == -1) return ctx_error(c, 503, "error.busy", "");
	if (rc == -2) return ctx_error(c, 409, "chg.error.not_implementing", "");
	if (rc == -3) return ctx_error(c, 403, "chg.error.not_yours", "");
	if (rc > 0) return item_build(c, &v, "log");
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/%s?flash=saved#log", v.number));
}

/* A follow-up task of the post-implementation review (chgfollow.c). */
static int
followup_post(struct ctx *c)
{
	struct change v;
	int st = load(c, &v);
	if (st) return st;
	struct followup_in f = { form_str(c, "title"), form_str(c, "project"), form_str(c, "owner"), form_str(c, "due") };
	long long id = 0;
	int rc = followup_add(&c->who, c->u, &v, &f, form_err, c, c->rq->a, &id);
	if (rc == -1) return ctx_error(c, 503, "error.busy", "");
	if (rc == -2) return ctx_error(c, 409, "chgf.error.state", "");
	if (rc == -3) return ctx_error(c, 403, "chg.error.not_yours", "");
	if (rc == -4) return ctx_error(c, 403, "error.not_member", "project");
	if (rc > 0) return item_build(c, &v, "followup");
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/%s?flash=created#followups", v.number));
}

/* The file name of an upload: its last path segment, control characters dropped, valid UTF-8,
 * at most 200 characters; "attachment" when nothing is left. */
static const char *
upload_name(struct arena *a, const char *raw)
{
	if (!raw) raw = "";
	const char *s = raw;
	for (const char *p = raw; *p; p++)
		if (*p == '/' || *p == '\\') s = p + 1;
	char *out = arena_alloc(a, strlen(s) + 1);
	size_t k = 0;
	for (; *s; s++)
		if ((unsigned char)*s >= 0x20 && *s != 0x7f && *s != '"') out[k++] = *s;
	out[k] = 0;
	const char *clean = text_xml_clean(a, out);
	if (!*clean) return "attachment";
	if (text_chars(clean) > 200) {
		/* cut at 200 characters, on a character boundary */
		size_t n = 0, i = 0;
		for (; clean[i] && n < 200; i++)
			if (((unsigned char)clean[i] & 0xc0) != 0x80) n++;
		while (clean[i] && ((unsigned char)clean[i] & 0xc0) == 0x80) i++;
		clean = arena_strndup(a, clean, i);
	}
	return clean;
}

/* A MIME type as sent when it is plain type/subtype, else application/octet-stream. */
static const char *
upload_mime(const char *m)
{
	if (!m || !*m || strlen(m) > 100) return "application/octet-stream";
	const char *slash = strchr(m, '/');
	if (!slash || slash == m || !slash[1]) return "application/octet-stream";
	for (const char *p = m; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      strchr("/.+-_", *p)))
			return "application/octet-stream";
	return m;
}

static int
attach_post(struct ctx *c)
{
	struct change v;
	int st = load(c, &v);
	if (st) return st;
	if (!change_can_attach(&v, c->u)) return ctx_error(c, 403, "chg.error.not_yours", "");
	const struct param *f = http_file(c->rq, "file");
	if (!f || !f->filename) {
		ctx_invalid(c, "file", "chg.error.no_file");
		return item_build(c, &v, "attach");
	}
	if (f->len > CHANGE_ATTACH_MAX) {
		ctx_invalid(c, "file", "chg.error.file_size");
		return item_build(c, &v, "attach");
	}
	const char *name = upload_name(c->rq->a, f->filename);
	if (change_attach(&c->who, &v, c->u->id, name, upload_mime(f->ctype), f->value, f->len) < 0)
		return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/%s?flash=saved#attachments", v.number));
}

static int
attach_get(struct ctx *c)
{
	struct change v;
	int st = load(c, &v);
	if (st) return st;
	long long id = ctx_id(c, 1);
	const char *name, *mime;
	const void *data;
	size_t len;
	st = ctx_found(c, id > 0 ? change_attachment(c->rq->a, v.id, id, &name, &mime, &data, &len) : 0,
		       "chg.error.no_attachment");
	if (st) return st;
	buf_add(&c->rs->body, data, len);
	c->rs->status = 200;
	c->rs->ctype = upload_mime(mime);
	struct buf enc = {0};
	http_urlencode(&enc, name);
	c->rs->disposition = arena_printf(c->rq->a, "attachment; filename=\"attachment\"; filename*=UTF-8''%s", buf_str(&enc));
	buf_free(&enc);
	return H_DONE;
}

const struct route change_routes[] = {
	{ "GET", "/changes", list_page, "changes", ROLE_ANY, RF_CSV },
	{ "POST", "/changes", create_post, "change-form", WRITERS, 0 },
	{ "GET", "/changes/new", new_page, "change-form", WRITERS, 0 },
	{ "GET", "/changes/{number}", item_page, "change", ROLE_ANY, 0 },
	{ "POST", "/changes/{number}", edit_post, "change-form", WRITERS, 0 },
	{ "GET", "/changes/{number}/edit", edit_page, "change-form", WRITERS, 0 },
	{ "POST", "/changes/{number}/transition", transition_post, "change", WRITERS, 0 },
	{ "POST", "/changes/{number}/decide", decide_post, "change", ROLE_ADMIN | ROLE_MANAGER | ROLE_APPROVER | ROLE_ENGINEER, 0 },
	{ "POST", "/changes/{number}/log", log_post, "change", WRITERS, 0 },
	{ "POST", "/changes/{number}/attachments", attach_post, "change", WRITERS, RF_UPLOAD },
	{ "GET", "/changes/{number}/attachments/{id}", attach_get, "change", ROLE_ANY, 0 },
	{ "POST", "/changes/{number}/followups", followup_post, "change", WRITERS, 0 },
	{ 0 },
};
