#!/usr/bin/env bash
# Runs bench/digest_bench (80,000 weekly digests built, queued and sent) against Postfix's
# smtp-sink on a free loopback port, then stops the sink by its PID.
#
#   scripts/digest-bench.sh [BUILD_DIR] [digest_bench options...]
#
# smtp-sink comes from the postfix package, unpacked under output/tools/postfix (no Postfix is
# installed or started): apt-get download postfix && dpkg-deb -x.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true

tools=output/tools/postfix
if [ ! -x "$tools/usr/sbin/smtp-sink" ]; then
    mkdir -p "$tools"
    (cd "$tools" && apt-get download postfix >/dev/null && dpkg-deb -x postfix_*.deb . && rm -f postfix_*.deb)
fi
export LD_LIBRARY_PATH="$PWD/$tools/usr/lib/postfix${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
user_option=()
[ "$(id -u)" = 0 ] && user_option=(-u nobody)
# -c: count, no dump; 1024: listen backlog. Messages are accepted and thrown away.
"$tools/usr/sbin/smtp-sink" "${user_option[@]}" -c 127.0.0.1:"$port" 1024 >/dev/null &
sink=$!
trap 'kill "$sink" 2>/dev/null || true; wait "$sink" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break
    sleep 0.1
done
"$build/bench/digest_bench" --port "$port" "$@"
