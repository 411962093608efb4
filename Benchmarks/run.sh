#!/usr/bin/env bash
# One command: build amolint (release), install the peers, generate the inputs,
# measure, and rewrite BENCHMARKS.md. Usage: Benchmarks/run.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product amolint
python3 -c 'import selectolax, bs4' 2>/dev/null || pip install --quiet selectolax beautifulsoup4
if ! command -v tidy >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tidy >/dev/null) || echo "tidy not installed; measured without it"
fi
[ -f Benchmarks/.work/tree/module49/views/page4999.html ] || ls Benchmarks/.work/tree/module49/views/page4999.* >/dev/null 2>&1 \
  || python3 Benchmarks/generate.py Benchmarks/.work
python3 Benchmarks/bench.py "$@"
