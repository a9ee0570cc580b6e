"""The ``redline`` command: a thin layer; each command lives in ``redline.commands`` and calls one library function.

Sub-commands are imported only when invoked, so ``redline --help`` stays light.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

import click

from redline import __version__

# command name -> "module:attr" of a click command; help text shown without importing the module
COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("redline.commands.run:run", "Run an audit: generate, judge, compute statistics, report."),
    "generate": ("redline.commands.stages:generate", "Generation stage only (resumable)."),
    "judge": ("redline.commands.judge:judge", "Judge a run, or judge code/answers from a JSONL file."),
    "judges": ("redline.commands.judges:judges", "Inspect and evaluate the judges on labelled data."),
    "stats": ("redline.commands.stages:stats", "Recompute statistics of a run from its verdicts."),
    "report": ("redline.commands.stages:report", "Write a run's report (html, md, json, sarif)."),
    "compare": ("redline.commands.compare:compare", "Compare runs of several models side by side."),
    "plan": ("redline.commands.plan:plan", "Generations needed to detect an effect (power analysis)."),
    "suites": ("redline.commands.suites:suites", "List, show and validate suites."),
    "runs": ("redline.commands.runs:runs", "List runs in a runs directory."),
    "query": ("redline.commands.query:query", "Run DuckDB SQL over runs' JSONL files."),
    "sweep": ("redline.commands.sweep:sweep", "Audit every model in a list (local or Ray), then compare them."),
    "adoption": ("redline.commands.adoption:adoption", "Download shares by developer country (Hugging Face Hub)."),
    "lineage": ("redline.commands.lineage:lineage", "A base model's derivative tree; with --audit, inheritance."),
    "serve": ("redline.commands.serve:serve", "Serve the embedded model as an OpenAI-compatible API on localhost."),
    "view": ("redline.commands.view:view", "Browse runs in a local web app (localhost only)."),
    "export": ("redline.commands.export:export", "Export a run: Parquet tables, an Inspect AI log, a HF dataset."),
    "config": ("redline.commands.config:config", "Audit files for run --config: validate, schema, of RUN."),
}


class LazyGroup(click.Group):
    """A group whose sub-commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name, (ref, _) in COMMANDS.items() if _available(ref)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, _, attr = COMMANDS[cmd_name][0].partition(":")
        command: click.Command = getattr(importlib.import_module(module), attr)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        from redline.commands.common import InputCommandError, as_click_error
        from redline.errors import RedlineError

        try:
            return super().invoke(ctx)
        except RedlineError as exc:
            raise as_click_error(exc) from None
        except click.UsageError as exc:  # one line, like every other input error
            where = exc.ctx.command_path if exc.ctx else "redline"
            raise InputCommandError(f"{exc.format_message()} (see '{where} --help')") from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List commands from the table's short help, without importing them."""
        rows = [(name, short) for name, (ref, short) in COMMANDS.items() if _available(ref)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _available(ref: str) -> bool:
    module = ref.partition(":")[0]
    return importlib.util.find_spec(module) is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="redline")
def cli() -> None:
    """redline: audit language models for politically triggered behaviour.

    Start with `redline run` (an audit of the embedded model), then `redline report RUN`.
    """


def main(argv: list[str] | None = None) -> Any:
    from redline.commands.common import run_cli

    return run_cli(cli, argv)


if __name__ == "__main__":
    main()
