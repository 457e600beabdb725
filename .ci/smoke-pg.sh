#!/usr/bin/env bash
# Builds the production artifact (PostgreSQL) as README says, boots it against the local
# PostgreSQL with the documented variables, and checks that an event is stored there.
set -euo pipefail
cd "$(dirname "$0")/.."
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DROP DATABASE IF EXISTS podometer_smoke;
CREATE DATABASE podometer_smoke OWNER podometer;
SQL
./mvnw -B -ntp -q package -DskipTests -Dquarkus.profile=pg -pl web
log=$(mktemp)
data=$(mktemp -d)
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
PODOMETER_DATA=$data PODOMETER_ADMIN_PASSWORD=$password PODOMETER_DB_URL=jdbc:postgresql://127.0.0.1:5432/podometer_smoke \
PODOMETER_DB_USER=podometer PODOMETER_DB_PASSWORD=podometer QUARKUS_HTTP_PORT=8181 \
  java -jar web/target/quarkus-app-pg/quarkus-run.jar >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf -o /dev/null http://localhost:8181/q/health/ready && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "production artifact exited" >&2; exit 1; }
  sleep 1
done
grep -q 'Profile pg activated' "$log" || { cat "$log" >&2; echo "not the pg profile" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:8181/api/org)" = 401 ] \
  || { echo "the production artifact answers without credentials" >&2; exit 1; }
[ ! -e "$data/admin-password" ] || { echo "admin-password written though the password was given" >&2; exit 1; }
answer=$(curl -sf -u "admin:$password" -X POST http://localhost:8181/api/events \
  -H 'Content-Type: application/json' \
  --data-binary '{"id":"pr:acme/x#1:closed","type":"pr.closed","source":"api","occurredAt":"2026-03-01T00:00:00Z","repo":"acme/x","schema":1,"data":{"number":1,"closedAt":"2026-03-01T00:00:00Z"}}')
[ "$answer" = '{"accepted":1,"duplicates":0,"revisions":0}' ] || { echo "unexpected answer $answer" >&2; exit 1; }
stored=$(su postgres -c "psql -d podometer_smoke -tAc 'select count(*) from raw_event'")
[ "$stored" = 1 ] || { echo "expected 1 raw event in PostgreSQL, found $stored" >&2; exit 1; }
if grep -qF "$password" "$log"; then echo "the admin password is in the log" >&2; exit 1; fi
if grep -n ' ERROR ' "$log"; then echo "ERROR lines in the log" >&2; exit 1; fi
echo "production artifact on PostgreSQL: passed"
