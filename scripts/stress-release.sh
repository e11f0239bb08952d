#!/usr/bin/env bash
# Stress check of a batchtop binary (the release build in CI): the dashboard in a 120x40 tmux pane against the mock
# server with job churn and random faults, for a fixed time. Fails (exit 1) when the dashboard dies, shows no jobs,
# stops answering keys (j/k move the selection, Enter/Escape open and close a detail every 10 s), or does not quit
# cleanly on q; prints its RSS and CPU time.
#
# Usage: scripts/stress-release.sh [--binary PATH] [--server-binary PATH] [--jobs N] [--seconds S] [--interval I]
#                                  [--fault-rate R] [--scenario demo|steady:N|churn:N]
#                                  [--base-url URL --api-key-file PATH]   (another server instead of the mock)
#                                  [--warmup S --max-growth PERCENT]      (fail when RSS grows more after warm-up)
# Defaults: .build/release/batchtop (also serving the mock unless --server-binary says otherwise), 10000 jobs, 60 s,
# --interval 0.5, 5 % faults, scenario churn:<jobs>. Prints the RSS, CPU time and open descriptors every 10 s (at
# each key check).
set -euo pipefail
cd "$(dirname "$0")/.."

binary=.build/release/batchtop
server_binary=""
jobs=10000
seconds=60
interval=0.5
fault_rate=0.05
scenario=""
external_url=""
key_file=""
warmup=""
max_growth=""
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary="$2"; shift 2 ;;
        --server-binary) server_binary="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --seconds) seconds="$2"; shift 2 ;;
        --interval) interval="$2"; shift 2 ;;
        --fault-rate) fault_rate="$2"; shift 2 ;;
        --scenario) scenario="$2"; shift 2 ;;
        --base-url) external_url="$2"; shift 2 ;;
        --api-key-file) key_file="$2"; shift 2 ;;
        --warmup) warmup="$2"; shift 2 ;;
        --max-growth) max_growth="$2"; shift 2 ;;
        *) echo "stress: unknown argument $1" >&2; exit 2 ;;
    esac
done
[ -x "$binary" ] || { echo "stress: no executable at $binary (swift build -c release first)" >&2; exit 2; }
command -v tmux >/dev/null || { echo "stress: tmux is not installed" >&2; exit 2; }
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
server_binary="${server_binary:-$binary}"
scenario="${scenario:-churn:$jobs}"

work="$(mktemp -d)"
socket="batchtop-stress-$$"
session=stress
mock_pid=""
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    [ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "stress: FAILED: $*"
    if [ -e "$work/exit" ]; then echo "stress: batchtop is gone: exit status $(cat "$work/exit")"; fi
    echo "---- last screen ----"
    tmux -L "$socket" capture-pane -p -t "$session" 2>/dev/null || true
    if [ -s "$work/backtrace.txt" ]; then echo "---- backtrace ----"; head -80 "$work/backtrace.txt"; fi
    echo "---- mock server ----"; tail -5 "$work/mock.log" 2>/dev/null || true
    exit 1
}

# The mock server: churn and faults, on a free loopback port, with its own key (given to batchtop through a file).
# With --base-url, that server instead (the key from --api-key-file).
if [ -n "$external_url" ]; then
    url="$external_url"
    [ -n "$key_file" ] || { echo "stress: --base-url needs --api-key-file" >&2; exit 2; }
    cp "$key_file" "$work/key"
    chmod 600 "$work/key"
    scenario="external server"
else
    printf 'stress-key' > "$work/key"
    chmod 600 "$work/key"
    "$server_binary" mock-server --port 0 --api-key stress-key --scenario "$scenario" --fault-rate "$fault_rate" \
        > "$work/mock.log" 2>&1 &
    mock_pid=$!
    url=""
    for _ in $(seq 600); do
        url="$(sed -n 's/^MockCloud listening on \(http[^ ]*\).*/\1/p' "$work/mock.log")"
        [ -n "$url" ] && break
        kill -0 "$mock_pid" 2>/dev/null || fail "the mock server did not start: $(cat "$work/mock.log")"
        sleep 0.1
    done
    [ -n "$url" ] || fail "the mock server did not print its address within 60 s"
fi

# The dashboard, its PID written by the shell it replaces; its exit status lands in a file.
cat > "$work/run.sh" <<RUN
echo \$\$ > '$work/pid'
exec env LANG=C.UTF-8 SWIFT_BACKTRACE=enable=yes,interactive=no,output-to='$work/backtrace.txt' \\
    '$binary' --base-url '$url' --api-key-file '$work/key' --interval '$interval'
RUN
tmux -L "$socket" -f /dev/null new-session -d -s "$session" -x 120 -y 40 \
    "sh '$work/run.sh'; echo \$? > '$work/exit'; sleep 100000"

screen() { tmux -L "$socket" capture-pane -p -t "$session"; }
alive() { [ ! -e "$work/exit" ] && [ -s "$work/pid" ] && kill -0 "$(cat "$work/pid")" 2>/dev/null; }
job_rows() { screen | grep -cE '^ (bjb|bat)-' || true; }
# The ID of the selected (reverse-video) job row, empty when none is selected.
selected_id() {
    tmux -L "$socket" capture-pane -p -e -t "$session" | awk '
        { plain = $0; gsub(/\033\[[0-9;]*m/, "", plain) }
        plain ~ /^ (bjb|bat)-/ && $0 ~ /\033\[([0-9]+;)*7(;[0-9]+)*m/ { split(plain, words, " "); print words[1]; exit }'
}
# Waits up to $1 seconds for the command in the remaining arguments to succeed, failing early if batchtop died.
wait_for() {
    local deadline=$(( $(date +%s) + $1 )); shift
    while [ "$(date +%s)" -lt "$deadline" ]; do
        "$@" && return 0
        alive || return 1
        sleep 0.2
    done
    return 1
}
has_rows() { [ "$(job_rows)" -ge 10 ]; }
selected_is() { [ "$(selected_id)" = "$1" ]; }
title_is() { screen | head -1 | grep -q "^ $1"; }
selected_is_not() { local now; now="$(selected_id)"; [ -n "$now" ] && [ "$now" != "$1" ]; }
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$(cat "$work/pid")/status"; }
open_fds() { ls "/proc/$(cat "$work/pid")/fd" 2>/dev/null | wc -l; }
cpu_seconds() { awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$(cat "$work/pid")/stat"; }

for _ in $(seq 300); do [ -s "$work/pid" ] || [ -e "$work/exit" ] && break; sleep 0.1; done
[ -s "$work/pid" ] || fail "batchtop did not start within 30 s"
wait_for 120 has_rows || fail "no job rows within 120 s"
start=$(date +%s)
rss_start=$(rss_kb)
echo "stress: $(basename "$binary") against $url ($scenario, fault rate $fault_rate, --interval $interval): table up, RSS ${rss_start} kB"

key_checks=0
next_keys=$start
while [ $(( $(date +%s) - start )) -lt "$seconds" ]; do
    alive || fail "batchtop exited after $(( $(date +%s) - start )) s (status $(cat "$work/exit" 2>/dev/null))"
    if [ "$(date +%s)" -ge "$next_keys" ]; then
        # New jobs arrive above the selection all the time, and the selection stays on its job: so check that j
        # selects another job and k comes back to the same one, rather than row positions.
        # The selected job moves through the order as its status changes and may end up on the last row, where j
        # cannot move: then k moves up and j comes back.
        before="$(selected_id)"
        [ -n "$before" ] || fail "no selected row"
        tmux -L "$socket" send-keys -t "$session" j
        if wait_for 5 selected_is_not "$before"; then
            tmux -L "$socket" send-keys -t "$session" k
            wait_for 5 selected_is "$before" || fail "k did not move the selection back to $before (now $(selected_id))"
        else
            echo "stress: j did not move the selection off $before (the last row?): checking k, then j"
            before="$(selected_id)"
            tmux -L "$socket" send-keys -t "$session" k
            wait_for 5 selected_is_not "$before" || fail "neither j nor k moved the selection off $before"
            tmux -L "$socket" send-keys -t "$session" j
            wait_for 5 selected_is "$before" || fail "j did not move the selection back to $before (now $(selected_id))"
        fi
        # Enter opens the job's detail (loading its files through the API), Escape returns to the table.
        tmux -L "$socket" send-keys -t "$session" Enter
        wait_for 5 title_is "$before" || fail "Enter did not open the detail of $before: $(screen | head -1)"
        tmux -L "$socket" send-keys -t "$session" Escape
        wait_for 5 title_is "batchtop" || fail "Escape did not return to the table: $(screen | head -1)"
        key_checks=$((key_checks + 1))
        echo "stress: $(( $(date +%s) - start )) s: keys answered, RSS $(rss_kb) kB, CPU $(cpu_seconds) s, $(open_fds) fds, $(screen | head -1 | sed -n 's/.* \([0-9][0-9]*\) jobs.*/\1/p') jobs"
        next_keys=$(( $(date +%s) + 10 ))
    fi
    if [ -n "$warmup" ] && [ $(( $(date +%s) - start )) -ge "$warmup" ]; then
        if [ ! -e "$work/rss-after-warmup" ]; then echo "stress: warm-up over after ${warmup} s: RSS $(rss_kb) kB"; fi
        rss_kb >> "$work/rss-after-warmup"
    fi
    sleep 1
done

has_rows || fail "the table shows $(job_rows) job rows at the end"
shown="$(screen | head -1 | sed -n 's/.* \([0-9][0-9]*\) jobs.*/\1/p')"
rss_end=$(rss_kb)
cpu=$(cpu_seconds)
fds=$(open_fds)
quit_started=$(date +%s%N)
tmux -L "$socket" send-keys -t "$session" q
# Not `wait_for`: it gives up as soon as batchtop is gone, which after q is the point. Between batchtop's exit and
# the shell writing its status there is a moment with no process and no status file, and `wait_for` called that a
# failure ("q did not end batchtop within 10 s" followed by "exit status 0": two runs of a release build failed so).
quit_deadline=$(( $(date +%s) + 10 ))
while [ ! -e "$work/exit" ] && [ "$(date +%s)" -lt "$quit_deadline" ]; do sleep 0.05; done
[ -e "$work/exit" ] || fail "q did not end batchtop within 10 s"
quit_ms=$(( ($(date +%s%N) - quit_started) / 1000000 ))
status="$(cat "$work/exit")"
[ "$status" = 0 ] || fail "batchtop exited with status $status after q"
growth_text=""
if [ -s "$work/rss-after-warmup" ]; then
    # RSS swings by several percent from one second to the next (allocator, in-flight pages): compare the median of
    # the first minute after the warm-up with the median of the last minute (a third of the samples each if fewer).
    samples=$(wc -l < "$work/rss-after-warmup")
    window=$(( samples >= 180 ? 60 : samples / 3 ))
    [ "$window" -ge 1 ] || window=1
    median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
    rss_warm=$(head -n "$window" "$work/rss-after-warmup" | median)
    rss_last=$(tail -n "$window" "$work/rss-after-warmup" | median)
    growth=$(awk -v a="$rss_warm" -v b="$rss_last" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')
    growth_text=", median RSS after warm-up ${rss_warm} -> ${rss_last} kB (${growth} %)"
    if [ -n "$max_growth" ] && awk -v g="$growth" -v m="$max_growth" 'BEGIN { exit !(g > m) }'; then
        fail "RSS grew ${growth} % after warm-up (limit ${max_growth} %)"
    fi
fi
echo "stress: passed: alive for ${seconds} s, 0 crashes, ${key_checks} key checks answered, ${shown:-?} jobs in the header," \
    "RSS ${rss_start} -> ${rss_end} kB${growth_text}, CPU ${cpu} s, ${fds} open fds, exit 0 on q after ${quit_ms} ms"
