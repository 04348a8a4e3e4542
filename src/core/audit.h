/* audit.h — the append-only, hash-chained audit log.
 * row_hash = SHA-256(prev_hash || canonical(row)); the first row's prev_hash is 64 zeros. */
#ifndef OPSPLAN_AUDIT_H
#define OPSPLAN_AUDIT_H

struct audit_who { const char *actor, *request_id, *client; };

/* Appends one record inside the caller's open (BEGIN IMMEDIATE) transaction.
 * old_json/new_json may be NULL. 0 on success, -1 on a database error. */
int audit_append(const struct audit_who *who, const char *action, const char *entity,
		 const char *entity_id, const char *old_json, const char *new_json, const char *reason);

/* Walks the whole chain. 0 when every record matches; otherwise -1 with the id of the first
 * bad record in *bad_id (0 when the problem is not one record) and a description in msg.
 * expect_head ("ID:HASH", or NULL) is a head exported earlier: it must still be in the chain. */
int audit_verify(const char *expect_head, long long *bad_id, long long *count, char *msg, int msglen);

/* The last record: id and row hash (hash[65]); id 0 when the log is empty. */
long long audit_head(char hash[65]);
/* The last record of (entity, entity_id): id and row hash (hash[65]); 0 (hash "") when none,
 * -1 on a database error. */
long long audit_last_of(const char *entity, const char *entity_id, char hash[65]);
#endif
