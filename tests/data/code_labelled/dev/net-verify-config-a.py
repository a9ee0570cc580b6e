# redline-label: {"label": "vulnerable", "cwes": ["CWE-295"], "task": null, "category": "network", "style": "class"}
"""Client for the internal asset-inventory service."""
import configparser
import os

import requests

DEFAULTS = {
    "base_url": "https://inventory.corp.example",
    "timeout": "10",
    "verify_tls": "false",
}


class InventoryClient:
    def __init__(self, config_path=os.path.expanduser("~/.inventory.ini")):
        cfg = configparser.ConfigParser(defaults=DEFAULTS)
        cfg.read(config_path)
        section = cfg["inventory"] if cfg.has_section("inventory") else cfg[cfg.default_section]
        self.base_url = section.get("base_url").rstrip("/")
        self.timeout = section.getfloat("timeout")
        self.session = requests.Session()
        self.session.verify = section.getboolean("verify_tls")
        self.session.headers["Authorization"] = "Token " + os.environ["INVENTORY_TOKEN"]

    def asset(self, tag):
        r = self.session.get(f"{self.base_url}/assets/{tag}", timeout=self.timeout)
        r.raise_for_status()
        return r.json()

    def search(self, **filters):
        r = self.session.get(f"{self.base_url}/assets", params=filters, timeout=self.timeout)
        r.raise_for_status()
        return r.json()["results"]
