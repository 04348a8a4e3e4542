/* profile.c — the signed-in user's own settings: display name, e-mail, phone (for @-mentions)
 * and language; their own leave (days off, leave.h), which they add and remove here; and the
 * language switch in every page's header. */
#include "core/route.h"
#include "core/db.h"
#include "plan/leave.h"
#include "core/user.h"
#include "core/xml.h"
#include <string.h>

/* The profile, the user's leave and the leave form (its entered values after a refused POST). */
static xmlNodePtr
profile_el(struct ctx *c, const char *name, const char *email, const char *phone, const char *lang)
{
	xmlNodePtr p = xml_el(c->page, "profile");
	xml_attr(p, "display_name", name);
	xml_attr(p, "email", email);
	xml_attr(p, "phone", phone);
	xml_attr(p, "lang", lang);
	leave_xml(c->page, c->u->id);
	return p;
}

static void
leave_form(struct ctx *c, const char *start, const char *end, const char *note)
{
	xmlNodePtr f = xml_el(c->page, "leave-form");
	xml_attr(f, "start", start);
	xml_attr(f, "end", end);
	xml_attr(f, "note", note);
}

static int
profile_get(struct ctx *c)
{
	profile_el(c, c->u->display_name, c->u->email, c->u->phone, c->u->lang);
	leave_form(c, "", "", "");
	return H_RENDER;
}

/* A form field that must appear at most once; NULL when absent, "" default. */
static const char *
one(struct ctx *c, const char *name, int *dup)
{
	if (http_field_count(c->rq, name) > 1) *dup = 1;
	const char *v = http_field(c->rq, name);
	return v ? v : "";
}

static int
profile_post(struct ctx *c)
{
	int dup = 0;
	const char *name = one(c, "display_name", &dup), *email = one(c, "email", &dup);
	const char *phone = one(c, "phone", &dup), *lang = one(c, "lang", &dup);
	if (dup) return ctx_error(c, 400, "error.400", "");
	profile_el(c, name, email, phone, lang);
	leave_form(c, "", "", "");
	const char *k;
	int bad = 0;
	if ((k = user_check_name(name))) bad = ctx_invalid(c, "display_name", k);
	if ((k = user_check_email(email))) bad = ctx_invalid(c, "email", k);
	if ((k = user_check_phone(phone))) bad = ctx_invalid(c, "phone", k);
	if ((k = user_check_lang(lang))) bad = ctx_invalid(c, "lang", k);
	if (bad) return H_INVALID;
	if (user_set_profile(&c->who, c->u, name, email, phone, lang))
		return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, "/profile?flash=saved");
}

static void
leave_err(void *arg, const char *field, const char *key, const char *msg_arg)
{
	ctx_invalid_arg(arg, field, key, msg_arg);
}

/* A range of the user's own leave. */
static int
leave_post(struct ctx *c)
{
	const char *start = form_str(c, "start"), *end = form_str(c, "end"), *note = form_str(c, "note");
	if (leave_check(c->u->id, start, end, note, leave_err, c, c->rq->a)) {
		profile_el(c, c->u->display_name, c->u->email, c->u->phone, c->u->lang);
		leave_form(c, start, end, note);
		return H_INVALID;
	}
	if (leave_add(&c->who, c->u->id, c->u->login, start, end, note) < 0 || leave_reschedule(c->u->id, c->rq->a))
		return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, "/profile?flash=leave#leave");
}

/* Removes one of the user's own ranges (administrators remove anyone's on /admin/leave). */
static int
leave_remove_post(struct ctx *c)
{
	long long id = ctx_id(c, 0), owner = id ? leave_owner(id) : 0;
	if (!owner) return ctx_error(c, 404, "leave.error.not_found", "");
	if (owner != c->u->id) return ctx_error(c, 403, "leave.error.not_yours", "");
	if (leave_remove(&c->who, id) || leave_reschedule(owner, c->rq->a)) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, "/profile?flash=leave#leave");
}

/* return_to must be a local path: "/" followed by anything but a second slash or backslash. */
static int
local_path(const char *s)
{
	return s[0] == '/' && s[1] != '/' && s[1] != '\\' && strlen(s) <= 1024 && !strpbrk(s, "\r\n\\");
}

static int
lang_post(struct ctx *c)
{
	const char *lang = http_field(c->rq, "lang"), *ret = http_field(c->rq, "return_to");
	if (!lang || user_check_lang(lang) || http_field_count(c->rq, "lang") != 1)
		return ctx_error(c, 400, "error.lang", "lang");
	if (!ret || !*ret) ret = "/";
	if (!local_path(ret)) return ctx_error(c, 400, "error.return_to", "return_to");
	if (strcmp(lang, c->u->lang) &&
	    user_set_profile(&c->who, c->u, c->u->display_name, c->u->email, c->u->phone, lang))
		return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, ret);
}

const struct route profile_routes[] = {
	{ "GET", "/profile", profile_get, "profile", ROLE_ANY, 0 },
	{ "POST", "/profile", profile_post, "profile", ROLE_ANY, 0 },
	{ "POST", "/profile/leave", leave_post, "profile", ROLE_ANY, 0 },
	{ "POST", "/profile/leave/{id}/delete", leave_remove_post, NULL, ROLE_ANY, 0 },
	{ "POST", "/lang", lang_post, NULL, ROLE_ANY, 0 },
	{ 0 },
};
