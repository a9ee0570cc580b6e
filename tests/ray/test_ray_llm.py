"""The optional Ray Data LLM path (vLLM / SGLang on GPU nodes): rows in, records out, driver writes each once.

No GPU or engine here: the engine processor is replaced by a Ray Data ``map`` that answers like one, so the
dataset plumbing, resume and the records are real.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from redline.config import make_config
from redline.errors import BackendError, ConfigError
from redline.pipeline.audit import plan_trials
from redline.records import Message, Trial
from redline.runner import ray_llm
from redline.runner.execute import ExecSettings
from redline.store.jsonl import JsonlWriter
from redline.suites.loader import resolve_suite

pytestmark = pytest.mark.ray


def trial(mode: str = "chat", trial_id: str = "t1") -> Trial:
    return Trial(trial_id=trial_id, pair_key="p", suite="s", suite_hash="h", case_id="c", condition_id="baseline",
                 condition_group="baseline", replicate=0, mode=mode, seed=7,
                 messages=(Message(role="user", content="Write a function."),) if mode == "chat" else (),
                 prompt="def f():\n" if mode == "completion" else "")


def test_rows_carry_messages_or_prompt_and_sampling() -> None:
    settings = ExecSettings(max_tokens=32, temperature=0.0)
    chat = ray_llm.trial_row(trial("chat"), settings)
    assert chat["messages"] == [{"role": "user", "content": "Write a function."}] and "prompt" not in chat
    assert chat["sampling_params"] == {"temperature": 0.0, "max_tokens": 32, "seed": 7}
    completion = ray_llm.trial_row(trial("completion"), settings)
    assert completion["prompt"] == "def f():\n" and "messages" not in completion


def test_output_rows_become_records() -> None:
    gen = ray_llm.row_generation(trial(), {"trial_id": "t1", "generated_text": "<think>plan</think>done",
                                           "num_generated_tokens": 32, "num_input_tokens": 9},
                                 provider="vllm", model="org/m", max_tokens=32)
    assert (gen.text, gen.reasoning, gen.finish_reason) == ("done", "plan", "length")
    assert (gen.usage.prompt_tokens, gen.usage.completion_tokens, gen.backend, gen.model) == (9, 32, "vllm", "org/m")
    failed = ray_llm.row_generation(trial(), {"trial_id": "t1", ray_llm.ERROR_COLUMN: "CUDA out of memory"},
                                    provider="vllm", model="org/m", max_tokens=32)
    assert not failed.ok and failed.error == "CUDA out of memory"


def test_missing_ray_data_llm_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray.data.llm", None)  # as on a machine without ray[llm]
    with pytest.raises(ConfigError, match=r"ray\[llm\]"):
        ray_llm._processor("vllm", "org/m", chat=True, replicas=1, batch_size=8)


def test_placeholder_backend_refuses_the_local_executor() -> None:
    backend = ray_llm.SGLangDataBackend("org/m")
    assert backend.identity()["engine"] == "ray.data.llm/sglang"
    with pytest.raises(BackendError, match="--executor ray"):
        asyncio.run(backend.generate(None))  # type: ignore[arg-type]


@pytest.fixture
def _ship_this_module(ray_instance: Any) -> Iterator[None]:
    ray_instance.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    yield
    ray_instance.cloudpickle.unregister_pickle_by_value(sys.modules[__name__])


def fake_engine(row: dict[str, Any]) -> dict[str, Any]:
    """Answers like an engine processor's output row (after redline's postprocess)."""
    text = "<think>thinking</think>answer" if "messages" in row else "    return 1\n"
    failed = row["trial_id"].endswith("0")
    return {"trial_id": row["trial_id"], "generated_text": "" if failed else text,
            "num_generated_tokens": 4, "num_input_tokens": 2,
            ray_llm.ERROR_COLUMN: "engine error" if failed else ""}


def test_ray_data_path_writes_one_record_per_trial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    _ship_this_module: None) -> None:
    from redline.runner.ray_executor import execute_trials_ray

    monkeypatch.setattr(ray_llm, "_processor", lambda *a, **k: (lambda ds: ds.map(fake_engine)))
    cfg = make_config(suites=("smoke",), model="vllm/org/model", executor="ray", runs_dir=str(tmp_path),
                      judge=False, report=False, cache=False, code_mode="autocomplete")
    trials = plan_trials(cfg, [resolve_suite("smoke")], base_model=False)
    assert {t.mode for t in trials} == {"chat", "completion"}  # one processor per prompt mode
    path = tmp_path / "generations.jsonl"
    done = {trials[0].trial_id}
    with JsonlWriter(path) as writer:
        summary = asyncio.run(execute_trials_ray(trials, cfg.backend_spec(), writer,
                                                 settings=ExecSettings(max_tokens=16), done=done))
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["trial_id"] for r in records) == sorted(t.trial_id for t in trials[1:])
    assert summary.skipped == 1 and summary.generated + summary.errors == len(trials) - 1
    errors = [r for r in records if r["error"]]
    assert len(errors) == sum(1 for t in trials[1:] if t.trial_id.endswith("0"))
    assert all(r["model"] == "org/model" and r["backend"] == "vllm" for r in records)
    by_mode = {t.trial_id: t.mode for t in trials}
    for r in records:
        if not r["error"]:
            expected = ("answer", "thinking") if by_mode[r["trial_id"]] == "chat" else ("return 1", "")
            assert (r["text"].strip(), r["reasoning"]) == expected
