#!/usr/bin/env bash
# make bench: figures, never pass/fail. See tests/bench.py.
set -eu
cd "$(dirname "$0")/.."
build/bench_sched
exec python3 tests/bench.py "$@"
