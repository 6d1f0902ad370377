"""One spaCy Doc per Article: the text spaCy reads and the segments that map it back.

:func:`article_doc` joins an article's content blocks (headline, standfirst, captions, sub-heads,
paragraphs; never dropped blocks or the source line) with blank lines and runs the pipeline
once. Each block becomes its own run of sentences (the ``newslab_paragraph_breaks`` component of
:mod:`newslab.nlp.model`), so a headline never fuses with the paragraph below it.
``doc.user_data["newslab_segments"]`` maps Doc characters back to ``Article.text``; read it
through :class:`newslab.nlp.offsets.OffsetMap`, never directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..limits import PART_CHARS
from .model import load_model
from .tokens import TEXT_KEY

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..article import Article

#: Separator between blocks in the Doc text (a paragraph break spaCy tokenizes as SPACE).
BLOCK_SEPARATOR = "\n\n"
#: ``doc.user_data`` key of the segments ``(doc_start, src_start, block_index)``.
SEGMENTS_KEY = "newslab_segments"


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

    A text longer than :data:`newslab.limits.PART_CHARS` is read in parts and joined into one
    Doc (:func:`newslab.long_text.doc_in_parts`), which keeps peak memory bounded.

    >>> from newslab import parse_text
    >>> doc = article_doc(parse_text("Nato chief visits Moscow\\n\\nRasmussen met Medvedev."))  # doctest: +SKIP
    >>> to_source(doc, doc.text.index("Rasmussen"))  # doctest: +SKIP
    26
    """
    nlp = nlp or load_model()
    text, segments = doc_text(article)
    if len(text) > min(PART_CHARS, nlp.max_length):  # in parts, joined (newslab.long_text)
        from ..long_text import doc_in_parts

        doc = doc_in_parts(nlp, text)
        doc.user_data[SEGMENTS_KEY] = segments
        doc.user_data[TEXT_KEY] = text  # Doc.text re-joins every token: keep the one we have
        return doc
    doc = nlp.make_doc(text)
    doc.user_data[SEGMENTS_KEY] = segments
    doc = nlp(doc)
    doc.user_data[TEXT_KEY] = text  # what text_of() returns, without re-joining the tokens
    return doc


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
