/* Unit tests for db.c and audit.c on a real SQLite file: connection pragmas, migrations,
 * foreign keys, the append-only triggers and the hash chain verifier. */
#include "unit.h"
#include "core/audit.h"
#include "core/config.h"
#include "core/db.h"
#include "core/migrate.h"
#include <stdlib.h>
#include <unistd.h>

static char path[600];
static struct audit_who who = { "tester", "req1", "127.0.0.1" };

static long long
pragma(const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void
connection_pragmas(void)
{
	sqlite3_stmt *st;
	CHECK(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(st, 0), "wal"));
	sqlite3_finalize(st);
	CHECK(pragma("PRAGMA synchronous") == 2);
	CHECK(pragma("PRAGMA foreign_keys") == 1);
	CHECK(pragma("PRAGMA busy_timeout") >= 5000);
	CHECK(db_version() == migrate_latest());
}

static void
foreign_keys_enforced(void)
{
	CHECK(db_run("INSERT INTO user_roles (user_id, role) VALUES (999, 'admin')", "") != SQLITE_DONE);
	CHECK(db_run("INSERT INTO users (login, created_at) VALUES ('fk', 'x')", "") == SQLITE_DONE);
	long long id = sqlite3_last_insert_rowid(db);
	CHECK(db_run("INSERT INTO user_roles (user_id, role) VALUES (?, 'no-such-role')", "i", id) != SQLITE_DONE);
	CHECK(db_run("INSERT INTO user_roles (user_id, role) VALUES (?, 'admin')", "i", id) == SQLITE_DONE);
	CHECK(db_run("DELETE FROM users WHERE id = ?", "i", id) != SQLITE_DONE);
}

static void
chain_appends_and_verifies(void)
{
	CHECK(db_begin() == SQLITE_OK);
	for (int i = 0; i < 20; i++)
		CHECK(audit_append(&who, "test.write", "thing", "T-1", i ? "{\"v\":1}" : NULL, "{\"v\":\"中文\"}",
				   i == 7 ? "distinctive-reason-7" : "") == 0);
	CHECK(db_commit() == SQLITE_OK);
	long long bad, count;
	char msg[300], hash[65];
	CHECK(audit_verify(NULL, &bad, &count, msg, sizeof msg) == 0);
	CHECK(count >= 21);
	long long head = audit_head(hash);
	char expect[100];
	snprintf(expect, sizeof expect, "%lld:%s", head, hash);
	CHECK(audit_verify(expect, &bad, &count, msg, sizeof msg) == 0);
	snprintf(expect, sizeof expect, "%lld:%s", head + 5, hash);
	CHECK(audit_verify(expect, &bad, &count, msg, sizeof msg) == -1);   /* head no longer in chain */
}

static void
append_only_triggers(void)
{
	char *msg = NULL;
	CHECK(sqlite3_exec(db, "UPDATE audit_log SET actor = 'x' WHERE id = 2", NULL, NULL, &msg) != SQLITE_OK);
	CHECK(msg && strstr(msg, "append-only"));
	sqlite3_free(msg);
	msg = NULL;
	CHECK(sqlite3_exec(db, "DELETE FROM audit_log WHERE id = 2", NULL, NULL, &msg) != SQLITE_OK);
	CHECK(msg && strstr(msg, "append-only"));
	sqlite3_free(msg);
	msg = NULL;
	CHECK(sqlite3_exec(db, "INSERT OR REPLACE INTO audit_log (id, at, actor, action, entity, entity_id, prev_hash, row_hash)"
			       " VALUES (2, 'x', 'x', 'x', 'x', 'x', 'p', 'h')", NULL, NULL, &msg) != SQLITE_OK);
	CHECK(msg && strstr(msg, "append-only"));
	sqlite3_free(msg);
}

static void
tampering_is_found(void)
{
	long long bad, count;
	char msg[300];
	/* someone with the file drops the triggers and edits one record */
	CHECK(sqlite3_exec(db, "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;", NULL, NULL, NULL) == SQLITE_OK);
	CHECK(sqlite3_exec(db, "UPDATE audit_log SET reason = 'distinctive-reason-8' WHERE reason = 'distinctive-reason-7'",
			   NULL, NULL, NULL) == SQLITE_OK);
	long long edited = pragma("SELECT id FROM audit_log WHERE reason = 'distinctive-reason-8'");
	CHECK(audit_verify(NULL, &bad, &count, msg, sizeof msg) == -1);
	CHECK(bad == edited);
	CHECK(strstr(msg, "does not match"));
	CHECK(db_run("UPDATE audit_log SET reason = 'distinctive-reason-7' WHERE id = ?", "i", edited) == SQLITE_DONE);
	CHECK(audit_verify(NULL, &bad, &count, msg, sizeof msg) == 0);
	/* a deleted record breaks the chain at the next one */
	CHECK(db_run("DELETE FROM audit_log WHERE id = ?", "i", edited - 3) == SQLITE_DONE);
	CHECK(audit_verify(NULL, &bad, &count, msg, sizeof msg) == -1);
	CHECK(bad == edited - 2);
}

int
main(void)
{
	char dir[] = "/tmp/opsplan-unit-XXXXXX", err[600];
	if (!mkdtemp(dir)) return 1;
	snprintf(path, sizeof path, "%s/t.db", dir);
	setenv("OPSPLAN_DB", path, 1);
	if (config_load("/dev/null", err, sizeof err) || db_open(path, 1, err, sizeof err) || migrate_run(err, sizeof err)) {
		printf("FAIL setup: %s\n", err);
		return 1;
	}
	RUN(connection_pragmas);
	RUN(foreign_keys_enforced);
	RUN(chain_appends_and_verifies);
	RUN(append_only_triggers);
	RUN(tampering_is_found);
	db_close();
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd)) return 1;
	return unit_done();
}
