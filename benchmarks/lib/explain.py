#!/usr/bin/env python3
"""The EXPLAIN check of benchmarks/run.sh.

Reads the statements the bench database logged (log_min_duration_statement = 0) in the log
windows run.sh recorded, one window per list endpoint (one request each), and runs
EXPLAIN (ANALYZE, BUFFERS) of every distinct SELECT with the parameters it was logged with. A
plan passes unless it has a Seq Scan on a table of at least --big-rows rows.

Windows file: lines "endpoint<TAB>start byte<TAB>end byte" of the log. Output: JSON with one entry
per distinct statement (the endpoints that issued it, the plan's scans, the verdict) and, beside
it, the text plans (<out>.plans.txt).
"""
import argparse
import json
import re
import subprocess
import sys

PREFIX = re.compile(
    r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] (?:(\S*)@(\S*) )?'
    r'(LOG|DETAIL|ERROR|STATEMENT|HINT|CONTEXT|WARNING|NOTICE|FATAL):  (.*)$')
EXECUTED = re.compile(r'^duration: [\d.]+ ms  (?:execute [^:]*|statement): (.*)$', re.S)
PARAMETER = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")
SKIP = ('nextval(', 'pg_try_advisory', 'pg_advisory', ' for update', 'pg_catalog', 'information_schema',
        'current_schema', 'version()')


def entries(text):
    """(pid, user, db, level, message) of each log entry; continuation lines are joined."""
    current = None
    for line in text.splitlines():
        m = PREFIX.match(line)
        if m:
            if current:
                yield current
            current = [m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)]
        elif current:
            current[4] += '\n' + line
    if current:
        yield current


def statements(text, db):
    """The executed statements of one database, each with its logged parameters."""
    last = {}
    for pid, _user, database, level, message in entries(text):
        if database != db:
            continue
        if level == 'LOG':
            m = EXECUTED.match(message)
            if m:
                record = {'sql': m.group(1).strip(), 'params': {}}
                last[pid] = record
                yield record
            else:
                last[pid] = None  # parse, bind: their DETAIL is not an execution's
        elif level == 'DETAIL' and message.startswith('parameters: ') and last.get(pid) is not None:
            record = last[pid]
            if not record['params']:
                for p in PARAMETER.finditer(message):
                    record['params'][int(p.group(1))] = p.group(2)


def is_checked(sql):
    lower = ' '.join(sql.lower().split())
    return lower.startswith('select') and ' from ' in lower and not any(s in lower for s in SKIP)


def shape(sql):
    """A statement's shape: whitespace collapsed, IN lists of parameters folded, parameters as ?."""
    s = ' '.join(sql.split())
    s = re.sub(r'\(\s*\$\d+(?:\s*,\s*\$\d+)*\s*\)', '(?…)', s)
    return re.sub(r'\$\d+', '?', s)


def bind(sql, params):
    return re.sub(r'\$(\d+)\b', lambda m: params.get(int(m.group(1)), m.group(0)), sql)


def psql(db, sql):
    r = subprocess.run(['psql', '-X', '-At', '-v', 'ON_ERROR_STOP=1', '-d', db, '-c', sql],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.strip())
    return r.stdout


def walk(node, out):
    out.append(node)
    for child in node.get('Plans', []):
        walk(child, out)
    return out


def short(sql):
    """'from pf_person p cross join pf_unit u where …' style summary of a Hibernate statement."""
    s = ' '.join(sql.split())
    m = re.search(r'\bfrom\b(.*)', s, re.I)
    tail = m.group(1) if m else s
    tail = re.sub(r'\(\s*\$\d+(?:\s*,\s*\$\d+)*\s*\)', '(…)', tail)
    head = 'select count(*)' if re.match(r'select count\(', s, re.I) else 'select …'
    text = head + ' from' + tail
    return text if len(text) <= 260 else text[:257] + '…'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--log', required=True)
    ap.add_argument('--db', required=True)
    ap.add_argument('--windows', required=True)
    ap.add_argument('--big-rows', type=int, default=10000)
    ap.add_argument('--out', required=True)
    args = ap.parse_args()

    found = {}  # shape -> entry
    order = []
    with open(args.log, 'rb') as log:
        for line in open(args.windows, encoding='utf-8'):
            parts = line.rstrip('\n').split('\t')
            if len(parts) != 3:
                continue
            endpoint, start, end = parts[0], int(parts[1]), int(parts[2])
            log.seek(start)
            text = log.read(max(0, end - start)).decode('utf-8', 'replace')
            for st in statements(text, args.db):
                if not is_checked(st['sql']):
                    continue
                key = shape(st['sql'])
                if key not in found:
                    found[key] = {'sql': ' '.join(st['sql'].split()), 'params': st['params'], 'endpoints': [],
                                  'executions': 0}
                    order.append(key)
                e = found[key]
                e['executions'] += 1
                if endpoint not in e['endpoints']:
                    e['endpoints'].append(endpoint)

    counted = {}  # table -> rows

    results = []
    plans_text = []
    for i, key in enumerate(order, 1):
        e = found[key]
        bound = bind(e['sql'], {k: v for k, v in e['params'].items()})
        entry = {'no': i, 'endpoints': e['endpoints'],
                 'executions_per_request': round(e['executions'] / max(1, len(e['endpoints']))),
                 'summary': short(e['sql']), 'sql': e['sql'], 'params': {str(k): v for k, v in e['params'].items()}}
        try:
            plan = json.loads(psql(args.db, 'explain (analyze, buffers, format json) ' + bound))[0]
            text = psql(args.db, 'explain (analyze, buffers) ' + bound)
        except (RuntimeError, ValueError) as ex:
            entry.update(verdict='not explained', ok=None, error=str(ex)[:300])
            results.append(entry)
            continue
        nodes = walk(plan['Plan'], [])
        seq = []
        for n in nodes:
            if n.get('Node Type') == 'Seq Scan':
                rel = n.get('Relation Name')
                if rel not in counted:
                    # exact: statistics may lag behind the writes of the run
                    counted[rel] = int(psql(args.db, 'select count(*) from "%s"' % rel).strip()) if rel else None
                rows = counted[rel]
                seq.append({'table': rel, 'rows': rows, 'alias': n.get('Alias')})
        indexes = sorted({n['Index Name'] for n in nodes if n.get('Index Name')})
        big = [s for s in seq if s['rows'] is not None and s['rows'] >= args.big_rows]
        if big:
            verdict = 'SEQ SCAN on ' + ', '.join('%s (%d rows)' % (s['table'], s['rows']) for s in big)
        elif seq and indexes:
            verdict = 'index (seq scan only on small tables: %s)' % ', '.join(
                sorted({'%s (%s rows)' % (s['table'], s['rows']) for s in seq}))
        elif seq:
            verdict = 'seq scan on small tables only: %s' % ', '.join(
                sorted({'%s (%s rows)' % (s['table'], s['rows']) for s in seq}))
        else:
            verdict = 'index'
        entry.update(verdict=verdict, ok=not big, seq_scans=seq, indexes=indexes,
                     execution_ms=plan.get('Execution Time'), planning_ms=plan.get('Planning Time'))
        results.append(entry)
        plans_text.append('-- #%d %s (endpoints: %s)\n-- %s\n%s\n%s\n' % (
            i, verdict, ', '.join(e['endpoints']), e['sql'], 'parameters: ' + json.dumps(entry['params'], ensure_ascii=False),
            text))

    summary = {'statements': len(results), 'big_rows': args.big_rows,
               'big_table_seq_scans': sum(1 for r in results if r.get('ok') is False),
               'not_explained': sum(1 for r in results if r.get('ok') is None)}
    with open(args.out, 'w', encoding='utf-8') as f:
        json.dump({'summary': summary, 'statements': results}, f, ensure_ascii=False, indent=1)
    with open(re.sub(r'\.json$', '', args.out) + '-plans.txt', 'w', encoding='utf-8') as f:
        f.write('\n'.join(plans_text))
    print('EXPLAIN: %(statements)d distinct SELECTs, %(big_table_seq_scans)d with a seq scan on a big table,'
          ' %(not_explained)d not explained' % summary, file=sys.stderr)


if __name__ == '__main__':
    main()
