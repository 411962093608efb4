#!/usr/bin/env bash
# Checks the editor set-ups that cannot run here (VS Code, Helix, Sublime Text, Zed):
# their files parse, they name what their editor defines, and editors/test/language-ids.tsv
# lists exactly the language ids they can send (LanguageIDTests opens each through the server).
# Needs node and python3 (3.11 or newer, for tomllib).
set -euo pipefail
cd "$(dirname "$0")/../.."

echo "-- VS Code: extension.js"
node --check editors/vscode/extension.js
node editors/vscode/test/extension-test.js

python3 - <<'PY'
import json, pathlib, re, sys, tomllib

root = pathlib.Path(".")
failures = []
def check(ok, message):
    if not ok:
        failures.append(message)

# editors/test/language-ids.tsv
rows = []
for line in (root / "editors/test/language-ids.tsv").read_text(encoding="utf-8").splitlines():
    if line.startswith("#") or line.startswith("editor\t") or not line.strip():
        continue
    fields = line.split("\t")
    check(len(fields) == 6, f"language-ids.tsv: six fields expected: {line!r}")
    editor, language, id_, file, kind, comment = (fields + [""] * 6)[:6]
    check(kind in {"markup", "php", "component", "jsx", "script"}, f"language-ids.tsv: kind {kind!r}")
    check(comment in {"html", "blade", "twig", "jsx", "line"}, f"language-ids.tsv: comment {comment!r}")
    rows.append((editor, language, id_, file))
def table(editor):
    return [(language, id_, file) for e, language, id_, file in rows if e == editor]

schema = json.loads((root / "protocol/configuration.schema.json").read_text(encoding="utf-8"))
rule_ids = set(schema["definitions"]["rules"]["properties"])
settings = set(schema["definitions"]["setting"]["enum"])
def check_section(section, where):
    """The `amolint` settings section: protocol/settings.schema.json."""
    check(isinstance(section, dict), f"{where}: the amolint section is not an object")
    if not isinstance(section, dict):
        return
    check(set(section) <= {"enable", "rules"}, f"{where}: unknown keys {sorted(set(section) - {'enable', 'rules'})}")
    check(isinstance(section.get("enable", True), bool), f"{where}: enable is not a boolean")
    rules = section.get("rules", {})
    check(set(rules) <= rule_ids, f"{where}: unknown rules {sorted(set(rules) - rule_ids)}")
    check(set(rules.values()) <= settings, f"{where}: unknown settings {sorted(set(rules.values()) - settings)}")

# VS Code: every activation language, saved and untitled.
print("-- VS Code: package.json")
package = json.loads((root / "editors/vscode/package.json").read_text(encoding="utf-8"))
ids = [e.removeprefix("onLanguage:") for e in package["activationEvents"]]
check(all(e.startswith("onLanguage:") for e in package["activationEvents"]), "vscode: an activation event other than onLanguage:")
vscode = table("vscode")
check(sorted(i for _, i, f in vscode if f != "untitled") == sorted(ids), "vscode: language-ids.tsv lists other ids than activationEvents (saved files)")
check(sorted(i for _, i, f in vscode if f == "untitled") == sorted(ids), "vscode: language-ids.tsv lists other ids than activationEvents (untitled)")
check(all(language == i for language, i, _ in vscode), "vscode: the language column is the id")
check((root / "editors/vscode" / package["main"]).is_file(), "vscode: main file missing")
check(package["license"] == "MIT" and (root / "editors/vscode/LICENSE").read_text().startswith("MIT License"), "vscode: LICENSE")
check("test/**" in (root / "editors/vscode/.vscodeignore").read_text().split(), "vscode: .vscodeignore leaves test/ in")

# Helix: names and default servers as Helix 25.07.1 defines them.
print("-- Helix: languages.toml")
known = {}
for line in (root / "editors/helix/helix-25.07.1-languages.txt").read_text(encoding="utf-8").splitlines():
    if line.startswith("#") or not line.strip():
        continue
    name, language_id, servers = line.split()
    known[name] = (name if language_id == "-" else language_id, [] if servers == "-" else servers.split(","))
helix = tomllib.loads((root / "editors/helix/languages.toml").read_text(encoding="utf-8"))
server = helix["language-server"]["amolint"]
check(server["command"] == "amolint" and server["args"] == ["server"], "helix: the amolint server command")
check_section(server.get("config", {}).get("amolint", {}), "helix: config.amolint")
names = []
for language in helix["language"]:
    name = language["name"]
    names.append(name)
    check(set(language) == {"name", "language-servers"}, f"helix: {name}: keys other than name and language-servers")
    check(name in known, f"helix: {name} is not a Helix 25.07.1 language")
    if name in known:
        want = known[name][1] + ["amolint"]
        check(language["language-servers"] == want, f"helix: {name}: servers {language['language-servers']}, want {want}")
check(len(names) == len(set(names)), "helix: a language twice")
check(sorted((n, known[n][0]) for n in names if n in known) == sorted((l, i) for l, i, _ in table("helix")),
      "helix: language-ids.tsv does not list exactly the languages of languages.toml with their ids")

# Sublime Text: LanguageServers.sublime-settings (JSON with // comments).
print("-- Sublime Text: LanguageServers.sublime-settings")
def strip_comments(text):
    out, i, in_string = [], 0, False
    while i < len(text):
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\":
                out.append(text[i + 1]); i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True; out.append(c)
        elif text.startswith("//", i):
            while i < len(text) and text[i] != "\n":
                i += 1
            continue
        elif text.startswith("/*", i):
            i = text.index("*/", i) + 2
            continue
        else:
            out.append(c)
        i += 1
    return "".join(out)
sublime = json.loads(strip_comments((root / "editors/sublime/LanguageServers.sublime-settings").read_text(encoding="utf-8")))
client = sublime["amolint"]
check(client["enabled"] is True and client["command"] == ["amolint", "server"], "sublime: enabled, command")
section = {}
for key, value in client.get("settings", {}).items():
    check(key.startswith("amolint."), f"sublime: setting {key} outside the amolint section")
    section[key.removeprefix("amolint.")] = value
check_section(section, "sublime: settings")

def parse_selector(selector):
    """`a | (b - c) | d`, as Sublime reads it: `-` binds tighter than `|`."""
    tokens = re.findall(r"\(|\)|\||-(?=\s)|[A-Za-z0-9_.+]+", selector)
    pos = 0
    def union():
        nonlocal pos
        terms = [difference()]
        while pos < len(tokens) and tokens[pos] == "|":
            pos += 1; terms.append(difference())
        return ("or", terms)
    def difference():
        nonlocal pos
        node = atom()
        while pos < len(tokens) and tokens[pos] == "-":
            pos += 1; node = ("minus", node, atom())
        return node
    def atom():
        nonlocal pos
        token = tokens[pos]; pos += 1
        if token == "(":
            node = union(); assert tokens[pos] == ")"; pos += 1
            return node
        return ("scope", token)
    node = union()
    assert pos == len(tokens), selector
    return node
def matches(node, scope):
    kind = node[0]
    if kind == "scope":
        return scope.split(".")[: len(node[1].split("."))] == node[1].split(".")
    if kind == "minus":
        return matches(node[1], scope) and not matches(node[2], scope)
    return any(matches(n, scope) for n in node[1])
def atoms(node):
    if node[0] == "scope":
        return [node[1]]
    if node[0] == "minus":
        return atoms(node[1])
    return [a for n in node[1] for a in atoms(n)]
selector = parse_selector(client["selector"])

# How LSP turns a base scope into a language id (plugin/core/types.py basescope2languageid),
# with the entries of LANGUAGE_IDENTIFIERS (plugin/core/constants.py, LSP 2.13.0) for these scopes.
LANGUAGE_IDENTIFIERS = {
    "source.js": "javascript", "source.js.react": "javascriptreact", "source.jsx": "javascriptreact",
    "source.ts": "typescript", "source.ts.react": "typescriptreact", "source.tsx": "typescriptreact",
    "text.django": "html", "text.html.handlebars": "handlebars", "text.html.markdown": "markdown",
    "text.html.rails": "erb", "text.html.svelte": "svelte", "text.html.vue": "vue", "text.jinja": "html",
}
def language_id(scope):
    parts = scope.split(".")
    while len(parts) >= 2:
        if ".".join(parts) in LANGUAGE_IDENTIFIERS:
            return LANGUAGE_IDENTIFIERS[".".join(parts)]
        parts.pop()
    parts = scope.split(".")
    return parts[1] if len(parts) > 1 else parts[0]
sublime_rows = table("sublime")
for scope, id_, _ in sublime_rows:
    check(matches(selector, scope), f"sublime: the selector does not match {scope}")
    check(language_id(scope) == id_, f"sublime: LSP sends {language_id(scope)} for {scope}, language-ids.tsv says {id_}")
for scope in ["text.html.markdown", "text.html.markdown.multimarkdown", "source.json", "source.css", "text.plain"]:
    check(not matches(selector, scope), f"sublime: the selector matches {scope}")
for atom in atoms(selector):
    check(any(matches(("scope", atom), scope) for scope, _, _ in sublime_rows), f"sublime: no language-ids.tsv line for {atom}")

# Zed: extension.toml and Cargo.toml.
print("-- Zed: extension.toml")
manifest = tomllib.loads((root / "editors/zed/extension.toml").read_text(encoding="utf-8"))
for key in ["id", "name", "version", "schema_version"]:
    check(key in manifest, f"zed: extension.toml has no {key}")
entry = manifest["language_servers"]["amolint"]
languages = entry["languages"]
language_ids = entry.get("language_ids", {})
check(len(languages) == len(set(languages)), "zed: a language twice")
check(set(language_ids) == set(languages), "zed: language_ids and languages differ")
zed_rows = table("zed")
check({l for l, _, _ in zed_rows} == set(languages), "zed: language-ids.tsv does not list exactly the languages of extension.toml")
for language, id_, _ in zed_rows:
    sent = language_ids.get(language, language.lower())   # Zed's default: the name in lower case
    check(sent == id_, f"zed: {language} is sent as {sent}, language-ids.tsv says {id_}")
cargo = tomllib.loads((root / "editors/zed/Cargo.toml").read_text(encoding="utf-8"))
check(cargo["lib"]["crate-type"] == ["cdylib"], "zed: Cargo.toml crate-type")
check("zed_extension_api" in cargo["dependencies"], "zed: Cargo.toml has no zed_extension_api")

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print(f"-- set-ups agree with their editors and with language-ids.tsv ({len(rows)} documents)")
PY
