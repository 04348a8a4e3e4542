/* form.c — reading a POSTed form's fields for a handler (form.h). */
#include "core/form.h"
#include "core/text.h"
#include <math.h>
#include <stdlib.h>

const char *
form_str(struct ctx *c, const char *name)
{
	const char *v = http_field(c->rq, name);
	return v ? text_trim(c->rq->a, v) : "";
}

double
form_num(struct ctx *c, const char *name, double dflt)
{
	const char *v = form_str(c, name);
	while (*v == ' ') v++;
	if (!*v) return dflt;
	char *end;
	double d = strtod(v, &end);
	while (*end == ' ') end++;
	return *end || !isfinite(d) ? NAN : d;
}

void
form_err(void *c, const char *field, const char *key)
{
	ctx_invalid(c, field, key);
}
