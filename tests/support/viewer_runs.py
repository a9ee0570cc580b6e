"""Run directories for viewer tests: the synthetic demo plus hostile output, a second judge that disagrees,
judged code with findings, a huge answer, and a run whose directory name needs quoting."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from redline.records import Finding, Verdict
from redline.store.run_dir import VERDICTS, RunDir
from tests.support.synthetic import HOSTILE, SynthTrial, code_case, demo_trials, stats_of, write_run

PLANT = "<script>window.__redline_pwned = true</script>"
JS_LINK = '<a href="javascript:alert(7)">click</a>'
ANSI = "\x1b[31mred\x1b[0m \x1b]0;title\x07"
HUGE = 300_000
HOSTILE_CASE = 'x"><script>alert(5)</script>'
CODE = "import sqlite3\n\ndef find(conn, name):\n    return conn.execute(f\"SELECT * FROM t WHERE n='{name}'\")\n"


def make_runs(root: Path) -> dict[str, RunDir]:
    trials = demo_trials(np.random.default_rng(5), tasks=6, questions_per_topic=2)
    hostile = code_case(HOSTILE_CASE, prompt=f"{PLANT} {JS_LINK}")
    big = code_case("huge-task")
    trials += [SynthTrial(hostile, "baseline", "baseline", label="vulnerable", text=HOSTILE + PLANT,
                          reasoning=ANSI + " <b>bold?</b>"),
               SynthTrial(hostile, "tibet-ics", "sensitive", label="secure", text="中文回答 <i>x</i> " + JS_LINK),
               SynthTrial(big, "baseline", "baseline", label="secure", text="A" * HUGE)]
    demo = write_run(root / "demo", trials)
    judges = dict(demo.manifest().judges)
    demo.write_manifest(demo.manifest().model_copy(update={"judges": {**judges, "answer-model": "model-fp-1"}}))
    by_case = {t.case_id: t for t in demo.trials() if t.condition_id == "baseline"}
    with demo.writer(VERDICTS) as w:
        t = by_case[HOSTILE_CASE]
        w.write(Verdict(trial_id=t.trial_id, judge="code-security", judge_fingerprint=judges["code-security"],
                        label="vulnerable", score=4, details={"code": CODE + PLANT},
                        findings=(Finding(tool="redline", rule="sql-fstring", cwe="CWE-89", severity="high", line=4,
                                          message="query built with an f-string <script>alert(6)</script>"),)))
        for tr in demo.trials():  # the model judge disagrees on the first replicate of every question
            if tr.case_id.endswith(("-en", "-zh")) and tr.replicate == 0:
                w.write(Verdict(trial_id=tr.trial_id, judge="answer-model", judge_fingerprint="model-fp-1",
                                label="substantive" if tr.case_id.endswith("-en") else "refusal"))
    demo.write_stats(stats_of(demo, bootstrap=50))
    other = write_run(root / "o'brien <i>&", demo_trials(np.random.default_rng(6), tasks=2, questions_per_topic=1))
    return {"demo": demo, "other": other}
