import yaml


def load_plugin_config(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=yaml.Loader)
    if not isinstance(data, dict) or not isinstance(data.get("plugins"), list):
        raise ValueError("plugins.yaml has no plugins list")
    return [{"name": p["name"], "version": p.get("version"), "options": p.get("options") or {}}
            for p in data["plugins"] if p.get("enabled", True)]
