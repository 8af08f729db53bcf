#!/usr/bin/env bash
# Puts DuckDB's prebuilt C library (libduckdb.so 1.5.6, the embedded engine of `pmf compute`) in
# vendor/libduckdb/, where the build links it (.cargo/config.toml sets DUCKDB_LIB_DIR) and where
# the built pmf finds it at run time (an rpath; compiler/build.rs). Safe to run again: it does
# nothing when the right version is there.
#
# Why prebuilt: the duckdb crate's bundled build compiles DuckDB's C++ (about 370 objects), which
# did not finish in 48 minutes on this project's two-core machines (BENCHMARKS.md). DuckDB
# publishes the library, built by its own CI, in the npm package of its Node.js bindings; npm's
# registry is one this project's machines reach (GitHub's release downloads are not). The
# tarball's SHA-256 is pinned below, so a changed package is refused, not linked.
set -euo pipefail

VERSION=1.5.6-r.1
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64)
    PACKAGE=@duckdb/node-bindings-linux-x64
    SHA256=1b9f82478539bb9a1d1df44bd103121a12ae52142c07158dc52b97d2ec1d69ff
    ;;
  *)
    echo "error: no pinned DuckDB library for $(uname -s) $(uname -m)" >&2
    echo "help: put DuckDB 1.5.6's C library (libduckdb.so) in vendor/libduckdb/ by hand" >&2
    exit 1
    ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/vendor/libduckdb"
if [ -f "$dest/libduckdb.so" ] && [ "$(cat "$dest/VERSION" 2>/dev/null)" = "$VERSION" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm
fi
command -v npm >/dev/null 2>&1 || {
  echo "error: npm is needed to fetch DuckDB's library ($PACKAGE@$VERSION)" >&2
  echo "help: install Node.js and npm (Debian: apt-get install npm), then run this again" >&2
  exit 1
}

mkdir -p "$root/vendor"
tmp="$(mktemp -d "$root/vendor/.fetch.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent --loglevel=error "$PACKAGE@$VERSION" >/dev/null)
tarball=("$tmp"/*.tgz)
echo "$SHA256  ${tarball[0]}" | sha256sum --check --quiet - || {
  echo "error: $PACKAGE@$VERSION is not the tarball this script pins (SHA-256 differs)" >&2
  exit 1
}
tar -xzf "${tarball[0]}" -C "$tmp" package/libduckdb.so package/LICENSE
mkdir -p "$tmp/out"
mv "$tmp/package/libduckdb.so" "$tmp/package/LICENSE" "$tmp/out/"
echo "$VERSION" > "$tmp/out/VERSION"
# Whole or not at all: the folder is swapped in only once it is complete.
rm -rf "$dest.old"
[ -d "$dest" ] && mv "$dest" "$dest.old"
mv "$tmp/out" "$dest"
rm -rf "$dest.old"
echo "DuckDB $VERSION: $dest/libduckdb.so"
