#!/usr/bin/env python3
"""test_mspdi_web.py - Microsoft Project XML (MSPDI) on the pages: upload through the project's
import form (CSRF token, multipart), the result page, downloads of the plan as MSPDI and of the
schedule as CSV, hostile or broken files refused with nothing stored, the file's calendar as a
project calendar, and resources mapped to owners by name. One basic-mode stack (harness.py).

    python3 tests/web/test_mspdi_web.py [-k SUBSTRING] [-v]

Fixtures come from ../shared/fixtures/mspdi/ beside the checkout (never copied into the repo).
"""

import csv
import io
import os
import re
import sys
import urllib.parse
import uuid

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Stack, snapshot_diff, msg, expect, short, hget, location, xml_root, db_all, db_one, db_write  # noqa: E402

CHECKS = harness.Checks()
MANAGER, ENGINEER, AUDITOR = 'zhang.wei', 'li.na', 'auditor'
FIX = os.path.join(harness.REPO, '..', 'shared', 'fixtures', 'mspdi')
NS = '{http://schemas.microsoft.com/project}'
FORM = {'Content-Type': 'application/x-www-form-urlencoded'}
S = {}


def fixture(name):
    with open(os.path.join(FIX, name), 'rb') as f:
        return f.read()


def token(s, user):
    st, h, b = s.request('GET', '/profile?format=xml', user=user)
    expect(st == 200, 'GET /profile?format=xml as %s: %d' % (user, st))
    return xml_root(b).find('meta').get('csrf')


def multipart(fields, files):
    bnd = 'opsplan-' + uuid.uuid4().hex
    out = b''
    for k, v in fields:
        out += ('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n' % (bnd, k)).encode() + v.encode() + b'\r\n'
    for k, (fn, data) in files.items():
        out += ('--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\nContent-Type: text/xml\r\n\r\n'
                % (bnd, k, fn)).encode() + data + b'\r\n'
    out += ('--%s--\r\n' % bnd).encode()
    return 'multipart/form-data; boundary=' + bnd, out


def upload(s, code, data, user=MANAGER, filename='plan.xml', xml=False):
    """POSTs data as the import form does: the CSRF token of the user's page and the file part."""
    st, h, b = s.request('GET', '/projects/%s/import' % code, user=user)
    tok = harness.form_token(b) if st == 200 else token(s, user)
    ctype, body = multipart([('csrf_token', tok or token(s, user))], {'file': (filename, data)})
    path = '/projects/%s/import%s' % (code, '?format=xml' if xml else '')
    return s.request('POST', path, user=user, headers={'Content-Type': ctype}, body=body)


def post(s, path, user, fields):
    fields = list(fields.items()) + [('csrf_token', token(s, user))]
    return s.request('POST', path, user=user, headers=FORM, body=urllib.parse.urlencode(fields))


def new_project(s, code, start='2014-10-01', finish='2014-12-31'):
    st, h, b = post(s, '/projects', MANAGER, {'code': code, 'name': 'MSPDI ' + code, 'description': '',
                                              'manager': MANAGER, 'category': 'migration', 'planned_start': start,
                                              'planned_finish': finish, 'status': 'planning'})
    expect(st == 303, 'POST /projects %s: %d %s' % (code, st, short(b)))


def unchanged(s, before, what):
    d = snapshot_diff(before, s.db_snapshot())
    expect(not d, '%s changed the database: %s' % (what, '; '.join(d)))


def problem_keys(body):
    root = xml_root(body, 'import problems')
    return [p.get('key') for p in root.findall('import/problem')]


def tasks_of(s, code):
    return db_all(s, "SELECT t.ext_uid, t.name, t.planned_start, t.planned_finish, o.login FROM tasks t"
                     " JOIN projects p ON p.id = t.project_id LEFT JOIN users o ON o.id = t.owner_id"
                     " WHERE p.code = ? ORDER BY t.seq", code)


def export(s, code, user=MANAGER):
    st, h, b = s.request('GET', '/projects/%s/export.xml' % code, user=user)
    expect(st == 200, 'GET export.xml as %s: %d %s' % (user, st, short(b)))
    return h, b


# ---------------------------------------------------------------------------------------------
# checks

def t_upload_task_links(s):
    """The task-links file through the form: 303 to the result page, 16 tasks with their UIDs and
    Microsoft Project's dates, one project.import audit record in the request that stored them."""
    new_project(s, 'MSW-LINKS')
    st, h, b = upload(s, 'MSW-LINKS', fixture('task-links-project2013-mspdi.xml'), filename='task-links.xml')
    expect(st == 303, 'upload: %d %s' % (st, short(b)))
    loc = location(h)
    expect(re.match(r'^/projects/MSW-LINKS/import\?imported=\d+$', loc), 'Location %r' % loc)
    S['links_result'] = loc
    got = {u: (a, f) for u, n, a, f, o in tasks_of(s, 'MSW-LINKS')}
    src = fixture('task-links-project2013-mspdi.xml').decode()
    want = {}
    for m in re.finditer(r'<Task>(.*?)</Task>', src, re.S):
        g = lambda k: re.search('<%s>(.*?)</%s>' % (k, k), m.group(1)).group(1)
        if g('UID') != '0':
            want[int(g('UID'))] = (g('Start')[:10], g('Finish')[:10])
    expect(got == want, 'dates differ from Microsoft Project: %r' % {u: (want[u], got.get(u)) for u in want if got.get(u) != want[u]})
    rid = db_all(s, "SELECT request_id, actor, new_value FROM audit_log WHERE action = 'project.import' AND entity_id = 'MSW-LINKS'")
    expect(len(rid) == 1 and rid[0][1] == MANAGER, 'import audit records: %r' % rid)
    n = db_one(s, "SELECT count(*) FROM audit_log WHERE request_id = ? AND entity = 'task'", rid[0][0])
    expect(n == 16, 'task records in the import request: %r' % n)
    expect('"format":"mspdi"' in rid[0][2] and '"tasks":16' in rid[0][2], 'audit value %r' % rid[0][2])


def t_result_page(s):
    loc = S.get('links_result') or ''
    expect(loc, 'needs the upload check')
    st, h, b = s.request('GET', loc + '&format=xml', user=MANAGER)
    expect(st == 200, 'result: %d' % st)
    r = xml_root(b).find('import/result')
    expect(r is not None and r.get('tasks') == '16' and r.get('source') == 'task-links.xml', 'result %r' % (r is not None and r.attrib))
    expect(r.get('calendar') == 'MSW-LINKS Standard', 'calendar %r' % r.get('calendar'))
    st, h, b = s.request('GET', loc, user=MANAGER, headers={'Accept-Language': 'en'})
    text = b.decode()
    expect(msg('en', 'mspdi.result.to_project') in text or msg('zh-CN', 'mspdi.result.to_project') in text,
           'result page HTML: %s' % short(b))
    # another project's import record is not shown here
    other = re.sub(r'MSW-LINKS', 'MSW-CAL', loc)
    new_project(s, 'MSW-CAL', '2015-04-01', '2015-06-30')
    st, h, b = s.request('GET', other + '&format=xml', user=MANAGER)
    expect(st == 200 and xml_root(b).find('import/result') is None, 'a foreign audit id shows a result')


def t_download_mspdi(s):
    """export.xml: an attachment in MSPDI that Project reads, with the UIDs of the import, every
    task's Start/Finish, the project calendar, links; readable by whoever reads the project."""
    h, b = export(s, 'MSW-LINKS')
    expect((hget(h, 'Content-Type') or '').startswith('application/xml'), 'type %r' % hget(h, 'Content-Type'))
    cd = hget(h, 'Content-Disposition') or ''
    expect(cd.startswith('attachment') and 'MSW-LINKS.xml' in cd, 'disposition %r' % cd)
    root = xml_root(b, 'export.xml')
    expect(root.tag == NS + 'Project', 'root %r' % root.tag)
    uids = sorted(int(t.findtext(NS + 'UID')) for t in root.iter(NS + 'Task'))
    expect(uids == list(range(0, 17)), 'UIDs %r' % uids)
    cal = root.find(NS + 'Calendars/' + NS + 'Calendar')
    expect(cal is not None and cal.findtext(NS + 'UID') == root.findtext(NS + 'CalendarUID') == '1', 'calendar 1')
    mon = [w for w in cal.iter(NS + 'WeekDay') if w.findtext(NS + 'DayType') == '2'][0]
    times = [(x.findtext(NS + 'FromTime'), x.findtext(NS + 'ToTime')) for x in mon.iter(NS + 'WorkingTime')]
    expect(times == [('08:00:00', '12:00:00'), ('13:00:00', '17:00:00')], 'Monday %r' % times)
    t2 = [t for t in root.iter(NS + 'Task') if t.findtext(NS + 'UID') == '2'][0]
    expect(t2.findtext(NS + 'Start') == '2014-10-20T08:00:00', 'UID 2 start %r' % t2.findtext(NS + 'Start'))
    links = [(l.findtext(NS + 'PredecessorUID'), l.findtext(NS + 'Type'), l.findtext(NS + 'LinkLag'))
             for t in root.iter(NS + 'Task') for l in t.findall(NS + 'PredecessorLink')]
    expect(('3', '1', '4800') in links and ('13', '3', '9600') in links and len(links) == 8, 'links %r' % links)
    h2, b2 = export(s, 'MSW-LINKS', user=AUDITOR)
    expect(b2 == b, 'the auditor gets another file')
    st, h, b = s.request('GET', '/projects/NO-SUCH/export.xml', user=MANAGER)
    expect(st == 404, 'unknown project: %d' % st)


ORDER = ['UID', 'ID', 'Name', 'Type', 'WBS', 'OutlineNumber', 'OutlineLevel', 'Start', 'Finish', 'Duration',
         'DurationFormat', 'Milestone', 'Summary', 'Critical', 'EarlyStart', 'EarlyFinish', 'LateStart', 'LateFinish',
         'FreeSlack', 'TotalSlack', 'PercentComplete', 'ConstraintType', 'CalendarUID', 'ConstraintDate', 'Notes',
         'PredecessorLink']


def t_schedule_fields(s):
    """EarlyStart … Critical come from the task's columns, only where they are not NULL, in the
    schema's order; floats in working days become tenths of minutes (480 minutes a day)."""
    pid = db_one(s, "SELECT id FROM projects WHERE code = 'MSW-LINKS'")
    db_write(s, "UPDATE tasks SET early_start = '2014-10-20T08:00', early_finish = '2014-10-20T17:00',"
               " late_start = '2014-10-22T08:00', late_finish = '2014-10-22T17:00', total_float = 1.5, free_float = 0.25,"
               " critical = 0 WHERE project_id = ? AND ext_uid = 2", pid)
    db_write(s, "UPDATE tasks SET early_start = NULL, early_finish = NULL, late_start = NULL, late_finish = NULL,"
               " total_float = NULL, free_float = NULL, critical = 1 WHERE project_id = ? AND ext_uid = 4", pid)
    h, b = export(s, 'MSW-LINKS')
    root = xml_root(b)
    tasks = {t.findtext(NS + 'UID'): t for t in root.iter(NS + 'Task')}
    t2, t4 = tasks['2'], tasks['4']
    got = {k: t2.findtext(NS + k) for k in ('EarlyStart', 'EarlyFinish', 'LateStart', 'LateFinish', 'TotalSlack',
                                           'FreeSlack', 'Critical')}
    expect(got == {'EarlyStart': '2014-10-20T08:00:00', 'EarlyFinish': '2014-10-20T17:00:00',
                   'LateStart': '2014-10-22T08:00:00', 'LateFinish': '2014-10-22T17:00:00', 'TotalSlack': '7200',
                   'FreeSlack': '1200', 'Critical': '0'}, 'UID 2: %r' % got)
    absent = [k for k in ('EarlyStart', 'EarlyFinish', 'LateStart', 'LateFinish', 'TotalSlack', 'FreeSlack')
              if t4.find(NS + k) is not None]
    expect(not absent and t4.findtext(NS + 'Critical') == '1', 'UID 4 writes NULL fields: %r' % absent)
    for uid, t in tasks.items():
        names = [c.tag[len(NS):] for c in t]
        known = [n for n in names if n in ORDER]
        expect(known == sorted(known, key=ORDER.index), 'task %s children out of schema order: %r' % (uid, names))
    top = [c.tag[len(NS):] for c in root]
    expect(top.index('Calendars') < top.index('Tasks') < top.index('Resources') < top.index('Assignments'),
           'project children order %r' % top)


def t_schedule_csv(s):
    st, h, b = s.request('GET', '/projects/MSW-LINKS/schedule.csv', user=AUDITOR, headers={'Accept-Language': 'en'})
    expect(st == 200 and (hget(h, 'Content-Type') or '').startswith('text/csv'), 'schedule.csv: %d %r' % (st, h))
    expect('attachment' in (hget(h, 'Content-Disposition') or ''), 'not an attachment')
    expect(b.startswith(b'\xef\xbb\xbf') and b'\r\n' in b, 'not Excel CSV (BOM, CRLF)')
    rows = list(csv.reader(io.StringIO(b[3:].decode('utf-8'))))
    head = rows[0]
    expect(len(head) == 16, 'columns %r' % head)
    by_wbs = {r[0]: dict(zip(head, r)) for r in rows[1:]}
    expect(len(rows) == 17, 'rows %d' % len(rows))
    es = [k for k in head if 'arly start' in k or '最早开始' in k]
    tf = [k for k in head if 'otal float' in k or '总时差' in k]
    expect(es and tf, 'headers %r' % head)
    t2 = db_one(s, "SELECT t.wbs FROM tasks t JOIN projects p ON p.id = t.project_id WHERE p.code = 'MSW-LINKS' AND t.ext_uid = 2")
    expect(by_wbs[t2][es[0]] == '2014-10-20T08:00' and by_wbs[t2][tf[0]] == '1.5', 'row of UID 2: %r' % by_wbs[t2])


def t_project_page_links(s):
    st, h, b = s.request('GET', '/projects/MSW-LINKS', user=AUDITOR)
    expect(st == 200, 'project page: %d' % st)
    hrefs = re.findall(r'href="([^"]+)"', b.decode())
    expect('/projects/MSW-LINKS/export.xml' in hrefs and '/projects/MSW-LINKS/schedule.csv' in hrefs,
           'download links missing: %r' % [x for x in hrefs if 'MSW' in x])


def t_hostile_refused(s):
    """Hostile or broken files: a clear 400 naming the problem (the import page), nothing stored."""
    new_project(s, 'MSW-BAD')
    xxe = b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="http://schemas.microsoft.com/project"><Name>&x;</Name></Project>'
    lol = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
           + b''.join(b' <!ENTITY lol%d "%s">\n' % (i, (b'&lol%d;' % (i - 1) if i > 1 else b'&lol;') * 10) for i in range(1, 10))
           + b']>\n<Project xmlns="http://schemas.microsoft.com/project"><Name>&lol9;</Name></Project>')
    cases = [('xxe.xml', xxe, 'mspdi.error.doctype'), ('lol.xml', lol, 'mspdi.error.doctype'),
             ('p6.xml', open(os.path.join(FIX, 'negative', 'PredecessorCalendar.xml'), 'rb').read(), 'mspdi.error.not_mspdi'),
             ('cut.xml', fixture('task-links-project2013-mspdi.xml')[:5000], 'mspdi.error.xml')]
    for name, data, key in cases:
        before = s.db_snapshot()
        st, h, b = upload(s, 'MSW-BAD', data, filename=name, xml=True)
        expect(st == 400, '%s: %d %s' % (name, st, short(b)))
        expect(problem_keys(b) == [key], '%s: problems %r' % (name, problem_keys(b)))
        unchanged(s, before, name)
    before = s.db_snapshot()
    st, h, b = upload(s, 'MSW-BAD', xxe, filename='xxe.xml')
    text = b.decode()
    expect(st == 400 and (msg('zh-CN', 'mspdi.error.doctype') in text), 'HTML page: %d %s' % (st, short(b)))
    expect('root:' not in text, 'the entity was resolved')
    unchanged(s, before, 'xxe page')


def t_too_large(s):
    """A 50 MB file: refused with 413 before the program reads it, nothing stored."""
    before = s.db_snapshot()
    ctype, body = multipart([('csrf_token', token(s, MANAGER))], {'file': ('big.xml', b'<Project>' + b' ' * (50 << 20))})
    auth = s.auth_headers(MANAGER)
    head = ('POST /projects/MSW-BAD/import HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: %s\r\nContent-Length: %d\r\n'
            % (ctype, len(body)))
    head += ''.join('%s: %s\r\n' % kv for kv in auth.items()) + 'Connection: close\r\n\r\n'
    st, h, b = s.raw_http(head.encode() + body, timeout=60)
    expect(st == 413, '50 MB upload: %d %s' % (st, short(b)))
    unchanged(s, before, 'the 50 MB upload')


def t_not_empty_and_permission(s):
    before = s.db_snapshot()
    st, h, b = upload(s, 'MSW-LINKS', fixture('task-links-project2013-mspdi.xml'), xml=True)
    expect(st == 400 and problem_keys(b) == ['mspdi.error.not_empty'], 'into a project with tasks: %d %s' % (st, short(b)))
    unchanged(s, before, 'import into a project with tasks')
    st, h, b = upload(s, 'MSW-BAD', fixture('task-links-project2013-mspdi.xml'), user=ENGINEER)
    expect(st == 403, 'an engineer uploads: %d' % st)
    unchanged(s, before, "an engineer's upload")


def t_calendar_fixture(s):
    """calendar-calendars: the project calendar Standard (Mon-Fri 08:00-12:00, 13:00-17:00) becomes
    the project's own calendar; it has no exceptions of its own."""
    st, h, b = upload(s, 'MSW-CAL', fixture('calendar-calendars-project2013-mspdi.xml'))
    expect(st == 303, 'upload: %d %s' % (st, short(b)))
    row = db_all(s, "SELECT c.id, c.name, c.weekdays, c.hours FROM projects p JOIN calendars c ON c.id = p.calendar_id"
                    " WHERE p.code = 'MSW-CAL'")
    expect(row and row[0][1:] == ('MSW-CAL Standard', '12345', '08:00-12:00,13:00-17:00'), 'calendar %r' % row)
    n = db_one(s, "SELECT count(*) FROM calendar_exceptions WHERE calendar_id = ?", row[0][0])
    expect(n == 0, 'exceptions %r' % n)
    expect(db_one(s, "SELECT count(*) FROM audit_log WHERE action = 'calendar.create' AND entity_id = ?", str(row[0][0])) == 1,
           'calendar not audited')


def t_calendar_exceptions(s):
    """calendar-recurring-exceptions: all 27 exceptions, recurring ones expanded to the very days
    Project lists (138 entries, one of them three days), the working one with off = 0."""
    new_project(s, 'MSW-REC', '2017-10-01', '2017-12-31')
    st, h, b = upload(s, 'MSW-REC', fixture('calendar-recurring-exceptions-project2013-mspdi.xml'))
    expect(st == 303, 'upload: %d %s' % (st, short(b)))
    cid = db_one(s, "SELECT calendar_id FROM projects WHERE code = 'MSW-REC'")
    got = dict(db_all(s, "SELECT day, off FROM calendar_exceptions WHERE calendar_id = ?", cid))
    src = fixture('calendar-recurring-exceptions-project2013-mspdi.xml').decode()
    want = {}
    import datetime
    for m in re.finditer(r'<WeekDay>\s*<DayType>0</DayType>(.*?)</WeekDay>', src, re.S):
        f = re.search(r'<FromDate>(\d{4}-\d\d-\d\d)', m.group(1)).group(1)
        t = re.search(r'<ToDate>(\d{4}-\d\d-\d\d)', m.group(1)).group(1)
        off = 0 if '<DayWorking>1</DayWorking>' in m.group(1) else 1
        d = datetime.date.fromisoformat(f)
        while d <= datetime.date.fromisoformat(t):
            want[d.isoformat()] = off
            d += datetime.timedelta(days=1)
    expect(len(want) == 140, 'the fixture lists %d days' % len(want))
    expect(got == want, 'differs from Project: missing %r extra %r' % (
        sorted(set(want) - set(got))[:5], sorted(set(got) - set(want))[:5]))
    h, b = export(s, 'MSW-REC')
    exs = xml_root(b).findall('.//' + NS + 'Exception')
    working = [e for e in exs if e.findtext(NS + 'DayWorking') == '1']
    expect(exs and working and working[0].findtext(NS + 'TimePeriod/' + NS + 'FromDate') == '2010-01-02T00:00:00',
           'exported exceptions %d' % len(exs))


def t_assignments_by_name(s):
    """assignment-assignments: Resource 1 is a user's display name (owner), Resource 3 the display
    name of two users (ambiguous), Resource 2 nobody: both reported on the result, not fatal."""
    r = s.cli('user', 'add', 'res.one', '--role', 'engineer', '--name', 'Resource 1')
    expect(r.returncode == 0, 'user add: %s' % r.stderr)
    for login in ('res.three', 'res.three.b'):
        r = s.cli('user', 'add', login, '--role', 'engineer', '--name', 'Resource 3')
        expect(r.returncode == 0, 'user add: %s' % r.stderr)
    new_project(s, 'MSW-ASG', '2016-01-01', '2016-03-31')
    st, h, b = upload(s, 'MSW-ASG', fixture('assignment-assignments-project2013-mspdi.xml'))
    expect(st == 303, 'upload: %d %s' % (st, short(b)))
    owners = {n: o for u, n, a, f, o in tasks_of(s, 'MSW-ASG')}
    expect(owners == {'Task 1': 'res.one', 'Task 2': None, 'Task 3': None}, 'owners %r' % owners)
    st, h, b = s.request('GET', location(h) + '&format=xml', user=MANAGER)
    res = xml_root(b).find('import/result')
    names = sorted(u.get('name') for u in res.findall('unmatched'))
    expect(names == ['Resource 2', 'Resource 3'] and res.get('owners') == '1', 'result %r %r' % (names, res.attrib))
    st, h, b = s.request('GET', '/projects/MSW-ASG/import?imported=%s'
                         % db_one(s, "SELECT max(id) FROM audit_log WHERE action = 'project.import' AND entity_id = 'MSW-ASG'"),
                         user=MANAGER)
    expect('Resource 2' in b.decode(), 'unmatched names not on the page')
    # by login too, from a small file of our own
    own = ('<?xml version="1.0" encoding="UTF-8"?><Project xmlns="http://schemas.microsoft.com/project">'
           '<Name>own</Name><Tasks><Task><UID>1</UID><ID>1</ID><Name>巡检</Name><OutlineLevel>1</OutlineLevel>'
           '<Start>2016-01-04T08:00:00</Start><Duration>PT16H0M0S</Duration></Task></Tasks>'
           '<Resources><Resource><UID>7</UID><Name>wang.fang</Name></Resource></Resources>'
           '<Assignments><Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>7</ResourceUID></Assignment></Assignments>'
           '</Project>').encode()
    new_project(s, 'MSW-OWN', '2016-01-01', '2016-03-31')
    st, h, b = upload(s, 'MSW-OWN', own)
    expect(st == 303, 'own file: %d %s' % (st, short(b)))
    expect([(n, o) for u, n, a, f, o in tasks_of(s, 'MSW-OWN')] == [('巡检', 'wang.fang')], 'login owner')
    # a file without a calendar is scheduled as Project does it: on Project's Standard calendar, no
    # national holidays (its base is none), and the task without links starts at the project start
    cal = db_all(s, "SELECT c.weekdays, c.hours, c.base FROM calendars c JOIN projects p ON p.calendar_id = c.id"
                    " WHERE p.code = 'MSW-OWN'")
    expect(cal == [('12345', '08:00-12:00,13:00-17:00', 'none')], 'the calendar of a file without one: %r' % cal)
    expect([(a, f) for u, n, a, f, o in tasks_of(s, 'MSW-OWN')] == [('2016-01-01', '2016-01-04')],
           'the unlinked task: %r' % tasks_of(s, 'MSW-OWN'))
    h, b = export(s, 'MSW-OWN')
    root = xml_root(b)
    expect([r.findtext(NS + 'Name') for r in root.iter(NS + 'Resource')] and
           root.find('.//' + NS + 'Assignment') is not None, 'owner not exported as a resource')


def t_cli_shares_the_import(s):
    """The command line takes the same path: calendar and the unmatched names on stderr."""
    path = os.path.join(FIX, 'assignment-assignments-project2013-mspdi.xml')
    r = s.cli('import', '--format', 'mspdi', path, '--project', 'MSW-CLI')
    expect(r.returncode == 0 and 'Resource 2' in r.stderr and 'project calendar' in r.stdout, 'cli: %s %s' % (r.stdout, r.stderr))
    expect(db_one(s, "SELECT count(*) FROM audit_log WHERE action = 'project.import' AND entity_id = 'MSW-CLI'"
                     " AND json_extract(new_value, '$.unmatched[0]') = 'Resource 2'") == 1, 'cli audit record')


def t_audit_verify(s):
    r = s.cli('audit', 'verify')
    expect(r.returncode == 0, 'audit verify: %s %s' % (r.stdout, r.stderr))


def run():
    with Stack('basic') as s:
        CHECKS.check('mspdi.upload.task_links_303_audited', t_upload_task_links, s)
        CHECKS.check('mspdi.upload.result_page', t_result_page, s)
        CHECKS.check('mspdi.download.xml_attachment_uids_calendar', t_download_mspdi, s)
        CHECKS.check('mspdi.download.schedule_fields_only_when_set', t_schedule_fields, s)
        CHECKS.check('mspdi.download.schedule_csv', t_schedule_csv, s)
        CHECKS.check('mspdi.project_page_links', t_project_page_links, s)
        CHECKS.check('mspdi.refused.hostile_files_400_nothing_stored', t_hostile_refused, s)
        CHECKS.check('mspdi.refused.50mb_413', t_too_large, s)
        CHECKS.check('mspdi.refused.not_empty_and_engineer', t_not_empty_and_permission, s)
        CHECKS.check('mspdi.calendar.project_calendar_hours', t_calendar_fixture, s)
        CHECKS.check('mspdi.calendar.recurring_exceptions_as_project', t_calendar_exceptions, s)
        CHECKS.check('mspdi.resources.owners_by_name', t_assignments_by_name, s)
        CHECKS.check('mspdi.cli.same_import', t_cli_shares_the_import, s)
        CHECKS.check('mspdi.audit_verify', t_audit_verify, s)


if __name__ == '__main__':
    sys.exit(CHECKS.main((('mspdi', run),)))
