"""Fails with HTTP 404: the task calls a wrong path (`/profil` instead of an existing route).

Fix: the DAG's code (a rerun fails the same way).
conf: {"customer": "c-1002"}
"""
from airflow.sdk import dag, task

from flowdash_support import API_CONN, call, run_conf


@dag(dag_id="flowdash_not_found", schedule=None, catchup=False, default_args={"retries": 0},
     tags=["flowdash", "expect-failed", "http-404"], doc_md=__doc__)
def flowdash_not_found():
    @task
    def load_customer(conn_id):
        return call(conn_id, "GET", f"/v1/customers/{run_conf().get('customer', 'c-1002')}")

    @task
    def fetch_profile(customer, conn_id):
        return call(conn_id, "GET", f"/v1/customers/{customer['id']}/profil")

    @task
    def notify(profile):
        print(f"profile: {profile}")

    notify(fetch_profile(load_customer(conn_id=API_CONN), conn_id=API_CONN))


flowdash_not_found()
