# shellcheck shell=bash
# Sourced by scripts/demo.sh: runs long-lived processes side by side until one exits or the user presses Ctrl-C,
# then stops them all. Each child gets its own process group (npm and next start grandchildren, and only signalling
# the group reaches them); Ctrl-C therefore reaches only this script, which does the stopping: SIGTERM to every
# group, then the grace period, which is longer than the worker's own (it finishes or hands back its running job
# within WORKER_SHUTDOWN_GRACE_SECONDS, docs/operations.md). Only what still runs after it is killed.

supervised=()

# The worker's grace period plus time to hand its jobs back and close its connections.
supervise_grace() { echo $((${WORKER_SHUTDOWN_GRACE_SECONDS:-30} + 15)); }

# start_child COMMAND [ARGS…]: runs it in the background in a new process group. From the first child on, Ctrl-C
# or TERM stops them all; the script then exits 0 if every child stopped by itself within the grace period, 1 if
# one had to be killed.
start_child() {
  trap 'printf "\n"; say "stopping…"; stop_children; exit $?' INT
  trap 'say "stopping…"; stop_children; exit $?' TERM
  set -m
  "$@" &
  supervised+=("$!")
  set +m
}

any_child_alive() {
  local pid
  for pid in "${supervised[@]}"; do kill -0 -- "-$pid" 2>/dev/null && return 0; done
  return 1
}

# SIGTERM to every group; what still runs after $1 seconds (default: supervise_grace) is killed, and the status is
# then 1.
stop_children() {
  local grace=${1:-$(supervise_grace)} pid i status=0
  trap - INT TERM
  for pid in "${supervised[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for ((i = 0; i < grace * 10; i++)); do
    any_child_alive || break
    sleep 0.1
  done
  if any_child_alive; then
    say "still running after ${grace} s: killed"
    for pid in "${supervised[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
    status=1
  fi
  wait 2>/dev/null || true
  return "$status"
}

# Blocks until a child exits (or a signal arrives, see start_child), stops the others and exits with its status.
supervise_children() {
  local status=0
  wait -n "${supervised[@]}" || status=$?
  say "a process exited (status $status): stopping the others"
  stop_children || true
  exit "$status"
}
