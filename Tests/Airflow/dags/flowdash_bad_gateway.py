"""Fails with HTTP 502 on the first call of each run; a rerun (clear the failed task) succeeds.

The loopback service answers 502 to the first POST /v1/sync it sees for a run
(header X-FlowDash-Run: dag_id/run_id) and 200 afterwards: a transient upstream failure.
conf: {"customer": "c-1003"}
"""
from airflow.sdk import dag, task

from flowdash_support import API_CONN, call, run_conf, run_key


@dag(dag_id="flowdash_bad_gateway", schedule=None, catchup=False, default_args={"retries": 0},
     tags=["flowdash", "expect-failed", "http-502", "passes-on-rerun"], doc_md=__doc__)
def flowdash_bad_gateway():
    @task
    def load_customer():
        return call(API_CONN, "GET", f"/v1/customers/{run_conf().get('customer', 'c-1003')}")

    @task
    def sync_ledger(customer):
        return call(API_CONN, "POST", "/v1/sync", {"customer": customer["id"]},
                    headers={"X-FlowDash-Run": run_key()})

    @task
    def notify(result):
        print(f"ledger: {result}")

    notify(sync_ledger(load_customer()))


flowdash_bad_gateway()
