/* leave.c — everyone's leave for administrators (/admin/leave): the ranges of every person,
 * adding a range for anyone and removing one. Managers and auditors read the page. A person's
 * own leave is on their profile (profile.c). Each change is audited and reschedules the
 * projects where the person owns open tasks (leave.h). */
#include "core/route.h"
#include "core/db.h"
#include "plan/leave.h"
#include "plan/plan.h"
#include "core/xml.h"
#include <string.h>

static void
page_xml(struct ctx *c, const char *login, const char *start, const char *end, const char *note)
{
	c->sheet = "leave";
	xmlSetProp(c->page, BAD_CAST "name", BAD_CAST "leave");
	leave_xml(c->page, 0);
	xmlNodePtr f = xml_el(c->page, "leave-form");
	xml_attr(f, "login", login);
	xml_attr(f, "start", start);
	xml_attr(f, "end", end);
	xml_attr(f, "note", note);
	plan_people_xml(c->page);
}

static int
leave_page(struct ctx *c)
{
	page_xml(c, "", "", "", "");
	return H_RENDER;
}

static void
err_fn(void *arg, const char *field, const char *key, const char *msg_arg)
{
	ctx_invalid_arg(arg, field, key, msg_arg);
}

static int
add_post(struct ctx *c)
{
	const char *login = form_str(c, "login"), *start = form_str(c, "start"), *end = form_str(c, "end"),
		   *note = form_str(c, "note");
	long long uid = db_int("SELECT id FROM users WHERE login = ? AND active = 1", "s", login);
	int bad = uid ? 0 : ctx_invalid(c, "login", "error.user");
	bad += leave_check(uid, start, end, note, err_fn, c, c->rq->a);
	if (bad) {
		page_xml(c, login, start, end, note);
		return H_INVALID;
	}
	if (leave_add(&c->who, uid, login, start, end, note) < 0 || leave_reschedule(uid, c->rq->a))
		return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, "/admin/leave?flash=leave");
}

static int
remove_post(struct ctx *c)
{
	long long id = ctx_id(c, 0), uid = id ? leave_owner(id) : 0;
	if (!uid) return ctx_error(c, 404, "leave.error.not_found", "");
	if (leave_remove(&c->who, id) || leave_reschedule(uid, c->rq->a)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, "/admin/leave?flash=leave");
}

const struct route leave_routes[] = {
	{ "GET", "/admin/leave", leave_page, "leave", ROLE_ADMIN | ROLE_MANAGER | ROLE_AUDITOR, 0 },
	{ "POST", "/admin/leave", add_post, "leave", ROLE_ADMIN, 0 },
	{ "POST", "/admin/leave/{id}/delete", remove_post, NULL, ROLE_ADMIN, 0 },
	{ 0 },
};
