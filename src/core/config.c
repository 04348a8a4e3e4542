/* config.c — configuration keys, their defaults and their checks. One table lists every key,
 * so the file parser, the environment overrides and the README stay in step. */
#include "core/config.h"
#include "core/role.h"
#include <stddef.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct config cfg;

enum kind { K_STR, K_INT, K_OCT };
static const struct key {
	const char *name;
	enum kind kind;
	size_t off, size;
	const char *def;
} keys[] = {
#define S(n, d) { #n, K_STR, offsetof(struct config, n), sizeof(((struct config *)0)->n), d }
	S(db, "/var/lib/opsplan/opsplan.db"),
	S(key_file, ""),
	S(xslt_dir, "/usr/share/opsplan/xslt"),
	S(identity_param, "REMOTE_USER"),
	S(identity_realms, ""),
	S(auto_provision, "off"),
	S(default_lang, "zh-CN"),
	S(timezone, "Asia/Shanghai"),
	S(socket, "/run/opsplan/opsplan.sock"),
	S(socket_group, ""),
	S(public_origin, ""),
#undef S
	{ "socket_mode", K_OCT, offsetof(struct config, socket_mode), 0, "0660" },
	{ "workers", K_INT, offsetof(struct config, workers), 0, "0" },
	{ "render_cache", K_INT, offsetof(struct config, render_cache), 0, "64" },
	{ "max_body", K_INT, offsetof(struct config, max_body), 0, "1048576" },
	{ "max_upload", K_INT, offsetof(struct config, max_upload), 0, "11534336" },
};

static int
set_key(const struct key *k, const char *val, char *err, int errlen)
{
	char *p = (char *)&cfg + k->off, *end;
	long v;
	switch (k->kind) {
	case K_STR:
		if (strlen(val) >= k->size) {
			snprintf(err, errlen, "%s: value too long", k->name);
			return -1;
		}
		memcpy(p, val, strlen(val) + 1);
		return 0;
	case K_INT:
	case K_OCT:
		errno = 0;
		v = strtol(val, &end, k->kind == K_OCT ? 8 : 10);
		if (errno || end == val || *end || v < 0) {
			snprintf(err, errlen, "%s: not a valid number: %s", k->name, val);
			return -1;
		}
		if (k->off == offsetof(struct config, max_body) || k->off == offsetof(struct config, max_upload))
			*(long *)p = v;
		else
			*(int *)p = (int)v;
		return 0;
	}
	return -1;
}

static const struct key *
find_key(const char *name)
{
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (!strcmp(keys[i].name, name)) return &keys[i];
	return NULL;
}

static char *
trim(char *s)
{
	while (isspace((unsigned char)*s)) s++;
	char *e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1])) *--e = 0;
	return s;
}

static int
load_file(const char *path, int must_exist, char *err, int errlen)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		if (!must_exist && errno == ENOENT) return 0;
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0, rc = 0;
	while (getline(&line, &cap, f) >= 0) {
		lineno++;
		char *s = trim(line);
		if (!*s || *s == '#') continue;
		char *eq = strchr(s, '=');
		if (!eq) {
			snprintf(err, errlen, "%s:%d: expected key = value", path, lineno);
			rc = -1;
			break;
		}
		*eq = 0;
		char *name = trim(s), *val = trim(eq + 1);
		const struct key *k = find_key(name);
		if (!k) {
			snprintf(err, errlen, "%s:%d: unknown key '%s'", path, lineno, name);
			rc = -1;
			break;
		}
		if ((rc = set_key(k, val, err, errlen))) break;
	}
	free(line);
	fclose(f);
	return rc;
}

int
config_load(const char *path, char *err, int errlen)
{
	memset(&cfg, 0, sizeof cfg);
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		set_key(&keys[i], keys[i].def, err, errlen);
	if (load_file(path ? path : "/etc/opsplan/opsplan.conf", path != NULL, err, errlen))
		return -1;
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		char env[64] = "OPSPLAN_";
		size_t j = 8;
		for (const char *c = keys[i].name; *c && j < sizeof env - 1; c++)
			env[j++] = (char)toupper((unsigned char)*c);
		env[j] = 0;
		const char *v = getenv(env);
		if (v && set_key(&keys[i], v, err, errlen)) return -1;
	}
	if (!cfg.key_file[0]) {
		if (strlen(cfg.db) + 5 > sizeof cfg.key_file) {
			snprintf(err, errlen, "db: path too long");
			return -1;
		}
		snprintf(cfg.key_file, sizeof cfg.key_file, "%s.key", cfg.db);
	}
	if (strcmp(cfg.default_lang, "zh-CN") && strcmp(cfg.default_lang, "en")) {
		snprintf(err, errlen, "default_lang: must be zh-CN or en, not '%s'", cfg.default_lang);
		return -1;
	}
	if (strcmp(cfg.auto_provision, "off") && !role_bit(cfg.auto_provision)) {
		snprintf(err, errlen, "auto_provision: must be off or a role (viewer, engineer, ...), not '%s'",
			 cfg.auto_provision);
		return -1;
	}
	if (!cfg.identity_param[0] || !strncmp(cfg.identity_param, "HTTP_", 5)) {
		snprintf(err, errlen, "identity_param: must be a param nginx sets from a variable, never HTTP_*");
		return -1;
	}
	if (cfg.workers == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		cfg.workers = n > 0 ? (int)n : 2;
	}
	if (cfg.workers > 256) {
		snprintf(err, errlen, "workers: at most 256");
		return -1;
	}
	if (cfg.max_body < 1024) {
		snprintf(err, errlen, "max_body: at least 1024");
		return -1;
	}
	if (cfg.max_upload < cfg.max_body) {
		snprintf(err, errlen, "max_upload: at least max_body (%ld)", cfg.max_body);
		return -1;
	}
	return 0;
}
