#!/usr/bin/env python3
"""Turns what benchmarks/run.sh left in target/raw/ into report.json, report.md, report.svg and
report.html (the charts inline, no JavaScript): every figure beside its target from targets.txt."""
import argparse
import html
import json
import math
import os
import re


def read_tsv(path):
    out = {}
    if os.path.exists(path):
        for line in open(path, encoding='utf-8'):
            parts = line.rstrip('\n').split('\t', 1)
            if len(parts) == 2:
                out[parts[0]] = parts[1]
    return out


def read_json(path):
    if os.path.exists(path):
        try:
            return json.load(open(path, encoding='utf-8'))
        except ValueError:
            return None
    return None


def read_targets(path):
    targets = {}
    for line in open(path, encoding='utf-8'):
        text = line.split('#', 1)[0].strip()
        if not text:
            continue
        why = line.split('#', 1)[1].strip() if '#' in line else ''
        key, op, value = text.split()[:3]
        targets[key] = (op, value, why)
    return targets


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


class Report:
    def __init__(self, targets):
        self.targets = targets
        self.rows = []

    def target(self, *keys):
        for k in keys:
            if k in self.targets:
                return k, self.targets[k]
        return None, None

    def add(self, section, key, label, value, unit, decimals=1, target_keys=None, status=None):
        if unit == 's' and decimals == 1:
            decimals = 2
        tkey, t = self.target(*(target_keys or [key]))
        v = num(value)
        verdict = '—'
        target_text = ''
        if t:
            op, tv, _why = t
            if op == 'between':
                lo, hi = (float(x) for x in tv.split('..'))
                target_text = '%s … %s' % (fmt(lo, decimals), fmt(hi, decimals))
                ok = v is not None and lo <= v <= hi
            else:
                target_text = '%s %s' % ('≤' if op == '<=' else '≥', fmt(float(tv), decimals))
                ok = v is not None and (v <= float(tv) if op == '<=' else v >= float(tv))
            if v is None:
                verdict = 'not measured'
            else:
                verdict = 'pass' if ok else 'MISS'
        if v is None and status:
            verdict = status
        self.rows.append({'section': section, 'key': key, 'label': label, 'value': v,
                          'text': fmt(v, decimals) if v is not None else ('—' if status else 'not measured'),
                          'unit': unit, 'target': target_text, 'target_key': tkey, 'verdict': verdict})


def fmt(v, decimals=1):
    if v is None:
        return '—'
    if abs(v) >= 1000:
        return '{:,.0f}'.format(v)
    return ('{:.%df}' % decimals).format(v)


# ---------------------------------------------------------------------------------------------
# charts

COLORS = {'pgbench': '#6c757d', 'health': '#2b6cb0', 'list': '#2f855a', 'write': '#c05621', 'soap': '#6b46c1',
          'login': '#b7791f'}


def svg_charts(bars, latencies):
    """bars: [(label, value, kind, unit)], latencies: [(label, p50, p99, kind)]"""
    width, left, right = 980, 250, 110
    plot = width - left - right
    out = []
    y = 10
    # throughput, log scale
    out.append('<text x="10" y="%d" font-size="15" font-weight="bold">Throughput (requests/s; pgbench: tps) — log scale</text>' % (y + 14))
    y += 30
    if bars:
        top = max(v for _, v, _, _ in bars)
        decades = max(1, math.ceil(math.log10(max(top, 10))))
        scale = lambda v: plot * (math.log10(max(v, 1)) / decades)
        for d in range(decades + 1):
            x = left + plot * d / decades
            out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>' % (x, y, x, y + 26 * len(bars)))
            out.append('<text x="%.1f" y="%d" font-size="11" text-anchor="middle" fill="#555">%s</text>' % (
                x, y + 26 * len(bars) + 14, '{:,}'.format(10 ** d)))
        for label, v, kind, unit in bars:
            w = scale(v)
            out.append('<text x="%d" y="%d" font-size="12" text-anchor="end">%s</text>' % (left - 8, y + 15, html.escape(label)))
            out.append('<rect x="%d" y="%d" width="%.1f" height="18" fill="%s"/>' % (left, y + 2, max(w, 1), COLORS.get(kind, '#888')))
            out.append('<text x="%.1f" y="%d" font-size="12">%s %s</text>' % (left + w + 6, y + 15, fmt(v, 0), unit))
            y += 26
        y += 30
    # latency, linear
    if latencies:
        out.append('<text x="10" y="%d" font-size="15" font-weight="bold">Latency at load: p50 (solid) and p99 (light), ms</text>' % (y + 14))
        y += 30
        top = max(p99 for _, _, p99, _ in latencies) or 1
        step = 10 ** math.floor(math.log10(top))
        top = math.ceil(top / step) * step
        ticks = 5
        for i in range(ticks + 1):
            x = left + plot * i / ticks
            out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>' % (x, y, x, y + 34 * len(latencies)))
            out.append('<text x="%.1f" y="%d" font-size="11" text-anchor="middle" fill="#555">%s</text>' % (
                x, y + 34 * len(latencies) + 14, fmt(top * i / ticks, 0)))
        for label, p50, p99, kind in latencies:
            c = COLORS.get(kind, '#888')
            out.append('<text x="%d" y="%d" font-size="12" text-anchor="end">%s</text>' % (left - 8, y + 17, html.escape(label)))
            out.append('<rect x="%d" y="%d" width="%.1f" height="13" fill="%s" opacity="0.35"/>' % (left, y + 16, max(plot * p99 / top, 1), c))
            out.append('<rect x="%d" y="%d" width="%.1f" height="13" fill="%s"/>' % (left, y + 2, max(plot * p50 / top, 1), c))
            out.append('<text x="%.1f" y="%d" font-size="11">p50 %s</text>' % (left + plot * p50 / top + 5, y + 13, fmt(p50)))
            out.append('<text x="%.1f" y="%d" font-size="11">p99 %s</text>' % (left + plot * p99 / top + 5, y + 27, fmt(p99)))
            y += 34
        y += 24
    legend = [('pgbench', 'PostgreSQL'), ('health', 'ceiling'), ('list', 'list'), ('write', 'write'),
              ('soap', 'SOAP'), ('login', 'login')]
    x = left
    for kind, name in legend:
        out.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/><text x="%d" y="%d" font-size="12">%s</text>' % (
            x, y, COLORS[kind], x + 16, y + 11, name))
        x += 100
    y += 24
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
            'font-family="sans-serif">\n<rect width="100%%" height="100%%" fill="white"/>\n%s\n</svg>\n') % (
        width, y, width, y, '\n'.join(out))


# ---------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--raw', required=True)
    ap.add_argument('--targets', required=True)
    ap.add_argument('--out', required=True)
    args = ap.parse_args()
    raw = args.raw
    meta = read_tsv(os.path.join(raw, 'meta.tsv'))
    figs = read_tsv(os.path.join(raw, 'figures.tsv'))
    notes = [l.rstrip('\n') for l in open(os.path.join(raw, 'notes.txt'), encoding='utf-8')] \
        if os.path.exists(os.path.join(raw, 'notes.txt')) else []
    targets = read_targets(args.targets)
    r = Report(targets)

    def wrk(name):
        return read_json(os.path.join(raw, 'wrk-%s.json' % name))

    def error_note(name, w):
        if not w:
            return
        e = w['errors']
        socket = e['connect'] + e['read'] + e['write'] + e['timeout']
        if e['status'] or socket:
            notes.append('%s: %d of %d answers were not 2xx/3xx, %d socket errors/timeouts (raw/wrk-%s.txt)' % (
                name, e['status'], w['requests'], socket, name))

    # ---- start and memory
    s = 'Start and memory'
    r.add(s, 'cold_start_s', 'Cold start to GET /api/v1/health 200 UP (fresh DB, demo load running)', figs.get('cold_start_s'), 's')
    r.add(s, 'cold_ready_s', 'Cold start until ready: auth REST resources and SOAP WSDL answer', figs.get('cold_ready_s'), 's')
    r.add(s, 'demo_load_s', 'Demo data %s load (generator\'s own time; %s)' % (
        meta.get('demo_scale', ''), figs.get('demo_counts', '?')), figs.get('demo_load_s'), 's')
    r.add(s, 'demo_ready_s', 'Demo data complete, from bin/start', figs.get('demo_ready_s'), 's')
    r.add(s, 'warm_restart_s', 'Warm restart to health UP (bin/stop, bin/start)', figs.get('warm_restart_s'), 's')
    r.add(s, 'warm_ready_s', 'Warm restart until ready (auth and SOAP answer)', figs.get('warm_ready_s'), 's')
    r.add(s, 'warm_restart_logged_s', 'Second warm restart, every statement logged (for EXPLAIN)',
          figs.get('warm_restart_logged_s'), 's')
    r.add(s, 'rss_idle_mib', 'RSS idle after cold start and demo load', figs.get('rss_idle_mib'), 'MiB', 0)
    r.add(s, 'rss_load_mib', 'RSS under load (highest sample, list endpoints)', figs.get('rss_load_mib'), 'MiB', 0)
    r.add(s, 'rss_idle_restart_mib', 'RSS idle after the warm restart', figs.get('rss_idle_restart_mib'), 'MiB', 0)

    # ---- ceilings
    s = 'Ceilings'
    health = wrk('health')
    error_note('health', health)
    hrps = health['rps'] if health else None
    r.add(s, 'health.rps', 'Container: GET /api/v1/health, %s connections' % meta.get('connections', ''), hrps, 'req/s', 0)
    r.add(s, 'health.p50_ms', 'Container: health p50', health and health['latency_ms']['p50'], 'ms')
    r.add(s, 'health.p99_ms', 'Container: health p99', health and health['latency_ms']['p99'], 'ms')
    auth = wrk('auth-session')
    error_note('auth-session', auth)
    r.add(s, 'auth.rps', 'Authenticated: GET /api/v1/auth/session (session, profile, scope; no query of its own)',
          auth and auth['rps'], 'req/s', 0)
    r.add(s, 'auth.p99_ms', 'Authenticated: p99', auth and auth['latency_ms']['p99'], 'ms')
    r.add(s, 'auth.rps_ratio', 'Authenticated ÷ container ceiling', auth and hrps and auth['rps'] / hrps, '×', 3)
    tpcb = num(figs.get('pgbench_tpcb_tps'))
    r.add(s, 'pgbench_select_tps', 'PostgreSQL: pgbench -S (select-only), scale 10', figs.get('pgbench_select_tps'), 'tps', 0)
    r.add(s, 'pgbench_tpcb_tps', 'PostgreSQL: pgbench TPC-B, scale 10', tpcb, 'tps', 0)

    # ---- endpoints
    endpoints = []
    path = os.path.join(raw, 'endpoints.tsv')
    if os.path.exists(path):
        for line in open(path, encoding='utf-8'):
            p = line.rstrip('\n').split('\t')
            if len(p) >= 5:
                endpoints.append({'name': p[0], 'kind': p[1], 'method': p[2], 'path': p[3], 'status': p[4],
                                  'note': p[5] if len(p) > 5 else ''})
    people_rps = None
    for e in endpoints:
        name, kind = e['name'], e['kind']
        label = '%s %s' % (e['method'], e['path'])
        sec = {'list': 'Lists (authenticated, scoped, 20 rows)', 'write': 'Writes (with their audit row)',
               'soap': 'SOAP'}[kind]
        if e['status'] != 'measured':
            r.add(sec, '%s.%s.rps' % (kind, name), '%s: %s' % (name, label), None, 'req/s', status='skipped')
            notes.append('%s: %s' % (name, e['note']))
            continue
        w = wrk(name)
        e['wrk'] = w
        error_note(name, w)
        if not w:
            continue
        lat = w['latency_ms']
        keys = lambda m: ['%s.%s.%s' % (kind, name, m), '%s.%s' % (kind, m)]
        r.add(sec, '%s.%s.rps' % (kind, name), '%s: %s' % (name, label), w['rps'], 'req/s', 0, keys('rps'))
        if kind in ('list', 'soap'):
            r.add(sec, '%s.%s.p50_ms' % (kind, name), '%s: p50' % name, lat['p50'], 'ms', 1, keys('p50_ms'))
        r.add(sec, '%s.%s.p99_ms' % (kind, name), '%s: p99' % name, lat['p99'], 'ms', 1, keys('p99_ms'))
        if kind in ('list', 'soap'):
            ratio = w['rps'] / hrps if hrps else None
            e['ratio'] = ratio
            r.add(sec, '%s.%s.rps_ratio' % (kind, name), '%s: ÷ container ceiling' % name, ratio, '×', 3, keys('rps_ratio'))
        else:
            ratio = w['rps'] / tpcb if tpcb else None
            e['ratio'] = ratio
            r.add(sec, '%s.%s.tpcb_ratio' % (kind, name), '%s: ÷ pgbench TPC-B tps' % name, ratio, '×', 3, keys('tpcb_ratio'))
            ok = w['requests'] - w['errors']['status']
            rows = num(figs.get('audit_rows.%s' % name))
            e['audit_rows'] = rows
            # wrk counts the answers it read; up to one request per connection was still in flight
            # when it stopped, committed by the server but not counted: rows = ok .. ok + connections
            conns = int(num(meta.get('connections')) or 0)
            r.add(sec, '%s.%s.audit_rows' % (kind, name),
                  '%s: audit rows written (%d successful writes counted by wrk, ≤ %d more in flight at its stop)' % (
                      name, ok, conns), rows, 'rows', 0)
            row = r.rows[-1]
            row['target'] = '%s … %s' % (fmt(ok, 0), fmt(ok + conns, 0))
            row['verdict'] = 'not measured' if rows is None else ('pass' if ok <= rows <= ok + conns else 'MISS')
        if 'people' in name and kind == 'list':
            people_rps = w['rps']
    for e in endpoints:
        if e['kind'] == 'soap' and e.get('wrk') and people_rps:
            notes.append('%s: %.2f× the REST people list (people-of-district)' % (e['name'], e['wrk']['rps'] / people_rps))

    # ---- login
    s = 'Login (Argon2id)'
    lg = wrk('login')
    error_note('login', lg)
    r.add(s, 'login.rps', 'POST /api/v1/auth/login, 4 concurrent: logins/s', lg and lg['rps'], '/s', 1)
    r.add(s, 'login.p50_ms', 'Login p50', lg and lg['latency_ms']['p50'], 'ms')
    r.add(s, 'login.p95_ms', 'Login p95', lg and lg['latency_ms']['p95'], 'ms')
    one = wrk('login-single')
    error_note('login-single', one)
    r.add(s, 'login.single_p50_ms', 'Login one at a time: p50 (no queueing for the 2 hash permits)',
          one and one['latency_ms']['p50'], 'ms')

    # ---- xlsx
    s = 'xlsx (10,000 rows)'
    status = figs.get('xlsx.status', 'not measured')
    st = None if status == 'measured' else status
    r.add(s, 'xlsx_export_s', 'Export GET /api/v1/rectification/ledger.xlsx', figs.get('xlsx_export_s'), 's', 2, status=st)
    r.add(s, 'xlsx_import_s', 'Import of the exported file', figs.get('xlsx_import_s'), 's', 2, status=st)

    # ---- EXPLAIN
    s = 'Query plans'
    ex = read_json(os.path.join(raw, 'explain.json'))
    if ex:
        for st in ex['statements']:
            if st['executions_per_request'] >= 10:
                notes.append('EXPLAIN #%d runs %d times per request of %s: an N+1 select (%s)' % (
                    st['no'], st['executions_per_request'], ', '.join(st['endpoints']), st['summary'][:120]))
        sm = ex['summary']
        r.add(s, 'explain.statements', 'Distinct SELECTs the list endpoints issue, explained', sm['statements'], '', 0)
        r.add(s, 'explain.big_table_seq_scans', 'Of them with a Seq Scan on a table of ≥ %s rows' % '{:,}'.format(sm['big_rows']),
              sm['big_table_seq_scans'], '', 0)
    else:
        r.add(s, 'explain.big_table_seq_scans', 'Seq Scans on big tables (EXPLAIN)', None, '', 0)

    # ---- JMH
    s = 'Audit cost in-process (JMH)'
    jmh = read_json(os.path.join(raw, 'jmh-audit.json')) or []
    scores = {}
    for b in jmh:
        pm = b['primaryMetric']
        iterations = sorted(x for fork in pm.get('rawData', []) for x in fork)
        # the median iteration: one iteration caught by a checkpoint or a neighbour's load would
        # otherwise decide the mean
        median = iterations[len(iterations) // 2] if iterations else pm['score']
        scores[b.get('params', {}).get('audit')] = median
        notes.append('JMH %s: median of %d iterations %.0f µs/op (mean %.0f ± %.0f)' % (
            b.get('params', {}).get('audit'), len(iterations), median, pm['score'], pm.get('scoreError') or 0))
    a, u = scores.get('audited'), scores.get('unaudited')
    r.add(s, 'audit.audited_us', 'Unit create with its audit row (median iteration)', a, 'µs/op', 0)
    r.add(s, 'audit.unaudited_us', 'Unit create, audit log writing nothing (median iteration)', u, 'µs/op', 0)
    r.add(s, 'audit.cost_us', 'Audit row cost per write', (a - u) if a is not None and u is not None else None, 'µs', 0)
    r.add(s, 'audit.ratio', 'Audited ÷ unaudited', a / u if a is not None and u else None, '×', 2)

    # ---- machine
    busy = []
    load = num((meta.get('load_at_start') or '').split(' ')[0])
    if load is not None and load > 0.5:
        busy.append('load average %s at start' % meta.get('load_at_start'))
    if num(meta.get('other_java_processes_at_start')):
        busy.append('%s other Java processes at start' % meta.get('other_java_processes_at_start'))

    # ---- write
    report = {'meta': meta, 'figures': r.rows, 'endpoints': endpoints, 'explain': ex, 'notes': notes,
              'machine_busy': busy,
              'summary': {'pass': sum(1 for x in r.rows if x['verdict'] == 'pass'),
                          'miss': sum(1 for x in r.rows if x['verdict'] == 'MISS')}}
    with open(os.path.join(args.out, 'report.json'), 'w', encoding='utf-8') as f:
        json.dump(report, f, ensure_ascii=False, indent=1)

    bars, lats = [], []
    if figs.get('pgbench_select_tps'):
        bars.append(('pgbench -S', float(figs['pgbench_select_tps']), 'pgbench', 'tps'))
    if tpcb:
        bars.append(('pgbench TPC-B', tpcb, 'pgbench', 'tps'))
    if health:
        bars.append(('GET health (ceiling)', health['rps'], 'health', 'req/s'))
        lats.append(('GET health', health['latency_ms']['p50'], health['latency_ms']['p99'], 'health'))
    if auth:
        bars.append(('GET auth/session (signed in)', auth['rps'], 'health', 'req/s'))
        lats.append(('GET auth/session', auth['latency_ms']['p50'], auth['latency_ms']['p99'], 'health'))
    for e in endpoints:
        w = e.get('wrk')
        if w:
            bars.append((e['name'], w['rps'], e['kind'], 'req/s'))
            lats.append((e['name'], w['latency_ms']['p50'], w['latency_ms']['p99'], e['kind']))
    if lg:
        bars.append(('login (4 concurrent)', lg['rps'], 'login', '/s'))
        lats.append(('login', lg['latency_ms']['p50'], lg['latency_ms']['p99'], 'login'))
    svg = svg_charts(bars, lats)
    with open(os.path.join(args.out, 'report.svg'), 'w', encoding='utf-8') as f:
        f.write(svg)

    md = markdown(report)
    with open(os.path.join(args.out, 'report.md'), 'w', encoding='utf-8') as f:
        f.write(md)
    with open(os.path.join(args.out, 'report.html'), 'w', encoding='utf-8') as f:
        f.write(html_page(report, svg))


def header_lines(report):
    m = report['meta']
    lines = ['Run %s on %s: %s CPUs, %s GiB; JDK: %s; PostgreSQL %s; %s.' % (
        m.get('date', '?'), m.get('host', '?'), m.get('cpus', '?'), m.get('memory_gib', '?'), m.get('java', '?'),
        m.get('postgresql', '?'), m.get('distribution', '?')),
        'Load: wrk, %s connections, %s threads, %s s measured after %s s of warm-up per endpoint; demo data %s; '
        'lists as %s-officer, writes as %s-admin, SOAP with an integrator\'s API token of %s. Whole run: %s s.' % (
            m.get('connections'), m.get('threads'), m.get('duration_s'), m.get('warmup_s'), m.get('demo_scale'),
            m.get('district'), m.get('district'), m.get('district'), m.get('run_s', '?')),
        'Load average at start %s, at end %s.' % (m.get('load_at_start', '?'), m.get('load_at_end', '?'))]
    if report['machine_busy']:
        lines.append('**The machine was busy** (%s): the figures are noisy.' % '; '.join(report['machine_busy']))
    return lines


def markdown(report):
    out = ['# Qinglian benchmark report', '']
    out += header_lines(report)
    out += ['', '%d figures pass, %d miss their target (targets: benchmarks/targets.txt).' % (
        report['summary']['pass'], report['summary']['miss']), '',
        '| Figure | Value | Unit | Target | Verdict |', '|---|---:|---|---|---|']
    section = None
    for row in report['figures']:
        if row['section'] != section:
            section = row['section']
            out.append('| **%s** | | | | |' % section)
        verdict = '**MISS**' if row['verdict'] == 'MISS' else row['verdict']
        out.append('| %s | %s | %s | %s | %s |' % (row['label'].replace('|', '\\|'), row['text'], row['unit'],
                                                  row['target'], verdict))
    out += ['', '![throughput and latency](report.svg)', '',
            '(`report.html` has the same table with the chart inline.)', '']
    ex = report.get('explain')
    if ex:
        out += ['## Query plans of the list endpoints', '',
                'Every distinct SELECT logged while each list endpoint answered one request, run through '
                '`EXPLAIN (ANALYZE, BUFFERS)` with its logged parameters (plans: `raw/explain-plans.txt`). '
                'A seq scan passes on tables under %s rows, where PostgreSQL rightly prefers it. Background jobs '
                '(the audit sealer, every 5 s) may add their statements to a window.' % '{:,}'.format(ex['summary']['big_rows']), '',
                '| # | Endpoints | Statement | Per request | Verdict | ms |', '|---:|---|---|---:|---|---:|']
        for st in ex['statements']:
            out.append('| %d | %s | `%s` | %d | %s | %s |' % (
                st['no'], ', '.join(st['endpoints']), st['summary'].replace('|', '\\|').replace('`', "'"),
                st['executions_per_request'], st['verdict'] if st.get('ok') is not False else '**%s**' % st['verdict'],
                fmt(st.get('execution_ms'), 3)))
        out.append('')
    if report['notes']:
        out += ['## Notes', ''] + ['- ' + n for n in report['notes']] + ['']
    return '\n'.join(out)


def html_page(report, svg):
    e = html.escape
    rows = []
    section = None
    for row in report['figures']:
        if row['section'] != section:
            section = row['section']
            rows.append('<tr class="section"><th colspan="5">%s</th></tr>' % e(section))
        cls = {'pass': 'pass', 'MISS': 'miss'}.get(row['verdict'], '')
        rows.append('<tr><td>%s</td><td class="num">%s</td><td>%s</td><td>%s</td><td class="%s">%s</td></tr>' % (
            e(row['label']), e(row['text']), e(row['unit']), e(row['target']), cls, e(row['verdict'])))
    plans = ''
    ex = report.get('explain')
    if ex:
        pr = ''.join('<tr><td>%d</td><td>%s</td><td><code>%s</code></td><td class="num">%d</td><td class="%s">%s</td><td class="num">%s</td></tr>' % (
            st['no'], e(', '.join(st['endpoints'])), e(st['summary']), st['executions_per_request'],
            'miss' if st.get('ok') is False else 'pass', e(st['verdict']), fmt(st.get('execution_ms'), 3))
            for st in ex['statements'])
        plans = ('<h2>Query plans of the list endpoints</h2><table><tr><th>#</th><th>Endpoints</th><th>Statement</th>'
                 '<th>Per request</th><th>Verdict</th><th>ms</th></tr>%s</table>' % pr)
    notes = ''.join('<li>%s</li>' % e(n) for n in report['notes'])
    return '''<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Qinglian benchmark report</title>
<style>
body { font-family: sans-serif; margin: 2em; max-width: 1100px; }
table { border-collapse: collapse; margin: 1em 0; }
td, th { border: 1px solid #ccc; padding: 3px 8px; font-size: 14px; text-align: left; vertical-align: top; }
tr.section th { background: #eef; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.pass { color: #276749; } td.miss { color: #c53030; font-weight: bold; }
code { font-size: 12px; }
</style></head><body>
<h1>Qinglian benchmark report</h1>
%s
<p>%d figures pass, %d miss their target (targets: <code>benchmarks/targets.txt</code>).</p>
<table><tr><th>Figure</th><th>Value</th><th>Unit</th><th>Target</th><th>Verdict</th></tr>
%s
</table>
%s
%s
%s
</body></html>
''' % (''.join('<p>%s</p>' % re.sub(r'\*\*(.*?)\*\*', r'<b>\1</b>', e(l)) for l in header_lines(report)),
       report['summary']['pass'], report['summary']['miss'], '\n'.join(rows), svg, plans,
       '<h2>Notes</h2><ul>%s</ul>' % notes if notes else '')


if __name__ == '__main__':
    main()
