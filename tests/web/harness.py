"""harness.py - a complete opsplan stack for the web tests (Python 3 standard library only).

    from harness import Stack
    with Stack('basic') as s:              # or Stack('sso')
        st, hdrs, body = s.request('GET', '/', user='zhang.wei')

Stack.start() builds, in a fresh temporary directory:
  - the demo database:  OPSPLAN_DB=<tmp>/opsplan.db OPSPLAN_XSLT_DIR=<repo>/xslt opsplan demo
  - the program:        opsplan serve --socket <tmp>/opsplan.sock --workers 2
                        (binary $OPSPLAN_BIN, default <repo>/build/opsplan; stderr -> <tmp>/opsplan.log)
  - nginx:              rendered by src/sh/nginx-conf.sh --mode basic|sso on a free loopback port
                        (basic: the htpasswd of src/sh/demo.htpasswd, as src/sh/run.sh does;
                         sso: auth_request against the fake SSO below)
  - (sso) a fake SSO:   like oauth2-proxy's /oauth2/auth: 202 + "X-Auth-Request-User: <user>"
                        when the request has the cookie _oauth2_proxy=<user>, else 401. The dict
                        Stack.sso_map maps a cookie value to an odd answer: a string is sent as
                        the user header verbatim ('' = empty, 'al ice', 'a\\r\\nb', ...), None
                        means "2xx without any user header", an int is sent as the status.
Stack.stop() sends SIGTERM to opsplan (and checks it is gone within 15 s) and "nginx -s stop".

Helpers: request(), get_xml(), csrf(), post_form(), db_snapshot(), cli(), fcgi_request(),
worker_pids(), log_text(). Nothing here prints; the test file decides what is a failure.
"""

import base64
import http.client
import http.server
import os
import re
import shutil
import signal
import socket
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
DEMO_USERS = ('admin', 'zhang.wei', 'li.na', 'wang.fang', 'chen.jie', 'auditor')
DEMO_PASSWORD = 'demo'
SSO_COOKIE = '_oauth2_proxy'


def load_catalog(lang):
    root = ET.parse(os.path.join(REPO, 'xslt', 'i18n', lang + '.xml')).getroot()
    return {m.get('key'): (m.text or '') for m in root.iter('msg')}


CAT = {'zh-CN': load_catalog('zh-CN'), 'en': load_catalog('en')}


def msg(lang, key):
    """The catalog text up to its first {n} placeholder (what a page must contain)."""
    return re.split(r'\{[123]\}', CAT[lang][key])[0].strip()


class Fail(Exception):
    """A check's expectation did not hold."""


def expect(cond, why):
    if not cond:
        raise Fail(why)


# --- helpers the suites share (responses, model documents, the database) ----------------------

def short(body, n=300):
    """The start of a response body on one line, for failure messages."""
    if isinstance(body, bytes):
        body = body.decode('utf-8', 'replace')
    return body[:n].replace('\n', ' ')


def hget(headers, name):
    vals = [v for k, v in headers if k.lower() == name.lower()]
    return vals[0] if vals else None


def location(headers):
    """The Location header as path?query#fragment (scheme and host dropped)."""
    p = urllib.parse.urlsplit(hget(headers, 'Location') or '')
    return p.path + ('?' + p.query if p.query else '') + ('#' + p.fragment if p.fragment else '')


def xml_root(body, what=''):
    try:
        return ET.fromstring(body)
    except ET.ParseError as e:
        raise Fail('%s: not well-formed XML (%s): %s' % (what, e, short(body)))


def errors_of(root):
    """The (field, key) pairs of a model document's <errors>."""
    return {(e.get('field'), e.get('key')) for e in root.findall('errors/error')}


def db_all(s, sql, *args):
    con = s.db_connect()
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def db_one(s, sql, *args):
    rows = db_all(s, sql, *args)
    return rows[0][0] if rows else None

def db_write(s, sql, *args):
    """A direct write, committed (what no page offers: a past review day, a user's language...).
    Returns the last row id."""
    con = sqlite3.connect(s.db, timeout=10)
    try:
        cur = con.execute(sql, args)
        con.commit()
        return cur.lastrowid
    finally:
        con.close()


def db_copy(s, name):
    """A consistent copy of the database (VACUUM INTO) in the stack's folder; its path."""
    copy = os.path.join(s.tmp, name)
    con = s.db_connect()
    try:
        con.execute('VACUUM INTO ?', (copy,))
    finally:
        con.close()
    return copy


def with_xml(path):
    return path + ('&' if '?' in path else '?') + 'format=xml'


def token(s, user):
    """A fresh CSRF token for user (from the profile page's model)."""
    st, h, b = s.request('GET', '/profile?format=xml', user=user)
    expect(st == 200, 'GET /profile?format=xml as %s: %d' % (user, st))
    return xml_root(b, '/profile').find('meta').get('csrf')


def post(s, path, user, fields, xml=False, lang=None):
    """POSTs fields (dict or pairs) as a form with a fresh CSRF token; xml: ask for the model."""
    fields = list(fields.items()) if isinstance(fields, dict) else list(fields)
    fields.append(('csrf_token', token(s, user)))
    body = urllib.parse.urlencode(fields, encoding='utf-8')
    headers = {'Content-Type': 'application/x-www-form-urlencoded'}
    if lang:
        headers['Accept-Language'] = lang
    return s.request('POST', with_xml(path) if xml else path, user=user, headers=headers, body=body)


def unchanged(s, before, what):
    """Fails when the database differs from the snapshot before."""
    d = snapshot_diff(before, s.db_snapshot())
    expect(not d, '%s changed the database: %s' % (what, '; '.join(d)))




def msg_part(lang, key):
    """The longest literal part of a message with placeholders ({1}...): what a page must show."""
    return max(re.split(r'\{[123]\}', CAT[lang][key]), key=len).strip()


def refused(s, path, user, fields, field, key, what, status=400):
    """A bad form twice (model and page): the status, the error on the field in the model, the
    field marked invalid and the message on the page, and nothing stored."""
    before = s.db_snapshot()
    st, h, b = post(s, path, user, fields, xml=True)
    expect(st == status, '%s: %d, want %d: %s' % (what, st, status, short(b)))
    errs = errors_of(xml_root(b, what))
    expect((field, key) in errs, '%s: want error %s/%s, got %s' % (what, field, key, sorted(errs)))
    st, h, b = post(s, path, user, fields)
    expect(st == status, '%s (page): %d' % (what, st))
    body = b.decode('utf-8')
    expect(re.search(r'name="%s"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="%s"' % (field, field), body),
           '%s: the field %s is not marked invalid on the page' % (what, field))
    expect(msg_part('zh-CN', key) in body, '%s: the message %s is not on the page' % (what, key))
    unchanged(s, before, what)


def refused_status(s, path, user, fields, status, what):
    """A refused POST: the status, and nothing stored. Returns the body."""
    before = s.db_snapshot()
    st, h, b = post(s, path, user, fields)
    expect(st == status, '%s as %s: %d, want %d: %s' % (what, user, st, status, short(b)))
    unchanged(s, before, what)
    return b


def html_page_ok(s, path, user, keys, nav=None, nav_shown=True):
    """The page checks every HTML page meets, in both languages: 200, <html lang>, no script or
    style (elements or attributes), one csrf_token in every POST form, no raw message keys with
    the prefixes keys (e.g. ('chg',)) or 'error.'/'field.', and the site nav's link nav
    (href, message key) shown (or, nav_shown=False, not shown)."""
    for lang in ('zh-CN', 'en'):
        st, h, b = s.request('GET', path, user=user, headers={'Accept-Language': lang})
        what = '%s as %s (%s)' % (path, user, lang)
        expect(st == 200, '%s: %d %s' % (what, st, short(b, 200)))
        expect((hget(h, 'Content-Type') or '').startswith('text/html'), '%s: Content-Type %r' % (what, hget(h, 'Content-Type')))
        p = parse_html(b)
        expect(p.lang == lang, '%s: <html lang=%r>' % (what, p.lang))
        expect(not any(tag in ('script', 'style') for tag, a in p.tags), '%s: a script or style element' % what)
        attrs = [(tag, k) for tag, a in p.tags for k in a if k == 'style' or k.startswith('on')]
        expect(not attrs, '%s: style/event attributes %r' % (what, attrs[:3]))
        for f in p.forms:
            if (f['attrs'].get('method') or 'get').lower() == 'post':
                toks = [i for i in f['inputs'] if i.get('name') == 'csrf_token']
                expect(len(toks) == 1 and toks[0].get('type') == 'hidden' and toks[0].get('value'),
                       '%s: POST form %r without one hidden csrf_token' % (what, f['attrs'].get('action')))
        t = ' '.join(''.join(p.text).split())
        raw = re.findall(r'\b(?:%s|nav|error|field)\.[a-z_]+(?:\.[a-z_]+)?\b' % '|'.join(keys), t)
        expect('???' not in t and not raw, '%s: raw message keys %r' % (what, raw[:3]))
        if nav:
            href, key = nav
            m = re.search(r'<nav class="site-nav".*?</nav>', b.decode('utf-8'), re.S)
            has = bool(m) and msg(lang, key) in m.group(0) and 'href="%s"' % href in m.group(0)
            expect(has == nav_shown, '%s: nav link %s %s' % (what, href, 'missing' if nav_shown else 'shown'))


def logs_clean(s, verify=True):
    """No sanitizer report, missing message key or failed transform in the program's log, and
    (verify) "opsplan audit verify" passes."""
    bad = [ln for ln in s.log_text().splitlines() if 'missing key' in ln or re.search(r"transform '[^']+' failed", ln)
           or 'ERROR: AddressSanitizer' in ln or 'ERROR: LeakSanitizer' in ln
           or re.search(r'\.c:\d+:\d+: runtime error:', ln)]
    expect(not bad, 'log problems: %r' % sorted(set(bad))[:5])
    if verify:
        r = s.cli('audit', 'verify')
        expect(r.returncode == 0, 'opsplan audit verify: %s %s' % (r.stdout.strip(), r.stderr.strip()))


class Checks:
    """One line per check: "ok NAME" or "FAIL NAME: why". only: run just names containing it."""

    def __init__(self):
        self.results = []
        self.only = None
        self.verbose = False

    def check(self, name, fn, *args):
        """Runs fn(*args); True when it passed, False when it failed, None when skipped."""
        if self.only and self.only not in name:
            return None
        t0 = time.time()
        try:
            fn(*args)
        except Fail as e:
            self.results.append((name, False))
            print('FAIL %s: %s' % (name, e), flush=True)
            return False
        except Exception as e:       # a harness, browser or network error fails that check
            self.results.append((name, False))
            print('FAIL %s: %s: %s' % (name, type(e).__name__, e), flush=True)
            if self.verbose:
                traceback.print_exc()
            return False
        self.results.append((name, True))
        print('ok %s%s' % (name, ' (%.2fs)' % (time.time() - t0) if self.verbose else ''), flush=True)
        return True

    def main(self, suites, argv=None):
        """Runs suites ([(name, fn)]) with -v (tracebacks, timings) and -k SUBSTRING from argv; a
        suite that dies counts as a failed NAME.stack check. Prints the totals; the exit status."""
        args = list(sys.argv[1:] if argv is None else argv)
        if '-v' in args:
            self.verbose = True
            args.remove('-v')
        if '-k' in args:
            i = args.index('-k')
            self.only = args[i + 1]
            del args[i:i + 2]
        t0 = time.time()
        for name, fn in suites:
            try:
                fn()
            except Exception as e:
                self.results.append((name + '.stack', False))
                print('FAIL %s.stack: %s: %s' % (name, type(e).__name__, e), flush=True)
                if self.verbose:
                    traceback.print_exc()
        failed = [n for n, ok in self.results if not ok]
        print('# %d checks, %d failed, %.1f s' % (len(self.results), len(failed), time.time() - t0))
        return 1 if failed else 0


class HarnessError(Exception):
    pass


def free_port():
    """A free TCP port on 127.0.0.1 (bind port 0, read it, close)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def find_nginx():
    for p in (shutil.which('nginx'), '/usr/sbin/nginx', '/sbin/nginx'):
        if p and os.access(p, os.X_OK):
            return p
    raise HarnessError('nginx not found (bash src/sh/deps.sh test)')


# ---------------------------------------------------------------------------------------------
# HTML helpers

class PageParser(HTMLParser):
    """Collects what the tests look at: the <html lang>, every start tag with its attributes,
    the forms with their inputs, and the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.tags = []          # (tag, {attrs})
        self.forms = []         # {'attrs': {...}, 'inputs': [{...}, ...]}
        self.text = []
        self._form = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else '') for k, v in attrs}
        self.tags.append((tag, a))
        if tag == 'html' and self.lang is None:
            self.lang = a.get('lang')
        if tag == 'form':
            self._form = {'attrs': a, 'inputs': []}
            self.forms.append(self._form)
        elif tag in ('input', 'button', 'select', 'textarea') and self._form is not None:
            self._form['inputs'].append(dict(a, _tag=tag))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == 'form':
            self._form = None

    def handle_data(self, data):
        self.text.append(data)


def parse_html(body):
    p = PageParser()
    p.feed(body.decode('utf-8', 'replace') if isinstance(body, bytes) else body)
    p.close()
    return p


def form_token(body):
    """The csrf_token of the first form that has one."""
    for f in parse_html(body).forms:
        for i in f['inputs']:
            if i.get('name') == 'csrf_token':
                return i.get('value')
    return None


# ---------------------------------------------------------------------------------------------
# Raw FastCGI client (records written by hand; the params may repeat a name on purpose)

FCGI_BEGIN_REQUEST, FCGI_END_REQUEST, FCGI_PARAMS, FCGI_STDIN, FCGI_STDOUT, FCGI_STDERR = 1, 3, 4, 5, 6, 7
FCGI_RESPONDER = 1


def _fcgi_record(rtype, content, req_id=1):
    out = b''
    # a record holds at most 65535 bytes; split longer content
    while True:
        chunk, content = content[:65535], content[65535:]
        pad = (-len(chunk)) % 8
        out += struct.pack('>BBHHBB', 1, rtype, req_id, len(chunk), pad, 0) + chunk + b'\0' * pad
        if not content:
            return out


def _fcgi_len(n):
    return bytes([n]) if n < 128 else struct.pack('>I', n | 0x80000000)


def fcgi_encode_params(params):
    """params: list of (name, value) pairs, str or bytes; duplicates are kept."""
    out = b''
    for k, v in params:
        k = k.encode() if isinstance(k, str) else k
        v = v.encode() if isinstance(v, str) else v
        out += _fcgi_len(len(k)) + _fcgi_len(len(v)) + k + v
    return out


def fcgi_raw(sock_path, params, stdin=b'', timeout=10):
    """Sends one request to the FastCGI unix socket. Returns (status, [(name, value)], body,
    stderr bytes). status is taken from the CGI "Status:" header (200 when absent)."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect(sock_path)
    try:
        msg = _fcgi_record(FCGI_BEGIN_REQUEST, struct.pack('>HB5x', FCGI_RESPONDER, 0))
        enc = fcgi_encode_params(params)
        if enc:
            msg += _fcgi_record(FCGI_PARAMS, enc)
        msg += _fcgi_record(FCGI_PARAMS, b'')
        if stdin:
            msg += _fcgi_record(FCGI_STDIN, stdin)
        msg += _fcgi_record(FCGI_STDIN, b'')
        s.sendall(msg)
        buf = b''
        out, err = b'', b''
        ended = False
        while not ended:
            data = s.recv(65536)
            if not data:
                break
            buf += data
            while len(buf) >= 8:
                ver, rtype, rid, clen, plen, _ = struct.unpack('>BBHHBB', buf[:8])
                if len(buf) < 8 + clen + plen:
                    break
                content = buf[8:8 + clen]
                buf = buf[8 + clen + plen:]
                if rtype == FCGI_STDOUT:
                    out += content
                elif rtype == FCGI_STDERR:
                    err += content
                elif rtype == FCGI_END_REQUEST:
                    ended = True
                    break
        if not ended:
            raise HarnessError('FastCGI: connection closed before END_REQUEST')
    finally:
        s.close()
    head, sep, body = out.partition(b'\r\n\r\n')
    if not sep:
        head, sep, body = out.partition(b'\n\n')
    headers = []
    status = 200
    for line in head.decode('latin-1').splitlines():
        if ':' not in line:
            continue
        k, v = line.split(':', 1)
        v = v.strip()
        headers.append((k.strip(), v))
        if k.strip().lower() == 'status':
            status = int(v.split()[0])
    return status, headers, body, err


# ---------------------------------------------------------------------------------------------
# The fake SSO (oauth2-proxy's /oauth2/auth in auth_request mode)

class _SSOHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, fmt, *args):      # quiet
        pass

    def _reply(self, status, headers=(), body=b''):
        self.send_response(status)
        for k, v in headers:
            # written raw on purpose (no checks): the tests make the SSO send odd values
            self._headers_buffer.append(('%s: %s\r\n' % (k, v)).encode('utf-8'))
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        stack = self.server.stack
        path = self.path.split('?', 1)[0]
        stack.sso_requests.append((self.command, self.path, dict(self.headers.items())))
        if path in ('/auth', '/oauth2/auth'):
            user = None
            for part in self.headers.get_all('Cookie') or []:
                for c in part.split(';'):
                    k, _, v = c.strip().partition('=')
                    if k == SSO_COOKIE:
                        user = v
            if user is None:
                return self._reply(401)
            if user in stack.sso_map:
                ans = stack.sso_map[user]
                if ans is None:
                    return self._reply(202)
                if isinstance(ans, int):
                    return self._reply(ans)
                return self._reply(202, [('X-Auth-Request-User', ans)])
            return self._reply(202, [('X-Auth-Request-User', user),
                                     ('X-Auth-Request-Email', user + '@example.com')])
        if path.startswith('/oauth2/start'):
            return self._reply(302, [('Location', 'http://sso.example/authorize')])
        return self._reply(404)

    do_HEAD = do_GET
    do_POST = do_GET


class _SSOServer(http.server.ThreadingHTTPServer):
    daemon_threads = True


# ---------------------------------------------------------------------------------------------

class Stack:
    def __init__(self, mode='basic', workers=2, env=None, keep=False, static_dir=None):
        if mode not in ('basic', 'sso'):
            raise ValueError(mode)
        self.mode = mode
        self.workers = workers
        self.extra_env = dict(env or {})
        self.keep = keep or bool(os.environ.get('OPSPLAN_KEEP_TMP'))
        self.bin = os.environ.get('OPSPLAN_BIN') or os.path.join(REPO, 'build', 'opsplan')
        self.nginx = find_nginx()
        self.sso_map = {}
        self.sso_requests = []
        self.tmp = None
        self.app = None
        self.ngx = None
        self.sso = None
        self.port = None
        self.sso_port = None
        self.stop_report = {}
        self.static_dir = static_dir or os.path.join(REPO, 'static')
        self.responses = []     # every answer through nginx: (method, path, status, headers, body)

    # --- lifecycle ---------------------------------------------------------------------------

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def env(self, **over):
        e = dict(os.environ)
        for k in list(e):
            if k.startswith('OPSPLAN_') and k != 'OPSPLAN_BIN':
                del e[k]
        e.pop('GATEWAY_INTERFACE', None)
        e['OPSPLAN_DB'] = self.db
        e['OPSPLAN_XSLT_DIR'] = os.path.join(REPO, 'xslt')
        e.update(self.extra_env)
        e.update(over)
        return e

    def start(self):
        if not os.access(self.bin, os.X_OK):
            raise HarnessError('%s not found: run make' % self.bin)
        self.tmp = tempfile.mkdtemp(prefix='opsplan-web-')
        self.db = os.path.join(self.tmp, 'opsplan.db')
        self.sock = os.path.join(self.tmp, 'opsplan.sock')
        self.log = os.path.join(self.tmp, 'opsplan.log')
        self.prefix = os.path.join(self.tmp, 'nginx')
        os.mkdir(self.prefix)
        # an empty configuration file of our own, so that a host's /etc/opsplan/opsplan.conf
        # cannot change the behaviour under test (the environment sets what the tests need)
        self.conf = os.path.join(self.tmp, 'opsplan.conf')
        with open(self.conf, 'w') as f:
            f.write('# opsplan web tests: settings come from OPSPLAN_* environment variables\n')
        self.port = free_port()
        self.origin = 'http://127.0.0.1:%d' % self.port
        # as src/sh/run.sh: the configured public origin is what the Origin check compares with
        self.extra_env.setdefault('OPSPLAN_PUBLIC_ORIGIN', self.origin)

        r = subprocess.run([self.bin, '--config', self.conf, 'demo'], env=self.env(), capture_output=True,
                           timeout=30)
        if r.returncode:
            raise HarnessError('opsplan demo failed: %s' % r.stderr.decode(errors='replace'))

        self._logf = open(self.log, 'ab')
        self.app = subprocess.Popen([self.bin, '--config', self.conf, 'serve', '--socket', self.sock,
                                     '--workers', str(self.workers)],
                                    env=self.env(), stdin=subprocess.DEVNULL, stdout=self._logf,
                                    stderr=self._logf, start_new_session=True)
        deadline = time.time() + 10
        while not os.path.exists(self.sock):
            if self.app.poll() is not None:
                raise HarnessError('opsplan serve exited: %s' % self.log_text()[-2000:])
            if time.time() > deadline:
                raise HarnessError('opsplan serve did not create its socket within 10 s')
            time.sleep(0.02)

        if self.mode == 'sso':
            self.sso = _SSOServer(('127.0.0.1', 0), _SSOHandler)
            self.sso.stack = self
            self.sso_port = self.sso.server_address[1]
            threading.Thread(target=self.sso.serve_forever, daemon=True).start()

        # Demo users for auth_basic: the same fixed file run.sh copies (password "demo").
        self.htpasswd = os.path.join(self.prefix, 'htpasswd')
        shutil.copy(os.path.join(REPO, 'src', 'sh', 'demo.htpasswd'), self.htpasswd)
        os.chmod(self.htpasswd, 0o640)
        cmd = ['bash', os.path.join(REPO, 'src', 'sh', 'nginx-conf.sh'), '--mode', self.mode,
               '--port', str(self.port), '--prefix', self.prefix, '--socket', self.sock,
               '--static', self.static_dir,
               '--params', os.path.join(REPO, 'src', 'sh', 'fastcgi_params')]
        if self.mode == 'basic':
            cmd += ['--htpasswd', self.htpasswd]
        else:
            cmd += ['--sso-upstream', '127.0.0.1:%d' % self.sso_port]
        r = subprocess.run(cmd, capture_output=True, timeout=30, cwd=REPO)
        if r.returncode:
            raise HarnessError('nginx-conf.sh failed: %s' % r.stderr.decode(errors='replace'))
        self.nginx_conf = os.path.join(self.prefix, 'nginx.conf')
        with open(self.nginx_conf, 'wb') as f:
            f.write(r.stdout)
        r = self.nginx_cmd('-t', '-q')
        if r.returncode:
            raise HarnessError('nginx -t failed: %s' % r.stderr.decode(errors='replace'))
        self.ngx = subprocess.Popen([self.nginx, '-p', self.prefix, '-c', self.nginx_conf,
                                     '-e', os.path.join(self.prefix, 'error.log'), '-g', 'daemon off;'],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.time() + 10
        while True:
            try:
                socket.create_connection(('127.0.0.1', self.port), timeout=1).close()
                break
            except OSError:
                if self.ngx.poll() is not None:
                    raise HarnessError('nginx exited: %s' % self.ngx.stderr.read().decode(errors='replace'))
                if time.time() > deadline:
                    raise HarnessError('nginx does not answer on port %d' % self.port)
                time.sleep(0.02)
        return self

    def nginx_cmd(self, *args):
        return subprocess.run([self.nginx, '-p', self.prefix, '-c', self.nginx_conf,
                               '-e', os.path.join(self.prefix, 'error.log')] + list(args),
                              capture_output=True, timeout=30)

    def stop_app(self, timeout=15):
        """SIGTERM to the serve master; returns (seconds taken or None, worker pids seen alive
        afterwards, socket still there)."""
        if not self.app:
            return None, [], False
        workers = self.worker_pids()
        t0 = time.time()
        if self.app.poll() is None:
            self.app.send_signal(signal.SIGTERM)
        try:
            self.app.wait(timeout)
            took = time.time() - t0
        except subprocess.TimeoutExpired:
            took = None
            self.app.kill()
            self.app.wait(5)
        alive = []
        deadline = time.time() + 1
        for pid in workers:
            while _pid_alive(pid) and time.time() < deadline:
                time.sleep(0.02)
            if _pid_alive(pid):
                alive.append(pid)
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
        sock_left = os.path.exists(self.sock)
        self.app = None
        self._logf.close()
        self.stop_report = {'took': took, 'alive': alive, 'socket_left': sock_left, 'workers': workers}
        return took, alive, sock_left

    def stop(self):
        if self.ngx:
            if self.ngx.poll() is None:
                self.nginx_cmd('-s', 'stop')
                try:
                    self.ngx.wait(10)
                except subprocess.TimeoutExpired:
                    self.ngx.kill()
                    self.ngx.wait(5)
            self.ngx = None
        if self.app:
            self.stop_app()
        if self.sso:
            self.sso.shutdown()
            self.sso.server_close()
            self.sso = None
        if self.tmp and not self.keep:
            shutil.rmtree(self.tmp, ignore_errors=True)

    # --- process helpers ---------------------------------------------------------------------

    def worker_pids(self):
        if not self.app or self.app.poll() is not None:
            return []
        pid = self.app.pid
        try:
            with open('/proc/%d/task/%d/children' % (pid, pid)) as f:
                return [int(x) for x in f.read().split()]
        except OSError:
            out = []
            for d in os.listdir('/proc'):
                if d.isdigit():
                    try:
                        with open('/proc/%s/stat' % d) as f:
                            st = f.read()
                        if int(st.rsplit(')', 1)[1].split()[1]) == pid:
                            out.append(int(d))
                    except (OSError, ValueError, IndexError):
                        pass
            return out

    def log_text(self):
        try:
            with open(self.log, 'rb') as f:
                return f.read().decode('utf-8', 'replace')
        except OSError:
            return ''

    def cli(self, *args, db=None, timeout=30, env=None):
        """Runs the program with args; returns CompletedProcess (text). env: extra environment
        variables for this run only (e.g. {'OPSPLAN_NOW': '2026-12-02T02:00:00Z'})."""
        over = dict(env or {})
        if db:
            over['OPSPLAN_DB'] = db
        env = self.env(**over)
        return subprocess.run([self.bin, '--config', self.conf] + list(args), env=env, capture_output=True,
                              timeout=timeout, text=True, errors='replace')

    # --- HTTP --------------------------------------------------------------------------------

    def auth_headers(self, user, password=None):
        if user is None:
            return {}
        if self.mode == 'basic':
            cred = '%s:%s' % (user, DEMO_PASSWORD if password is None else password)
            return {'Authorization': 'Basic ' + base64.b64encode(cred.encode()).decode()}
        return {'Cookie': '%s=%s' % (SSO_COOKIE, user)}

    def request(self, method, path, user=None, headers=None, body=None, cookie=None, password=None,
                timeout=15):
        """One request through nginx. user: the demo user (Basic auth in basic mode, SSO cookie in
        sso mode). headers: extra headers (they win over the user's). cookie: an extra Cookie
        value appended. Returns (status, [(name, value)...], body bytes)."""
        h = self.auth_headers(user, password)
        if cookie:
            h['Cookie'] = (h['Cookie'] + '; ' + cookie) if 'Cookie' in h else cookie
        for k, v in (headers or {}).items():
            h[k] = v
        if isinstance(body, str):
            body = body.encode('utf-8')
        conn = http.client.HTTPConnection('127.0.0.1', self.port, timeout=timeout)
        try:
            conn.putrequest(method, path, skip_accept_encoding=True)
            for k, v in h.items():
                conn.putheader(k, v)
            if body is not None and not any(k.lower() == 'content-length' for k in h):
                conn.putheader('Content-Length', str(len(body)))
            conn.endheaders()
            if body:
                conn.send(body)
            r = conn.getresponse()
            data = r.read()
            self.responses.append((method, path, r.status, r.getheaders(), data))
            return r.status, r.getheaders(), data
        finally:
            conn.close()

    def raw_http(self, data, timeout=15):
        """Sends raw bytes to nginx (request line + headers + body, written as given, errors while
        sending ignored: nginx may answer and close early) and returns (status, headers, body)."""
        s = socket.create_connection(('127.0.0.1', self.port), timeout=timeout)

        def send():     # like a browser: keep reading while the body is still going out
            try:
                s.sendall(data)
                s.shutdown(socket.SHUT_WR)
            except OSError:
                pass
        sender = threading.Thread(target=send, daemon=True)
        try:
            sender.start()
            out = b''
            while True:
                try:
                    chunk = s.recv(65536)
                except ConnectionResetError:
                    break
                if not chunk:
                    break
                out += chunk
        finally:
            sender.join(timeout)
            s.close()
        head, _, body = out.partition(b'\r\n\r\n')
        lines = head.decode('latin-1').split('\r\n')
        if not lines or not lines[0].startswith('HTTP/'):
            return 0, [], out
        status = int(lines[0].split()[1])
        headers = []
        for line in lines[1:]:
            k, _, v = line.partition(':')
            headers.append((k.strip(), v.strip()))
        req = data.split(b'\r\n', 1)[0].decode('latin-1').split()
        self.responses.append((req[0] if req else '?', req[1] if len(req) > 1 else '?', status, headers, body))
        return status, headers, body

    def get_xml(self, path, user, headers=None):
        """GET path with format=xml; returns (status, ElementTree root or None, body)."""
        sep = '&' if '?' in path else '?'
        st, h, body = self.request('GET', path + sep + 'format=xml', user=user, headers=headers)
        try:
            root = ET.fromstring(body)
        except ET.ParseError:
            root = None
        return st, root, body

    def csrf(self, user, path='/profile', headers=None):
        st, h, body = self.request('GET', path, user=user, headers=headers)
        if st != 200:
            raise HarnessError('csrf: GET %s as %s gave %d' % (path, user, st))
        tok = form_token(body)
        if not tok:
            raise HarnessError('csrf: no csrf_token in %s for %s' % (path, user))
        return tok

    def post_form(self, path, user, fields, headers=None, token=True, raw_body=None):
        """POSTs fields (dict or list of pairs, urlencoded as UTF-8). token=True adds a fresh
        csrf_token (from GET /profile) unless fields already has one; token=False adds none.
        raw_body (bytes/str) replaces the encoded fields."""
        if isinstance(fields, dict):
            fields = list(fields.items())
        fields = list(fields or [])
        if token is True and not any(k == 'csrf_token' for k, _ in fields):
            fields.append(('csrf_token', self.csrf(user)))
        elif isinstance(token, str):
            fields.append(('csrf_token', token))
        body = raw_body if raw_body is not None else urllib.parse.urlencode(fields, encoding='utf-8')
        h = {'Content-Type': 'application/x-www-form-urlencoded'}
        h.update(headers or {})
        return self.request('POST', path, user=user, headers=h, body=body)

    # --- database ----------------------------------------------------------------------------

    def db_connect(self, path=None):
        return sqlite3.connect('file:%s?mode=ro' % (path or self.db), uri=True, timeout=10)

    def db_snapshot(self):
        """Row counts of every table, the content of users/user_roles/settings and the audit head
        (from "opsplan audit head"): equal snapshots mean nothing changed."""
        con = self.db_connect()
        con.text_factory = bytes        # compare bytes: a stored invalid UTF-8 value must not break this
        try:
            snap = {}
            tables = [r[0].decode() for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY 1")]
            for t in tables:
                snap['count:' + t] = con.execute('SELECT count(*) FROM "%s"' % t).fetchone()[0]
            snap['users'] = con.execute('SELECT * FROM users ORDER BY id').fetchall()
            snap['user_roles'] = con.execute('SELECT * FROM user_roles ORDER BY 1, 2').fetchall()
            if 'settings' in tables:
                snap['settings'] = con.execute('SELECT * FROM settings ORDER BY 1').fetchall()
        finally:
            con.close()
        r = self.cli('audit', 'head')
        snap['audit_head'] = r.stdout.strip() if r.returncode == 0 else 'ERROR ' + r.stderr.strip()
        return snap

    def mint_csrf(self, login, ts=None, nonce=None):
        """A CSRF token made with the program's key file (<db>.key), as auth.c makes them:
        "<unix time>.<16 hex nonce>.<hex HMAC-SHA256(key, 'csrf\\n'+login+'\\n'+ts+'\\n'+nonce)>"."""
        import hashlib
        import hmac
        with open(self.env().get('OPSPLAN_KEY_FILE') or self.db + '.key', 'rb') as f:
            key = f.read()
        ts = str(int(time.time()) if ts is None else int(ts))
        nonce = nonce or os.urandom(8).hex()
        mac = hmac.new(key, ('csrf\n%s\n%s\n%s' % (login, ts, nonce)).encode(), hashlib.sha256).hexdigest()
        return '%s.%s.%s' % (ts, nonce, mac)

    def cgi(self, params, stdin=b'', **env_over):
        """Runs the program as a CGI (GATEWAY_INTERFACE set): params become the environment,
        stdin the body. Returns (status, [(name, value)], body, stderr text)."""
        env = self.env(**env_over)
        for k, v in params:
            env[k] = v
        env['GATEWAY_INTERFACE'] = 'CGI/1.1'
        r = subprocess.run([self.bin, '--config', self.conf], env=env, input=stdin, capture_output=True, timeout=30)
        head, _, body = r.stdout.partition(b'\r\n\r\n')
        headers, status = [], 200
        for line in head.decode('latin-1').split('\r\n'):
            k, sep, v = line.partition(':')
            if not sep:
                continue
            headers.append((k.strip(), v.strip()))
            if k.strip().lower() == 'status':
                status = int(v.split()[0])
        return status, headers, body, r.stderr.decode('utf-8', 'replace')

    def fcgi(self, params, stdin=b''):
        return fcgi_raw(self.sock, params, stdin)


def _pid_alive(pid):
    try:
        with open('/proc/%d/stat' % pid) as f:
            state = f.read().rsplit(')', 1)[1].split()[0]
        return state != 'Z'
    except (OSError, IndexError):
        return False


def snapshot_diff(a, b):
    """Human-readable list of what differs between two db_snapshot()s."""
    out = []
    for k in sorted(set(a) | set(b)):
        if a.get(k) != b.get(k):
            if k.startswith('count:') or k == 'audit_head':
                out.append('%s %s -> %s' % (k, a.get(k), b.get(k)))
            else:
                out.append('%s changed' % k)
    return out


def base_fcgi_params(stack, user='zhang.wei', method='GET', path='/', query=''):
    """The params nginx would send (our fastcgi_params), for raw FastCGI tests."""
    p = [('QUERY_STRING', query), ('REQUEST_METHOD', method), ('CONTENT_TYPE', ''), ('CONTENT_LENGTH', ''),
         ('SCRIPT_NAME', ''), ('PATH_INFO', path), ('REQUEST_URI', path + ('?' + query if query else '')),
         ('DOCUMENT_URI', path), ('DOCUMENT_ROOT', '/'), ('SERVER_PROTOCOL', 'HTTP/1.1'),
         ('REQUEST_SCHEME', 'http'), ('GATEWAY_INTERFACE', 'CGI/1.1'), ('SERVER_SOFTWARE', 'nginx'),
         ('REMOTE_ADDR', '127.0.0.1'), ('REMOTE_PORT', '40000'), ('SERVER_ADDR', '127.0.0.1'),
         ('SERVER_PORT', str(stack.port)), ('SERVER_NAME', '127.0.0.1'), ('HTTP_HOST', '127.0.0.1')]
    if user is not None:
        p.append(('REMOTE_USER', user))
    return p
