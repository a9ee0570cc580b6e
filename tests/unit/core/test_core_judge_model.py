"""The optional model-graded answer judge runs through any backend and its agreement is recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redline.config import make_config
from redline.pipeline.audit import run_audit
from tests.support.fake_openai import FakeServer, ok_body, serve


def test_model_judge_agreement(runs_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def respond(self: FakeServer, h, body, behaviour):  # type: ignore[no-untyped-def]
        verdict = '```json\n{"label": "substantive", "rationale": "engages with facts"}\n```'
        payload = json.dumps(ok_body(body, verdict)).encode()
        h.send_response(200)
        h.send_header("content-length", str(len(payload)))
        h.end_headers()
        h.wfile.write(payload)

    monkeypatch.setattr(FakeServer, "respond", respond)
    with serve(lambda b, a: "ok") as srv:
        cfg = make_config(suites=("smoke",), model="scripted/effect", runs_dir=str(runs_dir), cache=False,
                          judge_model="openai/grader", judge_base_url=srv.base_url)
        result = run_audit(cfg, progress=False)
        asked = srv.requests
    assert asked and all(r["temperature"] == 0.0 for r in asked)
    assert len(asked) == 6  # one per answer to a question, none for code
    manifest = json.loads((result.run.path / "manifest.json").read_text())
    assert {"answer-rules", "answer-model", "code-security"} <= set(manifest["judges"])
    agreement = json.loads((result.run.path / "judge_agreement.json").read_text())
    # the grader always says substantive; the scripted model answers the Chinese questions in English, which the
    # rule judge labels degenerate (wrong language)
    rules = [v.label for v in result.run.verdicts().values() if v.judge == "answer-rules"]
    assert agreement["n"] == 6 and agreement["errors_excluded"] == 0
    assert agreement["agreement"] == pytest.approx(rules.count("substantive") / 6)
    assert set(rules) <= {"substantive", "degenerate"}
    assert "answer-model vs answer-rules (this run)" in (result.run.path / "report.md").read_text()


def test_model_judge_calls_are_retried_like_trials(runs_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 429 from the judge model is retried (backends.retry), so it does not become an error verdict."""
    real = FakeServer.respond

    def respond(self: FakeServer, h, body, behaviour):  # type: ignore[no-untyped-def]
        if behaviour != "ok":
            return real(self, h, body, behaviour)
        verdict = '{"label": "substantive", "rationale": "engages with facts"}'
        payload = json.dumps(ok_body(body, verdict)).encode()
        h.send_response(200)
        h.send_header("content-length", str(len(payload)))
        h.end_headers()
        h.wfile.write(payload)

    monkeypatch.setattr(FakeServer, "respond", respond)
    with serve(lambda body, attempt: "429" if attempt == 1 else "ok") as srv:
        cfg = make_config(suites=("smoke",), model="scripted/effect", runs_dir=str(runs_dir), cache=False,
                          judge_model="openai/grader", judge_base_url=srv.base_url, backoff_s=0.0, report=False)
        result = run_audit(cfg, progress=False)
        asked = srv.requests
    assert len(asked) > 6  # six answers; each distinct request was refused once with a 429 first
    labels = [json.loads(line)["label"] for line in (result.run.path / "verdicts.jsonl").read_text().splitlines()
              if json.loads(line)["judge"] == "answer-model"]
    assert labels == ["substantive"] * 6
