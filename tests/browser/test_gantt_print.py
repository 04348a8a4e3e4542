#!/usr/bin/env python3
"""test_gantt_print.py - the print view of the Gantt chart (GET /projects/CODE/gantt/print), in a
real headless Chromium with JavaScript off, against a real stack from tests/web/harness.py.

    python3 tests/browser/test_gantt_print.py [-v] [-k SUBSTRING]
    OPSPLAN_BIN=build/asan/opsplan python3 tests/browser/test_gantt_print.py

A 300-task project (a CSV import through the web form, with links and a saved baseline) is
printed with `chromium --headless --print-to-pdf` on A3 and on A4 landscape, and pdfinfo and
pdftotext (poppler-utils) check every page of the PDF: the paper size, the page count the model
promised (more than one), and on EVERY page the task-name column's header, time-scale labels of
that page's slice, "第 x/y 页" (or "Page x of y") with the right x and y, the project code, the
compared baseline and the print time. The model (?format=xml) is checked too: pages = row blocks x
time slices, the rows of each page, the sizes; a bad paper is a 400 naming the field, an unknown
project a 404, an auditor may view it, and the project page links A3 and A4.

How Chromium gets in: the stack uses nginx's auth_basic, and `--print-to-pdf` on a URL that is
answered with a 401 challenge writes no PDF at all, so the browser talks to a small loopback
proxy of this test that adds the Authorization header (and, for the English run, the
Accept-Language header) and passes everything on to nginx unchanged. JavaScript is switched off
the way test_browser.py does it, by the content-settings preference (here written into the
profile's Preferences file, as no chromedriver is involved); t_javascript_off proves it is off.
`--disable-javascript` is not a Chromium switch and `--blink-settings=scriptEnabled=false` makes
headless printing write nothing, so neither is used.

Each Chromium run has its own process group and profile in a temporary directory; the group is
killed after the run. Prints "ok NAME" / "FAIL NAME: why" per check; exit status 1 on a failure.
Needs: apt-get install chromium poppler-utils nginx fonts-wqy-microhei (the CJK glyphs).
"""

import csv
import datetime
import http.client
import http.server
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import urllib.parse
import uuid
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'web'))
import harness  # noqa: E402
from harness import Stack, CAT, Fail, expect, short, location  # noqa: E402

CHECKS = harness.Checks()
check = CHECKS.check

NOW = '2026-11-25T08:00:00Z'
CODE = 'PRINT-300'
NAME = '打印测试 300 个任务 Print test'
MANAGER, AUDITOR = 'zhang.wei', 'auditor'
N_TASKS = 300
SOFT_LIMIT = 240      # s: SIGALRM ends the run (the cleanup still runs)
# landscape sheets in PostScript points (1/72 in): A3 420 x 297 mm, A4 297 x 210 mm
PAPER_PT = {'a3': (1190.55, 841.89), 'a4': (841.89, 595.28)}


class Watchdog(BaseException):
    pass


def squash(t):
    """Text without any white space: pdftotext may break or space a line differently."""
    return re.sub(r'\s+', '', t)


def t_(lang, key, *args):
    """A catalog message with its {n} filled in."""
    m = CAT[lang][key]
    for i, a in enumerate(args, 1):
        m = m.replace('{%d}' % i, str(a))
    return m


# ---------------------------------------------------------------------------------------------
# the project: 30 phases of 9 tasks each (300 rows), over about ten months, with FS links

def plan_csv():
    start = datetime.date(2026, 12, 1)
    rows = [['WBS', '任务名称', '负责人', '估算工时', '计划开始', '计划完成', '前置任务']]
    for i in range(1, 31):
        rows.append([str(i), '第%d阶段 机房与网络割接' % i, '', '', '', '', ''])
        for j in range(1, 10):
            s = start + datetime.timedelta(days=(i - 1) * 10 + j)
            f = s + datetime.timedelta(days=j % 4)
            pred = '%d.%d' % (i, j - 1) if j > 1 else ''
            rows.append(['%d.%d' % (i, j), '任务%d.%d 主机“%d号”迁移与验证' % (i, j, j), 'li.na', str(4 + j),
                         s.isoformat(), f.isoformat(), pred])
    assert len(rows) == 1 + N_TASKS
    out = io.StringIO()
    csv.writer(out, lineterminator='\r\n').writerows(rows)
    return b'\xef\xbb\xbf' + out.getvalue().encode('utf-8')


def token(s, user):
    st, h, b = s.request('GET', '/profile?format=xml', user=user)
    expect(st == 200, 'GET /profile?format=xml: %d' % st)
    return ET.fromstring(b).find('meta').get('csrf')


def build_project(s, c):
    st, h, b = s.post_form('/projects', MANAGER, {
        'code': CODE, 'name': NAME, 'description': '', 'manager': MANAGER, 'category': 'migration',
        'planned_start': '2026-12-01', 'planned_finish': '2027-09-30', 'status': 'active'})
    expect(st == 303, 'POST /projects: %d %s' % (st, short(b)))
    bnd = 'opsplan-' + uuid.uuid4().hex
    body = ('--%s\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n%s\r\n' % (bnd, token(s, MANAGER))).encode()
    body += ('--%s\r\nContent-Disposition: form-data; name="file"; filename="plan.csv"\r\n'
             'Content-Type: text/csv\r\n\r\n' % bnd).encode() + plan_csv() + ('\r\n--%s--\r\n' % bnd).encode()
    st, h, b = s.request('POST', '/projects/%s/import' % CODE, user=MANAGER,
                         headers={'Content-Type': 'multipart/form-data; boundary=' + bnd}, body=body)
    expect(st == 303, 'import: %d %s' % (st, short(b, 600)))
    st, h, b = s.post_form('/projects/%s/baselines' % CODE, MANAGER, {'name': '批准的计划 v1'})
    expect(st == 303 and 'baseline=' in location(h), 'save a baseline: %d %r' % (st, location(h)))
    c.bid = location(h).split('baseline=')[1].split('&')[0]
    st, h, b = s.request('GET', '/projects/%s?format=xml' % CODE, user=MANAGER)
    n = len(ET.fromstring(b).findall('project/tasks/task'))
    expect(n == N_TASKS, '%d tasks after the import, want %d' % (n, N_TASKS))


# ---------------------------------------------------------------------------------------------
# the model and the web page

def model(s, query, user=MANAGER, lang=None):
    h = {'Accept-Language': lang} if lang else None
    st, hd, b = s.request('GET', '/projects/%s/gantt/print?%s&format=xml' % (CODE, query), user=user, headers=h)
    expect(st == 200, 'print model %s: %d %s' % (query, st, short(b)))
    g = ET.fromstring(b).find('gantt-print')
    expect(g is not None, 'no gantt-print element')
    return g


def t_model(s, c):
    for paper in ('a3', 'a4'):
        g = model(s, 'paper=%s&scale=week&baseline=%s&blank=1' % (paper, c.bid))
        sheets = g.findall('sheet')
        pages, per, slices = int(g.get('pages')), int(g.get('rows-per-page')), int(g.get('slices'))
        blocks = -(-N_TASKS // per)
        expect(len(sheets) == pages == blocks * slices and pages > 1,
               '%s: %d sheets, pages=%s, %d row blocks x %d slices' % (paper, len(sheets), pages, blocks, slices))
        expect(slices > 1, '%s: the ten-month plan fits one slice at the week scale?' % paper)
        expect(g.get('paper') == paper and g.get('baseline') == c.bid and g.get('baseline-name') == '批准的计划 v1',
               'attributes %r' % dict(g.attrib))
        c.grid[paper] = g
        c.model[paper] = model(s, 'paper=%s&scale=week&baseline=%s' % (paper, c.bid))   # what is printed
        rows = []
        for i, sh in enumerate(sheets):
            ch = sh.find('gantt')
            tasks = ch.findall('task')
            expect(int(sh.get('n')) == i + 1, 'sheet %d numbered %s' % (i + 1, sh.get('n')))
            expect(0 < len(tasks) <= per, 'sheet %d has %d rows (per page %d)' % (i + 1, len(tasks), per))
            expect(ch.findall('tick') and ch.findall('col'), 'sheet %d without a time scale' % (i + 1))
            expect(ch.find('col').get('date') == sh.get('start') and ch.findall('col')[-1].get('date') == sh.get('end'),
                   'sheet %d: columns %s..%s, sheet %s..%s' % (i + 1, ch.find('col').get('date'),
                                                             ch.findall('col')[-1].get('date'), sh.get('start'), sh.get('end')))
            expect([int(t.get('row')) for t in tasks] == list(range(len(tasks))), 'sheet %d: rows not from 0' % (i + 1))
            # the chart fits the sheet's printable width (10 mm margins), in CSS pixels
            expect(int(ch.get('width')) <= (PAPER_PT[paper][0] / 72 * 25.4 - 20) * 96 / 25.4,
                   'sheet %d is %s px wide' % (i + 1, ch.get('width')))
            if sh.get('slice') == '1':
                rows += [t.get('wbs') for t in tasks]
            # every slice of a row block shows the same rows
            first = sheets[(i // slices) * slices].find('gantt').findall('task')
            expect([t.get('id') for t in tasks] == [t.get('id') for t in first], 'sheet %d: other rows than its block' % (i + 1))
        expect(len(rows) == N_TASKS and rows[0] == '1' and rows[-1] == '30.9', 'rows over the pages: %d' % len(rows))
        # the slices tile the span: each starts the day after the previous ends
        ends = [(sh.get('start'), sh.get('end')) for sh in sheets[:slices]]
        for (a, b), (a2, b2) in zip(ends, ends[1:]):
            nxt = (datetime.date.fromisoformat(b) + datetime.timedelta(days=1)).isoformat()
            expect(a2 == nxt, 'slices %s..%s then %s..%s' % (a, b, a2, b2))
    expect(int(c.model['a4'].get('rows-per-page')) < int(c.model['a3'].get('rows-per-page')),
           'A4 holds as many rows as A3')


def t_blank_pages_left_out(s, c):
    """Without blank=1 a sheet with nothing drawn in its days is left out (a staircase plan's
    corners): fewer pages than the grid, numbered 1..n, each row still printed, and each sheet
    either draws a bar or a baseline bar in its days or is its row block's only sheet."""
    grid = c.grid['a3']
    g = c.model['a3']
    sheets = g.findall('sheet')
    expect(g.get('blank') == '0' and int(g.get('pages')) == len(sheets) < len(grid.findall('sheet')),
           'pages %s of a grid of %d' % (g.get('pages'), len(grid.findall('sheet'))))
    expect([int(sh.get('n')) for sh in sheets] == list(range(1, len(sheets) + 1)), 'numbering has gaps')
    seen, per_block = set(), {}
    for sh in sheets:
        ch = sh.find('gantt')
        lo, hi, width = sh.get('start'), sh.get('end'), int(ch.get('width'))
        tasks = ch.findall('task')
        seen.update(t.get('wbs') for t in tasks)
        per_block[sh.get('block')] = per_block.get(sh.get('block'), 0) + 1
        drawn = any((t.get('start') and t.get('start') <= hi and (t.get('finish') or t.get('start')) >= lo) or
                    (t.get('has-base') == '1' and int(t.get('base-x')) + max(int(t.get('base-w')), 1) > 0
                     and int(t.get('base-x')) < width) for t in tasks)
        expect(drawn or per_block[sh.get('block')] == 1, 'sheet %s (%s..%s) is blank' % (sh.get('n'), lo, hi))
    expect(len(seen) == N_TASKS, 'rows printed: %d of %d' % (len(seen), N_TASKS))
    st, h, b = s.request('GET', '/projects/%s/gantt/print?blank=yes' % CODE, user=MANAGER)
    expect(st == 400, 'blank=yes: %d' % st)
    st, h, body = s.request('GET', '/projects/%s/gantt/print?paper=a3' % CODE, user=MANAGER)
    expect(st == 200 and b'blank=1' in body, 'no link to the whole grid')


def t_bad_input(s, c):
    st, h, b = s.request('GET', '/projects/%s/gantt/print?paper=letter' % CODE, user=MANAGER)
    expect(st == 400 and b'<code>paper</code>' in b, 'paper=letter: %d %s' % (st, short(b)))
    st, h, b = s.request('GET', '/projects/%s/gantt/print?paper=a3&format=xml&scale=fortnight' % CODE, user=MANAGER)
    e = ET.fromstring(b).find('error')
    expect(st == 400 and e is not None and e.get('field') == 'scale', 'scale=fortnight: %d %s' % (st, short(b)))
    st, h, b = s.request('GET', '/projects/NO-SUCH/gantt/print?paper=a3', user=MANAGER)
    expect(st == 404, 'an unknown project: %d' % st)
    st, h, b = s.request('GET', '/projects/%s/gantt/print?paper=a4&scale=day' % CODE, user=AUDITOR)
    expect(st == 200 and b'<svg' in b, 'the auditor: %d' % st)


def t_project_links(s, c):
    st, h, b = s.request('GET', '/projects/%s?scale=month&baseline=%s' % (CODE, c.bid), user=AUDITOR)
    page = b.decode()
    for paper in ('a3', 'a4'):
        href = '/projects/%s/gantt/print?paper=%s&amp;scale=month&amp;baseline=%s' % (CODE, paper, c.bid)
        expect(href in page, 'no link %s on the project page' % href)
        expect(t_('zh-CN', 'gantt.print.' + paper) in page, 'no link text for %s' % paper)


def t_html_page(s, c):
    """The page itself: one section per sheet, each with an inline SVG, and no inline style."""
    st, h, b = s.request('GET', '/projects/%s/gantt/print?paper=a3&baseline=%s' % (CODE, c.bid), user=MANAGER)
    page = b.decode()
    n = int(c.model['a3'].get('pages'))
    expect(st == 200 and page.count('<section class="sheet"') == n and page.count('<svg ') == n,
           '%d: %d sheets, %d svg, want %d' % (st, page.count('<section class="sheet"'), page.count('<svg '), n))
    expect(not re.search(r'\sstyle=|<script|<style', page), 'inline style or script in the page')
    ids = re.findall(r'\sid="([^"]+)"', page)
    expect(len(ids) == len(set(ids)), 'duplicate ids: %r' % sorted({i for i in ids if ids.count(i) > 1})[:5])
    csp = dict((k.lower(), v) for k, v in h).get('content-security-policy', '')
    expect("'unsafe-inline'" not in csp and csp, 'CSP %r' % csp)


# ---------------------------------------------------------------------------------------------
# the browser

class AuthProxy:
    """A loopback HTTP proxy in front of nginx that adds headers (Authorization, ...) to every
    request; everything else goes through unchanged."""

    def __init__(self, stack):
        self.stack = stack
        self.add = {}
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = 'HTTP/1.1'

            def log_message(self, fmt, *args):
                pass

            def do_GET(self):
                h = {k: v for k, v in self.headers.items()
                     if k.lower() not in ('connection', 'keep-alive', 'proxy-connection')}
                h.update(proxy.add)
                conn = http.client.HTTPConnection('127.0.0.1', proxy.stack.port, timeout=60)
                try:
                    conn.request('GET', self.path, headers=h)
                    r = conn.getresponse()
                    body = r.read()
                finally:
                    conn.close()
                self.send_response(r.status)
                for k, v in r.getheaders():
                    if k.lower() not in ('connection', 'transfer-encoding', 'content-length', 'keep-alive'):
                        self.send_header(k, v)
                self.send_header('Content-Length', str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def chromium_binary():
    for p in (os.environ.get('OPSPLAN_CHROMIUM'), '/usr/lib/chromium/chromium', '/usr/bin/chromium'):
        if p and os.access(p, os.X_OK):
            return p
    raise Fail('chromium missing (apt-get install chromium)')


def print_pdf(c, url, name):
    """Prints url to c.tmp/name.pdf with a fresh profile in which JavaScript is off; returns the
    path. The Chromium processes (one process group) are killed afterwards."""
    out = os.path.join(c.tmp, name + '.pdf')
    home = tempfile.mkdtemp(prefix='home-', dir=c.tmp)
    prof = os.path.join(home, 'profile')
    os.makedirs(os.path.join(prof, 'Default'))
    with open(os.path.join(prof, 'Default', 'Preferences'), 'w') as f:
        # 2 = block: the setting test_browser.py gives through chromedriver
        json.dump({'profile': {'managed_default_content_settings': {'javascript': 2},
                               'default_content_setting_values': {'javascript': 2}}}, f)
    args = [chromium_binary(), '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
            '--disable-dev-shm-usage', '--no-proxy-server', '--user-data-dir=' + prof, '--lang=zh-CN',
            '--no-pdf-header-footer', '--print-to-pdf=' + out, url]
    with open(os.path.join(c.tmp, name + '.log'), 'wb') as log:
        p = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                             env=dict(os.environ, HOME=home), start_new_session=True)
        c.groups.append(p.pid)
        try:
            p.wait(timeout=120)
        except subprocess.TimeoutExpired:
            pass
        finally:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except OSError:
                pass
            p.wait()
    expect(os.path.exists(out) and os.path.getsize(out) > 0, 'Chromium wrote no PDF for %s' % url)
    return out


def pdf_pages(path):
    r = subprocess.run(['pdfinfo', path], capture_output=True, text=True, timeout=30)
    expect(r.returncode == 0, 'pdfinfo: %s' % r.stderr)
    info = dict((k.strip(), v.strip()) for k, _, v in (l.partition(':') for l in r.stdout.splitlines()))
    m = re.match(r'([\d.]+) x ([\d.]+) pts', info.get('Page size', ''))
    expect(m, 'pdfinfo: no page size %r' % info)
    return int(info['Pages']), (float(m.group(1)), float(m.group(2)))


def pdf_texts(path, pages):
    r = subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True, timeout=60)
    expect(r.returncode == 0, 'pdftotext failed')
    texts = r.stdout.decode('utf-8', 'replace').split('\f')
    expect(len(texts) >= pages, 'pdftotext gave %d pages' % len(texts))
    return texts[:pages]


def t_javascript_off(s, c):
    page = ('data:text/html;charset=utf-8,' + urllib.parse.quote(
        '<!DOCTYPE html><p id="x">static</p><script>document.getElementById("x").textContent="SCRIPT-RAN"</script>'
        '<noscript><p>NOSCRIPT-SHOWN</p></noscript>'))
    text = pdf_texts(print_pdf(c, page, 'nojs'), 1)[0]
    expect('NOSCRIPT-SHOWN' in text and 'SCRIPT-RAN' not in text, 'JavaScript ran: %r' % text[:200])


def check_pdf(s, c, paper, lang, query):
    """Prints the view and checks every page against the model."""
    g = c.model[paper] if lang == 'zh-CN' else model(s, query, lang=lang)
    c.proxy.add = dict(s.auth_headers(MANAGER))
    c.proxy.add['Accept-Language'] = lang
    url = 'http://127.0.0.1:%d/projects/%s/gantt/print?%s' % (c.proxy.port, CODE, query)
    path = print_pdf(c, url, '%s-%s' % (paper, lang))
    c.pdfs[(paper, lang)] = path
    pages, (w, h) = pdf_pages(path)
    want = int(g.get('pages'))
    ww, wh = PAPER_PT[paper]
    expect(abs(w - ww) < 2 and abs(h - wh) < 2, '%s page size %.1f x %.1f pts, want %.1f x %.1f (landscape)'
           % (paper, w, h, ww, wh))
    expect(pages == want and pages > 1, '%s: %d PDF pages, the model has %d' % (paper, pages, want))
    texts = pdf_texts(path, pages)
    col = squash(t_(lang, 'gantt.col_task'))
    printed = squash(t_(lang, 'gantt.print.time', ''))
    base = squash(t_(lang, 'gantt.print.baseline', '批准的计划 v1', c.bid))
    for i, (text, sh) in enumerate(zip(texts, g.findall('sheet')), 1):
        t = squash(text)
        ticks = [squash(k.get('label')) for k in sh.find('gantt').findall('tick')]
        rows = sh.find('gantt').findall('task')
        need = {
            'the name column': col,
            'page %d/%d' % (i, pages): squash(t_(lang, 'gantt.print.page', i, pages)),
            'the project code': CODE,
            'the baseline': base,
            'the print time': printed,
            'the first tick label %s' % ticks[0]: ticks[0],
            'the last tick label %s' % ticks[-1]: ticks[-1],
            'the first row %s' % rows[0].get('wbs'): squash(rows[0].get('wbs') + ' ' + rows[0].get('name'))[:12],
        }
        missing = [k for k, v in need.items() if v not in t]
        expect(not missing, '%s page %d lacks %s: %r' % (paper, i, ', '.join(missing), text[:300]))
        # no other page's number on this page
        others = [j for j in range(1, pages + 1) if j != i and squash(t_(lang, 'gantt.print.page', j, pages)) in t]
        expect(not others, '%s page %d also says page %r' % (paper, i, others))


def t_pdf_a3(s, c):
    check_pdf(s, c, 'a3', 'zh-CN', 'paper=a3&scale=week&baseline=%s' % c.bid)
    # a picture of the first page to look at (pdftoppm)
    png = os.path.join(c.tmp, 'a3-page1')
    r = subprocess.run(['pdftoppm', '-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile',
                        c.pdfs[('a3', 'zh-CN')], png], capture_output=True, timeout=60)
    expect(r.returncode == 0 and os.path.getsize(png + '.png') > 10000, 'pdftoppm: %s' % r.stderr[-200:])
    c.keep.append(png + '.png')


def t_pdf_a4(s, c):
    check_pdf(s, c, 'a4', 'zh-CN', 'paper=a4&scale=week&baseline=%s' % c.bid)


def t_pdf_a4_en(s, c):
    check_pdf(s, c, 'a4', 'en', 'paper=a4&scale=month&baseline=%s' % c.bid)


class Ctx:
    pass


def print_run(name, checks, body, soft_limit=SOFT_LIMIT, now=NOW):
    """Runs body(s, c) on a basic stack at the time now with an AuthProxy (c.proxy) and a
    temporary folder (c.tmp) under a watchdog of soft_limit seconds, then stops the proxy and any
    browser left (c.groups) and removes the folder, unless OPSPLAN_KEEP_TMP is set or a check
    failed; c.keep lists page pictures to keep. Returns c."""
    c = Ctx()
    c.groups, c.keep, c.proxy = [], [], None
    c.tmp = tempfile.mkdtemp(prefix='opsplan-%s-' % name)

    def on_alarm(signum, frame):
        raise Watchdog('the run took more than %d s' % soft_limit)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(soft_limit)
    try:
        with Stack('basic', env={'OPSPLAN_NOW': now}) as s:
            c.proxy = AuthProxy(s)
            body(s, c)
    except Watchdog as e:
        print('FAIL %s.watchdog: %s' % (name, e), flush=True)
        checks.results.append(('%s.watchdog' % name, False))
    finally:
        signal.alarm(0)
        if c.proxy:
            c.proxy.stop()
        for pid in c.groups:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
        if os.environ.get('OPSPLAN_KEEP_TMP') or any(not r for _, r in checks.results):
            print('# kept %s' % c.tmp)
        else:
            for p in c.keep:
                dst = os.path.join(tempfile.gettempdir(), 'opsplan-' + os.path.basename(p))
                shutil.copy(p, dst)
                print('# page picture: %s' % dst)
            shutil.rmtree(c.tmp, ignore_errors=True)
    return c


def run():
    def body(s, c):
        c.model, c.grid, c.pdfs = {}, {}, {}
        if check('print.project_of_300_tasks', build_project, s, c):
            check('print.model_pages_rows_slices', t_model, s, c)
            if c.grid.get('a3') is not None:
                check('print.blank_pages_left_out', t_blank_pages_left_out, s, c)
            check('print.bad_paper_400_unknown_404_auditor', t_bad_input, s, c)
            check('print.project_page_links', t_project_links, s, c)
            if c.model.get('a3') is not None:
                check('print.html_sheets_inline_svg', t_html_page, s, c)
            check('print.browser_javascript_off', t_javascript_off, s, c)
            if c.model.get('a3') is not None and c.model.get('a4') is not None:
                check('print.pdf_a3_landscape_every_page', t_pdf_a3, s, c)
                check('print.pdf_a4_landscape_every_page', t_pdf_a4, s, c)
                check('print.pdf_a4_english_month', t_pdf_a4_en, s, c)
    print_run('print', CHECKS, body)
    if not CHECKS.results:
        raise RuntimeError('the run stopped before any check')


if __name__ == '__main__':
    sys.exit(CHECKS.main([('print', run)]))
