#!/usr/bin/env bash
# The three commands of this project:
#   ./run.sh                 build Release and start the engine on config/engine.json (Ctrl-C stops it cleanly)
#   ./run.sh test            restore, build and run every test; the last line is "N passed, N failed"
#   ./run.sh bench [name]    run the benchmarks: ring (the ring harness), orders (the order path), latency (the full
#                            pipeline's tick-to-trade against the bare ring), throughput (its highest sustainable rate),
#                            inplace (the pipeline's own work per event on one core), micro (BenchmarkDotNet), all
#   ./run.sh replay ...      replay recorded market data (./run.sh replay for usage)
#   ./run.sh backtest ...    backtest a strategy on recorded data; report in results/ (./run.sh backtest for usage)
# Anything after the command is passed on (./run.sh run --duration-s 10, ./run.sh bench ring --quick).
# run, check-config, replay and backtest run in the directory they are called from, so relative paths
# (--data, --config, --out) are the caller's; test and bench run in the repository.
set -euo pipefail
root="$(CDPATH= cd -- "$(dirname -- "$0")" >/dev/null && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command="${1:-run}"
[ $# -gt 0 ] && shift

# Build output goes to stderr: stdout is the command's own (its last line a JSON summary).
build() { dotnet build "$root/$1" -c Release --nologo -v quiet -clp:"ErrorsOnly;NoSummary" >&2; }

case "$command" in
run | check-config | replay | backtest)
    build Engine/Engine.csproj
    exec dotnet "$root/Engine/bin/Release/net10.0/Engine.dll" "$command" "$@"
    ;;
test)
    cd "$root"
    results="$(mktemp -d)"
    trap 'rm -rf "$results"' EXIT
    build Engine.sln
    status=0
    dotnet test Engine.sln -c Release --no-build --nologo --logger "trx;LogFileName=tests.trx" \
        --results-directory "$results" "$@" || status=$?
    trx="$(find "$results" -name '*.trx' | head -n 1)"
    if [ -z "$trx" ]; then
        echo "no test results were written" >&2
        echo "0 passed, 1 failed"
        exit 1
    fi
    counters="$(grep -o '<Counters [^>]*>' "$trx")"
    passed="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    failed="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.*testName="\([^"]*\)".*/failed: \1/p' || true
    echo "${passed:-0} passed, ${failed:-0} failed"
    exit "$status"
    ;;
bench)
    cd "$root"
    build Engine.Bench/Engine.Bench.csproj
    exec dotnet Engine.Bench/bin/Release/net10.0/Engine.Bench.dll "${@:-ring}"
    ;;
*)
    echo "usage: ./run.sh [run|check-config|test|bench [ring|orders|latency|throughput|inplace|micro|all]|replay|backtest] [args...]" >&2
    exit 64
    ;;
esac
