#!/usr/bin/env bash
# Neovim (Debian's 0.7.2 or newer) headless: diagnostics from `amolint server`
# arrive at the positions `amolint check` reports. Usage: run.sh AMOLINT_BINARY
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
page="$root/editors/test/page.html"
out="$(mktemp)"
expected="$(mktemp)"
"$bin" check "$page" --format json > "$expected" || true
count="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$expected")"
OUT="$out" EXPECTED_COUNT="$count" timeout 60 nvim --headless -u NONE -i NONE \
  --cmd "set rtp^=$root/editors/neovim" --cmd "filetype on" \
  --cmd "lua require('amolint').setup({ cmd = { '$bin', 'server' } })" \
  -c "luafile $here/diagnostics.lua" "$page"
python3 "$root/editors/test/compare.py" "$expected" "$out" "$page" neovim
