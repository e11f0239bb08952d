#!/usr/bin/env bash
# Instruction counts (valgrind --tool=callgrind, release build) of one 200x50 frame, render + diff, at FRAME_JOBS
# jobs, and of one poll cycle at POLL_JOBS jobs. Runs Benchmarks/Sources/batchtop-callgrind.
#   frame: counted with --toggle-collect on `measuredFrame` (set-up not counted).
#   poll:  a cycle is async (partial functions on the cooperative pool), which --toggle-collect cannot bracket, so
#          whole runs with 0, 1 and 2 measured cycles (after the same set-up and 2 warm-up cycles) are subtracted.
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

printf '%-44s %15s\n' "piece (release, callgrind Ir)" "instructions"
printf '%-44s %15s\n' "frame 200x50 render+diff, $frame_jobs jobs" "$frame"
printf '%-44s %15s\n' "poll cycle, $poll_jobs jobs (run 1 - run 0)" "$((poll1 - poll0))"
printf '%-44s %15s\n' "poll cycle, $poll_jobs jobs (run 2 - run 1)" "$((poll2 - poll1))"
printf '%-44s %15s\n' "  whole runs with 0 / 1 / 2 cycles" "$poll0 / $poll1 / $poll2"
