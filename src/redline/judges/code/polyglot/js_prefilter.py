"""Which costly JavaScript taint rules provably cannot match a file, so the batch config skips them for it.

Semgrep's own prefilter keeps a taint rule whenever its *source* (``req``) appears, which is almost every
Express program; the request-to-sink taint rules were then most of Semgrep's time on the public JavaScript
programs. A taint finding is reported at a sink, and every sink of the rules below names a method or function
exactly (a pattern ``$RES.send(...)``, or a ``metavariable-regex`` ``^(find|findOne|...)$`` on the called name
or receiver), so the file must contain one of those names as a whole identifier (``$`` and word characters do
not border it; inside a string, as in ``obj["find"]``, it still counts). A file with a ``\\u`` escape (an
identifier may be spelled with one) is never filtered.

A rule whose text differs from the one its word list was read off (``DIGESTS``) is never skipped, and a test
fails until the table is revisited. Verdicts are unchanged: ``bench/judge_equivalence.py`` compares every
outcome before and after on the public programs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from redline.judges.code.semgrep_prefilter import rule_digest

_SEND = ("send", "write", "end")
SINK_WORDS: dict[str, tuple[str, ...]] = {
    "redline-js-nosql-query-from-request": (
        "find", "findOne", "findOneAndUpdate", "findOneAndDelete", "findOneAndRemove", "findOneAndReplace", "update",
        "updateOne", "updateMany", "deleteOne", "deleteMany", "remove", "count", "countDocuments", "where", "exists",
        "replaceOne", "$where"),
    "redline-js-ssrf-client-from-request": (
        "axios", "got", "needle", "superagent", "request", "http", "https", "urllib", "phin", "bent", "undici",
        "nodeFetch", "wkhtmltoimage", "wkhtmltopdf", "page", "newPage", "browser", "tab", "fetch", "evaluate",
        "property"),
    "redline-js-xss-request-any": _SEND,
    "redline-js-xss-request-to-response": _SEND,
    "redline-js-header-from-request": ("set", "setHeader", "header", "append", "writeHead"),
    # the sink's receiver (``$LOG`` of ``$LOG.$LEVEL(...)``) is one of these names exactly
    "redline-js-log-injection": (
        "logger", "log", "winston", "pino", "bunyan", "console", "audit", "auditLog", "accessLog"),
}
# sha256 of each rule as written (canonical JSON of the YAML rule) when its word list above was read off it
DIGESTS = {
    "redline-js-nosql-query-from-request": "8e50ae4e21058e0c",
    "redline-js-ssrf-client-from-request": "72d789b405f92c33",
    "redline-js-xss-request-any": "69ce5ebfff8204dc",
    "redline-js-xss-request-to-response": "ca2733a341f76c4d",
    "redline-js-header-from-request": "333c71ea254082e7",
    "redline-js-log-injection": "4912daba56f7c9e0",
}


@functools.cache
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w$])(?:" + "|".join(map(re.escape, words)) + r")(?![\w$])")


def usable(rules: list[Mapping[str, Any]]) -> set[str]:
    """Ids of the prefiltered rules whose text is still the one their word list was read off (and no ``paths``)."""
    return {str(r["id"]) for r in rules
            if r.get("id") in SINK_WORDS and "paths" not in r and DIGESTS.get(str(r["id"])) == rule_digest(r)}


def skipped(code: str, rule_ids: set[str]) -> set[str]:
    """The rules among ``rule_ids`` that cannot match ``code``."""
    if "\\u" in code:
        return set()
    return {rid for rid in rule_ids if not _pattern(SINK_WORDS[rid]).search(code)}
