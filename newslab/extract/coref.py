"""Link pronouns and role nouns to named actors: ``he`` → Rasmussen, ``the minister`` → Lavrov.

One resolver, shared by quotes (who is the ``he`` in ``he said``?) and actors (count every
reference to a person, not only the named ones).

How it works (a light version of Lappin & Leass 1994, "An algorithm for pronominal anaphora
resolution", Computational Linguistics 20(4)). This module reads the Doc in order and decides;
the parts it asks live beside it, one job each: :mod:`~newslab.extract.salience` (referents and
their weights), :mod:`~newslab.extract.pronoun_rules` (agreement and the parse's evidence for
it/they), :mod:`~newslab.extract.role_words` (role nouns and their holders),
:mod:`~newslab.extract.org_references` (organisations and countries by a common noun).

* **Salience.** Reading the Doc in order, every noun phrase that stands for an actor adds
  weight to that actor: sentence recency 100, subject 80, direct object 50, other roles 40,
  head noun 80, not inside an adverbial phrase 50, and (our addition, after the "previous
  speaker" preference of quote attribution systems such as Muzny et al. 2017) 50 when the
  mention is the subject of a reporting verb. A name weighs as the noun phrase it sits in: an
  appositive has its head's role ("One senator, Eduardo Bhatia, said" — a subject), and so has
  a name the tagger cut short ("Wanda Vázquez| Garced"); a title and its name are one phrase,
  counted once. All weights halve at each new sentence, so recent and prominent actors win.
  People the text does not name (``a 36-year-old man``, ``the suspect``) and names the tagger
  missed ("Mayor Hugo Brandt") are weighed too, as anonymous referents (L&L weigh every NP): a
  pronoun that takes one stays unlinked rather than taking a named actor.
* **Pronouns** (he/she/it/they…) take the most salient actor that agrees in gender and number:
  gender comes from an honorific before the name (Mr/Mrs/Ms…) or else from a small first-name
  list (``lexicons/first_names.csv``); unknown gender agrees with both. The text's own words
  win: a he/she linked to a person fixes that person's gender for the rest of the article
  (once Ofelia Brandt is "she", "he" is someone else), and a gendered role noun
  (``spokeswoman``) outranks a first-name guess. In order:

  1. a speaker pronoun right after a quotation or opening a sentence (``"…," he said``,
     ``He added``) takes the most recent compatible subject — the last person who spoke or
     acted (after Muzny et al. 2017);
  2. a he/she/his/her in a clause that another clause governs (reported, adverbial,
     conjoined) takes the agreeing subject of the governing clause, and a possessive first
     the subject of its own clause — the first candidates of Hobbs's (1978) naive algorithm
     ("Bhatia said he intended to sue");
  3. else the most salient agreeing actor, with Lappin & Leass's role-parallelism reward (35:
     "The governor appointed Pierluisi. The House confirmed him" — an object continues the
     object) and Mitkov's (1998) heading preference (75 for an actor the headline names: the
     stabbed mayor of the headline, not the minister named last).

  ``it``/``its``/``they``/``their``/``itself`` link to an organisation or place only with
  evidence from the parse (subject continuity, as in centering theory): a reflexive takes its
  clause's subject (binding principle A), a possessive the subject of the first verb above it
  ("Moscow expressed its willingness"), a subject pronoun in a reported clause the subject of
  the verb reporting it ("Nato said it would…"), a main-clause subject the subject of a
  subordinate clause before it ("While Ruritania is small, it …") or else the previous
  sentence's subject. Impersonal ``it`` ("it is unclear", "it seems") and pronouns in a
  relative clause on another noun ("the plans, which are in their infancy") stay unresolved;
  ``they`` needs a group (``NORP``), a plural-looking name or a collective body noun as its
  antecedent ("The team … They found": notional concord), ``it`` a singular one. Objects
  (``them``) are left alone. A pronoun never takes an actor named as another argument of its
  own verb ("Smith praised him": him ≠ Smith).
* **Aliases.** An apposition (``Sergei Lavrov, Russia's foreign minister``), a title before a
  name (``Foreign Minister Sergei Lavrov``) or a predicate (``Rasmussen … became the head of
  Nato``) makes that noun phrase an alias of the person and records its role group
  (``lexicons/role_nouns.csv``: chief, head and leader are one group).
* **Organisations and countries** by a common noun (``the bloc``, ``the company``, ``party
  leader``; ``the country``, ``the kingdom``; ``the Saudi government``, ``the Montreal team``,
  ``police``; ``Tehran, the capital``; ``the new company, to be called X`` and the same
  description repeated): :mod:`newslab.extract.org_references`, each linked to the most salient
  named actor it fits, and never to one it does not fit.
* **Role nouns** (``the minister``, ``Alliance chief``) resolve only to a person the text gave
  that role (same group, and the reference's modifiers among the holder's: ``the employment
  minister`` is not ``Foreign Minister X``), the most salient such person first — also from a
  headline, before the name (cataphora). A broader noun may take a narrower holder (``the
  officer`` → ``Sergeant X``: ``lexicons/role_hypernyms.csv``). A holder who left the role
  (``resigned as governor``, ``the former governor``) is ``the governor`` only when no current
  holder is known. A predicate noun (``X is the mayor``, ``appointed X as treasurer``,
  ``succeeded Y as governor``) describes its subject or object and is never resolved to another
  holder. A role nobody holds, and an indefinite one (``a
  spokesman``, ``one reporter``), is someone the text does not name: it comes back as an
  ``unnamed`` mention (actor ``None``) so that no name nearby is taken for them.
* **Unnamed sources** (``a neighbour said``, ``according to a source``): an indefinite
  subject of a reporting verb is an ``unnamed`` mention too.
* **Descriptions** (``the 27-year-old from Göteborg``) link to the person whose apposition
  stated every fact they repeat (``Lena Berg, 27, from Göteborg``;
  :mod:`newslab.extract.descriptions`), else they are ``unnamed``.

The controller of a non-finite clause is found by climbing its heads to the noun it attaches
to or the subject above it (``Rasmussen, making his visit since becoming the head of Nato`` →
Rasmussen); a relative pronoun subject stands for its noun (``X, who became the head of…``).

Returned :class:`~newslab.records.Mention` objects have kind ``pronoun`` or ``nominal`` and
``actor`` set, or kind ``unnamed`` and ``actor`` ``None`` (someone the text does not name);
other unresolvable references are not returned.
"""

from __future__ import annotations

import re

import bisect
from collections import defaultdict
from typing import TYPE_CHECKING, Iterable

from ..lexicons import (country_nouns, first_names, holder_nouns, org_descriptors, pronouns,
                        role_hypernyms, role_nouns, speech_verbs)
from ..nlp.syntax import noun_phrase, subject_of
from ..nlp.tokens import dep_pos_indices
from ..records import Mention
from .descriptions import description_spans, introduced_facts, matches, noun_description
from .org_references import (MEMBER_BODIES, STATE_BODIES, body_owner,
                             org_reference, resolve_country, resolve_org, told_kinds)
from .pronoun_rules import (GOVERNED_CLAUSES, NON_PERSON_TYPES, POSSESSOR_HOPS, agrees,
                            collective, nonperson_antecedent, number_agrees)
from .role_words import (FORMER, INDEFINITE, PEOPLE_HOLDERS, SOURCE_NOUNS, TITLE_DEPS, former_role,
                         indefinite, person_noun, resolve_role, role_modifiers, role_of)
from .salience import (ANONYMOUS, SALIENCE_PARALLEL, SALIENCE_TOPIC, Referent, anonymous_gender,
                       anonymous_heads, phrase_head, role_class, weight)
from .gender import honorific_gender

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


#: Verbs whose predicate nominal names a role of the subject ("X became the head of Nato").
COPULAS = {"be", "become", "remain", "serve", "name", "appoint", "elect", "act"}
#: Sentences (1-based) that make up an article's headline and standfirst: a descriptor there
#: may point forward to the organisation the article names most (cataphora).
OPENING_SENTENCES = 2


#: Verbs whose object takes the next turn in a conversation ("X asked Sanders whether …").
ASK_VERBS = frozenset({"ask", "question", "press", "quiz", "interview", "challenge", "urge"})
#: Links from a name up to the subject it belongs to ("The chief executive, Marcus Heller";
#: "a worker named Antonio Arroyo").
SUBJECT_CLIMB = frozenset({"appos", "compound", "oprd", "acl", "conj", "flat"})
#: Double quotation marks that open and close a quotation (single ones double as apostrophes).
QUOTE_MARKS = ('"', "“", "”", "«", "»", "``", "''")


def _quoted(doc: "Doc") -> list[int]:
    """Character offsets where quotations open and close, alternately (open, close, open …),
    paired per paragraph: a straight mark toggles, curly marks and guillemets say which end
    they are, a line break closes whatever is open. Only the quote-mark and line-break tokens
    are looked at (found from the Doc's arrays)."""
    import numpy as np
    from spacy.attrs import IS_SPACE, ORTH

    if not len(doc):
        return []
    arr = doc.to_array([ORTH, IS_SPACE]).astype("uint64")
    marks = np.array([doc.vocab.strings.add(q) for q in QUOTE_MARKS], dtype="uint64")
    bounds: list[int] = []
    for i in np.flatnonzero(np.isin(arr[:, 0], marks) | (arr[:, 1] == 1)).tolist():
        tok, inside = doc[i], len(bounds) % 2 == 1
        if tok.is_space:
            if inside and "\n" in tok.text:
                bounds.append(tok.idx)
        elif not inside and tok.text in ('"', "''", "“", "«", "``"):
            bounds.append(tok.idx + len(tok))
        elif inside and tok.text in ('"', "”", "»", "''"):
            bounds.append(tok.idx)
    return bounds


#: Verbs whose as-phrase describes the subject, not the object ("X succeeded Y as governor").
SUCCESSION_VERBS = frozenset({"succeed", "replace"})
#: Verbs that give a name to their subject ("the new company, which is to be called X").
NAMING_VERBS = frozenset({"call", "name", "rename", "dub", "christen", "brand", "title"})


def _definite(tok: "Token", *, articles: bool = False) -> bool:
    """Whether the phrase ``tok`` heads is definite (``the``/``this``), or with ``articles``
    introduced by any article (an apposition: ``Acme, a carmaker``)."""
    dets = {"the", "this", "a", "an"} if articles else {"the", "this"}
    return any(c.dep_ == "det" and c.lower_ in dets for c in tok.children)


def _description_key(tok: "Token") -> tuple[str, frozenset[str]]:
    """The head lemma and premodifier lemmas of a description: two definite descriptions with
    the same key and at least one modifier ("the new company") name the same thing (same-head
    direct anaphora: Vieira & Poesio 2000)."""
    mods = frozenset(c.lemma_.lower() for c in tok.children
                     if c.i < tok.i and c.dep_ in ("amod", "compound", "nmod"))
    return tok.lemma_.lower(), mods


def _predicative(tok: "Token") -> bool:
    """A predicate nominal ("X is the mayor", "appointed X as secretary", "I will be
    governor"): it describes a referent, it does not refer to one (Huddleston & Pullum 2002,
    ch. 4), so it is never resolved to a role holder of its own."""
    return tok.dep_ in ("attr", "oprd") or (tok.dep_ == "pobj" and tok.head.lower_ == "as"
                                            and tok.head.dep_ == "prep")


def _takes_turn(tok: "Token", cues: set[str]) -> bool:
    """Whether a name at ``tok`` makes its person the last one to speak or act: it is (inside)
    the subject of the main verb or of a reporting verb, or the one a question is put to
    (``asked Sanders``: conversation alternation, Muzny et al. 2017)."""
    if tok.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() in ASK_VERBS:
        return True
    for _ in range(3):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return tok.head.dep_ == "ROOT" or tok.head.lemma_.lower() in cues
        if tok.dep_ not in SUBJECT_CLIMB or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


#: Closing quotation marks (a pronoun right after one is the speaker of that quotation).
CLOSING_QUOTES = frozenset({'"', "”", "’", "'", "»", "''"})


def _after_quote(tok: "Token") -> bool:
    """``tok`` follows a closing quote mark, maybe after a comma (``"…," he said``)."""
    i = tok.i - 1
    while i >= 0 and (tok.doc[i].text in (",", "!", "?") or tok.doc[i].is_space):
        i -= 1
    return i >= 0 and tok.doc[i].text in CLOSING_QUOTES


def _is_speaker_subject(tok: "Token", cues: set[str]) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in cues


def _gender_of_name(doc: "Doc", m: Mention) -> tuple[str, bool]:
    """The gender an honorific states (``Ms Adeyemi``), else the first-name list's guess, and
    whether it is only that guess."""
    if m.token_start > 0:
        prev = doc[m.token_start - 1].lower_
        if honorific_gender(prev):
            return honorific_gender(prev), False
    first = doc[m.token_start].lower_
    if honorific_gender(first):
        return honorific_gender(first), False
    guess = first_names().get(first, "")
    return guess, bool(guess)


def resolve_mentions(doc: "Doc", mentions: Iterable[Mention], *,
                     cues: Iterable[str] | None = None) -> list[Mention]:
    """Link pronouns and role-noun phrases in ``doc`` to the actors of the named ``mentions``.

    ``mentions`` are named mentions with ``actor`` set (e.g. from
    :func:`newslab.extract.entities.entity_mentions`); ``cues`` are reporting-verb lemmas whose subjects get
    the speaker bonus (default: the quote lexicon). Returns new mentions (kind ``pronoun`` /
    ``nominal``) sorted by position; appositions and predicate nominals come back as ``nominal``
    aliases of their person.

    >>> from newslab.nlp import load_model
    >>> doc = load_model()("Jens Stoltenberg arrived. He said Nato needs help.")
    >>> names = [Mention("Jens Stoltenberg", 0, 16, 0, 2, "PERSON", "Jens Stoltenberg", "PERSON")]
    >>> [(m.text, m.actor) for m in resolve_mentions(doc, names)]
    [('He', 'Jens Stoltenberg')]
    """
    resolver = _Resolver(doc, mentions, set(speech_verbs() if cues is None else cues))
    resolver.link_aliases()
    resolver.read()
    return sorted(resolver.out, key=lambda m: m.start)


class _Resolver:
    """The state of one resolution pass over a Doc (see the module docstring)."""

    def __init__(self, doc: "Doc", mentions: Iterable[Mention], cues: set[str]) -> None:
        self.doc, self.cues = doc, cues
        self.named = sorted((m for m in mentions if m.actor), key=lambda m: m.token_start)
        self.actors: dict[str, Referent] = {}
        self.by_token: dict[int, Mention] = {}
        for m in self.named:
            a = self.actors.get(m.actor)
            if a is None:
                a = self.actors[m.actor] = Referent(m.actor, m.type)
            a.count += 1
            if a.first is None:
                a.first = m.token_start
            if a.type == "PERSON" and not a.gender:
                a.gender, a.guessed = _gender_of_name(doc, m)
            for i in range(m.token_start, m.token_end):
                self.by_token[i] = m
        self.out: list[Mention] = []
        self.aliased: set[int] = set()  # tokens already covered by an alias nominal
        self.role_toks, self.pron_toks, self.org_toks, self.sent_idx = _candidates(doc)
        self.sents = list(doc.sents) if len(doc) else []
        self.current_sent = 0
        self.recent: dict[str, int] = {}  # actor → sentence index of its last mention
        self.last_subject: dict[str, int] = {}  # actor → token of its last turn (_takes_turn)
        self.quoted = _quoted(doc)
        self.pron_actor: dict[int, str] = {}  # pronoun token → actor it was linked to
        self.linked: dict[int, str] = {}  # head token of a pronoun or nominal → its actor
        self.descriptions = {d[2]: d for d in description_spans(doc)}
        self.facts: dict[str, dict[str, set]] = {}  # person → facts its introduction stated
        self.teams: dict[str, int] = {}  # organisation → teams the text gave it ("the team")
        self.told: dict[str, set[str]] = {}  # place → country nouns the text gave it
        self.descriptors: dict[tuple, str] = {}  # (head, modifiers) of a linked description

    # -- look-ups --------------------------------------------------------------------------
    def person_mention_at(self, tok: "Token") -> Mention | None:
        """The person mention at ``tok``, or the one right before it when ``tok`` is the last
        word of a name the tagger cut short ("Wanda Vázquez| Garced")."""
        m = self.by_token.get(tok.i)
        if m is None and tok.pos_ == "PROPN" and tok.i > 0 and \
                any(c.dep_ in ("compound", "flat") and c.i == tok.i - 1 for c in tok.children):
            m = self.by_token.get(tok.i - 1)
        return m if m and self.actors[m.actor].type == "PERSON" else None

    def actor_at(self, t: "Token") -> str | None:
        """The non-person actor a token names (or a pronoun already linked to one)."""
        m = self.by_token.get(t.i)
        name = m.actor if m is not None else self.linked.get(t.i)
        actor = self.actors.get(name) if name is not None else None
        return name if actor is not None and actor.type in NON_PERSON_TYPES else None

    def sent_subject(self, k: int) -> "Token | None":
        """The subject of sentence ``k``'s main clause (1-based, as ``sent_idx`` counts)."""
        if not 0 <= k - 1 < len(self.sents):  # sent_idx counts from 1
            return None
        root = self.sents[k - 1].root
        return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)

    # -- updates ---------------------------------------------------------------------------
    def add_unnamed(self, tok: "Token") -> None:
        """Record that ``tok`` heads a reference to someone the text does not name (kind
        ``unnamed``, actor ``None``), so that no name nearby is taken for them."""
        self.out.append(Mention(tok.text, tok.idx, tok.idx + len(tok), tok.i, tok.i + 1,
                                "PERSON", None, None, "unnamed"))
        self.aliased.add(tok.i)

    def add_nominal(self, start: int, end: int, actor: Referent) -> None:
        span = self.doc[start:end]
        self.linked[span.root.i] = actor.name
        key = _description_key(span.root)
        if actor.type != "PERSON" and key[1] and _definite(span.root):
            self.descriptors.setdefault(key, actor.name)  # "the new company" said again
        self.out.append(Mention(span.text, span.start_char, span.end_char, start, end,
                                actor.type or "", actor.name, actor.type, "nominal"))
        self.aliased.update(range(start, end))

    def decay(self, k: int) -> None:
        """Halve every salience per sentence read; an anonymous referent that has faded out
        (below 1) is forgotten, so long texts keep a small discourse model."""
        if k != self.current_sent:
            factor = 0.5 ** (k - self.current_sent)
            faded = []
            for a in self.actors.values():
                a.salience *= factor
                if a.salience < 1 and a.name.startswith(ANONYMOUS):
                    faded.append(a.name)
            for name in faded:
                del self.actors[name]
            self.current_sent = k

    def bump(self, actor: Referent, tok: "Token") -> None:
        head = phrase_head(tok) if tok.pos_ == "PROPN" else tok
        actor.salience += weight(head, _is_speaker_subject(head, self.cues))
        actor.last_token = tok.i
        actor.last_role = role_class(head)
        self.recent[actor.name] = self.current_sent
        if _takes_turn(tok, self.cues) and not self.in_quote(tok.idx):
            self.last_subject[actor.name] = tok.i

    def in_quote(self, char: int) -> bool:
        """Whether Doc character ``char`` lies inside a quotation (see :func:`_quoted`)."""
        k = bisect.bisect_right(self.quoted, char)
        return k % 2 == 1

    # -- 1. aliases: appositions, titles before names, predicate nominals ------------------
    def _alias_owner(self, tok: "Token") -> Mention | None:
        owner: Mention | None = None
        if tok.dep_ == "conj" and tok.head.dep_ in ("appos", "attr", "oprd"):
            tok = tok.head  # "Mr. Kaplan, a screenwriter and former studio executive"
        if tok.dep_ == "appos":
            owner = self.person_mention_at(tok.head)
        elif tok.dep_ in TITLE_DEPS and tok.head.i in self.by_token:
            owner = self.person_mention_at(tok.head)  # "Foreign Minister Sergei Lavrov"
        elif _predicative(tok):
            owner = self._predicate_owner(tok)
        elif self.person_mention_at(tok.doc[tok.i + 1]) if tok.i + 1 < len(tok.doc) else None:
            # a role noun right before a name is its title, however the parser joined them
            # ("The exiting governor Rosselló appointed …" parsed with "governor" as the root)
            owner = self.person_mention_at(tok.doc[tok.i + 1])
        if not owner:
            for c in tok.children:  # "the minister, Sergei Lavrov"
                if c.dep_ == "appos" and self.person_mention_at(c):
                    owner = self.person_mention_at(c)
        return owner or self._title_of_owner(tok)

    def _predicate_owner(self, tok: "Token") -> Mention | None:
        """Whom a predicate nominal describes: the object of an object predicate ("appointed
        Pierluisi as secretary", "named her chair": Huddleston & Pullum 2002, ch. 4, the
        predicative complement of a complex-transitive verb describes the object), else the
        subject of a copula or of an "as"-phrase ("resigned as governor", "was sworn in as
        governor")."""
        verb = tok.head if tok.dep_ != "pobj" else tok.head.head
        for c in verb.children if verb.lemma_.lower() not in SUCCESSION_VERBS else ():
            if c.i != tok.i and c.dep_ in ("dobj", "oprd"):
                return self.person_mention_at(c)  # an object nobody named: no owner
        if tok.dep_ == "pobj" or verb.lemma_.lower() in COPULAS:
            subj = subject_of(verb)
            return self.person_mention_at(subj) if subj is not None else None
        return None

    def _title_of_owner(self, tok: "Token") -> Mention | None:
        """The person a title with an ``of``-phrase stands before: ``Secretary of State Hillary
        Clinton`` (the name closes the of-phrase, with no comma or article between)."""
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        m = self.person_mention_at(pobj) if pobj is not None else None
        if m is None or m.token_start - of.i > 3:
            return None
        between = self.doc[of.i + 1:m.token_start]
        return m if all(t.text[:1].isupper() for t in between) else None

    def link_aliases(self) -> None:
        """Role nouns that name a person they stand next to become that person's aliases."""
        for i in self.role_toks:
            tok = self.doc[i]
            if i in self.by_token:
                continue
            role = role_of(tok)
            owner = self._alias_owner(tok) if role is not None else None
            if not owner:
                continue
            actor = self.actors[owner.actor]
            mods = role_modifiers(tok, self.by_token) | ({FORMER} if former_role(tok) else set())
            actor.roles.setdefault(role[0], []).append(frozenset(mods))
            if role[1] and (not actor.gender or actor.guessed):
                actor.gender, actor.guessed = role[1], False
            if tok.dep_ not in TITLE_DEPS:
                self.add_nominal(*noun_phrase(tok), actor)
            else:
                self.aliased.add(tok.i)
        self.link_body_aliases()

    def link_body_aliases(self) -> None:
        """Descriptions that name an organisation or place they stand next to become its
        aliases, as appositions do for people (Lee et al. 2013, the appositive and predicate-
        nominative sieves): ``Tehran, the capital``, ``the carmaker, Voltura``, and a naming
        predicate, ``the new company, which is to be called Sears Holdings``."""
        for i in dep_pos_indices(self.doc, ("appos",), ("NOUN",)):
            tok = self.doc[i]
            named = self.body_at(tok.head)
            if named is not None and i not in self.aliased and _definite(tok, articles=True):
                self.add_nominal(*noun_phrase(tok), self.actors[named])
        for m in self.named:
            root = self.doc[m.token_start:m.token_end].root
            if root.dep_ not in ("oprd", "attr") or root.head.lemma_.lower() not in NAMING_VERBS:
                continue
            subj = subject_of(root.head, noun_controls=("acl", "advcl", "relcl"))
            if subj is not None and subj.pos_ == "NOUN" and _definite(subj) \
                    and subj.i not in self.by_token and subj.i not in self.aliased:
                self.add_nominal(*noun_phrase(subj, of_phrase=False), self.actors[m.actor])

    def body_at(self, tok: "Token") -> str | None:
        """The organisation or place actor a named token stands for, else ``None``."""
        m = self.by_token.get(tok.i)
        return m.actor if m is not None and self.actors[m.actor].type in NON_PERSON_TYPES \
            and self.actors[m.actor].type != "NORP" else None

    # -- 2. one pass in reading order: salience, pronouns, role nouns -------------------------
    def read(self) -> None:
        """Read names, organisation descriptors, pronouns and role nouns in text order."""
        events: list[tuple[int, str, object]] = [(i, "role", None) for i in self.role_toks]
        events += [(i, "pron", None) for i in self.pron_toks]
        events += [(i, "org", None) for i in self.org_toks]
        events += [(i, "desc", d) for i, d in self.descriptions.items()]
        events += [(i, "unnamed", None) for i in _unnamed_speaker_heads(self.doc, self.cues)]
        events += [(i, "noun", None) for i in _definite_speaker_heads(self.doc, self.cues)]
        events += [(i, "anon", None) for i in anonymous_heads(self.doc)]
        for m in self.named:
            events.append((self.doc[m.token_start:m.token_end].root.i, "name", m))
        # a description before its head's role noun; an unnamed referent after every link
        events.sort(key=lambda e: (e[0], e[1] == "anon", e[1]))
        self.told = told_kinds((self.doc[i] for i in self.org_toks), self.body_at)
        for i, what, m in events:
            self.decay(int(self.sent_idx[i]))
            tok = self.doc[i]
            if what == "name":
                self.bump(self.actors[m.actor], tok)
            elif i in self.by_token:
                continue
            elif what == "org":
                self._organisation(tok)
            elif what == "desc":
                self._description(tok, m)
            elif what == "noun":
                self._noun_description(tok)
            elif what == "unnamed":
                if i not in self.aliased and role_of(tok) is None:
                    self.add_unnamed(tok)
            elif what == "pron":
                self._pronoun(i, tok)
            elif what == "anon":
                self._anonymous(tok)
            else:
                self._role(i, tok)

    def _anonymous(self, tok: "Token") -> None:
        """A person the text does not name (``a 36-year-old man``, ``the suspect``) or whose
        name the tagger missed enters the discourse model with its salience like any noun
        phrase (Lappin & Leass 1994 weigh every NP, not only names), so that a pronoun
        meaning them finds them and stays unlinked instead of taking a named actor."""
        if tok.i in self.linked or self.person_mention_at(tok) is not None:
            return
        actor = self.actors[ANONYMOUS + str(tok.i)] = Referent(ANONYMOUS + str(tok.i), "PERSON")
        actor.gender = anonymous_gender(tok)
        self.bump(actor, tok)

    def person_facts(self, actor: Referent) -> dict[str, set]:
        """What the appositions after the person's names stated (age, from, noun)."""
        if actor.name not in self.facts:
            facts: dict[str, set] = {"age": set(), "from": set(), "noun": set()}
            for m in self.named:
                if m.actor == actor.name:
                    for k, v in introduced_facts(self.doc, m.token_end).items():
                        facts[k] |= v
            self.facts[actor.name] = facts
        return self.facts[actor.name]

    def _description(self, tok: "Token", found: tuple) -> None:
        """``the 27-year-old from Göteborg``: the person it stands next to (an apposition), else
        the person introduced earlier with every fact it repeats, else someone unnamed."""
        start, end, _, definite, facts = found
        if any(i in self.aliased for i in range(start, end)):
            return
        before = self.doc[start - 2] if start > 1 and self.doc[start - 1].text == "," else None
        owner = self.person_mention_at(before) if before is not None else None
        best = self.actors[owner.actor] if owner else None
        if best is None and definite:
            fits = [a for a in self.actors.values() if a.type == "PERSON" and a.first is not None
                    and a.first < start and matches(self.person_facts(a), facts)]
            best = fits[0] if len(fits) == 1 else None  # two 27-year-olds: say neither
        if best is None:
            self.add_unnamed(tok)
            return
        self.add_nominal(start, end, best)
        self.bump(best, tok)

    def _noun_description(self, tok: "Token") -> None:
        """``the nurse from Leeds said``: the person introduced as a nurse from Leeds; else, when
        the phrase states a place or an age, someone unnamed (the place is not the speaker)."""
        if tok.i in self.aliased or tok.i in self.descriptions or role_of(tok) is not None:
            return  # role nouns resolve to their holders (_role)
        found = noun_description(self.doc, tok)
        if found is None or _body_noun(tok) or tok.lemma_.lower() in WORK_NOUNS:
            return
        start, end, facts = found
        fits = [a for a in self.actors.values() if a.type == "PERSON" and a.first is not None
                and a.first < start and matches(self.person_facts(a), facts)]
        if len(fits) == 1:
            self.add_nominal(start, end, fits[0])
            self.bump(fits[0], tok)
        elif (facts["from"] or facts["age"]) and not _body_noun(tok):
            self.add_unnamed(tok)

    def _organisation(self, tok: "Token") -> None:
        """A noun that may refer back to a body: a government or team of a named actor
        (:func:`~newslab.extract.org_references.body_owner`), a country noun
        (:func:`~newslab.extract.org_references.resolve_country`), a descriptor repeating one
        already linked ("the new company" again), or an organisation descriptor
        (:func:`~newslab.extract.org_references.resolve_org`)."""
        if tok.i in self.linked or tok.i in self.by_token:
            return  # an apposition or naming predicate already linked it
        noun = tok.lemma_.lower()
        if noun in MEMBER_BODIES or noun in STATE_BODIES:
            owner = body_owner(tok, self.by_token, self.actors, self.teams)
            if owner is not None and any(c.dep_ in ("det", "poss") and c.lower_ not in INDEFINITE
                                         for c in tok.children):
                self.add_nominal(*noun_phrase(tok, of_phrase=False), owner)
                self.bump(owner, tok)
                return
        repeated = self.descriptors.get(_description_key(tok))
        if repeated is not None and _definite(tok):
            self.add_nominal(*noun_phrase(tok, of_phrase=False), self.actors[repeated])
            self.bump(self.actors[repeated], tok)
            return
        span = org_reference(tok, self.by_token)
        if span is None:
            return
        opening = self.current_sent <= OPENING_SENTENCES
        if noun in country_nouns():
            best = resolve_country(self.actors, noun, self.told, opening=opening)
        else:
            best = resolve_org(self.actors, noun, self.current_sent, self.recent, opening=opening)
        if best is not None:
            self.add_nominal(*span, best)
            self.bump(best, tok)

    def _pronoun(self, i: int, tok: "Token") -> None:
        """Link a third-person pronoun to the most salient agreeing actor; a he/she link fixes
        that person's gender for the rest of the text (cluster-level attribute agreement, Lee et
        al. 2013, "Deterministic coreference resolution based on entity-centric, precision-ranked
        rules", Computational Linguistics 39(4)): once "she" is Ofelia Brandt, "he" is not."""
        low = tok.lower_
        _, gender, number = pronouns()[low]
        cands = self._pronoun_candidates(i, tok, gender, number)
        if cands and gender in ("m", "f") and (_after_quote(tok) or tok.is_sent_start) and \
                _is_speaker_subject(tok, self.cues):
            # "…," he said / "He added": the most recent compatible subject, i.e. the last
            # person who spoke or acted (Muzny et al. 2017's "closest compatible speaker")
            best = max(cands, key=lambda a: (self.last_subject.get(a.name, -1), a.salience))
        elif cands:
            best = self._governing_subject(tok, cands) or max(
                cands, key=lambda a: a.salience + self._parallel(a, tok) + self._topic(a))
        if cands and not best.name.startswith(ANONYMOUS):
            self.out.append(Mention(tok.text, tok.idx, tok.idx + len(tok), tok.i, tok.i + 1,
                                    best.type or "", best.name, best.type, "pronoun"))
        if cands:
            self.bump(best, tok)
            self.pron_actor[tok.i] = best.name
            self.linked[tok.i] = best.name
            if gender in ("m", "f") and (not best.gender or best.guessed):
                best.gender, best.guessed = gender, False  # the text's own word now

    def _parallel(self, actor: Referent, tok: "Token") -> float:
        """Lappin & Leass's (1994) role-parallelism reward: an antecedent whose last mention
        had the pronoun's grammatical role (subject, object) gains 35 ("The governor appointed
        Pierluisi. The House confirmed him": him, an object, continues the object)."""
        role = role_class(tok)
        return SALIENCE_PARALLEL if role and role == actor.last_role else 0.0

    def _topic(self, actor: Referent) -> float:
        """The heading preference of Mitkov (1998, "Robust pronoun resolution with limited
        knowledge", COLING): an actor the headline names is what the article is about, and a
        pronoun that salience leaves close goes to it (the stabbed mayor of the headline, not
        the minister named last)."""
        return SALIENCE_TOPIC if actor.first is not None and self.sent_idx[actor.first] == 1 \
            else 0.0

    def _governing_subject(self, tok: "Token", cands: list[Referent]) -> Referent | None:
        """For a he/she/his/her inside a clause that another clause governs (a reported clause,
        an adverbial clause, a conjunct), the agreeing person who is the subject of the governing
        clause: "One senator, Eduardo Bhatia, said he intended to sue" → Bhatia. This is the
        first candidate of Hobbs's (1978) naive algorithm, which searches the tree above the
        pronoun before the sentences before it; a possessive first asks its own clause
        ("Kosgei finished ahead of her rivals")."""
        gender = pronouns()[tok.lower_][1]
        if gender not in ("m", "f") or tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            return None
        verb = tok.head
        if tok.dep_ == "poss":
            for _ in range(POSSESSOR_HOPS):
                if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                    break
                verb = verb.head
            if verb.pos_ not in ("VERB", "AUX"):
                return None
            subj = subject_of(verb)
            if subj is not None and subj.i != tok.i:
                return self._person_cand(subj, cands)
        if verb.dep_ not in GOVERNED_CLAUSES or verb.head.pos_ not in ("VERB", "AUX"):
            return None
        subj = subject_of(verb.head)
        return self._person_cand(subj, cands) if subj is not None else None

    def _person_cand(self, subj: "Token", cands: list[Referent]) -> Referent | None:
        """The candidate a subject token stands for: a name, a linked pronoun or role noun, or
        a name in apposition or as the last word's compound ("Secretary Wanda Vázquez
        Garced")."""
        names = {a.name: a for a in cands}
        for t in [subj, *(c for c in subj.children if c.dep_ in ("appos", "compound"))]:
            m = self.by_token.get(t.i)
            name = m.actor if m is not None else self.linked.get(t.i)
            if name in names:
                return names[name]
        return None

    def _pronoun_candidates(self, i: int, tok: "Token", gender: str, number: str) -> list[Referent]:
        """Actors read so far that the pronoun may take (agreement, evidence for it/they,
        binding)."""
        low = tok.lower_
        cands = [a for a in self.actors.values() if a.salience > 0 and agrees(a, gender, number)]
        if gender in ("n", ""):
            # it / they: only with evidence that the pronoun continues an organisation or
            # place (it is the subject of the clause that governs the pronoun, or of the
            # previous sentence); "since they were frozen" (relations) stays unresolved
            k = int(self.sent_idx[i])
            source = nonperson_antecedent(tok, lambda d: self.sent_subject(k + d))
            name = self.actor_at(source) if source is not None else None
            cands = [a for a in cands if a.name == name
                     and (number_agrees(a, low) or collective(source, low))
                     and self.current_sent - self.recent.get(a.name, -99) <= 1]
        if not low.endswith("self") and not low.endswith("selves"):
            # binding: not a co-argument of the same verb
            cands = [a for a in cands if a.last_token is None
                     or self.doc[a.last_token].head.i != tok.head.i or tok.dep_ == "poss"]
        return cands

    def _role(self, i: int, tok: "Token") -> None:
        """A definite role noun takes the person the text gave that role; an indefinite one
        (``a spokesman``, ``one official``) or one nobody holds stays unnamed."""
        if i in self.aliased or tok.dep_ in TITLE_DEPS or tok.tag_ in ("NNS", "NNPS") \
                or _predicative(tok):
            return
        role = role_of(tok)
        if role is None:
            return
        start, end = noun_phrase(tok)
        # a name inside the phrase is someone else: "Obama's adviser", "the French minister"
        best = None
        if not indefinite(tok):
            role = (role[0] + "|" + "|".join(role_hypernyms().get(tok.lemma_.lower(), ())),
                    role[1])
            best = resolve_role(self.actors, role, role_modifiers(tok, self.by_token),
                                 former=former_role(tok))
        if best is not None:
            self.add_nominal(start, end, best)
            self.bump(best, tok)
        else:
            self.add_unnamed(tok)




def _body_noun(tok: "Token") -> bool:
    """A noun for an organisation or a group (``the campaign``, ``the company``)."""
    lemma = tok.lemma_.lower()
    return lemma in org_descriptors() or lemma in holder_nouns() and lemma not in SOURCE_NOUNS \
        and role_nouns().get(lemma) is None and lemma not in PEOPLE_HOLDERS


#: Things that "say" in news copy without being anyone ("the movie claims", "the report says").
WORK_NOUNS = frozenset({"movie", "film", "book", "report", "statement", "letter", "poll",
                        "survey", "study", "ad", "advert", "story", "article", "show", "website",
                        "video", "memo", "document", "analysis", "paper", "bill", "law", "plan",
                        "email", "tweet", "post", "message", "data", "record", "speech"})


def _unnamed_speaker_heads(doc: "Doc", cues: set[str]) -> list[int]:
    """Indefinite nouns that are a source: the subject of a reporting verb (``a neighbour
    said``, ``one witness told``) or ``according to a source`` — someone the text does not name
    (Muzny et al. 2017 leave such mentions unlinked). A noun with a name in apposition (``a
    nurse, Miriam Osei,``) is named."""
    out = []
    for i in dep_pos_indices(doc, ("nsubj", "nsubjpass", "pobj"), ("NOUN",)):
        tok = doc[i]
        if tok.dep_ in ("nsubj", "nsubjpass"):
            source = tok.head.lemma_.lower() in cues
        else:
            source = tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.i > 0 \
                and doc[tok.head.i - 1].lower_ == "according"
        if source and indefinite(tok) and person_noun(tok) and \
                not any(c.dep_ == "appos" for c in tok.children):
            out.append(i)
    return out


def _definite_speaker_heads(doc: "Doc", cues: set[str]) -> list[int]:
    """Definite common nouns that are the subject of a reporting verb (``the nurse said``)."""
    return [i for i in dep_pos_indices(doc, ("nsubj", "nsubjpass"), ("NOUN",))
            if doc[i].head.lemma_.lower() in cues
            and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in doc[i].children)]




def _candidates(doc: "Doc"):
    """Token indices of possible role nouns and third-person pronouns, and each token's
    sentence number — read from arrays, so the resolver never walks every Token object."""
    import numpy as np
    from spacy.attrs import LEMMA, LOWER, POS, SENT_START
    from spacy.symbols import NOUN, PRON, PROPN

    if not len(doc):
        return [], [], [], np.zeros(0, dtype=int)
    arr = doc.to_array([LEMMA, LOWER, POS, SENT_START]).astype("uint64")
    strings = doc.vocab.strings
    role_hashes = np.array([strings.add(w.split()[-1].split("-")[-1]) for w in role_nouns()],
                           dtype="uint64")
    pron_hashes = np.array([strings.add(p) for p, f in pronouns().items() if f[0] == 3],
                           dtype="uint64")
    pos = arr[:, 2]
    nominal = (pos == NOUN) | (pos == PROPN)
    roles = np.flatnonzero(nominal & (np.isin(arr[:, 0], role_hashes)
                                      | np.isin(arr[:, 1], role_hashes)))
    prons = np.flatnonzero((pos == PRON) & np.isin(arr[:, 1], pron_hashes))
    body_nouns = {*org_descriptors(), *country_nouns(), *MEMBER_BODIES, *STATE_BODIES}
    org_hashes = np.array([strings.add(w) for w in body_nouns], dtype="uint64")
    orgs = np.flatnonzero(nominal & (np.isin(arr[:, 0], org_hashes)
                                     | np.isin(arr[:, 1], org_hashes)))
    sent_idx = np.cumsum(arr[:, 3].astype("int64") == 1)
    return roles.tolist(), prons.tolist(), orgs.tolist(), sent_idx


#: A name right after a comma (and an article) renames the noun phrase before it.
_APPOSITION_BEFORE = re.compile(r",\s*(?:the\s+|a\s+|an\s+)?$", re.I)


def mention_for_span(mentions: Iterable[Mention], start: int, end: int,
                     head: int | None = None, text: str | None = None) -> Mention | None:
    """The mention that best stands for the Doc character span [start, end).

    Prefers the mention containing the ``head`` character offset (the speaker's head word);
    none when the head is an ``unnamed`` reference (``a neighbour said``: a name elsewhere in
    the phrase is someone else); then, given the Doc ``text``, a name in apposition (after a
    comma: ``the legislature of Taiwan, the Legislative Yuan``), which renames the head, over
    one in its complement (``of Taiwan``); else the first resolved mention inside the span.

    >>> m = Mention("he", 10, 12, 2, 3, "PERSON", "Rasmussen", "PERSON", "pronoun")
    >>> mention_for_span([m], 10, 12).actor
    'Rasmussen'
    """
    mentions = list(mentions)
    inside = [m for m in mentions if m.start >= start and m.end <= end and m.actor]
    if head is not None:
        for m in inside:
            if m.start <= head < m.end:
                return m
        if text is not None:  # "a neighbour, Jo Smith," / "the head of Unite, Carla Diaz,"
            renaming = [m for m in inside if m.start > head
                        and m.kind not in ("pronoun", "nominal", "unnamed")
                        and _APPOSITION_BEFORE.search(text[max(start, m.start - 8):m.start])]
            if renaming:
                return renaming[0]
        if any(m.kind == "unnamed" and m.start <= head < m.end for m in mentions):
            return None  # "one reporter", "the 27-year-old from Göteborg": someone unnamed
    covering = [m for m in mentions if m.start <= start and m.end >= end and m.actor]
    if covering:
        return covering[0]
    if inside:
        # a name beats an alias/pronoun; then the earliest, then the longest ("Alliance chief"
        # over the organisation "Alliance" that modifies it)
        return sorted(inside, key=lambda m: (m.kind in ("pronoun", "nominal"), m.start,
                                             m.start - m.end))[0]
    return None


def group_by_actor(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    """Mentions grouped by actor name (unresolved ones dropped)."""
    out: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.actor:
            out[m.actor].append(m)
    return dict(out)
