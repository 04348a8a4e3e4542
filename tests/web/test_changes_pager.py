#!/usr/bin/env python3
"""test_changes_pager.py - the change list's pages: 100 changes a page newest first, the pager's
links keeping the filter, the total counting every page, bad page numbers refused naming the
field, and the CSV complete whatever the page. The demo database plus 250 changes written by
make bench's generator (tests/bench_changes.py: straight into the database, with a valid audit
chain). One basic-mode stack (harness.py: real nginx + "opsplan serve" + SQLite).

    python3 tests/web/test_changes_pager.py [-k SUBSTRING] [-v]
"""

import os
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import harness  # noqa: E402
import bench_changes  # noqa: E402
from harness import Stack, expect, short, xml_root, db_all, db_one, html_page_ok, logs_clean  # noqa: E402

CHECKS = harness.Checks()
AUDITOR, ENGINEER = 'auditor', 'li.na'


def listed(s, query, user=AUDITOR):
    st, h, b = s.request('GET', '/changes?format=xml' + ('&' + query if query else ''), user=user)
    expect(st == 200, '%s: %d %s' % (query, st, short(b)))
    ch = xml_root(b, query).find('changes')
    return ch, [c.get('number') for c in ch.findall('change')]


def t_pages(s):
    want = [r[0] for r in db_all(s, 'SELECT number FROM changes ORDER BY id DESC')]
    expect(len(want) == 253, 'changes: %d' % len(want))
    seen = []
    for page in (1, 2, 3):
        ch, nums = listed(s, '' if page == 1 else 'page=%d' % page)
        expect((ch.get('total'), ch.get('page'), ch.get('pages')) == ('253', str(page), '3'),
               'page %d: total/page/pages %r' % (page, (ch.get('total'), ch.get('page'), ch.get('pages'))))
        expect(len(nums) == (100 if page < 3 else 53), 'page %d: %d rows' % (page, len(nums)))
        seen += nums
    expect(seen == want, 'the pages are not every change newest first, once each')
    ch, nums = listed(s, 'page=4')
    expect(nums == [] and ch.get('total') == '253', 'a page past the end: %r' % nums[:3])


def t_filtered_pages(s):
    closed = [r[0] for r in db_all(s, "SELECT number FROM changes WHERE state = 'closed' ORDER BY id DESC")]
    expect(len(closed) > 100, 'closed changes: %d' % len(closed))
    ch, p1 = listed(s, 'state=closed')
    ch2, p2 = listed(s, 'state=closed&page=2')
    expect(ch.get('total') == str(len(closed)) and p1 + p2 == closed[:len(p1) + len(p2)] and len(p1) == 100,
           'filtered pages: total %s, %d + %d rows' % (ch.get('total'), len(p1), len(p2)))
    expect(ch.get('query') == 'state=closed', 'query %r' % ch.get('query'))


def links(s, path):
    st, h, b = s.request('GET', path, user=ENGINEER, headers={'Accept-Language': 'en'})
    expect(st == 200, '%s: %d' % (path, st))
    body = b.decode('utf-8')
    pager = re.search(r'<nav class="pager".*?</nav>', body, re.S)
    return body, (pager.group(0).replace('&amp;', '&') if pager else '')


def t_pager_links(s):
    body, pager = links(s, '/changes')
    expect('href="/changes?page=2"' in pager and 'rel="next"' in pager and 'rel="prev"' not in pager,
           'page 1 pager: %s' % pager)
    expect('href="/changes?page=3"' in pager and 'Page 1 of 3' in pager, 'last page link / status: %s' % pager)
    body, pager = links(s, '/changes?state=closed&requester=li.na&page=2')
    expect('href="/changes?state=closed&requester=li.na&page=1"' in pager or not pager,
           'the filter is not kept: %s' % pager)
    body, pager = links(s, '/changes?q=%E5%AE%9E%E6%96%BD&page=2')
    expect('href="/changes?q=%E5%AE%9E%E6%96%BD&page=1"' in pager, 'Chinese filter not kept encoded: %s' % pager)
    expect('href="/changes?format=csv&q=%E5%AE%9E%E6%96%BD"' in body.replace('&amp;', '&'),
           'the CSV link carries the page or loses the filter')
    body, pager = links(s, '/changes?state=new&type=emergency&risk=very_high&requester=admin')
    expect(pager == '', 'a pager on one page: %s' % pager)


def t_refused(s):
    before = s.db_snapshot()
    for bad in ('0', '-1', 'abc', '1.5', '9999999999', ''):
        st, h, b = s.request('GET', '/changes?format=xml&page=' + bad, user=AUDITOR)
        if bad == '':
            expect(st == 200, 'an empty page is page 1: %d' % st)
            continue
        err = xml_root(b, bad).find('error')
        expect(st == 400 and err is not None and (err.get('key'), err.get('field')) == ('error.page', 'page'),
               'page=%s: %d %s' % (bad, st, short(b)))
    harness.unchanged(s, before, 'bad page numbers')


def t_csv_complete(s):
    n = db_one(s, 'SELECT count(*) FROM changes')
    for q in ('', '&page=2', '&page=9'):
        st, h, b = s.request('GET', '/changes?format=csv' + q, user=AUDITOR)
        lines = b[3:].decode('utf-8').split('\r\n')
        expect(st == 200 and len(lines) - 2 == n, 'CSV%s: %d rows of %d' % (q, len(lines) - 2, n))


def page_ok(s, path):
    html_page_ok(s, path, AUDITOR, ('chg', 'pager'), nav=('/changes', 'chg.nav'))


def run():
    with Stack('basic') as s:
        bench_changes.fill_changes(s.db, 250)
        c = CHECKS.check
        c('changes_pager.pages_newest_first', t_pages, s)
        c('changes_pager.filtered_pages', t_filtered_pages, s)
        c('changes_pager.links_keep_filter', t_pager_links, s)
        c('changes_pager.bad_page_refused', t_refused, s)
        c('changes_pager.csv_complete', t_csv_complete, s)
        for path in ('/changes', '/changes?page=2', '/changes?state=closed&page=2', '/changes?page=9'):
            c('changes_pager.page %s' % path, page_ok, s, path)
        c('changes_pager.logs_clean_audit_verify', logs_clean, s)


def main():
    return CHECKS.main((('changes_pager', run),))


if __name__ == '__main__':
    sys.exit(main())
