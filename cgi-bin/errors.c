/* errors.c — error pages for answers nginx gives itself before the program sees the request
 * (413 body too large, 429 too many requests): nginx's error_page redirects them internally
 * here as a GET, so the user still gets a page in their language with a request id. */
#include "core/route.h"
#include <string.h>

static int
nginx_error(struct ctx *c)
{
	const char *code = ctx_pathv(c, 0);
	if (!strcmp(code, "413")) return ctx_error(c, 413, "error.body_too_large", "");
	if (!strcmp(code, "429")) return ctx_error(c, 429, "error.429", "");
	return ctx_error(c, 404, "error.not_found", "");
}

const struct route errors_routes[] = {
	{ "GET", "/_error/{code}", nginx_error, "error", ROLE_ANY, 0 },
	{ 0 },
};
