/* evidence.c — `opsplan evidence export --from DAY --to DAY --out DIR`: the ISO/IEC 20000-1
 * evidence files of a period (change/evidence.c builds them, the same bytes as the page gives)
 * written into a folder, read in one snapshot. */
#include "cmd/evidence.h"
#include "cmd/cli.h"
#include "change/evidence.h"
#include "core/config.h"
#include "core/db.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int
cli_evidence(int argc, char **argv)
{
	static const char use[] = "usage: opsplan evidence export --from YYYY-MM-DD --to YYYY-MM-DD --out DIR";
	const char *from = NULL, *to = NULL, *dir = NULL;
	if (argc < 2 || strcmp(argv[1], "export")) {
		fprintf(stderr, "opsplan: %s\n", use);
		return 2;
	}
	for (int i = 2; i < argc; i++) {
		const char **slot = !strcmp(argv[i], "--from") ? &from : !strcmp(argv[i], "--to") ? &to
				    : !strcmp(argv[i], "--out") ? &dir : NULL;
		if (!slot || i + 1 >= argc) {
			fprintf(stderr, "opsplan: unknown or incomplete option '%s'\n%s\n", argv[i], use);
			return 2;
		}
		*slot = argv[++i];
	}
	if (!from || !to || !dir || !*dir) {
		fprintf(stderr, "opsplan: %s\n", use);
		return 2;
	}
	struct changeaudit_period p;
	const char *field, *key;
	if (changeaudit_period_parse(from, to, &p, &field, &key)) {
		fprintf(stderr, "opsplan: --%s: %s\n", field,
			!strcmp(key, "caud.error.order") ? "the period ends before it starts" : "not a date YYYY-MM-DD");
		return 2;
	}
	if (mkdir(dir, 0755) && errno != EEXIST) {
		fprintf(stderr, "opsplan: cannot create %s: %s\n", dir, strerror(errno));
		return 1;
	}
	char err[600];
	if (db_open(cfg.db, 0, err, sizeof err)) {
		fprintf(stderr, "opsplan: %s\n", err);
		return 1;
	}
	struct arena a = {0};
	int rc = db_read_begin() == SQLITE_OK ? 0 : 1;
	for (const struct evidence_entry *f = evidence_files; !rc && f->name; f++) {
		struct buf b = {0};
		if (evidence_build(f->name, &p, &a, &b)) {
			fprintf(stderr, "opsplan: %s: %s\n", f->name, db_errmsg());
			rc = 1;
		} else {
			char path[4096];
			snprintf(path, sizeof path, "%s/%s", dir, f->name);
			FILE *out = fopen(path, "wb");
			int bad = !out || fwrite(b.p ? b.p : "", 1, b.len, out) != b.len;
			if (out && fclose(out)) bad = 1;
			if (bad) {
				fprintf(stderr, "opsplan: cannot write %s\n", path);
				rc = 1;
			} else {
				printf("%s\n", path);
			}
		}
		buf_free(&b);
	}
	db_read_end();
	arena_reset(&a);
	db_close();
	return rc;
}
