#!/usr/bin/env bash
# `--fix` leaves every file valid in its language: fix a copy of the code
# fixtures, then ask PHP and Node.js themselves (php -l, node --check).
set -euo pipefail
amolint=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/Tests/EndToEndTests/Fixtures/code/." "$work/"
status=0
(cd "$work" && "$amolint" check --fix . >/dev/null) || status=$?
[ "$status" -le 1 ] || { echo "amolint check --fix failed with $status"; exit 1; }
checked=0
while IFS= read -r -d '' f; do
  php -l "$f" >/dev/null || { echo "not valid PHP after --fix: $f"; exit 1; }
  checked=$((checked + 1))
done < <(find "$work" -name '*.php' -print0)
while IFS= read -r -d '' f; do
  node --check "$f" || { echo "not valid JavaScript after --fix: $f"; exit 1; }
  checked=$((checked + 1))
done < <(find "$work" \( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' \) -print0)
[ "$checked" -gt 0 ] || { echo "no PHP or JavaScript fixture was checked"; exit 1; }
echo "fixed code is valid: $checked PHP and JavaScript files"
