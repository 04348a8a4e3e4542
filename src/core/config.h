/* config.h — the process-wide configuration: file (/etc/opsplan/opsplan.conf or --config),
 * then OPSPLAN_* environment variables. Read once at start; read-only afterwards. */
#ifndef OPSPLAN_CONFIG_H
#define OPSPLAN_CONFIG_H

struct config {
	char db[512];
	char key_file[520];
	char xslt_dir[512];
	char identity_param[64];
	char identity_realms[256];
	char auto_provision[16];     /* "off" or a role name */
	char default_lang[8];
	char timezone[64];
	char socket[512];
	char socket_group[64];
	char public_origin[256];
	int socket_mode;
	int workers;
	int render_cache;            /* rendered pages kept per worker; 0 = off */
	long max_body;
	long max_upload;     /* bodies of the routes that take files (RF_UPLOAD) */
};
extern struct config cfg;

/* Loads defaults, then the file (path NULL = the default path, which may be missing; an explicit
 * path must exist), then the environment. Returns 0, or -1 with a message in err. */
int config_load(const char *path, char *err, int errlen);
#endif
