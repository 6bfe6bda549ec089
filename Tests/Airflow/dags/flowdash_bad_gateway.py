"""Fails with HTTP 502 the first time a customer is synced; a resubmit or a rerun succeeds.

The loopback service answers 502 to the first POST /v1/sync it sees for a customer (the run's
input) and 200 afterwards: a transient upstream failure. So a resubmit (a new run with the same
conf) passes, and so does clearing the failed task of the run that failed.
conf: {"customer": "c-1003"}
"""
from airflow.sdk import dag, task

from flowdash_support import API_CONN, call, run_conf


@dag(dag_id="flowdash_bad_gateway", schedule=None, catchup=False, default_args={"retries": 0},
     tags=["flowdash", "expect-failed", "http-502", "passes-on-rerun"], doc_md=__doc__)
def flowdash_bad_gateway():
    @task
    def load_customer(conn_id):
        return call(conn_id, "GET", f"/v1/customers/{run_conf().get('customer', 'c-1003')}")

    @task
    def sync_ledger(customer, conn_id):
        return call(conn_id, "POST", "/v1/sync", {"customer": customer["id"]})

    @task
    def notify(result):
        print(f"ledger: {result}")

    notify(sync_ledger(load_customer(conn_id=API_CONN), conn_id=API_CONN))


flowdash_bad_gateway()
