#!/usr/bin/env python3
"""test_decide.py - decisions on changes (POST /changes/{number}/decide) through the approval
engine, and the conflict check an approver sees: a normal change raised by an engineer taken
assess → authorize → scheduled → implement → review → closed by the demo policies' approvers; the
requester, someone outside the policy and a rejection without a comment refused with nothing
stored; a rejection; an approved change without a planned window waiting in authorize; a change on
a CI related to one that another change holds in the same window and a change in a freeze window
showing the conflict on the page and in the decision row; an emergency change in a freeze needing
the freeze override's approver. One basic-mode stack (harness.py: nginx + "opsplan serve" + demo).

    python3 tests/web/test_decide.py [-k SUBSTRING] [-v]
"""

import datetime
import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Stack, expect, short, location, xml_root, errors_of, db_all, db_one  # noqa: E402
import test_changes as tc  # noqa: E402  (its helpers: post, create, step_ok, row, get_xml, last_audit)

CHECKS = harness.Checks()
ADMIN, MANAGER, ENGINEER, ENGINEER2, APPROVER, AUDITOR = tc.ADMIN, tc.MANAGER, tc.ENGINEER, tc.ENGINEER2, tc.APPROVER, tc.AUDITOR
# a quiet window no demo change or window touches (no freeze, no other change)
QUIET = {'planned_start': '2027-03-09T22:00', 'planned_end': '2027-03-10T02:00'}


def decide(s, n, user, decision='approved', comment=''):
    return tc.post(s, '/changes/%s/decide' % n, user, {'decision': decision, 'comment': comment})


def decide_ok(s, n, user, state, decision='approved', comment=''):
    st, h, b = decide(s, n, user, decision, comment)
    expect(st == 303, 'decision by %s on %s: %d %s' % (user, n, st, short(b, 400)))
    expect(location(h) == '/changes/%s?flash=saved#approval' % n, 'redirect %r' % location(h))
    expect(tc.row(s, n) == state, '%s after %s decided: %s, want %s' % (n, user, tc.row(s, n), state))


def decisions(s, n):
    return db_all(s, 'SELECT u.login, a.step, a.decision, a.comment, a.conflicts, p.kind FROM approvals a'
                     ' JOIN users u ON u.id = a.approver_id JOIN approval_policies p ON p.id = a.policy_id'
                     ' JOIN changes c ON c.id = a.change_id WHERE c.number = ? ORDER BY a.id', n)


def refused_decision(s, n, user, status, key, what, decision='approved', comment=''):
    before = s.db_snapshot()
    st, h, b = decide(s, n, user, decision, comment)
    expect(st == status, '%s: %d, want %d: %s' % (what, st, status, short(b)))
    tc.unchanged(s, before, what)
    if key:
        expect(harness.msg_part('zh-CN', key) in b.decode('utf-8'), '%s: the message %s is not on the page' % (what, key))
    return b


def freeze_window(s):
    """A window inside the demo's year-end freeze: its second day, 22:00 to 01:00."""
    start = db_one(s, "SELECT start_at FROM change_windows WHERE kind = 'freeze' AND name LIKE '%Year-end%'")
    d = datetime.date.fromisoformat(start[:10]) + datetime.timedelta(days=1)
    return {'planned_start': '%sT22:00' % d, 'planned_end': '%sT01:00' % (d + datetime.timedelta(days=1))}


def page(s, n, user):
    return tc.get_xml(s, '/changes/%s' % n, user)


def t_normal_route(s):
    n = tc.create(s, user=ENGINEER, cis='NET-CORE-SW-01', **QUIET)
    tc.step_ok(s, n, ENGINEER, 'assess')
    r = page(s, n, MANAGER)
    ap = r.find('change/approval')
    expect(ap is not None and ap.get('status') == 'pending' and ap.get('step') == '1' and ap.get('may') == '1',
           'approval model for zhang.wei: %r' % (ap.attrib if ap is not None else None))
    expect(r.find('change/conflicts') is not None, 'no conflict check on a change with a planned window')
    # the requester never decides, and nothing is stored
    refused_decision(s, n, ENGINEER, 403, 'apr.reason.requester', 'requester approves own change')
    ap = page(s, n, ENGINEER).find('change/approval')
    expect(ap.get('may') == '0' and ap.get('reason') == 'requester', 'requester offered the form: %r' % ap.attrib)
    # someone outside the policy: refused with the engine's reason
    refused_decision(s, n, ENGINEER2, 403, 'apr.reason.not_approver', 'approval by someone outside the policy')
    # a rejection needs a comment (400, the field named, nothing stored)
    before = s.db_snapshot()
    st, h, b = tc.post(s, '/changes/%s/decide' % n, MANAGER, {'decision': 'rejected', 'comment': ''}, xml=True)
    expect(st == 400, 'reject without comment: %d %s' % (st, short(b)))
    errs = errors_of(xml_root(b))
    expect(('comment', 'apr.error.comment_required') in [(e[0], e[1]) for e in errs], 'errors %r' % errs)
    st, h, b = tc.post(s, '/changes/%s/decide' % n, MANAGER, {'decision': 'rejected', 'comment': ''})
    expect('aria-invalid="true"' in b.decode('utf-8') and st == 400, 'the comment is not marked invalid')
    refused_decision(s, n, MANAGER, 400, 'apr.error.decision', 'a decision that is neither', decision='maybe')
    tc.unchanged(s, before, 'reject without comment')
    # step 1 (technical review): zhang.wei → authorize; step 2 (CAB, 2 of 3): chen.jie, admin → scheduled
    decide_ok(s, n, MANAGER, 'authorize', comment='技术评审通过 technical review passed')
    refused_decision(s, n, ENGINEER, 403, 'apr.reason.requester', 'requester in authorize')
    decide_ok(s, n, APPROVER, 'authorize')
    refused_decision(s, n, APPROVER, 403, 'apr.reason.decided', 'chen.jie twice on the CAB step')
    decide_ok(s, n, ADMIN, 'scheduled')
    d = decisions(s, n)
    expect([x[:3] for x in d] == [(MANAGER, 1, 'approved'), (APPROVER, 2, 'approved'), (ADMIN, 2, 'approved')],
           'decisions %r' % d)
    # the window lies outside the CIs' maintenance windows (that is all the check finds), and each
    # decision stores the check as it was
    found = [json.loads(x[4]) for x in d]
    expect(found[0] == found[1] == found[2] and {f['kind'] for f in found[0]} == {'outside'} and
           any(f['ci'] == 'NET-CORE-SW-01' for f in found[0]), 'stored conflicts %r' % found[0])
    a, o, nv, why = tc.last_audit(s, 'change.transition', n)
    expect(a == ADMIN and o == {'state': 'authorize'} and nv == {'state': 'scheduled'}, 'transition audit %r %r' % (o, nv))
    acts = db_all(s, "SELECT action, actor FROM audit_log WHERE entity_id = ? AND action IN ('change.decide',"
                     " 'change.transition') ORDER BY id", n)
    expect(acts == [('change.transition', ENGINEER), ('change.decide', MANAGER), ('change.transition', MANAGER),
                    ('change.decide', APPROVER), ('change.decide', ADMIN), ('change.transition', ADMIN)],
           'audit trail %r' % acts)
    # the page lists the decisions for everyone, with name, role, time and comment
    r = page(s, n, AUDITOR)
    ds = r.findall('change/approval/decision')
    expect([x.get('user') for x in ds] == [MANAGER, APPROVER, ADMIN] and ds[0].findtext('comment').startswith('技术'),
           'decisions on the page %r' % [x.attrib for x in ds])
    body = s.request('GET', '/changes/%s' % n, user=AUDITOR)[2].decode('utf-8')
    expect('技术评审通过 technical review passed' in body and 'decide' not in body.split('id="approval"')[1].split('</section>')[0],
           'the decisions table, and no form for the auditor')
    # no more decisions once scheduled
    refused_decision(s, n, ADMIN, 409, None, 'decision on a scheduled change')
    # and on to closed by the implementer and the requester
    tc.step_ok(s, n, ENGINEER2, 'implement')
    end = tc.local_now(s)
    tc.step_ok(s, n, ENGINEER2, 'review', actual_end=end, verification_result='正常 fine', close_code='successful')
    tc.step_ok(s, n, ENGINEER, 'closed', close_code='successful')


def t_reject(s):
    n = tc.create(s, user=ENGINEER, cis='NET-CORE-SW-01', **QUIET)
    tc.step_ok(s, n, ENGINEER, 'assess')
    decide_ok(s, n, APPROVER, 'rejected', decision='rejected', comment='回退方案不足 back-out plan too thin')
    expect(tc.row(s, n, 'state, reject_reason') == ('rejected', '回退方案不足 back-out plan too thin'), 'reject reason')
    a, o, nv, why = tc.last_audit(s, 'change.transition', n)
    expect(nv == {'state': 'rejected', 'reject_reason': '回退方案不足 back-out plan too thin'} and why.startswith('回退'),
           'reject audit %r %r' % (nv, why))
    refused_decision(s, n, MANAGER, 409, None, 'decision after a rejection')


def t_missing_window(s):
    # approved, but without a planned window it cannot be scheduled: it waits in authorize, and the page says why
    n = tc.create(s, user=ENGINEER, cis='NET-CORE-SW-01', planned_start='', planned_end='')
    tc.step_ok(s, n, ENGINEER, 'assess')
    decide_ok(s, n, MANAGER, 'authorize')
    decide_ok(s, n, APPROVER, 'authorize')
    decide_ok(s, n, ADMIN, 'authorize')
    r = page(s, n, ENGINEER)
    ap = r.find('change/approval')
    expect(ap.get('status') == 'approved' and 'planned_start' in ap.get('missing', ''), 'missing %r' % ap.attrib)
    expect(r.find('change/conflicts') is None, 'a conflict check without a planned window')
    body = s.request('GET', '/changes/%s' % n, user=ENGINEER)[2].decode('utf-8')
    expect(harness.msg_part('zh-CN', 'dec.missing') in body, 'the page does not say what is missing')


def t_ci_conflict(s):
    w = {'planned_start': '2027-04-13T22:00', 'planned_end': '2027-04-14T02:00'}
    held = tc.create(s, user=ENGINEER2, cis='DB-CORE-01', **w)
    tc.step_ok(s, held, ENGINEER2, 'assess')
    # SRV-RAC-01 is related to DB-CORE-01 (it runs on it): the overlapping window conflicts
    n = tc.create(s, user=ENGINEER, cis='SRV-RAC-01', planned_start='2027-04-14T01:00', planned_end='2027-04-14T03:00')
    tc.step_ok(s, n, ENGINEER, 'assess')
    cs = page(s, n, MANAGER).findall('change/conflicts/conflict')
    mine = [c.attrib for c in cs if c.get('kind') == 'change' and c.get('ref') == held]
    expect(mine and mine[0]['ci'] == 'SRV-RAC-01' and mine[0]['via'] == 'DB-CORE-01' and mine[0]['extra'] == 'assess',
           'the other change is not a conflict: %r' % [c.attrib for c in cs])
    body = s.request('GET', '/changes/%s' % n, user=MANAGER)[2].decode('utf-8')
    expect('href="/changes/%s"' % held in body and harness.msg_part('zh-CN', 'dec.conflict.change') in body,
           'the conflict is not shown on the page')
    # the held change sees it too (both ways); a closed or cancelled one is no conflict
    cs = page(s, held, MANAGER).findall('change/conflicts/conflict')
    expect(any(c.get('ref') == n for c in cs), 'the conflict is not seen from the other side')
    decide_ok(s, n, MANAGER, 'authorize')
    stored = json.loads(decisions(s, n)[0][4])
    expect(any(f['kind'] == 'change' and f['ref'] == held and f['via'] == 'DB-CORE-01' for f in stored),
           'the decision row does not store the conflict: %r' % stored)
    a, o, nv, why = tc.last_audit(s, 'change.decide', n)
    expect(json.loads(nv['conflicts']) == stored, 'the audit record holds another check')
    tc.step_ok(s, held, ENGINEER2, 'cancelled', reason='改期 moved')
    cs = page(s, n, MANAGER).findall('change/conflicts/conflict')
    expect(not any(c.get('ref') == held for c in cs), 'a cancelled change still conflicts')


def t_task_conflict(s):
    # the implementer booked on an open project task on the window's days
    t = db_all(s, "SELECT t.planned_start, u.login, t.name FROM tasks t JOIN users u ON u.id = t.owner_id"
                  " WHERE t.is_summary = 0 AND t.status NOT IN ('done', 'cancelled') AND t.planned_start IS NOT NULL"
                  " AND t.planned_finish IS NOT NULL AND u.login IN ('li.na', 'wang.fang') ORDER BY t.id LIMIT 1")
    expect(t, 'no open demo task of li.na or wang.fang')
    day, who, name = t[0][0][:10], t[0][1], t[0][2]
    requester = ENGINEER if who != ENGINEER else ENGINEER2
    n = tc.create(s, user=requester, cis='NET-CORE-SW-01', implementer=who, planned_start=day + 'T20:00',
                  planned_end=day + 'T23:00')
    cs = page(s, n, MANAGER).findall('change/conflicts/conflict')
    expect(any(c.get('kind') == 'task' and c.get('name') == name for c in cs),
           'the implementer\'s task is not a conflict: %r' % [c.attrib for c in cs])


def t_freeze_normal(s):
    n = tc.create(s, user=ENGINEER, cis='NET-CORE-SW-01', **freeze_window(s))
    tc.step_ok(s, n, ENGINEER, 'assess')   # not blocked: an approver decides
    r = page(s, n, MANAGER)
    expect(r.find('change/conflicts').get('freeze') == '1' and r.find('change/approval').get('freeze') == '1',
           'the freeze is not found')
    body = s.request('GET', '/changes/%s' % n, user=MANAGER)[2].decode('utf-8')
    expect(harness.msg_part('zh-CN', 'dec.conflict.freeze') in body and harness.msg_part('zh-CN', 'dec.freeze') in body,
           'the freeze is not shown')
    decide_ok(s, n, MANAGER, 'authorize')
    decide_ok(s, n, APPROVER, 'authorize')
    decide_ok(s, n, ADMIN, 'authorize')      # the change's policy is met; the freeze override is due
    ap = page(s, n, ADMIN).find('change/approval')
    expect(ap.get('status') == 'pending' and ap.get('may') == '1', 'freeze override step %r' % ap.attrib)
    refused_decision(s, n, APPROVER, 403, 'apr.reason.not_approver', 'chen.jie on the freeze override')
    decide_ok(s, n, ADMIN, 'scheduled')
    d = decisions(s, n)
    expect([x[5] for x in d] == ['change', 'change', 'change', 'freeze_override'], 'policies %r' % d)
    stored = json.loads(d[-1][4])
    expect(any(f['kind'] == 'freeze' for f in stored), 'the decision row does not store the freeze: %r' % stored)


def t_freeze_emergency(s):
    n = tc.create(s, user=MANAGER, type='emergency', category='security', implementer=ENGINEER,
                  cis='APP-PAYGW', outage='1', **freeze_window(s))
    tc.step_ok(s, n, MANAGER, 'authorize')
    decide_ok(s, n, APPROVER, 'authorize')   # the emergency approver; the freeze needs the extra approver
    r = page(s, n, ADMIN)
    expect(r.find('change/approval').get('may') == '1', 'the freeze override is not offered to admin')
    harness.refused_status(s, '/changes/%s/transition' % n, ENGINEER, {'to': 'implement'}, 409, 'implement before the override')
    decide_ok(s, n, ADMIN, 'scheduled')
    # outside a freeze, the emergency approver alone schedules it
    m = tc.create(s, user=MANAGER, type='emergency', category='security', implementer=ENGINEER, cis='APP-PAYGW',
                  outage='1', **QUIET)
    tc.step_ok(s, m, MANAGER, 'authorize')
    decide_ok(s, m, APPROVER, 'scheduled')


def t_demo_emergency(s):
    n = db_one(s, "SELECT number FROM changes WHERE type = 'emergency' ORDER BY id LIMIT 1")
    d = decisions(s, n)
    expect(d and d[0][0] == APPROVER and d[0][2] == 'approved', 'the demo emergency change has no real decision: %r' % d)
    expect(not db_all(s, "SELECT 1 FROM audit_log WHERE entity_id = ? AND reason LIKE 'demo data: emergency%'", n),
           'the demo still sets the state directly')


def t_english(s):
    n = db_one(s, "SELECT number FROM changes WHERE state IN ('assess', 'authorize') ORDER BY id LIMIT 1")
    for lang in ('zh-CN', 'en'):
        st, h, b = s.request('GET', '/changes/%s' % n, user=MANAGER, headers={'Accept-Language': lang})
        expect(st == 200 and 'id="approval"' in b.decode('utf-8'), 'page in %s: %d' % (lang, st))
        body = b.decode('utf-8')
        expect(harness.msg_part(lang, 'dec.title') in body, 'the title in %s' % lang)


def t_auditor(s):
    n = db_one(s, "SELECT number FROM changes WHERE state = 'assess' ORDER BY id LIMIT 1")
    refused_decision(s, n, AUDITOR, 403, None, 'an auditor decides')


def run():
    with Stack('basic') as s:
        c = CHECKS.check
        c('decide.demo_emergency', t_demo_emergency, s)
        c('decide.normal_route', t_normal_route, s)
        c('decide.reject', t_reject, s)
        c('decide.missing_window', t_missing_window, s)
        c('decide.ci_conflict', t_ci_conflict, s)
        c('decide.task_conflict', t_task_conflict, s)
        c('decide.freeze_normal', t_freeze_normal, s)
        c('decide.freeze_emergency', t_freeze_emergency, s)
        c('decide.auditor', t_auditor, s)
        c('decide.english', t_english, s)
        c('decide.logs_clean', tc.t_logs_clean, s)


def main():
    return CHECKS.main((('decide', run),))


if __name__ == '__main__':
    sys.exit(main())
