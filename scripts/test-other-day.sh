#!/usr/bin/env bash
# Runs the Vitest suite once more with the machine's clock moved to another day (Debian's faketime), so a
# test that reads the real clock where it should read a frozen one fails here instead of on some later day.
#   npm run test:other-day                          # a date chosen from HEAD's commit: it varies, yet reproduces
#   npm run test:other-day -- '2027-07-03 21:30:00' # a given Europe/Amsterdam wall-clock time
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "faketime ontbreekt: apt-get install faketime" >&2; exit 1; }

if [[ $# -gt 0 && -n $1 ]]; then
  when=$1
else
  # Any day in 2026–2027 at any minute: weekends, evenings, holidays, summer and winter time all come round.
  n=$((16#$(git rev-parse --short=8 HEAD)))
  # (No time of day before the offsets: GNU date would read "00:00 +316" as a UTC offset.)
  when=$(TZ=Europe/Amsterdam date -d "2026-01-01 +$((n % 730)) days +$(((n / 730) % 1440)) minutes" '+%Y-%m-%d %H:%M:%S')
fi
target=$(date -d "TZ=\"Europe/Amsterdam\" $when" +%s)
offset=$((target - $(date +%s)))
[[ $offset -lt 0 ]] || offset="+$offset"
echo "Vitest met de klok op $when (Europe/Amsterdam), TZ=${TZ:-van de machine}; opnieuw: npm run test:other-day -- '$when'"
# An offset rather than an absolute date: the process keeps its own TZ, and the clock keeps running.
# The monotonic clock stays real: timers and timeouts keep their length, only the calendar moves.
export FAKETIME_DONT_FAKE_MONOTONIC=1
# Only the embedded project: faketime moves this process's clock, and PGlite runs inside it, so the app and
# its database see the same other day. A PostgreSQL server keeps the real date (its project ran in
# `npm test`), and running it again here took CI 4 more minutes for a clock that did not move.
exec faketime -f "$offset" npx vitest run --project pglite
