#!/usr/bin/env bash
# nginx-conf.sh: render a complete nginx.conf for local runs and tests from nginx.conf.example
# (the production site file), to stdout. Uses sed/awk only.
#
#   bash src/sh/nginx-conf.sh --mode basic --port 8080 --prefix var/nginx \
#        --socket var/run/opsplan.sock --static static --params src/sh/fastcgi_params \
#        --htpasswd src/sh/demo.htpasswd > var/nginx/nginx.conf
#   nginx -t -p var/nginx -c "$PWD/var/nginx/nginx.conf"
#
# Options (all required unless noted):
#   --mode basic|sso     basic: nginx auth_basic stands in for the SSO (demo, tests);
#                        sso:   auth_request as in production, against --sso-upstream
#   --port N             listen on 127.0.0.1:N, plain HTTP (the 443 and 80 servers are dropped)
#   --prefix DIR         directory for nginx.pid, error.log, access.log and temp files (must exist)
#   --socket PATH        the program's FastCGI unix socket
#   --static DIR         the static/ directory (served at /static/)
#   --params FILE        the project's FastCGI params file (src/sh/fastcgi_params)
#   --htpasswd FILE      (basic) the user file for auth_basic
#   --sso-upstream H:P   (sso) the SSO check: the subrequest goes to http://H:P/auth and
#                        /oauth2/ is proxied to http://H:P
#   --template FILE      (optional) default: nginx.conf.example at the top of this checkout
#
# The rendered file is the template's site with its "# BEGIN name" .. "# END name" parts
# swapped per mode, its production paths replaced and its comments removed, wrapped in a main
# context (pid, logs, temp paths under --prefix). Run as root it says "user root;" so the
# workers can read a checkout under /root. In basic mode the identity param is set from
# nginx's Basic-auth user name, which is sound only because auth_basic really checks the
# password; the program still receives it exactly as from the SSO (param REMOTE_USER).

set -eu

die() { printf 'nginx-conf.sh: %s\n' "$*" >&2; exit 1; }

here=$(cd "$(dirname "$0")" && pwd)
mode='' port='' prefix='' socket='' static='' params='' htpasswd='' upstream=''
template="$here/../../nginx.conf.example"

while [ $# -gt 0 ]; do
    opt=$1
    case $opt in
        --mode|--port|--prefix|--socket|--static|--params|--htpasswd|--sso-upstream|--template)
            [ $# -ge 2 ] || die "option $opt needs a value"
            val=$2; shift 2 ;;
        --mode=*|--port=*|--prefix=*|--socket=*|--static=*|--params=*|--htpasswd=*|--sso-upstream=*|--template=*)
            val=${opt#*=}; opt=${opt%%=*}; shift ;;
        -h|--help)
            sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *)
            die "unknown option: $opt (see --help)" ;;
    esac
    case $opt in
        --mode) mode=$val ;;
        --port) port=$val ;;
        --prefix) prefix=$val ;;
        --socket) socket=$val ;;
        --static) static=$val ;;
        --params) params=$val ;;
        --htpasswd) htpasswd=$val ;;
        --sso-upstream) upstream=$val ;;
        --template) template=$val ;;
    esac
done

need() { [ -n "$2" ] || die "missing option $1"; }
need --mode "$mode"
case $mode in basic|sso) ;; *) die "--mode must be basic or sso, not '$mode'" ;; esac
need --port "$port"
need --prefix "$prefix"
need --socket "$socket"
need --static "$static"
need --params "$params"
if [ "$mode" = basic ]; then
    need --htpasswd "$htpasswd"
else
    need --sso-upstream "$upstream"
fi

case $port in ''|*[!0-9]*) die "--port must be a number, not '$port'" ;; esac
if [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then die "--port out of range: $port"; fi
if [ "$mode" = sso ]; then
    printf '%s\n' "$upstream" | grep -Eq '^[A-Za-z0-9.-]+:[0-9]{1,5}$|^\[[0-9A-Fa-f:.]+\]:[0-9]{1,5}$' \
        || die "--sso-upstream must be HOST:PORT, not '$upstream'"
fi

# Absolute paths (nginx would resolve some relative paths against its prefix, others not),
# and nothing that would break the nginx syntax.
abspath() {
    case $1 in /*) p=$1 ;; *) p=$PWD/$1 ;; esac
    while :; do case $p in */) [ "$p" = / ] && break; p=${p%/} ;; *) break ;; esac; done
    printf '%s' "$p"
}
checkpath() {
    case $2 in
        *[[:space:]\;\{\}\"\'\$\\\#]*) die "$1: unsupported character in path '$2'" ;;
    esac
}
prefix=$(abspath "$prefix");  checkpath --prefix "$prefix"
socket=$(abspath "$socket");  checkpath --socket "$socket"
static=$(abspath "$static");  checkpath --static "$static"
params=$(abspath "$params");  checkpath --params "$params"
[ -z "$htpasswd" ] || { htpasswd=$(abspath "$htpasswd"); checkpath --htpasswd "$htpasswd"; }

[ -r "$template" ] || die "template not readable: $template"
[ -d "$prefix" ] || die "--prefix directory does not exist: $prefix"
[ -d "$static" ] || die "--static directory does not exist: $static"
[ -r "$params" ] || die "--params file not readable: $params"
# shellcheck disable=SC2016
if grep -Eq 'REMOTE_USER|\$remote_user' "$params"; then
    die "--params file $params must not set REMOTE_USER or use \$remote_user"
fi
if [ "$mode" = basic ]; then
    [ -r "$htpasswd" ] || die "--htpasswd file not readable: $htpasswd"
fi
[ "${#socket}" -lt 108 ] || die "--socket path too long for a unix socket (${#socket} bytes): $socket"

for block in http-level redirect-80 listen sso sso-endpoint sso-login identity; do
    n=$(grep -Ec "^[[:space:]]*# BEGIN $block\$" "$template" || true)
    m=$(grep -Ec "^[[:space:]]*# END $block\$" "$template" || true)
    if [ "$n" != 1 ] || [ "$m" != 1 ]; then
        die "template $template: marker '# BEGIN/END $block' missing or repeated"
    fi
done

if [ "$(id -u)" = 0 ]; then user_line='user root;'; else user_line='# (not root: no user directive)'; fi

site=$(
    MODE=$mode PORT=$port SOCKET=$socket STATIC=$static PARAMS=$params HTPASSWD=$htpasswd \
    UPSTREAM=$upstream awk '
    function repl(s, from, to,    i, out) {      # literal (not regex) replacement
        out = ""
        while ((i = index(s, from)) > 0) {
            out = out substr(s, 1, i - 1) to
            s = substr(s, i + length(from))
        }
        return out s
    }
    function emit(text, indent,    n, parts, k) {
        n = split(text, parts, "\n")
        for (k = 1; k <= n; k++) print "    " indent parts[k]
    }
    function uncomment(s,    i, c, q, out) {      # drop a trailing "# ..." outside quotes
        q = ""
        for (i = 1; i <= length(s); i++) {
            c = substr(s, i, 1)
            if (q != "") { if (c == "\\") i++; else if (c == q) q = "" }
            else if (c == "\"" || c == "\047") q = c
            else if (c == "#" && i > 1 && substr(s, i - 1, 1) ~ /[ \t]/) {
                out = substr(s, 1, i - 1); sub(/[ \t]+$/, "", out); return out
            }
        }
        return s
    }
    BEGIN {
        mode = ENVIRON["MODE"]; up = ENVIRON["UPSTREAM"]
        r["redirect-80"] = ""
        r["listen"] = "listen 127.0.0.1:" ENVIRON["PORT"] ";\nserver_name 127.0.0.1 localhost;"
        if (mode == "basic") {
            r["sso"] = "auth_basic \"opsplan demo\";\nauth_basic_user_file " ENVIRON["HTPASSWD"] ";"
            r["sso-endpoint"] = ""
            # A GET without credentials gets the plain 401 with the Basic challenge, so the
            # browser asks for a password (a redirect to an SSO sign-in makes no sense here).
            r["sso-login"] = "location @sso_login {\n    return 401;\n}"
            r["identity"] = "fastcgi_param REMOTE_USER $remote_user;"
        }
        block = ""
    }
    {
        line = $0
        if (match(line, /^[ \t]*# BEGIN [a-z0-9-]+$/)) {
            block = line; sub(/^[ \t]*# BEGIN /, "", block)
            indent = line; sub(/#.*/, "", indent)
            if (block in r) { if (r[block] != "") emit(r[block], indent); skipping = 1 }
            else skipping = 0
            next
        }
        if (match(line, /^[ \t]*# END [a-z0-9-]+$/)) { block = ""; skipping = 0; next }
        if (block != "" && skipping) next
        if (line ~ /^[ \t]*#/) next                  # comments stay in the example
        line = uncomment(line)
        if (mode == "sso" && block == "sso-endpoint") {
            # one or the other: an upstream port that starts with 4180 (41807) must not match again
            if (index(line, "http://127.0.0.1:4180/oauth2/auth"))
                line = repl(line, "http://127.0.0.1:4180/oauth2/auth", "http://" up "/auth")
            else
                line = repl(line, "http://127.0.0.1:4180", "http://" up)
        }
        line = repl(line, "unix:/run/opsplan/opsplan.sock", "unix:" ENVIRON["SOCKET"])
        line = repl(line, "/usr/share/opsplan/static", ENVIRON["STATIC"])
        line = repl(line, "/etc/opsplan/fastcgi_params", ENVIRON["PARAMS"])
        if (line ~ /^[ \t]*$/) { if (blank++) next; print ""; next }
        blank = 0
        print "    " line
    }
    ' "$template"
)

# Sanity checks on the result: the identity comes from exactly one place.
# shellcheck disable=SC2016
if [ "$mode" = basic ]; then
    case $site in *'$sso_user'*|*'auth_request /'*) die "render failed: SSO parts left in basic mode" ;; esac
else
    case $site in *'$remote_user'*|*auth_basic_user_file*) die "render failed: Basic-auth parts left in sso mode" ;; esac
fi
n=$(printf '%s\n' "$site" | grep -c 'fastcgi_param REMOTE_USER ' || true)
[ "$n" = 1 ] || die "render failed: expected one REMOTE_USER param, found $n"

cat <<EOF
# Generated by src/sh/nginx-conf.sh --mode $mode from $(basename "$template"); do not edit.
# Start: nginx -p $prefix -c $prefix/nginx.conf -g 'daemon off;'
$user_line
worker_processes 2;
pid $prefix/nginx.pid;
error_log $prefix/error.log;

events {
    worker_connections 1024;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    access_log $prefix/access.log;

    client_body_temp_path $prefix/client_body_temp;
    fastcgi_temp_path     $prefix/fastcgi_temp;
    proxy_temp_path       $prefix/proxy_temp;
    scgi_temp_path        $prefix/scgi_temp;
    uwsgi_temp_path       $prefix/uwsgi_temp;

$site
}
EOF
