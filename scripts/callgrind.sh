#!/usr/bin/env bash
# Instruction counts (valgrind --tool=callgrind, release build) of one 200x50 frame, render + diff, at FRAME_JOBS
# jobs, and of one poll cycle at POLL_JOBS jobs. Runs Benchmarks/Sources/batchtop-callgrind.
#   frame: counted with --toggle-collect on `measuredFrame` (set-up not counted).
#   poll:  a cycle is async (partial functions on the cooperative pool), which --toggle-collect cannot bracket, so
#          whole runs with 0, 1, 2 and 4 measured cycles (after the same set-up and 2 warm-up cycles) are subtracted.
#          Single-cycle differences move by tens of millions from run to run (the async pieces land on threads in a
#          different order); the average over four is steadier, and steadiest are the inclusive counts of the two
#          synchronous functions that do the cycle's work, Poller.absorb and Poller.makeSnapshot, over the run with
#          four cycles (six cycles in all, the warm-up ones included; compare them between builds).
# Usage: scripts/callgrind.sh [FRAME_JOBS=100000] [POLL_JOBS=10000]
set -euo pipefail
frame_jobs=${1:-100000}
poll_jobs=${2:-10000}
cd "$(dirname "$0")/../Benchmarks"
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind is missing (apt-get install -y valgrind)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product batchtop-callgrind > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
# valgrind 3.19 cannot read the DWARF 5 debug info of this toolchain: run a copy without it (symbols stay).
strip --strip-debug -o "$work/batchtop-callgrind" "$(swift build -c release --show-bin-path)/batchtop-callgrind"
bin=$work/batchtop-callgrind

# The exact symbol of measuredFrame (Swift names are not demangled by valgrind).
symbol=$(nm "$bin" | awk '$2 ~ /^[Tt]$/ && $3 ~ /measuredFrame/ && $3 ~ /tF$/ {print $3}' | head -n 1)
[[ -n $symbol ]] || { echo "callgrind.sh: measuredFrame not found in $bin" >&2; exit 1; }

# Runs the rest of the line under callgrind and prints the instructions it collected ("Collected : N").
collected() {
  local name=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file="$work/$name.out" --log-file="$work/$name.log" "$@" >"$work/$name.txt"
  local count
  count=$(awk '/Collected :/ {print $NF}' "$work/$name.log")
  [[ -n $count ]] || { cat "$work/$name.log" >&2; echo "callgrind.sh: the $name run failed" >&2; exit 1; }
  echo "$count"
}

frame=$(collected frame --collect-atstart=no --toggle-collect="$symbol" "$bin" frame "$frame_jobs")
poll0=$(collected poll0 "$bin" poll "$poll_jobs" 0)
poll1=$(collected poll1 "$bin" poll "$poll_jobs" 1)
poll2=$(collected poll2 "$bin" poll "$poll_jobs" 2)
poll4=$(collected poll4 "$bin" poll "$poll_jobs" 4)

# Inclusive instructions of one function in the run with four cycles (Swift names demangled to find it). awk reads
# to the end: leaving early would end the pipeline with SIGPIPE, which pipefail turns into a failure.
inclusive() {
  callgrind_annotate --inclusive=yes "$work/poll4.out" 2>/dev/null | swift demangle --simplified \
    | awk -v name="$1" '!found && index($0, name) {gsub(",", "", $1); print $1; found = 1}'
}
absorb=$(inclusive 'Poller.absorb(_:progress:more:) [')
snapshot=$(inclusive 'Poller.makeSnapshot(vouching:')

printf '%-44s %15s\n' "piece (release, callgrind Ir)" "instructions"
printf '%-44s %15s\n' "frame 200x50 render+diff, $frame_jobs jobs" "$frame"
printf '%-44s %15s\n' "poll cycle, $poll_jobs jobs (run 1 - run 0)" "$((poll1 - poll0))"
printf '%-44s %15s\n' "poll cycle, $poll_jobs jobs (run 2 - run 1)" "$((poll2 - poll1))"
printf '%-44s %15s\n' "poll cycle, $poll_jobs jobs ((run 4 - run 0) / 4)" "$(((poll4 - poll0) / 4))"
printf '%-44s %15s\n' "  whole runs with 0 / 1 / 2 / 4 cycles" "$poll0 / $poll1 / $poll2 / $poll4"
printf '%-44s %15s\n' "absorb + makeSnapshot, run with 4 (6 cycles)" "${absorb:-?} + ${snapshot:-?}"
