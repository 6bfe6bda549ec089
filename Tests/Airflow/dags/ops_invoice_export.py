"""
Open invoices export
====================

Pulls the open invoices of one customer from the billing gateway and writes them to the
finance export. Trigger with ``{"customer": "<id>"}``.
"""
from datetime import datetime

from airflow.providers.http.operators.http import HttpOperator
from airflow.providers.standard.operators.python import PythonOperator
from airflow.sdk import DAG


def write_export(ti):
    payload = ti.xcom_pull(task_ids="fetch_open_invoices")
    invoices = payload["invoices"]
    total = sum(inv["amount"] for inv in invoices)
    print(f"exporting {len(invoices)} open invoices for {payload['customer']} (total {total:.2f})")


with DAG(
    dag_id="ops_invoice_export",
    description="Export open invoices from the billing gateway",
    schedule=None,
    start_date=datetime(2024, 1, 1),
    catchup=False,
    default_args={"owner": "finance-data", "retries": 0},
    params={"customer": "c-3000"},
    tags=["billing"],
    doc_md=__doc__,
) as dag:
    fetch_open_invoices = HttpOperator(
        task_id="fetch_open_invoices",
        http_conn_id="billing_gateway",
        method="GET",
        endpoint="v1/invoices",
        data={"customer": "{{ params.customer }}", "status": "open"},
        headers={"Accept": "application/json"},
        response_filter=lambda response: response.json(),
    )

    export = PythonOperator(task_id="write_export", python_callable=write_export)

    fetch_open_invoices >> export
