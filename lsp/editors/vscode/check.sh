#!/usr/bin/env bash
# Installs the extension's pinned tools (package-lock.json), tests the grammar with
# vscode-tmgrammar-test and packages the extension as target/vsix/pmf.vsix. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
npm test
mkdir -p ../../../target/vsix
npm run --silent package
test -s ../../../target/vsix/pmf.vsix
echo "packaged target/vsix/pmf.vsix"
