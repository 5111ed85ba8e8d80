#!/usr/bin/env bash
# Page latency: starts the release build with the demo city on a fresh SQLite file and
# measures ordinary pages with wrk (one connection, so latency ~ server time + loopback),
# then throughput on the home page with 16 connections. Prints a Markdown table.
# Needs wrk (apt-get install wrk) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-5s}
port=${PORT:-18080}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

cargo build --release --quiet
RUST_LOG=warn ./target/release/squaremile --config /nonexistent.toml \
  --database-url "sqlite:$work/bench.db" serve --demo --bind "127.0.0.1:$port" >"$work/log" 2>&1 &
server=$!
curl -s --retry 50 --retry-connrefused --retry-delay 0 -o /dev/null "http://127.0.0.1:$port/healthz"

# Sign in as a demo resident for the signed-in pages.
jar="$work/jar"
curl -s -c "$jar" -o /dev/null "http://127.0.0.1:$port/login"
csrf=$(awk '$6 == "sm_csrf" { print $7 }' "$jar")
curl -s -b "$jar" -c "$jar" -o /dev/null --data "csrf_token=$csrf&email=tom.hughes%40millbrook.example&password=millbrook-demo" \
  "http://127.0.0.1:$port/login"
session=$(awk '$6 == "sm_session" { print $7 }' "$jar")

echo "| page | signed in | requests/s (1 conn) | p50 | p99 |"
echo "|---|---|---|---|---|"
measure() {
  local path=$1 cookie=$2 label=$3
  local args=(-t1 -c1 -d"$duration" --latency)
  [ -n "$cookie" ] && args+=(-H "Cookie: sm_session=$cookie")
  local out
  out=$(wrk "${args[@]}" "http://127.0.0.1:$port$path")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  echo "| \`$path\` | $label | $rps | $p50 | $p99 |"
}
# PAGES replaces the list of public pages, e.g. PAGES="/events /areas/millbrook/dashboard".
for path in ${PAGES:-/ /areas "/areas?q=canal" /areas/canal-quarter /organisations /organisations/brook-fields-food-bank /login /api/v1/areas}; do
  measure "$path" "" no
done
for path in ${SIGNED_IN_PAGES:-/account /areas/canal-quarter/people}; do
  measure "$path" "$session" yes
done
echo
echo "Home page, 16 connections, 2 threads:"
wrk -t2 -c16 -d"$duration" --latency "http://127.0.0.1:$port/" | grep -E 'Requests/sec|Latency|99%'
