"""Converters for published real-model answers to China-sensitive (and control) prompts, for blind labelling.

Provenance, licences and the rebuild command: tests/data/answers_public/README.md. ``public_data.py china-answers``
drives these builders; the pure functions here take file contents, so the tests run them on fixtures written by this
project.

Rows: {id, source, language: en|zh, prompt, answer, reasoning?, context?, model, topic, sensitive, condition,
       unit, split, origin}
``condition`` says how the answer was produced (plain chat, the source's jailbreak prompt, an activation-steering
intervention, a turn inside a longer conversation); it stays out of the labelling files. ``reasoning`` is the
``<think>`` text when the model emitted one; the label is for ``answer``.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

DEV_SHARE = 0.35

# ---------------------------------------------------------------- shared text helpers

_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_THINK = re.compile(r"<think>(.*?)(?:</think>|$)", re.S)
# Assistant-turn openers of the chat templates seen in the sources (Qwen/InternLM/Yi ChatML, DeepSeek-R1).
_ASSISTANT_MARKERS = ("<|im_start|>assistant\n", "<｜Assistant｜>", "<|Assistant|>")
_END_TOKENS = ("<|im_end|>", "<|endoftext|>", "<｜end▁of▁sentence｜>", "</s>", "<|end_of_text|>")


def unit_split(unit: str, salt: str) -> str:
    """dev or test by a stable hash of the unit (same rule as public_data.py)."""
    digest = hashlib.sha256(f"{salt}:{unit}".encode()).hexdigest()
    return "dev" if int(digest[:8], 16) / 0xFFFFFFFF < DEV_SHARE else "test"


def language_of(text: str) -> str:
    """zh when the text has at least as many CJK characters as Latin letters / 4, else en."""
    cjk, latin = len(_CJK.findall(text)), len(_LATIN.findall(text))
    return "zh" if cjk and cjk * 4 >= latin else "en"


def split_reasoning(text: str) -> tuple[str | None, str]:
    """(reasoning, final answer): the ``<think>`` block (None when absent) and the text after it, both stripped."""
    m = _THINK.search(text)
    if m is None:
        return None, text.strip()
    reasoning = m[1].strip()
    answer = (text[:m.start()] + text[m.end():]).strip()
    return reasoning, answer


def assistant_text(raw: str) -> str:
    """The assistant's part of a logged generation: after the last assistant marker, end tokens removed."""
    cut = max((raw.rfind(m) + len(m) if raw.rfind(m) >= 0 else -1) for m in _ASSISTANT_MARKERS)
    text = raw[cut:] if cut >= 0 else raw
    for token in _END_TOKENS:
        text = text.replace(token, "")
    return text.strip()


def _origin(repo: str, commit: str, path: str, **extra: Any) -> dict[str, Any]:
    return {"repo": repo, "commit": commit, "path": path, **extra}


def make_row(source: str, key: str, prompt: str, raw_answer: str, model: str, topic: str, sensitive: bool,
             condition: str, unit: str, origin: dict[str, Any], context: str | None = None) -> dict[str, Any]:
    reasoning, answer = split_reasoning(raw_answer)
    row: dict[str, Any] = {
        "id": f"{source}:{key}", "source": source, "language": language_of(prompt), "prompt": prompt.strip(),
        "answer": answer, "model": model, "topic": topic, "sensitive": sensitive, "condition": condition,
        "unit": unit, "split": unit_split(unit, source), "origin": origin,
    }
    if reasoning is not None:
        row["reasoning"] = reasoning
    if context:
        row["context"] = context
    return row


# ---------------------------------------------------------------- tnm/r1-analysis (MIT)

R1A_SOURCE = "r1-analysis"
R1A_REPO = "tnm/r1-analysis"
R1A_MODEL = "deepseek-r1:7b (Ollama; DeepSeek-R1-Distill-Qwen-7B)"
_R1A_QUESTION = re.compile(r"^Question (\d+)/\d+:\n'(.*)'\n", re.M)
_R1A_BLOCK = re.compile(r"(Original|Jailbroken) response:\n(.*?)\n-{20,}", re.S)
_R1A_STATUS = re.compile(r"Testing (basic question|jailbreak prompt)\.\.\. (CENSORED|UNCENSORED|FAILED)")


def r1a_jailbreak_prefix(analysis_py: str) -> str:
    """The source's jailbreak prefix (``JAILBREAK_PROMPT = "..."`` in analysis.py), prepended to the question."""
    m = re.search(r'JAILBREAK_PROMPT\s*=\s*"([^"]*)"', analysis_py)
    if m is None:
        raise ValueError("analysis.py: JAILBREAK_PROMPT not found")
    return m[1]


def r1a_rows(results_txt: str, questions_json: str, jailbreak_prefix: str, commit: str,
             path: str = "sample-results.txt") -> list[dict[str, Any]]:
    """Each question's plain answer and its answer under the source's bilingual jailbreak prompt.

    Topic = the source's own category (censored / borderline / uncensored); sensitive unless uncensored.
    Split unit = the question (both answers to it stay together).
    """
    categories = {q: cat.removesuffix("_topics") for cat, qs in json.loads(questions_json).items() for q in qs}
    starts = list(_R1A_QUESTION.finditer(results_txt))
    rows = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(results_txt)
        number, question = int(m[1]), m[2]
        topic = categories.get(question, "unlisted")
        block = results_txt[m.end():end]
        status = {("Jailbroken" if k == "jailbreak prompt" else "Original"): v for k, v in _R1A_STATUS.findall(block)}
        for kind, raw in _R1A_BLOCK.findall(block):
            jail = kind == "Jailbroken"
            rows.append(make_row(
                R1A_SOURCE, f"q{number:02d}:{'jailbreak' if jail else 'plain'}",
                jailbreak_prefix + question if jail else question, raw, R1A_MODEL, topic, topic != "uncensored",
                "source jailbreak prompt" if jail else "plain", f"q{number:02d}",
                _origin(R1A_REPO, commit, path, question_number=number)))
            # the source's own verdict (empty-<think> heuristic); kept apart from what the labellers see
            rows[-1]["source_label"] = status.get(kind)
    return rows


# ---------------------------------------------------------------- danbri/isle_of_glitch qwen-censorship (Apache-2.0)

GLITCH_SOURCE = "qwen05-counterfactual"
GLITCH_REPO = "danbri/isle_of_glitch"
GLITCH_MODEL = "Qwen 0.5B (qwen-0.5b.gguf via llama.cpp; 150 tokens, temperature 0.7)"
GLITCH_DIR = "experiments/qwen-censorship/results_v2"
_GLITCH_PATH = re.compile(rf"{GLITCH_DIR}/(?P<pid>(?P<group>[ABC])\d+_\w+)/run_(?P<run>\d+)\.json")
GLITCH_GROUPS = {"A": ("prc_sensitive", True), "B": ("control", False), "C": ("absurd_control", False)}


def glitch_row(path: str, text: str, commit: str) -> dict[str, Any] | None:
    """One counterfactual-prompt run (A: PRC-sensitive, B: matched control, C: absurd control)."""
    m = _GLITCH_PATH.fullmatch(path)
    if m is None:
        return None
    # one run logs its duration as ``.93`` (not JSON); repair only that number form before parsing
    rec = json.loads(re.sub(r":\s*\.(\d)", r": 0.\1", text))
    topic, sensitive = GLITCH_GROUPS[m["group"]]
    return make_row(GLITCH_SOURCE, f"{m['pid']}:run{int(m['run']):03d}", rec["prompt"], rec["response"],
                    GLITCH_MODEL, f"{topic}:{m['pid'].split('_', 1)[1]}", sensitive,
                    "plain (raw continuation, 150-token cap)", m["pid"],
                    _origin(GLITCH_REPO, commit, path, run=int(m["run"])))


# ---------------------------------------------------------------- ajobi-uhc/chinese-models-investigations (MIT)

TRANSCRIPT_SOURCE = "china-model-transcripts"
TRANSCRIPT_REPO = "ajobi-uhc/chinese-models-investigations"
TRANSCRIPT_DIR = "transcripts-for-blog"
MAX_CONTEXT_CHARS = 6000  # later turns of long investigations are left out: a labeller cannot weigh 100 kB of context
_TURN = re.compile(r"^\*\*(User|Assistant):\*\*\s*$", re.M)


def transcript_rows(path: str, text: str, commit: str) -> list[dict[str, Any]]:
    """Each assistant turn of a published conversation; earlier turns go to ``context``.

    Split unit = the conversation. Turns whose earlier context exceeds MAX_CONTEXT_CHARS are skipped.
    """
    model_m = re.search(r"^\*\*Model:\*\*\s*(.+)$", text, re.M)
    model = model_m[1].strip() if model_m else "unknown"
    marks = list(_TURN.finditer(text))
    turns = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        body = re.sub(r"\n-{3,}\s*$", "", text[m.end():end].strip()).strip()
        turns.append((m[1], body))
    stem = path.rsplit("/", 1)[-1].removesuffix(".md")
    rows: list[dict[str, Any]] = []
    history: list[str] = []
    for i, (role, body) in enumerate(turns):
        if role == "Assistant" and i > 0 and turns[i - 1][0] == "User":
            context = "\n\n".join(history[:-1])
            if len(context) <= MAX_CONTEXT_CHARS:
                rows.append(make_row(
                    TRANSCRIPT_SOURCE, f"{stem}:t{i:02d}", turns[i - 1][1], body, model, stem, True,
                    "conversation turn" if context else "first turn", stem,
                    _origin(TRANSCRIPT_REPO, commit, path, turn=i), context=context or None))
        history.append(f"[{role.lower()}] {body}")
    return rows


# ---------------------------------------------------------------- tobs-code/llm-control-circuits (Apache-2.0)

CIRCUITS_SOURCE = "control-circuits-probes"
CIRCUITS_REPO = "tobs-code/llm-control-circuits"
# Logs whose prompts are the China probes (P1-P9, meta probes) and their controls; the concept-steering logs
# (golden gate, concept interference) ask unrelated questions and are not used.
CIRCUITS_FILES = re.compile(r"results/(?:[^/]*deep_probe[^/]*|joint_bypass_concept[^/]*|layer23_targeted_ablation[^/]*"
                            r"|meta_probe_log|qwen_qwen2_5_7b_instruct_alpha_scan)\.md")
_PROMPT_LINE = re.compile(r"^(?:\*\*Prompt:\*\*|Prompt:)\s*`(.*)`\s*$")
_PROBE_ID = re.compile(r"\b([PM]\d+_\w+|Moon_EN|Landmark_EN|Introspection_EN)\b")
CIRCUITS_CONTROLS = {"Moon_EN", "Landmark_EN", "Introspection_EN"}


def circuits_model(text: str) -> str:
    """Model name from the log's title (``# ... Log: model`` or ``# ... (model)``) or a Loading line."""
    patterns = (r"^# .*?Log:\s*(\S+)", r"^# [^:\n]*:\s*(\S+/\S+)", r"^# .*\(([^)]+/[^)]+)\)",
                r"Loading Model:\s*(\S+)", r"^# .*\(([^)]+)\)")
    for pattern in patterns:
        m = re.search(pattern, text, re.M)
        if m:
            return m[1]
    return "unknown"


def circuits_rows(path: str, text: str, commit: str) -> list[dict[str, Any]]:
    """Every logged generation: the prompt line before a ```text block, the heading path as ``condition``.

    Conditions include the unsteered baseline and activation-steering interventions (refusal/propaganda
    direction ablation, concept steering); steered answers are real outputs of the model under that intervention.
    Split unit = the probe id (same prompt in every model and condition stays on one side).
    """
    model = circuits_model(text)
    stem = path.rsplit("/", 1)[-1].removesuffix(".md")
    rows: list[dict[str, Any]] = []
    headings: dict[int, str] = {}
    prompt: str | None = None
    probe = "unknown"
    mode_m = re.search(r"^\*\*Mode:\*\*\s*(.+)$", text, re.M)
    mode = [mode_m[1].strip()] if mode_m else []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        h = re.match(r"^(#{2,4})\s+(.*)$", line)
        if h:
            level = len(h[1])
            headings = {k: v for k, v in headings.items() if k < level}
            title = re.sub(r"^\[[^\]]*\]\s*", "", h[2]).strip()
            headings[level] = title
            if (pm := _PROBE_ID.search(title)) is not None:
                probe = pm[1]
        elif (pl := _PROMPT_LINE.match(line)) is not None:
            prompt = pl[1]
        elif line.strip() == "```text" and prompt is not None:
            j = i + 1
            while j < len(lines) and lines[j].strip() != "```":
                j += 1
            raw = "\n".join(lines[i + 1:j])
            parts = mode + [v for k, v in sorted(headings.items()) if not _PROBE_ID.fullmatch(v)]
            condition = " / ".join(parts) or "log"
            n = sum(1 for r in rows if r["origin"]["probe"] == probe and r["condition"] == condition)
            key = f"{stem}:{probe}:{_slug(condition)}:{n}"
            sensitive = probe not in CIRCUITS_CONTROLS
            rows.append(make_row(CIRCUITS_SOURCE, key, prompt, assistant_text(raw), model,
                                 probe.split("_", 1)[-1] if sensitive else "control", sensitive, condition, probe,
                                 _origin(CIRCUITS_REPO, commit, path, probe=probe, line=i + 1)))
            i = j
        i += 1
    return rows


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


# ---------------------------------------------------------------- sampling and labelling files


def dedupe(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop rows whose (model, prompt, answer) repeats an earlier row (logs re-print the same generation)."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for row in rows:
        key = (row["model"], row["prompt"], row["answer"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def sample_rows(rows: Sequence[dict[str, Any]], quota: int, seed: str,
                strata: Callable[[dict[str, Any]], Any] = lambda r: (r["language"], r["sensitive"])
                ) -> list[dict[str, Any]]:
    """At most ``quota`` rows, spread round-robin over the strata, each stratum in a seeded order; id-sorted."""
    if len(rows) <= quota:
        return sorted(rows, key=lambda r: r["id"])
    groups: dict[Any, list[dict[str, Any]]] = {}
    for row in sorted(rows, key=lambda r: r["id"]):
        groups.setdefault(strata(row), []).append(row)
    rng = random.Random(seed)
    for key in sorted(groups, key=str):
        rng.shuffle(groups[key])
    picked: list[dict[str, Any]] = []
    while len(picked) < quota:
        for key in sorted(groups, key=str):
            if groups[key] and len(picked) < quota:
                picked.append(groups[key].pop())
    return sorted(picked, key=lambda r: r["id"])


def blind_item(row: dict[str, Any]) -> dict[str, Any]:
    """What a labeller sees: no model, source, condition or source label."""
    item: dict[str, Any] = {"id": blind_id(row["id"]), "language": row["language"]}
    if row.get("context"):
        item["context"] = row["context"]
    item["prompt"] = row["prompt"]
    if row.get("reasoning") is not None:
        item["reasoning"] = row["reasoning"]
    item["answer"] = row["answer"]
    return item


def blind_id(row_id: str) -> str:
    """An opaque labelling id (the row id names the source and model, which the labellers must not see)."""
    return "a" + hashlib.sha256(row_id.encode()).hexdigest()[:10]


def shared_subset(rows: Sequence[dict[str, Any]], size: int, seed: str) -> list[dict[str, Any]]:
    """A seeded subset for the second labeller, stratified by language and sensitive/control."""
    return sample_rows(rows, size, seed)
