#!/usr/bin/env bash
# Builds the reduced reproduction and batchtop's workaround with the installed Swift compiler and runs each three
# times. Fails (exit 1) when the workaround's shape misbehaves in an optimised build or the reproduction misbehaves
# in a debug build; reports whether the compiler still miscompiles the reproduction (it does with Swift 6.3.1).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

build() { # name source optimisation
    swiftc "$3" -parse-as-library -swift-version 6 "$here/$2" -o "$work/$1" 2>"$work/$1.log" || {
        cat "$work/$1.log"; echo "regression: could not compile $2 $3"; exit 1; }
}
runs_clean() { # name -> 0 when all three runs print ok and exit 0
    for _ in 1 2 3; do
        out="$(SWIFT_BACKTRACE=enable=no "$work/$1" 2>/dev/null)" || return 1
        [ "$out" = ok ] || return 1
    done
}

build repro-debug miscompiled.swift -Onone
build repro-release miscompiled.swift -O
build workaround-release workaround.swift -O

status=0
if runs_clean repro-debug; then echo "regression: reproduction, -Onone: ok"; else echo "regression: reproduction, -Onone: FAILED"; status=1; fi
if runs_clean workaround-release; then echo "regression: workaround, -O: ok"; else echo "regression: workaround, -O: FAILED"; status=1; fi
if runs_clean repro-release; then
    echo "regression: reproduction, -O: runs clean: this compiler no longer shows the bug ($(swiftc --version 2>&1 | head -1))"
else
    echo "regression: reproduction, -O: crashes or is wrong: the compiler bug is still present ($(swiftc --version 2>&1 | head -1))"
fi
exit $status
