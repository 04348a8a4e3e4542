#!/usr/bin/env python3
"""test_approvals.py - change approvals, the part without the change page: the approval policy
pages (list, create, edit, steps edited one per sub-form) by the right users, each refusal with
its field named and nothing stored, 403 for the others; delegation while away and its rules;
the approver's queue over changes written straight into the database with sqlite3 (the RFC pages
are another part); the audit records; both languages. One basic-mode stack (harness.py).

    python3 tests/web/test_approvals.py [-k SUBSTRING] [-v]
"""

import datetime
import itertools
import json
import os
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Stack, msg, expect, short, location, xml_root, errors_of, db_all, db_one, with_xml, post, unchanged, html_page_ok, logs_clean, db_write  # noqa: E402

CHECKS = harness.Checks()
FORM = {'Content-Type': 'application/x-www-form-urlencoded'}
ADMIN, MANAGER, ENGINEER, APPROVER, AUDITOR, ENGINEER2 = 'admin', 'zhang.wei', 'li.na', 'chen.jie', 'auditor', 'wang.fang'
S = {}
FRESH = itertools.count(1)


def get_xml(s, path, user, status=200, lang=None):
    h = {'Accept-Language': lang} if lang else None
    st, hd, b = s.request('GET', with_xml(path), user=user, headers=h)
    expect(st == status, 'GET %s?format=xml as %s: %d, want %d: %s' % (path, user, st, status, short(b)))
    return xml_root(b, path) if st == 200 else None


def last_audit(s, action):
    row = db_all(s, 'SELECT entity, entity_id, actor, old_value, new_value FROM audit_log WHERE action = ?'
                    ' ORDER BY id DESC LIMIT 1', action)
    expect(row, 'no audit record %s' % action)
    e, i, a, o, n = row[0]
    return e, i, a, json.loads(o) if o else None, json.loads(n) if n else None


def uid(s, login):
    return db_one(s, 'SELECT id FROM users WHERE login = ?', login)


def msg_head(lang, key):
    """The message up to its first argument (the page shows it with the argument filled in)."""
    return msg(lang, key).split('{')[0]


def refused(s, path, user, fields, field, key, what, arg=None):
    """Each refusal: 400, the field and key in the model (and the argument), the field marked
    invalid and the message on the page in both languages, nothing stored."""
    before = s.db_snapshot()
    st, h, b = post(s, path, user, fields, xml=True)
    expect(st == 400, '%s: %d, want 400: %s' % (what, st, short(b)))
    root = xml_root(b, what)
    errs = errors_of(root)
    expect((field, key) in errs, '%s: want error %s/%s, got %s' % (what, field, key, sorted(errs)))
    if arg is not None:
        args = [e.get('arg') for e in root.findall('errors/error') if e.get('key') == key]
        expect(arg in args, '%s: want arg %r, got %r' % (what, arg, args))
    for lang in ('zh-CN', 'en'):
        st, h, b = post(s, path, user, fields, lang=lang)
        body = b.decode('utf-8')
        expect(st == 400, '%s (page): %d' % (what, st))
        expect(msg_head(lang, key) in body, '%s: the %s message %s is not on the page' % (what, lang, key))
        if arg is not None:
            expect(arg in body, '%s: the argument %r is not on the page' % (what, arg))
    unchanged(s, before, what)


def policy(**kw):
    f = {'name': 'T 测试策略', 'kind': 'change', 'type': 'emergency', 'risk_level': 'high', 'active': '1'}
    f.update(kw)
    return [(k, v) for k, v in f.items() if v is not None]


def step(no, quorum='any', n='', name='', approvers=()):
    return [('step', str(no)), ('step_name', name), ('quorum', quorum), ('n', n)] + [('approver', a) for a in approvers]


def today(s):
    root = get_xml(s, '/changes/delegations', APPROVER)
    return datetime.date.fromisoformat(root.find('delegation-form').get('today'))


# ---------------------------------------------------------------------------------------------

def t_demo_policies(s):
    root = get_xml(s, '/changes/policies', AUDITOR)
    ps = {p.get('name'): p for p in root.findall('policies/policy')}
    got = sorted((p.get('kind'), p.get('type'), p.get('risk-level'), p.get('steps')) for p in ps.values())
    want = sorted([('change', 'normal', 'low', '1'), ('change', 'normal', 'medium', '2'), ('change', 'normal', 'high', '2'),
                   ('change', 'normal', 'very_high', '1'), ('change', 'emergency', '*', '1'),
                   ('freeze_override', '*', '*', '1')])
    expect(got == want, 'demo policies %r' % got)
    med = [p for p in ps.values() if p.get('risk-level') == 'medium'][0]
    one = get_xml(s, '/changes/policies/%s' % med.get('id'), MANAGER)
    steps = [(st.get('quorum'), st.get('n'), sorted(a.get('login') for a in st.findall('approver')))
             for st in one.findall('policy/step')]
    expect(steps == [('any', '', ['chen.jie', 'zhang.wei']), ('n', '2', ['admin', 'chen.jie', 'zhang.wei'])],
           'normal medium steps %r' % steps)
    vh = [p for p in ps.values() if p.get('risk-level') == 'very_high'][0]
    one = get_xml(s, '/changes/policies/%s' % vh.get('id'), APPROVER)
    expect([st.get('quorum') for st in one.findall('policy/step')] == ['all'], 'very_high: CAB all')
    em = [p for p in ps.values() if p.get('type') == 'emergency'][0]
    one = get_xml(s, '/changes/policies/%s' % em.get('id'), APPROVER)
    expect([a.get('login') for a in one.findall('policy/step/approver')] == ['chen.jie'], 'emergency approver')
    S['medium'] = int(med.get('id'))
    S['low'] = int([p for p in ps.values() if p.get('risk-level') == 'low' and p.get('kind') == 'change'][0].get('id'))
    S['emergency'] = int(em.get('id'))


def t_create(s):
    n = db_one(s, 'SELECT count(*) FROM approval_policies')
    st, h, b = post(s, '/changes/policies', ADMIN, policy())
    expect(st == 303, 'create: %d %s' % (st, short(b)))
    m = re.match(r'^/changes/policies/(\d+)\?flash=saved$', location(h))
    expect(m, 'create redirect %r' % location(h))
    pid = int(m.group(1))
    expect(db_one(s, 'SELECT count(*) FROM approval_policies') == n + 1, 'not stored')
    row = db_all(s, 'SELECT name, kind, type, risk_level, active FROM approval_policies WHERE id = ?', pid)[0]
    expect(row == ('T 测试策略', 'change', 'emergency', 'high', 1), 'row %r' % (row,))
    e, i, a, o, nv = last_audit(s, 'policy.create')
    expect(e == 'policy' and i == str(pid) and a == ADMIN and o is None and nv == {
        'name': 'T 测试策略', 'kind': 'change', 'type': 'emergency', 'risk_level': 'high', 'active': 1}, 'audit %r' % ((e, i, a, o, nv),))
    S['t'] = pid
    # an inactive policy may share what an active one covers
    st, h, b = post(s, '/changes/policies', ADMIN, policy(name='T 停用', type='normal', risk_level='low', active=None))
    expect(st == 303, 'inactive duplicate: %d %s' % (st, short(b)))
    expect(db_one(s, "SELECT active FROM approval_policies WHERE name = 'T 停用'") == 0, 'inactive stored active')


def t_refusals(s):
    p = '/changes/policies'
    refused(s, p, ADMIN, policy(name=''), 'name', 'apr.error.name', 'name missing')
    refused(s, p, ADMIN, policy(name='x' * 101), 'name', 'apr.error.name', 'name too long')
    refused(s, p, ADMIN, policy(name='T 测试策略', type='normal', risk_level='medium', active=None), 'name',
            'apr.error.name_taken', 'name taken')
    refused(s, p, ADMIN, policy(name='T2', kind='blanket'), 'kind', 'apr.error.kind', 'bad kind')
    refused(s, p, ADMIN, policy(name='T2', type='standard'), 'type', 'apr.error.type', 'standard type')
    refused(s, p, ADMIN, policy(name='T2', risk_level='extreme'), 'risk_level', 'apr.error.risk', 'bad risk')
    refused(s, p, ADMIN, policy(name='T2', type='normal', risk_level='low'), 'risk_level', 'apr.error.duplicate',
            'two active policies for normal/low', arg='常规变更·低风险 Normal, low risk')
    # the edit form refuses the same way
    refused(s, '/changes/policies/%d' % S['t'], ADMIN, policy(name=''), 'name', 'apr.error.name', 'edit: no name')


def t_steps(s):
    base = '/changes/policies/%d' % S['t']
    p = base + '/steps'
    st, h, b = post(s, p, ADMIN, step(1, 'n', '2', '技术审核', (APPROVER, MANAGER, ADMIN)))
    expect(st == 303 and location(h) == base + '?flash=saved#step-1', 'step 1: %d %s %s' % (st, location(h), short(b)))
    rows = db_all(s, 'SELECT step, name, quorum, quorum_n FROM approval_steps WHERE policy_id = ?', S['t'])
    expect(rows == [(1, '技术审核', 'n', 2)], 'step rows %r' % rows)
    appr = sorted(r[0] for r in db_all(s, 'SELECT u.login FROM approval_step_approvers a JOIN users u ON u.id = a.user_id'
                                          ' WHERE a.policy_id = ?', S['t']))
    expect(appr == ['admin', 'chen.jie', 'zhang.wei'], 'approvers %r' % appr)
    e, i, a, o, nv = last_audit(s, 'policy.step_save')
    expect(e == 'policy' and i == str(S['t']) and o is None and nv == {
        'step': 1, 'name': '技术审核', 'quorum': 'n', 'n': 2, 'approvers': 'admin,chen.jie,zhang.wei'}, 'audit %r' % (nv,))
    refused(s, p, ADMIN, step(2, approvers=(ENGINEER,)), 'approver', 'apr.error.approver_role', 'engineer approver', arg=ENGINEER)
    refused(s, p, ADMIN, step(2, approvers=('no.such',)), 'approver', 'apr.error.approver_unknown', 'unknown approver',
            arg='no.such')
    refused(s, p, ADMIN, step(2), 'approver', 'apr.error.approvers', 'no approvers')
    refused(s, p, ADMIN, step(2, 'n', '3', approvers=(APPROVER, MANAGER)), 'n', 'apr.error.quorum_n', 'n above approvers')
    refused(s, p, ADMIN, step(2, 'n', '0', approvers=(APPROVER,)), 'n', 'apr.error.quorum_n', 'n = 0')
    refused(s, p, ADMIN, step(2, 'n', '', approvers=(APPROVER,)), 'n', 'apr.error.quorum_n', 'n missing')
    refused(s, p, ADMIN, step(2, 'most', approvers=(APPROVER,)), 'quorum', 'apr.error.quorum', 'bad quorum')
    refused(s, p, ADMIN, step(3, approvers=(APPROVER,)), 'step', 'apr.error.step', 'a gap in the steps')
    refused(s, p, ADMIN, step(1, name='a\nb', approvers=(APPROVER,)), 'step_name', 'apr.error.step_name', 'two-line name')
    # the refused sub-form keeps what was entered
    st, h, b = post(s, p, ADMIN, step(2, 'n', '3', 'CAB', (APPROVER, MANAGER)), xml=True)
    f = xml_root(b).find('step-form')
    expect(f is not None and f.get('step') == '2' and f.get('name') == 'CAB' and
           sorted(x.text for x in f.findall('approver')) == [APPROVER, MANAGER], 'step-form kept %r' % (f.attrib if f is not None else None))
    # edit step 1, add step 2
    st, h, b = post(s, p, ADMIN, step(1, 'all', '', '技术审核', (APPROVER, MANAGER)))
    expect(st == 303, 'edit step 1: %d %s' % (st, short(b)))
    e, i, a, o, nv = last_audit(s, 'policy.step_save')
    expect(o and o['quorum'] == 'n' and o['approvers'] == 'admin,chen.jie,zhang.wei' and nv['quorum'] == 'all'
           and nv['n'] is None and nv['approvers'] == 'chen.jie,zhang.wei', 'edit audit %r %r' % (o, nv))
    st, h, b = post(s, p, ADMIN, step(2, 'any', '', 'CAB', (ADMIN,)))
    expect(st == 303, 'step 2: %d' % st)
    refused(s, p + '/delete', ADMIN, [('step', '1')], 'step', 'apr.error.step_last', 'delete a middle step')
    st, h, b = post(s, p + '/delete', ADMIN, [('step', '2')])
    expect(st == 303, 'delete step 2: %d %s' % (st, short(b)))
    expect(db_one(s, 'SELECT count(*) FROM approval_steps WHERE policy_id = ?', S['t']) == 1, 'step 2 not deleted')
    e, i, a, o, nv = last_audit(s, 'policy.step_delete')
    expect(e == 'policy' and i == str(S['t']) and o['step'] == 2 and nv is None, 'delete audit %r' % (o,))


def t_edit(s):
    base = '/changes/policies/%d' % S['t']
    st, h, b = post(s, base, ADMIN, policy(name='T 测试策略（停用）', active=None))
    expect(st == 303 and location(h) == base + '?flash=saved', 'edit: %d %s' % (st, location(h)))
    e, i, a, o, nv = last_audit(s, 'policy.update')
    expect(o['active'] == 1 and nv['active'] == 0 and nv['name'] == 'T 测试策略（停用）', 'update audit %r %r' % (o, nv))
    n = db_one(s, 'SELECT count(*) FROM audit_log')
    st, h, b = post(s, base, ADMIN, policy(name='T 测试策略（停用）', active=None))
    expect(st == 303 and db_one(s, 'SELECT count(*) FROM audit_log') == n, 'unchanged edit wrote an audit record')
    st, h, b = s.request('GET', '/changes/policies/99999', user=ADMIN)
    expect(st == 404, 'unknown policy: %d' % st)


def t_forbidden(s):
    t = '/changes/policies/%d' % S['t']
    for user in (MANAGER, APPROVER, AUDITOR, ENGINEER):
        for path, fields in (('/changes/policies', policy(name='nope')), (t, policy(name='nope')),
                             (t + '/steps', step(2, approvers=(ADMIN,))), (t + '/steps/delete', [('step', '1')])):
            before = s.db_snapshot()
            st, h, b = post(s, path, user, fields)
            expect(st == 403, '%s POST %s: %d, want 403' % (user, path, st))
            unchanged(s, before, '%s POST %s' % (user, path))
    for path in ('/changes/policies', t, '/changes/delegations'):
        st, h, b = s.request('GET', path, user=ENGINEER)
        expect(st == 403, 'engineer GET %s: %d' % (path, st))
    # readers see no write forms
    for user in (MANAGER, APPROVER, AUDITOR):
        st, h, b = s.request('GET', t, user=user)
        expect(st == 200 and b'/steps"' not in b and b'method="post" action="/changes/policies' not in b,
               '%s sees a policy form' % user)
    st, h, b = s.request('GET', t, user=ADMIN)
    expect(b'action="/changes/policies/%d/steps"' % S['t'] in b and b'name="approver" value="chen.jie"' in b
           and b'value="li.na"' not in b, 'admin: step sub-forms with the eligible approvers only')
    for user in (ENGINEER, AUDITOR):
        before = s.db_snapshot()
        st, h, b = post(s, '/changes/delegations', user, {'delegate': MANAGER, 'start': '2030-01-01', 'end': '2030-01-02'})
        expect(st == 403, '%s delegating: %d' % (user, st))
        unchanged(s, before, '%s delegating' % user)


def t_delegations(s):
    d0 = today(s)
    S['today'] = d0
    iso = lambda k: (d0 + datetime.timedelta(days=k)).isoformat()
    p = '/changes/delegations'
    st, h, b = post(s, p, APPROVER, {'delegate': MANAGER, 'start': iso(0), 'end': iso(3)})
    expect(st == 303 and location(h).startswith('/changes/delegations?flash=saved#delegation-'), 'create: %d %s %s' % (st, location(h), short(b)))
    row = db_all(s, 'SELECT user_id, delegate_id, start_day, end_day FROM approval_delegations ORDER BY id DESC LIMIT 1')[0]
    expect(row == (uid(s, APPROVER), uid(s, MANAGER), iso(0), iso(3)), 'row %r' % (row,))
    e, i, a, o, nv = last_audit(s, 'delegation.create')
    expect(e == 'delegation' and a == APPROVER and nv == {'user': APPROVER, 'delegate': MANAGER, 'start': iso(0), 'end': iso(3)},
           'audit %r' % (nv,))
    S['dlg'] = int(i)
    f = lambda **kw: dict({'delegate': ADMIN, 'start': iso(10), 'end': iso(12)}, **kw)
    refused(s, p, APPROVER, f(delegate=APPROVER), 'delegate', 'apr.error.delegate_self', 'self')
    refused(s, p, APPROVER, f(delegate=ENGINEER), 'delegate', 'apr.error.delegate_role', 'an engineer', arg=ENGINEER)
    refused(s, p, APPROVER, f(delegate='no.such'), 'delegate', 'apr.error.delegate_unknown', 'unknown')
    refused(s, p, APPROVER, f(delegate=''), 'delegate', 'apr.error.delegate_unknown', 'none')
    refused(s, p, APPROVER, f(end=iso(9)), 'end', 'apr.error.delegate_order', 'end before start')
    refused(s, p, APPROVER, f(start='2030-02-30'), 'start', 'error.date', 'not a date')
    refused(s, p, APPROVER, f(start=iso(2), end=iso(5)), 'start', 'apr.error.delegate_overlap', 'overlap',
            arg='%s – %s' % (iso(0), iso(3)))
    refused(s, p, APPROVER, f(start=iso(-5), end=iso(0)), 'start', 'apr.error.delegate_overlap', 'overlap on its first day')
    # right after it: fine; a future one of admin's to chen.jie (not in force today)
    st, h, b = post(s, p, APPROVER, f(start=iso(4), end=iso(4)))
    expect(st == 303, 'adjacent: %d %s' % (st, short(b)))
    st, h, b = post(s, p, ADMIN, {'delegate': APPROVER, 'start': iso(10), 'end': iso(12)})
    expect(st == 303, 'admin: %d' % st)
    # lists: each sees their own and those naming them; the auditor all
    root = get_xml(s, p, MANAGER)
    mine = [(g.get('user'), g.get('delegate'), g.get('state')) for g in root.findall('delegations/delegation')]
    expect((APPROVER, MANAGER, 'in_force') in mine and not any(u == ADMIN for u, d, st_ in mine), 'manager list %r' % mine)
    root = get_xml(s, p, AUDITOR)
    expect(len(root.findall('delegations/delegation')) == 3, 'auditor sees every delegation')
    # withdraw: only one's own; one not yet started is deleted
    fut = db_one(s, 'SELECT id FROM approval_delegations WHERE user_id = ? AND start_day = ?', uid(s, APPROVER), iso(4))
    before = s.db_snapshot()
    st, h, b = post(s, '%s/%d/cancel' % (p, fut), MANAGER, {})
    expect(st == 404, 'someone else withdraws: %d' % st)
    unchanged(s, before, 'withdraw by another')
    st, h, b = post(s, '%s/%d/cancel' % (p, fut), APPROVER, {})
    expect(st == 303 and not db_one(s, 'SELECT count(*) FROM approval_delegations WHERE id = ?', fut), 'withdraw: %d' % st)
    e, i, a, o, nv = last_audit(s, 'delegation.cancel')
    expect(i == str(fut) and o['start'] == iso(4) and nv is None, 'withdraw audit %r %r' % (o, nv))


def insert_change(s, number, title, typ, risk, state, requester, implementer=None, start='2030-12-01T22:00',
                  end='2030-12-02T02:00'):
    return db_write(s, "INSERT INTO changes (number, title, type, category, state, requester_id, implementer_id, risk_level,"
                       " planned_start, planned_end, created_at, updated_at) VALUES (?, ?, ?, 'database', ?, ?, ?, ?, ?, ?,"
                       " '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')", number, title, typ, state, uid(s, requester),
                    uid(s, implementer) if implementer else None, risk, start, end)


def approve(s, change, policy_id, stepno, by, decision='approved', behalf=None):
    db_write(s, "INSERT INTO approvals (change_id, policy_id, step, approver_id, on_behalf_of, decision, comment, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, '2026-11-02T00:00:00Z')", change, policy_id, stepno, uid(s, by),
             uid(s, behalf) if behalf else None, decision, '' if decision == 'approved' else '不同意')


def queue(s, user):
    """The user's queue among the changes this suite inserts (CHG-2030-…): the demo has changes of
    its own, which some of these users also approve."""
    root = get_xml(s, '/changes/queue?fresh=%d' % next(FRESH), user)
    return {c.get('number'): c for c in root.findall('queue/change') if c.get('number', '').startswith('CHG-2030-')}


def t_queue(s):
    c = {}
    c['A'] = insert_change(s, 'CHG-2030-0001', '低风险补丁', 'normal', 'low', 'assess', ENGINEER)
    c['B'] = insert_change(s, 'CHG-2030-0002', '经理申请的中风险变更', 'normal', 'medium', 'authorize', MANAGER)
    c['C'] = insert_change(s, 'CHG-2030-0003', '高风险，chen.jie 实施', 'normal', 'high', 'authorize', ENGINEER, APPROVER)
    c['D'] = insert_change(s, 'CHG-2030-0004', '草稿', 'normal', 'low', 'new', ENGINEER)
    c['E'] = insert_change(s, 'CHG-2030-0005', '进入 CAB 的变更', 'normal', 'medium', 'authorize', ENGINEER, start='2030-11-20T22:00',
                           end='2030-11-21T01:00')
    c['F'] = insert_change(s, 'CHG-2030-0006', '紧急修复', 'emergency', 'high', 'authorize', ENGINEER2)
    c['G'] = insert_change(s, 'CHG-2030-0007', '未评估风险', 'normal', None, 'authorize', ENGINEER)
    c['H'] = insert_change(s, 'CHG-2030-0008', '已被驳回', 'normal', 'low', 'authorize', ENGINEER)
    c['I'] = insert_change(s, 'CHG-2030-0009', '已实施', 'normal', 'low', 'implement', ENGINEER)
    approve(s, c['E'], S['medium'], 1, MANAGER)
    approve(s, c['H'], S['low'], 1, MANAGER, 'rejected')
    q = queue(s, APPROVER)
    # A (low, any of chen.jie/zhang.wei), B (zhang.wei requested; chen.jie may), E step 2; F (emergency, via *);
    # not C (chen.jie implements a high change), D (new), G (no route), H (rejected), I (implement)
    expect(sorted(q) == ['CHG-2030-0001', 'CHG-2030-0002', 'CHG-2030-0005', 'CHG-2030-0006'], 'chen.jie queue %r' % sorted(q))
    e = q['CHG-2030-0005']
    expect(e.get('step') == '2' and e.get('approvals') == '0' and e.get('needed') == '2' and e.get('title') == '进入 CAB 的变更'
           and e.get('requester') == ENGINEER and e.get('planned-start') == '2030-11-20T22:00' and e.get('type') == 'normal'
           and e.get('risk-level') == 'medium' and e.get('on-behalf') is None, 'E row %r' % e.attrib)
    expect(list(q)[0] == 'CHG-2030-0005', 'earliest planned start first: %r' % list(q))
    expect(q['CHG-2030-0006'].get('policy') == str(S['emergency']), 'F routed to the emergency * policy')
    q = queue(s, MANAGER)
    # zhang.wei: A, C, E; not B (his own request); F on behalf of chen.jie (delegation in force today)
    expect(sorted(q) == ['CHG-2030-0001', 'CHG-2030-0003', 'CHG-2030-0005', 'CHG-2030-0006'], 'zhang.wei queue %r' % sorted(q))
    expect(q['CHG-2030-0006'].get('on-behalf') == APPROVER and q['CHG-2030-0001'].get('on-behalf') is None,
           'on behalf %r' % q['CHG-2030-0006'].attrib)
    q = queue(s, ADMIN)
    expect(sorted(q) == ['CHG-2030-0005'], 'admin queue %r' % sorted(q))
    for u in (ENGINEER, AUDITOR):
        expect(queue(s, u) == {}, '%s has a queue' % u)
    # chen.jie decides E's step 2: gone from his queue, still in zhang.wei's and admin's
    approve(s, c['E'], S['medium'], 2, APPROVER)
    q = queue(s, APPROVER)
    expect('CHG-2030-0005' not in q, 'decided still queued')
    expect(queue(s, MANAGER)['CHG-2030-0005'].get('approvals') == '1', 'count after one CAB approval')
    # admin's delegation to chen.jie starts in ten days: not yet; one in force today: yes
    expect('CHG-2030-0005' not in queue(s, APPROVER), 'delegation out of its dates counted')
    d = S['today'].isoformat()
    db_write(s, "INSERT INTO approval_delegations (user_id, delegate_id, start_day, end_day, created_at) VALUES (?, ?, ?, ?,"
                " '2026-11-01T00:00:00Z')", uid(s, ADMIN), uid(s, APPROVER), d, d)
    e = queue(s, APPROVER).get('CHG-2030-0005')
    expect(e is not None and e.get('on-behalf') == ADMIN, 'standing in for admin today: %r' % (e.attrib if e is not None else None))
    # a delegate's decision counts for the approver: the step is met, E leaves every queue
    approve(s, c['E'], S['medium'], 2, APPROVER, behalf=ADMIN)
    for u in (APPROVER, MANAGER, ADMIN):
        expect('CHG-2030-0005' not in queue(s, u), 'approved E still in the queue of %s' % u)
    # a rejection takes the change out of every queue
    approve(s, c['A'], S['low'], 1, MANAGER, 'rejected')
    expect('CHG-2030-0001' not in queue(s, APPROVER), 'rejected A still queued')


def page_ok(s, path, user, nav=True):
    html_page_ok(s, path, user, ('apr',), nav=('/changes/queue', 'apr.nav'), nav_shown=nav)


def t_pages_content(s):
    for lang in ('zh-CN', 'en'):
        st, h, b = s.request('GET', '/changes/queue?fresh=%d' % next(FRESH), user=MANAGER, headers={'Accept-Language': lang})
        body = b.decode('utf-8')
        expect('CHG-2030-0003' in body and msg(lang, 'apr.risk.high') in body and msg_head(lang, 'apr.queue.on_behalf') in body,
               'queue page (%s)' % lang)
        st, h, b = s.request('GET', '/changes/queue?fresh=%d' % next(FRESH), user=ENGINEER, headers={'Accept-Language': lang})
        expect(msg(lang, 'apr.queue.empty') in b.decode('utf-8'), 'empty queue (%s)' % lang)
        st, h, b = s.request('GET', '/changes/policies/%d' % S['medium'], user=AUDITOR, headers={'Accept-Language': lang})
        body = b.decode('utf-8')
        expect(msg(lang, 'apr.quorum.n_of').replace('{1}', '2').replace('{2}', '3') in body, 'quorum text (%s)' % lang)


def pages():
    t = S.get('t', 1)
    return [('/changes/policies', ADMIN, True), ('/changes/policies', AUDITOR, False), ('/changes/policies', APPROVER, True),
            ('/changes/policies/%d' % t, ADMIN, True), ('/changes/policies/%d' % t, MANAGER, True),
            ('/changes/delegations', APPROVER, True), ('/changes/delegations', AUDITOR, False),
            ('/changes/queue', APPROVER, True), ('/changes/queue', MANAGER, True), ('/changes/queue', ENGINEER, False),
            ('/', APPROVER, True)]


def t_logs_clean(s):
    logs_clean(s)


def run():
    with Stack('basic') as s:
        c = CHECKS.check
        c('approvals.demo_policies', t_demo_policies, s)
        c('approvals.policy_create_audited', t_create, s)
        c('approvals.policy_refusals_field_named_nothing_stored', t_refusals, s)
        c('approvals.steps_sub_forms_refusals_audited', t_steps, s)
        c('approvals.policy_edit_audited', t_edit, s)
        c('approvals.others_403', t_forbidden, s)
        c('approvals.delegation_rules_audited', t_delegations, s)
        c('approvals.queue_from_the_changes_table', t_queue, s)
        c('approvals.pages_content_both_languages', t_pages_content, s)
        for path, user, nav in pages():
            c('approvals.page %s [%s]' % (path, user), page_ok, s, path, user, nav)
        c('approvals.logs_clean_audit_verify', t_logs_clean, s)


def main():
    return CHECKS.main((('approvals', run),))


if __name__ == '__main__':
    sys.exit(main())
