#!/usr/bin/env bash
# Start (or install and start) the services the test suite talks to: PostgreSQL on
# 127.0.0.1:5432 with a database named "test". Idempotent; quiet when all is well.
set -euo pipefail
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

pg_up() { command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; }

if ! pg_up; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "PostgreSQL not installed: installing it" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  fi
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  pg_up || { echo "PostgreSQL did not start on 127.0.0.1:5432" >&2; exit 1; }
fi
if ! psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
  # Fresh installs need trust auth on loopback and the "test" database.
  hba="$(ls /etc/postgresql/*/main/pg_hba.conf | sort -V | tail -n 1)"
  if ! grep -q "possync-test" "$hba"; then
    $SUDO sed -i '1i host all all 127.0.0.1/32 trust # possync-test' "$hba"
    $SUDO su postgres -c "psql -c 'select pg_reload_conf()'" >/dev/null
  fi
  $SUDO su postgres -c "createdb test" 2>/dev/null || true
fi
