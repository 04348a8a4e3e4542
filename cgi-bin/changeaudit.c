/* changeaudit.c — the auditor's period reports on change management (ISO/IEC 20000-1 8.5.1,
 * 7.5): GET /changes/audit (the changes of a period with their approvals, emergency and failed
 * changes, changes implemented before approval, approvals by the requester; its first section as
 * CSV), GET /changes/kpi (the KPIs), GET /changes/evidence (the evidence export's files with
 * their size and SHA-256) and GET /changes/evidence/FILE (one file, the same bytes as
 * `opsplan evidence export`). Auditors, managers and admins read them; nothing here writes.
 * Period: ?from=YYYY-MM-DD&to=YYYY-MM-DD, the current month by default. The model is
 * src/changeaudit.c, the files src/evidence.c. */
#include "core/route.h"
#include "change/changeaudit.h"
#include "core/csv.h"
#include "change/evidence.h"
#include "core/render.h"
#include "core/xml.h"
#include <string.h>

#define AUDITORS (ROLE_ADMIN | ROLE_MANAGER | ROLE_AUDITOR)

/* The period of ?from=&to= into p: 0, or the 400 naming the field. */
static int
period(struct ctx *c, struct changeaudit_period *p)
{
	const char *field, *key;
	if (changeaudit_period_parse(http_query(c->rq, "from"), http_query(c->rq, "to"), p, &field, &key))
		return ctx_error(c, 400, key, field);
	return 0;
}

/* Section (a) as CSV for Excel: one row per approval (a change without any: one row). */
static int
audit_csv(struct ctx *c, const struct changeaudit_period *p)
{
	struct arena *a = c->rq->a;
	struct changeaudit_change *ch;
	int n = changeaudit_changes(p, a, &ch);
	if (n < 0) return ctx_error(c, 503, "error.busy", "");
	static const char *const cols[] = { "chg.number", "chg.f.title", "chg.f.type", "chg.state", "chg.requester",
					    "caud.col.step", "caud.col.approver", "caud.col.on_behalf", "caud.col.decision",
					    "caud.col.at", "caud.col.comment" };
	enum { N = sizeof cols / sizeof *cols };
	struct buf *b = &c->rs->body;
	csv_bom(b);
	for (int i = 0; i < N; i++) csv_cell(b, render_msg(c->lang, cols[i]), i == 0);
	csv_end(b);
	for (int i = 0; i < n; i++) {
		const struct changeaudit_change *x = &ch[i];
		for (int j = 0; j < (x->nap ? x->nap : 1); j++) {
			const struct changeaudit_approval *y = x->nap ? &x->ap[j] : NULL;
			const char *r[N] = {
				x->number, x->title, render_msg(c->lang, arena_printf(a, "chg.type.%s", x->type)),
				render_msg(c->lang, arena_printf(a, "chg.state.%s", x->state)), x->requester,
				y ? arena_printf(a, "%d", y->step) : "", y ? y->approver : "", y ? y->on_behalf : "",
				y ? render_msg(c->lang, arena_printf(a, "caud.decision.%s", y->decision)) : "",
				y ? y->at : "", y ? y->comment : ""
			};
			for (int k = 0; k < N; k++) csv_cell(b, r[k], k == 0);
			csv_end(b);
		}
	}
	c->rs->status = 200;
	c->rs->ctype = "text/csv; charset=utf-8";
	c->rs->disposition = arena_printf(a, "attachment; filename=\"opsplan-change-audit-%s-%s.csv\"", p->from, p->to);
	return H_DONE;
}

static int
audit_page(struct ctx *c)
{
	struct changeaudit_period p;
	int st = period(c, &p);
	if (st) return st;
	const char *fmt = http_query(c->rq, "format");
	if (fmt && !strcmp(fmt, "csv")) return audit_csv(c, &p);
	if (changeaudit_report_xml(c->page, &p, c->rq->a)) return ctx_error(c, 503, "error.busy", "");
	return H_RENDER;
}

static int
kpi_page(struct ctx *c)
{
	struct changeaudit_period p;
	int st = period(c, &p);
	if (st) return st;
	if (changeaudit_kpi_xml(c->page, &p, c->rq->a)) return ctx_error(c, 503, "error.busy", "");
	return H_RENDER;
}

static int
evidence_page(struct ctx *c)
{
	struct changeaudit_period p;
	int st = period(c, &p);
	if (st) return st;
	xmlNodePtr e = xml_el(c->page, "evidence");
	changeaudit_period_attrs(e, &p);
	for (const struct evidence_entry *f = evidence_files; f->name; f++) {
		struct buf b = {0};
		char hex[65];
		int rc = evidence_build(f->name, &p, c->rq->a, &b);
		evidence_sha256(b.p ? b.p : "", b.len, hex);
		size_t len = b.len;
		buf_free(&b);
		if (rc) return ctx_error(c, 503, "error.busy", "");
		xmlNodePtr x = xml_el(e, "file");
		xml_attr(x, "name", f->name);
		xml_attr_ll(x, "size", (long long)len);
		xml_attr(x, "sha256", hex);
	}
	return H_RENDER;
}

static int
evidence_file(struct ctx *c)
{
	const struct evidence_entry *f = evidence_find(ctx_pathv(c, 0));
	if (!f) return ctx_error(c, 404, "caud.error.file", "");
	struct changeaudit_period p;
	int st = period(c, &p);
	if (st) return st;
	if (evidence_build(f->name, &p, c->rq->a, &c->rs->body)) return ctx_error(c, 503, "error.busy", "");
	c->rs->status = 200;
	c->rs->ctype = f->ctype;
	c->rs->disposition = arena_printf(c->rq->a, "attachment; filename=\"%s\"", f->name);
	return H_DONE;
}

const struct route changeaudit_routes[] = {
	{ "GET", "/changes/audit", audit_page, "changeaudit", AUDITORS, RF_CSV },
	{ "GET", "/changes/kpi", kpi_page, "changekpi", AUDITORS, 0 },
	{ "GET", "/changes/evidence", evidence_page, "evidence", AUDITORS, 0 },
	{ "GET", "/changes/evidence/{file}", evidence_file, "evidence", AUDITORS, 0 },
	{ 0 },
};
