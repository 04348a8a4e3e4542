/* db.c — connection setup, migrations (embedded from src/schema/ at build time), a small
 * statement cache keyed by the SQL text's address, and transaction helpers. Every value is
 * bound; no SQL is ever built from data. */
#include "core/db.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

sqlite3 *db;

#define CACHE 128
static struct { const char *sql; sqlite3_stmt *st; } cache[CACHE];
static int ncache;
static int read_only;     /* inside db_read_begin() .. db_read_end() */

static int
pragma_int(const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

int
db_open(const char *path, int create, char *err, int errlen)
{
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot open database %s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		db = NULL;
		return -1;
	}
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_busy_timeout(db, 5000);
	static const char *pragmas =
		"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
		"PRAGMA trusted_schema=OFF;";
	char *msg = NULL;
	if (sqlite3_exec(db, pragmas, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errlen, "database %s: %s", path, msg ? msg : "pragma failed");
		sqlite3_free(msg);
		db_close();
		return -1;
	}
	if (pragma_int("PRAGMA foreign_keys") != 1 || pragma_int("PRAGMA synchronous") != 2) {
		snprintf(err, errlen, "database %s: pragmas did not take effect", path);
		db_close();
		return -1;
	}
	return 0;
}

void
db_close(void)
{
	for (int i = 0; i < ncache; i++)
		sqlite3_finalize(cache[i].st);
	ncache = 0;
	sqlite3_close(db);
	db = NULL;
}

int
db_version(void)
{
	return pragma_int("PRAGMA user_version");
}

static sqlite3_stmt *
cached(const char *sql)
{
	for (int i = 0; i < ncache; i++)
		if (cache[i].sql == sql) return cache[i].st;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "opsplan: prepare failed: %s: %s\n", sqlite3_errmsg(db), sql);
		return NULL;
	}
	if (ncache == CACHE) {
		sqlite3_finalize(cache[0].st);
		memmove(cache, cache + 1, sizeof cache[0] * (CACHE - 1));
		ncache--;
	}
	cache[ncache].sql = sql;
	cache[ncache].st = st;
	ncache++;
	return st;
}

static sqlite3_stmt *
vbind(const char *sql, const char *types, va_list ap)
{
	sqlite3_stmt *st = cached(sql);
	if (!st) return NULL;
	if (read_only && !sqlite3_stmt_readonly(st) && strcmp(sql, "COMMIT")) {
		fprintf(stderr, "opsplan: refused a write during a read-only request: %s\n", sql);
		return NULL;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	for (int i = 0; types && types[i]; i++) {
		const char *s;
		switch (types[i]) {
		case 's':
			s = va_arg(ap, const char *);
			if (s) sqlite3_bind_text(st, i + 1, s, -1, SQLITE_TRANSIENT);
			else sqlite3_bind_null(st, i + 1);
			break;
		case 'i': sqlite3_bind_int64(st, i + 1, va_arg(ap, long long)); break;
		case 'd': sqlite3_bind_int(st, i + 1, va_arg(ap, int)); break;
		case 'f': sqlite3_bind_double(st, i + 1, va_arg(ap, double)); break;
		}
	}
	return st;
}

sqlite3_stmt *
db_q(const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	sqlite3_stmt *st = vbind(sql, types, ap);
	va_end(ap);
	return st;
}

int
db_run(const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	sqlite3_stmt *st = vbind(sql, types, ap);
	va_end(ap);
	if (!st) return SQLITE_ERROR;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_reset(st);
	return rc;
}

long long
db_int(const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	sqlite3_stmt *st = vbind(sql, types, ap);
	va_end(ap);
	long long v = 0;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	if (st) sqlite3_reset(st);
	return v;
}

int
db_begin(void)
{
	return sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
}

int
db_commit(void)
{
	int rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) db_rollback();
	return rc;
}

void
db_rollback(void)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

int
db_read_begin(void)
{
	/* read-only snapshot: every query of a GET sees one consistent state, and db_q() refuses
	 * any statement that would write (PRAGMA query_only would expire every cached statement) */
	if (db_run("BEGIN DEFERRED", "") != SQLITE_DONE) return SQLITE_ERROR;
	read_only = 1;
	return SQLITE_OK;
}

void
db_read_end(void)
{
	read_only = 0;
	if (!sqlite3_get_autocommit(db)) db_run("COMMIT", "");
}

long long
db_head(void)
{
	return db_int("SELECT max(id) FROM audit_log", "");
}

const char *
db_errmsg(void)
{
	return db ? sqlite3_errmsg(db) : "no database";
}

const char *
db_text(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	return v ? v : "";
}

const char *
db_copy(struct arena *a, sqlite3_stmt *st, int i)
{
	return arena_strdup(a, db_text(st, i));
}

const char *
db_copy_null(struct arena *a, sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : arena_strdup(a, db_text(st, i));
}
