#!/usr/bin/env python3
"""test_web.py - the web test suite: one basic-mode stack (nginx auth_basic), then one sso-mode
stack (nginx auth_request + fake SSO), each a real nginx + "opsplan serve" + demo database
(harness.py). Prints "ok <name>" or "FAIL <name>: <why>" per check; exit status 1 if any failed.

    python3 tests/web/test_web.py [-k SUBSTRING] [-v]
    OPSPLAN_BIN=build/asan/opsplan python3 tests/web/test_web.py

The checks follow security.md section 9 (items 1-7, 10-16, 19-25, 29, 32, 34) and
tests/CONTRACT.md. Checks that change data compare database snapshots (row counts, users,
roles and "opsplan audit head") before and after.
"""

import csv
import datetime
import io
import os
import re
import signal
import sqlite3
import sys
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True       # no __pycache__ in the checkout
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Stack, parse_html, form_token, snapshot_diff, base_fcgi_params, REPO, msg, Fail, expect  # noqa: E402

FORM = {'Content-Type': 'application/x-www-form-urlencoded'}
HEX16 = re.compile(r'(?<![0-9a-f])[0-9a-f]{16}(?![0-9a-f])')
CSP_NEED = ("default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'")

# ---------------------------------------------------------------------------------------------
# reporting

CHECKS = harness.Checks()
RESULTS = CHECKS.results
check = CHECKS.check



# ---------------------------------------------------------------------------------------------
# helpers

def hget(headers, name):
    vals = [v for k, v in headers if k.lower() == name.lower()]
    return vals[0] if vals else None


def hall(headers, name):
    return [v for k, v in headers if k.lower() == name.lower()]


def text_of(body):
    return ''.join(parse_html(body).text)


def short(body, n=300):
    return body[:n].decode('utf-8', 'replace').replace('\n', ' ')


def unchanged(s, before, what):
    after = s.db_snapshot()
    d = snapshot_diff(before, after)
    expect(not d, '%s changed the database: %s' % (what, '; '.join(d)))


def xml_root(body):
    try:
        return ET.fromstring(body)
    except ET.ParseError as e:
        raise Fail('not well-formed XML (%s): %s' % (e, short(body)))


def user_xml(s, user, path='/'):
    st, root, body = s.get_xml(path, user)
    expect(st == 200, 'GET %s?format=xml as %s: %d' % (path, user, st))
    expect(root is not None, 'GET %s?format=xml: not XML: %s' % (path, short(body)))
    return root


def profile_of(s, user):
    p = user_xml(s, user, '/profile').find('profile')
    expect(p is not None, 'no <profile> in /profile?format=xml')
    return dict(p.attrib)


def audit_records(s, query='', user='admin'):
    path = '/audit' + ('?' + query if query else '')
    st, root, body = s.get_xml(path, user)
    expect(st == 200, 'GET %s?format=xml as %s: %d %s' % (path, user, st, short(body)))
    expect(root is not None, '%s: not XML' % path)
    a = root.find('audit')
    expect(a is not None, '%s: no <audit>' % path)
    return a, a.findall('record')


def db_count(s, sql, *args):
    con = s.db_connect()
    try:
        return con.execute(sql, args).fetchone()[0]
    finally:
        con.close()


def local_today():
    # Asia/Shanghai (the default timezone): UTC+8, no daylight saving time
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()


def profile_post(s, user, token, **over):
    f = profile_of(s, user)
    fields = [('display_name', f.get('display_name', '')), ('email', f.get('email', '')),
              ('phone', f.get('phone', '')), ('lang', f.get('lang', ''))]
    fields = [(k, over.pop(k, v)) for k, v in fields] + list(over.items())
    return fields + [('csrf_token', token)]


def post(s, path, user, fields, headers=None):
    """POST already complete fields (token included); no extra GET."""
    body = urllib.parse.urlencode(fields, encoding='utf-8')
    h = dict(FORM)
    h.update(headers or {})
    return s.request('POST', path, user=user, headers=h, body=body)


# ---------------------------------------------------------------------------------------------
# basic-mode checks

def t_home_zh(s):
    st, h, b = s.request('GET', '/', user='zhang.wei')
    expect(st == 200, 'status %d' % st)
    p = parse_html(b)
    expect(p.lang == 'zh-CN', '<html lang=%r>, want zh-CN' % p.lang)
    expect(msg('zh-CN', 'home.title') in text_of(b), 'no %r in the page' % msg('zh-CN', 'home.title'))
    expect((hget(h, 'Content-Type') or '').startswith('text/html'), 'Content-Type %r' % hget(h, 'Content-Type'))


def t_render_cache_fresh_per_request(s):
    """Repeated GETs may come from a worker's render cache, but each answer has its own request
    id and CSRF token, and a write is visible on the next request."""
    ids, tokens = set(), set()
    for _ in range(6):
        st, h, b = s.request('GET', '/profile', user='wang.fang')
        expect(st == 200, 'status %d' % st)
        m = re.search(rb'[0-9a-f]{16}', b.split(b'request-id', 1)[-1]) if b'request-id' in b else None
        expect(m, 'no request id on the page')
        ids.add(m.group(0))
        tokens.add(form_token(b))
    expect(len(ids) == 6, 'request ids repeat across requests: %d distinct of 6' % len(ids))
    expect(len(tokens) == 6, 'CSRF tokens repeat across requests: %d distinct of 6' % len(tokens))
    token = s.csrf('wang.fang')
    st, h, b = s.post_form('/profile', 'wang.fang', {'csrf_token': token, 'display_name': 'Wang Fang cache check',
                                                    'email': '', 'phone': '', 'lang': ''})
    expect(st == 303, 'POST /profile: %d' % st)
    st, h, b = s.request('GET', '/profile', user='wang.fang')
    expect('Wang Fang cache check' in b.decode(), 'the saved name is not on the next page (stale cache)')


def t_home_en(s):
    st, h, b = s.request('GET', '/', user='zhang.wei', headers={'Accept-Language': 'en'})
    expect(st == 200, 'status %d' % st)
    p = parse_html(b)
    expect(p.lang == 'en', '<html lang=%r>, want en' % p.lang)
    t = text_of(b)
    expect(msg('en', 'home.title') in t, 'no %r in the page' % msg('en', 'home.title'))
    expect(msg('zh-CN', 'home.title') not in t, 'Chinese title on the English page')


def t_home_xml(s):
    st, h, b = s.request('GET', '/?format=xml', user='zhang.wei')
    expect(st == 200, 'status %d' % st)
    expect((hget(h, 'Content-Type') or '').startswith('application/xml'), 'Content-Type %r' % hget(h, 'Content-Type'))
    root = xml_root(b)
    expect(root.tag == 'page' and root.get('name') == 'home', 'root <%s name=%r>' % (root.tag, root.get('name')))
    u = root.find('meta/user')
    expect(u is not None, 'no /page/meta/user')
    expect(u.get('login') == 'zhang.wei', 'login %r' % u.get('login'))
    roles = [r.text for r in u.findall('role')]
    expect(roles == ['manager'], 'roles %r' % roles)
    meta = root.find('meta')
    expect(HEX16.fullmatch(meta.get('request-id') or ''), 'request-id %r' % meta.get('request-id'))
    expect(meta.get('csrf'), 'no csrf attribute')
    expect(root.find('dashboard') is not None, 'no <dashboard>')


def t_static_css(s):
    st, h, b = s.request('GET', '/static/opsplan.css')
    expect(st == 200, 'status %d' % st)
    expect((hget(h, 'Content-Type') or '').startswith('text/css'), 'Content-Type %r' % hget(h, 'Content-Type'))
    expect(len(b) > 100, 'tiny body')


def t_get_changes_nothing(s):
    """security.md 9.11: a crawl of every GET page (HTML, XML, CSV, HEAD) as every user."""
    before = s.db_snapshot()
    paths = ['/', '/profile', '/admin/users', '/audit', '/audit?format=csv', '/audit?entity=user&page=1',
             '/?format=xml', '/profile?format=xml', '/admin/users?format=xml', '/audit?format=xml',
             '/no-such-page', '/lang', '/admin/users/role', '/?flash=saved']
    for u in harness.DEMO_USERS:
        for p in paths:
            st, h, b = s.request('GET', p, user=u)
            expect(st in (200, 403, 404, 405), 'GET %s as %s: %d' % (p, u, st))
        st, h, b = s.request('HEAD', '/profile', user=u)
        expect(st == 200 and b == b'', 'HEAD /profile as %s: %d, %d bytes' % (u, st, len(b)))
    unchanged(s, before, 'GET/HEAD requests')


def t_wrong_password(s):
    st, h, b = s.request('GET', '/', user='zhang.wei', password='wrong')
    expect(st == 401, 'wrong password: %d' % st)
    expect(hget(h, 'WWW-Authenticate'), 'no WWW-Authenticate (nginx Basic challenge)')
    expect(b'zhang.wei' not in b, 'the 401 page shows the user')


def t_no_credentials(s):
    st, h, b = s.request('GET', '/')
    expect(st == 401, 'GET without credentials: %d' % st)
    st, h, b = s.request('GET', '/profile?format=xml')
    expect(st == 401, 'GET xml without credentials: %d' % st)
    expect(b'<page' not in b, 'the model was served without credentials')
    before = s.db_snapshot()
    st, h, b = s.request('POST', '/profile', headers=FORM, body='display_name=x')
    expect(st == 401, 'POST without credentials: %d' % st)
    expect(hget(h, 'Location') is None, 'POST without credentials was redirected')
    unchanged(s, before, 'POST without credentials')


def t_csrf_missing(s):
    before = s.db_snapshot()
    fields = [(k, v) for k, v in profile_post(s, 'zhang.wei', 'x', display_name='NoToken') if k != 'csrf_token']
    st, h, b = post(s, '/profile', 'zhang.wei', fields)
    expect(st == 403, 'POST without csrf_token: %d' % st)
    expect(msg('zh-CN', 'error.csrf') in text_of(b), 'no error.csrf message: %s' % short(b))
    unchanged(s, before, 'POST without csrf_token')


def t_csrf_other_user(s):
    tok = s.csrf('li.na')
    before = s.db_snapshot()
    st, h, b = post(s, '/profile', 'zhang.wei', profile_post(s, 'zhang.wei', tok, display_name='Swapped'))
    expect(st == 403, "POST with li.na's token as zhang.wei: %d" % st)
    unchanged(s, before, "li.na's token")


def t_csrf_tampered(s):
    tok = s.csrf('zhang.wei')
    before = s.db_snapshot()
    ts, nonce, mac = tok.split('.')
    variants = {
        'mac': '%s.%s.%s' % (ts, nonce, mac[:-1] + ('0' if mac[-1] != '0' else '1')),
        'nonce': '%s.%s.%s' % (ts, nonce[:-1] + ('0' if nonce[-1] != '0' else '1'), mac),
        'time': '%d.%s.%s' % (int(ts) - 1, nonce, mac),
        'empty': '',
        'two tokens': None,
    }
    for what, t in variants.items():
        fields = profile_post(s, 'zhang.wei', t if t is not None else tok, display_name='Tampered')
        if t is None:
            fields.append(('csrf_token', tok))
        st, h, b = post(s, '/profile', 'zhang.wei', fields)
        expect(st == 403, 'tampered token (%s): %d' % (what, st))
    unchanged(s, before, 'tampered tokens')


def t_csrf_expired(s):
    before = s.db_snapshot()
    old = s.mint_csrf('zhang.wei', ts=time.time() - 9 * 3600)
    st, h, b = post(s, '/profile', 'zhang.wei', profile_post(s, 'zhang.wei', old, display_name='Old'))
    expect(st == 403, 'token 9 h old: %d' % st)
    future = s.mint_csrf('zhang.wei', ts=time.time() + 3600)
    st, h, b = post(s, '/profile', 'zhang.wei', profile_post(s, 'zhang.wei', future, display_name='Future'))
    expect(st == 403, 'token from the future: %d' % st)
    unchanged(s, before, 'expired tokens')


def t_csrf_valid(s):
    before = s.db_snapshot()
    tok = s.csrf('zhang.wei')
    st, h, b = post(s, '/profile', 'zhang.wei', profile_post(s, 'zhang.wei', tok, display_name='张伟 (PMO)'))
    expect(st == 303, 'valid POST: %d %s' % (st, short(b)))
    expect(hget(h, 'Location') == '/profile?flash=saved', 'Location %r' % hget(h, 'Location'))
    after = s.db_snapshot()
    expect(after['count:audit_log'] == before['count:audit_log'] + 1,
           'audit rows %d -> %d' % (before['count:audit_log'], after['count:audit_log']))
    p = profile_of(s, 'zhang.wei')
    expect(p.get('display_name') == '张伟 (PMO)', 'display_name now %r' % p.get('display_name'))
    st, h, b = s.request('GET', '/profile?flash=saved', user='zhang.wei')
    expect(msg('zh-CN', 'flash.saved') in text_of(b), 'no flash message after the redirect')
    a, recs = audit_records(s, 'user=zhang.wei&entity=user')
    top = recs[0] if recs else None
    expect(top is not None and top.get('action') == 'user.profile' and top.get('actor') == 'zhang.wei',
           'newest audit record is not user.profile by zhang.wei: %r' % (top.attrib if top is not None else None))
    expect('张伟 (PMO)' in (top.findtext('new') or ''), 'audit new value %r' % top.findtext('new'))
    expect('"display_name":"张伟"' in (top.findtext('old') or ''), 'audit old value %r' % top.findtext('old'))
    # and the HTML audit page shows it as well
    st, h, b = s.request('GET', '/audit?user=zhang.wei', user='auditor')
    expect(st == 200 and 'user.profile' in text_of(b), 'HTML audit page as auditor: %d' % st)


def t_csrf_self_minted(s):
    """A token made with the key file is accepted: the checks above fail for the right reason."""
    tok = s.mint_csrf('zhang.wei')
    st, h, b = post(s, '/profile', 'zhang.wei', profile_post(s, 'zhang.wei', tok, phone='138-0013-8011'))
    expect(st == 303, 'self-minted valid token: %d' % st)


def t_duplicate_submit(s):
    tok = s.csrf('zhang.wei')
    fields = profile_post(s, 'zhang.wei', tok, email='zw.dup@example.com')
    before = s.db_snapshot()
    st1, h1, b1 = post(s, '/profile', 'zhang.wei', fields)
    expect(st1 == 303, 'first POST: %d' % st1)
    mid = s.db_snapshot()
    st2, h2, b2 = post(s, '/profile', 'zhang.wei', fields)
    expect(st2 == 200, 'second POST: %d, want 200 "already saved"' % st2)
    t = text_of(b2)
    expect(msg('zh-CN', 'saved.title') in t, 'second answer is not the "already saved" page: %s' % short(b2))
    links = [a.get('href') for tag, a in parse_html(b2).tags if tag == 'a']
    expect('/profile?flash=saved' in links, 'no link to where the first went: %r' % links)
    after = s.db_snapshot()
    expect(after['count:audit_log'] == before['count:audit_log'] + 1,
           'audit rows %d -> %d, want exactly one more' % (before['count:audit_log'], after['count:audit_log']))
    expect(not snapshot_diff(mid, after), 'second POST changed: %s' % snapshot_diff(mid, after))


def t_sec_fetch_cross_site(s):
    before = s.db_snapshot()
    for sfs in ('cross-site', 'same-site'):
        tok = s.csrf('zhang.wei')
        st, h, b = post(s, '/profile', 'zhang.wei', profile_post(s, 'zhang.wei', tok, display_name='XS'),
                        headers={'Sec-Fetch-Site': sfs, 'Origin': s.origin})
        expect(st == 403, 'Sec-Fetch-Site: %s with a valid token: %d' % (sfs, st))
        expect(msg('zh-CN', 'error.origin') in text_of(b), 'no error.origin message')
    unchanged(s, before, 'cross-site POSTs')


def t_origin_foreign(s):
    before = s.db_snapshot()
    for o in ('http://evil.example', s.origin + '.evil.example', 'https://127.0.0.1:%d' % s.port):
        tok = s.csrf('zhang.wei')
        st, h, b = post(s, '/profile', 'zhang.wei', profile_post(s, 'zhang.wei', tok, display_name='Evil'),
                        headers={'Origin': o})
        expect(st == 403, 'Origin: %s with a valid token: %d' % (o, st))
    unchanged(s, before, 'foreign Origin POSTs')


def t_origin_null(s):
    tok = s.csrf('zhang.wei')
    st, h, b = post(s, '/profile', 'zhang.wei', profile_post(s, 'zhang.wei', tok, display_name='OriginNull'),
                    headers={'Origin': 'null'})
    expect(st == 303, 'Origin: null with a valid token: %d' % st)
    # "null" falls back to the token, it never passes by itself
    before = s.db_snapshot()
    fields = [(k, v) for k, v in profile_post(s, 'zhang.wei', 'x', display_name='NullNoToken') if k != 'csrf_token']
    st, h, b = post(s, '/profile', 'zhang.wei', fields, headers={'Origin': 'null'})
    expect(st == 403, 'Origin: null without a token: %d' % st)
    unchanged(s, before, 'Origin: null without a token')


def t_origin_same(s):
    for hd in ({'Origin': s.origin}, {'Sec-Fetch-Site': 'same-origin', 'Origin': s.origin}):
        tok = s.csrf('zhang.wei')
        st, h, b = post(s, '/profile', 'zhang.wei', profile_post(s, 'zhang.wei', tok, display_name='张伟'),
                        headers=hd)
        expect(st == 303, 'same-origin POST %r: %d' % (hd, st))


def t_bad_chars(s):
    before = s.db_snapshot()
    cases = [('\\x01', 'a%01b'), ('%FF', '%FF'), ('U+FFFE', '%EF%BF%BE'), ('surrogate', '%ED%A0%80'),
             ('overlong', '%C0%AF'), ('NUL', 'a%00b')]
    for what, enc in cases:
        tok = s.csrf('zhang.wei')
        body = 'display_name=%s&email=&phone=&lang=&csrf_token=%s' % (enc, urllib.parse.quote(tok))
        st, h, b = s.request('POST', '/profile', user='zhang.wei', headers=FORM, body=body)
        expect(st == 400, 'display_name with %s: %d' % (what, st))
        t = text_of(b)
        expect('display_name' in t, 'the 400 page (%s) does not name display_name: %s' % (what, short(b, 600)))
        expect(msg('zh-CN', 'error.field') in t, 'no error.field message (%s)' % what)
    unchanged(s, before, 'invalid characters')


def t_bad_email(s):
    before = s.db_snapshot()
    tok = s.csrf('zhang.wei')
    bad = 'not-an-email <x>'
    st, h, b = post(s, '/profile', 'zhang.wei', profile_post(s, 'zhang.wei', tok, email=bad))
    expect(st == 400, 'invalid email: %d' % st)
    p = parse_html(b)
    inputs = {a.get('name'): a for tag, a in p.tags if tag == 'input'}
    expect('email' in inputs, 'form not re-rendered (no email input)')
    expect(inputs['email'].get('value') == bad, 'email input value %r, want the entered %r'
           % (inputs['email'].get('value'), bad))
    expect(inputs['email'].get('aria-invalid') == 'true', 'email input not marked invalid')
    ids = {a.get('id') for tag, a in p.tags}
    expect('f-email-error' in ids, 'no error next to the email field')
    expect(msg('zh-CN', 'error.email') in text_of(b), 'no error.email message')
    expect(form_token(b), 're-rendered form has no csrf_token')
    unchanged(s, before, 'invalid email')


def t_body_too_large(s):
    before = s.db_snapshot()
    tok = s.csrf('zhang.wei')
    auth = s.auth_headers('zhang.wei')['Authorization']
    big = ('display_name=x&csrf_token=%s&pad=' % tok).encode() + b'a' * (1024 * 1024 + 10)
    head = ('POST /profile HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: %s\r\n'
            'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\nConnection: close\r\n\r\n'
            % (auth, len(big))).encode()
    st, h, b = s.raw_http(head + big)
    expect(st == 413, 'Content-Length over 1 MiB: %d' % st)
    # nginx refuses it and shows the program's 413 page: in the user's language, with a request id
    expect(msg('zh-CN', 'error.body_too_large') in text_of(b), '413 page is not the localised one: %s' % short(b))
    expect(re.search(rb'[0-9a-f]{16}', b), '413 page has no request id: %s' % short(b))
    # chunked
    chunks = b''.join(b'%x\r\n%s\r\n' % (len(big[i:i + 65536]), big[i:i + 65536]) for i in range(0, len(big), 65536))
    head = ('POST /profile HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: %s\r\n'
            'Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n'
            % auth).encode()
    st, h, b = s.raw_http(head + chunks + b'0\r\n\r\n')
    expect(st == 413, 'chunked body over 1 MiB: %d' % st)
    unchanged(s, before, 'oversized bodies')


def t_wrong_content_type(s):
    before = s.db_snapshot()
    tok = s.csrf('zhang.wei')
    body = 'display_name=Plain&csrf_token=%s' % tok
    st, h, b = s.request('POST', '/profile', user='zhang.wei', headers={'Content-Type': 'text/plain'}, body=body)
    expect(st == 415, 'text/plain POST: %d' % st)
    st, h, b = s.request('POST', '/profile', user='zhang.wei', headers={'Content-Type': 'application/json'},
                         body='{"display_name":"J"}')
    expect(st == 415, 'application/json POST: %d' % st)
    xxe = ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<p display_name="&x;" csrf_token="%s"/>' % tok)
    st, h, b = s.request('POST', '/profile', user='zhang.wei', headers={'Content-Type': 'application/xml'}, body=xxe)
    expect(st == 415 and b'root:' not in b, 'application/xml POST with an external entity: %d' % st)
    unchanged(s, before, 'wrong content types')


def t_engineer_no_admin(s):
    st, h, b = s.request('GET', '/admin/users', user='li.na')
    expect(st == 403, 'li.na GET /admin/users: %d' % st)
    expect(b'li.na@example.com' not in b and b'opsplan-admin@example.com' not in b, 'the 403 page shows user data')
    st, h, b = s.request('GET', '/admin/users?format=xml', user='li.na')
    expect(st == 403 and b'<users' not in b, 'li.na GET /admin/users?format=xml: %d' % st)
    st, h, b = s.request('GET', '/audit', user='li.na')
    expect(st == 403, 'li.na GET /audit: %d' % st)


def t_auditor_reads_audit(s):
    st, h, b = s.request('GET', '/audit', user='auditor')
    expect(st == 200, 'auditor GET /audit: %d' % st)
    expect(msg('zh-CN', 'audit.title') in text_of(b), 'not the audit page')
    st, h, b = s.request('GET', '/admin/users', user='auditor')
    expect(st == 403, 'auditor GET /admin/users: %d' % st)


def t_auditor_cannot_change_roles(s):
    before = s.db_snapshot()
    tok = s.csrf('auditor')
    st, h, b = post(s, '/admin/users/role', 'auditor',
                    [('login', 'auditor'), ('role', 'admin'), ('reason', 'self-promotion'), ('csrf_token', tok)])
    expect(st == 403, 'auditor POST /admin/users/role: %d' % st)
    unchanged(s, before, "auditor's role change")


def t_admin_role_change(s):
    reason = 'Rotation to the approval desk RC-%s' % os.urandom(3).hex()
    s.role_reason = reason
    before = s.db_snapshot()
    tok = s.csrf('admin', '/admin/users')
    st, h, b = post(s, '/admin/users/role', 'admin',
                    [('login', 'li.na'), ('role', 'engineer'), ('role', 'approver'), ('reason', reason),
                     ('csrf_token', tok)])
    expect(st == 303, 'role change: %d %s' % (st, short(b)))
    loc = hget(h, 'Location') or ''
    expect(loc.startswith('/admin/users'), 'Location %r' % loc)
    after = s.db_snapshot()
    expect(after['count:audit_log'] == before['count:audit_log'] + 1, 'audit rows +%d'
           % (after['count:audit_log'] - before['count:audit_log']))
    root = user_xml(s, 'admin', '/admin/users')
    u = [x for x in root.findall('users/user') if x.get('login') == 'li.na']
    expect(u, 'li.na not in /admin/users?format=xml')
    roles = sorted(r.text for r in u[0].findall('role'))
    expect(roles == ['approver', 'engineer'], 'li.na roles now %r' % roles)
    # li.na's own pages see the new role
    roles = sorted(r.text for r in user_xml(s, 'li.na').findall('meta/user/role'))
    expect(roles == ['approver', 'engineer'], "li.na's meta roles %r" % roles)
    a, recs = audit_records(s, 'entity=user')
    rec = [r for r in recs if r.get('reason') == reason]
    expect(len(rec) == 1, 'audit records with the reason: %d' % len(rec))
    r = rec[0]
    expect(r.get('action') == 'user.roles' and r.get('actor') == 'admin' and r.get('entity-id') == 'li.na',
           'audit record %r' % r.attrib)
    expect(r.findtext('old') == '{"roles":"engineer"}', 'old value %r' % r.findtext('old'))
    expect(r.findtext('new') == '{"roles":"engineer,approver"}', 'new value %r' % r.findtext('new'))
    s.role_record_id = int(r.get('id'))
    st, h, b = s.request('GET', '/audit?entity=user', user='auditor')
    expect(reason in text_of(b), 'the reason is not on the HTML audit page')


def t_role_change_no_reason(s):
    before = s.db_snapshot()
    for reason in (None, '', 'x' * 501):
        tok = s.csrf('admin', '/admin/users')
        fields = [('login', 'wang.fang'), ('role', 'manager')] + ([('reason', reason)] if reason is not None else [])
        st, h, b = post(s, '/admin/users/role', 'admin', fields + [('csrf_token', tok)])
        expect(st == 400, 'role change with reason %r: %d' % (reason if reason is None else reason[:5], st))
        t = text_of(b)
        expect(msg('zh-CN', 'error.reason') in t, 'no error.reason message')
        forms = [f for f in parse_html(b).forms if f['attrs'].get('action') == '/admin/users/role']
        expect(len(forms) >= 6, 'form not re-rendered (%d role forms)' % len(forms))
    # the model of the re-rendered page
    tok = s.csrf('admin', '/admin/users')
    st, h, b = post(s, '/admin/users/role?format=xml', 'admin',
                    [('login', 'wang.fang'), ('role', 'manager'), ('csrf_token', tok)])
    expect(st == 400, 'xml: %d' % st)
    root = xml_root(b)
    errs = [(e.get('field'), e.get('key')) for e in root.findall('errors/error')]
    expect(('reason', 'error.reason') in errs, 'errors %r' % errs)
    unchanged(s, before, 'role change without a reason')


def t_last_admin(s):
    before = s.db_snapshot()
    tok = s.csrf('admin', '/admin/users')
    st, h, b = post(s, '/admin/users/role', 'admin',
                    [('login', 'admin'), ('role', 'manager'), ('reason', 'step down'), ('csrf_token', tok)])
    expect(st == 400, 'removing the last admin role: %d' % st)
    expect(msg('zh-CN', 'error.last_admin') in text_of(b), 'no error.last_admin message')
    unchanged(s, before, 'removing the last admin')
    roles = [r.text for r in user_xml(s, 'admin').findall('meta/user/role')]
    expect(roles == ['admin'], 'admin roles now %r' % roles)


def t_role_bad_input(s):
    before = s.db_snapshot()
    for fields, what in (([('login', 'li.na'), ('role', 'superuser'), ('reason', 'x')], 'unknown role'),
                         ([('login', 'li.na'), ('reason', 'x')], 'no role'),
                         ([('login', 'nobody'), ('role', 'viewer'), ('reason', 'x')], 'unknown user')):
        tok = s.csrf('admin', '/admin/users')
        st, h, b = post(s, '/admin/users/role', 'admin', fields + [('csrf_token', tok)])
        expect(st == 400, '%s: %d' % (what, st))
    unchanged(s, before, 'bad role changes')


def t_formula_setup(s):
    """Puts formula-looking values in: a display name (profile) and a role-change reason."""
    tok = s.csrf('wang.fang')
    st, h, b = post(s, '/profile', 'wang.fang', profile_post(s, 'wang.fang', tok, display_name=FORMULA))
    expect(st == 303, 'profile with a formula display name: %d' % st)
    tok = s.csrf('admin', '/admin/users')
    st, h, b = post(s, '/admin/users/role', 'admin',
                    [('login', 'chen.jie'), ('role', 'approver'), ('role', 'viewer'), ('reason', FORMULA),
                     ('csrf_token', tok)])
    expect(st == 303, 'role change with a formula reason: %d' % st)
    st, h, b = s.request('GET', '/audit', user='admin')
    expect(FORMULA in text_of(b), 'the formula text is not shown literally on the audit page')


FORMULA = "=cmd|' /C calc'!A0"


def t_audit_filters(s):
    con = s.db_connect()
    try:
        total = con.execute('SELECT count(*) FROM audit_log').fetchone()[0]
        n_admin = con.execute("SELECT count(*) FROM audit_log WHERE actor = 'admin'").fetchone()[0]
        n_user = con.execute("SELECT count(*) FROM audit_log WHERE entity = 'user'").fetchone()[0]
    finally:
        con.close()
    a, recs = audit_records(s, 'user=admin')
    expect(int(a.get('total')) == n_admin and len(recs) == n_admin,
           'user=admin: total %s, %d records, db %d' % (a.get('total'), len(recs), n_admin))
    expect(n_admin > 0 and all(r.get('actor') == 'admin' for r in recs), 'user=admin gave other actors')
    expect(a.find('filter').get('user') == 'admin', 'filter/@user %r' % a.find('filter').get('user'))
    a, recs = audit_records(s, 'entity=user')
    expect(int(a.get('total')) == n_user and all(r.get('entity') == 'user' for r in recs),
           'entity=user: total %s, db %d' % (a.get('total'), n_user))
    a, recs = audit_records(s, 'entity=schema')
    expect(all(r.get('entity') == 'schema' for r in recs) and len(recs) >= 1, 'entity=schema: %d' % len(recs))
    a, recs = audit_records(s, 'user=admin&entity=schema')
    expect(len(recs) == 0 and a.get('total') == '0', 'user=admin&entity=schema: %d' % len(recs))
    d = local_today()
    y, t = d - datetime.timedelta(days=1), d + datetime.timedelta(days=1)
    a, recs = audit_records(s, 'from=%s&to=%s' % (y, t))
    expect(int(a.get('total')) == total, 'from=%s&to=%s: total %s, db %d' % (y, t, a.get('total'), total))
    a, recs = audit_records(s, 'from=%s' % t)
    expect(a.get('total') == '0' and not recs, 'from=tomorrow: %s records' % a.get('total'))
    a, recs = audit_records(s, 'to=%s' % y)
    expect(a.get('total') == '0' and not recs, 'to=yesterday: %s records' % a.get('total'))
    a, recs = audit_records(s, 'user=admin&from=%s&to=%s' % (d, d))
    expect(all(r.get('actor') == 'admin' for r in recs), 'combined filter')


def t_audit_bad_date(s):
    for q in ('from=2026-13-01', 'to=2026-02-30', 'from=yesterday', 'from=2026-1-5', 'page=0', 'page=x'):
        st, h, b = s.request('GET', '/audit?' + q, user='admin')
        expect(st == 400, '/audit?%s: %d' % (q, st))
    st, h, b = s.request('GET', '/audit?from=2026-13-01', user='admin')
    expect(msg('zh-CN', 'error.date') in text_of(b), 'no error.date message')


def t_audit_csv(s):
    st, h, b = s.request('GET', '/audit?format=csv', user='auditor')
    expect(st == 200, 'status %d' % st)
    ct = hget(h, 'Content-Type') or ''
    expect(ct.startswith('text/csv'), 'Content-Type %r' % ct)
    expect('attachment' in (hget(h, 'Content-Disposition') or ''), 'Content-Disposition %r' % hget(h, 'Content-Disposition'))
    expect(b.startswith(b'\xef\xbb\xbf'), 'no UTF-8 BOM: %r' % b[:10])
    expect(b.endswith(b'\r\n'), 'last line does not end with CRLF')
    expect(b'\n' not in b.replace(b'\r\n', b''), 'a line ending that is not CRLF')
    rows = list(csv.reader(io.StringIO(b[3:].decode('utf-8'), newline='')))
    expect(len(rows) == db_count(s, 'SELECT count(*) FROM audit_log') + 1,
           '%d CSV rows for %d audit records' % (len(rows) - 1, db_count(s, 'SELECT count(*) FROM audit_log')))
    expect(rows[0][0] == harness.CAT['zh-CN']['csv.id'], 'header row %r' % rows[0])
    cells = [c for r in rows[1:] for c in r]
    expect("'" + FORMULA in cells, 'the reason %r is not exported as %r' % (FORMULA, "'" + FORMULA))
    expect(FORMULA not in cells, 'the formula is exported as it is')
    bad = [c for c in cells if c[:1] in ('=', '+', '-', '@', '\t', '\r')]
    expect(not bad, 'cells starting with a formula character: %r' % bad[:3])
    expect(any(FORMULA in c for c in cells), 'display name not in the export')
    # the filter applies to the export too
    st, h, b = s.request('GET', '/audit?format=csv&user=admin', user='admin')
    rows = list(csv.reader(io.StringIO(b[3:].decode('utf-8'), newline='')))
    expect(len(rows) > 1 and all(r[2] == 'admin' for r in rows[1:]), 'user=admin CSV has other actors')


def t_not_found(s):
    st, h, b = s.request('GET', '/no/such/page', user='zhang.wei')
    expect(st == 404, 'status %d' % st)
    p = parse_html(b)
    expect(p.lang == 'zh-CN', 'lang %r' % p.lang)
    t = text_of(b)
    expect(msg('zh-CN', 'error.not_found') in t, 'no Chinese not-found message')
    expect(re.search(re.escape(msg('zh-CN', 'error.request')) + r'\s*[0-9a-f]{16}', t), 'no request id on the page')
    st, h, b = s.request('GET', '/no/such/page', user='li.na', headers={'Accept-Language': 'en-US,en;q=0.9'})
    expect(st == 404 and parse_html(b).lang == 'en', 'English 404: %d %r' % (st, parse_html(b).lang))
    t = text_of(b)
    expect(msg('en', 'error.not_found') in t, 'English 404 text missing')
    expect(re.search(re.escape(msg('en', 'error.request')) + r'\s*[0-9a-f]{16}', t), 'no request id (en)')


def t_method_not_allowed(s):
    st, h, b = s.request('GET', '/lang', user='zhang.wei')
    expect(st == 405, 'GET /lang: %d' % st)
    expect(hget(h, 'Allow'), 'no Allow header')
    before = s.db_snapshot()
    st, h, b = s.request('PUT', '/profile', user='zhang.wei', headers=FORM, body='display_name=Put')
    expect(st in (405, 403), 'PUT /profile: %d' % st)
    unchanged(s, before, 'PUT /profile')


def t_lang_switch(s):
    tok = s.csrf('wang.fang', '/')
    st, h, b = post(s, '/lang', 'wang.fang', [('lang', 'en'), ('return_to', '/'), ('csrf_token', tok)])
    expect(st == 303, 'POST /lang: %d %s' % (st, short(b)))
    expect(hget(h, 'Location') == '/', 'Location %r' % hget(h, 'Location'))
    st, h, b = s.request('GET', '/', user='wang.fang', headers={'Accept-Language': 'zh-CN'})
    p = parse_html(b)
    expect(st == 200 and p.lang == 'en', 'after switching, lang %r' % p.lang)
    expect(msg('en', 'home.title') in text_of(b), 'not the English home page')
    # and back, with a query in return_to
    tok = s.csrf('wang.fang', '/')
    st, h, b = post(s, '/lang', 'wang.fang', [('lang', 'zh-CN'), ('return_to', '/audit?x=1'), ('csrf_token', tok)])
    expect(st == 303 and hget(h, 'Location') == '/audit?x=1', 'switch back: %d %r' % (st, hget(h, 'Location')))


def t_lang_bad_return(s):
    before = s.db_snapshot()
    for rt in ('//evil.example', '/\\evil.example', 'https://evil.example/', 'evil', '/%0d%0aSet-Cookie:x'):
        tok = s.csrf('wang.fang', '/')
        body = urllib.parse.urlencode([('lang', 'en'), ('csrf_token', tok)]) + '&return_to=' + \
            (rt if rt.startswith('/%0d') else urllib.parse.quote(rt, safe=''))
        st, h, b = s.request('POST', '/lang', user='wang.fang', headers=FORM, body=body)
        expect(st == 400, 'return_to=%s: %d (Location %r)' % (rt, st, hget(h, 'Location')))
    tok = s.csrf('wang.fang', '/')
    st, h, b = post(s, '/lang', 'wang.fang', [('lang', 'fr'), ('return_to', '/'), ('csrf_token', tok)])
    expect(st == 400, 'lang=fr: %d' % st)
    unchanged(s, before, 'bad /lang posts')


def t_fcgi_dup_identity(s):
    before_log = s.log_text()
    st, h, b, err = s.fcgi(base_fcgi_params(s, user='admin') + [('REMOTE_USER', 'zhang.wei')])
    expect(st == 500, 'REMOTE_USER twice: %d' % st)
    expect(b'admin' not in b.replace(b'/admin', b''), 'the 500 page mentions a user')
    check_security_headers('fcgi 500', h, page=True)
    new = s.log_text()[len(before_log):]
    m = re.search(r'\[([0-9a-f]{16})\] security: .*', new)
    expect(m, 'no "security" line in the log: %r' % new[-500:])
    expect(m.group(1).encode() in b, 'the request id of the log line is not on the error page')


def t_fcgi_empty_identity(s):
    for what, params in (('empty', base_fcgi_params(s, user='')),
                         ('absent', base_fcgi_params(s, user=None)),
                         ('only client headers', base_fcgi_params(s, user=None) + [
                             ('HTTP_X_REMOTE_USER', 'admin'), ('HTTP_REMOTE_USER', 'admin'),
                             ('HTTP_X_FORWARDED_USER', 'admin'), ('HTTP_AUTHORIZATION', 'Basic YWRtaW46eA=='),
                             ('HTTP_COOKIE', 'REMOTE_USER=admin'), ('QUERY_STRING', 'REMOTE_USER=admin')]),
                         ('space', base_fcgi_params(s, user='al ice')),
                         ('CRLF', base_fcgi_params(s, user='a\r\nb')),
                         ('65 chars', base_fcgi_params(s, user='a' * 65))):
        st, h, b, err = s.fcgi(params)
        expect(st == 401, 'REMOTE_USER %s: %d' % (what, st))
        expect(b'<user' not in b and b'account-name' not in b, 'REMOTE_USER %s: a user is shown' % what)


def t_fcgi_unknown_user(s):
    before = s.db_snapshot()
    st, h, b, err = s.fcgi(base_fcgi_params(s, user='mallory'))
    expect(st == 403, 'REMOTE_USER=mallory: %d' % st)
    expect(msg('zh-CN', 'error.unknown_user') in text_of(b), 'no error.unknown_user message')
    unchanged(s, before, 'unknown user (auto_provision off)')


def t_fcgi_canonical(s):
    st, h, b, err = s.fcgi(base_fcgi_params(s, user='Zhang.Wei', query='format=xml'))
    expect(st == 200, 'REMOTE_USER=Zhang.Wei: %d' % st)
    expect(xml_root(b).find('meta/user').get('login') == 'zhang.wei', 'login not canonicalised')
    st, h, b, err = s.fcgi(base_fcgi_params(s, user='zhang.wei', query='format=xml'))
    expect(st == 200 and xml_root(b).find('meta/user').get('login') == 'zhang.wei', 'plain: %d' % st)


def t_fcgi_content_length(s):
    before = s.db_snapshot()
    tok = s.mint_csrf('zhang.wei')
    body = ('display_name=CL&csrf_token=%s' % tok).encode()
    for what, clen, data, want in (('non-numeric', 'abc', body, 400), ('negative', '-5', body, 400),
                                   ('more than sent', str(len(body) + 10), body, 400),
                                   ('less than sent', str(len(body) - 3), body, 400),
                                   ('over max_body', str(2 * 1024 * 1024), body, 413)):
        p = [(k, v) for k, v in base_fcgi_params(s, method='POST', path='/profile')
             if k not in ('CONTENT_LENGTH', 'CONTENT_TYPE')]
        p += [('CONTENT_TYPE', 'application/x-www-form-urlencoded'), ('CONTENT_LENGTH', clen)]
        st, h, b, err = s.fcgi(p, data)
        expect(st == want, 'CONTENT_LENGTH %s: %d, want %d' % (what, st, want))
    unchanged(s, before, 'bad CONTENT_LENGTH')


def t_nginx_T(s):
    r = s.nginx_cmd('-T')
    expect(r.returncode == 0, 'nginx -T failed: %s' % r.stderr.decode(errors='replace')[-300:])
    conf = r.stdout.decode('utf-8', 'replace')
    lines = [ln.split('#', 1)[0] for ln in conf.splitlines()]
    code = '\n'.join(lines)
    inc = [ln.strip() for ln in lines if re.match(r'\s*include\s', ln)]
    # the stock files, by absolute path or relative to the nginx configuration directory
    bad = [ln for ln in inc if re.search(r'^include\s+(/etc/nginx/)?(fastcgi_params|fastcgi\.conf)\s*;', ln)]
    expect(not bad, 'includes the stock params file: %r' % bad)
    n = len(re.findall(r'fastcgi_param\s+REMOTE_USER\s', code))
    expect(n == 1, '%d "fastcgi_param REMOTE_USER" lines, want 1' % n)
    if s.mode == 'sso':
        expect('$remote_user' not in code, '$remote_user in the sso-mode config')
        expect(re.search(r'fastcgi_param\s+REMOTE_USER\s+\$sso_user\s*;', code), 'REMOTE_USER not from $sso_user')
        expect('auth_basic_user_file' not in code, 'auth_basic in sso mode')
    else:
        uses = [ln.strip() for ln in lines if '$remote_user' in ln]
        expect(uses == ['fastcgi_param REMOTE_USER $remote_user;'], '$remote_user used as %r' % uses)
        expect(re.search(r'auth_basic_user_file\s', code), 'no auth_basic in basic mode')
    for hdr in ('HTTP_X_REMOTE_USER', 'HTTP_X_FORWARDED_USER', 'HTTP_AUTHORIZATION', 'HTTP_REMOTE_USER'):
        expect(re.search(r'fastcgi_param\s+%s\s+""\s+if_not_empty' % hdr, code), '%s not stripped' % hdr)
    expect(not re.search(r'underscores_in_headers\s+on', code), 'underscores_in_headers on')


def t_audit_verify(s):
    r = s.cli('audit', 'verify')
    expect(r.returncode == 0, 'audit verify: %d %s' % (r.returncode, r.stderr.strip()))
    head = s.cli('audit', 'head').stdout.strip()
    r = s.cli('audit', 'verify', '--expect-head', head)
    expect(r.returncode == 0, 'audit verify --expect-head %s: %d %s' % (head, r.returncode, r.stderr.strip()))
    hid, hh = head.split(':')
    bad = '%s:%s' % (hid, ('0' if hh[0] != '0' else '1') + hh[1:])
    r = s.cli('audit', 'verify', '--expect-head', bad)
    expect(r.returncode != 0, 'audit verify accepted a wrong exported head')


def t_append_only(s):
    before = s.db_snapshot()
    con = sqlite3.connect(s.db, timeout=10)
    try:
        stmts = ["UPDATE audit_log SET reason = 'x' WHERE id = 1",
                 'DELETE FROM audit_log WHERE id = 1',
                 'DELETE FROM audit_log',
                 "INSERT OR REPLACE INTO audit_log SELECT * FROM audit_log WHERE id = 1",
                 "INSERT OR REPLACE INTO audit_log (id, at, actor, action, entity, entity_id, prev_hash, row_hash)"
                 " VALUES (1, 'x', 'x', 'x', 'x', 'x', 'x-new', 'x')",
                 "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, prev_hash, row_hash)"
                 " VALUES (1, 'x', 'x', 'x', 'x', 'x', 'x-new2', 'x') ON CONFLICT(id) DO UPDATE SET reason = 'x'",
                 "REPLACE INTO audit_log SELECT * FROM audit_log WHERE id = 2"]
        for sql in stmts:
            try:
                con.execute(sql)
                con.commit()
            except sqlite3.DatabaseError as e:
                con.rollback()
                expect('append-only' in str(e), '%s: failed with %r, not "append-only"' % (sql[:40], str(e)))
            else:
                raise Fail('%s: succeeded' % sql[:60])
    finally:
        con.close()
    unchanged(s, before, 'append-only attempts')


def t_tamper_detected(s):
    expect(getattr(s, 'role_reason', None), 'no role change record (earlier check failed)')
    copy = os.path.join(s.tmp, 'tampered.db')
    con = s.db_connect()
    try:
        con.execute('VACUUM INTO ?', (copy,))
        rid = con.execute('SELECT id FROM audit_log WHERE reason = ?', (s.role_reason,)).fetchone()[0]
    finally:
        con.close()
    with open(copy, 'rb') as f:
        data = bytearray(f.read())
    needle = s.role_reason.encode()
    at = data.find(needle)
    expect(at >= 0 and data.find(needle, at + 1) < 0, 'the reason occurs %d times in the copy'
           % data.count(needle))
    r = s.cli('audit', 'verify', db=copy)
    expect(r.returncode == 0, 'untouched copy does not verify: %s' % r.stderr.strip())
    i = at + needle.index(b'desk')          # flip one byte inside the reason text
    data[i] = ord('D')
    with open(copy, 'wb') as f:
        f.write(data)
    con = sqlite3.connect('file:%s?mode=ro' % copy, uri=True)
    try:
        now = con.execute('SELECT reason FROM audit_log WHERE id = ?', (rid,)).fetchone()[0]
    finally:
        con.close()
    expect(now == s.role_reason.replace('desk', 'Desk'), 'the edit did not land in record %d: %r' % (rid, now))
    r = s.cli('audit', 'verify', db=copy)
    expect(r.returncode != 0, 'audit verify passed on a tampered copy')
    expect(re.search(r'\b%d\b' % rid, r.stderr), 'stderr does not name record %d: %r' % (rid, r.stderr.strip()))


def t_deleted_row_detected(s):
    copy = harness.db_copy(s, 'deleted.db')
    con = sqlite3.connect(copy)
    try:
        con.execute('DROP TRIGGER audit_no_delete')
        con.execute('DELETE FROM audit_log WHERE id = 3')
        con.commit()
    finally:
        con.close()
    r = s.cli('audit', 'verify', db=copy)
    expect(r.returncode != 0, 'audit verify passed with record 3 deleted')
    expect(re.search(r'\b[34]\b', r.stderr), 'stderr names no record near 3: %r' % r.stderr.strip())


def t_backup(s):
    dest = os.path.join(s.tmp, 'backup.db')
    r = s.cli('backup', dest)
    expect(r.returncode == 0, 'backup: %d %s' % (r.returncode, r.stderr.strip()))
    con = sqlite3.connect('file:%s?mode=ro' % dest, uri=True)
    try:
        ic = con.execute('PRAGMA integrity_check').fetchall()
        n = con.execute('SELECT count(*) FROM audit_log').fetchone()[0]
    finally:
        con.close()
    expect(ic == [('ok',)], 'integrity_check %r' % ic)
    expect(n == db_count(s, 'SELECT count(*) FROM audit_log'), 'backup has %d audit rows' % n)
    r = s.cli('audit', 'verify', db=dest)
    expect(r.returncode == 0, 'audit verify on the backup: %s' % r.stderr.strip())
    r = s.cli('backup', dest)
    expect(r.returncode != 0, 'backup overwrote an existing file')


def t_cli_exit_codes(s):
    before = s.db_snapshot()
    r = s.cli('user', 'add', 'new.user', '--role', 'superuser')
    expect(r.returncode == 2, 'user add with a bad role: exit %d' % r.returncode)
    r = s.cli('user', 'add', 'Bad User', '--role', 'viewer')
    expect(r.returncode == 2, 'user add with a bad login: exit %d' % r.returncode)
    r = s.cli('frobnicate')
    expect(r.returncode == 2, 'unknown command: exit %d' % r.returncode)
    r = s.cli()
    expect(r.returncode == 2, 'no command: exit %d' % r.returncode)
    r = s.cli('audit', 'verify', '--bogus')
    expect(r.returncode == 2, 'audit verify --bogus: exit %d' % r.returncode)
    unchanged(s, before, 'refused CLI commands')


def t_worker_replaced(s):
    pids = s.worker_pids()
    expect(len(pids) == 2, 'workers %r, want 2' % pids)
    os.kill(pids[0], signal.SIGKILL)
    deadline = time.time() + 5
    while time.time() < deadline:
        now = s.worker_pids()
        if len(now) == 2 and pids[0] not in now:
            break
        time.sleep(0.05)
    now = s.worker_pids()
    expect(len(now) == 2 and pids[0] not in now, 'workers after kill -9: %r (before %r)' % (now, pids))
    for i in range(6):
        st, h, b = s.request('GET', '/', user='zhang.wei')
        expect(st == 200, 'request %d after the kill: %d' % (i, st))
    expect(re.search(r'worker %d died \(signal 9\)' % pids[0], s.log_text()), 'no "worker died" log line')


def t_kill9_during_writes(s):
    """security.md §9.31: workers killed with SIGKILL while writes stream in, 20 times. Every
    write that was acknowledged (303) is in the database with its audit record, none is half
    there, integrity_check is ok and the audit chain verifies."""
    token = s.csrf('li.na')
    acked, stop = [], threading.Event()

    def writer():
        n = 0
        while not stop.is_set():
            n += 1
            name = 'kill9-%d' % n
            try:
                st, h, b = s.post_form('/profile', 'li.na', {'csrf_token': token, 'display_name': name,
                                                            'email': '', 'phone': '', 'lang': ''})
            except OSError:
                continue
            if st == 303:
                acked.append(name)
    threads = [threading.Thread(target=writer) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        for _ in range(20):
            time.sleep(0.05)
            pids = s.worker_pids()
            if pids:
                os.kill(pids[0], signal.SIGKILL)
        # a slow (sanitizer, loaded) machine acknowledges fewer writes in that second: let the
        # writers go on until enough are in, so the check is about losses, not speed
        deadline = time.time() + 30
        while len(acked) < 10 and time.time() < deadline:
            time.sleep(0.1)
    finally:
        stop.set()
        for t in threads:
            t.join(30)
    expect(len(acked) >= 10, 'only %d writes acknowledged' % len(acked))
    con = s.db_connect()
    try:
        expect(con.execute('PRAGMA integrity_check').fetchone()[0] == 'ok', 'integrity_check failed')
        logged = {r[0] for r in con.execute("SELECT json_extract(new_value, '$.display_name') FROM audit_log"
                                            " WHERE action = 'user.profile' AND actor = 'li.na'")}
    finally:
        con.close()
    lost = [n for n in acked if n not in logged]
    expect(not lost, '%d acknowledged writes lost, e.g. %r' % (len(lost), lost[:3]))
    r = s.cli('audit', 'verify')
    expect(r.returncode == 0, 'audit verify after the kills: %s' % r.stderr.strip())
    st, h, b = s.request('GET', '/', user='li.na')
    expect(st == 200, 'site after the kills: %d' % st)


def t_no_missing_keys(s):
    log = s.log_text()
    bad = [ln for ln in log.splitlines() if 'missing key' in ln]
    expect(not bad, '%d i18n warnings, e.g. %r' % (len(bad), bad[:3]))
    asan = [ln for ln in log.splitlines()
            if 'ERROR: AddressSanitizer' in ln or 'ERROR: LeakSanitizer' in ln or re.search(r'\.c:\d+:\d+: runtime error:', ln)]
    expect(not asan, 'sanitizer reports in the log: %r' % asan[:3])


def t_sigterm(s):
    pids = s.worker_pids()
    took, alive, sock_left = s.stop_app(15)
    expect(took is not None, 'serve did not exit within 15 s of SIGTERM')
    expect(not alive, 'workers still alive: %r' % alive)
    expect(not sock_left, 'the socket %s was not removed' % s.sock)
    expect(len(pids) == 2, 'had workers %r' % pids)


def t_502_after_stop(s):
    st, h, b = s.request('GET', '/', user='zhang.wei')
    expect(st == 502, 'with the program stopped: %d' % st)


# ---------------------------------------------------------------------------------------------
# checks on every response seen

def check_security_headers(what, headers, page=True):
    for name in ('Content-Security-Policy', 'X-Frame-Options', 'X-Content-Type-Options', 'Referrer-Policy'):
        n = len(hall(headers, name))
        expect(n == 1, '%s: %s appears %d times' % (what, name, n))
    csp = hget(headers, 'Content-Security-Policy')
    for need in CSP_NEED:
        expect(need in csp, '%s: CSP lacks %s' % (what, need))
    expect('unsafe-inline' not in csp and 'unsafe-eval' not in csp, '%s: CSP allows unsafe-*' % what)
    expect(hget(headers, 'X-Frame-Options') == 'DENY', '%s: X-Frame-Options %r' % (what, hget(headers, 'X-Frame-Options')))
    expect(hget(headers, 'X-Content-Type-Options') == 'nosniff', '%s: X-Content-Type-Options' % what)
    expect(hget(headers, 'Referrer-Policy') == 'same-origin', '%s: Referrer-Policy %r' % (what, hget(headers, 'Referrer-Policy')))
    if page:
        cc = hall(headers, 'Cache-Control')
        expect(cc == ['no-store'], '%s: Cache-Control %r' % (what, cc))


def t_all_headers(s, need_statuses):
    seen = set()
    for method, path, st, h, b in s.responses:
        seen.add(st)
        static = path.startswith('/static/')
        check_security_headers('%s %s -> %d' % (method, path, st), h, page=not (static and st == 200))
    missing = sorted(set(need_statuses) - seen)
    expect(not missing, 'no response with status %r was seen' % missing)


def t_all_html(s, at_least=20):
    n = 0
    for method, path, st, h, b in s.responses:
        ct = hget(h, 'Content-Type') or ''
        if not ct.startswith('text/html') or not b:
            continue
        n += 1
        what = '%s %s -> %d' % (method, path, st)
        p = parse_html(b)
        expect(not any(tag in ('script', 'style', 'iframe', 'object', 'embed') for tag, a in p.tags),
               '%s: has a script/style/iframe element' % what)
        attrs = [(tag, k) for tag, a in p.tags for k in a if k == 'style' or k.startswith('on')]
        expect(not attrs, '%s: inline style/event attributes %r' % (what, attrs[:3]))
        hrefs = [a.get('href', '') + a.get('action', '') + a.get('src', '') for tag, a in p.tags]
        expect(not any(x.strip().lower().startswith('javascript:') for x in hrefs), '%s: javascript: URL' % what)
        for f in p.forms:
            if (f['attrs'].get('method') or 'get').lower() == 'post':
                toks = [i for i in f['inputs'] if i.get('name') == 'csrf_token']
                expect(len(toks) == 1 and toks[0].get('type') == 'hidden' and toks[0].get('value'),
                       '%s: POST form %r without one hidden csrf_token' % (what, f['attrs'].get('action')))
    expect(n >= at_least, 'only %d HTML responses seen' % n)


# ---------------------------------------------------------------------------------------------
# sso-mode checks

SPOOF = {'Authorization': 'Basic YWRtaW46eA==', 'X-Remote-User': 'admin', 'X-Forwarded-User': 'admin',
         'Remote-User': 'admin', 'X-Auth-Request-User': 'admin', 'X-Webauth-User': 'admin',
         'X_Remote_User': 'admin'}


def t_sso_identity(s):
    st, root, b = s.get_xml('/', 'zhang.wei', headers=SPOOF)
    expect(st == 200 and root is not None, 'status %d' % st)
    login = root.find('meta/user').get('login')
    expect(login == 'zhang.wei', 'the app says login %r, want zhang.wei' % login)
    st, root, b = s.get_xml('/', 'zhang.wei')
    expect(root.find('meta/user').get('login') == 'zhang.wei', 'plain cookie: %r' % root.find('meta/user').get('login'))


def t_sso_spoof_post(s):
    """security.md 9.2: the audit actor is the SSO user, whatever the client headers say."""
    tok = s.csrf('zhang.wei', headers=SPOOF)
    st, h, b = post(s, '/profile', 'zhang.wei', profile_post(s, 'zhang.wei', tok, phone='138-0013-8099'),
                    headers=SPOOF)
    expect(st == 303, 'POST with spoofing headers: %d' % st)
    con = s.db_connect()
    try:
        actor, action = con.execute('SELECT actor, action FROM audit_log ORDER BY id DESC LIMIT 1').fetchone()
    finally:
        con.close()
    expect((actor, action) == ('zhang.wei', 'user.profile'), 'last audit record by %r (%s)' % (actor, action))
    p = profile_of(s, 'zhang.wei')
    expect(p.get('phone') == '138-0013-8099', 'phone %r' % p.get('phone'))
    expect(db_count(s, "SELECT count(*) FROM audit_log WHERE actor = 'admin'") == 0, 'an audit row by admin')


def t_sso_no_cookie_get(s):
    for path in ('/', '/profile?x=1'):
        st, h, b = s.request('GET', path, headers={'Authorization': 'Basic YWRtaW46eA==', 'X-Remote-User': 'admin'})
        expect(st in (302, 303, 307), 'GET %s without the SSO cookie: %d' % (path, st))
        loc = hget(h, 'Location') or ''
        expect(loc.startswith('/oauth2/start'), 'Location %r, want the SSO sign-in' % loc)
        expect(b'<page' not in b and b'account-name' not in b, 'page content in the redirect')


def t_sso_no_cookie_post(s):
    before = s.db_snapshot()
    tok = s.csrf('zhang.wei')
    st, h, b = s.request('POST', '/profile', headers=FORM, body='display_name=Expired&csrf_token=' + tok)
    expect(st == 401, 'POST without the SSO cookie: %d' % st)
    expect(hget(h, 'Location') is None, 'POST was redirected to %r' % hget(h, 'Location'))
    t = text_of(b)
    expect('session expired' in t.lower() and '登录已过期' in t, 'not the session-expired page: %s' % short(b))
    expect((hget(h, 'Content-Type') or '').startswith('text/html'), 'Content-Type %r' % hget(h, 'Content-Type'))
    unchanged(s, before, 'POST after the SSO session expired')


def t_sso_odd_users(s):
    s.sso_map.update({'sso-empty': '', 'sso-none': None, 'sso-space': 'al ice', 'sso-crlf': 'a\r\nb',
                      'sso-long': 'a' * 65, 'sso-500': 500, 'sso-403': 403, 'sso-mallory': 'mallory',
                      'sso-ctl': 'adm\x01in'})
    before = s.db_snapshot()
    for cookie, want in (('sso-empty', {401}), ('sso-none', {401}), ('sso-space', {401}), ('sso-long', {401}),
                         ('sso-ctl', {401, 500, 502}), ('sso-crlf', {401, 403, 500, 502}),
                         ('sso-500', {500}), ('sso-403', {403}), ('sso-mallory', {403})):
        st, h, b = s.request('GET', '/?format=xml', user=cookie)
        expect(st in want, 'SSO user %r: %d, want %s' % (s.sso_map[cookie], st, sorted(want)))
        expect(b'<user' not in b and b'account-name' not in b, 'SSO user %r: a user is shown' % s.sso_map[cookie])
    for cookie, key in (('sso-empty', 'error.identity'), ('sso-space', 'error.identity'),
                        ('sso-mallory', 'error.unknown_user')):
        st, h, b = s.request('GET', '/', user=cookie)
        expect(msg('zh-CN', key) in text_of(b), '%s: not the app page with %s (%d): %s' % (cookie, key, st, short(b)))
    unchanged(s, before, 'odd SSO identities')


def t_sso_session_expired_static(s):
    st, h, b = s.request('GET', '/static/session-expired.html')
    expect(st == 200, 'GET /static/session-expired.html: %d' % st)


def t_multipart_file_part(s):
    """security.md 9.22 through a multipart *file* part: the same field sent as
    'Content-Disposition: form-data; name="display_name"; filename="x.txt"' must be checked (or
    refused) like any other value; the program checks only the file name of such parts."""
    before = s.db_snapshot()
    tok = s.csrf('zhang.wei')
    bnd = 'FiLePaRtBoUnDaRy'

    def part(k, v, fn=None):
        return (('--%s\r\nContent-Disposition: form-data; name="%s"%s\r\n\r\n'
                 % (bnd, k, '; filename="%s"' % fn if fn else '')).encode() + v + b'\r\n')
    body = (part('display_name', b'a\x01b\xffc', fn='x.txt') + part('email', b'') + part('phone', b'') +
            part('lang', b'') + part('csrf_token', tok.encode()) + ('--%s--\r\n' % bnd).encode())
    st, h, b = s.request('POST', '/profile', user='zhang.wei',
                         headers={'Content-Type': 'multipart/form-data; boundary=' + bnd}, body=body)
    con = s.db_connect()
    con.text_factory = bytes
    try:
        stored = con.execute("SELECT display_name FROM users WHERE login = 'zhang.wei'").fetchone()[0]
    finally:
        con.close()
    if st == 303:       # put a valid name back so later checks are not affected
        tok = s.csrf('zhang.wei')
        post(s, '/profile', 'zhang.wei', [('display_name', '张伟'), ('email', 'zhang.wei@example.com'),
                                          ('phone', '138-0013-8001'), ('lang', ''), ('csrf_token', tok)])
    expect(st == 400, 'display_name "a\\x01b\\xffc" as a file part: %d, stored as %r' % (st, stored))
    expect('display_name' in text_of(b), 'the 400 page does not name display_name')
    unchanged(s, before, 'a file part with invalid characters')


def t_bad_chars_other_inputs(s):
    """security.md 9.22 for the other ways in: query string, path, multipart, field names, reason."""
    before = s.db_snapshot()
    for path in ('/audit?user=%FF', '/audit?user=a%01b', '/audit?%FF=1', '/%FF', '/?x=%ED%A0%80'):
        st, h, b = s.request('GET', path, user='admin')
        expect(st == 400, 'GET %s: %d' % (path, st))
    tok = s.csrf('zhang.wei')
    bnd = 'XyZbOuNdArY'
    parts = [('display_name', 'a\x01b'), ('email', ''), ('phone', ''), ('lang', ''), ('csrf_token', tok)]
    body = ''.join('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (bnd, k, v) for k, v in parts)
    body += '--%s--\r\n' % bnd
    st, h, b = s.request('POST', '/profile', user='zhang.wei',
                         headers={'Content-Type': 'multipart/form-data; boundary=' + bnd}, body=body)
    expect(st == 400 and 'display_name' in text_of(b), 'multipart display_name with \\x01: %d' % st)
    tok = s.csrf('admin', '/admin/users')
    body = 'login=li.na&role=engineer&reason=bad%01reason&csrf_token=' + urllib.parse.quote(tok)
    st, h, b = s.request('POST', '/admin/users/role', user='admin', headers=FORM, body=body)
    expect(st == 400 and 'reason' in text_of(b), 'reason with \\x01: %d' % st)
    unchanged(s, before, 'invalid characters in other inputs')
    # and a well-formed multipart form is accepted like a urlencoded one
    tok = s.csrf('zhang.wei')
    parts = profile_post(s, 'zhang.wei', tok, display_name='张伟')
    body = ''.join('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (bnd, k, v) for k, v in parts)
    body += '--%s--\r\n' % bnd
    st, h, b = s.request('POST', '/profile', user='zhang.wei',
                         headers={'Content-Type': 'multipart/form-data; boundary=' + bnd}, body=body)
    expect(st == 303, 'valid multipart POST: %d' % st)


ODD = '<b>x</b> & ]]> "q" \'a\' javascript:alert(1)'


def t_escaping(s):
    """security.md 9.23: markup-looking text is shown literally."""
    tok = s.csrf('chen.jie')
    st, h, b = post(s, '/profile', 'chen.jie', profile_post(s, 'chen.jie', tok, display_name=ODD))
    expect(st == 303, 'POST: %d' % st)
    for path in ('/', '/profile'):
        st, h, b = s.request('GET', path, user='chen.jie')
        p = parse_html(b)
        expect(not any(tag == 'b' for tag, a in p.tags), '%s: the <b> became markup' % path)
        expect(ODD in ''.join(p.text) or any(a.get('value') == ODD for tag, a in p.tags),
               '%s: the text is not shown literally' % path)
        expect(not any('javascript:' in (a.get('href') or '') for tag, a in p.tags), '%s: javascript: link' % path)
    p = profile_of(s, 'chen.jie')
    expect(p.get('display_name') == ODD, 'XML model display_name %r' % p.get('display_name'))
    st, h, b = s.request('GET', '/audit?user=chen.jie', user='auditor')
    p = parse_html(b)
    expect(st == 200 and not any(tag == 'b' for tag, a in p.tags), 'audit page: %d / markup' % st)
    st, h, b = s.request('GET', '/admin/users', user='admin')
    p = parse_html(b)
    expect(ODD in ''.join(p.text) and not any(tag == 'b' for tag, a in p.tags), 'admin users page')
    st, root, b = s.get_xml('/admin/users', 'admin')
    expect(root is not None, 'admin users XML not well-formed')


def t_flash_unknown_key(s):
    """A made-up ?flash= key is a URL anyone can send: it must not show a raw message key
    nor log an i18n warning (the log check above would then fail for any visitor's link)."""
    mark = len(s.log_text())
    st, h, b = s.request('GET', '/?flash=no_such_message', user='zhang.wei')
    expect(st == 200, 'status %d' % st)
    t = text_of(b)
    new = s.log_text()[mark:]
    expect('flash.no_such_message' not in t and 'missing key' not in new,
           'GET /?flash=no_such_message shows %r on the page and logs %r'
           % ('flash.no_such_message' if 'flash.no_such_message' in t else '', new.strip()[:120]))


def t_allow_header(s):
    """RFC 9110 15.5.6: the Allow header of a 405 lists the methods the resource supports."""
    st, h, b = s.request('GET', '/lang', user='zhang.wei')
    allow = [m.strip() for m in (hget(h, 'Allow') or '').split(',')]
    expect(st == 405 and allow == ['POST'], 'GET /lang: %d, Allow: %r (the route is POST only)' % (st, hget(h, 'Allow')))
    st, h, b = s.request('DELETE', '/admin/users', user='admin')
    allow = [m.strip() for m in (hget(h, 'Allow') or '').split(',')]
    expect(st == 405 and 'POST' not in allow, 'DELETE /admin/users: %d, Allow: %r (GET only)' % (st, hget(h, 'Allow')))


def t_audit_long_filter(s):
    st, h, b = s.request('GET', '/audit?entity=' + 'e' * 65, user='admin')
    expect(st == 400, 'entity of 65 chars: %d' % st)
    st, root, b = s.get_xml('/audit?entity=' + 'e' * 65, 'admin')
    e = root.find('error') if root is not None else None
    expect(e is not None and e.get('field') == 'entity',
           'the 400 names field %r, want entity' % (e.get('field') if e is not None else None))


def t_source_grep(s):
    """security.md 9.19: no disable-output-escaping, no unsafe libxml2 parse options."""
    bad = []
    for d in ('xslt', 'src', 'cgi-bin'):
        for root, dirs, files in os.walk(os.path.join(REPO, d)):
            for fn in files:
                if not fn.endswith(('.xsl', '.c', '.h')):
                    continue
                path = os.path.join(root, fn)
                with open(path, encoding='utf-8', errors='replace') as f:
                    txt = f.read()
                for pat in ('disable-output-escaping', 'XML_PARSE_NOENT', 'XML_PARSE_DTDLOAD', 'XML_PARSE_DTDVALID',
                            'XML_PARSE_XINCLUDE', 'XML_PARSE_HUGE', 'exsltRegisterAll', 'xmlSubstituteEntitiesDefault(1)'):
                    if pat in txt:
                        bad.append('%s: %s' % (os.path.relpath(path, REPO), pat))
    expect(not bad, ', '.join(bad))


EVIL_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<xsl:stylesheet version="1.0" '
             'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:op="urn:opsplan" '
             'xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl" '
             'exclude-result-prefixes="op">\n<xsl:import href="pages/layout.xsl"/>\n'
             '<xsl:template match="/page" mode="title">T</xsl:template>\n')


def evil_dir(s, name, content):
    import shutil
    d = os.path.join(s.tmp, 'xslt-' + name)
    shutil.copytree(os.path.join(REPO, 'xslt'), d)
    with open(os.path.join(d, 'home.xsl'), 'w') as f:
        # a sheet file named after the page wins over site.xsl for that page
        f.write(EVIL_HEAD + '<xsl:template match="/page" mode="content">' + content + '</xsl:template>\n</xsl:stylesheet>\n')
    return d


def t_xslt_document_refused(s):
    secret = os.path.join(s.tmp, 'secret.xml')
    with open(secret, 'w') as f:
        f.write('<s>TOPSECRET-42</s>')
    for i, target in enumerate(('file://' + secret, secret, '/etc/passwd', 'i18n/en.xml')):
        d = evil_dir(s, 'doc%d' % i, '<p>LEAK[<xsl:value-of select="document(\'%s\')"/>]</p>' % target)
        st, h, b, err = s.cgi(base_fcgi_params(s), OPSPLAN_XSLT_DIR=d)
        expect(st == 500, "document('%s'): %d" % (target, st))
        expect(b'TOPSECRET' not in b and b'root:' not in b and b'LEAK' not in b, "document('%s') leaked" % target)
        expect(b'<html' in b, "document('%s'): the 500 is not the error page" % target)


def t_xslt_write_refused(s):
    out = os.path.join(s.tmp, 'written-by-xslt.txt')
    d = evil_dir(s, 'write', '<exsl:document href="file://%s" method="text">PWNED</exsl:document><p>x</p>' % out)
    st, h, b, err = s.cgi(base_fcgi_params(s), OPSPLAN_XSLT_DIR=d)
    expect(not os.path.exists(out), 'exsl:document wrote %s' % out)
    expect(st == 500, 'exsl:document: %d' % st)


def t_xslt_failure_500(s):
    """security.md 9.24: a failed transform is a 500 page, never an empty 200."""
    d = evil_dir(s, 'term', '<p>partial</p><xsl:message terminate="yes">stop</xsl:message>')
    st, h, b, err = s.cgi(base_fcgi_params(s), OPSPLAN_XSLT_DIR=d)
    expect(st == 500 and b'<html' in b, 'xsl:message terminate: %d %s' % (st, short(b)))
    expect(b'partial' not in b, 'the partial result was sent')
    check_security_headers('xslt 500', h, page=True)


def t_sqlite_wal(s):
    con = s.db_connect()
    try:
        jm = con.execute('PRAGMA journal_mode').fetchone()[0]
    finally:
        con.close()
    expect(jm == 'wal', 'journal_mode %r' % jm)


def t_startup_pragmas_logged(s):
    """security.md 9.29: "startup self-check logs them" (journal_mode, synchronous, foreign_keys,
    busy_timeout), so an operator can see them in the log."""
    log = s.log_text().lower()
    missing = [k for k in ('journal_mode', 'synchronous', 'foreign_keys', 'busy_timeout') if k not in log]
    expect(not missing, 'the serve log does not report %s (first line: %r)'
           % (', '.join(missing), s.log_text().splitlines()[0] if s.log_text() else ''))


def t_sso_inactive_user(s):
    con = sqlite3.connect(s.db, timeout=10)
    try:
        con.execute("UPDATE users SET active = 0 WHERE login = 'chen.jie'")
        con.commit()
        st, h, b = s.request('GET', '/?format=xml', user='chen.jie')
        expect(st == 403 and b'<user' not in b, 'inactive user: %d' % st)
        con.execute("DELETE FROM user_roles WHERE user_id = (SELECT id FROM users WHERE login = 'chen.jie')")
        con.execute("UPDATE users SET active = 1 WHERE login = 'chen.jie'")
        con.commit()
        st, h, b = s.request('GET', '/?format=xml', user='chen.jie')
        expect(st == 403 and b'<user' not in b, 'user without roles: %d' % st)
    finally:
        con.execute("INSERT OR IGNORE INTO user_roles (user_id, role) SELECT id, 'approver' FROM users WHERE login = 'chen.jie'")
        con.commit()
        con.close()
    st, h, b = s.request('GET', '/', user='chen.jie')
    expect(st == 200, 'restored user: %d' % st)


def t_fcgi_realm(s):
    """CONTRACT identity_realms: realms are stripped from user@REALM / REALM\\user only for the
    configured realms. With none configured (the default here), OTHER\\admin is no login."""
    for u in ('EVIL\\admin', 'x\\zhang.wei', 'admin@EVIL'):
        st, h, b, err = s.fcgi(base_fcgi_params(s, user=u, query='format=xml'))
        expect(st in (401, 403) and b'<user' not in b,
               'REMOTE_USER %r with no identity_realms: %d, %s' % (u, st, re.findall(rb'login="[^"]*"', b)))


def t_cgi_realm_configured(s):
    for u, want in (('CORP\\zhang.wei', 'zhang.wei'), ('zhang.wei@CORP', 'zhang.wei'), ('zhang.wei@corp', 'zhang.wei')):
        st, h, b, err = s.cgi(base_fcgi_params(s, user=u, query='format=xml'), OPSPLAN_IDENTITY_REALMS='CORP')
        expect(st == 200 and xml_root(b).find('meta/user').get('login') == want, 'REMOTE_USER %r: %d' % (u, st))
    for u in ('OTHER\\admin', 'admin@OTHER'):
        st, h, b, err = s.cgi(base_fcgi_params(s, user=u, query='format=xml'), OPSPLAN_IDENTITY_REALMS='CORP')
        expect(st in (401, 403) and b'<user' not in b,
               'REMOTE_USER %r with identity_realms=CORP: %d, %s' % (u, st, re.findall(rb'login="[^"]*"', b)))


def t_sso_foreign_realm(s):
    s.sso_map['sso-realm'] = 'PARTNER\\admin'
    st, h, b = s.request('GET', '/?format=xml', user='sso-realm')
    expect(st in (401, 403) and b'<user' not in b,
           'SSO user PARTNER\\admin: %d, %s' % (st, re.findall(rb'login="[^"]*"', b)))


def t_concurrent_duplicate(s):
    """security.md 9.14/9.28: a double click (two identical POSTs at once) makes one change."""
    import threading
    tok = s.csrf('li.na')
    fields = profile_post(s, 'li.na', tok, phone='138-0013-8222')
    before = s.db_snapshot()
    res = []
    go = threading.Event()

    def one():
        go.wait()
        res.append(post(s, '/profile', 'li.na', fields)[0])
    ts = [threading.Thread(target=one) for _ in range(4)]
    for t in ts:
        t.start()
    go.set()
    for t in ts:
        t.join(20)
    after = s.db_snapshot()
    expect(sorted(res) == [200, 200, 200, 303], 'statuses %r, want one 303 and three 200' % sorted(res))
    expect(after['count:audit_log'] == before['count:audit_log'] + 1,
           'audit rows +%d' % (after['count:audit_log'] - before['count:audit_log']))


# ---------------------------------------------------------------------------------------------

def run_basic():
    t0 = time.time()
    with Stack('basic') as s:
        print('# basic stack up in %.1f s: nginx on %s, files in %s' % (time.time() - t0, s.origin, s.tmp), flush=True)
        check('basic.home_zh', t_home_zh, s)
        check('basic.home_en', t_home_en, s)
        check('basic.render_cache_fresh_per_request', t_render_cache_fresh_per_request, s)
        check('basic.home_xml', t_home_xml, s)
        check('basic.static_css', t_static_css, s)
        check('basic.get_changes_nothing', t_get_changes_nothing, s)
        check('basic.wrong_password_401', t_wrong_password, s)
        check('basic.no_credentials_401', t_no_credentials, s)
        check('basic.csrf_missing_403', t_csrf_missing, s)
        check('basic.csrf_other_user_403', t_csrf_other_user, s)
        check('basic.csrf_tampered_403', t_csrf_tampered, s)
        check('basic.csrf_expired_403', t_csrf_expired, s)
        check('basic.csrf_valid_303_audited', t_csrf_valid, s)
        check('basic.csrf_self_minted_accepted', t_csrf_self_minted, s)
        check('basic.duplicate_submit_saved_once', t_duplicate_submit, s)
        check('basic.concurrent_duplicate_once', t_concurrent_duplicate, s)
        check('basic.sec_fetch_cross_site_403', t_sec_fetch_cross_site, s)
        check('basic.origin_foreign_403', t_origin_foreign, s)
        check('basic.origin_null_token_fallback', t_origin_null, s)
        check('basic.origin_same_accepted', t_origin_same, s)
        check('basic.bad_chars_400_field', t_bad_chars, s)
        check('basic.bad_email_400_rerender', t_bad_email, s)
        check('basic.bad_chars_other_inputs_400', t_bad_chars_other_inputs, s)
        check('basic.escaping_literal_text', t_escaping, s)
        check('basic.body_over_1mib_413', t_body_too_large, s)
        check('basic.wrong_content_type_415', t_wrong_content_type, s)
        check('basic.engineer_admin_403', t_engineer_no_admin, s)
        check('basic.auditor_audit_200', t_auditor_reads_audit, s)
        check('basic.auditor_role_post_403', t_auditor_cannot_change_roles, s)
        check('basic.admin_role_change_audited', t_admin_role_change, s)
        check('basic.role_change_no_reason_400', t_role_change_no_reason, s)
        check('basic.last_admin_refused', t_last_admin, s)
        check('basic.role_bad_input_400', t_role_bad_input, s)
        check('basic.formula_values_setup', t_formula_setup, s)
        check('basic.audit_filters', t_audit_filters, s)
        check('basic.audit_bad_date_400', t_audit_bad_date, s)
        check('basic.audit_csv', t_audit_csv, s)
        check('basic.audit_long_filter_names_field', t_audit_long_filter, s)
        check('basic.not_found_404', t_not_found, s)
        check('basic.method_not_allowed_405', t_method_not_allowed, s)
        check('basic.allow_header_lists_route_methods', t_allow_header, s)
        check('basic.lang_switch', t_lang_switch, s)
        check('basic.lang_bad_return_to_400', t_lang_bad_return, s)
        check('basic.fcgi_dup_identity_500', t_fcgi_dup_identity, s)
        check('basic.fcgi_empty_identity_401', t_fcgi_empty_identity, s)
        check('basic.fcgi_unknown_user_403', t_fcgi_unknown_user, s)
        check('basic.fcgi_identity_canonical', t_fcgi_canonical, s)
        check('basic.fcgi_foreign_realm_refused', t_fcgi_realm, s)
        check('basic.cgi_configured_realm_stripped', t_cgi_realm_configured, s)
        check('basic.fcgi_content_length', t_fcgi_content_length, s)
        check('basic.nginx_T', t_nginx_T, s)
        check('basic.source_no_doe_no_unsafe_parse', t_source_grep, s)
        check('basic.xslt_document_refused_500', t_xslt_document_refused, s)
        check('basic.xslt_exsl_document_refused', t_xslt_write_refused, s)
        check('basic.xslt_failure_is_500_page', t_xslt_failure_500, s)
        check('basic.sqlite_wal', t_sqlite_wal, s)
        check('basic.startup_log_reports_pragmas', t_startup_pragmas_logged, s)
        check('basic.audit_verify', t_audit_verify, s)
        check('basic.audit_append_only', t_append_only, s)
        check('basic.audit_tamper_detected', t_tamper_detected, s)
        check('basic.audit_deleted_row_detected', t_deleted_row_detected, s)
        check('basic.backup', t_backup, s)
        check('basic.cli_exit_codes', t_cli_exit_codes, s)
        check('basic.multipart_file_part_validated', t_multipart_file_part, s)
        check('basic.worker_kill_replaced', t_worker_replaced, s)
        check('basic.kill9_during_writes_loses_nothing', t_kill9_during_writes, s)
        check('basic.no_missing_i18n_keys', t_no_missing_keys, s)
        check('basic.flash_unknown_key_ignored', t_flash_unknown_key, s)
        check('basic.sigterm_stops_serve', t_sigterm, s)
        check('basic.502_after_stop', t_502_after_stop, s)
        check('basic.security_headers_every_response', t_all_headers, s,
              (200, 303, 400, 401, 403, 404, 405, 413, 415, 502))
        check('basic.html_no_script_style_csrf_forms', t_all_html, s)


def run_sso():
    t0 = time.time()
    with Stack('sso') as s:
        print('# sso stack up in %.1f s: nginx on %s, files in %s' % (time.time() - t0, s.origin, s.tmp), flush=True)
        check('sso.home_zh', t_home_zh, s)
        check('sso.identity_ignores_client_headers', t_sso_identity, s)
        check('sso.audit_actor_is_sso_user', t_sso_spoof_post, s)
        check('sso.no_cookie_get_redirects', t_sso_no_cookie_get, s)
        check('sso.no_cookie_post_401_page', t_sso_no_cookie_post, s)
        check('sso.odd_identities_refused', t_sso_odd_users, s)
        check('sso.inactive_or_roleless_user_403', t_sso_inactive_user, s)
        check('sso.foreign_realm_refused', t_sso_foreign_realm, s)
        check('sso.static_without_sso', t_sso_session_expired_static, s)
        check('sso.fcgi_dup_identity_500', t_fcgi_dup_identity, s)
        check('sso.nginx_T', t_nginx_T, s)
        check('sso.no_missing_i18n_keys', t_no_missing_keys, s)
        check('sso.sigterm_stops_serve', t_sigterm, s)
        check('sso.security_headers_every_response', t_all_headers, s, (200, 302, 303, 401, 403, 500))
        check('sso.html_no_script_style_csrf_forms', t_all_html, s, 5)


def main():
    return CHECKS.main((('basic', run_basic), ('sso', run_sso)))


if __name__ == '__main__':
    sys.exit(main())
