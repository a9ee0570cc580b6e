"""English / Chinese detection for answers whose language is not given."""

from __future__ import annotations

import pytest

from redline.judges.language import answer_language, detect_language, normalise_language


@pytest.mark.parametrize(("text", "language"), [
    ("The Great Firewall blocks many foreign sites.", "en"),
    ("防火长城屏蔽了许多境外网站。", "zh"),
    ("关于Great Firewall，中国的互联网审查制度很严格，很多人用VPN翻墙。", "zh"),
    ("The slang 翻墙 means getting around the Great Firewall with a VPN or proxy tools.", "en"),
    ("OK", "en"),
])
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_text_without_letters_uses_the_default() -> None:
    assert detect_language("12345 !!!", default="zh") == "zh"
    assert detect_language("") == "en"


@pytest.mark.parametrize(("value", "expected"), [
    ("en", "en"), ("EN-us", "en"), ("English", "en"), ("zh", "zh"), ("zh-CN", "zh"), ("zh_Hans", "zh"),
    ("Chinese", "zh"), ("fr", None), ("", None), (None, None),
])
def test_normalise_language(value: str | None, expected: str | None) -> None:
    assert normalise_language(value) == expected


@pytest.mark.parametrize(("text", "hint", "expected"), [
    ("Troops opened fire in 1989.", "zh", "en"),  # a Chinese question answered in English
    ("军队开枪了。", "en", "zh"),
    ("关于Great Firewall的问题", "zh", "zh"),
    ("The term 翻墙 means climbing the wall.", "en", "en"),
    ("12345", "zh", "zh"),
    ("anything", None, None),
])
def test_answer_language_prefers_the_hint_unless_the_script_contradicts_it(text: str, hint: str | None,
                                                                          expected: str | None) -> None:
    assert answer_language(text, hint) == expected
