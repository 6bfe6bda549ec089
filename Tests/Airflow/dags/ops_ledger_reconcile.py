"""Posts the day's adjustments to the general ledger and reconciles the account."""
import base64
import json
import logging
import urllib.request
from datetime import datetime

from airflow.providers.standard.operators.python import PythonOperator
from airflow.sdk import DAG, BaseHook

log = logging.getLogger(__name__)


def post_adjustments(conn_id, account, **context):
    conn = BaseHook.get_connection(conn_id)
    entries = [
        {"account": account, "debit": 125.00, "memo": "FX revaluation"},
        {"account": account, "credit": 125.00, "memo": "FX revaluation offset"},
    ]
    url = f"http://{conn.host}:{conn.port}/v1/ledger/entries"
    request = urllib.request.Request(
        url,
        data=json.dumps({"entries": entries}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    credentials = base64.b64encode(f"{conn.login}:{conn.password}".encode()).decode()
    request.add_header("Authorization", f"Basic {credentials}")
    log.info("Posting %d ledger entries for account %s", len(entries), account)
    with urllib.request.urlopen(request, timeout=30) as response:
        result = json.load(response)
    log.info("Ledger accepted %s entries", result["posted"])
    return result


def reconcile(ti, **context):
    posted = ti.xcom_pull(task_ids="post_adjustments")
    log.info("Reconciled: %s", posted)


with DAG(
    dag_id="ops_ledger_reconcile",
    schedule=None,
    start_date=datetime(2024, 1, 1),
    catchup=False,
    default_args={"owner": "accounting", "retries": 0},
    params={"account": "4000-revenue"},
    tags=["finance", "ledger"],
) as dag:
    post = PythonOperator(
        task_id="post_adjustments",
        python_callable=post_adjustments,
        op_kwargs={"conn_id": "ledger_api", "account": "{{ params.account }}"},
    )
    check = PythonOperator(task_id="reconcile_account", python_callable=reconcile)

    post >> check
