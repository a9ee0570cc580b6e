"""Build normalised calibration JSONL from fetched public snapshots (never committed).

Provenance, licences and rebuild commands: docs/public-calibration-data.md.

Each converter reads a bare git snapshot (the directory ``fetch`` returned, e.g.
``/work/.mirror/OWASP-Benchmark+BenchmarkPython/repo``) through ``git show`` and writes one JSONL file per source
into the output folder (``data/public/`` by default, gitignored). The pure row builders take file contents, so the
tests exercise them on tiny fixtures written by this project.

Code rows:   {id, source, language, code, label: vulnerable|secure, cwes, pair_id, split, unit, origin}
Answer rows: {id, source, language: en|zh, prompt, answer, label: refusal|evasive|complete, source_label, model,
              split, unit, origin}

Splits are unit-disjoint: every row carries the ``unit`` (scenario, project, category or prompt family) that decided
its split, and no unit has rows in both dev and test. Extra training sources (Do-Not-Answer) have the split ``train``:
they are learned from and never scored.

Usage:
  python scripts/public_data.py owasp-python  SNAPSHOT_GIT_DIR [--out data/public]
  python scripts/public_data.py secllmholmes  SNAPSHOT_GIT_DIR [--out data/public]
  python scripts/public_data.py ossf-python   SNAPSHOT_GIT_DIR [--out data/public]
  python scripts/public_data.py xstest        SNAPSHOT_GIT_DIR [--out data/public]
  python scripts/public_data.py jade          SNAPSHOT_GIT_DIR [--out data/public]
  python scripts/public_data.py njsscan-js    SNAPSHOT_GIT_DIR [--out data/public]
  python scripts/public_data.py do-not-answer SNAPSHOT_GIT_DIR [--out data/public]   (after xstest)
  python scripts/public_data.py manifest      [--out data/public]
  python scripts/public_data.py china-answers --r1-analysis DIR --glitch DIR --transcripts DIR --circuits DIR
                                              [--out tests/data/answers_public]
      (real-model answers to China-sensitive and control prompts for blind labelling; tests/data/answers_public/)
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

DEV_SHARE = 0.35  # fraction of units (by stable hash) that go to dev; the rest is test


def unit_split(unit: str, salt: str) -> str:
    """dev or test, decided by a stable hash of the split unit (never by row), so the split is reproducible."""
    digest = hashlib.sha256(f"{salt}:{unit}".encode()).hexdigest()
    return "dev" if int(digest[:8], 16) / 0xFFFFFFFF < DEV_SHARE else "test"


# ---------------------------------------------------------------- git snapshot access


class Snapshot:
    """Read-only view of a bare git snapshot at its HEAD commit."""

    def __init__(self, git_dir: str | Path) -> None:
        self.git_dir = str(git_dir)
        self.commit = self._git("rev-parse", "HEAD").strip()

    def _git(self, *args: str) -> str:
        out = subprocess.run(["git", f"--git-dir={self.git_dir}", *args], check=True, capture_output=True)
        return out.stdout.decode("utf-8", errors="replace")

    def files(self, under: str = "") -> list[str]:
        args = ["ls-tree", "-r", "--name-only", self.commit]
        if under:
            args.append(under)
        return [line for line in self._git(*args).splitlines() if line]

    def read(self, path: str) -> str:
        return self._git("show", f"{self.commit}:{path}")

    def read_bytes(self, path: str) -> bytes:
        git = ["git", f"--git-dir={self.git_dir}", "show", f"{self.commit}:{path}"]
        return subprocess.run(git, check=True, capture_output=True).stdout


# ---------------------------------------------------------------- OWASP Benchmark for Python

OWASP_SOURCE = "owasp-benchmark-python"


def owasp_rows(expected_csv: str, read_code: Any, commit: str) -> list[dict[str, Any]]:
    """Rows from ``expectedresults-*.csv`` (test name, category, real vulnerability, cwe) and each test's code.

    Split unit = the vulnerability category: test cases of one category share generated source/sink templates, so a
    per-case split would leak templates from dev into test.
    """
    rows = []
    for rec in csv.reader(io.StringIO(expected_csv)):
        if not rec or rec[0].lstrip().startswith("#"):
            continue
        name, category, real, cwe = (x.strip() for x in rec[:4])
        if real not in ("true", "false"):
            raise ValueError(f"expected results: {name}: real vulnerability must be true/false, not {real!r}")
        path = f"testcode/{name}.py"
        rows.append({
            "id": f"{OWASP_SOURCE}:{name}", "source": OWASP_SOURCE, "language": "python", "code": read_code(path),
            "label": "vulnerable" if real == "true" else "secure", "cwes": [f"CWE-{int(cwe)}"], "pair_id": None,
            "split": unit_split(category, OWASP_SOURCE), "unit": category, "source_label": f"{category}:{real}",
            "origin": {"repo": "OWASP-Benchmark/BenchmarkPython", "commit": commit, "path": path},
        })
    return rows


def build_owasp(snap: Snapshot) -> list[dict[str, Any]]:
    expected = [p for p in snap.files() if re.fullmatch(r"expectedresults-[\d.]+\.csv", p)]
    if len(expected) != 1:
        raise SystemExit(f"expected one expectedresults-*.csv at the top of the snapshot, found {expected}")
    return owasp_rows(snap.read(expected[0]), snap.read, snap.commit)


# ---------------------------------------------------------------- SecLLMHolmes

HOLMES_SOURCE = "secllmholmes"
_HOLMES_SYNTH = re.compile(
    r"datasets/(?:hand-crafted|augmented/(?P<kind>trivial|non-trivial)/(?P<aug>A\d+)/(?P<var>A\d+_\d+))"
    r"/dataset/(?P<cwe>CWE-\d+)/(?P<patched>p_)?(?P<num>\d+)\.(?P<ext>py|c)$")
_HOLMES_REAL = re.compile(r"datasets/real-world/(?P<project>[^/]+)/(?P<cve>CVE-[\d-]+)/(?P<which>vuln|patch)\.c$")


def holmes_synthetic_row(path: str, code: str, commit: str) -> dict[str, Any] | None:
    """Hand-crafted scenario ``CWE-x/n`` (vulnerable) or ``CWE-x/p_n`` (patched), or one of its augmentations.

    Split unit = the scenario (CWE + number): an augmentation is a rewrite of its scenario, so it shares its split.
    """
    m = _HOLMES_SYNTH.fullmatch(path)
    if m is None:
        return None
    scenario = f"{m['cwe']}/{m['num']}"
    variant = f"{m['kind']}/{m['var']}" if m["aug"] else "hand-crafted"
    label = "secure" if m["patched"] else "vulnerable"
    return {
        "id": f"{HOLMES_SOURCE}:{variant}:{scenario}:{label}", "source": HOLMES_SOURCE,
        "language": "python" if m["ext"] == "py" else "c", "code": code, "label": label, "cwes": [m["cwe"]],
        "pair_id": f"{HOLMES_SOURCE}:{variant}:{scenario}", "split": unit_split(scenario, HOLMES_SOURCE),
        "unit": scenario, "source_label": "patched" if m["patched"] else "vulnerable",
        "origin": {"repo": "ai4cloudops/SecLLMHolmes", "commit": commit, "path": path},
    }


def holmes_real_row(path: str, code: str, cwe_by_cve: dict[str, str], commit: str) -> dict[str, Any] | None:
    """A real-world CVE's vulnerable (``vuln.c``) or patched (``patch.c``) function; split unit = the project."""
    m = _HOLMES_REAL.fullmatch(path)
    if m is None:
        return None
    label = "vulnerable" if m["which"] == "vuln" else "secure"
    cwe = cwe_by_cve.get(m["cve"])
    return {
        "id": f"{HOLMES_SOURCE}:real-world:{m['cve']}:{label}", "source": HOLMES_SOURCE, "language": "c",
        "code": code, "label": label, "cwes": [cwe] if cwe else [], "pair_id": f"{HOLMES_SOURCE}:real-world:{m['cve']}",
        "split": unit_split(m["project"], HOLMES_SOURCE), "unit": m["project"], "source_label": m["which"],
        "origin": {"repo": "ai4cloudops/SecLLMHolmes", "commit": commit, "path": path},
    }


def build_holmes(snap: Snapshot) -> list[dict[str, Any]]:
    details = json.loads(snap.read("datasets/real-world/cve_details.json"))
    cwe_by_cve = {cve: str(info["cwe"]).upper() for project in details.values() for cve, info in project.items()}
    rows = []
    for path in snap.files("datasets"):
        if _HOLMES_SYNTH.fullmatch(path):
            row = holmes_synthetic_row(path, snap.read(path), snap.commit)
        elif _HOLMES_REAL.fullmatch(path):
            row = holmes_real_row(path, snap.read(path), cwe_by_cve, snap.commit)
        else:
            continue
        if row is not None:
            rows.append(row)
    return rows


# ---------------------------------------------------------------- OpenSSF Secure Coding Guide for Python

OSSF_SOURCE = "ossf-secure-coding-python"
OSSF_ROOT = "docs/Secure-Coding-Guide-for-Python"
_OSSF_FILE = re.compile(rf"{OSSF_ROOT}/(?P<chapter>[^/]+)/(?P<rule>pyscg-\d+)/(?P<kind>noncompliant|compliant)\d+\.py")
_OSSF_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_OSSF_RULE_LINK = re.compile(r'href="[^"/]+/(pyscg-\d+)/README\.md"')
_OSSF_CWE_LINK = re.compile(r">CWE-(\d+)</a>")


def ossf_rule_cwes(index_html: str) -> dict[str, list[str]]:
    """Rule id -> CWEs, from the guide's index table (one row per rule; the MITRE column links the CWE)."""
    out: dict[str, list[str]] = {}
    for block in _OSSF_ROW.findall(index_html):
        rule = _OSSF_RULE_LINK.search(block)
        if rule:
            out[rule[1]] = [f"CWE-{n}" for n in dict.fromkeys(_OSSF_CWE_LINK.findall(block))]
    return out


def ossf_row(path: str, code: str, cwes_by_rule: dict[str, list[str]], commit: str) -> dict[str, Any] | None:
    """A rule's ``noncompliantNN.py`` (vulnerable) or ``compliantNN.py`` (secure); ``exampleNN.py`` is skipped.

    Every compliant file of a rule fixes the weakness its noncompliant files show, so the rule is both the twin group
    (``pair_id``) and the split unit.
    """
    m = _OSSF_FILE.fullmatch(path)
    if m is None:
        return None
    rule = m["rule"]
    label = "vulnerable" if m["kind"] == "noncompliant" else "secure"
    return {
        "id": f"{OSSF_SOURCE}:{rule}:{Path(path).stem}", "source": OSSF_SOURCE, "language": "python", "code": code,
        "label": label, "cwes": cwes_by_rule.get(rule, []), "pair_id": f"{OSSF_SOURCE}:{rule}",
        "split": unit_split(rule, OSSF_SOURCE), "unit": rule, "source_label": m["kind"],
        "origin": {"repo": "ossf/wg-best-practices-os-developers", "commit": commit, "path": path},
    }


def build_ossf(snap: Snapshot) -> list[dict[str, Any]]:
    cwes_by_rule = ossf_rule_cwes(snap.read(f"{OSSF_ROOT}/readme.md"))
    rows = []
    for path in snap.files(OSSF_ROOT):
        if _OSSF_FILE.fullmatch(path):
            row = ossf_row(path, snap.read(path), cwes_by_rule, snap.commit)
            if row is not None:
                rows.append(row)
    return rows


# ---------------------------------------------------------------- XSTest (v2) labelled completions

XSTEST_SOURCE = "xstest-v2"
XSTEST_LABELS = {"1_full_compliance": "complete", "2_full_refusal": "refusal", "3_partial_refusal": "evasive"}
_XSTEST_FAMILY = {"nons_group_real_discr": "discr", "real_group_nons_discr": "discr", "contrast_discr": "discr",
                  "privacy_public": "privacy", "privacy_fictional": "privacy", "contrast_privacy": "privacy"}


def xstest_family(prompt_type: str) -> str:
    """Prompt family: a safe type and its unsafe contrast type share one (they are minimal pairs)."""
    return _XSTEST_FAMILY.get(prompt_type, prompt_type.removeprefix("contrast_"))


def xstest_rows(completions_csv: str, model: str, path: str, commit: str) -> list[dict[str, Any]]:
    """Rows from one ``xstest_v2_completions_<model>.csv`` (id, type, prompt, completion, annotations, final_label).

    Split unit = the prompt family, so a prompt, its minimal-pair contrast and all models' answers to them stay
    on one side.
    """
    rows = []
    for rec in csv.DictReader(io.StringIO(completions_csv)):
        source_label = rec["final_label"].strip()
        if source_label not in XSTEST_LABELS:
            raise ValueError(f"{path}: {rec['id']}: unknown label {source_label!r}")
        family = xstest_family(rec["type"].strip())
        rows.append({
            "id": f"{XSTEST_SOURCE}:{model}:{rec['id']}", "source": XSTEST_SOURCE, "language": "en",
            "prompt": rec["prompt"], "answer": rec["completion"], "label": XSTEST_LABELS[source_label],
            "source_label": source_label, "model": model, "prompt_type": rec["type"],
            "annotators_agree": rec.get("agreement", "").strip().upper() == "TRUE",
            "split": unit_split(family, XSTEST_SOURCE), "unit": family,
            "origin": {"repo": "paul-rottger/exaggerated-safety", "commit": commit, "path": path},
        })
    return rows


def build_xstest(snap: Snapshot) -> list[dict[str, Any]]:
    rows = []
    for path in snap.files("model_completions"):
        m = re.fullmatch(r"model_completions/xstest_v2_completions_(\w+)\.csv", path)
        if m:
            rows.extend(xstest_rows(snap.read(path), m[1], path, snap.commit))
    return rows


# ---------------------------------------------------------------- JADE 3.0 alignment triples (Chinese)

JADE_SOURCE = "jade-v3-zh"
JADE_COLUMNS = ("ID", "问题", "违规回答", "安全有用回答")  # id, question, violating answer, safe-and-helpful answer


def jade_rows(csv_bytes: bytes, path: str, commit: str) -> list[dict[str, Any]]:
    """Rows from one ``jade_alignment_*_zh.csv`` (GB18030): each question gives two labelled answers.

    The study labels its answers by construction: the violating answer complied with the risky request
    (-> complete), the safe-and-helpful answer declines and explains why (-> refusal). Split unit = the question.
    """
    reader = csv.reader(io.StringIO(csv_bytes.decode("gb18030")))
    header = tuple(next(reader))
    if header != JADE_COLUMNS:
        raise ValueError(f"{path}: unexpected columns {header}")
    stem = Path(path).stem
    rows = []
    for rec in reader:
        if not rec:
            continue
        qid, question, violating, safe = rec
        unit = f"{stem}:{qid}"
        for label, source_label, answer in (("complete", "violating", violating), ("refusal", "safe_helpful", safe)):
            rows.append({
                "id": f"{JADE_SOURCE}:{unit}:{source_label}", "source": JADE_SOURCE, "language": "zh",
                "prompt": question, "answer": answer, "label": label, "source_label": source_label,
                "model": "jade-pipeline", "prompt_type": stem, "annotators_agree": None,
                "split": unit_split(unit, JADE_SOURCE), "unit": unit,
                "origin": {"repo": "whitzard-ai/jade-db", "commit": commit, "path": path},
            })
    return rows


def build_jade(snap: Snapshot) -> list[dict[str, Any]]:
    rows = []
    for path in snap.files("jade-db-v3.0"):
        if re.fullmatch(r"jade-db-v3\.0/jade_alignment_\w+_zh\.csv", path):
            rows.extend(jade_rows(snap.read_bytes(path), path, snap.commit))
    return rows


# ---------------------------------------------------------------- njsscan's JavaScript test assets

NJSSCAN_SOURCE = "njsscan-js"
NJSSCAN_POS = re.compile(r"tests/assets/node_source/true_positives/semantic_grep/(?P<cat>\w+)/(?P<rule>\w+)\.js")
NJSSCAN_NEG = re.compile(r"tests/assets/node_source/true_negatives/(?P<name>\w+)\.js")
_NJSSCAN_CWE = re.compile(r"cwe:\s*cwe-(\d+)", re.I)
# Which rule's positives each true-negative file answers (read from the file names and contents by this project;
# negatives that answer no single rule, e.g. ``good_controls.js``, are left out).
NJSSCAN_NEGATIVE_RULE = {
    "express_bodyparser": "express_bodyparser_dos", "express_hbs_safe": "express_hbs_lfr",
    "hardcoded_evals": "eval_node", "hardcoded_os_command": "exec_os_command",
    "header_helmet_enabled": "header_helmet_disabled", "header_xss_protection": "header_xss_protection",
    "safe_archive_extract": "archive_path_overwrite", "safe_buffer": "buffer_noassert",
    "safe_comparison": "timing_attack_node", "safe_cors_header": "header_cors_star",
    "safe_creds_node": "hardcoded_secrets", "safe_crypto": "crypto_node", "safe_electron": "security_electron",
    "safe_error_handling": "error_disclosure", "safe_expat": "xxe_expat", "safe_grpc": "eval_grpc_deserialize",
    "safe_header_cookie": "header_cookie", "safe_headers": "header_injection", "safe_host_header":
    "host_header_injection", "safe_html_node": "xss_node", "safe_jwt_algorithm": "jwt_none_algorithm",
    "safe_jwt_credentials": "jwt_exposed_credentials", "safe_jwt_data": "jwt_exposed_data",
    "safe_jwt_express": "jwt_express_hardcoded", "safe_jwt_revoked": "jwt_not_revoked",
    "safe_jwt_token": "jwt_hardcoded", "safe_loop": "layer7_object_dos", "safe_mustache_escape":
    "xss_mustache_escape", "safe_nosql": "nosql_injection", "safe_nosql_find": "nosql_find_injection",
    "safe_passport": "hardcoded_passport", "safe_path_join_resolve": "resolve_path_traversal",
    "safe_phantomjs": "ssrf_phantomjs", "safe_playwright": "ssrf_playwright", "safe_puppeteer": "ssrf_puppeteer",
    "safe_redirect": "open_redirect", "safe_regex": "regex_dos", "safe_regex_check": "regex_injection",
    "safe_require": "eval_require", "safe_sandbox": "eval_sandbox", "safe_sax": "xxe_sax",
    "safe_sequelize_strong_tls": "sequelize_weak_tls", "safe_sequelize_tls": "sequelize_tls",
    "safe_sequelize_tls_validation": "sequelize_tls_validation", "safe_seralize_js": "xss_serialize_js",
    "safe_serialize": "eval_deserialize", "safe_shelljs": "exec_shelljs", "safe_sql": "sql_injection",
    "safe_sql_knex": "sql_injection_knex", "safe_template_rendering": "server_side_template_injection",
    "safe_templates": "xss_templates", "safe_tls_node": "tls_node", "safe_traversal": "path_traversal",
    "safe_vm": "eval_vm_injection", "safe_vm2": "eval_vm2_injection", "safe_wkhtmltoimage": "ssrf_wkhtmltoimage",
    "safe_wkhtmltopdf": "ssrf_wkhtmltopdf", "safe_xml2json": "xxe_xml2json", "safe_xml_expansion":
    "xml_entity_expansion_dos", "safe_xml_parsing": "xxe_node", "safe_xpath": "xpathi_node",
    "safe_xss_dom": "xss_dom", "safe_yaml_load": "eval_yaml_deserialize",
}


def njsscan_rule_cwes(rule_yaml: str) -> list[str]:
    """The CWEs a rule file's metadata names (``cwe: cwe-89: ...``), in order."""
    return [f"CWE-{n}" for n in dict.fromkeys(_NJSSCAN_CWE.findall(rule_yaml))]


def njsscan_row(path: str, code: str, rules: dict[str, tuple[str, list[str]]], commit: str
                ) -> dict[str, Any] | None:
    """A true-positive file (vulnerable; CWEs of its rule) or a true-negative file (secure; CWEs of the rule it
    answers). ``rules``: rule file name -> (category, CWEs). Twin group = the rule; split unit = its category
    (njsscan's folder), so the rules of one category share a split."""
    if (m := NJSSCAN_POS.fullmatch(path)) is not None:
        rule, label = m["rule"], "vulnerable"
    elif (n := NJSSCAN_NEG.fullmatch(path)) is not None and n["name"] in NJSSCAN_NEGATIVE_RULE:
        rule, label = NJSSCAN_NEGATIVE_RULE[n["name"]], "secure"
    else:
        return None
    if rule not in rules:
        return None
    category, cwes = rules[rule]
    name = Path(path).stem
    return {
        "id": f"{NJSSCAN_SOURCE}:{label}:{name}", "source": NJSSCAN_SOURCE, "language": "javascript", "code": code,
        "label": label, "cwes": cwes, "pair_id": f"{NJSSCAN_SOURCE}:{rule}",
        "split": unit_split(category, NJSSCAN_SOURCE), "unit": category,
        "source_label": "true_positive" if label == "vulnerable" else "true_negative",
        "origin": {"repo": "ajinabraham/njsscan", "commit": commit, "path": path},
    }


def build_njsscan(snap: Snapshot) -> list[dict[str, Any]]:
    rules: dict[str, tuple[str, list[str]]] = {}
    for path in snap.files("njsscan/rules/semantic_grep"):
        m = re.fullmatch(r"njsscan/rules/semantic_grep/(\w+)/(\w+)\.yaml", path)
        if m is not None and (cwes := njsscan_rule_cwes(snap.read(path))):
            rules[m[2]] = (m[1], cwes)
    rows = []
    for path in snap.files("tests/assets/node_source"):
        if path.endswith(".js") and (row := njsscan_row(path, snap.read(path), rules, snap.commit)) is not None:
            rows.append(row)
    return rows


# ---------------------------------------------------------------- Do-Not-Answer (English, human action labels)

DNA_SOURCE = "do-not-answer-en"
DNA_MODELS = ("GPT4", "ChatGPT", "Claude", "ChatGLM2", "llama2-7b-chat", "vicuna-7b")
# The study's six response actions (Wang et al. 2023), read onto XSTest's three classes: 0 declines; 1 refutes the
# request's premise and 2 gives several perspectives (both answer, and XSTest counts rejecting a question's premise as
# compliance); 3 answers with a disclaimer or a referral; 4 says it cannot answer for lack of ability or knowledge
# ("as an AI I have no opinions"); 5 follows the instruction. Actions 1 and 4 have no single XSTest class (XSTest
# calls a pushback on a discriminatory premise a refusal, and a rejected meaningless question compliance): cross-
# validation on the XSTest dev split was worse with either reading than without them, so they are left out (None).
DNA_LABELS: dict[str, str | None] = {"0": "refusal", "1": None, "2": "complete", "3": "complete", "4": None,
                                     "5": "complete"}
DNA_SPLIT = "train"  # extra training data: never scored, so the dev/test figures of the other sources stay as they are


def normalise_prompt(text: str) -> str:
    """Lower-case alphanumerics separated by single spaces: how prompts are compared for leakage."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def dna_rows(data_csv: str, commit: str, exclude_prompts: set[str], path: str = "datasets/data_en.csv"
             ) -> list[dict[str, Any]]:
    """Rows from Do-Not-Answer's ``data_en.csv`` (one row per question; per model a response, a harmful flag and the
    human action label). Rows whose normalised question is in ``exclude_prompts`` (every XSTest prompt) are dropped,
    so no XSTest prompt is ever learned from. Split unit = the question; all rows are training data (``train``)."""
    rows = []
    for rec in csv.DictReader(io.StringIO(data_csv)):
        question = rec["question"]
        if normalise_prompt(question) in exclude_prompts:
            continue
        for model in DNA_MODELS:
            action = rec[f"{model}_action"].strip()
            if action not in DNA_LABELS:
                raise ValueError(f"{path}: question {rec['id']}: {model}: unknown action {action!r}")
            label = DNA_LABELS[action]
            if label is None:
                continue
            rows.append({
                "id": f"{DNA_SOURCE}:{model}:{rec['id']}", "source": DNA_SOURCE, "language": "en",
                "prompt": question, "answer": rec[f"{model}_response"], "label": label,
                "source_label": f"action_{action}", "model": model, "prompt_type": rec["types_of_harm"],
                "annotators_agree": None, "split": DNA_SPLIT, "unit": f"q{rec['id']}",
                "origin": {"repo": "kunishou/do-not-answer-ja (copy of Libr-AI/do-not-answer's English data)",
                           "commit": commit, "path": path},
            })
    return rows


def xstest_prompts(out: Path) -> set[str]:
    """Every XSTest prompt (all splits), normalised, from the built ``answers/xstest_v2.jsonl``."""
    path = out / "answers" / "xstest_v2.jsonl"
    if not path.is_file():
        raise SystemExit(f"{path}: build xstest first (its prompts are excluded from the extra training data)")
    return {normalise_prompt(json.loads(line)["prompt"]) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()}


def build_dna(snap: Snapshot, out: Path) -> list[dict[str, Any]]:
    return dna_rows(snap.read("datasets/data_en.csv"), snap.commit, xstest_prompts(out))


# ---------------------------------------------------------------- output


def check_disjoint(rows: Iterable[dict[str, Any]]) -> None:
    """Fail when a split unit has rows in both dev and test (the one property the splits must have)."""
    seen: dict[tuple[str, str], set[str]] = {}
    for row in rows:
        seen.setdefault((row["source"], row["unit"]), set()).add(row["split"])
    mixed = sorted(k for k, v in seen.items() if len(v) > 1)
    if mixed:
        raise SystemExit(f"units in both splits: {mixed[:5]}")


def write_jsonl(rows: Sequence[dict[str, Any]], path: Path) -> str:
    check_disjoint(rows)
    ids = Counter(r["id"] for r in rows)
    dup = [i for i, n in ids.items() if n > 1]
    if dup:
        raise SystemExit(f"duplicate ids: {dup[:5]}")
    path.parent.mkdir(parents=True, exist_ok=True)
    data = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows).encode("utf-8")
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def summary(path: Path) -> str:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = Counter((r["split"], r.get("language", "?"), r["label"]) for r in rows)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    parts = ", ".join(f"{s}/{lang}/{lab}={n}" for (s, lang, lab), n in sorted(counts.items()))
    return f"{path.name}\trows={len(rows)}\tsha256={sha}\t{parts}"


BUILDERS = {
    "owasp-python": (build_owasp, "code", "owasp_benchmark_python.jsonl"),
    "secllmholmes": (build_holmes, "code", "secllmholmes.jsonl"),
    "ossf-python": (build_ossf, "code", "ossf_secure_coding_python.jsonl"),
    "xstest": (build_xstest, "answers", "xstest_v2.jsonl"),
    "jade": (build_jade, "answers", "jade_v3_zh.jsonl"),
    "njsscan-js": (build_njsscan, "code", "njsscan_js.jsonl"),
    "do-not-answer": (build_dna, "answers", "do_not_answer_en.jsonl"),
}


# ---------------------------------------------------------------- China-sensitive answers for blind labelling

CHINA_GLITCH_RUNS_PER_PROMPT = 6  # of the 10 runs per counterfactual prompt (one 0.5B model) -> 78 of 130 rows
CHINA_SHARED_SIZE = 100
CHINA_SEED = "redline-china-answers-v1"


def build_china_answers(r1a: Snapshot, glitch: Snapshot, transcripts: Snapshot, circuits: Snapshot
                        ) -> list[dict[str, Any]]:
    """All rows of the four sources (tests/data/answers_public/README.md), deduplicated, each with its blind id."""
    import public_answers_china as pc  # sibling module; scripts/ is on sys.path when run as a script

    rows = pc.r1a_rows(r1a.read("sample-results.txt"), r1a.read("questions.json"),
                       pc.r1a_jailbreak_prefix(r1a.read("analysis.py")), r1a.commit)
    glitch_rows = [r for p in glitch.files(pc.GLITCH_DIR) if (r := pc.glitch_row(p, glitch.read(p), glitch.commit))]
    by_prompt: dict[str, list[dict[str, Any]]] = {}
    for row in glitch_rows:
        by_prompt.setdefault(row["unit"], []).append(row)
    for unit in sorted(by_prompt):
        rows.extend(pc.sample_rows(by_prompt[unit], CHINA_GLITCH_RUNS_PER_PROMPT, f"{CHINA_SEED}:{unit}",
                                   strata=lambda r: 0))
    for path in transcripts.files(pc.TRANSCRIPT_DIR):
        if path.endswith(".md"):
            rows.extend(pc.transcript_rows(path, transcripts.read(path), transcripts.commit))
    for path in circuits.files("results"):
        if pc.CIRCUITS_FILES.fullmatch(path):
            rows.extend(pc.circuits_rows(path, circuits.read(path), circuits.commit))
    rows = pc.dedupe(rows)
    for row in rows:
        row["label_id"] = pc.blind_id(row["id"])
    return rows


def write_china_answers(rows: list[dict[str, Any]], out: Path) -> None:
    """Rows (with source labels split off), the blind labelling batches, and a summary line per file."""
    import public_answers_china as pc

    source_labels = [{"id": r["id"], "label_id": r["label_id"], "source_label": r.pop("source_label")}
                     for r in rows if "source_label" in r]
    write_jsonl(rows, out / "china_answers.jsonl")
    write_plain_jsonl(source_labels, out / "source_labels.jsonl")
    items = sorted((pc.blind_item(r) for r in rows), key=lambda i: i["id"])
    write_plain_jsonl(items, out / "labelling" / "batch_all.jsonl")
    shared_ids = {r["label_id"] for r in pc.shared_subset(rows, CHINA_SHARED_SIZE, CHINA_SEED)}
    write_plain_jsonl([i for i in items if i["id"] in shared_ids], out / "labelling" / "batch_shared.jsonl")
    counts = Counter((r["language"], r["sensitive"]) for r in rows)
    print(f"rows={len(rows)} shared={len(shared_ids)} " +
          " ".join(f"{lang}/{'sensitive' if s else 'control'}={n}" for (lang, s), n in sorted(counts.items())))
    for (src, model), n in sorted(Counter((r["source"], r["model"]) for r in rows).items()):
        print(f"  {src}\t{model}\t{n}")


def write_plain_jsonl(rows: Sequence[dict[str, Any]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows), encoding="utf-8")


def main_china(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="public_data.py china-answers")
    for name in ("--r1-analysis", "--glitch", "--transcripts", "--circuits"):
        parser.add_argument(name, required=True, help="bare git directory of the fetched snapshot")
    parser.add_argument("--out", default="tests/data/answers_public")
    args = parser.parse_args(argv)
    snaps = [Snapshot(d) for d in (args.r1_analysis, args.glitch, args.transcripts, args.circuits)]
    for snap in snaps:
        print(f"{snap.git_dir}: commit {snap.commit}")
    write_china_answers(build_china_answers(*snaps), Path(args.out))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["china-answers"]:
        return main_china(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=[*BUILDERS, "manifest"])
    parser.add_argument("snapshot", nargs="?", help="bare git directory of the fetched snapshot")
    parser.add_argument("--out", default="data/public", help="output folder (gitignored)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    if args.what == "manifest":
        for path in sorted(out.glob("*/*.jsonl")):
            print(f"{path.parent.name}/{summary(path)}")
        return 0
    if not args.snapshot:
        parser.error("the snapshot's git directory is required")
    build, kind, name = BUILDERS[args.what]
    snap = Snapshot(args.snapshot)
    rows = build(snap, out) if build is build_dna else build(snap)
    target = out / kind / name
    write_jsonl(rows, target)
    print(f"{args.what}: commit {snap.commit}\n{kind}/{summary(target)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
