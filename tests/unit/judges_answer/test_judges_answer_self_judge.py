"""The model-graded judge is a second opinion: never the audited model unless asked; errors excluded from agreement."""

from __future__ import annotations

import pytest

from redline.config import make_config
from redline.errors import ConfigError
from redline.judges.answer.model_graded import agreement_on_shared


@pytest.mark.parametrize("judge", ["openai/gpt-4o-mini", " OpenAI/GPT-4o-mini "])
def test_audited_model_is_refused_as_its_own_judge(judge: str) -> None:
    with pytest.raises(ConfigError, match="audited model itself"):
        make_config(model="openai/gpt-4o-mini", judge_model=judge)


def test_self_judging_allowed_when_asked() -> None:
    cfg = make_config(model="openai/gpt-4o-mini", judge_model="openai/gpt-4o-mini", judge_model_self_ok=True)
    assert cfg.judge_model == "openai/gpt-4o-mini"


def test_another_model_is_fine() -> None:
    assert make_config(model="openai/gpt-4o-mini", judge_model="anthropic/claude-x").judge_model


def test_agreement_excludes_error_verdicts() -> None:
    rules = {"a": "refusal", "b": "substantive", "c": "substantive", "d": "error", "e": "deflection"}
    model = {"a": "refusal", "b": "substantive", "c": "error", "d": "refusal", "e": "substantive", "f": "refusal"}
    result = agreement_on_shared(rules, model)
    assert result["errors_excluded"] == 2
    assert result["n"] == 3
    assert result["agreement"] == round(2 / 3, 4)
    assert "error" not in result["confusion"]
