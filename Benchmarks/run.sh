#!/usr/bin/env bash
# One command: build and install amolint (`make install`, release, static), install the peers, generate the inputs,
# measure, and rewrite BENCHMARKS.md. Usage: Benchmarks/run.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
# What ships: the static binary as `make install` builds and installs it.
make install PREFIX="$PWD/.build/bench-install" >/dev/null
python3 -c 'import selectolax, bs4' 2>/dev/null || pip install --quiet selectolax beautifulsoup4
if ! command -v tidy >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tidy >/dev/null) || echo "tidy not installed; measured without it"
fi
[ -f Benchmarks/.work/tree/module49/views/page4999.html ] || ls Benchmarks/.work/tree/module49/views/page4999.* >/dev/null 2>&1 \
  || python3 Benchmarks/generate.py Benchmarks/.work
[ -f Benchmarks/.work/page-dense-1mb.html ] || python3 Benchmarks/generate.py Benchmarks/.work --dense-only
python3 Benchmarks/bench.py "$@"
