#!/usr/bin/env python3
"""REST-side steps of script/airflow (Python stdlib only; no curl or jq needed).

    airflow_setup.py health --url URL [--pid-file F ...] [--timeout S]
        Wait until GET /api/v2/monitor/health reports metadatabase, scheduler and dag_processor
        "healthy" while every pid in the pid files is alive. --timeout 0: check once.
        Exit 0 when ready, 1 on timeout, 2 when a process died.
    airflow_setup.py seed --url URL --user U --password P --loopback-port N [--timeout S] [--out F]
        Wait for the test DAGs and the broken file's import error, create the http connections,
        trigger one run of each DAG with its conf, wait until all runs are finished, and check
        each ended as expected (its failed task, map index included, the tasks that must have
        succeeded, and the HTTP status in the failed try's log). Exit non-zero otherwise.
"""
import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

CONN_PASSWORD = "flowdash-airflow"  # what the loopback service accepts
WRONG_PASSWORD = "expired-password-2024"
BROKEN_FILE = "flowdash_broken.py"


class Seed:
    """What one seeded run must show once finished.

    conf: the run's conf; state: its final state; task (+ map_index, -1 when not mapped): the
    task that must have failed, whose try-1 log (read through the REST API) must contain `log`,
    the text carrying the HTTP `status` ("HTTP <status>" unless told); succeeded: (task_id,
    map_index) pairs that must have succeeded.
    """

    def __init__(self, conf, state="failed", task=None, status=None, map_index=-1, log=None, succeeded=()):
        self.conf, self.state, self.task, self.status, self.map_index = conf, state, task, status, map_index
        self.log = log if log is not None else (f"HTTP {status}" if status else None)
        self.succeeded = tuple(succeeded)
        assert task is None or (status and str(status) in self.log), (task, status, self.log)


LOADED = [("load_customer", -1)]  # the flowdash_* DAGs' first task, through flowdash_api
PUSH = "push_to_stores.push_price_list"

SEEDS = {
    "flowdash_ok": Seed({"customer": "c-1000", "amount": 42.5}, state="success"),
    "flowdash_unauthorized": Seed({"customer": "c-1001"}, task="fetch_billing_account", status=401, succeeded=LOADED),
    "flowdash_not_found": Seed({"customer": "c-1002"}, task="fetch_profile", status=404, succeeded=LOADED),
    "flowdash_bad_gateway": Seed({"customer": "c-1003"}, task="sync_ledger", status=502, succeeded=LOADED),
    "flowdash_bad_request": Seed({"customer": "c-1004", "amount": "12,50"}, task="create_invoice", status=400,
                                 succeeded=LOADED),
    "flowdash_no_manager": Seed({"customer": "c-1005"}, task="request_approval", status=422, succeeded=LOADED),
    # The ops_* DAGs are written as ordinary users write them (README: "DAGs as users write them");
    # each fails 401 through a connection with a wrong password. `log` is each one's own wording.
    "ops_invoice_export": Seed({"customer": "c-3001"}, task="fetch_open_invoices", status=401,
                               log="401:Unauthorized"),
    "ops_shipment_tracking": Seed({"shipments": ["SH-2001", "SH-2002"]}, task="refresh_tracking", status=401,
                                  log="401:Unauthorized"),
    "ops_payroll_report": Seed({"period": "2024-06"}, task="pull_payroll_run", status=401,
                               log="401 Client Error: Unauthorized for url: http://127.0.0.1:"),
    "ops_crm_contact_sync": Seed({"since": "2024-06-01"}, task="pull_changed_contacts", status=401,
                                 log="401 Client Error: Unauthorized for url: http://localhost:"),
    "ops_ledger_reconcile": Seed({"account": "4100-fx"}, task="post_adjustments", status=401,
                                 log="HTTP Error 401: Unauthorized"),
    "ops_store_price_sync": Seed({"price_list": "summer-2024"}, task=PUSH, map_index=2, status=401,
                                 log="401:Unauthorized", succeeded=[(PUSH, 0), (PUSH, 1)]),
    "ops_partner_feed": Seed({"partner": "acme"}, task="download_feed", status=401,
                             log="Partner feed download failed with 401 Unauthorized (http://127.0.0.1:"),
    "ops_warehouse_load": Seed({"region": "us", "batch": "b-20240601"}, task="start_load", status=401,
                               log="Client error '401 Unauthorized' for url 'http://127.0.0.1:"),
}

# The http connections, id -> (fields, password). Their hosts take the forms users give them: an
# IP, a name, a URL (with a path, or with the port in it: then no port field, since the http
# provider appends the port to the host). Every ops_* connection has a stale password, so its DAG
# fails 401 until the password is set to CONN_PASSWORD, except pos_europe: the price sync's
# European stores pass and only the mapped instance through pos_americas fails. partner_api is
# not here: it exists only in the scheduler's environment (script/airflow, AIRFLOW_CONN_PARTNER_API).
# The CRM (port + 1) and the warehouse (port + 2) are servers of their own, as they would be.
def connections(port):
    def http(host, description, url=False, on=port):
        fields = {"conn_type": "http", "host": host, "login": "svc", "description": description}
        return fields if url else {**fields, "port": on, "schema": "http"}

    loopback = "FlowDash test service on loopback"
    return {
        "flowdash_api": (http("127.0.0.1", loopback), CONN_PASSWORD),
        "flowdash_billing_api": (http("127.0.0.1", f"{loopback} (wrong password; the right one is {CONN_PASSWORD})"),
                                 WRONG_PASSWORD),
        "billing_gateway": (http(f"http://127.0.0.1:{port}/billing", "Billing gateway (invoices, payments)", url=True),
                            WRONG_PASSWORD),
        "logistics_api": (http("localhost", "Carrier tracking API"), "logistics-2023"),
        "payroll_api": (http("127.0.0.1", "Payroll provider"), "rotated-2024-q3"),
        "crm_default": (http(f"http://localhost:{port + 1}", "CRM REST API", url=True), WRONG_PASSWORD),
        "ledger_api": (http("127.0.0.1", "General ledger service"), "ledger-old-secret"),
        "pos_europe": (http("localhost", "POS gateway, EU stores"), CONN_PASSWORD),
        "pos_americas": (http("127.0.0.1", "POS gateway, US stores"), WRONG_PASSWORD),
        "warehouse_eu": (http("127.0.0.1", "Data warehouse, EU region", on=port + 2), WRONG_PASSWORD),
        "warehouse_us": (http("127.0.0.1", "Data warehouse, US region", on=port + 2), "wh-us-2024-01"),
    }


def log(msg):
    print(f"[airflow] {msg}", flush=True)


class Api:
    def __init__(self, url, token=None):
        self.url = url.rstrip("/")
        self.token = token

    def request(self, method, path, body=None, headers=None, timeout=15):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Accept", "application/json")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if self.token:
            req.add_header("Authorization", f"Bearer {self.token}")
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                raw = resp.read().decode()
                return resp.status, (json.loads(raw) if raw else None)
        except urllib.error.HTTPError as e:
            raw = e.read().decode(errors="replace")
            try:
                return e.code, json.loads(raw)
            except ValueError:
                return e.code, raw

    def ok(self, method, path, body=None, expect=(200, 201), retries=3):
        """A call that must succeed; 5xx and connection errors are retried (1 s apart)."""
        for attempt in range(1, retries + 1):
            try:
                status, payload = self.request(method, path, body)
            except (urllib.error.URLError, OSError) as e:
                status, payload = None, str(e)
            if status in expect:
                return payload
            if status is not None and status < 500 or attempt == retries:
                raise SystemExit(f"[airflow] {method} {path} -> {status}: {payload}")
            time.sleep(1)


def pids_alive(pid_files):
    dead = []
    for f in pid_files:
        try:
            pid = int(open(f).read().split()[0])
            with open(f"/proc/{pid}/stat") as st:
                if st.read().rsplit(")", 1)[1].split()[0] == "Z":  # a zombie has exited
                    raise OSError("zombie")
        except (OSError, ValueError, IndexError):
            dead.append(os.path.basename(f))
    return dead


def cmd_health(args):
    deadline = time.monotonic() + args.timeout
    last = "no answer yet"
    while True:
        dead = pids_alive(args.pid_file)
        if dead:
            log(f"process died: {', '.join(dead)}")
            return 2
        try:
            status, body = Api(args.url).request("GET", "/api/v2/monitor/health", timeout=5)
            if status == 200 and isinstance(body, dict):
                states = {k: (body.get(k) or {}).get("status") for k in ("metadatabase", "scheduler", "dag_processor")}
                last = ", ".join(f"{k}={v}" for k, v in states.items())
                if all(v == "healthy" for v in states.values()):
                    return 0
            else:
                last = f"HTTP {status}"
        except (urllib.error.URLError, OSError) as e:
            last = f"{type(e).__name__}: {getattr(e, 'reason', e)}"
        if time.monotonic() >= deadline:
            log(f"not healthy after {args.timeout:.0f} s (last: {last})")
            return 1
        time.sleep(0.5)


def cmd_seed(args):
    t0 = time.monotonic()
    api = Api(args.url)
    reply = api.ok("POST", "/auth/token", {"username": args.user, "password": args.password})
    api.token = reply["access_token"]
    deadline = time.monotonic() + args.timeout

    # 1. DAGs parsed and the import error recorded.
    missing = set(SEEDS)
    have_error = False
    while missing or not have_error:
        for dag_id in sorted(missing):
            status, _ = api.request("GET", f"/api/v2/dags/{dag_id}")
            if status == 200:
                missing.discard(dag_id)
        if not have_error:
            errs = api.ok("GET", "/api/v2/importErrors?" + urllib.parse.urlencode({"filename": BROKEN_FILE}))
            have_error = errs.get("total_entries", 0) > 0
        if missing or not have_error:
            if time.monotonic() > deadline:
                raise SystemExit(f"[airflow] timeout waiting for DAGs {sorted(missing)} / import error={have_error}")
            time.sleep(1)
    log(f"DAGs parsed, import error of {BROKEN_FILE} recorded ({time.monotonic() - t0:.1f} s)")

    # 2. Connections (create, or reset to the intended values when they exist).
    conns = connections(args.loopback_port)
    for conn_id, (fields, password) in conns.items():
        body = {"connection_id": conn_id, **fields, "password": password}
        status, payload = api.request("POST", "/api/v2/connections", body)
        if status == 409:
            api.ok("PATCH", f"/api/v2/connections/{conn_id}", body)
        elif status != 201:
            raise SystemExit(f"[airflow] POST /api/v2/connections ({conn_id}) -> {status}: {payload}")
    right = sorted(c for c, (_, pw) in conns.items() if pw == CONN_PASSWORD)
    log(f"{len(conns)} connections set; right password only: {', '.join(right)}")

    # 3. One run of each DAG with its conf.
    runs = {}
    for dag_id, seed in SEEDS.items():
        run = api.ok("POST", f"/api/v2/dags/{dag_id}/dagRuns",
                     {"logical_date": None, "conf": seed.conf, "note": "seeded by script/airflow up"})
        runs[dag_id] = run["dag_run_id"]
    t_trig = time.monotonic()
    log(f"triggered {len(runs)} runs")

    # 4. Wait until every run is finished.
    states = {}
    while True:
        page = api.ok("POST", "/api/v2/dags/~/dagRuns/list", {"dag_ids": list(SEEDS), "page_limit": 100})
        states = {r["dag_id"]: r["state"] for r in page["dag_runs"] if runs.get(r["dag_id"]) == r["dag_run_id"]}
        if len(states) == len(runs) and all(s in ("success", "failed") for s in states.values()):
            break
        if time.monotonic() > deadline:
            raise SystemExit(f"[airflow] timeout waiting for runs to finish: {states}")
        time.sleep(1)
    log(f"all runs finished {time.monotonic() - t_trig:.1f} s after triggering")

    # 5. Each run ended the intended way, for the intended reason.
    problems = []
    for dag_id, seed in SEEDS.items():
        run_id = urllib.parse.quote(runs[dag_id], safe="")
        if states[dag_id] != seed.state:
            problems.append(f"{dag_id}: run {states[dag_id]}, expected {seed.state}")
            continue
        if seed.task is None:
            continue
        tis = api.ok("GET", f"/api/v2/dags/{dag_id}/dagRuns/{run_id}/taskInstances?limit=100")["task_instances"]
        ti_state = {(t["task_id"], t["map_index"]): t["state"] for t in tis}
        want = {key: "success" for key in seed.succeeded}
        want[(seed.task, seed.map_index)] = "failed"
        if any(ti_state.get(key) != state for key, state in want.items()):
            problems.append(f"{dag_id}: task states {ti_state}, expected {want}")
            continue
        logs = api.ok("GET", f"/api/v2/dags/{dag_id}/dagRuns/{run_id}/taskInstances/{seed.task}/logs/1?"
                      + urllib.parse.urlencode({"map_index": seed.map_index, "full_content": "true"}))
        if seed.log not in "\n".join(strings_in(logs.get("content"))):
            problems.append(f"{dag_id}: log of {seed.task} lacks {seed.log!r}")
    if problems:
        for p in problems:
            log("unexpected: " + p)
        raise SystemExit(1)
    summary = {}
    for d, seed in SEEDS.items():
        summary[d] = {"dag_run_id": runs[d], "state": states[d], "conf": seed.conf,
                      "failed_task": seed.task, "http_status": seed.status}
        if seed.map_index != -1:
            summary[d]["map_index"] = seed.map_index
    if args.out:
        with open(args.out, "w") as f:
            json.dump(summary, f, indent=2)
    for d, seed in SEEDS.items():
        where = f"{seed.task}[{seed.map_index}]" if seed.map_index != -1 else seed.task
        extra = f" ({where}: HTTP {seed.status})" if seed.task else ""
        log(f"  {d:24} {states[d]}{extra}")
    return 0


def strings_in(value):
    """Every string in a decoded JSON value (the log entries' events, error details, ...)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    h = sub.add_parser("health")
    h.add_argument("--url", required=True)
    h.add_argument("--pid-file", action="append", default=[])
    h.add_argument("--timeout", type=float, default=0)
    s = sub.add_parser("seed")
    s.add_argument("--url", required=True)
    s.add_argument("--user", required=True)
    s.add_argument("--password", required=True)
    s.add_argument("--loopback-port", type=int, required=True)
    s.add_argument("--timeout", type=float, default=300)
    s.add_argument("--out")
    args = p.parse_args()
    return cmd_health(args) if args.cmd == "health" else cmd_seed(args)


if __name__ == "__main__":
    sys.exit(main())
