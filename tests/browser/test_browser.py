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

import os
import re
import shutil
import signal
import struct
import sys
import tempfile
import threading
import time
import urllib.parse

sys.dont_write_bytecode = True       # no __pycache__ in the checkout
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'web'))
import harness  # noqa: E402
from harness import REPO, msg, expect  # noqa: E402
sys.path.insert(0, HERE)
import browser  # noqa: E402
from browser import Browser, LoggedStack, describe, kill_pids, pids_using  # noqa: E402

USER = 'zhang.wei'
SOFT_LIMIT = 40      # s: SIGALRM ends the scenario, the cleanup still runs
HARD_LIMIT = 56      # s: a timer kills everything this test started and exits 1
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
# the scenario

class Ctx:
    pass


def user_model(c, path='/'):
    st, root, body = c.s.get_xml(path, USER)
    expect(st == 200 and root is not None, 'GET %s?format=xml: %d %r' % (path, st, body[:200]))
    return root


def sign_in(c):
    """Makes the browser zhang.wei (browser.sign_in: basic by default, sso with
    OPSPLAN_BROWSER_AUTH=sso); t_home_zh checks that a plain URL then carries the identity."""
    browser.sign_in(c.b, c.s, USER)


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
