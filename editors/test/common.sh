# Shared by the editor checks: `source` it with the amolint binary as $1.
# Sets: here root bin page out expected count.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
# The page the editor opens: AMOLINT_TEST_PAGE (relative to the checkout) or the HTML page.
page="$root/${AMOLINT_TEST_PAGE:-editors/test/page.html}"
out="$(mktemp)"
expected="$(mktemp)"
"$bin" check "$page" --format json > "$expected" || true
count="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$expected")"
