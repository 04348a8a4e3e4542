/* migrate.c — the numbered schema migrations (src/schema/NNN-*.sql, embedded at build time as
 * build/schema.c) applied to the open database, each in its own transaction with its audit record
 * ("schema.migrate"). Separate from db.c so that the connection does not depend on the audit
 * chain (audit.c writes through db.c). */
#include "core/migrate.h"
#include "core/audit.h"
#include "core/db.h"
#include <stdio.h>

int
migrate_latest(void)
{
	return migrate_count ? migrate_steps[migrate_count - 1].version : 0;
}

int
migrate_run(char *err, int errlen)
{
	int have = db_version();
	if (have > migrate_latest()) {
		snprintf(err, errlen, "database schema %d is newer than this program (%d)", have, migrate_latest());
		return -1;
	}
	for (int i = 0; i < migrate_count; i++) {
		const struct migration *m = &migrate_steps[i];
		if (m->version <= have) continue;
		char *msg = NULL, sql[64];
		if (db_begin() != SQLITE_OK) {
			snprintf(err, errlen, "migration %s: %s", m->name, db_errmsg());
			return -1;
		}
		snprintf(sql, sizeof sql, "PRAGMA user_version=%d", m->version);
		if (sqlite3_exec(db, m->sql, NULL, NULL, &msg) != SQLITE_OK ||
		    sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
			snprintf(err, errlen, "migration %s: %s", m->name, msg ? msg : db_errmsg());
			sqlite3_free(msg);
			db_rollback();
			return -1;
		}
		char newv[96];
		snprintf(newv, sizeof newv, "{\"version\":%d,\"name\":\"%s\"}", m->version, m->name);
		struct audit_who sys = { "system", "", "" };
		if (audit_append(&sys, "schema.migrate", "schema", m->name, NULL, newv, "") ||
		    db_commit() != SQLITE_OK) {
			snprintf(err, errlen, "migration %s: %s", m->name, db_errmsg());
			db_rollback();
			return -1;
		}
	}
	return 0;
}
