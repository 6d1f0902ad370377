"""Stance toward a target: which statements are about a target phrase, and each holder's
position on it.

* :mod:`~newslab.target.relevance` — a 0-1 ``relevance`` per statement row (the attitude's own
  target, what an anaphoric target refers to, the clause around it, article idf); optional
  similarity backends (:func:`register_similarity`);
* :mod:`~newslab.target.position` — :func:`stance`: the rows about the target with the holder's
  position **on the target** (off-target attitudes neutral, opposing a blocker is support) and
  the relevance cut-off :data:`MIN_RELEVANCE`;
* :mod:`~newslab.target.summary` — :func:`stance_summary`: each holder's majority position;
* :mod:`~newslab.target.similarity` — the optional ``minilm`` backend (``semantic`` extra);
* :mod:`~newslab.target.scoring` — scoring against positions labelled by reading
  (``tests/data/target_stance.json``).

Statements tables in, tables out: this package reads the statements table
(:mod:`newslab.tables`, passed in, never imported) and, given an Analysis, its Doc and mentions.
It imports :mod:`newslab.nlp`, :mod:`newslab.lexicons` and :mod:`newslab.polarity`; never
tables, views or the analysis module. ``newslab.stance`` and ``newslab.stance_summary`` (which
also read articles) call it.

>>> from newslab.target import MIN_RELEVANCE
>>> MIN_RELEVANCE
0.2
"""

from . import similarity as _similarity  # noqa: F401 - registers the optional "minilm" backend
from .position import MIN_RELEVANCE, TARGET_COLUMNS, is_someone, position_on_target, stance
from .relevance import SIMILARITY_BACKENDS, register_similarity, relevance_table
from .summary import SUMMARY_COLUMNS, stance_summary, summarize_positions

__all__ = ["MIN_RELEVANCE", "SIMILARITY_BACKENDS", "SUMMARY_COLUMNS", "TARGET_COLUMNS",
           "is_someone", "position_on_target", "register_similarity", "relevance_table",
           "stance", "stance_summary", "summarize_positions"]
