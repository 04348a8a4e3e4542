#!/usr/bin/env python3
"""test_cmdb.py - the configuration management database (change-management issue, first part):
the CI list with its filters and CSV, creating and editing CIs (retiring by status), a CI's page
with its relations both ways, the CIs a change to it may affect and its audit history, adding and
removing relations and every refusal. One basic-mode stack (harness.py: real nginx + "opsplan
serve" + the demo database, whose CMDB is a bank data centre: DB-CORE-01 on an Oracle RAC pair).

    python3 tests/web/test_cmdb.py [-k SUBSTRING] [-v]

Refusals compare database snapshots (row counts, "opsplan audit head") before and after, and
look for the field in the model (?format=xml) and on the HTML page.
"""

import json
import os
import sys
import urllib.parse

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Stack, CAT, Fail, expect, short, location, xml_root, db_all, db_one, with_xml, token, post, unchanged, html_page_ok, logs_clean, refused  # noqa: E402

CHECKS = harness.Checks()
FORM = {'Content-Type': 'application/x-www-form-urlencoded'}
ADMIN, MANAGER, ENGINEER, APPROVER, AUDITOR = 'admin', 'zhang.wei', 'li.na', 'chen.jie', 'auditor'
READERS = (ADMIN, MANAGER, ENGINEER, 'wang.fang', APPROVER, AUDITOR)


# ---------------------------------------------------------------------------------------------
# helpers

def get_xml(s, path, user, status=200):
    st, h, b = s.request('GET', with_xml(path), user=user)
    expect(st == status, 'GET %s?format=xml as %s: %d, want %d: %s' % (path, user, st, status, short(b)))
    return xml_root(b, path)


def last_audit(s, action):
    """(entity, entity_id, actor, old, new) of the newest audit record of action."""
    row = db_all(s, 'SELECT entity, entity_id, actor, old_value, new_value FROM audit_log WHERE action = ?'
                    ' ORDER BY id DESC LIMIT 1', action)
    expect(row, 'no audit record %s' % action)
    e, i, a, o, n = row[0]
    return e, i, a, json.loads(o) if o else None, json.loads(n) if n else None


def forbidden(s, path, user, fields, what):
    before = s.db_snapshot()
    st, h, b = post(s, path, user, fields)
    expect(st == 403, '%s as %s: %d, want 403' % (what, user, st))
    unchanged(s, before, what)


def ci_row(s, code):
    rows = db_all(s, 'SELECT c.name, c.type, c.status, coalesce(u.login, \'\'), c.description FROM config_items c'
                     ' LEFT JOIN users u ON u.id = c.owner_id WHERE c.code = ?', code)
    return rows[0] if rows else None


def relation(s, a, kind, b):
    return db_one(s, 'SELECT count(*) FROM ci_relations r JOIN config_items f ON f.id = r.from_id'
                     ' JOIN config_items t ON t.id = r.to_id WHERE f.code = ? AND r.kind = ? AND t.code = ?', a, kind, b)


def new_ci(code, **kw):
    f = {'code': code, 'name': 'Test ' + code, 'type': 'server', 'status': 'active', 'owner': 'li.na',
         'description': ''}
    f.update(kw)
    return f


def create(s, code, user=MANAGER, **kw):
    st, h, b = post(s, '/cmdb', user, new_ci(code, **kw))
    expect(st == 303, 'create %s: %d %s' % (code, st, short(b)))
    return location(h)


# ---------------------------------------------------------------------------------------------
# the list

def t_list_readers(s):
    for u in READERS:
        r = get_xml(s, '/cmdb', u)
        codes = [c.get('code') for c in r.findall('cmdb/ci')]
        expect('DB-CORE-01' in codes and 'SVC-EBANK' in codes, '%s: demo CIs missing: %r' % (u, codes))
        expect(codes == sorted(codes), '%s: not sorted by code: %r' % (u, codes))
        expect(r.find('cmdb').get('total') == str(len(codes)), 'total')
        want = '1' if u in (ADMIN, MANAGER) else '0'
        expect(r.find('can').get('create') == want, '%s: can/@create %s' % (u, r.find('can').get('create')))


def t_list_filters(s):
    r = get_xml(s, '/cmdb?type=server', AUDITOR)
    cis = r.findall('cmdb/ci')
    expect(cis and all(c.get('type') == 'server' for c in cis), 'type filter')
    expect('SRV-RAC-01' in [c.get('code') for c in cis], 'type filter lost SRV-RAC-01')
    r = get_xml(s, '/cmdb?status=retired', AUDITOR)
    expect([c.get('code') for c in r.findall('cmdb/ci')] == ['SRV-AIX-OLD'], 'status filter: %r'
           % [c.get('code') for c in r.findall('cmdb/ci')])
    r = get_xml(s, '/cmdb?owner=li.na', AUDITOR)
    expect(r.findall('cmdb/ci') and all(c.get('owner') == 'li.na' for c in r.findall('cmdb/ci')), 'owner filter')
    # free text on the code and on the name (case-insensitive, Chinese too)
    r = get_xml(s, '/cmdb?q=rac', AUDITOR)
    expect({c.get('code') for c in r.findall('cmdb/ci')} == {'SRV-RAC-01', 'SRV-RAC-02'},
           'q=rac: %r' % [c.get('code') for c in r.findall('cmdb/ci')])
    r = get_xml(s, '/cmdb?q=' + urllib.parse.quote('支付'), AUDITOR)
    expect({c.get('code') for c in r.findall('cmdb/ci')} == {'SRV-PAYGW-01', 'APP-PAYGW', 'SVC-PAYMENT'},
           'q=支付: %r' % [c.get('code') for c in r.findall('cmdb/ci')])
    r = get_xml(s, '/cmdb?type=database&owner=li.na&q=core', AUDITOR)
    expect([c.get('code') for c in r.findall('cmdb/ci')] == ['DB-CORE-01'], 'combined filters')
    st, h, b = s.request('GET', '/cmdb?type=mainframe&format=xml', user=AUDITOR)
    expect(st == 400 and 'type' in b.decode(), 'unknown type filter: %d' % st)
    st, h, b = s.request('GET', '/cmdb?status=gone', user=AUDITOR)
    expect(st == 400, 'unknown status filter: %d' % st)


def t_csv(s):
    create(s, 'CSV-TEST-1', name='=HYPERLINK("http://x","y")', description='+1, "quoted"\nline')
    st, h, b = s.request('GET', '/cmdb?format=csv&q=CSV-TEST', user=AUDITOR)
    expect(st == 200, 'csv: %d' % st)
    ctype = harness.hget(h, 'Content-Type') or ''
    expect(ctype.startswith('text/csv'), 'csv content type %r' % ctype)
    expect('attachment' in (harness.hget(h, 'Content-Disposition') or ''), 'csv not an attachment')
    expect(b.startswith(b'\xef\xbb\xbf'), 'no BOM')
    text = b[3:].decode('utf-8')
    expect(text.count('\r\n') == 2 and text.endswith('\r\n'), 'not two CRLF rows: %r' % text)
    head = text.split('\r\n')[0].split(',')
    expect(head[0] == CAT['zh-CN']['cmdb.code'] and CAT['zh-CN']['cmdb.owner'] in head, 'header %r' % head)
    row = text.split('\r\n', 1)[1]
    expect(row.startswith('CSV-TEST-1,"\'=HYPERLINK(""http://x"",""y"")"'), 'formula not neutralised: %r' % row)
    expect('"\'+1, ""quoted""\nline"' in row, 'description cell: %r' % row)
    expect(CAT['zh-CN']['cmdb.type.server'] in row and CAT['zh-CN']['cmdb.status.active'] in row, 'labels: %r' % row)
    # the whole list, in English
    st, h, b = s.request('GET', '/cmdb?format=csv', user=ENGINEER, headers={'Accept-Language': 'en'})
    lines = b[3:].decode('utf-8').split('\r\n')
    expect(lines[0].startswith('Code,Name,Type'), 'English header %r' % lines[0])
    expect(len(lines) - 2 == db_one(s, 'SELECT count(*) FROM config_items'), 'CSV rows != CIs')


# ---------------------------------------------------------------------------------------------
# create and edit

def t_create(s):
    n = db_one(s, 'SELECT count(*) FROM audit_log')
    loc = create(s, 'APP-CRM.V2_1', name='客户关系管理 CRM', type='application', status='planned',
                 description='新系统 new system')
    expect(loc == '/cmdb/APP-CRM.V2_1?flash=created', 'redirect %r' % loc)
    expect(ci_row(s, 'APP-CRM.V2_1') == ('客户关系管理 CRM', 'application', 'planned', 'li.na', '新系统 new system'),
           'stored: %r' % (ci_row(s, 'APP-CRM.V2_1'),))
    e, i, a, o, nv = last_audit(s, 'ci.create')
    expect((e, i, a) == ('ci', 'APP-CRM.V2_1', MANAGER) and o is None and nv['type'] == 'application'
           and nv['owner'] == 'li.na', 'audit %r' % ((e, i, a, o, nv),))
    expect(db_one(s, 'SELECT count(*) FROM audit_log') == n + 1, 'one audit record')
    r = get_xml(s, '/cmdb/APP-CRM.V2_1?flash=created', ENGINEER)
    expect(r.find('meta/flash').get('key') == 'flash.created', 'flash')
    expect(r.find('ci').get('status') == 'planned', 'page status')
    # admin too, with no owner
    create(s, 'NET-FW-02', user=ADMIN, owner='', type='network')
    expect(ci_row(s, 'NET-FW-02')[3] == '', 'owner not empty')


def t_create_refused(s):
    create(s, 'DUP-CODE')
    cases = [
        (new_ci('x'), 'code', 'cmdb.error.code'),
        (new_ci('db-core-02'), 'code', 'cmdb.error.code'),
        (new_ci('A' * 65), 'code', 'cmdb.error.code'),
        (new_ci('BAD CODE'), 'code', 'cmdb.error.code'),
        (new_ci('DUP-CODE'), 'code', 'error.code_taken'),
        (new_ci('OK-1', name=''), 'name', 'error.name'),
        (new_ci('OK-2', name='a\nb'), 'name', 'error.name'),
        (new_ci('OK-3', type='mainframe'), 'type', 'cmdb.error.type'),
        (new_ci('OK-4', status='deleted'), 'status', 'error.status'),
        (new_ci('OK-5', owner='nobody'), 'owner', 'error.owner'),
        (new_ci('OK-6', description='x' * 4001), 'description', 'error.field_too_long'),
    ]
    for fields, field, key in cases:
        refused(s, '/cmdb', MANAGER, fields, field, key, 'create %s/%s' % (field, key))
    # the entered values come back in the form
    st, h, b = post(s, '/cmdb', MANAGER, new_ci('OK-7', name='保留 kept', type='mainframe'), xml=True)
    f = xml_root(b).find('ci-form')
    expect(f.get('code') == 'OK-7' and f.get('name') == '保留 kept' and f.get('mode') == 'new', 'values kept')


def t_edit(s):
    create(s, 'SRV-EDIT-1')
    st, h, b = s.request('GET', '/cmdb/SRV-EDIT-1/edit', user=MANAGER)
    body = b.decode()
    expect(st == 200 and 'action="/cmdb/SRV-EDIT-1"' in body and 'name="code"' not in body, 'edit form: %d' % st)
    fields = {'name': '新名称 renamed', 'type': 'storage', 'status': 'maintenance', 'owner': 'wang.fang',
              'description': 'moved', 'code': 'SRV-OTHER'}
    st, h, b = post(s, '/cmdb/SRV-EDIT-1', ADMIN, fields)
    expect(st == 303 and location(h) == '/cmdb/SRV-EDIT-1?flash=saved', 'edit: %d %s' % (st, location(h)))
    expect(ci_row(s, 'SRV-EDIT-1') == ('新名称 renamed', 'storage', 'maintenance', 'wang.fang', 'moved'),
           'stored %r' % (ci_row(s, 'SRV-EDIT-1'),))
    expect(ci_row(s, 'SRV-OTHER') is None, 'the code changed')
    e, i, a, o, nv = last_audit(s, 'ci.update')
    expect((e, i, a) == ('ci', 'SRV-EDIT-1', ADMIN) and o['name'] == 'Test SRV-EDIT-1' and nv['name'] == '新名称 renamed'
           and o['owner'] == 'li.na' and nv['owner'] == 'wang.fang', 'audit %r' % ((e, i, a, o, nv),))
    # retiring is a status; the CI stays, with its own audit action
    fields.update(status='retired')
    st, h, b = post(s, '/cmdb/SRV-EDIT-1', MANAGER, fields)
    expect(st == 303 and ci_row(s, 'SRV-EDIT-1')[2] == 'retired', 'retire')
    e, i, a, o, nv = last_audit(s, 'ci.retire')
    expect(i == 'SRV-EDIT-1' and o['status'] == 'maintenance' and nv['status'] == 'retired', 'retire audit')
    # the same values again: nothing to record
    n = db_one(s, 'SELECT count(*) FROM audit_log')
    st, h, b = post(s, '/cmdb/SRV-EDIT-1', MANAGER, fields)
    expect(st == 303 and db_one(s, 'SELECT count(*) FROM audit_log') == n, 'an unchanged save was audited')
    # the database never deletes a CI
    con = s.db_connect()
    try:
        con.execute("DELETE FROM config_items WHERE code = 'SRV-EDIT-1'")
        raise Fail('a CI could be deleted')
    except harness.sqlite3.DatabaseError:
        pass
    finally:
        con.close()
    refused(s, '/cmdb/SRV-EDIT-1', MANAGER, dict(fields, name=''), 'name', 'error.name', 'edit empty name')
    refused(s, '/cmdb/SRV-EDIT-1', MANAGER, dict(fields, status='gone'), 'status', 'error.status', 'edit bad status')
    refused(s, '/cmdb/SRV-EDIT-1', MANAGER, dict(fields, owner='ghost'), 'owner', 'error.owner', 'edit bad owner')
    st, h, b = s.request('GET', '/cmdb/NO-SUCH-CI/edit', user=ADMIN)
    expect(st == 404, 'edit unknown: %d' % st)
    before = s.db_snapshot()
    st, h, b = post(s, '/cmdb/NO-SUCH-CI', ADMIN, fields)
    expect(st == 404, 'post unknown: %d' % st)
    unchanged(s, before, 'post unknown')


def t_forbidden(s):
    create(s, 'SRV-FORB-1')
    for u in (ENGINEER, APPROVER, AUDITOR):
        forbidden(s, '/cmdb', u, new_ci('SRV-FORB-2'), 'create')
        forbidden(s, '/cmdb/SRV-FORB-1', u, new_ci('SRV-FORB-1', name='x'), 'edit')
        forbidden(s, '/cmdb/SRV-FORB-1/relations', u, {'kind': 'runs_on', 'target': 'STOR-SAN-01'}, 'relation')
        forbidden(s, '/cmdb/DB-CORE-01/relations/delete', u, {'kind': 'runs_on', 'target': 'SRV-RAC-01'},
                  'relation delete')
        for path in ('/cmdb/new', '/cmdb/SRV-FORB-1/edit'):
            st, h, b = s.request('GET', path, user=u)
            expect(st == 403, 'GET %s as %s: %d' % (path, u, st))
        r = get_xml(s, '/cmdb/SRV-FORB-1', u)
        expect(r.find('can').get('edit') == '0', '%s can edit' % u)
        body = s.request('GET', '/cmdb/SRV-FORB-1', user=u)[2].decode()
        expect('/relations' not in body and '/edit' not in body, '%s sees write forms' % u)


# ---------------------------------------------------------------------------------------------
# relations and impact

def t_relations(s):
    create(s, 'APP-REL-1', type='application')
    create(s, 'SRV-REL-1')
    n = db_one(s, 'SELECT count(*) FROM audit_log')
    st, h, b = post(s, '/cmdb/APP-REL-1/relations', MANAGER, {'kind': 'runs_on', 'target': 'SRV-REL-1'})
    expect(st == 303 and location(h) == '/cmdb/APP-REL-1?flash=saved#relations', 'add: %d %s' % (st, location(h)))
    expect(relation(s, 'APP-REL-1', 'runs_on', 'SRV-REL-1') == 1, 'not stored')
    e, i, a, o, nv = last_audit(s, 'ci.relation_add')
    expect((e, i, a, o, nv) == ('ci', 'APP-REL-1', MANAGER, None, {'kind': 'runs_on', 'target': 'SRV-REL-1'}),
           'audit %r' % ((e, i, a, o, nv),))
    st, h, b = post(s, '/cmdb/APP-REL-1/relations', ADMIN, {'kind': 'depends_on', 'target': 'DB-CORE-01'})
    expect(st == 303 and relation(s, 'APP-REL-1', 'depends_on', 'DB-CORE-01') == 1, 'depends_on')
    expect(db_one(s, 'SELECT count(*) FROM audit_log') == n + 2, 'two audit records')
    # both directions on the pages
    r = get_xml(s, '/cmdb/APP-REL-1', ENGINEER)
    expect([x.get('code') for x in r.findall('ci/runs-on/rel')] == ['SRV-REL-1'], 'runs-on')
    expect([x.get('code') for x in r.findall('ci/depends-on/rel')] == ['DB-CORE-01'], 'depends-on')
    r = get_xml(s, '/cmdb/SRV-REL-1', ENGINEER)
    expect([x.get('code') for x in r.findall('ci/runs-here/rel')] == ['APP-REL-1'], 'runs-here')
    r = get_xml(s, '/cmdb/DB-CORE-01', ENGINEER)
    expect('APP-REL-1' in [x.get('code') for x in r.findall('ci/depended-by/rel')], 'depended-by')
    # removing
    st, h, b = post(s, '/cmdb/APP-REL-1/relations/delete', MANAGER, {'kind': 'depends_on', 'target': 'DB-CORE-01'})
    expect(st == 303 and relation(s, 'APP-REL-1', 'depends_on', 'DB-CORE-01') == 0, 'remove: %d' % st)
    e, i, a, o, nv = last_audit(s, 'ci.relation_remove')
    expect((e, i, o, nv) == ('ci', 'APP-REL-1', {'kind': 'depends_on', 'target': 'DB-CORE-01'}, None), 'remove audit')
    # the history on the page shows them
    r = get_xml(s, '/cmdb/APP-REL-1', AUDITOR)
    acts = [x.get('action') for x in r.findall('ci/history/record')]
    expect(acts[:4] == ['ci.relation_remove', 'ci.relation_add', 'ci.relation_add', 'ci.create'], 'history %r' % acts)


def t_relations_refused(s):
    create(s, 'VM-LOOP-1')
    create(s, 'VM-LOOP-2')
    create(s, 'VM-LOOP-3')
    for a, b in (('VM-LOOP-1', 'VM-LOOP-2'), ('VM-LOOP-2', 'VM-LOOP-3')):
        st, h, body = post(s, '/cmdb/%s/relations' % a, MANAGER, {'kind': 'runs_on', 'target': b})
        expect(st == 303, 'setup %s runs_on %s: %d' % (a, b, st))
    base = '/cmdb/VM-LOOP-3/relations'
    refused(s, base, MANAGER, {'kind': 'runs_on', 'target': 'NOPE-99'}, 'target', 'cmdb.error.target_unknown', 'unknown')
    refused(s, base, MANAGER, {'kind': 'runs_on', 'target': ''}, 'target', 'cmdb.error.target_unknown', 'empty target')
    refused(s, base, MANAGER, {'kind': 'runs_on', 'target': 'VM-LOOP-3'}, 'target', 'cmdb.error.self', 'itself')
    refused(s, '/cmdb/VM-LOOP-1/relations', ADMIN, {'kind': 'runs_on', 'target': 'VM-LOOP-2'}, 'target',
            'cmdb.error.duplicate', 'duplicate')
    refused(s, base, MANAGER, {'kind': 'runs_on', 'target': 'VM-LOOP-1'}, 'target', 'cmdb.error.loop', 'loop')
    refused(s, '/cmdb/VM-LOOP-2/relations', MANAGER, {'kind': 'runs_on', 'target': 'VM-LOOP-1'}, 'target',
            'cmdb.error.loop', 'short loop')
    refused(s, base, MANAGER, {'kind': 'hosts', 'target': 'VM-LOOP-1'}, 'kind', 'cmdb.error.kind', 'bad kind')
    refused(s, '/cmdb/VM-LOOP-1/relations/delete', MANAGER, {'kind': 'depends_on', 'target': 'VM-LOOP-2'}, 'target',
            'cmdb.error.no_relation', 'remove missing')
    refused(s, '/cmdb/VM-LOOP-1/relations/delete', MANAGER, {'kind': 'x', 'target': 'VM-LOOP-2'}, 'kind',
            'cmdb.error.kind', 'remove bad kind')
    # the loop message names the CI; the entered values are kept
    st, h, b = post(s, base, MANAGER, {'kind': 'runs_on', 'target': 'VM-LOOP-1'}, xml=True)
    r = xml_root(b)
    e = r.find('errors/error')
    expect(e.get('arg') == 'VM-LOOP-1', 'loop arg %r' % e.get('arg'))
    expect(r.find('relation-form').get('target') == 'VM-LOOP-1', 'target kept')
    # depends_on may loop (services that need each other): allowed, and the impact still ends
    st, h, b = post(s, base, MANAGER, {'kind': 'depends_on', 'target': 'VM-LOOP-1'})
    expect(st == 303, 'a depends_on cycle is allowed: %d' % st)
    r = get_xml(s, '/cmdb/VM-LOOP-1', AUDITOR)
    expect([(c.get('code'), c.get('depth')) for c in r.findall('ci/impact/ci')] ==
           [('VM-LOOP-3', '1'), ('VM-LOOP-2', '2')], 'impact with a cycle: %r'
           % [(c.get('code'), c.get('depth')) for c in r.findall('ci/impact/ci')])
    st, h, b = post(s, '/cmdb/NO-SUCH/relations', MANAGER, {'kind': 'runs_on', 'target': 'VM-LOOP-1'})
    expect(st == 404, 'unknown CI: %d' % st)


def t_impact(s):
    r = get_xml(s, '/cmdb/STOR-SAN-01', ENGINEER)
    got = {c.get('code'): (int(c.get('depth')), c.get('kind'), c.get('via')) for c in r.findall('ci/impact/ci')}
    expect(got.get('SRV-RAC-01') == (1, 'depends_on', 'STOR-SAN-01'), 'RAC node 1: %r' % (got.get('SRV-RAC-01'),))
    expect(got.get('SRV-RAC-02', (0,))[0] == 1, 'RAC node 2')
    expect(got.get('DB-CORE-01', (0, ''))[:2] == (2, 'runs_on'), 'database: %r' % (got.get('DB-CORE-01'),))
    expect(got.get('SVC-EBANK', (0,))[0] == 3 and got.get('APP-PAYGW', (0,))[0] == 3, 'services: %r' % got)
    expect(got.get('SVC-PAYMENT', (0,))[0] == 4, 'payment service: %r' % (got.get('SVC-PAYMENT'),))
    expect('SRV-APP-01' not in got and 'NET-CORE-SW-01' not in got and 'STOR-SAN-01' not in got, 'too much: %r' % got)
    expect(r.find('ci/impact').get('count') == str(len(got)), 'count')
    depths = [int(c.get('depth')) for c in r.findall('ci/impact/ci')]
    expect(depths == sorted(depths), 'not nearest first')
    # the database: what depends on it, not what it runs on
    r = get_xml(s, '/cmdb/DB-CORE-01', ENGINEER)
    got = {c.get('code') for c in r.findall('ci/impact/ci')}
    expect({'SVC-EBANK', 'APP-PAYGW', 'SVC-PAYMENT'} <= got and not got & {'SRV-RAC-01', 'STOR-SAN-01'},
           'DB-CORE-01 impact %r' % got)
    r = get_xml(s, '/cmdb/SVC-EBANK', ENGINEER)
    expect(not r.findall('ci/impact/ci'), 'nothing depends on online banking')
    body = s.request('GET', '/cmdb/STOR-SAN-01', user=ENGINEER)[2].decode()
    expect('href="/cmdb/SVC-PAYMENT"' in body and CAT['zh-CN']['cmdb.impact'] in body, 'impact on the page')
    st, h, b = s.request('GET', '/cmdb/NOT-THERE', user=ENGINEER)
    expect(st == 404, 'unknown CI: %d' % st)


# ---------------------------------------------------------------------------------------------
# pages

def pages():
    out = [('/cmdb', u) for u in READERS] + [('/cmdb/DB-CORE-01', u) for u in READERS]
    out += [('/cmdb?type=server&status=active&q=RAC', AUDITOR), ('/cmdb/new', MANAGER), ('/cmdb/new', ADMIN),
            ('/cmdb/DB-CORE-01/edit', MANAGER), ('/cmdb/STOR-SAN-01', ADMIN), ('/cmdb/SRV-AIX-OLD', ENGINEER)]
    return out


def page_ok(s, path, user):
    html_page_ok(s, path, user, ('cmdb',), nav=('/cmdb', 'cmdb.nav'))


def t_refusal_pages_en(s):
    """The refusal messages exist in English too (the HTML of a refused relation)."""
    st, h, b = post(s, '/cmdb/DB-CORE-01/relations', ADMIN, {'kind': 'runs_on', 'target': 'DB-CORE-01'})
    expect(st == 400, 'self: %d' % st)
    st, h, b = s.request('POST', '/cmdb/DB-CORE-01/relations', user=ADMIN,
                         headers=dict(FORM, **{'Accept-Language': 'en'}),
                         body=urllib.parse.urlencode({'kind': 'runs_on', 'target': 'DB-CORE-01',
                                                      'csrf_token': token(s, ADMIN)}))
    body = b.decode('utf-8')
    expect(st == 400 and CAT['en']['cmdb.error.self'] in body, 'English refusal: %d' % st)


def t_logs_clean(s):
    logs_clean(s)


def run():
    with Stack('basic') as s:
        c = CHECKS.check
        c('cmdb.demo_data', lambda: expect(db_one(s, 'SELECT count(*) FROM config_items') >= 12 and
                                           relation(s, 'DB-CORE-01', 'runs_on', 'SRV-RAC-01') == 1 and
                                           db_one(s, "SELECT count(*) FROM audit_log WHERE entity = 'ci'") >= 12,
                                           'demo CMDB missing'))
        c('cmdb.list.every_reader', t_list_readers, s)
        c('cmdb.list.filters', t_list_filters, s)
        c('cmdb.impact.transitive', t_impact, s)
        c('cmdb.create.audited', t_create, s)
        c('cmdb.create.refused', t_create_refused, s)
        c('cmdb.edit_and_retire', t_edit, s)
        c('cmdb.writes_403_for_readers', t_forbidden, s)
        c('cmdb.relations.add_remove_audited', t_relations, s)
        c('cmdb.relations.refused', t_relations_refused, s)
        c('cmdb.csv', t_csv, s)
        c('cmdb.refusal_en', t_refusal_pages_en, s)
        for path, user in pages():
            c('cmdb.page %s [%s]' % (path, user), page_ok, s, path, user)
        c('cmdb.logs_clean_audit_verify', t_logs_clean, s)


def main():
    return CHECKS.main((('cmdb', run),))


if __name__ == '__main__':
    sys.exit(main())
