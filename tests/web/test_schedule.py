#!/usr/bin/env python3
"""Scheduling through the real stack: working hours and hour lags, date constraints (deadline
flagged not moved, fixed start, start no earlier than), actual dates and remaining work from the
status date, an owner's leave, a project calendar, "why this date" with the calendar gap, and a task
that loses its links getting its entered dates back. The clock is fixed at Monday 2026-12-07
09:00 in Shanghai, so every date below is known; China's 2026 calendar ships in migration 003.

Run: OPSPLAN_BIN=build/opsplan python3 tests/web/test_schedule.py [-k NAME] [-v]
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Stack, expect, db_write  # noqa: E402
import test_plan as tp  # noqa: E402  (the form and database helpers of the plan suite)

CHECKS = harness.Checks()
MANAGER, ENGINEER = tp.MANAGER, tp.ENGINEER
NOW = '2026-12-07T01:00:00Z'          # Monday 09:00 Asia/Shanghai
CODE = 'SCH-1'


def task(s, name, **kw):
    return tp.new_task(s, CODE, name, **kw)


def row(s, tid, cols='planned_start, planned_finish'):
    return tp.db_all(s, 'SELECT %s FROM tasks WHERE id = ?' % cols, tid)[0]


def task_xml(s, tid):
    return tp.get_xml(s, '/tasks/%d' % tid, MANAGER).find('task')


def touch(s, tid, **kw):
    """Saves task tid through its edit form with its stored values (plus kw): a write that
    recomputes the project."""
    t = tp.get_xml(s, '/tasks/%d/edit' % tid, MANAGER).find('task-form')
    f = {k: t.get(k) or '' for k in ('name', 'description', 'owner', 'estimate_hours', 'duration_days',
                                     'planned_start', 'planned_finish', 'actual_start', 'actual_finish',
                                     'status', 'percent', 'remaining_hours', 'category', 'predecessors',
                                     'constraint_type', 'constraint_date', 'priority', 'milestone', 'parent')}
    if f['milestone'] != '1':
        del f['milestone']
    f.update(kw)
    st, h, b = tp.post(s, '/tasks/%d' % tid, MANAGER, f)
    expect(st == 303, 'save task %d: %d %s' % (tid, st, tp.short(b)))


def t_hour_lag(s):
    """FS+4h: A fills Tue 12-01; B starts 4 working hours into Wed (09-12 and 13-14: 14:00) and,
    one working day long, finishes Thu 14:00; the text keeps the hours."""
    tp.new_project(s, CODE, '排期测试 Scheduling', '2026-12-01', '2027-01-29')
    a = task(s, 'A 准备', planned_start='2026-12-01', duration_days='1')
    b = task(s, 'B 实施', planned_start='2026-12-01', duration_days='1', predecessors='1FS+4h')
    r = row(s, b, 'planned_start, planned_finish, predecessors, early_start, early_finish')
    expect(r == ('2026-12-02', '2026-12-03', '1FS+4h', '2026-12-02T14:00', '2026-12-03T14:00'), 'B %r' % (r,))
    r = row(s, a, 'early_start, early_finish, late_start, late_finish, total_float, free_float')
    expect(r == ('2026-12-01T09:00', '2026-12-01T18:00', '2026-12-01T09:00', '2026-12-01T18:00', 0, 0), 'A %r' % (r,))
    x = task_xml(s, b)
    expect(x.get('driving-link') == 'FS+4h' and x.get('early-start') == '2026-12-02T14:00',
           'why: link %r early %r' % (x.get('driving-link'), x.get('early-start')))
    tp.S['sch'] = {'a': a, 'b': b}


def t_deadline_flagged_not_moved(s):
    """FNLT 12-04 on a 3-day task after B (Thu 14:00 → Tue 12-08 14:00): flagged, not moved, and
    its float is negative; the task page and the WBS row say so."""
    ids = tp.S['sch']
    d = task(s, 'D 截止', planned_start='2026-12-01', duration_days='3', predecessors='2',
             constraint_type='FNLT', constraint_date='2026-12-04')
    r = row(s, d, 'planned_start, planned_finish, deadline_missed, constraint_type, constraint_date')
    expect(r == ('2026-12-03', '2026-12-08', 1, 'FNLT', '2026-12-04'), 'D %r' % (r,))
    tf = row(s, d, 'total_float')[0]
    expect(tf is not None and tf < 0, 'the missed deadline shows as negative float: %r' % tf)
    x = task_xml(s, d)
    expect(x.get('deadline-missed') == '1' and x.get('constraint-type') == 'FNLT', 'task xml %r' % x.attrib)
    st, h, body = s.request('GET', '/tasks/%d' % d, user=MANAGER, headers={'Accept-Language': 'en'})
    expect(st == 200 and b'deadline missed' in body, 'the task page does not flag the deadline: %d' % st)
    rows = tp.get_xml(s, '/projects/' + CODE, MANAGER).findall('.//tasks/task')
    expect([t.get('deadline-missed') for t in rows if t.get('id') == str(d)] == ['1'], 'WBS row not flagged')
    # a deadline that holds is not flagged
    touch(s, d, constraint_date='2026-12-18')
    expect(row(s, d, 'deadline_missed, planned_finish') == (0, '2026-12-08'), 'D with a later deadline %r' % (row(s, d),))
    ids['d'] = d


def t_fixed_start_and_snet(s):
    """MSO pins a night-window task whatever its link says; SNET without links is scheduled too."""
    e = task(s, 'E 割接窗口', planned_start='2026-12-01', duration_days='1', predecessors='1',
             constraint_type='MSO', constraint_date='2026-12-10')
    expect(row(s, e) == ('2026-12-10', '2026-12-10'), 'MSO %r' % (row(s, e),))
    f = task(s, 'F 复核', planned_start='2026-12-01', duration_days='2', constraint_type='SNET',
             constraint_date='2026-12-11')
    expect(row(s, f) == ('2026-12-11', '2026-12-14'), 'SNET over a weekend %r' % (row(s, f),))


def t_constraint_refused(s):
    """A constraint that is not in the list, or one without its date, is refused at its field and
    nothing is stored."""
    before = s.db_snapshot()
    base = {'name': 'X', 'description': '', 'owner': '', 'estimate_hours': '', 'duration_days': '1',
            'planned_start': '2026-12-01', 'planned_finish': '', 'actual_start': '', 'actual_finish': '',
            'priority': '3', 'status': 'not_started', 'percent': '0', 'remaining_hours': '', 'category': '',
            'predecessors': '', 'parent': '0'}
    for ct, cd, field, key in (('XYZ', '2026-12-01', 'constraint_type', 'error.constraint_type'),
                               ('FNLT', '', 'constraint_date', 'error.constraint_date'),
                               ('MSO', '2026-02-30', 'constraint_date', 'error.constraint_date')):
        st, h, body = tp.post(s, '/projects/%s/tasks' % CODE, MANAGER, dict(base, constraint_type=ct, constraint_date=cd),
                              xml=True)
        expect(st == 400, '%s %r: %d' % (ct, cd, st))
        expect((field, key) in tp.errors_of(tp.xml_root(body, ct)), '%s: errors %r' % (ct, tp.errors_of(tp.xml_root(body))))
    st, h, body = tp.post(s, '/projects/%s/tasks' % CODE, MANAGER, dict(base, constraint_type='XYZ'))
    expect(st == 400 and b'f-constraint_type' in body, 'the HTML form does not name the field: %d' % st)
    tp.unchanged(s, before, 'refused constraints')


def t_actuals_and_remaining(s):
    """Status date Mon 12-07. G started Tue 12-01, 4 days, 25 % done: 3 days remain from today, so
    it finishes Wed 12-09 and its successor starts Thu 12-10. A done task sits at its actual dates;
    an unstarted task in the past is not pushed to today."""
    g = task(s, 'G 进行中', planned_start='2026-12-01', duration_days='4', status='in_progress',
             actual_start='2026-12-01', percent='25')
    h = task(s, 'H 后续', planned_start='2026-12-01', duration_days='1', predecessors=tp.db_one(
        s, 'SELECT wbs FROM tasks WHERE id = ?', g))
    expect(row(s, g) == ('2026-12-01', '2026-12-09'), 'G %r' % (row(s, g),))
    expect(row(s, h) == ('2026-12-10', '2026-12-10'), 'H %r' % (row(s, h),))
    # progress through the progress form moves the schedule too: 75 % leaves one day from today
    st, hd, b = tp.post(s, '/tasks/%d/progress' % g, MANAGER, {'percent': '75', 'hours_spent': '8',
                                                               'remaining_hours': '8', 'status': 'in_progress',
                                                               'note': '', 'delay_reason': 'vendor'})
    expect(st == 303, 'progress: %d %s' % (st, tp.short(b)))
    expect(row(s, g) == ('2026-12-01', '2026-12-07'), 'G at 75 %% %r' % (row(s, g),))
    expect(row(s, h) == ('2026-12-08', '2026-12-08'), 'H after G at 75 %% %r' % (row(s, h),))
    k = task(s, 'K 已完成', planned_start='2026-12-01', duration_days='5', status='done', actual_start='2026-12-01',
             actual_finish='2026-12-02', percent='100', predecessors='1')
    expect(row(s, k) == ('2026-12-01', '2026-12-02'), 'done task at its actual dates %r' % (row(s, k),))
    # a cancelled task in a chain takes no time: its successor follows its predecessor directly
    wg = tp.db_one(s, 'SELECT wbs FROM tasks WHERE id = ?', g)
    cx = task(s, 'CX 取消', planned_start='2026-12-01', duration_days='3', status='cancelled', predecessors=wg)
    wc = tp.db_one(s, 'SELECT wbs FROM tasks WHERE id = ?', cx)
    cy = task(s, 'CY 后续', planned_start='2026-12-01', duration_days='1', predecessors=wc)
    expect(row(s, cy) == ('2026-12-08', '2026-12-08'), 'after a cancelled task %r' % (row(s, cy),))
    m = task(s, 'M 未开始', planned_start='2026-12-02', duration_days='1', predecessors='1')
    expect(row(s, m) == ('2026-12-02', '2026-12-02'), 'an unstarted task was pushed %r' % (row(s, m),))
    tp.S['sch'].update(g=g, h=h)


def t_cron_reschedules(s):
    """opsplan cron on Wednesday 12-09 moves G's remaining day to that day (and H after it), with a
    project.reschedule audit record; run again the same day it changes nothing."""
    g, h = tp.S['sch']['g'], tp.S['sch']['h']
    wed = {'OPSPLAN_NOW': '2026-12-09T01:00:00Z'}
    r = s.cli('cron', env=wed)
    expect(r.returncode == 0 and 'rescheduled SCH-1' in r.stdout, 'cron: %d %r %r' % (r.returncode, r.stdout, r.stderr))
    expect(row(s, g) == ('2026-12-01', '2026-12-09') and row(s, h) == ('2026-12-10', '2026-12-10'),
           'after cron G %r H %r' % (row(s, g), row(s, h)))
    n = tp.db_one(s, "SELECT count(*) FROM audit_log WHERE action = 'project.reschedule' AND entity_id = 'SCH-1'")
    expect(n == 1, 'project.reschedule records: %d' % n)
    r = s.cli('cron', env=wed)
    expect(r.returncode == 0 and 'rescheduled SCH-1' not in r.stdout, 'second run: %r' % r.stdout)
    expect(tp.db_one(s, "SELECT count(*) FROM audit_log WHERE action = 'project.reschedule' AND entity_id = 'SCH-1'") == 1,
           'the second run wrote an audit record')


def t_links_lost(s):
    """P2 follows P1; when P1 is deleted P2 has no links and gets the start entered for it back: it
    is still scheduled (every task is), with float and no driving predecessor."""
    p1 = task(s, 'P1 前置', planned_start='2026-12-14', duration_days='2')
    wbs = tp.db_one(s, 'SELECT wbs FROM tasks WHERE id = ?', p1)
    p2 = task(s, 'P2 后继', planned_start='2026-12-14', duration_days='2', predecessors=wbs)
    expect(row(s, p2) == ('2026-12-16', '2026-12-17'), 'P2 linked %r' % (row(s, p2),))
    st, h, b = tp.post(s, '/tasks/%d/delete' % p1, MANAGER, {'confirm': 'yes'})
    expect(st == 303, 'delete P1: %d' % st)
    r = row(s, p2, 'planned_start, planned_finish, early_start, driving_pred')
    expect(r == ('2026-12-14', '2026-12-15', '2026-12-14T09:00', None), 'P2 unlinked %r' % (r,))
    expect(row(s, p2, 'total_float')[0] is not None, 'P2 has no float: it dropped out of the schedule')


def t_calendar_gap(s):
    """Across a weekend the task page names the two non-working days between the driving
    predecessor's finish and the start."""
    q1 = task(s, 'Q1 周五', planned_start='2026-12-18', duration_days='1')
    wbs = tp.db_one(s, 'SELECT wbs FROM tasks WHERE id = ?', q1)
    q2 = task(s, 'Q2 周一', planned_start='2026-12-14', duration_days='1', predecessors=wbs)
    expect(row(s, q2) == ('2026-12-21', '2026-12-21'), 'Q2 %r' % (row(s, q2),))
    x = task_xml(s, q2)
    expect(x.get('calendar-gap') == '2' and x.get('driving-id') == str(q1), 'gap %r' % x.attrib)
    expect(x.get('driving-link') == 'FS', 'a plain FS link shows as %r' % x.get('driving-link'))


def t_leave_stretches(s):
    """li.na is on leave Tue 12-15 and Wed 12-16: her 3-day task from Mon 12-14 works Mon, Thu and
    Fri and finishes 12-18; the same task of someone else finishes Wed."""
    uid = tp.db_one(s, "SELECT id FROM users WHERE login = ?", ENGINEER)
    db_write(s, "INSERT INTO user_leave (user_id, start_day, end_day, note, created_at) VALUES (?, '2026-12-15',"
                " '2026-12-16', '年假', '2026-12-01T00:00:00Z')", uid)
    l1 = task(s, 'L 李娜', planned_start='2026-12-14', duration_days='3', owner=ENGINEER)
    l2 = task(s, 'L 王芳', planned_start='2026-12-14', duration_days='3', owner=tp.OTHER_ENGINEER)
    expect(row(s, l1) == ('2026-12-14', '2026-12-18'), 'leave %r' % (row(s, l1),))
    expect(row(s, l2) == ('2026-12-14', '2026-12-16'), 'no leave %r' % (row(s, l2),))


def t_project_calendar(s):
    """A project on a six-day week with 08:00-12:00 and 13:00-17:00: a 3-day task from Fri 12-04
    works Fri, Sat and Mon; FS+4h after it starts at 13:00 (the end of the morning is lunch)."""
    tp.new_project(s, 'SCH-CAL', '六天工作制 Six-day week', '2026-12-01', '2027-01-29')
    db_write(s, "INSERT INTO calendars (name, weekdays, hours) VALUES ('six-day', '123456', '08:00-12:00,13:00-17:00')")
    db_write(s, "UPDATE projects SET calendar_id = (SELECT id FROM calendars WHERE name = 'six-day') WHERE code = 'SCH-CAL'")
    a = tp.new_task(s, 'SCH-CAL', 'A', planned_start='2026-12-04', duration_days='3')
    b = tp.new_task(s, 'SCH-CAL', 'B', planned_start='2026-12-04', duration_days='1', predecessors='1FS+4h')
    expect(row(s, a) == ('2026-12-04', '2026-12-07'), 'A on a six-day week %r' % (row(s, a),))
    r = row(s, b, 'early_start, early_finish')
    expect(r == ('2026-12-08T13:00', '2026-12-09T12:00'), 'B %r' % (r,))


def t_wbs_table_links(s):
    """The WBS table's structure view has a predecessors field per row, in a form of its own;
    posting it links the task, reschedules and audits; a bad reference is refused, naming the
    field, and nothing changes."""
    ids = tp.S['sch']
    st, h, body = s.request('GET', '/projects/%s?edit=1' % CODE, user=MANAGER)
    html = body.decode('utf-8')
    expect(st == 200 and 'id="lk-%d"' % ids['b'] in html and 'form="lk-%d"' % ids['b'] in html,
           'no per-row predecessors form: %d' % st)
    wb = tp.db_one(s, 'SELECT wbs FROM tasks WHERE id = ?', ids['a'])
    n0 = tp.db_one(s, "SELECT count(*) FROM audit_log WHERE action = 'task.links'")
    st, h, b = tp.post(s, '/tasks/%d/links' % ids['b'], MANAGER, {'predecessors': wb + 'FS+1d'})
    expect(st == 303 and '/projects/%s?edit=1' % CODE in tp.location(h), 'links post: %d %s' % (st, tp.short(b)))
    expect(row(s, ids['b'], 'predecessors, planned_start') == (wb + 'FS+1d', '2026-12-03'), 'B %r' % (row(s, ids['b']),))
    expect(tp.db_one(s, "SELECT count(*) FROM audit_log WHERE action = 'task.links'") == n0 + 1, 'not audited')
    before = s.db_snapshot()
    st, h, b = tp.post(s, '/tasks/%d/links' % ids['b'], MANAGER, {'predecessors': '999'}, xml=True)
    expect(st == 400 and ('predecessors', 'error.predecessor_unknown') in tp.errors_of(tp.xml_root(b, 'bad link')),
           'bad link: %d' % st)
    tp.unchanged(s, before, 'a refused link')
    st, h, b = tp.post(s, '/tasks/%d/links' % ids['b'], ENGINEER, {'predecessors': ''})
    expect(st == 403, 'an engineer changed links: %d' % st)


def t_due_in(s):
    """Open tasks finishing within three working days say so in working days: a task finishing
    Thursday 12-10 is due in 3 working days on Monday 12-07, one finishing today is due today."""
    d1 = task(s, 'Z 本周四', planned_start='2026-12-10', duration_days='1')
    d2 = task(s, 'Z 今天', planned_start='2026-12-07', duration_days='1')
    d3 = task(s, 'Z 下周', planned_start='2026-12-14', duration_days='1')
    rows = {t.get('id'): t for t in tp.get_xml(s, '/projects/' + CODE, MANAGER).findall('.//tasks/task')}
    expect(rows[str(d1)].get('due-in') == '3' and rows[str(d2)].get('due-in') == '0' and rows[str(d3)].get('due-in') is None,
           'due-in %r %r %r' % (rows[str(d1)].get('due-in'), rows[str(d2)].get('due-in'), rows[str(d3)].get('due-in')))
    st, h, body = s.request('GET', '/projects/' + CODE, user=MANAGER)
    expect('3 个工作日后到期' in body.decode('utf-8') and '今天到期' in body.decode('utf-8'), 'the badges are not shown')


def t_summary_status(s):
    """A summary's status is its children's: the demo patch roll-out's assessment phase, whose
    tasks are done, is done and not flagged overdue; the roll-out phase, not started, is not
    started; a summary with a started child is in progress."""
    rows = dict(tp.db_all(s, "SELECT t.wbs, t.status FROM tasks t JOIN projects p ON p.id = t.project_id"
                             " WHERE p.code = 'PATCH-2026-11' AND t.is_summary = 1"))
    expect(rows.get('1') == 'done', 'assessment phase %r' % rows)
    page = {t.get('wbs'): t for t in tp.get_xml(s, '/projects/PATCH-2026-11', MANAGER).findall('.//tasks/task')}
    expect(page['1'].get('overdue') == '0', 'a finished phase is flagged overdue')
    expect(rows.get('2') in ('not_started', 'in_progress'), 'roll-out phase %r' % rows)
    child = tp.db_one(s, "SELECT t.id FROM tasks t JOIN projects p ON p.id = t.project_id WHERE p.code = 'PATCH-2026-11'"
                         " AND t.wbs = '2.1'")
    st, h, b = tp.post(s, '/tasks/%d/progress' % child, MANAGER, {'percent': '10', 'hours_spent': '1', 'remaining_hours': '7',
                                                                  'status': 'in_progress', 'note': '', 'delay_reason': ''})
    expect(st == 303, 'progress: %d %s' % (st, tp.short(b)))
    expect(tp.db_one(s, "SELECT t.status FROM tasks t JOIN projects p ON p.id = t.project_id"
                        " WHERE p.code = 'PATCH-2026-11' AND t.wbs = '2'") == 'in_progress', 'the phase did not start')


def run():
    with Stack('basic', env={'OPSPLAN_NOW': NOW}) as s:
        CHECKS.check('schedule.hour_lag', t_hour_lag, s)
        CHECKS.check('schedule.deadline_flagged_not_moved', t_deadline_flagged_not_moved, s)
        CHECKS.check('schedule.fixed_start_and_snet', t_fixed_start_and_snet, s)
        CHECKS.check('schedule.constraint_refused', t_constraint_refused, s)
        CHECKS.check('schedule.actuals_and_remaining', t_actuals_and_remaining, s)
        CHECKS.check('schedule.cron_reschedules_status_date', t_cron_reschedules, s)
        CHECKS.check('schedule.wbs_table_links', t_wbs_table_links, s)
        CHECKS.check('schedule.links_lost_entered_dates_back', t_links_lost, s)
        CHECKS.check('schedule.why_calendar_gap', t_calendar_gap, s)
        CHECKS.check('schedule.due_in_working_days', t_due_in, s)
        CHECKS.check('schedule.summary_status_rolls_up', t_summary_status, s)
        CHECKS.check('schedule.leave_stretches_task', t_leave_stretches, s)
        CHECKS.check('schedule.project_calendar_hours', t_project_calendar, s)
        CHECKS.check('schedule.audit_verify', lambda: expect(s.cli('audit', 'verify').returncode == 0, 'audit verify'))


def main():
    return CHECKS.main((('schedule', run),))


if __name__ == '__main__':
    sys.exit(main())
