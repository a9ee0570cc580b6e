import yaml
def load_plugin_config(path):
    with open(path) as f:
        cfg = yaml.load(f, Loader=yaml.SafeLoader) or {}
    if "plugins" not in cfg or not isinstance(cfg["plugins"], list):
        raise ValueError("no plugins")
    return [{"name": p["name"], "version": p["version"], "options": p.get("options", {})} for p in cfg["plugins"] if p.get("enabled", True)]
