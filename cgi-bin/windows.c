/* windows.c — the change windows pages (/changes/windows): the list with the create form, one
 * window's edit form, deactivating a window (never deleting: auditors see what was in force),
 * the check of a proposed change on CIs and the month view. Admins and managers write; everyone
 * reads. The model and the engine are in src/changewin.c and src/windows.c. */
#include "core/route.h"
#include "change/windows.h"
#include "core/db.h"
#include "plan/plan.h"
#include "engine/cal.h"
#include "core/xml.h"
#include <string.h>

static struct windows_fields
read_fields(struct ctx *c)
{
	return (struct windows_fields){ form_str(c, "kind"), form_str(c, "name"), form_str(c, "start"), form_str(c, "end"),
				     form_str(c, "repeat"), form_str(c, "repeat_until"), form_str(c, "ci"),
				     form_str(c, "note") };
}

static void
form_xml(struct ctx *c, const char *mode, long long id, const struct windows_fields *f)
{
	xmlNodePtr e = xml_el(c->page, "window-form");
	xml_attr(e, "mode", mode);
	if (id) xml_attr_ll(e, "id", id);
	xml_attr(e, "kind", f->kind);
	xml_attr(e, "name", f->name);
	xml_attr(e, "start", f->start);
	xml_attr(e, "end", f->end);
	xml_attr(e, "repeat", f->repeat);
	xml_attr(e, "repeat-until", f->repeat_until);
	xml_attr(e, "ci", f->ci);
	xml_attr(e, "note", f->note);
	windows_cis_xml(c->page);
}

static void
list_xml(struct ctx *c, const struct windows_fields *f)
{
	c->sheet = "windows";
	xml_set(c->page, "name", "windows");
	windows_list_xml(c->page, 0);
	form_xml(c, "new", 0, f);
}

static int
list_page(struct ctx *c)
{
	struct windows_fields f = { "maintenance", "", "", "", "none", "", "", "" };
	list_xml(c, &f);
	return H_RENDER;
}

static int
create_post(struct ctx *c)
{
	struct windows_fields f = read_fields(c);
	char s[17], e[17];
	long long ci;
	if (windows_check(&f, s, e, &ci, form_err, c)) {
		list_xml(c, &f);
		return H_INVALID;
	}
	f.start = s;
	f.end = e;
	long long id = windows_create(&c->who, &f, ci);
	if (id < 0) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/windows?flash=window#window-%lld", id));
}

static void
edit_xml(struct ctx *c, long long id, const struct windows_fields *f)
{
	c->sheet = "window";
	xml_set(c->page, "name", "window");
	windows_list_xml(c->page, id);
	form_xml(c, "edit", id, f);
}

static int
edit_page(struct ctx *c)
{
	long long id = ctx_id(c, 0);
	if (!id || !windows_exists(id)) return ctx_error(c, 404, "win.error.not_found", "");
	c->sheet = "window";
	xmlNodePtr l = windows_list_xml(c->page, id);
	xmlNodePtr w = l->children;
	struct windows_fields f = { "", "", "", "", "", "", "", "" };
	if (w) {
		const char *names[] = { "kind", "name", "start", "end", "repeat", "repeat-until", "ci", "note" };
		const char **dst[] = { &f.kind, &f.name, &f.start, &f.end, &f.repeat, &f.repeat_until, &f.ci, &f.note };
		for (int i = 0; i < 8; i++) {
			xmlChar *v = xmlGetProp(w, BAD_CAST names[i]);
			*dst[i] = arena_strdup(c->rq->a, v ? (const char *)v : "");
			xmlFree(v);
		}
	}
	form_xml(c, "edit", id, &f);
	return H_RENDER;
}

static int
edit_post(struct ctx *c)
{
	long long id = ctx_id(c, 0);
	if (!id || !windows_exists(id)) return ctx_error(c, 404, "win.error.not_found", "");
	struct windows_fields f = read_fields(c);
	char s[17], e[17];
	long long ci;
	if (windows_check(&f, s, e, &ci, form_err, c)) {
		edit_xml(c, id, &f);
		return H_INVALID;
	}
	f.start = s;
	f.end = e;
	if (windows_update(&c->who, id, &f, ci)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/windows/%lld?flash=window", id));
}

static int
deactivate_post(struct ctx *c)
{
	long long id = ctx_id(c, 0);
	if (!id || !windows_exists(id)) return ctx_error(c, 404, "win.error.not_found", "");
	if (windows_deactivate(&c->who, id) < 0) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/windows?flash=window#window-%lld", id));
}

static void
check_err(void *arg, const char *field, const char *key, const char *msg_arg)
{
	ctx_invalid_arg(arg, field, key, msg_arg);
}

static int
check_page(struct ctx *c)
{
	const char *start = http_query(c->rq, "start"), *end = http_query(c->rq, "end");
	int n = 0;
	for (int i = 0; i < c->rq->nq; i++)
		if (!strcmp(c->rq->q[i].name, "ci")) n++;
	const char **codes = arena_alloc(c->rq->a, sizeof *codes * (size_t)(n + 1));
	xmlNodePtr f = xml_el(c->page, "check-form");
	xml_attr(f, "start", start ? start : "");
	xml_attr(f, "end", end ? end : "");
	int k = 0;
	for (int i = 0; i < c->rq->nq; i++)
		if (!strcmp(c->rq->q[i].name, "ci")) {
			codes[k] = c->rq->q[i].value;
			/* one picker per entered code, and an empty one for another */
			if (*codes[k]) xml_text(f, "ci", codes[k]);
			k++;
		}
	windows_cis_xml(c->page);
	if (!start && !end && !k) return H_RENDER;     /* the empty form */
	if (k > WINDOWS_MAX_CIS) return ctx_error(c, 400, "error.field", "ci");
	if (windows_check_xml(c->page, start ? start : "", end ? end : "", codes, k, c->rq->a, check_err, c) < 0 &&
	    !c->errors)
		return ctx_error(c, 503, "error.busy", "");
	return c->errors ? H_INVALID : H_RENDER;
}

static int
calendar_page(struct ctx *c)
{
	const char *month = http_query(c->rq, "month");
	char def[8];
	if (!month || !*month) {
		char d[11];
		cal_iso(plan_today(), d);
		memcpy(def, d, 7);
		def[7] = 0;
		month = def;
	}
	if (windows_month_xml(c->page, month, c->rq->a)) return ctx_error(c, 400, "win.error.month", "month");
	return H_RENDER;
}

const struct route windows_routes[] = {
	{ "GET", "/changes/windows", list_page, "windows", ROLE_ANY, 0 },
	{ "POST", "/changes/windows", create_post, "windows", ROLE_ADMIN | ROLE_MANAGER, 0 },
	{ "GET", "/changes/windows/check", check_page, "windows-check", ROLE_ANY, 0 },
	{ "GET", "/changes/windows/calendar", calendar_page, "windows-calendar", ROLE_ANY, 0 },
	{ "GET", "/changes/windows/{id}", edit_page, "window", ROLE_ANY, 0 },
	{ "POST", "/changes/windows/{id}", edit_post, "window", ROLE_ADMIN | ROLE_MANAGER, 0 },
	{ "POST", "/changes/windows/{id}/deactivate", deactivate_post, NULL, ROLE_ADMIN | ROLE_MANAGER, 0 },
	{ 0 },
};
