"""newslab's data tables (CSV files beside this module), read in one way, one loader per table.

Each file opens with ``#`` comment lines naming its source and licence; the rest is CSV with a
header row. :func:`read_lexicon` is the one reader; the loaders below (cached per process) turn
each table into the lookup its extractor uses. See ``README.md`` here for what each table holds.
All files live under :data:`LEXICON_DIR`.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from ..records import AttitudeCue, ReportingCue

LEXICON_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def _rows(name: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    with open(LEXICON_DIR / name, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    return tuple(tuple((k, (v or "").strip()) for k, v in row.items() if k is not None)
                 for row in csv.DictReader(lines))


def read_lexicon(name: str) -> list[dict[str, str]]:
    """Rows of ``newslab/lexicons/<name>`` as dicts (values stripped; ``#`` lines skipped).

    Parsed once per process; each call returns fresh dicts, so callers may change them.

    >>> sorted(read_lexicon("honorifics.csv")[0])
    ['title']
    """
    return [dict(row) for row in _rows(name)]


# -- attribution -------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def reporting_cues() -> dict[str, ReportingCue]:
    """Cue lemma (or phrase) → :class:`~newslab.records.ReportingCue`, from
    ``reporting_verbs.csv``.

    >>> reporting_cues()["say"].cls
    'speech'
    """
    return {r["cue"]: ReportingCue(r["cue"], r["class"], r["content"], r["addressee"] == "yes")
            for r in read_lexicon("reporting_verbs.csv")}


@lru_cache(maxsize=None)
def speech_verbs() -> frozenset[str]:
    """One-word reporting cues other than appearance verbs (whose subject is a speaker)."""
    return frozenset(c for c, e in reporting_cues().items()
                     if " " not in c and e.cls != "appearance")


@lru_cache(maxsize=None)
def reporting_nouns() -> dict[str, str]:
    """Noun lemma → class, from ``reporting_nouns.csv`` ("his claim that …").

    >>> reporting_nouns()["claim"]
    'speech'
    """
    return {r["noun"]: r["class"] for r in read_lexicon("reporting_nouns.csv")}


@lru_cache(maxsize=None)
def reporting_adjectives() -> dict[str, str]:
    """Adjective lemma → class, from ``reporting_adjectives.csv`` ("critical of …").

    >>> reporting_adjectives()["confident"]
    'cognition'
    """
    return {r["adjective"]: r["class"] for r in read_lexicon("reporting_adjectives.csv")}


@lru_cache(maxsize=None)
def not_speaker_labels() -> frozenset[str]:
    """Line labels before a colon that are page furniture, not speakers (``not_speaker_labels.csv``)."""
    return frozenset(r["label"] for r in read_lexicon("not_speaker_labels.csv"))


# -- stance ------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def attitude_cues() -> dict[tuple[str, str], tuple[AttitudeCue, ...]]:
    """``(lemma, pos) -> cues`` from ``attitude_verbs.csv`` (prep-specific readings first).

    >>> cues = attitude_cues()
    >>> sorted(c.polarity for c in cues[("condemn", "VERB")])
    ['oppose']
    """
    table: dict[tuple[str, str], list[AttitudeCue]] = {}
    for row in read_lexicon("attitude_verbs.csv"):
        cue = AttitudeCue(row["cue"].strip().lower(), row["pos"].strip().upper(),
                          row["polarity"].strip().lower(), (row.get("prep") or "").strip().lower(),
                          (row.get("class") or "").strip().lower())
        table.setdefault((cue.lemma, cue.pos), []).append(cue)
    # Readings that need a preposition are tried before the bare one.
    return {k: tuple(sorted(v, key=lambda c: c.prep == "")) for k, v in table.items()}


@lru_cache(maxsize=None)
def attitude_lemmas() -> frozenset[str]:
    """Every lemma of the attitude table (any part of speech)."""
    return frozenset(lemma for lemma, _pos in attitude_cues())


@lru_cache(maxsize=None)
def evaluative_words() -> dict[str, str]:
    """``lemma -> support|oppose`` for evaluative adjectives and nouns (``corrupt``, ``hero``),
    from ``evaluative_words.csv``."""
    return {r["word"].strip().lower(): r["polarity"].strip().lower()
            for r in read_lexicon("evaluative_words.csv")}


@lru_cache(maxsize=None)
def cue_classes() -> dict[str, str]:
    """``lemma -> semantic class`` for support/oppose cues (``contribute -> help``)."""
    out: dict[str, str] = {}
    for (lemma, _pos), cues in attitude_cues().items():
        for c in cues:
            if c.polarity in ("support", "oppose") and c.cls and lemma not in out:
                out[lemma] = c.cls
    return out


@lru_cache(maxsize=None)
def blocking_words() -> frozenset[str]:
    """Lemmas of words for what stops, delays or undoes something (``blocking_words.csv``):
    opposing a blocker of a target is support for the target."""
    return frozenset(r["word"].strip().lower() for r in read_lexicon("blocking_words.csv"))


@lru_cache(maxsize=None)
def address_verbs() -> frozenset[str]:
    """Verb lemmas of a sentence that sets up the next quotation's speaker (``address``,
    ``tell``, ``turn``), from ``address_verbs.csv`` (Levin 1993, §37).

    >>> "address" in address_verbs()
    True
    """
    return frozenset(r["verb"].strip().lower() for r in read_lexicon("address_verbs.csv"))


@lru_cache(maxsize=None)
def holder_nouns() -> frozenset[str]:
    """Common-noun lemmas that name someone who can hold a position (``critic``, ``union``,
    ``minister``): ``holder_nouns.csv`` plus the role nouns of ``role_nouns.csv``.

    >>> {"critic", "minister"} <= holder_nouns()
    True
    """
    words = {r["noun"].strip().lower() for r in read_lexicon("holder_nouns.csv")}
    words |= {r["noun"].strip().lower() for r in read_lexicon("role_nouns.csv")}
    return frozenset(words)


@lru_cache(maxsize=None)
def actor_entity_labels() -> frozenset[str]:
    """spaCy entity labels that name actors (``PERSON``, ``ORG``, ``GPE``...), from
    ``actor_labels.csv``."""
    return frozenset(r["label"] for r in read_lexicon("actor_labels.csv")
                     if r["actor"].strip() == "yes")


# -- names -------------------------------------------------------------------------------------
def name_key(text: str) -> str:
    """The form names are compared in: no leading ``the``, possessive, full stops; case-folded.
    Every names table is keyed by it, and so is every comparison of two names in newslab.

    >>> name_key("the U.S.'s")
    'us'
    >>> name_key("NATO") == name_key("Nato")
    True
    """
    t = text.replace("’", "'").strip()
    t = re.sub(r"'s?$", "", t, flags=re.I)
    t = re.sub(r"^the\s+", "", t, flags=re.I)
    t = t.replace(".", "").replace(",", " ")
    return " ".join(t.split()).casefold()


@lru_cache(maxsize=None)
def metonyms() -> dict[str, tuple[str, str, str]]:
    """name key -> (actor, type, kind); kind is ``capital`` or ``seat``."""
    return {name_key(r["name"]): (r["actor"], r["type"], r["kind"])
            for r in read_lexicon("metonyms.csv")}


@lru_cache(maxsize=None)
def metonym_forms() -> tuple[tuple[str, ...], frozenset[str]]:
    """Table names as written without a leading ``the``, and the keys listed with one."""
    forms, with_the = [], set()
    for r in read_lexicon("metonyms.csv"):
        name = r["name"]
        if name.lower().startswith("the "):
            name = name[4:]
            with_the.add(name_key(name))
        forms.append(name)
    return tuple(dict.fromkeys(forms)), frozenset(with_the)


@lru_cache(maxsize=None)
def known_names() -> dict[str, tuple[str, str]]:
    """name key -> (actor, type) for other names of countries and international bodies."""
    return {name_key(r["name"]): (r["actor"], r["type"]) for r in read_lexicon("names.csv")}


@lru_cache(maxsize=None)
def demonyms() -> dict[str, str]:
    """name key of a demonym → its country, from ``demonyms.csv`` (``Russian`` → Russia)."""
    return {name_key(r["demonym"]): r["country"] for r in read_lexicon("demonyms.csv")}


@lru_cache(maxsize=None)
def honorifics() -> frozenset[tuple[str, ...]]:
    """Titles before a name, as tuples of name keys (``honorifics.csv``: ``foreign minister``)."""
    return frozenset(tuple(name_key(w) for w in r["title"].split())
                     for r in read_lexicon("honorifics.csv"))


@lru_cache(maxsize=None)
def honorific_heads() -> frozenset[str]:
    """First words of the honorifics: a cheap test before the full comparison."""
    return frozenset(t[0] for t in honorifics())


@lru_cache(maxsize=None)
def canonical_names() -> dict[str, str]:
    """name key → key of its canonical name, from ``names.csv`` (NATO ~ North Atlantic
    Treaty Organization)."""
    return {name_key(r["name"]): name_key(r["actor"]) for r in read_lexicon("names.csv")}


@lru_cache(maxsize=None)
def org_descriptors() -> dict[str, tuple[frozenset[str], bool]]:
    """Descriptor noun → (keys of well-known organisations it describes, may it refer back to
    any unlisted organisation), from ``org_descriptors.csv``.

    >>> "nato" in org_descriptors()["alliance"][0]
    True
    """
    canon = canonical_names()
    out = {}
    for r in read_lexicon("org_descriptors.csv"):
        keys = {name_key(k) for k in (r["known"] or "").split("|") if k.strip()}
        out[r["noun"]] = (frozenset(keys | {canon[k] for k in keys if k in canon}),
                          r["any"] == "yes")
    return out


@lru_cache(maxsize=None)
def country_nouns() -> dict[str, tuple[frozenset[str], bool]]:
    """Country noun → (keys of the places it fits, does it fit every country), from
    ``country_nouns.csv``.

    >>> "saudi arabia" in country_nouns()["kingdom"][0], country_nouns()["country"][1]
    (True, True)
    """
    canon = canonical_names()
    out = {}
    for r in read_lexicon("country_nouns.csv"):
        keys = {name_key(k) for k in (r["known"] or "").split("|") if k.strip()}
        out[r["noun"]] = (frozenset(keys | {canon[k] for k in keys if k in canon}),
                          r["any"] == "yes")
    return out


@lru_cache(maxsize=None)
def country_keys() -> frozenset[str]:
    """Name keys of countries: those ``demonyms.csv`` names and the places ``names.csv`` gives
    other names for (with those names), so ``country_keys()`` knows "Iran", "US" and "Britain".

    >>> "iran" in country_keys(), "us" in country_keys(), "chicago" in country_keys()
    (True, True, False)
    """
    keys = {name_key(c) for c in demonyms().values()}
    for r in read_lexicon("names.csv"):
        if r["type"] == "GPE":
            keys |= {name_key(r["name"]), name_key(r["actor"])}
    return frozenset(keys)


# -- coreference ---------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def role_nouns() -> dict[str, tuple[str, str]]:
    """Role noun lemma → (synonym group, gender or ''), from ``role_nouns.csv``.

    >>> role_nouns()["chief"]
    ('leader', '')
    """
    return {r["noun"]: (r["group"], r["gender"]) for r in read_lexicon("role_nouns.csv")}


@lru_cache(maxsize=None)
def role_hypernyms() -> dict[str, frozenset[str]]:
    """Role noun → the other role groups whose holders it may refer to (``the officer`` →
    ``Sergeant X``), from ``role_hypernyms.csv``.

    >>> "police-officer" in role_hypernyms()["officer"]
    True
    """
    return {r["noun"]: frozenset(g for g in r["covers"].split("|") if g)
            for r in read_lexicon("role_hypernyms.csv")}


@lru_cache(maxsize=None)
def person_nouns() -> frozenset[str]:
    """Nouns that name a person by occupation or part in events, from ``person_nouns.csv``
    (``geologist``, ``nurse``): an apposition headed by one makes the name a person.

    >>> "nurse" in person_nouns()
    True
    """
    return frozenset(r["noun"] for r in read_lexicon("person_nouns.csv"))


@lru_cache(maxsize=None)
def pronouns() -> dict[str, tuple[int, str, str]]:
    """Pronoun → (person, gender, number), from ``pronouns.csv``.

    >>> pronouns()["she"]
    (3, 'f', 'sg')
    """
    return {r["pronoun"]: (int(r["person"]), r["gender"], r["number"])
            for r in read_lexicon("pronouns.csv")}


@lru_cache(maxsize=None)
def given_names() -> dict[str, str]:
    """Given name → 'm' / 'f' / '' (both), from ``given_names.csv``: the 1990 US Census lists
    (public domain), less words that are more often places or ordinary English words.

    >>> given_names()["wanda"], "will" in given_names()
    ('f', False)
    """
    return {r["name"]: r["gender"] for r in read_lexicon("given_names.csv")}


@lru_cache(maxsize=None)
def first_names() -> dict[str, str]:
    """Given name → 'm' / 'f' / '' (ambiguous): ``first_names.csv`` (names from beyond the US
    lists, and the project's own gender readings, which win) over :func:`given_names`.

    >>> first_names()["ricardo"], first_names()["alexis"]
    ('m', 'f')
    """
    names = dict(given_names())
    names.update((r["name"], r["gender"]) for r in read_lexicon("first_names.csv"))
    return names


# -- actor roles -------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def not_actor_forms() -> dict[str, str]:
    """``name_key(form)`` -> kind (``time_zone``, ``day``, ``month``, ``celestial``,
    ``disease``, ``platform``, ``event_head``, ``event_prefix``, ``product_noun``), from
    ``not_actors.csv``: names that are never actors (platforms only where they are the medium
    of a message; event heads and prefixes as a name's last or first word).

    >>> not_actor_forms()["utc"], not_actor_forms()["twitter"]
    ('time_zone', 'platform')
    """
    return {name_key(r["form"]): r["kind"] for r in read_lexicon("not_actors.csv")}


@lru_cache(maxsize=None)
def news_outlets() -> tuple[frozenset[str], frozenset[str]]:
    """``(outlet names, newspaper head words)`` from ``news_outlets.csv``, each by
    :func:`name_key`: ``"reuters" in news_outlets()[0]``, ``"times" in news_outlets()[1]``.

    >>> "associated press" in news_outlets()[0], "post" in news_outlets()[1]
    (True, True)
    """
    rows = read_lexicon("news_outlets.csv")
    return (frozenset(name_key(r["form"]) for r in rows if r["kind"] == "outlet"),
            frozenset(name_key(r["form"]) for r in rows if r["kind"] == "head"))


@lru_cache(maxsize=None)
def web_domains() -> tuple[str, ...]:
    """Endings of a web site's name (``.com``, ``.co.uk``), lower case, from the ``domain``
    rows of ``news_outlets.csv``: a name ending in one is a web publication.

    >>> "znak.com".endswith(web_domains())
    True
    """
    return tuple(r["form"].lower() for r in read_lexicon("news_outlets.csv")
                 if r["kind"] == "domain")


@lru_cache(maxsize=None)
def legal_forms() -> frozenset[str]:
    """Company legal-form words by :func:`name_key` (``corp``, ``inc``, ``ltd``…), from
    ``legal_forms.csv``: dropped from the end of a company's name to find its short form.

    >>> "corp" in legal_forms(), "holdings" in legal_forms()
    (True, False)
    """
    return frozenset(name_key(r["form"]) for r in read_lexicon("legal_forms.csv"))


@lru_cache(maxsize=None)
def group_nouns() -> frozenset[str]:
    """Lemmas whose plural names a group of people acting as one party (``supporter``,
    ``aide``, ``resident``, ``minister``), from ``group_nouns.csv``
    (:mod:`newslab.extract.groups`).

    >>> {"supporter", "aide", "resident"} <= group_nouns(), "people" in group_nouns()
    (True, False)
    """
    return frozenset(r["noun"].strip().lower() for r in read_lexicon("group_nouns.csv"))
