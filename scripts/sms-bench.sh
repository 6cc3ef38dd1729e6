#!/usr/bin/env bash
# Runs bench/sms_bench (50,000 weekly SMS digests built, queued and handed to Kannel) against a
# Kannel started for the run (tests/servers/kannel.py: bearerbox, smsbox and a fake SMSC on free
# loopback ports, configured in a temporary folder), then stops Kannel by its PID.
#
#   scripts/sms-bench.sh [BUILD_DIR] [sms_bench options...]
#
# Needs the Debian packages kannel and kannel-extras (scripts/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true

work=$(mktemp -d)
python3 tests/servers/kannel.py --dir "$work/kannel" --ready-file "$work/ready" \
    >"$work/kannel.out" 2>&1 &
kannel=$!
trap 'kill "$kannel" 2>/dev/null || true; wait "$kannel" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 400); do
    [ -f "$work/ready" ] && break
    kill -0 "$kannel" 2>/dev/null || { cat "$work/kannel.out" >&2; exit 69; }
    sleep 0.05
done
[ -f "$work/ready" ] || { echo "sms-bench: Kannel did not start" >&2; exit 69; }
port=$(cat "$work/ready")
"$build/bench/sms_bench" --url "http://127.0.0.1:$port/cgi-bin/sendsms" \
    --username homeroom --password secret "$@"
