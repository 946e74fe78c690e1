#!/usr/bin/env bash
# Installs the xAPI test tools into .vscode-test/lrs/ from the npm registry, on demand (like code-server):
# Learning Locker's statement validator (@learninglocker/xapi-validation, MIT) and its LRS (xapi-statements,
# GPL-3.0), which the integration tests run in memory on 127.0.0.1. Neither is a dependency of the extension,
# bundled or shipped. Idempotent: exits at once when the pinned versions are there.
set -euo pipefail

VALIDATION=4.0.0
STATEMENTS=5.0.1
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PREFIX=$ROOT/.vscode-test/lrs

version_of() {
	node -p "require('$PREFIX/node_modules/$1/package.json').version" 2>/dev/null || true
}

is_installed() {
	[ "$(version_of @learninglocker/xapi-validation)" = "$VALIDATION" ] && [ "$(version_of xapi-statements)" = "$STATEMENTS" ]
}

is_installed && exit 0

# Serialise concurrent test files (node --test runs them in parallel) on one install.
mkdir -p "$PREFIX"
exec 9>"$ROOT/.vscode-test/lrs.lock"
flock 9
is_installed && exit 0

echo "installLrs: installing @learninglocker/xapi-validation@$VALIDATION and xapi-statements@$STATEMENTS into .vscode-test/lrs" >&2
[ -f "$PREFIX/package.json" ] || echo '{ "name": "xapi-test-tools", "private": true }' > "$PREFIX/package.json"
(cd "$PREFIX" && npm install --no-audit --no-fund --loglevel=error --ignore-scripts \
	"@learninglocker/xapi-validation@$VALIDATION" "xapi-statements@$STATEMENTS" >&2)
is_installed || { echo "installLrs: the xAPI test tools did not install" >&2; exit 1; }
