#!/usr/bin/env python3
"""soak.py - the differential test of tests/web/test_tj3.py over many seeds: each seed's random
network (tests/sched/netgen.py) imported into opsplan as Microsoft Project XML and exported again,
every task compared with tj3's schedule in Microsoft Project's semantics (Start, Finish,
TotalSlack, Critical). Prints each seed's agreement, the disagreeing tasks and the overall rate;
exits 1 on any disagreement (or a seed that could not be run), 0 when every task agrees.

    python3 tests/sched/soak.py [--seeds N] [--first K] [-v]     # seeds K .. K+N-1 (1, 200)

The binary is $OPSPLAN_BIN or build/opsplan, with a fresh database of its own in a temporary
directory ("opsplan init", "opsplan user add admin --role admin"; OPSPLAN_DB, OPSPLAN_XSLT_DIR and
an empty --config file, as tests/web/harness.py's Stack does). tj3's results are cached in
build/tj3-cache/ like the web suite's, so only the first run of a seed needs tj3.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import netgen  # noqa: E402

REPO = netgen.REPO
NOW = '2026-11-25T08:00:00Z'        # before every generated plan (all start in 2027)


class Opsplan:
    """The program with its own database in tmp."""

    def __init__(self, tmp):
        self.bin = os.environ.get('OPSPLAN_BIN') or os.path.join(REPO, 'build', 'opsplan')
        self.tmp = tmp
        self.conf = os.path.join(tmp, 'opsplan.conf')
        with open(self.conf, 'w') as f:
            f.write('# opsplan soak: settings come from OPSPLAN_* environment variables\n')
        self.env = {k: v for k, v in os.environ.items() if not k.startswith('OPSPLAN_')}
        self.env.pop('GATEWAY_INTERFACE', None)
        self.env.update({'OPSPLAN_DB': os.path.join(tmp, 'opsplan.db'),
                         'OPSPLAN_XSLT_DIR': os.path.join(REPO, 'xslt'), 'OPSPLAN_NOW': NOW})

    def run(self, *args, timeout=300):
        """Runs the program; raises RuntimeError with its stderr when it fails."""
        r = subprocess.run([self.bin, '--config', self.conf] + list(args), env=self.env, capture_output=True,
                           text=True, errors='replace', timeout=timeout)
        if r.returncode:
            raise RuntimeError('opsplan %s: exit %d: %s' % (' '.join(args[:2]), r.returncode, r.stderr.strip()[-500:]))
        return r


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seeds', type=int, default=200, help='how many seeds (200)')
    ap.add_argument('--first', type=int, default=1, help='the first seed (1)')
    ap.add_argument('-v', action='store_true', help='every seed, also those that agree')
    a = ap.parse_args(argv)

    tmp = tempfile.mkdtemp(prefix='opsplan-soak-')
    t0 = time.time()
    agree = total = failed_seeds = 0
    cold = 0
    try:
        op = Opsplan(tmp)
        if not os.access(op.bin, os.X_OK):
            print('FAIL soak: %s not found: run make' % op.bin)
            return 1
        op.run('init')
        op.run('user', 'add', 'admin', '--role', 'admin')
        for seed in range(a.first, a.first + a.seeds):
            code = 'GEN-%d' % seed
            try:
                net, doc, xml, hit = netgen.prepare(seed, tmp)
                cold += not hit
                op.run('import', '--format', 'mspdi', xml, '--project', code)
                out = os.path.join(tmp, 'export-%d.xml' % seed)
                op.run('export', '--format', 'mspdi', '--project', code, '-o', out)
                with open(out, 'rb') as f:
                    n, diffs = netgen.compare(doc, f.read())
                os.remove(xml)
                os.remove(out)
            except (netgen.NetgenError, RuntimeError, subprocess.TimeoutExpired, OSError, ValueError) as e:
                failed_seeds += 1
                print('seed %d: not run: %s: %s' % (seed, type(e).__name__, e), flush=True)
                continue
            bad = {d[0] for d in diffs if str(d[0]) in doc['tasks']}
            agree += n - len(bad)
            total += n
            if diffs or a.v:
                print('seed %d (%d tasks, start %s): %d agree, %d differ' % (seed, n, doc['start'], n - len(bad),
                                                                           netgen.differing_tasks(diffs)), flush=True)
            for d in diffs:
                print('  UID %d %s %s: opsplan %s, reference %s' % d)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    rate = 100.0 * agree / total if total else 0.0
    print('# soak: seeds %d-%d: %d of %d tasks agree (%.2f %%), %d seeds not run; %d references computed by tj3, '
          '%.1f s' % (a.first, a.first + a.seeds - 1, agree, total, rate, failed_seeds, cold, time.time() - t0))
    return 0 if agree == total and not failed_seeds else 1


if __name__ == '__main__':
    sys.exit(main())
