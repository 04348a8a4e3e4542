/* fielderr.h — how a check reports a bad field: called once per bad field with the field's name
 * and a message key (and, in the second form, an argument the message shows). Handlers pass
 * form_err (form.h), which records the error for the re-shown form; the command line prints it. */
#ifndef OPSPLAN_FIELDERR_H
#define OPSPLAN_FIELDERR_H

typedef void (*fielderr_fn)(void *arg, const char *field, const char *key);
typedef void (*fielderr_arg_fn)(void *arg, const char *field, const char *key, const char *msg_arg);
#endif
