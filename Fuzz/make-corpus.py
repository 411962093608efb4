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
    # Byte 0 selects the mode (see FuzzServer.swift), bytes 1-4 the read sizes.
    save("Fuzz/corpus/server", b"\x01" + b"\x0f\xf0\x3b\x00" + stream)

# The interleaved mode: pieces of garbage (split at 0xFF), each followed by a request.
junk = [b"X-Junk: " + b"a" * 5000 + b"\r\n\r\n", b"\r\n\r\n", b"Content-Type: x\r\n", b"{\"jsonrpc\":\"2.0\"}\r\n\r\n",
        b"content-length: 4611686018427387904\r\n\r\n", b"garbage" * 1300, b"\x00\x01\x1b[31m", b""]
save("Fuzz/corpus/server", b"\x80" + b"\x3b\x00\x07\xf1" + b"\xff".join(junk))
save("Fuzz/corpus/server", b"\x82" + b"\xef\xef\xef\xef" + b"\xff".join(junk[:2]))
