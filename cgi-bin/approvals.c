/* approvals.c — the approver's own pages: the queue of changes waiting for their decision
 * (/changes/queue, model in src/approvalqueue.c) and delegation while away
 * (/changes/delegations: name a delegate for a date range, withdraw it; src/delegation.c).
 * Approvers, managers and admins delegate their own approvals; admins and auditors see every
 * delegation, the others their own and those naming them. The decision form itself belongs to
 * the change page. */
#include "core/route.h"
#include "change/approvals.h"
#include "change/approvalpolicy.h"
#include "engine/cal.h"
#include "change/delegation.h"
#include "plan/plan.h"
#include "core/xml.h"
#include <string.h>

#define READERS (ROLE_ADMIN | ROLE_MANAGER | ROLE_APPROVER | ROLE_AUDITOR)

static void
today_iso(char out[11])
{
	cal_iso(plan_today(), out);
}

static int
queue_page(struct ctx *c)
{
	char today[11];
	today_iso(today);
	if (approvals_queue_xml(c->page, c->u->id, today, c->rq->a) < 0) return ctx_error(c, 503, "error.busy", "");
	return H_RENDER;
}

static void
err_arg(void *arg, const char *field, const char *key, const char *msg_arg)
{
	ctx_invalid_arg(arg, field, key, msg_arg);
}

static int
delegations_build(struct ctx *c, const char *delegate, const char *start, const char *end)
{
	char today[11];
	today_iso(today);
	c->sheet = "delegations";
	xml_set(c->page, "name", "delegations");
	delegation_list_xml(c->page, c->u->id, (c->u->roles & (ROLE_ADMIN | ROLE_AUDITOR)) != 0, today);
	xmlNodePtr f = xml_el(c->page, "delegation-form");
	xml_attr(f, "delegate", delegate);
	xml_attr(f, "start", start);
	xml_attr(f, "end", end);
	xml_attr(f, "today", today);
	int can = (c->u->roles & APPROVALPOLICY_APPROVER_ROLES) != 0;
	if (can) approvalpolicy_eligible_xml(c->page);
	xml_attr(xml_el(c->page, "can"), "delegate", can ? "1" : "0");
	return c->errors ? H_INVALID : H_RENDER;
}

static int
delegations_page(struct ctx *c)
{
	return delegations_build(c, "", "", "");
}

static int
delegation_post(struct ctx *c)
{
	const char *delegate = form_str(c, "delegate"), *start = form_str(c, "start"), *end = form_str(c, "end");
	long long did;
	if (delegation_check(c->u->id, delegate, start, end, &did, err_arg, c)) return delegations_build(c, delegate, start, end);
	long long id = delegation_create(&c->who, c->u->id, did, start, end);
	if (id < 0) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/changes/delegations?flash=saved#delegation-%lld", id));
}

static int
cancel_post(struct ctx *c)
{
	long long id = ctx_id(c, 0);
	char today[11];
	today_iso(today);
	int rc = id ? delegation_cancel(&c->who, id, (c->u->roles & ROLE_ADMIN) ? 0 : c->u->id, today) : 1;
	if (rc < 0) return ctx_error(c, 503, "error.busy", "");
	if (rc == 1) return ctx_error(c, 404, "apr.error.delegation_not_found", "");
	if (rc == 2) {
		ctx_invalid(c, "id", "apr.error.delegation_over");
		return delegations_build(c, "", "", "");
	}
	return ctx_redirect(c, "/changes/delegations?flash=saved");
}

const struct route approvals_routes[] = {
	{ "GET", "/changes/queue", queue_page, "queue", ROLE_ANY, 0 },
	{ "GET", "/changes/delegations", delegations_page, "delegations", READERS, 0 },
	{ "POST", "/changes/delegations", delegation_post, "delegations", ROLE_ADMIN | ROLE_MANAGER | ROLE_APPROVER, 0 },
	{ "POST", "/changes/delegations/{id}/cancel", cancel_post, "delegations", ROLE_ADMIN | ROLE_MANAGER | ROLE_APPROVER, 0 },
	{ 0 },
};
