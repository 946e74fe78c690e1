#!/usr/bin/env bash
# Installs code-server (the real VS Code server + web workbench, here VS Code 1.100.3) into
# .vscode-test/code-server/ from the npm registry, so extension-host and UI tests need no VS Code download.
# Idempotent: exits at once when the pinned version is already there.
set -euo pipefail

VERSION=4.100.3                 # the last code-server whose postinstall accepts Node 20
RIPGREP_NPM=1.18.0              # @vscode/ripgrep-linux-x64: a static rg shipped inside the npm package
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PREFIX=$ROOT/.vscode-test/code-server
BIN=$PREFIX/node_modules/.bin/code-server

fail() {
	echo "installCodeServer: $1" >&2
	exit 1
}

installed_version() {
	node -p "require('$PREFIX/node_modules/code-server/package.json').version" 2>/dev/null || true
}

is_installed() {
	[ -x "$BIN" ] && [ "$(installed_version)" = "$VERSION" ]
}

# code-server 4.100.3 pins @vscode/ripgrep 1.15.11, whose postinstall downloads rg from api.github.com.
# It takes a cached archive from $TMPDIR/vscode-ripgrep-cache-1.15.11/ instead, so seed that cache.
seed_ripgrep_cache() {
	local cache=$TMPDIR/vscode-ripgrep-cache-1.15.11
	local archive=$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
	[ -s "$archive" ] && return 0
	local work
	work=$(mktemp -d)
	(cd "$work" && npm pack --silent "@vscode/ripgrep-linux-x64@$RIPGREP_NPM" >/dev/null && tar xzf ./*.tgz) \
		|| fail "npm could not fetch @vscode/ripgrep-linux-x64@$RIPGREP_NPM, which code-server's install needs"
	mkdir -p "$cache"
	tar czf "$archive" -C "$work/package/bin" rg
	rm -rf "$work"
}

install_code_server() {
	mkdir -p "$PREFIX"
	[ -f "$PREFIX/package.json" ] || echo '{ "name": "code-server-host", "private": true }' > "$PREFIX/package.json"
	export TMPDIR=$PREFIX/.tmp  # os.tmpdir() for the ripgrep postinstall; keeps its cache out of /tmp
	mkdir -p "$TMPDIR"
	seed_ripgrep_cache
	# npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which a user `yes=false` would cancel.
	# npm_config_unsafe_perm: as root, code-server's postinstall refuses to run without it.
	(cd "$PREFIX" && npm_config_yes=true npm_config_unsafe_perm=true \
		npm install --no-audit --no-fund --loglevel=error "code-server@$VERSION") || true
	is_installed || fail "npm could not install code-server@$VERSION into .vscode-test/code-server (npm's errors are above)"
}

is_installed && exit 0
# its native modules compile during the install; systemPackages.sh names what is missing
"$ROOT/test/harness/systemPackages.sh" code-server || exit 1

# Serialise concurrent runners (test:host and test:e2e started together) on one install.
mkdir -p "$ROOT/.vscode-test"
exec 9>"$ROOT/.vscode-test/code-server.lock"
flock 9
is_installed && exit 0

start=$(date +%s)
echo "installCodeServer: installing code-server@$VERSION into .vscode-test/code-server"
install_code_server
echo "installCodeServer: done in $(( $(date +%s) - start ))s"
