"""The spaCy layer: the model, one Doc per Article, offsets between the two, shared syntax.

* :mod:`newslab.nlp.model` — :func:`load_model` (cached per process, never downloads) and the
  pipeline components newslab adds;
* :mod:`newslab.nlp.docs` — :func:`article_doc` / :func:`pipe_articles`: one Doc per Article;
* :mod:`newslab.nlp.offsets` — :class:`OffsetMap`: Doc characters ↔ ``Article.text``, block
  index, paragraph number (the one place that reads a Doc's segments);
* :mod:`newslab.nlp.syntax` — subject of a verb, noun phrase, relative pronouns, negation and
  modality, written once for every extractor.

This package imports nothing above it (no extractor, table or view).
"""

from .docs import BLOCK_SEPARATOR, SEGMENTS_KEY, article_doc, doc_text, pipe_articles
from .model import DEFAULT_MODELS, load_model
from .offsets import OffsetMap, block_index, to_source

__all__ = ["BLOCK_SEPARATOR", "DEFAULT_MODELS", "OffsetMap", "SEGMENTS_KEY", "article_doc",
           "block_index", "doc_text", "load_model", "pipe_articles", "to_source"]
