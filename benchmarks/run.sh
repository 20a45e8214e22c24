#!/usr/bin/env bash
# Runs the benchmarks and prints their figures. Needs a built tree (mvn -DskipTests install) and
# PostgreSQL on 127.0.0.1:5432 (user postgres, trust). Starts the distribution on PostgreSQL in a
# temporary folder, creates the benchmark user through the API, runs JMH, stops the portal.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
DIST=$(ls assembly/target/qinglian-*.tar.gz | head -n 1)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
WORK=$(mktemp -d)
ADMIN_INITIAL=Bench-Admin-Initial-2026
ADMIN=Bench-Admin-Changed-2026
BASE=http://localhost:8181

psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname='qinglian_bench'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -c "create database qinglian_bench"
psql -h 127.0.0.1 -U postgres -d qinglian_bench -c "drop schema public cascade; create schema public" >/dev/null

tar xzf "$DIST" -C "$WORK"
HOME_DIR=$(ls -d "$WORK"/qinglian-*)
cat > "$HOME_DIR/etc/org.ops4j.datasource-qinglian.cfg" <<CFG
osgi.jdbc.driver.class = org.postgresql.Driver
url = jdbc:postgresql://127.0.0.1:5432/qinglian_bench?reWriteBatchedInserts=true
user = postgres
password =
dataSourceName = qinglian
pool = dbcp2
xa = true
CFG
trap '"$HOME_DIR/bin/stop" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
QINGLIAN_ADMIN_PASSWORD=$ADMIN_INITIAL "$HOME_DIR/bin/start"
# up when the first admin can sign in (the health check only covers the database)
for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
        -d "{\"username\":\"admin\",\"password\":\"$ADMIN_INITIAL\"}" $BASE/api/v1/auth/login)" = 200 ] && break
    sleep 1
done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
login() { # user password -> "cookie csrf"
    local out
    out=$(curl -s -D - -o "$WORK/body" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"$2\"}" $BASE/api/v1/auth/login)
    echo "$(echo "$out" | grep -i '^set-cookie:' | sed 's/^[^:]*: //; s/;.*//') $(json "['csrfToken']" < "$WORK/body")"
}
change_password() { # user old new
    read -r cookie csrf <<< "$(login "$1" "$2")"
    curl -s -o /dev/null -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
        -d "{\"oldPassword\":\"$2\",\"newPassword\":\"$3\"}" $BASE/api/v1/auth/password
}
change_password admin $ADMIN_INITIAL $ADMIN
read -r cookie csrf <<< "$(login admin $ADMIN)"
curl -s -o /dev/null -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d '{"username":"bench","roles":["supervisor"],"password":"Bench-Initial-2026"}' $BASE/api/v1/users
change_password bench Bench-Initial-2026 Bench-Password-2026

RESULTS=benchmarks/target
"$JAVA_HOME/bin/java" -Dqinglian.url=$BASE -jar "$JAR" LoginBenchmark -rf text -rff "$RESULTS/login.txt" > "$RESULTS/login.log" 2>&1
cat "$RESULTS/login.txt"
"$JAVA_HOME/bin/java" -Dqinglian.test.jdbc.url=jdbc:postgresql://127.0.0.1:5432/qinglian_bench_audit -jar "$JAR" \
    AuditCostBenchmark -rf text -rff "$RESULTS/audit.txt" > "$RESULTS/audit.log" 2>&1
cat "$RESULTS/audit.txt"
