#!/usr/bin/env bash
# Script test of ./crm: a rebuild of the checkout must not break the running suite.
#
# Starts PostgreSQL, Kafka and customer-service with ./crm (a state directory and ports of its own, so it
# neither needs nor disturbs a suite that already runs), starts crosssell-service once to check that it is pointed
# at customer-service with the token file ./crm wrote (accepted by customer-service), rebuilds the service modules in the checkout as
# ./mvnw verify would, checks that ./crm status calls the running copy older than the build, then stops and
# starts PostgreSQL under the service, which makes it load code it has not used yet (connection failures,
# pool retries, health DOWN): it must recover and answer 200 once PostgreSQL is back. Last, ./crm restart
# replaces the copy and the service answers again.
#
# Needs a built checkout (.ci/run runs it after ./mvnw verify); by hand: system-tests/scripts/crm-rebuild-while-running.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

say() { printf 'crm-rebuild-test: %s\n' "$*"; }

STATE=$(mktemp -d "${TMPDIR:-/tmp}/crm-rebuild-test.XXXXXX")
export CRM_STATE_DIR="$STATE"

fail() {
  say "FAILED: $*"
  local log
  for log in "$STATE"/logs/*.log; do
    [[ -f $log ]] || continue
    printf -- '---- last lines of %s ----\n' "${log##*/}"
    tail -n 30 "$log"
  done
  exit 1
}

cleanup() {
  ./crm stop >/dev/null 2>&1 || true
  rm -rf "$STATE"
}
trap cleanup EXIT

port_free() { ! (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ports of its own: an offset under which all of the suite's ports are free
offset=""
for candidate in $((20000 + RANDOM % 100 * 100)) 31000 33000 35000 37000; do
  if port_free $((15432 + candidate)) && port_free $((9092 + candidate)) && port_free $((8081 + candidate)) \
    && port_free $((8082 + candidate)) && port_free $((8083 + candidate)) && port_free $((8084 + candidate)); then
    offset=$candidate
    break
  fi
done
[[ -n $offset ]] || fail "no free set of ports found"
export CRM_PORT_OFFSET="$offset"
base="http://localhost:$((8081 + offset))"

# status CODE of METHOD PATH [BODY]
http() {
  curl -sS -o /dev/null -w '%{http_code}' -m 30 -X "$1" "$base$2" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' ${3:+-d "$3"} 2>/dev/null || true
}

# await SECONDS CODE METHOD PATH — until the call answers CODE
await() {
  local deadline=$((SECONDS + $1)) code=""
  while ((SECONDS < deadline)); do
    code=$(http "$3" "$4")
    [[ $code == "$2" ]] && return 0
    sleep 1
  done
  fail "$3 $4 answered ${code:-nothing} for $1 s, expected $2"
}

say "starting postgres, kafka and customer-service (state $STATE, port offset $offset)"
./crm start customer-service >"$STATE/start.out" 2>&1 || { cat "$STATE/start.out"; fail "./crm start"; }
TOKEN=$(./crm token crm-admin relationship-manager)
mobile="139$(printf '%08d' $((RANDOM * 1000 + RANDOM % 1000)))"
id=$(curl -sS -m 60 -X POST "$base/v1/customers" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"kind\":\"INDIVIDUAL\",\"fullName\":\"重建测试\",\"mobile\":\"$mobile\"}" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
[[ -n $id ]] || fail "could not register a customer"
[[ $(http GET "/v1/customers/$id") == 200 ]] || fail "GET /v1/customers/$id before the rebuild"

say "crosssell-service calls customer-service with the token file ./crm wrote"
./crm start crosssell-service >"$STATE/start-crosssell.out" 2>&1 || { cat "$STATE/start-crosssell.out"; fail "./crm start crosssell-service"; }
token_file="$STATE/jwt/crosssell-service.token"
[[ -s $token_file ]] || fail "./crm start crosssell-service wrote no $token_file"
crosssell_pid=$(tr -dc '0-9' <"$STATE/pids/crosssell-service.pid")
tr '\0' '\n' <"/proc/$crosssell_pid/environ" | grep -qxF "CROSSSELL_CUSTOMER_SERVICE_TOKEN_FILE=$token_file" \
  || fail "crosssell-service was not given CROSSSELL_CUSTOMER_SERVICE_TOKEN_FILE=$token_file"
tr '\0' '\n' <"/proc/$crosssell_pid/environ" | grep -qxF "CRM_SYSTEM_CALLER_TOKEN_FILE=$token_file" \
  || fail "crosssell-service was not given CRM_SYSTEM_CALLER_TOKEN_FILE=$token_file"
tr '\0' '\n' <"/proc/$crosssell_pid/environ" | grep -qxF "CROSSSELL_CUSTOMER_SERVICE_URL=$base" \
  || fail "crosssell-service was not given CROSSSELL_CUSTOMER_SERVICE_URL=$base"
code=$(curl -sS -o /dev/null -w '%{http_code}' -m 30 "$base/v1/customers/$id" -H "Authorization: Bearer $(cat "$token_file")" || true)
[[ $code == 200 ]] || fail "customer-service answered $code to crosssell-service's token"
./crm stop crosssell-service >/dev/null

say "rebuilding the service modules in the checkout while the suite runs"
jar=customer-service/target/quarkus-app/quarkus-run.jar
./mvnw -B -q -ntp -DskipTests package -pl customer-service -am >"$STATE/build.out" 2>&1 \
  || { tail -n 40 "$STATE/build.out"; fail "the rebuild failed"; }
[[ $jar -nt $STATE/run/customer-service/.copied ]] || fail "the rebuild did not replace $jar"
./crm status | grep '^customer-service ' | grep -q "older than the checkout's build" \
  || { ./crm status; fail "./crm status does not call the running copy older than the build"; }

say "PostgreSQL away and back under the running service"
./crm stop postgres >/dev/null
await 60 503 GET /q/health/ready
code=$(http GET "/v1/customers/$id")
[[ $code != 200 ]] || fail "GET answered 200 while PostgreSQL was down"
./crm start postgres >/dev/null
await 90 200 GET "/v1/customers/$id"
await 30 200 GET /q/health/ready

say "restart replaces the copy"
./crm restart customer-service >/dev/null
./crm status | grep '^customer-service ' | grep -q ' current$' || { ./crm status; fail "the copy is not current after restart"; }
[[ $(http GET "/v1/customers/$id") == 200 ]] || fail "GET /v1/customers/$id after the restart"
say "passed"
