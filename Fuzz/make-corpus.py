#!/usr/bin/env python3
"""Writes the seed corpora from the repository's own material: the example pages
and the rule catalogue's code blocks (lint), and the protocol conversations as
framed byte streams (server). Run from the repository root."""
import json, os, re, hashlib

def save(folder, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)

for i, name in enumerate(sorted(os.listdir("examples")) + ["../editors/test/page.html"]):
    if name.endswith(".md"): continue
    data = open(os.path.join("examples", name), "rb").read()
    for selector in range(4):
        save("Fuzz/corpus/lint", bytes([selector]) + data)
for block in re.findall(r"```\w*\n(.*?)\n```", open("protocol/rules.md", encoding="utf-8").read(), re.S):
    save("Fuzz/corpus/lint", b"\x00" + block.replace("«", "").replace("»", "").encode())

for name in sorted(os.listdir("protocol/conversations")):
    if not name.endswith(".json"): continue
    steps = json.load(open(os.path.join("protocol/conversations", name)))["steps"]
    stream = b""
    for step in steps:
        for message in ([step["send"]] if "send" in step else step.get("sendBatch", [])):
            body = json.dumps(message).replace("${workspaceUri}", "file:///w").encode()
            stream += b"Content-Length: %d\r\n\r\n" % len(body) + body
        if "sendRaw" in step:
            stream += step["sendRaw"].encode()
    save("Fuzz/corpus/server", b"\x01" + stream)
