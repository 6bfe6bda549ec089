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

Routes of the ops_* DAGs (written like ordinary users' DAGs; each fails 401 until its connection
has the right password, then gets these 2xx answers):

    GET  /v1/invoices?customer=…      200 {"customer", "invoices": […]}      (ops_invoice_export)
    GET  /v1/shipments/<id>           200 {"id", "status"}                   (ops_shipment_tracking)
    GET  /v1/payroll/runs/<period>    200 {"period", "employees", "gross"}   (ops_payroll_report)
    GET  /v1/contacts                 200 {"contacts": […]}                  (ops_crm_contact_sync)
    POST /v1/ledger/entries           201 {"posted": n}                      (ops_ledger_reconcile)
    POST /v1/price-lists              200 {"store", "accepted"}              (ops_store_price_sync)
    GET  /v1/partners/<id>/feed       200 {"partner", "items": […]}          (ops_partner_feed)
    POST /v1/warehouse/loads          202 {"load_id", "batch"}               (ops_warehouse_load)

    /billing/…                        the same as /… (and /billing as /): an http connection whose
                                      host is a URL with a path, http://127.0.0.1:PORT/billing,
                                      sends everything under that path, its connection test included

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
import urllib.parse
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
        # A connection whose host is a URL with a path prefix (http://127.0.0.1:PORT/billing):
        # the http provider sends its calls and its connection test (POST /billing) under it.
        if path == "/billing" or path.startswith("/billing/"):
            path = path[len("/billing"):] or "/"
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

        reply = self._ops_route(path, body)
        if reply is not None:
            return self._send(*reply)
        return self._send(404, {"error": f"no route {self.command} {path}"})

    def _ops_route(self, path, body):
        """The ops_* DAGs' routes (authorized already): (status, payload), or None."""
        method = "GET" if self.command == "HEAD" else self.command
        query = urllib.parse.parse_qs(self.path.partition("?")[2])
        body = body if isinstance(body, dict) else {}
        if method == "GET" and path == "/v1/invoices":
            customer = query.get("customer", ["?"])[0]
            return 200, {"customer": customer, "invoices": [{"id": f"inv-{customer}-1", "status": "open", "amount": 120.0}]}
        m = re.fullmatch(r"/v1/shipments/([A-Za-z0-9_-]+)", path)
        if method == "GET" and m:
            return 200, {"id": m.group(1), "status": "in_transit"}
        m = re.fullmatch(r"/v1/payroll/runs/([0-9]{4}-[0-9]{2})", path)
        if method == "GET" and m:
            return 200, {"period": m.group(1), "employees": 12, "gross": 48250.0}
        if method == "GET" and path == "/v1/contacts":
            return 200, {"contacts": [{"id": "ct-1", "email": "ana@example.com"}, {"id": "ct-2", "email": "li@example.com"}]}
        if method == "POST" and path == "/v1/ledger/entries":
            return 201, {"posted": len(body.get("entries") or [])}
        if method == "POST" and path == "/v1/price-lists":
            return 200, {"store": body.get("store"), "accepted": len(body.get("items") or [])}
        m = re.fullmatch(r"/v1/partners/([A-Za-z0-9_-]+)/feed", path)
        if method == "GET" and m:
            return 200, {"partner": m.group(1), "items": [{"sku": "A-1", "qty": 3}]}
        if method == "POST" and path == "/v1/warehouse/loads":
            return 202, {"load_id": f"load-{body.get('batch', '?')}", "batch": body.get("batch")}
        return None


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
    # why: one process stands for several services (the CRM and the warehouse on ports of their
    # own, as separate servers would be), so a failing request's port tells them apart.
    parser.add_argument("--port", type=int, action="append", help="repeat to listen on several ports")
    parser.add_argument("--secret", default=SECRET)
    args = parser.parse_args()
    SECRET = args.secret
    servers = [Server(("127.0.0.1", port), Handler) for port in (args.port or [28099])]
    for server in servers[1:]:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    ports = ", ".join(str(server.server_address[1]) for server in servers)
    sys.stderr.write(f"failing_api listening on 127.0.0.1 ports {ports}\n")
    sys.stderr.flush()
    try:
        servers[0].serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
