# `make install PREFIX=~/.local` puts a release binary (static Swift standard
# library, and on Linux a fully static executable: no dynamic loader at start,
# about 1.5 ms for a small file, and no Swift runtime or glibc needed) on the
# PATH, with its man page and its bash, zsh and fish completions.
# `make dist` builds the release archive and the Python wheel in dist/.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
SWIFT ?= swift
PYTHON ?= python3
VERSION := $(shell sed -n 's/.*current = "\(.*\)"/\1/p' Sources/AmoLint/Version.swift)
STATIC := --static-swift-stdlib $(if $(filter Linux,$(shell uname -s)),-Xswiftc -static-executable)
# The binary installed and packaged (the release build unless given, e.g. AMOLINT=.build/debug/amolint).
AMOLINT ?= $(shell $(SWIFT) build -c release $(STATIC) --show-bin-path)/amolint

.PHONY: build install install-bin install-data uninstall test dist dist-only

build:
	$(SWIFT) build -c release $(STATIC) --product amolint

install: build install-bin install-data

install-bin:
	install -d "$(DESTDIR)$(BINDIR)"
	install -m 755 "$(AMOLINT)" "$(DESTDIR)$(BINDIR)/amolint"

install-data:
	install -d "$(DESTDIR)$(MANDIR)/man1" "$(DESTDIR)$(DATADIR)/bash-completion/completions" \
		"$(DESTDIR)$(DATADIR)/zsh/site-functions" "$(DESTDIR)$(DATADIR)/fish/vendor_completions.d"
	install -m 644 man/amolint.1 "$(DESTDIR)$(MANDIR)/man1/amolint.1"
	"$(AMOLINT)" completions bash > "$(DESTDIR)$(DATADIR)/bash-completion/completions/amolint"
	"$(AMOLINT)" completions zsh > "$(DESTDIR)$(DATADIR)/zsh/site-functions/_amolint"
	"$(AMOLINT)" completions fish > "$(DESTDIR)$(DATADIR)/fish/vendor_completions.d/amolint.fish"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/amolint" "$(DESTDIR)$(MANDIR)/man1/amolint.1" \
		"$(DESTDIR)$(DATADIR)/bash-completion/completions/amolint" "$(DESTDIR)$(DATADIR)/zsh/site-functions/_amolint" \
		"$(DESTDIR)$(DATADIR)/fish/vendor_completions.d/amolint.fish"

# dist/amolint-VERSION-linux-x86_64.tar.gz and dist/amolint-VERSION-py3-none-manylinux_2_NN_x86_64.whl
# (NN = 28 when built on a glibc 2.28 system such as the swift:6.0-rhel-ubi8 image; see packaging/dist.py)
dist: build dist-only

dist-only:
	$(PYTHON) packaging/dist.py --binary "$(AMOLINT)" --version "$(VERSION)" --out dist

test:
	$(SWIFT) test
