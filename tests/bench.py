#!/usr/bin/env python3
"""make bench: throughput and memory of the real stack (nginx + opsplan serve + SQLite), each page
printed next to nginx serving a static file of the same size from the same server in the same run,
so the reader sees the ratio and not just a number. Prints figures; never fails on a target."""
import os, re, shutil, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'web'))
import harness  # noqa: E402
import bench_changes  # noqa: E402

DURATION = os.environ.get('BENCH_SECONDS', '5')
CONNS = os.environ.get('BENCH_CONNECTIONS', '8')


def wrk(url, headers, conns=None):
    conns = conns or CONNS
    cmd = ['wrk', '-t%d' % min(2, int(conns)), '-c' + conns, '-d' + DURATION + 's', '--latency']
    for k, v in headers.items():
        cmd += ['-H', '%s: %s' % (k, v)]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, timeout=int(DURATION) + 30).stdout
    rps = float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1))
    lat = re.search(r'Latency\s+([\d.]+)(us|ms|s)', out)
    ms = float(lat.group(1)) * {'us': 0.001, 'ms': 1, 's': 1000}[lat.group(2)]
    p99 = re.search(r'99%\s+([\d.]+)(us|ms|s)', out)
    p99ms = float(p99.group(1)) * {'us': 0.001, 'ms': 1, 's': 1000}[p99.group(2)]
    non2xx = re.search(r'Non-2xx or 3xx responses:\s+(\d+)', out)
    if non2xx:
        print('#   warning: %s non-2xx answers from %s' % (non2xx.group(1), url))
    return rps, ms, p99ms


def peak_rss_kb(pids):
    peak = 0
    for pid in pids:
        try:
            with open('/proc/%d/status' % pid) as f:
                m = re.search(r'VmHWM:\s+(\d+) kB', f.read())
                peak = max(peak, int(m.group(1)))
        except OSError:
            pass
    return peak


def measure(st, static, label, path, extra):
    status, _, body = st.request('GET', path, user='zhang.wei', headers=extra, timeout=60)
    assert status == 200, (path, status)
    name = 'bench-%d.html' % len(body)
    with open(os.path.join(static, name), 'wb') as f:
        f.write(body)
    h = dict(st.auth_headers('zhang.wei'), **extra)
    rps, ms, p99 = wrk(st.origin + path, h)
    srps, sms, sp99 = wrk(st.origin + '/static/' + name, {})
    _, one, one99 = wrk(st.origin + path, h, conns='1')     # one request at a time: the page's own time
    rss = peak_rss_kb(st.worker_pids()) / 1024
    priv = private_kb(st.worker_pids()) / 1024
    print('%-34s %10.0f %9.2f %9.2f %10d   %.0f %% of %.0f req/s (%.2f ms); alone %.2f ms (p99 %.2f);'
          ' worker peak %.1f MB, private now %.1f MB' %
          (label, rps, ms, p99, len(body), 100 * rps / srps, srps, sms, one, one99, rss, priv))


def csv_wbs(n, levels=3, owners=('li.na', 'wang.fang')):
    """A WBS as Excel would save it: n rows, 3 levels (10 x 10 x rest), Chinese names."""
    rows = ['WBS,任务名称,负责人,估算工时,工期,计划开始,计划完成']
    count, a = 0, 0
    while count < n:
        a += 1
        rows.append('%d,第%d阶段 阶段任务,%s,0,,,' % (a, a, owners[a % 2]))
        count += 1
        for b in range(1, 11):
            if count >= n:
                break
            rows.append('%d.%d,第%d.%d组 任务组,%s,0,,,' % (a, b, a, b, owners[b % 2]))
            count += 1
            for c in range(1, 9):
                if count >= n:
                    break
                day = 1 + (a * 3 + b + c) % 27
                rows.append('%d.%d.%d,任务 %d-%d-%d 检查与实施,%s,%d,2,2026-12-%02d,' % (a, b, c, a, b, c, owners[c % 2], 4 + c, day))
                count += 1
    return ('\ufeff' + '\r\n'.join(rows) + '\r\n').encode('utf-8')


def import_csv(st, code, data):
    boundary = 'benchBoundary7MA4YWxk'
    token = st.csrf('zhang.wei')
    body = ('--%s\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n%s\r\n'
            '--%s\r\nContent-Disposition: form-data; name="file"; filename="wbs.csv"\r\n'
            'Content-Type: text/csv\r\n\r\n' % (boundary, token, boundary)).encode() + data + \
        ('\r\n--%s--\r\n' % boundary).encode()
    status, _, b = st.request('POST', '/projects/%s/import' % code, user='zhang.wei', body=body, timeout=120,
                              headers={'Content-Type': 'multipart/form-data; boundary=' + boundary})
    assert status == 303, (code, status, b[:300])


def new_project(st, code, name):
    status, _, b = st.post_form('/projects', 'zhang.wei', {
        'code': code, 'name': name, 'category': 'migration', 'manager': 'zhang.wei',
        'planned_start': '2026-11-02', 'planned_finish': '2026-12-31', 'status': 'active'})
    assert status == 303, (code, status, b[:300])


def plan_data(st):
    new_project(st, 'BENCH-1K', '基准测试项目（1000 个任务） Benchmark project')
    import_csv(st, 'BENCH-1K', csv_wbs(1000))
    for i in range(46):      # the demo has 4 active projects: 50 in all
        code = 'BENCH-P%02d' % i
        new_project(st, code, '基准项目 %d Benchmark %d' % (i, i))
        import_csv(st, code, csv_wbs(40))


def chain_edit(st):
    """A task edit that moves 1,000 dates: a chain of 1,000 linked tasks (each FS after the one
    before), and POSTs that change the first task's duration, so every successor moves. Each POST
    is the real write: checks, audit record, CPM over the project, dates written, 303. Prints ms
    per request (the CSRF token is fetched before the clock starts)."""
    new_project(st, 'BENCH-CHAIN', '基准链 1000 个串行任务 Chain benchmark')
    rows = ['WBS,任务名称,工期,计划开始,前置任务'] + ['%d,串行任务 %d,1,2026-11-02,%s' % (i, i, '' if i == 1 else i - 1)
                                                 for i in range(1, 1001)]
    import_csv(st, 'BENCH-CHAIN', ('\ufeff' + '\r\n'.join(rows) + '\r\n').encode('utf-8'))
    import sqlite3
    con = sqlite3.connect('file:%s?mode=ro' % st.db, uri=True, timeout=10)
    first = con.execute("SELECT t.id FROM tasks t JOIN projects p ON p.id = t.project_id WHERE p.code = 'BENCH-CHAIN'"
                        " AND t.wbs = '1'").fetchone()[0]
    last = lambda: con.execute("SELECT t.planned_finish FROM tasks t JOIN projects p ON p.id = t.project_id"
                               " WHERE p.code = 'BENCH-CHAIN' AND t.wbs = '1000'").fetchone()[0]
    times, finishes = [], set()
    for i in range(20):
        tok = st.csrf('zhang.wei')
        fields = {'name': '串行任务 1', 'description': '', 'owner': '', 'estimate_hours': '', 'priority': '3',
                  'duration_days': str(2 + i % 2), 'planned_start': '2026-11-02', 'planned_finish': '',
                  'actual_start': '', 'actual_finish': '', 'status': 'not_started', 'percent': '0',
                  'remaining_hours': '', 'category': '', 'predecessors': '', 'parent': '0', 'csrf_token': tok}
        t0 = time.perf_counter()
        status, _, b = st.post_form('/tasks/%d' % first, 'zhang.wei', fields)
        times.append((time.perf_counter() - t0) * 1000)
        assert status == 303, (status, b[:300])
        finishes.add(last())
    con.close()
    times.sort()
    print('%-34s %9.2f ms median, %.2f ms best, per POST (target < 50 ms); the last task moved between %s' %
          ('task edit moving 1,000 dates', times[len(times) // 2], times[0], ' and '.join(sorted(finishes))))


def per_request(st, label, path, target, n=30):
    """n requests one after another: median and best ms (the client's clock, through nginx)."""
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        status, _, body = st.request('GET', path, user='zhang.wei', timeout=60)
        times.append((time.perf_counter() - t0) * 1000)
        assert status == 200, (path, status)
    times.sort()
    print('%-34s %9.2f ms median, %.2f ms best, of %d requests (target < %d ms); %d bytes' %
          (label, times[n // 2], times[0], n, target, len(body)))


def change_pages(st, static, month, week, in_month):
    # the printable record of the demo's closed emergency change (approvals, conflicts, log, history)
    con = st.db_connect()
    record = con.execute("SELECT number FROM changes WHERE state = 'closed' AND type = 'emergency'"
                         " ORDER BY id LIMIT 1").fetchone()[0]
    con.close()
    rows = [('change list, 10,000 (page of 100)', '/changes', 30),
            ('change calendar, month (%d)' % in_month, '/changes/calendar?month=' + month, 30),
            ('change calendar, week', '/changes/calendar?view=week&week=' + week, 30),
            ('printable change record', '/changes/%s/record' % record, 20)]
    for label, path, target in rows:
        measure(st, static, label, path, {})
    for label, path, target in rows:
        per_request(st, '  ' + label, path, target)


def audit_verify():
    """opsplan audit verify over 1,000,000 chained records (a new database; building it is not timed)."""
    binary = os.environ.get('OPSPLAN_BIN', os.path.join(harness.REPO, 'build', 'opsplan'))
    tmp = tempfile.mkdtemp(prefix='opsplan-bench-audit-')
    try:
        env = dict(os.environ, OPSPLAN_DB=os.path.join(tmp, 'audit.db'))
        subprocess.run([binary, 'init'], env=env, check=True, capture_output=True)
        t0 = time.time()
        bench_changes.fill_audit(env['OPSPLAN_DB'], 1000000)
        print('# set-up: 1,000,000 chained audit records written in %.1f s' % (time.time() - t0))
        best = None
        for _ in range(3):
            r = subprocess.run(['/usr/bin/time', '-f', '%e %U %S %M', binary, 'audit', 'verify'], env=env,
                               capture_output=True, text=True)
            assert r.returncode == 0, r.stderr
            wall, user, sys_, rss = r.stderr.strip().splitlines()[-1].split()
            run = (float(wall), float(user) + float(sys_), int(rss) / 1024)
            best = min(best or run, run)
        print('%-34s %9.2f s wall, %.2f s CPU, peak RSS %.1f MB, best of 3 (target < 10 s); %s' %
              ('audit verify, 1,000,000 records', best[0], best[1], best[2], r.stdout.strip().split(', head')[0]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def private_kb(pids):
    """The largest private (not shared with the master: compiled stylesheets are) memory of a worker now."""
    most = 0
    for pid in pids:
        try:
            with open('/proc/%d/smaps_rollup' % pid) as f:
                t = f.read()
            most = max(most, sum(int(x) for x in re.findall(r'Private_(?:Clean|Dirty):\s+(\d+) kB', t)))
        except OSError:
            pass
    return most


def main():
    if not shutil.which('wrk'):
        sys.exit('bench: wrk is missing (apt-get install wrk)')
    static = tempfile.mkdtemp(prefix='opsplan-bench-static-')
    shutil.copytree(os.path.join(harness.REPO, 'static'), static, dirs_exist_ok=True)
    print('opsplan bench — %s s per figure, %s connections (and 1 for "alone"), %d cores, %s' %
          (DURATION, CONNS, os.cpu_count(), os.path.basename(os.environ.get('OPSPLAN_BIN', 'build/opsplan'))))
    print('%-34s %10s %9s %9s %10s   %s' % ('what', 'req/s', 'ms avg', 'ms p99', 'bytes', 'vs nginx static'))
    try:
        for cache in ('64', '0'):
            note = 'render cache on' if cache != '0' else 'render cache off: every request renders'
            print('# %s' % note)
            with harness.Stack(mode='basic', workers=os.cpu_count() or 2, static_dir=static,
                               env={'OPSPLAN_RENDER_CACHE': cache}) as st:
                if cache == '64':
                    t0 = time.time()
                    plan_data(st)
                    print('# set-up: 1 project of 1,000 tasks and 50 active projects imported in %.1f s' % (time.time() - t0))
                    t0 = time.time()
                    month, week, in_month = bench_changes.fill_changes(st.db)
                    print('# set-up: 10,000 changes over two years (%d in %s) with CIs, approvals and audit records'
                          ' written in %.1f s' % (in_month, month, time.time() - t0))
                else:
                    plan_data(st)
                    month, week, in_month = bench_changes.fill_changes(st.db)
                pages = [('profile page', '/profile', {}),
                         ('home page: dashboard, 50 projects', '/', {}),
                         ('dashboard (en)', '/', {'Accept-Language': 'en'}),
                         ('project page, 1,000 tasks', '/projects/BENCH-1K', {}),
                         ('  the same, structure edit view', '/projects/BENCH-1K?edit=1', {}),
                         ('Gantt SVG, 1,000 tasks (week)', '/projects/BENCH-1K/gantt', {}),
                         ('task search, page of 100', '/tasks?q=%E4%BB%BB%E5%8A%A1', {}),
                         ('page model (?format=xml)', '/?format=xml', {})]
                for label, path, extra in pages:
                    measure(st, static, label, path, extra)
                change_pages(st, static, month, week, in_month)
                if cache == '0':
                    chain_edit(st)
    finally:
        shutil.rmtree(static, ignore_errors=True)
    audit_verify()
    print('targets: home page >= 10 % of nginx static of the same size; project page with 1,000 tasks < 30 ms;'
          ' dashboard with 50 projects < 20 ms; Gantt SVG of 1,000 tasks < 100 ms; worker peak RSS < 20 MB;'
          ' CPM on 10,000 tasks < 20 ms; a task edit moving 1,000 dates < 50 ms; change list and change calendar'
          ' with 10,000 changes < 30 ms; printable change record < 20 ms; audit verify of 1,000,000 records < 10 s\n'
          '("worker peak" is the high-water mark of the busiest worker after that row: pages run in the order shown)')


if __name__ == '__main__':
    main()
