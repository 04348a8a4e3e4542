/* role.c — the role names and their bits (role.h). */
#include "core/role.h"
#include <string.h>

const char *const role_names[6] = { "admin", "manager", "engineer", "approver", "auditor", "viewer" };

unsigned
role_bit(const char *name)
{
	for (int i = 0; i < 6; i++)
		if (name && !strcmp(name, role_names[i])) return 1u << i;
	return 0;
}
