/* migrate.h — the schema migrations embedded in the program, and applying them. */
#ifndef OPSPLAN_MIGRATE_H
#define OPSPLAN_MIGRATE_H

struct migration { int version; const char *name; const char *sql; };
extern const struct migration migrate_steps[];
extern const int migrate_count;
/* The version of the newest migration the program has. */
int migrate_latest(void);
/* Applies the pending migrations, each in its own transaction with a "schema.migrate" audit
 * record. 0, or -1 with a message in err. */
int migrate_run(char *err, int errlen);
#endif
