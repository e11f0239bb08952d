#!/usr/bin/env bash
# Soak: the release dashboard in tmux against the mock server with job churn (jobs appearing and finishing all the
# time, and leaving the listing) and random faults, for MINUTES minutes. Prints crashes (must be 0), RSS at start,
# after warm-up and at the end, CPU time and open file descriptors; fails when batchtop dies, stops answering keys,
# or its RSS grows more than 10 % after the warm-up.
#
# The warm-up is 6 minutes for runs of 10 minutes or more (jobs that left the listing are kept 300 s before they
# are pruned, so memory only levels off after that), else half the run.
#
# Usage: scripts/soak.sh MINUTES [--jobs N] [--fault-rate R] [--interval I] [--binary PATH]
# Defaults: 2000 churning jobs, 5 % faults, --interval 1, .build/release/batchtop.
set -euo pipefail
cd "$(dirname "$0")/.."

minutes="${1:-}"
case "$minutes" in
    ''|*[!0-9]*) echo "usage: scripts/soak.sh MINUTES [--jobs N] [--fault-rate R] [--interval I] [--binary PATH]" >&2; exit 2 ;;
esac
shift
jobs=2000
fault_rate=0.05
interval=1
binary=.build/release/batchtop
while [ $# -gt 0 ]; do
    case "$1" in
        --jobs) jobs="$2"; shift 2 ;;
        --fault-rate) fault_rate="$2"; shift 2 ;;
        --interval) interval="$2"; shift 2 ;;
        --binary) binary="$2"; shift 2 ;;
        *) echo "soak: unknown argument $1" >&2; exit 2 ;;
    esac
done
seconds=$(( minutes * 60 ))
if [ "$minutes" -ge 10 ]; then warmup=360; else warmup=$(( seconds / 2 )); fi
exec scripts/stress-release.sh --binary "$binary" --jobs "$jobs" --seconds "$seconds" --interval "$interval" \
    --fault-rate "$fault_rate" --warmup "$warmup" --max-growth 10
