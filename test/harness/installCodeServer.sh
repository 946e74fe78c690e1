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

installed_version() {
	node -p "require('$PREFIX/node_modules/code-server/package.json').version" 2>/dev/null || true
}

is_installed() {
	[ -x "$BIN" ] && [ "$(installed_version)" = "$VERSION" ]
}

# chromium drives the workbench in UI tests; libkrb5-dev provides gssapi.h for the `kerberos`
# native module, which has no reachable prebuild and compiles from source.
ensure_system_packages() {
	local missing=()
	command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM:-}" ] || missing+=(chromium)
	if ! is_installed; then dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev); fi
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "installCodeServer: missing ${missing[*]}; install them with apt-get (needs root)" >&2
		return 1
	fi
	echo "installCodeServer: apt-get install ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# code-server 4.100.3 pins @vscode/ripgrep 1.15.11, whose postinstall downloads rg from api.github.com.
# It takes a cached archive from $TMPDIR/vscode-ripgrep-cache-1.15.11/ instead, so seed that cache.
seed_ripgrep_cache() {
	local cache=$TMPDIR/vscode-ripgrep-cache-1.15.11
	local archive=$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
	[ -s "$archive" ] && return 0
	local work
	work=$(mktemp -d)
	(cd "$work" && npm pack --silent "@vscode/ripgrep-linux-x64@$RIPGREP_NPM" >/dev/null && tar xzf ./*.tgz)
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
		npm install --no-audit --no-fund --loglevel=error "code-server@$VERSION")
	is_installed || { echo "installCodeServer: code-server $VERSION did not install" >&2; return 1; }
}

ensure_system_packages
is_installed && exit 0

# Serialise concurrent runners (test:host and test:e2e started together) on one install.
mkdir -p "$ROOT/.vscode-test"
exec 9>"$ROOT/.vscode-test/code-server.lock"
flock 9
is_installed && exit 0

start=$(date +%s)
echo "installCodeServer: installing code-server@$VERSION into .vscode-test/code-server"
install_code_server
echo "installCodeServer: done in $(( $(date +%s) - start ))s"
