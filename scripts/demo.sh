#!/usr/bin/env bash
# `npm run demo`: from a fresh machine (Node 20) to a running portal with demo data. Checks the services, migrates
# the database, generates and imports the synthetic data set once, seeds the demo users, builds when the sources
# changed, then runs `npm start` (scripts/serve.mjs) and the worker until Ctrl-C, which stops both.
#
# Overrides: PORT (3000), HOST (127.0.0.1: the demo's passwords are public, so it listens on this machine only;
# HOST=0.0.0.0 opens it to the network), DEMO_DECLARATIONS (200000), PMC_DEMO_DB (pmc; a trial database also gets its
# own queue prefix, so its worker never takes the main demo's jobs), PMC_APP_ROLE (pmc_app: the least-privileged
# role the portal and the worker connect as).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/services.sh
source scripts/lib/services.sh
# shellcheck source=scripts/lib/supervise.sh
source scripts/lib/supervise.sh

DEMO_DB=${PMC_DEMO_DB:-pmc}
PORT=${PORT:-3000}
HOST=${HOST:-127.0.0.1}
APP_ROLE=${PMC_APP_ROLE:-pmc_app}
DEMO_DECLARATIONS=${DEMO_DECLARATIONS:-200000}
DEMO_SEED=42
DATASET=data/demo
AUTH_SECRET_FILE=data/.auth-secret

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# One secret per checkout, kept across runs so that sessions survive a restart; data/ is git-ignored.
load_auth_secret() {
  if [ ! -s "$AUTH_SECRET_FILE" ]; then
    mkdir -p "$(dirname "$AUTH_SECRET_FILE")"
    (umask 077 && node -e 'console.log(require("node:crypto").randomBytes(32).toString("base64url"))' >"$AUTH_SECRET_FILE")
  fi
  AUTH_SECRET=$(cat "$AUTH_SECRET_FILE")
  export AUTH_SECRET
}

# Generated into a side folder and renamed at the end, so an interrupted run never leaves half a data set behind.
generate_dataset() {
  local wanted="declarations=$DEMO_DECLARATIONS seed=$DEMO_SEED"
  if [ -f "$DATASET/.generated" ] && [ "$(cat "$DATASET/.generated")" = "$wanted" ]; then
    return 0
  fi
  say "generating the demo data set ($DEMO_DECLARATIONS declarations, seed $DEMO_SEED) into $DATASET"
  rm -rf "$DATASET.partial"
  npx --no-install pmc generate --out "$DATASET.partial" --declarations "$DEMO_DECLARATIONS" --seed "$DEMO_SEED" ||
    die "pmc generate failed"
  [ -f "$DATASET.partial/declarations.csv" ] || die "pmc generate wrote no $DATASET.partial/declarations.csv"
  echo "$wanted" >"$DATASET.partial/.generated"
  rm -rf "$DATASET"
  mv "$DATASET.partial" "$DATASET"
}

declarations_in_db() { psql_admin -d "$DEMO_DB" -Atc 'select count(*) from declarations'; }

# Re-importing is a no-op but reads every file again; a stamp of (data set, declarations stored) per database lets
# a second `npm run demo` skip it, and goes stale by itself when the data set is regenerated or the database reset.
import_dataset() {
  local stamp="data/.demo-imported-$DEMO_DB" dataset_id expected
  dataset_id="$(cat "$DATASET/.generated") $(stat -c %Y "$DATASET/.generated")"
  if [ -f "$stamp" ]; then
    expected="$dataset_id declarations=$(declarations_in_db)"
    [ "$(cat "$stamp")" = "$expected" ] && return 0
  fi
  say "importing $DATASET into database $DEMO_DB"
  # As the tables' owner, as an operator's first load: only the owner may rebuild the indexes after a bulk load.
  DATABASE_URL=$DATABASE_OWNER_URL npx --no-install pmc import --dir "$DATASET" || die "pmc import --dir $DATASET failed"
  echo "$dataset_id declarations=$(declarations_in_db)" >"$stamp"
}

seed_demo_users() {
  if [ ! -f scripts/seed-demo-users.ts ]; then
    say "WARNING: scripts/seed-demo-users.ts not present yet: no demo users were created"
    return 0
  fi
  npx --no-install tsx --require ./lib/runtime/allow-server-only.cjs scripts/seed-demo-users.ts ||
    die "seeding the demo users failed"
}

# Sources that end up in the build; tests and data do not.
needs_build() {
  [ -f .next/BUILD_ID ] || return 0
  local inputs=() path
  for path in app components lib jobs proxy.ts middleware.ts public messages next.config.* postcss.config.* \
    tsconfig.json package-lock.json prisma/schema.prisma; do
    [ -e "$path" ] && inputs+=("$path")
  done
  [ -n "$(find "${inputs[@]}" -type f ! -name '*.test.ts' -newer .next/BUILD_ID -print -quit)" ]
}

answers_http() { curl -s -o /dev/null --max-time 5 "$1"; }

require_node
port_in_use "$PORT" && die "port $PORT is already in use: stop what runs there or choose another with PORT=…"
ensure_postgres
ensure_redis
ensure_node_modules
ensure_pg_client_tools
ensure_app_role "$APP_ROLE"
ensure_database "$DEMO_DB"
grant_app_role "$DEMO_DB" "$APP_ROLE"

# Migrations and pmc db reset|backup|restore run as the owner; everything else as the least-privileged role.
DATABASE_OWNER_URL=$(db_url "$DEMO_DB")
DATABASE_URL=$(PMC_PG_USER=$APP_ROLE db_url "$DEMO_DB")
export DATABASE_OWNER_URL DATABASE_URL
export REDIS_URL="redis://$PMC_REDIS_HOST:$PMC_REDIS_PORT"
# The queue prefix is the database's name (lib/env.ts): a trial database's worker never takes the main demo's jobs.
unset QUEUE_PREFIX
export NEXT_TELEMETRY_DISABLED=1
# Auth.js only trusts the Host header it is told to when not on Vercel.
export AUTH_TRUST_HOST=true
load_auth_secret

generate_dataset
import_dataset
users=$(seed_demo_users)

if needs_build; then
  say "building the portal (npm run build)"
  npm run --silent build || die "npm run build failed"
fi

start_child env NODE_ENV=production node scripts/serve.mjs -p "$PORT" -H "$HOST"
start_child env NODE_ENV=production npm run --silent worker

url="http://127.0.0.1:$PORT"
for ((i = 0; i < 120; i++)); do
  answers_http "$url" && break
  kill -0 -- "-${supervised[0]}" 2>/dev/null || break
  sleep 1
done
if answers_http "$url"; then
  printf '\n%s\n\nPMC Portal is running at %s (database %s). Ctrl-C stops the portal and the worker.\n\n' \
    "$users" "$url" "$DEMO_DB"
else
  say "the portal did not answer at $url"
fi

supervise_children
