/* user.c — users and their roles in SQLite; every write appends its audit record with the old
 * and new values as JSON. */
#include "core/user.h"
#include "core/role.h"
#include "core/json.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/text.h"
#include <stdio.h>
#include <string.h>

int
user_load(struct arena *a, const char *login, struct user *u)
{
	sqlite3_stmt *st = db_q("SELECT id, login, display_name, email, phone, lang, active FROM users"
				" WHERE login = ?", "s", login);
	if (!st) return -1;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	u->id = sqlite3_column_int64(st, 0);
	u->login = arena_strdup(a, (const char *)sqlite3_column_text(st, 1));
	u->display_name = arena_strdup(a, (const char *)sqlite3_column_text(st, 2));
	u->email = arena_strdup(a, (const char *)sqlite3_column_text(st, 3));
	u->phone = arena_strdup(a, (const char *)sqlite3_column_text(st, 4));
	u->lang = arena_strdup(a, (const char *)sqlite3_column_text(st, 5));
	u->active = sqlite3_column_int(st, 6);
	sqlite3_reset(st);
	u->roles = user_roles(u->id);
	return 1;
}

unsigned
user_roles(long long id)
{
	unsigned r = 0;
	sqlite3_stmt *st = db_q("SELECT role FROM user_roles WHERE user_id = ?", "i", id);
	while (st && sqlite3_step(st) == SQLITE_ROW)
		r |= role_bit((const char *)sqlite3_column_text(st, 0));
	if (st) sqlite3_reset(st);
	return r;
}

void
user_roles_str(unsigned roles, struct buf *b)
{
	int first = 1;
	for (int i = 0; i < 6; i++)
		if (roles & (1u << i)) {
			if (!first) buf_addc(b, ',');
			buf_adds(b, role_names[i]);
			first = 0;
		}
}

unsigned
user_roles_parse(const char *list)
{
	unsigned r = 0;
	char tmp[128];
	if (!list || strlen(list) >= sizeof tmp) return 0;
	snprintf(tmp, sizeof tmp, "%s", list);
	char *save = NULL;
	for (char *t = strtok_r(tmp, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
		unsigned b = role_bit(t);
		if (!b) return 0;
		r |= b;
	}
	return r;
}

const char *
user_check_name(const char *s)
{
	return text_chars(s) > 64 || strchr(s, '\n') || strchr(s, '\t') ? "error.display_name" : NULL;
}

const char *
user_check_email(const char *s)
{
	if (!*s) return NULL;
	const char *at = strchr(s, '@');
	if (strlen(s) > 254 || !at || at == s || strchr(at + 1, '@') || !strchr(at + 1, '.') ||
	    at[1] == '.' || s[strlen(s) - 1] == '.')
		return "error.email";
	for (const char *c = s; *c; c++)
		if ((unsigned char)*c <= ' ' || strchr("<>()[]\\,;:\"", *c)) return "error.email";
	return NULL;
}

const char *
user_check_phone(const char *s)
{
	size_t digits = 0;
	for (const char *c = s; *c; c++) {
		if (*c >= '0' && *c <= '9') digits++;
		else if (!strchr("+- ()", *c)) return "error.phone";
	}
	return *s && (digits < 3 || digits > 20 || strlen(s) > 32) ? "error.phone" : NULL;
}

const char *
user_check_lang(const char *s)
{
	return !strcmp(s, "") || !strcmp(s, "zh-CN") || !strcmp(s, "en") ? NULL : "error.lang";
}

static void
profile_json(struct buf *b, const char *name, const char *email, const char *phone, const char *lang)
{
	buf_adds(b, "{\"display_name\":");
	json_string(b, name);
	buf_adds(b, ",\"email\":");
	json_string(b, email);
	buf_adds(b, ",\"phone\":");
	json_string(b, phone);
	buf_adds(b, ",\"lang\":");
	json_string(b, lang);
	buf_addc(b, '}');
}

static void
roles_json(struct buf *b, unsigned roles)
{
	struct buf r = {0};
	user_roles_str(roles, &r);
	buf_adds(b, "{\"roles\":");
	json_string(b, buf_str(&r));
	buf_addc(b, '}');
	buf_free(&r);
}

static int
write_roles(long long id, unsigned roles)
{
	if (db_run("DELETE FROM user_roles WHERE user_id = ?", "i", id) != SQLITE_DONE) return -1;
	for (int i = 0; i < 6; i++)
		if ((roles & (1u << i)) &&
		    db_run("INSERT INTO user_roles (user_id, role) VALUES (?, ?)", "is", id, role_names[i]) != SQLITE_DONE)
			return -1;
	return 0;
}

int
user_create(const struct audit_who *who, const char *action, const char *login, const char *name,
	    const char *email, const char *phone, const char *lang, unsigned roles, const char *reason)
{
	char at[21];
	clock_iso(clock_now(), at);
	if (db_run("INSERT INTO users (login, display_name, email, phone, lang, created_at) VALUES (?,?,?,?,?,?)",
		   "ssssss", login, name, email, phone, lang, at) != SQLITE_DONE)
		return -1;
	long long id = sqlite3_last_insert_rowid(db);
	if (write_roles(id, roles)) return -1;
	struct buf nv = {0}, r = {0};
	user_roles_str(roles, &r);
	buf_adds(&nv, "{\"login\":");
	json_string(&nv, login);
	buf_adds(&nv, ",\"roles\":");
	json_string(&nv, buf_str(&r));
	buf_adds(&nv, ",\"profile\":");
	profile_json(&nv, name, email, phone, lang);
	buf_addc(&nv, '}');
	int rc = audit_append(who, action, "user", login, NULL, buf_str(&nv), reason);
	buf_free(&nv);
	buf_free(&r);
	return rc;
}

int
user_set_roles(const struct audit_who *who, const struct user *u, unsigned roles, const char *reason)
{
	if (write_roles(u->id, roles)) return -1;
	struct buf ov = {0}, nv = {0};
	roles_json(&ov, u->roles);
	roles_json(&nv, roles);
	int rc = audit_append(who, "user.roles", "user", u->login, buf_str(&ov), buf_str(&nv), reason);
	buf_free(&ov);
	buf_free(&nv);
	return rc;
}

int
user_set_profile(const struct audit_who *who, const struct user *u, const char *name,
		 const char *email, const char *phone, const char *lang)
{
	if (db_run("UPDATE users SET display_name = ?, email = ?, phone = ?, lang = ? WHERE id = ?",
		   "ssssi", name, email, phone, lang, u->id) != SQLITE_DONE)
		return -1;
	struct buf ov = {0}, nv = {0};
	profile_json(&ov, u->display_name, u->email, u->phone, u->lang);
	profile_json(&nv, name, email, phone, lang);
	int rc = audit_append(who, "user.profile", "user", u->login, buf_str(&ov), buf_str(&nv), "");
	buf_free(&ov);
	buf_free(&nv);
	return rc;
}
