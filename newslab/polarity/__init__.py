"""Stance and portrayal labels: two separate scores, never blended; backends registered by name.

* **Actor stance** (holder -> target): what a holder thinks of a target, ``support | oppose |
  neutral`` with a ``hedged`` flag and ``evidence``, from transparent rules over the dependency
  parse (:mod:`newslab.polarity.rules`; no model: the opt-in ``rules_speech`` backend may read the
  holder's own reported clause with the portrayal model, see that module for why that is still
  stance). :func:`actor_stance` labels one holder/target pair.
  :mod:`newslab.polarity.evaluative` reads evaluative predications in reported speech (``said
  the extension was not a bad idea`` -> support) for the statements extractor.
* **Portrayal**: how the text treats an actor, ``negative | neutral | positive`` per
  (sentence, target span), from a small model trained on NewsMTSC
  (:mod:`newslab.polarity.portrayal`).

Backends are registered where they are defined (``@register_stance_backend("rules")`` in
:mod:`~newslab.polarity.rules`, ``@register_portrayal_backend("tfidf")`` in
:mod:`~newslab.polarity.portrayal`) and chosen with ``backend=...``
(:mod:`~newslab.polarity.registry`). Statements (who takes which position in an article) are
extracted by :mod:`newslab.extract.statements`; tables come from :mod:`newslab.tables`.

>>> from newslab.polarity import actor_stance                                   # doctest: +SKIP
>>> actor_stance("Russia has objected to the plans.", (0, 6), (23, 32)).label  # doctest: +SKIP
'oppose'
"""

from .actor import actor_stance, actor_stances
from .portrayal import load_portrayal_model, portrayal_label, portrayal_labels
from .registry import (
    PORTRAYAL_BACKENDS,
    STANCE_BACKENDS,
    portrayal_backend,
    register_portrayal_backend,
    register_stance_backend,
    stance_backend,
)
from .rules import StanceResult, lexical_rules_stance, rules_stance, speech_rules_stance

__all__ = [
    "PORTRAYAL_BACKENDS", "STANCE_BACKENDS", "StanceResult", "actor_stance", "actor_stances",
    "lexical_rules_stance", "load_portrayal_model", "portrayal_backend", "portrayal_label",
    "portrayal_labels", "register_portrayal_backend", "register_stance_backend", "rules_stance",
    "speech_rules_stance", "stance_backend",
]
