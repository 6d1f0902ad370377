"""How long does building the actors take, compared with spaCy's own time on the same articles?

Usage (from the repository root)::

    .venv/bin/python benchmarks/actors_speed.py              # the 228 shipped Wikinews articles
    .venv/bin/python benchmarks/actors_speed.py --limit 50   # a quick run

Issue 13's target: actor building stays at or under 10 % of spaCy's own time. Actor building is
everything the actors table needs after the parse, timed by stage:

* ``named mentions``: names → actors (``newslab.extract.entities``, metonymy, not-actors);
* ``coreference``: pronouns and role nouns linked to actors (``newslab.extract.coref``);
* ``roles``: agent / setting / source (``newslab.extract.actor_roles``);
* ``first person``: "we", "I" inside direct quotations → their speaker (``quoted_self``);
* ``table``: the ``all_actors`` DataFrame (``newslab.tables``).

Quote attribution, which the roles and the first-person step read, is computed before the
clock starts for those stages and timed on its own line (its own target is in
``benchmarks/quotes_polnear.py``). spaCy's time is ``nlp`` on each article's Doc text, the
call newslab itself makes. Both sides are warmed up on one article first (model and lexicon
loading are one-time costs). Data: the project's own ``data/wikinews`` (CC BY 2.5), so the
benchmark runs from any clone.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WIKINEWS = REPO / "data" / "wikinews"
TIME_TARGET = 0.10  # issue 13: actor building <= 10 % of spaCy's time

sys.path.insert(0, str(REPO))


def time_article(path: Path, nlp) -> tuple[float, dict[str, float]]:
    """(spaCy seconds, {stage: seconds}) for one article file."""
    import newslab
    from newslab.analysis import Analysis
    from newslab.nlp.docs import article_doc

    article = newslab.load_article(path)
    t0 = time.perf_counter()
    doc = article_doc(article, nlp)
    t_spacy = time.perf_counter() - t0
    a = Analysis(article, nlp=nlp, doc=doc)
    stages: dict[str, float] = {}
    steps = (("named mentions", lambda: a.named_mentions), ("coreference", lambda: a.mentions),
             ("quotes (own target)", lambda: a.quote_records), ("roles", lambda: a.roles),
             ("first person", lambda: a.table_mentions), ("table", lambda: a.all_actors))
    for name, step in steps:
        t0 = time.perf_counter()
        step()
        stages[name] = time.perf_counter() - t0
    return t_spacy, stages


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = ap.parse_args(argv)
    from newslab.nlp import load_model

    paths = sorted(WIKINEWS.glob("*.txt"))[: args.limit]
    nlp = load_model()
    time_article(paths[0], nlp)  # warm-up: one-time loading on both sides
    t_spacy, totals = 0.0, {}
    for path in paths:
        ts, stages = time_article(path, nlp)
        t_spacy += ts
        for name, dt in stages.items():
            totals[name] = totals.get(name, 0.0) + dt
    n = len(paths)
    print(f"{n} Wikinews articles; spaCy: {t_spacy:.1f} s = {1000 * t_spacy / n:.0f} ms/article")
    for name, dt in totals.items():
        print(f"  {name:<20} {1000 * dt / n:6.1f} ms/article = {100 * dt / t_spacy:5.1f}% of spaCy")
    building = sum(dt for name, dt in totals.items() if not name.startswith("quotes"))
    verdict = "meets" if building <= TIME_TARGET * t_spacy else "MISSES"
    print(f"actor building: {100 * building / t_spacy:.1f}% of spaCy time "
          f"(target <= {100 * TIME_TARGET:.0f}%: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
