/* user.h — the user model: lookup, creation, roles and profile, each write audited.
 * Write functions run inside the caller's transaction. */
#ifndef OPSPLAN_USER_H
#define OPSPLAN_USER_H
#include "core/audit.h"
#include "core/auth.h"
#include "core/arena.h"
#include "core/buf.h"

/* 1 found (out filled, strings in a), 0 not found, -1 database error. */
int user_load(struct arena *a, const char *login, struct user *out);
unsigned user_roles(long long id);
/* Comma-separated role names of a mask into b. */
void user_roles_str(unsigned roles, struct buf *b);
/* Parses "admin,engineer"; 0 when any name is unknown or the list is empty. */
unsigned user_roles_parse(const char *list);

/* Field checks shared by the profile form and the CLI; each returns NULL when fine, or the
 * message key of the problem. */
const char *user_check_name(const char *s);
const char *user_check_email(const char *s);
const char *user_check_phone(const char *s);
const char *user_check_lang(const char *s);

int user_create(const struct audit_who *who, const char *action, const char *login, const char *name,
		const char *email, const char *phone, const char *lang, unsigned roles, const char *reason);
int user_set_roles(const struct audit_who *who, const struct user *u, unsigned roles, const char *reason);
int user_set_profile(const struct audit_who *who, const struct user *u, const char *name,
		     const char *email, const char *phone, const char *lang);
#endif
