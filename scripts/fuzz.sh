#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer) of the code that reads untrusted input: the wire decoding (list pages, status
# answers, item pages, cancel answers, timestamps; the byte-level list-page decoder checked against JSONDecoder)
# and the sanitiser with the buffer it writes into. Each target runs SECONDS seconds under AddressSanitizer from its
# seed corpus (Fuzz/corpus/<target>, grown in .build-fuzz/) and prints executions, coverage (libFuzzer's cov: edges
# and ft: features) and peak memory. Exits 1 on any crash; the input that crashed is kept in .build-fuzz/ (crash-*),
# so `.build-fuzz/fuzz-<target> .build-fuzz/crash-…` replays it.
#
# Usage: scripts/fuzz.sh [SECONDS]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
case "$seconds" in ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2 ;; esac

out=.build-fuzz
mkdir -p "$out"
# -package-name: the sources use `package` access (the targets are built from the package's files, not by SwiftPM).
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -use-ld=lld -package-name batchtop)
echo "fuzz: building the targets"
swiftc "${flags[@]}" Fuzz/FuzzWireDecoding.swift \
    Sources/LlamaCloud/{BatchJob,Page,JobItem,JobStatusResponse,CancelResponse,LenientDecoding,ISO8601Timestamp}.swift \
    Sources/LlamaCloud/{JobPageDecoder,JSONByteScanner,JobID}.swift \
    -o "$out/fuzz-wire"
swiftc "${flags[@]}" Fuzz/FuzzTerminalText.swift Sources/TerminalUI/*.swift -o "$out/fuzz-terminal-text"

status=0
for target in wire terminal-text; do
    corpus="$out/corpus-$target"
    mkdir -p "$corpus"
    cp -n Fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
    dictionary=()
    [ -f "Fuzz/$target.dict" ] && dictionary=(-dict="Fuzz/$target.dict")
    log="$out/fuzz-$target.log"
    echo "fuzz: $target for ${seconds} s"
    if "$out/fuzz-$target" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$out/" \
        "${dictionary[@]}" "$corpus" > "$log" 2>&1; then
        result=ok
    else
        result=CRASHED
        status=1
    fi
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
    cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
    corp=$(echo "$last" | sed -n 's/.*corp: \([^ ]*\).*/\1/p')
    echo "fuzz: $target: $result, ${runs:-?} executions (${rate:-?}/s), cov ${cov:-?} edges, ft ${ft:-?}, corpus ${corp:-?}, peak RSS ${rss:-?} MB"
    if [ "$result" = CRASHED ]; then
        grep -E 'ERROR|Fatal error|SUMMARY|Test unit written' "$log" | head -5
    fi
done
exit "$status"
