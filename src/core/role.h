/* role.h — the signed-in user and the roles: bits, so that a route names the bits that may use
 * it. */
#ifndef OPSPLAN_ROLE_H
#define OPSPLAN_ROLE_H

enum {
	ROLE_ADMIN = 1, ROLE_MANAGER = 2, ROLE_ENGINEER = 4, ROLE_APPROVER = 8,
	ROLE_AUDITOR = 16, ROLE_VIEWER = 32,
	ROLE_ANY = 63,
};
extern const char *const role_names[6];  /* by bit index */

/* The bit of a role name, 0 when unknown. */
unsigned role_bit(const char *name);

struct user {
	long long id;
	const char *login, *display_name, *email, *phone, *lang;
	int active;
	unsigned roles;
};
#endif
