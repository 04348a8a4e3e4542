#!/usr/bin/env python3
"""test_tj3.py - a differential test of opsplan's schedule against TaskJuggler (tj3).

For each of ten fixed seeds, tests/sched/netgen.py makes a random project network (50-500
tasks in three outline levels, the four link types with lags and leads, milestones, unlinked
tasks, start-no-earlier-than dates, a calendar with holidays and a start that may be a weekend or
a holiday) and its reference from two tj3 runs (early and late dates), in Microsoft Project's
semantics at day granularity. The network goes through the command line as Microsoft Project XML:
"opsplan import --format mspdi", "opsplan export --format mspdi"; every exported task (summaries
included) must have the reference's Start and Finish dates, TotalSlack (whole days) and Critical.

tj3's results are cached in build/tj3-cache/ (they depend on netgen.py only), so a warm run takes
seconds and tj3 is only needed when the cache is cold.

Run: OPSPLAN_BIN=build/opsplan python3 tests/web/test_tj3.py [-k NAME] [-v]
"""

import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'sched'))
import harness  # noqa: E402
from harness import Stack, expect  # noqa: E402
import netgen  # noqa: E402

CHECKS = harness.Checks()
NOW = '2026-11-25T08:00:00Z'        # before every generated plan (all start in 2027)
# sizes 56, 69, 107, 156, 230, 293, 317, 399, 491, 499 tasks; the starts fall on weekdays
# (47, 2), weekends (31, 17, 105) and holidays (43, 28, 15, 64, 37)
SEEDS = (31, 43, 28, 15, 47, 64, 17, 37, 2, 105)
TOTAL = {'agree': 0, 'tasks': 0}


def t_seed(s, seed):
    """The seed's network imported and exported by opsplan has tj3's schedule on every task:
    Start and Finish (dates), TotalSlack (days) and Critical. The reference is tj3's in
    Microsoft Project's semantics; where the two disagree, Microsoft Project wins: a milestone at
    a day boundary sits at 17:00 of the day before when what drives it ends there (a lag, or the
    finish of a task), at the start of the next working day when it is a start (the project
    start, an SNET date, a lead, the start of a task) -- tj3 instead leaves a milestone at the
    clock time its dependency hands on, e.g. 17:00 for a start it took from a dependency (see
    netgen.milestone_kind()). Summaries span their leaves; their TotalSlack is the smaller of
    late start - early start and late finish - early finish, as in Microsoft Project."""
    net, doc, xml, hit = netgen.prepare(seed, s.tmp)
    code = 'GEN-%d' % seed
    r = s.cli('import', '--format', 'mspdi', xml, '--project', code, timeout=300)
    expect(r.returncode == 0, 'opsplan import %s: exit %d: %s' % (code, r.returncode, r.stderr.strip()[-500:]))
    out = os.path.join(s.tmp, 'export-%d.xml' % seed)
    r = s.cli('export', '--format', 'mspdi', '--project', code, '-o', out, timeout=300)
    expect(r.returncode == 0, 'opsplan export %s: exit %d: %s' % (code, r.returncode, r.stderr.strip()[-500:]))
    with open(out, 'rb') as f:
        n, diffs = netgen.compare(doc, f.read())
    bad = len({d[0] for d in diffs if str(d[0]) in doc['tasks']})
    TOTAL['agree'] += n - bad
    TOTAL['tasks'] += n
    if CHECKS.verbose:
        print('# tj3: seed %d: %d of %d tasks agree (reference %s; tj3 %s s)'
              % (seed, n - bad, n, 'cached' if hit else 'computed', doc['tj3_seconds']), flush=True)
    expect(not diffs, '%d of %d tasks differ (%d fields): %s' % (netgen.differing_tasks(diffs), n, len(diffs),
                                                                  netgen.format_diffs(diffs)))


def run():
    with Stack('basic', env={'OPSPLAN_NOW': NOW}) as s:
        for seed in SEEDS:
            CHECKS.check('tj3.seed_%d_n%d' % (seed, netgen.size(seed)), t_seed, s, seed)
    print('# tj3: %d of %d tasks agree' % (TOTAL['agree'], TOTAL['tasks']), flush=True)


def main():
    return CHECKS.main((('tj3', run),))


if __name__ == '__main__':
    sys.exit(main())
