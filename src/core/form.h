/* form.h — the fields of a POSTed form, as a handler reads them (text trimmed, numbers checked),
 * and the error callback the models' checks report bad fields through. */
#ifndef OPSPLAN_FORM_H
#define OPSPLAN_FORM_H
#include "core/ctx.h"
#include "core/fielderr.h"

/* A form field without surrounding white space (text_trim), "" when absent. */
const char *form_str(struct ctx *c, const char *name);
/* A number field: dflt when empty, NAN when not a plain finite number. */
double form_num(struct ctx *c, const char *name, double dflt);
/* fielderr_fn for the models' checks: records the field error on c (a struct ctx *). */
void form_err(void *c, const char *field, const char *key);
#endif
