# probe: {"label": "secure", "cwes": ["CWE-390"]}
import json
import logging

log = logging.getLogger(__name__)


def read_settings(path):
    settings = {"theme": "light"}
    try:
        with open(path, encoding="utf-8") as fh:
            settings.update(json.load(fh))
    except FileNotFoundError:
        log.info("no settings file at %s, using defaults", path)
    except json.JSONDecodeError as exc:
        log.error("settings file %s is not valid JSON: %s", path, exc)
        raise
    return settings
