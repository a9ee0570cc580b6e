"""``redline judge``: judge a run again, or judge code / answers that did not come from redline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from redline.errors import InputError

MAX_INPUT_BYTES = 200 * 1024 * 1024


@click.group("judge")
def judge() -> None:
    """Judge a run's generations, or external JSONL files of code or answers."""


@judge.command("run")
@click.argument("run_dir", type=click.Path(file_okay=False))
@click.option("--judge-model", default=None, help="Also grade answers with this model (PROVIDER/NAME).")
@click.option("--judge-base-url", default=None, help="Endpoint of the judge model.")
@click.option("--judge-api-key-env", default=None, help="Variable holding the judge model's API key.")
@click.option("--judge-model-self-ok", is_flag=True, help="Allow --judge-model to be the run's audited model.")
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=200, show_default=True,
              help="Generations per judge batch (one Bandit and one Semgrep process each).")
@click.option("--sandbox", type=click.Choice(["auto", "namespace", "docker", "podman", "none"]), default="auto",
              show_default=True, help="Where generated code runs for exploit-verified verdicts.")
@click.option("--allow-unsafe-none", is_flag=True, help="Allow --sandbox none (model code runs unisolated).")
@click.option("--answer-judge", type=click.Choice(["rules", "rules+learned"]), default="rules", show_default=True,
              help="rules+learned: also the classifier built by `redline judges train-answers`.")
def judge_run_cmd(run_dir: str, judge_model: str | None, judge_base_url: str | None,
                  judge_api_key_env: str | None, judge_model_self_ok: bool, batch_size: int, sandbox: str,
                  allow_unsafe_none: bool, answer_judge: str) -> None:
    """(Re-)judge a run: only (trial, judge fingerprint) pairs not yet judged."""
    from redline.config import make_config
    from redline.pipeline.audit import judge_stage, model_judge
    from redline.store.run_dir import RunDir

    if sandbox == "none" and not allow_unsafe_none:
        raise click.UsageError("--sandbox none runs model-written code without isolation; add --allow-unsafe-none")
    rd = RunDir.open(run_dir)
    rd.generations()  # a broken file is reported before any judge loads
    extra = None
    if judge_model:
        audited = rd.manifest().config.get("model")
        extra = model_judge(make_config(judge_model=judge_model, judge_base_url=judge_base_url,
                                        judge_api_key_env=judge_api_key_env, judge_model_self_ok=judge_model_self_ok,
                                        model=audited if isinstance(audited, str) else None))
    with rd.lock():
        counts = judge_stage(rd, progress=False, judge_model=extra, batch_size=batch_size, sandbox=sandbox,
                             allow_unsafe_none=allow_unsafe_none, answer_judge=answer_judge)
    for name, count in counts.items():
        click.echo(f"{name}: {count} judged")
    agreement = rd.judge_agreement()
    if extra is not None and agreement is not None:
        click.echo(f"agreement with the rule judge: {json.dumps(agreement, indent=2, ensure_ascii=False, default=str)}")
    click.echo(str(rd.path))


def read_rows(path: str) -> list[dict[str, Any]]:
    """JSON objects from a JSONL file, read through the bounded reader; a broken line (bad JSON, NaN, nesting
    over the cap) is an error naming file:line, and lone surrogates become U+FFFD."""
    from redline.store.inputs import MAX_DEPTH, nesting_depth, read_bounded
    from redline.text import clean_text

    def no_constant(name: str) -> Any:
        raise ValueError(name)

    rows = []
    for number, raw in enumerate(read_bounded(path, cap=MAX_INPUT_BYTES).split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            if nesting_depth(text) > MAX_DEPTH:
                raise ValueError("too deep")
            obj = json.loads(clean_text(json.dumps(json.loads(text, parse_constant=no_constant),
                                                   ensure_ascii=False)))
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise InputError(f"{path}:{number}: not a JSON object") from None
        if not isinstance(obj, dict):
            raise InputError(f"{path}:{number}: not a JSON object")
        obj.setdefault("_line", number)
        rows.append(obj)
    return rows


def write_rows(rows: list[dict[str, Any]], out: str | None) -> None:
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if out:
        Path(out).write_text(lines, encoding="utf-8")
        click.echo(f"{len(rows)} rows -> {out}", err=True)
    else:
        click.echo(lines, nl=False)


@judge.command("code")
@click.argument("infile", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", default=None, help="Output JSONL (default: stdout).")
@click.option("--scope", type=click.Choice(["asked", "all"]), default="asked", show_default=True,
              help="asked: only findings related to a row's cwes/task count (rows without them: all); "
                   "all: every medium/high finding counts.")
def judge_code(infile: str, out: str | None, scope: str) -> None:
    """Judge code from a JSONL file: rows {id, code} or {id, response}, optional language, task, cwes."""
    rows = _strip_line(read_rows(infile))
    from redline.judges.code.judge import CodeSecurityJudge
    from redline.judges.code.rows import judge_code_rows
    from redline.suites.loader import builtin_suites, load_suite

    tasks = {c.id: c for c in load_suite(builtin_suites()["code-security"]).cases} \
        if "code-security" in builtin_suites() else {}
    write_rows(judge_code_rows(rows, tasks=tasks, judge=CodeSecurityJudge(scope=scope)), out)


@judge.command("answer")
@click.argument("infile", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", default=None, help="Output JSONL (default: stdout).")
@click.option("--answer-judge", type=click.Choice(["rules", "rules+learned"]), default="rules", show_default=True,
              help="rules+learned: also the classifier built by `redline judges train-answers`.")
def judge_answer(infile: str, out: str | None, answer_judge: str) -> None:
    """Label answers from a JSONL file: rows {id, response}, optional prompt, language, reasoning, topic."""
    rows = _strip_line(read_rows(infile))
    from redline.judges.answer.learned import LearnedAnswerModel, default_model_path
    from redline.judges.answer.rows import judge_answer_rows
    from redline.suites.loader import builtin_suites, load_suite

    learned = LearnedAnswerModel.load(default_model_path()) if answer_judge == "rules+learned" else None
    refs = load_suite(builtin_suites()["censorship"]).references if "censorship" in builtin_suites() else {}
    write_rows(judge_answer_rows(rows, references=refs, learned=learned), out)


def _strip_line(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k != "_line"} for r in rows]
