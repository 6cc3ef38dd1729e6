#!/usr/bin/env bash
# Installs the Debian 12 packages Homeroom builds, runs and tests with. Run as root.
# Skips apt entirely when everything is already there.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ccache
  libpoco-dev libsqlitecpp-dev libsqlite3-dev sqlite3 libmstch-dev libxlsxwriter-dev
  libicu-dev librsvg2-bin libjemalloc-dev
  liblitehtml-dev libgumbo-dev libcairo2-dev libpango1.0-dev librsvg2-dev libfribidi-dev
  fonts-noto-core poppler-utils
  libgtest-dev libgmock-dev
  clang python3 python3-aiosmtpd python3-dkim openssl tidy
  kannel kannel-extras
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: missing packages (${missing[*]}); run as root to install them" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
