#!/usr/bin/env python3
"""test_changecal.py - the change calendar (GET /changes/calendar): the month and week models and
pages, changes placed on every day their planned window touches (across midnight on both days),
rejected and cancelled changes and those outside the range left out, emergency changes marked by
text and shape, freeze days marked by text and pattern, the filters state, type and CI, the CSV,
the 400s naming the field, who may view it, both languages and the link from the changes list.
One basic-mode stack (harness.py: real nginx + "opsplan serve" + the demo database); the changes
are written straight into the database with sqlite3, a freeze window through its form (an audited
write, so the render cache holds nothing older).

    python3 tests/web/test_changecal.py [-k SUBSTRING] [-v]
"""

import csv
import io
import itertools
import os
import re
import sys
import urllib.parse

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Stack, parse_html, msg, expect, short, xml_root, db_one, CAT, logs_clean, db_write  # noqa: E402

CHECKS = harness.Checks()
FORM = {'Content-Type': 'application/x-www-form-urlencoded'}
ADMIN, MANAGER, ENGINEER, APPROVER, AUDITOR = 'admin', 'zhang.wei', 'li.na', 'chen.jie', 'auditor'
FRESH = itertools.count(1)
CAL = '/changes/calendar'


def fresh(path):
    return path + ('&' if '?' in path else '?') + 'fresh=%d' % next(FRESH)


def get(s, path, user=MANAGER, lang=None, fmt=None):
    h = {'Accept-Language': lang} if lang else None
    p = fresh(path)
    if fmt:
        p += '&format=' + fmt
    return s.request('GET', p, user=user, headers=h)


def get_xml(s, path, user=MANAGER, lang=None):
    st, hd, b = get(s, path, user, lang, 'xml')
    expect(st == 200, 'GET %s?format=xml as %s: %d: %s' % (path, user, st, short(b)))
    return xml_root(b, path)


def token(s, user):
    st, h, b = s.request('GET', '/profile?format=xml', user=user)
    expect(st == 200, 'GET /profile?format=xml as %s: %d' % (user, st))
    return xml_root(b, '/profile').find('meta').get('csrf')


def post(s, path, user, fields):
    fields = list(fields.items())
    fields.append(('csrf_token', token(s, user)))
    return s.request('POST', path, user=user, headers=dict(FORM), body=urllib.parse.urlencode(fields))


def uid(s, login):
    return db_one(s, 'SELECT id FROM users WHERE login = ?', login)


def insert_change(s, number, title, typ, state, start, end, risk='medium', outage=0, cis=()):
    cid = db_write(s, "INSERT INTO changes (number, title, type, category, state, requester_id, risk_level, outage,"
                      " planned_start, planned_end, created_at, updated_at) VALUES (?, ?, ?, 'database', ?, ?, ?, ?, ?,"
                      " ?, '2030-11-01T00:00:00Z', '2030-11-01T00:00:00Z')",
                   number, title, typ, state, uid(s, ENGINEER), risk, outage, start, end)
    for code in cis:
        db_write(s, 'INSERT INTO change_cis (change_id, ci_id) VALUES (?, (SELECT id FROM config_items WHERE code = ?))',
                 cid, code)
    return cid


# A: across midnight; B: emergency; C: outside December; D cancelled and E rejected; F: starts
# on 30 November and ends on 1 December; G: a normal change on a freeze day.
CHANGES = {
    'A': ('CHG-2030-0101', '核心库夜间升级 <RAC>', 'normal', 'scheduled', '2030-12-10T22:00', '2030-12-11T02:00', 'high',
          1, ('DB-CORE-01', 'SRV-RAC-01')),
    'B': ('CHG-2030-0102', '支付网关紧急补丁', 'emergency', 'implement', '2030-12-12T01:00', '2030-12-12T03:00',
          'very_high', 0, ('APP-PAYGW',)),
    'C': ('CHG-2030-0103', '一月的变更', 'normal', 'scheduled', '2031-01-15T22:00', '2031-01-15T23:00', 'low', 0, ()),
    'D': ('CHG-2030-0104', '已取消的变更', 'normal', 'cancelled', '2030-12-10T20:00', '2030-12-10T21:00', 'low', 0,
          ('DB-CORE-01',)),
    'E': ('CHG-2030-0105', '已拒绝的变更', 'normal', 'rejected', '2030-12-11T20:00', '2030-12-11T21:00', 'low', 0, ()),
    'F': ('CHG-2030-0106', '跨月的网络割接', 'normal', 'assess', '2030-11-30T23:00', '2030-12-01T01:00', 'medium', 1,
          ('NET-CORE-SW-01',)),
    'G': ('CHG-2030-0107', '冻结期内的变更', 'normal', 'new', '2030-12-21T10:00', '2030-12-21T11:00', '', 0, ()),
}
NUM = {k: v[0] for k, v in CHANGES.items()}


def t_setup(s):
    for k, (num, title, typ, state, start, end, risk, outage, cis) in CHANGES.items():
        insert_change(s, num, title, typ, state, start, end, risk or None, outage, cis)
    st, h, b = post(s, '/changes/windows', ADMIN, {
        'kind': 'freeze', 'name': '年末封网 T-freeze', 'start': '2030-12-20T00:00', 'end': '2030-12-22T00:00',
        'repeat': 'none', 'repeat_until': '', 'ci': '', 'note': ''})
    expect(st == 303, 'freeze window: %d %s' % (st, short(b)))


def days_of(root):
    """{date: day element} of a change-calendar model."""
    return {d.get('date'): d for d in root.iter('day')}


def numbers(day):
    return [e.get('number') for e in day.findall('entry')]


def t_month_model(s):
    root = get_xml(s, CAL + '?view=month&month=2030-12')
    cc = root.find('change-calendar')
    expect(cc is not None, 'no change-calendar')
    got = {k: cc.get(k) for k in ('view', 'value', 'first', 'last', 'prev', 'next')}
    expect(got == {'view': 'month', 'value': '2030-12', 'first': '2030-12-01', 'last': '2030-12-31',
                   'prev': '2030-11', 'next': '2031-01'}, 'attributes %r' % got)
    weeks = cc.findall('week')
    expect(len(weeks) == 6 and all(len(w.findall('day')) == 7 for w in weeks), 'weeks %d' % len(weeks))
    expect(weeks[0].find('day').get('date') == '2030-11-25', 'grid starts on Monday 25 Nov')
    days = days_of(cc)
    mine = {d: [n for n in numbers(e) if n.startswith('CHG-2030-')] for d, e in days.items()}
    # across midnight: on both days, clipped to each
    expect(mine['2030-12-10'] == [NUM['A']] and mine['2030-12-11'] == [NUM['A']], 'A: %r %r'
           % (mine['2030-12-10'], mine['2030-12-11']))
    a10 = days['2030-12-10'].find('entry')
    a11 = days['2030-12-11'].find('entry')
    expect((a10.get('from'), a10.get('to'), a10.get('cont-after'), a10.get('hour')) == ('22:00', '24:00', '1', '22'),
           'A on the 10th: %r' % a10.attrib)
    expect((a11.get('from'), a11.get('to'), a11.get('cont-before'), a11.get('hour')) == ('00:00', '02:00', '1', '0'),
           'A on the 11th: %r' % a11.attrib)
    expect(a10.get('type') == 'normal' and a10.get('state') == 'scheduled' and a10.get('risk-level') == 'high'
           and a10.get('outage') == '1' and a10.get('title') == '核心库夜间升级 <RAC>', 'A facts %r' % a10.attrib)
    expect([c.get('code') for c in a10.findall('ci')] == ['DB-CORE-01', 'SRV-RAC-01'], 'A CIs')
    b = days['2030-12-12'].find('entry')
    expect(b is not None and b.get('number') == NUM['B'] and b.get('type') == 'emergency' and b.get('outage') == '0',
           'B %r' % (b.attrib if b is not None else None))
    expect(mine['2030-12-12'] == [NUM['B']], 'the 12th: %r' % mine['2030-12-12'])
    # F: continuation on 1 December; not on 30 November (another month's day in this grid)
    expect(mine['2030-12-01'] == [NUM['F']] and mine['2030-11-30'] == [], 'F: %r %r'
           % (mine['2030-12-01'], mine['2030-11-30']))
    everywhere = set(itertools.chain.from_iterable(mine.values()))
    for k in 'CDE':
        expect(NUM[k] not in everywhere, '%s (%s) shown' % (k, NUM[k]))
    expect(everywhere == {NUM[k] for k in 'ABFG'}, 'shown %r' % sorted(everywhere))
    # freeze days: the 20th and 21st, not the 22nd (the freeze ends at its midnight)
    fz = {d for d, e in days.items() if e.get('freeze') == '1' and d.startswith('2030-12-2')}
    expect({'2030-12-20', '2030-12-21'} <= fz and '2030-12-22' not in fz and '2030-12-19' not in fz, 'freeze %r' % fz)
    f = [x.get('name') for x in days['2030-12-21'].findall('freeze')]
    expect('年末封网 T-freeze' in f, 'freeze on the 21st: %r' % f)
    # the November view has F on the 30th, from 23:00 and continuing
    nov = days_of(get_xml(s, CAL + '?view=month&month=2030-11'))
    f30 = [e for e in nov['2030-11-30'].findall('entry') if e.get('number') == NUM['F']]
    expect(f30 and f30[0].get('from') == '23:00' and f30[0].get('cont-after') == '1', 'F in November')


def cells(body):
    """{date: (class, inner html)} of the page's day cells (the week view: joined over the hours)."""
    out = {}
    for m in re.finditer(r'<td data-date="([0-9-]+)"(?: class="([^"]*)")?>(.*?)</td>', body, re.S):
        c, inner = out.get(m.group(1), ('', ''))
        out[m.group(1)] = (m.group(2) or c, inner + m.group(3))
    return out


def t_month_html(s):
    for lang in ('zh-CN', 'en'):
        st, h, b = get(s, CAL + '?view=month&month=2030-12', lang=lang)
        expect(st == 200, '%s: %d %s' % (lang, st, short(b)))
        body = b.decode('utf-8')
        p = parse_html(body)
        expect(p.lang == lang, 'html lang %r' % p.lang)
        expect('<script' not in body and 'style=' not in body, 'script or inline style')
        expect(msg(lang, 'ccal.title.month') in body and '2030-12' in body, '%s title' % lang)
        c = cells(body)
        for d in ('2030-12-10', '2030-12-11'):
            expect('href="/changes/%s"' % NUM['A'] in c[d][1], 'A linked on %s' % d)
        inner = c['2030-12-10'][1]
        for key in ('chg.state.scheduled', 'chg.type.normal', 'chg.risk.level.high', 'ccal.outage_yes'):
            expect(CAT[lang][key] in inner, '%s: %s (%s) missing in %r' % (lang, key, CAT[lang][key], inner[:400]))
        expect('DB-CORE-01' in inner and 'SRV-RAC-01' in inner, 'CI codes')
        expect('核心库夜间升级 &lt;RAC&gt;' in inner, 'title escaped')
        expect('22:00–24:00' in inner and '00:00–02:00' in c['2030-12-11'][1], 'times')
        # emergency: text and shape (class) as well as colour
        bi = c['2030-12-12'][1]
        expect('ccal-emergency' in bi and CAT[lang]['ccal.emergency_mark'] in bi, 'emergency mark %r' % bi[:300])
        expect('ccal-emergency' not in inner, 'a normal change marked emergency')
        expect(CAT[lang]['ccal.outage_no'] in bi and CAT[lang]['chg.risk.level.very_high'] in bi, 'B facts')
        # freeze: class (hatched pattern) and text
        for d in ('2030-12-20', '2030-12-21'):
            expect('ccal-freeze-day' in c[d][0] and CAT[lang]['ccal.freeze_day'] in c[d][1], 'freeze %s' % d)
        expect('ccal-freeze-day' not in c['2030-12-19'][0] and CAT[lang]['ccal.freeze_day'] not in c['2030-12-19'][1],
               'the 19th is no freeze day')
        for k in 'CDE':
            expect(NUM[k] not in body, '%s on the page' % NUM[k])
        hrefs = [a.get('href') for t, a in p.tags if t == 'a']
        for want in ('/changes/calendar?view=month&month=2030-11', '/changes/calendar?view=month&month=2031-01',
                     '/changes/calendar?view=week&week=2030-12-01'):
            expect(want in hrefs, 'link %s missing' % want)
        expect(any(x and 'format=csv' in x for x in hrefs), 'CSV link')
        forms = [f for f in p.forms if f['attrs'].get('action') == CAL]
        expect(forms and forms[0]['attrs'].get('method') == 'get', 'filter form')
        names = {i.get('name') for i in forms[0]['inputs']}
        expect({'view', 'month', 'state', 'type', 'ci'} <= names, 'filter fields %r' % names)
        # the stylesheet the print part lives in
        expect('/static/print.css' in body, 'print stylesheet')


def t_week(s):
    # any date is moved to its Monday
    root = get_xml(s, CAL + '?view=week&week=2030-12-12')
    cc = root.find('change-calendar')
    got = {k: cc.get(k) for k in ('view', 'value', 'first', 'last', 'prev', 'next')}
    expect(got == {'view': 'week', 'value': '2030-12-09', 'first': '2030-12-09', 'last': '2030-12-15',
                   'prev': '2030-12-02', 'next': '2030-12-16'}, 'week attributes %r' % got)
    days = days_of(cc)
    expect(sorted(days) == ['2030-12-%02d' % d for d in range(9, 16)], 'days %r' % sorted(days))
    expect(len(cc.findall('hour')) == 24, 'hours')
    expect(numbers(days['2030-12-10']) == [NUM['A']] and numbers(days['2030-12-11']) == [NUM['A']], 'A both days')
    # listed by start time: a change at 00:30 on the 11th comes after A's continuation
    # and before one at 09:00
    # (inserted in reverse order)
    insert_change(s, 'CHG-2030-0110', '上午的变更', 'normal', 'scheduled', '2030-12-11T09:00', '2030-12-11T10:00')
    insert_change(s, 'CHG-2030-0111', '凌晨的变更', 'normal', 'scheduled', '2030-12-11T00:30', '2030-12-11T01:00')
    days = days_of(get_xml(s, CAL + '?view=week&week=2030-12-09'))
    order = numbers(days['2030-12-11'])
    expect(order == [NUM['A'], 'CHG-2030-0111', 'CHG-2030-0110'], 'order on the 11th: %r' % order)
    for lang in ('zh-CN', 'en'):
        st, h, b = get(s, CAL + '?view=week&week=2030-12-14', lang=lang)
        body = b.decode('utf-8')
        expect(st == 200 and msg(lang, 'ccal.title.week') in body, '%s week page %d' % (lang, st))
        # the hour rows: A on the 10th in the 22:00 row, its continuation in the 00:00 row
        rows = dict(re.findall(r'<tr data-hour="(\d+)">(.*?)</tr>', body, re.S))
        expect(len(rows) == 24, 'hour rows %d' % len(rows))
        r22, r0, r1 = cells(rows['22']), cells(rows['0']), cells(rows['1'])
        expect(NUM['A'] in r22['2030-12-10'][1] and NUM['A'] not in r22['2030-12-11'][1], 'A at 22:00')
        expect(NUM['A'] in r0['2030-12-11'][1] and NUM['B'] in r1['2030-12-12'][1], 'A at 00:00, B at 01:00')
        expect(CAT[lang]['ccal.emergency_mark'] in r1['2030-12-12'][1], 'B marked')
        p = parse_html(body)
        hrefs = [a.get('href') for t, a in p.tags if t == 'a']
        for want in ('/changes/calendar?view=week&week=2030-12-02', '/changes/calendar?view=week&week=2030-12-16',
                     '/changes/calendar?view=month&month=2030-12'):
            expect(want in hrefs, 'week link %s' % want)
    # the freeze week
    st, h, b = get(s, CAL + '?view=week&week=2030-12-16')
    c = cells(b.decode('utf-8'))
    expect('ccal-freeze-day' in c['2030-12-20'][0] and CAT['zh-CN']['ccal.freeze_day'] in c['2030-12-21'][1]
           and 'ccal-freeze-day' not in c['2030-12-22'][0], 'freeze in the week view')


def t_filters(s):
    def shown(q):
        cc = get_xml(s, CAL + '?view=month&month=2030-12' + q).find('change-calendar')
        return {n for d in cc.iter('day') for n in numbers(d) if n.startswith('CHG-2030-01')}, cc
    got, cc = shown('&type=emergency')
    expect(got == {NUM['B']} and cc.get('type') == 'emergency', 'type: %r' % got)
    got, cc = shown('&state=assess')
    expect(got == {NUM['F']}, 'state: %r' % got)
    got, cc = shown('&ci=DB-CORE-01')
    expect(got == {NUM['A']} and cc.get('ci') == 'DB-CORE-01', 'ci: %r' % got)
    got, cc = shown('&ci=APP-PAYGW&type=normal')
    expect(got == set(), 'ci and type: %r' % got)
    # the filters stay in the navigation links and the form
    st, h, b = get(s, CAL + '?view=month&month=2030-12&type=emergency&ci=APP-PAYGW')
    p = parse_html(b)
    hrefs = [a.get('href') for t, a in p.tags if t == 'a']
    expect('/changes/calendar?view=month&month=2031-01&type=emergency&ci=APP-PAYGW' in hrefs, 'next keeps filters')
    sel = [a for t, a in p.tags if t == 'option' and 'selected' in a]
    expect({o.get('value') for o in sel} >= {'emergency', 'APP-PAYGW'}, 'selected %r' % sel)


def t_csv(s):
    st, h, b = get(s, CAL + '?view=month&month=2030-12', fmt='csv')
    expect(st == 200 and 'text/csv' in (harness.hget(h, 'Content-Type') or ''), 'csv %d %r' % (st, h))
    expect(b.startswith(b'\xef\xbb\xbf') and b'\r\n' in b, 'BOM and CRLF')
    rows = list(csv.reader(io.StringIO(b.decode('utf-8-sig'), newline='')))
    expect(rows[0][0] == CAT['zh-CN']['chg.number'] and len(rows[0]) == 9, 'header %r' % rows[0])
    mine = {r[0]: r for r in rows[1:] if r[0].startswith('CHG-2030-01')}
    expect(set(mine) == {NUM[k] for k in 'ABFG'} | {'CHG-2030-0110', 'CHG-2030-0111'}, 'rows %r' % sorted(mine))
    a = mine[NUM['A']]
    expect(a[1] == '核心库夜间升级 <RAC>' and a[2] == CAT['zh-CN']['chg.type.normal'] and a[4] ==
           CAT['zh-CN']['chg.risk.level.high'] and a[5] == CAT['zh-CN']['ccal.yes'] and a[6] == '2030-12-10T22:00'
           and a[8] == 'DB-CORE-01 SRV-RAC-01', 'A row %r' % a)
    # one row per change, even across midnight
    expect(sum(1 for r in rows if r[0] == NUM['A']) == 1, 'A once')
    st, h, b = s.request('GET', fresh(CAL + '?view=month&month=2030-12&type=emergency') + '&format=csv', user=MANAGER,
                         headers={'Accept-Language': 'en'})
    rows = list(csv.reader(io.StringIO(b.decode('utf-8-sig'), newline='')))
    expect(rows[0][0] == CAT['en']['chg.number'], 'English header')
    expect([r[0] for r in rows[1:]] == [NUM['B']] and rows[1][2] == CAT['en']['chg.type.emergency'], 'en rows %r' % rows)
    # the week's CSV
    st, h, b = get(s, CAL + '?view=week&week=2030-12-01', fmt='csv')
    nums = [r[0] for r in csv.reader(io.StringIO(b.decode('utf-8-sig'), newline=''))][1:]
    expect(NUM['F'] in nums and NUM['A'] not in nums, 'week csv %r' % nums)


def t_bad_input(s):
    bad = [('view=year', 'view', 'ccal.error.view'), ('month=2030-13', 'month', 'ccal.error.month'),
           ('month=2030-1', 'month', 'ccal.error.month'), ('view=month&month=abc', 'month', 'ccal.error.month'),
           ('view=week&week=2030-02-30', 'week', 'ccal.error.week'), ('view=week&week=2030-12', 'week', 'ccal.error.week'),
           ('state=cancelled', 'state', 'ccal.error.state'), ('state=bogus', 'state', 'ccal.error.state'),
           ('type=urgent', 'type', 'ccal.error.type'), ('ci=NO-SUCH-CI', 'ci', 'ccal.error.ci'),
           ('ci=' + 'X' * 100, 'ci', 'ccal.error.ci')]
    for q, field, key in bad:
        for fmt in (None, 'csv'):
            st, h, b = get(s, CAL + '?' + q, fmt=fmt)
            expect(st == 400, '%s (%s): %d' % (q, fmt, st))
        st, h, b = get(s, CAL + '?' + q, fmt='xml')
        e = xml_root(b, q).find('error')
        expect(e is not None and e.get('key') == key and e.get('field') == field, '%s: %r' % (q, e is not None and e.attrib))
        for lang in ('zh-CN', 'en'):
            st, h, b = get(s, CAL + '?' + q, lang=lang)
            expect(msg(lang, key) in b.decode('utf-8'), '%s: %s message in %s' % (q, key, lang))


def t_who(s):
    for user in (ADMIN, MANAGER, ENGINEER, APPROVER, AUDITOR):
        st, h, b = get(s, CAL)
        st, h, b = get(s, CAL + '?view=week', user=user)
        expect(st == 200, '%s week: %d' % (user, st))
        st, h, b = get(s, CAL, user=user)
        expect(st == 200, '%s month: %d' % (user, st))
    st, h, b = s.request('GET', CAL, user=None)
    expect(st == 401, 'anonymous: %d' % st)


def t_defaults_demo(s):
    """Without parameters: this month, with the demo's OS patch (Saturday 22:00 - 02:00) on two days."""
    cc = get_xml(s, CAL).find('change-calendar')
    expect(cc.get('view') == 'month' and re.match(r'^\d{4}-\d{2}$', cc.get('value')), 'default %r' % cc.attrib)
    wk = get_xml(s, CAL + '?view=week').find('change-calendar')
    expect(wk.get('view') == 'week', 'default week')
    patch = db_one(s, "SELECT number FROM changes WHERE type = 'standard' AND planned_start IS NOT NULL")
    week = db_one(s, "SELECT substr(planned_start, 1, 10) FROM changes WHERE number = ?", patch)
    days = days_of(get_xml(s, CAL + '?view=week&week=' + week).find('change-calendar'))
    on = sorted(d for d, e in days.items() if patch in numbers(e))
    expect(len(on) == 2 or (len(on) == 1 and on[0].endswith(('-09', '-16', '-23', '-30'))), 'demo patch on %r' % on)


def t_links(s):
    for lang in ('zh-CN', 'en'):
        st, h, b = get(s, '/changes', lang=lang)
        body = b.decode('utf-8')
        expect(st == 200 and 'href="/changes/calendar"' in body and CAT[lang]['ccal.link'] in body,
               'changes list links the calendar (%s)' % lang)


def t_logs_clean(s):
    logs_clean(s)


def run():
    with Stack('basic') as s:
        c = CHECKS.check
        if not c('changecal.setup', t_setup, s):
            return
        c('changecal.month_model_midnight_excluded_freeze', t_month_model, s)
        c('changecal.month_html_both_languages', t_month_html, s)
        c('changecal.week_model_and_hours', t_week, s)
        c('changecal.filters_state_type_ci', t_filters, s)
        c('changecal.csv', t_csv, s)
        c('changecal.bad_input_400_field_named', t_bad_input, s)
        c('changecal.everyone_who_reads_changes', t_who, s)
        c('changecal.defaults_and_demo_patch', t_defaults_demo, s)
        c('changecal.linked_from_changes_list', t_links, s)
        c('changecal.logs_clean', t_logs_clean, s)


def main():
    return CHECKS.main((('changecal', run),))


if __name__ == '__main__':
    sys.exit(main())
