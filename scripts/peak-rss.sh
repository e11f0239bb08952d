#!/usr/bin/env bash
# Peak RSS of the real binary as `/usr/bin/time -v` reports it, full screen in a 200x50 tmux pane at
# --interval 2, against `mock-server --scenario SCENARIO` on a loopback port reached through --base-url, quit with q
# after SECONDS. Given several binaries (e.g. the build before a change and the one after), runs them at the same
# time, each against a mock of its own served by the same binary, so that both see the same load on the machine.
# Five seconds before the end it also reads /proc/PID/smaps: the heap, the other anonymous memory and the mapped
# files (the binary and the Swift libraries), which tell a change in what the dashboard allocates from the fixed part.
# Usage: scripts/peak-rss.sh [--seconds N=90] [--scenario S=steady:100000] [--mock MOCKBIN] [BIN...]
#   (no BIN: the release build of this checkout, built first; --mock: every dashboard's mock is served by MOCKBIN,
#   so that builds whose mock servers differ in speed see the same load — the pace of the cycles sets the samples kept)
set -euo pipefail
seconds=90
scenario=steady:100000
mock=""
bins=()
while (($#)); do
  case "$1" in
  --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
  --scenario) scenario=${2:?--scenario needs a value}; shift 2 ;;
  --mock) mock=${2:?--mock needs a binary}; shift 2 ;;
  -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  -*) echo "peak-rss.sh: unknown option $1" >&2; exit 2 ;;
  *) bins+=("$1"); shift ;;
  esac
done
[[ $seconds =~ ^[0-9]+$ ]] && ((seconds >= 10)) || { echo "peak-rss.sh: --seconds must be a whole number ≥ 10" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "peak-rss.sh: /usr/bin/time is missing (apt-get install -y time)" >&2; exit 1; }
command -v tmux >/dev/null || { echo "peak-rss.sh: tmux is missing (apt-get install -y tmux)" >&2; exit 1; }
cd "$(dirname "$0")/.."
if ((${#bins[@]} == 0)); then
  swift build -c release --product batchtop > /tmp/peak-rss-build.$$.log 2>&1 || { cat /tmp/peak-rss-build.$$.log >&2; exit 1; }
  rm -f /tmp/peak-rss-build.$$.log
  bins=("$(swift build -c release --show-bin-path)/batchtop")
fi
for bin in "${bins[@]}" ${mock:+"$mock"}; do [[ -x $bin ]] || { echo "peak-rss.sh: $bin is not an executable" >&2; exit 2; }; done
python3 - "$seconds" "$scenario" "$mock" "${bins[@]}" <<'PY'
import os, shutil, socket, subprocess, sys, tempfile, time

seconds, scenario, mock_binary, binaries = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
work = tempfile.mkdtemp(prefix="peak-rss-")

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def listening(port, mock, deadline):
    while time.monotonic() < deadline and mock.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False

def smaps(pid):
    """MB resident in the heap, in other anonymous mappings, and in mapped files."""
    heap = anon = files = 0
    name = None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            parts = line.split()
            if "-" in parts[0] and ":" not in parts[0]:
                name = parts[5] if len(parts) > 5 else ""
            elif parts[0] == "Rss:":
                kb = int(parts[1])
                if name == "[heap]":
                    heap += kb
                elif name.startswith("/"):
                    files += kb
                else:
                    anon += kb
    return heap / 1024, anon / 1024, files / 1024

runs = []
try:
    for index, binary in enumerate(binaries):
        port = free_port()
        mock = subprocess.Popen([mock_binary or binary, "mock-server", "--port", str(port), "--api-key", "peak", "--scenario", scenario],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs.append({"binary": binary, "port": port, "mock": mock, "socket": f"peak-rss-{os.getpid()}-{index}",
                     "timing": os.path.join(work, f"time-{index}.txt")})
    for run in runs:
        if not listening(run["port"], run["mock"], time.monotonic() + 90):
            sys.exit(f"peak-rss.sh: the mock of {run['binary']} did not start listening within 90 s "
                     f"(scenario '{scenario}': run `{run['binary']} mock-server --scenario {scenario}` to see why)")
    for run in runs:
        # The key goes in through the environment, never the command line (argv is visible to every user).
        command = (f"exec env LLAMA_CLOUD_API_KEY=peak /usr/bin/time -v -o '{run['timing']}' '{run['binary']}' "
                   f"--base-url http://127.0.0.1:{run['port']} --interval 2")
        subprocess.run(["tmux", "-L", run["socket"], "-f", "/dev/null", "new-session", "-d", "-x", "200", "-y", "50",
                        "-e", "LANG=C.UTF-8", command], check=True)
    started = time.monotonic()
    for run in runs:
        deadline = time.monotonic() + 10
        while "pid" not in run and time.monotonic() < deadline:
            found = subprocess.run(["pgrep", "-f", f"^{run['binary']} --base-url http://127.0.0.1:{run['port']}"],
                                   capture_output=True, text=True).stdout.split()
            if found:
                run["pid"] = found[0]
            else:
                time.sleep(0.1)
        if "pid" not in run:
            sys.exit(f"peak-rss.sh: {run['binary']} did not start")
    time.sleep(max(0, seconds - 5 - (time.monotonic() - started)))
    for run in runs:
        try:
            run["smaps"] = smaps(run["pid"])
        except OSError:
            sys.exit(f"peak-rss.sh: {run['binary']} exited before the end (see it: run it by hand against the mock)")
    time.sleep(max(0, seconds - (time.monotonic() - started)))
    for run in runs:
        subprocess.run(["tmux", "-L", run["socket"], "send-keys", "q"])
    for run in runs:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (os.path.exists(run["timing"]) and os.path.getsize(run["timing"]) > 0):
            time.sleep(0.1)
    print(f"{scenario}, {seconds} s, 200x50, --interval 2; MB")
    print(f"{'peak RSS':>9} {'CPU s':>7} {'heap':>7} {'anon':>6} {'files':>6}  binary  (heap/anon/files at {seconds - 5} s)")
    for run in runs:
        try:
            fields = dict(line.strip().split(": ", 1) for line in open(run["timing"]) if ": " in line)
            peak = int(fields["Maximum resident set size (kbytes)"]) / 1024
            cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
        except (OSError, KeyError, ValueError):
            print(f"{'?':>9} {'?':>7}  {run['binary']}: no /usr/bin/time report (did it exit on q?)")
            continue
        heap, anon, files = run["smaps"]
        print(f"{peak:9.1f} {cpu:7.1f} {heap:7.1f} {anon:6.1f} {files:6.1f}  {run['binary']}")
finally:
    for run in runs:
        subprocess.run(["tmux", "-L", run["socket"], "kill-server"], capture_output=True)
        run["mock"].kill()
    shutil.rmtree(work, ignore_errors=True)
PY
