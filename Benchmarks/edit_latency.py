#!/usr/bin/env python3
"""Edit-to-diagnostics latency of `amolint server` on a large page.

Opens a generated page (1 MB by default) with buttons spread through it, then
sends single-character edits one at a time (incremental sync), each time waiting
for the publishDiagnostics of the new version. Prints p50 / p99 / max in ms to the
last byte of that publish (what the server takes), p50 / p99 with this Python
client's json.loads of it added (`parsed_…`), and
the server's CPU time per edit (user + system from /proc/PID/stat over the whole
session, divided by the edits: a single edit is below the clock tick).

Usage: edit_latency.py [--binary .build/release/amolint] [--size-mb 1] [--edits 1000]
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import time

BUTTON = ('<script class="amocrm_oauth" data-client-id="0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b" '
          'data-state="{{ s }}" data-color="Blue" data-scopes="crm, notifications" '
          'src="https://www.amocrm.ru/auth/button.min.js"></script>\n')


def page(size):
    rnd = random.Random(42)
    words = ["Подключение", "интеграции", "amoCRM", "сделки", "контакты", "🚀", "leads", "pipeline", "Kommo"]
    parts, total, n = [], 0, 0
    while total < size:
        n += 1
        if n % 400 == 0:
            chunk = BUTTON
        elif n % 7 == 0:
            chunk = "<script>var x = %d; if (x < 3) { console.log('<div>'); }</script>\n" % n
        elif n % 11 == 0:
            chunk = "<!-- комментарий %d -->\n" % n
        else:
            chunk = '<p class="t%d">%s</p>\n' % (n % 5, " ".join(rnd.choice(words) for _ in range(12)))
        parts.append(chunk)
        total += len(chunk.encode())
    return "".join(parts)


def cpu_seconds(pid):
    """User + system time of a process, all threads (fields 14 and 15 of /proc/PID/stat)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Server:
    def __init__(self, binary):
        self.p = subprocess.Popen([binary, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def send(self, message):
        body = json.dumps(message).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def recv_raw(self):
        """One message body, unparsed: the client stays thin so the figure is the server's."""
        length = 0
        while True:
            line = self.p.stdout.readline()
            if line in (b"\r\n", b""):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return self.p.stdout.read(length)

    def recv(self):
        return json.loads(self.recv_raw())

    def wait_for(self, predicate):
        while True:
            message = self.recv()
            if predicate(message):
                return message

    def wait_for_publish(self, version):
        """Reads until the publishDiagnostics of `version` and parses it. Returns the
        moment its last byte was read (the server's part) and the moment it was parsed
        (the client's json.loads added: 3-9 ms for a 300 KB publish in Python)."""
        marker = b'"version":%d}' % version
        while True:
            body = self.recv_raw()
            delivered = time.perf_counter()
            if b'"textDocument/publishDiagnostics"' in body and body.rstrip(b"}").endswith(marker.rstrip(b"}")):
                message = json.loads(body)
                if message["params"].get("version") == version:
                    return delivered, time.perf_counter()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/amolint")
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--page", help="a page to open instead of a generated one")
    args = parser.parse_args()
    text = open(args.page, encoding="utf-8").read() if args.page else page(int(args.size_mb * 1_000_000))
    lines = text.split("\n")
    server = Server(args.binary)
    server.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    server.wait_for(lambda m: m.get("id") == 1)
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uri = "file:///bench/page.html"
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri, "languageId": "html", "version": 1, "text": text}}})
    server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    cpu_before = cpu_seconds(server.p.pid)
    latencies, parsed = [], []
    rnd = random.Random(7)
    for version in range(2, args.edits + 2):
        line = rnd.randrange(len(lines) - 1)
        edit = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "x"}
        start = time.perf_counter()
        server.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                     "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [edit]}})
        delivered, done = server.wait_for_publish(version)
        latencies.append((delivered - start) * 1000)
        parsed.append((done - start) * 1000)
    cpu = cpu_seconds(server.p.pid) - cpu_before
    with open(f"/proc/{server.p.pid}/status") as status:
        peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) / 1024
    server.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    server.wait_for(lambda m: m.get("id") == 2)
    server.send({"jsonrpc": "2.0", "method": "exit"})
    server.p.wait()
    latencies.sort()
    parsed.sort()
    p = lambda q, xs=latencies: xs[min(len(xs) - 1, int(q * len(xs)))]
    print(json.dumps({"page_bytes": len(text.encode()), "edits": len(latencies), "p50_ms": round(statistics.median(latencies), 3),
                      "p99_ms": round(p(0.99), 3), "max_ms": round(latencies[-1], 3),
                      "parsed_p50_ms": round(statistics.median(parsed), 3), "parsed_p99_ms": round(p(0.99, parsed), 3),
                      "peak_rss_mb": round(peak, 1),
                      "cpu_per_edit_ms": round(cpu * 1000 / len(latencies), 3)}))


if __name__ == "__main__":
    main()
