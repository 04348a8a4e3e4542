#!/usr/bin/env python3
"""make bench: throughput and memory of the real stack (nginx + opsplan serve + SQLite), each page
printed next to nginx serving a static file of the same size from the same server in the same run,
so the reader sees the ratio and not just a number. Prints figures; never fails on a target."""
import os, re, shutil, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'web'))
import harness  # noqa: E402

DURATION = os.environ.get('BENCH_SECONDS', '5')
CONNS = os.environ.get('BENCH_CONNECTIONS', '8')


def wrk(url, headers):
    cmd = ['wrk', '-t2', '-c' + CONNS, '-d' + DURATION + 's', '--latency']
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


def main():
    if not shutil.which('wrk'):
        sys.exit('bench: wrk is missing (apt-get install wrk)')
    static = tempfile.mkdtemp(prefix='opsplan-bench-static-')
    shutil.copytree(os.path.join(harness.REPO, 'static'), static, dirs_exist_ok=True)
    print('opsplan bench — %s s per figure, %s connections, %d cores, %s' %
          (DURATION, CONNS, os.cpu_count(), os.path.basename(os.environ.get('OPSPLAN_BIN', 'build/opsplan'))))
    print('%-34s %10s %9s %9s %10s   %s' % ('what', 'req/s', 'ms avg', 'ms p99', 'bytes', 'vs nginx static'))
    try:
        for cache in ('64', '0'):
            note = 'render cache on' if cache != '0' else 'render cache off: every request renders'
            print('# %s' % note)
            with harness.Stack(mode='basic', workers=os.cpu_count() or 2, static_dir=static,
                               env={'OPSPLAN_RENDER_CACHE': cache}) as st:
                auth = st.auth_headers('zhang.wei')
                pages = [('home page (zh-CN)', '/', {}),
                         ('home page (en)', '/', {'Accept-Language': 'en'}),
                         ('home page model (?format=xml)', '/?format=xml', {})]
                for label, path, extra in pages:
                    status, _, body = st.request('GET', path, user='zhang.wei', headers=extra)
                    assert status == 200, (path, status)
                    name = 'bench-%d.html' % len(body)
                    with open(os.path.join(static, name), 'wb') as f:
                        f.write(body)
                    h = dict(auth, **extra)
                    rps, ms, p99 = wrk(st.origin + path, h)
                    srps, sms, sp99 = wrk(st.origin + '/static/' + name, {})
                    print('%-34s %10.0f %9.2f %9.2f %10d   %.0f %% of %.0f req/s (%.2f ms)' %
                          (label, rps, ms, p99, len(body), 100 * rps / srps, srps, sms))
                rss = peak_rss_kb(st.worker_pids())
                print('%-34s %10s %9s %9s %10s   target < 20 MB' % ('peak RSS of a worker', '', '', '',
                                                                      '%.1f MB' % (rss / 1024)))
    finally:
        shutil.rmtree(static, ignore_errors=True)
    print('targets: home page >= 10 % of nginx static of the same size; worker peak RSS < 20 MB')


if __name__ == '__main__':
    main()
