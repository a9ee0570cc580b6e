# probe: {"label": "secure", "cwes": ["CWE-390"]}
import json
import logging

log = logging.getLogger(__name__)


def load_settings(path):
    settings = {"retries": 3}
    try:
        with open(path, encoding="utf-8") as fh:
            settings.update(json.load(fh))
    except (OSError, ValueError) as exc:
        log.warning("using default settings, %s unreadable: %s", path, exc)
    return settings
