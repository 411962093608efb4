#!/usr/bin/env bash
# Emacs + eglot (Debian's emacs-nox and elpa-eglot) in batch mode: flymake
# reports amolint's diagnostics at the positions `amolint check` reports.
# Usage: run.sh AMOLINT_BINARY
source "$(dirname "$0")/../../test/common.sh"
AMOLINT="$bin" OUT="$out" EXPECTED_COUNT="$count" timeout 60 emacs --batch -Q -l "$here/diagnostics.el" "$page" 2>/dev/null
python3 "$root/editors/test/compare.py" "$expected" "$out" "$page" "emacs+eglot"
