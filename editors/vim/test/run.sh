#!/usr/bin/env bash
# Vim + ALE (Debian's vim and vim-ale) headless: amolint's diagnostics arrive at
# the positions `amolint check` reports. Usage: run.sh AMOLINT_BINARY
source "$(dirname "$0")/../../test/common.sh"
OUT="$out" EXPECTED_COUNT="$count" timeout 60 vim -N -u NONE -i NONE -n -es \
  --cmd "set rtp^=$root/editors/vim" --cmd "packadd ale" --cmd "filetype plugin on" \
  --cmd "let g:ale_linters = {'html': ['amolint'], 'javascript': ['amolint']}" --cmd "let g:ale_amolint_executable = '$bin'" \
  --cmd "let g:ale_lint_on_enter = 1" \
  -c "call ale#Queue(0)" -c "source $here/diagnostics.vim" "$page" < /dev/null || true
python3 "$root/editors/test/compare.py" "$expected" "$out" "$page" "vim+ale"
