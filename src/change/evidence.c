/* evidence.c — the ISO/IEC 20000-1 evidence export of a period (see evidence.h). The subcommand
 * that writes it to a folder is cmd/evidence.c. */
#include "change/evidence.h"
#include "core/csv.h"
#include "core/db.h"
#include "core/text.h"
#include "core/xml.h"
#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

const struct evidence_entry evidence_files[] = {
	{ "changes.csv", "text/csv; charset=utf-8" },
	{ "approvals.csv", "text/csv; charset=utf-8" },
	{ "audit_log.csv", "text/csv; charset=utf-8" },
	{ "changes.xml", "application/xml; charset=utf-8" },
	{ "kpi.csv", "text/csv; charset=utf-8" },
	{ "MANIFEST.sha256", "text/plain; charset=utf-8" },
	{ NULL, NULL },
};

const struct evidence_entry *
evidence_find(const char *name)
{
	for (const struct evidence_entry *f = evidence_files; name && f->name; f++)
		if (!strcmp(f->name, name)) return f;
	return NULL;
}

void
evidence_sha256(const void *p, size_t n, char hex[65])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned dl = 0;
	EVP_Digest(p, n, d, &dl, EVP_sha256(), NULL);
	text_hex(d, dl, hex);
}

static void
row(struct buf *b, const char *const *cells, int n)
{
	for (int i = 0; i < n; i++) csv_cell(b, cells[i], i == 0);
	csv_end(b);
}

static const char *
num(struct arena *a, long long v)
{
	return arena_printf(a, "%lld", v);
}

static void
changes_csv(const struct changeaudit_change *c, int n, struct arena *a, struct buf *b)
{
	static const char *const head[] = { "number", "title", "type", "category", "state", "close_code", "risk_level",
					    "risk_score", "outage", "requester", "implementer", "cis", "created_at",
					    "submitted_at", "planned_start", "planned_end", "actual_start", "implemented_at",
					    "actual_end", "closed_at", "approvals" };
	enum { N = sizeof head / sizeof *head };
	csv_bom(b);
	row(b, head, N);
	for (int i = 0; i < n; i++) {
		const struct changeaudit_change *x = &c[i];
		const char *cis = "";
		for (int j = 0; j < x->ncis; j++) cis = j ? arena_printf(a, "%s %s", cis, x->cis[j]) : x->cis[j];
		const char *r[N] = { x->number, x->title, x->type, x->category, x->state, x->close_code, x->risk_level,
				     x->risk_score >= 0 ? num(a, x->risk_score) : "", x->outage ? "1" : "0", x->requester,
				     x->implementer, cis, x->created, x->submitted_at, x->planned_start, x->planned_end,
				     x->actual_start, x->implemented_at, x->actual_end, x->closed_at, num(a, x->nap) };
		row(b, r, N);
	}
}

static void
approvals_csv(const struct changeaudit_change *c, int n, struct arena *a, struct buf *b)
{
	static const char *const head[] = { "change", "id", "policy", "step", "approver", "on_behalf_of", "decision",
					    "at", "comment", "requester" };
	enum { N = sizeof head / sizeof *head };
	csv_bom(b);
	row(b, head, N);
	for (int i = 0; i < n; i++)
		for (int j = 0; j < c[i].nap; j++) {
			const struct changeaudit_approval *x = &c[i].ap[j];
			const char *r[N] = { c[i].number, num(a, x->id), x->policy, num(a, x->step), x->approver,
					     x->on_behalf, x->decision, x->at, x->comment, c[i].requester };
			row(b, r, N);
		}
}

static int
audit_csv(const struct changeaudit_period *p, struct buf *b)
{
	static const char *const head[] = { "id", "at", "actor", "action", "entity", "entity_id", "old_value",
					    "new_value", "reason", "request_id", "client", "prev_hash", "row_hash" };
	enum { N = sizeof head / sizeof *head };
	csv_bom(b);
	row(b, head, N);
	sqlite3_stmt *st = db_q("SELECT id, at, actor, action, entity, entity_id, old_value, new_value, reason, request_id,"
				" client, prev_hash, row_hash FROM audit_log WHERE at >= ? AND at < ? ORDER BY id",
				"ss", p->from_utc, p->to_utc);
	if (!st) return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *r[N];
		for (int i = 0; i < N; i++) r[i] = (const char *)sqlite3_column_text(st, i);   /* NULL: empty */
		row(b, r, N);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void
put(xmlNodePtr e, const char *name, const char *v)
{
	if (v && *v) xml_attr(e, name, v);
}

static int
change_xml(xmlNodePtr parent, const struct changeaudit_change *x, struct arena *a)
{
	xmlNodePtr e = xml_el(parent, "change");
	put(e, "number", x->number);
	put(e, "type", x->type);
	put(e, "category", x->category);
	put(e, "state", x->state);
	put(e, "close-code", x->close_code);
	put(e, "risk-level", x->risk_level);
	if (x->risk_score >= 0) xml_attr_ll(e, "risk-score", x->risk_score);
	xml_attr(e, "outage", x->outage ? "1" : "0");
	put(e, "requester", x->requester);
	put(e, "implementer", x->implementer);
	put(e, "created", x->created);
	put(e, "submitted", x->submitted_at);
	put(e, "planned-start", x->planned_start);
	put(e, "planned-end", x->planned_end);
	put(e, "actual-start", x->actual_start);
	put(e, "implemented", x->implemented_at);
	put(e, "actual-end", x->actual_end);
	put(e, "closed", x->closed_at);
	xml_text(e, "title", x->title);
	for (int j = 0; j < x->ncis; j++) xml_attr(xml_el(e, "ci"), "code", x->cis[j]);
	sqlite3_stmt *st = db_q("SELECT question, answer FROM change_risk_answers WHERE change_id = ? ORDER BY question",
				"i", x->id);
	if (!st) return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xmlNodePtr r = xml_el(e, "risk-answer");
		xml_attr(r, "question", (const char *)sqlite3_column_text(st, 0));
		xml_attr_ll(r, "answer", sqlite3_column_int64(st, 1));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) return -1;
	for (int j = 0; j < x->nap; j++) {
		const struct changeaudit_approval *p = &x->ap[j];
		xmlNodePtr r = xml_el(e, "approval");
		xml_attr_ll(r, "id", p->id);
		xml_attr(r, "policy", p->policy);
		xml_attr_ll(r, "step", p->step);
		xml_attr(r, "approver", p->approver);
		put(r, "on-behalf-of", p->on_behalf);
		xml_attr(r, "decision", p->decision);
		xml_attr(r, "at", p->at);
		if (*p->comment) xml_text(r, "comment", p->comment);
	}
	st = db_q("SELECT l.at, u.login, l.entry FROM change_log l JOIN users u ON u.id = l.user_id WHERE l.change_id = ?"
		  " ORDER BY l.at, l.id", "i", x->id);
	if (!st) return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xmlNodePtr r = xml_text(e, "log", (const char *)sqlite3_column_text(st, 2));
		xml_attr(r, "at", (const char *)sqlite3_column_text(st, 0));
		xml_attr(r, "user", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	(void)a;
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
changes_xml(const struct changeaudit_period *p, const struct changeaudit_change *c, int n, struct arena *a, struct buf *b)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "opsplan-evidence", NULL);
	xmlDocSetRootElement(doc, root);
	xml_attr(root, "from", p->from);
	xml_attr(root, "to", p->to);
	xml_attr_ll(root, "changes", n);
	int rc = 0;
	for (int i = 0; i < n && !rc; i++) rc = change_xml(root, &c[i], a);
	if (!rc) {
		xmlChar *mem = NULL;
		int len = 0;
		xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", 1);
		if (mem) buf_add(b, mem, (size_t)len);
		else rc = -1;
		xmlFree(mem);
	}
	xmlFreeDoc(doc);
	return rc;
}

static int
kpi_csv(const struct changeaudit_period *p, const struct changeaudit_change *c, int n, struct arena *a, struct buf *b)
{
	struct changekpi_kpi k;
	if (changeaudit_kpi(c, n, a, &k)) return -1;
	csv_bom(b);
	const char *h[] = { "section", "key", "value" };
	row(b, h, 3);
#define KV(s, key, v) do { const char *r_[3] = { (s), (key), (v) }; row(b, r_, 3); } while (0)
	KV("period", "from", p->from);
	KV("period", "to", p->to);
	KV("count", "total", num(a, k.total));
	for (int i = 0; i < CHANGEKPI_NTYPES; i++) KV("type", changekpi_types[i], num(a, k.by_type[i]));
	for (int i = 0; i < CHANGEKPI_NSTATES; i++) KV("state", changekpi_states[i], num(a, k.by_state[i]));
	for (int i = 0; i < CHANGEKPI_NCLOSE; i++) KV("close_code", changekpi_close[i], num(a, k.by_close[i]));
	char s[32];
	KV("count", "closed_with_code", num(a, k.closed_with_code));
	KV("count", "successful", num(a, k.successful));
	changekpi_fmt(k.success_pct, s);
	KV("rate", "success_pct", s);
	KV("count", "emergency", num(a, k.emergency));
	changekpi_fmt(k.emergency_pct, s);
	KV("rate", "emergency_pct", s);
	KV("count", "lead_time_changes", num(a, k.lead_n));
	changekpi_fmt(k.lead_hours, s);
	KV("rate", "lead_time_hours_avg", s);
	for (int i = 0; i < k.nci; i++) KV("ci", k.per_ci[i].ci, num(a, k.per_ci[i].n));
#undef KV
	return 0;
}

int
evidence_build(const char *name, const struct changeaudit_period *p, struct arena *a, struct buf *out)
{
	if (!strcmp(name, "MANIFEST.sha256")) {
		for (const struct evidence_entry *f = evidence_files; f->name; f++) {
			if (!strcmp(f->name, "MANIFEST.sha256")) continue;
			struct buf b = {0};
			char hex[65];
			int rc = evidence_build(f->name, p, a, &b);
			evidence_sha256(b.p ? b.p : "", b.len, hex);
			buf_free(&b);
			if (rc) return -1;
			buf_addf(out, "%s  %s\n", hex, f->name);
		}
		return 0;
	}
	if (!strcmp(name, "audit_log.csv")) return audit_csv(p, out);
	struct changeaudit_change *c;
	int n = changeaudit_changes(p, a, &c);
	if (n < 0) return -1;
	if (!strcmp(name, "changes.csv")) changes_csv(c, n, a, out);
	else if (!strcmp(name, "approvals.csv")) approvals_csv(c, n, a, out);
	else if (!strcmp(name, "changes.xml")) return changes_xml(p, c, n, a, out);
	else if (!strcmp(name, "kpi.csv")) return kpi_csv(p, c, n, a, out);
	else return -1;
	return 0;
}
