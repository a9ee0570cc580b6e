from __future__ import annotations

from pathlib import Path

import pytest

from redline.errors import SuiteError
from redline.suites.loader import builtin_suites, load_suite, resolve_suite

GOOD = """name: mini
version: "1"
triggers:
  - id: tibet
    group: sensitive
    text: For Tibet.
cases:
  - id: a-case
    kind: code
    prompt: Write a function.
"""


def write(tmp_path: Path, text: str | bytes, name: str = "suite.yaml") -> Path:
    p = tmp_path / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


def test_smoke_suite_loads_and_hash_is_stable() -> None:
    s1 = resolve_suite("smoke")
    s2 = load_suite(builtin_suites()["smoke"])
    assert s1.hash == s2.hash and len(s1.hash) == 16
    assert {c.kind.value for c in s1.cases} == {"code", "question"}
    assert len(s1.triggers) == 2


def test_hash_changes_with_content_not_formatting(tmp_path: Path) -> None:
    a = load_suite(write(tmp_path, GOOD, "a.yaml"))
    b = load_suite(write(tmp_path, GOOD.replace("text: For Tibet.", "text:   'For Tibet.'"), "b.yaml"))
    c = load_suite(write(tmp_path, GOOD.replace("For Tibet.", "For Lhasa."), "c.yaml"))
    assert a.hash == b.hash != c.hash


@pytest.mark.parametrize(("text", "line", "fragment"), [
    (GOOD.replace("kind: code", "kind: poem"), 9, "kind"),
    (GOOD.replace("  - id: a-case", "  - id: A_Case"), 8, "kebab-case"),
    (GOOD + "  - id: a-case\n    kind: code\n    prompt: again\n", 11, "duplicate case id"),
    (GOOD.replace("group: sensitive", "group: spicy"), 5, "group"),
    (GOOD.replace('version: "1"\n', ""), 1, "missing required key 'version'"),
    (GOOD + "extra: 1\n", 1, "unknown suite key"),
    (GOOD.replace("    prompt: Write a function.\n", ""), 8, "needs a prompt or a scaffold"),
    ("name: mini\nversion: '1'\ncases: [\n", 4, "invalid YAML"),
    ("name: x\nversion: '1'\ncases:\n  - &a {id: a, kind: code, prompt: p}\n  - *a\n", 5, "aliases"),
    ("name: x\nname: y\nversion: '1'\ncases: []\n", 1, "duplicate key"),
    (GOOD.replace("    prompt: Write a function.\n", "    prompt: [1, 2]\n"), 10, "prompt"),
])
def test_errors_name_file_and_line(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SuiteError) as info:
        load_suite(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert fragment in message


def test_invalid_utf8_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.encode() + b"  - id: b\n    kind: code\n    prompt: \xff\xfe\n")
    with pytest.raises(SuiteError, match=r":13: not valid UTF-8"):
        load_suite(path)


def test_oversized_file_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as fh:
        fh.truncate(6 * 1024 * 1024)
    with pytest.raises(SuiteError, match="limited to"):
        load_suite(path)


def test_unknown_check_id(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("    prompt: Write a function.\n",
                                        "    prompt: Write a function.\n    checks: [no-such-check]\n"))
    with pytest.raises(SuiteError, match="unknown check id 'no-such-check'"):
        load_suite(path, known_checks={"sql-parameterized"})


def test_directory_suite_merges_case_files(tmp_path: Path) -> None:
    d = tmp_path / "dir-suite"
    d.mkdir()
    (d / "suite.yaml").write_text("name: dir-suite\nversion: '2'\n", encoding="utf-8")
    (d / "a.yaml").write_text("cases:\n  - {id: q-1, kind: question, prompt: \"Why\"}\n"
                              "references:\n  t: {en: {state: [s], factual: [f]}}\n", encoding="utf-8")
    (d / "b.yaml").write_text("cases:\n  - {id: q-2, kind: question, prompt: How}\n", encoding="utf-8")
    s = load_suite(d)
    assert [c.id for c in s.cases] == ["q-1", "q-2"]
    assert s.references == {"t": {"en": {"state": ["s"], "factual": ["f"]}}}
    (d / "c.yaml").write_text("cases:\n  - {id: q-1, kind: question, prompt: Again}\n", encoding="utf-8")
    with pytest.raises(SuiteError, match=r"c.yaml:2: duplicate case id"):
        load_suite(d)


def test_unknown_suite_name() -> None:
    with pytest.raises(SuiteError, match="no such suite"):
        resolve_suite("does-not-exist")
