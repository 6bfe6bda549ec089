"""Throwaway: the live tests delete this DAG while it has a run (a DAG deleted while on screen).

Airflow forgets a deleted DAG and its runs; the DAG processor brings it back (without runs) the
next time it parses this file. Not seeded. No input.
"""
from airflow.sdk import dag, task


@dag(dag_id="flowdash_throwaway", schedule=None, catchup=False, default_args={"retries": 0},
     tags=["flowdash", "throwaway"], doc_md=__doc__)
def flowdash_throwaway():
    @task
    def wait_a_little():
        import time

        time.sleep(1)

    wait_a_little()


flowdash_throwaway()
