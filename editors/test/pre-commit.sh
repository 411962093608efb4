#!/usr/bin/env bash
# pre-commit with the real tool: the hook (language: swift) builds amolint from
# this repository, fails on a bad page, passes on a good one, and honours
# `args: [--fix]`; the hook amolint-system runs the amolint on the PATH
# ($AMOLINT_BIN_DIR, default .build/debug). Usage: pre-commit.sh (run from anywhere; needs `pre-commit`).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap '[ $? -eq 0 ] && rm -rf "$work" || echo "kept $work"' EXIT
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$work/cache}"

# pre-commit clones a repository at a commit: give it this working tree as one.
src="$work/amolint"
git -C "$root" ls-files -z --cached --others --exclude-standard | (cd "$root" && xargs -0 tar cf -) | (mkdir -p "$src" && tar xf - -C "$src")
git -C "$src" init -q && git -C "$src" add -A && git -C "$src" -c user.name=ci -c user.email=ci@localhost commit -qm snapshot
rev="$(git -C "$src" rev-parse HEAD)"

site="$work/site"
mkdir -p "$site/templates"
cd "$site"
git init -q
cat > templates/bad.blade.php <<'HTML'
<script class="amocrm_oauth" data-client-id="0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b" data-state="{{ $state }}"
        data-color="Blue" src="http://www.amocrm.ru/auth/button.min.js"></script>
HTML
cat > templates/good.twig <<'HTML'
<script class="amocrm_oauth" data-client-id="0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b" data-state="{{ state }}"
        data-color="blue" src="https://www.amocrm.ru/auth/button.min.js"></script>
HTML
echo "not a template" > notes.txt
git add -A

echo "-- try-repo on a bad page fails"
if pre-commit try-repo "$src" amolint --ref "$rev" --files templates/bad.blade.php > "$work/out.txt" 2>&1; then
  cat "$work/out.txt"; echo "expected the hook to fail on bad.blade.php"; exit 1
fi
grep -q "invalid-color" "$work/out.txt" || { cat "$work/out.txt"; echo "the failure does not name the rule"; exit 1; }
grep -q "insecure-script-src" "$work/out.txt" || { cat "$work/out.txt"; exit 1; }

echo "-- try-repo on a good page passes"
pre-commit try-repo "$src" amolint --ref "$rev" --files templates/good.twig notes.txt > "$work/out.txt" 2>&1 || { cat "$work/out.txt"; exit 1; }

echo "-- amolint-system (language: system) runs the amolint on the PATH, no Swift build"
bin="${AMOLINT_BIN_DIR:-$root/.build/debug}"
if PATH="$bin:$PATH" pre-commit try-repo "$src" amolint-system --ref "$rev" --files templates/bad.blade.php > "$work/out.txt" 2>&1; then
  cat "$work/out.txt"; echo "expected amolint-system to fail on bad.blade.php"; exit 1
fi
grep -q "invalid-color" "$work/out.txt" || { cat "$work/out.txt"; echo "amolint-system: the failure does not name the rule"; exit 1; }
PATH="$bin:$PATH" pre-commit try-repo "$src" amolint-system --ref "$rev" --files templates/good.twig notes.txt > "$work/out.txt" 2>&1 \
  || { cat "$work/out.txt"; echo "amolint-system should pass on a good page"; exit 1; }

echo "-- args: [--fix] fixes the page, and the hook reports the change"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $src
    rev: $rev
    hooks:
      - id: amolint
        args: [--fix]
YAML
git add -A
if pre-commit run --files templates/bad.blade.php > "$work/out.txt" 2>&1; then
  cat "$work/out.txt"; echo "expected a failing run: the hook changed a file"; exit 1
fi
grep -q 'data-color="blue"' templates/bad.blade.php || { cat templates/bad.blade.php; echo "not fixed"; exit 1; }
grep -q 'src="https://www.amocrm.ru' templates/bad.blade.php || { cat templates/bad.blade.php; echo "not fixed"; exit 1; }
git add -A  # as a user stages the fixed file
pre-commit run --files templates/bad.blade.php > "$work/out.txt" 2>&1 || { cat "$work/out.txt"; echo "a second run should pass"; exit 1; }
echo "pre-commit: the hooks fail on a bad page, pass on a good one, and amolint fixes with --fix"
