#!/usr/bin/env bash
# `npm test`: the whole suite on a fresh machine. Makes sure the services answer, runs the typecheck and the lint,
# then the vitest projects unit → integration → e2e, stopping at the first failing project, and ends with the line
# "N passed, N failed, N skipped" that CI reads (counted from vitest's JSON reports; a failed typecheck or lint
# counts as one failure). A failed typecheck or lint fails the run but does not stop the tests: one run tells all.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/services.sh
source scripts/lib/services.sh

require_node
ensure_postgres
ensure_redis
ensure_node_modules
ensure_chromium
ensure_pg_client_tools
ensure_app_role "${PMC_APP_ROLE:-pmc_app}"
export NEXT_TELEMETRY_DISABLED=1

reports=test-results/vitest
mkdir -p "$reports"
# A stale .exit would be counted again, e.g. e2e's of an earlier run when this one stops before e2e.
rm -f "$reports"/*.json "$reports"/*.exit

status=0
timings=()

# Runs step $1 (the command is the rest) and keeps its exit code beside the reports for the summary.
run_step() {
  local step=$1 started=$SECONDS code=0
  shift
  say "$step"
  "$@" || code=$?
  timings+=("$step $((SECONDS - started))s")
  echo "$code" >"$reports/$step.exit"
  [ "$code" -eq 0 ] || status=$code
  return "$code"
}

run_step typecheck npm run --silent typecheck || true
run_step lint npm run --silent lint || true
for project in unit integration e2e; do
  # --passWithNoTests: a project without test files yet is not a failure.
  run_step "$project" npx --no-install vitest run --project "$project" --passWithNoTests \
    --reporter=default --reporter=json --outputFile.json="$reports/$project.json" || break
done

say "time: ${timings[*]}"
node scripts/lib/summarize-vitest.mjs "$reports"
exit "$status"
