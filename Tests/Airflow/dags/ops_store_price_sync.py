"""Pushes the new price list to every store's point-of-sale system.

Each region's stores sit behind their own POS gateway (one Airflow connection per region).
"""
import pendulum

from airflow.providers.http.hooks.http import HttpHook
from airflow.sdk import dag, task, task_group

STORES = [
    {"code": "BER-01", "region": "eu"},
    {"code": "LYS-02", "region": "eu"},
    {"code": "AUS-03", "region": "us"},
]
POS_GATEWAYS = {"eu": "pos_europe", "us": "pos_americas"}


@dag(
    schedule=None,
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    default_args={"owner": "retail", "retries": 0},
    params={"price_list": "summer-2024"},
    tags=["retail", "pricing"],
)
def ops_store_price_sync():
    @task_group(group_id="push_to_stores")
    def push_to_stores():
        @task
        def push_price_list(store: dict, params=None):
            hook = HttpHook(method="POST", http_conn_id=POS_GATEWAYS[store["region"]])
            response = hook.run(
                "/v1/price-lists",
                json={"store": store["code"], "price_list": params["price_list"], "items": ["A-1", "A-2", "B-7"]},
            )
            return response.json()

        return push_price_list.expand(store=STORES)

    @task
    def summarize(results):
        for result in results:
            print(f"{result['store']}: {result['accepted']} prices accepted")

    summarize(push_to_stores())


ops_store_price_sync()
