#!/usr/bin/env python3
"""test_outbox.py - notifications of change management left as notification_outbox rows (migration
010) in the transaction of each state change: a normal change walked new → closed gives exactly the
expected rows (event, recipient, language, payload), the actor never told of their own action, a
refused step or decision writes none; rejection and cancellation; an approver's delegate in force
told too; the emergency post-implementation review reminder and overdue rows of "opsplan cron"
(OPSPLAN_NOW), each once however often cron runs, audited only when written; the overdue flag on
the change page and list and the list's ?overdue=1 filter; the approver's queue showing a change
that waits only on the freeze override. One basic-mode stack (harness.py) with its clock fixed at 04:00 UTC today.

    python3 tests/web/test_outbox.py [-k SUBSTRING] [-v]
"""

import datetime
import itertools
import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Stack, expect, short, db_all, db_one, html_page_ok, logs_clean, db_write  # noqa: E402
import test_changes as tc  # noqa: E402
import test_decide as td  # noqa: E402

CHECKS = harness.Checks()
ADMIN, MANAGER, ENGINEER, ENGINEER2, APPROVER = tc.ADMIN, tc.MANAGER, tc.ENGINEER, tc.ENGINEER2, tc.APPROVER
QUIET = td.QUIET
FRESH = itertools.count(1)
S = {}


def rows(s, n):
    """The outbox rows of change n, oldest first: (event, recipient login, occasion, lang, payload)."""
    r = db_all(s, 'SELECT o.event, u.login, o.occasion, o.lang, o.payload, o.state, o.attempts, o.entity'
                  ' FROM notification_outbox o JOIN users u ON u.id = o.recipient_id WHERE o.entity_id = ? ORDER BY o.id', n)
    for x in r:
        expect(x[5] == 'pending' and x[6] == 0 and x[7] == 'change', 'row not pending/change: %r' % (x,))
    return [(e, u, occ, lang, json.loads(p)) for e, u, occ, lang, p, *_ in r]


def events(s, n, since=0):
    return [(e, u) for e, u, *_ in rows(s, n)[since:]]


def same(got, want, what):
    expect(sorted(got) == sorted(want), '%s: rows %r, want %r' % (what, got, want))


def fresh(path):
    return path + ('&' if '?' in path else '?') + 'fresh=%d' % next(FRESH)


def t_walk(s):
    n = tc.create(s, user=ENGINEER, cis='NET-CORE-SW-01', **QUIET)
    expect(rows(s, n) == [], 'a new change has rows: %r' % rows(s, n))
    # submitted: the implementer hears of it, the step-1 approvers (not the requester) are asked
    tc.step_ok(s, n, ENGINEER, 'assess')
    r = rows(s, n)
    same([(e, u) for e, u, *_ in r], [('change.submitted', ENGINEER2), ('change.approval_needed', MANAGER),
                                      ('change.approval_needed', APPROVER)], 'after submitting')
    p = r[0][4]
    expect(p['number'] == n and p['state'] == 'assess' and p['from'] == 'new' and p['type'] == 'normal' and
           p['planned_start'] == QUIET['planned_start'] and p['planned_end'] == QUIET['planned_end'] and
           p['link'] == '/changes/%s' % n and p['title'] == dict(tc.rfc())['title'] and p['review_due'] is None,
           'payload %r' % p)
    expect(list(p.keys())[:10] == ['number', 'title', 'type', 'state', 'from', 'risk_level', 'planned_start',
                                   'planned_end', 'review_due', 'link'], 'payload keys %r' % list(p.keys()))
    a = [x for x in r if x[0] == 'change.approval_needed']
    expect(all(x[2].endswith(':1') and x[4]['step'] == '1' and x[4]['step_name'].startswith('技术审核') and
               x[4]['on_behalf'] is None for x in a), 'approval rows %r' % a)
    expect({x[3] for x in r} == {'zh-CN'}, 'languages %r' % {x[3] for x in r})
    # a refused decision (the requester) and a refused step (close before review) write nothing
    td.refused_decision(s, n, ENGINEER, 403, None, 'requester decides')
    harness.refused_status(s, '/changes/%s/transition' % n, ENGINEER, {'to': 'closed'}, 409, 'close from assess')
    # step 1 by zhang.wei → authorize: the CAB step asked, zhang.wei (the actor) not told
    k = len(rows(s, n))
    td.decide_ok(s, n, MANAGER, 'authorize')
    r = rows(s, n)[k:]
    same([(e, u) for e, u, *_ in r], [('change.approval_needed', APPROVER), ('change.approval_needed', ADMIN)],
         'after step 1')
    expect(all(x[2].endswith(':2') and x[4]['state'] == 'authorize' and x[4]['from'] == 'assess' for x in r),
           'step 2 rows %r' % r)
    # a second decision on the same step tells nobody again
    k = len(rows(s, n))
    td.decide_ok(s, n, APPROVER, 'authorize')
    expect(events(s, n, k) == [], 'a second CAB decision wrote %r' % events(s, n, k))
    td.decide_ok(s, n, ADMIN, 'scheduled')
    same(events(s, n, k), [('change.scheduled', ENGINEER), ('change.scheduled', ENGINEER2)], 'scheduled')
    k = len(rows(s, n))
    tc.step_ok(s, n, ENGINEER2, 'implement')
    same(events(s, n, k), [('change.implement', ENGINEER)], 'implement (the implementer acted)')
    k = len(rows(s, n))
    tc.step_ok(s, n, ENGINEER2, 'review', actual_end=tc.local_now(s), verification_result='ok', close_code='successful')
    expect(events(s, n, k) == [], 'review wrote %r' % events(s, n, k))
    harness.refused(s, '/changes/%s/transition' % n, ENGINEER, {'to': 'closed', 'close_code': 'bogus'}, 'close_code',
               'chg.error.close_code', 'a bad close code')
    tc.step_ok(s, n, ENGINEER, 'closed', close_code='successful')
    same(events(s, n, k), [('change.closed', ENGINEER2)], 'closed (the requester acted)')
    # each row came with its own transaction: same created_at as the audit record of the step
    t = db_one(s, "SELECT created_at FROM notification_outbox WHERE entity_id = ? AND event = 'change.closed'", n)
    a = db_one(s, "SELECT at FROM audit_log WHERE entity_id = ? AND action = 'change.transition' ORDER BY id DESC LIMIT 1", n)
    expect(t and a and t[:16] == a[:16], 'outbox %r vs audit %r' % (t, a))


def t_reject_cancel(s):
    n = tc.create(s, user=ENGINEER, cis='NET-CORE-SW-01', **QUIET)
    tc.step_ok(s, n, ENGINEER, 'assess')
    k = len(rows(s, n))
    td.decide_ok(s, n, APPROVER, 'rejected', decision='rejected', comment='回退方案不足 back-out too thin')
    r = rows(s, n)[k:]
    expect([(e, u) for e, u, *_ in r] == [('change.rejected', ENGINEER)] and
           r[0][4]['reason'] == '回退方案不足 back-out too thin' and r[0][4]['state'] == 'rejected', 'rejected %r' % r)
    m = tc.create(s, user=ENGINEER, cis='NET-CORE-SW-01', **QUIET)
    tc.step_ok(s, m, ENGINEER, 'assess')
    k = len(rows(s, m))
    tc.step_ok(s, m, ENGINEER, 'cancelled', reason='不再需要 no longer needed')
    r = rows(s, m)[k:]
    expect([(e, u) for e, u, *_ in r] == [('change.cancelled', ENGINEER2)] and r[0][4]['reason'] == '不再需要 no longer needed',
           'cancelled %r' % r)
    # the recipient's own language when set
    db_write(s, "UPDATE users SET lang = 'en' WHERE login = ?", ENGINEER2)
    o = tc.create(s, user=ENGINEER, cis='NET-CORE-SW-01', **QUIET)
    tc.step_ok(s, o, ENGINEER, 'assess')
    langs = {u: lang for e, u, occ, lang, p in rows(s, o)}
    expect(langs.get(ENGINEER2) == 'en' and langs.get(MANAGER) == 'zh-CN', 'languages %r' % langs)


def emergency(s, window=QUIET):
    return tc.create(s, user=MANAGER, type='emergency', category='security', implementer=ENGINEER,
                     cis='APP-PAYGW', outage='1', **window)


def t_queue_freeze(s):
    """An emergency change in a freeze, its emergency approval given: it waits only on the freeze
    override, and the override's approver finds it in the queue (and was asked by the outbox)."""
    n = emergency(s, td.freeze_window(s))
    tc.step_ok(s, n, MANAGER, 'authorize')
    td.decide_ok(s, n, APPROVER, 'authorize')
    root = tc.get_xml(s, fresh('/changes/queue'), ADMIN)
    q = {c.get('number'): c for c in root.findall('queue/change')}
    expect(n in q and q[n].get('freeze') == '1' and q[n].get('step') == '1', 'not in admin\'s queue: %r' % list(q))
    root = tc.get_xml(s, fresh('/changes/queue'), APPROVER)
    expect(n not in [c.get('number') for c in root.findall('queue/change')], 'still in the emergency approver\'s queue')
    last = rows(s, n)[-1]
    kind = db_one(s, 'SELECT kind FROM approval_policies WHERE id = ?', int(last[2].split(':')[0]))
    expect(last[:2] == ('change.approval_needed', ADMIN) and kind == 'freeze_override', 'override row %r' % (last,))
    html_page_ok(s, fresh('/changes/queue'), ADMIN, ('chg', 'apr'))
    td.decide_ok(s, n, ADMIN, 'scheduled')
    root = tc.get_xml(s, fresh('/changes/queue'), ADMIN)
    expect(n not in [c.get('number') for c in root.findall('queue/change')], 'still queued once scheduled')


def reviewed_emergency(s):
    n = emergency(s)
    tc.step_ok(s, n, MANAGER, 'authorize')
    td.decide_ok(s, n, APPROVER, 'scheduled')
    tc.step_ok(s, n, ENGINEER, 'implement')
    tc.step_ok(s, n, ENGINEER, 'review', actual_end=tc.local_now(s), verification_result='ok', close_code='successful')
    due = tc.row(s, n, 'review_due')
    expect(due and len(due) == 10, 'no review_due: %r' % due)
    return n, due


def cron(s, day):
    r = s.cli('cron', env={'OPSPLAN_NOW': '%sT04:00:00Z' % day})
    expect(r.returncode == 0, 'cron on %s: %d %s' % (day, r.returncode, r.stderr.strip()))
    return r.stdout


def notify_audits(s, n):
    return db_all(s, "SELECT actor, new_value FROM audit_log WHERE action = 'change.notify' AND entity_id = ? ORDER BY id", n)


def t_cron_review(s):
    n, due = reviewed_emergency(s)
    S['review'] = n
    k = len(rows(s, n))
    d = datetime.date.fromisoformat(due)
    # a week before: nothing due, nothing written, nothing audited
    cron(s, (d - datetime.timedelta(days=7)).isoformat())
    expect(events(s, n, k) == [] and notify_audits(s, n) == [], 'a week early: %r' % events(s, n, k))
    # on the day: one reminder each to the implementer and the requester, once for two runs
    out = cron(s, due)
    cron(s, due)
    r = rows(s, n)[k:]
    same([(e, u) for e, u, *_ in r], [('change.review_due', ENGINEER), ('change.review_due', MANAGER)], 'reminder')
    expect(all(x[4]['review_due'] == due and x[4]['state'] == 'review' for x in r), 'payload %r' % r)
    expect('change.review_due %s' % n in out, 'cron output %r' % out)
    a = notify_audits(s, n)
    expect(len(a) == 1 and a[0][0] == 'cron' and json.loads(a[0][1]) == {'event': 'change.review_due', 'review_due': due,
                                                                         'recipients': 2}, 'audit %r' % a)
    # the day after: overdue, once
    after = (d + datetime.timedelta(days=1)).isoformat()
    cron(s, after)
    cron(s, after)
    same(events(s, n, k + 2), [('change.review_overdue', ENGINEER), ('change.review_overdue', MANAGER)], 'overdue')
    expect(len(notify_audits(s, n)) == 2, 'audits %r' % notify_audits(s, n))
    # the demo's emergency change is closed: never reminded
    demo = db_one(s, "SELECT number FROM changes WHERE type = 'emergency' ORDER BY id LIMIT 1")
    expect(not [e for e, u in events(s, demo) if e.startswith('change.review')], 'closed change reminded')


def t_overdue_flag(s):
    n = S.get('review') or reviewed_emergency(s)[0]
    page = tc.get_xml(s, fresh('/changes/%s' % n), MANAGER).find('change')
    expect(page.get('review-overdue') is None, 'overdue before its day: %r' % page.attrib)
    lst = tc.get_xml(s, fresh('/changes?overdue=1'), MANAGER)
    expect(n not in [c.get('number') for c in lst.findall('changes/change')], 'listed as overdue too early')
    db_write(s, "UPDATE changes SET review_due = '2020-01-06' WHERE number = ?", n)
    page = tc.get_xml(s, fresh('/changes/%s' % n), MANAGER).find('change')
    expect(page.get('review-overdue') == '1', 'no flag on the page model %r' % page.attrib)
    body = s.request('GET', fresh('/changes/%s' % n), user=MANAGER)[2].decode('utf-8')
    expect('review-overdue' in body and harness.msg_part('zh-CN', 'chg.review_overdue') in body, 'no flag on the page')
    lst = tc.get_xml(s, fresh('/changes?overdue=1'), MANAGER)
    got = [(c.get('number'), c.get('review-overdue')) for c in lst.findall('changes/change')]
    expect(got == [(n, '1')] and lst.find('changes').get('overdue') == '1', 'filtered list %r' % got)
    full = {c.get('number'): c.get('review-overdue') for c in tc.get_xml(s, fresh('/changes'), MANAGER).findall('changes/change')}
    expect(full[n] == '1' and sum(1 for v in full.values() if v) == 1, 'list flags %r' % full)
    html_page_ok(s, fresh('/changes?overdue=1'), MANAGER, ('chg',))
    html_page_ok(s, fresh('/changes/%s' % n), MANAGER, ('chg',))
    st, h, b = s.request('GET', fresh('/changes?overdue=yes'), user=MANAGER)
    expect(st == 400 and harness.msg_part('zh-CN', 'chg.error.overdue') in b.decode('utf-8'), 'bad filter: %d' % st)
    # reviewed and closed: the flag is gone (computed, not stored), and closing told the implementer
    k = len(rows(s, n))
    tc.step_ok(s, n, MANAGER, 'closed', close_code='successful', review_outcome='有效 fine', review_lessons='监控 monitor')
    page = tc.get_xml(s, fresh('/changes/%s' % n), MANAGER).find('change')
    lst = tc.get_xml(s, fresh('/changes?overdue=1'), MANAGER)
    expect(page.get('review-overdue') is None and not lst.findall('changes/change'), 'flag after closing')
    same(events(s, n, k), [('change.closed', ENGINEER)], 'closed')


def t_delegate(s):
    """chen.jie (the emergency approver) away, admin standing in: both are asked."""
    d0 = datetime.date.fromisoformat(tc.get_xml(s, '/changes/delegations', APPROVER).find('delegation-form').get('today'))
    st, h, b = tc.post(s, '/changes/delegations', APPROVER, {'delegate': ADMIN, 'start': d0.isoformat(),
                                                            'end': (d0 + datetime.timedelta(days=2)).isoformat()})
    expect(st == 303, 'delegation: %d %s' % (st, short(b)))
    n = emergency(s)
    tc.step_ok(s, n, MANAGER, 'authorize')
    r = rows(s, n)
    same([(e, u) for e, u, *_ in r], [('change.submitted', ENGINEER), ('change.approval_needed', APPROVER),
                                      ('change.approval_needed', ADMIN)], 'with a delegate')
    ob = {u: p['on_behalf'] for e, u, occ, lang, p in r if e == 'change.approval_needed'}
    expect(ob == {APPROVER: None, ADMIN: APPROVER}, 'on_behalf %r' % ob)
    # the delegate decides for chen.jie: the requester and implementer hear of it, not admin
    k = len(r)
    td.decide_ok(s, n, ADMIN, 'scheduled')
    same(events(s, n, k), [('change.scheduled', MANAGER), ('change.scheduled', ENGINEER)], 'scheduled by the delegate')


def t_logs_clean(s):
    logs_clean(s)


def run():
    # the clock fixed at 01:30 Shanghai time, when the UTC day is still yesterday: a delegation
    # from the local "today" is in force for the engine and the pages alike (it once used the UTC day)
    with Stack('basic', env={'OPSPLAN_NOW': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT17:30:00Z')}) as s:
        c = CHECKS.check
        c('outbox.walk', t_walk, s)
        c('outbox.reject_cancel_lang', t_reject_cancel, s)
        c('outbox.queue_freeze_override', t_queue_freeze, s)
        c('outbox.cron_review_once', t_cron_review, s)
        c('outbox.overdue_flag', t_overdue_flag, s)
        c('outbox.delegate', t_delegate, s)
        c('outbox.logs_clean', t_logs_clean, s)


def main():
    return CHECKS.main((('outbox', run),))


if __name__ == '__main__':
    sys.exit(main())
