"""The programming languages of code tasks beyond Python, their fence tags and file suffixes."""

from __future__ import annotations

LANGUAGES = ("javascript", "c")
SUFFIX = {"javascript": ".js", "c": ".c"}
FENCE_TAGS = {
    "javascript": frozenset({"javascript", "js", "node", "nodejs", "node.js", "jsx", "mjs", "cjs", "es6", "express",
                             "ecmascript"}),
    "c": frozenset({"c", "h", "c11", "c99", "c89", "ansi-c", "gnu-c"}),
}
# Tags that may hold C when no block is tagged as C (models often label C as C++); checked for C++-only syntax.
C_LOOSE_TAGS = frozenset({"cpp", "c++", "cc", "cxx", "objective-c", "objc"})
_ALIASES = {"js": "javascript", "javascript": "javascript", "node": "javascript", "nodejs": "javascript",
            "c": "c", "c11": "c"}


def normalize_language(value: object) -> str | None:
    """``javascript`` / ``c`` from a row's language field (``js``, ``node``, ``C``...), None when not one of them."""
    if not isinstance(value, str):
        return None
    return _ALIASES.get(value.strip().lower())
