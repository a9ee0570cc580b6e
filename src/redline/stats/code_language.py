"""Code contrasts split by programming language, and a pooled estimate with the language as a stratum.

Python, JavaScript and C tasks differ in how often any model writes a given flaw, so a trigger's effect is
estimated inside each language and then pooled, never from the raw mix (whose language shares can differ by
sample). Two pooled figures per contrast:

- ``stratified_difference``: the paired per-language differences (condition - baseline) averaged with weights
  proportional to each stratum's pairs (the stratified estimator of the run's own language mix), its standard
  error from the per-language ones (clustered where the per-language contrast is), a normal interval and a
  z-test; a language whose pairs all agree has a zero standard error and adds none.
- ``cmh``: Cochran-Mantel-Haenszel over the per-language 2x2 tables (condition member vs baseline member x
  flawed or not; statsmodels ``StratifiedTable``): the Mantel-Haenszel odds ratio and interval, the CMH test of
  no association and the Breslow-Day test of equal odds ratios across languages (is the effect the same in
  every language?). It treats the two members of a pair as independent samples, a conservative reading of a
  paired design (pairing removes between-task variance that this test leaves in).

Pure: a function of the observations and the run's cases. Exploratory: no multiplicity family is changed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from scipy.stats import norm

from redline.records import Case
from redline.stats.contrasts import conditions_in_order, index_pairs, name_members, rng_for
from redline.stats.intervals import finite_or_none, z_value
from redline.stats.observations import BASELINE, Observation
from redline.stats.outcomes import OUTCOMES
from redline.stats.paired import Pair, paired_contrast

LANGUAGES = ("python", "javascript", "c")


def case_languages(cases: Mapping[tuple[str, str], Case]) -> dict[tuple[str, str], str]:
    """(suite, case id) -> programming language of every code case."""
    return {key: case.code_language for key, case in cases.items() if case.kind.value == "code"}


def _pairs_by_language(obs: Sequence[Observation], languages: Mapping[tuple[str, str], str], outcome_name: str,
                       condition_id: str) -> dict[str, list[Pair]]:
    outcome = next(o for o in OUTCOMES if o.kind == "code" and o.name == outcome_name)
    out: dict[str, list[Pair]] = {}
    for members in index_pairs(obs, "code").values():
        cond, base = members.get(condition_id), members.get(BASELINE)
        if cond is None or base is None or not (cond.ok and base.ok):
            continue
        v_cond, v_base = outcome.value(cond.label), outcome.value(base.label)
        if v_cond is None or v_base is None:
            continue
        lang = languages.get((cond.suite, cond.case_id), "python")
        out.setdefault(lang, []).append(Pair(cond.cluster, v_base, v_cond))
    return out


def stratified_difference(strata: Mapping[str, dict[str, Any]], *, alpha: float) -> dict[str, Any]:
    """Pair-weighted mean of per-stratum paired differences, with a normal interval and z-test."""
    used = {k: s for k, s in strata.items() if s["n_pairs"] and s.get("difference") is not None}
    total = sum(s["n_pairs"] for s in used.values())
    if not total:
        return {"difference": None, "se": None, "ci": [None, None], "p": None, "weights": {}}
    weights = {k: s["n_pairs"] / total for k, s in used.items()}
    diff = sum(weights[k] * s["difference"] for k, s in used.items())
    var = sum((weights[k] * (s.get("se") or 0.0)) ** 2 for k, s in used.items())
    se = math.sqrt(var)
    z = z_value(alpha)
    p = float(2 * norm.sf(abs(diff) / se)) if se > 0 else (1.0 if diff == 0 else None)
    return {"difference": finite_or_none(diff), "se": finite_or_none(se),
            "ci": [finite_or_none(diff - z * se), finite_or_none(diff + z * se)], "p": p,
            "weights": {k: round(w, 6) for k, w in sorted(weights.items())}, "method": "pair-weighted, normal"}


def cmh(strata: Mapping[str, Sequence[Pair]], *, alpha: float) -> dict[str, Any]:
    """Mantel-Haenszel odds ratio, CMH test and Breslow-Day homogeneity over per-language 2x2 tables."""
    from statsmodels.stats.contingency_tables import StratifiedTable  # heavy import, only when needed

    tables = []
    for pairs in strata.values():
        cond = sum(p.second for p in pairs)
        base = sum(p.first for p in pairs)
        n = len(pairs)
        tables.append(np.array([[cond, n - cond], [base, n - base]], dtype=float))
    # a stratum where every member has the same value carries no information on the odds ratio
    informative = [t for t in tables if t[:, 0].sum() > 0 and t[:, 1].sum() > 0]
    if not informative:
        return {"odds_ratio": None, "ci": [None, None], "p": None, "p_equal_odds": None, "strata": 0}
    st = StratifiedTable(informative)
    with np.errstate(divide="ignore", invalid="ignore"):
        odds = float(st.oddsratio_pooled)
        try:
            lo, hi = (float(x) for x in st.oddsratio_pooled_confint(alpha=alpha))
        except (ZeroDivisionError, ValueError, FloatingPointError):
            lo = hi = float("nan")
        null = st.test_null_odds(correction=True)
        equal = st.test_equal_odds() if len(informative) > 1 else None
    return {"odds_ratio": finite_or_none(odds), "ci": [finite_or_none(lo), finite_or_none(hi)],
            "p": finite_or_none(float(null.pvalue)), "statistic": finite_or_none(float(null.statistic)),
            "p_equal_odds": finite_or_none(float(equal.pvalue)) if equal is not None else None,
            "strata": len(informative), "test": "cmh (continuity-corrected); breslow-day for equal odds"}


def by_code_language(obs: Sequence[Observation], cases: Mapping[tuple[str, str], Case], *, alpha: float,
                     seed: int, reps: int = 2000) -> dict[str, Any] | None:
    """Every code (condition, outcome) contrast per programming language, with its pooled estimates; ``None``
    when the run's code pairs are in fewer than two languages (its contrasts then are that language's, and a
    Python-only run's statistics stay as they were)."""
    languages = case_languages(cases)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for condition_id, group in conditions_in_order([o for o in obs if o.kind == "code"]):
        if condition_id == BASELINE:
            continue
        for outcome in (o for o in OUTCOMES if o.kind == "code"):
            strata = _pairs_by_language(obs, languages, outcome.name, condition_id)
            if not strata:
                continue
            cid = f"code/{outcome.name}/{condition_id}"
            per = {}
            for lang in sorted(strata, key=lambda k: LANGUAGES.index(k) if k in LANGUAGES else len(LANGUAGES)):
                seen.add(lang)
                result = paired_contrast(strata[lang], alpha=alpha, rng=rng_for(seed, f"{cid}/lang/{lang}"), reps=reps)
                per[lang] = name_members(result, "baseline", "condition")
            rows.append({"id": cid, "outcome": outcome.name, "condition": condition_id, "condition_group": group,
                         "n_pairs": sum(len(p) for p in strata.values()), "by_language": per,
                         "pooled": {"stratified_difference": stratified_difference(per, alpha=alpha),
                                    "cmh": cmh(strata, alpha=alpha)}})
    if len(seen) < 2:
        return None
    return {"languages": [lang for lang in (*LANGUAGES, *sorted(seen - set(LANGUAGES))) if lang in seen],
            "stratum": "code_language", "family": "exploratory (not adjusted)", "contrasts": rows}
