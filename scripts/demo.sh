#!/usr/bin/env bash
# The README's first command: install, build, and run the demo on a generated district.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh build -DHOMEROOM_TESTS=OFF
./build/homeroom demo "$@"
