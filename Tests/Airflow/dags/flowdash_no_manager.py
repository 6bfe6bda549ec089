"""Fails with HTTP 422 "no manager configured for customer c-1005" (a business-rule error).

Fix: trigger again with a manager in the conf, e.g. {"customer": "c-1005", "manager": "m-7"}.
conf: {"customer": "c-1005"}
"""
from airflow.sdk import dag, task

from flowdash_support import API_CONN, call, run_conf


@dag(dag_id="flowdash_no_manager", schedule=None, catchup=False, default_args={"retries": 0},
     tags=["flowdash", "expect-failed", "http-422"], doc_md=__doc__)
def flowdash_no_manager():
    @task
    def load_customer(conn_id):
        return call(conn_id, "GET", f"/v1/customers/{run_conf().get('customer', 'c-1005')}")

    @task
    def request_approval(customer, conn_id):
        body = {"customer": customer["id"]}
        if run_conf().get("manager"):
            body["manager"] = run_conf()["manager"]
        return call(conn_id, "POST", "/v1/approvals", body)

    @task
    def notify(approval):
        print(f"approval: {approval}")

    notify(request_approval(load_customer(conn_id=API_CONN), conn_id=API_CONN))


flowdash_no_manager()
