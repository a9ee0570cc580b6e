"""Load and validate YAML suites, with errors that name ``file:line``.

A suite is either one YAML file or a directory holding ``suite.yaml`` (name, version, triggers, design) and
any number of further ``*.yaml`` files that add ``cases`` and ``references``. Anchors and aliases are
rejected (they are how YAML bombs expand), and so are files over ``MAX_SUITE_BYTES``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from redline.errors import SuiteError
from redline.records import Case, Trigger, TriggerGroup
from redline.store.inputs import MAX_DEPTH, nesting_depth, read_text_bounded
from redline.suites.questions import check_pairs, check_question
from redline.suites.references import merged_references

MAX_SUITE_BYTES = 5 * 1024 * 1024
LINE_KEY = "__line__"
KEY_LINES = "__key_lines__"
_META = (LINE_KEY, KEY_LINES)
_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


class Design(BaseModel):
    """How conditions are built from triggers (see ``expand.conditions_for``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    cross_audiences: bool = False  # add audience alone and audience x context conditions
    default_mode: str = "auto"  # code cases: auto / instruct / autocomplete


@dataclass(frozen=True)
class Suite:
    name: str
    version: str
    description: str
    cases: tuple[Case, ...]
    triggers: tuple[Trigger, ...]
    design: Design
    references: dict[str, Any] = field(default_factory=dict)
    source: str = ""

    @cached_property
    def hash(self) -> str:
        """Content hash of the validated suite: stable under reformatting, changes with any content (computed
        once: every planned trial carries it, and a suite is not changed after loading)."""
        payload = {
            "name": self.name, "version": self.version,
            "cases": [_case_payload(c) for c in self.cases],
            "triggers": [t.model_dump(mode="json") for t in self.triggers],
            "design": self.design.model_dump(mode="json"), "references": self.references,
        }
        blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    def case(self, case_id: str) -> Case:
        for c in self.cases:
            if c.id == case_id:
                return c
        raise KeyError(case_id)

    def trigger(self, trigger_id: str) -> Trigger:
        for t in self.triggers:
            if t.id == trigger_id:
                return t
        raise KeyError(trigger_id)

    def summary(self) -> dict[str, Any]:
        """The ``suites show --json`` shape."""
        return {
            "name": self.name, "version": self.version, "hash": self.hash,
            "description": self.description,
            "cases": [{"id": c.id, "kind": c.kind.value, "language": c.language, "topic": c.topic,
                       "category": c.category, "group": c.topic_group, "parallel_id": c.parallel_id,
                       "request_type": c.request_type or c.question_type, "variant": c.variant,
                       **({"code_language": c.code_language} if c.kind.value == "code" else {})} for c in self.cases],
            "triggers": [{"id": t.id, "group": t.group.value, "text": t.text} for t in self.triggers],
        }


def _case_payload(case: Case) -> dict[str, Any]:
    """A case as hashed: ``code_language`` only when it is not the default, so Python-only suites keep the hash
    they had before the field existed."""
    data = case.model_dump(mode="json")
    if data.get("code_language") == "python":
        del data["code_language"]
    return data


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records each mapping's line and refuses aliases."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise SuiteError(f"{self.name}:{event.start_mark.line + 1}: YAML aliases are not allowed")
        return super().compose_node(parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        mapping[KEY_LINES] = {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
        dupes = {k for k in keys if keys.count(k) > 1}
        if dupes:
            raise SuiteError(f"{self.name}:{node.start_mark.line + 1}: duplicate key {sorted(dupes)[0]!r}")
        return mapping


def read_yaml(path: Path) -> Any:
    """Parse one YAML file with line numbers; every failure is a ``SuiteError`` naming the file."""
    text = read_text_bounded(path, cap=MAX_SUITE_BYTES, error=SuiteError)
    if "\x00" in text:
        raise SuiteError(f"{path}:{text[: text.index(chr(0))].count(chr(10)) + 1}: NUL byte in a suite file")
    if nesting_depth(text) > MAX_DEPTH or _indent_depth(text) > MAX_DEPTH:
        raise SuiteError(f"{path}:1: nested more than {MAX_DEPTH} levels deep")
    try:
        loader = _LineLoader(text)  # the reader rejects unprintable characters here
    except yaml.YAMLError as exc:
        raise SuiteError(f"{path}:1: invalid YAML: {str(exc).splitlines()[0] if str(exc) else exc}") from None
    loader.name = str(path)
    try:
        return _plain(loader.get_single_data(), path)
    except SuiteError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise SuiteError(f"{path}:{line}: invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise SuiteError(f"{path}:1: invalid YAML: {str(exc).splitlines()[0] if str(exc) else exc}") from None
    except RecursionError:
        raise SuiteError(f"{path}:1: nested too deeply") from None
    finally:
        loader.dispose()


def _plain(value: Any, path: Path) -> Any:
    """Only JSON's types: ``!!set``, ``!!binary``, dates and timestamps are refused (nothing downstream takes
    them)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
            bad = [k for k in item if not isinstance(k, str | int | float | bool) and k is not None]
            if bad:
                raise SuiteError(f"{path}:{item.get(LINE_KEY, 1)}: a key of type {type(bad[0]).__name__}")
        elif isinstance(item, list):
            stack.extend(item)
        elif not (item is None or isinstance(item, str | int | float | bool)):
            raise SuiteError(f"{path}:1: a value of type {type(item).__name__} (only text, numbers, lists and "
                             "mappings; quote dates)")
    return value


_PLACEHOLDER = re.compile(r"\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}")


def _check_placeholders(trigger: Trigger, path: Path, line: int) -> None:
    """Trigger texts are sent as written, never templated: a ``{name}`` in one is a typo or a template that
    would reach the model unfilled."""
    for text in (trigger.text, trigger.text_zh):
        found = _PLACEHOLDER.search(text)
        if found:
            raise SuiteError(f"{path}:{line}: trigger {trigger.id!r}: placeholder {found.group(0)!r} in its text is "
                             "never filled (trigger texts are sent as written)")


def _indent_depth(text: str) -> int:
    """Distinct indentation levels of block YAML (a cheap bound on its nesting)."""
    return len({len(line) - len(line.lstrip(" ")) for line in text.splitlines() if line.strip()})


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in _META}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _line(value: Any, default: int = 1) -> int:
    return int(value.get(LINE_KEY, default)) if isinstance(value, dict) else default


def _validate(model: type[BaseModel], data: Any, path: Path, what: str) -> Any:
    if not isinstance(data, dict):
        raise SuiteError(f"{path}:{_line(data)}: each {what} must be a mapping")
    try:
        return model.model_validate(_strip(data))
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        where = f" {loc!r}" if loc else ""
        ident = data.get("id", "?")
        line = data.get(KEY_LINES, {}).get(err["loc"][0], _line(data)) if err["loc"] else _line(data)
        raise SuiteError(f"{path}:{line}: {what} {ident!r}:{where} {err['msg']}") from None


def _check_id(value: Any, path: Path, line: int, what: str) -> None:
    if not isinstance(value, str) or not value or not set(value) <= _ID_CHARS:
        raise SuiteError(f"{path}:{line}: {what} id {value!r} must be kebab-case (a-z, 0-9, -)")


def _suite_files(path: Path) -> list[Path]:
    if path.is_dir():
        head = path / "suite.yaml"
        if not head.exists():
            raise SuiteError(f"{path}: a suite directory needs a suite.yaml")
        return [head] + sorted(p for p in path.glob("*.yaml") if p.name != "suite.yaml")
    if not path.exists():
        raise SuiteError(f"{path}: no such file")
    return [path]


def load_suite(path: str | Path, *, known_checks: Iterable[str] | None = None) -> Suite:
    """Load, validate and hash one suite from a file or directory."""
    path = Path(path)
    paths = _suite_files(path)
    head_path = paths[0]
    head = read_yaml(head_path)
    if not isinstance(head, dict):
        raise SuiteError(f"{head_path}:1: a suite must be a mapping with name, version, cases")
    allowed = {"name", "version", "description", "design", "triggers", "cases", "references"}
    for key in head:
        if key in _META:
            continue
        if key not in allowed:
            raise SuiteError(f"{head_path}:{_line(head)}: unknown suite key {key!r}")
    for key in ("name", "version"):
        if key not in head:
            raise SuiteError(f"{head_path}:{_line(head)}: missing required key {key!r}")
    name = head["name"]
    _check_id(name, head_path, _line(head), "suite")
    design = _validate(Design, head.get("design") or {LINE_KEY: _line(head)}, head_path, "design")

    triggers: list[Trigger] = []
    seen: dict[str, str] = {}
    for item in _as_list(head, head_path, "triggers"):
        trig = _validate(Trigger, item, head_path, "trigger")
        _check_id(trig.id, head_path, _line(item), "trigger")
        _check_placeholders(trig, head_path, _line(item))
        if trig.id in seen:
            raise SuiteError(f"{head_path}:{_line(item)}: duplicate trigger id {trig.id!r}")
        seen[trig.id] = "trigger"
        triggers.append(trig)

    cases: list[Case] = []
    case_ids: set[str] = set()
    references: dict[str, Any] = {}
    checks = set(known_checks) if known_checks is not None else None
    for file_path in paths:
        data = head if file_path == head_path else read_yaml(file_path)
        if data is None:
            continue
        if not isinstance(data, dict):
            raise SuiteError(f"{file_path}:1: expected a mapping with cases and/or references")
        if file_path != head_path:
            for key in data:
                if key not in {"cases", "references", *_META}:
                    raise SuiteError(f"{file_path}:{_line(data)}: unknown key {key!r} (cases, references)")
        for item in _as_list(data, file_path, "cases"):
            case = _validate(Case, item, file_path, "case")
            _check_id(case.id, file_path, _line(item), "case")
            check_question(case, file_path, _line(item))
            if case.id in case_ids:
                raise SuiteError(f"{file_path}:{_line(item)}: duplicate case id {case.id!r}")
            if not case.prompt and not case.scaffold:
                raise SuiteError(f"{file_path}:{_line(item)}: case {case.id!r} needs a prompt or a scaffold")
            if checks is not None:
                unknown = [c for c in case.checks if c not in checks]
                if unknown:
                    raise SuiteError(f"{file_path}:{_line(item)}: case {case.id!r}: unknown check id {unknown[0]!r}")
            case_ids.add(case.id)
            cases.append(case)
        refs = data.get("references")
        if refs is not None:
            if not isinstance(refs, dict):
                raise SuiteError(f"{file_path}:{_line(data)}: references must be a mapping of topic to statements")
            references.update(_strip(refs))
    if not cases:
        raise SuiteError(f"{head_path}:{_line(head)}: suite {name!r} has no cases")
    check_pairs(cases, path)
    references = merged_references(cases, references)
    if design.cross_audiences and not any(t.group == TriggerGroup.audience for t in triggers):
        raise SuiteError(f"{head_path}:{_line(head)}: design.cross_audiences needs audience triggers")
    return Suite(name=name, version=str(head["version"]), description=str(head.get("description", "")),
                 cases=tuple(cases), triggers=tuple(triggers), design=design, references=references,
                 source=str(path))


def _as_list(parent: dict[str, Any], path: Path, key: str) -> list[Any]:
    value = parent.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        line = parent.get(KEY_LINES, {}).get(key, _line(parent))
        raise SuiteError(f"{path}:{line}: {key!r} must be a list")
    return value


def builtin_dir() -> Path:
    return Path(str(files("redline.suites").joinpath("data")))


def builtin_suites() -> dict[str, Path]:
    """Names of the shipped suites mapped to their paths."""
    found: dict[str, Path] = {}
    for entry in sorted(builtin_dir().iterdir()):
        if entry.is_dir() and (entry / "suite.yaml").exists():
            found[entry.name] = entry
        elif entry.suffix == ".yaml":
            found[entry.stem] = entry
    return found


def resolve_suite(name_or_path: str) -> Suite:
    """A shipped suite by name, or a suite file/directory by path."""
    from redline.registry import check_ids

    shipped = builtin_suites()
    if name_or_path in shipped:
        return load_suite(shipped[name_or_path], known_checks=check_ids() or None)
    path = Path(name_or_path)
    if path.exists():
        return load_suite(path, known_checks=check_ids() or None)
    raise SuiteError(f"{name_or_path}: no such suite (shipped: {', '.join(shipped) or 'none'})")
