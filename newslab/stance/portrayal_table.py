"""Portrayal per actor mention sentence: how the article's text treats each actor.

One row per (sentence, actor): the sentence's first mention of that actor is the target span
given to the portrayal model (:mod:`newslab.stance.portrayal`). Sentences are the article
Doc's own sentences, passed to the model already parsed, so nothing is parsed twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from spacy.tokens import Doc

    from ..mentions import Mention

PORTRAYAL_COLUMNS = ["actor", "mention", "kind", "sentence", "start", "end", "mention_start",
                     "mention_end", "label", "evidence"]


def portrayal(doc: "Doc", mentions: "Sequence[Mention]", *, backend: str = "tfidf",
              kinds: Sequence[str] | None = None) -> "pd.DataFrame":
    """Label how each sentence portrays each actor it mentions: negative / neutral / positive.

    ``kinds`` limits which mentions count (default: every kind except pronouns, whose
    sentences mostly portray the antecedent's action rather than the actor).

    >>> import newslab                                   # doctest: +SKIP
    >>> newslab.portrayal("Critics slammed the mayor's reckless plan.").label.tolist()  # doctest: +SKIP
    ['negative']
    """
    import pandas as pd

    from ..nlp import to_source
    from .portrayal import portrayal_labels

    skip = {"pronoun"} if kinds is None else None
    seen: set[tuple[int, str]] = set()
    rows, items, parsed = [], [], []
    for m in sorted(mentions, key=lambda m: m.start):
        if not m.actor or (skip is not None and m.kind in skip) or (
                kinds is not None and m.kind not in kinds):
            continue
        sent = doc[m.token_start].sent
        key = (sent.start, m.actor)
        if key in seen:
            continue
        seen.add(key)
        span = (m.start - sent.start_char, m.end - sent.start_char)
        items.append((sent.text, span))
        parsed.append(sent)
        rows.append({
            "actor": m.actor, "mention": m.text, "kind": m.kind, "sentence": sent.text.strip(),
            "start": to_source(doc, sent.start_char), "end": to_source(doc, sent.end_char),
            "mention_start": to_source(doc, m.start), "mention_end": to_source(doc, m.end),
        })
    for row, (label, evidence) in zip(rows, portrayal_labels(items, backend=backend,
                                                               parsed=parsed)):
        row["label"], row["evidence"] = label, evidence
    return pd.DataFrame(rows, columns=PORTRAYAL_COLUMNS)
