#!/usr/bin/env python3
"""test_changecal_print.py - the change calendar's month prints on ONE A4 landscape page, in a real
headless Chromium with JavaScript off (static/print.css, its "Change calendar" part), against a
real stack from tests/web/harness.py at a fixed time (OPSPLAN_NOW), so the demo month is known:
November 2026 with the demo's OS patch (Saturday 22:00 - Sunday 02:00) and the 双十一 freeze.

    python3 tests/browser/test_changecal_print.py [-v] [-k SUBSTRING]

Chromium reaches the stack through the AuthProxy of test_gantt_print.py (nginx's auth_basic would
answer --print-to-pdf with a 401), which is also where the printing (fresh profile, JavaScript
blocked by the content setting) and the pdfinfo/pdftotext helpers come from. pdfinfo checks the
page count and the landscape A4 size, pdftotext the month's title, the freeze mark and the demo
change's number, in Chinese and in English. A few more changes are written into the database first
so the month is not nearly empty. Needs: chromium poppler-utils nginx fonts-wqy-microhei.
"""

import os
import sqlite3
import subprocess
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'web'))
sys.path.insert(0, HERE)
import harness  # noqa: E402
from harness import CAT, expect, short  # noqa: E402
from test_gantt_print import print_pdf, pdf_pages, pdf_texts, squash, t_, PAPER_PT, print_run  # noqa: E402

CHECKS = harness.Checks()
check = CHECKS.check
NOW = '2026-11-25T08:00:00Z'
MONTH = '2026-11'
MANAGER = 'zhang.wei'
SOFT_LIMIT = 200


def add_changes(s, c):
    """Two changes a night on eight weeknights, one of them an emergency, so the month is busy."""
    con = sqlite3.connect(s.db, timeout=10)
    try:
        uid = con.execute("SELECT id FROM users WHERE login = 'li.na'").fetchone()[0]
        n = 0
        for day in (2, 3, 4, 5, 9, 16, 17, 18):
            for start, end in (('21:00', '23:30'), ('23:00', '01:30')):
                n += 1
                d0 = '2026-11-%02d' % day
                d1 = d0 if end > start else '2026-11-%02d' % (day + 1)
                con.execute("INSERT INTO changes (number, title, type, category, state, requester_id, risk_level, outage,"
                            " planned_start, planned_end, created_at, updated_at) VALUES (?, ?, ?, 'database',"
                            " 'scheduled', ?, 'medium', ?, ?, ?, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
                            ('CHG-2026-09%02d' % n, '打印测试变更 %d 号 应用与数据库维护' % n,
                             'emergency' if n == 5 else 'normal', uid, n % 2, d0 + 'T' + start, d1 + 'T' + end))
        con.commit()
    finally:
        con.close()
    # an audited write (a window), so no page cached before these rows is served
    st, h, b = s.post_form('/changes/windows', 'admin', {
        'kind': 'maintenance', 'name': '打印测试窗口', 'start': '2026-11-20T22:00', 'end': '2026-11-21T02:00',
        'repeat': 'none', 'repeat_until': '', 'ci': '', 'note': ''})
    expect(st == 303, 'window: %d %s' % (st, short(b)))
    st, h, b = s.request('GET', '/changes/calendar?view=month&month=%s&format=xml' % MONTH, user=MANAGER)
    expect(st == 200 and b.count(b'number="CHG-2026-09') >= 16, 'the month has the added changes')


def print_month(s, c, lang):
    c.proxy.add = dict(s.auth_headers(MANAGER))
    c.proxy.add['Accept-Language'] = lang
    url = 'http://127.0.0.1:%d/changes/calendar?view=month&month=%s' % (c.proxy.port, MONTH)
    path = print_pdf(c, url, 'changecal-' + lang)
    pages, (w, h) = pdf_pages(path)
    ww, wh = PAPER_PT['a4']
    expect(abs(w - ww) < 2 and abs(h - wh) < 2, 'page size %.1f x %.1f pts, want A4 landscape %.1f x %.1f'
           % (w, h, ww, wh))
    expect(pages == 1, '%s: %d pages, want one' % (lang, pages))
    text = squash(pdf_texts(path, 1)[0])
    patch = c.patch
    # the print font may lack the emoji of the freeze mark: its words, on the legend and the 3 days
    freeze = squash(CAT[lang]['ccal.freeze_day'].replace('\u26d4', ''))
    expect(text.count(freeze) >= 4, '%s: the freeze mark %r printed %d times, want the legend and 3 days'
           % (lang, freeze, text.count(freeze)))
    need = {'the title': squash(t_(lang, 'ccal.title.month', MONTH)),
            'the demo patch %s' % patch: patch, 'the emergency mark': squash(CAT[lang]['ccal.emergency_mark']),
            'the last day': 'CHG-2026-0916'}
    missing = [k for k, v in need.items() if v not in text]
    expect(not missing, '%s: the page lacks %s: %r' % (lang, ', '.join(missing), text[:400]))
    for k in ('ccal.filter', 'ccal.next_month'):
        expect(squash(CAT[lang][k]) not in text, '%s: %s printed' % (lang, k))
    return path


def t_zh(s, c):
    path = print_month(s, c, 'zh-CN')
    png = os.path.join(c.tmp, 'changecal-month')
    r = subprocess.run(['pdftoppm', '-png', '-r', '70', '-singlefile', path, png], capture_output=True, timeout=60)
    expect(r.returncode == 0 and os.path.getsize(png + '.png') > 10000, 'pdftoppm: %s' % r.stderr[-200:])
    c.keep.append(png + '.png')


def t_en(s, c):
    print_month(s, c, 'en')


def run():
    def body(s, c):
        con = sqlite3.connect('file:%s?mode=ro' % s.db, uri=True)
        c.patch = con.execute("SELECT number FROM changes WHERE type = 'standard' AND planned_start LIKE ?",
                              (MONTH + '%',)).fetchone()[0]
        con.close()
        if check('changecal_print.busy_month', add_changes, s, c):
            check('changecal_print.month_one_a4_landscape_page_zh', t_zh, s, c)
            check('changecal_print.month_one_a4_landscape_page_en', t_en, s, c)
    print_run('changecal_print', CHECKS, body, SOFT_LIMIT, NOW)


if __name__ == '__main__':
    sys.exit(CHECKS.main([('changecal_print', run)]))
