/* auth.h — identity from the SSO param, CSRF tokens and the language of a request. The user and
 * roles are role.h's. */
#ifndef OPSPLAN_AUTH_H
#define OPSPLAN_AUTH_H
#include <stddef.h>
#include <time.h>
#include "core/role.h"

struct req;
/* Reads the identity param: exactly once, non-empty, realm stripped, lower-cased, 1..64 of
 * [a-z0-9._@-]. On success copies the canonical login into out[65] and returns 0; otherwise
 * returns 401 (absent/empty/malformed) or 500 (the param appears more than once). */
int auth_identity(char **env, char out[65], const char **why);

/* Loads the CSRF key from cfg.key_file (creating it 0600 with fresh random bytes when create). */
int auth_key_load(int create, char *err, int errlen);
/* A token for login issued at t: "T.NONCE.MAC" (hex); out must hold 128 bytes. */
void auth_csrf_make(const char *login, time_t t, char out[128]);
/* 0 when token is valid for login at now (age ≤ 8 h, not from the future); else -1.
 * On success *nonce_out points into token (16 hex digits). */
int auth_csrf_check(const char *login, const char *token, time_t now, const char **nonce_out);
/* Chooses zh-CN or en from an Accept-Language header (q-values honoured); NULL when none fits. */
const char *auth_lang_from_header(const char *accept);
#endif
