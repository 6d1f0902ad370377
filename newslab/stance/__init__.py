"""Statements, actor stance and portrayal: two separate scores, never blended.

* **Actor stance** (holder -> target): what a holder thinks of a target, ``support | oppose |
  neutral`` with a ``hedged`` flag and ``evidence``, from transparent rules over the dependency
  parse (:mod:`newslab.stance.rules`; no model: the opt-in ``rules_speech`` backend may read the
  holder's own reported clause with the portrayal model, see that module for why that is still
  stance). :func:`statements` lists every position taken in a Doc
  (quotations and attitude constructions); :func:`stance` ranks them for a target phrase.
* **Portrayal**: how the text treats an actor, ``negative | neutral | positive`` per
  (sentence, target span), from a small model trained on NewsMTSC
  (:mod:`newslab.stance.portrayal`).

Backends are registered by name (:data:`STANCE_BACKENDS`, :data:`PORTRAYAL_BACKENDS`) and
chosen with ``backend=...``.

>>> from newslab.stance import actor_stance                                   # doctest: +SKIP
>>> actor_stance("Russia has objected to the plans.", (0, 6), (23, 32)).label  # doctest: +SKIP
'oppose'
"""

from .actor import actor_stance, actor_stances
from .evaluate import STANCE_TO_POLARITY, stance_jsonl
from .portrayal import load_portrayal_model, portrayal_label, portrayal_labels
from .portrayal_table import PORTRAYAL_COLUMNS, portrayal
from .registry import (
    PORTRAYAL_BACKENDS,
    STANCE_BACKENDS,
    portrayal_backend,
    register_portrayal_backend,
    register_stance_backend,
    stance_backend,
)
from .rules import StanceResult, lexical_rules_stance, rules_stance, speech_rules_stance
from .statements import STATEMENT_COLUMNS, stance, statements

register_stance_backend("rules")(rules_stance)
register_stance_backend("rules_lexical")(lexical_rules_stance)  # older name of "rules"
register_stance_backend("rules_speech")(speech_rules_stance)

__all__ = [
    "PORTRAYAL_BACKENDS", "PORTRAYAL_COLUMNS", "STANCE_BACKENDS", "STANCE_TO_POLARITY",
    "STATEMENT_COLUMNS", "StanceResult", "actor_stance", "actor_stances", "lexical_rules_stance",
    "load_portrayal_model", "portrayal", "portrayal_backend", "portrayal_label",
    "portrayal_labels", "register_portrayal_backend", "register_stance_backend", "rules_stance",
    "speech_rules_stance", "stance", "stance_backend", "stance_jsonl", "statements",
]
