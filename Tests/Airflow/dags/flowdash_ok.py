"""Succeeds: load the customer, create an invoice, notify.

conf: {"customer": "c-1000", "amount": 42.5}
"""
from airflow.sdk import dag, task

from flowdash_support import API_CONN, call, run_conf


@dag(dag_id="flowdash_ok", schedule=None, catchup=False, default_args={"retries": 0},
     tags=["flowdash", "expect-success"], doc_md=__doc__)
def flowdash_ok():
    @task
    def load_customer(conn_id):
        return call(conn_id, "GET", f"/v1/customers/{run_conf().get('customer', 'c-1000')}")

    @task
    def create_invoice(customer, conn_id):
        conf = run_conf()
        return call(conn_id, "POST", "/v1/invoices",
                    {"customer": customer["id"], "amount": conf.get("amount", 42.5)})

    @task
    def notify(invoice):
        print(f"invoice ready: {invoice}")

    notify(create_invoice(load_customer(conn_id=API_CONN), conn_id=API_CONN))


flowdash_ok()
