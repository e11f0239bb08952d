#!/usr/bin/env bash
# Measures the bytes per second batchtop writes to its terminal on a busy dashboard: N jobs that all keep
# running (each processed count changes about every second), a 1 s poll interval, a 120x40 tmux pane.
# Usage: scripts/measure-bandwidth.sh [JOBS=30] [SECONDS=30]
set -euo pipefail
jobs=${1:-30}
seconds=${2:-30}
port=${PORT:-18097}
cd "$(dirname "$0")/.."
swift build --product batchtop >/dev/null
bin=$(swift build --show-bin-path)/batchtop
out=$(mktemp)
socket="batchtop-bandwidth-$$"

"$bin" mock-server --port "$port" --api-key bench --scenario "steady:$jobs" >/dev/null 2>&1 &
server=$!
cleanup() { tmux -L "$socket" kill-server 2>/dev/null || true; kill "$server" 2>/dev/null || true; rm -f "$out"; }
trap cleanup EXIT
sleep 1

tmux -L "$socket" -f /dev/null new-session -d -s bench -x 120 -y 40 -e LANG=C.UTF-8 \
  "LLAMA_CLOUD_BASE_URL=http://127.0.0.1:$port LLAMA_CLOUD_API_KEY=bench $bin --interval 1; sleep 600"
sleep 5   # let the first full frame go by: only steady-state frames are counted
tmux -L "$socket" pipe-pane -t bench -o "cat > $out"
sleep "$seconds"
tmux -L "$socket" pipe-pane -t bench
bytes=$(wc -c < "$out")
echo "jobs=$jobs seconds=$seconds bytes=$bytes bytes_per_second=$((bytes / seconds))"
