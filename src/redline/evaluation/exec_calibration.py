"""The static code judge against exploit-verified verdicts, off-line: over the harnesses' reference programs
and over the hand-labelled model output (``code_model_written``), the same comparison every sandboxed run
reports for its own code.

References have a known answer (``secure.py`` must not be exploited, ``vuln_<exploit>.py`` must be), so they
also check the harnesses; on model output the hand label is compared with both judges. Code runs only in the
sandbox (``redline.judges.exec``), never in this process.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from redline.judges.base import JudgeInput
from redline.records import Generation, Trial

REFERENCE = {"exploited": True, "secure": False}  # exploit-verified outcomes with a clean verdict
STATIC = {"vulnerable": True, "secure": False}


def confusion(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """(static label, exploit-verified label) -> TP/FP/FN/TN, sensitivity, specificity, and what was left out."""
    cells: Counter[str] = Counter()
    left: Counter[str] = Counter()
    for static, dynamic in pairs:
        if static in STATIC and dynamic in REFERENCE:
            cells[("tp" if REFERENCE[dynamic] else "fp") if STATIC[static] else
                  ("fn" if REFERENCE[dynamic] else "tn")] += 1
        else:
            left[dynamic if dynamic not in REFERENCE else f"static:{static}"] += 1
    tp, fp, fn, tn = (cells[k] for k in ("tp", "fp", "fn", "tn"))
    return {"n": tp + fp + fn + tn, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "sensitivity": tp / (tp + fn) if tp + fn else None, "specificity": tn / (tn + fp) if tn + fp else None,
            "left_out": dict(sorted(left.items()))}


def _instruct_input(item_id: str, case: Any, suite: Any, source: str) -> JudgeInput:
    trial = Trial(trial_id=item_id, pair_key=item_id, suite=suite.name, suite_hash=suite.hash, case_id=case.id,
                  condition_id="baseline", condition_group="baseline", replicate=0, mode="chat")
    gen = Generation(trial_id=item_id, pair_key=item_id, suite=suite.name, case_id=case.id,
                     condition_id="baseline", replicate=0, text=f"```{case.code_language}\n{source}```\n")
    return JudgeInput(generation=gen, trial=trial, case=case)


def evaluate_exec(data_dir: Path | None, *, sandbox: str = "auto", allow_none: bool = False) -> dict[str, Any]:
    """Static vs exploit-verified verdicts on the references (and the labelled model output under ``data_dir``)."""
    from redline.judges.code.judge import CodeSecurityJudge
    from redline.judges.exec.harness import harnesses
    from redline.judges.exec.judge import CodeExecJudge
    from redline.suites.loader import resolve_suite

    suite = resolve_suite("code-security")
    static_judge = CodeSecurityJudge()
    exec_judge = CodeExecJudge(sandbox=sandbox, allow_none=allow_none)
    out: dict[str, Any] = {"sandbox": exec_judge.sandbox_used, "static_judge": static_judge.name,
                           "exec_judge": exec_judge.name}
    if exec_judge.sandbox_used == "unavailable":
        out["error"] = f"no sandbox: {exec_judge.unavailable_reason}"
        return out
    try:
        refs: list[tuple[str, bool, JudgeInput]] = []  # (reference, should be exploited, input)
        for task, info in sorted(harnesses().items()):
            case = suite.case(task)
            for name, path in sorted(info.references.items()):
                refs.append((f"{task}/{name}", name != "secure",
                             _instruct_input(f"{task}/{name}", case, suite, path.read_text(encoding="utf-8"))))
        inputs = [i for _, _, i in refs]
        static = [v.label for v in static_judge.judge(inputs)]
        dynamic = [v.label for v in exec_judge.judge(inputs)]
        wrong = [ref for (ref, vuln, _), d in zip(refs, dynamic, strict=True)
                 if d != ("exploited" if vuln else "secure")]
        out["references"] = {"n": len(refs), "harness_disagrees": wrong,
                             "static_vs_exec": confusion(zip(static, dynamic, strict=True)),
                             "static_vs_truth": confusion((s, "exploited" if vuln else "secure")
                                                          for s, (_, vuln, _) in zip(static, refs, strict=True))}
        languages = [i.case.code_language if i.case is not None else "python" for _, _, i in refs]
        out["references"]["by_language"] = {
            lang: {"n": languages.count(lang),
                   "harness_disagrees": [r for (r, _, _), x in zip(refs, languages, strict=True)
                                         if x == lang and r in wrong],
                   "static_vs_exec": confusion((s, d) for s, d, x in zip(static, dynamic, languages, strict=True)
                                               if x == lang),
                   "static_vs_truth": confusion((s, "exploited" if vuln else "secure")
                                                for s, (_, vuln, _), x in zip(static, refs, languages, strict=True)
                                                if x == lang)}
            for lang in sorted(set(languages))}
        written = (data_dir / "code_model_written") if data_dir is not None else None
        if written is not None and written.is_dir():
            out["model_written"] = _model_written(written, static_judge, exec_judge)
    finally:
        exec_judge.close()
    return out


def _model_written(directory: Path, static_judge: Any, exec_judge: Any) -> dict[str, Any]:
    from redline.evaluation.model_written import _inputs, load_items
    from redline.judges.exec.harness import harnesses

    sets: dict[str, Any] = {}
    for path in sorted(directory.glob("*.yaml")):
        items = [i for i in load_items(path) if i.get("task") in harnesses()]
        inputs = _inputs(items)
        static = [v.label for v in static_judge.judge(inputs)]
        dynamic = [v.label for v in exec_judge.judge(inputs)]
        hand = [str(i["label"]) for i in items]
        sets[path.stem] = {"n": len(items), "exec_outcomes": dict(sorted(Counter(dynamic).items())),
                           "static_vs_exec": confusion(zip(static, dynamic, strict=True)),
                           "hand_vs_exec": confusion(zip(hand, dynamic, strict=True))}
    return sets


def format_exec(result: dict[str, Any]) -> str:
    def pct(x: Any) -> str:
        return f"{100 * x:.1f}%" if isinstance(x, float) else "n/a"

    def row(name: str, c: dict[str, Any]) -> str:
        return (f"  {name:<28} n={c['n']:<4} TP {c['tp']} FP {c['fp']} FN {c['fn']} TN {c['tn']}  "
                f"sensitivity {pct(c['sensitivity'])}  specificity {pct(c['specificity'])}")

    lines = [f"static judge vs exploit-verified verdicts (sandbox: {result.get('sandbox')})"]
    if "error" in result:
        return "\n".join([*lines, f"  {result['error']}"])
    refs = result["references"]
    lines += [f"references ({refs['n']} programs; harness disagrees on {len(refs['harness_disagrees'])})",
              row("static vs exploit-verified", refs["static_vs_exec"]),
              row("static vs reference truth", refs["static_vs_truth"])]
    for lang, part in refs.get("by_language", {}).items():
        lines += [f"  {lang} ({part['n']} programs; harness disagrees on {len(part['harness_disagrees'])})",
                  row(f"  {lang}: static vs exploit-verified", part["static_vs_exec"])]
    for name, s in result.get("model_written", {}).items():
        lines += [f"model-written {name} ({s['n']} programs with a harness; outcomes "
                  + ", ".join(f"{k} {v}" for k, v in s["exec_outcomes"].items()) + ")",
                  row("static vs exploit-verified", s["static_vs_exec"]),
                  row("hand label vs exploit-verified", s["hand_vs_exec"])]
    return "\n".join(lines)
