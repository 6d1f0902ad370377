"""Reported speech: a reporting cue (verb, noun or adjective) and what it reports.

From the dependency parse (Krestel, Bergler & Witte 2008 for reported speech with reporting
verbs; Pareti 2015 and PolNeAR, Newell et al. 2018, for what counts as an attribution):

* **verbs** (:func:`reported_speech`): a subject + a reporting or attitude verb from
  ``lexicons/reporting_verbs.csv`` + what was said (a that-clause / reported clause, an
  infinitive, or for verbs such as *deny*, *praise* an object), plus ``according to X``,
  ``X told Y that …``, ``X was quoted as saying …`` and ``…, he said`` after a clause. When the
  reported part holds a quoted fragment of two words or more it is ``mixed``. An attribution that
  interrupts its sentence (``The plan, she said, failed``) reports the whole sentence, in two
  fragments around ``, she said,``; ``seem`` / ``appear`` + complement and agentless passive
  reports (``is expected to``, ``is said to``) report subject to complement with no named
  speaker; the object of *say*, *write*, *tweet*… is what was said when there is no clause;
* **nouns** (:func:`noun_cue_rows`, ``lexicons/reporting_nouns.csv``): ``her claim that …``,
  ``criticism of …``, ``voiced concern about …`` — the possessor (or the subject of a light verb
  such as *voice*) is the speaker; none when the noun stands alone;
* **adjectives** (:func:`adjective_cue_rows`, ``lexicons/reporting_adjectives.csv``): ``Cruz
  was critical of the deal``, ``she is confident that …``; impersonal ``it is clear that`` is
  left out.

What is **not** a row: a participle adjunct that only names a topic ("Referring to his talks
with Medvedev, …", "…, citing the economy": :func:`topic_reference`); aspectual *continue*;
a report nested in another's content ("declined *to say whether* …": one row per stretch of
reported words, :func:`one_row_per_content`). An *as*-parenthetical ("As reported by X, …")
attributes its host clause; a passive participle ("Asked whether …, X said") names no source;
a writer's summative appositive closing the content is cut (:mod:`~newslab.extract.content`).

Each ``*_rows`` function and :func:`reported_speech` is one named step over a
:class:`~newslab.extract.context.Context`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, NamedTuple

from ..lexicons import reporting_adjectives, reporting_cues, reporting_nouns
from ..records import Cue as CueSpan
from ..records import Quote, ReportingCue as Cue, Speaker
from ..nlp.tokens import lemma_indices
from .content import content_end
from .context import Context, span_of_tokens, trim, word_count
from .quotations import cover_quotations
from .speakers import agent, speaker_of, speaker_subject, speaker_tokens

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

#: Prepositions that carry the content of an attitude verb ("accused X of …", "praised X for …").
CONTENT_PREPS = {"of", "for", "as", "over", "about", "on", "to", "against", "with", "that"}
#: Speech verbs whose direct object, when there is no clause, is what was said ("said yes",
#: "wrote an op-ed", "tweeted a photo"). Chosen on PolNeAR train: for "add", "answer", "read"
#: or "continue" the object is mostly not a statement ("added a provision").
OBJECT_IS_SAID = {"say", "note", "explain", "write", "tweet", "post", "report", "recall"}
#: Complement labels that hold what a verb reports.
CLAUSE_DEPS = ("ccomp",)
OBJECT_DEPS = ("dobj", "ccomp", "xcomp", "oprd", "attr")


class Content(NamedTuple):
    """What a cue reports: Doc characters ``[start, end)`` and, for an attribution that
    interrupts its sentence, the ``hole`` it leaves (``, she said,``)."""

    start: int
    end: int
    hole: tuple[int, int] | None = None


def _clause_or_prep_object(clause, kids, preps):
    """Content of a noun/adjective cue: its clause, else the object of a content preposition
    ("criticism *of the plan*", "critical *of the plan*"); ``None`` when it has neither."""
    if clause is not None:
        return span_of_tokens(clause.subtree)
    prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in preps), None)
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) \
        if prep is not None else None
    return span_of_tokens(obj.subtree) if obj is not None else None



def content_of(verb: "Token", last: "Token", cue: Cue, in_quote) -> Content | None:
    """What ``verb`` reports (its clause / infinitive / object), as a :class:`Content`."""
    span = _content_span(verb, last, cue, in_quote)
    if span is None or isinstance(span, Content):
        return span
    return Content(*span)


def _content_span(verb: "Token", last: "Token", cue: Cue, in_quote) -> "tuple[int, int] | Content | None":
    """Doc character span of what ``verb`` reports, or the :class:`Content` of a parenthetical."""
    if cue.cue == "according to":
        return _according_to(verb, last)
    if cue.cls == "appearance":
        return appearance(verb)
    if as_adjunct(verb):
        return _host_clause(verb)
    kids = list(verb.children)
    if len(cue.cue.split()) > 1 and last is not verb:
        # "called for X", "pointed out that …": the content hangs off the particle/preposition
        obj = [c for c in last.children if c.dep_ in ("pobj", "pcomp")]
        if obj:
            return span_of_tokens(obj[0].subtree)
        kids = [c for c in kids if c.i > last.i]
    clause = _complements(verb, cue, kids)
    if clause:
        return _clause_span(verb, clause)
    if cue.content != "object" or cue.cls == "speech":
        return _clause_before(verb, cue, in_quote)
    return None


def _according_to(verb: "Token", last: "Token") -> tuple[int, int] | None:
    """``according to X``: the longer side of the sentence around the according-phrase."""
    excluded = set(t.i for t in verb.subtree)
    sent = verb.sent
    before = [t for t in sent if t.i < verb.i and t.i not in excluded]
    after = [t for t in sent if t.i > last.i and t.i not in excluded]
    # the according-phrase ends at its object's right edge
    pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
    if pobj is not None:
        after = [t for t in after if t.i > pobj.right_edge.i]
    side = after if len(after) >= len(before) else before
    return span_of_tokens(t for t in side if not (t.is_punct and t.text not in "\"“”'’‘"))


def reduced_passive(verb: "Token") -> bool:
    """"Asked whether he would run, Smith said …", "…, criticized by his rivals for …": a past
    participle adjunct is passive, so the subject it hangs on is the one asked or criticized,
    not the speaker; the speaker is its *by*-agent or nobody named (a reporter)."""
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def as_adjunct(verb: "Token") -> bool:
    """"As reported by Reuters, …", "as Smith noted, …": a reporting verb in an *as*-clause
    attributes the clause it hangs on (the *as*-parenthetical of Potts 2002; PARC counts it as
    an attribution of the host clause, like *according to*)."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as"
                                       for c in verb.children) or \
            any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return False
    # set off like a parenthetical (sentence start or a comma before it), never the second
    # term of a comparison ("not as violent as he suggested")
    first = verb.left_edge.i
    return first == verb.sent.start or verb.doc[first - 1].text in (",", "—", "–", "(")


def _host_clause(verb: "Token") -> tuple[int, int] | None:
    """The clause an *as*-adjunct hangs on, without the adjunct."""
    inside = {t.i for t in verb.subtree}
    return span_of_tokens(t for t in verb.head.subtree
                          if t.i not in inside and not (t.is_punct and t.text not in "\"“”'’‘"))


def _complements(verb: "Token", cue: Cue, kids: list["Token"]) -> list["Token"]:
    """The dependents of ``verb`` that hold what it reports, by the cue's content type."""
    # a clause after the verb, or fronted before it ("Russia could help, Rasmussen said")
    clause = [c for c in kids if c.dep_ in CLAUSE_DEPS
              and (c.i > verb.i or _fronted_ok(verb, c, cue))]
    if not clause:
        # "urged X to leave"; "reported having $1.3 million", "considered selling her eggs"
        clause = [c for c in kids if c.dep_ == "xcomp" and c.i > verb.i]
        if clause and cue.addressee:
            obj = [c for c in kids if c.dep_ in ("dobj", "dative") and c.i > verb.i]
            clause = obj[:1] + clause
    if not clause and cue.cls in ("speech", "cognition"):
        clause = _stranded_that_clause(verb, kids)
    if not clause and verb.lemma_ in OBJECT_IS_SAID:
        # "said yes", "told a joke", "can't say goodbye": the object is what was said
        # (PolNeAR marks it); a clause the parser hung elsewhere ("saying X -- is Y") follows it
        objs = [c for c in kids if c.dep_ == "dobj" and c.i > verb.i]
        if objs:
            clause = objs[:1] + [c for c in kids if c.dep_ == "dep" and c.i > objs[0].i
                                 and c.pos_ in ("VERB", "AUX")][:1]
    if not clause and cue.content in ("object", "xcomp"):
        # "wants more opportunities", "sought greater involvement": what is wanted, sought or
        # pledged can be a noun phrase as well as an infinitive
        objs = [c for c in kids if c.dep_ in OBJECT_DEPS and c.i > verb.i]
        if objs:
            clause = objs
            for c in kids:
                if c.dep_ == "prep" and c.i > objs[-1].i and c.lower_ in CONTENT_PREPS \
                        and not time_adjunct(c):
                    clause.append(c)
        else:
            preps = [c for c in kids if c.dep_ == "prep" and c.i > verb.i and c.lower_ in CONTENT_PREPS]
            if preps and cue.cls == "attitude":
                # "agree with him", "voted for Clinton": the object of the preposition is the
                # content, the preposition belongs to the cue (PolNeAR marks "agree with")
                clause = [c for c in preps[0].children if c.dep_ in ("pobj", "pcomp")] or preps[:1]
    return clause


def time_adjunct(prep: "Token") -> bool:
    """"on Monday", "in 2015", "over the weekend": a preposition phrase dating the speech
    event, not part of what was said."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.ent_type_ in ("DATE", "TIME")


def _stranded_that_clause(verb: "Token", kids: list["Token"]) -> list["Token"]:
    """"predicted at the last debate that Republicans will win", "said following a vote in
    2001 that …": a that-clause after an adjunct of the verb, which the parser hangs on the
    adjunct's noun; it is still what the verb reports."""
    for prep in (c for c in kids if c.dep_ == "prep" and c.i > verb.i):
        for t in prep.subtree:
            if t.dep_ in ("acl", "ccomp", "relcl") and t.head.pos_ in ("NOUN", "PROPN") and \
                    t.left_edge.lower_ == "that" and t.left_edge.dep_ == "mark" and \
                    t.left_edge.i > prep.i:
                return [t]
    return []


def _clause_span(verb: "Token", clause: list["Token"]) -> tuple[int, int] | None:
    """The span of the reported ``clause``, without a following attribution of its own or a
    closing non-restrictive relative clause."""
    doc = verb.doc
    toks = [t for c in clause for t in c.subtree]
    # "…, saying that …" / "…, adding …" is an attribution of its own: cut it off
    cut = min((t.left_edge.i for t in toks if t.dep_ in ("advcl", "conj") and t.tag_ == "VBG"
               and t.lemma_ in reporting_cues() and t.i > verb.i), default=None)
    # "…, and accused X of …", "… but downplayed the issue": a second report by the same
    # speaker coordinated with the first, which the parser hung inside the first's content
    second = min((t.left_edge.i for t in toks if t.dep_ == "conj" and t.i > verb.i
                  and t.pos_ == "VERB" and t.lemma_ in reporting_cues()
                  and t.tag_ in ("VBD", "VBZ") and _coordinated_after_comma_or_cc(t)
                  and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)),
                 default=None)
    if second is not None and verb.tag_ == t_tag(verb):
        cut = second if cut is None else min(cut, second)
    # a non-restrictive relative clause closing the content (", who is running in …") is
    # the writer's aside, not what was said (PolNeAR spans stop before it)
    last_i = max(t.i for t in toks)
    for t in toks:
        if t.dep_ == "relcl" and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == "," \
                and t.right_edge.i >= last_i - 1:
            cut = min(cut if cut is not None else t.left_edge.i - 1, t.left_edge.i - 1)
    if cut is not None:
        toks = sorted((t for t in toks if t.i < cut), key=lambda t: t.i)
        while toks and (toks[-1].dep_ == "cc" or toks[-1].is_punct):
            toks.pop()
    return span_of_tokens(toks)


def t_tag(tok: "Token") -> str:
    """The finite tense of a verb (its own tag, or its auxiliary's): "said" and "accused"
    are both VBD; "has said" is VBZ."""
    aux = next((c for c in tok.children if c.dep_ == "aux"), None)
    return (aux or tok).tag_


def _coordinated_after_comma_or_cc(t: "Token") -> bool:
    """True when ``t`` follows "and", "but" or a comma (a coordinated verb phrase)."""
    prev = t.doc[t.left_edge.i - 1] if t.left_edge.i > 0 else None
    return prev is not None and (prev.dep_ == "cc" or prev.text == ",")


def _clause_before(verb: "Token", cue: Cue, in_quote) -> "tuple[int, int] | Content | None":
    """"Russia could help, he said.": the verb is a parenthetical on the reported clause, in
    the middle of its sentence or after it."""
    mid = _parenthetical(verb, cue, in_quote)
    if mid is not None:
        return mid
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.i > verb.head.i \
            and verb.head.pos_ in ("VERB", "AUX") and not in_quote(verb.head.idx) \
            and _fronted_ok(verb, verb.head, cue):
        head = verb.head
        toks = [t for t in head.subtree if t.i < verb.i and t.i not in set(
            x.i for x in verb.subtree)]
        subj = speaker_subject(verb)
        if subj is not None and subj.i < verb.i:
            toks = [t for t in toks if t.i < subj.left_edge.i]
        return span_of_tokens(toks)
    return None



#: Complements of an appearance verb that say what seems to be ("seem ready to", "appear to").
APPEARANCE_COMPLEMENT_DEPS = ("xcomp", "oprd", "acomp")

def appearance(verb: "Token", passive: bool = False) -> tuple[int, int] | None:
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
        return span_of_tokens(clause.subtree) if clause is not None else None
    comp = [c for c in kids if c.i > verb.i and (
        c.dep_ in APPEARANCE_COMPLEMENT_DEPS or passive and (
            c.dep_ == "attr" or c.dep_ == "prep" and c.lower_ == "as"))]
    if not comp:
        # "Neither step is expected soon": what is expected is the subject itself
        if passive and subj.dep_ == "nsubjpass" and subj.pos_ != "PRON":
            return span_of_tokens(subj.subtree)
        return None
    toks = [t for t in subj.subtree] + [verb] + [t for c in comp for t in c.subtree]
    toks += [c for c in kids if c.dep_ in ("aux", "neg", "advmod") and subj.i < c.i < comp[0].i]
    return span_of_tokens(t for t in toks if not t.is_punct or t.i < comp[-1].right_edge.i)


#: Verbs whose agentless passive reports an unnamed source's view ("is expected to win",
#: "is said to be ill", "is considered a contender"); PolNeAR takes subject to complement.
PASSIVE_REPORTS = {"expect", "say", "report", "believe", "know", "consider", "think", "see",
                   "estimate", "predict", "deem", "allege", "rumor", "rumour", "understand"}
PASSIVE_RULE = "passive report: subject + is expected/said to + complement"
REDUCED_PASSIVE_RULE = "passive participle: asked whether … (the one asked is not the source)"



#: Marks that set off a parenthetical attribution ("The plan, she said, failed").
PARENTHESIS_MARKS = {",", "—", "–", "-", "--"}


def _parenthetical(verb: "Token", cue: Cue, in_quote) -> Content | None:
    """The sentence around an attribution set off by commas in its middle ("Otherwise, she
    said, the banks may refuse"): (start, end, hole), the hole being ", she said,".

    PolNeAR (Pareti 2015 conventions) takes the whole reported sentence as the content, in two
    pieces around the speaker and cue, when the attribution interrupts it."""
    if cue.cls != "speech" or verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj") \
            or verb.i > verb.head.i or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    subj = speaker_subject(verb)
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
    return Content(toks[0].idx, toks[-1].idx + len(toks[-1]), (doc[first - 1].idx, doc[end].idx + 1))


#: Closing quote marks as spaCy tokens.
CLOSING_MARKS = {'"', "”", "''", "’", "'", "»"}


def _fronted_ok(verb: "Token", clause: "Token", cue: Cue) -> bool:
    """A reported clause before its verb ("Russia could help, Rasmussen said") only when it
    reads so: a speech verb, a comma right before the speaker + verb, and the clause opens its
    sentence. Other clauses found before a verb are mostly parse errors."""
    if cue.cls != "speech":
        return False
    subj = speaker_subject(verb)
    if subj is None or not (clause.i < subj.i < verb.i or verb.i < subj.i):
        return False
    first = subj.left_edge.i if subj.i < verb.i else verb.i
    doc = verb.doc
    if first > 1 and doc[first - 1].text in CLOSING_MARKS and doc[first - 2].text in (",", "?", "!"):
        first -= 1  # American style puts the comma inside the quote marks: ",'' said Black"
    prev = doc[first - 1] if first > 0 else None
    if prev is None or prev.text not in (",", "—", "–", "-"):
        return False
    sent_start = verb.sent.start
    return clause.left_edge.i <= sent_start + 1 or verb.doc[clause.left_edge.i - 1].text in ":;—"



#: Verbs whose subject is the target of the noun cue, not its source ("drew criticism").
RECEIVING_VERBS = {"draw", "face", "receive", "get", "attract", "earn", "spark", "prompt",
                   "trigger", "provoke", "invite", "win", "gain", "lose", "field", "answer",
                   "dodge", "ignore"}
#: Prepositions that carry a noun cue's content ("criticism of X", "questions about X").
NOUN_CONTENT_PREPS = {"of", "about", "for", "on", "against", "over", "to", "that"}


def noun_cues(doc: "Doc", in_quote) -> Iterator[tuple["Token", tuple[int, int], Speaker | None]]:
    """Noun cues (``lexicons/reporting_nouns.csv``) with their content and speaker, if any.

    Content: a that-clause or infinitive on the noun ("her claim that X", "his call to X"),
    else the object of an about/of/for/on/against… phrase ("criticism of X"). Speaker: the
    possessor ("his", "Trump's") or a "by X" phrase, else none (PolNeAR leaves it empty)."""
    for i in lemma_indices(doc, reporting_nouns()):
        tok = doc[i]
        if tok.pos_ != "NOUN" or in_quote(tok.idx) is not None:
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
            # "criticism by X" / "criticism from X": the source of the criticism
            by = next((c for c in kids if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
            owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        if owner is None and reporting_nouns().get(tok.lemma_.lower()) == "cognition":
            owner = _state_holder(tok)  # "Clinton met workers in hopes of …": Clinton hopes
        if owner is None and tok.dep_ == "dobj" and tok.head.lemma_ not in RECEIVING_VERBS:
            owner = speaker_subject(tok.head)  # "Sanders voiced concern about …": the one voicing it
            if owner is not None and owner.pos_ == "PRON" and owner.dep_ == "expl":
                owner = None
        if owner is not None:
            s, e = speaker_tokens(owner)
            # drop the possessive 's from the speaker phrase
            while e - 1 > s and doc[e - 1].dep_ == "case":
                e -= 1
            speaker = Speaker(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), owner.idx)
        yield tok, content, speaker


def _state_holder(noun: "Token") -> "Token | None":
    """The holder of a mental-state noun in an adverbial phrase ("in (the) hope(s) of",
    "out of fear that", "in the belief that"): the subject of the clause the phrase modifies,
    who is the one hoping or fearing (subject control of the adjunct)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    subj = speaker_subject(prep.head)
    if subj is None or subj.dep_ == "expl" or subj.i > noun.i:
        return None
    return subj


#: Links of a predicative adjective to its verb ("is critical", "made it clear", "seemed eager").
PREDICATIVE_DEPS = {"acomp", "oprd", "ccomp", "xcomp"}
#: Prepositions that carry an adjective cue's content ("critical of", "worried about").
ADJECTIVE_CONTENT_PREPS = {"of", "about", "with", "on", "to", "toward", "towards", "over", "for",
                           "that", "in"}


def adjective_cues(doc: "Doc", in_quote) -> Iterator[tuple["Token", tuple[int, int], Speaker]]:
    """Predicative adjective cues (``lexicons/reporting_adjectives.csv``) with content and speaker:
    "Cruz was critical of the deal", "she is confident that …", "a president willing to …".

    The adjective must be predicative (complement of *be*, *seem*, *remain*, *make it* …) or
    follow the noun it describes; its content is a that-clause, an infinitive or the object of
    of/about/with… Its speaker is the subject of the verb (or the noun described); impersonal
    "it is clear that" has none and is left out. (PolNeAR annotates these as attributions.)"""
    for i in lemma_indices(doc, reporting_adjectives()):
        tok = doc[i]
        if tok.pos_ not in ("ADJ", "VERB") or in_quote(tok.idx) is not None:
            continue
        if tok.pos_ == "VERB" and tok.tag_ != "VBN":
            continue
        if tok.dep_ in PREDICATIVE_DEPS and tok.head.pos_ in ("VERB", "AUX") and tok.head.i < tok.i:
            owner = speaker_subject(tok.head)
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
        s, e = speaker_tokens(owner)
        yield tok, content, Speaker(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), owner.idx)



def indirect_rule(verb: "Token", last: "Token", cue: Cue, span: Content) -> str:
    """The name of the reported-speech layout of ``verb`` (the ``rule`` column)."""
    if cue.cue == "according to":
        return "according to + source, reported clause"
    if as_adjunct(verb):
        return "as + source + reporting verb, reported clause"
    if span.hole is not None:
        return "reported speech: sentence interrupted by speaker + reporting verb"
    if cue.cls == "appearance":
        return "evidential: subject + seem/appear + complement (no named source)"
    if span.end <= verb.idx:
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



def _as_content(span) -> Content | None:
    if span is None or isinstance(span, Content):
        return span
    return Content(*span)


def _strip_that(text: str, s: int) -> int:
    """Skip a leading complementizer: "that" is not part of what was said."""
    return s + 5 if text.startswith("that ", s) else s


def _reported_row(ctx: Context, hit, passive: bool) -> Quote | None:
    """The row for one reporting verb, or ``None`` when it reports nothing we can read."""
    verb, last, cue = hit
    text = ctx.text
    span = _as_content(appearance(verb, passive=True) if passive
                       else content_of(verb, last, cue, ctx.in_quote))
    if span is None:
        return None
    s, e = cover_quotations(ctx.quotations, span.start, span.end)
    s, e = trim(text, s, e)
    s = _strip_that(text, s)
    s, e = trim(text, s, content_end(ctx.doc, s, e, ctx.in_quote))
    if e - s < 2 or word_count(text[s:e]) < 1:
        return None
    reduced = not passive and reduced_passive(verb)
    passive = passive or reduced
    unnamed = passive or cue.cls == "appearance"  # no source needs to be named
    speaker = agent(verb) if passive else None if unnamed else speaker_of(verb, last, cue)
    if speaker is None and not unnamed:
        return None
    hole = span.hole
    if speaker is not None and speaker.start < e and s < speaker.end and not (
            hole and hole[0] <= speaker.start and speaker.end <= hole[1]):
        return None  # speaker inside the content: a parse error
    inside = ctx.quotations_in(s, e)
    if any(j in ctx.consumed for j in inside):
        return None  # already a direct quotation
    cue_span = CueSpan(verb.idx, last.idx + len(last), verb.i)
    quoted = sum(min(e, fe) - max(s, fs) for j in inside
                 for fs, fe in ctx.quotations[j].fragments if min(e, fe) > max(s, fs))
    if inside and quoted >= 0.8 * (e - s) - 4:
        ctx.consumed.update(inside)
        frags = [list(f) for j in inside for f in ctx.quotations[j].fragments]
        return Quote(frags, "direct", "speaker + reporting verb + quotation", speaker=speaker,
                     cue=cue_span, quotations=inside)
    mixed = bool(inside) and ctx.quoted_words(s, e, inside) >= ctx.config.mixed_min_words
    if mixed:
        ctx.consumed.update(inside)
    rule = REDUCED_PASSIVE_RULE if reduced else PASSIVE_RULE if passive else \
        indirect_rule(verb, last, cue, span)
    frags = [[s, e]]
    if hole and s < hole[0] and hole[1] < e:
        # "X, she said, Y": what was said is X and Y, around the attribution
        frags = [list(trim(text, s, hole[0])), list(trim(text, hole[1], e))]
        frags = [f for f in frags if f[1] > f[0]] or [[s, e]]
    return Quote(frags, "mixed" if mixed else "indirect",
                 rule + (" (with a quoted fragment)" if mixed else ""), speaker=speaker,
                 cue=cue_span, quotations=inside if mixed else [])


#: Verbs that name what someone spoke about rather than what they said ("referring to X",
#: "citing the economy", "speaking about the budget").
TOPIC_VERBS = frozenset({"refer", "mention", "cite", "speak", "talk", "reference", "discuss",
                         "address", "allude"})
#: Links of a participle adjunct to the clause it hangs on.
ADJUNCT_DEPS = frozenset({"advcl", "acl", "conj", "pcomp", "xcomp", "npadvmod"})


#: Cues that report speech only around a quotation ('"…," he continued'); in running text
#: they are aspect ("continued to rise"), not a report.
ASPECTUAL_CUES = frozenset({"continue"})


def topic_reference(verb: "Token") -> bool:
    """True for a participle adjunct of a topic verb with an object and no clause: "Referring
    to his talks with Medvedev, Obama said …", "…, he said, citing the economy".

    Such an adjunct names a topic (the writer's gloss of whom or what the speaker meant); it
    states nothing, so it is not an attribution (Pareti 2015: the content of an attribution is
    a proposition, an eventuality or a fact, not an entity). "mentioning that taxes rose" has a
    clause and stays a report."""
    if verb.tag_ != "VBG" or verb.lemma_.lower() not in TOPIC_VERBS or verb.dep_ not in ADJUNCT_DEPS:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children):
        return False  # "he is referring to …": a finite use, its own statement
    return not any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "mark" for c in verb.children)


PASSIVE_STANCE_RULE = "passive stance: target + was backed/criticized by + source"


def _passive_stance_row(ctx: Context, hit) -> Quote | None:
    """"He was backed by most liberal voters", "The plan was criticized by Democrats": a
    stance verb in the passive with a *by*-agent; the agent is the source, the subject is the
    target the stance is about (the content, as for the active "voters backed him")."""
    verb, last, cue = hit
    if cue.cls != "attitude" or cue.content != "object":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    speaker = agent(verb)
    if subj is None or speaker is None or subj.i > verb.i:
        return None
    span = span_of_tokens(t for t in subj.subtree if not t.is_punct)
    if span is None or in_any_row(ctx, *span):
        return None
    return Quote([list(span)], "indirect", PASSIVE_STANCE_RULE, speaker=speaker,
                 cue=CueSpan(verb.idx, last.idx + len(last), verb.i))


def in_any_row(ctx: Context, s: int, e: int) -> bool:
    """True when ``[s, e)`` overlaps a quotation already attributed or a row's content."""
    return any(j in ctx.consumed for j in ctx.quotations_in(s, e)) or any(
        fs < e and s < fe for r in ctx.rows for fs, fe in r.fragments)


def reported_speech(ctx: Context) -> None:
    """Step: one row per reporting verb not used by a direct quotation (see the module
    docstring); quotations it covers are marked consumed. A participle adjunct that only names
    a topic (:func:`topic_reference`) is not a row."""
    ctx.consumed.update(ctx.row_of_quote)
    first = len(ctx.rows)
    for hit in ctx.cues:
        verb = hit.verb
        if verb.i in ctx.used_cues or topic_reference(verb) or verb.lemma_ in ASPECTUAL_CUES:
            continue
        passive = verb.lemma_ in PASSIVE_REPORTS and any(
            c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        row = _passive_stance_row(ctx, hit) or _reported_row(ctx, hit, passive)
        if row is not None:
            ctx.add(row)
    one_row_per_content(ctx, first)


#: Share of a row's characters inside another row's content that makes it the same words.
NESTED_MIN_SHARE = 0.5


def _chars(row: Quote) -> int:
    return sum(e - s for s, e in row.fragments)


def _shared(a: Quote, b: Quote) -> int:
    return sum(max(0, min(ae, be) - max(as_, bs)) for as_, ae in a.fragments for bs, be in b.fragments)


def one_row_per_content(ctx: Context, first: int) -> None:
    """Keep one row for words that several cues report: of the reported-speech rows from
    ``ctx.rows[first]`` on, a row whose content overlaps a longer row's (or any earlier row's)
    by ``NESTED_MIN_SHARE`` of its own characters is dropped ("declined to say whether …" and
    "say whether …"; "pledged to oppose legal status" and "oppose legal status").

    The longer content is the attribution the sentence makes; the nested one repeats its
    words (Pareti 2015 annotates nesting, but one row per stretch of text is what a reader of
    the quotes table expects, and PolNeAR's gold has almost no overlapping attributions)."""
    new = ctx.rows[first:]
    by_line: dict[int, list[Quote]] = {}  # kept rows by the lines they touch: local look-ups

    def lines(row: Quote) -> range:
        return range(ctx.line_of(row.start), ctx.line_of(max(row.end - 1, row.start)) + 1)

    def keep(row: Quote) -> None:
        for line in lines(row):
            by_line.setdefault(line, []).append(row)

    for row in ctx.rows[:first]:
        keep(row)
    kept: set[int] = set()
    for row in sorted(new, key=_chars, reverse=True):
        near = {id(k): k for line in lines(row) for k in by_line.get(line, ())}.values()
        if row.kind != "direct" and any(
                _shared(row, k) >= NESTED_MIN_SHARE * _chars(row) for k in near):
            continue
        keep(row)
        kept.add(id(row))
    ctx.rows[first:] = [r for r in new if id(r) in kept]


def noun_cue_rows(ctx: Context) -> None:
    """Step: noun cues ("his claim that …", "criticism of the plan") whose content no verb's
    row holds already."""
    text = ctx.text
    ctx.taken = [(f[0], f[1]) for r in ctx.rows for f in r.fragments]
    for noun, content, speaker in noun_cues(ctx.doc, ctx.in_quote):
        s, e = trim(text, *content)
        s = _strip_that(text, s)
        s, e = trim(text, s, content_end(ctx.doc, s, e, ctx.in_quote))
        if e - s < 3 or any(fs < e and s < fe for fs, fe in ctx.taken):
            continue  # a verb's row already holds it ("expressed concern about …")
        if any(j in ctx.consumed for j in ctx.quotations_in(s, e)):
            continue
        ctx.add(Quote([[s, e]], "indirect", "reported stance: noun cue + content",
                      speaker=speaker, cue=CueSpan(noun.idx, noun.idx + len(noun), noun.i)))
        ctx.taken.append((s, e))


def adjective_cue_rows(ctx: Context) -> None:
    """Step: predicative adjective cues ("critical of …", "confident that …")."""
    text = ctx.text
    for adj, content, speaker in adjective_cues(ctx.doc, ctx.in_quote):
        s, e = cover_quotations(ctx.quotations, *content)
        s, e = trim(text, s, e)
        s = _strip_that(text, s)
        s, e = trim(text, s, content_end(ctx.doc, s, e, ctx.in_quote))
        if e - s < 3 or any(fs < e and s < fe for fs, fe in ctx.taken):
            continue
        if speaker.start < e and s < speaker.end:
            continue  # speaker inside the content: a parse error
        inside = ctx.quotations_in(s, e)
        if any(j in ctx.consumed for j in inside):
            continue
        mixed = bool(inside) and ctx.quoted_words(s, e, inside) >= ctx.config.mixed_min_words
        if mixed:
            ctx.consumed.update(inside)
        ctx.add(Quote([[s, e]], "mixed" if mixed else "indirect",
                      "reported stance: subject + be + adjective + content"
                      + (" (with a quoted fragment)" if mixed else ""), speaker=speaker,
                      cue=CueSpan(adj.idx, adj.idx + len(adj), adj.i),
                      quotations=inside if mixed else []))
        ctx.taken.append((s, e))
