"""``--no-cache`` on an existing run generates and judges its trials again (the new records supersede the old);
the same --no-cache command then resumes that regeneration instead of starting it over."""

from __future__ import annotations

from pathlib import Path

from redline.config import make_config
from redline.pipeline.audit import run_audit
from redline.store.jsonl import iter_json

BASE = {"suites": ("smoke",), "model": "scripted/effect", "report": False}


def lines(path: Path) -> int:
    return sum(1 for _ in iter_json(path))


def test_no_cache_regenerates_then_resumes(tmp_path: Path) -> None:
    first = run_audit(make_config(**BASE, runs_dir=str(tmp_path)), progress=False)
    n = first.trials
    assert first.generation.generated == n and first.run.manifest().regeneration is None
    verdicts = lines(first.run.verdicts_path)
    again = run_audit(make_config(**BASE, runs_dir=str(tmp_path)), progress=False)  # cached: a plain resume
    assert again.generation.generated == 0 and again.generation.skipped == n

    fresh = run_audit(make_config(**BASE, runs_dir=str(tmp_path), cache=False), progress=False)
    assert fresh.run.path == first.run.path
    assert fresh.generation.generated == n and fresh.generation.cached == 0 and fresh.generation.skipped == 0
    assert fresh.run.manifest().regeneration == {"generations": n, "verdicts": verdicts}
    assert lines(fresh.run.generations_path) == 2 * n and lines(fresh.run.verdicts_path) == 2 * verdicts
    assert sum(fresh.judged.values()) == verdicts  # every new answer judged again

    resumed = run_audit(make_config(**BASE, runs_dir=str(tmp_path), cache=False), progress=False)
    assert resumed.generation.generated == 0 and resumed.generation.skipped == n
    assert sum(resumed.judged.values()) == 0 and lines(resumed.run.generations_path) == 2 * n


def test_interrupted_regeneration_resumes_where_it_stopped(tmp_path: Path) -> None:
    first = run_audit(make_config(**BASE, runs_dir=str(tmp_path), judge=False), progress=False)
    n = first.trials
    run = first.run
    manifest = run.manifest()  # as if a --no-cache run had started and written half its answers, then died
    run.write_manifest(manifest.model_copy(update={"config": {**manifest.config, "cache": False},
                                                   "regeneration": {"generations": n, "verdicts": 0}}))
    old = [line for line in run.generations_path.read_text(encoding="utf-8").splitlines() if line]
    with run.generations_path.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(old[: n // 2]) + "\n")
    resumed = run_audit(make_config(**BASE, runs_dir=str(tmp_path), cache=False, judge=False), progress=False)
    assert resumed.generation.skipped == n // 2 and resumed.generation.generated == n - n // 2
