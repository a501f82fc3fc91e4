#!/usr/bin/env bash
# `npm test`: the whole suite on a fresh machine. Makes sure the services answer, then runs the vitest projects
# unit → integration → e2e, stops at the first failing one, and ends with the line "N passed, N failed" that CI
# reads (counted from vitest's JSON reports).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/services.sh
source scripts/lib/services.sh

require_node
ensure_postgres
ensure_redis
ensure_node_modules
ensure_chromium
export NEXT_TELEMETRY_DISABLED=1

reports=test-results/vitest
mkdir -p "$reports"
rm -f "$reports"/*.json

status=0
timings=()
for project in unit integration e2e; do
  started=$SECONDS
  say "vitest project $project"
  # --passWithNoTests: a project without test files yet is not a failure.
  npx --no-install vitest run --project "$project" --passWithNoTests \
    --reporter=default --reporter=json --outputFile.json="$reports/$project.json" || status=$?
  timings+=("$project $((SECONDS - started))s")
  # The exit code is kept beside the report: a crash before any test ran leaves no failed test to count.
  echo "$status" >"$reports/$project.exit"
  [ "$status" -eq 0 ] || break
done

say "time: ${timings[*]}"
node scripts/lib/summarize-vitest.mjs "$reports"
exit "$status"
