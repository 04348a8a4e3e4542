"""browser.py - what the headless-Chromium suites share: a W3C WebDriver client for
chromedriver (urllib only, no selenium) whose Chromium runs with JavaScript blocked by the
content setting, the process clean-up that only signals what a run started, a harness Stack with
an nginx access log of its own (LoggedStack) and sign_in() for a demo user. Python 3 standard
library only; used by test_browser.py and test_change_walk.py."""

import base64
import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'web'))
from harness import Stack, HarnessError, free_port, expect  # noqa: E402
import harness  # noqa: E402

ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'     # the W3C web element key


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

    def delete_cookies(self):
        self.cmd('DELETE', '/cookie')

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


def sign_in(b, s, user):
    """Makes the browser b the demo user on the stack s.

    basic: a top-level navigation to http://USER:demo@127.0.0.1:PORT/ still works in Chromium:
    the first request gets nginx's 401 with the Basic challenge, Chromium answers it with the
    URL's user name and password and keeps them in its HTTP auth cache for that realm and the path
    "/". Later requests to the origin, the form POSTs included, carry them without a new
    challenge, so every other step uses plain URLs. The cache cannot be emptied: one user per
    browser session.

    sso: the harness's fake SSO knows the user from the cookie _oauth2_proxy=<user>; WebDriver's
    Add Cookie needs a page of the origin first, so the browser loads /static/opsplan.css (no
    sign-in needed there), drops its cookies and adds that one: another user any time.
    """
    if s.mode == 'basic':
        b.go('http://%s:%s@127.0.0.1:%d/' % (user, harness.DEMO_PASSWORD, s.port))
    else:
        b.go(s.origin + '/static/opsplan.css')
        b.delete_cookies()
        b.add_cookie(harness.SSO_COOKIE, user)
