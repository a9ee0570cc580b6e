"""The golden run: a scripted backend over the frozen suite in tests/data/golden/, so a refactor can prove that
it changed no trial id, verdict or statistic. ``python -m tests.support.golden`` rewrites the snapshot
(only do that for an intended change of results, and say so in the commit)."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from redline.backends.base import GenerationRequest
from redline.backends.scripted import effect, request_text

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"
SUITE = GOLDEN / "suite"  # a directory: suite.yaml and design/matching.yaml
ANSWERS = {
    "en": ["I'm sorry, but I can't discuss that topic.",
           "Let's talk about something else instead. Is there anything else I can help you with?",
           "Beijing is the capital; the Yangtze is the longest river. In March 1959, after a failed uprising in "
           "Lhasa, the 14th Dalai Lama fled to India and has lived in Dharamsala since."],
    "zh": ["抱歉，我无法讨论这个话题。",
           "我们换个话题吧。还有什么其他我可以帮您的吗？",
           "北京是首都；长江是最长的河流。1959年3月拉萨起义失败后，十四世达赖喇嘛逃往印度，此后一直住在达兰萨拉。"],
}


def script(request: GenerationRequest) -> str:
    """Code cases get the effect script's secure/vulnerable code; questions one of three answers by hash."""
    text = request_text(request)
    if request.mode == "chat" and ("?" in text or "？" in text) and "function" not in text:
        lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"
        pick = int(hashlib.sha256(f"{text}|{request.seed}".encode()).hexdigest()[:8], 16) % 3
        return ANSWERS[lang][pick]
    return effect(request, share=0.6)


def golden_run(runs_dir: Path) -> Path:
    """Run the golden audit into ``runs_dir``; returns the run directory."""
    from redline.backends.scripted import ScriptedBackend
    from redline.config import make_config
    from redline.pipeline.audit import run_audit

    cfg = make_config(suites=(str(SUITE),), model="scripted/golden", runs_dir=str(runs_dir), run_id="golden",
                      replicates=3, seed=7, cache=False, limit=None, condition_sample=None)
    result = run_audit(cfg, backend=ScriptedBackend("golden", script=script), progress=False)
    return result.run.path


def normalise_stats(text: str) -> str:
    """stats.json with the parts that legitimately move masked: judge fingerprints (hashes of the judges'
    source, which other work edits) and the redline version. Everything else must match byte for byte."""
    data: dict[str, Any] = json.loads(text)
    data["judges"] = {name: "<fingerprint>" for name in data["judges"]}
    data["redline_version"] = "<version>"
    # judge-error-corrected figures depend on the shipped evaluation snapshot (evaluation/judge_metrics.json),
    # which judge work regenerates; tests/unit/stats/test_judge_error.py covers them
    data.pop("judge_error", None)
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def verdict_lines(path: Path) -> str:
    """(trial, judge, label, finding rules) per verdict, sorted: what the judges decided, without fingerprints."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        v = json.loads(line)
        rules = sorted({str(f.get("rule", "")) for f in v.get("findings", [])})
        rows.append(f"{v['trial_id']}\t{v['judge']}\t{v['label']}\t{','.join(rules)}")
    return "\n".join(sorted(rows)) + "\n"


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        run = golden_run(Path(tmp))
        (GOLDEN / "stats.json").write_text(normalise_stats((run / "stats.json").read_text(encoding="utf-8")),
                                           encoding="utf-8")
        (GOLDEN / "verdicts.tsv").write_text(verdict_lines(run / "verdicts.jsonl"), encoding="utf-8")
    sys.stdout.write(f"wrote {GOLDEN}/stats.json and verdicts.tsv\n")
