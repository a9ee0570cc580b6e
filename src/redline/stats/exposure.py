"""Download-weighted exposure: what share of a model tree's downloads goes to models that carry a trigger effect.

Audited models carry the behaviour or not (their own effect interval excludes 0 on the base's side); unaudited
models are unknown, so the share has two **bounds**: *low* counts every unaudited model as not carrying it
(removed), *high* as carrying it (inherited). Behavioural uncertainty enters through replicate draws of each
audited model's carry decision (the bootstrap of :mod:`redline.stats.inheritance`: in each replicate, would the
resampled effect have cleared the same significance threshold?). The interval reported runs from the alpha/2
quantile of the low bound to the 1 - alpha/2 quantile of the high bound, so it carries both uncertainties.
The same figures are given against a second denominator, e.g. all open-model downloads in the snapshot.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray


def exposure(downloads: Mapping[str, float], carries: Mapping[str, bool],
             draws: Mapping[str, NDArray[np.bool_]] | None = None, *, all_downloads: float | None = None,
             alpha: float = 0.05) -> dict[str, Any]:
    """``downloads``: every model of the tree (credited downloads); ``carries``: the audited ones' decisions;
    ``draws``: per audited model, its decision in each bootstrap replicate (equal lengths)."""
    unknown = sorted(set(carries) - set(downloads))
    if unknown:
        raise ValueError(f"audited model(s) not in the tree: {', '.join(unknown)}")
    total = float(sum(downloads.values()))
    audited = [m for m in downloads if m in carries]
    unaudited = [m for m in downloads if m not in carries]
    carrying = float(sum(downloads[m] for m in audited if carries[m]))
    audited_dl = float(sum(downloads[m] for m in audited))
    rest = total - audited_dl
    reps = _draw_matrix(audited, draws)
    dl = np.asarray([downloads[m] for m in audited], float)

    def block(denominator: float) -> dict[str, Any]:
        if denominator <= 0:
            return {"denominator": denominator, "low": None, "high": None, "ci": [None, None]}
        low, high = carrying / denominator, (carrying + rest) / denominator
        ci: list[float | None] = [None, None]
        if reps is not None:
            shares = (reps.astype(float) @ dl) / denominator
            ci = [float(np.quantile(shares, alpha / 2)), float(np.quantile(shares + rest / denominator, 1 - alpha / 2))]
        return {"denominator": denominator, "low": low, "high": high, "ci": ci}

    among_audited: dict[str, Any] = {"estimate": carrying / audited_dl if audited_dl else None, "ci": [None, None]}
    if reps is not None and audited_dl:
        shares = (reps.astype(float) @ dl) / audited_dl
        among_audited["ci"] = [float(np.quantile(shares, alpha / 2)), float(np.quantile(shares, 1 - alpha / 2))]
    return {
        "alpha": alpha,
        "tree": block(total),
        "all": block(float(all_downloads)) if all_downloads is not None else None,
        "among_audited": among_audited,
        "audited_share": audited_dl / total if total else None,
        "carrying": sorted(m for m in audited if carries[m]),
        "not_carrying": sorted(m for m in audited if not carries[m]),
        "unaudited": unaudited,
        "unaudited_downloads": rest,
    }


def _draw_matrix(audited: list[str], draws: Mapping[str, NDArray[np.bool_]] | None) -> NDArray[np.bool_] | None:
    """Replicates x audited models; None when no draws were given."""
    if draws is None or not audited:
        return None
    missing = [m for m in audited if m not in draws]
    if missing:
        raise ValueError(f"no replicate draws for: {', '.join(missing)}")
    lengths = {len(draws[m]) for m in audited}
    if len(lengths) != 1 or 0 in lengths:
        raise ValueError("replicate draws must be non-empty and of equal length for every audited model")
    return np.column_stack([np.asarray(draws[m], bool) for m in audited])
