#!/usr/bin/env python3
"""test_standard.py - the standard change catalogue (/changes/standard: list with retired ones
marked, new, view and edit, retire and reactivate; saving approves, an edit needs a reason, every
write audited with entity "standard"; retired ones not offered on the RFC form and refused by it)
and the follow-up tasks of a post-implementation review (a real task in a project, linked in
change_followups, audited on the change and the task, shown on both pages; refused outside review,
without a title or project, or in a project the user does not manage). One basic-mode stack
(harness.py: real nginx + "opsplan serve" + the demo database).

    python3 tests/web/test_standard.py [-k SUBSTRING] [-v]
"""

import json
import os
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Stack, CAT, expect, short, location, xml_root, errors_of, db_all, db_one, with_xml, post, unchanged, html_page_ok, logs_clean, msg_part, refused, refused_status  # noqa: E402

CHECKS = harness.Checks()
ADMIN, MANAGER, ENGINEER, ENGINEER2, APPROVER, AUDITOR = 'admin', 'zhang.wei', 'li.na', 'wang.fang', 'chen.jie', 'auditor'
RISK = {'risk_services': '3', 'risk_users': '2', 'risk_outage': '2', 'risk_tested': '2', 'risk_backout': '1',
        'risk_done_before': '2'}


# ---------------------------------------------------------------------------------------------
# helpers

def get_xml(s, path, user, status=200):
    st, h, b = s.request('GET', with_xml(path), user=user)
    expect(st == status, 'GET %s?format=xml as %s: %d, want %d: %s' % (path, user, st, status, short(b)))
    return xml_root(b, path)


def std_fields(**kw):
    f = {'code': 'STD-DISK-ADD', 'name': '虚拟机扩容磁盘 Add a disk to a VM', 'category': 'hardware',
         'description': '在线扩容。Online extension.', 'implementation_plan': '1. 添加磁盘 Add the disk 2. 扩展文件系统 Grow the fs',
         'test_plan': 'df -h 检查 Check with df -h', 'backout_plan': '不需要 Not needed: data untouched',
         'risk_level': 'low'}
    f.update(kw)
    return f


def create_std(s, user=MANAGER, **kw):
    st, h, b = post(s, '/changes/standard', user, std_fields(**kw))
    expect(st == 303, 'create standard as %s: %d %s' % (user, st, short(b)))
    m = re.match(r'^/changes/standard/(\d+)\?flash=created$', location(h) or '')
    expect(m, 'redirect %r' % location(h))
    return int(m.group(1))


def last_audit(s, action, entity_id, entity='standard'):
    r = db_all(s, 'SELECT actor, old_value, new_value, reason FROM audit_log WHERE action = ? AND entity = ?'
                  ' AND entity_id = ? ORDER BY id DESC LIMIT 1', action, entity, entity_id)
    expect(r, 'no audit record %s for %s %s' % (action, entity, entity_id))
    a, o, n, why = r[0]
    return a, json.loads(o) if o else None, json.loads(n) if n else None, why


def rfc(**kw):
    f = {'title': '后续任务测试 Follow-up test', 'type': 'standard', 'standard': 'STD-OS-PATCH', 'category': '',
         'cis': 'SRV-APP-01', 'implementer': ENGINEER2, 'planned_start': '2027-02-06T22:00',
         'planned_end': '2027-02-07T02:00', 'project': 'DBM-2026'}
    f.update(kw)
    return f


def create_rfc(s, user=ENGINEER, **kw):
    st, h, b = post(s, '/changes', user, rfc(**kw))
    expect(st == 303, 'RFC as %s: %d %s' % (user, st, short(b, 400)))
    m = re.match(r'^/changes/(CHG-\d{4}-\d{4})\?flash=created$', location(h) or '')
    expect(m, 'redirect %r' % location(h))
    return m.group(1)


def step_ok(s, number, user, to, **fields):
    f = dict(fields)
    f['to'] = to
    st, h, b = post(s, '/changes/%s/transition' % number, user, f)
    expect(st == 303, '%s → %s as %s: %d %s' % (number, to, user, st, short(b, 400)))


def std_id(s, code):
    return db_one(s, 'SELECT id FROM standard_changes WHERE code = ?', code)


def offered(s):
    r = get_xml(s, '/changes/new', ENGINEER)
    return [e.get('code') for e in r.findall('standards/standard')]


# ---------------------------------------------------------------------------------------------
# the catalogue

def t_demo(s):
    rows = db_all(s, 'SELECT s.code, s.risk_level, u.login, s.active FROM standard_changes s JOIN users u'
                     ' ON u.id = s.approved_by ORDER BY s.code')
    expect([r[0] for r in rows] == ['STD-OS-PATCH', 'STD-OS-PATCH-NC', 'STD-SSL-RENEW'], 'demo standards %r' % rows)
    expect(all(r[2] == ADMIN and r[3] == 1 for r in rows), 'demo approvers %r' % rows)
    for code in ('STD-OS-PATCH', 'STD-OS-PATCH-NC', 'STD-SSL-RENEW'):
        a, o, nv, why = last_audit(s, 'standard.create', code)
        expect(o is None and nv['code'] == code and nv['approved_by'] == ADMIN, 'demo audit %s %r' % (code, nv))


def t_list(s):
    for user in (ADMIN, MANAGER, ENGINEER, APPROVER, AUDITOR):
        r = get_xml(s, '/changes/standard', user)
        codes = [e.get('code') for e in r.findall('standards/standard')]
        expect('STD-SSL-RENEW' in codes, 'list as %s: %r' % (user, codes))
        expect(r.find('can').get('create') == ('1' if user in (ADMIN, MANAGER) else '0'), 'can create as %s' % user)
    st, h, b = s.request('GET', '/changes', user=AUDITOR)
    expect(st == 200 and 'href="/changes/standard"' in b.decode('utf-8'), 'no link from the changes list')


def t_create(s):
    before = db_one(s, 'SELECT count(*) FROM standard_changes')
    i = create_std(s)
    r = db_all(s, 'SELECT s.code, s.name, s.category, s.risk_level, u.login, s.approved_at, s.active, s.test_plan'
                  ' FROM standard_changes s JOIN users u ON u.id = s.approved_by WHERE s.id = ?', i)[0]
    expect(r[0] == 'STD-DISK-ADD' and r[2] == 'hardware' and r[3] == 'low' and r[4] == MANAGER and r[5]
           and r[6] == 1 and r[7].startswith('df'), 'stored %r' % (r,))
    expect(db_one(s, 'SELECT count(*) FROM standard_changes') == before + 1, 'count')
    a, o, nv, why = last_audit(s, 'standard.create', 'STD-DISK-ADD')
    expect(a == MANAGER and o is None and nv['approved_by'] == MANAGER and nv['approved_at'] == r[5]
           and nv['backout_plan'].startswith('不需要') and nv['active'] == 1, 'create audit %r' % nv)
    x = get_xml(s, '/changes/standard/%d' % i, AUDITOR)
    e = x.find('standard')
    expect(e.get('code') == 'STD-DISK-ADD' and e.get('approved-by') == MANAGER and e.get('active') == '1',
           'page model %r' % e.attrib)
    expect([h.get('action') for h in e.findall('history/record')] == ['standard.create'], 'history')
    expect(x.find('can').get('edit') == '0' and x.find('standard-form') is None, 'auditor gets an edit form')
    st, h, b = s.request('GET', '/changes/standard/999999', user=AUDITOR)
    expect(st == 404, 'unknown id: %d' % st)
    st, h, b = s.request('GET', '/changes/standard/x1', user=AUDITOR)
    expect(st == 404, 'bad id: %d' % st)


def t_create_refused(s):
    p = '/changes/standard'
    refused(s, p, ADMIN, std_fields(code='std bad'), 'code', 'std.error.code', 'bad code')
    refused(s, p, ADMIN, std_fields(code='X'), 'code', 'std.error.code', 'short code')
    refused(s, p, ADMIN, std_fields(code='STD-OS-PATCH'), 'code', 'std.error.code_taken', 'taken code')
    refused(s, p, ADMIN, std_fields(code='STD-NEW-1', name=''), 'name', 'std.error.name', 'no name')
    refused(s, p, ADMIN, std_fields(code='STD-NEW-1', category='nope'), 'category', 'chg.error.category', 'bad category')
    refused(s, p, ADMIN, std_fields(code='STD-NEW-1', risk_level='high'), 'risk_level', 'std.error.risk_level',
            'high risk')
    refused(s, p, ADMIN, std_fields(code='STD-NEW-1', test_plan=''), 'test_plan', 'std.error.plan_required', 'no test plan')
    refused(s, p, ADMIN, std_fields(code='STD-NEW-1', backout_plan=''), 'backout_plan', 'std.error.plan_required',
            'no back-out plan')
    refused(s, p, ADMIN, std_fields(code='STD-NEW-1', description='x' * 8001), 'description', 'error.field_too_long',
            'long description')
    for user in (ENGINEER, APPROVER, AUDITOR):
        refused_status(s, p, user, std_fields(code='STD-NEW-2'), 403, 'create')
        st, h, b = s.request('GET', '/changes/standard/new', user=user)
        expect(st == 403, 'new form as %s: %d' % (user, st))


def t_edit(s):
    i = std_id(s, 'STD-DISK-ADD')
    p = '/changes/standard/%d' % i
    new = std_fields(name='虚拟机扩容磁盘（LVM）Add a disk to a VM (LVM)', risk_level='medium', code='IGNORED')
    refused(s, p, ADMIN, new, 'reason', 'std.error.reason', 'edit without reason')
    refused(s, p, ADMIN, dict(new, reason='x', name=''), 'name', 'std.error.name', 'edit without name')
    for user in (ENGINEER, AUDITOR):
        refused_status(s, p, user, dict(new, reason='x'), 403, 'edit')
    old_at = db_one(s, 'SELECT approved_at FROM standard_changes WHERE id = ?', i)
    st, h, b = post(s, p, ADMIN, dict(new, reason='改用 LVM 步骤 LVM steps'))
    expect(st == 303 and location(h) == p + '?flash=saved', 'edit: %d %s' % (st, short(b)))
    r = db_all(s, 'SELECT s.code, s.name, s.risk_level, u.login, s.approved_at FROM standard_changes s'
                  ' JOIN users u ON u.id = s.approved_by WHERE s.id = ?', i)[0]
    expect(r[0] == 'STD-DISK-ADD' and '(LVM)' in r[1] and r[2] == 'medium' and r[3] == ADMIN and r[4] >= old_at,
           'edited %r' % (r,))
    a, o, nv, why = last_audit(s, 'standard.update', 'STD-DISK-ADD')
    expect(a == ADMIN and why == '改用 LVM 步骤 LVM steps' and o['approved_by'] == MANAGER and nv['approved_by'] == ADMIN
           and o['risk_level'] == 'low' and nv['risk_level'] == 'medium' and nv['code'] == 'STD-DISK-ADD', 'update audit %r %r' % (o, nv))
    x = get_xml(s, p, MANAGER)
    expect(x.find('standard-form').get('risk-level') == 'medium' and x.find('can').get('edit') == '1', 'edit form model')
    expect([h.get('action') for h in x.findall('standard/history/record')] == ['standard.update', 'standard.create'],
           'history after edit')


def t_retire(s):
    i = std_id(s, 'STD-DISK-ADD')
    p = '/changes/standard/%d' % i
    expect('STD-DISK-ADD' in offered(s), 'an active standard is not offered on the RFC form')
    # an RFC made from it copies its plans and shows on its page
    n = create_rfc(s, standard='STD-DISK-ADD', implementation_plan='', test_plan='', backout_plan='')
    r = db_all(s, 'SELECT category, risk_level, implementation_plan, backout_plan FROM changes WHERE number = ?', n)[0]
    expect(r[0] == 'hardware' and r[1] == 'medium' and r[2].startswith('1. ') and r[3].startswith('不需要'),
           'RFC from the new standard %r' % (r,))
    x = get_xml(s, p, AUDITOR)
    expect([c.get('number') for c in x.findall('standard/changes/change')] == [n], 'changes made from it')
    st, h, b = s.request('GET', p, user=AUDITOR)
    expect('href="/changes/%s"' % n in b.decode('utf-8'), 'no link to the change')
    refused_status(s, p + '/retire', ENGINEER, {}, 403, 'engineer retires')
    st, h, b = post(s, p + '/retire', MANAGER, {'reason': '改用自动化 automated now'})
    expect(st == 303, 'retire: %d %s' % (st, short(b)))
    expect(db_one(s, 'SELECT active FROM standard_changes WHERE id = ?', i) == 0, 'not retired')
    a, o, nv, why = last_audit(s, 'standard.retire', 'STD-DISK-ADD')
    expect(a == MANAGER and o['active'] == 1 and nv['active'] == 0 and why.startswith('改用'), 'retire audit')
    refused_status(s, p + '/retire', MANAGER, {}, 409, 'retire twice')
    expect('STD-DISK-ADD' not in offered(s), 'a retired standard is offered on the RFC form')
    before = s.db_snapshot()
    st, h, b = post(s, '/changes', ENGINEER, rfc(standard='STD-DISK-ADD', **RISK), xml=True)
    expect(st == 400 and ('standard', 'chg.error.standard') in errors_of(xml_root(b)), 'RFC naming a retired one: %d' % st)
    unchanged(s, before, 'RFC naming a retired standard')
    # still listed, marked retired; still readable, with the change made from it
    lst = get_xml(s, '/changes/standard', AUDITOR).findall('standards/standard')
    mine = [e for e in lst if e.get('code') == 'STD-DISK-ADD']
    expect(mine and mine[0].get('active') == '0' and mine[0].get('uses') == '1', 'list entry %r' % [e.attrib for e in mine])
    expect(lst[-1].get('code') == 'STD-DISK-ADD', 'retired ones come last')
    st, h, b = s.request('GET', '/changes/standard', user=AUDITOR)
    expect(msg_part('zh-CN', 'std.retired') in b.decode('utf-8'), 'retired not marked on the list page')
    st, h, b = post(s, p + '/reactivate', ADMIN, {})
    expect(st == 303 and db_one(s, 'SELECT active FROM standard_changes WHERE id = ?', i) == 1, 'reactivate: %d' % st)
    last_audit(s, 'standard.reactivate', 'STD-DISK-ADD')
    expect('STD-DISK-ADD' in offered(s), 'reactivated but not offered')
    expect(db_one(s, "SELECT count(*) FROM audit_log WHERE entity = 'standard' AND entity_id = 'STD-DISK-ADD'") == 4,
           'audit records of the standard')


# ---------------------------------------------------------------------------------------------
# follow-up tasks

def in_review(s):
    n = create_rfc(s)
    step_ok(s, n, ENGINEER, 'scheduled')
    step_ok(s, n, ENGINEER2, 'implement')
    now = get_xml(s, '/changes/' + n, ADMIN).find('step-form').get('now')
    step_ok(s, n, ENGINEER2, 'review', actual_end=now, verification_result='正常 fine')
    return n, now[:10]


def t_followup(s):
    n, today = in_review(s)
    p = '/changes/%s/followups' % n
    x = get_xml(s, '/changes/' + n, ADMIN)
    f = x.find('followup-form')
    expect(x.find('can').get('followup') == '1' and f is not None and f.get('project') == 'DBM-2026',
           'follow-up form with the change\'s project')
    expect(get_xml(s, '/changes/' + n, APPROVER).find('followup-form') is None, 'a non-participant gets the form')
    due = '%d%s' % (int(today[:4]) + 1, today[4:])
    good = {'title': '补充补丁回归脚本 Add a patch regression script', 'project': 'DBM-2026', 'owner': ENGINEER2, 'due': due}
    # refusals: nothing stored
    refused(s, p, ADMIN, dict(good, title=''), 'title', 'error.name', 'follow-up without a title')
    refused(s, p, ADMIN, dict(good, project=''), 'project', 'chgf.error.project', 'follow-up without a project')
    refused(s, p, ADMIN, dict(good, project='NOPE-1'), 'project', 'chg.error.project', 'follow-up in an unknown project')
    refused(s, p, ADMIN, dict(good, owner='nobody.here'), 'owner', 'error.owner', 'follow-up with an unknown owner')
    refused(s, p, ADMIN, dict(good, due='2000-01-01'), 'due', 'chgf.error.due', 'follow-up due in the past')
    refused(s, p, ADMIN, dict(good, due='soon'), 'due', 'error.date', 'follow-up with a bad date')
    refused_status(s, p, APPROVER, good, 403, 'a non-participant adds a follow-up')
    refused_status(s, p, AUDITOR, good, 403, 'an auditor adds a follow-up')
    mgr = db_one(s, 'SELECT u.login FROM projects p JOIN users u ON u.id = p.manager_id WHERE p.code = ?', 'DBM-2026')
    role = db_all(s, 'SELECT m.role FROM project_members m JOIN projects p ON p.id = m.project_id JOIN users u'
                     ' ON u.id = m.user_id WHERE p.code = ? AND u.login = ?', 'DBM-2026', ENGINEER2)
    expect(mgr != ENGINEER2 and role != [('manager',)], 'the implementer manages DBM-2026 in the demo')
    refused_status(s, p, ENGINEER2, good, 403, 'the implementer adds to a project they do not manage')
    # a change not in review
    other = create_rfc(s)
    refused_status(s, '/changes/%s/followups' % other, ADMIN, good, 409, 'follow-up of a new change')
    # created by the project's manager
    tasks = db_one(s, "SELECT count(*) FROM tasks t JOIN projects p ON p.id = t.project_id WHERE p.code = 'DBM-2026'")
    st, h, b = post(s, p, mgr, good)
    expect(st == 303 and location(h) == '/changes/%s?flash=created#followups' % n, 'follow-up: %d %s' % (st, short(b, 400)))
    r = db_all(s, 'SELECT t.id, t.name, u.login, t.planned_finish, t.status, t.wbs, c.number, b.login FROM change_followups f'
                  ' JOIN tasks t ON t.id = f.task_id JOIN changes c ON c.id = f.change_id JOIN users b ON b.id = f.created_by'
                  ' LEFT JOIN users u ON u.id = t.owner_id WHERE c.number = ?', n)
    expect(len(r) == 1, 'follow-up rows %r' % r)
    tid, name, owner, fin, status, wbs, num, by = r[0]
    expect(name == good['title'] and owner == ENGINEER2 and fin == due and status == 'not_started' and wbs and by == mgr,
           'the task %r' % (r[0],))
    expect(db_one(s, "SELECT count(*) FROM tasks t JOIN projects p ON p.id = t.project_id WHERE p.code = 'DBM-2026'")
           == tasks + 1, 'not one new task in the project')
    a, o, nv, why = last_audit(s, 'task.create', str(tid), 'task')
    expect(a == mgr and nv['name'] == good['title'], 'task audit %r' % nv)
    a, o, nv, why = last_audit(s, 'change.followup', n, 'change')
    expect(a == mgr and nv['task'] == tid and nv['project'] == 'DBM-2026' and nv['due'] == due, 'change audit %r' % nv)
    # shown on the change page and the task page
    x = get_xml(s, '/changes/' + n, AUDITOR)
    fu = x.findall('change/followups/task')
    expect([(e.get('id'), e.get('status')) for e in fu] == [(str(tid), 'not_started')], 'change page follow-ups')
    st, h, b = s.request('GET', '/changes/' + n, user=AUDITOR)
    expect('href="/tasks/%d"' % tid in b.decode('utf-8'), 'no link to the follow-up task')
    t = get_xml(s, '/tasks/%d' % tid, AUDITOR)
    expect(t.find('task').get('followup-of') == n, 'task page model: followup-of %r' % t.find('task').get('followup-of'))
    st, h, b = s.request('GET', '/tasks/%d' % tid, user=AUDITOR)
    expect('href="/changes/%s#followups"' % n in b.decode('utf-8'), 'no link back to the change on the task page')
    # the task records the review's action: it is not deleted
    refused_status(s, '/tasks/%d/delete' % tid, ADMIN, {'confirm': 'yes'}, 409, 'delete a follow-up task')
    # the admin may add to any project; the project defaults to the change's
    st, h, b = post(s, p, ADMIN, dict(good, title='更新运维手册 Update the runbook', owner='', due=''))
    expect(st == 303, 'admin follow-up: %d %s' % (st, short(b)))
    expect(len(get_xml(s, '/changes/' + n, AUDITOR).findall('change/followups/task')) == 2, 'two follow-ups')
    # closing the change keeps them, and the form goes away
    step_ok(s, n, MANAGER, 'closed', close_code='successful')
    x = get_xml(s, '/changes/' + n, ADMIN)
    expect(x.find('followup-form') is None and len(x.findall('change/followups/task')) == 2, 'after closing')
    refused_status(s, p, ADMIN, good, 409, 'follow-up of a closed change')
    s.followup_change = n


# ---------------------------------------------------------------------------------------------
# pages, languages, logs

def page_ok(s, path, user):
    html_page_ok(s, path, user, ('std', 'chgf', 'chg'), nav=('/changes', 'chg.nav'))


def pages(s):
    ids = [r[0] for r in db_all(s, 'SELECT id FROM standard_changes ORDER BY id')]
    out = [('/changes/standard', u) for u in (ADMIN, AUDITOR)] + [('/changes/standard/new', MANAGER)]
    out += [('/changes/standard/%d' % x, u) for x in ids for u in (ADMIN, AUDITOR)]
    n = getattr(s, 'followup_change', None)
    if n:
        out += [('/changes/' + n, u) for u in (ADMIN, AUDITOR)]
        tid = db_one(s, 'SELECT f.task_id FROM change_followups f JOIN changes c ON c.id = f.change_id WHERE c.number = ?'
                        ' ORDER BY f.task_id LIMIT 1', n)
        out += [('/tasks/%d' % tid, AUDITOR)]
    return out


def t_review_form_page(s):
    """The change page in review shows the follow-up form to the admin, in both languages."""
    n, today = in_review(s)
    page_ok(s, '/changes/' + n, ADMIN)
    st, h, b = s.request('GET', '/changes/' + n, user=ADMIN)
    expect('action="/changes/%s/followups"' % n in b.decode('utf-8'), 'no follow-up form')
    st, h, b = post(s, '/changes/%s/followups' % n, ADMIN, {'title': '', 'project': 'DBM-2026'}, lang='en')
    body = b.decode('utf-8')
    expect(st == 400 and CAT['en']['error.name'] in body, 'English refusal: %d' % st)


def t_english_refusal(s):
    i = std_id(s, 'STD-DISK-ADD')
    st, h, b = post(s, '/changes/standard/%d' % i, ADMIN, std_fields(test_plan='', reason='x'), lang='en')
    body = b.decode('utf-8')
    want = CAT['en']['std.error.plan_required'].replace('{1}', CAT['en']['std.f.test_plan'])
    expect(st == 400 and want in body, 'English refusal: %d %s' % (st, short(body, 200)))


def t_logs_clean(s):
    logs_clean(s)


def run():
    with Stack('basic') as s:
        c = CHECKS.check
        c('standard.demo', t_demo, s)
        c('standard.list', t_list, s)
        c('standard.create_audited', t_create, s)
        c('standard.create_refused', t_create_refused, s)
        c('standard.edit_needs_reason', t_edit, s)
        c('standard.retire_and_rfc_form', t_retire, s)
        c('standard.english_refusal', t_english_refusal, s)
        c('followup.task_in_project', t_followup, s)
        c('followup.form_page', t_review_form_page, s)
        for path, user in pages(s):
            c('standard.page %s [%s]' % (path, user), page_ok, s, path, user)
        c('standard.logs_clean_audit_verify', t_logs_clean, s)


def main():
    return CHECKS.main((('standard', run),))


if __name__ == '__main__':
    sys.exit(main())
