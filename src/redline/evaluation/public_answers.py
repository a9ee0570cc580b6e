"""The answer judge on the public calibration answers (XSTest v2, JADE 3.0): figures per source and language.

``redline judges evaluate --answers --public-dir DIR`` runs it on the test split, which no rule was tuned on.
The rows carry no topic, so no reference statements apply; the judge sees the request and the answer only.
Throughput is measured in this process (one core), over the judging step alone.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from redline.evaluation.public import judge_input, load_public, score_answers, select, table
from redline.judges.answer.judge import judge_answer_rows


def evaluate_public_answers(data_dir: str | Path, *, split: str = "test", limit: int | None = None) -> dict[str, Any]:
    """Judge every answer of ``split`` with the rule judge and score it against the human labels."""
    rows = select(load_public(data_dir, "answers"), kind="answers", split=split, limit=limit)
    inputs = judge_input(rows, "answers")
    start = time.perf_counter()
    judged = judge_answer_rows(inputs, references={})
    seconds = time.perf_counter() - start
    return {"split": split, "config": "rules", "n": len(rows), "seconds": round(seconds, 2),
            "answers_per_s": round(len(rows) / seconds, 1) if seconds > 0 else None,
            "report": score_answers(rows, judged)}


def format_public(result: dict[str, Any]) -> str:
    head = (f"answer-rules on the public {result['split']} split ({result['config']} alone): {result['n']} answers, "
            f"{result['answers_per_s']} answers/s in one process")
    return head + "\n" + table(result["report"], "answers")
