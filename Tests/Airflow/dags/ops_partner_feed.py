"""Downloads a partner's product feed (the partner credentials come from the worker's environment)."""
import base64
import json
import urllib.error
import urllib.request

import pendulum

from airflow.exceptions import AirflowException
from airflow.sdk import BaseHook, dag, task


@dag(
    schedule=None,
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    default_args={"owner": "partnerships", "retries": 0},
    params={"partner": "acme"},
    tags=["partners"],
)
def ops_partner_feed():
    @task
    def download_feed(partner: str):
        conn = BaseHook.get_connection("partner_api")
        url = f"http://{conn.host}:{conn.port}/v1/partners/{partner}/feed"
        auth = base64.b64encode(f"{conn.login}:{conn.password}".encode()).decode()
        request = urllib.request.Request(url, headers={"Authorization": f"Basic {auth}"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.load(response)["items"]
        except urllib.error.HTTPError as err:
            raise AirflowException(f"Partner feed download failed with {err.code} {err.reason} ({url})") from err

    @task
    def load_feed(items: list):
        print(f"loaded {len(items)} partner items")

    load_feed(download_feed("{{ params.partner }}"))


ops_partner_feed()
