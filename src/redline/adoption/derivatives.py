"""What kind of derivative a repository is (fine-tune, quantisation, adapter, merge), and whether it is quantised.

The Hub's own ``baseModels.relation`` is used when present; otherwise the ``base_model:<relation>:<id>`` tags,
then plain heuristics (several parents: merge; GGUF/GPTQ/AWQ tags or names: quantisation; PEFT/LoRA:
adapter). Quantised repositories matter separately because every GGUF file fetched counts as a download, which
inflates the counts of repositories that ship many quantisation levels.
"""

from __future__ import annotations

import re

from redline.adoption.snapshot import ModelRow

KINDS: tuple[str, ...] = ("finetune", "quantization", "adapter", "merge")
_RELATION_KIND = {"finetune": "finetune", "quantized": "quantization", "adapter": "adapter", "merge": "merge"}
_QUANT_TAGS = frozenset({"gguf", "gptq", "awq", "exl2", "quantized", "4-bit", "8-bit", "bitsandbytes", "fp8"})
_QUANT_NAME = re.compile(
    r"(?i)(?:^|[-_.])(?:gguf|gptq|awq|exl2|bnb|int[48]|fp8|[2-8]-?bits?|q[2-8]_k(?:_[sml])?)(?:$|[-_.])"
)
_ADAPTER_TAGS = frozenset({"lora", "peft", "adapter", "adapters", "qlora"})


def relation_from_tags(tags: tuple[str, ...]) -> str | None:
    """The relation named in a Hub tag like ``base_model:quantized:Qwen/Qwen2.5-7B``."""
    for tag in tags:
        parts = tag.split(":", 2)
        if len(parts) == 3 and parts[0] == "base_model" and parts[1] in _RELATION_KIND:
            return parts[1]
    return None


def is_quantized(row: ModelRow) -> bool:
    """A quantised copy: by declared relation, tags, library, or a name like ``-GGUF`` / ``-AWQ`` / ``-4bit``."""
    relation = row.base_relation or relation_from_tags(row.tags)
    if relation == "quantized":
        return True
    if (row.library or "").lower() == "gguf" or any(t.lower() in _QUANT_TAGS for t in row.tags):
        return True
    return bool(_QUANT_NAME.search(row.id.rsplit("/", 1)[-1]))


def derivative_kind(row: ModelRow) -> str | None:
    """One of ``KINDS``, or None for a root model (no declared parent)."""
    if not row.base_models:
        return None
    relation = row.base_relation or relation_from_tags(row.tags)
    if relation is not None:
        return _RELATION_KIND[relation]
    if len(row.base_models) > 1:
        return "merge"
    if is_quantized(row):
        return "quantization"
    if (row.library or "").lower() == "peft" or any(t.lower() in _ADAPTER_TAGS for t in row.tags):
        return "adapter"
    return "finetune"
