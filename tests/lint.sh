#!/usr/bin/env bash
# Static rules from DESIGN.md and security.md that a grep can check. One "ok"/"FAIL" line each.
set -u
cd "$(dirname "$0")/.."
fail=0
check() {  # name, command producing offending lines (empty = ok)
	local name=$1 out
	out=$(eval "$2" 2>&1)
	if [ -z "$out" ]; then echo "ok lint: $name"; else echo "FAIL lint: $name"; echo "$out" | head -5 | sed 's/^/  /'; fail=1; fi
}
check "no disable-output-escaping in stylesheets" "grep -rn 'disable-output-escaping' xslt"
check "no unsafe libxml2 parse options" "grep -rnE 'XML_PARSE_(NOENT|HUGE|DTDLOAD|DTDVALID|XINCLUDE)' src cgi-bin"
check "no Debian fastcgi_params include" "grep -rnE '^[^#]*include[[:space:]]+(/etc/nginx/)?fastcgi(_params|\.conf)' nginx.conf.example src/sh"
check "no \$remote_user in the production site" "grep -n 'remote_user' nginx.conf.example | grep -v '^[0-9]*:[[:space:]]*#'"
check "no unbounded string functions" "grep -rnE '[^n]sprintf\(|strcpy\(|strcat\(|[^f]gets\(' src cgi-bin"
check "no SQL built from strings" "grep -rnE 'sqlite3_mprintf|sqlite3_exec\([^,]+,[^,]*%' src cgi-bin"
check "no script elements or inline styles in stylesheets" "grep -rnE '<script|<style|[[:space:]]style=|on(click|load|submit)=' xslt"
check "writes start with BEGIN IMMEDIATE" "grep -rnE '\"BEGIN( |\")' src cgi-bin | grep -v 'BEGIN IMMEDIATE' | grep -v '^src/core/db.c:.*db_run(\"BEGIN DEFERRED\"'"
check "i18n catalogs have the same keys and cover every op:t key" "python3 tests/i18n_check.py"
check "no include cycles; each layer includes only what is below it (tests/lint_includes.py)" "python3 tests/lint_includes.py | grep -v '^ok '"
exit $fail
