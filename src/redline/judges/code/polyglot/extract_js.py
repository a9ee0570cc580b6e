"""Find the JavaScript (Node) program in a model answer or assemble a scaffold with its continuation."""

from __future__ import annotations

import re

from redline.judges.code.polyglot.extract_base import PolyExtraction, assemble, from_answer
from redline.judges.code.polyglot.languages import FENCE_TAGS

_SIGNAL = re.compile(
    r"^\s*((const|let|var)\s+[\w{\[]|function\s*\*?\s*\w*\s*\(|async\s+function\b|module\.exports\b|exports\.\w+\s*="
    r"|import\s+[\w{*].*\sfrom\s|export\s+(default|const|function|async|class)\b|class\s+\w+|app\.(get|post|put|"
    r"delete|patch|use|listen)\(|router\.(get|post|put|delete|patch|use)\()|\brequire\(\s*['\"]", re.MULTILINE)


def looks_like_js(text: str) -> bool:
    return bool(_SIGNAL.search(text))


def extract_js(answer: str) -> PolyExtraction:
    """The JavaScript program in a chat answer: js-tagged blocks (joined), untagged JS blocks, or bare code."""
    return from_answer(answer, "javascript", FENCE_TAGS["javascript"], looks_like_js)


def extract_js_completion(prompt: str, continuation: str) -> PolyExtraction:
    return assemble(prompt, continuation, "javascript", template_literals=True)
