"""Copies the contacts changed in the CRM into the marketing database."""
import pendulum

from airflow.sdk import dag, task

from common.crm import changed_contacts


@dag(
    dag_id="ops_crm_contact_sync",
    schedule=None,
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    default_args={"owner": "sales-ops", "retries": 0},
    params={"since": "2024-06-01"},
    tags=["crm", "sales"],
)
def crm_contact_sync():
    @task
    def pull_changed_contacts(**context):
        contacts = changed_contacts(since=context["params"]["since"])
        print(f"{len(contacts)} changed contacts")
        return contacts

    @task
    def upsert_contacts(contacts: list):
        for contact in contacts:
            print(f"upsert {contact['id']} <{contact['email']}>")

    upsert_contacts(pull_changed_contacts())


crm_contact_sync()
