"""English / Chinese detection for answers whose language is not given.

Lingua restricted to the two languages is accurate on short texts and cheap (~10 us), but building the
detector costs a little, so it is built lazily once. Texts with no Han characters are English and texts with
no Latin letters are Chinese without asking Lingua; only mixed texts (Chinese answers quoting English terms)
need it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from redline.records import language_family

LANGUAGES = ("en", "zh")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_SAMPLE_CHARS = 2000  # enough to decide; keeps huge answers cheap


@lru_cache(maxsize=1)
def _detector() -> Any:
    """The Lingua detector for English and Chinese, built on first use (None if Lingua is missing)."""
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:  # pragma: no cover - lingua is a dependency; degrade to the script count
        return None
    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.CHINESE).build()


def han_count(text: str) -> int:
    """Number of Han (Chinese) characters."""
    return len(_HAN.findall(text))


def detect_language(text: str, default: str = "en") -> str:
    """``"en"`` or ``"zh"`` for ``text``; ``default`` when the text has no letters at all."""
    sample = text[:_SAMPLE_CHARS]
    han = han_count(sample)
    latin = len(_LATIN.findall(sample))
    if han == 0 and latin == 0:
        return default
    if han == 0:
        return "en"
    if latin == 0:
        return "zh"
    detector = _detector()
    if detector is not None:
        found = detector.detect_language_of(sample)
        if found is not None:
            return "zh" if found.name == "CHINESE" else "en"
    # fallback: a Han character carries about as much as a short English word
    return "zh" if han >= latin / 5 else "en"


def normalise_language(value: str | None) -> str | None:
    """Map spellings such as ``zh-CN``, ``Chinese``, ``EN`` to ``en`` / ``zh``; None when unknown or empty."""
    if not value:
        return None
    low = value.strip().lower().replace("_", "-")
    if low in {"en", "english"} or low.startswith("en-"):
        return "en"
    if low in {"chinese", "cn", "中文", "汉语"} or language_family(low) == "zh":  # zh, zh-Hans, zh-Hant, zh-CN
        return "zh"
    return None


def answer_language(text: str, hint: str | None) -> str | None:
    """The language to judge ``text`` in: ``hint`` (say, the prompt's language) unless the text is written
    entirely in the other script (a Chinese question answered in English); None when nothing decides."""
    lang = normalise_language(hint)
    sample = text[:_SAMPLE_CHARS]
    han, latin = han_count(sample), len(_LATIN.findall(sample))
    if lang == "zh" and han == 0 and latin > 0:
        return "en"
    if lang == "en" and latin == 0 and han > 0:
        return "zh"
    return lang
