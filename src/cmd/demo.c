/* demo.c — the demo database: the six demo users of `make run` (password "demo" is nginx's
 * business, not ours) and four realistic projects laid out around today, so that the dashboard
 * shows a late, an at-risk and an on-track project: a data-centre move (~40 tasks), a core
 * database migration, a patch roll-out, and this month's host inspection created from a
 * recurring template. Progress history goes back over the last weeks. Everything is written
 * through the audited model functions. */
#include "cmd/demo.h"
#include "change/approvals.h"
#include "cmd/cli.h"
#include "core/config.h"
#include "core/audit.h"
#include "core/auth.h"
#include "change/change.h"
#include "change/standard.h"
#include "change/transition.h"
#include "change/decide.h"
#include "change/windows.h"
#include "core/clock.h"
#include "change/cmdb.h"
#include "engine/win.h"
#include "change/approvalpolicy.h"
#include "plan/templates.h"
#include "core/db.h"
#include "plan/plan.h"
#include "plan/project.h"
#include "plan/task.h"
#include "plan/trend.h"
#include "core/user.h"
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

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

/* One task of a demo plan: level 0 rows are summaries; leaves follow each other in time unless
 * parallel is set (then it starts with the previous leaf). done: the share finished by today,
 * -1 = by the schedule. reason: the delay reason of a late or at-risk task. */
struct dtask {
	int level;
	const char *name, *owner;
	double hours, days;
	int milestone, parallel;
	double done;
	const char *reason;
};

static const struct dtask dc_move[] = {
	{ 0, "规划 Planning", 0, 0, 0, 0, 0, -1, 0 },
	{ 1, "现场勘察 Site survey", "li.na", 16, 2, 0, 0, -1, 0 },
	{ 1, "设备清单盘点 Asset inventory", "wang.fang", 24, 3, 0, 1, -1, 0 },
	{ 1, "搬迁方案编制 Relocation plan", "zhang.wei", 32, 4, 0, 0, -1, 0 },
	{ 1, "方案评审 Plan review", "chen.jie", 4, 1, 0, 0, -1, 0 },
	{ 1, "方案定稿 Plan approved", "zhang.wei", 0, 0, 1, 0, -1, 0 },
	{ 0, "准备 Preparation", 0, 0, 0, 0, 0, -1, 0 },
	{ 1, "新机房机柜就位 Racks installed at the new site", "wang.fang", 24, 3, 0, 0, -1, 0 },
	{ 1, "网络专线开通 Leased lines provisioned", "li.na", 16, 5, 0, 1, 0.6, "vendor" },
	{ 1, "电力与制冷验收 Power and cooling acceptance", "wang.fang", 8, 1, 0, 0, -1, 0 },
	{ 1, "全量数据备份 Full backup", "li.na", 12, 2, 0, 0, -1, 0 },
	{ 1, "停机窗口审批 Downtime window approval", "chen.jie", 4, 2, 0, 1, -1, 0 },
	{ 1, "监控切换配置 Monitoring switchover set-up", "wang.fang", 8, 1, 0, 0, -1, 0 },
	{ 1, "搬迁演练 Dry run", "li.na", 16, 2, 0, 0, 0.5, "technical" },
	{ 0, "第一批搬迁（非核心） Wave 1 (non-core)", 0, 0, 0, 0, 0, -1, 0 },
	{ 1, "非核心系统停机 Shut down non-core systems", "li.na", 4, 1, 0, 0, -1, 0 },
	{ 1, "设备下架打包 De-rack and pack", "wang.fang", 16, 1, 0, 0, -1, 0 },
	{ 1, "运输与交接 Transport and hand-over", "wang.fang", 8, 1, 0, 0, -1, 0 },
	{ 1, "上架加电 Rack and power on", "wang.fang", 16, 1, 0, 0, -1, 0 },
	{ 1, "网络割接 Network cutover", "li.na", 8, 1, 0, 0, -1, 0 },
	{ 1, "应用验证 Application verification", "li.na", 12, 2, 0, 0, -1, 0 },
	{ 1, "回退预案确认 Back-out plan confirmed", "zhang.wei", 2, 1, 0, 1, -1, 0 },
	{ 1, "第一批完成 Wave 1 complete", "zhang.wei", 0, 0, 1, 0, -1, 0 },
	{ 0, "第二批搬迁（核心） Wave 2 (core)", 0, 0, 0, 0, 0, -1, 0 },
	{ 1, "核心数据库切换演练 Core database switchover rehearsal", "li.na", 16, 2, 0, 0, -1, 0 },
	{ 1, "核心系统停机 Shut down core systems", "li.na", 4, 1, 0, 0, -1, 0 },
	{ 1, "核心设备下架打包 De-rack and pack core equipment", "wang.fang", 24, 1, 0, 0, -1, 0 },
	{ 1, "核心设备运输 Transport core equipment", "wang.fang", 8, 1, 0, 0, -1, 0 },
	{ 1, "核心设备上架加电 Rack and power on core equipment", "wang.fang", 24, 1, 0, 0, -1, 0 },
	{ 1, "存储复制校验 Storage replication check", "li.na", 16, 2, 0, 0, -1, 0 },
	{ 1, "业务验证 Business verification", "zhang.wei", 16, 2, 0, 0, -1, 0 },
	{ 1, "第二批完成 Wave 2 complete", "zhang.wei", 0, 0, 1, 0, -1, 0 },
	{ 0, "收尾 Closing", 0, 0, 0, 0, 0, -1, 0 },
	{ 1, "旧机房设备处置 Old site disposal", "wang.fang", 24, 3, 0, 0, -1, 0 },
	{ 1, "资产台账更新 CMDB update", "wang.fang", 8, 1, 0, 1, -1, 0 },
	{ 1, "文档归档 Documentation archived", "li.na", 8, 2, 0, 0, -1, 0 },
	{ 1, "项目复盘 Retrospective", "zhang.wei", 4, 1, 0, 0, -1, 0 },
	{ 1, "项目验收 Acceptance", "zhang.wei", 0, 0, 1, 0, -1, 0 },
};

static const struct dtask db_migration[] = {
	{ 0, "评估与设计 Assessment and design", 0, 0, 0, 0, 0, -1, 0 },
	{ 1, "兼容性评估 Compatibility assessment", "li.na", 16, 2, 0, 0, -1, 0 },
	{ 1, "迁移方案与回退方案 Migration and back-out plan", "li.na", 16, 2, 0, 0, -1, 0 },
	{ 0, "测试环境迁移 Test migration", 0, 0, 0, 0, 0, -1, 0 },
	{ 1, "19c 测试库搭建 Build the 19c test database", "wang.fang", 16, 2, 0, 0, -1, 0 },
	{ 1, "数据迁移与校验 Data migration and reconciliation", "li.na", 40, 4, 0, 0, 0.3, "technical" },
	{ 1, "性能基线对比 Performance baseline comparison", "wang.fang", 24, 3, 0, 0, 0, 0 },
	{ 0, "生产切换 Production cutover", 0, 0, 0, 0, 0, -1, 0 },
	{ 1, "变更审批 Change approval (CAB)", "chen.jie", 4, 1, 0, 0, -1, 0 },
	{ 1, "生产割接 Production cutover (night window)", "li.na", 12, 1, 0, 0, -1, 0 },
	{ 1, "业务验证 Business verification", "zhang.wei", 8, 1, 0, 0, -1, 0 },
	{ 1, "切换完成 Cutover complete", "zhang.wei", 0, 0, 1, 0, -1, 0 },
};

static const struct dtask patching[] = {
	{ 0, "补丁评估 Patch assessment", 0, 0, 0, 0, 0, -1, 0 },
	{ 1, "漏洞通告分析 Advisory analysis", "wang.fang", 4, 1, 0, 0, -1, 0 },
	{ 1, "测试环境验证 Test environment validation", "wang.fang", 8, 1, 0, 0, -1, 0 },
	{ 0, "分批升级 Staged roll-out", 0, 0, 0, 0, 0, -1, 0 },
	{ 1, "第一批：开发测试服务器 Batch 1: dev/test servers", "li.na", 8, 1, 0, 0, -1, 0 },
	{ 1, "第二批：非核心生产 Batch 2: non-core production", "li.na", 12, 2, 0, 0, -1, 0 },
	{ 1, "第三批：核心生产 Batch 3: core production", "li.na", 12, 2, 0, 0, -1, 0 },
	{ 1, "合规扫描复核 Compliance re-scan", "wang.fang", 4, 1, 0, 0, -1, 0 },
	{ 1, "补丁完成 Roll-out complete", "zhang.wei", 0, 0, 1, 0, -1, 0 },
};

static const struct dtask inspection[] = {
	{ 0, "月度例行巡检 Monthly host inspection", 0, 0, 0, 0, 0, -1, 0 },
	{ 1, "主机硬件状态检查 Host hardware health", "wang.fang", 4, 1, 0, 0, -1, 0 },
	{ 1, "磁盘与文件系统容量 Disk and filesystem capacity", "wang.fang", 2, 1, 0, 1, -1, 0 },
	{ 1, "备份作业核对 Backup job review", "li.na", 2, 1, 0, 1, -1, 0 },
	{ 1, "安全基线检查 Security baseline check", "li.na", 4, 1, 0, 0, -1, 0 },
	{ 1, "巡检报告 Inspection report", "wang.fang", 2, 1, 0, 0, -1, 0 },
	{ 1, "巡检完成 Inspection complete", "zhang.wei", 0, 0, 1, 0, -1, 0 },
};

static int
create_project(const struct audit_who *who, struct project *p, const char *code, const char *name,
	       const char *category, const char *desc, const char *status, int start, int finish, int tpl)
{
	static char s[8][11], f[8][11];
	static int k;
	k = (k + 1) % 8;
	cal_iso(start, s[k]);
	cal_iso(finish, f[k]);
	*p = (struct project){ .code = code, .name = name, .description = desc, .category = category,
			       .planned_start = s[k], .planned_finish = f[k], .status = status,
			       .manager = "zhang.wei", .is_template = tpl };
	p->manager_id = db_int("SELECT id FROM users WHERE login = 'zhang.wei'", "");
	p->id = project_create(who, p);
	return p->id < 0 ? -1 : 0;
}

/* A backdated progress update (the demo's history), written like task_progress() does. */
static int
history(const struct audit_who *who, long long task, const char *login, int day, double percent, double hours,
	double remaining, const char *status, const char *note, const char *reason)
{
	char at[21], now[21], d[11], eid[24];
	cal_iso(day, d);
	snprintf(at, sizeof at, "%sT01:30:00Z", d);     /* 09:30 in Shanghai, never after now */
	clock_iso(clock_now(), now);
	if (strcmp(at, now) > 0) memcpy(at, now, sizeof at);
	long long uid = db_int("SELECT id FROM users WHERE login = ?", "s", login);
	int done = !strcmp(status, "done");
	if (db_run("INSERT INTO progress_updates (task_id, user_id, at, percent, hours_spent, remaining_hours, status, note,"
		   " delay_reason) VALUES (?,?,?,?,?,?,?,?,?)", "iisfffsss", task, uid, at, percent, hours, remaining, status,
		   note, reason ? reason : "") != SQLITE_DONE ||
	    db_run("UPDATE tasks SET percent = ?, remaining_hours = ?, status = ?, actual_start = coalesce(actual_start, ?4),"
		   " actual_finish = CASE WHEN ?5 THEN ?4 ELSE NULL END WHERE id = ?6", "ffssdi", percent, remaining, status, d,
		   done, task) != SQLITE_DONE)
		return -1;
	snprintf(eid, sizeof eid, "%lld", task);
	char nv[200];
	snprintf(nv, sizeof nv, "{\"percent\":%g,\"remaining_hours\":%g,\"status\":\"%s\",\"reported\":\"%s\"}", percent,
		 remaining, status, d);
	return audit_append(who, "task.progress", "task", eid, NULL, nv, reason ? reason : "demo history");
}

/* Lays the plan out from start (leaves one after another) and records progress up to today. With
 * link, the layout is also written as links for the scheduler: a leaf after the tasks that end
 * just before it (FS), a parallel leaf with the leaf it starts with (SS). */
static int
fill_plan(const struct audit_who *who, const struct project *p, const struct dtask *ts, int n, int start,
	  const struct calendar *c, int today, int link, struct arena *a)
{
	long long parent = 0, leaf_id[64];
	int leaf_s[64], leaf_f[64], nleaf = 0;
	int cur = cal_add_workdays(c, start, 0), prev_start = cur;
	for (int i = 0; i < n; i++) {
		const struct dtask *d = &ts[i];
		struct task_in t = { d->name, "", d->owner ? d->owner : "", "", "", "", "", "not_started", "", "", NULL, NULL,
				     d->hours, d->days, 0, d->hours, 3, d->milestone, d->level ? parent : 0, "" };
		char *s = arena_alloc(a, 11), *f = arena_alloc(a, 11);
		int ts_day = 0, tf_day = 0;
		if (d->level) {
			ts_day = d->parallel ? prev_start : cur;
			tf_day = d->days > 0 ? cal_finish(c, ts_day, (int)ceil(d->days)) : ts_day;
			cal_iso(ts_day, s);
			cal_iso(tf_day, f);
			t.planned_start = s;
			t.planned_finish = f;
			t.priority = d->milestone ? 2 : d->hours >= 16 ? 2 : 3;
			t.category = d->milestone ? "" : strstr(d->name, "验证") || strstr(d->name, "校验") ? "verification"
				   : strstr(d->name, "方案") || strstr(d->name, "评估") ? "preparation" : "implementation";
		}
		long long id = task_create(who, p, &t, 0);
		if (id < 0) return -1;
		if (!d->level) { parent = id; continue; }
		for (int j = 0; link && j < nleaf; j++) {
			int ss = d->parallel && leaf_s[j] == ts_day;
			if ((ss || (!d->parallel && cal_add_workdays(c, leaf_f[j], 1) == ts_day)) &&
			    db_run("INSERT INTO dependencies (project_id, pred_id, succ_id, type) VALUES (?, ?, ?, ?)", "iiis",
				   p->id, leaf_id[j], id, ss ? "SS" : "FS") != SQLITE_DONE)
				return -1;
			if (ss) break;
		}
		if (nleaf < 64) {
			leaf_id[nleaf] = id;
			leaf_s[nleaf] = ts_day;
			leaf_f[nleaf++] = tf_day;
		}
		prev_start = ts_day;
		if (!d->parallel || tf_day >= cur) cur = cal_add_workdays(c, tf_day, 1);
		/* progress up to today */
		double share = d->done;
		if (share < 0)   /* on schedule: the share of its working days that have passed, today included */
			share = tf_day < today ? 1 : ts_day > today ? 0
			      : (double)cal_workdays_between(c, ts_day, today + 1) / cal_workdays_between(c, ts_day, tf_day + 1);
		if (share >= 1 && tf_day >= today) share = 0.9;   /* due today: not reported done yet */
		const char *who_login = d->owner ? d->owner : "zhang.wei";
		if (share >= 1) {
			if (history(who, id, who_login, ts_day, 50, d->hours / 2, d->hours / 2, "in_progress", "按计划进行 on track", NULL) ||
			    history(who, id, who_login, tf_day, 100, d->hours / 2, 0, "done", "已完成 done", NULL))
				return -1;
		} else if (share > 0 || d->reason) {
			int day = ts_day < today ? ts_day : today;
			double pct = round(share * 100);
			const char *status = d->reason && !strcmp(d->reason, "vendor") ? "blocked" : "in_progress";
			if (history(who, id, who_login, day, pct, d->hours * share, d->hours * (1 - share) + (d->reason ? 8 : 0),
				    status, d->reason ? "等待外部依赖 waiting on a dependency" : "进行中 in progress", d->reason))
				return -1;
		}
	}
	return project_recompute(p->id, a);
}

/* The milestone trend's history (milestone_history, see trend.c), backdated like the progress:
 * each milestone of a demo project had a first date at the project's start, and the reports
 * listed here moved it by some working days (at: the report's offset from today in working days,
 * ascending). The data-centre move slips week after week as the leased lines and the dry run run
 * late; the database upgrade's cutover slips twice; the rest hold. Today's rows (written by the
 * recomputes) go again where they no longer differ from the last report. */
static const struct { const char *project, *milestone; int at, days; } slips[] = {
	{ "DCM-2026", "Wave 1 complete", -17, 2 }, { "DCM-2026", "Wave 2 complete", -17, 2 },
	{ "DCM-2026", "Acceptance", -17, 2 },
	{ "DBM-2026", "Cutover complete", -3, 1 },
	{ "DCM-2026", "Wave 1 complete", -7, 1 }, { "DCM-2026", "Wave 2 complete", -7, 2 },
	{ "DCM-2026", "Acceptance", -7, 2 },
	{ "DCM-2026", "Wave 2 complete", -2, 1 }, { "DCM-2026", "Acceptance", -2, 1 },
	{ "DBM-2026", "Cutover complete", -1, 1 },
};

static int
milestone_history(const struct audit_who *who, const struct calendar *c, int today)
{
	sqlite3_stmt *st = db_q("SELECT t.id, t.project_id, p.code, t.name, t.planned_finish, p.planned_start FROM tasks t"
				" JOIN projects p ON p.id = t.project_id WHERE p.is_template = 0 AND t.milestone = 1"
				" AND t.planned_finish IS NOT NULL ORDER BY t.id", "");
	struct { long long id, project; char code[33], name[200]; int finish, start; } m[32];
	int n = 0;
	while (st && n < 32 && sqlite3_step(st) == SQLITE_ROW) {
		m[n].id = sqlite3_column_int64(st, 0);
		m[n].project = sqlite3_column_int64(st, 1);
		snprintf(m[n].code, sizeof m[n].code, "%s", (const char *)sqlite3_column_text(st, 2));
		snprintf(m[n].name, sizeof m[n].name, "%s", (const char *)sqlite3_column_text(st, 3));
		m[n].finish = cal_day((const char *)sqlite3_column_text(st, 4));
		m[n].start = cal_day((const char *)sqlite3_column_text(st, 5));
		n++;
	}
	if (st) sqlite3_reset(st);
	for (int i = 0; i < n; i++) {
		int total = 0, rows = 0;
		for (size_t k = 0; k < sizeof slips / sizeof *slips; k++)
			if (!strcmp(slips[k].project, m[i].code) && strstr(m[i].name, slips[k].milestone)) total += slips[k].days;
		int v = cal_add_workdays(c, m[i].finish, -total), day = m[i].start;
		for (size_t k = 0; k <= sizeof slips / sizeof *slips; k++) {
			if (k) {
				if (strcmp(slips[k - 1].project, m[i].code) || !strstr(m[i].name, slips[k - 1].milestone)) continue;
				v = cal_add_workdays(c, v, slips[k - 1].days);
				day = cal_add_workdays(c, today, slips[k - 1].at);
			}
			if (day < 0 || day >= today) continue;
			char d[11], f[11];
			cal_iso(day, d);
			cal_iso(v, f);
			if (db_run("INSERT OR REPLACE INTO milestone_history (task_id, day, project_id, finish) VALUES (?,?,?,?)",
				   "isis", m[i].id, d, m[i].project, f) != SQLITE_DONE)
				return -1;
			rows++;
		}
		char eid[24], nv[96];
		snprintf(eid, sizeof eid, "%lld", m[i].id);
		snprintf(nv, sizeof nv, "{\"milestone_history_rows\":%d,\"slip_workdays\":%d}", rows, total);
		if (rows && audit_append(who, "task.milestone_history", "task", eid, NULL, nv, "demo history")) return -1;
	}
	for (int i = 0; i < n; i++)
		if (trend_record(m[i].project, today)) return -1;
	return 0;
}

/* The change windows: every Saturday night's maintenance window for all CIs (22:00 until Sunday
 * 06:00, from eight weeks before today), the year-end freeze (25 December to 3 January) and the
 * 双十一 freeze (10 to 12 November) of today's year. */
static int
demo_windows(const struct audit_who *who, int today)
{
	int sat = today - 56 - (cal_weekday(today) + 1) % 7;   /* weekday 6 = Saturday */
	char d0[11], d1[11], s[17], e[17], ye[32], ys[32], ns[32], ne[32];
	cal_iso(sat, d0);
	cal_iso(sat + 1, d1);
	snprintf(s, sizeof s, "%.10sT22:00", d0);
	snprintf(e, sizeof e, "%.10sT06:00", d1);
	cal_iso(today, d0);
	int y = atoi(d0);
	snprintf(ys, sizeof ys, "%04d-12-25T00:00", y % 10000);
	snprintf(ye, sizeof ye, "%04d-01-04T00:00", (y + 1) % 10000);
	snprintf(ns, sizeof ns, "%04d-11-10T00:00", y % 10000);
	snprintf(ne, sizeof ne, "%04d-11-13T00:00", y % 10000);
	const struct windows_fields w[] = {
		{ "maintenance", "周六夜间维护窗口 Saturday night maintenance", s, e, "weekly", "", "",
		  "全部配置项的例行变更窗口。Routine change window for all CIs." },
		{ "freeze", "年终封网 Year-end freeze", ys, ye, "none", "", "",
		  "12月25日至1月3日，仅允许紧急变更。Emergency changes only." },
		{ "freeze", "双十一封网 Singles' Day (11.11) freeze", ns, ne, "none", "", "",
		  "大促保障期间禁止常规变更。No normal changes during the sales peak." },
	};
	for (size_t i = 0; i < sizeof w / sizeof *w; i++)
		if (windows_create(who, &w[i], 0) < 0) return -1;
	return 0;
}

/* The demo CMDB: a bank data centre's core ledger database on an Oracle RAC pair, the online
 * banking and payment services that depend on it, and the storage and network under them. */
static const struct {
	const char *code, *name, *type, *status, *owner, *description;
} demo_cis[] = {
	{ "STOR-SAN-01", "核心存储阵列 Core SAN array", "storage", "active", "wang.fang", "双控 SAN，RAC 共享盘 Dual-controller SAN, RAC shared disks" },
	{ "NET-CORE-SW-01", "核心交换机 Core switch", "network", "active", "wang.fang", "数据中心核心交换 Data-centre core switching" },
	{ "SRV-RAC-01", "Oracle RAC 节点 1 RAC node 1", "server", "active", "li.na", "" },
	{ "SRV-RAC-02", "Oracle RAC 节点 2 RAC node 2", "server", "active", "li.na", "" },
	{ "DB-CORE-01", "核心账务数据库 Core ledger database", "database", "active", "li.na", "Oracle 19c RAC，双节点 two nodes" },
	{ "SRV-APP-01", "网银应用服务器 Online banking app server", "server", "active", "wang.fang", "" },
	{ "APP-EBANK", "网银应用 Online banking application", "application", "active", "zhang.wei", "" },
	{ "SVC-EBANK", "网上银行服务 Online banking service", "service", "active", "zhang.wei", "面向客户 7×24 Customer-facing, 24×7" },
	{ "SRV-PAYGW-01", "支付网关服务器 Payment gateway server", "server", "active", "wang.fang", "" },
	{ "APP-PAYGW", "支付网关 Payment gateway", "application", "maintenance", "zhang.wei", "对接银联与网联 UnionPay and NetsUnion links" },
	{ "SVC-PAYMENT", "支付服务 Payment service", "service", "active", "zhang.wei", "" },
	{ "SRV-AIX-OLD", "旧账务主机 Old ledger host (AIX)", "server", "retired", "", "2025 年迁移后退役 Retired after the 2025 migration" },
};
static const char *const demo_ci_relations[][3] = {
	{ "SRV-RAC-01", "depends_on", "STOR-SAN-01" }, { "SRV-RAC-02", "depends_on", "STOR-SAN-01" },
	{ "SRV-RAC-01", "depends_on", "NET-CORE-SW-01" }, { "SRV-RAC-02", "depends_on", "NET-CORE-SW-01" },
	{ "DB-CORE-01", "runs_on", "SRV-RAC-01" }, { "DB-CORE-01", "runs_on", "SRV-RAC-02" },
	{ "SRV-APP-01", "depends_on", "NET-CORE-SW-01" }, { "APP-EBANK", "runs_on", "SRV-APP-01" },
	{ "SVC-EBANK", "depends_on", "DB-CORE-01" }, { "SVC-EBANK", "depends_on", "APP-EBANK" },
	{ "SRV-PAYGW-01", "depends_on", "NET-CORE-SW-01" }, { "APP-PAYGW", "runs_on", "SRV-PAYGW-01" },
	{ "APP-PAYGW", "depends_on", "DB-CORE-01" }, { "SVC-PAYMENT", "depends_on", "APP-PAYGW" },
	{ "SVC-EBANK", "depends_on", "SVC-PAYMENT" },
};

static void
demo_ci_err(void *arg, const char *field, const char *key)
{
	fprintf(stderr, "opsplan: demo CI %s: %s %s\n", (const char *)arg, field, key);
}

static int
demo_cmdb(const struct audit_who *who)
{
	struct arena a = {0};
	int rc = -1;
	for (size_t i = 0; i < sizeof demo_cis / sizeof *demo_cis; i++) {
		struct ci ci = { .code = demo_cis[i].code, .name = demo_cis[i].name, .type = demo_cis[i].type,
				 .status = demo_cis[i].status, .owner = demo_cis[i].owner,
				 .description = demo_cis[i].description };
		if (cmdb_check(&ci, 1, demo_ci_err, (void *)ci.code) || cmdb_create(who, &ci, "demo data")) goto out;
	}
	for (size_t i = 0; i < sizeof demo_ci_relations / sizeof *demo_ci_relations; i++) {
		struct ci from;
		long long to_id;
		const char *field, *arg;
		if (cmdb_load(&a, demo_ci_relations[i][0], &from) != 1 ||
		    cmdb_relation_check(&from, demo_ci_relations[i][1], demo_ci_relations[i][2], &to_id, &field, &arg, &a) ||
		    cmdb_relation_add(who, &from, demo_ci_relations[i][1], to_id, demo_ci_relations[i][2]))
			goto out;
	}
	rc = 0;
out:
	arena_reset(&a);
	return rc;
}

static void
demo_chg_err(void *arg, const char *field, const char *key)
{
	fprintf(stderr, "opsplan: demo change %s: %s %s\n", (const char *)arg, field, key);
}

static const char *
demo_form(void *arg, const char *name)
{
	for (const char *const *kv = arg; *kv; kv += 2)
		if (!strcmp(kv[0], name)) return kv[1];
	return "";
}

/* A demo user as the workflow sees it. */
static struct user
demo_user(const char *login)
{
	struct user u = { .login = login, .display_name = "", .email = "", .phone = "", .lang = "", .active = 1 };
	u.id = db_int("SELECT id FROM users WHERE login = ?", "s", login);
	sqlite3_stmt *st = db_q("SELECT role FROM user_roles WHERE user_id = ?", "i", u.id);
	while (st && sqlite3_step(st) == SQLITE_ROW) u.roles |= role_bit((const char *)sqlite3_column_text(st, 0));
	if (st) sqlite3_reset(st);
	return u;
}

/* Raises a demo RFC as requester; answers NULL for a standard change. 0 or -1. */
static int
demo_rfc(const struct audit_who *who, struct arena *a, struct change *c, const char *requester, const int *answers)
{
	c->requester = requester;
	c->requester_id = db_int("SELECT id FROM users WHERE login = ?", "s", requester);
	if (answers) memcpy(c->answers, answers, sizeof c->answers);
	if (change_check(c, demo_chg_err, (void *)c->title, a)) return -1;
	struct audit_who w = *who;
	return change_create(&w, c, a);
}

static int
demo_step(const struct audit_who *who, struct arena *a, const char *number, const char *login, const char *to,
	  const char *const *form)
{
	struct change c;
	struct user u = demo_user(login);
	const char *key;
	static const char *const none[] = { NULL };
	if (change_load(a, number, &c) != 1) return -1;
	int rc = transition_take(who, &u, &c, to, demo_form, (void *)(form ? form : none), demo_chg_err, (void *)number, a, &key);
	if (rc) fprintf(stderr, "opsplan: demo change %s → %s: %d %s\n", number, to, rc, key);
	return rc ? -1 : 0;
}

/* login's decision "approved" with comment on number's current approval step, when the engine
 * lets them decide now (nothing when it does not: the step is not theirs or nothing is due). */
static int
demo_decide(const struct audit_who *who, struct arena *a, const char *number, const char *login, const char *comment)
{
	struct change c;
	if (change_load(a, number, &c) != 1) return -1;
	if (strcmp(c.state, "assess") && strcmp(c.state, "authorize")) return 0;
	struct conflict_result cr;
	int ck = conflict_check(a, &c, &cr);
	if (ck < 0) return -1;
	char today[11];   /* the local day: delegations and policies are in local days */
	cal_iso(plan_today(), today);
	struct approvals_plan r;
	long long ob = 0, uid = db_int("SELECT id FROM users WHERE login = ?", "s", login);
	if (approvals_plan_load(a, &c, ck == 0 && cr.freeze, today, &r)) return -1;
	if (approvals_may(&r, uid, today, &ob) != APPROVAL_OK) return 0;
	struct buf js = {0};
	conflict_json(&js, ck == 0 ? cr.f : NULL, ck == 0 ? cr.n : 0);
	const char *state, *missing;
	int rc = decide_apply(who, &c, uid, ob, &r, "approved", comment, buf_str(&js), a, &state, &missing);
	buf_free(&js);
	return rc;
}

/* The demo RFCs: a normal change to the core ledger database waiting in assess, the monthly OS
 * patch (a standard change) scheduled for this week's Saturday night maintenance window, and an
 * emergency fix of the payment gateway, implemented with a log, reviewed and closed. The
 * standard change it uses is recorded here as approved by the administrator. */
static int
demo_changes(const struct audit_who *who, int today)
{
	struct arena a = {0};
	int rc = -1;
	char d0[11], d1[11], ps[17], pe[17];
	long long admin = db_int("SELECT id FROM users WHERE login = 'admin'", "");
	/* the catalogue: approved by the administrator through the handler's own function */
	static const struct stdchg stds[] = {
		{ .code = "STD-OS-PATCH", .name = "操作系统月度安全补丁 Monthly OS security patching", .category = "os",
		  .description = "按厂商公告安装已验证的安全补丁。Vendor security patches, verified in test.",
		  .implementation_plan = "1. 摘除节点 Drain the node 2. 安装补丁 Install patches 3. 重启 Reboot 4. 加回节点 Rejoin",
		  .test_plan = "检查服务与日志 Check services and logs", .backout_plan = "卸载补丁并重启 Remove the patches and reboot",
		  .risk_level = "low" },
		{ .code = "STD-OS-PATCH-NC", .name = "非核心服务器月度补丁 Monthly OS patch of a non-core server", .category = "os",
		  .description = "非核心（无客户交易）服务器的月度补丁，单台进行。Monthly patching of one non-core server (no customer transactions).",
		  .implementation_plan = "1. 快照 Snapshot 2. 安装补丁 Install patches 3. 重启 Reboot",
		  .test_plan = "检查监控与应用健康检查 Check monitoring and the application health check",
		  .backout_plan = "回滚到快照 Revert to the snapshot", .risk_level = "low" },
		{ .code = "STD-SSL-RENEW", .name = "SSL 证书续期 SSL certificate renewal", .category = "security",
		  .description = "到期前 30 天内替换同一 CA 签发的证书。Replace a certificate with one from the same CA within 30 days of expiry.",
		  .implementation_plan = "1. 生成 CSR Generate the CSR 2. 部署新证书与链 Deploy the certificate and chain 3. 重载 Reload",
		  .test_plan = "openssl s_client 校验证书链与到期日 Check the chain and expiry with openssl s_client",
		  .backout_plan = "恢复旧证书并重载 Restore the old certificate and reload", .risk_level = "medium" },
	};
	for (size_t i = 0; i < sizeof stds / sizeof *stds; i++) {
		struct stdchg sc = stds[i];
		if (standard_check(&sc, 1, demo_chg_err, (void *)sc.code) || standard_create(who, &sc, admin, "demo data")) goto out;
	}
	static const char *empty[6] = { "", "", "", "", "", "" };
	/* 1. normal, in assess */
	static const char *db_cis[] = { "DB-CORE-01" };
	static const int db_answers[RISK_NQ] = { 4, 4, 3, 2, 2, 3 };
	struct change n = { .title = "核心账务库 Oracle 19c 参数调优 Core ledger database parameter tuning", .type = "normal",
			 .standard = "", .category = "database", .state = "", .close_code = "",
			 .description = "调整 SGA 与并行参数以缩短日终批处理时间。Tune SGA and parallelism for a shorter end-of-day batch.",
			 .reason = "日终批处理已接近窗口上限。The end-of-day batch is close to its window.",
			 .implementation_plan = "滚动重启 RAC 两个节点。Rolling restart of both RAC nodes.",
			 .test_plan = "在 UAT 库回放一周批处理。Replay a week of batches on UAT.",
			 .backout_plan = "恢复原 spfile 并滚动重启。Restore the old spfile, rolling restart.",
			 .implementer = "li.na", .project = "DBM-2026", .planned_start = "", .planned_end = "", .outage = 0,
			 .cis = db_cis, .ncis = 1, .tasks = NULL, .ntasks = 0 };
	memcpy(n.impact, empty, sizeof n.impact);
	n.impact[0] = "网上银行与支付服务依赖此库。Online banking and payments depend on it.";
	if (demo_rfc(who, &a, &n, "li.na", db_answers) || demo_step(who, &a, n.number, "li.na", "assess", NULL)) goto out;
	/* 2. standard OS patch, scheduled for Saturday night */
	int sat = today + (6 - cal_weekday(today) + 7) % 7;
	cal_iso(sat, d0);
	cal_iso(sat + 1, d1);
	snprintf(ps, sizeof ps, "%.10sT22:00", d0);
	snprintf(pe, sizeof pe, "%.10sT02:00", d1);
	static const char *app_cis[] = { "SRV-APP-01", "SRV-PAYGW-01" };
	struct change s = { .title = "应用服务器月度补丁 Monthly patching of the application servers", .type = "standard",
			 .standard = "STD-OS-PATCH", .category = "", .state = "", .close_code = "", .description = "",
			 .reason = "厂商安全公告。Vendor security advisories.", .implementation_plan = "", .test_plan = "",
			 .backout_plan = "", .implementer = "wang.fang", .project = "", .planned_start = ps, .planned_end = pe,
			 .outage = 0, .cis = app_cis, .ncis = 2 };
	memcpy(s.impact, empty, sizeof s.impact);
	if (demo_rfc(who, &a, &s, "wang.fang", NULL) || demo_step(who, &a, s.number, "wang.fang", "scheduled", NULL))
		goto out;
	/* 3. emergency, closed with a log; planned from now for two hours */
	char es[17], ee[17];
	change_now_local(es);
	win_format(win_parse(es) + 120, ee);
	static const char *pay_cis[] = { "APP-PAYGW" };
	static const int pay_answers[RISK_NQ] = { 4, 4, 2, 3, 2, 2 };
	struct change e = { .title = "支付网关证书过期紧急更换 Emergency renewal of the expired payment gateway certificate",
			 .type = "emergency", .standard = "", .category = "security", .state = "", .close_code = "",
			 .description = "网联通道 TLS 证书已过期，交易失败。The NetsUnion TLS certificate expired; payments fail.",
			 .reason = "恢复支付交易。Restore payments.", .implementation_plan = "替换证书并重载网关。Replace the certificate, reload the gateway.",
			 .test_plan = "发起一笔 0.01 元测试交易。A 0.01 CNY test payment.", .backout_plan = "恢复旧证书。Restore the old certificate.",
			 .implementer = "li.na", .project = "", .planned_start = es, .planned_end = ee, .outage = 1,
			 .cis = pay_cis, .ncis = 1 };
	memcpy(e.impact, empty, sizeof e.impact);
	e.impact[0] = "支付服务中断。The payment service is down.";
	if (demo_rfc(who, &a, &e, "zhang.wei", pay_answers) || demo_step(who, &a, e.number, "zhang.wei", "authorize", NULL))
		goto out;
	/* the emergency approval on the bridge call, through the engine: chen.jie, the emergency
	 * approver, and (when the window falls in a freeze) the freeze override's approver */
	if (demo_decide(who, &a, e.number, "chen.jie", "电话会议批准 Approved on the bridge call") ||
	    demo_decide(who, &a, e.number, "admin", "封网期例外批准 Freeze exception approved"))
		goto out;
	if (demo_step(who, &a, e.number, "li.na", "implement", NULL)) goto out;
	struct change cur;
	struct user li = demo_user("li.na");
	static const char *const entries[] = { "已从 CA 获取新证书。New certificate obtained from the CA.",
					       "证书已替换，网关已重载。Certificate replaced, gateway reloaded.",
					       "测试交易成功。Test payment succeeded." };
	if (change_load(&a, e.number, &cur) != 1) goto out;
	for (int i = 0; i < 3; i++)
		if (transition_log(who, &li, &cur, entries[i], demo_chg_err, (void *)e.number)) goto out;
	char end[17];
	change_now_local(end);
	const char *const review[] = { "actual_end", end, "verification_result", "测试交易与实时交易均成功。Test and live payments succeed.",
				       "close_code", "successful", NULL };
	const char *const close[] = { "close_code", "successful", "review_outcome", "证书更换有效，交易恢复。The renewal worked; payments are back.",
				      "review_lessons", "证书到期监控加入告警。Certificate expiry added to monitoring.", NULL };
	if (demo_step(who, &a, e.number, "li.na", "review", review) ||
	    demo_step(who, &a, e.number, "zhang.wei", "closed", close))
		goto out;
	rc = 0;
out:
	arena_reset(&a);
	return rc;
}

/* The approval policies of the demo: normal low (one step, any of chen.jie or zhang.wei);
 * normal medium and high (technical review by either, then the CAB: 2 of chen.jie, zhang.wei,
 * admin); normal very_high (the CAB, all three); emergency of any risk (the emergency approver
 * chen.jie); the freeze override (admin). */
static void
demo_apol_err(void *arg, const char *field, const char *key, const char *msg_arg)
{
	fprintf(stderr, "opsplan: demo policy %s: %s %s %s\n", (const char *)arg, field, key, msg_arg);
}

static int
demo_approvals(const struct audit_who *who)
{
	static const char *const tech[] = { "zhang.wei", "chen.jie" }, *const cab[] = { "chen.jie", "zhang.wei", "admin" };
	static const char *const low[] = { "chen.jie", "zhang.wei" }, *const emerg[] = { "chen.jie" }, *const adm[] = { "admin" };
	static const struct {
		const char *name, *kind, *type, *risk;
		struct approvalpolicy_step_in steps[2];
		int nsteps;
	} pol[] = {
		{ "常规变更·低风险 Normal, low risk", "change", "normal", "low",
		  { { 1, "技术审核 Technical review", "any", "", low, 2 } }, 1 },
		{ "常规变更·中风险 Normal, medium risk", "change", "normal", "medium",
		  { { 1, "技术审核 Technical review", "any", "", tech, 2 }, { 2, "变更咨询委员会 CAB", "n", "2", cab, 3 } }, 2 },
		{ "常规变更·高风险 Normal, high risk", "change", "normal", "high",
		  { { 1, "技术审核 Technical review", "any", "", tech, 2 }, { 2, "变更咨询委员会 CAB", "n", "2", cab, 3 } }, 2 },
		{ "常规变更·极高风险 Normal, very high risk", "change", "normal", "very_high",
		  { { 1, "变更咨询委员会（全体）CAB, all members", "all", "", cab, 3 } }, 1 },
		{ "紧急变更 Emergency change", "change", "emergency", "*",
		  { { 1, "紧急变更审批人 Emergency approver", "any", "", emerg, 1 } }, 1 },
		{ "封网期例外 Freeze override", "freeze_override", "*", "*",
		  { { 1, "管理员批准 Administrator", "any", "", adm, 1 } }, 1 },
	};
	for (size_t i = 0; i < sizeof pol / sizeof *pol; i++) {
		struct apol p = { 0, pol[i].name, pol[i].kind, pol[i].type, pol[i].risk, 1 };
		if (approvalpolicy_check(&p, demo_apol_err, (void *)p.name)) return -1;
		long long id = approvalpolicy_create(who, &p);
		if (id < 0) return -1;
		for (int k = 0; k < pol[i].nsteps; k++) {
			long long ids[3];
			int nids, n;
			const struct approvalpolicy_step_in *st = &pol[i].steps[k];
			if (approvalpolicy_step_check(id, st, ids, &nids, &n, demo_apol_err, (void *)p.name) ||
			    approvalpolicy_step_save(who, id, st, ids, nids, n))
				return -1;
		}
	}
	return 0;
}

static int
demo_fill(void)
{
	struct audit_who who = { "system", "", "demo" };
	struct arena a = {0};
	if (db_begin() != SQLITE_OK) {
		fprintf(stderr, "opsplan: database busy: %s\n", db_errmsg());
		return -1;
	}
	for (size_t i = 0; i < sizeof people / sizeof *people; i++)
		if (user_create(&who, "user.create", people[i].login, people[i].name, people[i].email,
				people[i].phone, people[i].lang, people[i].roles, "demo data"))
			goto fail;
	const struct calendar *c = plan_calendar(&a);
	int today = plan_today();
	struct project dc, dbm, patch, tpl;
	/* late: started six weeks ago, the leased lines and the dry run slipped */
	if (create_project(&who, &dc, "DCM-2026", "数据中心搬迁（亦庄→临港） Data-centre move", "dc_move",
			   "两批搬迁：先非核心系统，后核心系统。Two waves: non-core systems first, then core.", "active",
			   cal_add_workdays(c, today, -22), cal_add_workdays(c, today, 14), 0) ||
	    fill_plan(&who, &dc, dc_move, (int)(sizeof dc_move / sizeof *dc_move), cal_add_workdays(c, today, -22), c, today,
		      0, &a))
		goto fail;
	/* at risk: the data migration needs more hours than are left */
	if (create_project(&who, &dbm, "DBM-2026", "核心账务库升级 Oracle 11g→19c Core ledger database upgrade",
			   "migration", "", "active", cal_add_workdays(c, today, -6), cal_add_workdays(c, today, 12), 0) ||
	    fill_plan(&who, &dbm, db_migration, (int)(sizeof db_migration / sizeof *db_migration),
		      cal_add_workdays(c, today, -6), c, today, 0, &a))
		goto fail;
	/* on track */
	if (create_project(&who, &patch, "PATCH-2026-11", "11月安全补丁批量升级 November security patch roll-out",
			   "patching", "", "active", cal_add_workdays(c, today, -2), cal_add_workdays(c, today, 8), 0) ||
	    fill_plan(&who, &patch, patching, (int)(sizeof patching / sizeof *patching), cal_add_workdays(c, today, -2), c,
		      today, 1, &a))
		goto fail;
	/* the recurring monthly inspection: template, rule, and this month's instance */
	int t0 = cal_day("2026-01-05");
	if (create_project(&who, &tpl, "TPL-INSPECT", "月度例行巡检模板 Monthly host inspection template", "inspection",
			   "每月第一个工作日开始。Starts on the first working day of each month.", "planning", t0,
			   cal_finish(c, t0, 4), 1) ||
	    fill_plan(&who, &tpl, inspection, (int)(sizeof inspection / sizeof *inspection), t0, c, t0 - 1, 1, &a))
		goto fail;
	char now[21];
	clock_iso(clock_now(), now);
	if (db_run("INSERT INTO recurrences (template_id, rule, code_prefix, name, manager_id, created_at)"
		   " VALUES (?, 'monthly-first-workday', 'INS', '月度例行巡检 Monthly host inspection', ?, ?)", "iis", tpl.id,
		   tpl.manager_id, now) != SQLITE_DONE ||
	    audit_append(&who, "recurrence.create", "recurrence", "1", NULL,
			 "{\"template\":\"TPL-INSPECT\",\"rule\":\"monthly-first-workday\",\"code_prefix\":\"INS\"}", "demo data"))
		goto fail;
	int first = cal_first_workday_of_month(c, today);
	char period[11], code[32], name[120];
	cal_iso(first, period);
	snprintf(code, sizeof code, "INS-%.4s%.2s%.2s", period, period + 5, period + 8);
	snprintf(name, sizeof name, "月度例行巡检 Monthly host inspection %s", period);
	struct project ins = { .code = code, .name = name, .manager = "zhang.wei", .manager_id = tpl.manager_id,
			       .status = "active" };
	long long iid = templates_instantiate(&who, &tpl, &ins, first, c, &a);
	if (iid < 0 || db_run("INSERT INTO recurrence_instances (recurrence_id, period, project_id) VALUES (1, ?, ?)", "si",
			      period, iid) != SQLITE_DONE)
		goto fail;
	/* the inspection ran on its first days: mark what was done */
	sqlite3_stmt *st = db_q("SELECT id, planned_finish, coalesce((SELECT login FROM users WHERE id = owner_id), 'zhang.wei'),"
				" estimate_hours FROM tasks WHERE project_id = ? AND is_summary = 0 ORDER BY seq", "i", iid);
	long long ids[16];
	int fins[16], n = 0;
	char owners[16][65];
	double hrs[16];
	while (st && n < 16 && sqlite3_step(st) == SQLITE_ROW) {
		ids[n] = sqlite3_column_int64(st, 0);
		fins[n] = cal_day((const char *)sqlite3_column_text(st, 1));
		snprintf(owners[n], sizeof owners[n], "%s", (const char *)sqlite3_column_text(st, 2));
		hrs[n] = sqlite3_column_double(st, 3);
		n++;
	}
	if (st) sqlite3_reset(st);
	for (int i = 0; i < n; i++)
		if (fins[i] < today && history(&who, ids[i], owners[i], fins[i], 100, hrs[i], 0, "done", "已完成 done", NULL))
			goto fail;
	if (demo_cmdb(&who) || demo_approvals(&who)) goto fail;
	if (project_recompute(iid, &a) || milestone_history(&who, c, today) || demo_windows(&who, today) ||
	    demo_changes(&who, today) ||
	    db_commit() != SQLITE_OK)
		goto fail;
	arena_reset(&a);
	return 0;
fail:
	fprintf(stderr, "opsplan: demo data not written: %s\n", db_errmsg());
	db_rollback();
	arena_reset(&a);
	return -1;
}

int
cli_demo(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) return cli_usage("usage: opsplan demo");
	if (cli_init_db()) return 1;
	if (db_int("SELECT count(*) FROM users", "") > 0) {
		fprintf(stderr, "opsplan: %s already has users; the demo needs a new database\n", cfg.db);
		db_close();
		return 1;
	}
	int rc = demo_fill();
	db_close();
	if (rc) return 1;
	printf("opsplan: demo database %s ready\n", cfg.db);
	return 0;
}
