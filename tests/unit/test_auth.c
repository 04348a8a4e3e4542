/* Unit tests for auth.c: the identity rules of security.md §1.4, CSRF tokens and the
 * Accept-Language choice. */
#include "unit.h"
#include "core/auth.h"
#include "core/config.h"
#include <stdlib.h>
#include <unistd.h>

static int
ident(char **env, char out[65])
{
	const char *why;
	return auth_identity(env, out, &why);
}

static void
identity_rules(void)
{
	char out[65];
	char *one[] = { "REMOTE_USER=zhang.wei", "HTTP_X_REMOTE_USER=admin", NULL };
	CHECK(ident(one, out) == 0);
	CHECK_STR(out, "zhang.wei");
	char *twice[] = { "REMOTE_USER=mallory", "REMOTE_USER=alice", NULL };
	CHECK(ident(twice, out) == 500);
	char *empty[] = { "REMOTE_USER=", NULL };
	CHECK(ident(empty, out) == 401);
	char *absent[] = { "HTTP_X_REMOTE_USER=admin", "HTTP_X_FORWARDED_USER=admin", "HTTP_AUTHORIZATION=Basic YWRtaW46eA==", NULL };
	CHECK(ident(absent, out) == 401);
	char *upper[] = { "REMOTE_USER=Zhang.Wei", NULL };
	CHECK(ident(upper, out) == 0);
	CHECK_STR(out, "zhang.wei");
	char *domain[] = { "REMOTE_USER=CORP\\li.na", NULL };
	CHECK(ident(domain, out) == 401);          /* no realm configured: never strip one */
	char *space[] = { "REMOTE_USER=al ice", NULL };
	CHECK(ident(space, out) == 401);
	char *crlf[] = { "REMOTE_USER=a\r\nb", NULL };
	CHECK(ident(crlf, out) == 401);
	char long65[80] = "REMOTE_USER=";
	memset(long65 + 12, 'a', 65);
	long65[77] = 0;
	char *toolong[] = { long65, NULL };
	CHECK(ident(toolong, out) == 401);
	char *prefix[] = { "REMOTE_USERX=admin", "XREMOTE_USER=admin", NULL };
	CHECK(ident(prefix, out) == 401);
}

static void
identity_realms(void)
{
	char out[65];
	snprintf(cfg.identity_realms, sizeof cfg.identity_realms, "CORP.EXAMPLE.COM, CORP");
	char *realm[] = { "REMOTE_USER=li.na@CORP.EXAMPLE.COM", NULL };
	CHECK(ident(realm, out) == 0);
	CHECK_STR(out, "li.na");
	char *domain[] = { "REMOTE_USER=corp\\Wang.Fang", NULL };
	CHECK(ident(domain, out) == 0);
	CHECK_STR(out, "wang.fang");
	char *foreign[] = { "REMOTE_USER=PARTNER\\admin", NULL };
	CHECK(ident(foreign, out) == 401);
	char *foreign_at[] = { "REMOTE_USER=admin@PARTNER", NULL };
	CHECK(ident(foreign_at, out) == 0);         /* an e-mail-like login, not a realm */
	CHECK_STR(out, "admin@partner");
	char *mail[] = { "REMOTE_USER=li.na@example.com", NULL };
	CHECK(ident(mail, out) == 0);
	CHECK_STR(out, "li.na@example.com");
	cfg.identity_realms[0] = 0;
}

static void
csrf_tokens(void)
{
	char tok[128];
	const char *nonce = NULL;
	time_t now = 1790000000;
	auth_csrf_make("zhang.wei", now, tok);
	CHECK(auth_csrf_check("zhang.wei", tok, now + 60, &nonce) == 0);
	CHECK(nonce && strlen(nonce) > 16 && nonce[16] == '.');
	CHECK(auth_csrf_check("li.na", tok, now + 60, NULL) == -1);          /* another user's token */
	CHECK(auth_csrf_check("zhang.wei", tok, now + 8 * 3600 + 1, NULL) == -1);   /* expired */
	CHECK(auth_csrf_check("zhang.wei", tok, now - 3600, NULL) == -1);    /* from the future */
	char bad[128];
	strcpy(bad, tok);
	bad[strlen(bad) - 1] = bad[strlen(bad) - 1] == '0' ? '1' : '0';
	CHECK(auth_csrf_check("zhang.wei", bad, now, NULL) == -1);           /* tampered MAC */
	strcpy(bad, tok);
	bad[0] = bad[0] == '1' ? '2' : '1';
	CHECK(auth_csrf_check("zhang.wei", bad, now, NULL) == -1);           /* tampered time */
	CHECK(auth_csrf_check("zhang.wei", "", now, NULL) == -1);
	CHECK(auth_csrf_check("zhang.wei", NULL, now, NULL) == -1);
	CHECK(auth_csrf_check("zhang.wei", "1.2.3", now, NULL) == -1);
	char tok2[128];
	auth_csrf_make("zhang.wei", now, tok2);
	CHECK(strcmp(tok, tok2));                                            /* fresh nonce each time */
}

static void
languages(void)
{
	CHECK_STR(auth_lang_from_header("en-US,en;q=0.9"), "en");
	CHECK_STR(auth_lang_from_header("zh-CN,zh;q=0.9,en;q=0.8"), "zh-CN");
	CHECK_STR(auth_lang_from_header("fr;q=1, en;q=0.5, zh;q=0.7"), "zh-CN");
	CHECK_STR(auth_lang_from_header("zh-TW"), "zh-CN");
	CHECK(auth_lang_from_header("fr, de") == NULL);
	CHECK(auth_lang_from_header("") == NULL);
	CHECK(auth_lang_from_header(NULL) == NULL);
	CHECK(auth_lang_from_header("english") == NULL);
}

int
main(void)
{
	char dir[] = "/tmp/opsplan-unit-XXXXXX", err[300];
	if (!mkdtemp(dir)) return 1;
	char key[600];
	snprintf(key, sizeof key, "%s/key", dir);
	setenv("OPSPLAN_KEY_FILE", key, 1);
	if (config_load("/dev/null", err, sizeof err) || auth_key_load(1, err, sizeof err)) {
		printf("FAIL setup: %s\n", err);
		return 1;
	}
	RUN(identity_rules);
	RUN(identity_realms);
	RUN(csrf_tokens);
	RUN(languages);
	unlink(key);
	rmdir(dir);
	return unit_done();
}
