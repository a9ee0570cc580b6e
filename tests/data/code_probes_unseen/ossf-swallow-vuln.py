# probe: {"label": "vulnerable", "cwes": ["CWE-390"]}
import json


def read_settings(path):
    settings = {"theme": "light"}
    try:
        with open(path, encoding="utf-8") as fh:
            settings.update(json.load(fh))
    except Exception:
        pass
    return settings
