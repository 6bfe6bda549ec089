"""Deliberately broken DAG file: importing it fails, so Airflow records an import error
(GET /api/v2/importErrors, filename "flowdash_broken.py"). No DAG row is created for it.
"""
from airflow.sdk import dag

import flowdash_module_that_does_not_exist  # noqa: F401  (the import error)


@dag(dag_id="flowdash_broken", schedule=None, catchup=False)
def flowdash_broken():
    pass


flowdash_broken()
