#!/usr/bin/env python3
"""Regenerates what the rule catalogue decides, from the rule declarations:
protocol/rules.md, the `rules` of protocol/configuration.schema.json, and the
`amolint.rules` setting of editors/vscode/package.json. Run from anywhere:

    python3 protocol/generate.py [path/to/amolint]

The tests fail when a committed file differs from what this writes."""
import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
amolint = sys.argv[1] if len(sys.argv) > 1 else None


def run(*args):
    command = [amolint, *args] if amolint else ["swift", "run", "-q", "amolint", *args]
    return subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout


rules = json.loads(run("rules", "--format", "json"))
with open(os.path.join(ROOT, "protocol", "rules.md"), "w", encoding="utf-8") as f:
    f.write(run("rules", "--format", "markdown"))


def description(rule):
    return f"{rule['summary']} Default: {rule['severity']}."


def rewrite(path, update):
    full = os.path.join(ROOT, path)
    with open(full, encoding="utf-8") as f:
        doc = json.load(f, object_pairs_hook=collections.OrderedDict)
    update(doc)
    with open(full, "w", encoding="utf-8") as f:
        f.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


def configuration(doc):
    doc["definitions"]["rules"]["properties"] = collections.OrderedDict(
        (r["id"], collections.OrderedDict([("$ref", "#/definitions/setting"), ("description", description(r))])) for r in rules)


def vscode(doc):
    setting = doc["contributes"]["configuration"]["properties"]["amolint.rules"]
    choices = ["off", "hint", "information", "warning", "error"]
    setting["properties"] = collections.OrderedDict(
        (r["id"], collections.OrderedDict([("type", "string"), ("enum", choices), ("description", description(r))])) for r in rules)


rewrite("protocol/configuration.schema.json", configuration)
rewrite("editors/vscode/package.json", vscode)
print(f"{len(rules)} rules: protocol/rules.md, protocol/configuration.schema.json, editors/vscode/package.json")
