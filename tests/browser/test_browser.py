#!/usr/bin/env python3
"""test_browser.py - one real-browser test: Debian's headless Chromium, JavaScript disabled,
driven through chromedriver with the W3C WebDriver HTTP protocol spoken directly (urllib, no
selenium), against a real stack from tests/web/harness.py (nginx + "opsplan serve" + a fresh
demo database). Python 3 standard library only.

    python3 tests/browser/test_browser.py [-v]
    OPSPLAN_BIN=build/asan/opsplan python3 tests/browser/test_browser.py

The scenario (issue: "one headless-Chromium test (JavaScript disabled) that opens the home page
as a demo user, changes the language and submits a form"): zhang.wei, browser language zh-CN,
opens the home page (Chinese, no script, stylesheet applied), clicks "English" in the header's
language switch (a POST form), then saves the profile form (Chinese characters in the name),
then submits it with a bad e-mail address and gets the form back with the error next to the
field, and finally takes a screenshot of the home page.

Prints "ok <name>" or "FAIL <name>: <why>" per check and "# ..." notes; exit status 1 if any
check failed. Everything it starts (chromedriver, Chromium, nginx, the program) is stopped at
the end, also after a failure; a watchdog ends the run well inside 60 s.

Environment:
  OPSPLAN_BIN            the program (the harness reads it; default build/opsplan)
  OPSPLAN_BROWSER_AUTH   basic (default) or sso: how the stack identifies the user, see sign_in()
  OPSPLAN_CHROMIUM       the Chromium binary (default /usr/lib/chromium/chromium, else /usr/bin/chromium)
  OPSPLAN_CHROMEDRIVER   the chromedriver binary (default: chromedriver on PATH, /usr/bin/chromedriver)
  OPSPLAN_KEEP_TMP       keep the temporary directories (browser profile, logs, the stack's files)
Needs: apt-get install chromium chromium-driver nginx.
"""

import base64
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True       # no __pycache__ in the checkout
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'web'))
import harness  # noqa: E402
from harness import Stack, HarnessError, REPO, free_port, msg, Fail, expect  # noqa: E402

USER = 'zhang.wei'
SOFT_LIMIT = 40      # s: SIGALRM ends the scenario, the cleanup still runs
HARD_LIMIT = 56      # s: a timer kills everything this test started and exits 1
ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'     # the W3C web element key
# A page that tells whether the browser runs scripts: with JavaScript off the <noscript>
# content is parsed as markup (so #ns exists and is shown) and the script cannot set the title.
NOSCRIPT_PAGE = ('data:text/html;charset=utf-8,' + urllib.parse.quote(
    '<!DOCTYPE html><title>nojs</title><script>document.title="js-ran"</script>'
    '<noscript><p id="ns">visible</p></noscript>'))

CHECKS = harness.Checks()
RESULTS = CHECKS.results
check = CHECKS.check


# ---------------------------------------------------------------------------------------------
# reporting (as tests/web/test_web.py)

class Watchdog(BaseException):
    """Raised by SIGALRM; a BaseException so that check() does not swallow it."""


# ---------------------------------------------------------------------------------------------
# processes

def _cmdline(pid):
    try:
        with open('/proc/%d/cmdline' % pid, 'rb') as f:
            return f.read().replace(b'\0', b' ').decode('utf-8', 'replace')
    except OSError:
        return ''


def _alive(pid):
    try:
        with open('/proc/%d/stat' % pid) as f:
            return f.read().rsplit(')', 1)[1].split()[0] != 'Z'
    except (OSError, IndexError):
        return False


def pids_using(path):
    """Live processes whose command line mentions path (a directory only this run created:
    the browser's profile and HOME), so only processes this test started."""
    me = os.getpid()
    out = []
    for d in os.listdir('/proc'):
        if d.isdigit() and int(d) != me and path in _cmdline(int(d)) and _alive(int(d)):
            out.append(int(d))
    return out


def kill_pids(pids, sig=signal.SIGKILL):
    for pid in pids:
        try:
            os.kill(pid, sig)
        except OSError:
            pass


# ---------------------------------------------------------------------------------------------
# WebDriver client (W3C protocol over HTTP, urllib only)

class WebDriverError(Exception):
    pass


class Browser:
    """chromedriver + one Chromium session. Everything lives in tmp: the profile
    (--user-data-dir), HOME (Chromium's crash-report database and ~/.config writes would go to
    /root otherwise) and chromedriver's log."""

    def __init__(self, tmp):
        self.tmp = tmp
        self.home = os.path.join(tmp, 'home')
        self.profile = os.path.join(tmp, 'profile')
        self.log = os.path.join(tmp, 'chromedriver.log')
        self.proc = None
        self.base = None
        self.sid = None
        # 127.0.0.1 only, never through a proxy from the environment
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    @staticmethod
    def binaries():
        # The real binary rather than Debian's /usr/bin/chromium shell wrapper: the wrapper adds
        # flags from /etc/chromium.d (--load-extension, --enable-remote-extensions, ...) and its
        # /dev/shm size test prints a shell error. Same program either way.
        chromium = os.environ.get('OPSPLAN_CHROMIUM')
        if not chromium:
            for p in ('/usr/lib/chromium/chromium', '/usr/bin/chromium'):
                if os.access(p, os.X_OK):
                    chromium = p
                    break
        driver = (os.environ.get('OPSPLAN_CHROMEDRIVER') or shutil.which('chromedriver')
                  or '/usr/bin/chromedriver')
        expect(chromium and os.access(chromium, os.X_OK) and os.access(driver, os.X_OK),
               'chromium or chromedriver missing (apt-get install chromium chromium-driver)')
        return chromium, driver

    def start(self, lang='zh-CN', accept_languages='zh-CN,zh'):
        chromium, driver = self.binaries()
        os.makedirs(self.home)
        port = free_port()
        self.base = 'http://127.0.0.1:%d' % port
        env = dict(os.environ, HOME=self.home)
        with open(self.log, 'ab') as logf:
            # own process group: chromedriver and the Chromium processes it starts share it, so
            # the cleanup can signal them all by that group id
            self.proc = subprocess.Popen([driver, '--port=%d' % port, '--log-path=' + self.log],
                                         stdin=subprocess.DEVNULL, stdout=logf, stderr=logf, env=env,
                                         start_new_session=True)
        deadline = time.time() + 10
        while True:
            try:
                if self._call('GET', '/status', timeout=2).get('ready'):
                    break
            except (OSError, WebDriverError, ValueError):
                pass
            expect(self.proc.poll() is None, 'chromedriver exited with %s' % self.proc.returncode)
            expect(time.time() < deadline, 'chromedriver not ready within 10 s')
            time.sleep(0.05)
        args = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync',
                '--disable-dev-shm-usage', '--user-data-dir=' + self.profile, '--lang=' + lang,
                # the machine has loopback only; a proxy from the environment must not be used
                '--no-proxy-server', '--window-size=1280,900']
        caps = {'capabilities': {'alwaysMatch': {
            'browserName': 'chrome',
            'pageLoadStrategy': 'normal',
            'timeouts': {'pageLoad': 15000, 'script': 5000, 'implicit': 0},
            'goog:chromeOptions': {
                'binary': chromium,
                'args': args,
                'prefs': {
                    # 2 = block: JavaScript off for every site (checked in t_javascript_off)
                    'profile.managed_default_content_settings.javascript': 2,
                    'intl.accept_languages': accept_languages,
                },
            },
        }}}
        value = self._call('POST', '/session', caps, timeout=30)
        self.sid = value['sessionId']
        return value.get('capabilities', {})

    def _call(self, method, path, body=None, timeout=20):
        if body is None and method == 'POST':
            body = {}
        data = json.dumps(body).encode('utf-8') if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={'Content-Type': 'application/json; charset=utf-8'})
        try:
            with self.opener.open(req, timeout=timeout) as r:
                raw = r.read()
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                v = json.loads(raw)['value']
                why = '%s: %s' % (v.get('error'), (v.get('message') or '').split('\n')[0])
            except (ValueError, KeyError, TypeError, AttributeError):
                why = 'HTTP %d %r' % (e.code, raw[:200])
            raise WebDriverError('%s %s: %s' % (method, path, why)) from None
        return json.loads(raw)['value']

    def cmd(self, method, path, body=None, timeout=20):
        if not self.sid:
            raise WebDriverError('no session')
        return self._call(method, '/session/%s%s' % (self.sid, path), body, timeout)

    # navigation and elements
    def go(self, url):
        self.cmd('POST', '/url', {'url': url})

    def url(self):
        return self.cmd('GET', '/url')

    def title(self):
        return self.cmd('GET', '/title')

    def find_all(self, css):
        return [e[ELEMENT] for e in self.cmd('POST', '/elements', {'using': 'css selector', 'value': css})]

    def xpath_all(self, xp):
        return [e[ELEMENT] for e in self.cmd('POST', '/elements', {'using': 'xpath', 'value': xp})]

    def find(self, css):
        found = self.find_all(css)
        expect(found, 'no element %r on %s' % (css, self.url()))
        return found[0]

    def text(self, el):
        return self.cmd('GET', '/element/%s/text' % el)

    def attr(self, el, name):
        return self.cmd('GET', '/element/%s/attribute/%s' % (el, name))

    def prop(self, el, name):
        return self.cmd('GET', '/element/%s/property/%s' % (el, name))

    def css(self, el, name):
        return self.cmd('GET', '/element/%s/css/%s' % (el, name))

    def displayed(self, el):
        return self.cmd('GET', '/element/%s/displayed' % el)

    def click(self, el):
        self.cmd('POST', '/element/%s/click' % el)

    def fill(self, el, text):
        self.cmd('POST', '/element/%s/clear' % el)
        self.cmd('POST', '/element/%s/value' % el, {'text': text})

    def add_cookie(self, name, value):
        self.cmd('POST', '/cookie', {'cookie': {'name': name, 'value': value, 'path': '/', 'httpOnly': True}})

    def screenshot(self):
        return base64.b64decode(self.cmd('GET', '/screenshot', timeout=30))

    # end
    def quit(self):
        """Ends the session (Chromium exits), then the whole process group of chromedriver,
        then any process still using this run's temporary directory (Chromium's crashpad
        handlers start their own sessions). Only processes this test started are signalled."""
        if self.sid:
            try:
                self._call('DELETE', '/session/' + self.sid, timeout=10)
            except Exception:
                pass
            self.sid = None
        if self.proc:
            for sig, wait in ((signal.SIGTERM, 3), (signal.SIGKILL, 3)):
                try:
                    os.killpg(self.proc.pid, sig)
                except OSError:
                    pass
                try:
                    self.proc.wait(wait)
                    break
                except subprocess.TimeoutExpired:
                    pass
            # chromedriver gone: its group may still hold Chromium processes
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except OSError:
                pass
            self.proc = None
        deadline = time.time() + 3
        while True:
            left = pids_using(self.tmp)
            if not left or time.time() > deadline:
                break
            kill_pids(left)
            time.sleep(0.05)
        return pids_using(self.tmp)


# ---------------------------------------------------------------------------------------------
# the stack, with one more nginx access log

class LoggedStack(Stack):
    """harness.Stack plus an nginx access log of our own, browser.log: one JSON line per request
    with what the checks need from the browser's requests (Origin, Sec-Fetch-Site,
    Accept-Language, Content-Type) and the answers (status, Location). The two directives are
    added to the rendered nginx.conf when the harness runs "nginx -t" on it, before nginx starts;
    the harness itself is not changed."""

    browser_log = None
    FORMAT = ('{"method":"$request_method","uri":"$request_uri","status":"$status",'
              '"user":"$remote_user","origin":"$http_origin","sfs":"$http_sec_fetch_site",'
              '"al":"$http_accept_language","ct":"$content_type","location":"$sent_http_location"}')

    def nginx_cmd(self, *args):
        if self.browser_log is None and args[:1] == ('-t',):
            self._add_log()
        return super().nginx_cmd(*args)

    def _add_log(self):
        with open(self.nginx_conf, encoding='utf-8') as f:
            conf = f.read()
        m = re.search(r'^([ \t]*)access_log [^;\n]+;[ \t]*$', conf, re.M)
        if not m:
            raise HarnessError('no access_log line in the rendered nginx.conf')
        log = os.path.join(self.prefix, 'browser.log')
        add = "\n%slog_format opsplan_browser escape=json '%s';\n%saccess_log %s opsplan_browser;" % (
            m.group(1), self.FORMAT, m.group(1), log)
        with open(self.nginx_conf, 'w', encoding='utf-8') as f:
            f.write(conf[:m.end()] + add + conf[m.end():])
        self.browser_log = log

    def entries(self):
        try:
            with open(self.browser_log, encoding='utf-8', errors='replace') as f:
                return [json.loads(line) for line in f if line.strip()]
        except (OSError, TypeError):
            return []

    def wait_entry(self, since, pred, timeout=3):
        """The first log entry after index since that matches pred; nginx writes the line when
        the request ends, which may be just after the browser has the answer."""
        deadline = time.time() + timeout
        while True:
            for e in self.entries()[since:]:
                if pred(e):
                    return e
            if time.time() > deadline:
                return None
            time.sleep(0.05)


def describe(entries):
    return '; '.join('%s %s %s' % (e['method'], e['uri'], e['status']) for e in entries) or 'none'


# ---------------------------------------------------------------------------------------------
# the scenario

class Ctx:
    pass


def user_model(c, path='/'):
    st, root, body = c.s.get_xml(path, USER)
    expect(st == 200 and root is not None, 'GET %s?format=xml: %d %r' % (path, st, body[:200]))
    return root


def sign_in(c):
    """Makes the browser zhang.wei.

    basic (default): a top-level navigation to http://zhang.wei:demo@127.0.0.1:PORT/ still
    works in Chromium (checked with 156): the first request gets nginx's 401 with the Basic
    challenge, Chromium answers it with the URL's user name and password and keeps them in its
    HTTP auth cache for that realm and the path "/". Later requests to the origin, the form
    POSTs included, carry them without a new challenge, so every other step uses plain URLs
    (checked: t_home_zh loads "/" without credentials and nginx logs the user).

    sso (OPSPLAN_BROWSER_AUTH=sso): the harness's fake SSO knows the user from the cookie
    _oauth2_proxy=<user>; WebDriver's Add Cookie needs a page of the origin first, so the
    browser loads /static/opsplan.css (no sign-in needed there), adds the cookie, then goes on.
    """
    s = c.s
    if s.mode == 'basic':
        c.b.go('http://%s:%s@127.0.0.1:%d/' % (USER, harness.DEMO_PASSWORD, s.port))
    else:
        c.b.go(s.origin + '/static/opsplan.css')
        c.b.add_cookie(harness.SSO_COOKIE, USER)


def t_browser_start(c):
    capabilities = c.b.start()
    c.version = capabilities.get('browserVersion', '?')
    print('# Chromium %s, chromedriver %s' % (
        c.version, (capabilities.get('chrome') or {}).get('chromedriverVersion', '?').split(' ')[0]), flush=True)


def t_javascript_off(c):
    b = c.b
    b.go(NOSCRIPT_PAGE)
    found = b.find_all('#ns')
    expect(found, '<noscript> content was not parsed as markup: scripting is on')
    expect(b.displayed(found[0]) and b.text(found[0]) == 'visible', '<noscript> content is not shown')
    expect(b.title() == 'nojs', 'a script ran: the title is %r' % b.title())


def t_home_zh(c):
    b, s = c.b, c.s
    c.name = user_model(c).find('meta/user').get('name')
    since = len(s.entries())
    sign_in(c)
    b.go(s.origin + '/')                            # a plain URL: no credentials in it
    expect(b.url() == s.origin + '/', 'at %s, want %s/' % (b.url(), s.origin))
    lang = b.attr(b.find('html'), 'lang')
    expect(lang == 'zh-CN', '<html lang=%r>, want zh-CN' % lang)
    h1 = b.text(b.find('h1.page-title'))
    expect(h1 == msg('zh-CN', 'home.title'), 'h1 %r, want %r' % (h1, msg('zh-CN', 'home.title')))
    who = b.text(b.find('.account-name'))
    expect(who == c.name, 'signed in as %r, want %r' % (who, c.name))
    cur = b.find_all('form.lang-switch button.current')
    expect(len(cur) == 1 and b.attr(cur[0], 'value') == 'zh-CN', 'the zh-CN button is not the current one')
    # what the browser sent for the plain-URL GET /: the identity (basic: nginx's $remote_user)
    # and the Accept-Language from the browser's language settings
    e = s.wait_entry(since, lambda e: e['method'] == 'GET' and e['uri'] == '/' and e['status'] == '200')
    expect(e, 'no GET / 200 in the nginx log: %s' % describe(s.entries()[since:]))
    if s.mode == 'basic':
        expect(e['user'] == USER, 'nginx logged user %r for GET /' % e['user'])
    expect(e['al'].startswith('zh-CN'), 'Accept-Language %r, want zh-CN first' % e['al'])


def t_no_script(c):
    b = c.b
    expect(not b.find_all('script'), 'the home page has a <script> element')
    handlers = b.xpath_all("//*[@*[starts-with(name(), 'on')]]")
    expect(not handlers, '%d element(s) with on* attributes' % len(handlers))


def t_stylesheet(c):
    b, s = c.b, c.s
    expect(b.find_all('link[rel="stylesheet"][href="/static/opsplan.css"]'), 'no <link> to /static/opsplan.css')
    bg = b.css(b.find('body'), 'background-color')
    expect(bg not in ('rgba(0, 0, 0, 0)', 'transparent', ''), 'body background %r: the stylesheet is not applied' % bg)
    # the value the stylesheet gives the page background (--page), when it is a plain #rrggbb
    with open(os.path.join(REPO, 'static', 'opsplan.css'), encoding='utf-8') as f:
        m = re.search(r'--page:\s*#([0-9a-fA-F]{6})\s*;', f.read())
    if m:
        want = 'rgba(%d, %d, %d, 1)' % tuple(int(m.group(1)[i:i + 2], 16) for i in (0, 2, 4))
        expect(bg == want, 'body background %r, the stylesheet says %r' % (bg, want))
    font = b.css(b.find('html'), 'font-size')
    expect(font == '14px', 'html font-size %r, the stylesheet says 14px' % font)
    e = s.wait_entry(0, lambda e: e['uri'] == '/static/opsplan.css')
    expect(e and e['status'] in ('200', '304'), 'GET /static/opsplan.css: %s' % (e and e['status']))


def t_switch_english(c):
    b, s = c.b, c.s
    since = len(s.entries())
    buttons = b.find_all('form.lang-switch button[name="lang"][value="en"]')
    expect(len(buttons) == 1, '%d "en" buttons in the language switch' % len(buttons))
    label = b.text(buttons[0])
    expect(label == msg('zh-CN', 'lang.en'), 'button text %r' % label)
    b.click(buttons[0])                    # chromedriver waits for the navigation
    post = s.wait_entry(since, lambda e: e['method'] == 'POST' and e['uri'] == '/lang')
    expect(post, 'the browser sent no POST /lang: %s' % describe(s.entries()[since:]))
    expect(post['status'] == '303', 'POST /lang answered %s (403 = the Origin/Fetch-Metadata check '
           'refused the browser), origin=%r sec-fetch-site=%r' % (post['status'], post['origin'], post['sfs']))
    expect(b.url() == s.origin + '/', 'after the switch at %s, want %s/' % (b.url(), s.origin))
    lang = b.attr(b.find('html'), 'lang')
    expect(lang == 'en', '<html lang=%r> after the switch, want en' % lang)
    h1 = b.text(b.find('h1.page-title'))
    expect(h1 == msg('en', 'home.title'), 'h1 %r, want %r' % (h1, msg('en', 'home.title')))
    cur = b.find_all('form.lang-switch button.current')
    expect(len(cur) == 1 and b.attr(cur[0], 'value') == 'en', 'the en button is not the current one')


def t_lang_saved(c):
    root = user_model(c)
    u = root.find('meta/user')
    expect(u.get('lang') == 'en', 'model: <user lang=%r>, want en' % u.get('lang'))
    expect(root.find('meta').get('lang') == 'en', 'model: <meta lang=%r>' % root.find('meta').get('lang'))


def t_profile_saved(c):
    b, s = c.b, c.s
    b.go(s.origin + '/profile')
    # the saved choice wins over the browser's Accept-Language (still zh-CN)
    lang = b.attr(b.find('html'), 'lang')
    expect(lang == 'en', '/profile: <html lang=%r>, want en (the saved choice)' % lang)
    c.new_name, c.new_phone = '张伟（值班）', '+86 139-0000-1234'
    b.fill(b.find('#f-display_name'), c.new_name)
    b.fill(b.find('#f-phone'), c.new_phone)
    since = len(s.entries())
    b.click(b.find('form.form button[type="submit"]'))
    post = s.wait_entry(since, lambda e: e['method'] == 'POST' and e['uri'] == '/profile')
    expect(post, 'the browser sent no POST /profile: %s' % describe(s.entries()[since:]))
    expect(post['status'] == '303', 'POST /profile answered %s (403 = the Origin/Fetch-Metadata check '
           'refused the browser), origin=%r sec-fetch-site=%r' % (post['status'], post['origin'], post['sfs']))
    path = urllib.parse.urlsplit(b.url()).path
    expect(b.url().startswith(s.origin + '/') and path == '/profile', 'after saving at %s' % b.url())
    flash = b.find_all('.flash')
    expect(flash and b.text(flash[0]) == msg('en', 'flash.saved'),
           'flash %r, want %r' % (flash and b.text(flash[0]), msg('en', 'flash.saved')))
    got = b.prop(b.find('#f-display_name'), 'value'), b.prop(b.find('#f-phone'), 'value')
    expect(got == (c.new_name, c.new_phone), 'form shows %r, want %r' % (got, (c.new_name, c.new_phone)))
    who = b.text(b.find('.account-name'))
    expect(who == c.new_name, 'header shows %r' % who)
    p = user_model(c, '/profile').find('profile')
    expect((p.get('display_name'), p.get('phone')) == (c.new_name, c.new_phone),
           'model: display_name=%r phone=%r' % (p.get('display_name'), p.get('phone')))
    c.saved_email = p.get('email')


def t_origin_check(c):
    """Every POST the browser made carried the site's origin, was same-origin by Fetch
    Metadata, was a urlencoded form, and was accepted (303)."""
    s = c.s
    posts = [e for e in s.entries() if e['method'] == 'POST']
    expect(len(posts) >= 2, 'only %d POSTs logged: %s' % (len(posts), describe(posts)))
    for e in posts:
        if e['uri'] != '/profile' or e['status'] != '400':      # t_server_invalid's POST answers 400
            expect(e['status'] == '303', 'POST %s answered %s' % (e['uri'], e['status']))
        expect(e['origin'] == s.origin, 'POST %s: Origin %r, want %r' % (e['uri'], e['origin'], s.origin))
        expect(e['sfs'] == 'same-origin', 'POST %s: Sec-Fetch-Site %r' % (e['uri'], e['sfs']))
        expect(e['ct'].startswith('application/x-www-form-urlencoded'), 'POST %s: Content-Type %r' % (e['uri'], e['ct']))


def t_browser_blocks_bad_email(c):
    """type=email: Chromium's own constraint validation (no script needed) keeps a malformed
    address from being sent at all, so the server's message is only reachable with addresses the
    browser accepts."""
    b, s = c.b, c.s
    b.go(s.origin + '/profile')
    before = b.url()
    email = b.find('#f-email')
    b.fill(email, 'not-an-email')
    since = len(s.entries())
    b.click(b.find('form.form button[type="submit"]'))
    time.sleep(0.5)
    sent = [e for e in s.entries()[since:] if e['method'] == 'POST']
    expect(not sent, 'the browser sent %s' % describe(sent))
    expect(b.url() == before, 'navigated to %s' % b.url())
    expect(b.prop(b.find('#f-email'), 'validationMessage'), 'no browser validation message on the field')


def t_server_invalid(c):
    b, s = c.b, c.s
    b.go(s.origin + '/profile')
    # valid for the browser's type=email (a@b), refused by the server (no dot in the domain)
    typed = {'#f-display_name': '张伟 测试', '#f-email': 'zhang.wei@localhost', '#f-phone': '010-8888 6666'}
    for css, v in typed.items():
        b.fill(b.find(css), v)
    since = len(s.entries())
    b.click(b.find('form.form button[type="submit"]'))
    post = s.wait_entry(since, lambda e: e['method'] == 'POST' and e['uri'] == '/profile')
    expect(post, 'the browser sent no POST /profile: %s' % describe(s.entries()[since:]))
    expect(post['status'] in ('400', '422'), 'POST /profile with a bad e-mail answered %s' % post['status'])
    expect(urllib.parse.urlsplit(b.url()).path == '/profile', 'at %s' % b.url())
    # the error right after the e-mail input, in the same field block, tied to it
    err = b.xpath_all("//input[@id='f-email']/following-sibling::p[@id='f-email-error']")
    expect(err, 'no p#f-email-error next to the e-mail input')
    want = msg('en', 'error.email')
    expect(b.displayed(err[0]) and want in b.text(err[0]), 'error text %r, want %r' % (b.text(err[0]), want))
    field = b.find('#f-email')
    expect(b.attr(field, 'aria-invalid') == 'true', 'e-mail input aria-invalid=%r' % b.attr(field, 'aria-invalid'))
    expect('f-email-error' in (b.attr(field, 'aria-describedby') or '').split(),
           'aria-describedby=%r' % b.attr(field, 'aria-describedby'))
    others = b.find_all('.field-error')
    expect(len(others) == 1, '%d field errors, want 1 (e-mail only)' % len(others))
    expect(b.find_all('.error-summary'), 'no error summary')
    expect(not b.find_all('.flash'), 'a "saved" flash on the refused form')
    for css, v in typed.items():
        got = b.prop(b.find(css), 'value')
        expect(got == v, '%s shows %r, typed %r' % (css, got, v))
    p = user_model(c, '/profile').find('profile')
    expect((p.get('display_name'), p.get('email'), p.get('phone')) == (c.new_name, c.saved_email, c.new_phone),
           'the refused form changed the profile: %r' % dict(p.attrib))


def t_screenshot(c):
    b, s = c.b, c.s
    b.go(s.origin + '/')
    expect(b.attr(b.find('html'), 'lang') == 'en', 'home page not in English')
    png = b.screenshot()
    expect(png[:8] == b'\x89PNG\r\n\x1a\n' and png[12:16] == b'IHDR', 'not a PNG: %r' % png[:16])
    w, h = struct.unpack('>II', png[16:24])
    expect(w > 0 and h > 0, 'PNG size %dx%d' % (w, h))
    path = os.path.join(c.tmp, 'home.png')
    with open(path, 'wb') as f:
        f.write(png)
    c.screenshot = path
    print('# screenshot %dx%d: %s' % (w, h, path), flush=True)


def t_program_stop(c):
    took, alive, sock_left = c.s.stop_app()
    expect(took is not None, 'opsplan serve did not stop within 15 s of SIGTERM')
    expect(not alive and not sock_left, 'after stop: workers alive %r, socket left %r' % (alive, sock_left))
    log = c.s.log_text()
    bad = [l for l in log.splitlines() if re.search(r'AddressSanitizer|LeakSanitizer|runtime error:', l)]
    expect(not bad, 'sanitizer report in the program log: %s' % ' | '.join(bad[:3]))


# ---------------------------------------------------------------------------------------------

def main():
    CHECKS.verbose = '-v' in sys.argv[1:]
    t0 = time.time()
    mode = os.environ.get('OPSPLAN_BROWSER_AUTH', 'basic')
    if mode not in ('basic', 'sso'):
        print('FAIL setup: OPSPLAN_BROWSER_AUTH must be basic or sso, not %r' % mode)
        return 1
    keep = bool(os.environ.get('OPSPLAN_KEEP_TMP'))
    c = Ctx()
    c.tmp = tempfile.mkdtemp(prefix='opsplan-browser-')
    c.b = Browser(c.tmp)
    c.s = LoggedStack(mode)
    c.screenshot = None

    def emergency():
        # the last resort: the scenario and its cleanup took too long
        print('FAIL watchdog: still running after %d s; killing what this test started' % HARD_LIMIT, flush=True)
        if c.b.proc:
            try:
                os.killpg(c.b.proc.pid, signal.SIGKILL)
            except OSError:
                pass
        kill_pids(pids_using(c.tmp))
        for p in (c.s.app, c.s.ngx):
            if p:
                try:
                    os.killpg(p.pid, signal.SIGKILL)    # the harness starts both in new sessions
                except OSError:
                    pass
        if not keep:
            for d in (c.s.tmp, os.path.join(c.tmp, 'profile'), os.path.join(c.tmp, 'home')):
                if d:
                    shutil.rmtree(d, ignore_errors=True)
        os._exit(1)

    hard = threading.Timer(HARD_LIMIT, emergency)
    hard.daemon = True
    hard.start()

    def on_alarm(signum, frame):
        raise Watchdog()
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(SOFT_LIMIT)

    try:
        if check('stack (%s mode) starts' % mode, c.s.start) and check('browser starts', t_browser_start, c):
            print('# %s, %s mode, program %s' % (c.s.origin, mode, c.s.bin), flush=True)
            check('javascript is disabled', t_javascript_off, c)
            check('home page in Chinese as %s' % USER, t_home_zh, c)
            check('home page has no script', t_no_script, c)
            check('stylesheet is applied', t_stylesheet, c)
            check('language switch to English', t_switch_english, c)
            check('language choice saved in the model', t_lang_saved, c)
            check('profile form saved', t_profile_saved, c)
            check('malformed e-mail stopped by the browser', t_browser_blocks_bad_email, c)
            check('profile form with a bad e-mail comes back with the error', t_server_invalid, c)
            check('browser POSTs pass the Origin check', t_origin_check, c)
            check('screenshot of the home page', t_screenshot, c)
    except Watchdog:
        RESULTS.append(('watchdog', False))
        print('FAIL watchdog: the scenario took more than %d s; stopped' % SOFT_LIMIT, flush=True)
    finally:
        signal.alarm(0)
        left = c.b.quit()
        if c.b.base:
            RESULTS.append(('browser processes ended', not left))
            if left:
                print('FAIL browser processes ended: still alive: %r' % left, flush=True)
            else:
                print('ok browser processes ended', flush=True)
        if c.s.app:
            check('program stops cleanly, no sanitizer report', t_program_stop, c)
        try:
            c.s.stop()
        except Exception as e:
            RESULTS.append(('stack stops', False))
            print('FAIL stack stops: %s: %s' % (type(e).__name__, e), flush=True)
        failed = [n for n, ok in RESULTS if not ok]
        if keep:
            print('# kept %s' % c.tmp)
        else:
            # keep only the screenshot (and chromedriver's log when something failed)
            for name in os.listdir(c.tmp):
                if name == 'home.png' or (failed and name == 'chromedriver.log'):
                    continue
                p = os.path.join(c.tmp, name)
                shutil.rmtree(p, ignore_errors=True) if os.path.isdir(p) else os.unlink(p)
            if failed and os.path.exists(c.b.log):
                print('# chromedriver log: %s' % c.b.log)
            if not os.listdir(c.tmp):
                os.rmdir(c.tmp)
        hard.cancel()
    print('# %d checks, %d failed, %.1f s' % (len(RESULTS), len(failed), time.time() - t0), flush=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
