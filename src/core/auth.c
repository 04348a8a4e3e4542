/* auth.c — who is asking and may they: the SSO identity rules (security.md §1.4), role bits,
 * CSRF tokens (stateless HMAC, OWASP pattern) and the language choice from Accept-Language. */
#include "core/auth.h"
#include "core/config.h"
#include "core/text.h"
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

int
auth_identity(char **env, char out[65], const char **why)
{
	size_t n = strlen(cfg.identity_param);
	const char *v = NULL;
	int count = 0;
	for (char **e = env; e && *e; e++)
		if (!strncmp(*e, cfg.identity_param, n) && (*e)[n] == '=') {
			if (!count) v = *e + n + 1;
			count++;
		}
	if (count > 1) {
		*why = "identity param appears more than once (check the nginx params file)";
		return 500;
	}
	if (!v || !*v) {
		*why = "no identity";
		return 401;
	}
	char tmp[256];
	if (strlen(v) >= sizeof tmp) {
		*why = "identity too long";
		return 401;
	}
	memcpy(tmp, v, strlen(v) + 1);
	char *login = tmp;
	/* REALM\user and user@REALM lose the realm only for the configured realms: PARTNER\admin
	 * must never become admin. Anything else keeps its backslash and fails the syntax check. */
	char *bs = strchr(login, '\\'), *at = strrchr(login, '@');
	if ((bs || at) && cfg.identity_realms[0]) {
		char realms[256], *save = NULL;
		snprintf(realms, sizeof realms, "%s", cfg.identity_realms);
		for (char *tok = strtok_r(realms, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
			size_t tl = strlen(tok);
			if (bs && (size_t)(bs - login) == tl && !strncasecmp(login, tok, tl)) { login = bs + 1; break; }
			if (at && !strcasecmp(at + 1, tok)) { *at = 0; break; }
		}
	}
	for (char *c = login; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	if (!text_login_ok(login)) {
		*why = "malformed identity";
		return 401;
	}
	memcpy(out, login, strlen(login) + 1);   /* text_login_ok: at most 64 bytes */
	return 0;
}

static unsigned char key[32];
static int have_key;

int
auth_key_load(int create, char *err, int errlen)
{
	int fd = open(cfg.key_file, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT && create) {
		unsigned char k[32];
		if (getrandom(k, sizeof k, 0) != sizeof k) {
			snprintf(err, errlen, "no random bytes for the key");
			return -1;
		}
		fd = open(cfg.key_file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd >= 0) {
			ssize_t w = write(fd, k, sizeof k);
			close(fd);
			if (w != (ssize_t)sizeof k) {
				unlink(cfg.key_file);
				snprintf(err, errlen, "cannot write %s", cfg.key_file);
				return -1;
			}
		}
		fd = open(cfg.key_file, O_RDONLY | O_CLOEXEC);
	}
	if (fd < 0) {
		snprintf(err, errlen, "cannot read the key file %s: %s (run 'opsplan init')", cfg.key_file, strerror(errno));
		return -1;
	}
	struct stat st;
	ssize_t r = read(fd, key, sizeof key);
	fstat(fd, &st);
	close(fd);
	if (r != (ssize_t)sizeof key) {
		snprintf(err, errlen, "key file %s: expected %zu bytes", cfg.key_file, sizeof key);
		return -1;
	}
	if (st.st_mode & 077)
		fprintf(stderr, "opsplan: warning: key file %s is readable by others (chmod 600)\n", cfg.key_file);
	have_key = 1;
	return 0;
}

static void
mac(const char *login, const char *t, const char *nonce, char out[65])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned dl = 0;
	char msg[200];
	int n = snprintf(msg, sizeof msg, "csrf\n%s\n%s\n%s", login, t, nonce);
	HMAC(EVP_sha256(), key, sizeof key, (const unsigned char *)msg, (size_t)n, d, &dl);
	text_hex(d, dl, out);
}

void
auth_csrf_make(const char *login, time_t t, char out[128])
{
	unsigned char rnd[8];
	char nonce[17], ts[24], m[65];
	if (getrandom(rnd, sizeof rnd, 0) != sizeof rnd) memset(rnd, 0, sizeof rnd);
	text_hex(rnd, sizeof rnd, nonce);
	snprintf(ts, sizeof ts, "%lld", (long long)t);
	mac(login, ts, nonce, m);
	snprintf(out, 128, "%s.%s.%s", ts, nonce, m);
}

int
auth_csrf_check(const char *login, const char *token, time_t now, const char **nonce_out)
{
	if (!have_key || !token || strlen(token) > 120) return -1;
	const char *d1 = strchr(token, '.'), *d2 = d1 ? strchr(d1 + 1, '.') : NULL;
	if (!d1 || !d2 || d1 - token > 20 || d2 - d1 - 1 != 16 || strlen(d2 + 1) != 64) return -1;
	char ts[24], nonce[17], m[65];
	memcpy(ts, token, (size_t)(d1 - token));
	ts[d1 - token] = 0;
	memcpy(nonce, d1 + 1, 16);
	nonce[16] = 0;
	for (const char *c = ts; *c; c++)
		if (!isdigit((unsigned char)*c)) return -1;
	long long t = atoll(ts);
	if (t > (long long)now + 300 || (long long)now - t > 8 * 3600) return -1;
	mac(login, ts, nonce, m);
	if (CRYPTO_memcmp(m, d2 + 1, 64)) return -1;
	if (nonce_out) *nonce_out = d1 + 1;
	return 0;
}

const char *
auth_lang_from_header(const char *h)
{
	const char *best = NULL;
	double bestq = 0;
	while (h && *h) {
		while (*h == ' ' || *h == ',') h++;
		size_t l = strcspn(h, ",");
		char item[64];
		if (l && l < sizeof item) {
			memcpy(item, h, l);
			item[l] = 0;
			double q = 1.0;
			char *semi = strchr(item, ';');
			if (semi) {
				*semi = 0;
				char *qs = strstr(semi + 1, "q=");
				if (qs) q = strtod(qs + 2, NULL);
			}
			char *tag = item;
			while (*tag == ' ') tag++;
			const char *lang = NULL;
			if (!strncasecmp(tag, "zh", 2) && (!tag[2] || tag[2] == '-' || tag[2] == ' ')) lang = "zh-CN";
			else if (!strncasecmp(tag, "en", 2) && (!tag[2] || tag[2] == '-' || tag[2] == ' ')) lang = "en";
			if (lang && q > bestq) { best = lang; bestq = q; }
		}
		h += l;
	}
	return best;
}
