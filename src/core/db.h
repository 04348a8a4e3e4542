/* db.h — the process's SQLite connection: pragmas, cached prepared statements, transactions,
 * reading columns. One connection per process, opened after fork. */
#ifndef OPSPLAN_DB_H
#define OPSPLAN_DB_H
#include <sqlite3.h>
#include "core/arena.h"

extern sqlite3 *db;

/* Opens path (create: allow creating the file), applies the connection pragmas (WAL,
 * synchronous=FULL, foreign keys, busy timeout, defensive). 0 or -1 with a message in err. */
int db_open(const char *path, int create, char *err, int errlen);
void db_close(void);
/* Schema version (user_version) and the newest one this program knows. */
int db_version(void);

/* A cached statement for a static SQL text, reset and with its bindings cleared, bound from
 * types: 's' text (const char *, NULL binds NULL), 'i' int64 (long long), 'd' int (int),
 * 'f' double.
 * The cache owns the statement; the caller steps it and need not finalize it.
 * Returns NULL (and logs) when preparation fails. */
sqlite3_stmt *db_q(const char *sql, const char *types, ...);
/* Runs a statement to completion; returns SQLITE_DONE/SQLITE_OK on success, or the error code. */
int db_run(const char *sql, const char *types, ...);
/* The first column of the first row as an integer (dflt when no row). */
long long db_int(const char *sql, const char *types, ...);

int db_begin(void);        /* BEGIN IMMEDIATE; SQLITE_OK or SQLITE_BUSY etc. */
int db_commit(void);
void db_rollback(void);
/* A read-only snapshot for a GET: BEGIN DEFERRED, and until db_read_end() db_q() refuses any
 * statement that writes. */
int db_read_begin(void);
void db_read_end(void);
/* Column i of the current row as text: "" when NULL; valid until the statement steps again. */
const char *db_text(sqlite3_stmt *st, int i);
/* The same copied into a ("" when NULL), and copied or NULL when the column is NULL. */
const char *db_copy(struct arena *a, sqlite3_stmt *st, int i);
const char *db_copy_null(struct arena *a, sqlite3_stmt *st, int i);
/* The audit chain head id: the version of all data (every write appends to the chain). */
long long db_head(void);
const char *db_errmsg(void);
#endif
