# shellcheck shell=bash
# Sourced by scripts/demo.sh and scripts/test.sh: makes sure what the portal needs on this machine answers
# (Node ≥ 20.9, PostgreSQL, Redis, node_modules, the Prisma client, Chromium). Each ensure_* is idempotent: silent
# when all is well, starts or installs what it can, and otherwise exits with what to do.

PMC_PG_HOST=127.0.0.1
PMC_PG_PORT=5432
PMC_PG_USER=postgres
PMC_REDIS_HOST=127.0.0.1
PMC_REDIS_PORT=6379
PMC_CHROMIUM=/usr/bin/chromium

say() { printf '[pmc] %s\n' "$*" >&2; }
die() {
  printf '[pmc] ERROR: %s\n' "$*" >&2
  exit 1
}

# Database URL on the local server for database $1 (the form lib/env.ts and prisma.config.ts expect).
db_url() { printf 'postgresql://%s@%s:%s/%s' "$PMC_PG_USER" "$PMC_PG_HOST" "$PMC_PG_PORT" "$1"; }

psql_admin() { psql -X -w -q -h "$PMC_PG_HOST" -p "$PMC_PG_PORT" -U "$PMC_PG_USER" -d postgres -v ON_ERROR_STOP=1 "$@"; }

can_install_packages() { [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; }

# apt-get waits for a lock held by another install instead of failing; an empty package index is refreshed once.
apt_install() {
  say "installing $* with apt-get (one time)"
  local apt=(apt-get -o DPkg::Lock::Timeout=900 -o Dpkg::Use-Pty=0 -qq)
  if ! DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "$@" >/dev/null; then
    "${apt[@]}" update >/dev/null || true
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "$@" >/dev/null ||
      die "apt-get install $* failed"
  fi
}

# Polls "$@" once a second for up to $1 seconds.
wait_until() {
  local seconds=$1
  shift
  local i
  for ((i = 0; i < seconds; i++)); do
    "$@" && return 0
    sleep 1
  done
  "$@"
}

require_node() {
  command -v node >/dev/null 2>&1 || die "Node.js is not installed: install Node 20 (20.9 or later), then rerun."
  local version major minor
  version=$(node -p 'process.versions.node')
  major=${version%%.*}
  minor=${version#*.}
  minor=${minor%%.*}
  if ((major < 20 || (major == 20 && minor < 9))); then
    die "Node $version is too old: PMC Portal needs Node 20.9 or later (Node 20 LTS recommended)."
  fi
}

# --- PostgreSQL -------------------------------------------------------------------------------------------------

pg_answers() { psql_admin -Atc 'select 1' >/dev/null 2>&1; }
pg_listening() { pg_isready -q -h "$PMC_PG_HOST" -p "$PMC_PG_PORT" >/dev/null 2>&1; }
pg_version_installed() { ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1; }
pg_server_installed() { compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; }

start_postgres() {
  local version
  version=$(pg_version_installed)
  if [ -n "$version" ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 && return 0
  fi
  if command -v service >/dev/null 2>&1; then
    service postgresql start >/dev/null 2>&1 && return 0
  fi
  local pg_ctl data
  pg_ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1)
  data=$(ls -d /var/lib/postgresql/*/main 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$pg_ctl" ] && [ -n "$data" ] && command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$pg_ctl" -D "$data" -l /tmp/pmc-postgresql.log -w start >/dev/null 2>&1 && return 0
  fi
  return 1
}

# Debian's cluster asks for a password on TCP; our tools connect as postgres over 127.0.0.1 without one.
trust_local_postgres() {
  local version hba
  version=$(pg_version_installed)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  [ -f "$hba" ] || die "cannot find $hba to allow local connections as postgres"
  if ! grep -q '^host all postgres 127.0.0.1/32 trust' "$hba"; then
    sed -i '1i host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main reload >/dev/null 2>&1 ||
    service postgresql reload >/dev/null 2>&1 || true
}

ensure_postgres() {
  pg_answers && return 0
  if ! command -v psql >/dev/null 2>&1 || ! pg_server_installed; then
    install_postgres
  fi
  if ! pg_listening; then
    say "PostgreSQL is not running on $PMC_PG_HOST:$PMC_PG_PORT: starting it"
    start_postgres || die "could not start PostgreSQL: try 'pg_ctlcluster --skip-systemctl-redirect $(pg_version_installed) main start' as root and read its log in /var/log/postgresql/"
    wait_until 30 pg_listening || die "PostgreSQL did not start within 30 s (see /var/log/postgresql/)"
  fi
  wait_until 5 pg_answers && return 0
  die "PostgreSQL answers on $PMC_PG_HOST:$PMC_PG_PORT but refuses user $PMC_PG_USER without a password: add 'host all postgres 127.0.0.1/32 trust' at the top of pg_hba.conf and reload PostgreSQL."
}

install_postgres() {
  can_install_packages ||
    die "PostgreSQL is not installed. Install it (Debian/Ubuntu: sudo apt-get install postgresql), allow 'host all postgres 127.0.0.1/32 trust' in pg_hba.conf, start it, then rerun."
  apt_install postgresql
  start_postgres || true
  wait_until 30 pg_listening || die "PostgreSQL was installed but did not start (see /var/log/postgresql/)"
  trust_local_postgres
}

# `prisma migrate deploy` costs over 10 s even with nothing to do (docs/decisions/001-prisma-offline.md): ask the
# database first whether every migration folder has been applied.
has_pending_migrations() {
  local applied dir
  applied=$(psql_admin -d "$1" -Atc "select migration_name from _prisma_migrations
    where finished_at is not null and rolled_back_at is null" 2>/dev/null) || return 0
  for dir in prisma/migrations/*/; do
    grep -qxF "$(basename "$dir")" <<<"$applied" || return 0
  done
  return 1
}

# Creates database $1 if missing, then applies the migrations of prisma/migrations to it.
ensure_database() {
  local name=$1 output
  [[ $name =~ ^[a-z_][a-z0-9_]*$ ]] || die "invalid database name '$name'"
  if [ "$(psql_admin -Atc "select 1 from pg_database where datname = '$name'")" != 1 ]; then
    say "creating database $name"
    psql_admin -c "create database \"$name\"" || die "could not create database $name"
  fi
  has_pending_migrations "$name" || return 0
  if ! output=$(DATABASE_URL=$(db_url "$name") npx --no-install prisma migrate deploy 2>&1); then
    printf '%s\n' "$output" >&2
    die "prisma migrate deploy failed on database $name"
  fi
  if grep -q 'migrations have been successfully applied\|migration has been successfully applied' <<<"$output"; then
    say "database $name: migrations applied"
  fi
}

# --- Redis ------------------------------------------------------------------------------------------------------

# Speaks RESP over bash's /dev/tcp so that no redis-cli is needed to check.
redis_answers() {
  (
    exec 3<>"/dev/tcp/$PMC_REDIS_HOST/$PMC_REDIS_PORT" || exit 1
    printf 'PING\r\n' >&3
    IFS= read -r -t 2 reply <&3 || exit 1
    [ "${reply%$'\r'}" = "+PONG" ]
  ) 2>/dev/null
}

ensure_redis() {
  redis_answers && return 0
  if ! command -v redis-server >/dev/null 2>&1; then
    can_install_packages ||
      die "Redis is not installed. Install it (Debian/Ubuntu: sudo apt-get install redis-server), start it on $PMC_REDIS_HOST:$PMC_REDIS_PORT, then rerun."
    apt_install redis-server
    wait_until 5 redis_answers && return 0
  fi
  say "Redis is not running on $PMC_REDIS_HOST:$PMC_REDIS_PORT: starting it"
  # Queues are rebuilt from PostgreSQL, so nothing is kept on disk.
  redis-server --daemonize yes --bind "$PMC_REDIS_HOST" --port "$PMC_REDIS_PORT" --save "" --appendonly no \
    >/dev/null || die "could not start redis-server"
  wait_until 10 redis_answers || die "Redis did not answer on $PMC_REDIS_HOST:$PMC_REDIS_PORT within 10 s"
}

# --- Node packages, Prisma client, Chromium ---------------------------------------------------------------------

ensure_node_modules() {
  # npm rewrites node_modules/.package-lock.json on every install: older than the lockfile = out of date.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed"
  fi
  local client=node_modules/.prisma/client/index.js output
  if [ ! -f "$client" ] || [ prisma/schema.prisma -nt "$client" ]; then
    say "generating the Prisma client"
    if ! output=$(npx --no-install prisma generate 2>&1); then
      printf '%s\n' "$output" >&2
      die "prisma generate failed"
    fi
  fi
}

# End-to-end tests drive Debian's Chromium through playwright-core (Playwright's own browsers cannot be downloaded).
ensure_chromium() {
  [ -x "$PMC_CHROMIUM" ] && return 0
  can_install_packages ||
    die "Chromium is missing at $PMC_CHROMIUM (needed by the end-to-end tests): install it (Debian: sudo apt-get install chromium), then rerun."
  apt_install chromium
  [ -x "$PMC_CHROMIUM" ] || die "apt-get installed chromium but $PMC_CHROMIUM is still missing"
}

# --- PostgreSQL client tools --------------------------------------------------------------------------------------

# pg_dump and pg_restore, for `pmc db backup|restore` and their test; a PostgreSQL server install brings them.
ensure_pg_client_tools() {
  command -v pg_dump >/dev/null 2>&1 && command -v pg_restore >/dev/null 2>&1 && return 0
  can_install_packages ||
    die "pg_dump/pg_restore are missing (needed by pmc db backup|restore): install them (Debian: sudo apt-get install postgresql-client), then rerun."
  apt_install postgresql-client
  command -v pg_dump >/dev/null 2>&1 || die "apt-get installed postgresql-client but pg_dump is still missing"
}

# The portal's least-privileged role $1 (lib/database/app-role.ts) exists and may log in over 127.0.0.1 without a
# password, like postgres (Debian's cluster asks one on TCP for every other role).
app_role_answers() { psql -X -w -q -h "$PMC_PG_HOST" -p "$PMC_PG_PORT" -U "$1" -d postgres -Atc 'select 1' >/dev/null 2>&1; }
ensure_app_role() {
  local role=$1 version hba
  [[ $role =~ ^[a-z_][a-z0-9_]*$ ]] || die "invalid role name '$role'"
  if [ "$(psql_admin -Atc "select 1 from pg_roles where rolname = '$role'")" != 1 ]; then
    psql_admin -c "create role $role login nosuperuser nocreatedb nocreaterole noinherit" >/dev/null 2>&1 || true
  fi
  app_role_answers "$role" && return 0
  can_install_packages || die "PostgreSQL refuses role $role without a password: add 'host all $role 127.0.0.1/32 trust' at the top of pg_hba.conf and reload PostgreSQL."
  version=$(pg_version_installed)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  [ -f "$hba" ] || die "cannot find $hba to allow local connections as $role"
  sed -i "1i host all $role 127.0.0.1/32 trust\nhost all $role ::1/128 trust" "$hba"
  pg_ctlcluster --skip-systemctl-redirect "$version" main reload >/dev/null 2>&1 ||
    service postgresql reload >/dev/null 2>&1 || true
  wait_until 5 app_role_answers "$role" || die "PostgreSQL still refuses role $role (see $hba)"
}

# The portal's least-privileged role (lib/database/app-role.ts) on database $1, granted again after every migration.
grant_app_role() {
  npx --no-install tsx scripts/grant-app-role.ts "$(db_url "$1")" "$2" || die "granting role $2 on database $1 failed"
}
