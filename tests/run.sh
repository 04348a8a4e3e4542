#!/usr/bin/env bash
# Runs every suite — lint, unit (C), web (real nginx + program), browser (headless Chromium) —
# then all of them again on the AddressSanitizer/UBSan build. Each suite prints "ok NAME" or
# "FAIL NAME" lines; the last line here is "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
root=$PWD
log=$(mktemp -d /tmp/opsplan-test.XXXXXX)
passed=0
failed=0

suite() {  # label, command...
	local label=$1; shift
	local out="$log/$label.log"
	echo "== $label"
	"$@" >"$out" 2>"$out.err"
	local rc=$?
	grep -E '^(ok|FAIL) ' "$out" | sed "s/^/[$label] /"
	grep -E '^  ' "$out" | head -40
	local p f
	p=$(grep -c '^ok ' "$out")
	f=$(grep -c '^FAIL ' "$out")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "[$label] FAIL $label: exited $rc without naming a failure"
		tail -20 "$out.err"
		f=1
	fi
	if [ "$f" -gt 0 ] && [ -s "$out.err" ]; then
		echo "-- $label stderr (last lines):"; tail -20 "$out.err"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
}

unit_all() {  # dir
	local rc=0
	for t in "$1"/test_*; do
		[ -x "$t" ] || continue
		"$t" || rc=1
	done
	return $rc
}

export OPSPLAN_ROOT=$root
suite lint bash tests/lint.sh
suite unit unit_all build/unit
# every tests/web/test_NAME.py and tests/browser/test_NAME.py is a suite; the label is NAME
# (prefixed with "asan-" on the sanitizer build)
stack_suites() {  # prefix, binary
	local f name
	for f in tests/web/test_*.py tests/browser/test_*.py; do
		name=${f##*/test_}
		name=${name%.py}
		OPSPLAN_BIN=$2 suite "$1$name" python3 "$f"
	done
}
stack_suites "" "$root/build/opsplan"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:log_path=$log/asan
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$log/ubsan
suite asan-unit unit_all build/asan/unit
stack_suites asan- "$root/build/asan/opsplan"
if ls "$log"/asan.* "$log"/ubsan.* >/dev/null 2>&1; then
	echo "FAIL sanitizer reports:"
	head -60 "$log"/asan.* "$log"/ubsan.* 2>/dev/null
	failed=$((failed + 1))
else
	echo "ok no sanitizer reports"
	passed=$((passed + 1))
fi
unset ASAN_OPTIONS UBSAN_OPTIONS

echo "logs: $log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
