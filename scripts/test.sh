#!/usr/bin/env bash
# The README's second command: install, build twice (warnings as errors; ASan+UBSan), start the
# real servers the tests need on 127.0.0.1, and run every test in both builds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

jobs=$(nproc)
status=0
run_suite() {  # name build-dir cmake-options...
  local name=$1 dir=$2
  shift 2
  echo "== $name build"
  bash scripts/build.sh "$dir" -DHOMEROOM_WERROR=ON -DHOMEROOM_TESTS=ON "$@"
  echo "== $name tests"
  (cd "$dir" && ctest --output-on-failure -j"$jobs") || status=1
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run_suite "warnings-as-errors" build/ci-release
run_suite "asan+ubsan" build/ci-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHOMEROOM_SANITIZE=ON
exit $status
