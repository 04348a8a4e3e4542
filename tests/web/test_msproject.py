#!/usr/bin/env python3
"""test_msproject.py - the schedule agrees with Microsoft Project's own files, and a plan keeps the
calendar it was made with.

- sample.xml (saved by Project 2002, finishes written as the next working morning): with Second
  Task's duration corrected (the file says PT800H where Project's own dates span 400 working
  hours), every task's Start, Finish, TotalSlack and Critical equal Project's; as the file is,
  every task but Second Task and its summary has Project's Start and Finish (their slack follows
  the 50 days longer Second Task, so it cannot be Project's).
- A calendar imported from a file stands alone (base "none"): a plan made in Project for a
  calendar without 元旦 keeps its dates; the calendar page says which base a calendar has; a
  manager of every project using it (or an administrator) switches it, audited and rescheduled in
  the same transaction; anyone else is refused and nothing changes.
- A finish written as 17:00 (Project 2013) or as the next working morning at 08:00 (Project 2002)
  is the same day.
- Pages: a task created without dates starts at the project start and counts toward the
  project's finish; a project created here follows China's holidays and exports exactly them.
- The command line says in words what is wrong: no administrator, a refused file, a bad e-mail.

    python3 tests/web/test_msproject.py [-k SUBSTRING] [-v]
"""

import os
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Stack, msg, expect, short, xml_root, db_all, db_one  # noqa: E402
import test_mspdi_web as mw  # noqa: E402

CHECKS = harness.Checks()
ADMIN, MANAGER, ENGINEER, AUDITOR = 'admin', 'zhang.wei', 'li.na', 'auditor'
NS = '{http://schemas.microsoft.com/project}'


def project_tasks(xml):
    """{UID: {field: text}} of every task of an MSPDI document (the project summary UID 0 too)."""
    out = {}
    for m in re.finditer(r'<Task>(.*?)</Task>', xml, re.S):
        t = m.group(1)
        g = {}
        for k in ('UID', 'Name', 'Start', 'Finish', 'TotalSlack', 'Critical', 'Milestone', 'Summary'):
            v = re.search(r'<%s>(.*?)</%s>' % (k, k), t)
            g[k] = v.group(1) if v else None
        out[int(g['UID'])] = g
    return out


def day_of_finish(dt):
    """Project 2002 writes the end of a working day as the next working morning: a finish at or
    before 08:00 belongs to the working day before (Monday 08:00 → Friday)."""
    import datetime
    d = datetime.date.fromisoformat(dt[:10])
    if dt[11:16] <= '08:00':
        d -= datetime.timedelta(days=1)
        while d.weekday() >= 5:
            d -= datetime.timedelta(days=1)
    return d.isoformat()


def import_export(s, path, code):
    r = s.cli('import', '--format', 'mspdi', path, '--project', code)
    expect(r.returncode == 0, 'import %s: %s %s' % (path, r.stdout, r.stderr))
    out = os.path.join(s.tmp, code + '.xml')
    r = s.cli('export', '--format', 'mspdi', '--project', code, '-o', out)
    expect(r.returncode == 0, 'export %s: %s' % (code, r.stderr))
    with open(out, encoding='utf-8') as f:
        return f.read()


def t_sample_corrected(s):
    """sample.xml with Second Task's duration corrected to the 400 hours its dates span: every task
    (summaries included; the project summary on its dates) has Project's Start and Finish (by day;
    Project 2002's next-morning finishes read as the day before), TotalSlack and Critical."""
    with open(os.path.join(mw.FIX, 'sample.xml'), encoding='utf-8') as f:
        src = f.read()
    fixed = src.replace('<Duration>PT800H0M0S</Duration>', '<Duration>PT400H0M0S</Duration>', 1)
    expect(fixed != src, 'Second Task\'s PT800H not found in sample.xml')
    path = os.path.join(s.tmp, 'sample-400h.xml')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(fixed)
    want, got = project_tasks(src), project_tasks(import_export(s, path, 'MSP-SAMPLE'))
    diff = []
    for uid, w in sorted(want.items()):
        g = got.get(uid)
        if g is None:
            diff.append('%d %s: missing' % (uid, w['Name']))
            continue
        pairs = [('Start', w['Start'][:10], (g['Start'] or '')[:10]),
                 ('Finish', day_of_finish(w['Finish']), day_of_finish(g['Finish'] or ''))]
        if uid:
            pairs += [('TotalSlack', w['TotalSlack'], g['TotalSlack']), ('Critical', w['Critical'], g['Critical'])]
        diff += ['%d %s %s: Project %s, opsplan %s' % (uid, w['Name'], k, a, b) for k, a, b in pairs if a != b]
    expect(not diff, '%d differences: %s' % (len(diff), '; '.join(diff[:8])))
    expect(len(want) == 20, 'sample.xml has %d tasks' % len(want))
    # the project's dates: StartDate, and FinishDate 2003-03-18T08:00 read as 03-17
    expect(db_all(s, "SELECT planned_start, planned_finish FROM projects WHERE code = 'MSP-SAMPLE'")
           == [('2003-01-07', '2003-03-17')], 'project dates %r' % db_all(
               s, "SELECT planned_start, planned_finish FROM projects WHERE code = 'MSP-SAMPLE'"))


def t_sample_as_is(s):
    """sample.xml as it is: every task but Second Task (PT800H) and its summary First Task keeps
    Project's Start and Finish; Second Task takes its 100 working days."""
    path = os.path.join(mw.FIX, 'sample.xml')
    with open(path, encoding='utf-8') as f:
        want = project_tasks(f.read())
    got = project_tasks(import_export(s, path, 'MSP-ASIS'))
    diff = []
    for uid, w in sorted(want.items()):
        if uid in (0, 1, 2):
            continue
        g = got[uid]
        for k, a, b in (('Start', w['Start'][:10], g['Start'][:10]),
                        ('Finish', day_of_finish(w['Finish']), day_of_finish(g['Finish']))):
            if a != b:
                diff.append('%d %s %s: Project %s, opsplan %s' % (uid, w['Name'], k, a, b))
    expect(not diff, '; '.join(diff[:8]))
    expect((got[2]['Start'][:10], got[2]['Finish'][:10]) == ('2003-01-07', '2003-05-26'),
           'Second Task over 100 working days: %s..%s' % (got[2]['Start'], got[2]['Finish']))


def t_task_links_exact(s):
    """Microsoft Project 2013's task-links file: Start and Finish to the minute, and every slack,
    as Project computed them (all four link types, lags in days and weeks)."""
    path = os.path.join(mw.FIX, 'task-links-project2013-mspdi.xml')
    with open(path, encoding='utf-8') as f:
        want = project_tasks(f.read())
    got = project_tasks(import_export(s, path, 'MSP-TL'))
    diff = ['%d %s: Project %s, opsplan %s' % (u, k, w[k], got[u][k]) for u, w in want.items() if u
            for k in ('Start', 'Finish', 'TotalSlack', 'Critical') if w[k] != got[u][k]]
    expect(not diff, '; '.join(diff[:8]))


def small_plan(finish_2002=False):
    """A plan made in Project over New Year 2026 on a calendar without holidays: A (5 days from
    Mon 2025-12-29, so over 元旦) and its milestone M (FS); an FNLT deadline on M at the end of
    2026-01-02, written as 17:00 or (Project 2002) as the next working morning, 2026-01-05 08:00."""
    deadline = '2026-01-05T08:00:00' if finish_2002 else '2026-01-02T17:00:00'
    finish = '2026-01-05T08:00:00' if finish_2002 else '2026-01-02T17:00:00'
    days = ''.join('<WeekDay><DayType>%d</DayType><DayWorking>%d</DayWorking>%s</WeekDay>' % (
        d, 1 if 2 <= d <= 6 else 0,
        '<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>'
        '<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes>'
        if 2 <= d <= 6 else '') for d in range(1, 8))
    return ('<?xml version="1.0" encoding="UTF-8"?><Project xmlns="http://schemas.microsoft.com/project">'
            '<Name>New Year</Name><StartDate>2025-12-29T08:00:00</StartDate><FinishDate>%s</FinishDate>'
            '<CalendarUID>1</CalendarUID><MinutesPerDay>480</MinutesPerDay><Calendars><Calendar><UID>1</UID>'
            '<Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>%s</WeekDays></Calendar></Calendars>'
            '<Tasks><Task><UID>1</UID><ID>1</ID><Name>A</Name><OutlineLevel>1</OutlineLevel>'
            '<Duration>PT40H0M0S</Duration></Task>'
            '<Task><UID>2</UID><ID>2</ID><Name>M</Name><OutlineLevel>1</OutlineLevel><Milestone>1</Milestone>'
            '<Duration>PT0H0M0S</Duration><ConstraintType>7</ConstraintType><ConstraintDate>%s</ConstraintDate>'
            '<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>'
            '</Tasks></Project>') % (finish, days, deadline)


def dates(s, code):
    return db_all(s, "SELECT t.name, t.planned_start, t.planned_finish, t.deadline_missed FROM tasks t"
                     " JOIN projects p ON p.id = t.project_id WHERE p.code = ? ORDER BY t.seq", code)


def t_file_calendar_stands_alone(s):
    """The file's calendar has no 元旦: A runs Mon 12-29 to Fri 01-02 as in Project (with China's
    holidays it would end 01-05); the milestone sits on 01-02, meeting its deadline. The calendar
    is the project's own with base none, and the export gives exactly it: no holiday exceptions."""
    for code, old in (('NY-2013', False), ('NY-2002', True)):
        path = os.path.join(s.tmp, code + '.xml')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(small_plan(old))
        r = s.cli('import', '--format', 'mspdi', path, '--project', code)
        expect(r.returncode == 0, 'import %s: %s' % (code, r.stderr))
        expect(dates(s, code) == [('A', '2025-12-29', '2026-01-02', 0), ('M', '2026-01-02', '2026-01-02', 0)],
               '%s: %r' % (code, dates(s, code)))
        expect(db_all(s, "SELECT c.base, c.weekdays FROM calendars c JOIN projects p ON p.calendar_id = c.id"
                         " WHERE p.code = ?", code) == [('none', '12345')], 'the calendar of %s' % code)
        # both finishes are the same day: the deadline and the project's finish
        expect(db_all(s, "SELECT t.constraint_date FROM tasks t JOIN projects p ON p.id = t.project_id"
                         " WHERE p.code = ? AND t.name = 'M'", code) == [('2026-01-02',)], '%s deadline' % code)
        expect(db_one(s, "SELECT planned_finish FROM projects WHERE code = ?", code) == '2026-01-02',
               '%s finish %s' % (code, db_one(s, "SELECT planned_finish FROM projects WHERE code = ?", code)))
    out = os.path.join(s.tmp, 'ny.xml')
    r = s.cli('export', '--format', 'mspdi', '--project', 'NY-2013', '-o', out)
    expect(r.returncode == 0, 'export: %s' % r.stderr)
    root = xml_root(open(out, 'rb').read())
    expect(root.find('.//' + NS + 'Exception') is None, 'the export has exception days the file did not have')
    ms = [t for t in root.iter(NS + 'Task') if t.findtext(NS + 'Name') == 'M'][0]
    expect((ms.findtext(NS + 'Start'), ms.findtext(NS + 'Finish')) == ('2026-01-02T17:00:00', '2026-01-02T17:00:00'),
           'the milestone: Start %s Finish %s' % (ms.findtext(NS + 'Start'), ms.findtext(NS + 'Finish')))


def calendar_of(s, code):
    return db_one(s, "SELECT calendar_id FROM projects WHERE code = ?", code)


def t_calendar_page_base(s):
    """The calendar page says which base a calendar has: the imported one none, a project calendar
    made on the pages China's, in both languages; the global one is China's."""
    cid = calendar_of(s, 'NY-2013')
    x = s.get_xml('/admin/calendars/%d' % cid, MANAGER)[1].find('calendar')
    expect(x.get('holidays') == 'none', 'imported calendar: %r' % x.attrib)
    for lang in ('zh-CN', 'en'):
        st, h, b = s.request('GET', '/admin/calendars/%d' % cid, user=AUDITOR, headers={'Accept-Language': lang})
        expect(st == 200 and msg(lang, 'calendars.holidays.none').encode() in b, 'page (%s): %d' % (lang, st))
    st, h, b = mw.post(s, '/admin/calendars', ADMIN, {'name': '夜间窗口 night', 'weekdays': '1', 'hours': '09:00-12:00'})
    made = db_one(s, "SELECT base FROM calendars WHERE name = '夜间窗口 night'")
    expect(made == 'china', 'a calendar made on the pages: %r (%d %s)' % (made, st, short(b)))
    expect(s.get_xml('/admin/calendar', AUDITOR)[1].find('calendar').get('holidays') == 'china', 'the global calendar')


def t_base_switch_audited(s):
    """An administrator switches NY-2013's calendar to China's: in the same transaction A moves
    past 元旦 (01-01 to 01-03 off, Sunday 01-04 a working day) and M misses its deadline; a
    calendar.base record holds before and after; switching back restores the file's dates."""
    cid = calendar_of(s, 'NY-2013')
    before = db_one(s, "SELECT count(*) FROM audit_log WHERE action = 'calendar.base'")
    st, h, b = mw.post(s, '/admin/calendars/%d/holidays' % cid, ADMIN, {'holidays': 'china'})
    expect(st == 303, 'switch: %d %s' % (st, short(b)))
    expect(dates(s, 'NY-2013') == [('A', '2025-12-29', '2026-01-05', 0), ('M', '2026-01-05', '2026-01-05', 1)],
           'with China\'s holidays: %r' % dates(s, 'NY-2013'))
    rec = db_all(s, "SELECT entity_id, json_extract(old_value, '$.base'), json_extract(new_value, '$.base'), actor"
                    " FROM audit_log WHERE action = 'calendar.base' ORDER BY id DESC LIMIT 1")
    expect(rec == [(str(cid), 'none', 'china', ADMIN)], 'audit %r' % rec)
    st, h, b = mw.post(s, '/admin/calendars/%d/holidays' % cid, ADMIN, {'holidays': 'none'})
    expect(st == 303 and dates(s, 'NY-2013')[0] == ('A', '2025-12-29', '2026-01-02', 0), 'back: %r' % dates(s, 'NY-2013'))
    expect(db_one(s, "SELECT count(*) FROM audit_log WHERE action = 'calendar.base'") == before + 2, 'two records')


def t_base_switch_refused(s):
    """A manager who does not manage the projects on a calendar, an engineer and an auditor are
    refused (403), a value other than china/none is refused with the field named (400), the global
    calendar's base cannot change: nothing is stored. A manager of every project on a calendar may
    switch it."""
    cid = calendar_of(s, 'NY-2013')   # managed by admin (imported on the command line)
    snap = s.db_snapshot()
    for user in (MANAGER, ENGINEER, AUDITOR):
        st, h, b = mw.post(s, '/admin/calendars/%d/holidays' % cid, user, {'holidays': 'china'})
        expect(st == 403, '%s: %d' % (user, st))
    harness.refused(s, '/admin/calendars/%d/holidays' % cid, ADMIN, {'holidays': 'usa'}, 'holidays',
                    'calendar.error.holidays', 'an unknown base')
    st, h, b = mw.post(s, '/admin/calendars/1/holidays', ADMIN, {'holidays': 'none'})
    expect(st == 400, 'the global calendar: %d' % st)
    mw.unchanged(s, snap, 'refused base switches')
    # zhang.wei manages MSW-MGR and its imported calendar is used by no other project
    mw.new_project(s, 'MSW-MGR', '2025-12-01', '2026-02-27')
    st, h, b = mw.upload(s, 'MSW-MGR', small_plan().encode())
    expect(st == 303, 'upload: %d %s' % (st, short(b)))
    mine = calendar_of(s, 'MSW-MGR')
    expect(s.get_xml('/admin/calendars/%d' % mine, MANAGER)[1].find('calendar').get('can-holidays') == '1',
           'the manager is not offered the switch')
    st, h, b = mw.post(s, '/admin/calendars/%d/holidays' % mine, MANAGER, {'holidays': 'china'})
    expect(st == 303 and db_one(s, 'SELECT base FROM calendars WHERE id = ?', mine) == 'china',
           'the project\'s manager: %d' % st)


def t_page_project_keeps_china(s):
    """A project made on the pages follows the global calendar (China's): its export carries China's
    holidays and adjusted working days as exceptions, e.g. National Day 2026-10-01 off and the
    make-up Saturday 2026-10-10 working."""
    h, b = mw.export(s, 'DCM-2026')
    root = xml_root(b)
    ex = {(e.findtext(NS + 'TimePeriod/' + NS + 'FromDate') or '')[:10]: e.findtext(NS + 'DayWorking')
          for e in root.iter(NS + 'Exception')}
    spans = [(e.findtext(NS + 'TimePeriod/' + NS + 'FromDate')[:10], e.findtext(NS + 'TimePeriod/' + NS + 'ToDate')[:10],
              e.findtext(NS + 'DayWorking')) for e in root.iter(NS + 'Exception')]
    off = any(a <= '2026-10-01' <= z and w == '0' for a, z, w in spans)
    work = any(a <= '2026-10-10' <= z and w == '1' for a, z, w in spans)
    expect(ex and off and work, 'China\'s days in the export: off %s, working %s (%d exceptions)' % (off, work, len(ex)))


def t_page_task_without_dates(s):
    """A task created on the pages without any date starts at the project start (ASAP), has float,
    and a long one moves the project's schedule finish: nothing drops out of the schedule."""
    mw.new_project(s, 'ASAP-1', '2026-12-01', '2026-12-31')
    base = {'name': '', 'description': '', 'owner': '', 'estimate_hours': '', 'duration_days': '',
            'planned_start': '', 'planned_finish': '', 'actual_start': '', 'actual_finish': '', 'priority': '3',
            'status': 'not_started', 'percent': '0', 'remaining_hours': '', 'category': '', 'predecessors': '',
            'parent': '0', 'constraint_type': 'ASAP', 'constraint_date': ''}
    st, h, b = s.request('GET', '/projects/ASAP-1/tasks/new?format=xml', user=MANAGER)
    expect(xml_root(b).find('task-form').get('planned_start') == '', 'the new-task form fills in a start')
    for name, days in (('短 short', '2'), ('长 long', '30')):
        st, h, b = mw.post(s, '/projects/ASAP-1/tasks', MANAGER, dict(base, name=name, duration_days=days))
        expect(st == 303, 'create %s: %d %s' % (name, st, short(b)))
    rows = db_all(s, "SELECT t.name, t.planned_start, t.planned_finish, t.total_float, t.critical FROM tasks t"
                     " JOIN projects p ON p.id = t.project_id WHERE p.code = 'ASAP-1' ORDER BY t.seq")
    # Tue 12-01; the long task's 30 working days end 2027-01-11 (2027's holidays are not published
    # yet, so 2027-01-01 is a working Friday)
    expect(rows == [('短 short', '2026-12-01', '2026-12-02', 28, 0), ('长 long', '2026-12-01', '2027-01-11', 0, 1)],
           'ASAP tasks: %r' % rows)


def t_cli_messages(s):
    """No command line message shows a message key: an import into a database without an
    administrator says how to make one; refused files and values are explained in words."""
    fresh = os.path.join(s.tmp, 'noadmin.db')
    r = s.cli('init', db=fresh)
    expect(r.returncode == 0, 'init: %s' % r.stderr)
    r = s.cli('import', '--format', 'mspdi', os.path.join(mw.FIX, 'sample.xml'), '--project', 'X-1', db=fresh)
    expect(r.returncode == 1 and 'opsplan user add LOGIN --role admin' in r.stderr, 'no admin: %s' % r.stderr)
    bad = os.path.join(mw.FIX, 'negative', 'PredecessorCalendar.xml')
    r = s.cli('import', '--format', 'mspdi', bad, '--project', 'X-2')
    expect(r.returncode == 1 and msg('en', 'mspdi.error.not_mspdi') in r.stderr, 'not MSPDI: %s' % r.stderr)
    r = s.cli('user', 'add', 'x.y', '--role', 'viewer', '--email', 'not an address')
    expect(r.returncode == 2 and msg('en', 'error.email') in r.stderr, 'bad e-mail: %s' % r.stderr)
    loop = ('<?xml version="1.0" encoding="UTF-8"?><Project xmlns="http://schemas.microsoft.com/project"><Name>L</Name>'
            '<StartDate>2026-12-01T08:00:00</StartDate><Tasks>'
            '<Task><UID>1</UID><Name>a</Name><Duration>PT8H0M0S</Duration><PredecessorLink><PredecessorUID>2'
            '</PredecessorUID></PredecessorLink></Task><Task><UID>2</UID><Name>b</Name><Duration>PT8H0M0S</Duration>'
            '<PredecessorLink><PredecessorUID>1</PredecessorUID></PredecessorLink></Task></Tasks></Project>')
    path = os.path.join(s.tmp, 'loop.xml')
    with open(path, 'w') as f:
        f.write(loop)
    r = s.cli('import', '--format', 'mspdi', path, '--project', 'X-3')
    expect(r.returncode == 1 and 'loop' in r.stderr, 'loop: %s' % r.stderr)
    for out in (r.stderr,):
        expect(not re.search(r'\b(error|mspdi)\.[a-z_]+', out), 'a raw key: %s' % out)


def t_audit_verify(s):
    r = s.cli('audit', 'verify')
    expect(r.returncode == 0, 'audit verify: %s %s' % (r.stdout, r.stderr))


def run():
    with Stack('basic', env={'OPSPLAN_NOW': '2026-12-01T01:00:00Z'}) as s:
        CHECKS.check('msproject.sample_corrected_every_task', t_sample_corrected, s)
        CHECKS.check('msproject.sample_as_is_dates', t_sample_as_is, s)
        CHECKS.check('msproject.task_links_exact', t_task_links_exact, s)
        CHECKS.check('msproject.file_calendar_stands_alone', t_file_calendar_stands_alone, s)
        CHECKS.check('msproject.calendar_page_base', t_calendar_page_base, s)
        CHECKS.check('msproject.base_switch_audited', t_base_switch_audited, s)
        CHECKS.check('msproject.base_switch_refused', t_base_switch_refused, s)
        CHECKS.check('msproject.page_project_keeps_china', t_page_project_keeps_china, s)
        CHECKS.check('msproject.page_task_without_dates', t_page_task_without_dates, s)
        CHECKS.check('msproject.cli_messages', t_cli_messages, s)
        CHECKS.check('msproject.audit_verify', t_audit_verify, s)


def main():
    return CHECKS.main((('msproject', run),))


if __name__ == '__main__':
    sys.exit(main())
