"""Run configuration: the flat options the CLI takes (``RunConfig``) and the three typed specs a run is made of.

``AuditSpec`` is what is measured: its hash is the run id and a resumed run must match it exactly.
``ExecOptions`` is how it is executed (executor, concurrency, timeouts, retries): it never changes the run id.
``BackendSpec`` is how to reach one model, for the audited model and the judge model alike. API keys are held
by environment-variable NAME only.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from redline.errors import ConfigError
from redline.profiles import PROFILES

DEFAULT_SUITES = ("code-security", "censorship")
DEFAULT_ALPHA = 0.05
CODE_LANGUAGES = ("python", "javascript", "c")  # programming languages of the code-security tasks


def redline_home() -> Path:
    """State root (caches, model file); tests point ``REDLINE_HOME`` at a temp dir."""
    return Path(os.environ.get("REDLINE_HOME") or Path.home() / ".redline")


class BackendSpec(BaseModel):
    """How to reach one model: what ``redline.backends.factory.make_backend`` builds a backend from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    provider: str
    model: str  # the name after ``PROVIDER/``
    base_url: str | None = None
    base_urls: tuple[str, ...] = ()  # further endpoints serving the same model
    api_key_env: str | None = None
    timeout_s: float = 300.0
    concurrency: int | None = None  # None: the backend's own default
    threads: int | None = None  # embedded model: CPU threads (None: cores - 1)

    @property
    def model_id(self) -> str:
        return f"{self.provider}/{self.model}"

    def api_key(self) -> str | None:
        """The key's value, read at call time and never stored."""
        return read_key(self.api_key_env)


class AuditSpec(BaseModel):
    """What a run measures. Its hash is the run id; resuming a run requires an equal spec."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    suites: tuple[str, ...]
    model: str
    base_url: str | None = None
    replicates: int = 1
    limit: int | None = None
    conditions: tuple[str, ...] = ()
    condition_sample: int | None = None
    max_tokens: int = 256
    temperature: float = 0.0
    seed: int = 0
    code_mode: str = "auto"
    code_languages: tuple[str, ...] = ()  # programming languages of the code tasks; empty = all
    profile: str | None = None
    judge_model: str | None = None
    judge_base_url: str | None = None
    until_decided: bool = False
    max_trials: int | None = None
    rounds: int = 5
    alpha: float = DEFAULT_ALPHA

    def digest(self) -> str:
        # code_languages enters only when it narrows the run, so runs made before it existed keep their id
        data = self.model_dump(mode="json", exclude=set() if self.code_languages else {"code_languages"})
        if data["alpha"] == DEFAULT_ALPHA:  # added later: runs at the default alpha keep their ids
            del data["alpha"]
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:8]

    def run_id(self) -> str:
        """``<model slug>-<hash>``: the same audit resolves to the same run, whatever the execution options."""
        slug = re.sub(r"[^A-Za-z0-9]+", "-", self.model).strip("-").lower()[:40]
        return f"{slug}-{self.digest()}"

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> AuditSpec:
        """The spec of a stored manifest config (fields it lacks take their defaults)."""
        return cls.model_validate({k: config[k] for k in cls.model_fields if k in config})


class ExecOptions(BaseModel):
    """How a run is executed: none of these change its results or its run id."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    executor: str = "local"
    ray_address: str | None = None
    concurrency: int | None = None
    timeout_s: float = 300.0
    retries: int = 4
    backoff_s: float = 0.5
    cache: bool = True
    progress: bool = True
    sandbox: str = "auto"  # where generated code runs (the code-exec judge): auto|namespace|docker|podman|none
    allow_unsafe_none: bool = False


def check_key(name: str, value: str) -> str:
    """A key as read from variable ``name``: one line of printable ASCII, or a one-line error (never the key)."""
    if value != value.strip() or any(ch.isspace() for ch in value):
        raise ConfigError(f"--api-key-env: {name} holds whitespace (a CRLF .env file?); strip it and retry")
    if not value.isascii() or not value.isprintable():
        raise ConfigError(f"--api-key-env: {name} holds non-ASCII or control characters; check its value")
    return value


def read_key(var: str | None) -> str | None:
    """The value of the named key variable, read at call time; a named but unset variable is an error."""
    if not var:
        return None
    value = os.environ.get(var)
    if not value:
        raise ConfigError(f"--api-key-env: environment variable {var} is not set")
    from redline.text import register_secret

    register_secret(value)  # registered before the check: even a rejected key never reaches a file or the terminal
    return check_key(var, value)


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
    code_languages: tuple[str, ...] = ()  # --language: code tasks in these languages only; empty = all three
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
    judge_model_self_ok: bool = False  # allow the audited model to grade its own answers
    until_decided: bool = False  # sequential stopping: add rounds until every confirmatory contrast is decided
    max_trials: int | None = Field(None, ge=1)
    rounds: int = Field(5, ge=1, le=100)
    alpha: float = Field(DEFAULT_ALPHA, gt=0.0, lt=0.5)  # family-wise error rate; the sequential rule spends it
    judge: bool = True
    report: bool = True
    sandbox: str = "auto"  # execution option: see ExecOptions and docs/code-security-suite.md
    allow_unsafe_none: bool = False
    answer_judge: str = "rules"  # rules | rules+learned (the trained classifier; its digest is in the fingerprint)

    @field_validator("answer_judge")
    @classmethod
    def _answer_judge(cls, value: str) -> str:
        if value not in ("rules", "rules+learned"):
            raise ValueError("must be rules or rules+learned")
        return value

    @field_validator("model")
    @classmethod
    def _model_has_provider(cls, value: str) -> str:
        if "/" not in value and value not in ("embedded", "scripted"):
            raise ValueError("must be PROVIDER/NAME, e.g. openai/gpt-4o-mini or embedded/gemma-3-270m")
        return value

    @field_validator("model")
    @classmethod
    def _model_is_printable(cls, value: str) -> str:
        if not value.isprintable() or len(value) > 512:
            raise ValueError("must be printable, without control characters or line breaks, and at most 512 long")
        return value

    @field_validator("base_url", "judge_base_url", "base_urls")
    @classmethod
    def _url_credentials_are_secrets(cls, value: str | tuple[str, ...] | None) -> str | tuple[str, ...] | None:
        from redline.text import register_url_secrets

        for url in (value,) if value is None or isinstance(value, str) else value:
            register_url_secrets(url)
        return value

    @field_validator("suites", "conditions")
    @classmethod
    def _as_set(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        """``--suite X --suite X`` names one suite: a plan is a set, never sent twice."""
        return tuple(dict.fromkeys(value))

    @model_validator(mode="after")
    def _judge_is_not_audited(self) -> RunConfig:
        if self.judge_model and not self.judge_model_self_ok and same_model(self.judge_model, self.model):
            raise ValueError(f"--judge-model {self.judge_model} is the audited model itself (a model grading its "
                             "own answers is not a second opinion); pass --judge-model-self-ok to allow it")
        return self

    @field_validator("executor")
    @classmethod
    def _executor(cls, value: str) -> str:
        if value not in ("local", "ray"):
            raise ValueError("must be local or ray")
        return value

    @field_validator("sandbox")
    @classmethod
    def _sandbox(cls, value: str) -> str:
        if value not in ("auto", "namespace", "docker", "podman", "none"):
            raise ValueError("must be auto, namespace, docker, podman or none")
        return value

    @model_validator(mode="after")
    def _none_needs_opt_in(self) -> RunConfig:
        if self.sandbox == "none" and not self.allow_unsafe_none:
            raise ValueError("--sandbox none runs model-written code without isolation; add --allow-unsafe-none")
        return self

    @field_validator("code_mode")
    @classmethod
    def _mode(cls, value: str) -> str:
        if value not in ("auto", "instruct", "autocomplete"):
            raise ValueError("must be auto, instruct or autocomplete")
        return value

    @field_validator("code_languages")
    @classmethod
    def _code_languages(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        aliases = {"py": "python", "js": "javascript", "node": "javascript"}
        langs = {aliases.get(v.strip().lower(), v.strip().lower()) for v in value if v.strip()}
        unknown = sorted(langs - set(CODE_LANGUAGES))
        if unknown:
            raise ValueError(f"unknown language {unknown[0]!r} (python, javascript, c)")
        # every language is the same run as the default, so it keeps the default run id
        return () if langs == set(CODE_LANGUAGES) else tuple(sorted(langs))

    @property
    def provider(self) -> str:
        return self.model.split("/", 1)[0]

    @property
    def model_name(self) -> str:
        return self.model.split("/", 1)[1] if "/" in self.model else ""

    def api_key(self) -> str | None:
        """The key's value, read at call time and never stored."""
        return read_key(self.api_key_env)

    def audit_spec(self) -> AuditSpec:
        return AuditSpec.model_validate({k: getattr(self, k) for k in AuditSpec.model_fields})

    def exec_options(self, *, progress: bool = True) -> ExecOptions:
        return ExecOptions(executor=self.executor, ray_address=self.ray_address, concurrency=self.concurrency,
                           timeout_s=self.timeout_s, retries=self.retries, backoff_s=self.backoff_s,
                           cache=self.cache, progress=progress, sandbox=self.sandbox,
                           allow_unsafe_none=self.allow_unsafe_none)

    def backend_spec(self) -> BackendSpec:
        """The audited model's backend."""
        return BackendSpec(provider=self.provider, model=self.model_name, base_url=self.base_url,
                           base_urls=self.base_urls, api_key_env=self.api_key_env, timeout_s=self.timeout_s,
                           concurrency=self.concurrency, threads=self.threads)

    def judge_backend_spec(self) -> BackendSpec | None:
        """The model-graded judge's backend, when ``--judge-model`` is given."""
        if not self.judge_model:
            return None
        provider, _, name = self.judge_model.partition("/")
        return BackendSpec(provider=provider, model=name, base_url=self.judge_base_url,
                           api_key_env=self.judge_api_key_env, timeout_s=self.timeout_s,
                           concurrency=self.concurrency)

    def public(self) -> dict[str, Any]:
        """The config as stored in the manifest (no secret values exist in it by construction)."""
        return self.model_dump(mode="json")


def apply_profile(values: dict[str, Any]) -> dict[str, Any]:
    """Fill options the user did not set from the named profile (quick by default)."""
    name = values.get("profile") or "quick"
    if name not in PROFILES:
        raise ConfigError(f"--profile: unknown profile {name!r} ({', '.join(PROFILES)})")
    out = dict(values)
    out["profile"] = name
    for key, value in PROFILES[name].items():
        if out.get(key) is None:
            out[key] = value
    return out


# fields whose command-line option is not simply the field name with dashes
OPTION_NAMES = {"timeout_s": "--timeout", "backoff_s": "--backoff", "suites": "--suite",
                "base_urls": "--extra-base-url", "judge": "--no-judge", "report": "--no-report", "cache": "--no-cache"}


def same_model(a: str, b: str) -> bool:
    """Two PROVIDER/NAME ids for the same model (case and surrounding blanks ignored)."""
    return a.strip().lower() == b.strip().lower()


def make_config(**values: Any) -> RunConfig:
    from pydantic import ValidationError

    try:
        return RunConfig(**apply_profile({k: v for k, v in values.items() if v is not None}))
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else ""
        opt = OPTION_NAMES.get(field, "--" + field.replace("_", "-")) if field else "config"
        raise ConfigError(f"{opt}: {err['msg']}") from None
