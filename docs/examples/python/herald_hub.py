#!/usr/bin/env python3
"""A hub reporting to Herald, in Python with the standard library only (urllib + json).

Run it:  HERALD_URL=http://127.0.0.1:3000 HERALD_API_KEY=hrld_... python3 herald_hub.py

It syncs two users and a provider, records a batch of usage, and reports the provider's
circuit breaker opening and closing again. Each call is retried while Herald says the error
is `retryable` (with backoff and jitter, honouring Retry-After); a batch over Herald's body
limit is split in half; and with HERALD_OUTBOX set, calls Herald could not take are kept in
that file and replayed, in order, before anything new is sent.

Optional settings: HERALD_OUTBOX (a file path), HERALD_MAX_ATTEMPTS (default 6),
HERALD_RETRY_BASE_SECONDS (default 0.5), HERALD_BATCH_SIZE (records per call, default 1000).
See docs/hub-guide.md for every field.
"""

import json
import os
import random
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone

# Statuses a proxy in front of Herald may answer without Herald's JSON: worth another try.
TRANSIENT_STATUSES = {408, 429, 500, 502, 503, 504}


class HeraldError(Exception):
    """An answer Herald refused: `code` is its machine code (INVALID_INPUT, UNAVAILABLE, ...)."""

    def __init__(self, status, code, message, retryable, issues=None, retry_after=None):
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.retryable = retryable
        self.issues = issues or []
        self.retry_after = retry_after


def error_from_answer(status, body, retry_after):
    """Herald's error shape: {"error": {"message", "data": {"herald": {"code", "retryable", "issues"}}}}."""
    try:
        error = json.loads(body)["error"]
        herald = error["data"]["herald"]
        return HeraldError(status, herald["code"], error["message"], herald["retryable"], herald.get("issues"), retry_after)
    except (ValueError, KeyError, TypeError):
        # Not Herald's answer (a proxy's HTML page, a cut body): judged by its status alone.
        return HeraldError(status, f"HTTP_{status}", body[:200], status in TRANSIENT_STATUSES, None, retry_after)


class HeraldHub:
    def __init__(self, url, api_key, outbox=None, max_attempts=6, retry_base=0.5, retry_cap=30.0, timeout=30.0):
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.outbox = outbox
        self.max_attempts = max_attempts
        self.retry_base = retry_base
        self.retry_cap = retry_cap
        self.timeout = timeout

    # --- one HTTP call -----------------------------------------------------------------

    def _request(self, procedure, payload, query):
        headers = {"Authorization": f"Bearer {self.api_key}", "Accept": "application/json"}
        if query:
            qs = "" if payload is None else "?input=" + urllib.parse.quote(json.dumps(payload))
            req = urllib.request.Request(f"{self.url}/trpc/{procedure}{qs}", headers=headers)
        else:
            headers["Content-Type"] = "application/json"
            body = json.dumps(payload).encode("utf-8")
            req = urllib.request.Request(f"{self.url}/trpc/{procedure}", data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as res:
                return json.loads(res.read())["result"]["data"]
        except urllib.error.HTTPError as e:
            body = e.read().decode("utf-8", "replace")
            raise error_from_answer(e.code, body, e.headers.get("Retry-After")) from None
        except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
            # Herald down or unreachable: nothing was answered, so the call may be repeated.
            raise HeraldError(0, "UNREACHABLE", str(e), True) from None

    def call(self, procedure, payload=None, query=False):
        """One procedure, retried while the error is retryable: full-jitter backoff, Retry-After first."""
        for attempt in range(1, self.max_attempts + 1):
            try:
                return self._request(procedure, payload, query)
            except HeraldError as e:
                if not e.retryable or attempt == self.max_attempts:
                    raise
                delay = random.uniform(0, min(self.retry_cap, self.retry_base * 2 ** (attempt - 1)))
                if e.retry_after is not None and e.retry_after.isdigit():
                    delay = max(delay, min(float(e.retry_after), self.retry_cap))
                time.sleep(delay)

    # --- keeping calls while Herald is down ------------------------------------------

    def _pending(self):
        if not self.outbox or not os.path.exists(self.outbox):
            return []
        with open(self.outbox, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    def _keep(self, entries):
        tmp = f"{self.outbox}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(e) + "\n" for e in entries)
        os.replace(tmp, self.outbox)

    def send(self, procedure, payload):
        """A mutation. With an outbox it is kept behind any earlier kept ones, so the order stays."""
        if not self.outbox:
            return self.call(procedure, payload)
        pending = self._pending()
        if not pending:
            try:
                return self.call(procedure, payload)
            except HeraldError as e:
                if not e.retryable:
                    raise
        self._keep(pending + [{"procedure": procedure, "input": payload}])
        return None  # kept: replayed by flush()

    def flush(self):
        """Replays kept calls in order; stops at the first that still cannot go. Returns what was sent."""
        pending = self._pending()
        sent = []
        while pending:
            entry = pending[0]
            try:
                answer = self.call(entry["procedure"], entry["input"])
            except HeraldError as e:
                if e.retryable:
                    break
                # Herald will never take this one (its input is wrong): set it aside, keep going.
                print(json.dumps({"dropped": entry["procedure"], "error": str(e), "issues": e.issues}), file=sys.stderr)
                answer = None
            sent.append({"call": entry["procedure"], "answer": answer})
            pending = pending[1:]
            self._keep(pending)
        return sent

    # --- the hub procedures -------------------------------------------------------------

    def ping(self):
        return self.call("hub.ping", query=True)

    def sync_users(self, users):
        return self.send("hub.syncUsers", {"users": users})

    def sync_providers(self, providers):
        return self.send("hub.syncProviders", {"providers": providers})

    def report_circuit_breaker(self, report):
        return self.send("hub.reportCircuitBreaker", report)

    def record_usage(self, records, batch_size=1000):
        """Sends records in batches; a batch over Herald's body limit (413) is split in half."""
        totals = {"accepted": 0, "duplicates": 0}
        batches = [records[i : i + batch_size] for i in range(0, len(records), batch_size)]
        while batches:
            batch = batches.pop(0)
            try:
                answer = self.send("hub.recordUsage", {"records": batch})
            except HeraldError as e:
                if e.code == "PAYLOAD_TOO_LARGE" and len(batch) > 1:
                    half = len(batch) // 2
                    batches[:0] = [batch[:half], batch[half:]]
                    continue
                raise
            if answer is None:
                totals["kept"] = totals.get("kept", 0) + len(batch)
            else:
                totals["accepted"] += answer["accepted"]
                totals["duplicates"] += answer["duplicates"]
        return totals


def iso(t):
    return t.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def main():
    hub = HeraldHub(
        os.environ["HERALD_URL"],
        os.environ["HERALD_API_KEY"],
        outbox=os.environ.get("HERALD_OUTBOX"),
        max_attempts=int(os.environ.get("HERALD_MAX_ATTEMPTS", "6")),
        retry_base=float(os.environ.get("HERALD_RETRY_BASE_SECONDS", "0.5")),
    )

    def out(call, answer):
        print(json.dumps({"call": call, "answer": answer}), flush=True)

    for replayed in hub.flush():
        print(json.dumps({"replayed": replayed["call"], "answer": replayed["answer"]}), flush=True)
    try:
        out("hub.ping", hub.ping())
    except HeraldError as e:
        if not e.retryable:
            raise
        out("hub.ping", {"error": e.code})

    out(
        "hub.syncUsers",
        hub.sync_users(
            [
                {"id": "u-alice", "name": "Alice", "limit5hUsd": 10, "limitWeeklyUsd": 50, "limitMonthlyUsd": None},
                {"id": 42, "name": "Bob", "limitMonthlyUsd": 200, "isEnabled": True},
            ]
        ),
    )
    out(
        "hub.syncProviders",
        hub.sync_providers(
            [{"id": "anthropic-1", "name": "Anthropic Primary", "limitMonthlyUsd": 1000, "failureThreshold": 3, "openDurationMs": 1_800_000}]
        ),
    )

    # Fixed request ids: running this again sends the same records, and Herald counts them as duplicates.
    now = datetime.now(timezone.utc)
    records = [
        {
            "requestId": f"demo-req-{i}",
            "userId": "u-alice" if i % 2 == 0 else 42,
            "providerId": "anthropic-1",
            "costUsd": round(0.0125 * (i + 1), 6),  # US dollars
            "inputTokens": 1200 + i,
            "outputTokens": 300,
            "cacheReadInputTokens": 800,
            "model": "claude-sonnet-4",
            "createdAt": iso(now - timedelta(minutes=5 - i)),
        }
        for i in range(5)
    ]
    out("hub.recordUsage", hub.record_usage(records, batch_size=int(os.environ.get("HERALD_BATCH_SIZE", "1000"))))

    out(
        "hub.reportCircuitBreaker",
        hub.report_circuit_breaker(
            {
                "providerId": "anthropic-1",
                "providerName": "Anthropic Primary",
                "failureCount": 3,
                "retryAt": iso(now + timedelta(minutes=30)),
                "lastError": "upstream 529: overloaded_error",
            }
        ),
    )
    out("hub.reportCircuitBreaker", hub.report_circuit_breaker({"state": "closed", "providerId": "anthropic-1"}))


if __name__ == "__main__":
    main()
