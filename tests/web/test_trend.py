#!/usr/bin/env python3
"""test_trend.py - the milestone trend chart (milestone trend analysis): the history of each
milestone's date that every recomputing write records (milestone_history, migration 006), the
chart's model (?format=xml) for a status date, the SVG, the demo's history and bad input.

One basic-mode stack (harness.py) whose clock is fixed at OPSPLAN_NOW = 2026-11-25 (Shanghai). Writes
on later days run the program once as a CGI with another OPSPLAN_NOW (the same database), so the
history gets rows on several days without restarting the stack; the served "today" stays 11-25,
which makes the later rows the "future" of the default chart.

    python3 tests/web/test_trend.py [-k SUBSTRING] [-v]
"""

import calendar
import os
import sys
import time
import urllib.parse

sys.dont_write_bytecode = True       # no __pycache__ in the checkout
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Stack, parse_html, base_fcgi_params, msg, Fail, expect, short, xml_root, db_all  # noqa: E402

CHECKS = harness.Checks()
MANAGER, AUDITOR = 'zhang.wei', 'auditor'
NOW = '2026-11-25T02:00:00Z'          # 10:00 in Shanghai: today is 2026-11-25
CODE = 'MTA-1'
SVG = 'http://www.w3.org/2000/svg'
S = {}


def get_xml(s, path, user=AUDITOR, status=200):
    st, h, b = s.request('GET', path + ('&' if '?' in path else '?') + 'format=xml', user=user)
    expect(st == status, 'GET %s?format=xml: %d, want %d: %s' % (path, st, status, short(b)))
    return xml_root(b, path)


def post(s, path, fields, user=MANAGER):
    """A form POST through nginx, on the served day (2026-11-25)."""
    tok = get_xml(s, '/profile', user).find('meta').get('csrf')
    body = urllib.parse.urlencode(list(fields.items()) + [('csrf_token', tok)], encoding='utf-8')
    return s.request('POST', path, user=user, body=body,
                     headers={'Content-Type': 'application/x-www-form-urlencoded'})


def post_on(s, now, path, fields, user=MANAGER):
    """The same POST on another day: one CGI run of the program with OPSPLAN_NOW=now."""
    ts = calendar.timegm(time.strptime(now, '%Y-%m-%dT%H:%M:%SZ'))
    body = urllib.parse.urlencode(list(fields.items()) + [('csrf_token', s.mint_csrf(user, ts=ts))],
                                  encoding='utf-8').encode()
    params = [(k, v) for k, v in base_fcgi_params(s, user=user, method='POST', path=path)
              if k not in ('CONTENT_TYPE', 'CONTENT_LENGTH')]
    params += [('CONTENT_TYPE', 'application/x-www-form-urlencoded'), ('CONTENT_LENGTH', str(len(body))),
               ('HTTP_ORIGIN', s.origin), ('HTTP_SEC_FETCH_SITE', 'same-origin')]
    st, h, b, err = s.cgi(params, body, OPSPLAN_NOW=now)
    expect(st == 303, 'POST %s on %s: %d %s %s' % (path, now[:10], st, short(b), err[-300:]))


def history(s, tid):
    return db_all(s, 'SELECT day, finish FROM milestone_history WHERE task_id = ? ORDER BY day', tid)


def new_task(s, name, **kw):
    f = {'name': name, 'description': '', 'owner': '', 'estimate_hours': '', 'duration_days': '', 'planned_start': '',
         'planned_finish': '', 'actual_start': '', 'actual_finish': '', 'priority': '3', 'status': 'not_started',
         'percent': '0', 'remaining_hours': '', 'category': '', 'predecessors': '', 'parent': '0'}
    f.update(kw)
    st, h, b = post(s, '/projects/%s/tasks' % CODE, f)
    expect(st == 303, 'POST a task %r: %d %s' % (name, st, short(b)))
    st, h, b = s.request('GET', '/projects/%s?format=xml' % CODE, user=MANAGER)
    ids = [int(t.get('id')) for t in xml_root(b).iter('task') if t.get('name') == name]
    expect(len(ids) == 1, 'task %r not found once' % name)
    return ids[0]


def edit_fields(s, tid):
    f = get_xml(s, '/tasks/%d/edit' % tid, MANAGER).find('task-form')
    expect(f is not None, '/tasks/%d/edit: no <task-form>' % tid)
    return {k: v for k, v in f.attrib.items() if k not in ('mode', 'id', 'project')}


def move(s, now, tid, date):
    """Moves a milestone to date on the day of now."""
    f = edit_fields(s, tid)
    f['planned_start'] = f['planned_finish'] = date
    f['duration_days'] = ''
    post_on(s, now, '/tasks/%d' % tid, f)


def trend(s, date=None, code=CODE):
    path = '/projects/%s/milestone-trend.svg' % code + ('?date=' + date if date else '')
    t = get_xml(s, path).find('milestone-trend')
    expect(t is not None, '%s: no <milestone-trend>' % path)
    return t


def by_name(t):
    return {m.get('name'): m for m in t.findall('milestone')}


# ---------------------------------------------------------------------------------------------

def t_demo_history(s):
    """The demo's data-centre move has a backdated history in which its later milestones slip."""
    rows = db_all(s, "SELECT t.name, h.day, h.finish FROM milestone_history h JOIN tasks t ON t.id = h.task_id"
                     " JOIN projects p ON p.id = h.project_id WHERE p.code = 'DCM-2026' ORDER BY t.seq, h.day")
    wave2 = [(d, f) for n, d, f in rows if 'Wave 2 complete' in n]
    expect(len(wave2) >= 3, 'Wave 2 complete: %d history rows: %r' % (len(wave2), wave2))
    expect(all(d < '2026-11-25' for d, f in wave2) and wave2[0][0] < '2026-11-04', 'days %r' % wave2)
    expect([f for d, f in wave2] == sorted(f for d, f in wave2) and wave2[0][1] < wave2[-1][1],
           'Wave 2 does not slip: %r' % wave2)
    t = trend(s, code='DCM-2026')
    ms = by_name(t)
    expect(len(ms) == 4, 'DCM-2026 milestones in the chart: %r' % list(ms))
    slips = {n.split()[-1]: int(m.get('slip')) for n, m in ms.items()}
    expect(slips.get('approved') == 0 and all(slips[k] > 0 for k in slips if k != 'approved'),
           'slips %r' % slips)
    approved = [m for n, m in ms.items() if 'Plan approved' in n][0]
    last = approved.findall('point')[-1]
    expect(approved.get('reached') == '1' and last.get('at') == last.get('date'),
           'the approved plan (past) does not end on the diagonal: %r' % last.attrib)
    tpl = db_all(s, "SELECT count(*) FROM milestone_history h JOIN projects p ON p.id = h.project_id"
                    " WHERE p.is_template = 1")[0][0]
    expect(tpl == 0, 'a template has %d history rows' % tpl)


def t_build(s):
    """A project with three milestones, created on 11-25: one row each on that day."""
    st, h, b = post(s, '/projects', {'code': CODE, 'name': '里程碑趋势 Milestone trend', 'description': '',
                                     'manager': MANAGER, 'category': 'migration', 'planned_start': '2026-11-23',
                                     'planned_finish': '2026-12-31', 'status': 'active'})
    expect(st == 303, 'POST /projects: %d %s' % (st, short(b)))
    ids = {}
    ids['work'] = new_task(s, '实施 Work', planned_start='2026-11-23', planned_finish='2026-12-04',
                           estimate_hours='40')
    for key, name, date in (('m0', '评审 Review', '2026-11-30'), ('m1', '上线 Go-live', '2026-12-10'),
                            ('m2', '验收 Acceptance', '2026-12-18')):
        ids[key] = new_task(s, name, planned_start=date, planned_finish=date, milestone='1')
    S['ids'] = ids
    expect(history(s, ids['work']) == [], 'a plain task has history rows')
    for key, date in (('m0', '2026-11-30'), ('m1', '2026-12-10'), ('m2', '2026-12-18')):
        expect(history(s, ids[key]) == [('2026-11-25', date)], '%s: %r' % (key, history(s, ids[key])))


def t_changes_on_later_days(s):
    """Dates changed on 11-27 and 12-02 (and back and forth within a day) leave one row per
    milestone and day on which its date ended up different; unchanged days store nothing."""
    if 'ids' not in S:
        raise Fail('needs the project of the previous check')
    ids = S['ids']
    d1, d2 = '2026-11-27T03:00:00Z', '2026-12-02T03:00:00Z'
    move(s, d1, ids['m1'], '2026-12-14')
    move(s, d1, ids['m2'], '2026-12-22')          # moved and moved back the same day: no row
    move(s, d1, ids['m2'], '2026-12-18')
    f = edit_fields(s, ids['work'])               # another write that recomputes: no milestone row
    f['name'] = '实施 Work (2)'
    post_on(s, d1, '/tasks/%d' % ids['work'], f)
    move(s, d2, ids['m1'], '2026-12-16')
    move(s, d2, ids['m1'], '2026-12-17')          # twice on one day: the last date counts
    move(s, d2, ids['m2'], '2026-12-21')
    h0, h1, h2 = history(s, ids['m0']), history(s, ids['m1']), history(s, ids['m2'])
    expect(h0 == [('2026-11-25', '2026-11-30')], 'Review: %r' % h0)
    expect(h1 == [('2026-11-25', '2026-12-10'), ('2026-11-27', '2026-12-14'), ('2026-12-02', '2026-12-17')],
           'Go-live: %r' % h1)
    expect(h2 == [('2026-11-25', '2026-12-18'), ('2026-12-02', '2026-12-21')], 'Acceptance: %r' % h2)
    pid = db_all(s, 'SELECT id FROM projects WHERE code = ?', CODE)[0][0]
    expect(all(r[0] == pid for r in db_all(s, 'SELECT project_id FROM milestone_history WHERE task_id IN (?,?,?)',
                                         ids['m0'], ids['m1'], ids['m2'])), 'project_id of the rows')
    S['moved'] = True


def need_moved():
    if 'moved' not in S:
        raise Fail('needs the history of the previous check')


def t_model_for_date(s):
    """?date=2026-12-02: the report days are the change days and the status date; each line has
    the date in force on each; the Review (11-30) ends on the diagonal."""
    need_moved()
    t = trend(s, '2026-12-02')
    expect(t.get('date') == '2026-12-02' and t.get('milestones') == '3', 'date %r milestones %r'
           % (t.get('date'), t.get('milestones')))
    days = [r.get('day') for r in t.findall('report')]
    expect(days == ['2026-11-25', '2026-11-27', '2026-12-02'], 'report days %r' % days)
    ms = by_name(t)
    go = ms['上线 Go-live']
    pts = [(p.get('at'), p.get('date')) for p in go.findall('point')]
    expect(pts == [('2026-11-25', '2026-12-10'), ('2026-11-27', '2026-12-14'), ('2026-12-02', '2026-12-17')],
           'Go-live points %r' % pts)
    expect(go.get('first') == '2026-12-10' and go.get('current') == '2026-12-17' and go.get('slip') == '5'
           and go.get('reached') == '0', 'Go-live %r' % go.attrib)
    acc = [(p.get('at'), p.get('date')) for p in ms['验收 Acceptance'].findall('point')]
    expect(acc == [('2026-11-25', '2026-12-18'), ('2026-11-27', '2026-12-18'), ('2026-12-02', '2026-12-21')],
           'Acceptance points %r' % acc)
    rv = ms['评审 Review']
    rpts = [(p.get('at'), p.get('date')) for p in rv.findall('point')]
    expect(rv.get('reached') == '1' and rpts[-1] == ('2026-11-30', '2026-11-30'),
           'Review: reached %r, points %r' % (rv.get('reached'), rpts))
    # geometry: a later date is higher up (smaller y), the diagonal runs from bottom left to top right
    ys = [float(p.get('y')) for p in go.findall('point')]
    expect(ys[0] > ys[1] > ys[2], 'the slipping line does not rise: %r' % ys)
    expect(float(t.get('diag-y1')) > float(t.get('diag-y2')) and float(t.get('diag-x1')) < float(t.get('diag-x2')),
           'diagonal %r' % ({k: t.get(k) for k in ('diag-x1', 'diag-y1', 'diag-x2', 'diag-y2')}))
    expect(go.get('points') == ' '.join('%s,%s' % (p.get('x'), p.get('y')) for p in go.findall('point')),
           'points attribute and <point>s differ')


def t_past_date_hides_later(s):
    """A past status date shows only the history known then: on 11-26 nothing of the 11-27 and
    12-02 changes; the default (today = 11-25 on the served clock) neither."""
    need_moved()
    for date in ('2026-11-26', None):
        t = trend(s, date)
        want = date or '2026-11-25'
        expect(t.get('date') == want, 'status date %r, want %s' % (t.get('date'), want))
        days = [r.get('day') for r in t.findall('report')]
        expect(all(d <= want for d in days), 'report days after %s: %r' % (want, days))
        dates = {m.get('name'): sorted({p.get('date') for p in m.findall('point')}) for m in t.findall('milestone')}
        expect(dates == {'评审 Review': ['2026-11-30'], '上线 Go-live': ['2026-12-10'], '验收 Acceptance': ['2026-12-18']},
               'dates known on %s: %r' % (want, dates))
        expect(all(m.get('slip') == '0' for m in t.findall('milestone')), 'a slip on %s' % want)
    t = trend(s, '2026-11-20')
    expect(t.get('milestones') == '0' and not t.findall('milestone'), 'before any record: %r'
           % [m.get('name') for m in t.findall('milestone')])


def svg_of(s, path, lang=None):
    st, h, b = s.request('GET', path, user=AUDITOR, headers={'Accept-Language': lang} if lang else None)
    expect(st == 200, 'GET %s: %d %s' % (path, st, short(b)))
    ctype = dict((k.lower(), v) for k, v in h).get('content-type', '')
    expect(ctype.startswith('image/svg+xml'), '%s: Content-Type %r' % (path, ctype))
    expect(b'style=' not in b and b'<script' not in b, '%s: style or script in the SVG' % path)
    root = xml_root(b, path)
    expect(root.tag == '{%s}svg' % SVG, 'root %r' % root.tag)
    return root, b.decode('utf-8')


def t_svg(s):
    """The SVG is well-formed: one line per milestone with a marker per point, the diagonal, axis
    titles and a legend naming each milestone by WBS and name, in both languages."""
    need_moved()
    model = trend(s, '2026-12-02')
    ms = model.findall('milestone')
    for lang, key in (('zh-CN', 'trend.x_axis'), ('en', 'trend.x_axis')):
        root, text = svg_of(s, '/projects/%s/milestone-trend.svg?date=2026-12-02' % CODE, lang)
        groups = [g for g in root.iter('{%s}g' % SVG) if g.get('class') == 'milestone']
        expect(len(groups) == len(ms) == 3, '%s: %d milestone groups for %d milestones' % (lang, len(groups), len(ms)))
        for g, m in zip(groups, ms):
            lines = g.findall('{%s}polyline' % SVG)
            expect(len(lines) == 1 and lines[0].get('points') == m.get('points'), '%s: the line of %s' % (lang, m.get('name')))
            markers = [e for e in g if e.tag in ('{%s}circle' % SVG, '{%s}rect' % SVG, '{%s}polygon' % SVG)]
            expect(len(markers) == len(m.findall('point')), '%s: %d markers for %d points'
                   % (lang, len(markers), len(m.findall('point'))))
        diag = [e for e in root.iter('{%s}line' % SVG) if e.get('class') == 'diagonal']
        expect(len(diag) == 1 and diag[0].get('x1') == model.get('diag-x1') and diag[0].get('y2') == model.get('diag-y2'),
               '%s: the diagonal' % lang)
        reports = [e for e in root.iter('{%s}line' % SVG) if e.get('class') == 'report']
        expect(len(reports) == len(model.findall('report')), '%s: report date ticks %d' % (lang, len(reports)))
        legend = [''.join(e.itertext()) for e in root.iter('{%s}text' % SVG) if e.get('class') == 'legend']
        for m in ms:
            expect(any(x.startswith('%s %s' % (m.get('wbs'), m.get('name'))) for x in legend),
                   '%s: no legend entry for %s %s: %r' % (lang, m.get('wbs'), m.get('name'), legend))
        expect(msg(lang, key) in text and msg(lang, 'trend.y_axis') in text, '%s: axis titles missing' % lang)
        expect(any(msg(lang, 'trend.slipped') in x for x in legend), '%s: no slip in the legend' % lang)
    # the empty chart is an SVG too
    root, text = svg_of(s, '/projects/%s/milestone-trend.svg?date=2026-11-20' % CODE, 'en')
    expect(msg('en', 'trend.none') in text, 'the empty chart does not say so')


def t_bad_input(s):
    """A bad status date is a 400 naming the field; an unknown project a 404."""
    for bad in ('2026-13-01', 'yesterday', '2026-02-30', '2026-1-5'):
        path = '/projects/%s/milestone-trend.svg?date=%s' % (CODE, urllib.parse.quote(bad))
        st, h, b = s.request('GET', path + '&format=xml', user=AUDITOR)
        expect(st == 400, '%r: %d' % (bad, st))
        e = xml_root(b, path).find('error')
        expect(e is not None and e.get('field') == 'date' and e.get('key') == 'error.date',
               '%r: error %r' % (bad, e.attrib if e is not None else None))
        st, h, b = s.request('GET', path, user=AUDITOR, headers={'Accept-Language': 'en'})
        expect(st == 400 and msg('en', 'error.date') in b.decode('utf-8', 'replace'), '%r page: %d' % (bad, st))
    st, h, b = s.request('GET', '/projects/NO-SUCH/milestone-trend.svg', user=AUDITOR)
    expect(st == 404, 'unknown project: %d' % st)
    st, h, b = s.request('GET', '/projects/%s/milestone-trend.svg' % CODE)
    expect(st == 401, 'without a sign-in: %d' % st)


def t_project_page(s):
    """The project page shows the chart below the burndown, with its heading in both languages."""
    for lang in ('zh-CN', 'en'):
        st, h, b = s.request('GET', '/projects/DCM-2026', user=AUDITOR, headers={'Accept-Language': lang})
        expect(st == 200, 'project page %s: %d' % (lang, st))
        tags = parse_html(b).tags
        srcs = [a.get('src') for t, a in tags if t == 'img']
        expect('/projects/DCM-2026/milestone-trend.svg' in srcs, '%s: no chart image: %r' % (lang, srcs))
        expect(srcs.index('/projects/DCM-2026/burndown') < srcs.index('/projects/DCM-2026/milestone-trend.svg'),
               'the chart is not below the burndown')
        expect(msg(lang, 'project.milestone_trend') in b.decode('utf-8'), '%s: no heading' % lang)


def t_delete_takes_history(s):
    """Deleting a milestone works and takes its history with it."""
    need_moved()
    tid = S['ids']['m2']
    st, h, b = post(s, '/tasks/%d/delete' % tid, {'confirm': 'yes'})
    expect(st == 303, 'delete: %d %s' % (st, short(b)))
    expect(history(s, tid) == [], 'rows left: %r' % history(s, tid))
    names = [m.get('name') for m in trend(s, '2026-12-02').findall('milestone')]
    expect(names == ['评审 Review', '上线 Go-live'], 'milestones after the delete %r' % names)


def t_audit_verify(s):
    r = s.cli('audit', 'verify')
    expect(r.returncode == 0, 'audit verify: %s' % r.stderr.strip())
    log = s.log_text()
    expect('prepare failed' not in log and 'no stylesheet' not in log, 'program log: %s' % log[-500:])


def run():
    with Stack('basic', env={'OPSPLAN_NOW': NOW}) as s:
        CHECKS.check('trend.demo_history_slips', t_demo_history, s)
        CHECKS.check('trend.rows_on_create', t_build, s)
        CHECKS.check('trend.rows_only_for_changes_per_day', t_changes_on_later_days, s)
        CHECKS.check('trend.model_for_status_date', t_model_for_date, s)
        CHECKS.check('trend.past_date_hides_later_points', t_past_date_hides_later, s)
        CHECKS.check('trend.svg_lines_markers_legend', t_svg, s)
        CHECKS.check('trend.bad_input_400_404', t_bad_input, s)
        CHECKS.check('trend.project_page_below_burndown', t_project_page, s)
        CHECKS.check('trend.delete_takes_history', t_delete_takes_history, s)
        CHECKS.check('trend.audit_verify_and_log', t_audit_verify, s)


if __name__ == '__main__':
    sys.exit(CHECKS.main((('trend', run),)))
