# Sourced by the bench scripts (needs BENCH, the shared bench directory).
#
# An account the shared load generator can send through, made with the admin API on localhost:8080. Sets ACCOUNT,
# PUSER and PPASS.
#
#   create_bench_account NAME ADMIN_PASSWORD [PER_RECIPIENT_LIMIT]
#
# The load generator sends everything as bench@example.com to one recipient, so the account gets example.com as a
# sending domain (without a DNS check: there is no DNS here), bench@example.com as a sender the operator vouches
# for, and per-recipient limits of PER_RECIPIENT_LIMIT (default 0: none).
create_bench_account() {
  local name=$1 admin_password=$2 limit=${3:-0}
  api() { curl -fsS -u "admin:$admin_password" -H 'Content-Type: application/json' "$@"; }
  ACCOUNT=$(api -X POST localhost:8080/api/admin/accounts -d "{\"name\":\"$name\"}" \
      | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
  api -X PUT "localhost:8080/api/admin/accounts/$ACCOUNT/limits" \
      -d "{\"per_recipient_per_minute\": $limit, \"per_recipient_per_hour\": $limit}" > /dev/null
  api -X POST "localhost:8080/api/admin/accounts/$ACCOUNT/domains" -d '{"name":"example.com","skip_dns_check":true}' >/dev/null
  api -X POST "localhost:8080/api/admin/accounts/$ACCOUNT/senders" \
      -d '{"email_address":"bench@example.com","verified":true}' >/dev/null
  local cred
  cred=$(api -X POST "localhost:8080/api/admin/accounts/$ACCOUNT/smtp-credentials")
  PUSER=$(echo "$cred" | python3 -c 'import sys,json; print(json.load(sys.stdin)["username"])')
  PPASS=$(echo "$cred" | python3 -c 'import sys,json; print(json.load(sys.stdin)["password"])')
}

# Returns once the relay drained its backlog: the sink's count has not moved for 5 s (at most 10 minutes). A
# backlog still arriving would be counted as the next measurement's messages. Prints the count it settled at.
wait_for_sink_to_settle() {
  local last=-1 still=0 n
  for _ in $(seq 1 600); do
    n=$("$BENCH/sink.sh" count); if [ "$n" = "$last" ]; then still=$((still + 1)); else still=0; last=$n; fi
    [ "$still" -ge 5 ] && break
    sleep 1
  done
  echo "$last"
}
