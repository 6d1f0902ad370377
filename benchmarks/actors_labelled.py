"""Actors against the hand-labelled Wikinews set: every measure of issue 13's table.

Usage::

    python benchmarks/actors_labelled.py              # figures: whole set, study half, check half
    python benchmarks/actors_labelled.py --errors study   # and each error of the study half

The set is ``tests/data/actors_wikinews.json``: 10 Wikinews articles shipped in
``data/wikinews/`` (CC BY 2.5 / public domain), with actors (type, role, aliases), strings that
are not actors, and pronoun and role-noun links, labelled by reading. Each article belongs to a
``study`` or a ``check`` half (alternate files in name order, fixed before any error was looked
at): look at the study half's errors, report the check half's figures.

The measures (actor recall, type accuracy, alias merge recall, false merges, not-actor leak,
link accuracy, and link accuracy for pronouns and role nouns apart, role accuracy when newslab
gives roles) are defined in ``tests/actor_scoring.py``; the floors that must hold are asserted by
``tests/test_actors_labelled.py``. Issue 13's targets: recall >= 0.95, type accuracy >= 0.95,
alias merge recall >= 0.85, 0 false merges, leak <= 0.15, link accuracy >= 0.75.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.actor_scoring import (counts, format_measures, label_problems,  # noqa: E402
                                 load_labels, analyse_all, score)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", choices=("study", "check", "all"),
                        help="list each error of this half (look at 'study' only when fixing)")
    args = parser.parse_args(argv)
    labels = load_labels()
    problems = label_problems(labels)
    if problems:
        print("malformed labels:", *problems, sep="\n  ")
        return 1
    print("labelled set:", ", ".join(f"{k} {v}" for k, v in counts(labels).items()))
    systems = analyse_all(labels)
    tallies = {"all": score(labels, systems), "study": score(labels, systems, "study"),
               "check": score(labels, systems, "check")}
    measures = {half: t.measures() for half, t in tallies.items()}
    print(f"\n{'measure':26s} {'all':>7s} {'study':>7s} {'check':>7s}")
    for key in measures["all"]:
        cells = []
        for half in ("all", "study", "check"):
            v = measures[half][key]
            cells.append("n/a" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v))
        print(f"{key.replace('_', ' '):26s} " + " ".join(f"{c:>7s}" for c in cells))
    t = tallies["all"]
    print(f"\n(all: {t.found}/{t.actors} actors found, {t.merged}/{t.merge_aliases} aliases merged, "
          f"{t.name_merges} name + {t.role_noun_merges} role-noun false merges, "
          f"{t.leaked}/{t.leak_items} not-actors leaked, "
          f"{sum(t.links_ok.values())}/{sum(t.links.values())} links right)")
    print("errors by kind (all):", dict(Counter(kind for _, kind, _ in t.errors).most_common()))
    if args.errors:
        chosen = tallies[args.errors]
        print(f"\nerrors ({args.errors} half):")
        for f, kind, what in sorted(chosen.errors):
            print(f"  {f[:48]:48s} {kind:22s} {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
