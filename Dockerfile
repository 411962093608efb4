# amolint in a container, no Swift toolchain needed to run it:
#   docker build -t amolint .
#   docker run --rm -v "$PWD:/src" amolint               # amolint check . in the mounted folder
#   docker run --rm -v "$PWD:/src" amolint check templates --format full
# Stage 1 builds the release binary (static Swift standard library); stage 2 is a minimal image
# holding only it (the C library and libstdc++ it links come with the slim Debian base).
FROM swift:6.0-bookworm AS build
WORKDIR /build
# The whole package (SwiftPM checks every target's folder), less what .dockerignore leaves out.
COPY . .
RUN swift build -c release --static-swift-stdlib --product amolint \
    && install -D -m 755 "$(swift build -c release --static-swift-stdlib --show-bin-path)/amolint" /out/amolint \
    && /out/amolint --version

FROM debian:bookworm-slim
COPY --from=build /out/amolint /usr/local/bin/amolint
COPY LICENSE /usr/share/doc/amolint/LICENSE
WORKDIR /src
ENTRYPOINT ["amolint"]
CMD ["check", "."]
