#!/usr/bin/env bash
# The release dashboard against `mock-server --scenario steady:N` (N jobs that keep running, every count changing;
# SCENARIO=finished for N completed jobs that never change, SCENARIO=churn for about N arriving, finishing and leaving),
# full screen in a 200x50 tmux pane at --interval 2, reached through --base-url: when the first rows and the complete
# listing show, RSS every 5 s for SECONDS, then how long 20 keys (G g G g G g j j k k, twice) take to change the
# screen (send-keys, then capture-pane -e every 2 ms until it differs), and the peak RSS (VmHWM).
# Usage: [SCENARIO=steady|finished|churn] [BIN=path/to/batchtop] [KEYS=k1,k2,...] scripts/scale-100k.sh [N=100000] [SECONDS=60]
# (BIN: measure another build, e.g. an older one side by side; the mock is served by the same binary. KEYS: the keys to
# time instead, as tmux names them, each printed with its time, e.g. KEYS=/,b,j,b,-,5,a,BSpace,BSpace,Escape for
# typing a filter)
set -euo pipefail
jobs=${1:-100000}
seconds=${2:-60}
scenario=${SCENARIO:-steady}
case "$scenario" in
steady | finished | churn) ;;
*) echo "SCENARIO must be steady, finished or churn, not '$scenario'" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
swift build -c release --product batchtop > /tmp/scale-100k-build.$$.log 2>&1 || { cat /tmp/scale-100k-build.$$.log >&2; exit 1; }
rm -f /tmp/scale-100k-build.$$.log
bin=${BIN:-$(swift build -c release --show-bin-path)/batchtop}
port=${PORT:-18339}
"$bin" mock-server --port "$port" --api-key scale --scenario "$scenario:$jobs" > /dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
# Wait until the mock answers (building 100,000 plans takes it a few seconds): "first job rows" then counts from a
# server that is up, not the dashboard's retries while it starts.
python3 - "$port" <<'PY' || { echo "the mock server did not start listening within 60 s" >&2; exit 1; }
import socket, sys, time
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(1)
PY
python3 - "$bin" "$port" "$jobs" "$seconds" "$scenario" <<'PY'
import os, subprocess, sys, time
binary, port, jobs, seconds, scenario = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
socket = f"batchtop-scale-{port}"
def tmux(*args):
    return subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", *args], capture_output=True, text=True).stdout
def status(pid, field):
    return next(line.split()[1] for line in open(f"/proc/{pid}/status") if line.startswith(field + ":"))
try:
    start = time.monotonic()
    tmux("new-session", "-d", "-x", "200", "-y", "50", "-e", "LANG=C.UTF-8",
         f"exec env LLAMA_CLOUD_API_KEY=scale '{binary}' --base-url http://127.0.0.1:{port} --interval 2")
    pid = tmux("list-panes", "-F", "#{pane_pid}").strip()
    first = full = None
    while full is None:
        screen = tmux("capture-pane", "-p")
        title = screen.split("\n")[0]
        now = time.monotonic() - start
        if first is None and "bjb-" in screen:
            first = now
            print(f"first job rows after {now:.2f} s: {title.strip()[:90]}")
        # churn:N holds about N jobs: complete when the title stops saying "loading".
        settled = scenario == "churn" and " jobs" in title and "loading" not in title
        if f" {jobs} jobs" in title or settled:
            full = now
            print(f"listing complete after {now:.1f} s")
        if now > 120:
            sys.exit("the listing did not complete in 120 s")
        time.sleep(0.02)
    for tick in range(0, seconds + 1, 5):
        print(f"  t={tick:3d} s RSS {int(status(pid, 'VmRSS')) // 1024} MB")
        if tick < seconds:
            time.sleep(5)
    latencies = []
    chosen = [key for key in os.environ.get("KEYS", "").split(",") if key]
    for key in chosen or ["G", "g", "G", "g", "G", "g", "j", "j", "k", "k"] * 2:
        before = tmux("capture-pane", "-p", "-e")
        sent = time.monotonic()
        tmux("send-keys", key)
        while tmux("capture-pane", "-p", "-e") == before:
            if time.monotonic() - sent > 10:
                sys.exit(f"key {key}: the screen did not change in 10 s")
            time.sleep(0.002)
        latencies.append((time.monotonic() - sent) * 1000)
        if chosen:
            print(f"  {key:8s} {latencies[-1]:6.0f} ms  {tmux('capture-pane', '-p').split(chr(10))[1].strip()[-40:]}")
        time.sleep(0.3)
    latencies.sort()
    print(f"key to changed screen: median {latencies[len(latencies) // 2]:.0f} ms, max {latencies[-1]:.0f} ms over {len(latencies)} keys")
    print(f"peak RSS {int(status(pid, 'VmHWM')) // 1024} MB")
    tmux("send-keys", "q")
    time.sleep(1)
finally:
    tmux("kill-server")
PY
