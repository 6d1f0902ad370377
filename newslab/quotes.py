"""Who said what: direct, mixed and indirect quotations with their speakers.

:func:`quotes` reads one spaCy Doc (the article's, see :func:`newslab.nlp.article_doc`) and
returns one row per attribution, with character offsets into ``Article.text``.

How a row is found, in the order the rules run (each row's ``rule`` column names its rule):

1. **Quotation marks** are paired per paragraph (:func:`quotation_spans`). Every style counts:
   “ ” ‘ ’ " ' « » „ “ and the NYT's ``\u0060\u0060`` / ``''``. An apostrophe is not a quote mark
   (``don't``, ``Russia's``, ``'90s``, ``rock 'n' roll``): ' and ’ between letters, before a
   year or in a short elision never open or close a quotation, and ’ after a word only closes a
   quotation that is open. A paragraph that opens a quotation without closing it continues into
   the next paragraph when that one opens with a quote mark (the news convention for long
   quotations); otherwise the quotation ends with its paragraph (best reading, never an error).
2. **Direct quotations** (the quotation is a whole sentence or stands at a sentence edge):
   the speaker and reporting verb come after it (``"…," he said``), before it
   (``Medvedev said: "…"``, ``Erdogan said, "…"``; a long speaker phrase is fine: ``"…," Jane
   Doe, a senior fellow at …, wrote``), at the end of the previous paragraph
   (``Cruz continued:`` + a quotation paragraph), or on a transcript line (``PENCE: …``).
   A quotation that directly follows an attributed one in the same paragraph
   (``"…," he said. "…"``) is the same attribution: one row, several ``fragments``.
3. **Reported speech** from the dependency parse: a subject + a reporting or attitude verb
   from ``lexicons/reporting_verbs.csv`` + what was said (a that-clause / reported clause, an
   infinitive, or for verbs such as *deny*, *praise* an object), plus ``according to X``,
   ``X told Y that …``, ``X was quoted as saying …`` and ``…, he said`` after a clause.
   When the reported part holds a quoted fragment of two words or more it is ``mixed``.
   PolNeAR's conventions (Newell et al. 2018) decide the spans: an attribution that interrupts
   its sentence (``The plan, she said, failed``) reports the whole sentence, in two fragments
   around ``, she said,``; ``seem`` / ``appear`` + complement and agentless passive reports
   (``is expected to``, ``is said to``, ``was reported that``) report subject to complement with
   no named speaker; the object of *say*, *write*, *tweet*… is what was said when there is no
   clause (``said yes``); a relative pronoun is the speaker mention (``Merkel, who said…``:
   speaker ``who``, actor Angela Merkel).
3b. **Noun cues** from ``lexicons/reporting_nouns.csv``: ``her claim that …``, ``criticism of
   …``, ``voiced concern about …`` — the possessor (or the subject of a light verb such as
   *voice*, *make*) is the speaker; none when the noun stands alone.
3c. **Adjective cues** from ``lexicons/reporting_adjectives.csv``: a predicative adjective with
   a content (``Cruz was critical of the deal``, ``she is confident that …``, ``eager to …``);
   the subject of its verb is the speaker; impersonal ``it is clear that …`` is left out.
3d. **Headline sources**: the article's first line ``Sanders: Clinton email story has moved``
   (a short title-case label, not page furniture such as ``Update:``) attributes the claim
   after the colon to the label.
4. **Left-over quotations**: a quotation paragraph right after an attributed quotation is
   credited to the previous speaker; another quotation that reads as a sentence (six words or
   more with a verb) is kept with no speaker. Everything else in quote marks is a scare quote,
   a title or a name (``'terror'``, ``"Saturday Night Live"``) and is not a quotation.

Speakers that are pronouns or role nouns (``he``, ``Alliance chief``) are linked to a named
actor by :func:`newslab.resolve.resolve_mentions`.

The patterns follow the usual descriptions of news attribution: Pouliquen, Steinberger & Best
(2007) for quotation + verb + speaker layouts, Krestel, Bergler & Witte (2008) for reported
speech with reporting verbs, Pareti (2015) / PolNeAR (Newell et al. 2018) for what counts as an
attribution, and textacy's ``direct_quotations`` as the baseline — except that we never raise on
unbalanced quote marks: a paragraph that cannot be read simply yields fewer rows.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable

from .errors import ParserRequiredError
from .lexicons import read_lexicon
from .mentions import Mention
from .nlp import block_index, to_source
from .quotes_io import quotes_jsonl  # the CLI's entry point for JSON lines; lives in quotes_io
from .resolve import mention_for_span, resolve_mentions
from .span_index import IndexedMentions, SortedSpans

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from spacy.tokens import Doc, Token

    from .article import Article


#: Columns of the table :func:`quotes` returns, in order.
__all__ = ["quotes", "quotes_for_article", "quotes_jsonl", "quotation_spans", "reporting_cues",
           "COLUMNS"]

COLUMNS = ["quote", "start", "end", "fragments", "kind", "block", "paragraph", "speaker",
           "speaker_start", "speaker_end", "actor", "cue", "cue_start", "cue_end", "rule"]

# -- quote marks ------------------------------------------------------------------------------
#: Every quote mark we read; two-character NYT marks first so they win over a single '.
QUOTE_MARK_RE = re.compile(r"``|''|[\"'“”„‟«»‘’‚‹›]")
DOUBLE, SINGLE = "double", "single"
#: mark → (family, role): role "open", "close" or "either" (decided from context).
QUOTE_MARKS = {
    "“": (DOUBLE, "open"), "„": (DOUBLE, "open"), "«": (DOUBLE, "open"), "``": (DOUBLE, "open"),
    "‟": (DOUBLE, "open"), "”": (DOUBLE, "close"), "»": (DOUBLE, "close"),
    '"': (DOUBLE, "either"), "''": (DOUBLE, "either"),
    "‘": (SINGLE, "open"), "‚": (SINGLE, "open"), "‹": (SINGLE, "open"),
    "’": (SINGLE, "close"), "›": (SINGLE, "close"), "'": (SINGLE, "either"),
}
#: Characters after which a mark opens (start of text, space, bracket, dash, slash, other mark).
OPEN_CONTEXT = set(" \t\n([{—–-/“‘«„‚‹\"'`")
#: Characters before which a mark closes.
CLOSE_CONTEXT = set(" \t\n.,;:!?)]}—–-…/”’»›\"'")
#: Short elisions written with a leading apostrophe ('em, 'til, rock 'n' roll, '90s).
ELISION_RE = re.compile(r"'|’|‘")
ELISIONS = re.compile(r"(?:em|til|cause|tis|twas|n|s|d|ll|re|ve|\d\d)s?\b", re.I)

# -- attribution layout ------------------------------------------------------------------------
#: A sentence end inside a window: . ! ? (and closing marks) then a space.
SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)]*\s+")
#: Reporting verb must appear within this many tokens after a quotation ("…," he said).
AFTER_CUE_MAX_TOKENS = 8
#: …or further when everything before it is the speaker's phrase (name + long apposition).
LONG_SPEAKER_MAX_TOKENS = 40
#: …or within this many tokens before it ("Erdogan said, "…").
BEFORE_CUE_MAX_TOKENS = 6
#: A left-over quotation is kept (speaker unknown) only if it reads as a sentence: this many
#: words and a verb. Shorter quoted phrases with no speech cue are scare quotes or titles.
SENTENCE_QUOTE_MIN_WORDS = 6
#: A quoted fragment inside reported speech makes the row "mixed" from this many words; a
#: single quoted word ('terror') is a scare quote and leaves the row "indirect".
MIXED_MIN_WORDS = 2
#: Dependents left out of a speaker's noun phrase ("Rasmussen, making his first visit…, said").
SPEAKER_EXCLUDE_DEPS = {"relcl", "acl", "advcl", "punct", "parataxis", "cc", "prep", "ccomp"}
#: Tokens allowed between a reporting verb and a quotation that follows it ("told reporters").
BETWEEN_CUE_AND_QUOTE_POS = {"ADV", "ADP", "PART", "PUNCT", "DET", "PRON", "SPACE"}
#: Prepositions that carry the content of an attitude verb ("accused X of …", "praised X for …").
CONTENT_PREPS = {"of", "for", "as", "over", "about", "on", "to", "against", "with", "that"}
#: Speech verbs whose direct object, when there is no clause, is what was said ("said yes",
#: "wrote an op-ed", "tweeted a photo"). Chosen on PolNeAR train: for "add", "answer", "read"
#: or "continue" the object is mostly not a statement ("added a provision").
OBJECT_IS_SAID = {"say", "note", "explain", "write", "tweet", "post", "report", "recall"}
#: Complement labels that hold what a verb reports.
CLAUSE_DEPS = ("ccomp",)
XCOMP_DEPS = ("xcomp", "ccomp")
OBJECT_DEPS = ("dobj", "ccomp", "xcomp", "oprd", "attr")
#: Words that show an all-capitals line label is a heading, not a name ("STAT OF THE WEEK").
FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "in", "on", "to", "at", "with", "by", "a"})
#: Relative pronouns: "Lavrov, who said…" → the speaker is the noun the clause modifies.
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}


@dataclass(frozen=True)
class Cue:
    """One lexicon entry: a reporting cue and how its content is expressed."""

    cue: str
    cls: str
    content: str
    addressee: bool


@lru_cache(maxsize=None)
def reporting_cues() -> dict[str, Cue]:
    """Cue lemma (or phrase) → :class:`Cue`, from ``lexicons/reporting_verbs.csv``.

    >>> reporting_cues()["say"].cls
    'speech'
    """
    return {r["cue"]: Cue(r["cue"], r["class"], r["content"], r["addressee"] == "yes")
            for r in read_lexicon("reporting_verbs.csv")}


@lru_cache(maxsize=None)
def reporting_nouns() -> dict[str, str]:
    """Noun lemma → class, from ``lexicons/reporting_nouns.csv`` ("his claim that …").

    >>> reporting_nouns()["claim"]
    'speech'
    """
    return {r["noun"]: r["class"] for r in read_lexicon("reporting_nouns.csv")}


@lru_cache(maxsize=None)
def reporting_adjectives() -> dict[str, str]:
    """Adjective lemma → class, from ``lexicons/reporting_adjectives.csv`` ("critical of …").

    >>> reporting_adjectives()["confident"]
    'cognition'
    """
    return {r["adjective"]: r["class"] for r in read_lexicon("reporting_adjectives.csv")}


@lru_cache(maxsize=None)
def _not_speaker_labels() -> frozenset[str]:
    return frozenset(r["label"] for r in read_lexicon("not_speaker_labels.csv"))


# =============================================================================================
# 1. Quotation marks
# =============================================================================================
@dataclass
class Quotation:
    """Text between paired quote marks, possibly over several paragraphs.

    ``fragments`` are the inner spans (marks excluded) in Doc characters; ``outer`` spans include
    the marks. ``closed`` is False when the closing mark was missing (read to paragraph end).
    """

    fragments: list[list[int]]
    outer: list[list[int]]
    family: str
    closed: bool = True
    inner: list[list[int]] = field(default_factory=list)  # nested quotations (outer spans)

    @property
    def start(self) -> int:
        return self.outer[0][0]

    @property
    def end(self) -> int:
        return self.outer[-1][1]


def _mark_role(text: str, i: int, j: int, mark: str) -> tuple[str, str] | None:
    """(family, "open"/"close"/"either") for the mark at text[i:j], or None for an apostrophe."""
    family, role = QUOTE_MARKS[mark]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[j] if j < len(text) else " "
    if family == SINGLE:
        if prev.isalnum() and nxt.isalnum():
            return None  # don't, Russia's, O'Brien
        if mark != "’" and prev not in OPEN_CONTEXT and nxt not in CLOSE_CONTEXT:
            return None
        if (prev in OPEN_CONTEXT or i == 0) and ELISIONS.match(text, j) and (
                mark != "‘" or text[j:j + 2].isdigit()):
            # 'em, 'til, rock 'n' roll, '90s — but ‘Hey’ with a curly opener stays a quote
            m = ELISIONS.match(text, j)
            if m and (m.end() >= len(text) or text[m.end()] in " ,.;:!?'’"):
                if not (mark == "'" and "'" in text[m.end():m.end() + 1] and m.group(0).lower() != "n"):
                    return None
    left_open = i == 0 or prev in OPEN_CONTEXT
    right_close = j >= len(text) or nxt in CLOSE_CONTEXT
    if role == "either" or (family == SINGLE and role == "close"):
        if left_open and not right_close:
            role = "open"
        elif right_close and not left_open:
            role = "close"
        else:
            role = "either"
    return family, role


def _plural_possessive(text: str, s: int, e: int) -> bool:
    """True for the ’ of "the voters’ anger": after an s, before a lower-case word."""
    return (s > 0 and text[s - 1] in "sS" and e + 1 < len(text) and text[e] == " "
            and text[e + 1].islower())


def quotation_spans(text: str, paragraphs: list[tuple[int, int]]) -> tuple[list[Quotation], int]:
    """Pair quote marks in ``text``, one paragraph (a ``(start, end)`` range) at a time.

    Returns the top-level quotations and how many paragraphs had unbalanced marks (read as
    best we could: an unclosed quotation ends with its paragraph, a stray closing mark is
    ignored).

    >>> text = 'He said: "We will ‘win’." Don’t.'
    >>> qs, bad = quotation_spans(text, [(0, len(text))])
    >>> [text[s:e] for s, e in qs[0].fragments], bad
    (['We will ‘win’.'], 0)
    """
    out: list[Quotation] = []
    unbalanced = 0
    carry: Quotation | None = None  # quotation left open at the end of the previous paragraph
    pending_inner: list[list[int]] = []  # nested quotations of the quotation being read
    for p_start, p_end in paragraphs:
        ptext = text[p_start:p_end]
        marks = []
        for m in QUOTE_MARK_RE.finditer(ptext):
            role = _mark_role(ptext, m.start(), m.end(), m.group(0))
            if role:
                marks.append((m.start() + p_start, m.end() + p_start, *role))
        # stack of open marks: (pos_after_mark, family, mark_start)
        stack: list[tuple[int, str, int]] = []
        bad = False
        if carry is not None:
            first = marks[0] if marks else None
            lead = text[p_start:first[0]].strip() if first else "x"
            if first and not lead and first[3] in ("open", "either") and first[2] == carry.family:
                # the quotation goes on in this paragraph
                stack.append((first[1], carry.family, first[0]))
                marks = marks[1:]
            else:
                out.append(carry)
                bad = True
                carry = None
        for n, (s, e, family, role) in enumerate(marks):
            open_same = [k for k, (_, f, _) in enumerate(stack) if f == family]
            if family == SINGLE and role != "open" and _plural_possessive(text, s, e) and any(
                    f == SINGLE and r != "open" for _, _, f, r in marks[n + 1:]):
                continue  # "the voters’ anger": a later mark closes the quotation
            closes = role == "close" or (role == "either" and open_same)
            if closes and open_same:
                k = open_same[-1]
                inner_start, _, mark_start = stack[k]
                del stack[k:]
                if stack:  # nested quotation: remember it inside its parent
                    pending_inner.append([mark_start, e])
                    continue
                frag = [inner_start, s]
                if carry is not None:
                    carry.fragments.append(frag)
                    carry.outer.append([mark_start, e])
                    carry.inner.extend(pending_inner)
                    out.append(carry)
                    carry = None
                else:
                    out.append(Quotation([frag], [[mark_start, e]], family,
                                         inner=list(pending_inner)))
                pending_inner = []
                continue
            if role == "close":
                if family == DOUBLE:
                    bad = True  # a stray closing mark: ignored
                continue
            if role == "open" or role == "either":
                if not stack:
                    pending_inner = []
                if family == DOUBLE and open_same and role == "open":
                    # a second opening double mark while one is open: the first never closed.
                    bad = True
                    k = open_same[-1]
                    inner_start, _, mark_start = stack[k]
                    del stack[k:]
                    if not stack:
                        end = len(text[:s].rstrip())
                        if end > inner_start:
                            out.append(Quotation([[inner_start, end]], [[mark_start, end]],
                                                 family, closed=False))
                        carry = None
                        pending_inner = []
                stack.append((e, family, s))
        if stack:
            inner_start, family, mark_start = stack[0]
            end = len(text[:p_end].rstrip())
            if family == SINGLE and len(stack) == 1 and text[inner_start:end].count(" ") < 3:
                bad = True  # a lone ' that is more likely an apostrophe: drop it
                carry = None
            else:
                q = carry if carry is not None else Quotation([], [], family, closed=False)
                q.fragments.append([inner_start, end])
                q.outer.append([mark_start, end])
                q.closed = False
                carry = q
        if bad:
            unbalanced += 1
    if carry is not None:
        out.append(carry)
    out = [q for q in out if any(e > s for s, e in q.fragments)]
    out.sort(key=lambda q: q.start)
    return out, unbalanced


# =============================================================================================
# 2. Helpers over the parse
# =============================================================================================
def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of the Doc text as (start, end), whitespace trimmed."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


class _Index:
    """Character ↔ token look-ups for one Doc."""

    def __init__(self, doc: "Doc") -> None:
        from spacy.attrs import IDX

        self.doc = doc
        self.starts = doc.to_array(IDX).tolist() if len(doc) else []

    def token_at(self, char: int) -> int:
        """Index of the token containing (or starting after) ``char``."""
        k = bisect.bisect_right(self.starts, char) - 1
        return max(k, 0)

    def tokens_in(self, start: int, end: int) -> list["Token"]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [t for t in self.doc[i:j] if not t.is_space]


def _words(text: str) -> int:
    return len(re.findall(r"\w+(?:['’]\w+)*", text))


def _speaker_tokens(head: "Token") -> tuple[int, int]:
    """Token range [start, end) of the speaker phrase headed by ``head``.

    Keeps names, titles, possessives and appositions (``Sergei Lavrov, Russia's foreign
    minister``); drops clauses and participles (``who also held talks…``, ``making his first
    visit…``) and a preposition phrase after a name.
    """
    keep = set()

    def collect(t: "Token", depth: int) -> None:
        keep.add(t.i)
        for c in t.children:
            if c.dep_ in SPEAKER_EXCLUDE_DEPS and not (c.dep_ == "prep" and c.lower_ == "of"
                                                        and depth == 0 and head.pos_ != "PROPN"):
                continue
            if c.dep_ == "punct" or c.is_space:
                continue
            collect(c, depth + 1)

    collect(head, 0)
    start = end = head.i
    while start - 1 in keep or (start - 1 >= 0 and head.doc[start - 1].is_punct
                                and start - 2 in keep and head.doc[start - 1].text == ","):
        start -= 1
    while end + 1 in keep or (end + 2 in keep and head.doc[end + 1].text == ","):
        end += 1
    doc = head.doc
    while start < end and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].dep_ == "cc"):
        end -= 1
    return start, end + 1


def _subject(verb: "Token") -> "Token | None":
    """Who speaks for ``verb``: its subject, found through participles, infinitives, conjuncts,
    ``was quoted as saying`` and relative clauses (``Lavrov, who said``)."""
    tok = verb
    for _ in range(5):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if subj.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                return tok.head
            if subj.dep_ == "nsubjpass" and tok.lemma_ not in ("quote", "cite", "report"):
                return None  # "it was said that…": no speaker
            return subj
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok.head  # "a statement saying…", "Trump, saying…"
        if tok.dep_ in ("advcl", "xcomp", "pcomp", "conj", "prep", "acl") and tok.head is not tok:
            tok = tok.head
        else:
            return None
    return None


def _cue_tokens(doc: "Doc") -> list[tuple["Token", "Token", Cue]]:
    """Reporting cues in ``doc`` as (first token, last token, lexicon entry), via a Matcher.

    Phrase cues ("according to", "call for", "point out") win over their first word."""
    cues = reporting_cues()
    found: dict[int, tuple["Token", "Token", Cue]] = {}
    for match_id, s, e in _matcher(doc.vocab)(doc):
        key = doc.vocab.strings[match_id]
        if key == "CUE":
            entry = cues.get(doc[s].lemma_.lower())
            if entry is None or s in found:
                continue
        else:
            entry = cues[key]
        found[s] = (doc[s], doc[e - 1], entry)
    return [found[s] for s in sorted(found)]


_MATCHERS: dict[int, Any] = {}
#: Cue lemmas that en_core_web_sm gets wrong, matched by word form instead ("hoping" → "hop").
MISLEMMATIZED = {"hope": ("hopes", "hoped", "hoping")}


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


# =============================================================================================
# 3. Rows
# =============================================================================================
@dataclass
class _Row:
    fragments: list[list[int]]
    kind: str
    rule: str
    speaker: tuple[int, int, int] | None = None  # doc char start, end, head char
    cue: tuple[int, int] | None = None
    cue_token: int | None = None
    quotations: list[int] = field(default_factory=list)


def _trim(doc_text: str, s: int, e: int, chars: str = " \t\n,;:—–-") -> tuple[int, int]:
    while s < e and doc_text[s] in chars:
        s += 1
    while e > s and doc_text[e - 1] in chars:
        e -= 1
    return s, e


def _span_of_tokens(tokens: Iterable["Token"]) -> tuple[int, int] | None:
    toks = [t for t in tokens if not t.is_space]
    if not toks:
        return None
    s = min(t.idx for t in toks)
    e = max(t.idx + len(t) for t in toks)
    return s, e


def _clause_or_prep_object(clause, kids, preps):
    """Content of a noun/adjective cue: its clause, else the object of a content preposition
    ("criticism *of the plan*", "critical *of the plan*"); ``None`` when it has neither."""
    if clause is not None:
        return _span_of_tokens(clause.subtree)
    prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in preps), None)
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) \
        if prep is not None else None
    return _span_of_tokens(obj.subtree) if obj is not None else None


def _content(verb: "Token", last: "Token", cue: Cue, in_quote) -> tuple[int, int] | None:
    """Doc character span of what ``verb`` reports (its clause / infinitive / object)."""
    doc = verb.doc
    if cue.cue == "according to":
        excluded = set(t.i for t in verb.subtree)
        sent = verb.sent
        before = [t for t in sent if t.i < verb.i and t.i not in excluded]
        after = [t for t in sent if t.i > last.i and t.i not in excluded]
        # the according-phrase ends at its object's right edge
        pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            after = [t for t in after if t.i > pobj.right_edge.i]
        side = after if len(after) >= len(before) else before
        return _span_of_tokens(t for t in side if not (t.is_punct and t.text not in "\"“”'’‘"))
    if cue.cls == "appearance":
        return _appearance(verb)
    kids = list(verb.children)
    if len(cue.cue.split()) > 1 and last is not verb:
        # "called for X", "pointed out that …": the content hangs off the particle/preposition
        obj = [c for c in last.children if c.dep_ in ("pobj", "pcomp")]
        if obj:
            return _span_of_tokens(obj[0].subtree)
        kids = [c for c in kids if c.i > last.i]
    # a clause after the verb, or fronted before it ("Russia could help, Rasmussen said")
    clause = [c for c in kids if c.dep_ in CLAUSE_DEPS
              and (c.i > verb.i or _fronted_ok(verb, c, cue))]
    if not clause and cue.content in ("xcomp", "object"):
        clause = [c for c in kids if c.dep_ == "xcomp" and c.i > verb.i]
        if clause and cue.addressee:
            obj = [c for c in kids if c.dep_ in ("dobj", "dative") and c.i > verb.i]
            clause = obj[:1] + clause
    if not clause and verb.lemma_ in OBJECT_IS_SAID:
        # "said yes", "told a joke", "can't say goodbye": the object is what was said
        # (PolNeAR marks it); a clause the parser hung elsewhere ("saying X -- is Y") follows it
        objs = [c for c in kids if c.dep_ == "dobj" and c.i > verb.i]
        if objs:
            clause = objs[:1] + [c for c in kids if c.dep_ == "dep" and c.i > objs[0].i
                                 and c.pos_ in ("VERB", "AUX")][:1]
    if not clause and cue.content == "object":
        objs = [c for c in kids if c.dep_ in OBJECT_DEPS and c.i > verb.i]
        if objs:
            clause = objs
            for c in kids:
                if c.dep_ == "prep" and c.i > objs[-1].i and c.lower_ in CONTENT_PREPS:
                    clause.append(c)
        else:
            preps = [c for c in kids if c.dep_ == "prep" and c.i > verb.i and c.lower_ in CONTENT_PREPS]
            if preps and cue.cls == "attitude":
                clause = preps[:1]
    if clause:
        toks = [t for c in clause for t in c.subtree]
        # "…, saying that …" / "…, adding …" is an attribution of its own: cut it off
        cut = min((t.left_edge.i for t in toks if t.dep_ in ("advcl", "conj") and t.tag_ == "VBG"
                   and t.lemma_ in reporting_cues() and t.i > verb.i), default=None)
        # a non-restrictive relative clause closing the content (", who is running in …") is
        # the writer's aside, not what was said (PolNeAR spans stop before it)
        last_i = max(t.i for t in toks)
        for t in toks:
            if t.dep_ == "relcl" and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == "," \
                    and t.right_edge.i >= last_i - 1:
                cut = min(cut if cut is not None else t.left_edge.i - 1, t.left_edge.i - 1)
        if cut is not None:
            toks = [t for t in toks if t.i < cut]
        return _span_of_tokens(toks)
    if cue.content != "object" or cue.cls == "speech":
        # "Russia could help, he said.": the verb is a parenthetical on the reported clause
        mid = _parenthetical(verb, cue, in_quote)
        if mid is not None:
            return mid
        if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.i > verb.head.i \
                and verb.head.pos_ in ("VERB", "AUX") and not in_quote(verb.head.idx) \
                and _fronted_ok(verb, verb.head, cue):
            head = verb.head
            toks = [t for t in head.subtree if t.i < verb.i and t.i not in set(
                x.i for x in verb.subtree)]
            subj = _subject(verb)
            if subj is not None and subj.i < verb.i:
                toks = [t for t in toks if t.i < subj.left_edge.i]
            return _span_of_tokens(toks)
    return None


#: Complements of an appearance verb that say what seems to be ("seem ready to", "appear to").
APPEARANCE_COMPLEMENT_DEPS = ("xcomp", "oprd", "acomp")


def _agent(verb: "Token") -> tuple[int, int, int] | None:
    """The source of a passive report ("first reported by The Washington Post"), or None."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if pobj is None:
        return None
    s, e = _speaker_tokens(pobj)
    doc = verb.doc
    return doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), pobj.idx


def _appearance(verb: "Token", passive: bool = False) -> tuple[int, int] | None:
    """What an appearance verb presents as likely, with no one named as its source: the
    subject and the complement ("Voters seem ready to punish the governor"), or the clause of
    an impersonal "it seems (that) …".

    PolNeAR annotates these evidential uses as attributions to an unnamed source (the
    writer), content spanning subject to complement; "she appeared on television" (no
    complement) is not one."""
    kids = list(verb.children)
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None or subj.i > verb.i:
        return None
    if subj.lower_ in ("it", "there") and \
            not any(c.dep_ in APPEARANCE_COMPLEMENT_DEPS for c in kids):
        clause = next((c for c in kids if c.dep_ == "ccomp" and c.i > verb.i), None)
        return _span_of_tokens(clause.subtree) if clause is not None else None
    comp = [c for c in kids if c.i > verb.i and (
        c.dep_ in APPEARANCE_COMPLEMENT_DEPS or passive and (
            c.dep_ == "attr" or c.dep_ == "prep" and c.lower_ == "as"))]
    if not comp:
        # "Neither step is expected soon": what is expected is the subject itself
        if passive and subj.dep_ == "nsubjpass" and subj.pos_ != "PRON":
            return _span_of_tokens(subj.subtree)
        return None
    toks = [t for t in subj.subtree] + [verb] + [t for c in comp for t in c.subtree]
    toks += [c for c in kids if c.dep_ in ("aux", "neg", "advmod") and subj.i < c.i < comp[0].i]
    return _span_of_tokens(t for t in toks if not t.is_punct or t.i < comp[-1].right_edge.i)


#: Verbs whose agentless passive reports an unnamed source's view ("is expected to win",
#: "is said to be ill", "is considered a contender"); PolNeAR takes subject to complement.
PASSIVE_REPORTS = {"expect", "say", "report", "believe", "know", "consider", "think", "see",
                   "estimate", "predict", "deem", "allege", "rumor", "rumour", "understand"}
PASSIVE_RULE = "passive report: subject + is expected/said to + complement"


#: Marks that set off a parenthetical attribution ("The plan, she said, failed").
PARENTHESIS_MARKS = {",", "—", "–", "-", "--"}


def _parenthetical(verb: "Token", cue: Cue, in_quote) -> tuple[int, int, tuple[int, int]] | None:
    """The sentence around an attribution set off by commas in its middle ("Otherwise, she
    said, the banks may refuse"): (start, end, hole), the hole being ", she said,".

    PolNeAR (Pareti 2015 conventions) takes the whole reported sentence as the content, in two
    pieces around the speaker and cue, when the attribution interrupts it."""
    if cue.cls != "speech" or verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj") \
            or verb.i > verb.head.i or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    subj = _subject(verb)
    if subj is None or subj.i > verb.i or subj.head.i != verb.i:
        return None
    doc = verb.doc
    words = [t.i for t in verb.subtree if not t.is_punct]
    first, end = words[0], words[-1] + 1
    if first < 1 or end >= len(doc) or doc[first - 1].text not in PARENTHESIS_MARKS \
            or doc[end].text not in PARENTHESIS_MARKS:
        return None
    sent = verb.sent
    if first - 1 <= sent.start or in_quote(verb.head.idx) is not None:
        return None
    toks = [t for t in sent if not t.is_space]
    while toks and toks[-1].is_punct and toks[-1].text not in "\"”’'":
        toks.pop()
    if not toks or toks[-1].i <= end:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1]), (doc[first - 1].idx, doc[end].idx + 1)


def _fronted_ok(verb: "Token", clause: "Token", cue: Cue) -> bool:
    """A reported clause before its verb ("Russia could help, Rasmussen said") only when it
    reads so: a speech verb, a comma right before the speaker + verb, and the clause opens its
    sentence. Other clauses found before a verb are mostly parse errors."""
    if cue.cls != "speech":
        return False
    subj = _subject(verb)
    if subj is None or not (clause.i < subj.i < verb.i or verb.i < subj.i):
        return False
    first = subj.left_edge.i if subj.i < verb.i else verb.i
    prev = verb.doc[first - 1] if first > 0 else None
    if prev is None or prev.text not in (",", "—", "–", "-"):
        return False
    sent_start = verb.sent.start
    return clause.left_edge.i <= sent_start + 1 or verb.doc[clause.left_edge.i - 1].text in ":;—"


def _speaker_of(verb: "Token", last: "Token", cue: Cue) -> tuple[int, int, int] | None:
    """Doc char span and head char of who speaks for the cue, or None."""
    doc = verb.doc
    if cue.cue == "according to":
        pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        s, e = _speaker_tokens(pobj)
        return doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), pobj.idx
    subj = _subject(verb)
    if subj is None or subj.pos_ == "PRON" and subj.lower_ in ("it", "there") and subj.dep_ == "expl":
        return None
    rel = _relative_pronoun(verb)
    if rel is not None and rel.head.head.i == subj.i:
        # "Lavrov, who said …": PolNeAR marks the relative pronoun as the speaker mention; the
        # head character points at the noun it stands for, so the actor is that noun's
        return rel.idx, rel.idx + len(rel), subj.idx
    s, e = _speaker_tokens(subj)
    return doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), subj.idx


def _relative_pronoun(verb: "Token") -> "Token | None":
    """The relative pronoun subject of ``verb`` (or of the relative clause it sits in)."""
    tok = verb
    for _ in range(3):
        rel = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")
                    and c.lower_ in RELATIVE_PRONOUNS), None)
        if rel is not None:
            return rel if tok.dep_ == "relcl" else None
        if tok.dep_ not in ("xcomp", "conj", "advcl"):
            return None
        tok = tok.head
    return None


def _cue_after_long_speaker(tokens: list["Token"], cues_at: dict[int, tuple["Token", "Token", Cue]]
                            ) -> tuple["Token", "Token", Cue] | None:
    """The cue after a long speaker phrase ("…," Jane Doe, a senior fellow at the Brookings
    Institution, wrote): the first cue whose subject phrase fills everything before it."""
    for k, t in enumerate(tokens):
        if t.i not in cues_at:
            continue
        subj = _subject(t)
        if subj is None or subj.i >= t.i:
            return None
        span = {x.i for x in subj.subtree}
        if all(x.i in span or x.is_punct for x in tokens[:k]):
            return cues_at[t.i]
        return None
    return None


#: Verbs whose subject is the target of the noun cue, not its source ("drew criticism").
RECEIVING_VERBS = {"draw", "face", "receive", "get", "attract", "earn", "spark", "prompt",
                   "trigger", "provoke", "invite", "win", "gain", "lose", "field", "answer",
                   "dodge", "ignore"}
#: Prepositions that carry a noun cue's content ("criticism of X", "questions about X").
NOUN_CONTENT_PREPS = {"of", "about", "for", "on", "against", "over", "to", "that"}


def _noun_cues(doc: "Doc", in_quote) -> Iterable[tuple["Token", tuple[int, int],
                                                       tuple[int, int, int] | None]]:
    """Noun cues (``lexicons/reporting_nouns.csv``) with their content and speaker, if any.

    Content: a that-clause or infinitive on the noun ("her claim that X", "his call to X"),
    else the object of an about/of/for/on/against… phrase ("criticism of X"). Speaker: the
    possessor ("his", "Trump's") or a "by X" phrase, else none (PolNeAR leaves it empty)."""
    nouns = reporting_nouns()
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns or in_quote(tok.idx) is not None:
            continue
        kids = [c for c in tok.children if c.i > tok.i]
        clause = next((c for c in kids if c.dep_ in ("acl", "ccomp") and (
            any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            or any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children))), None)
        content = _clause_or_prep_object(clause, kids, NOUN_CONTENT_PREPS)
        if content is None:
            continue
        speaker = None
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            by = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "by"), None)
            owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        if owner is None and tok.dep_ == "dobj" and tok.head.lemma_ not in RECEIVING_VERBS:
            owner = _subject(tok.head)  # "Sanders voiced concern about …": the one voicing it
            if owner is not None and owner.pos_ == "PRON" and owner.dep_ == "expl":
                owner = None
        if owner is not None:
            s, e = _speaker_tokens(owner)
            # drop the possessive 's from the speaker phrase
            while e - 1 > s and doc[e - 1].dep_ == "case":
                e -= 1
            speaker = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), owner.idx)
        yield tok, content, speaker


#: Links of a predicative adjective to its verb ("is critical", "made it clear", "seemed eager").
PREDICATIVE_DEPS = {"acomp", "oprd", "ccomp", "xcomp"}
#: Prepositions that carry an adjective cue's content ("critical of", "worried about").
ADJECTIVE_CONTENT_PREPS = {"of", "about", "with", "on", "to", "toward", "towards", "over", "for",
                           "that", "in"}


def _adjective_cues(doc: "Doc", in_quote) -> Iterable[tuple["Token", tuple[int, int],
                                                            tuple[int, int, int]]]:
    """Predicative adjective cues (``lexicons/reporting_adjectives.csv``) with content and speaker:
    "Cruz was critical of the deal", "she is confident that …", "a president willing to …".

    The adjective must be predicative (complement of *be*, *seem*, *remain*, *make it* …) or
    follow the noun it describes; its content is a that-clause, an infinitive or the object of
    of/about/with… Its speaker is the subject of the verb (or the noun described); impersonal
    "it is clear that" has none and is left out. (PolNeAR annotates these as attributions.)"""
    adjectives = reporting_adjectives()
    for tok in doc:
        if tok.lemma_.lower() not in adjectives or tok.pos_ not in ("ADJ", "VERB") \
                or in_quote(tok.idx) is not None:
            continue
        if tok.pos_ == "VERB" and tok.tag_ != "VBN":
            continue
        if tok.dep_ in PREDICATIVE_DEPS and tok.head.pos_ in ("VERB", "AUX") and tok.head.i < tok.i:
            owner = _subject(tok.head)
        elif tok.dep_ in ("amod", "acl") and tok.head.i < tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
            owner = tok.head  # "a president willing to …"
        else:
            continue
        if owner is None or owner.lower_ in ("it", "there", "this", "that") or owner.i > tok.i:
            continue
        kids = [c for c in tok.children if c.i > tok.i]
        clause = next((c for c in kids if c.dep_ in ("ccomp", "xcomp")), None)
        content = _clause_or_prep_object(clause, kids, ADJECTIVE_CONTENT_PREPS)
        if content is None:
            continue
        s, e = _speaker_tokens(owner)
        yield tok, content, (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), owner.idx)


def _find_cue(tokens: list["Token"], cues_at: dict[int, tuple["Token", "Token", Cue]],
              reverse: bool = False) -> tuple["Token", "Token", Cue] | None:
    seq = reversed(tokens) if reverse else tokens
    for t in seq:
        if t.i in cues_at:
            return cues_at[t.i]
    return None


def _extract(doc: "Doc", text: str, mentions: list[Mention]) -> list[_Row]:
    idx = _Index(doc)
    paragraphs = _paragraphs(text)
    p_starts = [p[0] for p in paragraphs]
    quotations, _ = quotation_spans(text, paragraphs)
    q_index = SortedSpans((q.start, q.end) for q in quotations)  # sorted, non-overlapping
    q_outer = sorted((s, e, k) for k, q in enumerate(quotations) for s, e in q.outer)
    q_starts = [s for s, _, _ in q_outer]

    def in_quote(char: int) -> int | None:
        k = bisect.bisect_right(q_starts, char) - 1
        if k >= 0 and q_outer[k][0] <= char < q_outer[k][1]:
            return q_outer[k][2]
        return None

    def para_of(char: int) -> int:
        return max(bisect.bisect_right(p_starts, char) - 1, 0)

    people = [(m.start, m.end) for m in mentions if m.type == "PERSON" and m.kind != "pronoun"]
    cue_list = [c for c in _cue_tokens(doc) if in_quote(c[0].idx) is None]
    cues_at = {c[0].i: c for c in cue_list}
    rows: list[_Row] = []
    row_of_quote: dict[int, _Row] = {}
    used_cues: set[int] = set()

    def sent_bounds(char: int) -> tuple[int, int]:
        tok = doc[idx.token_at(char)]
        return tok.sent.start_char, tok.sent.end_char

    # -- 2. direct quotations -----------------------------------------------------------------
    for k, q in enumerate(quotations):
        p_first, p_last = para_of(q.start), para_of(q.end - 1)
        ps, pe = paragraphs[p_first][0], paragraphs[p_last][1]
        prev_q_end = max((quotations[j].end for j in q_index.overlapping(ps, q.start)
                          if j < k and quotations[j].end <= q.start
                          and para_of(quotations[j].end - 1) == p_first), default=ps)
        next_q = next((quotations[j] for j in q_index.overlapping(q.end, pe)
                       if j > k and para_of(quotations[j].start) == p_last), None)
        b_start = max(ps, prev_q_end, sent_bounds(q.start - 1)[0] if q.start > ps else ps)
        # the sentence after the quotation: the parser often ends a sentence at the closing
        # mark ("…!” | Bush said.), so read the sentence of the next word
        nxt = q.end + len(text[q.end:pe]) - len(text[q.end:pe].lstrip())
        a_end = min(pe, next_q.start if next_q else pe,
                    max(sent_bounds(q.end)[1], sent_bounds(nxt)[1]) if nxt < pe else pe)
        # the parser may glue a quotation to the sentence before it: cut at the last full stop
        cut = list(SENTENCE_END_RE.finditer(text, b_start, q.start))
        if cut:
            b_start = cut[-1].end()
        before = text[b_start:q.start]
        after = text[q.end:a_end]
        b_toks = idx.tokens_in(b_start, q.start)
        a_toks = idx.tokens_in(q.end, a_end)
        before_empty = not re.search(r"\w", before)
        after_empty = not re.search(r"\w", after)
        inner_last = text[q.fragments[-1][0]:q.fragments[-1][1]].rstrip()
        found = None
        # (a) "…," he said / "…?" asked Smith
        if (before_empty or before.rstrip().endswith(":")) and a_toks and (
                inner_last[-1:] in ",?!—–-…" or after.lstrip()[:1] in ",—–-"
                                        or after.strip()[:1].islower()):
            hit = _find_cue(a_toks[:AFTER_CUE_MAX_TOKENS], cues_at) or _cue_after_long_speaker(
                a_toks[:LONG_SPEAKER_MAX_TOKENS], cues_at)
            if hit:
                found = (hit, "quotation + speaker + reporting verb")
        # (b) Medvedev said: "…" / Erdogan said, "…" / he said "…"
        if found is None and b_toks and (after_empty or inner_last[-1:] in ".?!…"):
            tail = before.rstrip()
            if tail.endswith(":") or tail.endswith(","):
                hit = _find_cue(b_toks[-(BEFORE_CUE_MAX_TOKENS + 1):], cues_at, reverse=True)
                if hit is None and tail.endswith(":"):
                    hit = _colon_verb(b_toks)
                if hit:
                    found = (hit, "speaker + reporting verb + colon + quotation"
                             if tail.endswith(":") else "speaker + reporting verb + quotation")
                elif tail.endswith(":"):
                    name = _label_speaker(text, b_start, b_start + len(tail) - 1, people)
                    if name:
                        rows.append(_Row([list(f) for f in q.fragments], "direct",
                                         "speaker name + colon + quotation (transcript style)",
                                         speaker=name, cue=(b_start + len(tail) - 1,
                                                            b_start + len(tail)),
                                         quotations=[k]))
                        row_of_quote[k] = rows[-1]
                        continue
            elif _starts_sentence(text, q):
                hit = _find_cue(b_toks[-4:], cues_at, reverse=True)
                if hit and all(t.pos_ in BETWEEN_CUE_AND_QUOTE_POS or (
                        hit[2].addressee and t.pos_ in ("PROPN", "NOUN"))
                        for t in b_toks if t.i > hit[1].i):
                    found = (hit, "speaker + reporting verb + quotation")
        # (c) Cruz continued: ¶ "…"
        if found is None and before_empty and after_empty and q.start == ps and p_first > 0:
            prev_ps, prev_pe = paragraphs[p_first - 1]
            if text[prev_ps:prev_pe].rstrip().endswith(":") and in_quote(prev_pe - 1) is None:
                s0 = sent_bounds(prev_pe - 1)[0]
                toks = idx.tokens_in(max(s0, prev_ps), prev_pe)
                hit = _find_cue(toks, cues_at, reverse=True) or _colon_verb(toks)
                if hit:
                    found = (hit, "speaker + verb + colon ending the previous paragraph")
        # (d) "…," he said. "…" — the next quotation in the paragraph goes with this one
        if found is None and rows and _continues(text, rows[-1], quotations,
                                                                  q, para_of):
            prev = rows[-1]
            prev.fragments.extend(list(f) for f in q.fragments)
            prev.quotations.append(k)
            row_of_quote[k] = prev
            continue
        if found is None:
            continue
        (verb, last, cue), rule = found
        # the same cue can already hold an earlier quotation: "A," he said, "B."
        same = next((r for r in rows if r.cue_token == verb.i and r.kind == "direct"), None)
        if same is not None:
            same.fragments.extend(list(f) for f in q.fragments)
            same.quotations.append(k)
            row_of_quote[k] = same
            continue
        speaker = _speaker_of(verb, last, cue) if cue.cue != ":" else None
        rows.append(_Row([list(f) for f in q.fragments], "direct", rule, speaker=speaker,
                         cue=(verb.idx, last.idx + len(last)), cue_token=verb.i, quotations=[k]))
        row_of_quote[k] = rows[-1]
        used_cues.add(verb.i)

    # -- transcript lines without quote marks: "PENCE: We will…" --------------------------------
    for pk, (ps, pe) in enumerate(paragraphs):
        m = re.match(r"([^\W\d][\w.'’ -]{0,40}?)\s*:\s+(?=\S)", text[ps:pe])
        if not m or in_quote(ps) is not None:
            continue
        name = _label_speaker(text, ps, ps + m.end(1), people)
        headline = name is None and pk == 0 and _headline_label(text[ps:ps + m.end(1)])
        if headline:
            name = (ps, ps + m.end(1), ps)
        if name is None:
            continue
        body_s = ps + m.end()
        if headline:
            if _words(text[body_s:pe]) >= HEADLINE_CLAIM_MIN_WORDS:
                rows.append(_Row([[body_s, pe]], "indirect", "headline: source + colon + claim",
                                 speaker=name, cue=(ps + m.end(1), ps + m.end(1) + 1)))
            continue
        if any(body_s <= quotations[r.quotations[0]].start < pe for r in rows if r.quotations):
            continue
        rows.append(_Row([[body_s, pe]], "direct", "speaker name + colon at line start (transcript)",
                         speaker=name, cue=(ps + m.end(1), ps + m.end(1) + 1)))

    # -- 3. reported speech ---------------------------------------------------------------------
    consumed = set(row_of_quote)
    for verb, last, cue in cue_list:
        if verb.i in used_cues:
            continue
        passive = verb.lemma_ in PASSIVE_REPORTS and any(
            c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        span = _appearance(verb, passive=True) if passive else _content(verb, last, cue, in_quote)
        if span is None:
            continue
        hole = span[2] if len(span) > 2 else None
        s, e = _cover_quotations([quotations[j] for j in q_index.overlapping(
            span[0] - 1, span[1] + 1)], span[0], span[1])
        s, e = _trim(text, s, e)
        if text.startswith("that ", s):
            s += 5  # the complementizer is not part of what was said
        if e - s < 3 or _words(text[s:e]) < (2 if cue.content == "object" else 1):
            continue
        unnamed = passive or cue.cls == "appearance"  # no source needs to be named
        speaker = _agent(verb) if passive else None if unnamed else _speaker_of(verb, last, cue)
        if speaker is None and not unnamed:
            continue
        if speaker is not None and speaker[0] < e and s < speaker[1] and not (
                hole and hole[0] <= speaker[0] and speaker[1] <= hole[1]):
            continue  # speaker inside the content: a parse error
        inside = list(q_index.overlapping(s, e))
        if any(j in consumed for j in inside):
            continue  # already a direct quotation
        quoted = sum(min(e, fe) - max(s, fs) for j in inside for fs, fe in quotations[j].fragments
                     if min(e, fe) > max(s, fs))
        quoted_words = sum(_words(text[max(s, fs):min(e, fe)]) for j in inside
                           for fs, fe in quotations[j].fragments)
        if inside and quoted >= 0.8 * (e - s) - 4:
            frags = [list(f) for j in inside for f in quotations[j].fragments]
            rows.append(_Row(frags, "direct", "speaker + reporting verb + quotation",
                             speaker=speaker, cue=(verb.idx, last.idx + len(last)),
                             cue_token=verb.i, quotations=inside))
            consumed.update(inside)
            continue
        mixed = bool(inside) and quoted_words >= MIXED_MIN_WORDS
        if mixed:
            consumed.update(inside)
        rule = (PASSIVE_RULE if passive else _indirect_rule(verb, last, cue, span, speaker))
        frags = [[s, e]]
        if hole and s < hole[0] and hole[1] < e:
            # "X, she said, Y": what was said is X and Y, around the attribution
            frags = [list(_trim(text, s, hole[0])), list(_trim(text, hole[1], e))]
            frags = [f for f in frags if f[1] > f[0]] or [[s, e]]
        rows.append(_Row(frags, "mixed" if mixed else "indirect",
                         rule + (" (with a quoted fragment)" if mixed else ""), speaker=speaker,
                         cue=(verb.idx, last.idx + len(last)), cue_token=verb.i,
                         quotations=inside if mixed else []))

    # -- 3b. noun cues: "his claim that …", "criticism of the plan" ----------------------------
    taken = [(f[0], f[1]) for r in rows for f in r.fragments]
    for noun, content, speaker in _noun_cues(doc, in_quote):
        s, e = _trim(text, *content)
        if text.startswith("that ", s):
            s += 5  # as for verbs: the complementizer is not part of the content
        if e - s < 3 or any(fs < e and s < fe for fs, fe in taken):
            continue  # a verb's row already holds it ("expressed concern about …")
        inside = list(q_index.overlapping(s, e))
        if any(j in consumed for j in inside):
            continue
        rows.append(_Row([[s, e]], "indirect", "reported stance: noun cue + content",
                         speaker=speaker, cue=(noun.idx, noun.idx + len(noun)), cue_token=noun.i))
        taken.append((s, e))

    # -- 3c. adjective cues: "critical of …", "confident that …" -------------------------------
    for adj, content, speaker in _adjective_cues(doc, in_quote):
        s, e = _cover_quotations([quotations[j] for j in q_index.overlapping(
            content[0] - 1, content[1] + 1)], *content)
        s, e = _trim(text, s, e)
        if text.startswith("that ", s):
            s += 5
        if e - s < 3 or any(fs < e and s < fe for fs, fe in taken):
            continue
        if speaker[0] < e and s < speaker[1]:
            continue  # speaker inside the content: a parse error
        inside = list(q_index.overlapping(s, e))
        if any(j in consumed for j in inside):
            continue
        quoted_words = sum(_words(text[max(s, fs):min(e, fe)]) for j in inside
                           for fs, fe in quotations[j].fragments)
        mixed = bool(inside) and quoted_words >= MIXED_MIN_WORDS
        if mixed:
            consumed.update(inside)
        rows.append(_Row([[s, e]], "mixed" if mixed else "indirect",
                         "reported stance: subject + be + adjective + content"
                         + (" (with a quoted fragment)" if mixed else ""), speaker=speaker,
                         cue=(adj.idx, adj.idx + len(adj)), cue_token=adj.i,
                         quotations=inside if mixed else []))
        taken.append((s, e))

    # -- 4. left-over quotations --------------------------------------------------------------
    last_in_para: dict[int, _Row] = {}
    direct_by_para: dict[int, _Row] = {}
    for r in sorted(rows, key=lambda r: r.fragments[0][0]):
        if r.speaker:
            last_in_para[para_of(r.fragments[-1][1] - 1)] = r
            if r.kind == "direct":
                direct_by_para[para_of(r.fragments[-1][1] - 1)] = r
    for k, q in enumerate(quotations):
        if k in consumed or k in row_of_quote:
            continue
        qtext = " ".join(text[s:e] for s, e in q.fragments)
        if not _starts_sentence(text, q):
            # a quoted phrase mid-sentence: part of reported speech in the same sentence
            host = _host_row(rows, q, sent_bounds(q.start))
            if host is not None and _words(qtext) >= MIXED_MIN_WORDS:
                host.fragments[-1][1] = max(host.fragments[-1][1], q.end)
                host.kind = "mixed"
                host.rule += " (with a quoted fragment)" if "quoted" not in host.rule else ""
                host.quotations.append(k)
            continue
        if _words(qtext) < SENTENCE_QUOTE_MIN_WORDS or not _has_verb(idx, q):
            continue  # scare quote, title, name
        p = para_of(q.start)
        ps, pe = paragraphs[p]
        whole_para = q.start <= ps + 1 and not re.search(r"\w", text[q.end:pe])
        prev = direct_by_para.get(p - 1)
        if whole_para and prev is not None:
            rows.append(_Row([list(f) for f in q.fragments], "direct",
                             "quotation paragraph right after an attributed quotation: "
                             "same speaker", speaker=prev.speaker, quotations=[k]))
            direct_by_para[para_of(q.end - 1)] = rows[-1]
            continue
        before = last_in_para.get(p)
        if before is not None and before.fragments[-1][1] <= q.start:
            rows.append(_Row([list(f) for f in q.fragments], "direct",
                             "quotation after an attribution in the same paragraph: "
                             "same speaker", speaker=before.speaker, quotations=[k]))
            continue
        rows.append(_Row([list(f) for f in q.fragments], "direct",
                         "quotation without a speech cue (speaker unknown)", quotations=[k]))
    rows.sort(key=lambda r: r.fragments[0][0])
    return rows


#: Longest attribution between two quotations that still joins them ("…," he told CNN on Sunday. "…").
JOIN_MAX_CHARS = 250


def _continues(text: str, prev: _Row, quotations: list[Quotation], q: Quotation, para_of) -> bool:
    """Whether quotation ``q`` goes on from the direct row ``prev`` in the same paragraph: only
    ``prev``'s own attribution (or nothing) stands between them, ending in , . : or ;."""
    if prev.kind != "direct" or not prev.quotations:
        return False
    last = quotations[prev.quotations[-1]]
    if para_of(last.end - 1) != para_of(q.start) or q.start - last.end > JOIN_MAX_CHARS:
        return False
    between = text[last.end:q.start]
    if not re.search(r"\w", between):
        return True
    return (prev.cue is not None and last.end <= prev.cue[0] < q.start
            and re.search(r"[.,:;!?]\s*$", between) is not None)


def _host_row(rows: list[_Row], q: Quotation, sent: tuple[int, int]) -> _Row | None:
    """The reported-speech row whose cue is in the quotation's sentence, before it."""
    for r in reversed(rows):
        if r.kind in ("indirect", "mixed") and r.cue and sent[0] <= r.cue[0] < q.start \
                and r.fragments[-1][1] <= q.start + 1 and len(r.fragments) == 1:
            return r
    return None


def _starts_sentence(text: str, q: Quotation) -> bool:
    """Whether a quotation opens like a sentence (capital, digit, ellipsis), not mid-phrase."""
    first = text[q.fragments[0][0]:q.fragments[0][0] + 2].lstrip("…. ")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def _cover_quotations(quotations: list[Quotation], s: int, e: int) -> tuple[int, int]:
    """Widen [s, e) so that it never cuts a quotation in two (the parse often leaves the
    closing mark outside the clause)."""
    for q in quotations:
        for qs, qe in q.outer:
            if qs < e <= qe or (s < qe and qe - 1 <= e):
                e = max(e, qe)
            if qs <= s < qe:
                s = min(s, qs)
    return s, e


def _has_verb(idx: _Index, q: Quotation) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for s, e in q.fragments for t in idx.tokens_in(s, e))


def _colon_verb(tokens: list["Token"]) -> tuple["Token", "Token", Cue] | None:
    """The main verb of a colon introduction without a reporting verb ("Cruz called them on
    it:"): the last verb whose subject is in the window."""
    for t in reversed(tokens):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") and _subject(t) is not None:
            return t, t, Cue(t.lemma_, "speech", "clause", False)
    return None


#: Longest source label before a headline colon ("Former AG Mukasey at RNC: …").
HEADLINE_LABEL_MAX_WORDS = 6
#: Shortest claim after it: a headline "Poll: Trump leads" reports a finding; "Update: 3" does not.
HEADLINE_CLAIM_MIN_WORDS = 3


def _headline_label(label: str) -> bool:
    """Whether the text before a colon in an article's first line names a source, as in the
    news headline convention "Sanders: Clinton email story has moved", "Poll: …" (PolNeAR counts
    these as attributions): a short title-case phrase that is not page furniture."""
    words = label.split()
    if not words or len(words) > HEADLINE_LABEL_MAX_WORDS \
            or label.strip().lower() in _not_speaker_labels():
        return False
    return all(w[:1].isupper() or w.lower() in FUNCTION_WORDS for w in words) \
        and words[0][:1].isupper()


def _label_speaker(text: str, s: int, e: int,
                   people: list[tuple[int, int]]) -> tuple[int, int, int] | None:
    """A transcript label before a colon: an all-capitals name (``PENCE``, ``Q``) or a person's
    name (one of ``people``, Doc char spans), but not page furniture (``UPDATE``, ``The Latest``)."""
    label = text[s:e].strip()
    if not label or label.lower() in _not_speaker_labels() or len(label.split()) > 4:
        return None
    letters = [c for c in label if c.isalpha()]
    words = label.lower().split()
    if len(letters) > 1 and all(c.isupper() for c in letters) and len(words) <= 3 \
            and not FUNCTION_WORDS.intersection(words):
        return s, s + len(label), s
    if any(ps <= s + 1 and pe >= s + len(label) - 1 for ps, pe in people):
        return s, s + len(label), s
    return None


def _indirect_rule(verb, last, cue: Cue, span, speaker) -> str:
    if cue.cue == "according to":
        return "according to + source, reported clause"
    if len(span) > 2:
        return "reported speech: sentence interrupted by speaker + reporting verb"
    if cue.cls == "appearance":
        return "evidential: subject + seem/appear + complement (no named source)"
    if span[1] <= verb.idx:
        return "reported speech: clause + comma + speaker + reporting verb"
    if verb.lemma_ == "say" and verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        return "reported speech: speaker + was quoted as saying + clause"
    if cue.addressee and any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return "reported speech: subject + reporting verb + hearer + that-clause"
    if cue.content == "object" and not any(c.dep_ == "ccomp" for c in verb.children):
        return f"reported stance: subject + {cue.cls} verb + object"
    if cue.cls == "cognition":
        return "reported thought: subject + belief verb + clause"
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.subtree):
        return "reported speech: subject + reporting verb + that-clause"
    return "reported speech: subject + reporting verb + clause"


# =============================================================================================
# Public API
# =============================================================================================
def _named_mentions(doc: "Doc") -> list[Mention]:
    """Named mentions from :mod:`newslab.actors`, or a small fallback from ``doc.ents``."""
    try:
        from .actors import entity_mentions
    except ImportError:
        return _fallback_mentions(doc)
    return list(entity_mentions(doc))


def _fallback_mentions(doc: "Doc") -> list[Mention]:
    """Entities as mentions; a person's surname links to the full name used elsewhere."""
    keep = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
    ents = [e for e in doc.ents if e.label_ in keep]
    full = {}
    for e in ents:
        if e.label_ == "PERSON":
            words = [w for w in e.text.replace("’s", "").replace("'s", "").split()]
            if words and len(words) > len(full.get(words[-1], "").split()):
                full[words[-1]] = " ".join(words)
    out = []
    for e in ents:
        name = re.sub(r"^(the|The)\s+|['’]s$", "", e.text)
        if e.label_ == "PERSON":
            name = full.get(name.split()[-1], name) if name.split() else name
        out.append(Mention(e.text, e.start_char, e.end_char, e.start, e.end, e.label_, name,
                           e.label_, "name"))
    return out


def quotes(doc: "Doc", mentions: list[Mention] | None = None, *,
           article: "Article | None" = None) -> "pd.DataFrame":
    """One row per attribution in ``doc``: direct, mixed and indirect quotations.

    ``mentions`` are the Doc's actor mentions (named, nominal, pronoun); when ``None`` they are
    computed with :func:`newslab.actors.entity_mentions` and
    :func:`newslab.resolve.resolve_mentions`. Offsets map to ``Article.text`` (to ``doc.text``
    for a Doc made from a plain string). ``article`` (optional) fills the ``block`` column.

    >>> from newslab.nlp import load_model
    >>> doc = load_model()('Medvedev said: "We have many reasons for interaction."')
    >>> quotes(doc)[["quote", "kind", "speaker", "cue"]].values.tolist()
    [['We have many reasons for interaction.', 'direct', 'Medvedev', 'said']]
    """
    import pandas as pd

    if len(doc) and not doc.has_annotation("DEP"):
        raise ParserRequiredError("quotes")
    if mentions is None:
        named = _named_mentions(doc)
        mentions = named + resolve_mentions(doc, named)
    text = doc.text  # built from the tokens on each access: read it once
    mentions = IndexedMentions(mentions)
    rows = _extract(doc, text, mentions) if len(doc) else []
    blocks = article.blocks if article is not None else None
    paragraphs = _paragraphs(text)
    p_starts = [p[0] for p in paragraphs]
    records = []
    for r in rows:
        frags = []
        for s, e in r.fragments:
            s, e = _trim(text, s, e, " \t\n,")
            if e > s:
                frags.append([s, e])
        if not frags:
            continue
        quote_text = " ".join(text[s:e] for s, e in frags)
        bi = block_index(doc, frags[0][0])
        para = bi if bi is not None else max(bisect.bisect_right(p_starts, frags[0][0]) - 1, 0)
        rec: dict[str, Any] = {
            "quote": quote_text,
            "start": to_source(doc, frags[0][0]),
            "end": to_source(doc, frags[-1][1] - 1) + 1,
            "fragments": [[to_source(doc, s), to_source(doc, e - 1) + 1] for s, e in frags],
            "kind": r.kind,
            "block": blocks[bi].kind if blocks is not None and bi is not None else None,
            "paragraph": para,
            "speaker": None, "speaker_start": None, "speaker_end": None, "actor": None,
            "cue": None, "cue_start": None, "cue_end": None,
            "rule": r.rule,
        }
        if r.speaker:
            s, e, head = r.speaker
            rec.update(speaker=text[s:e], speaker_start=to_source(doc, s),
                       speaker_end=to_source(doc, e - 1) + 1)
            if s <= head < e:
                m = mention_for_span(mentions.near(s, e), s, e, head)
            else:  # a relative pronoun: the actor is the one of the noun it stands for
                m = mention_for_span(mentions.near(head, head + 1), head, head + 1, head)
            rec["actor"] = m.actor if m else None
        if r.cue:
            s, e = r.cue
            rec.update(cue=text[s:e], cue_start=to_source(doc, s), cue_end=to_source(doc, e - 1) + 1)
        records.append(rec)
    df = pd.DataFrame(records, columns=COLUMNS)
    for col in ("start", "end", "paragraph", "speaker_start", "speaker_end", "cue_start", "cue_end"):
        df[col] = df[col].astype("Int64")
    return df


def quotes_for_article(article: "Article", doc: "Doc | None" = None) -> "pd.DataFrame":
    """:func:`quotes` for an :class:`~newslab.article.Article` (its Doc is made if not given).

    >>> import newslab
    >>> art = newslab.parse_text('Talks in Moscow\\n\\nMedvedev said: "We have many reasons."')
    >>> quotes_for_article(art).speaker.tolist()
    ['Medvedev']
    """
    from .nlp import article_doc

    doc = doc if doc is not None else article_doc(article)
    return quotes(doc, article=article)
