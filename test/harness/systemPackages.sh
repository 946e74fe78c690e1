#!/usr/bin/env bash
# Checks what the tests need from the system and, where this runs as root (or with password-less sudo) on Debian,
# installs what is missing with apt-get; elsewhere it says in one line what to install. Shared by .ci/run, the
# `npm test` bootstrap, the test runners and installCodeServer.sh.
# Usage: systemPackages.sh NEED...
#   browser      chromium (or $CHROMIUM) drives the workbench; fonts-noto-cjk lets Japanese screenshots show text
#                (optional: the tests pass without it, the screenshots show boxes)
#   code-server  libkrb5-dev (gssapi.h) and a C++ toolchain with python3: code-server's `kerberos` and `node-pty`
#                native modules compile from source during its install
set -eo pipefail  # no -u: empty arrays are "unbound" in the bash 3.2 macOS ships

required=()
optional=()
needed_by=()

has_dpkg() { command -v dpkg >/dev/null 2>&1; }
# Without dpkg (not Debian) a package can't be checked by name: assume it is there and let its user fail loudly.
has_package() { ! has_dpkg || dpkg -s "$1" >/dev/null 2>&1; }
has_command() { command -v "$1" >/dev/null 2>&1; }

for need in "$@"; do
	case $need in
		browser)
			before=${#required[@]}
			if [ -n "${CHROMIUM:-}" ]; then
				[ -x "$CHROMIUM" ] || { echo "systemPackages: CHROMIUM=$CHROMIUM is not an executable file" >&2; exit 1; }
			elif [ ! -x /usr/bin/chromium ]; then
				required+=(chromium)
			fi
			has_package fonts-noto-cjk || optional+=(fonts-noto-cjk)
			[ ${#required[@]} -eq "$before" ] || needed_by+=("the browser tests")
			;;
		code-server)
			before=${#required[@]}
			has_package libkrb5-dev || required+=(libkrb5-dev)
			has_command make || required+=(make)
			has_command g++ || required+=(g++)
			has_command python3 || required+=(python3)
			[ ${#required[@]} -eq "$before" ] || needed_by+=("code-server's install")
			;;
		*) echo "systemPackages: unknown need '$need' (browser, code-server)" >&2; exit 2 ;;
	esac
done

missing=("${required[@]}" "${optional[@]}")
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=()
if [ "$(id -u)" -ne 0 ] && sudo -n true >/dev/null 2>&1; then SUDO=(sudo -n); fi
if has_command apt-get && { [ "$(id -u)" -eq 0 ] || [ ${#SUDO[@]} -gt 0 ]; }; then
	echo "systemPackages: apt-get install ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	"${SUDO[@]}" apt-get update -qq
	if "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then exit 0; fi
	echo "systemPackages: apt-get could not install ${missing[*]}" >&2
	exit 1
fi

if [ ${#required[@]} -eq 0 ]; then
	echo "systemPackages: note: without ${optional[*]} Japanese text in screenshots shows as boxes (Debian: apt-get install ${optional[*]})" >&2
	exit 0
fi
for_what=${needed_by[0]}${needed_by[1]:+ and ${needed_by[1]}}
if has_dpkg; then
	echo "systemPackages: missing ${required[*]} for $for_what: run \`sudo apt-get install ${missing[*]}\`$([[ " ${required[*]} " == *" chromium "* ]] && echo ' or set CHROMIUM=/path/to/chrome')" >&2
else
	echo "systemPackages: missing ${required[*]/chromium/Chromium at /usr/bin/chromium (or set CHROMIUM=/path/to/chrome)} for $for_what: install with your package manager" >&2
fi
exit 1
