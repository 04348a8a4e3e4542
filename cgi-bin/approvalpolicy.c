/* approvalpolicy.c — the approval policy pages (/changes/policies): the list with the create
 * form, one policy with its header form and its steps, each step edited in its own sub-form
 * (name, quorum, n, approvers as checkboxes: no JavaScript needed), a new step appended after
 * the last, and the last step removed. Administrators write; managers, approvers and auditors
 * read. Every write is audited in its transaction (entity "policy", src/approvalpolicy.c). */
#include "core/route.h"
#include "change/approvalpolicy.h"
#include "core/xml.h"
#include <stdlib.h>
#include <string.h>

#define READERS (ROLE_ADMIN | ROLE_MANAGER | ROLE_APPROVER | ROLE_AUDITOR)

static void
err_arg(void *arg, const char *field, const char *key, const char *msg_arg)
{
	ctx_invalid_arg(arg, field, key, msg_arg);
}

static int
can_write(struct ctx *c)
{
	return (c->u->roles & ROLE_ADMIN) != 0;
}

static void
form_xml(struct ctx *c, const char *mode, const struct apol *p)
{
	xmlNodePtr f = xml_el(c->page, "policy-form");
	xml_attr(f, "mode", mode);
	if (p->id) xml_attr_ll(f, "id", p->id);
	xml_attr(f, "name", p->name);
	xml_attr(f, "kind", p->kind);
	xml_attr(f, "type", p->type);
	xml_attr(f, "risk-level", p->risk);
	xml_attr(f, "active", p->active ? "1" : "0");
	xml_attr(xml_el(c->page, "can"), "edit", can_write(c) ? "1" : "0");
}

static struct apol
read_form(struct ctx *c, long long id)
{
	return (struct apol){ id, form_str(c, "name"), form_str(c, "kind"), form_str(c, "type"), form_str(c, "risk_level"),
			      !strcmp(form_str(c, "active"), "1") };
}

static int
list_build(struct ctx *c, const struct apol *p)
{
	c->sheet = "policies";
	xml_set(c->page, "name", "policies");
	approvalpolicy_list_xml(c->page);
	form_xml(c, "new", p);
	return c->errors ? H_INVALID : H_RENDER;
}

static int
list_page(struct ctx *c)
{
	struct apol p = { 0, "", "change", "normal", "low", 1 };
	return list_build(c, &p);
}

static int
create_post(struct ctx *c)
{
	struct apol p = read_form(c, 0);
	if (approvalpolicy_check(&p, err_arg, c)) return list_build(c, &p);
	long long id = approvalpolicy_create(&c->who, &p);
	if (id < 0) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/policies/%lld?flash=saved", id));
}

/* The policy of the path into p: 0, or the status to return. */
static int
load(struct ctx *c, struct apol *p)
{
	long long id = ctx_id(c, 0);
	return ctx_found(c, id ? approvalpolicy_load(c->rq->a, id, p) : 0, "apr.error.not_found");
}

/* The policy page: the stored policy, the header form with h, and (after a refused step) the
 * step sub-form's entered values. */
static int
item_build(struct ctx *c, const struct apol *stored, const struct apol *h, const struct approvalpolicy_step_in *s)
{
	c->sheet = "policy";
	xml_set(c->page, "name", "policy");
	approvalpolicy_xml(c->page, stored->id);
	form_xml(c, "edit", h);
	xml_attr_ll(xml_el(c->page, "next-step"), "step", approvalpolicy_nsteps(stored->id) + 1);
	if (can_write(c)) approvalpolicy_eligible_xml(c->page);
	if (s) {
		xmlNodePtr f = xml_el(c->page, "step-form");
		xml_attr_ll(f, "step", s->step);
		xml_attr(f, "name", s->name);
		xml_attr(f, "quorum", s->quorum);
		xml_attr(f, "n", s->n);
		for (int i = 0; i < s->nlogins; i++)
			if (*s->logins[i]) xml_text(f, "approver", s->logins[i]);
	}
	return c->errors ? H_INVALID : H_RENDER;
}

static int
item_page(struct ctx *c)
{
	struct apol p;
	int st = load(c, &p);
	if (st) return st;
	return item_build(c, &p, &p, NULL);
}

static int
edit_post(struct ctx *c)
{
	struct apol old;
	int st = load(c, &old);
	if (st) return st;
	struct apol p = read_form(c, old.id);
	if (approvalpolicy_check(&p, err_arg, c)) return item_build(c, &old, &p, NULL);
	if (approvalpolicy_update(&c->who, &old, &p)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/policies/%lld?flash=saved", old.id));
}

/* The step number field: 0 when not a plain number from 1 to 99. */
static int
step_no(struct ctx *c)
{
	const char *s = form_str(c, "step");
	char *end;
	long n = strtol(s, &end, 10);
	return *s && !*end && n >= 1 && n <= 99 ? (int)n : 0;
}

static int
step_post(struct ctx *c)
{
	struct apol p;
	int st = load(c, &p);
	if (st) return st;
	int n = http_field_count(c->rq, "approver");
	if (n > 200) return ctx_error(c, 400, "error.field", "approver");
	const char **logins = arena_alloc(c->rq->a, sizeof *logins * (size_t)(n + 1));
	for (int i = 0; i < n; i++) logins[i] = http_field_at(c->rq, "approver", i);
	struct approvalpolicy_step_in s = { step_no(c), form_str(c, "step_name"), form_str(c, "quorum"), form_str(c, "n"), logins, n };
	long long *ids = arena_alloc(c->rq->a, sizeof *ids * (size_t)(n + 1));
	int nids, qn;
	if (approvalpolicy_step_check(p.id, &s, ids, &nids, &qn, err_arg, c)) return item_build(c, &p, &p, &s);
	if (approvalpolicy_step_save(&c->who, p.id, &s, ids, nids, qn)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/policies/%lld?flash=saved#step-%d", p.id, s.step));
}

static int
step_delete_post(struct ctx *c)
{
	struct apol p;
	int st = load(c, &p);
	if (st) return st;
	int rc = approvalpolicy_step_delete(&c->who, p.id, step_no(c));
	if (rc < 0) return ctx_error(c, 503, "error.busy", "");
	if (rc) {
		ctx_invalid(c, "step", "apr.error.step_last");
		return item_build(c, &p, &p, NULL);
	}
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/policies/%lld?flash=saved#steps", p.id));
}

const struct route approvalpolicy_routes[] = {
	{ "GET", "/changes/policies", list_page, "policies", READERS, 0 },
	{ "POST", "/changes/policies", create_post, "policies", ROLE_ADMIN, 0 },
	{ "GET", "/changes/policies/{id}", item_page, "policy", READERS, 0 },
	{ "POST", "/changes/policies/{id}", edit_post, "policy", ROLE_ADMIN, 0 },
	{ "POST", "/changes/policies/{id}/steps", step_post, "policy", ROLE_ADMIN, 0 },
	{ "POST", "/changes/policies/{id}/steps/delete", step_delete_post, "policy", ROLE_ADMIN, 0 },
	{ 0 },
};
