"""Lazy name -> "module:attr" tables, so nothing heavy is imported until it is used.

Plugins add entries through the ``redline.backends`` / ``redline.judges`` entry-point groups.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from typing import Any

from redline.errors import ConfigError

BACKENDS: dict[str, str] = {
    "embedded": "redline.backends.embedded:EmbeddedBackend",
    "openai": "redline.backends.openai_http:OpenAIBackend",
    "scripted": "redline.backends.scripted:ScriptedBackend",
    # hosted APIs through LiteLLM, e.g. litellm/anthropic/NAME (pip install -e '.[litellm]')
    "litellm": "redline.backends.litellm_backend:LiteLLMBackend",
    # in-process engines on GPU nodes through Ray Data (pip install -e '.[ray]'; --executor ray only)
    "vllm": "redline.runner.ray_llm:RayDataLLMBackend",
    "sglang": "redline.runner.ray_llm:SGLangDataBackend",
}

JUDGES: dict[str, str] = {
    "code-security": "redline.judges.code.judge:CodeSecurityJudge",
    "answer-rules": "redline.judges.answer.judge:AnswerJudge",
    "answer-model": "redline.judges.answer.model_graded:ModelGradedJudge",
    "code-exec": "redline.judges.exec.judge:CodeExecJudge",
}


def _load(ref: str) -> Any:
    module, _, attr = ref.partition(":")
    return getattr(importlib.import_module(module), attr)


def _table(base: dict[str, str], group: str) -> dict[str, str]:
    table = dict(base)
    for ep in entry_points(group=group):
        table.setdefault(ep.name, ep.value)
    return table


def backend_names() -> list[str]:
    return sorted(_table(BACKENDS, "redline.backends"))


def backend_class(provider: str) -> Any:
    table = _table(BACKENDS, "redline.backends")
    if provider not in table:
        raise ConfigError(f"--model: unknown provider {provider!r} (known: {', '.join(sorted(table))})")
    return _load(table[provider])


def judge_names() -> list[str]:
    return sorted(_table(JUDGES, "redline.judges"))


def judge_classes() -> dict[str, Any]:
    """Every registered judge class, built-ins first (in table order), then plug-ins by name. A plug-in that
    cannot be imported is an error naming it, not a silently smaller judge set."""
    table = _table(JUDGES, "redline.judges")
    order = [*JUDGES, *sorted(n for n in table if n not in JUDGES)]
    out: dict[str, Any] = {}
    for name in order:
        try:
            out[name] = _load(table[name])
        except (ImportError, AttributeError) as exc:
            raise ConfigError(f"judge plug-in {name!r} ({table[name]}) cannot be loaded: {exc}") from None
    return out


def check_catalogue() -> dict[str, dict[str, Any]]:
    """The per-task security checks suites may reference (id -> cwes, title), read as data from
    ``redline/checks.json`` so that validating a suite never imports judge code."""
    import json
    from importlib.resources import files

    data = json.loads(files("redline").joinpath("checks.json").read_text(encoding="utf-8"))
    return {row["id"]: {"cwes": tuple(row["cwes"]), "title": row["title"]} for row in data["checks"]}


def check_ids() -> frozenset[str]:
    """Ids of the per-task security checks that suites may reference."""
    return frozenset(check_catalogue())
