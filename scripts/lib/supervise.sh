# shellcheck shell=bash
# Sourced by scripts/demo.sh: runs long-lived processes side by side until one exits or the user presses Ctrl-C,
# then stops them all. Each child gets its own process group (npm, tsx and next start grandchildren, and only
# signalling the group reaches them); Ctrl-C therefore reaches only this script, which does the stopping.

supervised=()

# start_child COMMAND [ARGS…]: runs it in the background in a new process group. From the first child on,
# Ctrl-C or TERM stops them all and exits with 130/143.
start_child() {
  trap 'printf "\n"; say "stopping…"; stop_children; exit 130' INT
  trap 'say "stopping…"; stop_children; exit 143' TERM
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

# SIGTERM to every group; what still runs after $1 seconds (default 15: the worker finishes its running jobs)
# is killed.
stop_children() {
  local grace=${1:-15} pid i
  trap - INT TERM
  for pid in "${supervised[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for ((i = 0; i < grace * 10; i++)); do
    any_child_alive || break
    sleep 0.1
  done
  for pid in "${supervised[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}

# Blocks until a child exits (or a signal arrives, see start_child), stops the others and exits with its status.
supervise_children() {
  local status=0
  wait -n "${supervised[@]}" || status=$?
  say "a process exited (status $status): stopping the others"
  stop_children
  exit "$status"
}
