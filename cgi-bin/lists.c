/* lists.c — the editable lists (project categories, task categories, delay reasons): labels in
 * both languages, order, retire/restore. Codes never change, so stored rows stay meaningful. */
#include "core/route.h"
#include "plan/lists.h"
#include "core/json.h"
#include "core/db.h"
#include "plan/plan.h"
#include "core/text.h"
#include "core/xml.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static int
lists_page(struct ctx *c)
{
	lists_xml(c->page, NULL);
	return H_RENDER;
}

static int
lists_post(struct ctx *c)
{
	const char *kind = form_str(c, "kind"), *code = form_str(c, "code");
	const char *zh = form_str(c, "label_zh"), *en = form_str(c, "label_en");
	double sort = form_num(c, "sort", 50);
	int active = strcmp(form_str(c, "active"), "0") != 0;
	if (strcmp(kind, "project_category") && strcmp(kind, "task_category") && strcmp(kind, "delay_reason"))
		return ctx_error(c, 400, "error.400", "kind");
	size_t n = strlen(code);
	if (n < 1 || n > 32 || strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789_") != n)
		return ctx_error(c, 400, "error.list_code", "code");
	if (!*zh || text_chars(zh) > 60) return ctx_error(c, 400, "error.label", "label_zh");
	if (!*en || text_chars(en) > 60) return ctx_error(c, 400, "error.label", "label_en");
	if (!isfinite(sort) || sort < 0 || sort > 9999) return ctx_error(c, 400, "error.number", "sort");
	struct buf ov = {0}, nv = {0};
	sqlite3_stmt *st = db_q("SELECT label_zh, label_en, sort, active FROM lists WHERE kind = ? AND code = ?", "ss", kind, code);
	int exists = st && sqlite3_step(st) == SQLITE_ROW;
	if (exists) {
		json_open(&ov);
		json_s(&ov, "label_zh", (const char *)sqlite3_column_text(st, 0));
		json_s(&ov, "label_en", (const char *)sqlite3_column_text(st, 1));
		json_n(&ov, "sort", sqlite3_column_int(st, 2));
		json_n(&ov, "active", sqlite3_column_int(st, 3));
		json_close(&ov);
	}
	if (st) sqlite3_reset(st);
	int rc = db_run("INSERT INTO lists (kind, code, label_zh, label_en, sort, active) VALUES (?,?,?,?,?,?)"
			" ON CONFLICT (kind, code) DO UPDATE SET label_zh = excluded.label_zh, label_en = excluded.label_en,"
			" sort = excluded.sort, active = excluded.active", "ssssdd", kind, code, zh, en, (int)sort, active);
	json_open(&nv);
	json_s(&nv, "label_zh", zh);
	json_s(&nv, "label_en", en);
	json_n(&nv, "sort", (int)sort);
	json_n(&nv, "active", active);
	json_close(&nv);
	char id[80];
	snprintf(id, sizeof id, "%s/%s", kind, code);
	if (rc != SQLITE_DONE || audit_append(&c->who, exists ? "list.update" : "list.create", "list", id,
					      exists ? buf_str(&ov) : NULL, buf_str(&nv), "")) {
		buf_free(&ov);
		buf_free(&nv);
		return ctx_error(c, 503, "error.busy", "");
	}
	buf_free(&ov);
	buf_free(&nv);
	return ctx_redirect(c, "/admin/lists?flash=list");
}

const struct route lists_routes[] = {
	{ "GET", "/admin/lists", lists_page, "lists", ROLE_ADMIN, 0 },
	{ "POST", "/admin/lists", lists_post, "lists", ROLE_ADMIN, 0 },
	{ 0 },
};
