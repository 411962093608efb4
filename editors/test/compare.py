"""Compares diagnostics an editor shows with `amolint check --format json`.

Usage: compare.py EXPECTED.json ACTUAL.json PAGE EDITOR
ACTUAL holds {"diagnostics": [{lnum, col, end_lnum, end_col, code}]} with 0-based
lines and byte columns (what Neovim and Vim keep), or 1-based lines and
character columns with "columns": "characters" (Emacs).
"""
import json
import sys

expected_path, actual_path, page, editor = sys.argv[1:5]
expected = json.load(open(expected_path))
actual = json.load(open(actual_path))
lines = open(page, encoding="utf-8").read().split("\n")


def byte_col(line, scalar_col):
    """1-based scalar column -> 0-based byte column."""
    return len(lines[line - 1][: scalar_col - 1].encode("utf-8"))


want = sorted(
    (e["line"] - 1, byte_col(e["line"], e["column"]), e["endLine"] - 1, byte_col(e["endLine"], e["endColumn"]), e["rule"])
    for e in expected
)
if actual.get("columns") == "characters":
    # Emacs: characters, and the message instead of the rule id (flymake keeps the text).
    by_message = {e["message"]: e["rule"] for e in expected}
    got = sorted(
        (d["lnum"] - 1, len(lines[d["lnum"] - 1][: d["col"]].encode()), d["end_lnum"] - 1,
         len(lines[d["end_lnum"] - 1][: d["end_col"]].encode()),
         next((rule for message, rule in by_message.items() if message in d["message"]), d["message"]))
        for d in actual["diagnostics"]
    )
else:
    got = sorted((d["lnum"], d["col"], d["end_lnum"], d["end_col"], d["code"]) for d in actual["diagnostics"])
if not want:
    sys.exit(f"{editor}: amolint check found nothing on {page}; the test page must have mistakes")
if got != want:
    print(f"{editor}: diagnostics differ from amolint check")
    print("  expected:", want)
    print("  actual:  ", got)
    sys.exit(1)
print(f"{editor}: {len(got)} diagnostics at the expected positions")
