#!/usr/bin/env bash
# City volume (issue 27): loads `squaremile demo --scale city` (150,000 people, a million
# reports, 1.2 million followers, 200,000 offers and asks, 20,000 events with 232,000 RSVPs,
# 100,000 conversation posts, 50,000 stories) into a fresh database, serves it with the
# release build and times the issue's pages with one connection: curl, one request after
# another, so a time is server time plus loopback. Prints Markdown: the load's time per
# kind, p50 and p95 per page (after one untimed request), the exports as whole downloads,
# and the server's peak memory (VmHWM).
#
#   DATABASE=sqlite|postgres   where to load the city (default sqlite: a file in a temporary
#                              folder; postgres: a new database on PG_URL, dropped afterwards)
#   PG_URL                     default postgres://postgres@127.0.0.1:5432 (may create databases)
#   DATABASE_URL               use this database instead (loaded if not already; kept)
#   REQUESTS                   requests per page (default 20)
#   EXPORT_REQUESTS            downloads per export (default 3)
#   PORT                       default 18090
#   SKIP_BUILD=1               use the release binary already built
#   BASE_URL, SERVER_PID       time a server already serving a loaded city (nothing is loaded,
#                              started or stopped; the peak memory is read from SERVER_PID)
# Needs curl; psql and createdb/dropdb for PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
database=${DATABASE:-sqlite}
requests=${REQUESTS:-20}
export_requests=${EXPORT_REQUESTS:-3}
port=${PORT:-18090}
pg_url=${PG_URL:-postgres://postgres@127.0.0.1:5432}
bin=${CARGO_TARGET_DIR:-target}/release/squaremile
work=$(mktemp -d)
server=
created_db=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  [ -n "$created_db" ] && dropdb --if-exists --force --maintenance-db="$pg_url/postgres" "$created_db"
  rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${BASE_URL:-}" ]; then
  base=$BASE_URL
  server_pid=$SERVER_PID
  database="the server at $base"
else
[ "${SKIP_BUILD:-}" = 1 ] || cargo build --release -p squaremile --quiet

if [ -n "${DATABASE_URL:-}" ]; then
  url=$DATABASE_URL
elif [ "$database" = postgres ]; then
  created_db=city_bench_$$
  createdb --maintenance-db="$pg_url/postgres" "$created_db"
  url="$pg_url/$created_db"
else
  url="sqlite:$work/city.db"
fi
export SQUAREMILE_BALLOT_KEY_FILE="$work/ballot.key"
run() { "$bin" --config /nonexistent.toml --database-url "$url" "$@"; }

echo "## Loading ($database, $(date -u +%Y-%m-%d))"
echo
started=$(date +%s)
# Progress goes to standard error; the summary (a line per kind) into the table's text.
RUST_LOG=${LOAD_LOG:-info,sqlx=error} run demo --scale city 2>&1 | tee "$work/load.log" >&2
grep -E '^(people|reports|offers and asks|events|conversations|stories): |^the city is ready' \
  "$work/load.log" | sed 's/^/    /'
echo
echo "Loaded in $(( $(date +%s) - started )) s (the demo itself included)."
if [ "$database" = sqlite ] && [ -z "${DATABASE_URL:-}" ]; then
  echo "Database file: $(du -m "$work/city.db" | cut -f1) MB."
fi
echo

token=city-bench-$$
# The binary itself in the background (not through `run`, whose subshell would be the pid).
SQUAREMILE_METRICS_TOKEN=$token RUST_LOG=warn "$bin" --config /nonexistent.toml \
  --database-url "$url" serve --bind "127.0.0.1:$port" >"$work/log" 2>&1 &
server=$!
server_pid=$server
base="http://127.0.0.1:$port"
started=$(date +%s)
curl -s --retry 600 --retry-connrefused --retry-delay 1 -o /dev/null "$base/healthz"
echo "The server answered after $(( $(date +%s) - started )) s."
# Timing while the demo's queued work (budget counts, emails) runs would time that work too.
due() { curl -s -H "Authorization: Bearer $token" "$base/metrics" | awk '$1 == "squaremile_jobs_due" { print $2 }'; }
for _ in $(seq 600); do
  [ "$(due)" = 0 ] && break
  sleep 1
done
echo "Queued jobs left: $(due)."
echo
fi

peak() { awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$server_pid/status"; }
echo "Server's peak memory before the pages: $(peak)."
echo

# Prints "p50 p95" of the numbers on standard input (seconds), in milliseconds.
percentiles() {
  sort -g | awk '{ t[NR] = $1 * 1000 } END {
    p95 = int(NR * 95 / 100) + 1; if (p95 > NR) p95 = NR
    printf "%.1f %.1f\n", t[int(NR / 2) + 1], t[p95] }'
}

# One page of each kind, found by following the links a visitor follows.
first_link() {
  curl -s "$base$1" | grep -o "href=\"$2[^\"#?]*\"" | sed 's/^href="//; s/"$//' \
    | grep -v -x -F "$2" | grep -v -E '/(new|moderate|matches)$' | head -n 1 || true
}
found=()
for list_and_prefix in "/reports /reports/" "/events /events/" "/stories /stories/" \
  "/help /help/" "/conversations /conversations/" "/budgets /budgets/" "/juries /juries/" \
  "/methods /methods/" "/assets /assets/" "/organisations /organisations/" \
  "/representatives /representatives/" "/mapping /mapping/" "/projects /projects/" \
  "/skills /skills/" "/providers /providers/"; do
  read -r list prefix <<<"$list_and_prefix"
  link=$(first_link "$list" "$prefix")
  [ -n "$link" ] && found+=("$link")
done

# An official's pages (the demo's official for the highways department), signed in.
jar=$work/cookies
csrf() { curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="csrf_token" value="[^"]*"' \
  | head -n 1 | sed 's/.*value="//; s/"$//'; }
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "csrf_token=$(csrf)" \
  --data-urlencode "email=tom.hughes@millbrook.example" --data-urlencode "password=millbrook-demo" \
  --data-urlencode "next=/" "$base/login"

echo "| page | status | p50 (ms) | p95 (ms) | size (KB) |"
echo "|---|---|---|---|---|"
slow=()
for path in / /areas/canal-quarter /areas/millbrook /reports "/reports?area=canal-quarter" \
  /organisations/millbrook-highways/reports /areas/millbrook/dashboard \
  /areas/canal-quarter/dashboard /events "/events?past=yes" /areas/millbrook/events.ics \
  /stories /help "/help?q=garden" /conversations /budgets /juries /methods /assets /areas \
  /areas/millbrook/assets /representatives /mapping /projects /skills /providers /organisations \
  /api/v1/areas/canal-quarter/offers-and-asks /api/v1/reports /feeds/asks.atom \
  /feeds/reports.atom /api/v1/reports.geojson \
  "/api/v1/reports.geojson?bbox=-2.100,53.460,-2.020,53.500" /api/v1/assets.geojson \
  /api/v1/events.geojson /api/open311/v2/requests.json /api/open311/v2/services.json \
  /feeds/stories.atom /api/v1/events /api/v1/providers \
  "${found[@]}" "@/work" "@/organisations/millbrook-highways/inbox" "@/areas/millbrook/people" \
  "@/alerts" ${EXTRA_PAGES:-}; do
  # "@" before a path: as the signed-in official.
  who=()
  if [ "${path#@}" != "$path" ]; then
    path=${path#@}
    who=(-b "$jar")
  fi
  read -r status _ size < <(curl -s "${who[@]}" -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' "$base$path")
  [ "$status" = 404 ] && { echo "| \`$path\` | 404 | | | |"; continue; }
  times=$(for _ in $(seq "$requests"); do
    curl -s "${who[@]}" -o /dev/null -w '%{time_total}\n' "$base$path"
  done)
  read -r p50 p95 < <(percentiles <<<"$times")
  echo "| \`$path\`${who:+ (official)} | $status | $p50 | $p95 | $(( size / 1024 )) |"
  awk -v p="$p95" 'BEGIN { exit !(p > 50) }' && slow+=("$path")
done
echo
echo "Server's peak memory after the pages: $(peak)."
echo

echo "| export | status | median (s) | size (MB) |"
echo "|---|---|---|---|"
for path in /feeds/reports.csv /feeds/reports.json; do
  results=$(for _ in $(seq "$export_requests"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' "$base$path"
  done)
  status=$(awk 'NR == 1 { print $1 }' <<<"$results")
  median=$(awk '{ print $2 }' <<<"$results" | sort -g | awk '{ t[NR] = $1 } END { print t[int(NR / 2) + 1] }')
  size=$(awk 'NR == 1 { printf "%.1f", $3 / 1048576 }' <<<"$results")
  echo "| \`$path\` | $status | $median | $size |"
done
echo
echo "Server's peak memory after the exports: $(peak)."
if [ ${#slow[@]} -gt 0 ]; then
  echo
  echo "Over 50 ms at p95: ${slow[*]}"
fi
