#!/usr/bin/env bash
# Runs the whole test command with every process's clock moved (Node, PostgreSQL, Chromium),
# to prove no test depends on the day it runs:
#   scripts/test-at.sh '+365 days'                                   # a year ahead
#   scripts/test-at.sh 'tomorrow 23:57' Asia/Shanghai                # across midnight
#   TZ=America/New_York scripts/test-at.sh '2027-03-14 01:57'        # across a DST change
# The first argument is anything `date -d` reads (in the zone given); the clock starts there
# and runs on. Needs libfaketime (Debian: apt-get install faketime). Extra args go to pnpm test.
set -euo pipefail
cd "$(dirname "$0")/.."
when="${1:?usage: scripts/test-at.sh <date -d expression> [time zone] [pnpm test args…]}"
shift
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then export TZ="$1"; shift; fi
lib=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
[ -f "$lib" ] || { echo "libfaketime is missing: apt-get install -y faketime" >&2; exit 1; }
target=$(date -d "$when" +%s)
offset=$((target - $(date +%s)))
# An offset, not an absolute start: every process (and each new one) sees the same moving clock.
export LD_PRELOAD="$lib" FAKETIME="$(printf '%+ds' "$offset")"
echo "[test-at] clock moved by ${offset}s: $(date '+%Y-%m-%d %H:%M:%S %Z') (TZ=${TZ:-system})" >&2
exec pnpm test "$@"
