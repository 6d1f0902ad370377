"""How much a statement is about a target phrase: a 0-1 ``relevance`` per statement row.

The score reads, for each row of a statements table (:func:`newslab.tables.statements_table`):

* **the attitude's own target** (``target`` column, from the cue to what it is about:
  ``objected to [the plans]``, ``expressed its willingness to help [the war effort]``): the
  weighted share of the target phrase's content words found there (:data:`WEIGHT_OWN`);
* **what an anaphoric target refers to** (``the plans``, ``the request``, ``it``, ``the move``):
  a definite or demonstrative phrase whose words do not meet the target is read through its
  antecedent. An actor the shared resolver (:mod:`newslab.extract.coref`) links the phrase to counts
  as its name (``the alliance`` -> Nato); a proposition or event (``the plans``) is read in the
  sentence before, its last clause first (recency, Hobbs 1978), and, when that sentence itself
  holds a statement, that statement's own relevance carries over (an anaphor takes the topic of
  what it refers to; Webber 1988 on discourse deixis). Discounted by :data:`ANAPHOR_DISCOUNT`;
* **the clause around it** (:data:`WEIGHT_SENTENCE`) and the holder: a statement whose clause
  names the target is somewhat about it even when the attitude points elsewhere; a clause
  coordinated after ``but`` or ``;`` is another proposition and does not count;
* **topic continuity** (:data:`CONTINUITY_DISCOUNT`): a holder's quotation in the sentence
  after their own earlier statement continues it (the direct quotation that bears out the
  paraphrase before it, the usual order of a news paragraph);
* **restatement** (:data:`RESTATEMENT_DISCOUNT`): a holder's act that partly names the target
  and repeats the cue of an earlier act by the same holder (the headline "Cruz proposes term
  limits", then the lead "Cruz proposed to set lifetime limits for service in the Senate and
  House") restates it and takes its relevance, discounted; rows of one act (conjoined holders:
  ``Cruz and Rooney proposed``) share the highest score (van Dijk 1988: a news story's lead
  summarises its headline);
* optionally **semantic similarity** from a registered embedding backend
  (:func:`register_similarity`); none is registered by default, so newslab never needs one.

Words are matched on a shared five-letter prefix (``Russian``/``Russia``,
``absorbing``/``absorption``) or a shared cue class (``help`` meets ``contribute``; classes from
``lexicons/attitude_verbs.csv``) and weighted by their inverse sentence frequency in the article
(Sparck Jones 1972): a word the whole article repeats (its topic) tells less about which
statements concern the target than a word only a few sentences use.

>>> import pandas as pd
>>> df = pd.DataFrame([{"holder": "Russia", "target": "the plans", "statement":
...     "Russia has objected to the plans.", "context": "Nato may absorb Georgia.",
...     "cue": "objected", "start": 25, "cue_start": 36}])
>>> relevance_table(df, "Nato absorbing Georgia").relevance.round(2).tolist()
[0.63]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from ..errors import UnknownBackendError
from ..lexicons import cue_classes
from ..missing import is_missing
from ..nlp import load_model

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Weight of the attitude's own target (or its antecedent) in the relevance.
WEIGHT_OWN = 0.7
#: Weight of the cue's clause (and the holder) beyond the attitude's target.
WEIGHT_SENTENCE = 0.3
#: An antecedent found by reading the sentence before counts a little less than a named target.
ANAPHOR_DISCOUNT = 0.9
#: A holder's statement right after their own earlier statement continues its topic (a
#: paraphrase followed by the direct quotation that bears it out): that share carries over.
CONTINUITY_DISCOUNT = 0.6
#: A holder's act restated later (the headline "Cruz proposes amendment", then the lead "Cruz
#: proposed to set lifetime limits ..."): the restatement shares the act's topic, a little less.
RESTATEMENT_DISCOUNT = 0.9
#: Shared prefix length that makes two words match (Russian/Russia, absorb/absorption).
PREFIX_MATCH = 5
#: Determiners and pronouns that make a target phrase refer back (``the plans``).
ANAPHORIC_WORDS = frozenset({"the", "this", "that", "these", "those", "it", "them", "they",
                             "such", "its", "their", "which"})
#: Prepositions and complementisers that may open a target phrase (``to the plans``).
LEADING_WORDS = frozenset({"to", "for", "against", "of", "on", "about", "with", "over", "in",
                           "that"})
#: Words with no content of their own, skipped in targets and statements.
STOPWORDS = frozenset({
    "the", "a", "an", "of", "for", "to", "in", "on", "and", "or", "with", "by", "at", "from",
    "about", "into", "that", "this", "it", "its", "is", "are", "was", "were", "be", "been", "as",
    "their", "his", "her", "they", "them", "we", "our", "i", "he", "she", "you", "not", "no",
    "has", "have", "had", "will", "would", "could", "should", "may", "might", "can", "do",
    "does", "did", "said", "says", "say", "also", "than", "then", "more", "most", "very",
    "which", "who", "whom", "what", "there", "these", "those", "such", "any", "all", "some",
})
#: Clause boundaries inside a sentence, for reading the most recent clause first.
_CLAUSE_BREAK = re.compile(r";|:|,?\s+(?:but|while|whereas|although|though)\s+|,\s+and\s+", re.I)
#: What follows a target phrase up to the next comma, colon, quote mark or bracket (``in
#: Afghanistan``, ``to U.S. Constitution setting term limits``), at most 8 words; the
#: statement is one sentence, so a full stop inside it belongs to an abbreviation.
_TAIL = re.compile(r"(?:\s+[^\s,;:!?\"“”()]+){0,8}")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")

#: Registered similarity backends: ``fn(target: str, texts: list[str]) -> list[float]`` (0-1).
SIMILARITY_BACKENDS: dict[str, Callable[[str, list[str]], list[float]]] = {}


def register_similarity(name: str) -> Callable[[Callable], Callable]:
    """Decorator: make ``fn(target, texts) -> [similarity 0-1, ...]`` available by ``name``.

    A backend may add semantic similarity (e.g. sentence embeddings from a package that ships
    its weights); it is used only when ``similarity="name"`` is passed to :func:`relevance_table`.
    """

    def deco(fn: Callable) -> Callable:
        SIMILARITY_BACKENDS[name] = fn
        return fn

    return deco


def words(text: str | None) -> list[str]:
    """Content words of ``text``, lower case, stopwords dropped.

    >>> words("Nato absorbing Georgia and Ukraine")
    ['nato', 'absorbing', 'georgia', 'ukraine']
    """
    out = []
    for w in _WORD_RE.findall(text or ""):
        w = w.lower().strip("'")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) > 1 and w not in STOPWORDS:
            out.append(w)
    return out


def match(a: str, b: str) -> bool:
    """Same word, same five-letter prefix (``Russian`` meets ``Russia``), or the same short
    word inflected (``ban`` meets ``banning``, ``bag`` meets ``bags``).

    >>> match("ban", "banning"), match("bags", "bag"), match("ban", "band")
    (True, True, False)
    """
    if a == b:
        return True
    if min(len(a), len(b)) >= PREFIX_MATCH and a[:PREFIX_MATCH] == b[:PREFIX_MATCH]:
        return True
    return a[:2] == b[:2] and _stem(a) == _stem(b)


_INFLECTION = re.compile(r"(?:ing|ed|es|s)$")


def _stem(word: str) -> str:
    """``word`` without a regular English inflection (-s, -es, -ed, -ing) and the consonant
    doubled before it (``banning`` -> ``ban``); words shorter than six letters after it
    lose nothing more."""
    stem = _INFLECTION.sub("", word) if len(word) > 3 else word
    if len(stem) < 3:
        return word
    if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        stem = stem[:-1]
    return stem


def _phrase_words(phrase: str | None) -> list[str]:
    """The lower-case words of a target phrase without the prepositions that open it."""
    ws = (phrase or "").lower().split()
    while ws and ws[0] in LEADING_WORDS:
        ws = ws[1:]
    return ws


def anaphoric(phrase: str | None) -> bool:
    """``the plans``, ``to the plans``, ``it``, ``this move``: a target phrase that points back.

    A pronoun, a demonstrative phrase, or ``the`` with a bare head noun (``the request``); a
    definite phrase that describes its referent (``the war effort``, ``the Nato summit``) names
    it instead (Poesio & Vieira 1998: most modified definites are discourse-new).

    >>> anaphoric("to the plans"), anaphoric("Georgia's membership"), anaphoric("the war effort")
    (True, False, False)
    """
    ws = _phrase_words(phrase)
    if not ws:
        return True
    if ws[0] not in ANAPHORIC_WORDS:
        return False
    return ws[0] != "the" or len(words(" ".join(ws[1:]))) <= 1


#: Nouns that name an act or event as such (``the decision``, ``the move``): with no antecedent
#: nearby they refer to the event the story reports (Asher 1993 on abstract-object anaphora;
#: the headline states that event, van Dijk 1988).
EVENT_NOUNS = frozenset({"decision", "move", "step", "announcement", "action", "measure",
                         "plan", "plans", "order", "ruling", "vote", "deal", "policy", "proposal"})


#: Prepositions of a verb's adjunct that the parser may hang on an object noun (``criticised
#: the decision [on television]``): they do not describe the noun's referent.
ADJUNCT_PREPS = frozenset({"on", "via", "in", "at", "during", "with", "by", "after", "before"})


#: Prepositions that open a headline's circumstance (time, cause, concession), not its event.
_CIRCUMSTANCE = re.compile(r"\s+(?:ahead of|amid|after|before|despite|following|as|during|"
                           r"in the wake of|over)\s+.*$", re.I)


def headline_event(headline: str) -> str:
    """The event a headline reports, without its circumstance: ``Queen agrees to suspend
    Parliament ahead of Brexit deadline`` -> ``Queen agrees to suspend Parliament`` (a
    headline's adverbial of time or reason frames the event; van Dijk 1988, ch. 2).

    >>> headline_event("Queen agrees to suspend UK Parliament ahead of Brexit deadline")
    'Queen agrees to suspend UK Parliament'
    """
    return _CIRCUMSTANCE.sub("", headline or "").strip()


def topic_anaphor(phrase: str | None, topic: str) -> bool:
    """Whether the definite target ``phrase`` may refer to the story's event stated in
    ``topic`` (its headline): a definite or possessive event noun (``the decision``, ``his
    decision``, also with an adjunct the parser hung on it: ``the decision via Twitter``), or
    the headline's own noun taken up again (``the bill`` after "... withdraws extradition
    bill").

    >>> topic_anaphor("the decision", "Trump announces troop withdrawal")
    True
    >>> topic_anaphor("the bill", "Lam withdraws extradition bill"), topic_anaphor("it", "Lam quits")
    (True, False)
    """
    lead = _phrase_words(phrase)
    if not lead or lead[0] not in ANAPHORIC_WORDS | {"his", "her"}:
        return False
    rest = lead[1:]
    if not rest or len(rest) > 1 and rest[1] not in ADJUNCT_PREPS:
        return False  # "the proposal to extend opening hours" describes its referent
    noun = rest[0].strip(".,;:")
    # "the decision", "his decision via Twitter" (an adjunct the parser hung on the noun)
    return noun in EVENT_NOUNS or len(rest) == 1 and noun in words(topic)


def last_clause(sentence: str) -> str:
    """The most recent clause of ``sentence`` (after the last ``; ``/``, but``/``, and``)."""
    parts = [p for p in _CLAUSE_BREAK.split(sentence or "") if p and p.strip()]
    return parts[-1] if parts else ""


def clause_at(sentence: str, i: int) -> str:
    """The coordinated clause of ``sentence`` that holds character ``i`` (the cue).

    Clauses joined by ``; ``, ``, but``, ``while`` state separate propositions (Quirk et al.
    1985, 13.1): ``The Kremlin has allowed X, but ties remain strained over Y`` takes no
    position on Y.

    >>> clause_at("Russia allowed transit, but ties remain strained over Georgia.", 7)
    'Russia allowed transit'
    """
    if not sentence:
        return ""
    pos = 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.start() > i:
            return sentence[pos:m.start()]
        pos = m.end()
    return sentence[pos:]


@dataclass(frozen=True)
class TargetWords:
    """A target phrase as weighted content words, its core words and the cue classes they carry."""

    text: str
    words: tuple[str, ...]
    weights: tuple[float, ...]
    classes: frozenset[str]
    core: frozenset[str] = frozenset()
    acronym: str = ""
    acronym_words: frozenset[str] = frozenset()

    def _found(self, text: str | None, extra: Iterable[str]) -> list[bool]:
        found = set(words(text)) | {w.lower() for w in extra}
        if not found:
            return [False] * len(self.words)
        classes = cue_classes()
        found_classes = {classes[f] for f in found if f in classes}
        spelled = self.acronym_words if self.acronym and self.acronym in acronyms(text) else ()
        return [any(match(w, f) for f in found) or (w in classes and classes[w] in found_classes)
                or w in spelled for w in self.words]

    def overlap(self, text: str | None, extra: Iterable[str] = ()) -> float:
        """Weighted share (0-1) of the target's words found in ``text`` (or ``extra`` words).

        A word also counts as found when a cue word of the same class is there (``help`` in
        the target, ``contribute`` in the text; classes of ``lexicons/attitude_verbs.csv``).
        """
        return sum(wt for wt, hit in zip(self.weights, self._found(text, extra)) if hit)

    def names_core(self, text: str | None, extra: Iterable[str] = ()) -> bool:
        """Whether ``text`` has one of the target's core words (its head and arguments:
        ``wall`` in ``the border wall``, not only ``border``)."""
        core = self.core or frozenset(self.words)
        return any(hit and w in core for w, hit in zip(self.words, self._found(text, extra)))


#: Dependencies of a target's head whose words are part of what the target is (its arguments),
#: as opposed to modifiers that only narrow it (compound, amod, poss).
_CORE_DEPS = {"ROOT", "nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr", "csubj", "appos"}


@lru_cache(maxsize=256)
def core_words(target: str) -> frozenset[str]:
    """The head of the target phrase and its arguments, from a parse of the phrase.

    ``the border wall`` -> {wall}; ``Nato absorbing Georgia and Ukraine`` -> all four words;
    ``the use of third-party currencies in African trade`` -> {use, currencies}; every word of
    a proper name (``the African Continental Free Trade Area``). A modifier
    that narrows the head (``border``, ``Russian``, ``in African trade``, ``for the border
    wall``) does not by itself make a statement about the target: of a noun's prepositional
    phrases only the ``of`` phrase is an argument (the objective genitive, ``the use of X`` =
    using X; Quirk et al. 1985, §17.38-17.42); ``for``/``in``/``against`` phrases are
    adjuncts that restrict it.

    >>> sorted(core_words("the border wall"))                                # doctest: +SKIP
    ['wall']
    """
    doc = load_model()(target)
    out = set()
    for tok in doc:
        ok, t = True, tok
        while t.head.i != t.i:
            if t.dep_ not in _CORE_DEPS and not (t.dep_ == "prep" and t.lower_ == "of"
                                                 and t.head.head.i == t.head.i) \
                    and not _in_name(t):
                ok = False
                break
            t = t.head
        if ok:
            out.update(words(tok.text))
    return frozenset(out)


def _in_name(tok) -> bool:
    """A word of a multi-word proper name (``Free`` in ``the African Continental Free Trade
    Area``): a name's words do not narrow its head, they are the name."""
    return tok.dep_ == "compound" and tok.pos_ == "PROPN" and tok.head.pos_ == "PROPN"


@lru_cache(maxsize=256)
def head_word(target: str) -> str:
    """The head of the target phrase (the root of its parse), lower case: ``term limits for
    members of Congress`` -> ``limits``.

    >>> head_word("term limits for members of Congress")               # doctest: +SKIP
    'limits'
    """
    doc = load_model()(target)
    roots = [t for t in doc if t.head.i == t.i]
    return roots[0].lower_ if roots else ""


def target_words(target: str, sentences: Sequence[str] = ()) -> TargetWords:
    """Weigh the target's words by inverse sentence frequency in ``sentences`` (the article).

    Weights are ``log(1 + N / df)`` (N sentences, df those holding the word; df counts at least
    1), normalised to sum to 1; without sentences every word weighs the same.

    >>> t = target_words("Nato absorbing Georgia", ["Nato met.", "Nato left.", "Georgia voted."])
    >>> [round(w, 2) for w in t.weights]
    [0.25, 0.38, 0.38]
    """
    ws = tuple(dict.fromkeys(words(target)))
    bags = [set(words(s)) for s in sentences]
    n = len(bags)
    raw = []
    for w in ws:
        if not n:
            raw.append(1.0)
            continue
        df = sum(1 for b in bags if any(match(w, x) for x in b))
        raw.append(math.log(1 + n / max(df, 1)))
    total = sum(raw) or 1.0
    classes = cue_classes()
    core = core_words(target) if len(ws) > 1 else frozenset(ws)
    capitals = [w for w in _WORD_RE.findall(target) if w[:1].isupper() and w.lower() in ws]
    acronym = "".join(w[0] for w in capitals) if len(capitals) >= 3 else ""
    return TargetWords(target, ws, tuple(r / total for r in raw),
                       frozenset(classes[w] for w in ws if w in classes), core, acronym,
                       frozenset(w.lower() for w in capitals) if acronym else frozenset())


def acronyms(text: str | None) -> set[str]:
    """Capital letters of the words written with two or more capitals (``AfCFTA`` -> ``ACFTA``),
    so that an acronym meets the name it abbreviates.

    >>> sorted(acronyms("The success of the AfCFTA, said the AU"))
    ['ACFTA', 'AU']
    """
    return {"".join(c for c in w if c.isupper()) for w in _WORD_RE.findall(text or "")
            if sum(c.isupper() for c in w) >= 2}


def _text(row, name: str) -> str:
    value = getattr(row, name, None)
    return "" if is_missing(value) else str(value)


def attitude_phrase(row) -> str:
    """The attitude's own target with the cue chain before it and its modifiers after it
    (``expressed its willingness to help the war effort in Afghanistan``), read from the
    statement up to the next punctuation; the target phrase alone when the cue does not
    precede it in the statement."""
    target, statement = _text(row, "target"), _text(row, "statement")
    cs, st = getattr(row, "cue_start", None), getattr(row, "start", None)
    if target and statement and not is_missing(cs) and not is_missing(st):
        i = statement.find(target)
        j = int(cs) - int(st)
        if 0 <= j < i:
            return statement[j:_tail_end(statement, i + len(target))]
    return target


def _tail_end(statement: str, i: int) -> int:
    """End of the modifiers after position ``i`` (see :data:`_TAIL`), cut at a clause break."""
    tail = _TAIL.match(statement, i)
    end = tail.end() if tail else i
    brk = _CLAUSE_BREAK.search(statement, i, end)
    return brk.start() if brk else end


def target_phrase(row) -> str:
    """The attitude's own target with the modifiers after it (``the ban on night flights``)."""
    target, statement = _text(row, "target"), _text(row, "statement")
    i = statement.find(target) if target else -1
    if i < 0:
        return target
    return statement[i:_tail_end(statement, i + len(target))]


def relevance_table(statements_df: "pd.DataFrame", target: str, *,
                    sentences: Sequence[str] | None = None,
                    referents: Sequence[Iterable[str]] | None = None,
                    similarity: str | None = None, topic: str | None = None) -> "pd.DataFrame":
    """The statements with ``relevance`` (float 0-1) and ``relevance_source`` (str) columns.

    ``sentences`` are the article's sentences (for word weights; default: the statements'
    own sentences and contexts). ``referents[i]`` are actor names row ``i``'s target phrase
    refers to (from the resolver; see :func:`newslab.target.position.target_referents`).
    ``topic`` is the article's headline: an event anaphor (``the decision``, ``the move``) with
    no antecedent in the sentence before refers to the event the story reports
    (:func:`topic_anaphor`).
    ``relevance_source`` says where the score came from: ``target`` (the attitude's own
    target), ``antecedent`` (what an anaphoric target refers to), ``sentence`` or ``none``.
    Rows keep their order and index.
    """
    df = statements_df.copy()
    if sentences is None:
        sentences = list(dict.fromkeys([_text(r, "statement") for r in df.itertuples()]
                                       + [_text(r, "context") for r in df.itertuples()]))
    tw = target_words(target, sentences)
    sims = _similarities(df, target, similarity)
    seen: list[tuple[str, str, float, str]] = []  # (statement, holder, relevance, cue clause)
    acts: list[tuple[str, str, float]] = []  # (holder, cue word, relevance)
    scores, sources = [], []
    for k, r in enumerate(df.itertuples(index=False)):
        phrase = attitude_phrase(r)
        refs = list(referents[k]) if referents is not None else []
        ref_words = [w for name in refs for w in words(name)]
        own = tw.overlap(phrase, ref_words) if tw.names_core(phrase, ref_words) else 0.0
        if sims is not None:
            own = max(own, sims[k])
        context, statement, holder = _text(r, "context"), _text(r, "statement"), _text(r, "holder")
        before = [(h, rel, cl) for st, h, rel, cl in seen
                  if st and context and (st in context or context in st)]
        ante = 0.0
        if (anaphoric(_text(r, "target")) or topic_anaphor(_text(r, "target"), topic or "")) \
                and own < 1.0:
            # the most recent clause before, and a statement made in it (Webber 1988)
            recent = last_clause(context)
            carried = max((rel for _, rel, cl in before if cl.strip() and recent.strip()
                           and (cl in recent or recent in cl)), default=0.0) / WEIGHT_OWN
            named = tw.overlap(recent) if tw.names_core(recent) else 0.0
            if not named and topic and topic_anaphor(_text(r, "target"), topic):
                event = headline_event(topic)
                named = tw.overlap(event) if tw.names_core(event) else 0.0
            ante = ANAPHOR_DISCOUNT * min(1.0, max(named, carried))
        clause = clause_at(statement, _cue_offset(r))
        sent = tw.overlap(f"{clause} {holder}")
        best = max(own, ante)
        score = WEIGHT_OWN * best + WEIGHT_SENTENCE * sent
        cont = 0.0
        if _text(r, "kind") == "quote":
            cont = CONTINUITY_DISCOUNT * max((rel for h, rel, _ in before if h == holder),
                                             default=0.0)
        source = "target" if own >= ante and own > 0 else "antecedent" if ante > 0 else \
            "sentence" if sent > 0 else "none"
        if cont > score:
            score, source = cont, "antecedent"
        restated = _restated(acts, holder, _text(r, "cue")) if own > 0 else 0.0
        if restated > score:
            score, source = restated, "antecedent"
        score = round(min(1.0, score), 3)
        scores.append(score)
        sources.append(source)
        seen.append((statement, holder, score, clause))
        acts.append((holder, _text(r, "cue").lower(), score))
    df["relevance"] = scores
    df["relevance_source"] = sources
    return _same_act_same_score(df)


def _restated(acts: list[tuple[str, str, float]], holder: str, cue: str) -> float:
    """The discounted relevance of an earlier act by ``holder`` with the same cue word: a news
    story's lead restates its headline and later paragraphs restate the lead (the "summary"
    and "instalment" structure of news, van Dijk 1988, *News as Discourse*, ch. 2)."""
    cue = cue.lower()
    if not holder or not cue:
        return 0.0
    return RESTATEMENT_DISCOUNT * max((rel for h, c, rel in acts
                                       if h == holder and c and match(c, cue)), default=0.0)


def _same_act_same_score(df: "pd.DataFrame") -> "pd.DataFrame":
    """Rows of one act (same statement and cue, one per conjoined holder: ``Cruz and Rooney
    proposed``) share the highest relevance and its source."""
    if df.empty or "cue_start" not in df.columns or "start" not in df.columns:
        return df
    keys = list(zip(df["start"], df["cue_start"]))
    best: dict = {}
    for k, rel, src in zip(keys, df["relevance"], df["relevance_source"]):
        if k not in best or rel > best[k][0]:
            best[k] = (rel, src)
    df["relevance"] = [best[k][0] for k in keys]
    df["relevance_source"] = [best[k][1] for k in keys]
    return df


def _cue_offset(row) -> int:
    """Where the cue sits in the row's statement (0 when unknown)."""
    cs, st = getattr(row, "cue_start", None), getattr(row, "start", None)
    return 0 if is_missing(cs) or is_missing(st) else max(0, int(cs) - int(st))


def _similarities(df: "pd.DataFrame", target: str, name: str | None) -> list[float] | None:
    if name is None:
        return None
    try:
        fn = SIMILARITY_BACKENDS[name]
    except KeyError:
        raise UnknownBackendError("similarity", name, list(SIMILARITY_BACKENDS)) from None
    return [float(x) for x in fn(target, [attitude_phrase(r) for r in df.itertuples(index=False)])]
