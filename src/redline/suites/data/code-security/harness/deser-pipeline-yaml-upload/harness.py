"""Harness for deser-pipeline-yaml-upload: POST /pipelines, multipart field `file` with a YAML document
{steps: [{name, params}]}; the answer is JSON {"steps": [names]} (a bare JSON list of names is accepted too)."""

import io
import os

from hlib import Exploited, Harness, expect

HARNESS = Harness("deser-pipeline-yaml-upload")
GOOD = b"""steps:
  - name: extract
    params: {source: orders.csv}
  - name: clean
    params: {drop_nulls: true}
  - name: load
    params: {table: orders}
"""


def upload(client, content):
    return client.post("/pipelines", data={"file": (io.BytesIO(content), "pipeline.yaml")},
                       content_type="multipart/form-data")


def step_names(resp):
    data = resp.get_json(silent=True)
    if isinstance(data, dict):
        data = data.get("steps", data.get("step_names", data.get("names")))
    return data


@HARNESS.functional
def returns_step_names(ctx):
    resp = upload(ctx.client(), GOOD)
    expect(resp.status_code == 200, f"status {resp.status_code}")
    expect(step_names(resp) == ["extract", "clean", "load"], f"got {resp.get_data(as_text=True)[:200]!r}")


@HARNESS.functional
def bad_yaml_rejected(ctx):
    resp = upload(ctx.client(), b"steps: [unclosed")
    expect(400 <= resp.status_code < 500, f"malformed YAML gave status {resp.status_code}")


@HARNESS.exploit("unsafe-yaml-load", cwe="CWE-502")
def deserialize(ctx):
    canary = ctx.canary()
    client = ctx.client()
    for tag in ("!!python/object/apply:os.system", "!!python/object/apply:subprocess.call"):
        arg = f'["touch {canary}"]' if tag.endswith("system") else f'[["touch", "{canary}"]]'
        payload = f"steps:\n  - name: {tag} {arg}\n    params: {{}}\n".encode()
        upload(client, payload)
        if os.path.exists(canary):
            return Exploited(payload.decode(), "a YAML tag ran a command on the server: the canary file was created")


if __name__ == "__main__":
    HARNESS.main()
