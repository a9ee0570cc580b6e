import yaml


def load_plugin_config(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    plugins = data.get("plugins") if isinstance(data, dict) else None
    if not isinstance(plugins, list):
        raise ValueError("plugins.yaml has no plugins list")
    enabled = []
    for entry in plugins:
        if not isinstance(entry, dict) or "name" not in entry:
            raise ValueError(f"bad plugin entry: {entry!r}")
        if entry.get("enabled", True) is False:
            continue
        enabled.append({"name": str(entry["name"]), "version": str(entry.get("version", "")),
                        "options": dict(entry.get("options") or {})})
    return enabled
