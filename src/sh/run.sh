#!/usr/bin/env bash
# run.sh: the demo behind "make run" (after "deps.sh run" and "make").
#
#   PORT=8080 DB=var/opsplan.db bash src/sh/run.sh
#
# Creates the demo database unless $DB exists ("opsplan demo"), renders var/nginx/nginx.conf
# from nginx.conf.example (nginx-conf.sh --mode basic: nginx auth_basic with the demo users of
# src/sh/demo.htpasswd stands in for the SSO; the login reaches the program as the FastCGI param
# REMOTE_USER, as from a real SSO), starts "opsplan serve" on a unix socket and nginx on
# 127.0.0.1:$PORT, prints the URL, and stops both on Ctrl-C or SIGTERM.
# Files: var/run/opsplan.sock, var/nginx/{nginx.conf,error.log,access.log}, var/opsplan.log.

set -eu

cd "$(dirname "$0")/../.."
root=$PWD

PORT=${PORT:-8080}
DB=${DB:-var/opsplan.db}
users="admin, zhang.wei, li.na, wang.fang, chen.jie, auditor"

say() { printf 'run.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

case $PORT in ''|*[!0-9]*) die "PORT must be a number, not '$PORT'" ;; esac
if [ "$PORT" -lt 1 ] || [ "$PORT" -gt 65535 ]; then die "PORT out of range: $PORT"; fi
[ -x build/opsplan ] || die "build/opsplan not found: run 'make' first (or 'make run')"
command -v nginx >/dev/null 2>&1 || PATH=$PATH:/usr/sbin:/sbin
command -v nginx >/dev/null 2>&1 || die "nginx not found: run 'bash src/sh/deps.sh run' as root"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_busy "$PORT" && die "port $PORT on 127.0.0.1 is busy; choose another one: make run PORT=8081"

case $DB in /*) ;; *) DB=$root/$DB ;; esac
ngx=$root/var/nginx
mkdir -p "$root/var/run" "$ngx" "$(dirname "$DB")"

# A unix socket path must be shorter than 108 bytes; deep checkouts use a directory in /tmp.
sockdir=$root/var/run
tmpsock=
if [ "${#sockdir}" -gt 90 ]; then
    tmpsock=$(mktemp -d /tmp/opsplan-run.XXXXXX)
    sockdir=$tmpsock
fi
sock=$sockdir/opsplan.sock

export OPSPLAN_DB=$DB
export OPSPLAN_XSLT_DIR=$root/xslt
export OPSPLAN_SOCKET_MODE=0660
export OPSPLAN_PUBLIC_ORIGIN=${OPSPLAN_PUBLIC_ORIGIN:-http://127.0.0.1:$PORT}

if [ ! -e "$DB" ]; then
    say "creating the demo database $DB"
    build/opsplan demo || die "'opsplan demo' failed"
fi

# Demo SSO stand-in: the six demo users, password "demo" (a fixed file, see its header).
htpasswd=$ngx/htpasswd
cp src/sh/demo.htpasswd "$htpasswd"
chmod 0640 "$htpasswd"

bash src/sh/nginx-conf.sh --mode basic --port "$PORT" --prefix "$ngx" --socket "$sock" \
    --static "$root/static" --params "$root/src/sh/fastcgi_params" --htpasswd "$htpasswd" \
    > "$ngx/nginx.conf.new" || die "could not render the nginx configuration"
mv "$ngx/nginx.conf.new" "$ngx/nginx.conf"
nginx -q -t -p "$ngx" -c "$ngx/nginx.conf" || die "nginx rejected $ngx/nginx.conf"

app_pid='' ngx_pid=''
stopping=

stop_all() {
    [ -n "$stopping" ] && return 0
    stopping=1
    trap '' INT TERM
    if [ -n "$ngx_pid" ] && kill -0 "$ngx_pid" 2>/dev/null; then
        kill -QUIT "$ngx_pid" 2>/dev/null || true
    fi
    if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
        kill -TERM "$app_pid" 2>/dev/null || true
    fi
    # Graceful first; whatever still runs after 10 s is killed.
    for _ in $(seq 100); do
        alive=
        for p in $ngx_pid $app_pid; do kill -0 "$p" 2>/dev/null && alive=1; done
        [ -z "$alive" ] && break
        sleep 0.1
    done
    for p in $ngx_pid $app_pid; do
        if kill -0 "$p" 2>/dev/null; then say "process $p did not stop; killing it"; kill -KILL "$p" 2>/dev/null || true; fi
    done
    wait 2>/dev/null || true
    rm -f "$sock"
    [ -z "$tmpsock" ] || rmdir "$tmpsock" 2>/dev/null || true
}
trap 'stop_all' EXIT
trap 'say "stopping"; stop_all; trap - EXIT; exit 0' INT TERM

# The two servers run in their own sessions: Ctrl-C reaches only this script, which then stops
# them in order (a child that caught the terminal's SIGINT itself would hide it from bash).
detach=
command -v setsid >/dev/null 2>&1 && detach=setsid

rm -f "$sock"
$detach build/opsplan serve --socket "$sock" >>"$root/var/opsplan.log" 2>&1 </dev/null &
app_pid=$!

for _ in $(seq 100); do
    [ -S "$sock" ] && break
    kill -0 "$app_pid" 2>/dev/null || { tail -n 20 "$root/var/opsplan.log" >&2; die "'opsplan serve' exited; log: var/opsplan.log"; }
    sleep 0.1
done
[ -S "$sock" ] || die "'opsplan serve' did not create $sock within 10 s; log: var/opsplan.log"

errlog_size=$(stat -c %s "$ngx/error.log" 2>/dev/null || echo 0)
$detach nginx -p "$ngx" -c "$ngx/nginx.conf" -g 'daemon off;' </dev/null &
ngx_pid=$!

for _ in $(seq 50); do
    port_busy "$PORT" && break
    if ! kill -0 "$ngx_pid" 2>/dev/null; then
        errors=$(tail -c +"$((errlog_size + 1))" "$ngx/error.log" 2>/dev/null || true)
        printf '%s\n' "$errors" | tail -n 5 >&2
        if printf '%s' "$errors" | grep -q 'Address already in use'; then
            die "port $PORT on 127.0.0.1 is busy; choose another one: make run PORT=8081"
        fi
        die "nginx exited; log: var/nginx/error.log"
    fi
    sleep 0.1
done
port_busy "$PORT" || die "nginx does not answer on 127.0.0.1:$PORT; log: var/nginx/error.log"

echo "opsplan: http://127.0.0.1:$PORT/  (users: $users; password: demo)"
echo "         database $DB; logs var/opsplan.log, var/nginx/; Ctrl-C stops"

# Run until Ctrl-C / SIGTERM (the trap exits 0) or until one of the two stops by itself.
while :; do
    wait -n "$app_pid" "$ngx_pid" 2>/dev/null || true
    [ -n "$stopping" ] && exit 0
    if ! kill -0 "$app_pid" 2>/dev/null; then
        say "'opsplan serve' stopped unexpectedly; log: var/opsplan.log"; exit 1
    fi
    if ! kill -0 "$ngx_pid" 2>/dev/null; then
        say "nginx stopped unexpectedly; log: var/nginx/error.log"; exit 1
    fi
done
