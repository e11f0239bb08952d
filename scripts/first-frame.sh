#!/usr/bin/env bash
# How soon `batchtop --demo` (release build) shows its first frame, and its first job rows, in a 120x40 tmux pane.
# Each run starts a fresh tmux server and polls `capture-pane -p` every 5 ms from just before `new-session` until
# the title (`batchtop ·`) and then a job row (`bjb-` or `bat-`) are on screen. The time includes starting the
# process and the embedded mock server; the first frame does not wait for data.
# Usage: scripts/first-frame.sh [RUNS=10]   (BIN=path: that binary instead of this checkout's release build)
set -euo pipefail
runs=${1:-10}
cd "$(dirname "$0")/.."
bin=${BIN:-}
if [[ -z $bin ]]; then
  swift build -c release --product batchtop > /tmp/first-frame-build.$$.log 2>&1 || { cat /tmp/first-frame-build.$$.log >&2; exit 1; }
  rm -f /tmp/first-frame-build.$$.log
  bin=$(swift build -c release --show-bin-path)/batchtop
fi
[[ -x $bin ]] || { echo "first-frame.sh: $bin is not an executable" >&2; exit 2; }
python3 - "$bin" "$runs" <<'PY'
import os, statistics, subprocess, sys, time
binary, runs = sys.argv[1], int(sys.argv[2])
socket = ""
def tmux(*args):
    return subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", *args], capture_output=True, text=True)
frames, rows = [], []
try:
    for run in range(runs):
        socket = f"batchtop-first-frame-{os.getpid()}-{run}"  # a server of its own per run
        start = time.monotonic()
        started = tmux("new-session", "-d", "-x", "120", "-y", "40", "-e", "LANG=C.UTF-8", f"exec '{binary}' --demo")
        if started.returncode != 0:
            sys.exit(f"run {run + 1}: tmux new-session failed: {started.stderr.strip()}")
        frame = row = None
        while time.monotonic() - start < 10 and row is None:
            screen = tmux("capture-pane", "-p").stdout
            now = time.monotonic() - start
            if frame is None and "batchtop ·" in screen:
                frame = now
            if frame is not None and ("bjb-" in screen or "bat-" in screen):
                row = now
            time.sleep(0.005)
        tmux("send-keys", "q")
        tmux("kill-server")
        if frame is None or row is None:
            sys.exit(f"run {run + 1}: nothing on screen after 10 s")
        frames.append(frame * 1000)
        rows.append(row * 1000)
finally:
    tmux("kill-server")
print(f"first frame (ms): median {statistics.median(frames):.0f}, min {min(frames):.0f}, max {max(frames):.0f} over {runs} runs")
print(f"first job rows (ms): median {statistics.median(rows):.0f}, min {min(rows):.0f}, max {max(rows):.0f}")
PY
