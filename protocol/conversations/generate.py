#!/usr/bin/env python3
"""Writes the conversations in this folder. Expected positions are computed here
with Python's own encoders, independently of the server. Run from this folder."""
import json
ID = "0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b"
SRC = '<script src="https://www.amocrm.ru/auth/button.min.js"></script>'
def msg(method, params=None, id=None):
    m = {"jsonrpc": "2.0", "method": method}
    if id is not None: m["id"] = id
    if params is not None: m["params"] = params
    return m
def init(caps=None, id=1, **extra):
    p = {"processId": None, "rootUri": "${workspaceUri}", "capabilities": caps or {}}
    p.update(extra)
    return msg("initialize", p, id)
def open_(uri, text, version=1, lang="html"):
    return msg("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": lang, "version": version, "text": text}})
def publish(uri, diags, version=None):
    p = {"uri": uri, "diagnostics": diags}
    if version is not None: p["version"] = version
    return {"method": "textDocument/publishDiagnostics", "params": p}
def units(s, enc):
    if enc == "utf-8": return len(s.encode())
    if enc == "utf-16": return len(s.encode("utf-16-le")) // 2
    return len(s)
def pos(text, offset_str_index, enc):
    before = text[:offset_str_index]
    line = before.count("\n")
    col = before[before.rfind("\n")+1:]
    return {"line": line, "character": units(col, enc)}
def rng(text, needle, enc, occurrence=0):
    i = -1
    for _ in range(occurrence + 1): i = text.index(needle, i + 1)
    return {"start": pos(text, i, enc), "end": pos(text, i + len(needle), enc)}
def write(name, description, steps, files=None):
    doc = {"description": description}
    if files: doc["files"] = files
    doc["steps"] = steps
    with open(name, "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False); f.write("\n")

def shutdown_exit(id=99):
    return [{"send": msg("shutdown", None, id)}, {"expect": {"id": id, "result": None}}, {"send": msg("exit")}, {"expectExit": 0}]

URI = "${workspaceUri}/page.html"
INIT_OK = {"expect": {"id": 1, "result": {"serverInfo": {"name": "amolint", "version": "<any>"}, "capabilities": "<any>"}}}

# 1 lifecycle
write("lifecycle.json", "Initialize, the errors the lifecycle prescribes, shutdown then exit with status 0.", [
    {"send": msg("textDocument/diagnostic", {"textDocument": {"uri": URI}}, 0)},
    {"expect": {"id": 0, "error": {"code": -32002}}},
    {"comment": "notifications before initialize are ignored"},
    {"send": open_(URI, "<div class=\"amocrm_oauth\"></div>")},
    {"send": init({"textDocument": {"synchronization": {"didSave": True}}})},
    {"expect": {"id": 1, "result": {"serverInfo": {"name": "amolint", "version": "<any>"}, "capabilities": {
        "positionEncoding": "utf-16", "textDocumentSync": {"openClose": True, "change": 2, "save": {"includeText": False}},
        "diagnosticProvider": "<absent>"}}}},
    {"send": msg("initialized", {})},
    {"send": init(id=2)},
    {"expect": {"id": 2, "error": {"code": -32600}}},
    {"send": msg("shutdown", None, 3)},
    {"expect": {"id": 3, "result": None}},
    {"send": msg("textDocument/diagnostic", {"textDocument": {"uri": URI}}, 4)},
    {"expect": {"id": 4, "error": {"code": -32600}}},
    {"send": msg("exit")},
    {"expectExit": 0},
])

write("exit-without-shutdown.json", "`exit` without `shutdown` ends the server with status 1.", [
    {"send": init()}, INIT_OK, {"send": msg("exit")}, {"expectExit": 1},
])

write("end-of-input.json", "End of standard input ends the server at once, cleanly.", [
    {"send": init()}, INIT_OK, {"send": msg("initialized", {})},
    {"send": open_(URI, "<p>ok</p>")},
    {"expect": publish(URI, [], 1)},
    {"close": True}, {"expectExit": 0},
])

# errors
big = '{"jsonrpc":"2.0","method":"x"}'
write("errors.json", "Malformed input is answered per spec and the session goes on.", [
    {"send": init()}, INIT_OK, {"send": msg("initialized", {})},
    {"comment": "invalid JSON: -32700 with id null"},
    {"sendRaw": "Content-Length: 9\r\n\r\n{\"id\": 1,"},
    {"expect": {"id": None, "error": {"code": -32700}}},
    {"comment": "JSON that is not an object: -32600 with id null"},
    {"sendRaw": "Content-Length: 9\r\n\r\n[1, 2, 3]"},
    {"expect": {"id": None, "error": {"code": -32600}}},
    {"comment": "a request without jsonrpc 2.0"},
    {"send": {"id": 5, "method": "shutdown"}},
    {"expect": {"id": 5, "error": {"code": -32600}}},
    {"comment": "unknown request: -32601; unknown notifications, $/ included, are ignored"},
    {"send": msg("$/unknownNotification", {})},
    {"send": msg("custom/notification", {"x": 1})},
    {"send": msg("textDocument/unknown", {}, 6)},
    {"expect": {"id": 6, "error": {"code": -32601}}},
    {"comment": "params of the wrong shape: -32602"},
    {"send": msg("textDocument/diagnostic", {"textDocument": 5}, 7)},
    {"expect": {"id": 7, "error": {"code": -32602}}},
    {"send": msg("textDocument/diagnostic", [1, 2], "seven")},
    {"expect": {"id": "seven", "error": {"code": -32602}}},
    {"comment": "malformed headers: the server resynchronises on the next header"},
    {"sendRaw": "Content-Length: abc\r\n\r\ngarbage" + "Content-Length: -5\r\n\r\n" + "X-Header-Without-Length: 1\r\n\r\n"},
    {"send": msg("textDocument/unknown", {}, 8)},
    {"expect": {"id": 8, "error": {"code": -32601}}},
    {"comment": "a Content-Length far over the limit is skipped, not allocated"},
    {"sendRaw": "Content-Length: 999999999999\r\n\r\n" + big},
    {"close": True},
    {"expectExit": 0},
])

write("cancel.json", "$/cancelRequest for a request not yet answered gives -32800.", [
    {"send": init()}, INIT_OK, {"send": msg("initialized", {})},
    {"sendBatch": [msg("textDocument/diagnostic", {"textDocument": {"uri": URI}}, 10), msg("$/cancelRequest", {"id": 10})]},
    {"expect": {"id": 10, "error": {"code": -32800}}},
    {"comment": "cancelling something already answered or unknown is harmless"},
    {"send": msg("$/cancelRequest", {"id": 12345})},
] + shutdown_exit())

# encodings
line0 = "<p>Вход 🚀 — ёлка</p>\n"
line1 = f'<div class="amocrm_oauth" data-client-id="{ID}" data-state="{{{{ s }}}}" data-title="Привет 👋" data-color="Blue"></div>{SRC}'
text = line0 + line1
for enc, offered in [("utf-16", None), ("utf-8", ["utf-8", "utf-16"]), ("utf-32", ["utf-32"])]:
    caps = {} if offered is None else {"general": {"positionEncodings": offered}}
    r = rng(text, "Blue", enc)
    # Edit 1 inserts an emoji on line 0; edit 2 (against the text after edit 1) replaces Blue with Red.
    ins = pos(line0, 3, enc)
    text2 = line0[:3] + "🎉" + line0[3:] + line1
    r2 = rng(text2, "Blue", enc)
    text3 = text2.replace("Blue", "Red")
    r3 = rng(text3, "Red", enc)
    # Out-of-range: a range past the line's end is clamped to it.
    far = {"start": {"line": 1, "character": 10000}, "end": {"line": 1, "character": 10000}}
    text4 = text3 + "<!-- end -->"
    write(f"encoding-{enc}.json", f"Positions in {enc} on lines with Cyrillic and emoji: diagnostics, incremental edits, clamping.", [
        {"send": init(caps)},
        {"expect": {"id": 1, "result": {"capabilities": {"positionEncoding": enc}}}},
        {"send": msg("initialized", {})},
        {"send": open_(URI, text)},
        {"expect": publish(URI, [{"range": r, "code": "invalid-color", "severity": 1, "source": "amolint",
                                  "message": "<any>", "codeDescription": "<any>",
                                  "data": {"rule": "invalid-color", "version": 1, "fix": {"description": "<any>", "edits": [{"range": r, "newText": "blue"}]}}}], 1)},
        {"send": msg("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2}, "contentChanges": [
            {"range": {"start": ins, "end": ins}, "text": "🎉"},
            {"range": r2, "text": "Red"}]})},
        {"expect": publish(URI, [{"range": r3, "code": "invalid-color", "severity": 1, "source": "amolint", "message": "<any>", "codeDescription": "<any>", "data": "<any>"}], 2)},
        {"send": msg("textDocument/didChange", {"textDocument": {"uri": URI, "version": 3}, "contentChanges": [
            {"range": far, "text": "<!-- end -->"}]})},
        {"expect": publish(URI, [{"range": r3, "code": "invalid-color", "severity": 1, "source": "amolint", "message": "<any>", "codeDescription": "<any>", "data": "<any>"}], 3)},
        {"comment": "a change to a document that is not open is logged and ignored"},
        {"send": msg("textDocument/didChange", {"textDocument": {"uri": "${workspaceUri}/never-opened.html", "version": 2}, "contentChanges": [{"text": "x"}]})},
    ] + shutdown_exit())

# push details: related information, tags, versions, close
dup = f'<script class="amocrm_oauth" data-client-id="{ID}" data-state="{{{{ s }}}}" data-name="n" data-color="blue" data-color="red" src="https://www.amocrm.ru/auth/button.min.js"></script>'
write("push-diagnostics.json", "Pushed diagnostics: tags, related information, the fix in data; closing clears them.", [
    {"send": init()}, INIT_OK, {"send": msg("initialized", {})},
    {"send": open_(URI, dup)},
    {"expect": publish(URI, [
        {"code": "ignored-metadata", "severity": 2, "tags": [1], "range": rng(dup, "data-name", "utf-16"),
         "relatedInformation": [{"location": {"uri": URI, "range": rng(dup, f'data-client-id="{ID}"', "utf-16")}, "message": "<any>"}],
         "message": "<any>", "source": "amolint", "codeDescription": "<any>", "data": {"rule": "ignored-metadata", "version": 1, "fix": "<absent>"}},
        {"code": "duplicate-attribute", "severity": 1, "tags": [1], "range": rng(dup, 'data-color="red"', "utf-16"),
         "relatedInformation": [{"location": {"uri": URI, "range": rng(dup, 'data-color="blue"', "utf-16")}, "message": "<any>"}],
         "message": "<any>", "source": "amolint", "codeDescription": "<any>",
         "data": {"rule": "duplicate-attribute", "version": 1, "fix": {"description": "<any>", "edits": [{"range": {"start": rng(dup, ' data-color="red"', "utf-16")["start"], "end": rng(dup, ' data-color="red"', "utf-16")["end"]}, "newText": ""}]}}},
    ], 1)},
    {"send": msg("textDocument/didClose", {"textDocument": {"uri": URI}})},
    {"expect": publish(URI, [])},
] + shutdown_exit())

# stale versions / burst
page = f'<div class="amocrm_oauth" data-client-id="{ID}" data-state="{{{{ s }}}}" data-color="X"></div>{SRC}'
def setcolor(v, c):
    return msg("textDocument/didChange", {"textDocument": {"uri": URI, "version": v}, "contentChanges": [{"text": page.replace('"X"', f'"{c}"')}]})
write("burst-and-versions.json", "A burst of changes is linted once, for the latest version; a version that does not increase is still applied.", [
    {"send": init()}, INIT_OK, {"send": msg("initialized", {})},
    {"send": open_(URI, page)},
    {"expect": publish(URI, [{"code": "invalid-color", "range": "<any>", "message": "<any>", "severity": 1, "source": "amolint", "codeDescription": "<any>", "data": "<any>"}], 1)},
    {"sendBatch": [setcolor(2, "Y1"), setcolor(3, "Y2"), setcolor(4, "blue")]},
    {"expect": publish(URI, [], 4)},
    {"comment": "nothing was published for versions 2 and 3: the next message answers this request"},
    {"send": msg("textDocument/unknown", {}, 20)},
    {"expect": {"id": 20, "error": {"code": -32601}}},
    {"send": setcolor(4, "Z")},
    {"expect": publish(URI, [{"code": "invalid-color", "range": "<any>", "message": "<any>", "severity": 1, "source": "amolint", "codeDescription": "<any>", "data": "<any>"}], 4)},
] + shutdown_exit())

# pull
pull_caps = {"textDocument": {"diagnostic": {"dynamicRegistration": False}}, "workspace": {"diagnostics": {"refreshSupport": True}}}
write("pull-diagnostics.json", "Clients that pull: diagnosticProvider, full reports with resultId, `unchanged` when nothing changed.", [
    {"send": init(pull_caps)},
    {"expect": {"id": 1, "result": {"capabilities": {"diagnosticProvider": {"interFileDependencies": False, "workspaceDiagnostics": True}}}}},
    {"send": msg("initialized", {})},
    {"send": open_(URI, page)},
    {"send": msg("textDocument/diagnostic", {"textDocument": {"uri": URI}}, 2)},
    {"expect": {"id": 2, "result": {"kind": "full", "resultId": "1-0-0", "items": [{"code": "invalid-color", "range": rng(page, "X", "utf-16"), "message": "<any>", "severity": 1, "source": "amolint", "codeDescription": "<any>", "data": "<any>"}]}}},
    {"send": msg("textDocument/diagnostic", {"textDocument": {"uri": URI}, "previousResultId": "1-0-0"}, 3)},
    {"expect": {"id": 3, "result": {"kind": "unchanged", "resultId": "1-0-0"}}},
    {"send": setcolor(2, "green")},
    {"send": msg("textDocument/diagnostic", {"textDocument": {"uri": URI}, "previousResultId": "1-0-0"}, 4)},
    {"expect": {"id": 4, "result": {"kind": "full", "resultId": "2-1-0", "items": []}}},
    {"comment": "new settings: the server asks the client to pull again, and the result id changes"},
    {"send": msg("workspace/didChangeConfiguration", {"settings": {"amolint": {"rules": {"invalid-color": "off"}}}})},
    {"expect": {"id": "amolint-1", "method": "workspace/diagnostic/refresh"}},
    {"send": {"jsonrpc": "2.0", "id": "amolint-1", "result": None}},
    {"send": msg("textDocument/diagnostic", {"textDocument": {"uri": URI}, "previousResultId": "2-1-0"}, 5)},
    {"expect": {"id": 5, "result": {"kind": "full", "resultId": "2-1-1", "items": []}}},
] + shutdown_exit())

# configuration via workspace/configuration
cfg_caps = {"workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": False}}}
page2 = f'<div class="amocrm_oauth" data-client-id="{ID}" data-color="X"></div>{SRC}'
write("settings.json", "Settings through workspace/configuration and workspace/didChangeConfiguration: per-rule severities and `enable`.", [
    {"send": init(cfg_caps)}, INIT_OK, {"send": msg("initialized", {})},
    {"expect": {"id": "amolint-1", "method": "workspace/configuration", "params": {"items": [{"section": "amolint"}]}}},
    {"send": {"jsonrpc": "2.0", "id": "amolint-1", "result": [{"rules": {"invalid-color": "hint", "missing-state": "off"}}]}},
    {"send": open_(URI, page2)},
    {"expect": publish(URI, [{"code": "invalid-color", "severity": 4, "range": "<any>", "message": "<any>", "source": "amolint", "codeDescription": "<any>", "data": "<any>"}], 1)},
    {"send": msg("workspace/didChangeConfiguration", {"settings": None})},
    {"expect": {"id": "amolint-2", "method": "workspace/configuration"}},
    {"send": {"jsonrpc": "2.0", "id": "amolint-2", "result": [{"enable": False}]}},
    {"expect": publish(URI, [], 1)},
    {"comment": "an invalid setting is shown to the user once, and the valid part still applies"},
    {"send": msg("workspace/didChangeConfiguration", {"settings": None})},
    {"expect": {"id": "amolint-3", "method": "workspace/configuration"}},
    {"send": {"jsonrpc": "2.0", "id": "amolint-3", "result": [{"enable": True, "rules": {"no-such-rule": "off"}}]}},
    {"expect": {"method": "window/showMessage", "params": {"type": 2, "message": "<any>"}}},
    {"expect": publish(URI, [{"code": "missing-state"}, {"code": "invalid-color", "severity": 1}], 1)},
] + shutdown_exit())

write("initialization-options.json", "Settings from initializationOptions and from didChangeConfiguration's payload, for clients without workspace/configuration.", [
    {"send": init({}, initializationOptions={"rules": {"missing-state": "off", "invalid-color": "warning"}})}, INIT_OK,
    {"send": msg("initialized", {})},
    {"send": open_(URI, page2)},
    {"expect": publish(URI, [{"code": "invalid-color", "severity": 2}], 1)},
    {"comment": "the payload is a layer over the initialization options, which stay in force"},
    {"send": msg("workspace/didChangeConfiguration", {"settings": {"amolint": {"rules": {"invalid-color": "off"}}}})},
    {"expect": publish(URI, [], 1)},
] + shutdown_exit())

# commands, codeAction/resolve, and the file-level disable
cmd_caps = {"workspace": {"workspaceEdit": {"documentChanges": True}, "applyEdit": True},
            "window": {"showDocument": {"support": True}},
            "textDocument": {"codeAction": {"resolveSupport": {"properties": ["edit"]}}}}
cmd_page = "<!DOCTYPE html>\n<p>Вход 🔐</p>\n" + f'<div class="amocrm_oauth" data-client-id="{ID}" data-color="Blue" data-state="{{{{ s }}}}"></div>{SRC}\n'
CMD_URI = "${workspaceUri}/commands.html"
blue = rng(cmd_page, "Blue", "utf-16")
# Fix-all is one minimal edit: only the `B` differs.
blue_b = {"start": blue["start"], "end": {"line": blue["start"]["line"], "character": blue["start"]["character"] + 1}}
write("commands.json", "amolint.applyAllFixes sends workspace/applyEdit; amolint.showRuleDocumentation opens the rule's page; fix-all resolves its edit lazily; disable for this file goes after the doctype.", [
    {"send": init(cmd_caps)}, INIT_OK, {"send": msg("initialized", {})},
    {"send": open_(CMD_URI, cmd_page)},
    {"expect": publish(CMD_URI, [{"code": "invalid-color", "range": blue}], 1)},
    {"send": msg("textDocument/codeAction", {"textDocument": {"uri": CMD_URI}, "range": blue, "context": {"diagnostics": []}}, 2)},
    {"expect": {"id": 2, "result": [
        {"title": "Replace with blue (invalid-color)", "kind": "quickfix", "isPreferred": True, "edit": "<any>"},
        {"title": "Disable invalid-color for this line", "kind": "quickfix"},
        {"title": "Disable invalid-color for this file", "kind": "quickfix", "edit": {"documentChanges": [{"textDocument": {"uri": CMD_URI, "version": 1}, "edits": [
            {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}},
             "newText": "<!-- amolint-disable invalid-color -- for this file -->\n"}]}]}},
        {"title": "Show documentation for invalid-color", "kind": "quickfix", "edit": "<absent>",
         "command": {"command": "amolint.showRuleDocumentation", "arguments": ["invalid-color"]}},
        {"title": "Fix all amolint problems (1)", "kind": "source.fixAll.amolint", "edit": "<absent>", "data": {"uri": CMD_URI, "version": 1}},
    ]}},
    {"send": msg("codeAction/resolve", {"title": "Fix all amolint problems (1)", "kind": "source.fixAll.amolint", "data": {"uri": CMD_URI, "version": 1}}, 3)},
    {"expect": {"id": 3, "result": {"title": "Fix all amolint problems (1)", "edit": {"documentChanges": [{"textDocument": {"uri": CMD_URI, "version": 1},
        "edits": [{"range": blue_b, "newText": "b"}]}]}}}},
    {"send": msg("workspace/executeCommand", {"command": "amolint.applyAllFixes", "arguments": [{"uri": CMD_URI, "version": 1}]}, 4)},
    {"expect": {"id": "amolint-1", "method": "workspace/applyEdit", "params": {"label": "amolint: fix all", "edit": {"documentChanges": [
        {"textDocument": {"uri": CMD_URI, "version": 1}, "edits": [{"range": blue_b, "newText": "b"}]}]}}}},
    {"expect": {"id": 4, "result": None}},
    {"send": {"jsonrpc": "2.0", "id": "amolint-1", "result": {"applied": True}}},
    {"send": msg("workspace/executeCommand", {"command": "amolint.applyAllFixes", "arguments": [{"uri": CMD_URI, "version": 7}]}, 5)},
    {"expect": {"id": 5, "error": {"code": -32801}}},
    {"send": msg("workspace/executeCommand", {"command": "amolint.showRuleDocumentation", "arguments": ["invalid-color"]}, 6)},
    {"expect": {"id": "amolint-2", "method": "window/showDocument", "params": {"uri": "<any>", "external": True}}},
    {"expect": {"id": 6, "result": None}},
    {"send": msg("workspace/executeCommand", {"command": "amolint.showRuleDocumentation", "arguments": ["no-such-rule"]}, 7)},
    {"expect": {"id": 7, "error": {"code": -32602}}},
] + shutdown_exit())

# configuration lookup stays inside the workspace folder
ws_files = {".amolint.json": '{"rules": {"invalid-color": "off"}}', "ws/proj/.amolint.json": '{"rules": {"missing-state": "off"}}'}
write("configuration-boundary.json", "A path is normalised before the workspace-boundary check; untitled documents use the workspace's .amolint.json; other schemes read no file.", [
    {"send": init({}, workspaceFolders=[{"uri": "${workspaceUri}/ws/proj", "name": "proj"}])}, INIT_OK, {"send": msg("initialized", {})},
    {"comment": "inside the folder: its .amolint.json applies, never the one above it"},
    {"send": open_("${workspaceUri}/ws/proj/a.html", page)},
    {"expect": publish("${workspaceUri}/ws/proj/a.html", [{"code": "invalid-color"}], 1)},
    {"comment": "../.. leaves the workspace: no configuration file is read (not the one above the folder)"},
    {"send": open_("${workspaceUri}/ws/proj/../../b.html", page2)},
    {"expect": publish("${workspaceUri}/ws/proj/../../b.html", [{"code": "missing-state"}, {"code": "invalid-color"}], 1)},
    {"send": open_("untitled:Untitled-1", page2)},
    {"expect": publish("untitled:Untitled-1", [{"code": "invalid-color"}], 1)},
    {"send": open_("git:/ws/proj/a.html?ref=HEAD", page2)},
    {"expect": publish("git:/ws/proj/a.html?ref=HEAD", [{"code": "missing-state"}, {"code": "invalid-color"}], 1)},
] + shutdown_exit(), files=ws_files)

# workspace diagnostics: pull with partial results and progress, then unchanged; push through a setting
wd_files = {
    ".amolint.json": '{"exclude": ["legacy/**"]}',
    "a.html": f'<p>Вход 🔐</p><div class="amocrm_oauth" data-client-id="{ID}" data-color="Blue" data-state="{{{{ s }}}}"></div>{SRC}',
    "b.php": "<?php echo '<b>clean</b>'; ?>\n",
    "legacy/old.html": '<div class="amocrm_oauth" data-color="Pink"></div>',
    "vendor/lib.html": '<div class="amocrm_oauth" data-color="Pink"></div>',
}
wd_a = wd_files["a.html"]
a_report = {"kind": "full", "uri": "${workspaceUri}/a.html", "version": None, "resultId": "<any>",
            "items": [{"code": "invalid-color", "range": rng(wd_a, "Blue", "utf-16")}]}
b_report = {"kind": "full", "uri": "${workspaceUri}/b.php", "version": None, "resultId": "<any>", "items": []}
write("workspace-diagnostics.json", "workspace/diagnostic: every checkable file, excludes and skipped folders honoured, partial results and progress, unchanged on a second pull.", [
    {"send": init({"textDocument": {"diagnostic": {}}, "window": {"workDoneProgress": True}})}, INIT_OK, {"send": msg("initialized", {})},
    {"send": msg("workspace/diagnostic", {"previousResultIds": [], "partialResultToken": "p1", "workDoneToken": "w1"}, 2)},
    {"expect": {"method": "$/progress", "params": {"token": "w1", "value": {"kind": "begin", "title": "amolint"}}}},
    {"expect": {"method": "$/progress", "params": {"token": "p1", "value": {"items": [a_report, b_report]}}}},
    {"expect": {"method": "$/progress", "params": {"token": "w1", "value": {"kind": "end"}}}},
    {"expect": {"id": 2, "result": {"items": []}}},
    {"comment": "without tokens the reports are the answer; an editor's text wins over the file"},
    {"send": open_("${workspaceUri}/b.php", "<?php echo '<div class=\"amocrm_oauth\" data-color=\"Red\"></div>';")},
    {"send": msg("workspace/diagnostic", {"previousResultIds": []}, 3)},
    {"expect": {"id": 3, "result": {"items": [a_report, {"kind": "full", "uri": "${workspaceUri}/b.php", "version": 1, "items": [
        {"code": "missing-client-id"}, {"code": "missing-script"}, {"code": "missing-state"}, {"code": "invalid-color"}]}]}}},
] + shutdown_exit(), files=wd_files)

write("workspace-diagnostics-push.json", "A push client asks for every file with `workspaceDiagnostics: true`: closed files are published without a version.", [
    {"send": init({}, initializationOptions={"workspaceDiagnostics": True})}, INIT_OK, {"send": msg("initialized", {})},
    {"expect": publish("${workspaceUri}/a.html", [{"code": "invalid-color"}])},
    {"expect": publish("${workspaceUri}/b.php", [])},
] + shutdown_exit(), files=wd_files)

# `run: onSave`: a push client hears about a change when the document is saved
write("run-on-save.json", "With `amolint.run: onSave` a push client gets diagnostics when the document is opened and saved, not on every change.", [
    {"send": init({}, initializationOptions={"run": "onSave"})}, INIT_OK, {"send": msg("initialized", {})},
    {"send": open_(URI, page)},
    {"expect": publish(URI, [{"code": "invalid-color"}], 1)},
    {"send": msg("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": page.replace('data-color="X"', 'data-color="Y"')}]})},
    {"send": msg("textDocument/hover", {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}, 5)},
    {"comment": "nothing published for version 2 before the save: the next message is the hover's answer"},
    {"expect": {"id": 5}},
    {"send": msg("textDocument/didSave", {"textDocument": {"uri": URI}})},
    {"expect": publish(URI, [{"code": "invalid-color", "message": "<any>"}], 2)},
] + shutdown_exit())

# VS Code's sequence (vscode-languageclient 9): dynamic registration of didChangeConfiguration,
# the payload used as sent, `null` and `{}` answers that keep the initialization options.
vscode_caps = {"workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": True},
                             "didChangeWatchedFiles": {"dynamicRegistration": True}}}
write("settings-layers.json", "VS Code's settings flow: didChangeConfiguration registered dynamically, its payload used, a null or empty answer keeps initializationOptions, every bad rule setting in one message.", [
    {"send": init(vscode_caps, initializationOptions={"rules": {"missing-state": "off"}})}, INIT_OK,
    {"send": msg("initialized", {})},
    {"expect": {"id": "amolint-1", "method": "client/registerCapability", "params": {"registrations": [
        {"id": "amolint-configuration-files", "method": "workspace/didChangeWatchedFiles", "registerOptions": "<any>"},
        {"id": "amolint-settings", "method": "workspace/didChangeConfiguration", "registerOptions": {"section": "amolint"}}]}}},
    {"expect": {"id": "amolint-2", "method": "workspace/configuration", "params": {"items": [{"section": "amolint"}]}}},
    {"send": {"jsonrpc": "2.0", "id": "amolint-1", "result": None}},
    {"comment": "null: the client cannot provide settings; the initialization options stay"},
    {"send": {"jsonrpc": "2.0", "id": "amolint-2", "result": [None]}},
    {"send": open_(URI, page2)},
    {"expect": publish(URI, [{"code": "invalid-color", "severity": 1}], 1)},
    {"comment": "a payload that holds the section is used as sent: no workspace/configuration request"},
    {"send": msg("workspace/didChangeConfiguration", {"settings": {"amolint": {"rules": {"invalid-color": "off"}}}})},
    {"expect": publish(URI, [], 1)},
    {"comment": "a null payload makes the server ask; an empty answer clears the client's layer only"},
    {"send": msg("workspace/didChangeConfiguration", {"settings": None})},
    {"expect": {"id": "amolint-3", "method": "workspace/configuration"}},
    {"send": {"jsonrpc": "2.0", "id": "amolint-3", "result": [{}]}},
    {"expect": publish(URI, [{"code": "invalid-color", "severity": 1}], 1)},
    {"comment": "two bad rule settings: one message names both, the valid one applies"},
    {"send": msg("workspace/didChangeConfiguration", {"settings": {"amolint": {"rules": {"no-such-rule": "off", "invalid-color": "loud", "missing-logo": "off"}}}})},
    {"expect": {"method": "window/showMessage", "params": {"type": 2, "message":
        'amolint: amolint settings: rules.invalid-color: expected one of "off", "hint", "information", "warning", "error"; '
        'amolint settings: rules.no-such-rule: unknown rule id'}}},
    {"expect": publish(URI, [{"code": "invalid-color", "severity": 1}], 1)},
] + shutdown_exit())

# .amolint.json reload
watch_caps = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}}
write("configuration-file.json", "The nearest .amolint.json applies; a change to it (watched through a dynamic registration) re-lints open documents.", [
    {"send": init(watch_caps)}, INIT_OK, {"send": msg("initialized", {})},
    {"expect": {"id": "amolint-1", "method": "client/registerCapability", "params": {"registrations": [{"method": "workspace/didChangeWatchedFiles", "id": "<any>", "registerOptions": {"watchers": [{"globPattern": "**/.amolint.json"}]}}]}}},
    {"send": {"jsonrpc": "2.0", "id": "amolint-1", "result": None}},
    {"send": open_("${workspaceUri}/site/page.html", page2)},
    {"expect": publish("${workspaceUri}/site/page.html", [{"code": "invalid-color", "severity": 2}], 1)},
    {"writeFile": {"path": ".amolint.json", "content": "{\"rules\": {\"missing-state\": \"error\"}}"}},
    {"send": msg("workspace/didChangeWatchedFiles", {"changes": [{"uri": "${workspaceUri}/.amolint.json", "type": 2}]})},
    {"expect": publish("${workspaceUri}/site/page.html", [{"code": "missing-state", "severity": 1}, {"code": "invalid-color", "severity": 1}], 1)},
    {"comment": "a broken file is shown to the user and the defaults apply"},
    {"writeFile": {"path": ".amolint.json", "content": "{\"rulez\": {}}"}},
    {"send": msg("workspace/didChangeWatchedFiles", {"changes": [{"uri": "${workspaceUri}/.amolint.json", "type": 2}]})},
    {"expect": {"method": "window/showMessage", "params": {"type": 2}}},
    {"expect": publish("${workspaceUri}/site/page.html", [{"code": "missing-state", "severity": 2}, {"code": "invalid-color", "severity": 1}], 1)},
    {"comment": "excluded files get no diagnostics"},
    {"writeFile": {"path": ".amolint.json", "content": "{\"exclude\": [\"site\"]}"}},
    {"send": msg("workspace/didChangeWatchedFiles", {"changes": [{"uri": "${workspaceUri}/.amolint.json", "type": 2}]})},
    {"expect": publish("${workspaceUri}/site/page.html", [], 1)},
] + shutdown_exit(), files={".amolint.json": "{\"rules\": {\"missing-state\": \"off\", \"invalid-color\": \"warning\"}}"})

# buttons inside code (spec §7): JavaScript, TypeScript and PHP language ids, positions in UTF-16
js = ("// Кнопка «Войти» 🚀\nuseEffect(() => {\n  const s = document.createElement('script') // 👩‍💻\n"
      "  s.className = 'amocrm_oauth'; s.dataset.clientId = 'ваш-id'\n"
      "  s.src = 'https://www.amocrm.ru/auth/button.min.js'; document.body.append(s)\n}, [])\n")
ts = "/* Вход 🔐 */ box.innerHTML = `<script class=\"amocrm_oauth\" data-client-id=\"${id}\" data-state=\"${st}\" src=\"https://www.amocrm.ru/auth/button.min.js\"></script>`\n"
php = ("<p>Кнопка 🚀</p>\n<?php\n// echo '<script class=\"amocrm_oauth\">';\n"
       "echo '<script class=\"amocrm_oauth\" data-client-id=\"' . $id . '\" data-state=\"' . $_SESSION['state'] . '\" "
       "data-color=\"Blue\" src=\"https://www.amocrm.ru/auth/button.min.js\"></script>';\n")
write("code-buttons.json", "Buttons built in JavaScript, TypeScript and PHP code, by language id: exact UTF-16 ranges, nothing from comments.", [
    {"send": init()}, INIT_OK, {"send": msg("initialized", {})},
    {"send": open_("untitled:Untitled-2", js, lang="javascript")},
    {"expect": publish("untitled:Untitled-2", [
        {"code": "missing-state", "range": rng(js, "'script'", "utf-16")},
        {"code": "placeholder-value", "range": rng(js, "ваш-id", "utf-16")},
        {"code": "late-injection", "range": rng(js, "https://www.amocrm.ru/auth/button.min.js", "utf-16")},
    ], 1)},
    {"send": open_("untitled:Untitled-3", ts, lang="typescript")},
    {"expect": publish("untitled:Untitled-3", [{"code": "inert-script", "range": rng(ts, "script", "utf-16")}], 1)},
    {"send": open_("${workspaceUri}/connect.php", php, lang="php")},
    {"expect": publish("${workspaceUri}/connect.php", [{"code": "invalid-color", "range": rng(php, "Blue", "utf-16")}], 1)},
] + shutdown_exit())

write("language-ids.json", "Any languageId: JSX from the language id when the name does not say it; Blade and Twig comments.", [
    {"send": init()}, INIT_OK, {"send": msg("initialized", {})},
    {"send": open_("untitled:Untitled-1", f'return <script className="amocrm_oauth" data-client-id={{id}} data-state={{s}} src="https://www.amocrm.ru/auth/button.min.js" />', lang="javascriptreact")},
    {"expect": publish("untitled:Untitled-1", [{"code": "jsx-script", "range": {"start": {"line": 0, "character": 8}, "end": {"line": 0, "character": 14}}}], 1)},
    {"send": open_("${workspaceUri}/v.blade.php", "{{-- amolint-disable-next-line invalid-color --}}\n" + page, lang="blade")},
    {"expect": publish("${workspaceUri}/v.blade.php", [], 1)},
] + shutdown_exit())
