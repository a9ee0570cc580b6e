# redline-label: {"label": "secure", "cwes": ["CWE-295"], "task": null, "category": "network", "style": "class"}
import os

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry


class HRISClient:
    """Client for the on-prem HR system, which uses a certificate from the
    company's private CA (not in certifi's bundle)."""

    def __init__(self, base_url: str | None = None):
        self.base_url = (base_url or os.environ.get("HRIS_URL", "https://hris.corp.example")).rstrip("/")
        self.session = requests.Session()
        self.session.verify = os.environ.get("CORP_CA_BUNDLE", "/etc/ssl/corp/internal-ca.pem")
        self.session.headers["Authorization"] = f"Bearer {os.environ['HRIS_TOKEN']}"
        retry = Retry(total=3, backoff_factor=0.5, status_forcelist=(502, 503, 504))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))

    def employee(self, employee_id: str) -> dict:
        r = self.session.get(f"{self.base_url}/api/employees/{employee_id}", timeout=10)
        r.raise_for_status()
        return r.json()

    def department_roster(self, dept: str) -> list[dict]:
        r = self.session.get(f"{self.base_url}/api/departments/{dept}/employees", timeout=20)
        r.raise_for_status()
        return r.json()["employees"]
