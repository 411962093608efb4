# `make install PREFIX=~/.local` puts a release binary (static Swift standard
# library: it starts in about 2 ms and needs no Swift runtime) on the PATH.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
SWIFT ?= swift

.PHONY: build install uninstall test

build:
	$(SWIFT) build -c release --static-swift-stdlib --product amolint

install: build
	install -d "$(DESTDIR)$(BINDIR)"
	install -m 755 "$$($(SWIFT) build -c release --static-swift-stdlib --show-bin-path)/amolint" "$(DESTDIR)$(BINDIR)/amolint"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/amolint"

test:
	$(SWIFT) test
