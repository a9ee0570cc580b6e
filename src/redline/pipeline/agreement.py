"""How far a run's judges agree: each case kind's primary judge against every other judge of the run that labels
the same kind of case with labels the primary one also uses (percent agreement and Cohen's kappa on the trials
both judged).

Which judges to compare is read from the manifest (the judge set and the primary judge per kind) and from each
judge's own declaration (``kind``, ``labels``), so a plug-in judge gets its agreement figures without code
changes. A pair whose label sets differ (the static code judge against the exploit-verified one) is not a
labelling of the same thing and is left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redline.records import RunManifest
from redline.store.run_dir import RunDir

Declared = Mapping[str, tuple[str, frozenset[str]]]  # judge name -> (case kind, labels it produces)


def declared_judges() -> dict[str, tuple[str, frozenset[str]]]:
    """Each registered judge's case kind and labels, as its class declares them."""
    from redline.registry import judge_classes

    out: dict[str, tuple[str, frozenset[str]]] = {}
    for name, cls in judge_classes().items():
        kind = getattr(cls, "kind", None)
        labels = getattr(cls, "labels", None)
        if kind is not None and labels:
            out[name] = (str(getattr(kind, "value", kind)), frozenset(str(label) for label in labels))
    return out


def agreement_pairs(manifest: RunManifest, declared: Declared) -> list[tuple[str, str]]:
    """(primary judge, other judge) for every judge of the run that labels its kind's cases with labels the
    primary judge also produces; in the manifest's judge order."""
    pairs: list[tuple[str, str]] = []
    for kind, primary in manifest.primary_judges.items():
        if primary not in manifest.judges or primary not in declared:
            continue
        primary_labels = declared[primary][1]
        for name in manifest.judges:
            if name == primary or name not in declared:
                continue
            other_kind, labels = declared[name]
            if other_kind == kind and labels <= primary_labels:
                pairs.append((primary, name))
    return pairs


def judge_agreement(run: RunDir, declared: Declared | None = None) -> dict[str, Any] | None:
    """Compute and write ``judge_agreement.json`` for every comparable pair of the run's judges; returns the
    first pair's figures (the file keeps today's one-object form for one pair, ``{"pairs": [...]}`` for more),
    or None when no two judges are comparable."""
    from redline.judges.answer.model_graded import agreement_on_shared

    manifest = run.manifest()
    pairs = agreement_pairs(manifest, declared_judges() if declared is None else declared)
    if not pairs:
        return None
    verdicts = run.verdicts()
    labels: dict[str, dict[str, str]] = {name: {} for pair in pairs for name in pair}
    by_fingerprint = {manifest.judges[name]: name for name in labels}
    for (trial_id, fp), v in verdicts.items():
        name = by_fingerprint.get(fp)
        if name is not None:
            labels[name][trial_id] = v.label
    # an error verdict is no label: counted apart, not compared
    results = [{"judges": [a, b], **agreement_on_shared(labels[a], labels[b])} for a, b in pairs]
    run.write_judge_agreement(results[0] if len(results) == 1 else {"pairs": results})
    return {k: v for k, v in results[0].items() if k != "judges"}
