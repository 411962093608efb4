#!/usr/bin/env python3
"""The peers: the same job (find the button tags and read their attributes)
with selectolax (lexbor) or BeautifulSoup + html.parser.

Usage: peers.py selectolax|bs4 [--jobs N] PATH...   (folders are walked)
"""
import os
import sys
from multiprocessing import Pool

SELECTOR = ".amocrm_oauth, .kommo_oauth, script[src*='/auth/button']"


def files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, _, names in os.walk(path):
                for name in names:
                    yield os.path.join(root, name)
        else:
            yield path


def selectolax(path):
    from selectolax.lexbor import LexborHTMLParser
    with open(path, "rb") as f:
        tree = LexborHTMLParser(f.read())
    return sum(len(node.attributes) for node in tree.css(SELECTOR))


def bs4(path):
    from bs4 import BeautifulSoup
    with open(path, encoding="utf-8", errors="replace") as f:
        soup = BeautifulSoup(f.read(), "html.parser")
    return sum(len(tag.attrs) for tag in soup.select(SELECTOR))


def main():
    args = sys.argv[1:]
    parser = {"selectolax": selectolax, "bs4": bs4}[args.pop(0)]
    jobs = 1
    if args and args[0] == "--jobs":
        jobs = int(args[1])
        args = args[2:]
    paths = list(files(args))
    if jobs > 1:
        with Pool(jobs) as pool:
            found = sum(pool.map(parser, paths, chunksize=32))
    else:
        found = sum(map(parser, paths))
    print(found)


if __name__ == "__main__":
    main()
