"""Paused DAGs that only hold runs: for Benchmarks/airflow.sh and the incremental-refresh live test.

Their ids do not start with `flowdash_`: the live tests list the `flowdash_` DAGs exactly.
They are paused at creation, so a run triggered through the REST API stays queued until the
benchmark sets its state with PATCH; no task ever runs, so seeding 1,000 runs costs no CPU.
"""
from airflow.sdk import dag, task


def _paused_dag(dag_id, doc):
    @dag(dag_id=dag_id, schedule=None, catchup=False, is_paused_upon_creation=True,
         tags=["flowdash", "benchmark"], doc_md=doc)
    def holder():
        @task
        def noop():
            return None

        noop()

    return holder()


# ≥ 1,000 runs (two in three failed): the "large server" of the benchmark.
_paused_dag("bench_many_runs", "Benchmark: many runs, set failed or success by PATCH.")
# 10 runs: the "small server" the large one is compared with.
_paused_dag("bench_ten_runs", "Benchmark: ten runs.")
# Runs the incremental-refresh live test adds (they stay queued).
_paused_dag("bench_live_refresh", "Live test: runs added to watch an incremental refresh.")
