"""JSON-lines readers and writers: many raw texts in, one result line per text out.

* :func:`quotes_jsonl` (:mod:`newslab.io.quotes`) — ``newslab quotes``: attributions per text;
* :func:`stance_jsonl` (:mod:`newslab.io.stance`) — ``newslab stance``: actor stance and
  portrayal labels for (sentence, holder, target) items.
"""

from .quotes import quotes_jsonl
from .stance import STANCE_TO_POLARITY, stance_jsonl

__all__ = ["STANCE_TO_POLARITY", "quotes_jsonl", "stance_jsonl"]
