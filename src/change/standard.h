/* standard.h — the catalogue of standard changes (table standard_changes, migration 008): the
 * pre-approved, documented procedures an RFC of type "standard" follows. Creating or editing a
 * procedure is approving it: approved_by and approved_at become the admin or manager who saves
 * it and now. Procedures are never deleted; a retired one stays for the history of the changes
 * made from it but is no longer offered on the RFC form (change_check only takes active ones). Every
 * write is audited (entity "standard", id the code) inside the caller's BEGIN IMMEDIATE
 * transaction. */
#ifndef OPSPLAN_STANDARD_H
#define OPSPLAN_STANDARD_H
#include "core/fielderr.h"
#include <libxml/tree.h>
#include "core/audit.h"
#include "core/arena.h"
#include "core/buf.h"
#include "plan/plan.h"

/* A standard change as the form and the database have it; strings never NULL. */
struct stdchg {
	long long id, approved_by_id;
	const char *code, *name, *category, *description, *implementation_plan, *test_plan, *backout_plan,
		*risk_level, *approved_by, *approved_at;
	int active;
};

/* Checks the fields (is_new: the code too — 2..32 of A-Z 0-9 - _ ., not taken). Reports each
 * bad field through err; the number of bad fields. */
int standard_check(const struct stdchg *s, int is_new, fielderr_fn err, void *arg);
/* Inserts a checked standard change approved by approver now, with the audit record
 * standard.create (reason as given). Sets s->id. 0 or -1. */
int standard_create(const struct audit_who *who, struct stdchg *s, long long approver, const char *reason);
/* Stores nw's fields over old's (same code), approved again by approver now, with the audit
 * record standard.update (old and new, the reason). 0 or -1. */
int standard_update(const struct audit_who *who, const struct stdchg *old, const struct stdchg *nw, long long approver,
	       const char *reason);
/* Retires (active 0, standard.retire) or reactivates (active 1, standard.reactivate) s. 0 or -1. */
int standard_set_active(const struct audit_who *who, const struct stdchg *s, int active, const char *reason);
/* The standard change with this id into out (strings in a). 1 found, 0 not, -1 on an error. */
int standard_load(struct arena *a, long long id, struct stdchg *out);

/* <standards total active><standard id code name category category-zh category-en risk-level
 * approved-by approved-by-name approved-at active uses/>…</standards>, active ones first. */
void standard_list_xml(xmlNodePtr parent);
/* <standard id code … active> with <description>, the three plans, <changes><change number
 * title state type updated/>…</changes> (the RFCs made from it) and <history>. */
xmlNodePtr standard_item_xml(xmlNodePtr parent, const struct stdchg *s);
/* The form's values as attributes and texts of a new <standard-form mode> under parent. */
xmlNodePtr standard_form_xml(xmlNodePtr parent, const char *mode, const struct stdchg *s);
#endif
