#!/usr/bin/env bash
# `npm run bench`: every benchmark, i.e. every `bench:*` script of package.json, in turn. Each one prepares its own
# databases and data and writes its figures to bench/results/*.json; this script only makes sure the services run.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/services.sh
source scripts/lib/services.sh

require_node
mapfile -t benchmarks < <(node -p 'Object.keys(require("./package.json").scripts).filter((s) => s.startsWith("bench:")).join("\n")')
if [ -z "${benchmarks[*]}" ]; then
  say "no bench:* scripts in package.json yet"
  exit 0
fi

ensure_postgres
ensure_redis
ensure_node_modules
export NEXT_TELEMETRY_DISABLED=1

for benchmark in "${benchmarks[@]}"; do
  started=$SECONDS
  say "npm run $benchmark"
  npm run --silent "$benchmark" || die "$benchmark failed"
  say "$benchmark: $((SECONDS - started)) s"
done
say "results in bench/results/"
