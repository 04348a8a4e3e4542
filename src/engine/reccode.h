/* reccode.h — the short verification code printed on a change record (pure: no I/O).
 * The code is the first 12 hex digits of the row hash (SHA-256) of the change's last audit
 * record, upper case, in three groups of four: row_hash "a1b2c3d4e5f6…" → "A1B2-C3D4-E5F6".
 * Anyone holding the database can recompute it by hand:
 *   SELECT upper(substr(row_hash, 1, 12)) FROM audit_log WHERE entity = 'change'
 *     AND entity_id = 'CHG-…' ORDER BY id DESC LIMIT 1;
 * 48 bits: a typo or a record printed before a later write does not pass by chance. */
#ifndef OPSPLAN_RECCODE_H
#define OPSPLAN_RECCODE_H

/* out[15] = the code of a 64-hex-digit row hash; 0, or -1 (out "") when hash is not one. */
int reccode_make(const char *row_hash, char out[15]);

/* 1 when given (as typed: any case, with or without the hyphens and spaces) is code, else 0;
 * anything but 12 hex digits besides hyphens and spaces never matches. */
int reccode_match(const char *given, const char *code);
#endif
