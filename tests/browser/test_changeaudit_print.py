#!/usr/bin/env python3
"""test_changeaudit_print.py - the change audit report prints (static/print.css, its "Change audit
reports" part) in a real headless Chromium with JavaScript off, against a real stack from
tests/web/harness.py at a fixed time (OPSPLAN_NOW): the PDF (pdftotext) has the title, the five
sections with the demo's changes and "none" for the empty ones, and neither the period form nor the
links between the reports, in Chinese and in English.

    python3 tests/browser/test_changeaudit_print.py [-v] [-k SUBSTRING]

Printing, the AuthProxy and the PDF helpers come from test_gantt_print.py. Needs: chromium
poppler-utils nginx fonts-wqy-microhei.
"""

import os
import sqlite3
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'web'))
sys.path.insert(0, HERE)
import harness  # noqa: E402
from harness import CAT, expect  # noqa: E402
from test_gantt_print import print_pdf, pdf_pages, pdf_texts, squash, t_, print_run  # noqa: E402

CHECKS = harness.Checks()
NOW = '2026-11-25T08:00:00Z'
AUDITOR = 'auditor'
SOFT_LIMIT = 200


def print_report(s, c, lang):
    c.proxy.add = dict(s.auth_headers(AUDITOR))
    c.proxy.add['Accept-Language'] = lang
    url = 'http://127.0.0.1:%d/changes/audit?from=2026-11-01&to=2026-11-30' % c.proxy.port
    path = print_pdf(c, url, 'changeaudit-' + lang)
    pages, _ = pdf_pages(path)
    expect(1 <= pages <= 4, '%s: %d pages' % (lang, pages))
    text = squash(' '.join(pdf_texts(path, pages)))
    need = {'the title': squash(t_(lang, 'caud.title.audit', '2026-11-01', '2026-11-30')),
            'none': squash(CAT[lang]['caud.none'])}
    for k in ('changes', 'emergency', 'failed', 'early', 'self'):
        need['section ' + k] = squash(CAT[lang]['caud.sec.' + k].split('{1}')[0])
    for n in c.numbers:
        need[n] = n
    missing = [k for k, v in need.items() if v not in text]
    expect(not missing, '%s: the PDF lacks %s: %r' % (lang, ', '.join(missing), text[:400]))
    for k in ('caud.to', 'caud.prev', 'caud.link.kpi', 'caud.csv'):
        expect(squash(CAT[lang][k]) not in text, '%s: %s printed' % (lang, k))


def run():
    def body(s, c):
        con = sqlite3.connect('file:%s?mode=ro' % s.db, uri=True)
        c.numbers = [r[0] for r in con.execute('SELECT number FROM changes ORDER BY number')]
        con.close()
        expect(c.numbers, 'no demo changes')
        CHECKS.check('changeaudit_print.zh', print_report, s, c, 'zh-CN')
        CHECKS.check('changeaudit_print.en', print_report, s, c, 'en')
    print_run('changeaudit_print', CHECKS, body, SOFT_LIMIT, NOW)


if __name__ == '__main__':
    sys.exit(CHECKS.main([('changeaudit_print', run)]))
