#!/usr/bin/env bash
# A hub reporting to Herald with curl alone. Run it:
#   HERALD_URL=http://127.0.0.1:3000 HERALD_API_KEY=hrld_... bash herald-hub.sh
# Each answer is printed on its own line as Herald sent it ({"result":{"data":...}}).
# See docs/hub-guide.md for every field.
set -euo pipefail
: "${HERALD_URL:?set HERALD_URL}" "${HERALD_API_KEY:?set HERALD_API_KEY}"

# --retry retries exactly the answers Herald marks "retryable" (408, 429, 500, 502, 503, 504) and
# failed connections, waiting Retry-After when Herald sends one, else 1 s, 2 s, 4 s ...
# --fail-with-body exits non-zero on any other error and still prints Herald's JSON error.
# The answer goes to a file first: curl empties it before each retry, so only the last one is printed.
answer="$(mktemp)"
trap 'rm -f "$answer"' EXIT
mutate() {
  local status=0
  curl --silent --show-error --fail-with-body -o "$answer" \
    --retry "${HERALD_RETRIES:-5}" --retry-connrefused --retry-max-time 120 \
    -H "Authorization: Bearer $HERALD_API_KEY" -H 'Content-Type: application/json' \
    --data-binary "$2" "$HERALD_URL/trpc/$1" || status=$?
  cat "$answer"
  echo
  return "$status"
}

# A query takes its input as URL-encoded JSON in ?input= (hub.ping has none).
curl --silent --show-error --fail-with-body -H "Authorization: Bearer $HERALD_API_KEY" "$HERALD_URL/trpc/hub.ping"
echo

mutate hub.syncUsers '{"users":[
  {"id":"u-alice","name":"Alice","limit5hUsd":10,"limitWeeklyUsd":50,"limitMonthlyUsd":null},
  {"id":42,"name":"Bob","limitMonthlyUsd":200}
]}'

mutate hub.syncProviders '{"providers":[
  {"id":"anthropic-1","name":"Anthropic Primary","failureThreshold":3,"openDurationMs":1800000}
]}'

# Request ids make records idempotent: sending this again answers {"accepted":0,"duplicates":2}.
mutate hub.recordUsage '{"records":[
  {"requestId":"curl-req-1","userId":"u-alice","providerId":"anthropic-1","costUsd":0.0125,
   "inputTokens":1200,"outputTokens":300,"cacheReadInputTokens":800,"model":"claude-sonnet-4",
   "createdAt":"2026-05-04T08:55:00Z"},
  {"requestId":"curl-req-2","userId":42,"providerId":"anthropic-1","costUsd":0.5,
   "inputTokens":20000,"outputTokens":1500,"success":false,"errorMessage":"upstream 529: overloaded_error"}
]}'

mutate hub.reportCircuitBreaker '{"providerId":"anthropic-1","providerName":"Anthropic Primary",
  "failureCount":3,"retryAt":"2026-05-04T09:30:00Z","lastError":"upstream 529: overloaded_error"}'

mutate hub.reportCircuitBreaker '{"state":"closed","providerId":"anthropic-1"}'
