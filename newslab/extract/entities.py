"""Named entities -> canonical actors, and the actor and mention tables built from them.

:func:`entity_mentions` turns a Doc's named entities into :class:`~newslab.records.Mention`
records that carry a canonical ``actor``:

* **names** - ``Lavrov`` and ``Mr Lavrov`` join ``Sergei Lavrov`` when the full name occurs in
  the same document (a shorter name whose words end the full name; with two candidates, the one
  named in full most often, then the one introduced first). Honorifics
  (``lexicons/honorifics.csv``), a leading ``the``, a possessive ``'s``, case and full stops are
  ignored when names are compared, so ``NATO``/``Nato`` and ``U.S.``/``US`` are one actor, shown
  in the spelling the document uses most.
* **known names** - ``lexicons/names.csv`` maps other names of countries and international
  bodies to one actor (``US``, ``America`` -> ``United States``).
* **metonymy** - capitals and seats of government stand for their state (``Moscow``,
  ``the Kremlin`` -> ``Russia``; ``lexicons/metonyms.csv``, see its header for the choices made,
  e.g. ``Brussels`` -> ``European Union``). A PhraseMatcher finds them even where the NER misses
  them. A place named literally keeps its own name: ``talks in Moscow``, ``a visit to Moscow``,
  a dateline, ``the Paris accord`` (see :func:`_literal_place`). ``metonymy=False`` keeps every
  city as itself.
* **demonyms** - ``Russian`` (NORP) counts as a mention of ``Russia`` with ``kind="demonym"``
  (``lexicons/demonyms.csv``), so users can filter them out.
* **propagation** - a name the NER tagged once is also found where the NER missed it (a
  PhraseMatcher over the document's own names, case-sensitive, proper nouns only, never inside
  another entity or a longer capitalised name).
* **name repair** - names the NER cut short or missed (``Yulín Cruz`` for ``Carmen Yulín Cruz``,
  ``Sgt Mat Knowles``, ``the Houthi movement``, ``Harvard–Smithsonian Center for
  Astrophysics``, ``Facebook``) are found by :mod:`newslab.extract.name_repair` and replace the
  candidates inside them.
* **types** - each name's type is a vote over all its mentions (:mod:`.type_cues`): the wording
  around a mention (``the carmaker X``, ``X said its``, ``X, the chief executive of Y``, ``the
  founder of X``, ``travel to X``), then a known given name, then the tagger's label. The vote
  runs before names are linked, so a person the tagger called an ORG takes its surname
  mentions.
* **aliases** - a user table (dict or CSV ``alias,actor[,type]``) overrides everything.

Which NER labels count as actors is in ``lexicons/actor_labels.csv`` (dates, numbers, laws and
titles of works do not); an entity with no capital letter is taken for an NER slip and dropped. A mention's Doc span includes a following possessive ``'s`` (the span
``Russia's`` refers to Russia) and a leading ``the`` for seats listed with one (``the Kremlin``).

:func:`actor_table` gives one row per actor (with the pronoun and role-noun mentions that
``newslab.resolve`` links), :func:`mention_table` one row per mention, both with offsets into
the article's original text.
"""

from __future__ import annotations

import csv
import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, Union

from ..errors import AliasTableError, NotADocError
from ..lexicons import (actor_entity_labels, demonyms, honorific_heads, honorifics, known_names,
                        metonym_forms, metonyms, name_key)
from ..records import Mention
from .name_repair import name_repairs
from .type_cues import mention_cue, vote
from .name_variants import (acronym_owner, company_short_forms, first_name_owner,
                            longer_name_owner, of_prefix_owner, paternal_surname_owner,
                            surname_names, surname_owner)
from .speaker_names import speaker_name_spans

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token


AliasTable = Union[Mapping[str, str], str, os.PathLike, None]

#: Possessive clitics spaCy splits off a name (``Russia's`` -> ``Russia`` + ``'s``).
_POSSESSIVES = frozenset({"'s", "’s", "'", "’", "'S", "’S"})
#: Determiners dropped from the front of a name before comparing (``the Taliban``).
_DETERMINERS = frozenset({"the"})
#: Mention kinds that name the actor (as opposed to pronouns and role nouns from the resolver).
NAMED_KINDS = ("name", "surname", "variant", "metonym", "demonym", "alias")

#: Prominence weights (see :func:`actor_table`). Loosely after centering theory's salience order
#: (Grosz, Joshi & Weinstein 1995: subjects > objects > the rest) and entity-salience work
#: (Dunietz & Gillick 2014): a nationality adjective (``Afghan supplies``) and a place named only
#: as the setting (``talks in Moscow``) refer to an actor more weakly than an argument does.
WEAK_MENTION_WEIGHT = 0.5
#: Prepositions whose object, when a place (GPE/LOC/FAC), is the setting rather than a participant.
#: ``from``/``to``/``with`` are left out: ``help from Russia``, ``talks with Russia`` name actors.
_SETTING_PREPS = frozenset({"in", "at", "inside", "within", "across", "throughout", "near",
                            "around", "outside", "into", "onto"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions whose object is a place read literally, so metonymy does not apply: the settings
#: above plus ``to`` (``a visit to Moscow``, ``on his way to the White House``).
_LITERAL_PREPS = _SETTING_PREPS | {"to"}
#: Articles that mark a capital + noun as the name of a thing (``the Paris accord``), unlike
#: ``Moscow officials`` or a headline's ``Moscow pledges help``.
_ARTICLES = frozenset({"the", "a", "an"})


def _demonym_country(key: str) -> str | None:
    table = demonyms()
    if key in table:
        return table[key]
    if key.endswith("s") and key[:-1] in table:  # Russians, Afghans, Britons
        return table[key[:-1]]
    if key.endswith("men") and key[:-3] + "man" in table:  # Frenchmen
        return table[key[:-3] + "man"]
    return None


def read_aliases(aliases: AliasTable) -> dict[str, tuple[str, str | None]]:
    """A user alias table as ``{name_key(alias): (actor, type or None)}``.

    ``aliases`` is a dict (``{"the alliance": "Nato"}``) or a path to a CSV file with columns
    ``alias,actor`` and an optional ``type``.

    >>> read_aliases({"Brussels": "Belgium"})
    {'brussels': ('Belgium', None)}
    """
    return {name_key(alias): (actor, typ) for alias, actor, typ in _alias_rows(aliases)}


def _alias_rows(aliases: AliasTable) -> list[tuple[str, str, str | None]]:
    """``(alias as written, actor, type or None)`` rows of a dict or CSV alias table."""
    if aliases is None:
        return []
    if isinstance(aliases, Mapping):
        return [(str(k).strip(), str(v).strip(), None) for k, v in aliases.items()
                if str(k).strip() and str(v).strip()]
    path = Path(aliases)
    if not path.is_file():
        raise AliasTableError(str(path), "does not exist")
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            lines = [line for line in fh if line.strip() and not line.startswith("#")]
    except UnicodeDecodeError:
        raise AliasTableError(str(path), "is not UTF-8 text") from None
    reader = csv.DictReader(lines)
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if "alias" not in fields or "actor" not in fields:
        raise AliasTableError(str(path), f"has columns {fields}, not 'alias' and 'actor'")
    rows = []
    for row in reader:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k}
        if row.get("alias") and row.get("actor"):
            rows.append((row["alias"], row["actor"], row.get("type") or None))
    return rows


# -- spaCy helpers ----------------------------------------------------------------------------
_BLANK = {}


def _words(text: str) -> list[str]:
    """Tokenize a table entry the way spaCy's English tokenizer splits running text."""
    if "nlp" not in _BLANK:
        import spacy

        _BLANK["nlp"] = spacy.blank("en")
    return [t.text for t in _BLANK["nlp"].make_doc(text)]


_MATCHERS: dict[int, tuple[object, object]] = {}


def _metonym_matcher(vocab):
    """A PhraseMatcher over the metonym table, built once per vocabulary."""
    cached = _MATCHERS.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    matcher = PhraseMatcher(vocab, attr="ORTH")
    forms, _ = metonym_forms()
    matcher.add("METONYM", [Doc(vocab, words=_words(f)) for f in forms])
    _MATCHERS[id(vocab)] = (vocab, matcher)
    return matcher


# -- candidate spans --------------------------------------------------------------------------
@dataclass
class _Cand:
    """A span that names an actor, before it is linked. ``origin``: ner/metonym/alias/propagated."""

    start: int
    end: int
    label: str
    origin: str
    clean: tuple[int, int] = (0, 0)  # token range without the/possessive/honorifics
    key: str = ""
    cluster: str = ""
    kind: str = "name"
    cue: tuple | None = None  # the type the text gives this mention (type_cues), () for none
    table_actor: str | None = None
    table_type: str | None = None
    alias_type: str | None = None


def _trim_entity(doc: "Doc", start: int, end: int) -> tuple[int, int]:
    """Cut an entity at a paragraph break and drop edge punctuation/space tokens."""
    for i in range(start, end):
        if doc[i].is_space and "\n" in doc[i].text:
            end = i
            break
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_space or
                           (doc[end - 1].is_punct and doc[end - 1].text not in _POSSESSIVES)):
        end -= 1
    return start, end


def _with_possessive(doc: "Doc", start: int, end: int) -> tuple[int, int]:
    if end < len(doc) and doc[end].text in _POSSESSIVES and doc[end].tag_ in ("POS", ""):
        return start, end + 1
    return start, end


def _clean_range(doc: "Doc", start: int, end: int, person: bool) -> tuple[int, int]:
    """Token range of the bare name: no leading ``the``, trailing ``'s`` or (persons) titles."""
    if end - start > 1 and doc[end - 1].text in _POSSESSIVES:
        end -= 1
    if end - start > 1 and doc[start].lower_ in _DETERMINERS:
        start += 1
    if person and name_key(doc[start].text) in honorific_heads():
        titles = honorifics()
        stripped = True
        while stripped:
            stripped = False
            for n in (3, 2, 1):
                words = tuple(name_key(t.text) for t in doc[start:start + n])
                if end - start > n and len(words) == n and words in titles:
                    start += n
                    stripped = True
                    break
    return start, end


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _ner_candidates(doc: "Doc", labels: frozenset[str]) -> list[_Cand]:
    cands = []
    for ent in doc.ents:
        if ent.label_ not in labels:
            continue
        s, e = _trim_entity(doc, ent.start, ent.end)
        if s < e:
            cands.append(_Cand(s, e, ent.label_, "ner"))
    return cands


def _add_matches(doc: "Doc", cands: list[_Cand], spans: Iterable[tuple[int, int]], label: str,
                 origin: str, *, blocked: list[tuple[int, int]], override: bool) -> list[_Cand]:
    """Merge matcher spans into ``cands``.

    A match that covers an entity replaces it (``the Kremlin`` over ``Kremlin``); a match inside
    a longer entity is dropped (``Moscow`` in ``Moscow State University``), unless ``override``
    (user aliases win). Matches touching a ``blocked`` span (persons, non-actor entities) are
    dropped.
    """
    for s, e in sorted(set(spans), key=lambda se: (se[0], -(se[1] - se[0]))):
        if any(_overlaps((s, e), b) for b in blocked) and not override:
            continue
        hits = [c for c in cands if _overlaps((s, e), (c.start, c.end))]
        if not override and any(not (s <= c.start and c.end <= e) for c in hits):
            continue
        for c in hits:
            cands.remove(c)
        kept = hits[0].label if hits else label
        cands.append(_Cand(s, e, kept, origin))
    return cands


def _propagate(doc: "Doc", cands: list[_Cand]) -> list[_Cand]:
    """Find names the NER tagged somewhere but missed elsewhere in the same document.

    Patterns are the document's own bare names (and the surnames of its full person names),
    matched case-sensitively. To keep false positives down a match must be proper nouns (when
    the Doc is tagged), must not touch any entity, and must not sit inside a longer capitalised
    name (``Georgia`` in an untagged ``Georgia Tech``); a title before it is allowed (``Mr``).
    """
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    forms: dict[tuple[str, ...], str] = {}
    for c in cands:
        if c.origin not in ("ner", "speaker", "repaired"):
            continue
        words = tuple(t.text for t in doc[c.clean[0]:c.clean[1]])
        if not words or len("".join(words)) < 2 or not any(ch.isupper() for ch in words[0]):
            continue
        forms.setdefault(words, c.label)
        if c.label == "PERSON" and len(words) > 1 and len(words[-1]) > 2:
            forms.setdefault(words[-1:], "PERSON")
    if not forms:
        return cands
    matcher = PhraseMatcher(doc.vocab, attr="ORTH")
    labels = {}
    for words, label in forms.items():
        key = " ".join(words)
        labels[doc.vocab.strings.add(key)] = label
        matcher.add(key, [Doc(doc.vocab, words=list(words))])
    taken = bytearray(len(doc))  # 1 where a token already belongs to an entity or a mention
    for s, e in [(e.start, e.end) for e in doc.ents] + [(c.start, c.end) for c in cands]:
        taken[s:e] = b"\x01" * (e - s)
    tagged = doc.has_annotation("TAG")
    titles = honorifics()
    new = []
    for match_id, s, e in sorted(matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
        if any(taken[s:e]):
            continue
        if tagged and any(t.pos_ != "PROPN" for t in doc[s:e]):
            continue
        before = doc[s - 1] if s > 0 else None
        after = doc[e] if e < len(doc) else None
        if before is not None and before.is_title and not before.is_sent_start and \
                (name_key(before.text),) not in titles:
            continue
        if after is not None and (after.is_title or after.is_upper) and after.is_alpha:
            continue
        new.append(_Cand(s, e, labels[match_id], "propagated"))
        taken[s:e] = b"\x01" * (e - s)
    return cands + new


def _speaker_names(doc: "Doc", cands: list[_Cand]) -> list[_Cand]:
    """Add the speaker names the NER missed or split (:mod:`newslab.extract.speaker_names`).

    A name replaces the candidates inside it (``Belinda`` NORP + ``Wright`` PERSON become
    ``Belinda Wright``; ``Sgt Mat Knowles`` as an ORG becomes ``Mat Knowles``); a candidate
    reaching past its end wins, and so does a PERSON that already covers it.
    """
    for _, start, end in speaker_name_spans(doc):
        hits = [c for c in cands if _overlaps((start, end), (c.start, c.end))]
        if any(c.end > end or c.start < start and c.label == "PERSON" for c in hits):
            continue  # the NER's reading reaches beyond the name ("Sgt Mat Knowles" as PERSON)
        if any(c.label == "PERSON" and c.start <= start and c.end >= end for c in hits):
            continue
        for c in hits:
            cands.remove(c)
        cands.append(_Cand(start, end, "PERSON", "speaker"))
    return cands


def _spillover(tail: "Span") -> bool:
    """Tokens a tagger's entity runs on past a name: only lower-case function words
    (``Patrice Talon of`` before ``Benin``), never part of a name."""
    return all(t.is_stop and t.is_lower or t.is_punct for t in tail)


def _repair_names(doc: "Doc", cands: list[_Cand]) -> list[_Cand]:
    """Add the names the NER missed or cut short (:mod:`newslab.extract.name_repair`).

    A repaired span replaces the candidates inside it (with its title: ``Sgt Mat Knowles``
    tagged ORG); one that a candidate crosses, or that a PERSON already covers, is left out.
    """
    repairs = name_repairs(doc, [(c.start, c.end, c.label) for c in cands])
    for start, end, label, rule in repairs:
        first = start - 1 if rule == "title + name" else start  # a span may hold the title
        hits = [c for c in cands if _overlaps((first, end), (c.start, c.end))]
        if rule in ("cut short", "nationals + name"):  # "Kenyans Tadesse" NORP + "Worku"
            for c in [c for c in hits if c.label != "PERSON" and c.start < first]:
                c.end, hits = first, [h for h in hits if h is not c]
        if any(c.start + (doc[c.start].lower_ in _DETERMINERS) < first
               or c.end > end and not _spillover(doc[end:c.end])
               for c in hits):  # "The Supreme Court" inside "Supreme Court of Velmora"
            continue
        if label == "PERSON" and any(c.label == "PERSON" and (c.start, c.end) == (start, end)
                                     for c in hits):
            continue
        for c in hits:
            cands.remove(c)
        cands.append(_Cand(start, end, label, "repaired"))
    return cands


# -- linking ----------------------------------------------------------------------------------
def _is_suffix(short: list[str], full: list[str]) -> bool:
    return len(short) < len(full) and full[-len(short):] == short


def _link_people(cands: list[_Cand]) -> None:
    """Give person mentions a cluster: full names, and surnames joined to a full name."""
    people = [c for c in cands if c.cluster == "" and c.label == "PERSON"]
    fulls = sorted({c.key for c in people if len(c.key.split()) > 1}, key=lambda k: -len(k.split()))
    # A shorter full name that ends a longer one ("Fogh Rasmussen") joins it when unambiguous.
    canon = {}
    for k in fulls:
        longer = {canon.get(f, f) for f in fulls if _is_suffix(k.split(), f.split())}
        canon[k] = longer.pop() if len(longer) == 1 else k
    positions = defaultdict(list)
    for c in people:
        if c.key in canon:
            positions[canon[c.key]].append(c.start)
    # Surnames: this also picks up single names the NER gave another label (a PERSON mis-tagged
    # as ORG/GPE), but never a table hit (metonym, demonym, known name).
    shorts = [c for c in cands if c.cluster == "" and c.key not in canon and
              (c.label == "PERSON" or c.table_actor is None)]
    by_suffix: dict[str, set[str]] = defaultdict(set)
    for f in fulls:
        words = f.split()
        for i in range(1, len(words)):
            by_suffix[" ".join(words[i:])].add(canon[f])
    for c in shorts:
        options = set(by_suffix.get(c.key, ()))
        if not options:
            continue
        if len(options) > 1:
            # Two Clintons: news style keeps the bare surname for the story's main person and
            # calls relatives by first name, so take the one named in full most often, then
            # the one introduced first.
            pick = min(options, key=lambda o: (-len(positions[o]), min(positions[o])))
        else:
            pick = options.pop()
        c.cluster, c.kind, c.label = pick, "surname", "PERSON"
    for c in people:
        if c.key in canon:
            c.cluster = canon[c.key]


def _in_longer_name(doc: "Doc", c: _Cand) -> bool:
    """A span the NER cut out of a longer capitalised name (``Bill`` in ``the 1994 Crime
    Bill``): a capitalised word (not a title, not a sentence start) right before it or
    right after it."""
    s, e = c.clean
    before = doc[s - 1] if s > 0 else None
    after = doc[e] if e < len(doc) else None
    if before is not None and before.is_title and before.is_alpha and not before.is_sent_start \
            and (name_key(before.text),) not in honorifics():
        return True
    return after is not None and after.is_alpha and (after.is_title or after.is_upper)


def _link_variants(doc: "Doc", cands: list[_Cand]) -> None:
    """Join the other forms news copy gives one name (:mod:`newslab.extract.name_variants`):
    a longer full name (``Ricardo Rosselló Nevares``), a first name or a paternal surname
    alone; a company without its legal form, a body without its ``of``-complement, an
    acronym. Table hits (metonyms, known names) and user aliases are left as they are."""
    people = {c.cluster for c in cands if c.label == "PERSON" and len(c.cluster.split()) > 1}
    longer = {k: o for k in people if (o := longer_name_owner(k, people))}
    for c in cands:
        if c.cluster in longer:
            c.cluster = longer[c.cluster]
    people = {c.cluster for c in cands if c.label == "PERSON" and len(c.cluster.split()) > 1}
    names = {c.key for c in cands if c.table_actor is None}
    singles = {c.key for c in cands if not c.cluster and c.label == "PERSON" and
               c.origin != "alias" and " " not in c.key}
    # not places: "Lake Victoria" is named after someone, a person is seldom tagged a place
    untagged = surname_names(singles, {c.key for c in cands if not c.cluster and c.origin !=
                                       "alias" and c.table_actor is None and
                                       c.label not in _PLACE_TYPES}) - people
    for c in cands:
        if c.key in untagged:  # "Ricardo Rosselló Nevares" (ORG) of a person "Rosselló"
            c.cluster = c.key
    people |= untagged
    for c in cands:
        if not c.cluster and c.table_actor is None and c.origin != "alias" and \
                len(c.key.split()) > 1 and (owner := longer_name_owner(c.key, people)):
            c.cluster, c.kind = owner, "variant"  # "Marta Ruiz" (any tag) of "Marta Ruiz Campos"
        if not c.cluster and c.label == "PERSON" and c.origin != "alias" and \
                not _in_longer_name(doc, c):
            owner = surname_owner(c.key, untagged) or paternal_surname_owner(c.key, people) \
                or first_name_owner(c.key, people, names)
            if owner:
                c.cluster, c.kind = owner, "variant"
    # a company or body: its other forms may have any NER label, but no cluster of their own
    own = {c.key: c.cluster or c.key for c in cands if c.table_actor is None and
           c.origin != "alias" and c.cluster in ("", c.key)}
    longs = {c.key: _surface(doc, c) for c in cands if c.key in own and len(c.key.split()) > 1}
    for c in cands:
        if c.cluster or c.label == "PERSON" or c.origin == "alias":
            continue
        surface = _surface(doc, c)
        short = next((k for k in company_short_forms(surface) if k in own), None)
        owner = short or of_prefix_owner(c.key, own) or acronym_owner(surface, longs)
        if owner and own[owner] != c.key:
            c.cluster, c.kind = own[owner], "variant"


def entity_mentions(doc: "Doc", *, metonymy: bool = True, aliases: AliasTable = None,
                    labels: Iterable[str] | None = None) -> list[Mention]:
    """Every named-entity mention in ``doc`` with its canonical actor, in text order.

    ``labels`` overrides the NER labels kept as actors (``lexicons/actor_labels.csv``).
    ``aliases`` (dict or CSV path ``alias,actor[,type]``) overrides every other rule; an alias
    that names a whole actor (``{"Anders Fogh Rasmussen": "Rasmussen"}``) renames it.

    >>> from newslab.nlp import load_model
    >>> doc = load_model()("Sergei Lavrov met Rasmussen. Lavrov said Moscow would help.")
    >>> [(m.text, m.actor, m.kind) for m in entity_mentions(doc)]  # doctest: +NORMALIZE_WHITESPACE
    [('Sergei Lavrov', 'Sergei Lavrov', 'name'), ('Rasmussen', 'Rasmussen', 'name'),
     ('Lavrov', 'Sergei Lavrov', 'surname'), ('Moscow', 'Russia', 'metonym')]
    """
    if not hasattr(doc, "ents") or not hasattr(doc, "vocab"):
        raise NotADocError(type(doc).__name__)
    if len(doc) == 0:
        return []
    keep = frozenset(labels) if labels is not None else actor_entity_labels()
    alias_rows = _alias_rows(aliases)
    alias_table = {name_key(alias): (actor, typ) for alias, actor, typ in alias_rows}
    cands = _ner_candidates(doc, keep)
    blocked = [(e.start, e.end) for e in doc.ents if e.label_ not in keep or e.label_ == "PERSON"]

    if alias_table:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        matcher = PhraseMatcher(doc.vocab, attr="LOWER")
        matcher.add("ALIAS", [Doc(doc.vocab, words=_words(alias)) for alias, _, _ in alias_rows])
        spans = [(s, e) for _, s, e in matcher(doc)]
        cands = _add_matches(doc, cands, spans, "ALIAS", "alias", blocked=blocked, override=True)
    if metonymy:
        spans = [(s, e) for _, s, e in _metonym_matcher(doc.vocab)(doc)]
        person_spans = [(c.start, c.end) for c in cands if c.label == "PERSON"]
        cands = _add_matches(doc, cands, spans, "GPE", "metonym",
                             blocked=blocked + person_spans, override=False)

    cands = _speaker_names(doc, cands)
    cands = _repair_names(doc, cands)
    _, with_the = metonym_forms()
    for c in cands:
        c.start, c.end = _with_possessive(doc, c.start, c.end)
        if c.start > 0 and doc[c.start - 1].lower_ in _DETERMINERS and \
                name_key(doc[c.start:c.end].text) in with_the:
            c.start -= 1  # "the Kremlin": the article belongs to the name
        c.clean = _clean_range(doc, c.start, c.end, c.label == "PERSON")
    cands = _propagate(doc, cands)
    for c in cands:
        if c.origin == "propagated":
            c.start, c.end = _with_possessive(doc, c.start, c.end)
            c.clean = _clean_range(doc, c.start, c.end, c.label == "PERSON")
        c.key = name_key(doc[c.clean[0]:c.clean[1]].text)
    # An entity with no capital letter ("un" in "un-redacted") is an NER slip in edited news
    # text; only the user's aliases may be lower case.
    cands = [c for c in cands if c.key and (c.origin == "alias" or
                                            any(ch.isupper() for ch in doc[c.start:c.end].text))]
    cands.sort(key=lambda c: c.start)

    _retype(doc, cands, alias_table)
    _classify(doc, cands, alias_table, metonymy)
    return _to_mentions(doc, cands, alias_table)


def _retype(doc: "Doc", cands: list[_Cand], alias_table: dict) -> None:
    """Relabel each name by a vote over all of its mentions (:mod:`.type_cues`) before the
    names are linked, so a person the tagger called an ORG (``Ottavia Brenn, the chief
    executive of Brennwerk``) takes its surname mentions, and an organisation it called a
    PERSON takes none. Names in the tables (metonyms, known names, demonyms) and the user's
    aliases keep their labels: the tables type them."""
    metonym_table, known = metonyms(), known_names()
    groups: dict[str, list[_Cand]] = defaultdict(list)
    for c in cands:
        if c.origin != "alias" and c.key not in alias_table and c.key not in metonym_table \
                and c.key not in known and _demonym_country(c.key) is None:
            groups[c.key].append(c)
    for group in groups.values():
        typ = vote([_cue(doc, c) for c in group], [c.label for c in group])
        if typ:
            for c in group:
                c.label = typ


def _cue(doc: "Doc", c: _Cand) -> tuple[str, float] | None:
    """The type the text gives the candidate (:func:`.type_cues.mention_cue`), computed once."""
    if c.cue is None:
        c.cue = mention_cue(doc, c.start, c.end, c.clean, c.label) or ()
    return c.cue or None


def _literal_place(doc: "Doc", start: int, end: int, capital: bool) -> bool:
    """A capital or seat named as the place itself, where metonymy does not apply.

    That is the object of a locative preposition (``a dinner in Washington``, ``a visit to
    Moscow``), a dateline (``WASHINGTON -`` opening a paragraph) or, for capitals only, a
    modifier right after an article (``the Paris accord``, ``a Washington-based firm``, but not
    ``Moscow officials``); seats keep their reading as modifiers (``the White House
    spokesman``). Needs the parser; without it only datelines are recognised.
    """
    span = doc[start:end]
    if doc.has_annotation("DEP"):
        root = span.root
        if root.dep_ == "pobj" and root.head.lower_ in _LITERAL_PREPS:
            return True
        if not capital and _office_sought(root):
            return True
        if capital and root.head.i >= end and start > 0 and doc[start - 1].lower_ in _ARTICLES:
            return True
    opens_block = start == 0 or (doc[start - 1].is_space and "\n" in doc[start - 1].text)
    return opens_block and span.text.isupper() and end < len(doc) and doc[end].is_punct


#: Words of a race for an office: its goal, named by the seat, is the office (``run for the White
#: House``, ``a White House bid``, ``seeking the Elysée``), not the state the seat stands for
#: (issue 13; a seat contested in an election names the presidency, Merriam-Webster "White
#: House" sense 2).
_RACE_NOUNS = frozenset({"run", "bid", "race", "campaign", "candidacy", "nomination", "contest",
                         "hopeful", "contender", "candidate", "challenger", "ambition"})
_RACE_VERBS = frozenset({"run", "bid", "race", "campaign", "vie", "compete", "seek", "win",
                         "capture", "retake", "reclaim", "lose", "eye", "target"})


def _office_sought(root: "Token") -> bool:
    """A seat named as the goal of a race (``run for the White House``, ``win the White
    House``, ``his White House bid``)."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "for":
        return head.head.lemma_.lower() in _RACE_NOUNS | _RACE_VERBS
    if root.dep_ == "dobj":
        return head.lemma_.lower() in _RACE_VERBS - {"run", "race", "campaign"}
    return root.dep_ in ("compound", "nmod") and head.lemma_.lower() in _RACE_NOUNS


def _classify(doc: "Doc", cands: list[_Cand], alias_table: dict, metonymy: bool) -> None:
    """Set each candidate's cluster key and kind (see the module docstring for the order)."""
    metonym_table, known = metonyms(), known_names()
    # Every proper word-suffix of a full person name ("rasmussen", "fogh rasmussen").
    person_suffixes = set()
    for c in cands:
        words = c.key.split()
        if c.label == "PERSON" and len(words) > 1:
            person_suffixes.update(" ".join(words[i:]) for i in range(1, len(words)))
    for c in cands:
        surname_of_person = c.key in person_suffixes
        metonym = metonymy and c.key in metonym_table and not _literal_place(
            doc, c.start, c.end, capital=metonym_table[c.key][2] == "capital")
        if c.label == "PERSON" and (surname_of_person or not metonym):
            continue  # linked with the people below
        if metonym:
            c.table_actor, c.table_type, _ = metonym_table[c.key]
            c.cluster, c.kind = name_key(c.table_actor), "metonym"
        elif c.key in known:
            c.table_actor, c.table_type = known[c.key]
            c.cluster = name_key(c.table_actor)
        elif (country := _demonym_country(c.key)) is not None:
            c.table_actor, c.table_type = country, "GPE"
            c.cluster, c.kind = name_key(country), "demonym"
    _link_people(cands)
    _link_variants(doc, cands)
    for c in cands:
        if not c.cluster:
            c.cluster = c.key
        if c.key in alias_table:  # the user's table overrides every rule above
            actor, c.alias_type = alias_table[c.key]
            c.cluster, c.kind, c.table_actor = name_key(actor), "alias", actor


def _surface(doc: "Doc", c: _Cand) -> str:
    return doc[c.clean[0]:c.clean[1]].text


def _to_mentions(doc: "Doc", cands: list[_Cand], alias_table: dict) -> list[Mention]:
    clusters: dict[str, list[_Cand]] = defaultdict(list)
    for c in cands:
        clusters[c.cluster].append(c)
    # An alias naming a whole actor renames it ("Anders Fogh Rasmussen" -> "Rasmussen").
    for key in list(clusters):
        if key in alias_table and any(c.kind != "alias" for c in clusters[key]):
            actor, typ = alias_table[key]
            for c in clusters.pop(key):
                c.table_actor, c.alias_type = actor, typ
                if c.kind == "name":
                    c.kind = "alias"
                c.cluster = name_key(actor)
                clusters[c.cluster].append(c)

    mentions = []
    for key, members in clusters.items():
        name = _display_name(doc, key, members)
        typ = _cluster_type(doc, members)
        for c in members:
            if c.kind in ("name", "variant"):  # the shown name itself, or another form of it
                c.kind = "name" if c.key == name_key(name) else "variant"
            span = doc[c.start:c.end]
            label = c.label if c.label != "ALIAS" else typ
            mentions.append(Mention(span.text, span.start_char, span.end_char, c.start, c.end,
                                    label, name, typ, c.kind))
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _display_name(doc: "Doc", key: str, members: list[_Cand]) -> str:
    """The name shown for a cluster.

    The user's alias; for a person, the full name the document uses most (then the longest:
    ``Anders Fogh Rasmussen`` over ``Fogh Rasmussen``, but ``Alicia Machado`` over a one-off NER
    span ``Universe Alicia Machado``); else the document's own most frequent spelling of the
    canonical name (``Nato``); else the table's name (``United States``). A spelling in capitals
    (a dateline, a shouted headline) gives way to any other, or is title-cased.
    """
    alias = next((c.table_actor for c in members if c.kind == "alias"), None)
    if alias:
        return alias
    if any(c.kind == "surname" for c in members) or all(c.label == "PERSON" for c in members):
        fulls = [c for c in members if len(c.key.split()) > 1 and c.kind != "surname"]
        if fulls:
            counts = Counter(c.key for c in fulls)
            best = max(counts, key=lambda k: (counts[k], len(k.split())))
            return _spelling([_surface(doc, c) for c in fulls if c.key == best])
    own = [_surface(doc, c) for c in members if c.key == key and c.kind != "demonym"]
    if own:
        return _spelling(own)
    table = next((c.table_actor for c in members if c.table_actor), None)
    return table or _spelling([_surface(doc, c) for c in members])


def _spelling(surfaces: list[str]) -> str:
    """The most frequent spelling (first on ties), preferring one not in capitals."""
    shouted = [s for s in surfaces if s.isupper() and sum(ch.isalpha() for ch in s) > 4]
    calm = [s for s in surfaces if s not in shouted]
    if not calm:
        return surfaces[0].title()
    counts = Counter(calm)
    best = max(counts.values())
    return next(s for s in calm if counts[s] == best)


def _cluster_type(doc: "Doc", members: list[_Cand]) -> str:
    """The user's type, else a table's (metonyms and demonyms are GPE), else a vote over all
    the mentions (:func:`newslab.extract.type_cues.vote`): the wording around each (``the
    carmaker X``, ``X said its``, ``X, the chief executive of Y``, ``travel to X``), a known
    given name, the tagger's labels (a surname linked to a full name counts as PERSON)."""
    for attr in ("alias_type", "table_type"):
        typ = next((getattr(c, attr) for c in members if getattr(c, attr)), None)
        if typ:
            return typ
    named = [c for c in members if c.label != "ALIAS"]
    cues = [None if c.kind == "surname" else _cue(doc, c) for c in named]
    return vote(cues, ["PERSON" if c.kind == "surname" else c.label for c in named]) or "ORG"
