"""Actor linking on PolNeAR dev articles: full-name share, 20 sampled merges, timing.

Usage: ``python benchmarks/actors_polnear.py [N_ARTICLES] [SEED]`` (defaults 50, 0).

Prints
* the share of PERSON mentions whose actor is a full (multi-word) name, and the same share
  for the bare surname mentions only (how many of them found their full name);
* 20 sampled merges (8 surname -> full name, 6 metonym, 6 variant) with their sentence, to
  be checked by hand (evaluation only: nothing here is written into the project);
* actor building time (entity_mentions + actor_table + mention_table) as a fraction of spaCy's
  own time on the same texts (target <= 10%).

Reads ../shared/eval/polnear/dev.jsonl (field ``text``); exits 0 with a message when absent.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
DEV = EVAL / "polnear" / "dev.jsonl"
MERGE_KINDS = ("surname", "metonym", "variant")


def main(n_articles: int = 50, seed: int = 0) -> int:
    if not DEV.is_file():
        print(f"PolNeAR eval data not found at {DEV}; nothing to measure.")
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from newslab import parse_text
    from newslab.extract.entities import entity_mentions
    from newslab.tables import actor_table, mention_table
    from newslab.nlp import article_doc, load_model

    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()
               if line.strip()][:n_articles]
    nlp = load_model()
    articles = [parse_text(r["text"]) for r in records]

    # Time spaCy and actor building article by article, back to back, so that load from other
    # processes on the machine hits both sides alike.
    t0 = time.perf_counter()
    entity_mentions(article_doc(articles[0], nlp))  # one-time set-up: lexicons, metonym matcher
    t_setup = time.perf_counter() - t0
    docs, all_mentions, t_spacy, t_actors = [], [], 0.0, 0.0
    for art in articles:
        t0 = time.perf_counter()
        doc = article_doc(art, nlp)
        t1 = time.perf_counter()
        ms = entity_mentions(doc)
        actor_table(ms, doc, art)
        mention_table(ms, doc, art)
        t2 = time.perf_counter()
        t_spacy += t1 - t0
        t_actors += t2 - t1
        docs.append(doc)
        all_mentions.append(ms)

    person = [m for ms in all_mentions for m in ms if m.type == "PERSON"]
    full = [m for m in person if m.actor and len(m.actor.split()) > 1]
    short = [m for m in person if len(m.text.replace("'s", "").split()) == 1]
    short_full = [m for m in short if m.actor and len(m.actor.split()) > 1]
    print(f"articles: {len(docs)}")
    print(f"PERSON mentions: {len(person)}; linked to a full (multi-word) name: {len(full)} "
          f"= {len(full) / max(len(person), 1):.1%}")
    print(f"one-word PERSON mentions: {len(short)}; of those linked to a full name: "
          f"{len(short_full)} = {len(short_full) / max(len(short), 1):.1%}")

    merges = [(i, m) for i, ms in enumerate(all_mentions) for m in ms if m.kind in MERGE_KINDS]
    by_kind = {k: sum(m.kind == k for _, m in merges) for k in MERGE_KINDS}
    print(f"merges: {len(merges)} {by_kind}")
    # Stratified: surnames dominate, so sample each kind (8 surname, 6 metonym, 6 variant).
    rng = random.Random(seed)
    sample = []
    for kind, k in zip(MERGE_KINDS, (8, 6, 6)):
        pool = [im for im in merges if im[1].kind == kind]
        sample += rng.sample(pool, min(k, len(pool)))
    print(f"\n{len(sample)} sampled merges (check by hand):")
    for n, (i, m) in enumerate(sample, 1):
        sent = docs[i].char_span(m.start, m.end, alignment_mode="expand").sent.text
        print(f"{n:2d}. [{m.kind}] {m.text!r} -> {m.actor!r} ({m.type})  | doc {i}: "
              f"{' '.join(sent.split())[:160]}")

    print(f"\nspaCy: {t_spacy:.2f} s; actors (entity_mentions + actor_table + mention_table): "
          f"{t_actors:.3f} s = {t_actors / t_spacy:.1%} of spaCy's time "
          f"(+ one-time set-up {t_setup:.3f} s)")
    return 0


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    sys.exit(main(*args))
