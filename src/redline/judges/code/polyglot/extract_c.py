"""Find the C program in a model answer or assemble a scaffold with its continuation."""

from __future__ import annotations

import re

from redline.judges.code.polyglot.extract_base import PolyExtraction, assemble, from_answer
from redline.judges.code.polyglot.languages import C_LOOSE_TAGS, FENCE_TAGS

_SIGNAL = re.compile(
    r"^\s*(#\s*include\s*[<\"]|#\s*define\s+\w|(static\s+|inline\s+|extern\s+)*(const\s+)?(unsigned\s+|signed\s+)?"
    r"(void|int|char|long|short|size_t|ssize_t|FILE|bool|double|float|uint\d+_t|int\d+_t|struct\s+\w+)\b[\s*]*"
    r"\w+\s*\([^;]*\)\s*\{?\s*$|typedef\s+\w)", re.MULTILINE)
_CPP_ONLY = re.compile(r"\bstd::|#\s*include\s*<(iostream|string|vector|map|memory)>|\bnamespace\s+\w|\btemplate\s*<"
                       r"|\bclass\s+\w+\s*[:{]|\bnew\s+\w+\s*[(\[]|\bcout\s*<<")


def looks_like_c(text: str) -> bool:
    return bool(_SIGNAL.search(text))


def plain_c(text: str) -> bool:
    """A block tagged as C++ that uses no C++-only syntax (models often tag C code as cpp)."""
    return looks_like_c(text) and not _CPP_ONLY.search(text)


def extract_c(answer: str) -> PolyExtraction:
    """The C program in a chat answer: C-tagged blocks (joined), untagged C, C tagged as C++, or bare code."""
    return from_answer(answer, "c", FENCE_TAGS["c"], looks_like_c, C_LOOSE_TAGS, plain_c)


def extract_c_completion(prompt: str, continuation: str) -> PolyExtraction:
    return assemble(prompt, continuation, "c", template_literals=False)
