#!/usr/bin/env bash
# deps.sh: install the Debian 12 packages that opsplan needs, only those that are missing.
#
#   bash src/sh/deps.sh run     build and run (make run)
#   bash src/sh/deps.sh test    also the test and benchmark tools (make test, make bench, make soak;
#                               tj3 is TaskJuggler, the independent scheduler the schedule is tested against)
#
# Runs "apt-get update" only when something is missing. Needs root to install; without root it
# lists what is missing and exits 1. Also warns when libfcgi0ldbl predates the fix for
# CVE-2025-23016 (2.4.2-2+deb12u1).

set -eu

die() { printf 'deps.sh: %s\n' "$*" >&2; exit 1; }

run_pkgs="build-essential pkg-config libfcgi-dev libsqlite3-dev libxml2-dev libxslt1-dev
          libcurl4-openssl-dev libssl-dev nginx-light sqlite3"
test_pkgs="python3 chromium chromium-driver poppler-utils fonts-wqy-microhei wrk libxml2-utils xsltproc curl tj3"

case ${1:-} in
    run)  want=$run_pkgs ;;
    test) want="$run_pkgs $test_pkgs" ;;
    *)    die "usage: deps.sh run|test" ;;
esac

installed() {
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

# nginx-light is a small transitional package on Debian 12; any installed nginx package whose
# binary has the auth_request module (all of Debian's do) is as good.
nginx_ok() {
    installed nginx-light && return 0
    for p in nginx nginx-core nginx-full nginx-extras; do
        if installed "$p" && command -v nginx >/dev/null 2>&1 &&
           nginx -V 2>&1 | grep -q -- '--with-http_auth_request_module'; then
            return 0
        fi
    done
    return 1
}

missing=
for p in $want; do
    case $p in
        nginx-light) nginx_ok && continue ;;
        *) installed "$p" && continue ;;
    esac
    missing="$missing $p"
done

if [ -n "$missing" ]; then
    if [ "$(id -u)" != 0 ]; then
        die "missing Debian packages:$missing
  install them as root: apt-get update && apt-get install -y$missing"
    fi
    echo "deps.sh: installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    # shellcheck disable=SC2086
    apt-get install -y $missing
else
    echo "deps.sh: all packages for '$1' are installed"
fi

# CVE-2025-23016 (libfcgi ReadParams integer overflow), fixed in 2.4.2-2+deb12u1.
fixed=2.4.2-2+deb12u1
if installed libfcgi0ldbl; then
    v=$(dpkg-query -W -f='${Version}' libfcgi0ldbl)
    if dpkg --compare-versions "$v" lt "$fixed"; then
        printf 'deps.sh: WARNING: libfcgi0ldbl %s is older than %s (CVE-2025-23016);\n' "$v" "$fixed" >&2
        printf '         run apt-get update && apt-get install --only-upgrade libfcgi0ldbl\n' >&2
    fi
else
    echo "deps.sh: note: libfcgi0ldbl not installed; check your libfcgi for CVE-2025-23016 (fixed in $fixed)" >&2
fi
