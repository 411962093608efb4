#!/usr/bin/env bash
# Neovim (Debian's 0.7.2 or newer) headless: diagnostics from `amolint server`
# arrive at the positions `amolint check` reports. Usage: run.sh AMOLINT_BINARY
source "$(dirname "$0")/../../test/common.sh"
# Neovim with the amolint set-up, running one check script (SCRIPT FILE); it writes to $OUT.
run_nvim() {
  OUT="$out" EXPECTED_COUNT="$count" TEXT_OUT="${text_out:-}" OUT_FIRST="${out_first:-}" TEXT_FIRST="${text_first:-}" timeout 60 nvim --headless -u NONE -i NONE \
    --cmd "set rtp^=$root/editors/neovim" --cmd "filetype on" \
    --cmd "lua require('amolint').setup({ cmd = { '$bin', 'server' } })" \
    -c "luafile $here/$1" "$2"
}
run_nvim diagnostics.lua "$page"
python3 "$root/editors/test/compare.py" "$expected" "$out" "$page" neovim

# A quick fix through textDocument/codeAction changes the buffer as expected.
work="$(mktemp -d)"
copy="$work/$(basename "$page")"
cp "$page" "$copy"
run_nvim codeaction.lua "$copy"
python3 - "$out" "$page" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
original = [l for l in open(sys.argv[2], encoding="utf-8").read().split("\n") if 'data-color="Blue"' in l][0]
expected = original.replace('data-color="Blue"', 'data-color="blue"')
if result.get("line") != expected:
    sys.exit(f"neovim: the quick fix did not give the expected line\n  result: {result}\n  expected: {expected!r}")
print(f"neovim: quick fix applied: {result['title']}")
PY
rm -rf "$work"

# `amolint.applyAllFixes` (workspace/executeCommand, then the server's workspace/applyEdit)
# gives the buffer `amolint check --fix` gives the file.
work="$(mktemp -d)"
copy="$work/$(basename "$page")"
cp "$page" "$copy"
run_nvim command.lua "$copy"
cp "$page" "$work/fixed$(basename "$page")"
"$bin" check --fix "$work/fixed$(basename "$page")" >/dev/null || true
python3 - "$out" "$work/fixed$(basename "$page")" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
expected = open(sys.argv[2], encoding="utf-8").read().rstrip("\n")
if result.get("text") != expected:
    sys.exit(f"neovim: amolint.applyAllFixes did not give what amolint check --fix gives\n  result: {result}")
print("neovim: amolint.applyAllFixes applied through workspace/applyEdit, as amolint check --fix")
PY
rm -rf "$work"

# Typing (incremental didChange, the server resuming its scan): after each change the
# diagnostics of the last version are at the positions `amolint check` gives the text.
work="$(mktemp -d)"
copy="$work/$(basename "$page")"
cp "$page" "$copy"
text_out="$work/typed$(basename "$page")" text_first="$work/first$(basename "$page")" out_first="$work/first.json"
run_nvim typing.lua "$copy"
"$bin" check "$text_first" --format json > "$work/expected.json" || true
python3 "$root/editors/test/compare.py" "$work/expected.json" "$out_first" "$text_first" "neovim (typing, a line added above everything)"
"$bin" check "$text_out" --format json > "$work/expected.json" || true
python3 "$root/editors/test/compare.py" "$work/expected.json" "$out" "$text_out" "neovim (typing, after every change)"
rm -rf "$work"
