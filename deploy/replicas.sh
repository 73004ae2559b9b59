#!/usr/bin/env bash
# Two (or more) Tellen & Vertellen replicas behind nginx, on one PostgreSQL database.
#
#   deploy/replicas.sh start [--port N]    start the replicas, then nginx in front of them
#   deploy/replicas.sh stop                stop nginx and the replicas (also after a failed start)
#   deploy/replicas.sh status              what runs; exit 0 all, 3 nothing, 1 partly
#
# Settings (environment):
#   DASHBOARD_DATABASE_URL  required, postgresql+psycopg://...: the one database all replicas share
#   DASHBOARD_SECRET_KEY    the key every replica signs cookies with; when unset, one is generated
#                           once into $REPLICAS_RUN_DIR/secret_key (never in git) and reused
#   DASHBOARD_MEDIA_DIR     the media folder all replicas read and write (default data/media)
#   DASHBOARD_BASE_URL      the public address for share links made with the CLI; the pages warn when
#                           a browser uses another (default: the nginx address)
#   DASHBOARD_MAX_UPLOAD_MB upload cap; Streamlit and nginx get the same (default 50)
#   DASHBOARD_DEMO          as for the app: 1 (default) loads the demo into an empty database
#   REPLICAS_PORT           nginx's port (default 8080; --port wins)
#   REPLICAS_LISTEN         nginx's address (default 127.0.0.1)
#   REPLICAS_APP_PORTS      the replicas' loopback ports (default "8501 8502")
#   REPLICAS_RUN_DIR        configuration, pids, logs (default deploy/run, git-ignored)
#   REPLICAS_SCRIPT         the script each replica serves (default deploy/serve.py; a benchmark
#                           serves a one-line page the same way for its baseline)
#   REPLICAS_START_TIMEOUT  seconds each process may take to answer its health check (default 90)
#   PYTHON                  the Python with the app's requirements (default python3)
#   NGINX                   the nginx binary (default: nginx on PATH, else /usr/sbin/nginx)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TEMPLATE="$ROOT/deploy/nginx.conf.template"
RUN="${REPLICAS_RUN_DIR:-$ROOT/deploy/run}"
case "$RUN" in /*) ;; *) RUN="$PWD/$RUN" ;; esac
PYTHON="${PYTHON:-python3}"
PORT="${REPLICAS_PORT:-8080}"
LISTEN="${REPLICAS_LISTEN:-127.0.0.1}"
read -r -a APP_PORTS <<<"${REPLICAS_APP_PORTS:-8501 8502}"
MAX_UPLOAD_MB="${DASHBOARD_MAX_UPLOAD_MB:-50}"
SCRIPT="${REPLICAS_SCRIPT:-deploy/serve.py}"

say() { printf '%s\n' "$*"; }
fail() { printf 'replicas.sh: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '3,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

find_nginx() {
  if [ -n "${NGINX:-}" ]; then printf '%s' "$NGINX"; return; fi
  command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && printf '%s' /usr/sbin/nginx; } ||
    fail "nginx ontbreekt. Installeer het (Debian: apt-get install nginx) of zet NGINX=/pad/naar/nginx."
}

# A pid file names one of our processes only while that process still runs with our arguments
# (a pid can be reused after a crash): nginx by its run folder, a replica by its port.
alive() {  # alive PIDFILE MARKER
  local pid
  [ -f "$1" ] || return 1
  pid="$(cat "$1" 2>/dev/null)" || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2"
}

running() {  # running PIDFILE: the process is there (it may not have exec'd its program yet)
  local pid
  pid="$(cat "$1" 2>/dev/null)" && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

stopped=0
stop_one() {  # stop_one PIDFILE MARKER NAME
  local pid
  if alive "$1" "$2"; then
    pid="$(cat "$1")"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    say "$3 gestopt (pid $pid)."
    stopped=$((stopped + 1))
  fi
  rm -f "$1"
}

replica_marker() { printf -- '--server.port %s ' "$1"; }  # /proc cmdline: each argument ends in a space

cmd_stop() {
  local file port
  stop_one "$RUN/nginx.pid" "$RUN" "nginx"
  for file in "$RUN"/replica-*.pid; do
    [ -e "$file" ] || continue
    port="${file##*/replica-}"; port="${port%.pid}"
    stop_one "$file" "$(replica_marker "$port")" "replica op poort $port"
  done
  [ "$stopped" -gt 0 ] || say "Er draaide niets uit $RUN."
  return 0
}

cmd_status() {
  local running=0 total=0 file port
  for file in "$RUN"/replica-*.pid; do
    [ -e "$file" ] || continue
    port="${file##*/replica-}"; port="${port%.pid}"
    total=$((total + 1))
    if alive "$file" "$(replica_marker "$port")"; then
      running=$((running + 1)); say "replica  http://127.0.0.1:$port  draait (pid $(cat "$file"))"
    else
      say "replica  http://127.0.0.1:$port  gestopt"
    fi
  done
  total=$((total + 1))
  if alive "$RUN/nginx.pid" "$RUN"; then
    running=$((running + 1)); say "nginx    $(cat "$RUN/address" 2>/dev/null)  draait (pid $(cat "$RUN/nginx.pid"))"
  else
    say "nginx    gestopt"
  fi
  [ "$running" -eq "$total" ] && return 0
  [ "$running" -eq 0 ] && return 3
  return 1
}

port_free() {  # port_free ADDRESS PORT
  "$PYTHON" - "$1" "$2" <<'PY'
import socket, sys
with socket.socket() as sock:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((sys.argv[1], int(sys.argv[2])))
    except OSError:
        sys.exit(1)
PY
}

wait_healthy() {  # wait_healthy URL PIDFILE MARKER LOG [SERVER]: 200, from SERVER when given
  local deadline=$((SECONDS + ${REPLICAS_START_TIMEOUT:-90}))
  while [ "$SECONDS" -lt "$deadline" ]; do
    running "$2" || { tail -n 30 "$4" >&2 || true; return 1; }
    "$PYTHON" - "$1" "${5:-}" <<'PY' && return 0
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=2) as response:
        server = response.headers.get("Server", "")
        sys.exit(0 if response.status == 200 and server.startswith(sys.argv[2]) else 1)
except OSError:
    sys.exit(1)
PY
    sleep 0.5
  done
  tail -n 30 "$4" >&2 || true
  return 1
}

render_nginx_conf() {
  local servers="" port
  for port in "${APP_PORTS[@]}"; do
    servers+="        server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"$'\n'
  done
  RUN_DIR="$RUN" PORT="$PORT" LISTEN="$LISTEN" UPSTREAM_SERVERS="${servers%$'\n'}" \
  MAX_BODY_MB="$((MAX_UPLOAD_MB + 1))" "$PYTHON" - "$TEMPLATE" "$RUN/nginx.conf" <<'PY'
import os, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
def field(match):
    return os.environ[match.group(1)]
open(sys.argv[2], "w", encoding="utf-8").write(re.sub(r"@([A-Z_]+)@", field, text))
PY
}

cmd_start() {
  local port log nginx state=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --port) [ $# -ge 2 ] || usage; PORT="$2"; shift 2 ;;
      --port=*) PORT="${1#--port=}"; shift ;;
      *) usage ;;
    esac
  done
  [[ "$PORT" =~ ^[0-9]+$ ]] || fail "poort '$PORT' is geen getal."
  [ "${#APP_PORTS[@]}" -ge 1 ] || fail "REPLICAS_APP_PORTS noemt geen enkele poort."
  for port in "${APP_PORTS[@]}"; do
    [[ "$port" =~ ^[0-9]+$ ]] || fail "poort '$port' is geen getal."
    [ "$port" != "$PORT" ] || fail "nginx en een replica kunnen niet allebei poort $PORT hebben."
  done
  [[ "$MAX_UPLOAD_MB" =~ ^[0-9]+$ ]] || fail "DASHBOARD_MAX_UPLOAD_MB '$MAX_UPLOAD_MB' is geen getal."

  case "${DASHBOARD_DATABASE_URL:-}" in
    postgresql*) ;;
    "") fail "DASHBOARD_DATABASE_URL ontbreekt. Replica's delen één PostgreSQL-database, bijvoorbeeld
postgresql+psycopg://tellen:wachtwoord@127.0.0.1/tellen (zie README, 'Meer machines')." ;;
    *) fail "DASHBOARD_DATABASE_URL moet een PostgreSQL-database zijn (postgresql+psycopg://...):
een SQLite-bestand kan niet door processen op meer machines gedeeld worden." ;;
  esac
  started=no
  nginx="$(find_nginx)"
  cmd_status >/dev/null 2>&1 || state=$?
  if [ "$state" -ne 3 ]; then
    fail "er draait al iets uit $RUN ('$0 status'); stop het eerst met '$0 stop'."
  fi

  for port in "${APP_PORTS[@]}"; do
    port_free 127.0.0.1 "$port" || fail "poort $port (replica) is al in gebruik; kies andere met REPLICAS_APP_PORTS."
  done
  port_free "$LISTEN" "$PORT" || fail "poort $PORT op $LISTEN (nginx) is al in gebruik; kies een andere met --port."
  mkdir -p "$RUN/logs" "$RUN/nginx"
  if [ -z "${DASHBOARD_SECRET_KEY:-}" ]; then
    if [ ! -s "$RUN/secret_key" ]; then
      (umask 077; "$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(48))' >"$RUN/secret_key")
      say "Nieuwe geheime sleutel in $RUN/secret_key (bewaar hem; elke replica, ook op andere machines, moet dezelfde hebben)."
    fi
    DASHBOARD_SECRET_KEY="$(cat "$RUN/secret_key")"
  fi
  export DASHBOARD_SECRET_KEY
  DASHBOARD_MEDIA_DIR="${DASHBOARD_MEDIA_DIR:-data/media}"
  case "$DASHBOARD_MEDIA_DIR" in /*) ;; *) DASHBOARD_MEDIA_DIR="$ROOT/$DASHBOARD_MEDIA_DIR" ;; esac  # as the app reads it
  export DASHBOARD_MEDIA_DIR
  mkdir -p "$DASHBOARD_MEDIA_DIR"
  export DASHBOARD_BASE_URL="${DASHBOARD_BASE_URL:-http://$LISTEN:$PORT}"
  export DASHBOARD_DATABASE_URL DASHBOARD_MAX_UPLOAD_MB="$MAX_UPLOAD_MB"

  # Schema and demo data once, before any replica runs: replicas starting together on an empty
  # database would otherwise migrate and load the demo side by side.
  local demo=(--demo)
  case "${DASHBOARD_DEMO:-1}" in 0|false|nee|no) demo=() ;; esac
  (cd "$ROOT" && "$PYTHON" -m dashboard init "${demo[@]}") || fail "de database kon niet worden klaargezet."

  # Whatever stops this start half-way (a failed step, Ctrl-C) stops what it had started.
  trap '[ "$started" = yes ] || cmd_stop >/dev/null 2>&1 || true' EXIT
  for port in "${APP_PORTS[@]}"; do
    log="$RUN/logs/replica-$port.log"  # serve.py: healthy only once warm (src/dashboard/ui/warm_up.py)
    (cd "$ROOT" && exec nohup "$PYTHON" -m streamlit run "$SCRIPT" --server.port "$port" \
       --server.address 127.0.0.1 --server.headless true \
       --server.maxUploadSize "$MAX_UPLOAD_MB" </dev/null >"$log" 2>&1) &
    echo $! >"$RUN/replica-$port.pid"
  done
  for port in "${APP_PORTS[@]}"; do
    wait_healthy "http://127.0.0.1:$port/_stcore/health" "$RUN/replica-$port.pid" \
      "$(replica_marker "$port")" "$RUN/logs/replica-$port.log" ||
      { fail "de replica op poort $port start niet (log: $RUN/logs/replica-$port.log)."; }
    say "replica  http://127.0.0.1:$port  draait (pid $(cat "$RUN/replica-$port.pid"))"
  done

  render_nginx_conf
  # nginx reads a variable NGINX as sockets handed over by an old master (its binary upgrade): the
  # NGINX that names the binary here must not reach it.
  env -u NGINX "$nginx" -t -q -p "$RUN/nginx" -c "$RUN/nginx.conf" -e "$RUN/logs/nginx-error.log" ||
    { fail "de nginx-configuratie $RUN/nginx.conf klopt niet."; }
  (exec nohup env -u NGINX "$nginx" -p "$RUN/nginx" -c "$RUN/nginx.conf" -e "$RUN/logs/nginx-error.log" \
     -g "daemon off;" </dev/null >"$RUN/logs/nginx.out" 2>&1) &
  echo $! >"$RUN/nginx.pid"
  echo "http://$LISTEN:$PORT" >"$RUN/address"
  wait_healthy "http://$LISTEN:$PORT/_stcore/health" "$RUN/nginx.pid" "$RUN" "$RUN/logs/nginx.out" nginx ||
    { fail "nginx start niet op poort $PORT (log: $RUN/logs/nginx.out)."; }
  started=yes
  say "nginx    http://$LISTEN:$PORT  draait (pid $(cat "$RUN/nginx.pid")); deellinks wijzen naar $DASHBOARD_BASE_URL"
  say "Logboeken in $RUN/logs; stoppen met: $0 stop"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) usage ;;
esac
