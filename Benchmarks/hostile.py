#!/usr/bin/env python3
"""Hostile inputs in linear time and at useful speed: each generator is run at
1 MB and 10 MB through `amolint check` (release build); time(10 MB) / time(1 MB)
must stay under 12 and the 10 MB input must go through at 50 MB/s or more.
Besides the pages, a configuration: `.amolint.json` with 1,000 `**/` exclude
globs over 20 files deep in a tree, measured in files a second.

Usage: hostile.py [--binary .build/release/amolint] [--runs 3] [--markdown]
Exit status 1 when a ratio is 12 or more, or an input is under 50 MB/s.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BUTTON = ('<script class="amocrm_oauth" data-client-id="0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b" '
          'data-state="{{ s }}" data-color="Blue" src="https://www.amocrm.ru/auth/button.min.js"></script>\n')


def fill(unit, size):
    unit = unit.encode() if isinstance(unit, str) else unit
    return (unit * (size // len(unit) + 1))[:size]


GENERATORS = {
    "10 MB of `<`": lambda n: fill("<", n),
    "an unclosed `<!--`": lambda n: b"<!--" + fill("<div class=\"amocrm_oauth\"> ", n),
    "an unclosed `<script`": lambda n: b"<script " + fill("a=1 ", n),
    "one tag, 100,000+ attributes": lambda n: b'<div class="amocrm_oauth" ' + fill("data-x=1 ", n) + b">",
    "a 5 MB attribute value": lambda n: b'<div class="amocrm_oauth" data-title="' + fill("Привет 🚀 ", n // 2) + b'"></div>',
    "unclosed `{{` and `<?php`": lambda n: fill('<div class="amocrm_oauth" data-x="{{ <?php ', n),
    "100,000+ buttons": lambda n: fill(BUTTON, n),
    "1,000,000+ lines": lambda n: fill("\n", n),
    "invalid UTF-8": lambda n: fill(b'\xff\xfe<div class="amocrm_oauth" data-color="\xca\xa8\xf0\x9f">', n),
    "NUL bytes": lambda n: fill(b'\x00<div class="amocrm_oauth"\x00 data-color="\x00">', n),
    "unclosed JSX braces": lambda n: fill('<div className="amocrm_oauth" data-x={', n),
    # Buttons inside code (spec §7): the PHP and JavaScript lexers.
    "PHP: an unterminated string": lambda n: b"<?php echo '" + fill('<div class="amocrm_oauth" data-color="Blue"> \\\' ', n),
    "PHP: an unterminated heredoc": lambda n: b"<?php echo <<<HTML\n" + fill('<div class="amocrm_oauth" data-x="{$a[1]}">\n', n),
    "PHP: 100,000+ blocks": lambda n: fill("<?php echo '<b class=\"amocrm_oauth\" data-x=\"' . $x . '\">'; /* ?> */ ?>", n),
    "JS: a regex-looking division chain": lambda n: b"x = " + fill("a / b / '<i class=\"amocrm_oauth\">' / c /", n),
    "JS: 100,000+ nested template literals": lambda n: b"`${" * (n // 6) + b"'amocrm_oauth'" + b"}`" * (n // 6),
    "JS: an unterminated template": lambda n: b"`<div class=\"amocrm_oauth\" " + fill('${a} data-x="y" ', n),
    "JS: 100,000+ builders": lambda n: fill("var s=document.createElement('script');s.className='amocrm_oauth';"
                                            "s.dataset.clientId='x';s.src='https://www.amocrm.ru/auth/button.min.js';", n),
}

# The file name each input is checked under (default: a page).
SUFFIX = {"unclosed JSX braces": ".jsx", "JS: an unterminated template": ".ts"}


def timed(binary, paths, runs):
    """The median time of each of `paths`, which take turns run by run after one untimed run each:
    the ratio is the target, and the machine's speed drifts within seconds."""
    times = [[] for _ in paths]
    for k in range(runs + 1):
        for i, path in enumerate(paths):
            start = time.perf_counter()
            result = subprocess.run([binary, "check", path, "--format", "json"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if k > 0:
                times[i].append(time.perf_counter() - start)
            if result.returncode not in (0, 1):
                sys.exit(f"{path}: amolint exited {result.returncode}")
    return [statistics.median(t) for t in times]


def config_globs(binary, runs):
    """20 files eight folders deep, under a configuration of 1,000 `**/` globs: half
    name a folder (`**/cache-17/**`), half only a file pattern (`**/*.gen17.html`),
    none matching, so every file is checked against every glob."""
    with tempfile.TemporaryDirectory() as root:
        os.mkdir(os.path.join(root, ".git"))
        globs = [f"**/cache-{i}/**" if i % 2 == 0 else f"**/*.gen{i}.html" for i in range(1000)]
        with open(os.path.join(root, ".amolint.json"), "w") as f:
            f.write('{"exclude": [%s]}' % ", ".join(f'"{g}"' for g in globs))
        for i in range(20):
            folder = os.path.join(root, *[f"level{d}-{i % 3}" for d in range(8)])
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, f"page{i}.html"), "w") as f:
                f.write(BUTTON)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            result = subprocess.run([binary, "check", root, "--format", "json"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
            if result.returncode not in (0, 1):
                sys.exit(f"config globs: amolint exited {result.returncode}")
        return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/amolint")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    rows, worst = [], 0.0
    with tempfile.TemporaryDirectory() as folder:
        for name, make in GENERATORS.items():
            suffix = SUFFIX.get(name, ".php" if name.startswith("PHP") else ".js" if name.startswith("JS") else ".html")
            paths = []
            for size in (1_000_000, 10_000_000):
                paths.append(os.path.join(folder, f"input-{size}{suffix}"))
                with open(paths[-1], "wb") as f:
                    f.write(make(size))
            times = timed(args.binary, paths, args.runs)
            ratio = times[1] / times[0]
            worst = max(worst, ratio)
            rows.append((name, times[0] * 1000, times[1] * 1000, ratio, 10.0 / times[1]))
    globs = config_globs(args.binary, args.runs)
    slowest = min(r[4] for r in rows)
    if args.markdown:
        print("| input | 1 MB (ms) | 10 MB (ms) | ratio | MB/s (10 MB) |\n|---|---:|---:|---:|---:|")
        for name, a, b, r, speed in rows:
            print(f"| {name} | {a:.1f} | {b:.1f} | {r:.1f} | {speed:.0f} |")
        print(f"\n`.amolint.json` with 1,000 `**/` exclude globs, 20 files eight folders deep: {globs * 1000:.1f} ms, "
              f"{20 / globs:.0f} files/s (process start included).")
    else:
        for name, a, b, r, speed in rows:
            print(f"{name:38} {a:9.1f} ms {b:9.1f} ms  ratio {r:5.1f}  {speed:6.0f} MB/s")
        print(f"{'1,000 exclude globs, 20 files':38} {globs * 1000:9.1f} ms  {20 / globs:.0f} files/s")
    if worst >= 12:
        sys.exit(f"a ratio of {worst:.1f} is not linear (limit 12)")
    if slowest < 50:
        sys.exit(f"an input went through at {slowest:.0f} MB/s (at least 50)")


if __name__ == "__main__":
    main()
