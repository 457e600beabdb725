#!/usr/bin/env bash
# Installs (if missing) and starts a local PostgreSQL with a `podometer` role and test database.
# Fails, never skips, when PostgreSQL cannot start.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432 || { echo "PostgreSQL did not start" >&2; exit 1; }
su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'podometer') THEN
    CREATE ROLE podometer LOGIN PASSWORD 'podometer';
  END IF;
END $$;
DROP DATABASE IF EXISTS podometer_test;
CREATE DATABASE podometer_test OWNER podometer;
-- the benchmark's database (./podometer bench-ingest --db pg empties it first)
SELECT 'CREATE DATABASE podometer_bench OWNER podometer'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'podometer_bench')\gexec
SQL
echo "PostgreSQL $version ready on 127.0.0.1:5432 (databases podometer_test, podometer_bench)"
