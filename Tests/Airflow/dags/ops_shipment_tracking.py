"""Refreshes the carrier status of open shipments and flags the late ones."""
import pendulum

from airflow.providers.http.hooks.http import HttpHook
from airflow.sdk import dag, task


@dag(
    schedule=None,
    start_date=pendulum.datetime(2024, 3, 1, tz="UTC"),
    catchup=False,
    default_args={"owner": "logistics", "retries": 0},
    params={"shipments": ["SH-1001", "SH-1002"]},
    tags=["logistics"],
)
def ops_shipment_tracking():
    @task
    def refresh_tracking(params=None):
        hook = HttpHook(http_conn_id="logistics_api", method="GET")
        statuses = {}
        for shipment_id in params["shipments"]:
            response = hook.run(f"/v1/shipments/{shipment_id}")
            statuses[shipment_id] = response.json()["status"]
        return statuses

    @task
    def flag_delayed(statuses: dict):
        delayed = [sid for sid, status in statuses.items() if status == "delayed"]
        print(f"{len(delayed)} delayed shipment(s): {delayed}")

    flag_delayed(refresh_tracking())


ops_shipment_tracking()
