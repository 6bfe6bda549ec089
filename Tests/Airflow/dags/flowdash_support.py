"""Shared helpers for the FlowDash test DAGs (this file defines no DAG).

Tasks call the loopback service (Tests/Airflow/failing_api.py) with urllib, through an Airflow
http connection read with the Task SDK's BaseHook: host, port, schema (http), login and password
(sent as Basic auth). A non-2xx reply raises RuntimeError("METHOD URL failed: HTTP <code> <reason>:
<body>"), so the task log's error entry carries the HTTP status.
"""
import base64
import json
import urllib.error
import urllib.request

from airflow.sdk import BaseHook, get_current_context

API_CONN = "flowdash_api"  # right password: every call authenticates
BILLING_CONN = "flowdash_billing_api"  # wrong password: every call gets 401 until it is fixed


def run_conf():
    """The triggering run's conf (the DAG's inputs), {} when triggered without one."""
    return dict(get_current_context()["dag_run"].conf or {})


# Tasks take the connection as their `conn_id` argument (not a global): Airflow keeps a task's
# arguments in its rendered fields (op_kwargs), where FlowDash reads which connection a step used.
def call(conn_id, method, path, body=None, headers=None):
    conn = BaseHook.get_connection(conn_id)
    url = f"{conn.schema or 'http'}://{conn.host}:{conn.port}{path}"
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Accept", "application/json")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if conn.login or conn.password:
        token = base64.b64encode(f"{conn.login or ''}:{conn.password or ''}".encode()).decode()
        req.add_header("Authorization", f"Basic {token}")
    for name, value in (headers or {}).items():
        req.add_header(name, value)
    print(f"{method} {url} via connection {conn_id}")
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            payload = resp.read().decode()
            print(f"{method} {url} -> HTTP {resp.status}: {payload}")
            return json.loads(payload) if payload else None
    except urllib.error.HTTPError as e:
        raise RuntimeError(
            f"{method} {url} failed: HTTP {e.code} {e.reason}: {e.read().decode(errors='replace')}"
        ) from e
