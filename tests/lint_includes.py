#!/usr/bin/env python3
"""lint_includes.py - the include graph of src/ and cgi-bin/ (make lint): no cycles between
modules, and each layer includes only what is below it.

A module is a file name without its extension in its folder (src/plan/task.c and task.h are one
module, "plan/task"); cgi-bin/NAME.c is the module "cgi-bin/NAME". An edge is an #include "…" of
another module's header. Layers, from the bottom:

    core        the platform, knows no domain            may include core
    engine      pure engines: no database, XML, request  may include engine, core/arena, core/buf,
                                                         core/fielderr
    format      files in and out                         may include format, engine, core
    plan        the planning models                      may include plan, format, engine, core
    change      the change models                        may include change, plan, format, engine, core
    cmd         the subcommands                          anything but cgi-bin
    cgi-bin     the page families                        anything but cmd and other cgi-bin files

Prints "ok …" or "FAIL …" lines; exit status 1 on any violation.
"""
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
ALLOWED = {
    'core': {'core'},
    'engine': {'engine', 'core/arena', 'core/buf', 'core/fielderr'},
    'format': {'format', 'engine', 'core'},
    'plan': {'plan', 'format', 'engine', 'core'},
    'change': {'change', 'plan', 'format', 'engine', 'core'},
    'cmd': {'cmd', 'change', 'plan', 'format', 'engine', 'core'},
    'cgi-bin': {'change', 'plan', 'format', 'engine', 'core'},
}


def modules():
    mods = {}
    for layer in ('core', 'engine', 'format', 'plan', 'change', 'cmd'):
        d = os.path.join(ROOT, 'src', layer)
        for f in sorted(os.listdir(d)):
            if f.endswith(('.c', '.h')):
                mods.setdefault('%s/%s' % (layer, f.rsplit('.', 1)[0]), []).append(os.path.join(d, f))
    d = os.path.join(ROOT, 'cgi-bin')
    for f in sorted(os.listdir(d)):
        if f.endswith('.c'):
            mods['cgi-bin/' + f[:-2]] = [os.path.join(d, f)]
    return mods


def edges(mods):
    inc = re.compile(r'^\s*#\s*include\s+"([a-z]+/[a-z0-9_]+)\.h"', re.M)
    out = {m: set() for m in mods}
    for m, files in mods.items():
        for f in files:
            with open(f, encoding='utf-8') as fh:
                for target in inc.findall(fh.read()):
                    if target != m:
                        out[m].add(target)
    return out


def cycles(g):
    """Tarjan's strongly connected components with more than one module."""
    index, low, stack, on, comps = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in g.get(v, ()):
            if w not in g:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return comps


def main():
    mods = modules()
    g = edges(mods)
    bad = 0
    missing = sorted((m, t) for m, ts in g.items() for t in ts if t not in mods)
    for m, t in missing:
        print('FAIL includes: %s includes "%s.h", which is no module' % (m, t))
        bad += 1
    for comp in cycles(g):
        ties = ['%s -> %s' % (a, b) for a in comp for b in sorted(g[a]) if b in comp]
        print('FAIL includes: a cycle of %d modules: %s' % (len(comp), '; '.join(ties)))
        bad += 1
    for m, ts in sorted(g.items()):
        layer = m.split('/')[0]
        for t in sorted(ts):
            tl = t.split('/')[0]
            if t not in ALLOWED[layer] and tl not in ALLOWED[layer]:
                print('FAIL includes: %s (%s) may not include %s.h (%s)' % (m, layer, t, tl))
                bad += 1
    if not bad:
        print('ok lint: no include cycles, each layer includes only what is below it (%d modules, %d includes)'
              % (len(mods), sum(len(v) for v in g.values())))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
