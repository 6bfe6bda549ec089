"""Monthly payroll summary for HR: reads the payroll run of a period and publishes the totals."""
import pendulum
import requests

from airflow.sdk import BaseHook, dag, task

PAYROLL_CONN_ID = "payroll_api"
TIMEOUT = 30


@dag(
    schedule=None,
    start_date=pendulum.datetime(2024, 1, 1, tz="Europe/Amsterdam"),
    catchup=False,
    default_args={"owner": "hr-analytics", "retries": 0},
    params={"period": "2024-05"},
    tags=["hr", "payroll"],
)
def ops_payroll_report():
    @task
    def pull_payroll_run(**context):
        period = context["params"]["period"]
        conn = BaseHook.get_connection(PAYROLL_CONN_ID)
        url = f"{conn.schema or 'https'}://{conn.host}:{conn.port}/v1/payroll/runs/{period}"
        resp = requests.get(url, auth=(conn.login, conn.password), timeout=TIMEOUT)
        resp.raise_for_status()
        return resp.json()

    @task
    def publish_summary(run: dict):
        print(f"payroll {run['period']}: {run['employees']} employees, gross {run['gross']:,.2f}")

    publish_summary(pull_payroll_run())


ops_payroll_report()
