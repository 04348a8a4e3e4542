/* changewin.h — the stored change windows (change_windows, 007) around the pure engine
 * (windows.h): checks of what the window form enters, the audited writes (inside the caller's
 * BEGIN IMMEDIATE transaction, entity "window"), the list and month view models, and the check
 * of a proposed change on CIs and the CIs related to them — the model the change forms call. */
#ifndef OPSPLAN_CHANGEWIN_H
#define OPSPLAN_CHANGEWIN_H
#include "core/fielderr.h"
#include <libxml/tree.h>
#include "core/audit.h"
#include "core/arena.h"
#include "core/buf.h"
#include "engine/win.h"

enum { WINDOWS_NAME_MAX = 100, WINDOWS_NOTE_MAX = 500, WINDOWS_CHECK_MAX_DAYS = 366, WINDOWS_MAX_CIS = 500 };

/* A window as entered: kind (maintenance, freeze), name, start and end (local
 * "YYYY-MM-DDTHH:MM"), repeat (none, weekly), repeat_until ("" or "YYYY-MM-DD"), ci (a CI
 * code, "" every CI), note. */
struct windows_fields { const char *kind, *name, *start, *end, *repeat, *repeat_until, *ci, *note; };

/* Reports each problem through err (field, key): kind (win.error.kind), name missing, too long
 * or not one line (win.error.name), the times (win_validate), ci not the code of a CI
 * (win.error.ci), note (win.error.note). Canonicalises start and end ("T" form) in place of the
 * caller's copies out_start/out_end[17] and gives the CI's id in *ci_id (0 every CI). The
 * number of problems. */
int windows_check(const struct windows_fields *f, char out_start[17], char out_end[17], long long *ci_id, fielderr_fn err,
	       void *arg);
/* Stores a new window (audited "window.create"); its id, or -1. f as checked by windows_check. */
long long windows_create(const struct audit_who *who, const struct windows_fields *f, long long ci_id);
/* Replaces window id's fields (audited "window.update", old and new). 0, or -1. */
int windows_update(const struct audit_who *who, long long id, const struct windows_fields *f, long long ci_id);
/* Marks window id inactive (audited "window.deactivate"). 1 done, 0 already inactive, -1 error. */
int windows_deactivate(const struct audit_who *who, long long id);
/* 1 when window id exists, else 0. */
int windows_exists(long long id);

/* <windows><window id kind name start end repeat repeat-until ci ci-name note active created/>
 * …</windows>: every window (id 0), or the one of id; active ones first, then by start. */
xmlNodePtr windows_list_xml(xmlNodePtr parent, long long id);
/* <cis><ci code name/>…</cis>: the CIs that are not retired (for the forms' pickers). */
void windows_cis_xml(xmlNodePtr parent);

/* The check of a change [start, end) (local "YYYY-MM-DDTHH:MM") on the CIs codes[0..n): the CIs
 * related to them through ci_relations are added (runs_on one step either way from a given CI,
 * depends_on either way and transitively), and every finding of win_check against the active
 * windows goes into
 *   <check start end minutes><ci code name type given="1|0" via="CODE" relation="runs_on|depends_on"/>…
 *   <finding kind="freeze|outside" extent="full|partial" window name ci ci-name occ-start occ-end
 *    from to minutes/>…</check>
 * (freeze: window, name, ci "" for every CI, the occurrence; outside: the CI; from/to the part
 * of the change concerned). Bad input is reported through err instead: start/end
 * (win.error.time), end (win.error.order, win.error.check_long over WINDOWS_CHECK_MAX_DAYS), ci
 * (win.error.ci with the code as arg). Returns the number of findings, -1 on bad input or a
 * database error (nothing added then). */
int windows_check_xml(xmlNodePtr parent, const char *start, const char *end, const char *const *codes, int n,
		   struct arena *a, fielderr_arg_fn err, void *arg);

/* The month view of month "YYYY-MM": <month value prev next first last><week><day date d
 * weekday in-month freeze="0|1" maintenance="0|1"><occ window kind name from to ci/>…</day>
 * ×7</week>…</month>, weeks Monday to Sunday, each occurrence clipped to the day (from/to
 * "HH:MM", to "24:00" at midnight). -1 when month is malformed, else 0. */
int windows_month_xml(xmlNodePtr parent, const char *month, struct arena *a);
#endif
