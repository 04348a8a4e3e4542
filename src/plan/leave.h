/* leave.h — a person's days off (user_leave, 005): the checks of a new range, the audited add
 * and remove (inside the caller's BEGIN IMMEDIATE transaction), the rows the pages show, and
 * the projects a change reschedules (those where the person owns open tasks). */
#ifndef OPSPLAN_LEAVE_H
#define OPSPLAN_LEAVE_H
#include "core/fielderr.h"
#include <libxml/tree.h>
#include "core/audit.h"
#include "core/arena.h"
#include "core/buf.h"

enum { LEAVE_MAX_DAYS = 366, LEAVE_NOTE_MAX = 200 };

/* Reports each problem of a new range of user_id through err: "start"/"end" not dates
 * (error.date), end before start (leave.error.order), longer than a year (leave.error.too_long),
 * overlapping a stored range (leave.error.overlap on "start", arg: that range "FROM – TO"),
 * "note" too long or not one line (leave.error.note). The number of problems. */
int leave_check(long long user_id, const char *start, const char *end, const char *note, fielderr_arg_fn err, void *arg,
		struct arena *a);
/* Adds the range (audited "leave.add", entity "leave"); its id, or -1. */
long long leave_add(const struct audit_who *who, long long user_id, const char *login, const char *start,
		    const char *end, const char *note);
/* The owner's user id of a range, 0 when there is none. */
long long leave_owner(long long id);
/* Removes the range (audited "leave.remove"). 0 or -1. */
int leave_remove(const struct audit_who *who, long long id);
/* <leave user="" login="" name=""><range id start end days note created/>…</leave>: the ranges of
 * user_id (0: every user's, each range then with login and name). */
xmlNodePtr leave_xml(xmlNodePtr parent, long long user_id);
/* Recomputes the projects where user_id owns open tasks. 0 or -1. */
int leave_reschedule(long long user_id, struct arena *a);
#endif
