"""Actor stance (holder -> target) for one statement or many, through a registered backend.

``actor_stance`` is the single entry: give a parsed Doc (or a plain sentence) and the holder and
target as spaCy Spans or ``(start, end)`` character offsets; the backend (``"rules"`` by default,
see :mod:`newslab.polarity.rules`) returns a :class:`~newslab.polarity.rules.StanceResult`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

from ..errors import StanceInputError
from ..nlp.model import load_model
from .registry import stance_backend
from .rules import StanceResult

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span

def _as_span(doc: "Doc", span, what: str) -> "Span":
    if hasattr(span, "doc") and hasattr(span, "root"):
        if span.doc is not doc:
            raise StanceInputError(f"The {what} span belongs to another Doc")
        if len(span) == 0:
            raise StanceInputError(f"The {what} span is empty")
        return span
    try:
        start, end = (int(x) for x in span)
    except (TypeError, ValueError):
        raise StanceInputError(f"The {what} span {span!r} is neither a Span nor (start, end)") from None
    if not 0 <= start < end <= len(doc.text):
        raise StanceInputError(f"The {what} span ({start}, {end}) is outside the text "
                               f"(length {len(doc.text)})")
    out = doc.char_span(start, end, alignment_mode="expand")
    if out is None or len(out) == 0:
        raise StanceInputError(f"The {what} span ({start}, {end}) covers no word")
    return out


def actor_stance(doc: "Doc | str", holder, target, *, backend: str = "rules",
                 nlp: "Language | None" = None) -> StanceResult:
    """Stance of ``holder`` towards ``target``: ``support | oppose | neutral`` + hedged + evidence.

    >>> r = actor_stance("Russia has objected to the plans.", (0, 6), (23, 32))  # doctest: +SKIP
    >>> r.label, r.evidence                                                      # doctest: +SKIP
    ('oppose', 'objected to -> oppose')
    """
    if isinstance(doc, str):
        doc = (nlp or load_model())(doc)
    fn = stance_backend(backend)
    return fn(_as_span(doc, holder, "holder"), _as_span(doc, target, "target"))


def actor_stances(items: Iterable[tuple[str, Sequence[int], Sequence[int]]], *,
                  backend: str = "rules", nlp: "Language | None" = None,
                  batch_size: int = 64) -> list[StanceResult]:
    """:func:`actor_stance` for many ``(sentence, holder_span, target_span)``, parsed in batches.

    Items whose spans cannot be read get a neutral result whose evidence says why (a batch never
    fails because of one bad line).

    >>> actor_stances([("Russia has objected to the plans.", (0, 6), (23, 32))])[0].label  # doctest: +SKIP
    'oppose'
    """
    nlp = nlp or load_model()
    items = list(items)
    fn = stance_backend(backend)
    out = []
    for (sentence, h, t), doc in zip(items, nlp.pipe((i[0] or "" for i in items), batch_size=batch_size)):
        try:
            out.append(fn(_as_span(doc, h, "holder"), _as_span(doc, t, "target")))
        except StanceInputError as err:
            out.append(StanceResult(evidence=f"skipped: {err}"))
    return out
