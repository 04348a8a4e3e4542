/* cmdb.c — the configuration management database pages (ISO/IEC 20000-1 8.2.6): the list of
 * configuration items with filters and its CSV, creating and editing a CI (retiring is the status
 * "retired"; CIs are never deleted), one CI with its relations both ways, the CIs a change to it
 * may affect and its audit history, and adding or removing relations. Administrators and
 * managers write; everyone reads. Each write is audited in its transaction (cmdb.c). */
#include "core/route.h"
#include "plan/plan.h"
#include "change/cmdb.h"
#include "core/clock.h"
#include "core/csv.h"
#include "core/db.h"
#include "core/render.h"
#include "core/xml.h"
#include <stdio.h>
#include <string.h>

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

static int
can_write(struct ctx *c)
{
	return (c->u->roles & (ROLE_ADMIN | ROLE_MANAGER)) != 0;
}

struct csv_ctx { struct ctx *c; struct buf *b; };

static void
csv_row(void *arg, const char *const *cells)
{
	struct csv_ctx *x = arg;
	const char *row[7] = { cells[0], cells[1],
			       render_msg(x->c->lang, arena_printf(x->c->rq->a, "cmdb.type.%s", cells[2])),
			       render_msg(x->c->lang, arena_printf(x->c->rq->a, "cmdb.status.%s", cells[3])),
			       cells[4], cells[6], NULL };
	char local[17] = "";
	if (*cells[7]) clock_local(clock_parse(cells[7]), local);
	row[6] = local;
	for (int i = 0; i < 7; i++) csv_cell(x->b, row[i], i == 0);
	csv_end(x->b);
}

static int
list_csv(struct ctx *c, const struct ci_filter *f)
{
	struct buf *b = &c->rs->body;
	static const char *const cols[] = { "cmdb.code", "cmdb.name", "cmdb.type", "cmdb.status", "cmdb.owner",
					    "cmdb.description", "cmdb.updated" };
	csv_bom(b);
	for (int i = 0; i < 7; i++) csv_cell(b, render_msg(c->lang, cols[i]), i == 0);
	csv_end(b);
	struct csv_ctx x = { c, b };
	cmdb_list_each(f, csv_row, &x);
	c->rs->status = 200;
	c->rs->ctype = "text/csv; charset=utf-8";
	char day[21];
	clock_iso(clock_now(), day);
	day[10] = 0;
	c->rs->disposition = arena_printf(c->rq->a, "attachment; filename=\"opsplan-cmdb-%s.csv\"", day);
	return H_DONE;
}

static int
list_page(struct ctx *c)
{
	struct ci_filter f = { q(c, "type"), q(c, "status"), q(c, "owner"), q(c, "q") };
	if (*f.type && !one_of(f.type, cmdb_types)) return ctx_error(c, 400, "cmdb.error.type", "type");
	if (*f.status && !one_of(f.status, cmdb_statuses)) return ctx_error(c, 400, "error.status", "status");
	if (strlen(f.owner) > 64) return ctx_error(c, 400, "error.field_too_long", "owner");
	if (strlen(f.q) > 200) return ctx_error(c, 400, "error.field_too_long", "q");
	const char *fmt = http_query(c->rq, "format");
	if (fmt && !strcmp(fmt, "csv")) return list_csv(c, &f);
	cmdb_list_xml(c->page, &f);
	plan_people_xml(c->page);
	xml_attr(xml_el(c->page, "can"), "create", can_write(c) ? "1" : "0");
	return H_RENDER;
}

/* The form page with the values v (new: mode "new"). */
static int
form_page(struct ctx *c, const struct ci *v, int is_new)
{
	c->sheet = "cmdb-form";
	xmlNodePtr f = xml_el(c->page, "ci-form");
	xml_attr(f, "mode", is_new ? "new" : "edit");
	xml_attr(f, "code", v->code);
	xml_attr(f, "name", v->name);
	xml_attr(f, "type", v->type);
	xml_attr(f, "status", v->status);
	xml_attr(f, "owner", v->owner);
	xml_attr(f, "description", v->description);
	plan_people_xml(c->page);
	return c->errors ? H_INVALID : H_RENDER;
}

static int
new_page(struct ctx *c)
{
	struct ci v = { .code = "", .name = "", .type = "server", .status = "active", .owner = c->u->login,
			.description = "" };
	return form_page(c, &v, 1);
}

static void
read_form(struct ctx *c, struct ci *v)
{
	v->name = form_str(c, "name");
	v->type = form_str(c, "type");
	v->status = form_str(c, "status");
	v->owner = form_str(c, "owner");
	v->description = form_str(c, "description");
}

static int
create_post(struct ctx *c)
{
	struct ci v = { .code = form_str(c, "code") };
	read_form(c, &v);
	if (cmdb_check(&v, 1, form_err, c)) return form_page(c, &v, 1);
	if (cmdb_create(&c->who, &v, "")) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/cmdb/%s?flash=created", v.code));
}

/* The CI of the path into ci: 0, or the error status to return (404 for an unknown code). */
static int
load(struct ctx *c, struct ci *ci)
{
	return ctx_found(c, cmdb_load(c->rq->a, ctx_pathv(c, 0), ci), "cmdb.error.not_found");
}

static int
edit_page(struct ctx *c)
{
	struct ci ci;
	int st = load(c, &ci);
	if (st) return st;
	return form_page(c, &ci, 0);
}

static int
edit_post(struct ctx *c)
{
	struct ci old, v;
	int st = load(c, &old);
	if (st) return st;
	v = old;
	read_form(c, &v);
	if (cmdb_check(&v, 0, form_err, c)) return form_page(c, &v, 0);
	if (cmdb_update(&c->who, &old, &v)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/cmdb/%s?flash=saved", old.code));
}

/* The CI page; kind and target: the relation form's values. */
static int
item_build(struct ctx *c, const struct ci *ci, const char *kind, const char *target)
{
	c->sheet = "cmdb-item";
	xml_set(c->page, "name", "cmdb-item");
	cmdb_item_xml(c->page, ci, c->rq->a);
	xmlNodePtr f = xml_el(c->page, "relation-form");
	xml_attr(f, "kind", kind);
	xml_attr(f, "target", target);
	int w = can_write(c);
	if (w) cmdb_codes_xml(c->page);
	xml_attr(xml_el(c->page, "can"), "edit", w ? "1" : "0");
	return c->errors ? H_INVALID : H_RENDER;
}

static int
item_page(struct ctx *c)
{
	struct ci ci;
	int st = load(c, &ci);
	if (st) return st;
	return item_build(c, &ci, "runs_on", "");
}

static int
relation_post(struct ctx *c)
{
	struct ci ci;
	int st = load(c, &ci);
	if (st) return st;
	const char *kind = form_str(c, "kind"), *target = form_str(c, "target");
	long long to_id;
	const char *field, *arg;
	const char *key = cmdb_relation_check(&ci, kind, target, &to_id, &field, &arg, c->rq->a);
	if (key) {
		ctx_invalid_arg(c, field, key, arg);
		return item_build(c, &ci, kind, target);
	}
	if (cmdb_relation_add(&c->who, &ci, kind, to_id, target)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/cmdb/%s?flash=saved#relations", ci.code));
}

static int
relation_delete(struct ctx *c)
{
	struct ci ci;
	int st = load(c, &ci);
	if (st) return st;
	const char *kind = form_str(c, "kind"), *target = form_str(c, "target");
	if (!one_of(kind, cmdb_kinds)) {
		ctx_invalid(c, "kind", "cmdb.error.kind");
		return item_build(c, &ci, "runs_on", "");
	}
	int rc = cmdb_relation_remove(&c->who, &ci, kind, target);
	if (rc < 0) return ctx_error(c, 503, "error.busy", "");
	if (rc) {
		ctx_invalid_arg(c, "target", "cmdb.error.no_relation", target);
		return item_build(c, &ci, kind, target);
	}
	return ctx_redirect(c, arena_printf(c->rq->a, "/cmdb/%s?flash=saved#relations", ci.code));
}

const struct route cmdb_routes[] = {
	{ "GET", "/cmdb", list_page, "cmdb", ROLE_ANY, RF_CSV },
	{ "POST", "/cmdb", create_post, "cmdb-form", ROLE_ADMIN | ROLE_MANAGER, 0 },
	{ "GET", "/cmdb/new", new_page, "cmdb-form", ROLE_ADMIN | ROLE_MANAGER, 0 },
	{ "GET", "/cmdb/{code}", item_page, "cmdb-item", ROLE_ANY, 0 },
	{ "POST", "/cmdb/{code}", edit_post, "cmdb-form", ROLE_ADMIN | ROLE_MANAGER, 0 },
	{ "GET", "/cmdb/{code}/edit", edit_page, "cmdb-form", ROLE_ADMIN | ROLE_MANAGER, 0 },
	{ "POST", "/cmdb/{code}/relations", relation_post, "cmdb-item", ROLE_ADMIN | ROLE_MANAGER, 0 },
	{ "POST", "/cmdb/{code}/relations/delete", relation_delete, "cmdb-item", ROLE_ADMIN | ROLE_MANAGER, 0 },
	{ 0 },
};
