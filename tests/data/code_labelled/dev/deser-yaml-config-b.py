# redline-label: {"label": "secure", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "function"}
"""Load pipeline definitions that users upload through the web UI."""
from typing import Any

import yaml

REQUIRED_KEYS = {"name", "steps"}


def load_pipeline(text: str) -> dict[str, Any]:
    """Parse a pipeline YAML document and check the required keys."""
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError("pipeline must be a mapping")
    missing = REQUIRED_KEYS - data.keys()
    if missing:
        raise ValueError(f"missing keys: {', '.join(sorted(missing))}")
    for i, step in enumerate(data["steps"]):
        if not isinstance(step, dict) or "run" not in step:
            raise ValueError(f"step {i} has no 'run'")
    return data
