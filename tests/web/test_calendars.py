#!/usr/bin/env python3
"""test_calendars.py - the pages for working calendars and personal leave (scheduling issue):
the global calendar's weekdays and hours, project calendars (create, edit, exception days,
import, delete), a project's calendar choice, and each person's leave. One basic-mode stack
(harness.py: real nginx + "opsplan serve" + the demo database).

    python3 tests/web/test_calendars.py [-k SUBSTRING] [-v]

What is checked is what is stored and audited and that the pages work; the dates the scheduler
computes from these tables are the scheduler's tests. Refusals compare database snapshots (row
counts, "opsplan audit head") before and after.
"""

import json
import os
import re
import sys
import uuid

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Stack, parse_html, CAT, msg, Fail, expect, short, location, xml_root, db_all, db_one, with_xml, token, post, unchanged  # noqa: E402

CHECKS = harness.Checks()
FORM = {'Content-Type': 'application/x-www-form-urlencoded'}
ADMIN, MANAGER, ENGINEER, OTHER, AUDITOR = 'admin', 'zhang.wei', 'li.na', 'wang.fang', 'auditor'
PROJECT = 'CAL-T1'
S = {}


# ---------------------------------------------------------------------------------------------
# helpers

def get_xml(s, path, user, status=200):
    st, h, b = s.request('GET', with_xml(path), user=user)
    expect(st == status, 'GET %s?format=xml as %s: %d, want %d: %s' % (path, user, st, status, short(b)))
    return xml_root(b, path)


def post_file(s, path, user, data, filename):
    bnd = 'opsplan-' + uuid.uuid4().hex
    body = ('--%s\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n%s\r\n' % (bnd, token(s, user))).encode()
    body += ('--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\nContent-Type: text/plain\r\n\r\n'
             % (bnd, filename)).encode() + data + ('\r\n--%s--\r\n' % bnd).encode()
    return s.request('POST', path, user=user, headers={'Content-Type': 'multipart/form-data; boundary=' + bnd}, body=body)


def last_audit(s, action):
    """(entity, entity_id, actor, old, new) of the newest audit record of action."""
    row = db_all(s, 'SELECT entity, entity_id, actor, old_value, new_value FROM audit_log WHERE action = ?'
                    ' ORDER BY id DESC LIMIT 1', action)
    expect(row, 'no audit record %s' % action)
    e, i, a, o, n = row[0]
    return e, i, a, json.loads(o) if o else None, json.loads(n) if n else None


def refused(s, path, user, fields, status, field, key, what):
    harness.refused(s, path, user, fields, field, key, what, status)


def audit_count(s):
    return db_one(s, 'SELECT count(*) FROM audit_log')


def forbidden(s, path, user, fields, what):
    before = s.db_snapshot()
    st, h, b = post(s, path, user, fields)
    expect(st == 403, '%s: %d, want 403' % (what, st))
    unchanged(s, before, what)


WEEK = [('weekdays', str(d)) for d in range(1, 6)]


# ---------------------------------------------------------------------------------------------
# the global calendar

def t_global_settings(s):
    n = audit_count(s)
    st, h, b = post(s, '/admin/calendar/settings', ADMIN, WEEK + [('weekdays', '6'), ('hours', '09:00-12:00,13:00-17:30')])
    expect(st == 303 and location(h).startswith('/admin/calendar'), 'save: %d %s' % (st, short(b)))
    row = db_all(s, 'SELECT weekdays, hours FROM calendars WHERE id = 1')[0]
    expect(row == ('123456', '09:00-12:00,13:00-17:30'), 'stored %r' % (row,))
    expect(audit_count(s) == n + 1, 'audit records %d -> %d' % (n, audit_count(s)))
    e, i, a, old, new = last_audit(s, 'calendar.settings')
    expect((e, i, a) == ('calendar', '1', ADMIN), 'audit record %r' % ((e, i, a),))
    expect(old['weekdays'] == '12345' and new['weekdays'] == '123456' and new['hours'] == '09:00-12:00,13:00-17:30',
           'audit values %r -> %r' % (old, new))
    cal = get_xml(s, '/admin/calendar', AUDITOR).find('calendar')
    expect(cal.get('minutes') == '450' and cal.get('hours-per-day') == '7.5', 'minutes %r' % cal.attrib)
    for lang in ('zh-CN', 'en'):
        st, h, b = s.request('GET', '/admin/calendar', user=MANAGER, headers={'Accept-Language': lang})
        t = ' '.join(''.join(parse_html(b).text).split())
        expect(st == 200 and '450' in t and '09:00-12:00,13:00-17:30' in t, '%s page: %d' % (lang, st))
        expect(CAT[lang]['weekday.6'] in t, '%s: Saturday not shown as a working weekday' % lang)
    # back to the default; a form without changes stores nothing
    st, h, b = post(s, '/admin/calendar/settings', ADMIN, WEEK + [('hours', '09:00-12:00,13:00-18:00')])
    expect(st == 303, 'restore: %d' % st)
    n = audit_count(s)
    st, h, b = post(s, '/admin/calendar/settings', ADMIN, WEEK + [('hours', '09:00-12:00,13:00-18:00')])
    expect(st == 303 and audit_count(s) == n, 'an unchanged save: %d, %d audit records' % (st, audit_count(s) - n))


def t_global_bad_hours(s):
    refused(s, '/admin/calendar/settings', ADMIN, WEEK + [('hours', '18:00-09:00')], 400, 'hours',
            'calendar.error.hours', 'hours 18:00-09:00')
    refused(s, '/admin/calendar/settings', ADMIN, WEEK + [('hours', '09:00-12:00,11:00-18:00')], 400, 'hours',
            'calendar.error.hours', 'overlapping periods')
    root = get_xml(s, '/admin/calendar', ADMIN)
    expect(root.find('calendar').get('hours') == '09:00-12:00,13:00-18:00', 'the stored hours changed')


def t_global_no_weekday(s):
    refused(s, '/admin/calendar/settings', ADMIN, [('hours', '09:00-17:00')], 400, 'weekdays',
            'calendar.error.weekdays', 'no weekday')
    refused(s, '/admin/calendar/settings', ADMIN, [('weekdays', '8'), ('hours', '09:00-17:00')], 400, 'weekdays',
            'calendar.error.weekdays', 'weekday 8')


def t_global_others_403(s):
    for user in (ENGINEER, MANAGER, AUDITOR):
        forbidden(s, '/admin/calendar/settings', user, WEEK + [('hours', '08:00-16:00')], '%s edits the global calendar' % user)
    st, h, b = s.request('GET', '/admin/calendar', user=ENGINEER)
    expect(st == 403, 'an engineer reads the calendar admin page: %d' % st)


# ---------------------------------------------------------------------------------------------
# project calendars

NIGHT = '夜间变更窗口 Night'


def t_project_create(s):
    st, h, b = post(s, '/admin/calendars', ADMIN, [('name', NIGHT), ('weekdays', '6'), ('weekdays', '7'),
                                                   ('hours', '00:00-06:00,22:00-24:00')])
    expect(st == 303, 'create: %d %s' % (st, short(b)))
    m = re.match(r'^/admin/calendars/(\d+)', location(h))
    expect(m, 'Location %r' % location(h))
    cid = int(m.group(1))
    S['cal'] = cid
    row = db_all(s, 'SELECT name, weekdays, hours FROM calendars WHERE id = ?', cid)[0]
    expect(row == (NIGHT, '67', '00:00-06:00,22:00-24:00'), 'stored %r' % (row,))
    e, i, a, old, new = last_audit(s, 'calendar.create')
    expect((e, i, a) == ('calendar', str(cid), ADMIN) and old is None and new['name'] == NIGHT, 'audit %r' % (new,))
    lst = get_xml(s, '/admin/calendars', MANAGER).find('calendars')
    names = [(c.get('name'), c.get('minutes')) for c in lst.findall('calendar')]
    expect(names[0][0] == 'standard' and (NIGHT, '480') in names, 'the list %r' % names)


def t_project_create_refused(s):
    refused(s, '/admin/calendars', ADMIN, [('name', NIGHT), ('weekdays', '1'), ('hours', '09:00-17:00')], 400, 'name',
            'calendar.error.name_taken', 'a taken name')
    refused(s, '/admin/calendars', ADMIN, [('name', 'X2'), ('weekdays', '1'), ('hours', '18:00-09:00')], 400, 'hours',
            'calendar.error.hours', 'bad hours on create')
    refused(s, '/admin/calendars', ADMIN, [('name', 'X3'), ('hours', '09:00-17:00')], 400, 'weekdays',
            'calendar.error.weekdays', 'no weekday on create')
    forbidden(s, '/admin/calendars', MANAGER, [('name', 'X4'), ('weekdays', '1'), ('hours', '09:00-17:00')],
              'a manager creates a calendar')


def need(key):
    if key not in S:
        raise Fail('needs %s from an earlier check, which failed' % key)
    return S[key]


def t_project_edit(s):
    cid = need('cal')
    base = '/admin/calendars/%d' % cid
    st, h, b = post(s, base + '/settings', ADMIN, [('name', NIGHT + ' 2'), ('weekdays', '5'), ('weekdays', '6'),
                                                   ('weekdays', '7'), ('hours', '20:00-24:00')])
    expect(st == 303, 'edit: %d %s' % (st, short(b)))
    row = db_all(s, 'SELECT name, weekdays, hours FROM calendars WHERE id = ?', cid)[0]
    expect(row == (NIGHT + ' 2', '567', '20:00-24:00'), 'stored %r' % (row,))
    e, i, a, old, new = last_audit(s, 'calendar.settings')
    expect(i == str(cid) and old['name'] == NIGHT and new['hours'] == '20:00-24:00', 'audit %r -> %r' % (old, new))
    # as typed on a Chinese keyboard: full-width colons and comma, spaces; stored canonical
    days = [('name', NIGHT + ' 2'), ('weekdays', '5'), ('weekdays', '6'), ('weekdays', '7')]
    st, h, b = post(s, base + '/settings', ADMIN, days + [('hours', '19：00-20：00， 21:00 - 24:00')])
    got = db_one(s, 'SELECT hours FROM calendars WHERE id = ?', cid)
    expect(st == 303 and got == '19:00-20:00,21:00-24:00', 'full-width input: %d, stored %r' % (st, got))
    st, h, b = post(s, base + '/settings', ADMIN, days + [('hours', '20:00-24:00')])
    expect(st == 303, 'back to 20:00-24:00: %d' % st)
    refused(s, base + '/settings', ADMIN, [('name', NIGHT + ' 2'), ('weekdays', '1'), ('hours', '18:00-09:00')], 400,
            'hours', 'calendar.error.hours', 'bad hours on a project calendar')
    refused(s, base + '/settings', ADMIN, [('name', 'standard'), ('weekdays', '1'), ('hours', '09:00-17:00')], 400,
            'name', 'calendar.error.name_taken', "the global calendar's name")
    forbidden(s, base + '/settings', ENGINEER, [('name', 'x'), ('weekdays', '1'), ('hours', '09:00-17:00')],
              'an engineer edits a project calendar')
    st, h, b = s.request('GET', '/admin/calendars/999999', user=ADMIN)
    expect(st == 404, 'an unknown calendar: %d' % st)


def t_project_days(s):
    cid = need('cal')
    base = '/admin/calendars/%d' % cid
    glob = db_all(s, 'SELECT * FROM calendar_days ORDER BY day')
    st, h, b = post(s, base + '/day', ADMIN, {'date': '2026-12-26', 'off': '0', 'name': '割接 cutover'})
    expect(st == 303, 'set a day: %d' % st)
    st, h, b = post(s, base + '/day', ADMIN, {'date': '2026-12-28', 'off': '1', 'name': '停机'})
    expect(st == 303, 'set a day off: %d' % st)
    rows = db_all(s, 'SELECT day, off, name FROM calendar_exceptions WHERE calendar_id = ? ORDER BY day', cid)
    expect(rows == [('2026-12-26', 0, '割接 cutover'), ('2026-12-28', 1, '停机')], 'exceptions %r' % rows)
    e, i, a, old, new = last_audit(s, 'calendar.day')
    expect(i == str(cid) and new['day'] == '2026-12-28' and new['off'] == '1', 'audit %r %r' % (i, new))
    st, h, b = post(s, base + '/day', ADMIN, {'date': '2026-12-28', 'off': 'remove', 'name': ''})
    expect(st == 303 and db_one(s, 'SELECT count(*) FROM calendar_exceptions WHERE calendar_id = ? AND day = ?',
                                cid, '2026-12-28') == 0, 'remove a day: %d' % st)
    expect(db_all(s, 'SELECT * FROM calendar_days ORDER BY day') == glob, 'the global exceptions changed')
    page = get_xml(s, base, MANAGER).find('calendar')
    expect([d.get('date') for d in page.iter('day')] == ['2026-12-26'], 'the page lists %r' % [d.get('date') for d in page.iter('day')])
    before = s.db_snapshot()
    st, h, b = post(s, base + '/day', ADMIN, {'date': '2026-02-30', 'off': '1', 'name': ''})
    expect(st == 400, 'a bad date: %d' % st)
    unchanged(s, before, 'a bad date')
    forbidden(s, base + '/day', MANAGER, {'date': '2026-12-29', 'off': '1', 'name': ''}, 'a manager sets a day')


def t_project_import(s):
    cid = need('cal')
    base = '/admin/calendars/%d' % cid
    glob = db_all(s, 'SELECT * FROM calendar_days ORDER BY day')
    csv = '﻿date,off,name\r\n2027-01-01,1,元旦\r\n2027-02-06,0,春节调休\r\n'.encode('utf-8')
    st, h, b = post_file(s, base + '/import', ADMIN, csv, 'x.csv')
    expect(st == 303, 'CSV import: %d %s' % (st, short(b)))
    rows = db_all(s, "SELECT day, off FROM calendar_exceptions WHERE calendar_id = ? AND day LIKE '2027-%' ORDER BY day", cid)
    expect(rows == [('2027-01-01', 1), ('2027-02-06', 0)], 'imported %r' % rows)
    ics = open(os.path.join(harness.REPO, '..', 'shared', 'fixtures', 'holidays', '2026.ics'), 'rb').read()
    st, h, b = post_file(s, base + '/import', ADMIN, ics, '2026.ics')
    expect(st == 303, 'iCalendar import: %d %s' % (st, short(b)))
    n = db_one(s, "SELECT count(*) FROM calendar_exceptions WHERE calendar_id = ? AND day LIKE '2026-%'", cid)
    expect(n == 39, '2026 from the ICS: %d days (the year replaced, the single day gone)' % n)
    e, i, a, old, new = last_audit(s, 'calendar.import')
    expect(i == str(cid) and new['calendar'] == cid and new['days'] == 39 and new['format'] == 'ics', 'audit %r' % (new,))
    expect(db_all(s, 'SELECT * FROM calendar_days ORDER BY day') == glob, 'the global exceptions changed')
    before = s.db_snapshot()
    st, h, b = post_file(s, base + '/import', ADMIN, b'not a calendar', 'x.csv')
    expect(st == 400, 'a bad file: %d' % st)
    unchanged(s, before, 'a bad file')
    st, h, b = post_file(s, base + '/import', MANAGER, csv, 'x.csv')
    expect(st == 403, 'a manager imports: %d' % st)
    unchanged(s, before, 'a manager importing')


# ---------------------------------------------------------------------------------------------
# a project's calendar

def project_fields(**over):
    f = {'code': PROJECT, 'name': '日历测试 Calendar test', 'description': '', 'manager': MANAGER,
         'category': 'other', 'planned_start': '2026-12-01', 'planned_finish': '2027-01-29', 'status': 'active',
         'calendar': ''}
    f.update(over)
    return f


def t_project_choose(s):
    cid = need('cal')
    st, h, b = s.request('GET', '/projects/new', user=MANAGER)
    t = parse_html(b)
    opts = [a.get('value') for tag, a in t.tags if tag == 'option']
    expect(st == 200 and '' in opts and str(cid) in opts, 'the form offers %r' % opts)
    refused(s, '/projects', MANAGER, project_fields(calendar='999999'), 400, 'calendar', 'calendar.error.choice',
            'an unknown calendar')
    st, h, b = post(s, '/projects', MANAGER, project_fields(calendar=str(cid)))
    expect(st == 303, 'create with a calendar: %d %s' % (st, short(b)))
    expect(db_one(s, 'SELECT calendar_id FROM projects WHERE code = ?', PROJECT) == cid, 'calendar_id not stored')
    e, i, a, old, new = last_audit(s, 'project.calendar')
    expect((e, i, a) == ('project', PROJECT, MANAGER) and old['calendar'] == 1 and new['calendar'] == cid,
           'audit %r %r -> %r' % ((e, i, a), old, new))
    p = get_xml(s, '/projects/' + PROJECT, ENGINEER).find('project/calendar')
    expect(p is not None and p.get('id') == str(cid) and p.get('hours') == '20:00-24:00', 'project/calendar %r' %
           (p.attrib if p is not None else None))
    for lang in ('zh-CN', 'en'):
        st, h, b = s.request('GET', '/projects/' + PROJECT, user=ENGINEER, headers={'Accept-Language': lang})
        body = b.decode('utf-8')
        m = re.search(r'<dd class="project-calendar">(.*?)</dd>', body, re.S)
        expect(m and NIGHT + ' 2' in m.group(1) and '20:00-24:00' in m.group(1) and '240' in m.group(1),
               '%s: the calendar line %r' % (lang, m.group(1) if m else None))
    st, h, b = s.request('GET', '/projects/%s/edit' % PROJECT, user=MANAGER)
    sel = re.search(r'<option value="%d" selected' % cid, b.decode('utf-8'))
    expect(st == 200 and sel, 'the edit form does not show the chosen calendar')
    # an engineer may not change it
    forbidden(s, '/projects/' + PROJECT, ENGINEER, project_fields(calendar=''), 'an engineer changes the calendar')
    # back to the global calendar
    n = audit_count(s)
    st, h, b = post(s, '/projects/' + PROJECT, MANAGER, project_fields(calendar=''))
    expect(st == 303 and db_one(s, 'SELECT calendar_id FROM projects WHERE code = ?', PROJECT) is None,
           'back to the global calendar: %d' % st)
    e, i, a, old, new = last_audit(s, 'project.calendar')
    expect(old['calendar'] == cid and new['calendar'] == 1 and audit_count(s) == n + 2,
           'audit %r -> %r (%d records)' % (old, new, audit_count(s) - n))
    # a save that keeps the calendar writes no calendar record
    n = audit_count(s)
    st, h, b = post(s, '/projects/' + PROJECT, MANAGER, project_fields(calendar=''))
    expect(st == 303 and audit_count(s) == n + 1, 'an unchanged choice: %d, %d records' % (st, audit_count(s) - n))
    st, h, b = post(s, '/projects/' + PROJECT, MANAGER, project_fields(calendar=str(cid)))
    expect(st == 303 and db_one(s, 'SELECT calendar_id FROM projects WHERE code = ?', PROJECT) == cid, 'choose again')


def t_project_calendar_delete(s):
    cid = need('cal')
    base = '/admin/calendars/%d' % cid
    before = s.db_snapshot()
    st, h, b = post(s, base + '/delete', ADMIN, {}, xml=True)
    expect(st == 409, 'delete a calendar in use: %d' % st)
    errs = [(e.get('field'), e.get('key'), e.get('arg')) for e in xml_root(b).findall('errors/error')]
    expect(errs == [('delete', 'calendar.error.in_use', PROJECT)], 'errors %r' % errs)
    st, h, b = post(s, base + '/delete', ADMIN, {}, lang='en')
    expect(st == 409 and PROJECT in b.decode('utf-8') and msg('en', 'calendar.error.in_use') in b.decode('utf-8'),
           'the page does not name the project: %d' % st)
    unchanged(s, before, 'a refused delete')
    forbidden(s, base + '/delete', MANAGER, {}, 'a manager deletes a calendar')
    st, h, b = post(s, '/admin/calendars/1/delete', ADMIN, {})
    expect(st == 400, 'delete the global calendar: %d' % st)
    st, h, b = post(s, '/projects/' + PROJECT, MANAGER, project_fields(calendar=''))
    expect(st == 303, 'the project leaves the calendar: %d' % st)
    st, h, b = post(s, base + '/delete', ADMIN, {})
    expect(st == 303 and location(h).startswith('/admin/calendars'), 'delete: %d' % st)
    expect(db_one(s, 'SELECT count(*) FROM calendars WHERE id = ?', cid) == 0 and
           db_one(s, 'SELECT count(*) FROM calendar_exceptions WHERE calendar_id = ?', cid) == 0, 'rows left')
    e, i, a, old, new = last_audit(s, 'calendar.delete')
    expect(i == str(cid) and old['name'] == NIGHT + ' 2' and old['exceptions'] == 41 and new is None, 'audit %r' % (old,))
    # a calendar for the page checks
    st, h, b = post(s, '/admin/calendars', ADMIN, [('name', '四班三运转'), ('weekdays', '1'), ('weekdays', '2'),
                                                   ('hours', '08:00-12:00,12:30-16:30')])
    expect(st == 303, 'another calendar: %d' % st)
    S['cal2'] = int(re.match(r'^/admin/calendars/(\d+)', location(h)).group(1))
    expect(S['cal2'] != cid, 'the new calendar got the deleted one\'s id %d (the audit log names calendars by id)' % cid)


# ---------------------------------------------------------------------------------------------
# leave

def uid(s, login):
    return db_one(s, 'SELECT id FROM users WHERE login = ?', login)


def leave_rows(s, login):
    return db_all(s, 'SELECT start_day, end_day, note FROM user_leave WHERE user_id = ? ORDER BY start_day', uid(s, login))


def t_leave_own(s):
    st, h, b = post(s, '/profile/leave', ENGINEER, {'start': '2026-12-21', 'end': '2026-12-25', 'note': '年假 annual'})
    expect(st == 303 and location(h).startswith('/profile'), 'add: %d %s' % (st, short(b)))
    expect(leave_rows(s, ENGINEER) == [('2026-12-21', '2026-12-25', '年假 annual')], 'stored %r' % leave_rows(s, ENGINEER))
    e, i, a, old, new = last_audit(s, 'leave.add')
    expect(e == 'leave' and a == ENGINEER and new == {'user': ENGINEER, 'start': '2026-12-21', 'end': '2026-12-25',
                                                      'note': '年假 annual'}, 'audit %r' % (new,))
    S['leave'] = int(i)
    r = get_xml(s, '/profile', ENGINEER).find('leave/range')
    expect(r is not None and r.get('days') == '5' and r.get('id') == i, 'the profile model %r' % (r.attrib if r is not None else None))
    st, h, b = s.request('GET', '/profile', user=ENGINEER)
    t = ' '.join(''.join(parse_html(b).text).split())
    expect('2026-12-21' in t and '年假 annual' in t, 'the profile page does not list the leave')
    expect('/profile/leave/%s/delete' % i in b.decode('utf-8'), 'no remove button')
    # others do not see it on their own profile
    expect(get_xml(s, '/profile', OTHER).find('leave/range') is None, "wang.fang's profile lists li.na's leave")


def t_leave_refused(s):
    p = '/profile/leave'
    refused(s, p, ENGINEER, {'start': '2027-01-10', 'end': '2027-01-05', 'note': ''}, 400, 'end', 'leave.error.order',
            'end before start')
    refused(s, p, ENGINEER, {'start': '2026-12-24', 'end': '2026-12-29', 'note': ''}, 400, 'start', 'leave.error.overlap',
            'overlapping')
    refused(s, p, ENGINEER, {'start': '2026-12-01', 'end': '2026-12-31', 'note': ''}, 400, 'start', 'leave.error.overlap',
            'around an existing range')
    refused(s, p, ENGINEER, {'start': '2027-01-01', 'end': '2028-01-05', 'note': ''}, 400, 'end', 'leave.error.too_long',
            'longer than a year')
    refused(s, p, ENGINEER, {'start': '2027-02-30', 'end': '2027-03-01', 'note': ''}, 400, 'start', 'error.date',
            'not a date')
    refused(s, p, ENGINEER, {'start': '2027-03-01', 'end': '2027-03-02', 'note': 'x' * 201}, 400, 'note',
            'leave.error.note', 'a long note')
    st, h, b = post(s, p, ENGINEER, {'start': '2026-12-24', 'end': '2026-12-29', 'note': ''}, xml=True)
    e = [x for x in xml_root(b).findall('errors/error') if x.get('key') == 'leave.error.overlap']
    expect(e and e[0].get('arg') == '2026-12-21 – 2026-12-25', 'the overlap names the range: %r' % [x.attrib for x in e])
    # the day after is fine
    st, h, b = post(s, p, ENGINEER, {'start': '2026-12-26', 'end': '2026-12-26', 'note': ''})
    expect(st == 303 and len(leave_rows(s, ENGINEER)) == 2, 'the next day: %d' % st)


def t_leave_others_403(s):
    st, h, b = post(s, '/profile/leave', OTHER, {'start': '2026-12-21', 'end': '2026-12-22', 'note': '培训'})
    expect(st == 303, "wang.fang's own leave (the same days as li.na's): %d" % st)
    other = int(last_audit(s, 'leave.add')[1])
    forbidden(s, '/profile/leave/%d/delete' % other, ENGINEER, {}, "li.na removes wang.fang's leave")
    forbidden(s, '/admin/leave', ENGINEER, {'login': OTHER, 'start': '2027-02-01', 'end': '2027-02-02', 'note': ''},
              'li.na adds leave for wang.fang')
    forbidden(s, '/admin/leave/%d/delete' % other, ENGINEER, {}, 'li.na uses the admin remove')
    forbidden(s, '/admin/leave', MANAGER, {'login': OTHER, 'start': '2027-02-01', 'end': '2027-02-02', 'note': ''},
              'a manager adds leave for someone')
    st, h, b = s.request('GET', '/admin/leave', user=ENGINEER)
    expect(st == 403, 'an engineer reads everyone\'s leave: %d' % st)
    S['other_leave'] = other


def t_leave_admin(s):
    st, h, b = post(s, '/admin/leave', ADMIN, {'login': OTHER, 'start': '2027-02-01', 'end': '2027-02-05', 'note': '出差'})
    expect(st == 303, 'add for wang.fang: %d %s' % (st, short(b)))
    e, i, a, old, new = last_audit(s, 'leave.add')
    expect(a == ADMIN and new['user'] == OTHER and ('2027-02-01', '2027-02-05', '出差') in leave_rows(s, OTHER),
           'stored %r audit %r' % (leave_rows(s, OTHER), new))
    refused(s, '/admin/leave', ADMIN, {'login': OTHER, 'start': '2027-02-03', 'end': '2027-02-04', 'note': ''}, 400,
            'start', 'leave.error.overlap', 'admin: overlapping')
    refused(s, '/admin/leave', ADMIN, {'login': 'nobody', 'start': '2027-05-03', 'end': '2027-05-04', 'note': ''}, 400,
            'login', 'error.user', 'admin: unknown person')
    for user in (ADMIN, MANAGER, AUDITOR):
        ranges = get_xml(s, '/admin/leave', user).findall('leave/range')
        who = {(r.get('login'), r.get('start')) for r in ranges}
        expect({(ENGINEER, '2026-12-21'), (OTHER, '2026-12-21'), (OTHER, '2027-02-01')} <= who, '%s sees %r' % (user, who))
    st, h, b = post(s, '/admin/leave/%s/delete' % i, ADMIN, {})
    expect(st == 303 and db_one(s, 'SELECT count(*) FROM user_leave WHERE id = ?', int(i)) == 0, 'admin removes: %d' % st)
    e, i2, a, old, new = last_audit(s, 'leave.remove')
    expect(i2 == i and old['user'] == OTHER and new is None, 'audit %r' % (old,))
    st, h, b = post(s, '/admin/leave/999999/delete', ADMIN, {})
    expect(st == 404, 'an unknown range: %d' % st)


def t_leave_own_remove(s):
    lid = need('leave')
    st, h, b = post(s, '/profile/leave/%d/delete' % lid, ENGINEER, {})
    expect(st == 303 and db_one(s, 'SELECT count(*) FROM user_leave WHERE id = ?', lid) == 0, 'remove own: %d' % st)
    e, i, a, old, new = last_audit(s, 'leave.remove')
    expect(i == str(lid) and a == ENGINEER and old['start'] == '2026-12-21', 'audit %r' % (old,))


# ---------------------------------------------------------------------------------------------
# pages

def pages(s):
    cal2 = '/admin/calendars/%d' % S.get('cal2', 1)
    return [('/admin/calendar', ADMIN), ('/admin/calendar', MANAGER), ('/admin/calendars', ADMIN),
            ('/admin/calendars', AUDITOR), (cal2, ADMIN), (cal2, MANAGER), ('/admin/leave', ADMIN),
            ('/admin/leave', MANAGER), ('/profile', ENGINEER), ('/profile', AUDITOR), ('/projects/new', MANAGER),
            ('/projects/%s/edit' % PROJECT, MANAGER), ('/projects/' + PROJECT, ENGINEER)]


def page_ok(s, path, user):
    harness.html_page_ok(s, path, user, ('calendars?', 'leave', 'project', 'project_form'))


def t_nav_and_links(s):
    st, h, b = s.request('GET', '/admin/calendars', user=ADMIN)
    body = b.decode('utf-8')
    expect('href="/admin/calendars/%d"' % need('cal2') in body and 'href="/admin/calendar"' in body, 'list links')
    st, h, b = s.request('GET', '/admin/calendar', user=ADMIN)
    body = b.decode('utf-8')
    expect('action="/admin/calendar/settings"' in body and 'href="/admin/leave"' in body and
           'href="/admin/calendars"' in body, 'the global page lacks the settings form or links')
    for d in range(1, 8):
        expect(re.search(r'name="weekdays" value="%d"' % d, body), 'no weekday box %d' % d)


def t_logs_clean(s):
    log = s.log_text()
    bad = [ln for ln in log.splitlines() if 'missing key' in ln or re.search(r"transform '[^']+' failed", ln)
           or 'ERROR: AddressSanitizer' in ln or 'ERROR: LeakSanitizer' in ln or re.search(r'\.c:\d+:\d+: runtime error:', ln)]
    expect(not bad, 'log problems: %r' % sorted(set(bad))[:5])
    r = s.cli('audit', 'verify')
    expect(r.returncode == 0, 'opsplan audit verify: %s %s' % (r.stdout.strip(), r.stderr.strip()))


def run():
    with Stack('basic') as s:
        c = CHECKS.check
        c('calendars.global.settings_saved_audited', t_global_settings, s)
        c('calendars.global.bad_hours_400', t_global_bad_hours, s)
        c('calendars.global.no_weekday_400', t_global_no_weekday, s)
        c('calendars.global.others_403', t_global_others_403, s)
        c('calendars.project.create', t_project_create, s)
        c('calendars.project.create_refused', t_project_create_refused, s)
        c('calendars.project.edit', t_project_edit, s)
        c('calendars.project.exception_days', t_project_days, s)
        c('calendars.project.import_reuses_importer', t_project_import, s)
        c('calendars.project_choice.manager', t_project_choose, s)
        c('calendars.project.delete_refused_in_use_then_deleted', t_project_calendar_delete, s)
        c('calendars.leave.own_add', t_leave_own, s)
        c('calendars.leave.refused', t_leave_refused, s)
        c('calendars.leave.others_403', t_leave_others_403, s)
        c('calendars.leave.admin', t_leave_admin, s)
        c('calendars.leave.own_remove', t_leave_own_remove, s)
        for path, user in pages(s):
            c('calendars.page %s [%s]' % (path, user), page_ok, s, path, user)
        c('calendars.page_html.links_and_forms', t_nav_and_links, s)
        c('calendars.logs_clean_audit_verify', t_logs_clean, s)


def main():
    return CHECKS.main((('calendars', run),))


if __name__ == '__main__':
    sys.exit(main())
