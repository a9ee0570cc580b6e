"""Audit files (``redline run --config audit.yaml``): every ``redline run`` option, plus several models (a sweep).

Keys are ``RunConfig``'s field names (``max_tokens`` or ``max-tokens``); flags given on the command line
override the file. The file holds no secret: keys are named by environment variable (``api_key_env``). The
JSON Schema (``redline config schema``) is generated from the same model that validates a file, so the two
never disagree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from redline.config import RunConfig
from redline.errors import InputError

MAX_FILE = 1 << 20
# how a run's options are stored but not what an audit file should carry
NOT_IN_FILE = ("fresh",)


class ModelEntry(BaseModel):
    """One model of a sweep, with its own endpoint and key variable where they differ from the file's."""

    model_config = ConfigDict(extra="forbid")

    model: str
    base_url: str | None = None
    base_urls: tuple[str, ...] = ()
    api_key_env: str | None = None


def _options_model() -> type[BaseModel]:
    fields: dict[str, Any] = {name: (Optional[field.annotation], Field(None, description=field.description))  # noqa: UP045
                              for name, field in RunConfig.model_fields.items()}
    fields["models"] = (list[str | ModelEntry] | None,
                        Field(None, description="Several models: one run each, then a comparison (a sweep)."))
    fields["fail_on"] = (str | None, Field(None, description="significant, any-vulnerable or a rate (0.25, 25%)."))
    model: type[BaseModel] = create_model("AuditFile", __config__=ConfigDict(extra="forbid"), **fields)
    return model


AuditFile = _options_model()


def schema() -> dict[str, Any]:
    """The JSON Schema of an audit file."""
    out = AuditFile.model_json_schema()
    out["title"] = "redline audit file"
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return out


def _read(path: Path) -> Any:
    """The file parsed, read through the bounded reader (a FIFO or ``/dev/zero`` fails at once), nesting capped
    before parsing and YAML aliases refused (an alias bomb never expands); every failure is one line."""
    import yaml

    from redline.store.inputs import MAX_DEPTH, nesting_depth, read_text_bounded

    text = read_text_bounded(path, cap=MAX_FILE, error=InputError)
    is_json = path.suffix == ".json"
    levels = len({len(line) - len(line.lstrip(" ")) for line in text.splitlines() if line.strip()})
    if nesting_depth(text) > MAX_DEPTH or levels > MAX_DEPTH:
        raise InputError(f"{path}: nested more than {MAX_DEPTH} levels deep")

    class Loader(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise InputError(f"{path}:{event.start_mark.line + 1}: YAML aliases are not allowed")
            return super().compose_node(parent, index)

    try:
        return json.loads(text) if is_json else yaml.load(text, Loader=Loader)  # noqa: S506 - a SafeLoader
    except (ValueError, RecursionError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise InputError(f"{path}{line}: not valid {'JSON' if is_json else 'YAML'}") from None


def load_audit_file(path: str | Path) -> dict[str, Any]:
    """The options an audit file sets (keys it leaves out are absent), validated against the schema."""
    p = Path(path)
    data = _read(p)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"{p}: an audit file is a mapping of options, e.g. 'model: openai/NAME'")
    data = {str(k).replace("-", "_"): v for k, v in data.items()}
    try:
        parsed = AuditFile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(part) for part in err["loc"]) or "file"
        raise InputError(f"{p}: {where}: {err['msg']}") from None
    values = {k: v for k, v in parsed.model_dump().items() if k in data and v is not None}
    if "model" in values and "models" in values:
        raise InputError(f"{p}: give either model or models, not both")
    return values


def model_entries(values: dict[str, Any]) -> list[ModelEntry]:
    """The file's ``models`` as entries (a bare string is a model with the file's endpoint)."""
    return [m if isinstance(m, ModelEntry) else ModelEntry.model_validate(m) if isinstance(m, dict)
            else ModelEntry(model=m) for m in values.get("models") or []]


def file_of(cfg: RunConfig) -> dict[str, Any]:
    """The audit file that reproduces ``cfg``: every option that differs from the default."""
    defaults = RunConfig.model_validate({}).model_dump(mode="json")
    current = cfg.model_dump(mode="json")
    return {k: v for k, v in current.items() if k not in NOT_IN_FILE and v != defaults.get(k)}
