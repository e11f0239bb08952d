#!/usr/bin/env bash
# Points batchtop --api v2 at an independent, hostile v2 server (scripts/hostile-v2-server.py) and checks that every
# batch is shown with its true counts (--once --format json, no faults), then that 20 one-shot runs with 30 % faults
# all exit 0 or 1 with valid JSON (never a crash or a hang).
# Usage: scripts/hostile-v2-check.sh [--binary PATH]   (default: a debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=""
if [[ "${1:-}" == "--binary" ]]; then bin=$2; else swift build --product batchtop >/dev/null; bin=$(swift build --show-bin-path)/batchtop; fi
port=${PORT:-18124}
out=$(mktemp -d)
server=""
stop_server() { if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; }
cleanup() { stop_server; rm -rf "$out"; }
trap cleanup EXIT
start_server() {
  stop_server
  python3 scripts/hostile-v2-server.py "$port" hostile-key "$1" > "$out/server.out" 2>&1 &
  server=$!
  for _ in $(seq 50); do [[ -s "$out/server.out" ]] && break; sleep 0.1; done
}
start_server 0
LLAMA_CLOUD_API_KEY=hostile-key timeout 60 "$bin" --base-url "http://127.0.0.1:$port" --api v2 --once --format json > "$out/once.json"
python3 - "$out/server.out" "$out/once.json" <<'PY'
import json, sys
expected = json.loads(open(sys.argv[1]).readline())["expected"]
jobs = {j["id"]: j for j in json.load(open(sys.argv[2]))["jobs"]}
bad = 0
for bid, e in expected.items():
    j = jobs.get(bid)
    if j is None:
        print("missing batch", repr(bid)); bad += 1; continue
    b = j["batch"]
    got = (b["done"], b["failed"], b["cancelled"], b["active"], b["waiting"], b["files_total"])
    ok = (not b["results_known"]) if e is None else got == tuple(e[k] for k in ("done", "failed", "cancelled", "active", "waiting", "files_total"))
    if not ok:
        print("wrong counts for", repr(bid), got, e); bad += 1
print(f"{len(expected)} batches, {bad} wrong")
sys.exit(1 if bad else 0)
PY
start_server 0.3
for run in $(seq 20); do
  set +e
  LLAMA_CLOUD_API_KEY=hostile-key timeout 120 "$bin" --base-url "http://127.0.0.1:$port" --api v2 --once --format json > "$out/faulty.json" 2> "$out/faulty.err"
  code=$?
  set -e
  if [[ $code -gt 1 ]]; then echo "run $run: exit $code"; cat "$out/faulty.err"; exit 1; fi
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$out/faulty.json" || { echo "run $run: invalid JSON"; exit 1; }
done
echo "20 runs with 30 % faults: all exited 0/1 with valid JSON"
