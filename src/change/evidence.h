/* evidence.h — the ISO/IEC 20000-1 evidence export of a period (7.5 documented information,
 * 8.5.1 change management): changes.csv, approvals.csv, audit_log.csv, changes.xml, kpi.csv and
 * MANIFEST.sha256 (sha256sum's format: the other five, so `sha256sum -c MANIFEST.sha256` checks
 * them). Every file is built from the data alone, byte-identical for the same data and period:
 * no generation time, rows in a fixed order, codes as stored (never translated), numbers in a
 * fixed format. The same function builds a file for `opsplan evidence export` and for
 * GET /changes/evidence/FILE. CSVs as every export (csv.h: BOM, CRLF, formulas neutralised). */
#ifndef OPSPLAN_EVIDENCE_H
#define OPSPLAN_EVIDENCE_H
#include "change/changeaudit.h"
#include "core/arena.h"
#include "core/buf.h"

struct evidence_entry { const char *name, *ctype; };
/* The six files in manifest order (MANIFEST.sha256 last), ending in { NULL }. */
extern const struct evidence_entry evidence_files[];
/* The file named name, or NULL. */
const struct evidence_entry *evidence_find(const char *name);
/* Appends the bytes of file name for period p to out (out empty). 0; -1 on a database error. */
int evidence_build(const char *name, const struct changeaudit_period *p, struct arena *a, struct buf *out);
/* The SHA-256 of n bytes as 64 hex digits into hex[65]. */
void evidence_sha256(const void *p, size_t n, char hex[65]);
#endif
