#!/usr/bin/env bash
# benchmarks/run.sh: one command, one benchmark report. Not part of `mvn install`.
#
# Needs a built tree (`mvn -o -DskipTests install`), PostgreSQL on 127.0.0.1:5432 (user postgres,
# trust), JDK 17, curl, python3, psql and pgbench (PostgreSQL 15), and wrk (installed with apt-get
# when missing and run as root). It unpacks the distribution into a temporary folder, points it at
# the database qinglian_bench (dropped and created anew) on ports of its own (HTTP 8381, SSH 8301,
# RMI 1399/44744: never the portal's or the integration tests' 8181/8101), starts it with the
# demo city (QINGLIAN_DEMO_DATA=medium) and measures, in one run: cold start and warm restart,
# the demo data load, RSS idle and under load, the container's ceiling (GET /api/v1/health),
# PostgreSQL's ceiling (pgbench select-only and TPC-B on qinglian_pgbench), the endpoints of
# benchmarks/endpoints.txt (scoped lists, writes with their audit rows, SOAP), logins, the xlsx
# export/import hook, the query plans of the list endpoints (EXPLAIN) and the audit trail's
# in-process cost (JMH, database qinglian_bench_audit). It touches no other database.
#
# Results: benchmarks/target/report.md (table of every figure beside its target from
# benchmarks/targets.txt, pass/miss), report.json, report.html and report.svg (bar charts),
# raw/ (every tool's own output) and karaf.log. Takes about 7 minutes on 2 cores.
#
# Environment (all optional):
#   BENCH_PORT=8381 BENCH_SSH_PORT=8301 BENCH_RMI_REGISTRY_PORT=1399 BENCH_RMI_SERVER_PORT=44744
#   BENCH_DURATION=15 (s per measured run)  BENCH_WARMUP=5 (s of unrecorded load before each)
#   BENCH_CONNECTIONS=32  BENCH_THREADS=2  BENCH_LOGIN_CONNECTIONS=4
#   BENCH_DEMO_SCALE=medium  BENCH_DISTRICT=d01 (the district whose officer lists and admin writes)
#   BENCH_DIST=<tar.gz> (default assembly/target/qinglian-*.tar.gz)  BENCH_JAVA_HOME (JDK 17)
#   BENCH_SKIP_JMH=1  BENCH_SKIP_PGBENCH=1  BENCH_KEEP=1 (keep the unpacked portal)
#   BENCH_PG_LOG=<PostgreSQL server log> (default /var/log/postgresql/postgresql-*-main.log)
set -Eeuo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
B=$ROOT/benchmarks
OUT=$B/target
RAW=$OUT/raw
PORT=${BENCH_PORT:-8381}
SSH_PORT=${BENCH_SSH_PORT:-8301}
RMI_REGISTRY_PORT=${BENCH_RMI_REGISTRY_PORT:-1399}
RMI_SERVER_PORT=${BENCH_RMI_SERVER_PORT:-44744}
DURATION=${BENCH_DURATION:-15}
WARMUP=${BENCH_WARMUP:-5}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
LOGIN_CONNECTIONS=${BENCH_LOGIN_CONNECTIONS:-4}
SCALE=${BENCH_DEMO_SCALE:-medium}
DISTRICT=${BENCH_DISTRICT:-d01}
JDK=${BENCH_JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
PY=${BENCH_PYTHON:-python3}
PGHOST=127.0.0.1
PGPORT=5432
PGUSER=postgres
export PGHOST PGPORT PGUSER
DB=qinglian_bench
PGBENCH_DB=qinglian_pgbench
AUDIT_DB=qinglian_bench_audit
BASE=http://127.0.0.1:$PORT
ADMIN_INITIAL=Bench-Admin-Initial-2026
ADMIN_PASSWORD=Bench-Admin-Changed-2026
DEMO_PASSWORD=Demo-Pass-2026            # DemoUsers.PASSWORD
INTEGRATOR=bench-integrator
INTEGRATOR_INITIAL=Bench-Integrator-Initial-2026
INTEGRATOR_PASSWORD=Bench-Integrator-2026
RUN_ID=$(date +%s)
WRK_RUNS=0
KHOME=
KARAF_STARTED=0
WORK=
SAMPLER=

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
fig() { printf '%s\t%s\n' "$1" "$2" >> "$RAW/figures.tsv"; }
note() { printf '%s\n' "$*" >> "$RAW/notes.txt"; log "note: $*"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$1" -c "$2"; }
json_get() { "$PY" -c 'import json,sys; v=json.load(sys.stdin); print(eval("v"+sys.argv[1]))' "$1"; }

# ---------------------------------------------------------------------------------------------
# the portal: unpack, configure, start, stop

# the Karaf JVM of this run: karaf.pid, or before the JVM writes it, the java process started
# with -Dkaraf.home=<our temporary folder> (unique to this run)
karaf_pid() {
    [ -n "$KHOME" ] || return 0
    if [ -s "$KHOME/karaf.pid" ]; then
        cat "$KHOME/karaf.pid"
    else
        pgrep -f -- "-Dkaraf.home=$KHOME " | head -n 1 || true
    fi
}

karaf_running() {
    local pid
    pid=$(karaf_pid)
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# bin/start with JAVA_HOME set in the same command; extra VAR=value arguments go to its environment
karaf_start() {
    KARAF_STARTED=1
    (cd "$KHOME" && env JAVA_HOME="$JDK" "$@" bin/start)
}

karaf_stop() {
    [ -n "$KHOME" ] || return 0
    local pid
    for _ in $(seq 1 20); do # just after bin/start the JVM may not be there yet
        pid=$(karaf_pid)
        [ -n "$pid" ] || [ "$KARAF_STARTED" = 0 ] && break
        sleep 0.5
    done
    KARAF_STARTED=0
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    (cd "$KHOME" && JAVA_HOME="$JDK" bin/stop) >/dev/null 2>&1 || true
    for _ in $(seq 1 120); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "Karaf $pid did not stop in 60 s: killing it"
        kill "$pid" 2>/dev/null || true
        sleep 5
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$KHOME/karaf.pid" # bin/stop leaves it behind
}

# "<health> <ready>": seconds from $1 (a start time) until GET /api/v1/health answers 200 UP, and
# until the portal is ready for its users: the security bundle's REST resources
# (GET /api/v1/auth/session, public, 200) and the SOAP service's WSDL answer, which can be
# seconds later (health comes from another bundle). Fails after $2 seconds.
wait_up() {
    local t0=$1 limit=$2 body health=
    while :; do
        if [ -z "$health" ]; then
            body=$(curl -s --max-time 2 "$BASE/api/v1/health" || true)
            case "$body" in *'"status":"UP"'*) health=$(elapsed "$t0" "$(now)") ;; esac
        fi
        if [ -n "$health" ] \
            && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/api/v1/auth/session" || true)" = 200 ] \
            && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/services/UnitService?wsdl" || true)" = 200 ]; then
            echo "$health $(elapsed "$t0" "$(now)")"
            return 0
        fi
        if [ "$(elapsed "$t0" "$(now)" | cut -d. -f1)" -ge "$limit" ]; then
            log "health: ${body:-no answer}"
            return 1
        fi
        if [ -n "$KHOME" ] && [ -s "$KHOME/karaf.pid" ] && ! karaf_running; then
            log "Karaf exited during start"
            return 1
        fi
        sleep 0.2
    done
}

rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$(karaf_pid)/status"; }

start_rss_sampler() {
    local pid file=$1
    pid=$(karaf_pid)
    ( while kill -0 "$pid" 2>/dev/null; do
        awk '/^VmRSS:/ { printf "%.1f\n", $2 / 1024 }' "/proc/$pid/status" >> "$file" 2>/dev/null || true
        sleep 0.5
    done ) &
    SAMPLER=$!
}

stop_rss_sampler() {
    [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
    wait "$SAMPLER" 2>/dev/null || true
    SAMPLER=
}

cleanup() {
    local rc=$?
    stop_rss_sampler
    karaf_stop
    if [ -n "$KHOME" ] && [ -f "$KHOME/data/log/karaf.log" ]; then
        cp "$KHOME/data/log/karaf.log" "$OUT/karaf.log" 2>/dev/null || true
    fi
    # never leave statement logging on for the bench database
    sql postgres "alter database $DB reset log_min_duration_statement" >/dev/null 2>&1 || true
    if [ -n "$WORK" ]; then
        if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    fi
    exit $rc
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------------------------------------
# HTTP helpers

# sign_in user password: sets COOKIE and CSRF
sign_in() {
    local code
    code=$(curl -s -D "$WORK/h" -o "$WORK/b" -w '%{http_code}' -H 'Content-Type: application/json' \
        --data-binary "{\"username\":\"$1\",\"password\":\"$2\"}" "$BASE/api/v1/auth/login") || return 1
    if [ "$code" != 200 ]; then
        log "login of $1 answered $code: $(head -c 300 "$WORK/b")"
        return 1
    fi
    COOKIE=$(grep -i '^set-cookie:' "$WORK/h" | head -n 1 | sed 's/^[^:]*: *//; s/;.*//' | tr -d '\r')
    CSRF=$(json_get "['csrfToken']" < "$WORK/b")
}

# api METHOD path [json body]: with COOKIE and CSRF; prints the body, fails unless 2xx
api() {
    local code args=(-s -o "$WORK/b" -w '%{http_code}' -X "$1" -H "Cookie: $COOKIE" -H "X-CSRF-Token: $CSRF")
    [ $# -ge 3 ] && args+=(-H 'Content-Type: application/json' --data-binary "$3")
    code=$(curl "${args[@]}" "$BASE$2") || return 1
    case "$code" in
        2??) cat "$WORK/b" ;;
        *) log "$1 $2 answered $code: $(head -c 300 "$WORK/b")"; return 1 ;;
    esac
}

change_password() { # user old new
    sign_in "$1" "$2" || return 1
    api POST /api/v1/auth/password "{\"oldPassword\":\"$2\",\"newPassword\":\"$3\"}" >/dev/null
}

# wrk_run name connections seconds url [VAR=value ...]: figures to $RAW/wrk-<name>.json
wrk_run() {
    local name=$1 c=$2 d=$3 url=$4 t=$THREADS
    shift 4
    [ "$c" -lt "$t" ] && t=$c
    WRK_RUNS=$((WRK_RUNS + 1))
    env "$@" BENCH_OUT="$RAW/wrk-$name.json" BENCH_RUN_ID="${RUN_ID}r$WRK_RUNS" \
        wrk -t"$t" -c"$c" -d"${d}s" --timeout 10s -s "$B/wrk/bench.lua" "$url" > "$RAW/wrk-$name.txt" 2>&1
}

# warm_and_measure name connections url [VAR=value ...]: WARMUP s unrecorded, then DURATION s
warm_and_measure() {
    local name=$1 c=$2 url=$3
    shift 3
    if [ "$WARMUP" -gt 0 ]; then
        wrk_run "warmup-$name" "$c" "$WARMUP" "$url" "$@" || return 1
    fi
    wrk_run "$name" "$c" "$DURATION" "$url" "$@" || return 1
    log "  $name: $("$PY" -c 'import json,sys; r=json.load(open(sys.argv[1])); l=r["latency_ms"]; print("%.1f req/s, p50 %.1f ms, p99 %.1f ms, non-2xx %d" % (r["rps"], l["p50"], l["p99"], r["errors"]["status"]))' "$RAW/wrk-$name.json")"
}

expand() {
    local s=$1
    s=${s//'${DISTRICT_ID}'/$DISTRICT_ID}
    s=${s//'${DISTRICT_CODE}'/$DISTRICT}
    s=${s//'${CITY_ID}'/$CITY_ID}
    printf '%s' "$s"
}

# ---------------------------------------------------------------------------------------------
# the measurements

measure_health() {
    log "container ceiling: GET /api/v1/health, $CONNECTIONS connections"
    warm_and_measure health "$CONNECTIONS" "$BASE/api/v1/health" || return 1
    # what every authenticated request pays before its own work: the request filter looks the
    # session up, loads the caller's profile and computes their scope; /auth/session then answers
    # from the session (looking it up once more)
    log "authenticated ceiling: GET /api/v1/auth/session as $DISTRICT-officer, $CONNECTIONS connections"
    warm_and_measure auth-session "$CONNECTIONS" "$BASE/api/v1/auth/session" BENCH_COOKIE="$READER_COOKIE"
}

# one line of endpoints.txt: name method path [body]
measure_endpoint() {
    local name=$1 method=$2 path body_file=${4:-} kind url content_type=application/json code body
    path=$(expand "$3")
    url=$BASE$path
    local auth=(BENCH_COOKIE="$READER_COOKIE")
    if [[ $path == /services/* ]]; then
        kind=soap
        content_type='text/xml; charset=utf-8'
        auth=(BENCH_BEARER="$TOKEN")
    elif [ "$method" = GET ]; then
        kind=list
    else
        kind=write
        auth=(BENCH_COOKIE="$WRITER_COOKIE" BENCH_CSRF="$WRITER_CSRF")
    fi
    local row="$name	$kind	$method	$3"
    local body_args=() curl_body=()
    if [ -n "$body_file" ]; then
        [ -f "$B/$body_file" ] || { printf '%s\tskipped\tbody file %s not found\n' "$row" "$body_file" >> "$RAW/endpoints.tsv"; return 0; }
        expand "$(cat "$B/$body_file")" > "$WORK/body-$name"
        body_args=(BENCH_BODY_FILE="$WORK/body-$name" BENCH_CONTENT_TYPE="$content_type")
        sed "s/{{seq}}/${RUN_ID}probe/g" "$WORK/body-$name" > "$WORK/probe-$name"
        curl_body=(-H "Content-Type: $content_type" --data-binary "@$WORK/probe-$name")
    fi
    # probe once: a 404 means the module is not installed
    local curl_auth=()
    case $kind in
        soap) curl_auth=(-H "Authorization: Bearer $TOKEN") ;;
        list) curl_auth=(-H "Cookie: $READER_COOKIE") ;;
        write) curl_auth=(-H "Cookie: $WRITER_COOKIE" -H "X-CSRF-Token: $WRITER_CSRF") ;;
    esac
    code=$(curl -s -o "$WORK/probe-answer" -w '%{http_code}' -X "$method" "${curl_auth[@]}" "${curl_body[@]}" "$url" || echo 000)
    body=$(head -c 200 "$WORK/probe-answer" | tr '\n\t' '  ')
    if [ "$code" = 404 ]; then
        printf '%s\tskipped\tnot measured: %s %s answers 404 (module not installed?)\n' "$row" "$method" "$3" >> "$RAW/endpoints.tsv"
        log "  $name: 404, skipped"
        return 0
    fi
    if [[ $code != 2?? ]] || grep -q 'Fault>' "$WORK/probe-answer"; then
        printf '%s\tskipped\tnot measured: the probe answered %s: %s\n' "$row" "$code" "$body" >> "$RAW/endpoints.tsv"
        log "  $name: probe answered $code, skipped: $body"
        return 0
    fi
    log "$kind endpoint $name: $method $path, $CONNECTIONS connections"
    local audit_before=0
    if [ "$kind" = list ]; then start_rss_sampler "$RAW/rss-load.txt"; fi
    if [ "$kind" = write ] && [ "$WARMUP" -gt 0 ]; then
        wrk_run "warmup-$name" "$CONNECTIONS" "$WARMUP" "$url" BENCH_METHOD="$method" "${auth[@]}" "${body_args[@]}"
    fi
    if [ "$kind" = write ]; then
        sleep 1
        audit_before=$(sql "$DB" "select count(*) from pf_audit")
        wrk_run "$name" "$CONNECTIONS" "$DURATION" "$url" BENCH_METHOD="$method" "${auth[@]}" "${body_args[@]}"
        sleep 2
        fig "audit_rows.$name" "$(( $(sql "$DB" "select count(*) from pf_audit") - audit_before ))"
        log "  $name: $(cat "$RAW/wrk-$name.json")"
    else
        warm_and_measure "$name" "$CONNECTIONS" "$url" BENCH_METHOD="$method" "${auth[@]}" "${body_args[@]}"
    fi
    if [ "$kind" = list ]; then stop_rss_sampler; fi
    printf '%s\tmeasured\t\n' "$row" >> "$RAW/endpoints.tsv"
}

measure_endpoints() {
    local name method path body
    : > "$RAW/endpoints.tsv"
    while read -r name method path body; do
        [ -z "$name" ] && continue
        [[ $name == \#* ]] && continue
        measure_endpoint "$name" "$method" "$path" "$body" || note "endpoint $name failed: see benchmarks/target/raw/wrk-$name.txt"
    done < "$B/endpoints.txt"
    if [ -s "$RAW/rss-load.txt" ]; then
        fig rss_load_mib "$(sort -n "$RAW/rss-load.txt" | tail -n 1)"
    fi
}

# correct passwords only: failures would lock the account (5 per address, 20 per account)
measure_logins() {
    log "logins: POST /api/v1/auth/login as $DISTRICT-officer, $LOGIN_CONNECTIONS concurrent"
    printf '{"username":"%s-officer","password":"%s"}' "$DISTRICT" "$DEMO_PASSWORD" > "$WORK/login.json"
    warm_and_measure login "$LOGIN_CONNECTIONS" "$BASE/api/v1/auth/login" BENCH_METHOD=POST \
        BENCH_BODY_FILE="$WORK/login.json" || return 1
    log "logins one at a time (the cost of one login without queueing for the hash permits)"
    wrk_run login-single 1 "$(( (DURATION + 2) / 3 ))" "$BASE/api/v1/auth/login" BENCH_METHOD=POST \
        BENCH_BODY_FILE="$WORK/login.json"
}

# ---- xlsx export and import of 10,000 rows: the hook for the rectification module ------------
# When the rectification module is installed, its ledger export answers here; its demo data
# (medium: factor 10) is expected to give the 10,000 rows. Adjust XLSX_EXPORT / XLSX_IMPORT to
# the module's real paths when it lands: import posts the exported file back.
# the whole city's ledger (10,000 problems at medium), exported and imported again by the city's officer
XLSX_EXPORT=${BENCH_XLSX_EXPORT:-/api/v1/rectification/ledger.xlsx}
XLSX_IMPORT=${BENCH_XLSX_IMPORT:-/api/v1/rectification/ledger/import?inspectionId=}
measure_xlsx() {
    local code t0 rows inspection
    sign_in city-officer "$DEMO_PASSWORD" || die "city-officer cannot sign in"
    local LEDGER_COOKIE=$COOKIE LEDGER_CSRF=$CSRF
    code=$(curl -s -o "$WORK/ledger.xlsx" -w '%{http_code}' -H "Cookie: $LEDGER_COOKIE" "$BASE$XLSX_EXPORT" || echo 000)
    if [ "$code" = 404 ]; then
        note "xlsx export/import of 10,000 rows: not measured: module not installed (GET $XLSX_EXPORT answers 404)"
        fig xlsx.status "not measured: module not installed"
        return 0
    fi
    if [ "$code" != 200 ]; then
        note "xlsx export: GET $XLSX_EXPORT answered $code: not measured"
        fig xlsx.status "not measured: export answered $code"
        return 0
    fi
    t0=$(now)
    curl -s -o "$WORK/ledger.xlsx" -H "Cookie: $LEDGER_COOKIE" "$BASE$XLSX_EXPORT"
    fig xlsx_export_s "$(elapsed "$t0" "$(now)")"
    rows=$("$PY" -c 'import zipfile,re,sys; z=zipfile.ZipFile(sys.argv[1]); n=[x for x in z.namelist() if x.startswith("xl/worksheets/")]; print(len(re.findall(rb"<row ", z.read(n[0]))) if n else 0)' "$WORK/ledger.xlsx" 2>/dev/null || echo "?")
    fig xlsx_rows "$rows"
    inspection=$(curl -s -H "Cookie: $LEDGER_COOKIE" -H "X-CSRF-Token: $LEDGER_CSRF" -H 'Content-Type: application/json' \
        -d "{\"title\":\"benchmark import\",\"source\":\"AUDIT\",\"unitId\":\"$CITY_ID\",\"inspectedUnitIds\":[\"$CITY_ID\"],\"startDate\":\"2026-01-01\"}" \
        "$BASE/api/v1/rectification/inspections" | json_get "['id']")
    t0=$(now)
    code=$(curl -s -o "$WORK/import-answer" -w '%{http_code}' -H "Cookie: $LEDGER_COOKIE" -H "X-CSRF-Token: $LEDGER_CSRF" \
        -H 'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' \
        --data-binary "@$WORK/ledger.xlsx" "$BASE$XLSX_IMPORT$inspection" || echo 000)
    if [[ $code == 2?? ]]; then
        fig xlsx_import_s "$(elapsed "$t0" "$(now)")"
    else
        note "xlsx import: POST $XLSX_IMPORT answered $code: $(head -c 200 "$WORK/import-answer")"
    fi
    fig xlsx.status measured
}

measure_pgbench() {
    log "PostgreSQL ceiling: pgbench on $PGBENCH_DB (scale 10, $CONNECTIONS clients, $THREADS threads)"
    sql postgres "drop database if exists $PGBENCH_DB with (force)" >/dev/null
    sql postgres "create database $PGBENCH_DB" >/dev/null
    pgbench -i -s 10 -q "$PGBENCH_DB" > "$RAW/pgbench-init.txt" 2>&1 || return 1
    local mode tps
    for mode in select tpcb; do
        if [ $mode = select ]; then set -- -S; else set --; fi
        pgbench "$@" -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" "$PGBENCH_DB" > "$RAW/pgbench-$mode.txt" 2>&1 || return 1
        tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$RAW/pgbench-$mode.txt")
        fig "pgbench_${mode}_tps" "$tps"
        fig "pgbench_${mode}_latency_ms" "$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$RAW/pgbench-$mode.txt")"
        log "  pgbench $mode: $tps tps"
    done
}

# The SQL the list endpoints issue, from the server log (log_min_duration_statement = 0 for the
# bench database only, set before the warm restart so the pool's new connections log), then
# EXPLAIN (ANALYZE) of each distinct SELECT with its logged parameters.
capture_statements() {
    local name method path body_file kind offset url
    : > "$RAW/explain-windows.tsv"
    while read -r name method path body_file; do
        [ -z "$name" ] && continue
        [[ $name == \#* ]] && continue
        grep -q "^$name	.*	measured	" "$RAW/endpoints.tsv" || continue
        path=$(expand "$path")
        url=$BASE$path
        if [[ $path == /services/* ]]; then kind=soap; elif [ "$method" = GET ]; then kind=list; else continue; fi
        offset=$(stat -c %s "$PG_LOG")
        if [ $kind = soap ]; then
            sed "s/{{seq}}/${RUN_ID}explain/g" "$WORK/body-$name" > "$WORK/explain-body"
            curl -s -o /dev/null -X "$method" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/xml; charset=utf-8' \
                --data-binary "@$WORK/explain-body" "$url" || true
        else
            curl -s -o /dev/null -H "Cookie: $READER_COOKIE" "$url" || true
        fi
        sleep 1.5
        printf '%s\t%s\t%s\n' "$name" "$offset" "$(stat -c %s "$PG_LOG")" >> "$RAW/explain-windows.tsv"
    done < "$B/endpoints.txt"
    # the EXPLAIN-only list requests of explain.txt, each as its user
    local user code
    while read -r name user path; do
        [ -z "$name" ] && continue
        [[ $name == \#* ]] && continue
        user=$(expand "$user")
        path=$(expand "$path")
        sign_in "$user" "$DEMO_PASSWORD" || { note "EXPLAIN: $user cannot sign in: $name not checked"; continue; }
        offset=$(stat -c %s "$PG_LOG")
        code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE$path" || echo 000)
        sleep 1.5
        if [ "$code" != 200 ]; then
            note "EXPLAIN: $name (GET $path as $user) answered $code: not checked"
            continue
        fi
        printf '%s\t%s\t%s\n' "$name" "$offset" "$(stat -c %s "$PG_LOG")" >> "$RAW/explain-windows.tsv"
    done < "$B/explain.txt"
}

measure_explain() {
    if [ -z "$PG_LOG" ] || [ ! -r "$PG_LOG" ]; then
        note "EXPLAIN check: not done: PostgreSQL's log is not readable (set BENCH_PG_LOG)"
        return 0
    fi
    log "EXPLAIN: capturing the list endpoints' SQL from $PG_LOG"
    sign_in "$DISTRICT-officer" "$DEMO_PASSWORD" || return 1
    READER_COOKIE=$COOKIE
    capture_statements
    sql postgres "alter database $DB reset log_min_duration_statement" >/dev/null
    "$PY" "$B/lib/explain.py" --log "$PG_LOG" --db "$DB" --windows "$RAW/explain-windows.tsv" \
        --big-rows "${BENCH_BIG_TABLE_ROWS:-10000}" --out "$RAW/explain.json"
}

measure_audit_cost() {
    local jar=$B/target/benchmarks.jar
    if [ ! -f "$jar" ]; then
        log "building the JMH jar: mvn -o -q -pl benchmarks package"
        (cd "$ROOT" && JAVA_HOME="$JDK" mvn -o -q -pl benchmarks package -DskipTests) > "$RAW/jmh-build.txt" 2>&1 || {
            note "audit cost (JMH): not measured: benchmarks/target/benchmarks.jar missing and could not be built (see raw/jmh-build.txt)"
            return 0
        }
    fi
    log "audit cost in-process (JMH AuditCostBenchmark) on $AUDIT_DB"
    "$JDK/bin/java" -Dqinglian.test.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$AUDIT_DB" -jar "$jar" \
        AuditCostBenchmark -wi 2 -w 5s -i 5 -r 5s -f 1 -rf json -rff "$RAW/jmh-audit.json" > "$RAW/jmh-audit.txt" 2>&1 || {
        note "audit cost (JMH): failed: see raw/jmh-audit.txt"
        return 0
    }
}

step() { # step description command...: a failed measurement is noted, the run goes on
    local what=$1
    shift
    if ! "$@"; then note "$what: failed (see the log above and benchmarks/target/raw/)"; fi
}

# ---------------------------------------------------------------------------------------------
# main

T_RUN=$(now)
rm -rf "$OUT/raw" "$OUT"/report.* "$OUT/karaf.log"
mkdir -p "$RAW"
: > "$RAW/figures.tsv"
: > "$RAW/notes.txt"

DIST=${BENCH_DIST:-$(ls "$ROOT"/assembly/target/qinglian-*.tar.gz 2>/dev/null | head -n 1 || true)}
[ -n "$DIST" ] && [ -f "$DIST" ] || die "no distribution: run 'mvn -o -DskipTests install' first (or set BENCH_DIST)"
[ -x "$JDK/bin/java" ] || die "no JDK 17 at $JDK (set BENCH_JAVA_HOME)"
for tool in curl psql pgbench "$PY"; do command -v "$tool" >/dev/null || die "$tool is missing"; done
if ! command -v wrk >/dev/null; then
    log "installing wrk (apt-get install -y wrk)"
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; } || die "could not install wrk"
    else
        die "wrk is missing: sudo apt-get install -y wrk"
    fi
fi
sql postgres "select 1" >/dev/null || die "PostgreSQL does not answer on $PGHOST:$PGPORT as $PGUSER"
for p in "$PORT" "$SSH_PORT" "$RMI_REGISTRY_PORT" "$RMI_SERVER_PORT"; do
    port_free "$p" || die "port $p is in use (another benchmark run? set BENCH_PORT and friends)"
done
PG_LOG=${BENCH_PG_LOG:-$(ls /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -n 1 || true)}

# what the machine was doing: the figures depend on it
{
    printf 'date\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    printf 'host\t%s\n' "$(hostname)"
    printf 'cpus\t%s\n' "$(nproc)"
    printf 'memory_gib\t%s\n' "$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)"
    printf 'load_at_start\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
    printf 'other_java_processes_at_start\t%s\n' "$(pgrep -c java || true)"
    printf 'java\t%s\n' "$("$JDK/bin/java" -version 2>&1 | head -n 1)"
    printf 'postgresql\t%s\n' "$(sql postgres 'show server_version')"
    printf 'wrk\t%s\n' "$(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)"
    printf 'distribution\t%s\n' "$(basename "$DIST")"
    printf 'port\t%s\n' "$PORT"
    printf 'duration_s\t%s\n' "$DURATION"
    printf 'warmup_s\t%s\n' "$WARMUP"
    printf 'connections\t%s\n' "$CONNECTIONS"
    printf 'threads\t%s\n' "$THREADS"
    printf 'demo_scale\t%s\n' "$SCALE"
    printf 'district\t%s\n' "$DISTRICT"
} > "$RAW/meta.tsv"

trap cleanup EXIT
trap 'exit 130' INT TERM

log "database $DB: dropped and created"
sql postgres "drop database if exists $DB with (force)" >/dev/null
sql postgres "create database $DB" >/dev/null

WORK=$(mktemp -d /tmp/qinglian-bench.XXXXXX)
log "unpacking $(basename "$DIST") into $WORK"
tar xzf "$DIST" -C "$WORK"
KHOME=$(ls -d "$WORK"/qinglian-*/)
KHOME=${KHOME%/}
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $PORT/" "$KHOME/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = $SSH_PORT/" "$KHOME/etc/org.apache.karaf.shell.cfg"
sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $RMI_REGISTRY_PORT/; s/^rmiServerPort *=.*/rmiServerPort = $RMI_SERVER_PORT/" \
    "$KHOME/etc/org.apache.karaf.management.cfg"
grep -q "^org.osgi.service.http.port = $PORT" "$KHOME/etc/org.ops4j.pax.web.cfg" || die "could not set the HTTP port"
grep -q "^sshPort = $SSH_PORT" "$KHOME/etc/org.apache.karaf.shell.cfg" || die "could not set the SSH port"
# the shipped datasource cfg with PostgreSQL instead of H2 (same pool settings)
cat > "$KHOME/etc/org.ops4j.datasource-qinglian.cfg" <<CFG
osgi.jdbc.driver.class = org.postgresql.Driver
url = jdbc:postgresql://127.0.0.1:5432/$DB?reWriteBatchedInserts=true
user = postgres
password =
dataSourceName = qinglian
pool = dbcp2
xa = true
pool.maxTotal = 16
pool.minIdle = 2
pool.testOnBorrow = false
pool.testWhileIdle = true
pool.timeBetweenEvictionRunsMillis = 5000
pool.numTestsPerEvictionRun = 16
CFG

# ---- cold start, with the demo city loading --------------------------------------------------
log "cold start (fresh database, QINGLIAN_DEMO_DATA=$SCALE) on port $PORT"
T0=$(now)
karaf_start QINGLIAN_ADMIN_PASSWORD="$ADMIN_INITIAL" QINGLIAN_DEMO_DATA="$SCALE"
read -r COLD READY <<< "$(wait_up "$T0" 300)" || die "the portal did not come up in 300 s (see $OUT/karaf.log)"
[ -n "$READY" ] || die "the portal did not come up in 300 s (see $OUT/karaf.log)"
fig cold_start_s "$COLD"
fig cold_ready_s "$READY"
log "  health UP after $COLD s, ready (auth and SOAP answer) after $READY s"

log "waiting for the demo data"
DEMO_LINE=
for _ in $(seq 1 1200); do
    DEMO_LINE=$(grep -E 'Demo data [A-Z]+ \(seed [0-9]+\) in [0-9]+ ms|Demo data failed|No demo data' "$KHOME/data/log/karaf.log" | head -n 1 || true)
    [ -n "$DEMO_LINE" ] && break
    sleep 0.5
done
T_DEMO=$(now)
case "$DEMO_LINE" in
    *' ms: '*)
        fig demo_load_s "$(echo "$DEMO_LINE" | sed -E 's/.* in ([0-9]+) ms.*/\1/' | awk '{ printf "%.2f", $1 / 1000 }')"
        fig demo_ready_s "$(elapsed "$T0" "$T_DEMO")"
        fig demo_counts "$(echo "$DEMO_LINE" | sed -E 's/.* ms: \{(.*)\}.*/\1/')"
        log "  ${DEMO_LINE##*| }" ;;
    *) die "demo data: ${DEMO_LINE:-no line in karaf.log after 600 s}" ;;
esac
# the demo installs the offered modules; each adds its records to the demo city when it arrives
log "waiting for the modules' demo data"
MODULE_LINE=
for _ in $(seq 1 1200); do
    MODULE_LINE=$(grep -E 'Demo data of rectification (added|failed)' "$KHOME/data/log/karaf.log" | head -n 1 || true)
    [ -n "$MODULE_LINE" ] && break
    sleep 0.5
done
case "$MODULE_LINE" in
    *added*)
        fig demo_rectification_s "$(echo "$MODULE_LINE" | sed -E 's/.* in ([0-9]+) ms.*/\1/' | awk '{ printf "%.2f", $1 / 1000 }')"
        fig demo_rectification "$(echo "$MODULE_LINE" | sed -E 's/.* ms: \{(.*)\}.*/\1/')"
        log "  ${MODULE_LINE##*| }" ;;
    *) note "rectification demo data: ${MODULE_LINE:-no line in karaf.log after 600 s}" ;;
esac
sql "$DB" "analyze" >/dev/null
sleep 10
fig rss_idle_mib "$(rss_mib)"
log "  RSS idle: $(rss_mib) MiB"

# ---- users and credentials ------------------------------------------------------------------
DISTRICT_ID=$(sql "$DB" "select public_id from pf_unit where code = '$DISTRICT' and deleted_at is null")
CITY_ID=$(sql "$DB" "select public_id from pf_unit where parent_id is null and deleted_at is null order by id limit 1")
[ -n "$DISTRICT_ID" ] || die "no unit with code $DISTRICT"
fig district_scope_units "$(sql "$DB" "with recursive t(id) as (select id from pf_unit where code = '$DISTRICT' union select u.id from pf_unit u join t on u.parent_id = t.id) select count(*) from t")"
fig district_people "$(sql "$DB" "select count(*) from pf_person p join pf_unit u on p.unit_id = u.id where u.code = '$DISTRICT'")"

change_password admin "$ADMIN_INITIAL" "$ADMIN_PASSWORD" || die "could not change the first admin's password"
sign_in admin "$ADMIN_PASSWORD" || die "admin cannot sign in"
api POST /api/v1/users "{\"username\":\"$INTEGRATOR\",\"displayName\":\"Benchmark integrator\",\"unitId\":\"$DISTRICT_ID\",\"roles\":[\"integrator\"],\"password\":\"$INTEGRATOR_INITIAL\"}" >/dev/null \
    || die "could not create $INTEGRATOR"
change_password "$INTEGRATOR" "$INTEGRATOR_INITIAL" "$INTEGRATOR_PASSWORD" || die "could not set $INTEGRATOR's password"
sign_in "$INTEGRATOR" "$INTEGRATOR_PASSWORD" || die "$INTEGRATOR cannot sign in"
EXPIRES=$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)
TOKEN=$(api POST /api/v1/tokens "{\"name\":\"benchmark\",\"permissions\":[\"platform:units-read\",\"platform:people-read\"],\"expiresAt\":\"$EXPIRES\"}" | json_get "['token']") \
    || die "could not create an API token"
sign_in "$DISTRICT-officer" "$DEMO_PASSWORD" || die "$DISTRICT-officer cannot sign in"
READER_COOKIE=$COOKIE
sign_in "$DISTRICT-admin" "$DEMO_PASSWORD" || die "$DISTRICT-admin cannot sign in"
WRITER_COOKIE=$COOKIE
WRITER_CSRF=$CSRF

# ---- load -------------------------------------------------------------------------------------
step "container ceiling (health)" measure_health
step "endpoints" measure_endpoints
step "logins" measure_logins
step "xlsx export/import" measure_xlsx
if [ "${BENCH_SKIP_PGBENCH:-0}" != 1 ]; then step "pgbench" measure_pgbench; else note "pgbench skipped (BENCH_SKIP_PGBENCH=1)"; fi

# ---- warm restart, then the query plans ---------------------------------------------------------
log "warm restart (bin/stop, bin/start)"
karaf_stop
T0=$(now)
karaf_start
read -r WARM READY <<< "$(wait_up "$T0" 300)" || true
[ -n "$READY" ] || die "the portal did not come back up in 300 s"
fig warm_restart_s "$WARM"
fig warm_ready_s "$READY"
log "  health UP after $WARM s, ready after $READY s"
sleep 10
fig rss_idle_restart_mib "$(rss_mib)"
log "  RSS idle: $(rss_mib) MiB"
if [ -n "$PG_LOG" ] && [ -r "$PG_LOG" ]; then
    # a pool's connections take database settings when they open: restart once more with every
    # statement of the bench database logged, for the EXPLAIN check
    log "restart with statement logging for the EXPLAIN check"
    karaf_stop
    sql postgres "alter database $DB set log_min_duration_statement = 0" >/dev/null
    T0=$(now)
    karaf_start
    read -r SECOND READY <<< "$(wait_up "$T0" 300)" || true
    [ -n "$READY" ] || die "the portal did not come back up in 300 s"
    fig warm_restart_logged_s "$SECOND"
fi
step "EXPLAIN check" measure_explain
karaf_stop

# ---- in-process audit cost ----------------------------------------------------------------------
if [ "${BENCH_SKIP_JMH:-0}" != 1 ]; then step "audit cost (JMH)" measure_audit_cost; else note "JMH audit cost skipped (BENCH_SKIP_JMH=1)"; fi

printf 'load_at_end\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RAW/meta.tsv"
printf 'other_java_processes_at_end\t%s\n' "$(pgrep -c java || true)" >> "$RAW/meta.tsv"
printf 'run_s\t%s\n' "$(elapsed "$T_RUN" "$(now)")" >> "$RAW/meta.tsv"
"$PY" "$B/lib/report.py" --raw "$RAW" --targets "$B/targets.txt" --out "$OUT"
log "report: $OUT/report.md ($OUT/report.html, report.json)"
cat "$OUT/report.md"
