/* admin.c — user administration: the list of users with their roles, and the audited form
 * that changes a user's roles (a reason is required; the last administrator stays one). */
#include "core/route.h"
#include "core/role.h"
#include "core/db.h"
#include "core/text.h"
#include "core/user.h"
#include "core/xml.h"
#include <string.h>

static void
users_list(struct ctx *c)
{
	xmlNodePtr list = xml_el(c->page, "users");
	sqlite3_stmt *st = db_q("SELECT u.id, u.login, u.display_name AS name, u.email, u.active,"
				" u.created_at AS created, group_concat(r.role) FROM users u"
				" LEFT JOIN user_roles r ON r.user_id = u.id GROUP BY u.id ORDER BY u.login", "");
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr u = xml_el(list, "user");
		for (int i = 0; i < 6; i++)
			xml_attr(u, sqlite3_column_name(st, i), (const char *)sqlite3_column_text(st, i));
		unsigned roles = 0;
		const char *rl = (const char *)sqlite3_column_text(st, 6);
		if (rl) roles = user_roles_parse(rl);
		for (int i = 0; i < 6; i++)
			if (roles & (1u << i)) xml_text(u, "role", role_names[i]);
	}
	if (st) sqlite3_reset(st);
	xmlNodePtr all = xml_el(c->page, "roles");
	for (int i = 0; i < 6; i++)
		xml_text(all, "role", role_names[i]);
}

static int
users_get(struct ctx *c)
{
	users_list(c);
	return H_RENDER;
}

static int
role_post(struct ctx *c)
{
	const char *login = http_field(c->rq, "login"), *reason = http_field(c->rq, "reason");
	c->sheet = "admin-users";
	xmlSetProp(c->page, BAD_CAST "name", BAD_CAST "admin-users");
	if (!login || http_field_count(c->rq, "login") != 1)
		return ctx_error(c, 400, "error.user", "login");
	struct user target;
	if (user_load(c->rq->a, login, &target) != 1)
		return ctx_error(c, 400, "error.user", "login");
	unsigned roles = 0;
	int bad = 0, n = http_field_count(c->rq, "role");
	for (int i = 0; i < n; i++) {
		unsigned b = role_bit(http_field_at(c->rq, "role", i));
		if (!b) bad = ctx_invalid(c, "role", "error.role");
		roles |= b;
	}
	if (!bad && !roles) bad = ctx_invalid(c, "role", "error.role_empty");
	if (!reason || !*reason || text_chars(reason) > 500) bad = ctx_invalid(c, "reason", "error.reason");
	if (!bad && (target.roles & ROLE_ADMIN) && !(roles & ROLE_ADMIN) &&
	    db_int("SELECT count(*) FROM user_roles r JOIN users u ON u.id = r.user_id"
		   " WHERE r.role = 'admin' AND u.active = 1", "") <= 1)
		bad = ctx_invalid(c, "role", "error.last_admin");
	if (bad) {
		xmlNodePtr f = xml_el(c->page, "form");
		xml_attr(f, "login", login);
		xml_attr(f, "reason", reason);
		for (int i = 0; i < n; i++) xml_text(f, "role", http_field_at(c->rq, "role", i));
		users_list(c);
		return H_INVALID;
	}
	if (roles != target.roles && user_set_roles(&c->who, &target, roles, reason))
		return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, "/admin/users?flash=role");
}

const struct route user_routes[] = {
	{ "GET", "/admin/users", users_get, "admin-users", ROLE_ADMIN, 0 },
	{ "POST", "/admin/users/role", role_post, "admin-users", ROLE_ADMIN, 0 },
	{ 0 },
};
