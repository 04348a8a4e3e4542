/* cmdb.h — the configuration items (migration 007, ISO/IEC 20000-1 8.2.6): checks of what the
 * CMDB forms enter, the writes (each with its audit record, entity "ci" and the CI's code, in the
 * caller's BEGIN IMMEDIATE transaction), and the page models. CIs are never deleted: retiring
 * is the status "retired". Relations: "from runs_on to", "from depends_on to". */
#ifndef OPSPLAN_CMDB_H
#define OPSPLAN_CMDB_H
#include "core/fielderr.h"
#include <libxml/tree.h>
#include "core/audit.h"
#include "core/arena.h"
#include "core/buf.h"
#include "plan/plan.h"

extern const char *const cmdb_types[];      /* NULL-terminated: server database network … */
extern const char *const cmdb_statuses[];   /* planned active maintenance retired */
extern const char *const cmdb_kinds[];      /* runs_on depends_on */

/* A CI as the forms and the database have it; owner is a login ("" for none). */
struct ci {
	long long id, owner_id;
	const char *code, *name, *type, *status, *owner, *description, *created, *updated;
};

/* Checks a CI's fields (is_new: also the code: format and not taken) and resolves owner into
 * owner_id. Reports each bad field through err; the number of bad fields. */
int cmdb_check(struct ci *ci, int is_new, fielderr_fn err, void *arg);
/* The CI of code into out (strings in a). 1 found, 0 not, -1 on a database error. */
int cmdb_load(struct arena *a, const char *code, struct ci *out);
/* Inserts a checked CI (sets ci->id) with its audit record ci.create. 0 or -1. */
int cmdb_create(const struct audit_who *who, struct ci *ci, const char *reason);
/* Stores a checked CI's new fields over old (same code) with the audit record ci.update
 * (old and new values); nothing when nothing changed. 0 or -1. */
int cmdb_update(const struct audit_who *who, const struct ci *old, const struct ci *nw);
/* Checks a new relation "from kind target": NULL when it can be added (its id in *to_id), else
 * the field ("kind" or "target") in *field and the message key returned; *arg then names the
 * CI (a duplicate's target, or the CI that closes a runs_on loop) or is "". */
const char *cmdb_relation_check(const struct ci *from, const char *kind, const char *target, long long *to_id,
				const char **field, const char **arg, struct arena *a);
/* Adds / removes "from kind to" with the audit record ci.relation_add / ci.relation_remove on
 * from. remove: 0, 1 when there was no such relation, -1 on an error. */
int cmdb_relation_add(const struct audit_who *who, const struct ci *from, const char *kind, long long to_id,
		      const char *to_code);
int cmdb_relation_remove(const struct audit_who *who, const struct ci *from, const char *kind, const char *to_code);

/* The list filter; "" for no filter on a field. */
struct ci_filter { const char *type, *status, *owner, *q; };
/* <cmdb type status owner q total><ci code name type status owner owner-name updated
 * description/>…</cmdb>, sorted by code. */
void cmdb_list_xml(xmlNodePtr parent, const struct ci_filter *f);
/* Calls row(arg, cells) for each CI of the filter, sorted by code: code name type status owner
 * owner-name description updated (8 cells). */
void cmdb_list_each(const struct ci_filter *f, void (*row)(void *arg, const char *const *cells), void *arg);
/* The CI page's model: <ci …attributes…><runs-on|depends-on|runs-here|depended-by>: the relations
 * both ways as <rel kind code name type status/>; <impact count><ci code name type status depth
 * via kind/>…</impact> (what a change may affect, nearest first); <history><record …/></history>. */
xmlNodePtr cmdb_item_xml(xmlNodePtr parent, const struct ci *ci, struct arena *a);
/* <ci-codes><ci code name/>…</ci-codes>: every CI, for the relation form's suggestions. */
void cmdb_codes_xml(xmlNodePtr parent);
/* The CI's attributes on e (as on a list row). */
void cmdb_attrs(xmlNodePtr e, const struct ci *ci);
#endif
