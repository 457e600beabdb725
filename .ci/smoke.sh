#!/usr/bin/env bash
# Boots ./podometer with a fresh data directory as a user would, runs the README's curl example
# verbatim, fetches the dashboard and the Chart.js asset, and fails on any ERROR in the log.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
log=$work/podometer.log
PODOMETER_DATA=$work/data ./podometer >"$log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
trap cleanup EXIT

fail() {
  echo "smoke test failed: $*" >&2
  echo "--- last lines of the log" >&2
  tail -n 60 "$log" >&2
  exit 1
}

for _ in $(seq 1 600); do
  curl -sf -o /dev/null http://localhost:8080/q/health/ready && break
  kill -0 "$pid" 2>/dev/null || fail "podometer exited before it was ready"
  sleep 1
done
curl -sf -o /dev/null http://localhost:8080/q/health/ready || fail "not ready after 10 minutes"
echo "ready: $(grep -m1 -o 'demo organization loaded.*' "$log" || echo 'no demo line')"

# The README's example, extracted verbatim (between the ci:example markers).
awk '/<!-- ci:example-begin -->/{on=1;next} /<!-- ci:example-end -->/{on=0} on && !/^```/' README.md \
  >"$work/example.sh"
[ -s "$work/example.sh" ] || fail "README has no ci:example block"
PODOMETER_DATA=$work/data bash -euo pipefail "$work/example.sh" >"$work/example.out" \
  || fail "README example failed"
cat "$work/example.out"
grep -q '"accepted":2' "$work/example.out" || fail "README example was not accepted"
grep -q '"mergeCommitSha"' "$work/example.out" || fail "README example is not visible through the API"

# No open dashboard: a browser is sent to the login page, the API wants credentials.
[ "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H 'Accept: text/html' http://localhost:8080/)" \
  = "302 http://localhost:8080/login?next=%2F" ] || fail "the dashboard is open without a login"
[ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:8080/api/metrics?scope=org)" = 401 ] \
  || fail "the API answers without credentials"
curl -sf http://localhost:8080/login | grep -q 'name="password"' || fail "no login page"
[ "$(stat -c %a "$work/data/admin-password")" = 600 ] || fail "admin-password is not private"
grep -qF "$(cat "$work/data/admin-password")" "$log" && fail "the admin password is in the log"
admin="admin:$(cat "$work/data/admin-password")"
# the command line sends with its token file
printf '%s\n' '{"id":"deploy:smoke:1","type":"deployment.finished","source":"api","occurredAt":"2026-03-04T16:00:00Z","schema":1,"data":{"deploymentId":"smoke-1","service":"smoke","environment":"production","status":"success","finishedAt":"2026-03-04T16:00:00Z"}}' \
  | PODOMETER_DATA=$work/data ./podometer send | tee "$work/send.out"
grep -q '^sent: 1 accepted' "$work/send.out" || fail "./podometer send did not send"

page=$(curl -sf -u "$admin" http://localhost:8080/) || fail "GET / failed"
grep -q '/webjars/chart.js/dist/chart.umd.js' <<<"$page" || fail "the dashboard does not load Chart.js"
grep -q '/js/figures.js' <<<"$page" || fail "the dashboard does not load its script"
curl -sf -o "$work/chart.umd.js" http://localhost:8080/webjars/chart.js/dist/chart.umd.js \
  || fail "Chart.js asset not served"
grep -q 'Chart' "$work/chart.umd.js" || fail "the Chart.js asset is not Chart.js"
figures=$(curl -sf -u "$admin" 'http://localhost:8080/api/metrics?scope=org&metric=ai_code_share,lead_time_p50_hours') \
  || fail "GET /api/metrics failed"
grep -q '"value":0\.[0-9]' <<<"$figures" || fail "the demo organization has no AI code share"
grep -q '"tier":"' <<<"$figures" || fail "the demo organization's lead time has no tier"
curl -sf -u "$admin" 'http://localhost:8080/pods' | grep -q 'pods-table' || fail "GET /pods failed"
curl -sf -u "$admin" 'http://localhost:8080/api/metrics/table?kind=pod' | grep -q '"rows":\[{' || fail "no pod table"
curl -sf -o /dev/null -u "$admin" http://localhost:8080/q/openapi || fail "no OpenAPI document"
curl -sf -o /dev/null http://localhost:8080/q/health/live || fail "not live"

if grep -n ' ERROR ' "$log"; then
  fail "ERROR lines in the log"
fi
echo "smoke test passed"
