#!/usr/bin/env python3
"""test_change_walk.py - the acceptance walk of a normal change, draft to closed, through the HTML
forms in headless Chromium with JavaScript off, each step by the demo user whose job it is,
against a real stack (tests/web/harness.py: nginx + "opsplan serve" + the demo database) at a
fixed time (OPSPLAN_NOW, a Wednesday), in sso mode so one browser can become each user in turn.

    python3 tests/browser/test_change_walk.py [-v] [-k SUBSTRING]
    OPSPLAN_BIN=build/asan/opsplan python3 tests/browser/test_change_walk.py

The walk (src/cmd/demo.c: users and the approval policies; README "Change management"):
  1. wang.fang (engineer) fills /changes/new: a NORMAL database change on DB-CORE-01 with every
     text, the risk questionnaire (medium risk), implementer li.na and a planned window inside
     the Saturday night maintenance window with no freeze and no other change (the conflict check
     finds nothing); then submits it (→ assess). She gets no decision form on her own change and
     a decision POST of hers is refused with the engine's message, nothing stored.
  2. chen.jie finds it first in /changes/queue, follows the link and approves the technical
     review (→ authorize); zhang.wei and admin (the CAB, 2 of 3) do the same (→ scheduled).
  3. li.na starts the implementation (actual start), adds two log entries, and finishes: an
     empty verification result is stopped by the browser (no request), a rolled-back close code
     without its rollback fields is refused by the server naming each field with nothing stored
     (database snapshot), then the review is taken (→ review).
  4. zhang.wei closes it with the outcome and lessons of the review, close code successful.
Then: the audit_log rows of the change, and the /audit page filtered through its form as the
auditor, hold each step with its actor; "opsplan audit verify" passes; and the printed record
(check_printed_record: Chromium --print-to-pdf, pdftotext) shows every step.

Every check is named after its step and user ("walk.04 approve technical review (chen.jie)"), so
a failure says which step and user failed; after a failed step the rest of the walk is skipped.
Needs: chromium chromium-driver poppler-utils nginx fonts-wqy-microhei.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'web'))
sys.path.insert(0, HERE)
import harness  # noqa: E402
from harness import CAT, expect, short, db_all, db_one, post, unchanged, logs_clean  # noqa: E402
import browser  # noqa: E402
from browser import Browser, LoggedStack, describe  # noqa: E402
from test_gantt_print import AuthProxy, print_pdf, squash  # noqa: E402

CHECKS = harness.Checks()
check = CHECKS.check
NOW = '2026-11-25T08:00:00Z'            # a Wednesday, 16:00 in Shanghai
LANG = 'zh-CN'
REQUESTER, IMPLEMENTER, ASSESSOR, CAB, CLOSER, AUDITOR = 'wang.fang', 'li.na', 'chen.jie', ('zhang.wei', 'admin'), \
    'zhang.wei', 'auditor'
# the Saturday after next, inside the weekly 22:00-06:00 maintenance window, before the year-end freeze
WINDOW = ('2026-12-05T22:00', '2026-12-06T02:00')
SOFT_LIMIT = 300
TITLE = '核心账务库归档表空间扩容 Walk: extend the archive tablespace'
TEXTS = {
    '#f-description': '为归档表空间增加两个数据文件。Add two data files to the archive tablespace.',
    '#f-reason': '归档表空间使用率已达 85%。The archive tablespace is 85% full.',
    '#f-impact_services': '扩容期间网银查询可能变慢。Online banking queries may slow down.',
    '#f-impact_users': '无停机。No downtime for users.',
    '#f-implementation_plan': '1. 检查 ASM 空间 2. 增加数据文件 3. 校验。Check ASM, add the files, verify.',
    '#f-test_plan': '在 UAT 库先执行一次。Run it on UAT first.',
    '#f-backout_plan': '删除新增的数据文件。Drop the new data files.',
}
# impact 3 x likelihood ceil(5/3) = 2 -> 6: medium (two approval steps in the demo policy)
RISK = {'risk_services': '3', 'risk_users': '2', 'risk_outage': '2', 'risk_tested': '2', 'risk_backout': '1',
        'risk_done_before': '2'}
COMMENTS = {ASSESSOR: '技术评审通过 technical review passed', 'zhang.wei': 'CAB 同意 CAB agrees',
            'admin': '同意在维护窗口实施 approved for the window'}
LOG = ('已在 UAT 执行成功。Done on UAT.', '生产库两个数据文件已添加。Both data files added in production.')
VERIFICATION = '表空间使用率降至 42%，告警消除。Usage down to 42%, the alert cleared.'
OUTCOME = '扩容按计划完成。The extension went as planned.'
LESSONS = '容量告警阈值改为 80%。Capacity alert threshold lowered to 80%.'


class Watchdog(BaseException):
    pass


class Ctx:
    pass


def t_(key, lang=LANG):
    return CAT[lang][key]


def msg_part(key, lang=LANG):
    return max(re.split(r'\{[123]\}', CAT[lang][key]), key=len).strip()


# ---------------------------------------------------------------------------------------------
# browser steps

def as_user(c, user, path):
    """The browser becomes user (the SSO cookie) and opens path; the header names that user."""
    browser.sign_in(c.b, c.s, user)
    c.b.go(c.s.origin + path)
    who = c.b.text(c.b.find('.account-name'))
    expect(who == c.names[user], 'signed in as %r, want %s (%r)' % (who, user, c.names[user]))


def submit(c, button, method_uri, status='303'):
    """Clicks a form's submit button; the request the browser sent (nginx's log) and its answer."""
    since = len(c.s.entries())
    c.b.click(button)
    e = c.s.wait_entry(since, lambda e: e['method'] == 'POST' and e['uri'].split('?')[0] == method_uri)
    expect(e, 'the browser sent no POST %s: %s' % (method_uri, describe(c.s.entries()[since:])))
    expect(e['status'] == status, 'POST %s answered %s, want %s (Location %r)'
           % (method_uri, e['status'], status, e['location']))
    return e


def at_path(c, want):
    u = urllib.parse.urlsplit(c.b.url())
    expect(u.path == want, 'the browser is at %s, want %s' % (c.b.url(), want))
    return u


def select(c, css, value):
    opts = c.b.find_all('%s option[value="%s"]' % (css, value))
    expect(opts, 'no option %r in %s' % (value, css))
    if not c.b.prop(opts[0], 'selected'):
        c.b.click(opts[0])
    expect(c.b.prop(opts[0], 'selected'), 'option %r of %s not selected' % (value, css))


def set_datetime(c, css, value):
    """A datetime-local input: Chromium's control takes keystrokes per locale-ordered segment, which
    WebDriver's typing does not hit reliably, so the value is set the way its date picker would
    (WebDriver's own script channel; the page's scripting stays blocked)."""
    el = c.b.find(css)
    got = c.b.cmd('POST', '/execute/sync', {'script': 'arguments[0].value = arguments[1]; return arguments[0].value;',
                                           'args': [{browser.ELEMENT: el}, value]})
    expect(got == value, '%s took %r, want %r' % (css, got, value))


def step_form(c, to):
    """The submit button of the transition form to state to on the change page."""
    forms = c.b.xpath_all("//form[contains(@action, '/transition')][.//input[@name='to'][@value='%s']]" % to)
    expect(forms, 'no form for the step to %s on %s (forms: %r)' % (to, c.b.url(), [
        c.b.attr(i, 'value') for i in c.b.find_all('form input[name="to"]')]))
    return forms[0]


def in_form(c, form, css):
    found = c.b.cmd('POST', '/element/%s/elements' % form, {'using': 'css selector', 'value': css})
    expect(found, 'no %s in the form' % css)
    return found[0][browser.ELEMENT]


def state(c):
    return db_one(c.s, 'SELECT state FROM changes WHERE number = ?', c.number)


def flash_saved(c, key='flash.saved'):
    f = c.b.find_all('.flash')
    expect(f and c.b.text(f[0]) == t_(key), 'flash %r, want %r' % (f and c.b.text(f[0]), t_(key)))


def take_step(c, user, to, fill=None):
    """user takes the step to to on the change page through its form; the change is then in to."""
    as_user(c, user, '/changes/%s' % c.number)
    before = state(c)
    form = step_form(c, to)
    for css, v in (fill or {}).items():
        el = in_form(c, form, css)
        if c.b.cmd('GET', '/element/%s/name' % el) == 'select':
            select(c, '%s' % css, v)
        else:
            c.b.fill(el, v)
    e = submit(c, in_form(c, form, 'button[type="submit"]'), '/changes/%s/transition' % c.number)
    expect(e['location'].endswith('/changes/%s?flash=saved' % c.number), 'redirect %r' % e['location'])
    at_path(c, '/changes/%s' % c.number)
    flash_saved(c)
    expect(state(c) == to, 'state %s after the step from %s, want %s' % (state(c), before, to))
    tag = c.b.text(c.b.find('.toolbar .tag'))
    expect(tag == t_('chg.state.' + to), 'the page shows the state %r, want %r' % (tag, t_('chg.state.' + to)))
    c.steps.append({'step': 'to ' + to, 'user': user, 'state': to, 'texts': [v for v in (fill or {}).values()
                                                                          if len(v) > 12]})


# ---------------------------------------------------------------------------------------------
# the walk

def t_browser(c):
    c.b.start(lang=LANG, accept_languages=LANG)
    page = ('data:text/html;charset=utf-8,' + urllib.parse.quote(
        '<!DOCTYPE html><title>nojs</title><script>document.title="js-ran"</script>'))
    c.b.go(page)
    expect(c.b.title() == 'nojs', 'a script ran in the page: JavaScript is not off')
    c.names = dict(db_all(c.s, 'SELECT login, display_name FROM users'))


def t_create(c):
    as_user(c, REQUESTER, '/changes')
    c.b.click(c.b.find('a[href="/changes/new"]'))
    at_path(c, '/changes/new')
    b = c.b
    b.fill(b.find('#f-title'), TITLE)
    select(c, '#f-type', 'normal')
    select(c, '#f-category', 'database')
    for css, v in TEXTS.items():
        b.fill(b.find(css), v)
    select(c, '#f-cis', 'DB-CORE-01')
    select(c, '#f-implementer', IMPLEMENTER)
    set_datetime(c, '#f-planned_start', WINDOW[0])
    set_datetime(c, '#f-planned_end', WINDOW[1])
    for f, v in RISK.items():
        select(c, '#f-' + f, v)
    n0 = db_one(c.s, 'SELECT count(*) FROM changes')
    e = submit(c, b.find('form.form button[type="submit"].primary'), '/changes')
    m = re.match(r'^/changes/(CHG-\d{4}-\d{4})\?flash=created$', e['location'] or '')
    expect(m, 'redirect %r' % e['location'])
    c.number = m.group(1)
    at_path(c, '/changes/' + c.number)
    flash_saved(c, 'flash.created')
    expect(db_one(c.s, 'SELECT count(*) FROM changes') == n0 + 1, 'not one new change')
    r = db_all(c.s, 'SELECT c.type, c.state, c.category, c.risk_level, c.planned_start, c.planned_end, u.login,'
                    ' i.login, c.title, c.backout_plan FROM changes c JOIN users u ON u.id = c.requester_id'
                    ' JOIN users i ON i.id = c.implementer_id WHERE c.number = ?', c.number)[0]
    want = ('normal', 'new', 'database', 'medium', WINDOW[0], WINDOW[1], REQUESTER, IMPLEMENTER, TITLE,
            TEXTS['#f-backout_plan'])
    expect(r == want, 'stored %r, want %r' % (r, want))
    cis = [x[0] for x in db_all(c.s, 'SELECT ci.code FROM change_cis x JOIN config_items ci ON ci.id = x.ci_id JOIN changes c'
                                     ' ON c.id = x.change_id WHERE c.number = ?', c.number)]
    expect(cis == ['DB-CORE-01'], 'CIs %r' % cis)
    # a free window: the conflict check on the page finds nothing (maintenance window, no freeze)
    expect(b.find_all('#conflicts') and not b.find_all('li.conflict'),
           'the conflict check shows %r' % [b.text(x) for x in b.find_all('li.conflict')])
    c.steps.append({'step': 'create', 'user': REQUESTER, 'state': 'new', 'texts': [TITLE, TEXTS['#f-reason']]})


def t_submit(c):
    take_step(c, REQUESTER, 'assess')


def t_requester_cannot_decide(c):
    as_user(c, REQUESTER, '/changes/%s' % c.number)
    forms = c.b.find_all('form[action="/changes/%s/decide"]' % c.number)
    expect(not forms, 'the requester is offered a decision form on her own change')
    hint = [c.b.text(x) for x in c.b.find_all('#approval p.hint')]
    expect(t_('apr.reason.requester') in hint, 'no "requester" reason on the page: %r' % hint)
    before = c.s.db_snapshot()
    st, h, body = post(c.s, '/changes/%s/decide' % c.number, REQUESTER, {'decision': 'approved', 'comment': ''})
    expect(st == 403, 'her decision POST answered %d: %s' % (st, short(body)))
    expect(msg_part('apr.reason.requester') in body.decode('utf-8'), 'the refusal does not say why: %s' % short(body))
    unchanged(c.s, before, 'the requester deciding')


def approve(c, user, then):
    """user finds the change first in the queue, follows its link and approves it."""
    as_user(c, user, '/changes/queue')
    rows = c.b.find_all('table.queue tbody tr')
    expect(rows, 'the queue is empty')
    first = c.b.attr(rows[0], 'id')
    expect(first == 'change-' + c.number, 'the queue starts with %r, want change-%s' % (first, c.number))
    links = c.b.find_all('table.queue tbody tr:first-child a[href^="/changes/%s"]' % c.number)
    expect(links, 'no link to the change in its queue row')
    c.b.click(links[0])
    at_path(c, '/changes/%s' % c.number)
    forms = c.b.find_all('form[action="/changes/%s/decide"]' % c.number)
    expect(forms, 'no decision form for %s' % user)
    radio = in_form(c, forms[0], 'input[name="decision"][value="approved"]')
    c.b.click(radio)
    c.b.fill(in_form(c, forms[0], 'textarea[name="comment"]'), COMMENTS[user])
    e = submit(c, in_form(c, forms[0], 'button[type="submit"]'), '/changes/%s/decide' % c.number)
    expect(e['location'].endswith('/changes/%s?flash=saved#approval' % c.number), 'redirect %r' % e['location'])
    flash_saved(c)
    expect(state(c) == then, 'state %s after the approval, want %s' % (state(c), then))
    d = db_all(c.s, 'SELECT a.decision, a.comment FROM approvals a JOIN users u ON u.id = a.approver_id JOIN changes x'
                    ' ON x.id = a.change_id WHERE x.number = ? AND u.login = ?', c.number, user)
    expect(d == [('approved', COMMENTS[user])], 'decision rows %r' % d)
    c.steps.append({'step': 'approval', 'user': user, 'state': then, 'texts': [COMMENTS[user]]})


def t_implement(c):
    take_step(c, IMPLEMENTER, 'implement')
    start = db_one(c.s, 'SELECT actual_start FROM changes WHERE number = ?', c.number)
    expect(start == '2026-11-25T16:00', 'actual start %r, want the (fixed) local now' % start)


def t_log(c):
    for entry in LOG:
        as_user(c, IMPLEMENTER, '/changes/%s' % c.number)
        form = c.b.find('form[action="/changes/%s/log"]' % c.number)
        c.b.fill(in_form(c, form, 'textarea[name="entry"]'), entry)
        e = submit(c, in_form(c, form, 'button[type="submit"]'), '/changes/%s/log' % c.number)
        expect(e['location'].endswith('#log'), 'redirect %r' % e['location'])
        shown = [c.b.text(x) for x in c.b.find_all('ol.log li .text')]
        expect(entry in shown, 'the log shows %r, want %r in it' % (shown, entry))
    rows = [r[0] for r in db_all(c.s, 'SELECT l.entry FROM change_log l JOIN changes x ON x.id = l.change_id'
                                      ' WHERE x.number = ? ORDER BY l.id', c.number)]
    expect(rows == list(LOG), 'log rows %r' % rows)
    c.steps.append({'step': 'log', 'user': IMPLEMENTER, 'state': 'implement', 'texts': list(LOG)})


def t_review_empty_required(c):
    """The verification result is required: with it empty the browser sends nothing."""
    as_user(c, IMPLEMENTER, '/changes/%s' % c.number)
    form = step_form(c, 'review')
    field = in_form(c, form, 'textarea[name="verification_result"]')
    expect(c.b.attr(field, 'required') is not None, 'verification_result is not marked required')
    expect(c.b.prop(in_form(c, form, 'input[name="actual_end"]'), 'value'), 'actual_end is not filled in')
    c.b.fill(field, '')
    since = len(c.s.entries())
    url = c.b.url()
    c.b.click(in_form(c, form, 'button[type="submit"]'))
    time.sleep(0.5)
    sent = [e for e in c.s.entries()[since:] if e['method'] == 'POST']
    expect(not sent, 'the browser sent %s' % describe(sent))
    expect(c.b.url() == url, 'navigated to %s' % c.b.url())
    expect(c.b.prop(field, 'validationMessage'), 'no browser message on the empty field')


def t_review_refused(c):
    """Rolled back without when, why and how: 400, each field named, nothing stored."""
    as_user(c, IMPLEMENTER, '/changes/%s' % c.number)
    form = step_form(c, 'review')
    c.b.fill(in_form(c, form, 'textarea[name="verification_result"]'), VERIFICATION)
    select(c, '#t-review-close_code', 'rolled_back')
    before = c.s.db_snapshot()
    submit(c, in_form(c, form, 'button[type="submit"]'), '/changes/%s/transition' % c.number, status='400')
    unchanged(c.s, before, 'the refused review')
    expect(state(c) == 'implement', 'state %s after a refused review' % state(c))
    errs = c.b.find_all('.field-error')
    text = ' '.join(c.b.text(e) for e in errs)
    for f in ('rollback_at', 'rollback_reason', 'rollback_result'):
        el = c.b.find_all('#t-review-%s' % f)
        expect(el and c.b.attr(el[0], 'aria-invalid') == 'true', 'the field %s is not marked invalid' % f)
    expect(msg_part('chg.error.required') in text, 'the message %r is not on the page: %r' % (
        t_('chg.error.required'), text))
    kept = c.b.prop(c.b.find('#t-review-verification_result'), 'value')
    expect(kept == VERIFICATION, 'the typed verification result is lost: %r' % kept)


def t_review(c):
    take_step(c, IMPLEMENTER, 'review', {'textarea[name="verification_result"]': VERIFICATION,
                                         '#t-review-close_code': 'successful'})
    r = db_all(c.s, 'SELECT verification_result, actual_end FROM changes WHERE number = ?', c.number)[0]
    expect(r == (VERIFICATION, '2026-11-25T16:00'), 'stored %r' % (r,))


def t_close(c):
    take_step(c, CLOSER, 'closed', {'#t-closed-close_code': 'successful', '#t-closed-review_outcome': OUTCOME,
                                    '#t-closed-review_lessons': LESSONS})
    r = db_all(c.s, 'SELECT c.close_code, c.review_outcome, c.review_lessons, u.login, c.closed_at IS NOT NULL'
                    ' FROM changes c JOIN users u ON u.id = c.closed_by WHERE c.number = ?', c.number)
    expect(r == [('successful', OUTCOME, LESSONS, CLOSER, 1)], 'stored %r' % r)


# ---------------------------------------------------------------------------------------------
# afterwards: the audit log and the printed record

def expected_audit():
    """(action, actor, new state or None) of each audited step, in order."""
    return [('change.create', REQUESTER, None), ('change.transition', REQUESTER, 'assess'),
            ('change.decide', ASSESSOR, None), ('change.transition', ASSESSOR, 'authorize'),
            ('change.decide', CAB[0], None), ('change.decide', CAB[1], None), ('change.transition', CAB[1], 'scheduled'),
            ('change.transition', IMPLEMENTER, 'implement'), ('change.log', IMPLEMENTER, None),
            ('change.log', IMPLEMENTER, None), ('change.transition', IMPLEMENTER, 'review'),
            ('change.transition', CLOSER, 'closed')]


def t_audit_rows(c):
    rows = db_all(c.s, "SELECT action, actor, new_value FROM audit_log WHERE entity = 'change' AND entity_id = ?"
                       " ORDER BY id", c.number)
    got = [(a, who, (json.loads(nv) if nv else {}).get('state') if a == 'change.transition' else None)
           for a, who, nv in rows]
    want = expected_audit()
    for i, (g, w) in enumerate(zip(got, want)):
        expect(g == w, 'audit record %d is %r, want %r (all: %r)' % (i + 1, g, w, got))
    expect(len(got) == len(want), '%d audit records, want %d: %r' % (len(got), len(want), got))
    close = json.loads(rows[-1][2])
    expect(close.get('review_outcome') == OUTCOME and close.get('close_code') == 'successful',
           'the close record %r' % close)


def t_audit_page(c):
    as_user(c, AUDITOR, '/audit')
    select(c, '#f-entity', 'change')
    since = len(c.s.entries())
    c.b.click(c.b.find('form button[type="submit"].primary'))
    e = c.s.wait_entry(since, lambda e: e['method'] == 'GET' and e['uri'].startswith('/audit?'))
    expect(e and e['status'] == '200', 'the filter form: %s' % describe(c.s.entries()[since:]))
    expect('entity=change' in c.b.url(), 'filtered at %s' % c.b.url())
    seen = []
    for tr in c.b.find_all('table tbody tr'):
        cells = c.b.cmd('POST', '/element/%s/elements' % tr, {'using': 'css selector', 'value': 'td'})
        tds = [c.b.text(x[browser.ELEMENT]) for x in cells]
        if len(tds) >= 5 and c.number in tds[4]:
            seen.append((tds[3], tds[2]))
    seen.reverse()                      # newest first on the page
    want = [(a, who) for a, who, _ in expected_audit()]
    expect(seen == want, 'the /audit page shows %r, want %r' % (seen, want))


def t_audit_verify(c):
    logs_clean(c.s)


def check_printed_record(s, number, steps, c=None):
    """Prints the change's record with Chromium --print-to-pdf (JavaScript off) and checks with
    pdftotext that each step shows: its state (by name, or in the history's values), its user (name or
    login) and every word of its texts (comments, log entries, ...). steps: [{'step', 'user', 'state', 'texts'}]."""
    c.proxy.add = dict(s.auth_headers(AUDITOR))
    c.proxy.add['Accept-Language'] = LANG
    path = '/changes/%s/record' % number
    pdf = print_pdf(c, 'http://127.0.0.1:%d%s' % (c.proxy.port, path), 'record-' + number)
    r = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, timeout=60)
    expect(r.returncode == 0, 'pdftotext failed: %r' % r.stderr[-200:])
    text = squash(r.stdout.decode('utf-8', 'replace'))
    expect(number in text, 'the record does not name %s' % number)
    names = dict(db_all(s, 'SELECT login, display_name FROM users'))
    for st in steps:
        what = 'step %s by %s' % (st['step'], st['user'])
        expect(squash(names[st['user']]) in text or st['user'] in text, '%s: the user is not in the record' % what)
        # by name, or in the history's field-by-field values: "state: new", "state: new → assess"
        arrow = squash(CAT[LANG]['audit.arrow'])
        forms = (squash(CAT[LANG]['chg.state.' + st['state']]), 'state:%s' % st['state'], arrow + st['state'])
        expect(any(f in text for f in forms), '%s: the state %s is not in the record' % (what, st['state']))
        for t in st['texts']:
            # word by word: a table cell may wrap a text across lines between other columns
            missing = [w for w in t.split() if squash(w) not in text]
            expect(not missing, '%s: %r is not in the record (missing %r)' % (what, t, missing))
    # the record's verification code is the one "opsplan audit verify --change" confirms
    codes = re.findall(r'\b[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}\b', r.stdout.decode('utf-8', 'replace'))
    expect(codes, 'no verification code in the printed record')
    v = s.cli('audit', 'verify', '--change', number, '--code', codes[-1])
    expect(v.returncode == 0, 'audit verify --change %s --code %s: %s %s' % (number, codes[-1], v.stdout.strip(), v.stderr.strip()))


def t_record(c):
    check_printed_record(c.s, c.number, c.steps, c)


def run():
    c = Ctx()
    c.tmp = tempfile.mkdtemp(prefix='opsplan-walk-')
    c.b = Browser(c.tmp)
    c.s = LoggedStack('sso', env={'OPSPLAN_NOW': NOW})
    c.steps, c.groups, c.proxy = [], [], None

    def on_alarm(signum, frame):
        raise Watchdog('the walk took more than %d s' % SOFT_LIMIT)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(SOFT_LIMIT)
    walk = [
        ('walk.01 create a normal change on /changes/new', REQUESTER, t_create),
        ('walk.02 submit it for assessment', REQUESTER, t_submit),
        ('walk.03 no decision on her own change', REQUESTER, t_requester_cannot_decide),
        ('walk.04 approve technical review from the queue', ASSESSOR, lambda c: approve(c, ASSESSOR, 'authorize')),
        ('walk.05 approve as CAB member 1 of 2', CAB[0], lambda c: approve(c, CAB[0], 'authorize')),
        ('walk.06 approve as CAB member 2 of 2', CAB[1], lambda c: approve(c, CAB[1], 'scheduled')),
        ('walk.07 start the implementation', IMPLEMENTER, t_implement),
        ('walk.08 implementation log entries', IMPLEMENTER, t_log),
        ('walk.09 empty verification result stopped by the browser', IMPLEMENTER, t_review_empty_required),
        ('walk.10 rolled back without rollback fields refused', IMPLEMENTER, t_review_refused),
        ('walk.11 finish with the verification result', IMPLEMENTER, t_review),
        ('walk.12 close with outcome, lessons, successful', CLOSER, t_close),
    ]
    try:
        c.s.start()
        if check('walk.00 browser with JavaScript off', t_browser, c):
            for name, user, fn in walk:
                if not check('%s (%s)' % (name, user), fn, c):
                    break
            else:
                c.proxy = AuthProxy(c.s)
                check('walk.13 audit_log rows of each step with its actor (db)', t_audit_rows, c)
                check('walk.14 /audit filtered to changes shows each step (%s)' % AUDITOR, t_audit_page, c)
                check('walk.15 printed record shows each step (%s)' % AUDITOR, t_record, c)
        check('walk.16 logs clean, opsplan audit verify passes', t_audit_verify, c)
    except Watchdog as e:
        print('FAIL walk.watchdog: %s' % e, flush=True)
        CHECKS.results.append(('walk.watchdog', False))
    finally:
        signal.alarm(0)
        left = c.b.quit()
        if left:
            print('FAIL walk.browser_ended: still alive %r' % left, flush=True)
            CHECKS.results.append(('walk.browser_ended', False))
        if c.proxy:
            c.proxy.stop()
        for pid in c.groups:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
        c.s.stop()
        failed = any(not r for _, r in CHECKS.results)
        if os.environ.get('OPSPLAN_KEEP_TMP') or failed:
            print('# kept %s' % c.tmp)
        else:
            shutil.rmtree(c.tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(CHECKS.main([('walk', run)]))
