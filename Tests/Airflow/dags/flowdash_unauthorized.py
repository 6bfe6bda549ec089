"""Fails with HTTP 401: the `flowdash_billing_api` connection holds a wrong password.

Fix: set the connection's password to `flowdash-airflow` (PATCH /api/v2/connections/flowdash_billing_api)
and clear the failed task; it then succeeds.
conf: {"customer": "c-1001"}
"""
from airflow.sdk import dag, task

from flowdash_support import API_CONN, BILLING_CONN, call, run_conf


@dag(dag_id="flowdash_unauthorized", schedule=None, catchup=False, default_args={"retries": 0},
     tags=["flowdash", "expect-failed", "http-401"], doc_md=__doc__)
def flowdash_unauthorized():
    @task
    def load_customer(conn_id):
        return call(conn_id, "GET", f"/v1/customers/{run_conf().get('customer', 'c-1001')}")

    @task
    def fetch_billing_account(customer, conn_id):
        return call(conn_id, "GET", f"/v1/customers/{customer['id']}")

    @task
    def notify(account):
        print(f"billing account: {account}")

    notify(fetch_billing_account(load_customer(conn_id=API_CONN), conn_id=BILLING_CONN))


flowdash_unauthorized()
