#!/usr/bin/env bash
# What batchtop costs next to htop, side by side in the same run: the release batchtop (--interval 1) and
# `htop -d 10`, each in its own 120x40 tmux session, for SECONDS per scenario, against `batchtop mock-server`:
#   (a) steady:30   - 30 running jobs whose processed counts all change every second;
#   (b) finished:30 - 30 completed jobs that never change.
# For each program: bytes/s written to its terminal (tmux pipe-pane, after the first frame), CPU % (utime+stime
# from /proc/PID/stat over the window) and wake-ups/s (voluntary + nonvoluntary context switches of all threads,
# /proc/PID/task/*/status, delta over the window). Then, with perf, batchtop's wake-ups with polling paused (p) in
# (b): what the dashboard itself costs when nothing happens. For batchtop in (a) also the floor: from `capture-pane -p` screens
# taken every second, the changed characters (UTF-8 bytes) plus one cursor move per run of changed cells, counted
# as 3 bytes and as a full ESC[row;colH, per second. Text only: capture-pane -p has no colours, so neither has the floor.
# Usage: scripts/measure-cost.sh [SECONDS=60]
set -euo pipefail
seconds=${1:-60}
port=${PORT:-18098}
warmup=${WARMUP:-5}
cd "$(dirname "$0")/.."
if ! command -v htop >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq htop) >/dev/null 2>&1 || { echo "measure-cost.sh: htop is missing" >&2; exit 1; }
fi
work=$(mktemp -d)
socket="batchtop-cost-$$"
server=""
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"
  if [[ -n $server ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
swift build -c release --product batchtop > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
bin=$(swift build -c release --show-bin-path)/batchtop
ticks=$(getconf CLK_TCK)

# utime + stime of a process, in clock ticks (fields 14 and 15; the name in parentheses may hold spaces).
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
# Context switches (voluntary + nonvoluntary) summed over the threads of a process.
switches() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^(non)?voluntary_ctxt_switches/ {n += $2} END {print n + 0}'; }

# Changed characters plus one cursor move per run of changed cells between consecutive screens, per second.
floor_rate() {
  python3 - "$1" "$2" <<'PY'
import glob, sys
screens = [open(p, encoding="utf-8", errors="replace").read().split("\n") for p in sorted(glob.glob(sys.argv[1] + "/screen-*.txt"))]
changed = runs = cup = 0
for before, after in zip(screens, screens[1:]):
    for row in range(max(len(before), len(after))):
        old = before[row] if row < len(before) else ""
        new = after[row] if row < len(after) else ""
        width = max(len(old), len(new))
        old, new = old.ljust(width), new.ljust(width)
        column = 0
        while column < width:
            if old[column] == new[column]:
                column += 1
                continue
            start = column
            while column < width and old[column] != new[column]:
                column += 1
            runs += 1
            cup += len(f"\x1b[{row + 1};{start + 1}H")
            changed += len(new[start:column].encode("utf-8"))
seconds = float(sys.argv[2])
print(f"{changed / seconds:.0f} B/s of changed characters in {runs / seconds:.1f} runs/s: "
      f"{(changed + 3 * runs) / seconds:.0f} B/s with 3-byte moves, {(changed + cup) / seconds:.0f} B/s with ESC[row;colH moves")
PY
}

printf '%-28s %-11s %10s %7s %11s\n' scenario program "bytes/s" "CPU %" "wakeups/s"
for scenario in steady:30 finished:30; do
  "$bin" mock-server --port "$port" --api-key bench --scenario "$scenario" >/dev/null 2>&1 &
  server=$!
  sleep 1
  tmux -L "$socket" -f /dev/null new-session -d -s batchtop -x 120 -y 40 -e LANG=C.UTF-8 \
    "exec env XDG_CONFIG_HOME=$work LLAMA_CLOUD_BASE_URL=http://127.0.0.1:$port LLAMA_CLOUD_API_KEY=bench $bin --interval 1"
  tmux -L "$socket" new-session -d -s htop -x 120 -y 40 -e LANG=C.UTF-8 "exec htop -d 10"
  sleep "$warmup"   # the first full frames are not counted
  declare -A pid=() cpu0=() sw0=()
  for program in batchtop htop; do
    pid[$program]=$(tmux -L "$socket" list-panes -t "$program" -F '#{pane_pid}')
    : > "$work/$program.bytes"
  done
  for program in batchtop htop; do
    tmux -L "$socket" pipe-pane -t "$program" -o "cat > $work/$program.bytes"
    cpu0[$program]=$(cpu_ticks "${pid[$program]}")
    sw0[$program]=$(switches "${pid[$program]}")
  done
  rm -f "$work"/screen-*.txt
  started=$(date +%s.%N)
  for ((second = 0; second <= seconds; second++)); do
    tmux -L "$socket" capture-pane -p -t batchtop > "$work/screen-$(printf %05d "$second").txt"
    if ((second < seconds)); then sleep 1; fi
  done
  elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.3f", b - a}')
  for program in batchtop htop; do
    cpu1=$(cpu_ticks "${pid[$program]}")
    sw1=$(switches "${pid[$program]}")
    tmux -L "$socket" pipe-pane -t "$program"
    bytes=$(wc -c < "$work/$program.bytes")
    name=$program
    [[ $program == htop ]] && name="htop -d 10"
    label="$scenario"
    [[ $program == batchtop ]] && label="$scenario (--interval 1)"
    awk -v s="$label" -v p="$name" -v b="$bytes" -v c="$((cpu1 - cpu0[$program]))" -v w="$((sw1 - sw0[$program]))" \
      -v t="$elapsed" -v hz="$ticks" 'BEGIN {printf "%-28s %-11s %10d %7.2f %11.1f\n", s, p, b / t, 100 * c / hz / t, w / t}'
  done
  if [[ $scenario == steady:30 ]]; then steady_floor=$(floor_rate "$work" "$elapsed"); fi
  if [[ $scenario == finished:30 ]] && command -v perf >/dev/null; then
    # The dashboard alone: polling paused (p), nothing on screen depending on the clock. perf counts the switches
    # of threads that exit during the window too, which the /proc sums above cannot.
    tmux -L "$socket" send-keys -t batchtop p
    sleep 2
    paused=$(perf stat -x, -e context-switches -p "${pid[batchtop]}" -- sleep "$seconds" 2>&1 | awk -F, '/context-switches/ {print $1}')
    awk -v s="finished:30, paused (p)" -v w="${paused:-0}" -v t="$seconds" \
      'BEGIN {printf "%-28s %-11s %10s %7s %11.1f\n", s, "batchtop", "-", "-", w / t}'
  fi
  tmux -L "$socket" kill-server 2>/dev/null || true
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=""
  sleep 1
done
echo "floor for batchtop in steady:30 (capture-pane each second): $steady_floor"
echo "(about $seconds s per scenario, 120x40 panes, release build)"
