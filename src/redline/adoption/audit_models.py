"""MODELS.yaml for ``redline lineage BASE --audit``: which models of a tree are audited, how to reach each, and
the one design they all share (suites, conditions, replicates, seed) so every derivative is paired with its base.

Every listed model has either an ``endpoint`` (how the sweep reaches it) or ``not_audited`` (why not): a model
without an endpoint is listed as not audited in the report, never silently dropped. ``run`` optionally names an
already finished run directory for that model (relative paths are relative to the YAML file); models without one
are audited by ``redline.pipeline.lineage`` through the sweep, with the ``audit:`` design.

.. code-block:: yaml

    base: northwind-ai/Northwind-7B
    audit: {suites: [code-security], replicates: 2, seed: 0, limit: 30}
    models:
      - id: northwind-ai/Northwind-7B
        endpoint: {model: openai/northwind-7b, base_url: "http://localhost:8000/v1", api_key_env: NW_KEY}
      - id: qbits/Northwind-7B-Instruct-GGUF
        endpoint: {model: "scripted/effect?share=0.5"}
        run: runs/gguf
      - id: loralab/northwind-7b-sql-lora
        not_audited: no server can load this adapter yet
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from redline.errors import InputError

MAX_FILE = 1_000_000


class Endpoint(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str
    base_url: str | None = None
    api_key_env: str | None = None

    @field_validator("model")
    @classmethod
    def _provider(cls, value: str) -> str:
        if "/" not in value or value.startswith("/") or value.endswith("/"):
            raise ValueError(f"{value!r} is not PROVIDER/NAME")
        return value


class AuditDesign(BaseModel):
    """Shared by every model of the sweep, so pair keys coincide across models."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    suites: tuple[str, ...] = ("code-security",)
    conditions: tuple[str, ...] = ()
    replicates: int = Field(1, ge=1, le=100_000)
    limit: int | None = Field(None, ge=1)
    seed: int = 0


class AuditedModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    endpoint: Endpoint | None = None
    not_audited: str | None = None
    run: str | None = None

    @model_validator(mode="after")
    def _one_of(self) -> AuditedModel:
        if (self.endpoint is None) == (self.not_audited is None):
            raise ValueError(f"{self.id}: give exactly one of endpoint or not_audited")
        if self.run is not None and self.endpoint is None:
            raise ValueError(f"{self.id}: a run needs an endpoint (the model that produced it)")
        return self

    @property
    def audited(self) -> bool:
        return self.endpoint is not None


class ModelsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    base: str
    audit: AuditDesign = AuditDesign(replicates=1, limit=None)
    models: tuple[AuditedModel, ...]

    @model_validator(mode="after")
    def _base_listed(self) -> ModelsFile:
        ids = [m.id for m in self.models]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"model(s) listed twice: {', '.join(dupes)}")
        base = next((m for m in self.models if m.id == self.base), None)
        if base is None or not base.audited:
            raise ValueError(f"the base {self.base!r} must be listed with an endpoint")
        return self

    @property
    def audited(self) -> tuple[AuditedModel, ...]:
        return tuple(m for m in self.models if m.audited)

    @property
    def not_audited(self) -> dict[str, str]:
        return {m.id: m.not_audited or "" for m in self.models if not m.audited}


def load_models_file(path: Path | str, *, tree_ids: set[str] | None = None, base: str | None = None
                     ) -> tuple[ModelsFile, Path]:
    """Parse and validate MODELS.yaml; with ``tree_ids``, every listed model must be in the tree, and with
    ``base`` it must match the file's. Returns the spec and the directory relative run paths start from."""
    import yaml

    path = Path(path)
    from redline.store.inputs import MAX_DEPTH, nesting_depth, read_text_bounded

    text = read_text_bounded(path, cap=MAX_FILE)
    if nesting_depth(text) > MAX_DEPTH:
        raise InputError(f"{path}: nested more than {MAX_DEPTH} levels deep")
    try:
        data: Any = yaml.safe_load(text)
    except (yaml.YAMLError, RecursionError) as exc:
        raise InputError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a mapping with base, audit and models")
    try:
        spec = ModelsFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "file"
        raise InputError(f"{path}: {where}: {first['msg']}") from None
    if base is not None and spec.base != base:
        raise InputError(f"{path}: base is {spec.base!r} but the command names {base!r}")
    if tree_ids is not None:
        stray = [m.id for m in spec.models if m.id not in tree_ids]
        if stray:
            raise InputError(f"{path}: not in the derivative tree of {spec.base}: {', '.join(stray)}")
    return spec, path.parent


def run_paths(spec: ModelsFile, root: Path) -> dict[str, Path]:
    """Model id -> run directory, for the audited models that name one."""
    return {m.id: (root / m.run if not Path(m.run).is_absolute() else Path(m.run))
            for m in spec.audited if m.run is not None}
