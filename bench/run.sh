#!/usr/bin/env bash
# The benchmark suite in one command (docs/benchmarks.md):
#
#   bench/run.sh [CHILDREN]      e.g. bench/run.sh 100000 (default), bench/run.sh 1000000
#   bench/run.sh --smoke         1,000 children, few iterations: CI runs it so the suite cannot rot
#
# Each step builds or reuses the synthetic authority's store under target/bench/neo4j-CHILDREN and
# prints its figures next to a baseline measured in the same run (plain LOAD CSV, the raw driver,
# PostgreSQL...); the plans step profiles every statement the service ran (docs/query-plans.md).
# Results: target/bench/summary-CHILDREN.md and .csv, plus each step's own Markdown. The load
# generator and the service share this machine's cores. BENCH_STEPS picks steps; BENCH_HEAP and
# BENCH_PAGE_CACHE override the memory settings.
set -euo pipefail
cd "$(dirname "$0")/.."

SMOKE=false
CHILDREN=100000
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=true; CHILDREN=1000 ;;
    ''|*[!0-9]*) echo "usage: bench/run.sh [CHILDREN] | --smoke" >&2; exit 2 ;;
    *) CHILDREN="$arg" ;;
  esac
done
if $SMOKE; then
  FEED=$((CHILDREN / 5)); REQUESTS=50; PEOPLE=20000; INCOMING=2000; ITERATIONS=5
else
  FEED=$((CHILDREN * 15 / 100)); REQUESTS=2000; PEOPLE=$((CHILDREN * 11)); INCOMING=$((CHILDREN))
  ITERATIONS=9
  # From 500k children some questions take a minute in PostgreSQL (trends, flows): 5 runs each
  # keep the whole suite within the hour.
  if [ "$CHILDREN" -ge 500000 ]; then ITERATIONS=5; fi
fi
# Linkage holds its whole corpus in memory: above 100k children it keeps the 1M-person index of
# the 100k run (11M people would not fit this machine's 24 GiB).
if [ "$PEOPLE" -gt 1111112 ]; then PEOPLE=1111112; INCOMING=100000; fi
# Memory (docs/benchmarks.md): heap 6 GB and a 2 GB page cache up to 100k children; a 1M store
# (~17 GB) gets an 8 GB heap and an 8 GB page cache, leaving room for PostgreSQL's 2 GB and the OS.
if [ "$CHILDREN" -ge 500000 ]; then HEAP=8g; PAGE_CACHE=8GB; else HEAP=6g; PAGE_CACHE=2GB; fi
HEAP=${BENCH_HEAP:-$HEAP}
PAGE_CACHE=${BENCH_PAGE_CACHE:-$PAGE_CACHE}
STEPS=${BENCH_STEPS:-"import frontline measures analytics linkage plans"}

OUT=target/bench
mkdir -p "$OUT"
SUMMARY="$OUT/summary-$CHILDREN.md"
CSV="$OUT/summary-$CHILDREN.csv"
TIME=/usr/bin/time
[ -x "$TIME" ] || TIME=""

echo "Benchmark suite: $CHILDREN children, heap $HEAP, page cache $PAGE_CACHE ($(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
./mvnw -q -B test-compile

{
  echo "# Benchmark suite: $CHILDREN children"
  echo
  echo "$(date -u +%F), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM,"
  echo "$(java -version 2>&1 | head -1). Heap $HEAP, page cache $PAGE_CACHE. Load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
  $SMOKE && echo "Smoke mode: tiny sizes and few iterations; the figures mean nothing."
  echo
  echo "| step | wall s | peak RSS MiB | result |"
  echo "|---|---|---|---|"
} > "$SUMMARY"
echo "step,wall_seconds,peak_rss_mib,exit_code" > "$CSV"

failed=0
# Only this run's step reports go into the summary.
for md in import-throughput frontline measures analytics linkage query-plans; do rm -f "$OUT/$md.md"; done
for step in $STEPS; do
  args=(-Dbench.children="$CHILDREN" -Dbench.feed-children="$FEED" -Dbench.requests="$REQUESTS"
        -Dbench.people="$PEOPLE" -Dbench.incoming="$INCOMING" -Dbench.iterations="$ITERATIONS"
        -Dbench.heap="$HEAP" -Dbench.page-cache="$PAGE_CACHE")
  echo
  echo "== $step ($(cut -d' ' -f1-3 /proc/loadavg)) =="
  start=$(date +%s)
  code=0
  if [ -n "$TIME" ]; then
    "$TIME" -f "%M" -o "$OUT/$step.rss" ./mvnw -q -B exec:exec@"$step"-benchmark "${args[@]}" || code=$?
    rss=$(( $(tail -1 "$OUT/$step.rss") / 1024 ))
  else
    ./mvnw -q -B exec:exec@"$step"-benchmark "${args[@]}" || code=$?
    rss=""
  fi
  wall=$(( $(date +%s) - start ))
  result=$([ "$code" = 0 ] && echo ok || echo "FAILED ($code)")
  [ "$code" = 0 ] || failed=1
  echo "| $step | $wall | $rss | $result |" >> "$SUMMARY"
  echo "$step,$wall,$rss,$code" >> "$CSV"
done

store="$OUT/neo4j-$CHILDREN"
if [ -d "$store" ]; then
  echo >> "$SUMMARY"
  echo "Store: $(du -sh "$store" | cut -f1) in $store." >> "$SUMMARY"
fi
echo >> "$SUMMARY"
for md in import-throughput frontline measures analytics linkage query-plans; do
  if [ -f "$OUT/$md.md" ]; then
    echo "## $md" >> "$SUMMARY"
    echo >> "$SUMMARY"
    cat "$OUT/$md.md" >> "$SUMMARY"
    echo >> "$SUMMARY"
  fi
done
echo
cat "$SUMMARY"
exit $failed
