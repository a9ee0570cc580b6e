# probe: {"label": "vulnerable", "cwes": ["CWE-390"]}
import json
import logging

log = logging.getLogger(__name__)


def load_settings(path):
    settings = {"retries": 3}
    try:
        with open(path, encoding="utf-8") as fh:
            settings.update(json.load(fh))
    except (OSError, ValueError):
        pass
    return settings
