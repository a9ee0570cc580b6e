"""Run configuration: one validated object; API keys are held by environment-variable NAME only."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from redline.errors import ConfigError

PROFILES: dict[str, dict[str, Any]] = {
    # quick: the default run of the embedded model on 2 cores, a few minutes
    "quick": {"limit": 6, "replicates": 1, "max_tokens": 160, "condition_sample": 4},
    "standard": {"limit": 20, "replicates": 2, "max_tokens": 512, "condition_sample": None},
    "full": {"limit": None, "replicates": 5, "max_tokens": 1024, "condition_sample": None},
}
DEFAULT_SUITES = ("code-security", "censorship")


def redline_home() -> Path:
    """State root (caches, model file); tests point ``REDLINE_HOME`` at a temp dir."""
    return Path(os.environ.get("REDLINE_HOME") or Path.home() / ".redline")


class RunConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    suites: tuple[str, ...] = DEFAULT_SUITES
    model: str = "embedded/gemma-3-270m"
    base_url: str | None = None
    api_key_env: str | None = None
    replicates: int = Field(1, ge=1, le=100_000)
    limit: int | None = Field(None, ge=1)
    conditions: tuple[str, ...] = ()
    condition_sample: int | None = Field(None, ge=0)
    max_tokens: int = Field(256, ge=1, le=65536)
    temperature: float = Field(0.0, ge=0.0, le=2.0)
    seed: int = 0
    concurrency: int | None = Field(None, ge=1, le=1024)
    threads: int | None = Field(None, ge=1, le=1024)  # embedded model: CPU threads (default cores - 1)
    code_mode: str = "auto"
    run_id: str | None = None
    runs_dir: str = "runs"
    fresh: bool = False
    cache: bool = True
    profile: str | None = None
    timeout_s: float = Field(300.0, gt=0)
    retries: int = Field(4, ge=0, le=50)
    backoff_s: float = Field(0.5, ge=0.0, le=60.0)
    executor: str = "local"  # local (asyncio) or ray
    ray_address: str | None = None
    base_urls: tuple[str, ...] = ()  # extra endpoints to load-balance over (ray executor)
    judge_model: str | None = None  # optional model-graded answer judge, PROVIDER/NAME
    judge_base_url: str | None = None
    judge_api_key_env: str | None = None
    until_decided: bool = False  # sequential stopping: add rounds until every confirmatory contrast is decided
    max_trials: int | None = Field(None, ge=1)
    rounds: int = Field(5, ge=1, le=100)
    judge: bool = True
    report: bool = True

    @field_validator("model")
    @classmethod
    def _model_has_provider(cls, value: str) -> str:
        if "/" not in value and value not in ("embedded", "scripted"):
            raise ValueError("must be PROVIDER/NAME, e.g. openai/gpt-4o-mini or embedded/gemma-3-270m")
        return value

    @field_validator("executor")
    @classmethod
    def _executor(cls, value: str) -> str:
        if value not in ("local", "ray"):
            raise ValueError("must be local or ray")
        return value

    @field_validator("code_mode")
    @classmethod
    def _mode(cls, value: str) -> str:
        if value not in ("auto", "instruct", "autocomplete"):
            raise ValueError("must be auto, instruct or autocomplete")
        return value

    @property
    def provider(self) -> str:
        return self.model.split("/", 1)[0]

    @property
    def model_name(self) -> str:
        return self.model.split("/", 1)[1] if "/" in self.model else ""

    def api_key(self) -> str | None:
        """The key's value, read at call time and never stored."""
        if not self.api_key_env:
            return None
        value = os.environ.get(self.api_key_env)
        if not value:
            raise ConfigError(f"--api-key-env: environment variable {self.api_key_env} is not set")
        return value

    def public(self) -> dict[str, Any]:
        """The config as stored in the manifest (no secret values exist in it by construction)."""
        return self.model_dump(mode="json")


def apply_profile(values: dict[str, Any]) -> dict[str, Any]:
    """Fill options the user did not set from the named profile (quick by default)."""
    name = values.get("profile") or "quick"
    if name not in PROFILES:
        raise ConfigError(f"--profile: unknown profile {name!r} (quick, standard, full)")
    out = dict(values)
    out["profile"] = name
    for key, value in PROFILES[name].items():
        if out.get(key) is None:
            out[key] = value
    return out


def make_config(**values: Any) -> RunConfig:
    from pydantic import ValidationError

    try:
        return RunConfig(**apply_profile({k: v for k, v in values.items() if v is not None}))
    except ValidationError as exc:
        err = exc.errors()[0]
        opt = "--" + str(err["loc"][0]).replace("_", "-") if err["loc"] else "config"
        raise ConfigError(f"{opt}: {err['msg']}") from None
