#!/usr/bin/env python3
"""Deterministic benchmark inputs (fixed seed): realistic Russian and English
pages with inline scripts and styles, comments, template syntax and 0-3 buttons
with a mix of mistakes.

Usage: generate.py OUT_DIR [--dense-only]   writes page-10mb.html, page-1mb.html
(its first 1 MB, cut at a line), small.html, tree/ (5,000 templates, about
100 MB, 5% with a button), and the button-dense pages page-dense-10mb.html (240
buttons) and page-dense-1mb.html (200 buttons), both with inline scripts,
styles, comments and `{% %}` / `<?php ?>` blocks. `--dense-only` writes only
the dense pages (their own seed: the other inputs do not change).
"""
import os
import random
import sys

RU = "Подключите amoCRM и получайте заявки с сайта прямо в воронку продаж без ручного ввода данных".split()
EN = "Connect your Kommo account to receive leads from the website straight into the sales pipeline".split()
CLIENT = "0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b"

BUTTONS = [
    # clean, existing integration
    '<script class="amocrm_oauth" charset="utf-8" data-client-id="{cid}" data-title="Подключить amoCRM" data-compact="false" '
    'data-color="violet" data-state="{{{{ csrf_state }}}}" data-mode="popup" src="https://www.amocrm.ru/auth/button.min.js"></script>',
    # metadata with mistakes: hyphen, http, spaces, colour case, mode slip, static state
    '<script class="amocrm_oauth" data-name="Склад 24" data-description="Синхронизация" data-redirect-uri="https://shop.ru/amo/cb" '
    'data-secrets_uri="http://shop.ru/amo/secrets" data-scopes="crm, notifications" data-color="Blue" data-state="shop24" '
    'data-mode="post-message" src="https://www.amocrm.ru/auth/button.min.js"></script>',
    # Kommo with data-color and a bad theme
    '<div class="kommo_oauth" data-client-id="<?= $clientId ?>" data-color="blue" data-theme="Dark" data-locale="ru" '
    'data-state="<?= $state ?>"></div><script src="https://www.kommo.com/auth/button.js"></script>',
    # legacy id and placeholders
    '<script id="amocrm_oauth" data-client-id="xxxx" data-title="Button" data-state="state" '
    'src="http://www.amocrm.ru/auth/button.min.js"></script>',
]


def words(rnd, n):
    pool = RU if rnd.random() < 0.6 else EN
    return " ".join(rnd.choice(pool) for _ in range(n))


def block(rnd, n):
    kind = rnd.random()
    if kind < 0.08:
        return "<script>\nvar items = %d; for (var i = 0; i < items; i++) { if (i > 3 && i < 7) console.log('<div>' + i); }\n</script>\n" % n
    if kind < 0.14:
        return "<style>.card-%d { color: #333; } .card-%d > p { margin: 0 }</style>\n" % (n, n)
    if kind < 0.22:
        return "<!-- %s -->\n" % words(rnd, 6)
    if kind < 0.30:
        return '<p class="lead">{{ __("%s") }} {%% if user %%}{{ user.name }}{%% endif %%}</p>\n' % words(rnd, 4)
    if kind < 0.36:
        return '<?php if ($user->isAdmin()): ?><a href="/admin?id=<?= $id ?>">%s</a><?php endif; ?>\n' % words(rnd, 3)
    if kind < 0.42:
        return '<img src="/img/%d.jpg" alt="%s" loading="lazy" width="320" height="200">\n' % (n, words(rnd, 3))
    return '<div class="row"><div class="col-md-%d"><p>%s</p></div></div>\n' % (n % 12 + 1, words(rnd, 14))


def page(rnd, size, buttons):
    out = ['<!DOCTYPE html>\n<html lang="ru">\n<head><meta charset="utf-8"><title>%s</title></head>\n<body>\n' % words(rnd, 5)]
    total = len(out[0].encode())
    spots = sorted(rnd.sample(range(1, 1000), buttons)) if buttons else []
    n = 0
    while total < size:
        n += 1
        chunk = block(rnd, n)
        if spots and n >= spots[0] * max(1, size // 20000) // 50:
            spots.pop(0)
            chunk += rnd.choice(BUTTONS).format(cid=CLIENT) + "\n"
        out.append(chunk)
        total += len(chunk.encode())
    out.append("</body>\n</html>\n")
    return "".join(out)


def bundle(rnd, size, button):
    """Minified JavaScript: functions, regular expressions, strings and templates
    on one long line, like a production bundle; `button` puts one builder in it."""
    names = ["e", "t", "n", "r", "o", "i", "a", "s", "u", "c"]
    chunks, total, k = [], 0, 0
    while total < size:
        a, b = rnd.choice(names), rnd.choice(names)
        chunk = rnd.choice([
            f'function f{k}({a},{b}){{return {a}/{b}/2>1?{a}.replace(/[\'"]+/g,""):`${{{b}}}px`}}',
            f'var v{k}={{id:{k},label:"{words(rnd, 3)}",path:"/api/v1/items/{k}",ok:!0}};',
            f'{a}.addEventListener("click",function(){{{b}.classList.toggle("is-open")}});',
            f'const r{k}=new RegExp("^\\\\d+$","g"),q{k}={a}.length/{k + 1};',
        ])
        chunks.append(chunk)
        total += len(chunk)
        k += 1
    if button:
        chunks.insert(len(chunks) // 2, '!function(){var e=document.createElement("script");e.className="amocrm_oauth",'
                      'e.dataset.clientId="' + CLIENT + '",e.dataset.state=window.amoState,'
                      'e.src="https://www.amocrm.ru/auth/button.min.js",document.body.appendChild(e)}();')
    return "/*! bundle */\n" + "".join(chunks) + "\n"


def dense(rnd, size, buttons):
    """A page with `buttons` buttons spread evenly through ordinary markup."""
    parts = page(rnd, size, 0).split("\n")
    step = len(parts) // (buttons + 1)
    for k in range(buttons, 0, -1):
        parts.insert(k * step, BUTTONS[k % len(BUTTONS)].format(cid=CLIENT))
    return "\n".join(parts)


def write_dense(out):
    rnd = random.Random(20261130)
    for name, size, buttons in (("page-dense-10mb.html", 10_000_000, 240), ("page-dense-1mb.html", 1_000_000, 200)):
        with open(os.path.join(out, name), "w") as f:
            f.write(dense(rnd, size, buttons))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    write_dense(out)
    if "--dense-only" in sys.argv:
        return
    rnd = random.Random(20261129)
    big = page(rnd, 10_000_000, 0)
    # Buttons spread through the 10 MB page: one every ~400 KB.
    parts = big.split("\n")
    step = len(parts) // 25
    for k in range(1, 25):
        parts.insert(k * step, BUTTONS[k % len(BUTTONS)].format(cid=CLIENT))
    big = "\n".join(parts)
    with open(os.path.join(out, "page-10mb.html"), "w") as f:
        f.write(big)
    cut = big.encode()[:1_000_000]
    cut = cut[: cut.rfind(b"\n") + 1]
    with open(os.path.join(out, "page-1mb.html"), "wb") as f:
        f.write(cut)
    with open(os.path.join(out, "bundle-10mb.js"), "w") as f:
        f.write(bundle(rnd, 10_000_000, False))
    with open(os.path.join(out, "bundle-button-10mb.js"), "w") as f:
        f.write(bundle(rnd, 10_000_000, True))
    with open(os.path.join(out, "small.html"), "w") as f:
        f.write(page(rnd, 4000, 1))
    tree = os.path.join(out, "tree")
    extensions = [".html", ".php", ".blade.php", ".twig", ".vue", ".html", ".html"]
    for i in range(5000):
        folder = os.path.join(tree, "module%02d" % (i % 50), "views")
        os.makedirs(folder, exist_ok=True)
        buttons = rnd.randint(1, 3) if i % 20 == 0 else 0
        with open(os.path.join(folder, "page%04d%s" % (i, rnd.choice(extensions))), "w") as f:
            f.write(page(rnd, rnd.randint(12_000, 28_000), buttons))


if __name__ == "__main__":
    main()
