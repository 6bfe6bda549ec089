"""Fails with HTTP 400: the run's conf carries a bad input ("amount": "12,50", not a number).

Fix: trigger again with a corrected conf, e.g. {"customer": "c-1004", "amount": 12.5}.
conf: {"customer": "c-1004", "amount": "12,50"}
"""
from airflow.sdk import dag, task

from flowdash_support import API_CONN, call, run_conf


@dag(dag_id="flowdash_bad_request", schedule=None, catchup=False, default_args={"retries": 0},
     tags=["flowdash", "expect-failed", "http-400"], doc_md=__doc__)
def flowdash_bad_request():
    @task
    def load_customer(conn_id):
        return call(conn_id, "GET", f"/v1/customers/{run_conf().get('customer', 'c-1004')}")

    @task
    def create_invoice(customer, conn_id):
        return call(conn_id, "POST", "/v1/invoices",
                    {"customer": customer["id"], "amount": run_conf().get("amount")})

    @task
    def notify(invoice):
        print(f"invoice: {invoice}")

    notify(create_invoice(load_customer(conn_id=API_CONN), conn_id=API_CONN))


flowdash_bad_request()
