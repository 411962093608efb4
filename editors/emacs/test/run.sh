#!/usr/bin/env bash
# Emacs + eglot (Debian's emacs-nox and elpa-eglot) in batch mode: flymake
# reports amolint's diagnostics at the positions `amolint check` reports.
# Usage: run.sh AMOLINT_BINARY
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
page="$root/editors/test/page.html"
out="$(mktemp)"
expected="$(mktemp)"
"$bin" check "$page" --format json > "$expected" || true
count="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$expected")"
AMOLINT="$bin" OUT="$out" EXPECTED_COUNT="$count" timeout 60 emacs --batch -Q -l "$here/diagnostics.el" "$page" 2>/dev/null
python3 "$root/editors/test/compare.py" "$expected" "$out" "$page" "emacs+eglot"
