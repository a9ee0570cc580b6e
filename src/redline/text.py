"""Text helpers every layer shares: reasoning traces split from answers, valid UTF-8, terminal-safe text.

They live at the bottom of the layering so judges, backends and commands can use them without importing
each other.
"""

from __future__ import annotations

import re

_THINK = re.compile(r"<think>(.*?)(?:</think>|\Z)", re.DOTALL)
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def split_reasoning(text: str, reasoning: str = "") -> tuple[str, str]:
    """Separate ``<think>...</think>`` blocks from the final answer; keep an explicit reasoning field too."""
    found = [m.strip() for m in _THINK.findall(text)]
    if not found and "</think>" in text:  # some servers strip the opening tag
        head, _, tail = text.partition("</think>")
        return tail.strip(), "\n".join(p for p in (reasoning, head.strip()) if p)
    answer = _THINK.sub("", text).strip() if found else text
    parts = [p for p in [reasoning, *found] if p]
    return answer, "\n".join(parts)


def clean_text(text: str) -> str:
    """Replace lone surrogates (valid JSON escapes, invalid Unicode) so every record stays valid UTF-8."""
    return text.encode("utf-8", "replace").decode("utf-8")


def safe_text(text: str) -> str:
    """Strip ANSI escape sequences and control characters: model output never drives the terminal."""
    return _CONTROL.sub("", text)
