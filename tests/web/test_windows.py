#!/usr/bin/env python3
"""test_windows.py - change windows (change management, first part): the list and its create
form, editing and deactivating a window, refusals (field named, nothing stored), who may write,
the check of a change on CIs and their related CIs, the month view, the demo windows, the audit
records and both languages. One basic-mode stack (harness.py: real nginx + "opsplan serve" + the
demo database). The CIs and their relations are written straight into the database with sqlite3
(their pages are another issue's).

    python3 tests/web/test_windows.py [-k SUBSTRING] [-v]
"""

import json
import os
import re
import sys
import urllib.parse

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Stack, msg, expect, short, location, xml_root, errors_of, db_all, db_one, with_xml, token, post, unchanged, html_page_ok, logs_clean, db_write  # noqa: E402

CHECKS = harness.Checks()
FORM = {'Content-Type': 'application/x-www-form-urlencoded'}
ADMIN, MANAGER, ENGINEER, APPROVER, AUDITOR = 'admin', 'zhang.wei', 'li.na', 'chen.jie', 'auditor'
S = {}


def get_xml(s, path, user, status=200, lang=None):
    h = {'Accept-Language': lang} if lang else None
    st, hd, b = s.request('GET', with_xml(path), user=user, headers=h)
    expect(st == status, 'GET %s?format=xml as %s: %d, want %d: %s' % (path, user, st, status, short(b)))
    return xml_root(b, path)


def last_audit(s, action):
    row = db_all(s, 'SELECT entity, entity_id, actor, old_value, new_value FROM audit_log WHERE action = ?'
                    ' ORDER BY id DESC LIMIT 1', action)
    expect(row, 'no audit record %s' % action)
    e, i, a, o, n = row[0]
    return e, i, a, json.loads(o) if o else None, json.loads(n) if n else None


def window(**kw):
    f = {'kind': 'maintenance', 'name': 'T window', 'start': '2030-11-04T01:00', 'end': '2030-11-04T03:00',
         'repeat': 'none', 'repeat_until': '', 'ci': '', 'note': ''}
    f.update(kw)
    return f


def ci_id(s, code):
    return db_one(s, 'SELECT id FROM config_items WHERE code = ?', code)


# ---------------------------------------------------------------------------------------------

def t_setup_cis(s):
    """APP-PAY runs on SRV-01 and depends on DB-CORE, which depends on STORAGE-A; LONE-01 has no
    relation. MON-01 runs on STORAGE-A (a runs_on beyond the first step: not followed)."""
    for code, typ in (('APP-PAY', 'application'), ('SRV-01', 'server'), ('DB-CORE', 'database'),
                      ('STORAGE-A', 'storage'), ('LONE-01', 'server'), ('MON-01', 'application')):
        db_write(s, "INSERT INTO config_items (code, name, type, created_at, updated_at) VALUES (?, ?, ?,"
                    " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", code, 'CI ' + code, typ)
    rel = [('APP-PAY', 'SRV-01', 'runs_on'), ('APP-PAY', 'DB-CORE', 'depends_on'),
           ('DB-CORE', 'STORAGE-A', 'depends_on'), ('MON-01', 'STORAGE-A', 'runs_on')]
    for a, b, k in rel:
        db_write(s, 'INSERT INTO ci_relations (from_id, to_id, kind) VALUES (?, ?, ?)', ci_id(s, a), ci_id(s, b), k)
    # (the demo has a CMDB of its own: count only these)
    expect(db_one(s, "SELECT count(*) FROM ci_relations r JOIN config_items c ON c.id = r.from_id"
                     " WHERE c.code IN ('APP-PAY', 'DB-CORE', 'MON-01')") == 4, 'relations not stored')


def t_demo_windows(s):
    root = get_xml(s, '/changes/windows', ENGINEER)
    ws = root.findall('windows/window')
    kinds = sorted((w.get('kind'), w.get('repeat')) for w in ws)
    expect(kinds == [('freeze', 'none'), ('freeze', 'none'), ('maintenance', 'weekly')], 'demo windows: %r' % kinds)
    m = [w for w in ws if w.get('kind') == 'maintenance'][0]
    expect(m.get('start')[11:] == '22:00' and m.get('end')[11:] == '06:00' and m.get('weekday') == '6'
           and m.get('ci') == '', 'demo maintenance: %r' % m.attrib)
    fz = sorted((w.get('start')[5:], w.get('end')[5:]) for w in ws if w.get('kind') == 'freeze')
    expect(fz == [('11-10T00:00', '11-13T00:00'), ('12-25T00:00', '01-04T00:00')], 'demo freezes: %r' % fz)
    S['weekly'] = m.get('id')


def t_create_manager(s):
    n = db_one(s, 'SELECT count(*) FROM change_windows')
    st, h, b = post(s, '/changes/windows', MANAGER, window(name='DB-CORE 周一夜间维护', ci='DB-CORE', repeat='weekly',
                                                           repeat_until='2031-06-30', note='Oracle 补丁'))
    expect(st == 303, 'create: %d %s' % (st, short(b)))
    expect(location(h).startswith('/changes/windows?flash=window'), 'location %s' % location(h))
    expect(db_one(s, 'SELECT count(*) FROM change_windows') == n + 1, 'not stored')
    row = db_all(s, 'SELECT id, kind, start_at, end_at, repeat, repeat_until, ci_id, note, active FROM change_windows'
                    ' ORDER BY id DESC LIMIT 1')[0]
    expect(row[1:] == ('maintenance', '2030-11-04T01:00', '2030-11-04T03:00', 'weekly', '2031-06-30',
                       ci_id(s, 'DB-CORE'), 'Oracle 补丁', 1), 'row %r' % (row,))
    S['dbwin'] = row[0]
    e, i, a, o, nv = last_audit(s, 'window.create')
    expect(e == 'window' and i == str(row[0]) and a == MANAGER and o is None, 'audit %r' % ((e, i, a),))
    expect(nv['ci'] == 'DB-CORE' and nv['repeat'] == 'weekly' and nv['name'] == 'DB-CORE 周一夜间维护', 'audit new %r' % nv)
    # a freeze for all CIs, by the admin; a space instead of T is accepted and stored canonical
    st, h, b = post(s, '/changes/windows', ADMIN, window(kind='freeze', name='T 大促封网', start='2030-11-10 00:00',
                                                         end='2030-11-13T00:00'))
    expect(st == 303, 'freeze create: %d %s' % (st, short(b)))
    S['freeze'] = db_one(s, "SELECT id FROM change_windows WHERE name = 'T 大促封网' AND start_at = '2030-11-10T00:00'")
    expect(S['freeze'], 'the freeze is not stored canonically')
    root = get_xml(s, '/changes/windows', AUDITOR)
    w = [x for x in root.findall('windows/window') if x.get('id') == str(S['dbwin'])]
    expect(w and w[0].get('ci') == 'DB-CORE' and w[0].get('ci-name') == 'CI DB-CORE' and w[0].get('repeat-until') == '2031-06-30',
           'list row %r' % (w[0].attrib if w else None))


def refused(s, path, user, fields, field, key, what):
    before = s.db_snapshot()
    st, h, b = post(s, path, user, fields, xml=True)
    expect(st == 400, '%s: %d, want 400: %s' % (what, st, short(b)))
    errs = errors_of(xml_root(b, what))
    expect((field, key) in errs, '%s: want error %s/%s, got %s' % (what, field, key, sorted(errs)))
    for lang in ('zh-CN', 'en'):
        fields2 = list(fields.items())
        fields2.append(('csrf_token', token(s, user)))
        st, h, b = s.request('POST', path, user=user, headers=dict(FORM, **{'Accept-Language': lang}),
                             body=urllib.parse.urlencode(fields2, encoding='utf-8'))
        body = b.decode('utf-8')
        expect(st == 400, '%s (page): %d' % (what, st))
        expect(re.search(r'name="%s"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="%s"' % (field, field), body),
               '%s: the field %s is not marked invalid' % (what, field))
        expect(msg(lang, key) in body, '%s: the %s message %s is not on the page' % (what, lang, key))
    unchanged(s, before, what)


def t_refusals(s):
    p = '/changes/windows'
    refused(s, p, MANAGER, window(name=''), 'name', 'win.error.name', 'name missing')
    refused(s, p, MANAGER, window(start='2030-11-31T01:00'), 'start', 'win.error.time', 'bad start')
    refused(s, p, MANAGER, window(end='2030-11-04 25:00'), 'end', 'win.error.time', 'bad end')
    refused(s, p, MANAGER, window(end='2030-11-04T01:00'), 'end', 'win.error.order', 'end = start')
    refused(s, p, MANAGER, window(end='2030-11-03T03:00'), 'end', 'win.error.order', 'end before start')
    refused(s, p, MANAGER, window(repeat='weekly', end='2030-11-11T01:01'), 'end', 'win.error.weekly_long', 'weekly > 7 days')
    refused(s, p, MANAGER, window(ci='NO-SUCH-CI'), 'ci', 'win.error.ci', 'unknown CI')
    refused(s, p, MANAGER, window(repeat='weekly', repeat_until='2030-11-03'), 'repeat_until', 'win.error.until_order',
            'repeat_until before start')
    refused(s, p, MANAGER, window(kind='blackout'), 'kind', 'win.error.kind', 'bad kind')
    # the edit form refuses the same way
    refused(s, '/changes/windows/%d' % S['dbwin'], ADMIN, window(end='2030-11-04T00:30'), 'end', 'win.error.order',
            'edit: end before start')


def t_forbidden(s):
    for user in (ENGINEER, APPROVER, AUDITOR):
        for path in ('/changes/windows', '/changes/windows/%d' % S['dbwin'], '/changes/windows/%d/deactivate' % S['dbwin']):
            before = s.db_snapshot()
            st, h, b = post(s, path, user, window(name='nope'))
            expect(st == 403, '%s POST %s: %d, want 403' % (user, path, st))
            unchanged(s, before, '%s POST %s' % (user, path))
    # readers see no write forms
    st, h, b = s.request('GET', '/changes/windows', user=ENGINEER)
    expect(st == 200 and b'action="/changes/windows"' not in b, 'engineer sees the create form')
    st, h, b = s.request('GET', '/changes/windows', user=MANAGER)
    expect(b'action="/changes/windows"' in b and b'name="repeat_until"' in b, 'manager lacks the create form')


def t_edit(s):
    i = S['dbwin']
    root = get_xml(s, '/changes/windows/%d' % i, ENGINEER)
    f = root.find('window-form')
    expect(f is not None and f.get('ci') == 'DB-CORE' and f.get('repeat') == 'weekly', 'edit model %r' % (f.attrib if f is not None else None))
    st, h, b = post(s, '/changes/windows/%d' % i, ADMIN, window(name='DB-CORE 周一夜间维护', ci='DB-CORE', repeat='weekly',
                                                               repeat_until='', end='2030-11-04T03:30', note='延长半小时'))
    expect(st == 303 and location(h) == '/changes/windows/%d?flash=window' % i, 'edit: %d %s' % (st, location(h)))
    row = db_all(s, 'SELECT end_at, repeat_until, note FROM change_windows WHERE id = ?', i)[0]
    expect(row == ('2030-11-04T03:30', None, '延长半小时'), 'edit row %r' % (row,))
    e, eid, a, o, nv = last_audit(s, 'window.update')
    expect(e == 'window' and eid == str(i) and a == ADMIN, 'audit %r' % ((e, eid, a),))
    expect(o['end'] == '2030-11-04T03:00' and o['repeat_until'] == '2031-06-30' and nv['end'] == '2030-11-04T03:30'
           and nv['repeat_until'] is None, 'audit values %r %r' % (o, nv))
    st, h, b = s.request('GET', '/changes/windows/99999', user=ADMIN)
    expect(st == 404, 'unknown window: %d' % st)


def check(s, start, end, cis, user=ENGINEER, status=200):
    q = urllib.parse.urlencode([('start', start), ('end', end)] + [('ci', c) for c in cis])
    return get_xml(s, '/changes/windows/check?' + q, user, status)


def t_check(s):
    # Monday 2030-11-11 01:30-02:30: inside the freeze for all CIs; outside the Saturday-night
    # window (every CI), but inside DB-CORE's own Monday 01:00-03:30 window
    root = check(s, '2030-11-11T01:30', '2030-11-11T02:30', ['APP-PAY'])
    c = root.find('check')
    expect(c is not None and c.get('minutes') == '60', 'no check result')
    cis = {x.get('code'): x for x in c.findall('ci')}
    expect(set(cis) == {'APP-PAY', 'SRV-01', 'DB-CORE', 'STORAGE-A'}, 'CIs checked %r' % sorted(cis))
    expect(cis['APP-PAY'].get('given') == '1' and cis['SRV-01'].get('relation') == 'runs_on'
           and cis['STORAGE-A'].get('via') == 'DB-CORE' and cis['STORAGE-A'].get('relation') == 'depends_on',
           'relations %r' % {k: v.attrib for k, v in cis.items()})
    fs = c.findall('finding')
    fz = [f for f in fs if f.get('kind') == 'freeze']
    expect(len(fz) == 1 and fz[0].get('window') == str(S['freeze']) and fz[0].get('extent') == 'full'
           and fz[0].get('occ-start') == '2030-11-10T00:00' and fz[0].get('ci') == '', 'freeze findings %r' % [f.attrib for f in fz])
    out = sorted(f.get('ci') for f in fs if f.get('kind') == 'outside')
    expect(out == ['APP-PAY', 'SRV-01', 'STORAGE-A'], 'outside findings %r' % out)
    expect(all(f.get('extent') == 'full' for f in fs if f.get('kind') == 'outside'), 'outside extent')
    # the page in both languages names the freeze and the CIs
    for lang in ('zh-CN', 'en'):
        q = 'start=2030-11-11T01:30&end=2030-11-11T02:30&ci=APP-PAY'
        st, h, b = s.request('GET', '/changes/windows/check?' + q, user=ENGINEER, headers={'Accept-Language': lang})
        body = b.decode('utf-8')
        expect(st == 200 and 'T 大促封网' in body and msg(lang, 'win.finding.freeze') in body
               and msg(lang, 'win.finding.outside') in body and 'STORAGE-A' in body, 'check page (%s)' % lang)
    # partly: Sunday 2030-11-10 05:00-07:00 on LONE-01 (in the freeze; last hour outside maintenance)
    root = check(s, '2030-11-10T05:00', '2030-11-10T07:00', ['LONE-01'])
    fs = root.findall('check/finding')
    o = [f for f in fs if f.get('kind') == 'outside']
    expect(len(o) == 1 and o[0].get('extent') == 'partial' and o[0].get('from') == '2030-11-10T06:00'
           and o[0].get('to') == '2030-11-10T07:00', 'partial outside %r' % [f.attrib for f in fs])
    # a change that ends exactly when the freeze starts is not in it (and inside the Saturday window)
    root = check(s, '2030-11-09T22:30', '2030-11-10T00:00', ['LONE-01'])
    expect(not root.findall('check/finding'), 'boundary findings %r' % [f.attrib for f in root.findall('check/finding')])
    st, h, b = s.request('GET', '/changes/windows/check?start=2030-11-09T22:30&end=2030-11-10T00:00&ci=LONE-01',
                         user=ENGINEER)
    expect(msg('zh-CN', 'win.check.none') in b.decode('utf-8'), 'no "no findings" text')
    # partly inside the freeze
    root = check(s, '2030-11-12T23:00', '2030-11-13T01:00', [])
    fz = root.findall('check/finding')
    expect(len(fz) == 1 and fz[0].get('extent') == 'partial' and fz[0].get('to') == '2030-11-13T00:00', 'partial freeze %r' % [f.attrib for f in fz])


def t_check_refused(s):
    root = check(s, '2030-11-11T01:30', '2030-11-11T02:30', ['APP-PAY', 'NOPE-9'], status=400)
    expect(('ci', 'win.error.ci') in errors_of(root) and root.find('check') is None, 'unknown CI %r' % errors_of(root))
    expect(any(e.get('arg') == 'NOPE-9' for e in root.findall('errors/error')), 'the code is not named')
    root = check(s, '2030-11-11T01:30', '2030-11-11T01:00', [], status=400)
    expect(('end', 'win.error.order') in errors_of(root), 'order %r' % errors_of(root))
    root = check(s, 'tomorrow', '2030-11-11T01:00', [], status=400)
    expect(('start', 'win.error.time') in errors_of(root), 'time %r' % errors_of(root))
    root = get_xml(s, '/changes/windows/check', ENGINEER)
    expect(root.find('check') is None and root.find('check-form') is not None, 'empty form')


def t_deactivate(s):
    i = S['freeze']
    st, h, b = post(s, '/changes/windows/%d/deactivate' % i, MANAGER, {})
    expect(st == 303, 'deactivate: %d' % st)
    expect(db_one(s, 'SELECT active FROM change_windows WHERE id = ?', i) == 0, 'still active')
    e, eid, a, o, nv = last_audit(s, 'window.deactivate')
    expect(e == 'window' and eid == str(i) and a == MANAGER and o['active'] == 1 and nv == {'active': 0}, 'audit')
    root = get_xml(s, '/changes/windows', ENGINEER)
    w = [x for x in root.findall('windows/window') if x.get('id') == str(i)]
    expect(w and w[0].get('active') == '0', 'deactivated window not listed')
    root = check(s, '2030-11-11T01:30', '2030-11-11T02:30', ['APP-PAY'])
    expect(not [f for f in root.findall('check/finding') if f.get('kind') == 'freeze'], 'inactive freeze still found')
    n = db_one(s, 'SELECT count(*) FROM audit_log')
    st, h, b = post(s, '/changes/windows/%d/deactivate' % i, MANAGER, {})
    expect(st == 303 and db_one(s, 'SELECT count(*) FROM audit_log') == n, 'second deactivate audited again')
    expect(db_one(s, 'SELECT count(*) FROM change_windows WHERE id = ?', i) == 1, 'deleted')


def t_month(s):
    st, h, b = post(s, '/changes/windows', ADMIN, window(kind='freeze', name='T 年终封网', start='2030-12-25T00:00',
                                                         end='2031-01-04T00:00'))
    expect(st == 303, 'create: %d' % st)
    root = get_xml(s, '/changes/windows/calendar?month=2030-12', AUDITOR)
    m = root.find('month')
    expect(m is not None and m.get('prev') == '2030-11' and m.get('next') == '2031-01', 'month %r' % (m.attrib if m is not None else None))
    days = {d.get('date'): d for d in m.iter('day')}
    expect(len(days) % 7 == 0 and '2030-11-25' in days and '2031-01-05' in days, 'grid %s..' % sorted(days)[:2])
    expect(days['2030-12-25'].get('freeze') == '1' and days['2030-12-31'].get('freeze') == '1'
           and days['2030-12-24'].get('freeze') == '0', 'freeze days')
    sat = [(o.get('from'), o.get('to')) for o in days['2030-12-07'].findall('occ') if o.get('kind') == 'maintenance']
    sun = [(o.get('from'), o.get('to')) for o in days['2030-12-08'].findall('occ') if o.get('kind') == 'maintenance']
    expect(('22:00', '24:00') in sat and ('00:00', '06:00') in sun, 'midnight crossing %r %r' % (sat, sun))
    for lang in ('zh-CN', 'en'):
        st, h, b = s.request('GET', '/changes/windows/calendar?month=2030-12', user=ENGINEER, headers={'Accept-Language': lang})
        body = b.decode('utf-8')
        expect(st == 200 and 'win-freeze-day' in body and msg(lang, 'win.cal.freeze_day') in body, 'month page (%s)' % lang)
        cell = re.search(r'<td data-date="2030-12-25"[^>]*>.*?</td>', body, re.S)
        expect(cell and msg(lang, 'win.cal.freeze_day') in cell.group(0), 'the freeze day has no text mark')
    st, h, b = s.request('GET', '/changes/windows/calendar?month=2030-13', user=ENGINEER)
    expect(st == 400, 'bad month: %d' % st)
    st, h, b = s.request('GET', '/changes/windows/calendar', user=ENGINEER)
    expect(st == 200, 'default month: %d' % st)


def page_ok(s, path, user):
    html_page_ok(s, path, user, ('win',), nav=('/changes/windows', 'nav.windows'))


def pages():
    return [('/changes/windows', ADMIN), ('/changes/windows', ENGINEER), ('/changes/windows', AUDITOR),
            ('/changes/windows/%d' % S.get('dbwin', 1), MANAGER), ('/changes/windows/%d' % S.get('dbwin', 1), AUDITOR),
            ('/changes/windows/check', ENGINEER),
            ('/changes/windows/check?start=2030-11-11T01:30&end=2030-11-11T02:30&ci=APP-PAY', AUDITOR),
            ('/changes/windows/calendar?month=2030-11', APPROVER), ('/', ENGINEER)]


def t_logs_clean(s):
    logs_clean(s)


def run():
    with Stack('basic') as s:
        c = CHECKS.check
        c('windows.setup_cis', t_setup_cis, s)
        c('windows.demo_windows', t_demo_windows, s)
        c('windows.create_by_manager_and_admin_audited', t_create_manager, s)
        c('windows.refusals_field_named_nothing_stored', t_refusals, s)
        c('windows.others_403', t_forbidden, s)
        c('windows.edit_audited', t_edit, s)
        c('windows.check_freeze_outside_related', t_check, s)
        c('windows.check_refused', t_check_refused, s)
        c('windows.deactivate_audited_never_deleted', t_deactivate, s)
        c('windows.month_view', t_month, s)
        for path, user in pages():
            c('windows.page %s [%s]' % (path, user), page_ok, s, path, user)
        c('windows.logs_clean_audit_verify', t_logs_clean, s)


def main():
    return CHECKS.main((('windows', run),))


if __name__ == '__main__':
    sys.exit(main())
