#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine: the Rust components, and the
# outside programs some tests drive. Safe to run again. As root it installs with apt-get;
# otherwise it says what is missing (tests that need a missing program skip, except under CI=true,
# where a missing program fails the test).
set -euo pipefail

rustup component add rustfmt clippy >/dev/null 2>&1 || true

# Debian packages the tests use, by the program they provide.
declare -A want=(
  [soffice]=libreoffice-calc-nogui   # the XLSX template recalculated (tests/suite/differential.rs)
  [sqlite3]=sqlite3                  # the generated SQL on SQLite
  [pg_ctlcluster]=postgresql         # the generated SQL on a throwaway PostgreSQL server
  [python3]=python3                  # the generated Python module
  [pip3]=python3-pip                 # installs the duckdb module (below)
  [pdftotext]=poppler-utils          # the PDF guidance read back (tests/suite/docs.rs)
  [chromium]=chromium                # the HTML guidance in a browser: axe-core, search
  [node]=nodejs                      # drives chromium for those tests
  [npm]=npm                          # installs tests/docs/axe (below)
  [nvim]=neovim                      # a real editor drives pmf-lsp (lsp/tests/lsp/neovim.rs)
  [msgfmt]=gettext                   # the exported PO file checked (tests/suite/translate.rs)
)

missing=()
for prog in "${!want[@]}"; do
  command -v "$prog" >/dev/null 2>&1 || missing+=("${want[$prog]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "note: not root, so these packages were not installed: ${missing[*]}" >&2
  fi
fi

# The duckdb Python module, for the generated SQL on DuckDB (tests/suite/differential.rs), at a
# pinned version, into the python3 the tests run. A Python that refuses packages outside a
# virtual environment (PEP 668, Debian's own python3) is told to install it anyway: the module
# is a wheel with no dependencies.
DUCKDB_VERSION=2.0.1
if command -v python3 >/dev/null 2>&1; then
  if ! python3 -c "import duckdb, sys; sys.exit(duckdb.__version__ != '$DUCKDB_VERSION')" 2>/dev/null; then
    python3 -m pip install -q --disable-pip-version-check "duckdb==$DUCKDB_VERSION" 2>/dev/null \
      || python3 -m pip install -q --disable-pip-version-check --break-system-packages "duckdb==$DUCKDB_VERSION" \
      || echo "note: the duckdb Python module could not be installed" >&2
  fi
fi

# scipy, for the reference values the statistics tests compare against (compiler/stats/tests:
# Wilson and exact Poisson intervals, exact funnel limits), at a pinned version, the same way.
SCIPY_VERSION=1.17.1
if command -v python3 >/dev/null 2>&1; then
  if ! python3 -c "import scipy, sys; sys.exit(scipy.__version__ != '$SCIPY_VERSION')" 2>/dev/null; then
    python3 -m pip install -q --disable-pip-version-check "scipy==$SCIPY_VERSION" 2>/dev/null \
      || python3 -m pip install -q --disable-pip-version-check --break-system-packages "scipy==$SCIPY_VERSION" \
      || echo "note: the scipy Python module could not be installed" >&2
  fi
fi

# pyspark, for the generated Spark SQL over case records in local mode
# (tests/suite/records_agree.rs), at a pinned version, the same way. Spark 4 needs Java 17 or 21:
# the Debian package default-jre-headless (Java 17 on Debian 12) is installed when java is missing.
PYSPARK_VERSION=4.0.1
if ! command -v java >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends default-jre-headless
  else
    echo "note: not root, so default-jre-headless (java, for pyspark) was not installed" >&2
  fi
fi
if command -v python3 >/dev/null 2>&1; then
  if ! python3 -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    python3 -m pip install -q --disable-pip-version-check "pyspark==$PYSPARK_VERSION" 2>/dev/null \
      || python3 -m pip install -q --disable-pip-version-check --break-system-packages "pyspark==$PYSPARK_VERSION" \
      || echo "note: pyspark could not be installed" >&2
  fi
fi

# translate-toolkit, the XLIFF 2.0 reader that reads back `pmf translate export --format xliff`
# (tests/suite/translate.rs), at a pinned version, the same way.
TRANSLATE_TOOLKIT_VERSION=3.20.4
if command -v python3 >/dev/null 2>&1; then
  if ! python3 -c "import importlib.metadata as m, sys; sys.exit(m.version('translate-toolkit') != '$TRANSLATE_TOOLKIT_VERSION')" 2>/dev/null; then
    python3 -m pip install -q --disable-pip-version-check "translate-toolkit==$TRANSLATE_TOOLKIT_VERSION" 2>/dev/null \
      || python3 -m pip install -q --disable-pip-version-check --break-system-packages "translate-toolkit==$TRANSLATE_TOOLKIT_VERSION" \
      || echo "note: translate-toolkit could not be installed" >&2
  fi
fi

# DuckDB's prebuilt library, which the pmf-engine program (pmf compute) links: the build needs
# it (compiler/build.rs stops and says so without it). Pinned by version and SHA-256.
if command -v npm >/dev/null 2>&1; then
  bash "$(dirname "$0")/../tools/libduckdb.sh"
else
  echo "note: npm is missing, so DuckDB's library (tools/libduckdb.sh) was not fetched" >&2
fi

# axe-core and playwright-core for the browser tests of the HTML guidance, at the versions
# pinned in tests/docs/axe/package-lock.json (never fetched by the tests themselves).
if command -v npm >/dev/null 2>&1; then
  npm ci --prefix "$(dirname "$0")/docs/axe" --no-audit --no-fund --loglevel=error
else
  echo "note: npm is missing, so tests/docs/axe was not installed" >&2
fi
