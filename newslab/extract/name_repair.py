"""Name repair after the NER: names the tagger cut short or missed.

spaCy's small English NER reads names one sentence at a time and often stops short of a name
it does not know, or misses it beside a title. Each repair starts from a word of a closed list
found by a spaCy PhraseMatcher (a title, an institution's head noun, a movement noun, a plural
nationality, a platform) or from a PERSON span, and reads the runs of capitalised proper nouns
around it, which come from the Doc's arrays: no Python loop runs over every token of the Doc.
The repairs:

* **cut short** - a person's name is a run of capitalised proper nouns; the tagger often keeps
  only part of an unfamiliar one (``Carmen Yulín Cruz`` tagged ``Yulín Cruz``, ``Wanda Vázquez
  Garced`` as ``Wanda Vázquez``, ``Dejene Debela`` as ``Debela``). A PERSON span grows over the
  adjacent name words of its run: capitalised PROPN tokens in no other entity, that are not a
  title or role (``Governor``), a nationality (``Ethiopian``) or an organisation word
  (``Police``). Spanish and Portuguese names carry two surnames and Ethiopian names a father's
  name, so three or four name words are ordinary (Chicago Manual of Style 8.11-8.14). A run
  longer than :data:`MAX_PERSON_WORDS` or a sentence in title case (a headline) is left alone.
* **title + name** - an abbreviated title (``Sgt``, ``Gov.``, ``Dr``, ``Sen.``; AP Stylebook,
  "titles": abbreviated before a full name) is followed by a person's name, whatever label the
  tagger gave it (``Sgt Mat Knowles`` tagged WORK_OF_ART). A full-word title (``Governor``)
  needs two name words after it (``Governor Tilda Harrow``, not ``General Motors``).
* **organisation phrase** - the official names of institutions are built as ``<names> <head
  noun> of|for <names>`` (``Harvard–Smithsonian Center for Astrophysics``, ``Bank of
  Pemberton``, ``Commission on Human Rights of Velmora``), with a head noun from
  :data:`ORG_HEADS`; the tagger often tags only the first word, or stops before ``of``. The
  whole phrase is an ORG.
* **named movement** - ``the Houthi movement``, ``the Wagner group``: a proper name followed by a
  lower-case organisation noun (:data:`MOVEMENT_NOUNS`) after a definite article is the common
  name of that organisation (the way Wikipedia titles them). A country's demonym is not a name
  here (``the Iranian movement`` is a description).

Names found elsewhere in the document are added later by the propagation step of
:mod:`newslab.extract.entities` (a PhraseMatcher over the document's own names), and the
subject of a speech verb by :mod:`newslab.extract.speaker_names`; both see these repairs.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..lexicons import (demonyms, first_names, honorifics, name_key, not_actor_forms,
                        org_descriptors, read_lexicon, role_nouns)

from ..nlp.tokens import entity_range
from .speaker_names import ORG_WORDS as SPEAKER_ORG_WORDS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

#: A capitalised word with a lower-case letter after its first (not ``CEO``, not ``UTC``).
#: A regnal number after a monarch's or pope's name (``Elizabeth II``, ``Benedict XVI``).
REGNAL = re.compile(r"^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XVI{0,3})$")
_CAPITALISED = re.compile(r"^[A-ZÀ-ÖØ-Þ].*[a-zß-öø-ÿ]")
#: Most words a person's name has once repaired (``Wanda Vázquez Garced``, ``Carmen Yulín Cruz``).
MAX_PERSON_WORDS = 4
#: Entity labels a name word never carries (dates, times, numbers).
NOT_NAME_ENTS = ["DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"]
#: Entity labels a word of a person's name may carry: the tagger's slips at a name's edge
#: (``Kenyans Tadesse`` tagged NORP before ``Worku`` PERSON), never a place or organisation.
PERSON_SLIPS = frozenset({"", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW",
                          "LANGUAGE"})
#: Titles abbreviated before a name (AP Stylebook, "titles"; ``lexicons/honorifics.csv`` holds
#: the full list). One name word after them is enough (``Dr Brenn``).
SHORT_TITLES = frozenset({"mr", "mrs", "ms", "mx", "dr", "prof", "sgt", "gov", "sen", "rep",
                          "capt", "lt", "col", "gen", "maj", "cpl", "adm", "cmdr", "det", "insp",
                          "supt", "cllr", "rev", "fr", "brig", "pc"})
#: Head nouns of official institution names (``Center for Astrophysics``, ``Bank of X``).
ORG_HEADS = frozenset({
    "center", "centre", "institute", "institution", "university", "college", "school", "academy",
    "foundation", "council", "agency", "commission", "committee", "department", "ministry",
    "bureau", "board", "authority", "association", "society", "federation", "league",
    "organisation", "organization", "museum", "laboratory", "observatory", "bank", "fund",
    "court", "tribunal", "church", "corporation", "company", "trust", "network", "service",
    "directorate", "office", "party", "movement", "front", "coalition", "alliance"})
#: Lower-case nouns that, after a proper name and ``the``, name an organisation.
MOVEMENT_NOUNS = frozenset({"movement", "party", "militia", "front", "group", "faction",
                            "organisation", "organization", "network", "brigade", "brigades"})
#: Words that make a capitalised run an organisation's name, never a person's: those of
#: :mod:`.speaker_names` and more institution and company words.
ORG_WORDS = SPEAKER_ORG_WORDS | frozenset({
    "university", "party", "ministry", "department", "court", "council", "committee", "bank",
    "institute", "holdings", "capital", "partners", "llc", "plc", "co", "energy", "motors",
    "systems", "technologies", "technology", "industries", "pharmaceuticals", "resources",
    "insurance", "communications", "entertainment", "solutions", "labs", "laboratories",
    "foods", "brands", "airways", "railways", "steel", "oil", "coal", "mining", "electric",
    "chemicals", "logistics", "software", "networks", "studios", "records", "pictures",
    "hotels", "stores", "investments", "securities", "financial", "ventures", "enterprises",
    "associates", "construction", "shipping", "telecom", "healthcare", "clinic"})
#: Party members named like a nationality (``Republican Donald Trump``), never a name word.
PARTY_WORDS = frozenset({"republican", "republicans", "democrat", "democrats", "democratic",
                         "conservative", "conservatives", "liberal", "liberals", "labour",
                         "tory", "tories", "socialist", "socialists", "green", "greens",
                         "independent", "rival", "incumbent", "challenger"})
#: Last words of the names of laws and awards, never of a person (``the 1994 Crime Bill``).
NAMED_THINGS = frozenset({"bill", "act", "law", "amendment", "doctrine", "treaty", "accord",
                          "prize", "award", "medal", "trophy", "plan", "report"})
#: Months and days: capitalised, never a name word (``April``, ``May``, ``June`` and
#: ``August`` are names too, and the tagger marks them DATE where they are dates).
CALENDAR = frozenset({"january", "february", "march", "july", "september", "october",
                      "november", "december", "monday", "tuesday", "wednesday", "thursday",
                      "friday", "saturday", "sunday"})


class Repair(NamedTuple):
    """A name span the NER missed or cut short: tokens ``[start, end)`` (end-exclusive)."""

    start: int
    end: int
    label: str
    rule: str  # cut short, title + name, organisation phrase, named movement, nationals + name,
    # platform name


@lru_cache(maxsize=None)
def _not_person_words() -> frozenset[str]:
    """Lower-case words that stop a person's name: titles, role nouns, nationalities,
    organisation words, months and days."""
    titles = {w for t in honorifics() for w in t}
    words = titles | set(role_nouns()) | set(demonyms()) | ORG_WORDS | CALENDAR | \
        set(org_descriptors()) | {d + "s" for d in demonyms()}
    words |= {w + "." for w in SHORT_TITLES} | PARTY_WORDS | NAMED_THINGS
    words |= {w + "s" for w in titles | set(role_nouns()) if not w.endswith("s")}
    words |= {k for k, kind in not_actor_forms().items() if kind == "event_head"}
    return frozenset(words)


def _name_word(tok: "Token", person: bool) -> bool:
    """A word of a name: a capitalised proper noun that is no title, role, nationality,
    organisation word or date; for a person (``person``), in no entity but a PERSON."""
    if tok.ent_type_ in NOT_NAME_ENTS or person and tok.ent_type_ not in PERSON_SLIPS and \
            tok.lower_ not in first_names():  # a given name the tagger took for a place
        return False
    if len(tok.text) > 2 and tok.text.endswith("."):
        return False  # an abbreviation ("Del.", "Gov."), not a name; initials ("W.") are
    return tok.lower_ not in _not_person_words() and bool(_CAPITALISED.match(tok.text))


_MATCHERS: dict[int, tuple[object, ...]] = {}


@lru_cache(maxsize=None)
def _platform_names() -> tuple[str, ...]:
    """Web platforms as written (``lexicons/not_actors.csv``, kind ``platform``)."""
    return tuple(r["form"] for r in read_lexicon("not_actors.csv") if r["kind"] == "platform")


def _matchers(vocab):
    """``(anchors, platforms)``, built once per vocabulary: a PhraseMatcher for the closed word
    lists a repair starts from (titles, institution heads, movement nouns, plural
    nationalities), and one for platform names as written."""
    cached = _MATCHERS.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1:]
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    anchors = PhraseMatcher(vocab, attr="LOWER")

    def words(items):
        return [Doc(vocab, words=[w]) for w in sorted(items)]
    anchors.add("SHORT_TITLE", words(SHORT_TITLES | {t + "." for t in SHORT_TITLES}))
    anchors.add("TITLE", words({t[-1] for t in honorifics()} - SHORT_TITLES - set(demonyms())))
    anchors.add("TITLES", words({t[-1] + "s" for t in honorifics() if not t[-1].endswith("s")}
                                - SHORT_TITLES - _plural_demonyms()))
    anchors.add("ORG", words(ORG_HEADS))
    anchors.add("MOVEMENT", words(MOVEMENT_NOUNS))
    anchors.add("NATIONALS", words(_plural_demonyms()))
    platforms = PhraseMatcher(vocab, attr="ORTH")
    platforms.add("PLATFORM", [Doc(vocab, words=f.split()) for f in _platform_names()])
    _MATCHERS[id(vocab)] = (vocab, anchors, platforms)
    return anchors, platforms


#: Most words before an institution's head noun (``Harvard – Smithsonian Center``).
MAX_ORG_PREFIX = 6
#: Signs that join two words of one name without spaces (``Harvard–Smithsonian``).
JOINERS = frozenset({"-", "–", "&"})


class _RunEnds:
    """Where the run of capitalised proper nouns holding each token ends (a NumPy array over
    the Doc; ``-1`` for a token in no run): ``i in ends``, ``ends[i]``, ``ends.get(i, d)``."""

    def __init__(self, ends):
        self.ends = ends

    def __contains__(self, i: int) -> bool:
        return 0 <= i < len(self.ends) and self.ends[i] >= 0

    def __getitem__(self, i: int) -> int:
        return int(self.ends[i])

    def get(self, i: int, default=None):
        return int(self.ends[i]) if i in self else default


def _runs(doc: "Doc") -> tuple[list[tuple[int, int]], _RunEnds]:
    """Runs of capitalised proper nouns (``[start, end)`` token ranges) and where each token's
    run ends, read from the Doc's arrays (no Python loop over the tokens)."""
    import numpy
    from spacy.attrs import IS_TITLE, POS
    from spacy.symbols import PROPN

    arr = doc.to_array([POS, IS_TITLE])
    mask = numpy.concatenate(([0], ((arr[:, 0] == PROPN) & (arr[:, 1] == 1)).astype(int), [0]))
    edges = numpy.flatnonzero(numpy.diff(mask))
    starts, stops = edges[0::2], edges[1::2]
    ends = numpy.full(len(doc), -1, dtype=numpy.int64)
    if len(starts):
        ends[numpy.repeat(starts, stops - starts) + _offsets(stops - starts)] = \
            numpy.repeat(stops, stops - starts)
    return list(zip(starts.tolist(), stops.tolist())), _RunEnds(ends)


def _offsets(lengths):
    """``[2, 3]`` -> ``[0, 1, 0, 1, 2]``: each position's offset inside its run."""
    import numpy

    total = int(lengths.sum())
    firsts = numpy.repeat(numpy.cumsum(lengths) - lengths, lengths)
    return numpy.arange(total) - firsts


def _org_start(doc: "Doc", head: int) -> int:
    """First token of an institution's name whose head noun is at ``head``: the capitalised
    proper nouns and joiners right before it, at most :data:`MAX_ORG_PREFIX` tokens."""
    start = head
    while start > 0 and head - start < MAX_ORG_PREFIX:
        tok = doc[start - 1]
        if tok.ent_type_ in NOT_NAME_ENTS:
            break
        if not (tok.text in JOINERS and not tok.whitespace_ or
                tok.pos_ == "PROPN" and tok.text[:1].isupper()):
            break
        start -= 1
    while start < head and doc[start].text in JOINERS:
        start += 1
    return start


def _headline(doc: "Doc", i: int) -> bool:
    """Token ``i`` sits in a headline: a sentence with no closing full stop, ``?`` or ``!``
    whose words are capitalised (headline style), so a run of capitals says nothing there."""
    sent = doc[i].sent
    last = next((t for t in reversed(sent) if not t.is_space and not t.is_quote), None)
    if last is not None and last.text in (".", "?", "!", "…"):
        return False
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def _extensions(doc: "Doc", runs: list[tuple[int, int]],
                persons: list[tuple[int, int]]) -> list[Repair]:
    """PERSON spans grown over the name words next to them, within their run of proper nouns."""
    out = []
    for s, e in persons:
        run = next(((rs, re_) for rs, re_ in runs if rs <= s and e <= re_), None)
        if run is None or run == (s, e) or doc[e - 1].lower_ in NAMED_THINGS:
            continue  # "Bill" tagged PERSON in "the 1994 Crime Bill"
        start, end = s, e
        while start > run[0] and _name_word(doc[start - 1], True) and (
                not doc[start - 1].is_sent_start or doc[start - 1].lower_ in first_names()):
            start -= 1  # a sentence's first word is capitalised anyway: a given name only
        while end < run[1] and _name_word(doc[end], True):
            end += 1
        if (start, end) == (s, e) or end - start > MAX_PERSON_WORDS:
            continue
        if sum(1 for ps, pe in persons if start <= ps and pe <= end) > 1:
            continue  # two people side by side ("Debela Kosgei" in a results list)
        if _headline(doc, s):
            continue
        out.append(Repair(start, end, "PERSON", "cut short"))
    return out


def name_repairs(doc: "Doc", spans: list[tuple[int, int, str]]) -> list[Repair]:
    """Name spans the NER missed or cut short in ``doc``, given the names found so far.

    ``spans``: ``(start, end, label)`` token ranges (end-exclusive) of the names already found.
    Returns :class:`Repair` rows ``(start, end, label, rule)`` in text order; a title is not
    part of the span it repairs. Needs a tagged Doc (returns ``[]`` without part-of-speech tags).

    >>> from newslab.nlp import load_model
    >>> doc = load_model()("Ethiopia's Dejene Debela came second.")
    >>> [(doc[r.start:r.end].text, r.label) for r in name_repairs(doc, [(3, 4, "PERSON")])]
    [('Dejene Debela', 'PERSON')]
    """
    if not len(doc) or not doc.has_annotation("TAG"):
        return []
    anchors, platforms = _matchers(doc.vocab)
    runs, run_end = _runs(doc)
    strings, out = doc.vocab.strings, []
    persons = [(s, e) for s, e, label in spans if label == "PERSON"]
    for match_id, i, _ in anchors(doc):
        found = _ANCHORED[strings[match_id]](doc, i, run_end)
        for repair in [found] if isinstance(found, Repair) else found or []:
            if _kept(doc, repair, i, persons):
                out.append(repair)
    for _, s, e in platforms(doc):
        if all(t.pos_ == "PROPN" for t in doc[s:e]):
            out.append(Repair(s, e, "ORG", "platform name"))
    out += _extensions(doc, runs, persons)
    return sorted(set(out))


def _kept(doc: "Doc", repair: Repair, i: int, persons: list[tuple[int, int]]) -> bool:
    """Whether an organisation repair from the anchor at ``i`` stands: not a headline's
    capitals, nor a person's full name after "for" or "of" ("Abandon Republican Party for
    Hillary Clinton")."""
    return not (repair.label == "ORG" and (_headline(doc, i) or any(
        i < s and e <= repair.end and e - s > 1 for s, e in persons)))


def _titled_list(doc: "Doc", i: int, run_end: _RunEnds) -> list[Repair]:
    """``Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin``: a plural title
    names each person of the list after it (AP Stylebook, "titles": a title before several
    names is made plural). A name may carry an ``of`` place; names are joined by a comma or
    ``and``; each needs two name words."""
    if not doc[i].is_title:
        return []
    out, j = [], i  # j: the token just before the next name
    while (name := _name_after(doc, j, run_end, 2)) is not None:
        out.append(name)
        j = name.end
        if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].ent_type_ in ("GPE", "ORG"):
            j = entity_range(doc[j + 1])[1]
        if j >= len(doc) or doc[j].lower_ not in (",", "and"):
            break
        if j + 1 < len(doc) and doc[j + 1].lower_ == "and":
            j += 1
    return out


def _titled(doc: "Doc", i: int, run_end: _RunEnds) -> Repair | None:
    """``Sgt Mat Knowles``, ``Governor Tilda Harrow``: the name words after a title (one is
    enough after an abbreviated title, two after a full one)."""
    short = doc[i].lower_.rstrip(".") in SHORT_TITLES
    if not short and not doc[i].is_title:
        return None
    return _name_after(doc, i, run_end, 1 if short else 2)


def _name_after(doc: "Doc", i: int, run_end: _RunEnds, need: int) -> Repair | None:
    """The person's name words right after token ``i``, when there are at least ``need``."""
    end = i + 1
    while end < run_end.get(i + 1, i + 1) and _name_word(doc[end], False):
        end += 1
    if end > i + 1 and end < len(doc) and REGNAL.match(doc[end].text):
        end += 1  # "Queen Elizabeth II", "Pope Benedict XVI"
    return Repair(i + 1, end, "PERSON", "title + name") if end - i - 1 >= need else None


def _institution(doc: "Doc", i: int, run_end: _RunEnds) -> Repair | None:
    """``Harvard–Smithsonian Center for Astrophysics``: capitalised words, a capitalised head
    noun, ``of``/``for``/``on``, an optional ``the``, capitalised proper nouns."""
    if not doc[i].is_title or i + 2 >= len(doc) or doc[i + 1].lower_ not in ("of", "for", "on"):
        return None
    k = i + 2 + (doc[i + 2].lower_ == "the")
    if k not in run_end or doc[k].ent_type_ in NOT_NAME_ENTS:
        return None  # "Hofstra University on Monday"
    end = run_end[k]
    while end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and end + 1 in run_end:
        end = run_end[end + 1]  # "Commission on Human Rights of Velmora"
    return Repair(_org_start(doc, i), end, "ORG", "organisation phrase")


def _movement(doc: "Doc", i: int, run_end: _RunEnds) -> Repair | None:
    """``the Houthi movement``: ``the``, a proper name (not a country's demonym), then a
    lower-case organisation noun."""
    if doc[i].pos_ != "NOUN" or not doc[i].is_lower or i < 2 or run_end.get(i - 1) != i:
        return None
    start = i - 1
    while start > 0 and run_end.get(start - 1) == i:
        start -= 1
    if start == 0 or doc[start - 1].lower_ != "the" or any(
            name_key(t.text) in demonyms() for t in doc[start:i]):
        return None
    return Repair(start, i + 1, "ORG", "named movement")


def _nationals(doc: "Doc", i: int, run_end: _RunEnds) -> Repair | None:
    """``Ethiopians Gemechu Ayanaw and …``: a plural nationality noun in apposition to the
    names after it (the tagger often joins them into one ORG or NORP). The name words after
    it are a person; a plural noun is never the first word of an organisation's name."""
    end = i + 1
    while end < run_end.get(i, i) and end - i <= MAX_PERSON_WORDS and \
            _name_word(doc[end], False):
        end += 1
    if end - i - 1 >= 2 and end - i - 1 <= MAX_PERSON_WORDS:
        return Repair(i + 1, end, "PERSON", "nationals + name")
    return None


@lru_cache(maxsize=None)
def _plural_demonyms() -> frozenset[str]:
    """``ethiopians``, ``kenyans``: demonyms (``lexicons/demonyms.csv``) made plural."""
    return frozenset(d + "s" for d in demonyms() if not d.endswith(("s", "sh", "ch", "ese")))


_ANCHORED = {"SHORT_TITLE": _titled, "TITLE": _titled, "TITLES": _titled_list, "ORG": _institution,
             "MOVEMENT": _movement, "NATIONALS": _nationals}
