"""Seeds the benchmark DAGs of Tests/Airflow/dags/flowdash_bench.py through the REST API.

    python3 Benchmarks/airflow_seed.py DAG COUNT      (FLOWDASH_AIRFLOW_URL/_USER/_PASSWORD set)
    python3 Benchmarks/airflow_seed.py --remove DAG   delete every run of DAG again

Creates runs until DAG has COUNT, then sets every still-queued run to failed (two in three) or
success with bulk PATCH calls of 100. The DAGs are paused, so no task ever runs. `--remove`
deletes them with bulk PATCH calls of 100, so that the live tests sharing this Airflow find their
seeded runs among the newest again. Standard library only; prints one line.
"""
import json
import os
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

URL = os.environ["FLOWDASH_AIRFLOW_URL"].rstrip("/")


def call(method, path, body=None, token=None):
    request = urllib.request.Request(URL + path, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=60) as reply:
        return json.loads(reply.read() or b"null")


def sign_in():
    return call("POST", "/auth/token", {"username": os.environ["FLOWDASH_AIRFLOW_USER"],
                                        "password": os.environ["FLOWDASH_AIRFLOW_PASSWORD"]})["access_token"]


def remove(dag):
    token, removed, started = sign_in(), 0, time.time()
    while True:
        page = call("GET", f"/api/v2/dags/{dag}/dagRuns?limit=100", token=token)
        ids = [run["dag_run_id"] for run in page["dag_runs"]]
        if not ids:
            break
        call("PATCH", f"/api/v2/dags/{dag}/dagRuns",
             {"actions": [{"action": "delete", "entities": ids, "action_on_non_existence": "skip"}]}, token)
        removed += len(ids)
    print(f"{dag}: {removed} runs removed in {time.time() - started:.1f} s")


def main():
    if sys.argv[1] == "--remove":
        return remove(sys.argv[2])
    dag, count = sys.argv[1], int(sys.argv[2])
    token = sign_in()
    deadline = time.time() + 90
    while True:  # a new DAG file takes a few seconds to be parsed
        try:
            call("GET", f"/api/v2/dags/{dag}", token=token)
            break
        except urllib.error.HTTPError as error:
            if error.code != 404 or time.time() > deadline:
                raise
            time.sleep(2)
    started = time.time()
    existing = call("GET", f"/api/v2/dags/{dag}/dagRuns?limit=1", token=token)["total_entries"]
    missing = max(count - existing, 0)

    def trigger(number):
        call("POST", f"/api/v2/dags/{dag}/dagRuns",
             {"logical_date": None, "dag_run_id": f"bench__{existing + number:06d}_{int(started)}"}, token)

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(trigger, range(missing)))
    queued = []
    while True:
        page = call("GET", f"/api/v2/dags/{dag}/dagRuns?state=queued&limit=100&offset={len(queued)}", token=token)
        queued += [run["dag_run_id"] for run in page["dag_runs"]]
        if len(page["dag_runs"]) < 100:
            break
    for first in range(0, len(queued), 100):
        entities = [{"dag_run_id": run_id, "state": "success" if (first + index) % 3 == 2 else "failed"}
                    for index, run_id in enumerate(queued[first:first + 100])]
        call("PATCH", f"/api/v2/dags/{dag}/dagRuns",
             {"actions": [{"action": "update", "entities": entities, "update_mask": ["state"]}]}, token)
    total = call("GET", f"/api/v2/dags/{dag}/dagRuns?limit=1", token=token)["total_entries"]
    print(f"{dag}: {total} runs ({missing} created, {len(queued)} set failed/success in {time.time() - started:.1f} s)")


main()
