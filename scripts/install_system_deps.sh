#!/usr/bin/env bash
# Install the Debian packages the tests need (Chromium, Firefox ESR and command-line checkers) when they are missing.
# With arguments, only those packages (`make build` asks for chromium alone: it prints the onboarding PDFs).
set -euo pipefail
packages=(chromium firefox-esr nginx openssl hunspell hunspell-sv hunspell-en-gb poppler-utils zbar-tools openjdk-17-jre-headless)
[ $# -gt 0 ] && packages=("$@")
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Install them as root: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
