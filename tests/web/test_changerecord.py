#!/usr/bin/env python3
"""test_changerecord.py - the auditor's printable change record (GET /changes/{number}/record) and
`opsplan audit verify --change N [--code CODE]`: the demo's closed emergency change (approved,
implemented with a log, reviewed, closed) shows every section; the verification code on the page
is the CLI's and the first 12 hex digits of the change's last audit row hash; after a new write to
the change the page's code changes and the old code fails --code; a tampered audit row makes the
verify fail; unknown numbers are a 404 and a CLI exit 1; bad usage exit 2; the auditor reads it;
the page passes the HTML checks in both languages. One basic-mode stack (harness.py).

    python3 tests/web/test_changerecord.py [-k SUBSTRING] [-v]
"""

import hashlib
import os
import re
import sqlite3
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Stack, expect, short, xml_root, db_one, db_all, CAT, db_copy  # noqa: E402
import test_changes as tc  # noqa: E402  (its upload helper)

CHECKS = harness.Checks()
AUDITOR, ENGINEER, MANAGER, APPROVER = 'auditor', 'li.na', 'zhang.wei', 'chen.jie'
CODE_RE = re.compile(r'\b[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}\b')


def closed(s):
    return db_one(s, "SELECT number FROM changes WHERE state = 'closed' AND type = 'emergency'")


def expected_code(s, n):
    h = db_one(s, "SELECT row_hash FROM audit_log WHERE entity = 'change' AND entity_id = ? ORDER BY id DESC LIMIT 1", n)
    return '%s-%s-%s' % (h[:4].upper(), h[4:8].upper(), h[8:12].upper()), h


def page_code(s, n, user=AUDITOR, lang='en'):
    st, h, b = s.request('GET', '/changes/%s/record' % n, user=user, headers={'Accept-Language': lang})
    expect(st == 200, 'record of %s as %s: %d %s' % (n, user, st, short(b)))
    t = b.decode('utf-8')
    m = re.search(r'class="rec-code">([0-9A-F-]{14})<', t)
    expect(m, 'no verification code on the record page')
    return m.group(1), t


def t_sections(s):
    n = closed(s)
    st, h, b = s.request('GET', '/changes/%s/record?format=xml' % n, user=AUDITOR)
    expect(st == 200, 'model: %d %s' % (st, short(b)))
    r = xml_root(b, 'record')
    ch = r.find('change')
    expect(ch.get('number') == n and ch.get('state') == 'closed' and ch.get('close-code') == 'successful', 'the change')
    for tag in ('title', 'description', 'reason', 'impact-services', 'implementation-plan', 'test-plan', 'backout-plan',
                'verification-result', 'review-outcome', 'review-lessons'):
        expect((ch.findtext(tag) or '') != '', 'the model lacks %s' % tag)
    expect(len(ch.findall('risk-answers/answer')) == 6 and ch.get('risk-level'), 'risk answers and level')
    decisions = ch.findall('approval/decision')
    expect(decisions and all(d.find('snapshot') is not None for d in decisions), 'decisions with snapshots')
    stored = db_all(s, 'SELECT a.conflicts FROM approvals a JOIN changes c ON c.id = a.change_id WHERE c.number = ?'
                       ' ORDER BY a.id', n)
    import json
    for d, (js,) in zip(decisions, stored):
        want = [(x['kind'], x['ci'], x['ref']) for x in json.loads(js)]
        got = [(x.get('kind'), x.get('ci'), x.get('ref')) for x in d.findall('snapshot/conflict')]
        expect(got == want, 'snapshot %r, stored %r' % (got[:3], want[:3]))
    expect(len(ch.findall('log/entry')) == 3, 'the log')
    hist = [x.get('id') for x in ch.findall('history/record')]
    allids = [str(x[0]) for x in db_all(s, "SELECT id FROM audit_log WHERE entity = 'change' AND entity_id = ? ORDER BY id", n)]
    expect(hist == allids, 'the history is every audit record of the change, oldest first')
    acts = {x.get('action') for x in ch.findall('history/record')}
    expect({'change.create', 'change.transition', 'change.decide', 'change.log'} <= acts, 'history actions %r' % acts)
    # each record field by field: what differs between its old and new values, as stored
    for x in ch.findall('history/record'):
        old, new = (json.loads(x.findtext(k)) if x.findtext(k) else {} for k in ('old', 'new'))
        plain = lambda v: v if isinstance(v, str) else None if v is None else json.dumps(v, separators=(',', ':'), ensure_ascii=False)
        want = [(k, plain(old.get(k)), plain(v)) for k, v in new.items() if k not in old or old[k] != v]
        want += [(k, plain(v), None) for k, v in old.items() if k not in new]
        got = [(f.get('key'), f.get('old'), f.get('new')) for f in x.findall('field')]
        expect(got == [(k, o, v if v is not None else None) for k, o, v in want],
               'record %s field by field: %r, want %r' % (x.get('id'), got[:4], want[:4]))
    states = [(f.get('old'), f.get('new')) for x in ch.findall('history/record') if x.get('action') == 'change.transition'
              for f in x.findall("field[@key='state']")]
    expect(('implement', 'review') in states and ('review', 'closed') in states, 'state steps %r' % states)
    code, h = expected_code(s, n)
    seal = r.find('seal')
    expect(seal.get('code') == code and seal.get('hash') == h and seal.get('audit-id') == hist[-1], 'seal %r' % seal.attrib)
    # the HTML: every section's heading, the fields, the approvers and the seal
    code2, t = page_code(s, n)
    expect(code2 == code, 'page code %s, want %s' % (code2, code))
    text = re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', ' ', t))
    for key in ('rec.texts', 'chg.risk', 'rec.approvals', 'chg.log', 'chg.attachments', 'rec.history', 'rec.seal',
                'chg.f.impact_security', 'chg.f.rollback_reason', 'rec.saw', 'rec.printed_by'):
        expect(CAT['en'][key] in t, 'the page lacks %s' % key)
    for name in db_all(s, 'SELECT u.display_name FROM approvals a JOIN users u ON u.id = a.approver_id'
                          ' JOIN changes c ON c.id = a.change_id WHERE c.number = ?', n):
        expect(name[0] in t, 'approver %s missing' % name[0])
    expect('Auditor' in text or 'auditor' in text, 'the printing user')


def t_cli_matches(s):
    n = closed(s)
    code, h = expected_code(s, n)
    r = s.cli('audit', 'verify', '--change', n)
    expect(r.returncode == 0 and ('code %s' % code) in r.stdout and h in r.stdout, 'cli: %s %s' % (r.stdout, r.stderr))
    for given in (code, code.lower(), code.replace('-', '')):
        r = s.cli('audit', 'verify', '--change', n, '--code', given)
        expect(r.returncode == 0 and 'matches' in r.stdout, '--code %s: %d %s %s' % (given, r.returncode, r.stdout, r.stderr))
    r = s.cli('audit', 'verify', '--change', n, '--code', '0000-0000-0000' if code != '0000-0000-0000' else '1111-1111-1111')
    expect(r.returncode == 1 and 'does NOT match' in r.stderr, 'wrong code: %d %s' % (r.returncode, r.stderr))


def t_write_changes_code(s):
    """A closed change takes no more writes, so a new change: its code before and after a
    transition and an upload (listed with size and SHA-256); the closed change's code does not
    move with them."""
    n = closed(s)
    old, t = page_code(s, n)
    st, h, b = harness.post(s, '/changes', ENGINEER, {
        'title': '记录校验码测试 Record code test', 'type': 'standard', 'standard': 'STD-OS-PATCH', 'category': 'os',
        'implementer': ENGINEER, 'planned_start': '2027-03-09T22:00', 'planned_end': '2027-03-10T02:00',
        'cis': 'SRV-APP-01'})
    expect(st == 303, 'create: %d %s' % (st, short(b)))
    m = harness.location(h).split('/')[-1].split('?')[0]
    before, t = page_code(s, m)
    expect(before == expected_code(s, m)[0], 'new change code')
    st, h, b = harness.post(s, '/changes/%s/transition' % m, ENGINEER, {'to': 'scheduled'})
    expect(st == 303, 'transition: %d %s' % (st, short(b)))
    after, t = page_code(s, m)
    expect(after != before and after == expected_code(s, m)[0], 'code after a write %s (before %s)' % (after, before))
    r = s.cli('audit', 'verify', '--change', m, '--code', before)
    expect(r.returncode == 1 and 'does NOT match' in r.stderr, 'old code: %d %s' % (r.returncode, r.stderr))
    r = s.cli('audit', 'verify', '--change', m, '--code', after)
    expect(r.returncode == 0, 'new code: %d %s' % (r.returncode, r.stderr))
    # an attachment: listed with name, size and SHA-256, and the code moves again
    data = b'%PDF-1.4 record attachment test\n' * 40
    st, h, b = tc.upload(s, m, ENGINEER, '回退方案 backout.pdf', data)
    expect(st == 303, 'upload: %d %s' % (st, short(b)))
    third, t = page_code(s, m)
    expect(third not in (before, after) and third == expected_code(s, m)[0], 'code after the upload %s' % third)
    m2 = re.search(r'<table class="rec-table rec-attachments">.*?</table>', t, re.S)
    expect(m2, 'no attachments table on the record')
    for want in ('回退方案 backout.pdf', '>%d<' % len(data), '>%s<' % hashlib.sha256(data).hexdigest()):
        expect(want in m2.group(0), 'the attachments table lacks %r' % want)
    # a write to another change leaves this one's code alone
    again, t = page_code(s, n)
    expect(again == old, 'the closed change code moved with another change: %s → %s' % (old, again))


def t_unknown_and_usage(s):
    st, h, b = s.request('GET', '/changes/CHG-2099-9999/record', user=AUDITOR)
    expect(st == 404, 'unknown number: %d' % st)
    r = s.cli('audit', 'verify', '--change', 'CHG-2099-9999')
    expect(r.returncode == 1 and 'no change CHG-2099-9999' in r.stderr, 'unknown change: %d %s' % (r.returncode, r.stderr))
    for args in (('--code', 'AAAA-BBBB-CCCC'), ('--change',), ('--change', 'X', '--bogus'),
                 ('--change', 'A', '--change', 'B')):
        r = s.cli('audit', 'verify', *args)
        expect(r.returncode == 2, 'usage %r: %d %s' % (args, r.returncode, r.stderr))


def t_roles_and_link(s):
    n = closed(s)
    for user in (AUDITOR, APPROVER, ENGINEER, MANAGER):
        st, h, b = s.request('GET', '/changes/%s/record' % n, user=user)
        expect(st == 200, 'record as %s: %d' % (user, st))
    st, h, b = s.request('GET', '/changes/%s' % n, user=AUDITOR, headers={'Accept-Language': 'en'})
    expect(('href="/changes/%s/record"' % n) in b.decode('utf-8') and CAT['en']['rec.print'] in b.decode('utf-8'),
           'the change page links the record')
    st, h, b = s.request('POST', '/changes/%s/record' % n, user=AUDITOR, body='')
    expect(st in (403, 405), 'POST: %d' % st)


def t_html(s):
    harness.html_page_ok(s, '/changes/%s/record' % closed(s), AUDITOR, ('rec', 'chg', 'dec', 'audit'))


def t_tamper(s):
    """A copy of the database whose last audit row of the change was altered: the whole-chain
    verify fails (exit 1) before any code is given out."""
    n = closed(s)
    aid = db_one(s, "SELECT id FROM audit_log WHERE entity = 'change' AND entity_id = ? ORDER BY id DESC LIMIT 1", n)
    code = expected_code(s, n)[0]
    copy = db_copy(s, 'tampered-record.db')
    con = sqlite3.connect(copy)
    try:
        con.execute('DROP TRIGGER audit_no_update')
        con.execute("UPDATE audit_log SET reason = reason || 'x' WHERE id = ?", (aid,))
        con.commit()
    finally:
        con.close()
    r = s.cli('audit', 'verify', '--change', n, '--code', code, db=copy)
    expect(r.returncode == 1 and 'FAILED' in r.stderr and str(aid) in r.stderr and 'matches' not in r.stdout,
           'tampered: %d %s %s' % (r.returncode, r.stdout, r.stderr))
    r = s.cli('audit', 'verify', '--change', n, '--code', code)
    expect(r.returncode == 0, 'the real database: %d %s' % (r.returncode, r.stderr))


def run():
    with Stack('basic') as s:
        CHECKS.check('record.sections', t_sections, s)
        CHECKS.check('record.cli_matches_page', t_cli_matches, s)
        CHECKS.check('record.write_changes_code', t_write_changes_code, s)
        CHECKS.check('record.unknown_and_usage', t_unknown_and_usage, s)
        CHECKS.check('record.roles_and_link', t_roles_and_link, s)
        CHECKS.check('record.html', t_html, s)
        CHECKS.check('record.tamper', t_tamper, s)
        CHECKS.check('record.logs_clean', harness.logs_clean, s)


if __name__ == '__main__':
    sys.exit(CHECKS.main([('changerecord', run)]))
