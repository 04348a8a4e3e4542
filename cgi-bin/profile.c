/* profile.c — the signed-in user's own settings: display name, e-mail, phone (for @-mentions)
 * and language; and the language switch in every page's header. */
#include "route.h"
#include "db.h"
#include "user.h"
#include "xml.h"
#include <string.h>

static xmlNodePtr
profile_el(struct ctx *c, const char *name, const char *email, const char *phone, const char *lang)
{
	xmlNodePtr p = xml_el(c->page, "profile");
	xml_attr(p, "display_name", name);
	xml_attr(p, "email", email);
	xml_attr(p, "phone", phone);
	xml_attr(p, "lang", lang);
	return p;
}

static int
profile_get(struct ctx *c)
{
	profile_el(c, c->u->display_name, c->u->email, c->u->phone, c->u->lang);
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
	{ "POST", "/lang", lang_post, NULL, ROLE_ANY, 0 },
	{ 0 },
};
