#!/usr/bin/env bash
# FlowDash's Airflow backend side by side with curl and Airflow's own CLI, on the Airflow that
# `script/airflow up` runs, with ≥ 1,000 DAG runs (seeded into the paused DAG bench_many_runs).
#
#   Benchmarks/airflow.sh [repetitions]     default 10; the Airflow CLI runs min(repetitions, 5) times
#   BENCH_RUNS=5000 Benchmarks/airflow.sh   more runs in bench_many_runs (seeding adds only what is missing)
#   BENCH_KEEP_RUNS=1 Benchmarks/airflow.sh  keep the seeded runs for the next time (by default they are
#                                            deleted at the end: 1,000 newer runs would push the live
#                                            tests' seeded runs out of the lists they check)
# Do not run the live tests (FlowDashAirflowLiveTests) on the same Airflow meanwhile.
#
# Every figure is the wall time of a fresh process (sign-in included), median and p90:
#   flowdash activity --failed --limit 200 --json --backend airflow --url URL   (when the CLI has --backend)
#   flowdash-bench airflow-activity --limit 200  AirflowBackend.activity(failedOnly, limit 200), same work
#   curl                                         POST /auth/token + the same two pages of 100 failed runs
#   airflow dags list-runs bench_many_runs --state failed -o json
# "cold" = no failure cache file yet, "warm" = the file an earlier process wrote. Nothing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-10}
cli_reps=$(( reps < 5 ? reps : 5 ))
runs=${BENCH_RUNS:-1000}

script/airflow status >/dev/null 2>&1 || { echo "Airflow is not up: run script/airflow up first" >&2; exit 1; }
eval "$(script/airflow env)"
export NO_PROXY="127.0.0.1,localhost" no_proxy="127.0.0.1,localhost"
url=$FLOWDASH_AIRFLOW_URL
swift build -c release --product flowdash-bench >/dev/null
swift build -c release --product flowdash >/dev/null
bin="$PWD/.build/release"
work=$(mktemp -d)
cleanup() {
  if [ "${BENCH_KEEP_RUNS:-0}" != 1 ]; then
    python3 Benchmarks/airflow_seed.py --remove bench_many_runs || true
    python3 Benchmarks/airflow_seed.py --remove bench_ten_runs || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
umask 077
printf '{"username":"%s","password":"%s"}' "$FLOWDASH_AIRFLOW_USER" "$FLOWDASH_AIRFLOW_PASSWORD" >"$work/login.json"

echo "seeding (only what is missing)…"
python3 Benchmarks/airflow_seed.py bench_many_runs "$runs"
python3 Benchmarks/airflow_seed.py bench_ten_runs 10
seeded_at=$(date +%s)

# One timed run of a command: its wall time in ns is appended to $1; its output kept in $work/out.
timed() {
  local series=$1 start end
  shift
  start=$(date +%s%N)
  if ! "$@" >"$work/out" 2>"$work/err"; then
    echo "failed: $*" >&2
    sed 's/^/  /' "$work/err" >&2
    return 1
  fi
  end=$(date +%s%N)
  echo $(( end - start )) >>"$work/$series"
}
# "median p90 n" in ms.
stats() {
  sort -n "$work/$1" | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    i = int(0.9 * NR); if (i < 0.9 * NR) i++; if (i < 1) i = 1
    printf "%.1f %.1f %d", m / 1e6, v[i] / 1e6, NR }'
}
median() { stats "$1" | cut -d' ' -f1; }

# curl: the REST calls FlowDash makes for the list, one process per call.
curl_activity() {
  local body token cursor
  body=$(curl -sf -X POST -H 'Content-Type: application/json' --data @"$work/login.json" "$url/auth/token")
  [[ $body =~ \"access_token\":\"([^\"]+)\" ]] && token=${BASH_REMATCH[1]}
  body=$(curl -sf -G -H "Authorization: Bearer $token" "$url/api/v2/dags/~/dagRuns" --data-urlencode order_by=-run_after \
    --data-urlencode limit=100 --data-urlencode cursor= --data-urlencode state=failed)
  [[ $body =~ \"next_cursor\":\"([^\"]+)\" ]] && cursor=${BASH_REMATCH[1]}
  curl -sf -G -H "Authorization: Bearer $token" "$url/api/v2/dags/~/dagRuns" --data-urlencode order_by=-run_after \
    --data-urlencode limit=100 --data-urlencode "cursor=$cursor" --data-urlencode state=failed
}
airflow_cli() ( # a subshell: the CLI's environment stays out of this script
  # shellcheck disable=SC1091
  source .airflow-run/airflow.env
  airflow dags list-runs bench_many_runs --state failed -o json
)
bench() { "$bin/flowdash-bench" airflow-activity --url "$url" "$@"; }

cli_has_backend=no
if "$bin/flowdash" activity --help 2>&1 | grep -q -- '--backend'; then cli_has_backend=yes; fi
flowdash_cli() { # cache folder
  env XDG_CACHE_HOME="$1" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" \
    "$bin/flowdash" activity --failed --limit 200 --json --backend airflow --url "$url"
}

echo "timing ($reps repetitions, Airflow CLI $cli_reps)…"
bench --cache-dir "$work/bench-warm" >/dev/null            # warm-up: fills the warm cache
curl_activity >/dev/null
for i in $(seq "$reps"); do
  timed curl curl_activity
  timed bench_cold bench --cache-dir "$work/bench-cold-$i"
  grep -o 'ms=[0-9.]*' "$work/out" | cut -d= -f2 | awk '{ printf "%d\n", $1 * 1e6 }' >>"$work/bench_cold_inproc"
  timed bench_warm bench --cache-dir "$work/bench-warm"
  grep -o 'ms=[0-9.]*' "$work/out" | cut -d= -f2 | awk '{ printf "%d\n", $1 * 1e6 }' >>"$work/bench_warm_inproc"
  timed small bench --cache-dir "$work/bench-warm" --all --limit 10 --flow bench_ten_runs
  timed large bench --cache-dir "$work/bench-warm" --all --limit 10 --flow bench_many_runs
  timed every bench --cache-dir "$work/bench-warm" --all --limit 10
  if [ "$cli_has_backend" = yes ]; then
    timed cli_cold flowdash_cli "$work/cli-cold-$i"
    timed cli_warm flowdash_cli "$work/cli-warm"
  fi
done
# A refresh looks 30 s back before the previous answer: runs seeded just now would all count as
# changed, so the steady state is measured once they are older than that.
wait_s=$(( seeded_at + 32 - $(date +%s) ))
[ "$wait_s" -gt 0 ] && sleep "$wait_s"
bench --cache-dir "$work/bench-warm" --calls 6 >"$work/refresh"
for i in $(seq "$cli_reps"); do timed airflow_cli airflow_cli; done
cli_rows=$(sed -n '/^\[/,$p' "$work/out" | jq length 2>/dev/null || echo "?")

server_runs=$(curl -sf -G -H "Authorization: Bearer $(curl -sf -X POST -H 'Content-Type: application/json' \
  --data @"$work/login.json" "$url/auth/token" | jq -r .access_token)" "$url/api/v2/dags/~/dagRuns" --data-urlencode limit=1 | jq .total_entries)

row() { printf '%-62s %9s %9s %4s\n' "$@"; }
show() { # label series
  read -r m p n <<<"$(stats "$2")"
  row "$1" "$m" "$p" "$n"
}
echo
echo "FlowDash vs curl vs the Airflow CLI — $(nproc) cores, $(date -u +%FT%TZ), Airflow $url"
echo "server: $server_runs DAG runs; bench_many_runs: $runs runs (two in three failed); list: newest 200 failed"
row "wall time of a fresh process (ms)" median p90 n
[ "$cli_has_backend" = yes ] && show "flowdash activity --failed --limit 200 --json, cold cache" cli_cold
[ "$cli_has_backend" = yes ] && show "flowdash activity --failed --limit 200 --json, warm cache" cli_warm
[ "$cli_has_backend" = no ] && row "flowdash activity --backend airflow" "(the CLI has no --backend yet)" "" ""
show "flowdash-bench airflow-activity --limit 200, cold cache" bench_cold
show "flowdash-bench airflow-activity --limit 200, warm cache" bench_warm
show "  same, inside the process (activity call only), cold" bench_cold_inproc
show "  same, inside the process (activity call only), warm" bench_warm_inproc
show "curl: token + 2 pages of 100 failed runs (3 processes)" curl
show "airflow dags list-runs bench_many_runs --state failed -o json" airflow_cli
echo "  (the Airflow CLI printed $cli_rows runs: it has no limit)"
echo
echo "opens as fast with many runs as with 10: the first 10 rows, any status, fresh process, warm:"
show "  flow bench_ten_runs (10 runs)" small
show "  flow bench_many_runs ($runs runs)" large
show "  every flow ($server_runs runs)" every
echo
echo "refresh in one process (call 1 full, then only runs changed since the server's last answer):"
sed 's/^/  /' "$work/refresh"
echo
flowdash_series=bench_warm
[ "$cli_has_backend" = yes ] && flowdash_series=cli_warm
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
curl_ratio=$(ratio "$(median "$flowdash_series")" "$(median curl)")
cli_ratio=$(ratio "$(median airflow_cli)" "$(median "$flowdash_series")")
verdict() { awk -v v="$1" -v g="$2" -v op="$3" 'BEGIN { ok = (op == "le") ? v <= g : v >= g; print ok ? "met" : "MISSED" }'; }
echo "ratios (medians, $flowdash_series):"
echo "  FlowDash / curl        = ${curl_ratio}×  (goal ≤ 1.5×: $(verdict "$curl_ratio" 1.5 le))"
echo "  Airflow CLI / FlowDash = ${cli_ratio}×  (goal ≥ 20×: $(verdict "$cli_ratio" 20 ge))"
