/* ctx.c — the helpers a handler finishes with (ctx.h): path captures, redirects, errors, the
 * load-or-404/503 step and the field errors of a re-shown form. */
#include "core/ctx.h"
#include "core/csv.h"
#include "core/render.h"
#include "core/xml.h"
#include <stdlib.h>
#include <string.h>

const char *
ctx_pathv(struct ctx *c, int i)
{
	return i < c->rq->npathv ? c->rq->pathv[i] : NULL;
}

long long
ctx_id(struct ctx *c, int i)
{
	const char *s = ctx_pathv(c, i);
	if (!s || !*s || strlen(s) > 15 || strspn(s, "0123456789") != strlen(s)) return 0;
	return atoll(s);
}

int
ctx_redirect(struct ctx *c, const char *location)
{
	c->rs->location = arena_strdup(c->rq->a, location);
	return H_REDIRECT;
}

int
ctx_error(struct ctx *c, int status, const char *key, const char *field)
{
	c->err_key = key;
	c->err_field = field;
	return status;
}

int
ctx_found(struct ctx *c, int rc, const char *not_found)
{
	if (rc < 0) return ctx_error(c, 503, "error.busy", "");
	return rc ? 0 : ctx_error(c, 404, not_found, "");
}

int
ctx_invalid(struct ctx *c, const char *field, const char *key)
{
	if (!c->errors) c->errors = xml_el(c->page, "errors");
	xmlNodePtr e = xml_el(c->errors, "error");
	xml_attr(e, "field", field);
	xml_attr(e, "key", key);
	c->status = 400;
	return H_INVALID;
}

int
ctx_invalid_arg(struct ctx *c, const char *field, const char *key, const char *arg)
{
	ctx_invalid(c, field, key);
	xml_attr(c->errors->last, "arg", arg);
	return H_INVALID;
}

const char *
ctx_query(struct ctx *c, const char *name)
{
	const char *v = http_query(c->rq, name);
	return v ? v : "";
}

struct buf *
ctx_csv(struct ctx *c, const char *filename, const char *const *header_keys, int n)
{
	struct buf *b = &c->rs->body;
	csv_bom(b);
	for (int i = 0; i < n; i++) csv_cell(b, render_msg(c->lang, header_keys[i]), i == 0);
	csv_end(b);
	c->rs->status = 200;
	c->rs->ctype = "text/csv; charset=utf-8";
	c->rs->disposition = arena_printf(c->rq->a, "attachment; filename=\"%s\"", filename);
	return b;
}

int
ctx_model(struct ctx *c, int rc, const char *key, const char *field)
{
	switch (rc) {
	case MODEL_OK: return 0;
	case MODEL_CONFLICT: return ctx_error(c, 409, key, field);
	case MODEL_FORBIDDEN: return ctx_error(c, 403, key, field);
	case MODEL_REFUSED: return ctx_error(c, 400, key, field);
	case MODEL_NOT_FOUND: return ctx_error(c, 404, key, field);
	default: return ctx_error(c, 503, "error.busy", "");
	}
}
