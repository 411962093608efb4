#!/usr/bin/env python3
"""Peak memory of `amolint server` for one large document (issue 15, defect 11).

Sends `didOpen` of a generated page over stdio, waits for its publishDiagnostics,
then reads the peak (VmHWM) and current (VmRSS) resident memory of the server
from /proc. Then hovers over the last line and reads them again (a request that
needs the document must not make memory climb). Linux only.

Usage: server_memory.py [--binary .build/release/amolint] [--page markup|buttons|lines] [--size-mb 54]
"""
import argparse
import json
import subprocess
import sys
import threading
import time

# The server's limit on one message body (`JSONRPC.defaultMaximumMessageSize`): a larger
# didOpen is dropped by design, and no publish would ever come.
MESSAGE_LIMIT = 64 * 1024 * 1024
# How long the whole measurement may take before it is called failed, not waited for.
TIMEOUT_SECONDS = 300

BUTTON = ('<script class="amocrm_oauth" data-client-id="0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b" '
          'data-state="{{ s }}" data-color="Blue" src="https://www.amocrm.ru/auth/button.min.js"></script>\n')
MARKUP = '<div class="row"><p>Привет, amoCRM 🚀 text text text</p><a href="https://example.com/x">link</a></div>\n'


def page(kind, size):
    if kind == "buttons":
        return BUTTON * (size // len(BUTTON.encode()))
    if kind == "lines":
        return "x\n" * (size // 2) + '<div class="amocrm_oauth" data-color="Blue"></div>'
    return MARKUP * (size // len(MARKUP.encode())) + '<div class="amocrm_oauth" data-color="Blue"></div>'


def status(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1]) * 1024
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/amolint")
    parser.add_argument("--page", default="markup", choices=["markup", "buttons", "lines"])
    parser.add_argument("--size-mb", type=float, default=54)
    args = parser.parse_args()

    text = page(args.page, int(args.size_mb * 1_000_000))
    size = len(text.encode())
    lines = text.count("\n")
    opened = {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": "file:///big.html", "languageId": "html", "version": 1, "text": text}}}
    body_size = len(json.dumps(opened, ensure_ascii=False).encode())
    if body_size > MESSAGE_LIMIT:
        # A page of short lines grows in JSON (each line break is written `\n`).
        sys.exit(f"the didOpen of this {size / 1e6:.0f} MB page is {body_size / 1e6:.0f} MB of JSON, past the server's "
                 f"{MESSAGE_LIMIT // (1 << 20)} MiB message limit: use a smaller --size-mb")
    p = subprocess.Popen([args.binary, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def send(message):
        body = json.dumps(message, ensure_ascii=False).encode()
        p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        p.stdin.flush()

    # A watchdog: the server killed, the next read ends and says why.
    watchdog = threading.Timer(TIMEOUT_SECONDS, p.kill)
    watchdog.start()

    def recv():
        length = 0
        while True:
            line = p.stdout.readline()
            if line == b"":
                sys.exit(f"the server stopped answering (killed after {TIMEOUT_SECONDS} s, or it exited)")
            if line == b"\r\n":
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(p.stdout.read(length))

    send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}})
    while recv().get("id") != 0:
        pass
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    idle = status(p.pid, "VmRSS:")
    start = time.perf_counter()
    send(opened)
    del text, opened
    while True:
        message = recv()
        if message.get("method") == "textDocument/publishDiagnostics":
            break
    seconds = time.perf_counter() - start
    peak, after = status(p.pid, "VmHWM:"), status(p.pid, "VmRSS:")
    send({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": "file:///big.html"}, "position": {"line": lines, "character": 10}}})
    while recv().get("id") != 1:
        pass
    peak_hover, after_hover = status(p.pid, "VmHWM:"), status(p.pid, "VmRSS:")
    p.stdin.close()
    p.wait()
    watchdog.cancel()
    mb = 1_000_000
    bound = 4 * size + 20 * mb
    print(f"{args.page}: text {size / mb:.1f} MB, {len(message['params']['diagnostics'])} diagnostics, {seconds:.1f} s; "
          f"idle {idle / mb:.0f} MB, peak {peak / mb:.0f} MB ({peak / size:.1f}x), after {after / mb:.0f} MB; "
          f"after a hover: peak {peak_hover / mb:.0f} MB, rss {after_hover / mb:.0f} MB; "
          f"bound {bound / mb:.0f} MB: {'met' if max(peak, peak_hover) < bound else 'NOT MET'}")


if __name__ == "__main__":
    main()
