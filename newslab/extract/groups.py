"""Group actors: a plural noun phrase for people acting as one party is its own actor.

``Supporters of Bernie rallied``, ``Harrow's aides said``, ``residents``, ``the foreign
ministers``, ``protesters``, ``critics of X``: the group acts or speaks, not the person or body
named inside the phrase (issue 13). :func:`group_mentions` returns one
:class:`~newslab.records.Mention` per such phrase, with ``kind="group"``, ``type="GROUP"`` and
``label="GROUP"``; the name inside keeps its own mention (``Bernie`` is still referred to).

How a group is found and named:

* **Head.** A plural common noun (Penn tag NNS) whose lemma is in ``lexicons/group_nouns.csv``
  (chosen after the CAMEO actor types; see its header), found with a spaCy ``Matcher``. A
  predicate (``they are critics``), an apposition or a noun inside a name is no group mention.
* **Phrase.** The head with its adjectives, compounds and possessor (``U.S. officials``,
  ``Harrow's aides``, ``opposition supporters``) and an ``of``/``to``/``for`` phrase holding a
  name (``supporters of Bernie``, ``aides to the governor Harrow``); determiners, numbers and
  quantifiers (``the``, ``two``, ``many``) are not part of the group's name.
* **Owner.** The actor named in the possessor, a name compound or that phrase (``Harrow``):
  ``Harrow's aides``, ``Harrow aides`` and ``aides to Harrow`` are one group.
* **One group, several mentions.** Mentions with the same head lemma, modifiers and owner are
  one actor; a bare later mention (``the protesters``, ``ministers``) is the group last named
  with that head (a definite plural refers back, as a definite noun phrase does: Poesio &
  Vieira 1998, "A corpus-based investigation of definite description use").
* **Name.** The first mention as written, without determiners, its first word in lower case
  unless a name (``supporters of Bernie``, ``Harrow's aides``, ``foreign ministers``).

:func:`group_pronouns` links ``they`` / ``their`` that the resolver
(:mod:`newslab.extract.coref`, which links plural pronouns to organisations and nations only)
left unlinked to a group when the parse shows the same centre (Grosz, Joshi & Weinstein 1995):
the subject of the verb that governs the pronoun's clause (``Residents said they were
scared``), the subject of the verb a possessive ``their`` belongs to, or the previous sentence's
main subject for a main-clause ``they`` (``Supporters rallied. "We want change," they
chanted.``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

from ..lexicons import group_nouns
from ..nlp.syntax import noun_phrase, subject_of
from ..nlp.tokens import lemma_indices
from ..records import Mention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

#: The type and the mention kind of a group actor.
GROUP = "GROUP"
KIND = "group"
#: Left dependents that belong to a group's name (``foreign ministers``, ``Harrow's aides``).
NAME_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
#: Prepositions whose named object owns the group (``supporters of X``, ``aides to X``).
OWNER_PREPS = frozenset({"of", "to", "for"})
#: Dependencies of a plural noun that is not a mention of a group (a predicate, an apposition).
NOT_MENTION_DEPS = frozenset({"attr", "appos", "oprd", "acomp"})
#: Words that count or date a group rather than name it (``many``, ``two``, a date the parser
#: attached: ``On Monday hospital officials``).
QUANTIFIERS = frozenset({"many", "some", "several", "all", "most", "few", "both",
                         "numerous", "dozens", "hundreds", "thousands", "roughly", "about",
                         "nearly", "almost", "around", "approximately", "over", "more", "than",
                         "at", "least", "whose"})
#: Dependencies of a word that counts or points rather than names (``the``, ``two``).
COUNT_DEPS = frozenset({"det", "predet", "nummod", "quantmod"})
COUNT_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})
#: Plural third-person pronouns that may refer to a group.
PLURAL_PRONOUNS = frozenset({"they", "their", "theirs", "themselves"})

_MATCHERS: dict[int, tuple[object, object]] = {}


def _head_matcher(vocab):
    """A spaCy Matcher for plural group nouns, built once per vocabulary."""
    cached = _MATCHERS.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    from spacy.matcher import Matcher

    matcher = Matcher(vocab)
    matcher.add("GROUP_HEAD", [[{"TAG": "NNS", "LEMMA": {"IN": sorted(group_nouns())}}]])
    _MATCHERS[id(vocab)] = (vocab, matcher)
    return matcher


def _phrase(head: "Token", by_token: dict[int, Mention]) -> tuple[int, int, Mention | None]:
    """Token range of the group phrase headed by ``head`` and the mention of its owner (a
    possessor, a name compound or a name in an ``of``/``to``/``for`` phrase), or None."""
    start, end, owner = head.i, head.i + 1, None
    for c in head.lefts:
        if c.dep_ in NAME_DEPS:
            start = min(start, c.left_edge.i)
            if owner is None and (c.dep_ == "poss" or c.pos_ == "PROPN") and c.i in by_token:
                owner = by_token[c.i]
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in OWNER_PREPS:
            pobj = next((t for t in c.children if t.dep_ == "pobj"), None)
            if pobj is not None:
                # the object and its conjuncts ("of France and Germany"), not what hangs on
                # them ("of his party such as X and Y")
                s = noun_phrase(pobj, of_phrase=False)[0]
                e = max(noun_phrase(t, of_phrase=False)[1] for t in (pobj, *pobj.conjuncts))
                inner = [by_token[i] for i in range(s, e) if i in by_token]
                if inner:
                    end = max(end, e)
                    owner = owner or by_token.get(pobj.i) or inner[0]
            break
    doc = head.doc
    while start < head.i and _counts(doc[start]):
        start += 1
    return start, end, owner


def _counts(tok: "Token") -> bool:
    """A word that counts, dates or points at a group rather than names it."""
    return tok.dep_ in COUNT_DEPS or tok.ent_type_ in COUNT_ENTS or tok.is_punct \
        or tok.lower_ in QUANTIFIERS or tok.tag_ == "WP$"


def _group_name(span: "Span", owner: Mention | None) -> str:
    """The phrase as written without the words that count it (``roughly 200,000``), its first
    word in lower case when only the sentence start capitalised it; a possessive pronoun
    becomes its actor's name (``his supporters`` -> ``Hickenlooper's supporters``)."""
    words = []
    for t in span:
        if _counts(t) and t.i != span.root.i:
            continue
        if t.tag_ == "PRP$" and t.dep_ == "poss":
            if owner is None or owner.kind != "pronoun":
                continue  # an unresolved "his": the name says no more than the noun
            words.append(owner.actor + "'s" + t.whitespace_)
            continue
        words.append(t.text_with_ws)
    text = "".join(words).strip()
    first = span[0]
    if text and text[:1] == first.text[:1] and first.is_sent_start and first.lemma_.islower() \
            and not first.ent_type_:  # "Supporters of X" opening a sentence
        text = text[0].lower() + text[1:]
    return text


def group_mentions(doc: "Doc", mentions: Iterable[Mention]) -> list[Mention]:
    """One mention per plural phrase naming a group of people, in text order.

    ``mentions`` are the Doc's named mentions and the resolver's pronouns (Doc coordinates,
    :func:`newslab.extract.entities.entity_mentions`, :func:`newslab.extract.coref.
    resolve_mentions`): they give each group its owner (``his supporters``) and are never a
    group's head. Returns :class:`~newslab.records.Mention` records with ``kind="group"``,
    ``type`` and ``label`` ``"GROUP"``, ``actor`` the group's name; Doc characters,
    end-exclusive. Needs a dependency parse (an empty list without one). Rules and sources: the
    module docstring.

    >>> from newslab.nlp import load_model
    >>> doc = load_model()("Supporters of Bernie rallied. Later the supporters went home.")
    >>> [(m.text, m.actor) for m in group_mentions(doc, [])]
    [('Supporters', 'supporters'), ('supporters', 'supporters')]
    """
    if not len(doc) or not doc.has_annotation("DEP") or not doc.has_annotation("TAG"):
        return []
    by_token = {i: m for m in mentions if m.actor and m.kind != KIND
                for i in range(m.token_start, m.token_end)}
    groups: dict[tuple, str] = {}  # (head lemma, modifiers, owner) -> group name
    last: dict[str, str] = {}  # head lemma -> the group last named with it
    out = []
    for _, i, _ in sorted(_head_matcher(doc.vocab)(doc), key=lambda m: m[1]):
        head = doc[i]
        if i in by_token or head.dep_ in NOT_MENTION_DEPS:
            continue
        start, end, owner = _phrase(head, by_token)
        lemma = head.lemma_.lower()
        own = range(owner.token_start, owner.token_end) if owner else range(0)
        mods = frozenset(by_token[t.i].actor if t.i in by_token else t.lemma_.lower()
                         for t in doc[start:head.i]
                         if t.i not in own and not _counts(t) and t.dep_ != "case"
                         and t.tag_ != "PRP$")
        key = (lemma, mods, owner.actor if owner else None)
        if key in groups:
            name = groups[key]
        elif not mods and owner is None and lemma in last:
            name = last[lemma]  # "the protesters": the protesters named before
        else:
            name = groups[key] = _group_name(doc[start:end], owner)
        last[lemma] = name
        span = doc[start:end]
        out.append(Mention(span.text, span.start_char, span.end_char, start, end, GROUP, name,
                           GROUP, KIND))
    return out


def _group_at(tok: "Token | None", groups: dict[int, Mention]) -> str | None:
    return groups[tok.i].actor if tok is not None and tok.i in groups else None


def group_pronouns(doc: "Doc", groups: Sequence[Mention],
                   mentions: Iterable[Mention]) -> list[Mention]:
    """``they`` / ``their`` left unlinked by the resolver, linked to a group when the parse
    shows the same centre (module docstring). ``groups`` are :func:`group_mentions`;
    ``mentions`` every mention made so far (a pronoun among them is left alone). Returns
    ``pronoun`` mentions of type GROUP, Doc coordinates.

    >>> from newslab.nlp import load_model
    >>> doc = load_model()("Residents said they were scared.")
    >>> [(m.text, m.actor) for m in group_pronouns(doc, group_mentions(doc, []), [])]
    [('they', 'residents')]
    """
    if not groups or not doc.has_annotation("DEP"):
        return []
    at = {doc[m.token_start:m.token_end].root.i: m for m in groups}
    taken = {m.token_start for m in mentions} | {m.token_start for m in groups}
    out = []
    for i in lemma_indices(doc, PLURAL_PRONOUNS):  # from the arrays: no walk over every token
        tok = doc[i]
        if tok.lower_ not in PLURAL_PRONOUNS or i in taken:
            continue
        name = _antecedent(tok, at)
        if name:
            out.append(Mention(tok.text, tok.idx, tok.idx + len(tok), tok.i, tok.i + 1, GROUP,
                               name, GROUP, "pronoun"))
    return out


def _antecedent(tok: "Token", at: dict[int, Mention]) -> str | None:
    """The group a plural pronoun continues, or None (see :func:`group_pronouns`)."""
    if tok.dep_ == "poss":
        cur = tok.head
        for _ in range(6):
            subj = subject_of(cur) if cur.pos_ in ("VERB", "AUX") else None
            if subj is not None and not subj.left_edge.i <= tok.i <= subj.right_edge.i:
                return _group_at(subj, at)  # "The ministers said their talks were useful"
            if cur.head.i == cur.i:
                return None
            cur = cur.head
        return None
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = tok.head
    if verb.dep_ in ("ccomp", "xcomp", "advcl", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        return _group_at(subject_of(verb.head), at)
    if verb.dep_ == "ROOT" and tok.sent.start > 0:
        prev = tok.doc[tok.sent.start - 1].sent
        root = prev.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return _group_at(subj, at)
    return None
