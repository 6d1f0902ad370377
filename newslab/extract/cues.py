"""Reporting cues in a Doc: the verbs and phrases of ``lexicons/reporting_verbs.csv``.

One spaCy :class:`~spacy.matcher.Matcher` per vocabulary holds the whole lexicon: one pattern for
all one-word verbs (by lemma), one per phrase (``according to``, ``call for``, ``point out``). A
hit is a :class:`CueHit`: its first token (``verb``), its last token and its lexicon entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from ..lexicons import reporting_cues
from ..records import ReportingCue

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


class CueHit(NamedTuple):
    """One reporting cue found in a Doc: first token, last token (same for one word), entry."""

    verb: "Token"
    last: "Token"
    entry: ReportingCue


def find_cues(doc: "Doc") -> list[CueHit]:
    """Reporting cues in ``doc`` as :class:`CueHit` records, in text order, via a Matcher.

    Phrase cues ("according to", "call for", "point out") win over their first word."""
    cues = reporting_cues()
    found: dict[int, CueHit] = {}
    for match_id, s, e in _matcher(doc.vocab)(doc):
        key = doc.vocab.strings[match_id]
        if key == "CUE":
            entry = cues.get(doc[s].lemma_.lower())
            if entry is None or s in found:
                continue
        else:
            entry = cues[key]
        found[s] = CueHit(doc[s], doc[e - 1], entry)
    return [found[s] for s in sorted(found)]


_MATCHERS: dict[int, Any] = {}
#: Cue lemmas that en_core_web_sm gets wrong, matched by word form instead ("hoping" → "hop").
MISLEMMATIZED = {"hope": ("hopes", "hoped", "hoping"),
                 "retweet": ("retweet", "retweets", "retweeted", "retweeting")}


def _matcher(vocab):
    """A spaCy Matcher for the lexicon: one pattern for all one-word verbs (by lemma), one per
    phrase (word by word)."""
    m = _MATCHERS.get(id(vocab))
    if m is not None:
        return m
    from spacy.matcher import Matcher

    m = Matcher(vocab)
    singles = [k for k in reporting_cues() if " " not in k]
    m.add("CUE", [[{"LEMMA": {"IN": singles}, "POS": "VERB"}]])
    for key, forms in MISLEMMATIZED.items():
        if key in reporting_cues():
            m.add(key, [[{"LOWER": {"IN": list(forms)}, "POS": "VERB"}]])
    for key in reporting_cues():
        words = key.split()
        if key == "according to":
            m.add(key, [[{"LOWER": "according"}, {"LOWER": "to"}]])
        elif len(words) > 1:
            m.add(key, [[{"LEMMA": words[0], "POS": "VERB"}, *({"LOWER": w} for w in words[1:])]])
    _MATCHERS[id(vocab)] = m
    return m

