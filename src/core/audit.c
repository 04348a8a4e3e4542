/* audit.c — appending to and verifying the audit chain. The canonical form of a record is a
 * fixed-order, length-prefixed encoding of every column except row_hash, so no two different
 * records share an encoding and no formatting choice can change a hash. */
#include "core/audit.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/text.h"
#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

static const char GENESIS[] =
	"0000000000000000000000000000000000000000000000000000000000000000";

/* The canonical form is fed to SHA-256 through a buffer of 4 KB, so a record of typical size is
 * one update call, not two per field. */
struct feed { EVP_MD_CTX *md; size_t n; unsigned char b[4096]; };

static void
feed(struct feed *f, const void *p, size_t n)
{
	if (f->n + n > sizeof f->b) {
		EVP_DigestUpdate(f->md, f->b, f->n);
		f->n = 0;
		if (n > sizeof f->b) {
			EVP_DigestUpdate(f->md, p, n);
			return;
		}
	}
	memcpy(f->b + f->n, p, n);
	f->n += n;
}

static void
canon_field(struct feed *f, const char *v, size_t n)
{
	unsigned char hdr[9];
	hdr[0] = v ? 'S' : 'N';
	for (int i = 0; i < 8; i++)
		hdr[1 + i] = (unsigned char)((unsigned long long)n >> (56 - 8 * i));
	feed(f, hdr, sizeof hdr);
	if (v) feed(f, v, n);
}

/* SHA-256, fetched once: an implicit fetch per digest takes OpenSSL's provider locks every time. */
static const EVP_MD *
sha256(void)
{
	static EVP_MD *md;
	if (!md) md = EVP_MD_fetch(NULL, "SHA256", NULL);
	return md ? md : EVP_sha256();
}

/* cols: id, at, actor, action, entity, entity_id, old, new, reason, request_id, client, prev_hash.
 * md: a digest context to (re)use. */
static void
row_hash(EVP_MD_CTX *md, const char *cols[12], const size_t lens[12], char out[65])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned dl;
	struct feed f = { md, 0, {0} };
	EVP_DigestInit_ex(md, sha256(), NULL);
	feed(&f, cols[11], lens[11]);
	feed(&f, "opsplan-audit-v1", 16);
	for (int i = 0; i < 12; i++)
		canon_field(&f, cols[i], lens[i]);
	EVP_DigestUpdate(md, f.b, f.n);
	EVP_DigestFinal_ex(md, d, &dl);
	text_hex(d, dl, out);
}

long long
audit_head(char hash[65])
{
	sqlite3_stmt *st = db_q("SELECT id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1", "");
	long long id = 0;
	memcpy(hash, GENESIS, sizeof GENESIS);
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		snprintf(hash, 65, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	if (st) sqlite3_reset(st);
	return id;
}

long long
audit_last_of(const char *entity, const char *entity_id, char hash[65])
{
	sqlite3_stmt *st = db_q("SELECT id, row_hash FROM audit_log WHERE entity = ? AND entity_id = ?"
				" ORDER BY id DESC LIMIT 1", "ss", entity, entity_id);
	long long id = st ? 0 : -1;
	hash[0] = 0;
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		snprintf(hash, 65, "%s", (const char *)sqlite3_column_text(st, 1));
	} else if (rc != SQLITE_DONE) {
		id = -1;
	}
	if (st) sqlite3_reset(st);
	return id;
}

int
audit_append(const struct audit_who *who, const char *action, const char *entity,
	     const char *entity_id, const char *old_json, const char *new_json, const char *reason)
{
	char prev[65], at[21], idbuf[24], hash[65];
	long long id = audit_head(prev) + 1;
	clock_iso(clock_now(), at);
	snprintf(idbuf, sizeof idbuf, "%lld", id);
	const char *cols[12] = { idbuf, at, who->actor, action, entity, entity_id, old_json, new_json,
				 reason ? reason : "", who->request_id ? who->request_id : "",
				 who->client ? who->client : "", prev };
	size_t lens[12];
	for (int i = 0; i < 12; i++)
		lens[i] = cols[i] ? strlen(cols[i]) : 0;
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	if (!md) return -1;
	row_hash(md, cols, lens, hash);
	EVP_MD_CTX_free(md);
	int rc = db_run("INSERT INTO audit_log (id, at, actor, action, entity, entity_id, old_value,"
			" new_value, reason, request_id, client, prev_hash, row_hash)"
			" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
			"issssssssssss", id, at, cols[2], action, entity, entity_id, old_json, new_json,
			cols[8], cols[9], cols[10], prev, hash);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "opsplan: audit append failed: %s\n", db_errmsg());
		return -1;
	}
	return 0;
}

int
audit_verify(const char *expect_head, long long *bad_id, long long *count, char *msg, int msglen)
{
	sqlite3_stmt *st;
	*bad_id = 0;
	*count = 0;
	if (sqlite3_prepare_v2(db, "SELECT id, at, actor, action, entity, entity_id, old_value, new_value,"
			       " reason, request_id, client, prev_hash, row_hash FROM audit_log ORDER BY id",
			       -1, &st, NULL) != SQLITE_OK) {
		snprintf(msg, msglen, "cannot read audit_log: %s", db_errmsg());
		return -1;
	}
	char prev[65], hash[65], idbuf[24];
	memcpy(prev, GENESIS, sizeof GENESIS);
	EVP_MD_CTX *md = EVP_MD_CTX_new();     /* one context for every record */
	if (!md) {
		snprintf(msg, msglen, "out of memory");
		sqlite3_finalize(st);
		return -1;
	}
	long long last = 0, head_id = 0;
	char head_hash[65] = "";
	int found_head = expect_head == NULL, rc;
	if (expect_head && (sscanf(expect_head, "%lld:%64s", &head_id, head_hash) != 2 || strlen(head_hash) != 64)) {
		snprintf(msg, msglen, "--expect-head must be ID:HASH (64 hex digits)");
		EVP_MD_CTX_free(md);
		sqlite3_finalize(st);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		const char *cols[12];
		size_t lens[12];
		snprintf(idbuf, sizeof idbuf, "%lld", id);
		cols[0] = idbuf;
		lens[0] = strlen(idbuf);
		for (int i = 1; i < 12; i++) {
			cols[i] = (const char *)sqlite3_column_text(st, i);
			lens[i] = (size_t)sqlite3_column_bytes(st, i);
		}
		const char *stored = (const char *)sqlite3_column_text(st, 12);
		if (id != last + 1) {
			*bad_id = id;
			snprintf(msg, msglen, "audit record %lld follows %lld: records are missing", id, last);
			goto bad;
		}
		if (!cols[11] || strcmp(cols[11], prev)) {
			*bad_id = id;
			snprintf(msg, msglen, "audit record %lld: prev_hash does not match record %lld", id, last);
			goto bad;
		}
		row_hash(md, cols, lens, hash);
		if (!stored || strcmp(stored, hash)) {
			*bad_id = id;
			snprintf(msg, msglen, "audit record %lld: content does not match its hash", id);
			goto bad;
		}
		if (expect_head && id == head_id) {
			if (strcmp(hash, head_hash)) {
				*bad_id = id;
				snprintf(msg, msglen, "audit record %lld: differs from the exported head", id);
				goto bad;
			}
			found_head = 1;
		}
		memcpy(prev, hash, 65);
		last = id;
		(*count)++;
	}
	if (rc != SQLITE_DONE) {
		snprintf(msg, msglen, "reading audit_log failed after record %lld: %s", last, db_errmsg());
		*bad_id = last + 1;
		goto bad;
	}
	EVP_MD_CTX_free(md);
	sqlite3_finalize(st);
	if (!found_head) {
		snprintf(msg, msglen, "exported head %lld is no longer in the chain (log truncated?)", head_id);
		return -1;
	}
	snprintf(msg, msglen, "audit chain ok: %lld records, head %lld %s", *count, last, prev);
	return 0;
bad:
	EVP_MD_CTX_free(md);
	sqlite3_finalize(st);
	return -1;
}
