#!/usr/bin/env python3
"""netgen.py - random project networks for the differential test of opsplan's schedule against
TaskJuggler (tj3). Python 3 standard library only.

One seed gives one network (random.Random(seed), nothing else random):
  - a calendar: Monday-Friday 08:00-12:00 and 13:00-17:00 (480 working minutes a day) minus 3-8
    holidays on weekdays in the first months; the project start is a date in 2027, sometimes a
    weekend or a holiday (work then starts on the next working day);
  - N tasks (50-500) in 3 outline levels: summaries (no links, no constraint) and leaves of 1-10
    working days, about 8 % of them milestones; acyclic links between leaves of the four types
    with whole-day lags and leads; some leaves unlinked; about 10 % with a start-no-earlier-than
    (SNET) date; the file's Start/Finish (about 70 % of the tasks have them) stale on a quarter of
    the dated ASAP leaves, as in a file whose links changed since it was last scheduled.

It is written three times: gen.xml (Microsoft Project XML, what opsplan imports), asap.tjp (tj3
computes the early dates) and alap.tjp (tj3 computes the late dates). The reference for every
task (Start and Finish dates, TotalSlack in days, Critical) comes from tj3's two runs, turned into
Microsoft Project's semantics at day granularity (see reference()). A small forward/backward pass
of our own (cpm()) guards the encoding: tj3's positions must equal it, else the tj3 files are
wrong and we stop (NetgenError) instead of blaming opsplan.

Times are "positions": working minutes from the first working minute of the project. With whole
days everywhere, every position is a multiple of 480, so a milestone's position alone does not
say which day it is on (17:00 of one day and 08:00 of the next are the same position); its
"kind" decides (milestone_kind()).

What tj3 can express limits the networks: its gaps are never negative, "depends" only bounds a
task's start and "precedes" only its end, so every link is written as ES_s >= ES_p + c and kept
only when c >= 0 and c + d_s - d_p >= 0. Hence leads occur on FS links only, and a milestone
successor is never before its predecessor's finish: a milestone's start kind comes from the
project start, an SNET date or a milestone predecessor, never from an SS/SF link with lag 0 or a
lead after a task with a duration (Microsoft Project's rule for those is in milestone_kind() all
the same).

tj3 oddities met on the way (tj3 3.7.1):
  - "gaplength 0d" is an error ("Duration values must be at least 60 minutes"): no gap is written
    as no gaplength;
  - its loop check refuses "milestone M2 depends on the start of milestone M1" inside one summary
    as a dependency loop when nothing depends on M1's end (see tjp_asap());
  - it reports a task's start at the time its dependency allows (17:00 of the predecessor's last
    day), and a milestone after an SS link with lag 0 at that same 17:00, where Microsoft Project
    moves to the next working time first (see reference()).

Used by tests/web/test_tj3.py and tests/sched/soak.py (prepare(), compare()). For debugging:

    python3 tests/sched/netgen.py SEED --out DIR     # gen.xml, asap.tjp, alap.tjp, reference.json

The tj3 results are cached in build/tj3-cache/<seed>-<hash of this file>.json (cache_path()).
"""

import argparse
import bisect
import csv
import datetime
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, '..', '..'))
CACHE_DIR = os.path.join(REPO, 'build', 'tj3-cache')
DAY = 480                       # working minutes a day
TJ3 = os.environ.get('TJ3') or shutil.which('tj3') or '/usr/bin/tj3'
NS = '{http://schemas.microsoft.com/project}'
TYPE_CODE = {'FF': 0, 'FS': 1, 'SF': 2, 'SS': 3}      # MSPDI PredecessorLink/Type


class NetgenError(Exception):
    """tj3 failed, or its answer disagrees with our own pass (an encoding mistake here)."""


def source_hash():
    """The first 12 hex digits of SHA-256 over this file: part of the cache key, so a change to
    the generator never reuses an old reference."""
    with open(os.path.abspath(__file__), 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()[:12]


def cache_path(seed, cache_dir=CACHE_DIR):
    return os.path.join(cache_dir, '%d-%s.json' % (seed, source_hash()))


# --- the calendar --------------------------------------------------------------------------------

class Calendar:
    """Monday-Friday minus holidays, from the project start. Day index 0 is the first working
    day on or after the start; workdays[i] is the date of day index i."""

    def __init__(self, start, holidays):
        self.start = start
        self.holidays = sorted(holidays)
        self._hol = set(holidays)
        self.workdays = []
        self.extend(400)

    def working(self, d):
        return d.weekday() < 5 and d not in self._hol

    def extend(self, n):
        """Makes sure day indexes 0..n-1 have dates."""
        d = self.workdays[-1] + datetime.timedelta(days=1) if self.workdays else self.start
        while len(self.workdays) < n:
            if self.working(d):
                self.workdays.append(d)
            d += datetime.timedelta(days=1)

    def date(self, i):
        self.extend(i + 1)
        return self.workdays[i]

    def position(self, text):
        """A tj3 time "YYYY-MM-DD HH:MM" as a position: 480 x the working days before that date
        (from the first working day) + the working minutes of that date before that time."""
        d = datetime.date.fromisoformat(text[:10])
        hh, mm = int(text[11:13]), int(text[14:16])
        self.extend(len(self.workdays) + max(0, (d - self.workdays[-1]).days) + 1)
        pos = DAY * bisect.bisect_left(self.workdays, d)
        if self.working(d):
            t = hh * 60 + mm
            pos += min(max(t, 480), 720) - 480 + min(max(t, 780), 1020) - 780
        return pos


# --- the network ---------------------------------------------------------------------------------

def bound_c(typ, lag, dp, ds):
    """Every link as a bound on the successor's start: ES_s >= ES_p + c (days)."""
    return {'FS': dp + lag, 'SS': lag, 'FF': dp + lag - ds, 'SF': lag - ds}[typ]


def generate(seed):
    """The network of a seed as a dict (see the keys at the end). Deterministic."""
    rng = random.Random(seed)
    n = rng.randint(50, 500)

    # calendar: a start in 2027; holidays on weekdays in the first four months; sometimes
    # (when the start is a weekday) the start itself is a holiday
    start = datetime.date(2027, 1, 1) + datetime.timedelta(days=rng.randrange(330))
    weekdays = [start + datetime.timedelta(days=k) for k in range(1, 120)]
    weekdays = [d for d in weekdays if d.weekday() < 5]
    holidays = set(rng.sample(weekdays, rng.randint(3, 8)))
    if start.weekday() < 5 and rng.random() < 0.25:
        holidays.add(start)
    cal = Calendar(start, holidays)

    # outline: rows of (level, is_summary) in file order; every summary has a child
    rows = []
    while len(rows) < n:
        if n - len(rows) >= 3 and rng.random() < 0.9:
            rows.append((1, True))
            for _ in range(rng.randint(2, 8)):
                left = n - len(rows)
                if left <= 0:
                    break
                if left >= 3 and rng.random() < 0.35:
                    rows.append((2, True))
                    for _ in range(min(rng.randint(2, 6), n - len(rows))):
                        rows.append((3, False))
                else:
                    rows.append((2, False))
        else:
            rows.append((1, False))

    # UIDs neither equal to the row nor in row order; names; outline numbers and parents
    uids = rng.sample(range(1, 4 * n), n)
    tasks = []
    counters = [0, 0, 0, 0]
    parents = [None, None, None, None]
    for row, (level, summary) in enumerate(rows):
        counters[level] += 1
        for k in range(level + 1, 4):
            counters[k] = 0
        t = {'uid': uids[row], 'id': row + 1, 'level': level, 'summary': summary,
             'outline': '.'.join(str(counters[k]) for k in range(1, level + 1)),
             'parent': parents[level - 1] if level > 1 else None, 'children': []}
        if summary:
            t['name'] = '阶段 Phase %s' % t['outline']
            parents[level] = t['uid']
        else:
            t['milestone'] = rng.random() < 0.08
            t['dur'] = 0 if t['milestone'] else rng.randint(1, 10)
            t['name'] = ('里程碑 Milestone %s' if t['milestone'] else '任务 Task %s') % t['outline']
            t['snet'] = None
            t['preds'] = []         # (pred uid, type, lag, c), c = the start-to-start bound
            t['succs'] = []
        tasks.append(t)
    by_uid = {t['uid']: t for t in tasks}
    for t in tasks:
        if t['parent'] is not None:
            by_uid[t['parent']]['children'].append(t['uid'])
    leaves = [t for t in tasks if not t['summary']]

    # links: a random topological order that is not the file order; about 8 % of the leaves are
    # kept out of every link; the others draw 0-3 predecessors, mostly among the last ones
    # before them in that order (long chains, so critical paths are long and varied)
    order = [t['uid'] for t in leaves]
    rng.shuffle(order)
    isolated = set(rng.sample(order, max(1, len(order) * 8 // 100)))
    linked = [u for u in order if u not in isolated]
    for i, su in enumerate(linked):
        if i == 0:
            continue
        s = by_uid[su]
        for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3))):
            j = rng.randrange(max(0, i - 12), i) if rng.random() < 0.8 else rng.randrange(i)
            p = by_uid[linked[j]]
            if any(q == p['uid'] for q, _, _, _ in s['preds']):
                continue
            # a type and a lag that both tj3 runs can express: c >= 0 (ASAP: a gap after the
            # predecessor's start) and c + d_s - d_p >= 0 (ALAP: a gap after its end)
            for _ in range(60):
                typ = rng.choices(('FS', 'SS', 'FF', 'SF'), (50, 20, 15, 15))[0]
                lag = 0 if rng.random() < 0.45 else rng.choice([x for x in range(-5, 11) if x])
                c = bound_c(typ, lag, p['dur'], s['dur'])
                if c >= 0 and c + s['dur'] - p['dur'] >= 0:
                    break
            else:
                typ, lag, c = 'FS', 0, p['dur']
            s['preds'].append((p['uid'], typ, lag, c))
            p['succs'].append((su, typ, lag, c))

    # SNET on about 10 % of the leaves (linked or not): a working day after the start
    for t in leaves:
        if rng.random() < 0.10:
            t['snet'] = rng.randint(1, 80)

    # which leaves (and summaries) the file gives Start/Finish (about 70 %)
    for t in tasks:
        t['dated'] = rng.random() < 0.7
    # a quarter of the dated leaves without SNET carry stale dates, shifted by some calendar days
    # from what their links give: the Start of an ASAP task is Project's result, not an input, and
    # Project recomputes it when it opens the file, so opsplan must not keep it either
    for t in leaves:
        t['stale'] = rng.choice((-9, -4, -2, 3, 5, 12)) if t['dated'] and not t['snet'] and rng.random() < 0.25 else 0

    return {'seed': seed, 'n': n, 'cal': cal, 'tasks': tasks, 'by_uid': by_uid, 'order': order,
            'leaves': leaves}


def cpm(net):
    """Our own forward/backward pass in working days (the guard for the tj3 encoding):
    {uid: (ES, EF, LS, LF)} and the project finish T."""
    by = net['by_uid']
    es, ef = {}, {}
    for u in net['order']:              # a topological order of the leaves
        t = by[u]
        e = max(0, t['snet'] or 0)
        for p, _, _, c in t['preds']:
            e = max(e, es[p] + c)
        es[u], ef[u] = e, e + t['dur']
    T = max(ef.values())
    ls, lf = {}, {}
    for u in reversed(net['order']):
        t = by[u]
        f = T
        for s, _, _, c in t['succs']:
            f = min(f, ls[s] - c + t['dur'])
        lf[u], ls[u] = f, f - t['dur']
    return {u: (es[u], ef[u], ls[u], lf[u]) for u in es}, T


# --- tj3 -------------------------------------------------------------------------------------------

def tj_path(net, uid):
    """The absolute tj3 id of a task: s<UID> for summaries, t<UID> for leaves, joined by '.'."""
    by = net['by_uid']
    parts = []
    while uid is not None:
        t = by[uid]
        parts.append(('s%d' if t['summary'] else 't%d') % uid)
        uid = t['parent']
    return '.'.join(reversed(parts))


def _tj_head(net, name, end):
    cal = net['cal']
    out = ['project gen "%s" %s - %s {' % (name, cal.start.isoformat(), end.isoformat()),
           '  timezone "UTC"',
           '  timeformat "%Y-%m-%d %H:%M"',
           '  workinghours mon-fri 8:00-12:00, 13:00-17:00',
           '  workinghours sat, sun off',
           '  dailyworkinghours 8',
           '}']
    for i, h in enumerate(cal.holidays):
        out.append('leaves holiday "h%d" %s' % (i + 1, h.isoformat()))
    return out


def _tj_tree(net, body):
    """The task tree, nested as in the outline; body(leaf) gives a leaf's attribute lines."""
    out = []

    def emit(uid, ind):
        t = net['by_uid'][uid]
        if t['summary']:
            out.append('%stask s%d "S%d" {' % (ind, uid, uid))
            for c in t['children']:
                emit(c, ind + '  ')
        else:
            out.append('%stask t%d "T%d" {' % (ind, uid, uid))
            out.extend(ind + '  ' + line for line in body(t))
        out.append(ind + '}')

    for t in net['tasks']:
        if t['level'] == 1:
            emit(t['uid'], '')
    return out


def _tj_report(name):
    return ['taskreport %s "%s" {' % (name, name), '  formats csv', '  columns id, start, end',
            '  hideresource 1', '}']


def _gap(days):
    return ' gaplength %dd' % days if days else ''


def tjp_asap(net, T):
    """asap.tjp: early dates. Each link bounds the successor's start after the predecessor's end
    (depends P, the default onend) or start (onstart), with a non-negative gap (see the brief's
    encoding: c = the start-to-start bound in days)."""
    cal = net['cal']
    end = cal.date(T + 40) + datetime.timedelta(days=14)
    out = _tj_head(net, 'GEN-%d early' % net['seed'], end)
    for t in net['leaves']:
        if t['snet']:
            out.append('task anchor_%d "" { start %s-08:00 milestone }' % (t['uid'], cal.date(t['snet']).isoformat()))
    by = net['by_uid']

    def body(t):
        lines = ['milestone' if t['milestone'] else 'length %dd' % t['dur']]
        for p, typ, lag, c in t['preds']:
            dp = by[p]['dur']
            ref = tj_path(net, p)
            if by[p]['milestone']:
                # a milestone's start and end are one time, so always onend: tj3's loop check
                # (TaskScenario#checkForLoops) walks from a milestone's start to its end and,
                # when nothing depends on that end, on to its summary's end, so "M2 depends
                # on the start of M1" inside one summary is refused as a dependency loop
                # although there is none (seen with seed 47)
                lines.append('depends %s%s' % (ref, ' {%s }' % _gap(c) if c else ''))
            elif typ == 'FS' and lag >= 0:
                lines.append('depends %s%s' % (ref, ' {%s }' % _gap(lag) if lag else ''))
            elif typ == 'SS' and lag >= 0:
                lines.append('depends %s { onstart%s }' % (ref, _gap(lag)))
            elif c >= dp:
                lines.append('depends %s%s' % (ref, ' {%s }' % _gap(c - dp) if c > dp else ''))
            else:
                lines.append('depends %s { onstart%s }' % (ref, _gap(c)))
        if t['snet']:
            lines.append('depends anchor_%d { onstart }' % t['uid'])
        return lines

    return '\n'.join(out + _tj_tree(net, body) + _tj_report('asap')) + '\n'


def tjp_alap(net, T):
    """alap.tjp: late dates. Every leaf is scheduled ALAP and precedes the milestone fin, which
    ends at T (17:00 of the last working day of the early schedule); each link bounds the
    predecessor's end before the successor's start or end with a non-negative gap
    (k = c + d_s - d_p). No SNET anchors: a constraint does not move late dates."""
    cal = net['cal']
    end = cal.date(T + 40) + datetime.timedelta(days=14)
    out = _tj_head(net, 'GEN-%d late' % net['seed'], end)
    last = cal.date(max(T, 1) - 1)
    out.append('task fin "fin" { milestone end %s-17:00 scheduling alap }' % last.isoformat())
    by = net['by_uid']

    def body(t):
        lines = ['milestone' if t['milestone'] else 'length %dd' % t['dur'], 'scheduling alap', 'precedes fin']
        for s, typ, lag, c in t['succs']:
            ds = by[s]['dur']
            k = c + ds - t['dur']
            if k >= ds:
                lines.append('precedes %s { onstart%s }' % (tj_path(net, s), _gap(k - ds)))
            else:
                lines.append('precedes %s { onend%s }' % (tj_path(net, s), _gap(k)))
        return lines

    return '\n'.join(out + _tj_tree(net, body) + _tj_report('alap')) + '\n'


def run_tj3(files, workdir, timeout=600):
    """Runs tj3 on each (name, text) of files at the same time, in workdir; returns
    {name: ({tj3 id: (start, end)}, seconds)} from the reports name.csv."""
    if not (os.path.isfile(TJ3) and os.access(TJ3, os.X_OK)):
        raise NetgenError('tj3 not found (%s): apt-get install tj3' % TJ3)
    procs = []
    for name, text in files:
        path = os.path.join(workdir, name + '.tjp')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        p = subprocess.Popen([TJ3, '--silent', '--no-color', '-o', workdir, path], cwd=workdir,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        procs.append((name, p, time.time()))
    res = {}
    errs = []
    for name, p, t0 in procs:
        try:
            out, err = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
            errs.append('%s: tj3 took over %d s' % (name, timeout))
            continue
        secs = time.time() - t0
        report = os.path.join(workdir, name + '.csv')
        if p.returncode or not os.path.exists(report):
            errs.append('%s: tj3 exited %d: %s' % (name, p.returncode, (err or out).decode('utf-8', 'replace')[-1500:]))
            continue
        with open(report, newline='', encoding='utf-8') as f:
            rows = list(csv.reader(f, delimiter=';'))
        res[name] = ({r[0]: (r[1], r[2]) for r in rows[1:]}, secs)
    if errs:
        raise NetgenError('; '.join(errs))
    return res


# --- the reference ---------------------------------------------------------------------------------

def milestone_kind(net, uid, es, kinds):
    """Microsoft Project's rule for a milestone at a day boundary p = ES: 'start' (08:00 of day
    p/480) or 'end' (17:00 of the day before). The bounds equal to p vote: the project start and
    an SNET date are start kind; a link with a lag is end kind, with a lead start kind; a link
    with lag 0 takes the predecessor's finish kind (FS, FF) or start kind (SS, SF): end and start
    for a task with a duration, the milestone's own kind for a milestone. Any start kind wins
    (the later clock time). es: {uid: ES in days}; kinds: the kinds of earlier milestones.
    Returns (kind, the votes as [(what, kind, lag)])."""
    t = net['by_uid'][uid]
    p = es[uid]
    votes = []
    if p == 0:
        votes.append(('start', 'start', None))
    if t['snet'] and t['snet'] == p:
        votes.append(('snet', 'start', None))
    for q, typ, lag, c in t['preds']:
        if es[q] + c != p:
            continue
        pt = net['by_uid'][q]
        if lag > 0:
            k = 'end'
        elif lag < 0:
            k = 'start'
        elif pt['milestone']:
            k = kinds[q]
        else:
            k = 'end' if typ in ('FS', 'FF') else 'start'
        votes.append((q, k, lag))
    if not votes:
        raise NetgenError('milestone %d: no bound equals its start %d' % (uid, p))
    return ('start' if any(k == 'start' for _, k, _ in votes) else 'end'), votes


def reference(net, tj):
    """The reference of every task from tj3's two runs ({run: {id: (start, end)}}), after
    checking them against cpm(). Returns (ref, T): ref[uid] = {name, summary, milestone, start,
    finish (ISO dates), slack (days), critical (0/1)}."""
    cal = net['cal']
    by = net['by_uid']
    mine, T = cpm(net)
    asap, alap = tj['asap'], tj['alap']
    pos = {}
    bad = []
    for t in net['leaves']:
        u = t['uid']
        tid = tj_path(net, u)
        if tid not in asap or tid not in alap:
            raise NetgenError('task %s is missing from a tj3 report' % tid)
        es, ef = cal.position(asap[tid][0]), cal.position(asap[tid][1])
        ls, lf = cal.position(alap[tid][0]), cal.position(alap[tid][1])
        pos[u] = (es, ef, ls, lf)
        want = tuple(DAY * x for x in mine[u])
        if (es, ef, ls, lf) != want:
            bad.append('%s: tj3 ES/EF/LS/LF %r (times %s %s / %s %s), own pass %r'
                       % (tid, (es, ef, ls, lf), asap[tid][0], asap[tid][1], alap[tid][0], alap[tid][1], want))
    if bad:
        raise NetgenError('tj3 disagrees with the own pass in %d tasks (an encoding error): %s'
                          % (len(bad), '; '.join(bad[:5])))

    ref = {}
    es_days = {u: p[0] // DAY for u, p in pos.items()}
    kinds = {}
    clock_bad = []
    checked = {}            # milestone uid -> True when tj3's clock time must show its kind
    for u in net['order']:
        t = by[u]
        es, ef, ls, lf = pos[u]
        if t['milestone']:
            # the day of a milestone follows Microsoft Project, not tj3: where the two disagree
            # (tj3 leaves a milestone at the clock time its dependency hands on, e.g. 17:00 of
            # the day before for a lead, which our encoding turns into a gap after the
            # predecessor's start), Microsoft Project's semantics win
            kind, votes = milestone_kind(net, u, es_days, kinds)
            kinds[u] = kind
            day = es // DAY if kind == 'start' else es // DAY - 1
            first = last = day
            # sanity check of the kinds on tj3's own clock times, where tj3 can know the kind:
            # every bound at p is a link with L >= 0 and the time it hands on is a kind, not a
            # start tj3 left at 17:00 of the day before (tj3 reports a task's start at the time
            # its dependency allows; an SS/SF link with lag 0 passes that time on, where
            # Microsoft Project moves to the next working time first)
            trust = all(q not in ('start', 'snet') and lag >= 0 for q, _, lag in votes)
            for q, k, lag in votes:
                if not trust or lag > 0:
                    continue
                if by[q]['milestone']:
                    trust = checked.get(q, False)
                else:
                    typ = next(ty for p_, ty, lg, _ in t['preds'] if p_ == q)
                    if typ in ('SS', 'SF') and asap[tj_path(net, q)][0][11:] == '17:00':
                        trust = False
            checked[u] = trust
            if trust:
                at = asap[tj_path(net, u)][0]
                tj_kind = 'end' if at[11:] == '17:00' else 'start' if at[11:] in ('00:00', '08:00') else '?'
                if tj_kind != kind:
                    clock_bad.append('%s at %s: kind %s from %r' % (tj_path(net, u), at, kind, votes))
        else:
            first, last = es // DAY, (ef - 1) // DAY
        slack = (ls - es) // DAY
        ref[u] = {'name': t['name'], 'summary': 0, 'milestone': int(t['milestone']),
                  'start': cal.date(first).isoformat(), 'finish': cal.date(last).isoformat(),
                  'slack': slack, 'critical': int(slack <= 0),
                  'es': es, 'ef': ef, 'ls': ls, 'lf': lf, 'first': first, 'last': last}
    if clock_bad:
        raise NetgenError('tj3 clock times disagree with the milestone kinds: %s' % '; '.join(clock_bad[:5]))

    # summaries: the earliest Start and latest Finish of their leaves; TotalSlack as Microsoft
    # Project computes it for a summary: the smaller of LS - ES and LF - EF over the span
    def leaves_of(uid):
        t = by[uid]
        if not t['summary']:
            return [uid]
        return [x for c in t['children'] for x in leaves_of(c)]

    for t in net['tasks']:
        if not t['summary']:
            continue
        ls_ = [ref[x] for x in leaves_of(t['uid'])]
        es, ef = min(r['es'] for r in ls_), max(r['ef'] for r in ls_)
        lst, lft = min(r['ls'] for r in ls_), max(r['lf'] for r in ls_)
        first, last = min(r['first'] for r in ls_), max(r['last'] for r in ls_)
        slack = min(lst - es, lft - ef) // DAY
        ref[t['uid']] = {'name': t['name'], 'summary': 1, 'milestone': 0,
                         'start': cal.date(first).isoformat(), 'finish': cal.date(last).isoformat(),
                         'slack': slack, 'critical': int(slack <= 0),
                         'es': es, 'ef': ef, 'ls': lst, 'lf': lft, 'first': first, 'last': last}
    return ref, T


# --- the MSPDI file -------------------------------------------------------------------------------

def _el(ind, name, value):
    return '%s<%s>%s</%s>' % (ind, name, escape(str(value)), name)


def shift(stamp, days):
    """An MSPDI time "YYYY-MM-DDTHH:MM:SS" moved by days calendar days."""
    d = datetime.date.fromisoformat(stamp[:10]) + datetime.timedelta(days=days)
    return d.isoformat() + stamp[10:]


def mspdi(net, ref):
    """gen.xml: the network as Microsoft Project 2013 would save it (element order of the schema;
    the calendar as UID 1 with the exceptions both as WeekDay DayType 0 and as Exceptions, as
    Project 2013 writes them). About 70 % of the tasks carry the reference Start/Finish."""
    cal = net['cal']
    x = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
         '<Project xmlns="http://schemas.microsoft.com/project">',
         _el('\t', 'SaveVersion', 14),
         _el('\t', 'Name', 'GEN-%d 随机网络 random network' % net['seed']),
         _el('\t', 'ScheduleFromStart', 1),
         _el('\t', 'StartDate', cal.start.isoformat() + 'T08:00:00'),
         _el('\t', 'CalendarUID', 1),
         _el('\t', 'DefaultStartTime', '08:00:00'),
         _el('\t', 'DefaultFinishTime', '17:00:00'),
         _el('\t', 'MinutesPerDay', 480),
         _el('\t', 'MinutesPerWeek', 2400),
         _el('\t', 'DaysPerMonth', 20),
         _el('\t', 'DurationFormat', 7),
         _el('\t', 'WeekStartDay', 1),
         '\t<Calendars>', '\t\t<Calendar>', _el('\t\t\t', 'UID', 1), _el('\t\t\t', 'Name', 'Standard'),
         _el('\t\t\t', 'IsBaseCalendar', 1), _el('\t\t\t', 'IsBaselineCalendar', 0),
         _el('\t\t\t', 'BaseCalendarUID', -1), '\t\t\t<WeekDays>']
    hours = ['\t\t\t\t\t<WorkingTimes>',
             '\t\t\t\t\t\t<WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>',
             '\t\t\t\t\t\t<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime>',
             '\t\t\t\t\t</WorkingTimes>']
    for dt in range(1, 8):              # 1 = Sunday .. 7 = Saturday
        work = 2 <= dt <= 6
        x += ['\t\t\t\t<WeekDay>', _el('\t\t\t\t\t', 'DayType', dt), _el('\t\t\t\t\t', 'DayWorking', int(work))]
        x += hours if work else []
        x.append('\t\t\t\t</WeekDay>')
    for h in cal.holidays:
        x += ['\t\t\t\t<WeekDay>', _el('\t\t\t\t\t', 'DayType', 0), _el('\t\t\t\t\t', 'DayWorking', 0),
              '\t\t\t\t\t<TimePeriod><FromDate>%sT00:00:00</FromDate><ToDate>%sT23:59:00</ToDate></TimePeriod>'
              % (h.isoformat(), h.isoformat()), '\t\t\t\t</WeekDay>']
    x.append('\t\t\t</WeekDays>')
    x.append('\t\t\t<Exceptions>')
    for i, h in enumerate(cal.holidays):
        x += ['\t\t\t\t<Exception>', _el('\t\t\t\t\t', 'EnteredByOccurrences', 0),
              '\t\t\t\t\t<TimePeriod><FromDate>%sT00:00:00</FromDate><ToDate>%sT23:59:00</ToDate></TimePeriod>'
              % (h.isoformat(), h.isoformat()),
              _el('\t\t\t\t\t', 'Occurrences', 1), _el('\t\t\t\t\t', 'Name', '假日 Holiday %d' % (i + 1)),
              _el('\t\t\t\t\t', 'Type', 1), _el('\t\t\t\t\t', 'DayWorking', 0), '\t\t\t\t</Exception>']
    x += ['\t\t\t</Exceptions>', '\t\t</Calendar>', '\t</Calendars>', '\t<Tasks>']

    # the Start and Finish Project shows: 08:00 of the first day, 17:00 of the last; a milestone
    # at the end of a day at 17:00 of that day; a summary from its earliest Start to its latest
    # Finish (ISO texts compare as times)
    shown = {}
    for t in reversed(net['tasks']):        # children come after their summary
        r = ref[t['uid']]
        if t['summary']:
            shown[t['uid']] = (min(shown[c][0] for c in t['children']), max(shown[c][1] for c in t['children']))
        elif t['milestone']:
            at = r['start'] + ('T17:00:00' if r['first'] != r['es'] // DAY else 'T08:00:00')
            shown[t['uid']] = (at, at)
        else:
            shown[t['uid']] = (r['start'] + 'T08:00:00', r['finish'] + 'T17:00:00')

    for t in net['tasks']:
        r = ref[t['uid']]
        i = '\t\t\t'
        x += ['\t\t<Task>', _el(i, 'UID', t['uid']), _el(i, 'ID', t['id']), _el(i, 'Name', t['name']),
              _el(i, 'Type', 1), _el(i, 'IsNull', 0), _el(i, 'WBS', t['outline']),
              _el(i, 'OutlineNumber', t['outline']), _el(i, 'OutlineLevel', t['level']), _el(i, 'Priority', 500)]
        if t['summary']:
            mins = r['ef'] - r['es']
        else:
            mins = t['dur'] * DAY
        if t['dated']:
            a, b = shown[t['uid']]
            if t.get('stale'):
                a, b = (shift(v, t['stale']) for v in (a, b))
            x += [_el(i, 'Start', a), _el(i, 'Finish', b)]
        x += [_el(i, 'Duration', 'PT%dH%dM0S' % (mins // 60, mins % 60)), _el(i, 'DurationFormat', 7),
              _el(i, 'Milestone', int(bool(t.get('milestone')))), _el(i, 'Summary', int(t['summary'])),
              _el(i, 'ConstraintType', 4 if t.get('snet') else 0), _el(i, 'CalendarUID', -1)]
        if t.get('snet'):
            x.append(_el(i, 'ConstraintDate', cal.date(t['snet']).isoformat() + 'T08:00:00'))
        for p, typ, lag, c in t.get('preds', ()):
            x += [i + '<PredecessorLink>', _el(i + '\t', 'PredecessorUID', p), _el(i + '\t', 'Type', TYPE_CODE[typ]),
                  _el(i + '\t', 'CrossProject', 0), _el(i + '\t', 'LinkLag', lag * 4800),
                  _el(i + '\t', 'LagFormat', 7), i + '</PredecessorLink>']
        x.append('\t\t</Task>')
    x += ['\t</Tasks>', '</Project>']
    return '\n'.join(x) + '\n'


# --- putting it together --------------------------------------------------------------------------

def size(seed):
    """The number of tasks of a seed's network (cheap: the first draw)."""
    return random.Random(seed).randint(50, 500)


def compute(net, workdir):
    """Runs tj3 on both files in workdir and returns the reference document (what the cache
    keeps)."""
    mine, T = cpm(net)
    files = [('asap', tjp_asap(net, T)), ('alap', tjp_alap(net, T))]
    tj = run_tj3(files, workdir)
    ref, T2 = reference(net, {k: v[0] for k, v in tj.items()})
    return {'seed': net['seed'], 'n': net['n'], 'source': source_hash(), 'T_days': T,
            'start': net['cal'].start.isoformat(), 'holidays': [h.isoformat() for h in net['cal'].holidays],
            'tj3_seconds': {k: round(v[1], 2) for k, v in tj.items()},
            'tasks': {str(u): r for u, r in ref.items()}}


def prepare(seed, workdir, cache_dir=CACHE_DIR):
    """The network of seed, its reference (from the cache or a fresh tj3 run) and gen.xml written
    in workdir. Returns (net, refdoc, path of gen.xml, True when the reference came from the
    cache)."""
    net = generate(seed)
    path = cache_path(seed, cache_dir) if cache_dir else None
    doc, hit = None, False
    if path and os.path.exists(path):
        try:
            with open(path, encoding='utf-8') as f:
                doc = json.load(f)
            hit = True
        except (OSError, ValueError):
            doc = None
    if doc is None:
        tjdir = tempfile.mkdtemp(prefix='tj3-%d-' % seed, dir=workdir)
        doc = compute(net, tjdir)
        shutil.rmtree(tjdir, ignore_errors=True)
        if path:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            tmp = '%s.%d.tmp' % (path, os.getpid())
            with open(tmp, 'w', encoding='utf-8') as f:
                json.dump(doc, f, ensure_ascii=False, indent=0, sort_keys=True)
            os.replace(tmp, path)
            # the seed's references from older versions of this file are of no more use
            for old in os.listdir(cache_dir):
                if old.startswith('%d-' % seed) and old.endswith('.json') and old != os.path.basename(path):
                    try:
                        os.remove(os.path.join(cache_dir, old))
                    except OSError:
                        pass
    ref = {int(u): r for u, r in doc['tasks'].items()}
    xml = os.path.join(workdir, 'gen-%d.xml' % seed)
    with open(xml, 'w', encoding='utf-8') as f:
        f.write(mspdi(net, ref))
    return net, doc, xml, hit


def compare(doc, export_bytes):
    """Compares opsplan's exported MSPDI with the reference: every task of the export (UID 0, the
    project summary task, aside) and every task of the reference. Returns (number of reference
    tasks, [(uid, name, field, opsplan's value, reference value)])."""
    import xml.etree.ElementTree as ET
    ref = {int(u): r for u, r in doc['tasks'].items()}
    root = ET.fromstring(export_bytes)
    got = {}
    for t in root.iter(NS + 'Task'):
        uid = int(t.findtext(NS + 'UID', '-1'))
        if uid != 0:
            got[uid] = t
    diffs = []
    for uid in sorted(set(ref) | set(got)):
        r = ref.get(uid)
        t = got.get(uid)
        if r is None:
            diffs.append((uid, t.findtext(NS + 'Name', ''), 'task', 'exported', 'not in the file'))
            continue
        if t is None:
            diffs.append((uid, r['name'], 'task', 'missing', 'present'))
            continue
        start = (t.findtext(NS + 'Start') or '')[:10] or None
        finish = (t.findtext(NS + 'Finish') or '')[:10] or None
        ts = t.findtext(NS + 'TotalSlack')
        if ts is None:
            slack = None
        elif int(ts) % 4800:
            slack = '%s (%.3g d, not whole days)' % (ts, int(ts) / 4800)
        else:
            slack = int(ts) // 4800
        crit = t.findtext(NS + 'Critical')
        crit = int(crit) if crit is not None else None
        for field, mine, want in (('Start', start, r['start']), ('Finish', finish, r['finish']),
                                  ('TotalSlack', slack, r['slack']), ('Critical', crit, r['critical'])):
            if mine != want:
                diffs.append((uid, r['name'], field, mine, want))
    return len(ref), diffs


def differing_tasks(diffs):
    return len({d[0] for d in diffs})


def format_diffs(diffs, limit=8):
    return '; '.join('UID %d %s %s: opsplan %s, reference %s' % d for d in diffs[:limit])


def main(argv=None):
    ap = argparse.ArgumentParser(description='Writes the network of a seed as gen.xml, asap.tjp, alap.tjp '
                                             'and its reference (from a fresh tj3 run) as reference.json.')
    ap.add_argument('seed', type=int)
    ap.add_argument('--out', required=True, help='directory (created)')
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    net = generate(a.seed)
    t0 = time.time()
    doc = compute(net, a.out)
    ref = {int(u): r for u, r in doc['tasks'].items()}
    with open(os.path.join(a.out, 'gen.xml'), 'w', encoding='utf-8') as f:
        f.write(mspdi(net, ref))
    with open(os.path.join(a.out, 'reference.json'), 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False, indent=1, sort_keys=True)
    links = sum(len(t['preds']) for t in net['leaves'])
    print('seed %d: %d tasks (%d leaves, %d links), start %s, T = %d working days; tj3 %s, %.1f s in all; %s'
          % (a.seed, net['n'], len(net['leaves']), links, doc['start'], doc['T_days'], doc['tj3_seconds'],
             time.time() - t0, a.out))
    return 0


if __name__ == '__main__':
    sys.exit(main())
