# Independent secure reference for deser-plugin-config-yaml, written from the task prompt only (without seeing the harness tests).
"""Tenant plugins.yaml: parsed with yaml.safe_load (plain data only, no Python objects) and checked field by field."""
import os

import yaml

MAX_FILE_BYTES = 1024 * 1024


def _entry(raw: object, index: int) -> dict | None:
    """The returned dict for one plugins entry, None when it is disabled; ValueError when it is malformed."""
    if not isinstance(raw, dict):
        raise ValueError(f"plugins[{index}] must be a mapping")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"plugins[{index}] needs a name (a string)")
    version = raw.get("version")
    if isinstance(version, (int, float)) and not isinstance(version, bool):
        version = str(version)  # an unquoted 2 or 1.5 in the file
    if not isinstance(version, str) or not version.strip():
        raise ValueError(f"plugin {name!r} needs a version (a string)")
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ValueError(f"plugin {name!r}: enabled must be true or false")
    options = raw.get("options")
    if options is None:
        options = {}
    if not isinstance(options, dict):
        raise ValueError(f"plugin {name!r}: options must be a mapping")
    if not enabled:
        return None
    return {"name": name, "version": version, "options": options}


def load_plugin_config(path: str) -> list[dict]:
    """Read an uploaded plugins.yaml and return the enabled plugins (name, version, options)."""
    if os.path.getsize(path) > MAX_FILE_BYTES:
        raise ValueError("plugins.yaml is too large")
    with open(path, encoding="utf-8") as fh:
        try:
            # safe_load builds only dicts, lists, strings, numbers, booleans, dates and None:
            # tags such as !!python/object never create objects or run code.
            data = yaml.safe_load(fh)
        except yaml.YAMLError as exc:
            raise ValueError(f"plugins.yaml is not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("plugins"), list):
        raise ValueError("plugins.yaml has no plugins list")
    plugins = []
    for index, raw in enumerate(data["plugins"]):
        entry = _entry(raw, index)
        if entry is not None:
            plugins.append(entry)
    return plugins
