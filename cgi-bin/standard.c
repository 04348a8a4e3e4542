/* standard.c — the standard change catalogue (ISO/IEC 20000-1 8.5.1.2: pre-approved changes):
 * the list (retired ones marked), a new procedure, one procedure with its plans, the RFCs made
 * from it and its audit history, and for administrators and managers its edit form and the
 * retire/reactivate buttons. Saving a procedure is approving it (approved_by/approved_at); an
 * edit needs a reason. Procedures are never deleted. Everyone who reads changes reads these. */
#include "core/route.h"
#include "change/change.h"
#include "core/db.h"
#include "change/standard.h"
#include "core/text.h"
#include "core/xml.h"
#include <string.h>

#define EDITORS (ROLE_ADMIN | ROLE_MANAGER)

static void
read_form(struct ctx *c, struct stdchg *s)
{
	memset(s, 0, sizeof *s);
	s->code = form_str(c, "code");
	s->name = form_str(c, "name");
	s->category = form_str(c, "category");
	s->description = form_str(c, "description");
	s->implementation_plan = form_str(c, "implementation_plan");
	s->test_plan = form_str(c, "test_plan");
	s->backout_plan = form_str(c, "backout_plan");
	s->risk_level = form_str(c, "risk_level");
	s->approved_by = s->approved_at = "";
}

/* The form's choices: <categories>. */
static void
categories_xml(struct ctx *c)
{
	xmlNodePtr k = xml_el(c->page, "categories");
	sqlite3_stmt *st = db_q("SELECT code, label_zh, label_en FROM change_categories WHERE active = 1"
				" ORDER BY sort, code", "");
	while (st && sqlite3_step(st) == SQLITE_ROW) xml_row(xml_el(k, "category"), st);
	if (st) sqlite3_reset(st);
}

static int
list_page(struct ctx *c)
{
	standard_list_xml(c->page);
	xml_attr(xml_el(c->page, "can"), "create", (c->u->roles & EDITORS) ? "1" : "0");
	return H_RENDER;
}

static int
form_page(struct ctx *c, const struct stdchg *s)
{
	c->sheet = "standard-form";
	xml_attr(standard_form_xml(c->page, "new", s), "reason", form_str(c, "reason"));
	categories_xml(c);
	return c->errors ? H_INVALID : H_RENDER;
}

static int
new_page(struct ctx *c)
{
	struct stdchg s;
	read_form(c, &s);
	s.risk_level = "low";
	return form_page(c, &s);
}

static int
create_post(struct ctx *c)
{
	struct stdchg s;
	read_form(c, &s);
	if (standard_check(&s, 1, form_err, c)) return form_page(c, &s);
	if (standard_create(&c->who, &s, c->u->id, form_str(c, "reason"))) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/standard/%lld?flash=created", s.id));
}

/* The procedure of the path into s: 0, or the error status. */
static int
load(struct ctx *c, struct stdchg *s)
{
	long long id = ctx_id(c, 0);
	return ctx_found(c, id ? standard_load(c->rq->a, id, s) : 0, "std.error.not_found");
}

/* The procedure's page; form: the edit form's values (the stored ones, or a refused POST's). */
static int
item_build(struct ctx *c, const struct stdchg *s, const struct stdchg *form)
{
	c->sheet = "standard";
	standard_item_xml(c->page, s);
	int edit = (c->u->roles & EDITORS) != 0;
	xml_attr(xml_el(c->page, "can"), "edit", edit ? "1" : "0");
	if (edit) {
		xmlNodePtr f = standard_form_xml(c->page, "edit", form);
		xml_attr(f, "reason", form_str(c, "reason"));
		categories_xml(c);
	}
	return c->errors ? H_INVALID : H_RENDER;
}

static int
item_page(struct ctx *c)
{
	struct stdchg s;
	int st = load(c, &s);
	if (st) return st;
	return item_build(c, &s, &s);
}

/* The reason every change to a procedure gives: required, one line of text. */
static int
reason_ok(struct ctx *c, const char *reason)
{
	if (!*reason) return ctx_invalid(c, "reason", "std.error.reason"), 0;
	if (text_chars(reason) > 500) return ctx_invalid(c, "reason", "error.field_too_long"), 0;
	return 1;
}

static int
update_post(struct ctx *c)
{
	struct stdchg old, s;
	int st = load(c, &old);
	if (st) return st;
	read_form(c, &s);
	s.code = old.code;
	const char *reason = form_str(c, "reason");
	standard_check(&s, 0, form_err, c);
	reason_ok(c, reason);
	if (c->errors) return item_build(c, &old, &s);
	if (standard_update(&c->who, &old, &s, c->u->id, reason)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/standard/%lld?flash=saved", old.id));
}

static int
set_active(struct ctx *c, int active)
{
	struct stdchg s;
	int st = load(c, &s);
	if (st) return st;
	if (s.active == active) return ctx_error(c, 409, active ? "std.error.active" : "std.error.retired", "");
	const char *reason = form_str(c, "reason");
	if (text_chars(reason) > 500) {
		ctx_invalid(c, "reason", "error.field_too_long");
		return item_build(c, &s, &s);
	}
	if (standard_set_active(&c->who, &s, active, reason)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/standard/%lld?flash=saved", s.id));
}

static int
retire_post(struct ctx *c)
{
	return set_active(c, 0);
}

static int
reactivate_post(struct ctx *c)
{
	return set_active(c, 1);
}

const struct route standard_routes[] = {
	{ "GET", "/changes/standard", list_page, "standards", ROLE_ANY, 0 },
	{ "POST", "/changes/standard", create_post, "standard-form", EDITORS, 0 },
	{ "GET", "/changes/standard/new", new_page, "standard-form", EDITORS, 0 },
	{ "GET", "/changes/standard/{id}", item_page, "standard", ROLE_ANY, 0 },
	{ "POST", "/changes/standard/{id}", update_post, "standard", EDITORS, 0 },
	{ "POST", "/changes/standard/{id}/retire", retire_post, "standard", EDITORS, 0 },
	{ "POST", "/changes/standard/{id}/reactivate", reactivate_post, "standard", EDITORS, 0 },
	{ 0 },
};
