"""Syntax over a spaCy parse, written once for every extractor: subjects, noun phrases,
relative pronouns, negation and modality.

Quotes, the coreference resolver, statements and the stance rules all ask the same questions of
the dependency parse (ClearNLP labels, as en_core_web_sm assigns them). Each question has one
function here; where an extractor needs a narrower reading it passes options, never a copy.

* :func:`subject_of` — the subject of a verb, climbing through participles, infinitives and
  conjuncts to the controller of a non-finite clause (the "understood subject"; Huddleston &
  Pullum 2002, ch. 14), and replacing a relative pronoun by the noun its clause modifies.
* :func:`noun_phrase` — the token range of the noun phrase a noun heads, without clauses.
* :func:`negation`, :func:`modal`, :func:`tentative` — polarity and modality of a cue
  (Palmer, *Mood and Modality*, 2001).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

#: Subject dependencies of a verb (active and passive).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Links a non-finite or coordinated clause climbs to find its understood subject.
CONTROL_DEPS = frozenset({"acl", "advcl", "xcomp", "pcomp", "conj", "prep", "pobj"})
#: Clauses on a noun whose understood subject is that noun ("Rasmussen, making his visit…").
NOUN_CONTROL_DEPS = frozenset({"acl", "advcl"})
#: Parts of speech that head a noun phrase.
NOUNISH = frozenset({"NOUN", "PROPN", "PRON"})
#: Relative pronouns ("Lavrov, who said…"): as a subject they stand for the modified noun.
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
#: Penn tags of wh-relatives (who, which, that as WDT).
RELATIVE_TAGS = frozenset({"WP", "WDT"})
#: Left dependents that stay inside a noun phrase.
NP_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod",
                          "case", "flat"})
#: Negators attached to a cue (``not``, ``never``, ``no support``).
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without", "hardly"})
#: Modals that make a holder's own position tentative ("may be willing").
WEAK_MODALS = frozenset({"could", "might", "may"})
#: Modals that only mark a position as conditional ("would oppose").
HEDGE_MODALS = WEAK_MODALS | {"would"}


def is_relative_pronoun(tok: "Token") -> bool:
    """Whether ``tok`` is a relative pronoun (by word or by its wh-tag)."""
    return tok.lower_ in RELATIVE_PRONOUNS or tok.tag_ in RELATIVE_TAGS


def own_subject(tok: "Token", deps: Iterable[str] = ("nsubj", "nsubjpass", "csubj", "expl")
                ) -> "Token | None":
    """The first child of ``tok`` whose dependency is in ``deps`` (no climbing)."""
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def relative_subject(verb: "Token", climb: Iterable[str] = ("xcomp", "conj", "advcl"),
                     hops: int = 3) -> "Token | None":
    """The relative pronoun subject of ``verb`` or of the relative clause it sits in
    ("Merkel, who said …" → ``who``), or ``None``."""
    tok = verb
    for _ in range(hops):
        rel = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS
                    and c.lower_ in RELATIVE_PRONOUNS), None)
        if rel is not None:
            return rel if tok.dep_ == "relcl" else None
        if tok.dep_ not in climb:
            return None
        tok = tok.head
    return None


def subject_of(verb: "Token", *, deps: Iterable[str] = SUBJECT_DEPS,
               climb: Iterable[str] = CONTROL_DEPS,
               noun_controls: Iterable[str] = NOUN_CONTROL_DEPS, hops: int = 6,
               verb_heads_only: bool = False,
               passive_ok: "Callable[[Token], bool] | None" = None) -> "Token | None":
    """The subject of ``verb``: its own, else the controller of the clause it sits in.

    Reading up from ``verb`` at most ``hops`` heads: a subject child is the answer, except that
    a relative pronoun subject of a relative clause stands for the noun the clause modifies
    (``Stoltenberg, who became…`` → Stoltenberg). A clause on a noun (``noun_controls``,
    ``Rasmussen, making his visit…``; ``a statement saying…``) has that noun as its subject.
    Other links in ``climb`` (participles, infinitives, conjuncts) pass the question to the
    head; ``verb_heads_only`` climbs only to verbs. ``passive_ok(verb)`` decides whether a
    passive subject counts (``it was said that…`` has no speaker); by default it does.

    >>> from newslab.nlp import load_model
    >>> doc = load_model()("Lavrov, who met Rasmussen, said talks would continue.")
    >>> subject_of(doc[3]).text, subject_of(doc[6]).text
    ('Lavrov', 'Lavrov')
    """
    deps, climb, noun_controls = set(deps), set(climb), set(noun_controls)
    tok = verb
    for _ in range(hops):
        subj = next((c for c in tok.children if c.dep_ in deps), None)
        if subj is None and "nsubj" in deps:
            subj = fronted_subject(tok)
        if subj is not None:
            if tok.dep_ == "relcl" and is_relative_pronoun(subj):
                return tok.head
            if passive_ok is not None and subj.dep_ == "nsubjpass" and not passive_ok(tok):
                return None
            return subj
        if tok.head is tok:
            return None
        if tok.dep_ in noun_controls and tok.head.pos_ in NOUNISH:
            return tok.head
        if tok.dep_ in climb and (not verb_heads_only or tok.head.pos_ in ("VERB", "AUX")):
            tok = tok.head
        else:
            return None
    return None


def fronted_subject(verb: "Token") -> "Token | None":
    """The subject the parser took into a fronted time phrase: in ``On Friday the legislature
    voted ...`` (no comma after the introductory adverbial, as news style often writes it) the
    small model reads ``the legislature`` as a second object of ``On``. A verb without a subject
    whose fronted preposition has a time word as object and another noun after it has that noun
    as its subject (an introductory adverbial takes one noun phrase; Quirk et al. 1985, §8.15).

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["On", "Friday", "the", "legislature", "voted"],
    ...           heads=[4, 0, 3, 0, 4], deps=["prep", "pobj", "det", "pobj", "ROOT"],
    ...           pos=["ADP", "PROPN", "DET", "NOUN", "VERB"], ents=["O", "B-DATE", "O", "O", "O"])
    >>> fronted_subject(doc[4]).text
    'legislature'
    """
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i:
            continue
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if len(objs) >= 2 and objs[0].ent_type_ in ("DATE", "TIME") and objs[-1].pos_ in NOUNISH:
            return objs[-1]
    return None


def head_depth(tok: "Token") -> int:
    """How many heads lie between ``tok`` and the root of its sentence (0 for the root).

    >>> from newslab.nlp import load_model
    >>> doc = load_model()("Cruz said the plan failed.")
    >>> head_depth(doc[1]), head_depth(doc[4])
    (0, 1)
    """
    d = 0
    while tok.head.i != tok.i and d < 50:  # Token objects are made anew: compare indices
        tok, d = tok.head, d + 1
    return d


def noun_phrase(tok: "Token", *, of_phrase: bool = True, articles: bool = True
                ) -> tuple[int, int]:
    """Token range ``[start, end)`` of the noun phrase headed by ``tok``.

    Keeps determiners, modifiers, compounds and possessors on the left; with ``of_phrase`` also
    an ``of``-phrase (``the head of Nato``) and a trailing case marker or compound on the
    right (the ``of``-phrase keeps all it holds). Relative clauses, participles and appositions
    on the head noun are left out. ``articles=False`` drops a leading the/a/an.

    >>> from newslab.nlp import load_model
    >>> doc = load_model()("The head of Nato spoke to reporters.")
    >>> s, e = noun_phrase(doc[1]); doc[s:e].text
    'The head of Nato'
    """
    doc = tok.doc
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in NP_LEFT_DEPS:
            start = min(start, c.left_edge.i)
    end = tok.i + 1
    if of_phrase:
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ == "of":
                end = max(end, c.right_edge.i + 1)
            elif c.dep_ in ("case", "compound"):
                end = max(end, c.i + 1)
            else:
                break
    if not articles and start < tok.i and doc[start].dep_ == "det" \
            and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return start, end


def negation(tok: "Token") -> str | None:
    """The negator on ``tok`` or on the copula/auxiliary it hangs from (``not``, ``never``)."""
    toks = [tok]
    if tok.dep_ in ("acomp", "attr", "xcomp", "dobj") and tok.head.pos_ == "AUX":
        toks.append(tok.head)
    for t in toks:
        for c in t.children:
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "det", "preconj") and c.lower_ in NEGATORS):
                return "not" if c.lower_ == "n't" else c.lower_
    return None


def modal(tok: "Token") -> str | None:
    """The hedging modal auxiliary on ``tok`` (or on the copula an adjective hangs from)."""
    toks = [tok]
    if tok.dep_ in ("acomp", "attr") and tok.head.pos_ == "AUX":
        toks.append(tok.head)
    for t in toks:
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in HEDGE_MODALS:
                return c.lower_
    return None


def tentative(modal_word: str | None, negated: str | None) -> bool:
    """Whether a modal leaves the holder undecided: ``could``/``might``/``may`` do, but a negated
    ``could`` states an inability or a refusal (``could not agree``; Palmer 2001 on dynamic vs
    epistemic readings), a firm position."""
    return modal_word in WEAK_MODALS and not (modal_word == "could" and negated)
