"""Starts a bulk load of a staged batch into the regional data warehouse."""
import httpx
import pendulum

from airflow.sdk import BaseHook, Param, dag, get_current_context, task


@dag(
    schedule=None,
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    default_args={"owner": "data-platform", "retries": 0},
    params={
        "region": Param("eu", enum=["eu", "us"], description="Which regional warehouse to load"),
        "batch": Param("b-00000", type="string"),
    },
    tags=["warehouse"],
)
def ops_warehouse_load():
    @task
    def start_load():
        context = get_current_context()
        region = context["params"]["region"]
        conn = BaseHook.get_connection(f"warehouse_{region}")
        base_url = f"{conn.schema or 'https'}://{conn.host}:{conn.port}"
        with httpx.Client(base_url=base_url, auth=(conn.login, conn.password), timeout=30) as client:
            response = client.post("/v1/warehouse/loads", json={"batch": context["params"]["batch"]})
            response.raise_for_status()
            return response.json()["load_id"]

    @task
    def record_load(load_id: str):
        print(f"warehouse load {load_id} started")

    record_load(start_load())


ops_warehouse_load()
