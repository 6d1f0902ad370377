"""Scoring newslab's actors against the hand-labelled set ``tests/data/actors_wikinews.json``.

Shared by ``tests/test_actors_labelled.py`` (floors) and ``benchmarks/actors_labelled.py``
(figures and error lists). The set holds 10 Wikinews articles shipped in ``data/wikinews/``,
labelled by reading (rules in the JSON's ``rules`` field and ``tests/data/README.md``). The
measures follow the table of issue 13:

* **actor recall** — share of labelled actors (every role) that newslab finds: some actor of
  newslab's (any role; grouped from the ``mentions`` table, so an actor hidden from the default
  view still counts) has a surface form equal to one of the actor's labelled aliases.
* **type accuracy** — of the found actors, share whose newslab type is the labelled one. Types
  compare by class: PERSON, ORG, NORP, GROUP each their own; GPE, LOC and FAC one place class.
* **alias merge recall** — over the labelled actors with two or more distinct aliases, share of
  those aliases that sit under the actor's *best row* (the newslab actor holding most of its
  aliases; ties to the one with more mentions). An actor not found at all scores 0 for each.
* **false merges** — count of wrong joins: for each newslab actor, the number of labelled actors
  beyond the first whose aliases it holds (name merges), plus each labelled role-noun link
  (not a pronoun) that newslab links to the best row of a *different* labelled actor (role-noun
  merges, as "the Secretary" joined to Wolfowitz).
* **not-actor leak** — share of the items that the default actor view must not show as agents
  that it does show. Items: each ``not_actors`` string (leaks when it is an alias of an actor in
  ``Analysis.actors``), and each labelled actor whose role is ``setting`` or ``source`` (leaks when
  its best row is in ``Analysis.actors`` with role ``agent``; without a ``role`` column every
  row shown counts as an agent).
* **link accuracy** — share of labelled pronoun and role-noun links that newslab gets right.
  The newslab mention for a link is the one in the ``mentions`` table that starts where the
  labelled span starts, or lies inside it and ends where it ends (:func:`answering_mention`:
  "the chairman of Kmart" answers "the chairman"; "the chairman of the new company" does not
  answer "the new company", nor "Mexican" "the Mexican company"). A link to an actor is right
  when that mention's actor is named by one of the actor's labelled names, or is its best row
  and the best row of no other labelled actor (for a person whose name newslab cut short, the
  actor named by a part of it, see :func:`partial_row`); a link to
  ``null`` is right when no mention answers it or the mention has no actor. A labelled link
  that no mention answers is wrong. Reported as well for pronouns and role nouns apart.
* **role accuracy** (extra, when newslab's tables have a ``role`` column) — of the found actors,
  share whose newslab role is the labelled one. Roles are read from ``Analysis.all_actors``
  (every role) when it exists, since the default view holds agents only.

Surface forms compare after :func:`norm`: NFKC, case-folded, curly apostrophes straightened, a
leading "the", a trailing possessive and a trailing full stop dropped, whitespace folded.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "actors_wikinews.json"
WIKINEWS = ROOT / "data" / "wikinews"
ROLES = ("agent", "setting", "source")
TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "GROUP")
PLACE_TYPES = {"GPE", "LOC", "FAC"}
#: Personal, possessive and reflexive pronouns (a link whose text is one of these is a pronoun
#: link; every other link is a role-noun link).
PRONOUNS = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you",
            "your", "yours", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it",
            "its", "itself", "they", "them", "their", "theirs", "themselves"}
MEASURES = ("actor_recall", "type_accuracy", "alias_merge_recall", "false_merges",
            "not_actor_leak", "link_accuracy", "pronoun_link_accuracy", "role_noun_link_accuracy")


def load_labels(path: Path = LABELS) -> dict[str, Any]:
    """The labelled set as stored: ``{"about", "rules", "articles": [...]}``."""
    return json.loads(path.read_text(encoding="utf-8"))


def norm(text: str) -> str:
    """The comparison key of a surface form: ``"The Guardian's"`` -> ``"guardian"``."""
    t = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    t = " ".join(t.split()).casefold()
    t = re.sub(r"^the\s+", "", t)
    t = re.sub(r"'s?$", "", t)
    return t.rstrip(".").strip()


def type_class(label: str | None) -> str | None:
    """``GPE``/``LOC``/``FAC`` -> ``PLACE``; other labels unchanged."""
    return "PLACE" if label in PLACE_TYPES else label


# -- newslab's side ------------------------------------------------------------------------------
@dataclass
class System:
    """What newslab gives for one article, reduced to what the measures read.

    ``rows``: actor name -> normalised surface forms (every role, from the mentions table);
    ``types``/``roles``/``counts``: actor name -> type / role (``None`` without a role column) /
    mention count; ``shown``: actor name -> role of the rows in the default ``Analysis.actors``
    (``"agent"`` without a role column); ``mentions``: (start, end, text, actor) in source offsets.
    """

    rows: dict[str, set[str]] = field(default_factory=dict)
    types: dict[str, str | None] = field(default_factory=dict)
    roles: dict[str, str | None] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)
    mentions: list[tuple[int, int, str, str | None]] = field(default_factory=list)


def _actor_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def system_view(analysis: Any) -> System:
    """Read an :class:`newslab.Analysis` into a :class:`System` (tables only: the public API)."""
    frame = analysis.mention_frame
    actors = analysis.actors
    sys_ = System()
    forms: dict[str, set[str]] = defaultdict(set)
    types: dict[str, Counter] = defaultdict(Counter)
    roles: dict[str, Counter] = defaultdict(Counter)
    has_role = "role" in frame.columns
    for row in frame.itertuples(index=False):
        actor = _actor_or_none(row.actor)
        sys_.mentions.append((int(row.start), int(row.end), row.text, actor))
        if actor is None:
            continue
        forms[actor].add(norm(row.text))
        types[actor][row.type] += 1
        if has_role:
            roles[actor][row.role] += 1
    sys_.rows = dict(forms)
    sys_.counts = {a: sum(c.values()) for a, c in types.items()}
    sys_.types = {a: c.most_common(1)[0][0] for a, c in types.items()}
    sys_.roles = {a: (roles[a].most_common(1)[0][0] if roles[a] else None) for a in forms}
    for row in actors.itertuples(index=False):
        role = getattr(row, "role", None) if "role" in actors.columns else "agent"
        sys_.shown[row.actor] = role
        sys_.types.setdefault(row.actor, row.type)
        sys_.rows.setdefault(row.actor, {norm(a) for a in row.aliases})
        if "role" in actors.columns:
            sys_.roles[row.actor] = role
    # Every actor's role, hidden ones too (settings and sources are not in the default view):
    # without this, role accuracy would be judged on the agents alone.
    every = getattr(analysis, "all_actors", None)
    if every is not None and "role" in every.columns:
        for row in every.itertuples(index=False):
            sys_.roles[row.actor] = row.role
    return sys_


# -- scoring ---------------------------------------------------------------------------------------
@dataclass
class Tally:
    """Numerators and denominators of every measure, and the errors behind them."""

    found: int = 0
    actors: int = 0
    typed_ok: int = 0
    role_ok: int = 0
    role_known: int = 0
    merged: int = 0
    merge_aliases: int = 0
    name_merges: int = 0
    role_noun_merges: int = 0
    leaked: int = 0
    leak_items: int = 0
    links_ok: Counter = field(default_factory=Counter)
    links: Counter = field(default_factory=Counter)
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        for name, value in vars(other).items():
            if isinstance(value, list):
                getattr(self, name).extend(value)
            elif isinstance(value, Counter):
                getattr(self, name).update(value)
            else:
                setattr(self, name, getattr(self, name) + value)

    def measures(self) -> dict[str, float | int | None]:
        """Every measure of the issue's table (``None`` where the denominator is 0)."""
        def share(a: int, b: int) -> float | None:
            return a / b if b else None
        return {
            "actor_recall": share(self.found, self.actors),
            "type_accuracy": share(self.typed_ok, self.found),
            "alias_merge_recall": share(self.merged, self.merge_aliases),
            "false_merges": self.name_merges + self.role_noun_merges,
            "not_actor_leak": share(self.leaked, self.leak_items),
            "link_accuracy": share(sum(self.links_ok.values()), sum(self.links.values())),
            "pronoun_link_accuracy": share(self.links_ok["pronoun"], self.links["pronoun"]),
            "role_noun_link_accuracy": share(self.links_ok["role noun"], self.links["role noun"]),
            "role_accuracy": share(self.role_ok, self.role_known),
        }


def best_row(gold: dict[str, Any], system: System) -> str | None:
    """The newslab actor holding most of ``gold``'s aliases (``None`` when none holds any)."""
    keys = {norm(a) for a in gold["aliases"]}
    scored = [(len(keys & forms), system.counts.get(name, 0), name)
              for name, forms in system.rows.items() if keys & forms]
    return max(scored)[2] if scored else None


def partial_row(gold: dict[str, Any], system: System) -> str | None:
    """For a PERSON, the newslab actor named by a part of one of its aliases (a run of two or
    more of its words, or its last word: "Yulín Cruz", "Wanda Vázquez", "Debela" for "Dejene
    Debela"): the name was cut short but the person is there. Used to judge links only; the
    actor still counts as missed."""
    if gold["type"] != "PERSON":
        return None
    runs = set()
    for alias in gold["aliases"]:
        words = norm(alias).split()
        runs.add(words[-1])
        runs.update(" ".join(words[i:j]) for i in range(len(words))
                    for j in range(i + 2, len(words) + 1))
    scored = [(system.counts.get(name, 0), name) for name, forms in system.rows.items()
              if forms & runs and system.types.get(name) == "PERSON"]
    return max(scored)[1] if scored else None


#: What may follow a labelled role noun inside a longer mention with the same start and the same
#: head: a prepositional phrase, a relative clause or an apposition ("the chairman| of Kmart"),
#: not a possessive or more of the noun phrase ("the nation|'s security minister").
_POSTMODIFIER = re.compile(r"\s*(,|(of|from|in|at|for|on|with|who|which|that)\b)")


def answering_mention(link: dict[str, Any], system: System) -> tuple[int, int, str, str | None] | None:
    """The mention that answers a labelled link: one with the same start (it may run on: "the
    chairman of Kmart" answers "the chairman"), else one inside the labelled span that ends with
    it, its head ("app" in "a separate Facebook-integrated app"); the closest in length first. A
    mention with the same start that runs on must run on with a postmodifier (:data:`_POSTMODIFIER`):
    "the nation's security minister" does not answer "the nation". A
    longer mention that starts earlier ("the chairman of the new company") does not answer "the
    new company", nor does a modifier inside it ("Mexican" in "the Mexican company")."""
    s, e = link["start"], link["end"]
    hits = [m for m in system.mentions if m[0] < e and s < m[1]
            and ((m[0] == s and (m[1] <= e or _POSTMODIFIER.match(m[2][e - s:])))
                 or (m[0] > s and m[1] == e))]
    return min(hits, key=lambda m: abs((m[1] - m[0]) - (e - s))) if hits else None


def score_article(article: dict[str, Any], system: System) -> Tally:
    """Score one labelled article (an element of ``articles``) against newslab's view of it."""
    t = Tally()
    name = article["file"]
    best = {g["name"]: best_row(g, system) or partial_row(g, system) for g in article["actors"]}
    exact = {g["name"]: best_row(g, system) for g in article["actors"]}
    accepted = {g["name"]: {norm(a) for a in g["aliases"]} | {norm(g["name"])}
                for g in article["actors"]}
    for g in article["actors"]:
        row = exact[g["name"]]
        t.actors += 1
        if row is None:
            part = f"; cut short as {best[g['name']]!r}" if best[g["name"]] else ""
            t.errors.append((name, "missed actor", f"{g['name']} ({g['type']}, {g['role']}{part})"))
        else:
            t.found += 1
            if type_class(system.types.get(row)) == type_class(g["type"]):
                t.typed_ok += 1
            else:
                t.errors.append((name, "wrong type", f"{g['name']}: {g['type']} -> "
                                 f"{system.types.get(row)} (as {row!r})"))
            if system.roles.get(row) is not None:
                t.role_known += 1
                t.role_ok += system.roles[row] == g["role"]
        keys = {norm(a) for a in g["aliases"]}
        if len(keys) > 1:
            t.merge_aliases += len(keys)
            held = keys & system.rows.get(row, set()) if row else set()
            t.merged += len(held)
            for key in sorted(keys - held):
                t.errors.append((name, "alias not merged", f"{key!r} not under {row!r} "
                                 f"({g['name']})"))
    _score_merges(article, system, t)
    _score_leak(article, system, exact, t)
    _score_links(article, system, best, accepted, t)
    return t


def _score_merges(article, system: System, t: Tally) -> None:
    for row, forms in system.rows.items():
        held = [g["name"] for g in article["actors"] if forms & {norm(a) for a in g["aliases"]}]
        if len(held) > 1:
            t.name_merges += len(held) - 1
            t.errors.append((article["file"], "false merge", f"{row!r} holds {held}"))


def _score_leak(article, system: System, best, t: Tally) -> None:
    shown_forms = {f: row for row in system.shown for f in system.rows.get(row, ())}
    for s in article["not_actors"]:
        t.leak_items += 1
        if norm(s) in shown_forms:
            t.leaked += 1
            t.errors.append((article["file"], "not-actor shown", f"{s!r} as {shown_forms[norm(s)]!r}"))
    for g in article["actors"]:
        if g["role"] == "agent":
            continue
        t.leak_items += 1
        row = best[g["name"]]
        if row is not None and system.shown.get(row) == "agent":
            t.leaked += 1
            t.errors.append((article["file"], f"{g['role']} shown as agent", f"{g['name']} as {row!r}"))


def _score_links(article, system: System, best, accepted, t: Tally) -> None:
    for link in article["links"]:
        kind = "pronoun" if link["text"].casefold() in PRONOUNS else "role noun"
        t.links[kind] += 1
        hit = answering_mention(link, system)
        got = hit[3] if hit else None
        gold = link["actor"]
        if gold is None:
            ok = got is None
        else:
            shared = any(row == got for g, row in best.items() if g != gold)
            ok = got is not None and (norm(got) in accepted[gold]
                                      or (got == best[gold] and not shared))
        if ok:
            t.links_ok[kind] += 1
            continue
        t.errors.append((article["file"], f"{kind} link", f"{link['text']!r} @{link['start']}: "
                         f"gold {gold!r}, got {got!r}" + ("" if hit else " (no mention)")))
        if kind == "role noun" and gold is not None and got is not None:
            others = [g for g, row in best.items() if g != gold and row == got]
            if others:
                t.role_noun_merges += 1
                t.errors.append((article["file"], "false merge",
                                 f"role noun {link['text']!r} ({gold}) joined to {others[0]}"))


def score(labels: dict[str, Any], systems: dict[str, System],
          half: str | None = None) -> Tally:
    """Sum the tallies of the labelled articles (of one ``half`` when given)."""
    total = Tally()
    for article in labels["articles"]:
        if half is None or article["half"] == half:
            total.add(score_article(article, systems[article["file"]]))
    return total


def analyse_all(labels: dict[str, Any], nlp: Any = None) -> dict[str, System]:
    """Run newslab on every labelled article: ``{file: System}``."""
    import newslab

    out = {}
    for article in labels["articles"]:
        analysis = newslab.analyze(newslab.load_article(WIKINEWS / article["file"]), nlp=nlp)
        out[article["file"]] = system_view(analysis)
    return out


def label_problems(labels: dict[str, Any]) -> list[str]:
    """Everything malformed in the labels (empty when they are well-formed): unknown types or
    roles, aliases and not-actors absent from the text, an alias given to two actors, links whose
    offsets leave the text or do not slice it to the stated words, links to unknown actors."""
    problems: list[str] = []
    for article in labels["articles"]:
        f = article["file"]
        text = (WIKINEWS / f).read_text(encoding="utf-8")
        owner: dict[str, str] = {}
        names = {g["name"] for g in article["actors"]}
        for g in article["actors"]:
            if g["type"] not in TYPES or g["role"] not in ROLES:
                problems.append(f"{f}: {g['name']}: type {g['type']} / role {g['role']}")
            for alias in g["aliases"]:
                if not _occurs(alias, text):
                    problems.append(f"{f}: alias {alias!r} not in the text")
                if owner.setdefault(norm(alias), g["name"]) != g["name"]:
                    problems.append(f"{f}: alias {alias!r} given to two actors")
        for s in article["not_actors"]:
            if not _occurs(s, text) or norm(s) in owner:
                problems.append(f"{f}: not-actor {s!r} absent or also an alias")
        for link in article["links"]:
            s, e = link["start"], link["end"]
            if not (0 <= s < e <= len(text)) or text[s:e] != link["text"]:
                problems.append(f"{f}: link {link} does not slice the text")
            if link["actor"] is not None and link["actor"] not in names:
                problems.append(f"{f}: link {link} to an unknown actor")
    return problems


def _occurs(form: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text) is not None


def counts(labels: dict[str, Any]) -> dict[str, int]:
    """Size of the set: articles, actors, aliases, not-actors, links (to an actor / to none)."""
    arts = labels["articles"]
    return {"articles": len(arts),
            "actors": sum(len(a["actors"]) for a in arts),
            "aliases": sum(len(g["aliases"]) for a in arts for g in a["actors"]),
            "not_actors": sum(len(a["not_actors"]) for a in arts),
            "links": sum(len(a["links"]) for a in arts),
            "links_to_none": sum(link["actor"] is None for a in arts for link in a["links"])}


def format_measures(m: dict[str, Any]) -> Iterable[str]:
    """One line per measure."""
    for key, value in m.items():
        shown = "n/a" if value is None else (f"{value:.3f}" if isinstance(value, float) else value)
        yield f"{key.replace('_', ' '):26s} {shown}"
