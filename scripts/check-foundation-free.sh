#!/usr/bin/env bash
# Fails when the given binary (default: the release batchtop) loads all of Foundation: libFoundation.so,
# FoundationInternationalization or the ICU data library. The dashboard links FoundationEssentials only, which saves
# ~8 MB of resident memory and start-up time (ARCHITECTURE.md, "FoundationEssentials only"); one `import Foundation`
# anywhere in the binary's modules or dependencies brings all three back. Reads the libraries the dynamic loader would
# load (`ldd`: the binary's own needs and theirs).
# Usage: scripts/check-foundation-free.sh [BINARY]
set -euo pipefail
binary=${1:-$(cd "$(dirname "$0")/.." && swift build -c release --show-bin-path)/batchtop}
[[ -x $binary ]] || { echo "check-foundation-free.sh: $binary is not an executable (build it first)" >&2; exit 2; }
libraries=$(ldd "$binary") || { echo "check-foundation-free.sh: ldd could not read $binary" >&2; exit 2; }
if offenders=$(grep -E 'libFoundation\.so|libFoundationInternationalization\.so|lib_FoundationICU\.so' <<<"$libraries"); then
  echo "check-foundation-free.sh: $binary loads all of Foundation:" >&2
  echo "$offenders" >&2
  echo "Find the module: readelf -p .swift1_autolink_entries .build/release/*.build/*.o | grep -B20 -- '-lFoundation\$'" >&2
  exit 1
fi
grep -q 'libFoundationEssentials\.so' <<<"$libraries" || echo "check-foundation-free.sh: note: $binary does not load FoundationEssentials either"
echo "check-foundation-free.sh: $binary loads FoundationEssentials only"
