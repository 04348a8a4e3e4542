/* demo.c — the demo database: the six demo users of `make run` (password "demo" is nginx's
 * business, not ours) with realistic names and contacts, created through the audited model. */
#include "cli.h"
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "user.h"
#include <stdio.h>

static const struct {
	const char *login, *name, *email, *phone, *lang;
	unsigned roles;
} people[] = {
	{ "admin", "系统管理员", "opsplan-admin@example.com", "010-8888-0001", "", ROLE_ADMIN },
	{ "zhang.wei", "张伟", "zhang.wei@example.com", "138-0013-8001", "", ROLE_MANAGER },
	{ "li.na", "李娜", "li.na@example.com", "138-0013-8002", "", ROLE_ENGINEER },
	{ "wang.fang", "王芳", "wang.fang@example.com", "138-0013-8003", "", ROLE_ENGINEER },
	{ "chen.jie", "陈杰", "chen.jie@example.com", "138-0013-8004", "", ROLE_APPROVER },
	{ "auditor", "审计员 Audit", "audit@example.com", "010-8888-0009", "", ROLE_AUDITOR },
};

int
demo_fill(void)
{
	struct audit_who who = { "system", "", "demo" };
	if (db_begin() != SQLITE_OK) {
		fprintf(stderr, "opsplan: database busy: %s\n", db_errmsg());
		return -1;
	}
	for (size_t i = 0; i < sizeof people / sizeof *people; i++)
		if (user_create(&who, "user.create", people[i].login, people[i].name, people[i].email,
				people[i].phone, people[i].lang, people[i].roles, "demo data"))
			goto fail;
	if (db_commit() != SQLITE_OK) goto fail;
	return 0;
fail:
	fprintf(stderr, "opsplan: demo data not written: %s\n", db_errmsg());
	db_rollback();
	return -1;
}
