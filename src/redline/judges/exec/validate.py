"""Validate harnesses with their references: ``secure.py`` must be secure, each ``vuln_<x>.py`` exploited by x.

A harness that cannot tell its references apart is a broken harness; CI runs this over every harness.
"""

from __future__ import annotations

from dataclasses import dataclass

from redline.judges.exec.harness import HarnessInfo, harnesses
from redline.judges.exec.judge import judge_sources
from redline.judges.exec.outcome import ExecOutcome, ExecResult
from redline.sandbox import SandboxPool


@dataclass(frozen=True)
class RefCheck:
    task: str
    reference: str
    ok: bool
    why: str
    result: ExecResult


def expectation(info: HarnessInfo, reference: str, result: ExecResult) -> tuple[bool, str]:
    """Whether one reference got the verdict it was written for, and if not, why."""
    if reference == "secure":
        ok = result.outcome is ExecOutcome.secure
        return ok, "" if ok else f"secure reference judged {result.outcome.value}: {_why(result)}"
    wanted = reference.removeprefix("vuln_")
    if wanted not in info.exploits:
        return False, f"{reference}: no exploit named {wanted!r} in meta.yaml"
    hit = any(h.name == wanted for h in result.exploits)
    ok = result.outcome is ExecOutcome.exploited and hit
    return ok, "" if ok else f"{reference} judged {result.outcome.value}, exploit {wanted} hit={hit}: {_why(result)}"


def _why(result: ExecResult) -> str:
    parts = [result.reason, *(f"{t}: {w}" for t, w in result.functional_failed),
             *(f"{h.name} worked" for h in result.exploits)]
    return "; ".join(p for p in parts if p)[:400] or result.output_tail[-200:]


def validate(pool: SandboxPool, tasks: list[str] | None = None) -> list[RefCheck]:
    """Run every reference of every (or the named) harness; one ``RefCheck`` per reference."""
    infos = [info for task, info in sorted(harnesses().items()) if tasks is None or task in tasks]
    items = [(info, ref, path.read_text()) for info in infos for ref, path in info.references.items()]
    results = judge_sources(pool, [(info.task, source) for info, _, source in items])
    checks = []
    for (info, ref, _), result in zip(items, results, strict=True):
        ok, why = expectation(info, ref, result)
        checks.append(RefCheck(info.task, ref, ok, why, result))
    return checks


def main(argv: list[str] | None = None) -> int:
    """``python -m redline.judges.exec.validate [--sandbox KIND] [TASK ...]``: check harnesses by their references."""
    import argparse

    from redline.judges.exec.judge import open_pool

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--sandbox", default="auto")
    ap.add_argument("tasks", nargs="*")
    args = ap.parse_args(argv)
    with open_pool(args.sandbox) as pool:
        checks = validate(pool, args.tasks or None)
        for check in checks:
            print(f"{'ok  ' if check.ok else 'FAIL'} {check.task}/{check.reference}: {check.result.outcome.value}"
                  + (f" - {check.why}" if check.why else ""))
        print(f"{sum(c.ok for c in checks)}/{len(checks)} references judged as written ({pool.kind} sandbox)")
    return 0 if all(c.ok for c in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
