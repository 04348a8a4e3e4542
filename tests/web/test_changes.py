#!/usr/bin/env python3
"""test_changes.py - requests for change (change-management issue, the RFC itself): raising an
RFC with CIs, tasks and risk answers, the CHG-YYYY-NNNN sequence, every refusal naming its field
with nothing stored, who may write, editing while new, the standard, normal and emergency routes
through the transitions that need no approval engine (implementing before scheduled refused), the
implementation log, attachments up and down with their SHA-256, the audit records, the list's
filters and CSV, the demo changes and every page in both languages. One basic-mode stack
(harness.py: real nginx + "opsplan serve" + the demo database).

    python3 tests/web/test_changes.py [-k SUBSTRING] [-v]
"""

import datetime
import hashlib
import json
import os
import re
import sys
import urllib.parse
import uuid

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Stack, CAT, expect, short, location, xml_root, errors_of, db_all, db_one, with_xml, token, post, unchanged, html_page_ok, logs_clean, refused, refused_status  # noqa: E402

CHECKS = harness.Checks()
FORM = {'Content-Type': 'application/x-www-form-urlencoded'}
ADMIN, MANAGER, ENGINEER, ENGINEER2, APPROVER, AUDITOR = 'admin', 'zhang.wei', 'li.na', 'wang.fang', 'chen.jie', 'auditor'
READERS = (ADMIN, MANAGER, ENGINEER, ENGINEER2, APPROVER, AUDITOR)
RISK = {'risk_services': '3', 'risk_users': '2', 'risk_outage': '2', 'risk_tested': '2', 'risk_backout': '1',
        'risk_done_before': '2'}      # impact 3 × likelihood ceil(5/3) = 2 → 6 medium


# ---------------------------------------------------------------------------------------------
# helpers

def get_xml(s, path, user, status=200):
    st, h, b = s.request('GET', with_xml(path), user=user)
    expect(st == status, 'GET %s?format=xml as %s: %d, want %d: %s' % (path, user, st, status, short(b)))
    return xml_root(b, path)


def rfc(**kw):
    f = [('title', '测试变更 Test change'), ('type', 'normal'), ('category', 'database'), ('cis', 'DB-CORE-01'),
         ('implementer', ENGINEER2), ('planned_start', '2027-01-09T22:00'), ('planned_end', '2027-01-10T02:00')]
    f += list(RISK.items())
    over = dict(kw)
    f = [(k, v) for k, v in f if k not in over]
    for k, v in over.items():
        if v is None:
            continue
        if isinstance(v, list):
            f += [(k, x) for x in v]
        else:
            f.append((k, v))
    return f


def create(s, user=ENGINEER, **kw):
    st, h, b = post(s, '/changes', user, rfc(**kw))
    expect(st == 303, 'create as %s: %d %s' % (user, st, short(b)))
    loc = location(h)
    m = re.match(r'^/changes/(CHG-\d{4}-\d{4})\?flash=created$', loc or '')
    expect(m, 'redirect %r' % loc)
    return m.group(1)


def row(s, number, cols='state'):
    r = db_all(s, 'SELECT %s FROM changes WHERE number = ?' % cols, number)
    expect(r, 'no change %s' % number)
    return r[0] if len(r[0]) > 1 else r[0][0]


def step(s, number, user, to, **fields):
    f = dict(fields)
    f['to'] = to
    return post(s, '/changes/%s/transition' % number, user, f)


def step_ok(s, number, user, to, **fields):
    st, h, b = step(s, number, user, to, **fields)
    expect(st == 303, '%s → %s as %s: %d %s' % (number, to, user, st, short(b, 400)))
    expect(row(s, number) == to, '%s: state %s, want %s' % (number, row(s, number), to))


def last_audit(s, action, number):
    r = db_all(s, 'SELECT entity, actor, old_value, new_value, reason FROM audit_log WHERE action = ? AND entity_id = ?'
                  ' ORDER BY id DESC LIMIT 1', action, number)
    expect(r, 'no audit record %s for %s' % (action, number))
    e, a, o, n, why = r[0]
    expect(e == 'change', 'entity %r' % e)
    return a, json.loads(o) if o else None, json.loads(n) if n else None, why


def local_now(s):
    """The server's local now, as the model gives it to the review form."""
    r = get_xml(s, '/changes/%s' % first_number(s), ADMIN)
    return r.find('step-form').get('now')


def first_number(s):
    return db_one(s, 'SELECT number FROM changes ORDER BY id LIMIT 1')


def year(s):
    return first_number(s)[4:8]


def multipart(fields, files):
    bnd = 'opsplan-' + uuid.uuid4().hex
    out = b''
    for k, v in fields:
        out += ('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n' % (bnd, k)).encode() + v.encode() + b'\r\n'
    for k, (fn, ctype, data) in files.items():
        out += ('--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\nContent-Type: %s\r\n\r\n'
                % (bnd, k, fn, ctype)).encode('utf-8') + data + b'\r\n'
    out += ('--%s--\r\n' % bnd).encode()
    return 'multipart/form-data; boundary=' + bnd, out


def upload(s, number, user, filename, data, ctype='application/pdf', xml=False):
    ct, body = multipart([('csrf_token', token(s, user))], {'file': (filename, ctype, data)} if filename is not None else {})
    path = '/changes/%s/attachments' % number
    return s.request('POST', with_xml(path) if xml else path, user=user, headers={'Content-Type': ct}, body=body)


# ---------------------------------------------------------------------------------------------
# the demo, the list and the CSV

def t_demo(s):
    rows = db_all(s, 'SELECT c.type, c.state, coalesce(c.close_code, \'\'), coalesce(c.review_due, \'\'),'
                     ' (SELECT count(*) FROM change_log l WHERE l.change_id = c.id),'
                     ' (SELECT group_concat(ci.code) FROM change_cis x JOIN config_items ci ON ci.id = x.ci_id'
                     '  WHERE x.change_id = c.id) FROM changes c ORDER BY c.id')
    expect(len(rows) == 3, 'demo changes: %r' % rows)
    expect(rows[0][:2] == ('normal', 'assess') and rows[0][5] == 'DB-CORE-01', 'normal demo change %r' % (rows[0],))
    expect(rows[1][:2] == ('standard', 'scheduled'), 'standard demo change %r' % (rows[1],))
    ps = row(s, db_one(s, 'SELECT number FROM changes WHERE type = \'standard\''), 'planned_start, planned_end, implementation_plan')
    expect(datetime.date.fromisoformat(ps[0][:10]).weekday() == 5 and ps[0][11:] == '22:00', 'not Saturday night: %r' % (ps,))
    expect(ps[2].startswith('1. '), 'standard plan not copied: %r' % ps[2])
    expect(rows[2][:3] == ('emergency', 'closed', 'successful') and rows[2][3] and rows[2][4] == 3,
           'emergency demo change %r' % (rows[2],))
    expect(db_one(s, "SELECT count(*) FROM audit_log WHERE entity = 'change'") >= 12, 'demo changes not audited')


def t_list(s):
    for u in READERS:
        r = get_xml(s, '/changes', u)
        nums = [c.get('number') for c in r.findall('changes/change')]
        expect(len(nums) >= 3 and nums == sorted(nums, reverse=True), '%s: list %r' % (u, nums))
        expect(r.find('changes').get('total') == str(len(nums)), 'total')
        want = '0' if u == AUDITOR else '1'
        expect(r.find('can').get('create') == want, '%s: can/@create %s' % (u, r.find('can').get('create')))


def t_filters(s):
    def nums(q):
        return {c.get('number') for c in get_xml(s, '/changes?' + q, AUDITOR).findall('changes/change')}
    allc = {r[0]: r[1:] for r in db_all(s, 'SELECT c.number, c.state, c.type, coalesce(c.risk_level, \'\'), u.login'
                                        ' FROM changes c JOIN users u ON u.id = c.requester_id')}
    expect(nums('state=assess') == {n for n, v in allc.items() if v[0] == 'assess'}, 'state filter')
    expect(nums('type=emergency') == {n for n, v in allc.items() if v[1] == 'emergency'}, 'type filter')
    expect(nums('risk=low') == {n for n, v in allc.items() if v[2] == 'low'}, 'risk filter')
    expect(nums('requester=wang.fang') == {n for n, v in allc.items() if v[3] == 'wang.fang'}, 'requester filter')
    on_db = {r[0] for r in db_all(s, 'SELECT c.number FROM changes c JOIN change_cis x ON x.change_id = c.id'
                                     ' JOIN config_items ci ON ci.id = x.ci_id WHERE ci.code = \'DB-CORE-01\'')}
    expect(on_db and nums('ci=DB-CORE-01') == on_db, 'ci filter %r' % nums('ci=DB-CORE-01'))
    expect(len(nums('q=' + urllib.parse.quote('证书'))) >= 1, 'free text (Chinese)')
    expect(nums('q=CERTIFICATE') == nums('q=certificate'), 'free text not case-insensitive')
    expect(nums('state=closed&type=emergency&ci=APP-PAYGW') == {n for n, v in allc.items() if v[:2] == ('closed', 'emergency')},
           'combined filters')
    for q, field in (('state=done', 'state'), ('type=minor', 'type'), ('risk=extreme', 'risk')):
        st, h, b = s.request('GET', '/changes?format=xml&' + q, user=AUDITOR)
        expect(st == 400 and field in b.decode(), '%s: %d' % (q, st))


def t_csv(s):
    n = create(s, title='=HYPERLINK("http://x","y")')
    st, h, b = s.request('GET', '/changes?format=csv&q=HYPERLINK', user=AUDITOR)
    expect(st == 200 and (harness.hget(h, 'Content-Type') or '').startswith('text/csv'), 'csv: %d' % st)
    expect('attachment' in (harness.hget(h, 'Content-Disposition') or ''), 'csv not an attachment')
    expect(b.startswith(b'\xef\xbb\xbf'), 'no BOM')
    text = b[3:].decode('utf-8')
    lines = text.split('\r\n')
    expect(len(lines) == 3 and lines[2] == '', 'not one row: %r' % text)
    expect(lines[0].split(',')[0] == CAT['zh-CN']['chg.number'], 'header %r' % lines[0])
    expect(lines[1].startswith(n + ',"\'=HYPERLINK('), 'formula not neutralised: %r' % lines[1])
    expect(CAT['zh-CN']['chg.type.normal'] in lines[1] and CAT['zh-CN']['chg.state.new'] in lines[1]
           and CAT['zh-CN']['chg.risk.level.medium'] in lines[1], 'labels %r' % lines[1])
    st, h, b = s.request('GET', '/changes?format=csv', user=ENGINEER, headers={'Accept-Language': 'en'})
    lines = b[3:].decode('utf-8').split('\r\n')
    expect(lines[0].startswith('Number,Title,Type'), 'English header %r' % lines[0])
    expect(len(lines) - 2 == db_one(s, 'SELECT count(*) FROM changes'), 'CSV rows != changes')


# ---------------------------------------------------------------------------------------------
# raising and editing

def t_create(s):
    y = year(s)
    last = db_one(s, 'SELECT last FROM change_numbers WHERE year = ?', int(y))
    audits = db_one(s, 'SELECT count(*) FROM audit_log')
    n = create(s, title='核心库补丁 Core DB patch', cis=['DB-CORE-01', 'SRV-RAC-01 SRV-RAC-02'], project='DBM-2026',
               tasks='1, 2', outage='1', description='说明 description', impact_services='网银 e-banking')
    expect(n == 'CHG-%s-%04d' % (y, last + 1), 'number %s after %d' % (n, last))
    r = row(s, n, 'c.title, c.type, c.category, c.state, c.risk_score, c.risk_level, c.outage, r.login, i.login,'
                  ' c.planned_start, c.planned_end, c.impact_services, p.code FROM changes c JOIN users r ON r.id = c.requester_id'
                  ' JOIN users i ON i.id = c.implementer_id JOIN projects p ON p.id = c.project_id WHERE c.number = ? --')
    expect(r == ('核心库补丁 Core DB patch', 'normal', 'database', 'new', 6, 'medium', 1, ENGINEER, ENGINEER2,
                 '2027-01-09T22:00', '2027-01-10T02:00', '网银 e-banking', 'DBM-2026'), 'stored %r' % (r,))
    cis = [x[0] for x in db_all(s, 'SELECT ci.code FROM change_cis x JOIN changes c ON c.id = x.change_id JOIN config_items ci'
                                   ' ON ci.id = x.ci_id WHERE c.number = ? ORDER BY 1', n)]
    expect(cis == ['DB-CORE-01', 'SRV-RAC-01', 'SRV-RAC-02'], 'CIs %r' % cis)
    ans = dict(db_all(s, 'SELECT a.question, a.answer FROM change_risk_answers a JOIN changes c ON c.id = a.change_id'
                         ' WHERE c.number = ?', n))
    expect(ans == {k[5:]: int(v) for k, v in RISK.items()}, 'answers %r' % ans)
    tasks = [x[0] for x in db_all(s, 'SELECT t.wbs FROM change_tasks x JOIN changes c ON c.id = x.change_id JOIN tasks t'
                                     ' ON t.id = x.task_id WHERE c.number = ? ORDER BY 1', n)]
    expect(tasks == ['1', '2'], 'tasks %r' % tasks)
    a, o, nv, why = last_audit(s, 'change.create', n)
    expect(a == ENGINEER and o is None and nv['cis'] == 'DB-CORE-01 SRV-RAC-01 SRV-RAC-02' and nv['risk_level'] == 'medium'
           and nv['risk_score'] == 6, 'audit %r' % nv)
    expect(db_one(s, 'SELECT count(*) FROM audit_log') == audits + 1, 'one audit record')
    # the sequence goes on, one per change, in this year
    n2 = create(s, user=MANAGER)
    n3 = create(s, user=APPROVER, type='emergency', category='security')
    expect([n2, n3] == ['CHG-%s-%04d' % (y, last + 2), 'CHG-%s-%04d' % (y, last + 3)], 'sequence %r' % ([n2, n3],))
    expect(db_one(s, 'SELECT last FROM change_numbers WHERE year = ?', int(y)) == last + 3, 'change_numbers')
    # the page: every field, answers, CIs linked to the CMDB, tasks, history
    r = get_xml(s, '/changes/' + n, AUDITOR)
    c = r.find('change')
    expect(c.get('risk-score') == '6' and c.findtext('description') == '说明 description', 'model fields')
    expect(len(c.findall('risk-answers/answer')) == 6 and len(c.findall('cis/ci')) == 3
           and len(c.findall('tasks/task')) == 2, 'model lists')
    expect(c.findall('history/record')[0].get('action') == 'change.create', 'history')
    expect(c.findall('transitions/transition') == [], 'an auditor gets transitions: %r'
           % [t.get('to') for t in c.findall('transitions/transition')])
    st, h, b = s.request('GET', '/changes/' + n, user=AUDITOR)
    body = b.decode('utf-8')
    expect('href="/cmdb/SRV-RAC-02"' in body and CAT['zh-CN']['chg.risk.q.services.3'] in body, 'page: CI links / answers')
    mine = [t.get('to') for t in get_xml(s, '/changes/' + n, ENGINEER).findall('change/transitions/transition')]
    expect(mine == ['assess', 'cancelled'], 'requester transitions %r' % mine)
    adm = [t.get('to') for t in get_xml(s, '/changes/' + n, ADMIN).findall('change/transitions/transition')]
    expect(adm == ['cancelled'], 'admin transitions %r' % adm)


def t_create_refused(s):
    cases = [
        (dict(title=''), 'title', 'chg.error.title'),
        (dict(title='two\nlines'), 'title', 'chg.error.title'),
        (dict(type='minor'), 'type', 'chg.error.type'),
        (dict(type='standard'), 'standard', 'chg.error.standard'),
        (dict(type='standard', standard='STD-NOPE'), 'standard', 'chg.error.standard'),
        (dict(category='cooking'), 'category', 'chg.error.category'),
        (dict(implementer='nobody'), 'implementer', 'chg.error.implementer'),
        (dict(cis='NO-SUCH-CI'), 'cis', 'chg.error.ci'),
        (dict(cis='SRV-AIX-OLD'), 'cis', 'chg.error.ci'),
        (dict(project='NOPE-1'), 'project', 'chg.error.project'),
        (dict(project='DBM-2026', tasks='9.9.9'), 'tasks', 'chg.error.task'),
        (dict(tasks='1'), 'tasks', 'chg.error.task_project'),
        (dict(planned_end='2027-01-09T21:00'), 'planned_end', 'chg.error.order'),
        (dict(planned_start='2027-02-30T10:00'), 'planned_start', 'chg.error.time'),
        (dict(planned_end=''), 'planned_end', 'chg.error.time'),
        (dict(risk_tested=''), 'risk_tested', 'chg.error.risk_answer'),
        (dict(risk_services='5'), 'risk_services', 'chg.error.risk_answer'),
        (dict(outage='yes'), 'outage', 'chg.error.outage'),
        (dict(description='x' * 8001), 'description', 'error.field_too_long'),
    ]
    for over, field, key in cases:
        refused(s, '/changes', ENGINEER, rfc(**over), field, key, 'create %r' % (over,))
    # several bad fields at once: each named
    st, h, b = post(s, '/changes', ENGINEER, rfc(title='', category='x', risk_users='0'), xml=True)
    errs = errors_of(xml_root(b))
    expect(st == 400 and {'title', 'category', 'risk_users'} <= {f for f, k in errs}, 'several: %r' % errs)


def t_who_creates(s):
    for path in ('/changes/new',):
        st, h, b = s.request('GET', path, user=AUDITOR)
        expect(st == 403, 'auditor GET %s: %d' % (path, st))
    refused_status(s, '/changes', AUDITOR, rfc(), 403, 'auditor creates')
    for u in (ADMIN, MANAGER, ENGINEER, APPROVER):
        st, h, b = s.request('GET', '/changes/new', user=u)
        expect(st == 200, '%s GET /changes/new: %d' % (u, st))


def t_standard_from_catalogue(s):
    n = create(s, type='standard', standard='STD-OS-PATCH', category='', implementation_plan='',
               **{k: '' for k in RISK})
    r = row(s, n, 'category, risk_level, risk_score, implementation_plan, backout_plan, standard_id IS NOT NULL')
    expect(r[0] == 'os' and r[1] == 'low' and r[2] is None and r[3].startswith('1. ') and r[4] and r[5],
           'standard change copied: %r' % (r,))


def t_edit(s):
    n = create(s)
    st, h, b = s.request('GET', '/changes/%s/edit?format=xml' % n, user=ENGINEER)
    f = xml_root(b).find('change-form')
    expect(st == 200 and f.get('mode') == 'edit' and f.get('implementer') == ENGINEER2
           and [c.get('code') for c in f.findall('ci')] == ['DB-CORE-01'], 'edit form %d' % st)
    refused(s, '/changes/' + n, ENGINEER, rfc(title=''), 'title', 'chg.error.title', 'edit refused')
    refused_status(s, '/changes/' + n, ENGINEER2, rfc(title='x'), 403, 'another engineer edits')
    refused_status(s, '/changes/' + n, AUDITOR, rfc(title='x'), 403, 'auditor edits')
    st, h, b = post(s, '/changes/' + n, ENGINEER, rfc(title='改了 Changed', cis=['SRV-RAC-01'], risk_services='4'))
    expect(st == 303 and location(h) == '/changes/%s?flash=saved' % n, 'edit: %d %s' % (st, short(b)))
    expect(row(s, n, 'title, risk_score, risk_level') == ('改了 Changed', 8, 'high'), 'edited: %r' % (row(s, n, 'title, risk_score, risk_level'),))
    a, o, nv, why = last_audit(s, 'change.update', n)
    expect(o['title'] == '测试变更 Test change' and nv['title'] == '改了 Changed' and o['cis'] == 'DB-CORE-01'
           and nv['cis'] == 'SRV-RAC-01', 'update audit %r %r' % (o, nv))
    st, h, b = post(s, '/changes/' + n, ADMIN, rfc(title='admin edit'))
    expect(st == 303 and row(s, n, 'title') == 'admin edit', 'admin edit: %d' % st)
    step_ok(s, n, ENGINEER, 'assess')
    refused_status(s, '/changes/' + n, ENGINEER, rfc(title='late'), 409, 'edit after new')
    st, h, b = s.request('GET', '/changes/%s/edit' % n, user=ENGINEER)
    expect(st == 409, 'edit page after new: %d' % st)
    st, h, b = s.request('GET', '/changes/CHG-1999-0001', user=ENGINEER)
    expect(st == 404, 'unknown number: %d' % st)


# ---------------------------------------------------------------------------------------------
# the workflow

def t_standard_route(s):
    n = create(s, type='standard', standard='STD-OS-PATCH', planned_start='', planned_end='', implementer='')
    # scheduling needs the planned window and the implementer: refused, named, nothing changed
    before = s.db_snapshot()
    st, h, b = step(s, n, ENGINEER, 'scheduled')
    errs = errors_of(xml_root(post(s, '/changes/%s/transition' % n, ENGINEER, {'to': 'scheduled'}, xml=True)[2]))
    expect(st == 400 and ('planned_start', 'chg.error.needs') in errs and ('implementer', 'chg.error.needs') in errs,
           'schedule without window: %d %r' % (st, errs))
    unchanged(s, before, 'schedule without window')
    expect(row(s, n) == 'new', 'state moved')
    # implementing before scheduled is impossible
    refused_status(s, '/changes/%s/transition' % n, ENGINEER, {'to': 'implement'}, 409, 'implement from new')
    st, h, b = post(s, '/changes/' + n, ENGINEER, rfc(type='standard', standard='STD-OS-PATCH',
                                                     **{k: '' for k in RISK}))
    expect(st == 303, 'edit in the window: %d %s' % (st, short(b)))
    refused_status(s, '/changes/%s/transition' % n, ENGINEER2, {'to': 'scheduled'}, 403, 'non-requester schedules')
    step_ok(s, n, ENGINEER, 'scheduled')
    # only the implementer implements
    refused_status(s, '/changes/%s/transition' % n, ENGINEER, {'to': 'implement'}, 403, 'requester implements')
    refused_status(s, '/changes/%s/transition' % n, ADMIN, {'to': 'implement'}, 403, 'admin implements')
    step_ok(s, n, ENGINEER2, 'implement')
    started = row(s, n, 'actual_start')
    expect(re.match(r'^\d{4}-\d\d-\d\dT\d\d:\d\d$', started or ''), 'actual_start %r' % started)
    # the log: implementer (or admin) while implementing
    st, h, b = post(s, '/changes/%s/log' % n, ENGINEER2, {'entry': '补丁已安装 patches installed'})
    expect(st == 303, 'log: %d' % st)
    refused_status(s, '/changes/%s/log' % n, ENGINEER, {'entry': 'not mine'}, 403, 'requester logs')
    refused(s, '/changes/%s/log' % n, ENGINEER2, {'entry': ''}, 'entry', 'chg.error.entry', 'empty log entry')
    st, h, b = post(s, '/changes/%s/log' % n, ADMIN, {'entry': 'admin note'})
    expect(st == 303, 'admin log: %d' % st)
    log = db_all(s, 'SELECT u.login, l.entry FROM change_log l JOIN users u ON u.id = l.user_id JOIN changes c'
                    ' ON c.id = l.change_id WHERE c.number = ? ORDER BY l.id', n)
    expect(log == [(ENGINEER2, '补丁已安装 patches installed'), (ADMIN, 'admin note')], 'log %r' % log)
    a, o, nv, why = last_audit(s, 'change.log', n)
    expect(a == ADMIN and nv['entry'] == 'admin note', 'log audit')
    # review needs actual_end and the verification result
    now = local_now(s)
    refused(s, '/changes/%s/transition' % n, ENGINEER2, {'to': 'review', 'actual_end': now},
            'verification_result', 'chg.error.required', 'review without verification')
    refused(s, '/changes/%s/transition' % n, ENGINEER2, {'to': 'review', 'verification_result': 'ok'},
            'actual_end', 'chg.error.required', 'review without actual_end')
    refused(s, '/changes/%s/transition' % n, ENGINEER2, {'to': 'review', 'actual_end': '2000-01-01T00:00',
                                                         'verification_result': 'ok'},
            'actual_end', 'chg.error.before_start', 'review ending before the start')
    refused(s, '/changes/%s/transition' % n, ENGINEER2, {'to': 'review', 'actual_end': now, 'verification_result': 'ok',
                                                         'close_code': 'rolled_back'},
            'rollback_reason', 'chg.error.required', 'rolled back without the rollback fields')
    step_ok(s, n, ENGINEER2, 'review', actual_end=now, verification_result='服务正常 services fine')
    expect(row(s, n, 'review_due') is None, 'a standard change got review_due')
    # closing: requester, manager or admin; close code required
    refused(s, '/changes/%s/transition' % n, ENGINEER, {'to': 'closed'}, 'close_code', 'chg.error.required', 'close without code')
    refused_status(s, '/changes/%s/transition' % n, ENGINEER2, {'to': 'closed', 'close_code': 'successful'}, 403,
                   'implementer closes')
    refused_status(s, '/changes/%s/log' % n, ENGINEER2, {'entry': 'late'}, 409, 'log after implement')
    step_ok(s, n, MANAGER, 'closed', close_code='successful_with_issues')
    r = row(s, n, 'c.close_code, u.login, c.closed_at IS NOT NULL FROM changes c JOIN users u ON u.id = c.closed_by'
                  ' WHERE c.number = ? --')
    expect(r == ('successful_with_issues', MANAGER, 1), 'closed %r' % (r,))
    acts = [x[0] for x in db_all(s, 'SELECT json_extract(new_value, \'$.state\') FROM audit_log WHERE entity = \'change\''
                                    ' AND entity_id = ? AND action = \'change.transition\' ORDER BY id', n)]
    expect(acts == ['scheduled', 'implement', 'review', 'closed'], 'transition audit %r' % acts)
    refused_status(s, '/changes/%s/transition' % n, ENGINEER, {'to': 'cancelled', 'reason': 'x'}, 409, 'cancel a closed change')


def t_normal_route(s):
    n = create(s)
    refused_status(s, '/changes/%s/transition' % n, ENGINEER, {'to': 'implement'}, 409, 'implement from new')
    refused_status(s, '/changes/%s/transition' % n, ENGINEER, {'to': 'scheduled'}, 409, 'a normal change schedules itself')
    refused_status(s, '/changes/%s/transition' % n, ENGINEER, {'to': 'authorize'}, 409, 'a normal change skips assess')
    refused_status(s, '/changes/%s/transition' % n, ENGINEER2, {'to': 'assess'}, 403, 'another user submits')
    before = s.db_snapshot()
    st, h, b = post(s, '/changes/%s/transition' % n, ENGINEER, {'to': 'flying'}, xml=True)
    expect(st == 400 and ('to', 'chg.error.transition') in errors_of(xml_root(b)), 'unknown state: %d' % st)
    unchanged(s, before, 'unknown state')
    step_ok(s, n, ENGINEER, 'assess')
    a, o, nv, why = last_audit(s, 'change.transition', n)
    expect(a == ENGINEER and o == {'state': 'new'} and nv['state'] == 'assess', 'audit %r %r' % (o, nv))
    # submitting runs the conflict check and records it (it does not block: an approver decides)
    found = json.loads(nv['conflicts'])
    expect(any(f['kind'] == 'change' and f['ci'] == 'DB-CORE-01' for f in found), 'submission conflicts %r' % found)
    # still not implementable: approval has not happened
    refused_status(s, '/changes/%s/transition' % n, ENGINEER2, {'to': 'implement'}, 409, 'implement from assess')
    refused(s, '/changes/%s/transition' % n, ENGINEER, {'to': 'cancelled'}, 'reason', 'chg.error.required', 'cancel without reason')
    refused_status(s, '/changes/%s/transition' % n, ENGINEER2, {'to': 'cancelled', 'reason': 'x'}, 403, 'a stranger cancels')
    step_ok(s, n, ENGINEER, 'cancelled', reason='业务取消 business cancelled')
    a, o, nv, why = last_audit(s, 'change.transition', n)
    expect(nv == {'state': 'cancelled'} and why == '业务取消 business cancelled', 'cancel audit %r %r' % (nv, why))
    # an admin cancels someone else's scheduled change
    m = create(s, type='standard', standard='STD-OS-PATCH', **{k: '' for k in RISK})
    step_ok(s, m, ENGINEER, 'scheduled')
    step_ok(s, m, ADMIN, 'cancelled', reason='窗口取消 window withdrawn')


def t_emergency_route(s):
    n = create(s, user=MANAGER, type='emergency', category='security', implementer=ENGINEER, outage='1')
    refused_status(s, '/changes/%s/transition' % n, MANAGER, {'to': 'assess'}, 409, 'emergency to assess')
    step_ok(s, n, MANAGER, 'authorize')
    refused_status(s, '/changes/%s/transition' % n, ENGINEER, {'to': 'implement'}, 409, 'implement before approval')
    refused_status(s, '/changes/%s/transition' % n, ADMIN, {'to': 'scheduled'}, 409,
                   'authorize→scheduled belongs to the approval engine')
    # the approval engine's step: the emergency approver's decision schedules it
    st, h, b = post(s, '/changes/%s/decide' % n, APPROVER, {'decision': 'approved', 'comment': ''})
    expect(st == 303, 'emergency approval by %s: %d %s' % (APPROVER, st, short(b)))
    expect(row(s, n) == 'scheduled', 'emergency change not scheduled by its approval: %s' % row(s, n))
    step_ok(s, n, ENGINEER, 'implement')
    end = local_now(s)
    step_ok(s, n, ENGINEER, 'review', actual_end=end, verification_result='交易恢复 payments back',
            close_code='rolled_back', rollback_at=end, rollback_reason='新证书链不完整 incomplete chain',
            rollback_result='旧证书已恢复 old certificate restored')
    r = row(s, n, 'review_due, close_code, rollback_reason, rollback_at')
    d = datetime.date.fromisoformat(end[:10])
    k = 0
    while k < 5:                     # the demo calendar: weekdays, plus its holidays and adjusted days
        d += datetime.timedelta(days=1)
        off = db_all(s, 'SELECT off FROM calendar_days WHERE day = ?', d.isoformat())
        if off:
            if not off[0][0]:
                k += 1
        elif d.weekday() < 5:
            k += 1
    expect(r[0] == d.isoformat(), 'review_due %r, want %s (5 working days after %s)' % (r[0], d, end))
    expect(r[1:] == ('rolled_back', '新证书链不完整 incomplete chain', end), 'rollback %r' % (r,))
    # emergency closure needs the review outcome and lessons
    refused(s, '/changes/%s/transition' % n, MANAGER, {'to': 'closed', 'close_code': 'rolled_back'},
            'review_outcome', 'chg.error.required', 'emergency close without review')
    refused(s, '/changes/%s/transition' % n, MANAGER, {'to': 'closed', 'close_code': 'rolled_back', 'review_outcome': 'x'},
            'review_lessons', 'chg.error.required', 'emergency close without lessons')
    step_ok(s, n, ADMIN, 'closed', close_code='rolled_back', review_outcome='回退有效 back-out worked',
            review_lessons='先在测试环境校验证书链 check the chain in test first')
    a, o, nv, why = last_audit(s, 'change.transition', n)
    expect(a == ADMIN and nv['state'] == 'closed' and nv['review_lessons'].startswith('先'), 'close audit %r' % nv)


def t_transition_model(s):
    n = db_one(s, "SELECT number FROM changes WHERE state = 'scheduled' AND type = 'standard' ORDER BY id LIMIT 1")
    r = get_xml(s, '/changes/' + n, ENGINEER2)   # the demo implementer
    ts = [(t.get('to'), t.get('required')) for t in r.findall('change/transitions/transition')]
    expect(('implement', '') in ts, 'implementer transitions %r' % ts)
    r = get_xml(s, '/changes/' + n, ENGINEER)
    expect(r.findall('change/transitions/transition') == [], 'an unrelated engineer may take steps')


# ---------------------------------------------------------------------------------------------
# attachments

def t_attachments(s):
    n = create(s)
    data = b'%PDF-1.4\n' + os.urandom(3000) + b'\n%%EOF\n'
    st, h, b = upload(s, n, ENGINEER, '回退方案 backout.pdf', data)
    expect(st == 303 and location(h).startswith('/changes/%s?flash=saved' % n), 'upload: %d %s' % (st, short(b)))
    r = db_all(s, 'SELECT a.id, a.name, a.mime, a.size, a.sha256 FROM change_attachments a JOIN changes c ON c.id = a.change_id'
                  ' WHERE c.number = ?', n)
    expect(len(r) == 1, 'stored %r' % r)
    aid, name, mime, size, sha = r[0]
    expect((name, mime, size, sha) == ('回退方案 backout.pdf', 'application/pdf', len(data), hashlib.sha256(data).hexdigest()),
           'attachment row %r' % (r[0][1:],))
    a, o, nv, why = last_audit(s, 'change.attach', n)
    expect(a == ENGINEER and nv['sha256'] == sha and nv['size'] == len(data), 'attach audit %r' % nv)
    m = get_xml(s, '/changes/' + n, AUDITOR).find('change/attachments/attachment')
    expect(m is not None and m.get('sha256') == sha, 'attachment in the model')
    for u in (AUDITOR, ENGINEER2):
        st, h, b = s.request('GET', '/changes/%s/attachments/%s' % (n, aid), user=u)
        expect(st == 200 and b == data and hashlib.sha256(b).hexdigest() == sha, '%s download: %d, %d bytes' % (u, st, len(b)))
        cd = harness.hget(h, 'Content-Disposition') or ''
        expect(cd.startswith('attachment') and urllib.parse.quote('回退方案 backout.pdf', safe='') in cd, 'disposition %r' % cd)
        expect((harness.hget(h, 'Content-Type') or '') == 'application/pdf', 'type %r' % harness.hget(h, 'Content-Type'))
    # a hostile type and name are neutralised
    st, h, b = upload(s, n, ENGINEER, '../..\\evil.html', b'<script>alert(1)</script>', ctype='text/html; x=<y>')
    expect(st == 303, 'second upload: %d' % st)
    r = db_all(s, 'SELECT id, name, mime FROM change_attachments ORDER BY id DESC LIMIT 1')[0]
    expect(r[1] == 'evil.html' and r[2] == 'application/octet-stream', 'name/mime %r' % (r,))
    st, h, b = s.request('GET', '/changes/%s/attachments/%s' % (n, r[0]), user=AUDITOR)
    expect(st == 200 and (harness.hget(h, 'Content-Disposition') or '').startswith('attachment'), 'download 2')
    # refusals: nobody's file, no file, wrong change, unknown id
    before = s.db_snapshot()
    st, h, b = upload(s, n, AUDITOR, 'a.txt', b'x')
    expect(st == 403, 'auditor uploads: %d' % st)
    st, h, b = upload(s, n, APPROVER, 'a.txt', b'x')
    expect(st == 403, 'a stranger uploads: %d' % st)
    st, h, b = upload(s, n, ENGINEER, None, b'', xml=True)
    expect(st == 400 and ('file', 'chg.error.no_file') in errors_of(xml_root(b)), 'no file: %d' % st)
    unchanged(s, before, 'refused uploads')
    other = first_number(s)
    st, h, b = s.request('GET', '/changes/%s/attachments/%s' % (other, aid), user=AUDITOR)
    expect(st == 404, 'attachment through another change: %d' % st)
    st, h, b = s.request('GET', '/changes/%s/attachments/999999' % n, user=AUDITOR)
    expect(st == 404, 'unknown attachment: %d' % st)


def t_large_attachments(s):
    """Attachments up to 10 MiB pass nginx and the program (max_upload); one byte more is refused
    with the field named; a body over max_upload gets 413; other routes keep the 1 MiB limit.
    Nothing refused is stored."""
    n = create(s)
    data = os.urandom(10485760)
    st, h, b = upload(s, n, ENGINEER, 'dump.bin', data, ctype='application/octet-stream')
    expect(st == 303, '10 MiB attachment: %d %s' % (st, short(b, 200)))
    r = db_all(s, 'SELECT size, sha256, length(data) FROM change_attachments ORDER BY id DESC LIMIT 1')[0]
    expect(r == (len(data), hashlib.sha256(data).hexdigest(), len(data)), 'stored %r' % ((r[0], r[2]),))
    before = s.db_snapshot()
    st, h, b = upload(s, n, ENGINEER, 'dump.bin', data + b'x', ctype='application/octet-stream', xml=True)
    expect(st == 400 and ('file', 'chg.error.file_size') in errors_of(xml_root(b)), '10 MiB + 1: %d' % st)
    st, h, b = upload(s, n, ENGINEER, 'dump.bin', data + data[:1572864], ctype='application/octet-stream')
    expect(st == 413, '11.5 MiB body: %d' % st)
    st, h, b = s.request('POST', '/changes', user=ENGINEER, headers=FORM,
                         body='title=' + 'x' * (1100 * 1024) + '&csrf_token=' + token(s, ENGINEER))
    expect(st == 413, '1.1 MiB form to /changes: %d' % st)
    unchanged(s, before, 'refused large bodies')


# ---------------------------------------------------------------------------------------------
# pages, languages, logs

def pages(s):
    demo = [r[0] for r in db_all(s, 'SELECT number FROM changes ORDER BY id LIMIT 3')]
    out = [('/changes', u) for u in READERS] + [('/changes/new', u) for u in (ENGINEER, MANAGER)]
    out += [('/changes/' + n, u) for n in demo for u in (ADMIN, ENGINEER, ENGINEER2, AUDITOR)]
    out += [('/changes?state=closed&type=emergency', AUDITOR)]
    return out


def page_ok(s, path, user):
    html_page_ok(s, path, user, ('chg',), nav=('/changes', 'chg.nav'))


def t_english(s):
    n = create(s)
    st, h, b = post(s, '/changes/%s/transition' % n, ENGINEER, {'to': 'cancelled'}, lang='en')
    body = b.decode('utf-8')
    want = CAT['en']['chg.error.required'].replace('{1}', CAT['en']['chg.f.reason'])
    expect(st == 400 and want in body, 'English refusal: %d %s' % (st, short(body, 200)))
    st, h, b = post(s, '/changes', ENGINEER, rfc(risk_outage=''), lang='en')
    body = b.decode('utf-8')
    want = CAT['en']['chg.error.risk_answer'].replace('{1}', CAT['en']['chg.f.risk_outage'])
    expect(st == 400 and want in body, 'English form refusal: %d' % st)


def t_logs_clean(s):
    logs_clean(s)


def run():
    with Stack('basic') as s:
        c = CHECKS.check
        c('changes.demo', t_demo, s)
        c('changes.list.every_reader', t_list, s)
        c('changes.list.filters', t_filters, s)
        c('changes.create.audited_and_numbered', t_create, s)
        c('changes.create.refused', t_create_refused, s)
        c('changes.create.auditor_403', t_who_creates, s)
        c('changes.create.standard_copies', t_standard_from_catalogue, s)
        c('changes.edit_while_new', t_edit, s)
        c('changes.route.standard', t_standard_route, s)
        c('changes.route.normal_and_cancel', t_normal_route, s)
        c('changes.route.emergency', t_emergency_route, s)
        c('changes.transitions_in_model', t_transition_model, s)
        c('changes.attachments', t_attachments, s)
        c('changes.attachments.large', t_large_attachments, s)
        c('changes.csv', t_csv, s)
        c('changes.english', t_english, s)
        for path, user in pages(s):
            c('changes.page %s [%s]' % (path, user), page_ok, s, path, user)
        c('changes.logs_clean_audit_verify', t_logs_clean, s)


def main():
    return CHECKS.main((('changes', run),))


if __name__ == '__main__':
    sys.exit(main())
