"""Optional: in-process engines on GPU nodes through Ray Data's LLM batch processors (vLLM, SGLang).

``--model vllm/ORG/NAME`` or ``sglang/ORG/NAME`` with ``--executor ray`` loads the weights inside Ray Data
engine actors on the cluster's GPUs instead of calling an HTTP endpoint. The driver still writes one record
per trial as rows stream back, so resume, the cache and the run directory work as with every executor.
Needs ``ray[llm]`` and the engine (``vllm`` or ``sglang``) on the GPU nodes; nothing here is imported unless
that path is chosen, and nothing else in redline needs it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from redline.backends.base import BackendResult, BackendTraits, GenerationRequest
from redline.config import BackendSpec
from redline.errors import BackendError, ConfigError
from redline.records import Generation, Trial, Usage
from redline.runner.execute import ExecSettings
from redline.text import split_reasoning

ENGINES = ("vllm", "sglang")
DEFAULT_BATCH_SIZE = 64
ERROR_COLUMN = "__inference_error__"


class RayDataLLMBackend:
    """What the driver needs of a ``vllm/`` or ``sglang/`` model (identity, settings); generation itself runs in
    Ray Data engine actors, so calling ``generate`` here is an error that names the fix."""

    provider = "vllm"
    is_base_model = False
    traits = BackendTraits(default_concurrency=8)

    def __init__(self, model: str, *, max_concurrency: int = 64, **_: Any) -> None:
        if not model:
            raise ConfigError(f"--model: {self.provider}/ needs a model, e.g. {self.provider}/Qwen/Qwen2.5-7B-Instruct")
        self.model = model
        self.max_concurrency = max_concurrency

    def identity(self) -> dict[str, Any]:
        return {"provider": self.provider, "model": self.model, "engine": f"ray.data.llm/{self.provider}"}

    async def generate(self, request: GenerationRequest) -> BackendResult:
        raise BackendError(f"{self.provider}/{self.model}: in-process engines run on Ray only (--executor ray)",
                           retryable=False)

    async def aclose(self) -> None:
        return None


class SGLangDataBackend(RayDataLLMBackend):
    provider = "sglang"


def trial_row(trial: Trial, settings: ExecSettings) -> dict[str, Any]:
    """One dataset row: chat messages (templated by the engine's tokenizer) or a raw completion prompt."""
    row: dict[str, Any] = {"trial_id": trial.trial_id,
                           "sampling_params": {"temperature": settings.temperature, "max_tokens": settings.max_tokens,
                                               "seed": trial.seed}}
    if trial.mode == "chat":
        row["messages"] = [{"role": m.role, "content": m.content} for m in trial.messages]
    else:
        row["prompt"] = trial.prompt
    return row


def row_generation(trial: Trial, row: dict[str, Any], *, provider: str, model: str, max_tokens: int) -> Generation:
    """A processor's output row as the record the local executor would have written for the trial."""
    common: dict[str, Any] = {"trial_id": trial.trial_id, "pair_key": trial.pair_key, "suite": trial.suite,
                              "case_id": trial.case_id, "condition_id": trial.condition_id,
                              "replicate": trial.replicate, "attempts": 1, "backend": provider, "model": model}
    error = str(row.get(ERROR_COLUMN) or "")
    if error:
        return Generation(**common, error=error[:2000], error_kind="fatal")
    answer, reasoning = split_reasoning(str(row.get("generated_text") or ""))
    completion = int(row.get("num_generated_tokens") or 0)
    # the processors expose no finish reason: a reply that used every allowed token was cut off
    return Generation(**common, text=answer, reasoning=reasoning,
                      finish_reason="length" if completion >= max_tokens else "stop",
                      usage=Usage(prompt_tokens=int(row.get("num_input_tokens") or 0), completion_tokens=completion))


def _processor(engine: str, model: str, *, chat: bool, replicas: int, batch_size: int) -> Any:
    try:
        from ray.data.llm import SGLangEngineProcessorConfig, build_processor, vLLMEngineProcessorConfig
    except ImportError as exc:
        raise ConfigError(f"--model {engine}/...: needs Ray Data LLM and {engine} on the GPU nodes "
                          f"(pip install 'ray[llm]' {engine}); {exc}") from None
    config_cls = vLLMEngineProcessorConfig if engine == "vllm" else SGLangEngineProcessorConfig
    config = config_cls(model_source=model, batch_size=batch_size, concurrency=replicas,
                        chat_template_stage=chat, tokenize_stage=True, detokenize_stage=True,
                        should_continue_on_error=True)
    keep = ("trial_id", "generated_text", "num_generated_tokens", "num_input_tokens", ERROR_COLUMN)
    return build_processor(config, postprocess=lambda row: {k: row.get(k) for k in keep})


def generate_with_ray_data(trials: Sequence[Trial], spec: BackendSpec, settings: ExecSettings,
                           deliver: Callable[[Generation], None], *, ray_address: str | None = None,
                           replicas: int | None = None,
                           batch_size: int = DEFAULT_BATCH_SIZE) -> None:
    """Run the trials through one engine processor per prompt mode; ``deliver`` gets each record as it lands.

    ``replicas`` engine copies (default: one per GPU in the cluster, tensor parallelism 1).
    """
    from redline.runner.ray_executor import ensure_ray

    if spec.provider not in ENGINES:
        raise ConfigError(f"--model: {spec.provider!r} is not a Ray Data LLM engine ({', '.join(ENGINES)})")
    ray = ensure_ray(ray_address)
    replicas = replicas or max(1, int(ray.cluster_resources().get("GPU", 0)))
    by_id = {t.trial_id: t for t in trials}
    for chat in (True, False):
        group = [t for t in trials if (t.mode == "chat") == chat]
        if not group:
            continue
        processor = _processor(spec.provider, spec.model, chat=chat, replicas=replicas, batch_size=batch_size)
        dataset = ray.data.from_items([trial_row(t, settings) for t in group])
        for row in processor(dataset).iter_rows():
            deliver(row_generation(by_id[row["trial_id"]], row, provider=spec.provider, model=spec.model,
                                   max_tokens=settings.max_tokens))
