#!/usr/bin/env bash
# Builds a libFuzzer target with AddressSanitizer and runs it.
# Usage: Fuzz/run.sh lint|server SECONDS [extra libFuzzer flags]
# Crashes land in Fuzz/findings/<target>/; replay one with
#   swift run FuzzLint Fuzz/findings/lint/crash-…   (or FuzzServer)
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?lint or server}"; seconds="${2:-60}"; shift 2 || true
case "$target" in
  lint) product=FuzzLint ;;
  server) product=FuzzServer ;;
  *) echo "unknown target $target (lint, server)"; exit 2 ;;
esac
# SwiftPM passes --sanitize=fuzzer to the link only; -Xswiftc adds the coverage instrumentation.
swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING \
  --product "$product" --scratch-path .build-fuzz >/dev/null
work=".build-fuzz/corpus-$target"
mkdir -p "$work" "Fuzz/findings/$target"
export SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1
".build-fuzz/release/$product" "$work" "Fuzz/corpus/$target" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="Fuzz/findings/$target/" -print_final_stats=1 "$@" 2>&1 | tail -n 25
