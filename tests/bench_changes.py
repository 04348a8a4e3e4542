"""make bench's change-management data, written straight into the database in one transaction
(fast; the web forms would take minutes for 10,000 changes): 200 more CIs, 10,000 changes over two
years around today with a realistic mix of types, states, risk levels and CIs, their approvals,
and their audit records (change.create, change.decide, change.transition) appended to the hash
chain exactly as src/core/audit.c writes it, so `opsplan audit verify` passes on the result. Also a
database of 1,000,000 chained audit records for timing `opsplan audit verify`."""
import datetime, hashlib, json, random, sqlite3

GENESIS = '0' * 64
CANON = b'opsplan-audit-v1'
NULL_FIELD = b'N' + bytes(8)


def row_hash(cols):
    """src/core/audit.c's row_hash: prev_hash, the tag, then every column but row_hash length-prefixed."""
    parts = [cols[11].encode(), CANON]
    for v in cols:
        if v is None:
            parts.append(NULL_FIELD)
        else:
            b = v.encode()
            parts.append(b'S' + len(b).to_bytes(8, 'big'))
            parts.append(b)
    return hashlib.sha256(b''.join(parts)).hexdigest()


class Chain:
    """Appends audit records after the database's head; rows() for executemany."""
    SQL = ('INSERT INTO audit_log (id, at, actor, action, entity, entity_id, old_value, new_value, reason,'
           ' request_id, client, prev_hash, row_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)')

    def __init__(self, con):
        r = con.execute('SELECT id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1').fetchone()
        self.id, self.prev = r if r else (0, GENESIS)
        self.rows = []

    def add(self, at, actor, action, entity, entity_id, old=None, new=None, reason='', request_id='', client='bench'):
        self.id += 1
        cols = [str(self.id), at, actor, action, entity, entity_id, old, new, reason, request_id, client, self.prev]
        h = row_hash(cols)
        self.rows.append((self.id, at, actor, action, entity, entity_id, old, new, reason, request_id, client,
                          self.prev, h))
        self.prev = h

    def flush(self, con):
        con.executemany(self.SQL, self.rows)
        self.rows = []


def js(d):
    return json.dumps(d, ensure_ascii=False, separators=(',', ':'))


def utc(t):
    """A local (Asia/Shanghai) datetime as the audit log's UTC ISO time."""
    return (t - datetime.timedelta(hours=8)).strftime('%Y-%m-%dT%H:%M:%SZ')


def local(t):
    return t.strftime('%Y-%m-%dT%H:%M')


CI_KINDS = [('SRV', 'server', '服务器 Server'), ('DB', 'database', '数据库 Database'),
            ('NET', 'network', '网络设备 Network device'), ('APP', 'application', '应用 Application'),
            ('STOR', 'storage', '存储 Storage')]
WORK = [('数据库补丁升级', 'Database patch upgrade', 'database'), ('操作系统安全补丁', 'OS security patch', 'os'),
        ('核心交换机固件升级', 'Core switch firmware upgrade', 'network'), ('应用版本发布', 'Application release', 'application'),
        ('防火墙策略调整', 'Firewall rule change', 'security'), ('存储扩容', 'Storage expansion', 'hardware'),
        ('机房 UPS 巡检', 'Data-centre UPS maintenance', 'facility'), ('证书更换', 'Certificate renewal', 'security'),
        ('参数调优', 'Parameter tuning', 'database'), ('负载均衡配置变更', 'Load-balancer configuration', 'network')]


def fill_changes(db, n=10000, seed=20261205):
    """Adds n changes to the demo database db (the stack's). Returns (month 'YYYY-MM', week's Monday
    'YYYY-MM-DD') of today, the calendar's busiest views, and how many changes fall in that month."""
    rnd = random.Random(seed)
    con = sqlite3.connect(db, timeout=30, isolation_level=None)
    con.execute('BEGIN IMMEDIATE')
    chain = Chain(con)
    users = [r for r in con.execute("SELECT id, login FROM users WHERE login <> 'auditor' ORDER BY id")]
    approvers = [r for r in users if r[1] in ('admin', 'zhang.wei', 'chen.jie')]
    std = con.execute("SELECT id, code FROM standard_changes ORDER BY id LIMIT 1").fetchone()
    now = datetime.datetime.now().replace(second=0, microsecond=0)
    at0 = now - datetime.timedelta(days=400)
    # 200 more CIs: 40 of each kind
    for k in range(200):
        pre, typ, label = CI_KINDS[k % len(CI_KINDS)]
        code = 'BENCH-%s-%03d' % (pre, k)
        t = at0 + datetime.timedelta(minutes=k)
        con.execute('INSERT INTO config_items (code, name, type, status, owner_id, created_at, updated_at)'
                    ' VALUES (?,?,?,?,?,?,?)', (code, '%s %d' % (label, k), typ, 'active', users[k % len(users)][0],
                                                utc(t), utc(t)))
        chain.add(utc(t), 'admin', 'ci.create', 'ci', code, None, js({'code': code, 'type': typ}))
    cis = [r[0] for r in con.execute('SELECT id FROM config_items ORDER BY id')]
    policies = {(r[1], r[2]): r[0] for r in con.execute("SELECT id, type, risk_level FROM approval_policies"
                                                        " WHERE kind = 'change'")}
    counters = {r[0]: r[1] for r in con.execute('SELECT year, last FROM change_numbers')}
    starts = sorted(now - datetime.timedelta(days=365) + datetime.timedelta(minutes=rnd.randrange(730 * 1440))
                    for _ in range(n))
    month, in_month = now.strftime('%Y-%m'), 0
    levels = ['low', 'low', 'low', 'medium', 'medium', 'high', 'very_high']
    for i, s in enumerate(starts):
        s = s.replace(hour=rnd.choice((0, 1, 2, 10, 14, 20, 21, 22, 22, 23)), minute=rnd.choice((0, 0, 30)))
        e = s + datetime.timedelta(minutes=rnd.choice((30, 60, 120, 120, 180, 240, 360)))
        if local(s)[:7] == month:
            in_month += 1
        created = s - datetime.timedelta(days=rnd.randint(2, 20), minutes=rnd.randrange(600))
        typ = rnd.choices(('standard', 'normal', 'emergency'), (40, 52, 8))[0]
        if typ == 'emergency':
            created = s - datetime.timedelta(minutes=rnd.randint(20, 240))
        w = WORK[i % len(WORK)]
        level = 'low' if typ == 'standard' else rnd.choice(levels)
        score = {'low': 8, 'medium': 12, 'high': 16, 'very_high': 21}[level] + rnd.randint(0, 2)
        requester, implementer = rnd.choice(users), rnd.choice(users)
        year = created.year
        counters[year] = counters.get(year, 0) + 1
        number = 'CHG-%d-%04d' % (year, counters[year])
        past = e < now
        if past:
            state = rnd.choices(('closed', 'review', 'rejected', 'cancelled'), (88, 3, 4, 5))[0]
        elif s < now:
            state = 'implement'
        elif s < now + datetime.timedelta(days=14):
            state = rnd.choices(('scheduled', 'authorize', 'assess'), (70, 20, 10))[0]
        else:
            state = rnd.choices(('new', 'assess', 'authorize', 'scheduled'), (30, 30, 20, 20))[0]
        if typ == 'standard' and state in ('assess', 'authorize', 'rejected'):
            state = 'scheduled' if not past else 'closed'
        if typ == 'emergency' and state == 'assess':
            state = 'authorize'
        title = '%s %s-%d %s' % (w[0], w[1], i, rnd.choice(('（第一批）', '（夜间窗口）', '', '')))
        closed = state == 'closed'
        cur = con.execute(
            'INSERT INTO changes (number, title, description, reason, type, standard_id, category, state, close_code,'
            ' requester_id, implementer_id, risk_score, risk_level, impact_services, implementation_plan,'
            ' backout_plan, planned_start, planned_end, outage, actual_start, actual_end, created_at, updated_at,'
            ' closed_at, closed_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            (number, title, '按变更计划实施 %s。Carried out to plan.' % w[1], '厂商建议与容量需求。Vendor advice.',
             typ, std[0] if typ == 'standard' else None, w[2], state,
             rnd.choices(('successful', 'successful_with_issues', 'rolled_back'), (90, 7, 3))[0] if closed else None,
             requester[0], implementer[0], score, level, '业务系统短暂不可用。Brief outage.', '1. 备份 2. 实施 3. 验证',
             '回退至变更前版本。Restore the previous version.', local(s), local(e), rnd.random() < 0.2,
             local(s) if past and closed else None, local(e) if past and closed else None,
             utc(created), utc(e if past else created), utc(e) if closed else None, implementer[0] if closed else None))
        cid = cur.lastrowid
        for ci in rnd.sample(cis, rnd.choice((1, 1, 2, 2, 3, 4))):
            con.execute('INSERT INTO change_cis (change_id, ci_id) VALUES (?, ?)', (cid, ci))
        t = created
        chain.add(utc(t), requester[1], 'change.create', 'change', number, None,
                  js({'title': title, 'type': typ, 'category': w[2], 'state': 'new', 'requester': requester[1],
                      'implementer': implementer[1], 'planned_start': local(s), 'planned_end': local(e),
                      'risk_level': level, 'risk_score': score}))
        path = {'standard': ['new', 'scheduled', 'implement', 'review', 'closed'],
                'normal': ['new', 'assess', 'authorize', 'scheduled', 'implement', 'review', 'closed'],
                'emergency': ['new', 'authorize', 'scheduled', 'implement', 'review', 'closed']}[typ]
        if state in ('rejected', 'cancelled'):
            steps = path[:rnd.randint(2, 3)] + [state] if typ != 'standard' else ['new', state]
        else:
            steps = path[:path.index(state) + 1]
        for a, b in zip(steps, steps[1:]):
            t += datetime.timedelta(minutes=rnd.randint(5, 600))
            if a == 'authorize' and b in ('scheduled', 'rejected'):
                who = rnd.choice(approvers)
                pid = policies.get((typ, level)) or policies.get((typ, '*'))
                decision = 'approved' if b == 'scheduled' else 'rejected'
                comment = '' if decision == 'approved' else '回退方案不充分。Back-out plan not sufficient.'
                con.execute('INSERT INTO approvals (change_id, policy_id, step, approver_id, decision, comment, at)'
                            ' VALUES (?,?,?,?,?,?,?)', (cid, pid, 1, who[0], decision, comment, utc(t)))
                chain.add(utc(t), who[1], 'change.decide', 'change', number, None,
                          js({'policy': pid, 'step': 1, 'decision': decision}), comment)
            chain.add(utc(t), implementer[1] if b in ('implement', 'review', 'closed') else requester[1],
                      'change.transition', 'change', number, js({'state': a}), js({'state': b}),
                      '' if b != 'cancelled' else '业务方取消。Cancelled by the business.')
    for year, last in counters.items():
        con.execute('INSERT INTO change_numbers (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = ?',
                    (year, last, last))
    chain.flush(con)
    con.execute('COMMIT')
    con.execute('ANALYZE')
    con.close()
    monday = now.date() - datetime.timedelta(days=now.weekday())
    return month, monday.isoformat(), in_month


def fill_audit(db, n=1000000, seed=7):
    """Appends n audit records of typical sizes (task and change edits with old and new JSON) to
    the (new, migrated) database db, in batches, in one transaction."""
    rnd = random.Random(seed)
    con = sqlite3.connect(db, isolation_level=None)
    con.execute('PRAGMA journal_mode=WAL')
    con.execute('PRAGMA synchronous=OFF')
    con.execute('PRAGMA cache_size=-1500000')     # 1.5 GB: the indexes stay in memory while they grow
    con.execute('BEGIN IMMEDIATE')
    chain = Chain(con)
    actors = ['admin', 'zhang.wei', 'li.na', 'wang.fang', 'chen.jie']
    t0 = datetime.datetime(2024, 1, 1)
    minute = None
    for k in range(n):
        if k % 60 == 0:     # one record a second, the time formatted once a minute
            minute = (t0 + datetime.timedelta(minutes=k // 60)).strftime('%Y-%m-%dT%H:%M:')
        at = '%s%02dZ' % (minute, k % 60)
        if k % 3:
            chain.add(at, actors[k % 5], 'task.update', 'task', str(rnd.randrange(1, 200000)),
                      '{"status":"in_progress","percent":%d,"remaining_hours":8}' % rnd.randrange(100),
                      '{"status":"in_progress","percent":%d,"remaining_hours":4}' % rnd.randrange(100),
                      '', 'r%016x' % rnd.getrandbits(64), '10.1.%d.%d' % (k % 250, k % 199))
        else:
            chain.add(at, actors[k % 5], 'change.transition', 'change', 'CHG-2025-%04d' % (k % 9999 + 1),
                      '{"state":"scheduled"}', '{"state":"implement","actual_start":"2025-03-01T22:00"}',
                      '', 'r%016x' % rnd.getrandbits(64), '10.2.%d.%d' % (k % 250, k % 199))
        if len(chain.rows) == 50000:
            chain.flush(con)
    chain.flush(con)
    con.execute('COMMIT')
    con.close()
