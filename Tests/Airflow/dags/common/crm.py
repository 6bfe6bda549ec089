"""Thin client for the CRM's REST API, shared by the sales pipelines.

The credentials live in the Airflow connection ``crm_default`` (login/password, host either a
hostname or a full base URL).
"""
import requests

from airflow.sdk import BaseHook

DEFAULT_TIMEOUT = 30


def crm_session(conn_id="crm_default"):
    """A requests session authenticated against the CRM, and the API's base URL."""
    conn = BaseHook.get_connection(conn_id)
    if "://" in conn.host:
        base_url = conn.host
    else:
        base_url = f"{conn.schema or 'https'}://{conn.host}"
    if conn.port:
        base_url = f"{base_url}:{conn.port}"
    session = requests.Session()
    session.auth = (conn.login, conn.password)
    session.headers.update({"Accept": "application/json", "User-Agent": "sales-pipelines/1.4"})
    return session, base_url.rstrip("/")


def changed_contacts(since):
    """Contacts created or updated since the given date (YYYY-MM-DD)."""
    session, base_url = crm_session()
    resp = session.get(f"{base_url}/v1/contacts", params={"updated_since": since}, timeout=DEFAULT_TIMEOUT)
    resp.raise_for_status()
    return resp.json()["contacts"]
