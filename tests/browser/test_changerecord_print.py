#!/usr/bin/env python3
"""test_changerecord_print.py - the printable change record (GET /changes/NUMBER/record) in a real
headless Chromium with JavaScript off (static/print.css, its "Change record" part), against a real
stack from tests/web/harness.py at a fixed time (OPSPLAN_NOW).

    python3 tests/browser/test_changerecord_print.py [-v] [-k SUBSTRING]

The demo's emergency change (approved on the bridge call, implemented with a log, reviewed and
closed) prints as exactly ONE A4 portrait page (pdfinfo: 595 x 842 pt, Pages: 1) in Chinese and in
English; pdftotext finds its number, every approver's decision and comment, and the verification
code, and `opsplan audit verify --change N --code CODE` with the code READ FROM THE PDF exits 0.
A long change (a new change taken to implement with 60 log entries) prints as several A4 portrait
pages, each with the change's number in its running head and its page number, the code on the
last. Chromium reaches the stack through the AuthProxy of test_gantt_print.py, which is also where
the printing and the pdfinfo/pdftotext helpers come from.
Needs: chromium poppler-utils nginx fonts-wqy-microhei.
"""

import os
import re
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'web'))
sys.path.insert(0, HERE)
import harness  # noqa: E402
from harness import CAT, expect, short, location, db_all, db_one  # noqa: E402
from test_gantt_print import print_pdf, pdf_pages, pdf_texts, squash, print_run  # noqa: E402

CHECKS = harness.Checks()
check = CHECKS.check
NOW = '2026-11-25T08:00:00Z'
AUDITOR, ENGINEER, MANAGER = 'auditor', 'li.na', 'zhang.wei'
A4 = (595.28, 841.89)     # portrait, PostScript points
SOFT_LIMIT = 240
CODE_RE = re.compile(r'[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}')


def print_record(s, c, number, lang, name):
    c.proxy.add = dict(s.auth_headers(AUDITOR))
    c.proxy.add['Accept-Language'] = lang
    path = print_pdf(c, 'http://127.0.0.1:%d/changes/%s/record' % (c.proxy.port, number), name)
    pages, (w, h) = pdf_pages(path)
    expect(abs(w - A4[0]) < 2 and abs(h - A4[1]) < 2, '%s: page size %.1f x %.1f pts, want A4 portrait' % (name, w, h))
    return path, pages


def code_of(text):
    """The verification code as printed after the seal's label (the last one on the page)."""
    codes = CODE_RE.findall(text)
    expect(codes, 'no verification code in the text: %r' % text[-400:])
    return codes[-1]


def typical(s, c, lang):
    n = c.closed
    path, pages = print_record(s, c, n, lang, 'record-' + lang)
    expect(pages == 1, '%s: %s printed on %d pages, want one' % (lang, n, pages))
    text = squash(pdf_texts(path, 1)[0])
    decisions = db_all(s, 'SELECT u.display_name, a.comment FROM approvals a JOIN users u ON u.id = a.approver_id'
                          ' JOIN changes c ON c.id = a.change_id WHERE c.number = ? ORDER BY a.id', n)
    expect(decisions, 'the demo change %s has no decisions' % n)
    need = {'the number': n, 'the seal': squash(CAT[lang]['rec.seal']),
            'the approvals heading': squash(CAT[lang]['rec.approvals']),
            'the approved decision': squash(CAT[lang]['dec.decision.approved'])}
    for name, comment in decisions:
        need['approver ' + name] = squash(name)
        need['comment ' + comment] = squash(comment)
    missing = [k for k, v in need.items() if v not in text]
    expect(not missing, '%s: the PDF lacks %s' % (lang, ', '.join(missing)))
    code = code_of(text)
    r = s.cli('audit', 'verify', '--change', n, '--code', code)
    expect(r.returncode == 0, '%s: verify --code %s from the PDF: %d %s %s' % (lang, code, r.returncode, r.stdout, r.stderr))
    r = s.cli('audit', 'verify', '--change', n)
    expect(('code %s' % code) in r.stdout, 'the CLI code differs from the PDF %s: %s' % (code, r.stdout))


def t_zh(s, c):
    typical(s, c, 'zh-CN')


def t_en(s, c):
    typical(s, c, 'en')


def long_change(s, c):
    """A new change taken to implement by the demo flow with 60 log entries: several pages, the
    number in every page's running head, the page numbers, the code on the last page."""
    st, h, b = harness.post(s, '/changes', ENGINEER, {
        'title': '长记录打印测试 Long record print test', 'type': 'standard', 'standard': 'STD-OS-PATCH',
        'category': 'os', 'implementer': ENGINEER, 'planned_start': '2027-03-09T22:00',
        'planned_end': '2027-03-10T02:00', 'cis': 'SRV-APP-01'})
    expect(st == 303, 'create: %d %s' % (st, short(b)))
    n = location(h).split('/')[-1].split('?')[0]
    for to in ('scheduled', 'implement'):
        st, h, b = harness.post(s, '/changes/%s/transition' % n, ENGINEER, {'to': to})
        expect(st == 303, '%s → %s: %d %s' % (n, to, st, short(b)))
    for i in range(60):
        st, h, b = harness.post(s, '/changes/%s/log' % n, ENGINEER, {
            'entry': '第 %d 步：检查节点状态并记录结果。Step %d: checked the node and noted the result.' % (i + 1, i + 1)})
        expect(st == 303, 'log %d: %d %s' % (i, st, short(b)))
    path, pages = print_record(s, c, n, 'en', 'record-long')
    expect(pages >= 3, '%s printed on %d pages, want several' % (n, pages))
    texts = [squash(t) for t in pdf_texts(path, pages)]
    for i, t in enumerate(texts):
        expect(squash(CAT['en']['rec.running'].replace('{1}', n)) in t, 'page %d lacks the running head with %s' % (i + 1, n))
        expect('%d/%d' % (i + 1, pages) in t, 'page %d lacks its number %d/%d' % (i + 1, i + 1, pages))
    code = db_one(s, "SELECT upper(substr(row_hash, 1, 12)) FROM audit_log WHERE entity = 'change' AND entity_id = ?"
                     " ORDER BY id DESC LIMIT 1", n)
    code = '%s-%s-%s' % (code[:4], code[4:8], code[8:])
    expect(code in texts[-1], 'the last page lacks the code %s' % code)
    for i in range(60):
        expect(any(('Step%d:' % (i + 1)) in t for t in texts), 'log entry %d missing from the PDF' % (i + 1))


def run():
    def body(s, c):
        c.closed = db_one(s, "SELECT number FROM changes WHERE state = 'closed' AND type = 'emergency'")
        check('changerecord_print.typical_one_a4_portrait_page_zh', t_zh, s, c)
        check('changerecord_print.typical_one_a4_portrait_page_en', t_en, s, c)
        check('changerecord_print.long_change_several_pages_with_head', long_change, s, c)
    print_run('changerecord_print', CHECKS, body, SOFT_LIMIT, NOW)


if __name__ == '__main__':
    sys.exit(CHECKS.main([('changerecord_print', run)]))
