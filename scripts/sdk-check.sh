#!/usr/bin/env bash
# Builds batchtop, starts `batchtop mock-server --scenario demo` on a free port, runs scripts/sdk-check.py with the
# official llama-cloud SDK against it, and stops the server. Needs `pip install llama-cloud==2.19.0` (PYTHON may
# name an interpreter that has it). Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
swift build --product batchtop
BIN="$(swift build --show-bin-path)/batchtop"
PORT="$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
KEY="sdk-check-key"
"$BIN" mock-server --port "$PORT" --api-key "$KEY" --scenario demo >/dev/null &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    if "$PYTHON" -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 0.2)" 2>/dev/null; then break; fi
    sleep 0.2
done
"$PYTHON" scripts/sdk-check.py --base-url "http://127.0.0.1:$PORT" --api-key "$KEY"
