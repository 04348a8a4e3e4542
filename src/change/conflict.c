/* changeconflict.c — the conflict check of a change (changeconflict.h). */
#include "change/conflict.h"
#include "change/windows.h"
#include "core/db.h"
#include "core/json.h"
#include "core/text.h"
#include "engine/win.h"
#include "core/xml.h"
#include <stdlib.h>
#include <string.h>

static int
kind_rank(const char *k)
{
	static const char *const order[] = { "change", "freeze", "outside", "task" };
	for (int i = 0; i < 4; i++)
		if (!strcmp(k, order[i])) return i;
	return 4;
}

/* ref compares as a number when both are digits only (window and task ids), else as text */
static int
ref_cmp(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la && lb && strspn(a, "0123456789") == la && strspn(b, "0123456789") == lb && la != lb)
		return la < lb ? -1 : 1;
	return strcmp(a, b);
}

static int
finding_cmp(const void *pa, const void *pb)
{
	const struct conflict_finding *a = pa, *b = pb;
	int d = kind_rank(a->kind) - kind_rank(b->kind);
	if (d) return d;
	if ((d = strcmp(a->kind, b->kind))) return d;
	if ((d = ref_cmp(a->ref, b->ref))) return d;
	if ((d = strcmp(a->ci, b->ci))) return d;
	if ((d = strcmp(a->via, b->via))) return d;
	if ((d = strcmp(a->from, b->from))) return d;
	if ((d = strcmp(a->to, b->to))) return d;
	if ((d = strcmp(a->name, b->name))) return d;
	return strcmp(a->extra, b->extra);
}

void
conflict_sort(struct conflict_finding *f, int n)
{
	if (n > 1) qsort(f, (size_t)n, sizeof *f, finding_cmp);
}

void
conflict_json(struct buf *b, const struct conflict_finding *f, int n)
{
	buf_addc(b, '[');
	for (int i = 0; i < n; i++) {
		if (i) buf_addc(b, ',');
		json_open(b);
		json_s(b, "kind", f[i].kind);
		json_s(b, "ref", f[i].ref);
		json_s(b, "name", f[i].name);
		json_s(b, "ci", f[i].ci);
		json_s(b, "via", f[i].via);
		json_s(b, "from", f[i].from);
		json_s(b, "to", f[i].to);
		json_s(b, "extra", f[i].extra);
		json_close(b);
	}
	buf_addc(b, ']');
}

int
conflict_window_days(const char *start, const char *end, char d0[11], char d1[11])
{
	long s = start ? win_parse(start) : -1, e = end ? win_parse(end) : -1;
	if (s < 0 || e < 0 || e <= s) return -1;
	char t[17];
	win_format(s, t);
	memcpy(d0, t, 10);
	d0[10] = 0;
	win_format(e - 1, t);   /* the last minute inside the window */
	memcpy(d1, t, 10);
	d1[10] = 0;
	return 0;
}

int
conflict_overlaps(const char *a0, const char *a1, const char *b0, const char *b1)
{
	return strcmp(a0, b1) < 0 && strcmp(b0, a1) < 0;
}

static const char *
col(struct arena *a, sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return arena_strdup(a, s ? s : "");
}

struct grow { struct conflict_finding *f; int n, cap; struct arena *a; };

static struct conflict_finding *
add(struct grow *g)
{
	if (g->n == g->cap) {
		int cap = g->cap ? 2 * g->cap : 16;
		struct conflict_finding *nf = arena_alloc(g->a, sizeof *nf * (size_t)cap);
		if (g->n) memcpy(nf, g->f, sizeof *nf * (size_t)g->n);
		g->f = nf;
		g->cap = cap;
	}
	struct conflict_finding *f = &g->f[g->n++];
	*f = (struct conflict_finding){ "", "", "", "", "", "", "", "" };
	return f;
}

static void
ignore_err(void *arg, const char *field, const char *key, const char *msg_arg)
{
	(void)arg, (void)field, (void)key, (void)msg_arg;
}

static const char *
attr(struct arena *a, xmlNodePtr e, const char *name)
{
	xmlChar *v = xmlGetProp(e, (const xmlChar *)name);
	const char *s = arena_strdup(a, v ? (const char *)v : "");
	xmlFree(v);
	return s;
}

int
conflict_check(struct arena *a, const struct change *c, struct conflict_result *r)
{
	memset(r, 0, sizeof *r);
	if (!*c->planned_start || !*c->planned_end) return 1;
	struct grow g = { NULL, 0, 0, a };
	/* other open changes on the same CI or a CI related to it, in an overlapping window */
	sqlite3_stmt *st = db_q(
		"SELECT DISTINCT o.number, o.title, o.state, o.planned_start, o.planned_end, mine.code, theirs.code"
		" FROM change_cis m JOIN config_items mine ON mine.id = m.ci_id"
		" JOIN change_cis oc ON oc.change_id <> m.change_id"
		" JOIN changes o ON o.id = oc.change_id JOIN config_items theirs ON theirs.id = oc.ci_id"
		" WHERE m.change_id = ? AND o.state NOT IN ('closed', 'rejected', 'cancelled')"
		" AND o.planned_start IS NOT NULL AND o.planned_end IS NOT NULL"
		" AND o.planned_start < ? AND o.planned_end > ?"
		" AND (oc.ci_id = m.ci_id OR EXISTS (SELECT 1 FROM ci_relations r WHERE"
		" (r.from_id = m.ci_id AND r.to_id = oc.ci_id) OR (r.to_id = m.ci_id AND r.from_id = oc.ci_id)))",
		"iss", c->id, c->planned_end, c->planned_start);
	if (!st) return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct conflict_finding *f = add(&g);
		f->kind = "change";
		f->ref = col(a, st, 0);
		f->name = col(a, st, 1);
		f->extra = col(a, st, 2);
		f->from = col(a, st, 3);
		f->to = col(a, st, 4);
		f->ci = col(a, st, 5);
		f->via = col(a, st, 6);
	}
	sqlite3_reset(st);
	/* the windows: freeze, and outside the CIs' maintenance windows */
	if (c->ncis > 0) {
		xmlNodePtr tmp = xmlNewNode(NULL, (const xmlChar *)"tmp");
		int nw = windows_check_xml(tmp, c->planned_start, c->planned_end, c->cis, c->ncis, a, ignore_err, NULL);
		if (nw > 0)
			for (xmlNodePtr chk = tmp->children; chk; chk = chk->next)
				for (xmlNodePtr x = chk->children; x; x = x->next) {
					if (x->type != XML_ELEMENT_NODE || strcmp((const char *)x->name, "finding")) continue;
					struct conflict_finding *f = add(&g);
					f->kind = attr(a, x, "kind");
					f->ref = attr(a, x, "window");
					f->name = attr(a, x, "name");
					f->ci = attr(a, x, "ci");
					f->from = attr(a, x, "from");
					f->to = attr(a, x, "to");
					f->extra = attr(a, x, "extent");
					if (!strcmp(f->kind, "freeze")) r->freeze = 1;
				}
		xmlFreeNode(tmp);   /* a CI the window check cannot take (retired) leaves no window findings */
	}
	/* the implementer booked on project tasks on the window's days */
	char d0[11], d1[11];
	if (c->implementer_id && !conflict_window_days(c->planned_start, c->planned_end, d0, d1)) {
		st = db_q("SELECT t.id, t.name, t.planned_start, t.planned_finish, p.code FROM tasks t"
			  " JOIN projects p ON p.id = t.project_id"
			  " WHERE t.owner_id = ? AND t.is_summary = 0 AND t.status NOT IN ('done', 'cancelled')"
			  " AND t.planned_start IS NOT NULL AND t.planned_finish IS NOT NULL"
			  " AND substr(t.planned_start, 1, 10) <= ? AND substr(t.planned_finish, 1, 10) >= ?",
			  "iss", c->implementer_id, d1, d0);
		if (!st) return -1;
		while (sqlite3_step(st) == SQLITE_ROW) {
			struct conflict_finding *f = add(&g);
			f->kind = "task";
			f->ref = col(a, st, 0);
			f->name = col(a, st, 1);
			f->from = col(a, st, 2);
			f->to = col(a, st, 3);
			f->extra = col(a, st, 4);
		}
		sqlite3_reset(st);
	}
	conflict_sort(g.f, g.n);
	r->f = g.f;
	r->n = g.n;
	return 0;
}

xmlNodePtr
conflict_xml(xmlNodePtr parent, const struct conflict_result *r)
{
	xmlNodePtr e = xml_el(parent, "conflicts");
	xml_attr_ll(e, "count", r->n);
	xml_attr(e, "freeze", r->freeze ? "1" : "0");
	for (int i = 0; i < r->n; i++) {
		const struct conflict_finding *f = &r->f[i];
		xmlNodePtr x = xml_el(e, "conflict");
		xml_attr(x, "kind", f->kind);
		xml_attr(x, "ref", f->ref);
		xml_attr(x, "name", f->name);
		xml_attr(x, "ci", f->ci);
		xml_attr(x, "via", f->via);
		xml_attr(x, "from", f->from);
		xml_attr(x, "to", f->to);
		xml_attr(x, "extra", f->extra);
	}
	return e;
}
