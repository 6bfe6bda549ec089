#!/usr/bin/env python3
"""Loopback HTTP service that the FlowDash test DAGs call (Python stdlib only).

    python3 failing_api.py --port 28099 --secret flowdash-airflow

Binds 127.0.0.1 only. Every route except /health needs credentials: either
`Authorization: Bearer <secret>` or Basic `svc:<secret>` (an Airflow http connection's
login/password); anything else gets 401. Routes, chosen so that each DAG fails in one way:

    GET  /health                      200 (no auth; used by script/airflow for readiness)
    GET|POST /                        200 with auth (the http provider's connection test POSTs here)
    GET  /v1/customers/<id>           200 {"id", "name", "tier"}
    POST /v1/sync                     502 on the FIRST call for a given body "customer" (the
                                      DAG's input), 200 on every later call: a transient failure,
                                      so a resubmit with the same conf or a rerun of the task passes
    POST /v1/invoices                 400 unless the JSON body has a string "customer" and a
                                      numeric "amount" > 0; else 201
    POST /v1/approvals                422 "no manager configured" unless the body has "manager"
    anything else                     404 {"error": "no route …"}

Broken look-alikes of the Airflow API, for FlowDash's fault tests (no auth; base URL
http://127.0.0.1:PORT/broken/<kind>, so FlowDash sends /broken/<kind>/api/v2/...):

    POST /broken/<kind>/auth/token    201 {"access_token": "broken-api-token"} (sign-in works)
    any  /broken/<kind>/api/v2/...    200 with a broken body, by <kind>:
                                      html       an HTML page (a proxy's or the UI's)
                                      truncated  JSON cut in the middle
                                      text       plain text
                                      empty      no body at all
                                      shape      valid JSON without the fields Airflow sends

Responses are JSON unless broken on purpose. Each request is logged on stderr as one line.
"""
import argparse
import base64
import json
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = "flowdash-airflow"
LOGIN = "svc"
_sync_seen = set()
_sync_lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    server_version = "FlowDashFailingAPI/1.0"
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # small JSON replies: don't wait 40 ms for a delayed ACK

    # --- helpers -------------------------------------------------------------------------
    def _send(self, status, payload):
        self._send_raw(status, json.dumps(payload).encode(), "application/json")

    def _send_raw(self, status, body, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if not raw:
            return None, ""
        try:
            return json.loads(raw), ""
        except ValueError as e:
            return None, f"body is not JSON: {e}"

    def _authorized(self):
        header = self.headers.get("Authorization", "")
        if header == f"Bearer {SECRET}":
            return True
        if header.startswith("Basic "):
            try:
                user, _, password = base64.b64decode(header[6:]).decode().partition(":")
            except (ValueError, UnicodeDecodeError):
                return False
            return user == LOGIN and password == SECRET
        return False

    def log_message(self, fmt, *args):
        sys.stderr.write("%s %s\n" % (self.log_date_time_string(), fmt % args))
        sys.stderr.flush()

    # --- routing -------------------------------------------------------------------------
    def do_HEAD(self):
        self._route()

    def do_GET(self):
        self._route()

    def do_POST(self):
        self._route()

    def _route(self):
        path = self.path.split("?", 1)[0]
        body, body_error = self._body() if self.command == "POST" else (None, "")
        if path == "/health":
            return self._send(200, {"status": "ok"})
        if path.startswith("/broken/"):
            return self._broken(path)
        if not self._authorized():
            return self._send(401, {"error": "invalid credentials"})
        if path == "/":
            return self._send(200, {"status": "ok", "service": "flowdash-failing-api"})

        m = re.fullmatch(r"/v1/customers/([A-Za-z0-9_-]+)", path)
        if m and self.command in ("GET", "HEAD"):
            cid = m.group(1)
            return self._send(200, {"id": cid, "name": f"Customer {cid}", "tier": "gold"})

        if path == "/v1/sync" and self.command == "POST":
            # Keyed by the input, not the run: a resubmit (new run, same conf) must pass too.
            key = str(body.get("customer", "")) if isinstance(body, dict) else ""
            with _sync_lock:
                first = key not in _sync_seen
                _sync_seen.add(key)
            if first:
                return self._send(502, {"error": "upstream ledger unavailable (bad gateway)", "customer": key})
            return self._send(200, {"status": "synced", "customer": key})

        if path == "/v1/invoices" and self.command == "POST":
            if body_error:
                return self._send(400, {"error": body_error})
            if not isinstance(body, dict):
                return self._send(400, {"error": "body must be a JSON object"})
            if not isinstance(body.get("customer"), str):
                return self._send(400, {"error": "field 'customer' is required (string)"})
            amount = body.get("amount")
            if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount <= 0:
                return self._send(400, {"error": f"field 'amount' must be a positive number, got {amount!r}"})
            return self._send(201, {"invoice": f"inv-{body['customer']}", "amount": amount})

        if path == "/v1/approvals" and self.command == "POST":
            body = body if isinstance(body, dict) else {}
            if not body.get("manager"):
                customer = body.get("customer", "?")
                return self._send(422, {"error": f"no manager configured for customer {customer}"})
            return self._send(200, {"approved": True, "manager": body["manager"]})

        return self._send(404, {"error": f"no route {self.command} {path}"})


    def _broken(self, path):
        parts = path.split("/", 3)  # "", "broken", kind, rest
        kind, rest = (parts[2], parts[3] if len(parts) > 3 else "") if len(parts) > 2 else ("", "")
        if rest == "auth/token" and self.command == "POST":
            return self._send(201, {"access_token": "broken-api-token"})
        if not rest.startswith("api/v2/"):
            return self._send(404, {"detail": f"no route {self.command} {path}"})
        if kind == "html":
            page = b"<!DOCTYPE html>\n<html><head><title>Sign in - Gateway</title></head>\n<body>Please sign in.</body></html>\n"
            return self._send_raw(200, page, "text/html")
        if kind == "truncated":
            whole = json.dumps({"dags": [{"dag_id": "flowdash_ok", "is_paused": False}], "total_entries": 1})
            return self._send_raw(200, whole[: len(whole) // 2].encode(), "application/json")
        if kind == "text":
            return self._send_raw(200, b"upstream said: everything is fine\n", "text/plain")
        if kind == "empty":
            return self._send_raw(200, b"", "application/json")
        if kind == "shape":
            return self._send(200, {"items": [], "count": 0})
        return self._send(404, {"detail": f"no broken kind {kind!r}"})


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    global SECRET
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=28099)
    parser.add_argument("--secret", default=SECRET)
    args = parser.parse_args()
    SECRET = args.secret
    server = Server(("127.0.0.1", args.port), Handler)
    sys.stderr.write(f"failing_api listening on http://127.0.0.1:{args.port}\n")
    sys.stderr.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
