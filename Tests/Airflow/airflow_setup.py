#!/usr/bin/env python3
"""REST-side steps of script/airflow (Python stdlib only; no curl or jq needed).

    airflow_setup.py health --url URL [--pid-file F ...] [--timeout S]
        Wait until GET /api/v2/monitor/health reports metadatabase, scheduler and dag_processor
        "healthy" while every pid in the pid files is alive. --timeout 0: check once.
        Exit 0 when ready, 1 on timeout, 2 when a process died.
    airflow_setup.py seed --url URL --user U --password P --loopback-port N [--timeout S] [--out F]
        Wait for the test DAGs and the broken file's import error, create the http connections,
        trigger one run of each DAG with its conf, wait until all runs are finished, and check
        each ended as expected (failed task + HTTP status in its log). Exit non-zero otherwise.
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

# dag_id -> (conf, expected run state, failing task, HTTP status in its log)
SEEDS = {
    "flowdash_ok": ({"customer": "c-1000", "amount": 42.5}, "success", None, None),
    "flowdash_unauthorized": ({"customer": "c-1001"}, "failed", "fetch_billing_account", 401),
    "flowdash_not_found": ({"customer": "c-1002"}, "failed", "fetch_profile", 404),
    "flowdash_bad_gateway": ({"customer": "c-1003"}, "failed", "sync_ledger", 502),
    "flowdash_bad_request": ({"customer": "c-1004", "amount": "12,50"}, "failed", "create_invoice", 400),
    "flowdash_no_manager": ({"customer": "c-1005"}, "failed", "request_approval", 422),
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
    for conn_id, password in (("flowdash_api", CONN_PASSWORD), ("flowdash_billing_api", WRONG_PASSWORD)):
        body = {"connection_id": conn_id, "conn_type": "http", "host": "127.0.0.1",
                "port": args.loopback_port, "schema": "http", "login": "svc", "password": password,
                "description": "FlowDash test service on loopback"
                + ("" if password == CONN_PASSWORD else f" (wrong password; the right one is {CONN_PASSWORD})")}
        status, payload = api.request("POST", "/api/v2/connections", body)
        if status == 409:
            api.ok("PATCH", f"/api/v2/connections/{conn_id}", body)
        elif status != 201:
            raise SystemExit(f"[airflow] POST /api/v2/connections ({conn_id}) -> {status}: {payload}")
    log("connections flowdash_api (right password) and flowdash_billing_api (wrong password) set")

    # 3. One run of each DAG with its conf.
    runs = {}
    for dag_id, (conf, *_rest) in SEEDS.items():
        run = api.ok("POST", f"/api/v2/dags/{dag_id}/dagRuns",
                     {"logical_date": None, "conf": conf, "note": "seeded by script/airflow up"})
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
    for dag_id, (conf, want_state, task_id, http_status) in SEEDS.items():
        run_id = urllib.parse.quote(runs[dag_id], safe="")
        if states[dag_id] != want_state:
            problems.append(f"{dag_id}: run {states[dag_id]}, expected {want_state}")
            continue
        if task_id is None:
            continue
        tis = api.ok("GET", f"/api/v2/dags/{dag_id}/dagRuns/{run_id}/taskInstances")["task_instances"]
        ti_state = {t["task_id"]: t["state"] for t in tis}
        if ti_state.get("load_customer") != "success" or ti_state.get(task_id) != "failed":
            problems.append(f"{dag_id}: task states {ti_state}")
            continue
        logs = api.ok("GET", f"/api/v2/dags/{dag_id}/dagRuns/{run_id}/taskInstances/{task_id}/logs/1")
        text = json.dumps(logs.get("content"))
        if f"HTTP {http_status}" not in text:
            problems.append(f"{dag_id}: log of {task_id} lacks 'HTTP {http_status}'")
    if problems:
        for p in problems:
            log("unexpected: " + p)
        raise SystemExit(1)
    summary = {d: {"dag_run_id": runs[d], "state": states[d], "conf": SEEDS[d][0],
                   "failed_task": SEEDS[d][2], "http_status": SEEDS[d][3]} for d in SEEDS}
    if args.out:
        with open(args.out, "w") as f:
            json.dump(summary, f, indent=2)
    for d in SEEDS:
        extra = f" ({SEEDS[d][2]}: HTTP {SEEDS[d][3]})" if SEEDS[d][2] else ""
        log(f"  {d:24} {states[d]}{extra}")
    return 0


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
