#!/usr/bin/env python3
"""test_changeaudit.py - the auditor's period reports on change management: the audit report
(GET /changes/audit) on the demo data and on a period whose violations the test writes straight
into SQLite (the product refuses to make them: a change implemented without approval, one approved
only after it was implemented, one whose decisions do not meet its policy, approvals by the
requester and for the requester); the KPIs (GET /changes/kpi) against hand-computed figures; the
ISO 20000 evidence export run twice by the CLI and once through the web with identical bytes,
`sha256sum -c` on its manifest, and a tampered file caught; bad periods refused naming the field
with nothing changed; who may read; both languages; clean logs. One basic-mode stack (harness.py:
nginx + "opsplan serve" + the demo database).

    python3 tests/web/test_changeaudit.py [-k SUBSTRING] [-v]
"""

import datetime
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Stack, expect, short, xml_root, db_all, db_one, with_xml, unchanged, html_page_ok, logs_clean, msg, hget  # noqa: E402

CHECKS = harness.Checks()
ADMIN, MANAGER, ENGINEER, APPROVER, AUDITOR = 'admin', 'zhang.wei', 'li.na', 'chen.jie', 'auditor'
# the injected period: far from the demo's dates
P = 'from=2025-03-01&to=2025-03-31'
FILES = ('changes.csv', 'approvals.csv', 'audit_log.csv', 'changes.xml', 'kpi.csv', 'MANIFEST.sha256')


def get(s, path, user=AUDITOR, status=200, lang=None):
    st, h, b = s.request('GET', path, user=user, headers={'Accept-Language': lang} if lang else None)
    expect(st == status, 'GET %s as %s: %d, want %d: %s' % (path, user, st, status, short(b)))
    return h, b


def model(s, path, user=AUDITOR):
    return xml_root(get(s, with_xml(path), user)[1], path)


def uid(s, login):
    return db_one(s, 'SELECT id FROM users WHERE login = ?', login)


def inject(s):
    """Changes of March 2025 written with SQL (times: created 10:00 local = 02:00Z, implemented
    10:00 local): A normal, implemented, no approval; B normal, in review, approved at 13:00 local
    (after its start); C normal in assess, approved by its own requester li.na; D normal in assess,
    approved by chen.jie on behalf of its requester wang.fang; E normal, closed successful, approved
    before by the emergency policy's approver; F emergency, closed rolled back, no approval; G
    normal, closed successful with issues, approved before by someone not an approver of the
    policy; H normal, closed successful without any time of implementation or approval. CIs: A, E, G
    on DB-CORE-01; F, G on APP-PAYGW."""
    con = sqlite3.connect(s.db, timeout=10)
    try:
        ids = {u: con.execute('SELECT id FROM users WHERE login = ?', (u,)).fetchone()[0]
               for u in ('li.na', 'wang.fang', 'chen.jie', 'zhang.wei')}
        pol = con.execute("SELECT id FROM approval_policies WHERE kind = 'change' AND type = 'emergency'").fetchone()[0]
        ci = {c: con.execute('SELECT id FROM config_items WHERE code = ?', (c,)).fetchone()[0]
              for c in ('DB-CORE-01', 'APP-PAYGW')}
        rows = [('A', 'normal', 'implement', None, 'li.na', '2025-03-10T10:00'),
                ('B', 'normal', 'review', None, 'li.na', '2025-03-11T10:00'),
                ('C', 'normal', 'assess', None, 'li.na', None),
                ('D', 'normal', 'assess', None, 'wang.fang', None),
                ('E', 'normal', 'closed', 'successful', 'li.na', '2025-03-14T10:00'),
                ('F', 'emergency', 'closed', 'rolled_back', 'li.na', '2025-03-15T10:00'),
                ('G', 'normal', 'closed', 'successful_with_issues', 'wang.fang', '2025-03-16T10:00'),
                ('H', 'normal', 'closed', 'successful', 'li.na', None)]
        cid = {}
        for i, (k, typ, state, code, req, start) in enumerate(rows):
            day = 10 + i
            cur = con.execute(
                'INSERT INTO changes (number, title, type, category, state, close_code, requester_id, actual_start,'
                ' created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                ('CHG-2025-09%02d' % (i + 1), 'Injected %s 注入' % k, typ, 'database', state, code, ids[req], start,
                 '2025-03-%02dT02:00:00Z' % day, '2025-03-%02dT02:00:00Z' % day))
            cid[k] = cur.lastrowid

        def approve(k, who, at, on_behalf=None):
            con.execute('INSERT INTO approvals (change_id, policy_id, step, approver_id, on_behalf_of, decision, comment,'
                        ' at) VALUES (?, ?, 1, ?, ?, ?, ?, ?)',
                        (cid[k], pol, ids[who], ids[on_behalf] if on_behalf else None, 'approved', 'ok ' + k, at))
        approve('B', 'chen.jie', '2025-03-11T05:00:00Z')     # 13:00 local, after the 10:00 start
        approve('C', 'li.na', '2025-03-12T03:00:00Z')        # the requester herself
        approve('D', 'chen.jie', '2025-03-13T03:00:00Z', on_behalf='wang.fang')
        approve('E', 'chen.jie', '2025-03-14T01:00:00Z')     # 09:00 local, before the start
        approve('G', 'zhang.wei', '2025-03-16T01:00:00Z')    # not the emergency policy's approver
        for k, c in (('A', 'DB-CORE-01'), ('E', 'DB-CORE-01'), ('F', 'APP-PAYGW'), ('G', 'DB-CORE-01'),
                     ('G', 'APP-PAYGW')):
            con.execute('INSERT INTO change_cis (change_id, ci_id) VALUES (?, ?)', (cid[k], ci[c]))
        con.commit()
    finally:
        con.close()


def num(k):
    return 'CHG-2025-09%02d' % ('ABCDEFGH'.index(k) + 1)


def t_demo_report(s):
    today = datetime.date.fromisoformat(db_one(s, "SELECT substr(max(at), 1, 10) FROM audit_log"))
    r = model(s, '/changes/audit')
    a = r.find('change-audit')
    expect(a is not None and a.get('from', '').endswith('-01') and a.get('to', '')[:7] == a.get('from')[:7],
           'default period is not a month: %r' % (a.attrib if a is not None else None))
    want = [n for (n,) in db_all(s, 'SELECT number FROM changes WHERE substr(number, 5, 4) <> ? ORDER BY number', '2025')]
    got = [c.get('number') for c in a.findall('changes/change')]
    expect(got == want and a.find('changes').get('count') == str(len(want)),
           'demo changes %r, want %r (today %s)' % (got, want, today))
    for c in a.findall('changes/change'):
        aps = [(x.get('approver'), x.get('step'), x.get('decision'), x.get('at'), x.findtext('comment'))
               for x in c.findall('approval')]
        db = db_all(s, 'SELECT u.login, a.step, a.decision, a.at, a.comment FROM approvals a JOIN users u ON u.id ='
                       ' a.approver_id JOIN changes c ON c.id = a.change_id WHERE c.number = ? ORDER BY a.at, a.id',
                    c.get('number'))
        expect(aps == [(x[0], str(x[1]), x[2], x[3], x[4]) for x in db], '%s approvals %r vs %r' % (c.get('number'), aps, db))
    emerg = [n for (n,) in db_all(s, "SELECT number FROM changes WHERE type = 'emergency' AND substr(number, 5, 4) <> '2025'"
                                     " ORDER BY number")]
    expect([c.get('number') for c in a.findall('emergency/change')] == emerg and emerg, 'emergency %r' % emerg)
    for sec in ('early', 'self', 'failed'):
        expect(a.find(sec).get('count') == '0', 'demo %s: %s' % (sec, ET.tostring(a.find(sec))[:300]))
    # the page: a link per change, and "none" shown for each empty section
    body = get(s, '/changes/audit', lang='en')[1].decode('utf-8')
    for n in want:
        expect('href="/changes/%s"' % n in body, 'no link to %s' % n)
    expect(body.count(msg('en', 'caud.none')) == 3, 'want "None." three times: %d' % body.count(msg('en', 'caud.none')))
    for k in ('caud.sec.changes', 'caud.sec.emergency', 'caud.sec.failed', 'caud.sec.early', 'caud.sec.self'):
        expect(msg('en', k) in body, 'section %s missing' % k)


def t_violations(s):
    a = model(s, '/changes/audit?' + P).find('change-audit')
    got = [c.get('number') for c in a.findall('changes/change')]
    expect(got == [num(k) for k in 'ABCDEFGH'], 'period changes %r' % got)
    early = {c.get('number'): c.get('reason') for c in a.findall('early/change')}
    expect(early == {num('A'): 'no_approval', num('B'): 'approved_late', num('F'): 'no_approval', num('G'): 'quorum',
                     num('H'): 'no_approval'}, 'implemented before approval: %r' % early)
    expect(a.find('early').get('count') == '5', 'early count %r' % a.find('early').get('count'))
    impl = {c.get('number'): c.get('implemented-at') for c in a.findall('early/change')}
    expect(impl[num('A')] == '2025-03-10T02:00:00Z' and impl[num('H')] == '',
           'A implemented at %r (10:00 Shanghai), H at %r (unknown)' % (impl[num('A')], impl[num('H')]))
    self_ = sorted((x.get('number'), x.get('approver'), x.get('on-behalf')) for x in a.findall('self/approval'))
    expect(self_ == [(num('C'), 'li.na', ''), (num('D'), 'chen.jie', 'wang.fang')], 'self approvals %r' % self_)
    expect([c.get('number') for c in a.findall('failed/change')] == [num('F')], 'failed %r' % a.find('failed'))
    expect([c.get('number') for c in a.findall('emergency/change')] == [num('F')], 'emergency')
    body = get(s, '/changes/audit?' + P, lang='en')[1].decode('utf-8')
    for k in ('no_approval', 'approved_late', 'quorum'):
        expect(msg('en', 'caud.reason.' + k) in body, 'reason %s not on the page' % k)
    expect(msg('en', 'caud.none') not in body, '"None." shown although every section has rows')
    # section 1 as CSV: one row per approval, a change without one on a row of its own
    h, b = get(s, '/changes/audit?%s&format=csv' % P, lang='en')
    expect(hget(h, 'Content-Type').startswith('text/csv') and b.startswith(b'\xef\xbb\xbf'), 'CSV type/BOM')
    lines = b.decode('utf-8-sig').split('\r\n')
    expect(lines[0].startswith('Number,') and len([ln for ln in lines[1:] if ln]) == 8, 'CSV rows %r' % lines[:3])


def t_kpi(s):
    k = model(s, '/changes/kpi?' + P).find('change-kpi')
    # 8 changes: 7 normal, 1 emergency; closed with a code E (successful), F (rolled back), G (with
    # issues), H (successful) → 3 of 4 = 75.0 %; emergency 1 of 8 = 12.5 %; no audit records → no
    # lead time
    want = {'total': '8', 'closed-with-code': '4', 'successful': '3', 'success-pct': '75.0', 'emergency': '1',
            'emergency-pct': '12.5', 'lead-n': '0', 'lead-hours': ''}
    got = {x: k.get(x) for x in want}
    expect(got == want, 'KPIs %r, want %r' % (got, want))
    by = {(e.tag, e.get('code')): e.get('n') for e in k if e.tag in ('type', 'state', 'close')}
    for key, n in ((('type', 'normal'), '7'), (('type', 'emergency'), '1'), (('type', 'standard'), '0'),
                   (('state', 'implement'), '1'), (('state', 'review'), '1'), (('state', 'assess'), '2'),
                   (('state', 'closed'), '4'), (('close', 'successful'), '2'), (('close', 'rolled_back'), '1'),
                   (('close', 'successful_with_issues'), '1'), (('close', 'unsuccessful'), '0')):
        expect(by.get(key) == n, '%s: %r, want %s' % (key, by.get(key), n))
    cis = [(c.get('code'), c.get('n')) for c in k.findall('ci')]
    expect(cis == [('DB-CORE-01', '3'), ('APP-PAYGW', '2')], 'per CI %r' % cis)
    # the same figures in kpi.csv
    rows = get(s, '/changes/evidence/kpi.csv?' + P)[1].decode('utf-8-sig').split('\r\n')
    kv = {tuple(r.split(',')[:2]): r.split(',')[2] for r in rows[1:] if r}
    expect(kv[('rate', 'success_pct')] == '75.0' and kv[('rate', 'emergency_pct')] == '12.5'
           and kv[('count', 'total')] == '8' and kv[('ci', 'DB-CORE-01')] == '3'
           and kv[('rate', 'lead_time_hours_avg')] == '', 'kpi.csv %r' % kv)
    # the demo month: lead time from the audit log, computed here independently
    k = model(s, '/changes/kpi').find('change-kpi')
    lead = db_all(s, "SELECT c.number, (SELECT min(at) FROM audit_log l WHERE l.entity_id = c.number AND"
                     " l.action = 'change.transition' AND json_extract(l.old_value, '$.state') = 'new'),"
                     " (SELECT min(at) FROM audit_log l WHERE l.entity_id = c.number AND l.action = 'change.transition'"
                     " AND json_extract(l.new_value, '$.state') = 'implement') FROM changes c"
                     " WHERE substr(c.number, 5, 4) <> '2025'")
    both = [r for r in lead if r[1] and r[2]]
    expect(k.get('lead-n') == str(len(both)) and both, 'lead-n %r, want %d' % (k.get('lead-n'), len(both)))
    p = lambda t: datetime.datetime.strptime(t, '%Y-%m-%dT%H:%M:%SZ')  # noqa: E731
    avg = sum((p(r[2]) - p(r[1])).total_seconds() / 3600 for r in both) / len(both)
    expect(k.get('lead-hours') == '%.1f' % avg, 'lead hours %r, want %.1f' % (k.get('lead-hours'), avg))


def cli_export(s, out, period=('2025-03-01', '2025-03-31')):
    r = s.cli('evidence', 'export', '--from', period[0], '--to', period[1], '--out', out)
    expect(r.returncode == 0, 'evidence export: %d %s' % (r.returncode, r.stderr))
    return {f: open(os.path.join(out, f), 'rb').read() for f in FILES}


def t_evidence(s):
    tmp = tempfile.mkdtemp(prefix='opsplan-evidence-')
    try:
        month = model(s, '/changes/audit').find('change-audit')
        for period in (('2025-03-01', '2025-03-31'), (month.get('from'), month.get('to'))):
            q = 'from=%s&to=%s' % period
            one = cli_export(s, os.path.join(tmp, 'one'), period)
            two = cli_export(s, os.path.join(tmp, 'two'), period)
            expect(one == two, 'two CLI runs differ: %r' % [f for f in FILES if one[f] != two[f]])
            for d in ('one', 'two'):
                r = subprocess.run(['sha256sum', '-c', 'MANIFEST.sha256'], cwd=os.path.join(tmp, d),
                                   capture_output=True, text=True)
                expect(r.returncode == 0, 'sha256sum -c in %s: %s %s' % (d, r.stdout, r.stderr))
            page = model(s, '/changes/evidence?' + q).find('evidence')
            listed = {f.get('name'): (f.get('size'), f.get('sha256')) for f in page.findall('file')}
            for f in FILES:
                h, b = get(s, '/changes/evidence/%s?%s' % (f, q))
                expect(b == one[f], 'web %s differs from the CLI file (%d vs %d bytes)' % (f, len(b), len(one[f])))
                ct = hget(h, 'Content-Type')
                want = 'text/csv' if f.endswith('.csv') else 'application/xml' if f.endswith('.xml') else 'text/plain'
                expect(ct.startswith(want), '%s: Content-Type %r' % (f, ct))
                expect(hget(h, 'Content-Disposition') == 'attachment; filename="%s"' % f,
                       '%s: Content-Disposition %r' % (f, hget(h, 'Content-Disposition')))
                expect(listed[f] == (str(len(b)), hashlib.sha256(b).hexdigest()), '%s listed as %r' % (f, listed[f]))
            # contents: CSVs for Excel, the audit records of the period as stored, the XML document
            for f in FILES:
                if f.endswith('.csv'):
                    expect(one[f].startswith(b'\xef\xbb\xbf') and b'\r\n' in one[f], '%s: BOM and CRLF' % f)
            n = db_one(s, 'SELECT count(*) FROM audit_log WHERE at >= ? AND at < ?', *utc_bounds(s, period))
            rows = one['audit_log.csv'].decode('utf-8-sig').split('\r\n')
            expect(rows[0].endswith('prev_hash,row_hash'), 'audit_log.csv header %r' % rows[0])
            last = db_all(s, 'SELECT id, prev_hash, row_hash FROM audit_log WHERE at >= ? AND at < ? ORDER BY id DESC'
                             ' LIMIT 1', *utc_bounds(s, period))
            if last:
                expect(rows[-2].startswith('%d,' % last[0][0]) and rows[-2].endswith(',%s,%s' % last[0][1:]),
                       'last audit row %r vs %r' % (rows[-2][:80], last))
            expect(one['audit_log.csv'].count(b'\r\n') - 1 >= n, 'audit_log.csv rows < %d' % n)
            x = ET.fromstring(one['changes.xml'])
            expect(x.tag == 'opsplan-evidence' and x.get('from') == period[0], 'changes.xml root %r' % x.attrib)
        x = ET.fromstring(cli_export(s, os.path.join(tmp, 'one'))['changes.xml'])
        b = x.find("change[@number='%s']" % num('B'))
        expect(b is not None and b.find('approval').get('approver') == 'chen.jie'
               and b.find('approval').get('at') == '2025-03-11T05:00:00Z', 'B in changes.xml')
        g = x.find("change[@number='%s']" % num('G'))
        expect([c.get('code') for c in g.findall('ci')] == ['APP-PAYGW', 'DB-CORE-01'], 'G CIs')
        # tampering with a file fails the manifest check
        with open(os.path.join(tmp, 'one', 'approvals.csv'), 'ab') as fh:
            fh.write(b'x')
        r = subprocess.run(['sha256sum', '-c', 'MANIFEST.sha256'], cwd=os.path.join(tmp, 'one'), capture_output=True,
                           text=True)
        expect(r.returncode != 0 and 'approvals.csv: FAILED' in r.stdout, 'tampered file passed: %s' % r.stdout)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def utc_bounds(s, period):
    """The UTC instants of the local (Asia/Shanghai, +8) period's start and end."""
    f = datetime.datetime.fromisoformat(period[0]) - datetime.timedelta(hours=8)
    t = datetime.datetime.fromisoformat(period[1]) + datetime.timedelta(days=1, hours=-8)
    return f.strftime('%Y-%m-%dT%H:%M:%SZ'), t.strftime('%Y-%m-%dT%H:%M:%SZ')


def t_bad_period(s):
    before = s.db_snapshot()
    for path in ('/changes/audit', '/changes/kpi', '/changes/evidence', '/changes/evidence/changes.csv'):
        for q, field, key in (('from=2025-02-30&to=2025-03-31', 'from', 'caud.error.date'),
                              ('from=2025-03-01&to=31.03.2025', 'to', 'caud.error.date'),
                              ('from=2025-03-10&to=2025-03-01', 'to', 'caud.error.order'),
                              ('from=x', 'from', 'caud.error.date')):
            st, h, b = s.request('GET', '%s?%s&format=xml' % (path, q), user=AUDITOR)
            e = xml_root(b, path).find('error') if st == 400 else None
            expect(st == 400 and e is not None and e.get('field') == field and e.get('key') == key,
                   '%s?%s: %d %s' % (path, q, st, short(b)))
        st, h, b = s.request('GET', path + '?from=2025-03-10&to=2025-03-01', user=AUDITOR, headers={'Accept-Language': 'en'})
        expect(st == 400 and msg('en', 'caud.error.order') in b.decode('utf-8') and '<code>to</code>' in b.decode('utf-8'),
               '%s: the page does not name the field: %s' % (path, short(b)))
    get(s, '/changes/evidence/secrets.txt?' + P, status=404)
    get(s, '/changes/evidence/..%2Fopsplan.db?' + P, status=404)
    tmp = tempfile.mkdtemp(prefix='opsplan-evidence-')
    try:
        for args, opt in ((('--from', '2025-02-30', '--to', '2025-03-31'), '--from'),
                          (('--from', '2025-03-10', '--to', '2025-03-01'), '--to'),
                          (('--from', '2025-03-01'), None), (('--to', '2025-03-01', '--bogus', 'x'), None)):
            out = os.path.join(tmp, 'out')
            r = s.cli('evidence', 'export', *args, '--out', out)
            expect(r.returncode == 2 and (opt is None or opt in r.stderr), 'CLI %r: %d %s' % (args, r.returncode, r.stderr))
            expect(not os.path.exists(out), 'CLI %r created %s' % (args, out))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    unchanged(s, before, 'bad periods')


def t_who(s):
    before = s.db_snapshot()
    for path in ('/changes/audit', '/changes/kpi', '/changes/evidence', '/changes/evidence/kpi.csv',
                 '/changes/audit?format=csv'):
        for user in (ENGINEER, APPROVER):
            get(s, path, user=user, status=403)
        for user in (AUDITOR, MANAGER, ADMIN):
            get(s, path, user=user)
        st, h, b = s.request('POST', path, user=AUDITOR, headers={'Content-Type': 'application/x-www-form-urlencoded'},
                             body='from=2025-03-01')
        expect(st in (403, 405), 'POST %s: %d' % (path, st))
    unchanged(s, before, 'reading the reports')
    # the link on the changes list for those who may read them
    for user, shown in ((AUDITOR, True), (MANAGER, True), (ENGINEER, False)):
        body = get(s, '/changes', user=user)[1].decode('utf-8')
        expect(('class="button" href="/changes/audit"' in body) == shown, '/changes link for %s' % user)


def t_pages(s):
    for path in ('/changes/audit', '/changes/audit?' + P, '/changes/kpi', '/changes/kpi?' + P, '/changes/evidence?' + P):
        html_page_ok(s, path, AUDITOR, ('caud', 'chg'), nav=('/changes/audit', 'caud.nav'))
    html_page_ok(s, '/changes', ENGINEER, ('chg',), nav=('/changes/audit', 'caud.nav'), nav_shown=False)
    # the printed page keeps the tables, not the form (print.css)
    css = open(os.path.join(harness.REPO, 'static', 'print.css')).read()
    expect(re.search(r'\.caud-nav, \.no-print \{ display: none', css), 'print.css does not hide the period form')
    body = get(s, '/changes/audit?' + P)[1].decode('utf-8')
    expect(re.search(r'<form class="filter no-print" method="get" action="/changes/audit"', body), 'period form')
    expect('<nav class="caud-nav no-print"' in body and 'href="/changes/audit?from=2025-02-01&amp;to=2025-02-28"' in body,
           'previous month link')


def t_logs_clean(s):
    logs_clean(s)


def run():
    with Stack('basic') as s:
        inject(s)
        for name, fn in (('demo_report', t_demo_report), ('violations', t_violations), ('kpi', t_kpi),
                         ('evidence', t_evidence), ('bad_period', t_bad_period), ('who', t_who), ('pages', t_pages),
                         ('logs_clean', t_logs_clean)):
            CHECKS.check('changeaudit.' + name, fn, s)


def main():
    return CHECKS.main((('changeaudit', run),))


if __name__ == '__main__':
    sys.exit(main())
