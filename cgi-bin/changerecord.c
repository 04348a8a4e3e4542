/* changerecord.c — the auditor's printable record of one change (GET /changes/{number}/record):
 * everything the change page shows about the RFC, every decision with the conflict check as the
 * approver saw it (stored with the decision), the implementation log, the whole audit history
 * (oldest first) and a seal: the id and row hash of the change's last audit record and the short
 * verification code derived from it (reccode.h), which `opsplan audit verify --change N --code C`
 * checks against the database. Anyone signed in may read it. */
#include "core/route.h"
#include "change/change.h"
#include "change/changexml.h"
#include "change/decide.h"
#include "core/db.h"
#include "core/history.h"
#include "engine/reccode.h"
#include "core/xml.h"
#include <string.h>

/* Each <decision id> under ap gets <snapshot><conflict kind ref name ci via from to extra/>…
 * </snapshot>: its stored conflict check (JSON) as elements. */
static void
snapshots_xml(xmlNodePtr ap)
{
	for (xmlNodePtr d = ap->children; d; d = d->next) {
		if (d->type != XML_ELEMENT_NODE || strcmp((const char *)d->name, "decision")) continue;
		xmlChar *id = xmlGetProp(d, BAD_CAST "id");
		xmlNodePtr s = xml_el(d, "snapshot");
		sqlite3_stmt *st = db_q("SELECT json_extract(j.value, '$.kind') AS kind, json_extract(j.value, '$.ref') AS ref,"
					" json_extract(j.value, '$.name') AS name, json_extract(j.value, '$.ci') AS ci,"
					" json_extract(j.value, '$.via') AS via, json_extract(j.value, '$.from') AS \"from\","
					" json_extract(j.value, '$.to') AS \"to\", json_extract(j.value, '$.extra') AS extra"
					" FROM approvals a, json_each(CASE WHEN json_valid(a.conflicts) THEN a.conflicts ELSE '[]' END) j"
					" WHERE a.id = ? ORDER BY j.key", "s", id ? (const char *)id : "0");
		while (st && sqlite3_step(st) == SQLITE_ROW) xml_row(xml_el(s, "conflict"), st);
		if (st) sqlite3_reset(st);
		xmlFree(id);
	}
}

static int
record_page(struct ctx *c)
{
	struct change v;
	int st = ctx_found(c, change_load(c->rq->a, ctx_pathv(c, 0), &v), "chg.error.not_found");
	if (st) return st;
	xmlNodePtr e = changexml_item(c->page, &v);
	/* the whole history, oldest first, instead of the change page's newest 200 */
	for (xmlNodePtr k = e->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE && !strcmp((const char *)k->name, "history")) {
			xmlUnlinkNode(k);
			xmlFreeNode(k);
			break;
		}
	history_all_xml(e, "change", v.number);
	xmlNodePtr ap = decide_item_xml(e, &v, c->u->id, c->rq->a);
	if (!ap) return ctx_error(c, 503, "error.busy", "");
	snapshots_xml(ap);
	char hash[65], code[15];
	long long id = audit_last_of("change", v.number, hash);
	if (id < 0) return ctx_error(c, 503, "error.busy", "");
	xmlNodePtr seal = xml_el(c->page, "seal");
	if (id > 0 && !reccode_make(hash, code)) {
		xml_attr_ll(seal, "audit-id", id);
		xml_attr(seal, "hash", hash);
		xml_attr(seal, "code", code);
	}
	return H_RENDER;
}

const struct route changerecord_routes[] = {
	{ "GET", "/changes/{number}/record", record_page, "change-record", ROLE_ANY, 0 },
	{ 0 },
};
