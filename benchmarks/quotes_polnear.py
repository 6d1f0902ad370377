"""Quote extraction on PolNeAR: newslab vs textacy 0.13's ``direct_quotations``.

Usage (from the repo root)::

    .venv/bin/python benchmarks/quotes_polnear.py            # dev set (84 documents)
    .venv/bin/python benchmarks/quotes_polnear.py --split train
    .venv/bin/python benchmarks/quotes_polnear.py --split all --no-score   # 1,008 texts: no crash

Prints quote / speaker P, R, F1 from ``shared/eval/score_quotes.py`` (strict, overlap >= 0.5,
every gold document) for all kinds, direct only and direct+mixed; the same for textacy when it is
installed (it is optional: the benchmark says so and goes on without it); time per document and
quote extraction time as a fraction of spaCy's own time.

PolNeAR (Newell, Margolin & Ruths 2018) is used for measuring only; nothing of it is copied into
newslab. The eval folder is looked up next to the repository (``../shared/eval``); when it is
absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
sys.path.insert(0, str(REPO))

#: (name, scorer options, which of our predicted kinds are submitted). For "direct only" we
#: submit our direct rows: the scorer ignores a prediction matching out-of-scope gold, but would
#: count every reported-speech row that matches no gold as a false direct quotation.
SETTINGS = [("all kinds", [], None), ("direct", ["--kinds", "direct"], {"direct"}),
            ("direct+mixed", ["--kinds", "direct,mixed"], {"direct", "mixed"})]


def only(preds, kinds):
    if kinds is None:
        return preds
    return [{"id": p["id"], "quotes": [q for q in p["quotes"] if q.get("kind", "direct") in kinds]}
            for p in preds]


def load(split: str) -> list[dict]:
    names = ["train", "dev"] if split == "all" else [split]
    docs = []
    for name in names:
        with open(EVAL / "polnear" / f"{name}.jsonl", encoding="utf-8") as fh:
            docs += [json.loads(line) for line in fh if line.strip()]
    return docs


def run_newslab(docs, nlp, batch_size=16):
    from newslab.extract.attribution import named_mentions as _named_mentions
    from newslab.extract.coref import resolve_mentions
    from newslab.io.quotes import rows_to_records
    from newslab.tables import quotes_table as quotes

    t0 = time.perf_counter()
    parsed = list(nlp.pipe((d["text"] for d in docs), batch_size=batch_size))
    t_spacy = time.perf_counter() - t0
    preds, t_quotes, t_names, failures = [], 0.0, 0.0, []
    for d, doc in zip(docs, parsed):
        t0 = time.perf_counter()
        named = _named_mentions(doc)  # newslab.extract.entities: shared with the actor table in an Analysis
        t1 = time.perf_counter()
        t_names += t1 - t0
        try:
            found = rows_to_records(quotes(doc, named + resolve_mentions(doc, named)))
        except Exception as exc:  # the benchmark records failures instead of stopping
            failures.append((d["id"], repr(exc)))
            found = []
        t_quotes += time.perf_counter() - t1
        preds.append({"id": d["id"], "quotes": found})
    return preds, parsed, t_spacy, t_quotes, t_names, failures


def run_textacy(docs, parsed):
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None, "textacy is not installed (pip install textacy==0.13.0 to compare)"
    preds, errors = [], 0
    t0 = time.perf_counter()
    for d, doc in zip(docs, parsed):
        found = []
        try:
            for dq in direct_quotations(doc):
                sp = dq.speaker
                content = dq.content
                found.append({
                    "quote": content.text,
                    "quote_span": [content.start_char, content.end_char],
                    "speaker": " ".join(t.text for t in sp) if sp else None,
                    "speaker_span": [sp[0].idx, sp[-1].idx + len(sp[-1])] if sp else None,
                })
        except Exception:  # textacy raises on unbalanced quote marks: the document is lost
            errors += 1
        preds.append({"id": d["id"], "quotes": found})
    return (preds, errors, time.perf_counter() - t0), None


def score(gold_path: Path, preds: list[dict], extra: list[str]) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for p in preds:
            fh.write(json.dumps(p) + "\n")
    out = subprocess.run([sys.executable, str(EVAL / "score_quotes.py"), str(gold_path), fh.name,
                          "--all-gold", *extra], capture_output=True, text=True)
    Path(fh.name).unlink()
    return out.stdout.strip() or out.stderr.strip()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "train", "all"], default="dev")
    ap.add_argument("--no-score", action="store_true", help="only run (crash test, timing)")
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument("--save", help="write newslab predictions to this JSONL file")
    a = ap.parse_args(argv)
    if not (EVAL / "polnear").is_dir() or not (EVAL / "score_quotes.py").exists():
        print(f"PolNeAR evaluation data not found at {EVAL}/polnear: nothing to measure "
              "(the benchmark needs ../shared/eval next to the repository).")
        return 0
    from newslab.nlp import load_model

    docs = load(a.split)
    nlp = load_model()
    nlp(docs[0]["text"])  # warm up
    preds, parsed, t_spacy, t_quotes, t_names, failures = run_newslab(docs, nlp)
    n = len(docs)
    print(f"PolNeAR {a.split}: {n} documents, {sum(len(d['text']) for d in docs):,} characters")
    print(f"spaCy (en_core_web_sm, nlp.pipe): {t_spacy:.1f} s = {1000 * t_spacy / n:.0f} ms/doc")
    print(f"newslab quotes (resolver + extraction + table): {t_quotes:.2f} s = "
          f"{1000 * t_quotes / n:.1f} ms/doc = {100 * t_quotes / t_spacy:.1f}% of spaCy's time")
    print(f"  + named mentions (newslab.extract.entities, computed once per article and shared): "
          f"{1000 * t_names / n:.1f} ms/doc; both together "
          f"{100 * (t_quotes + t_names) / t_spacy:.1f}% of spaCy's time")
    print(f"documents that raised: {len(failures)}" + (f" {failures[:3]}" if failures else ""))
    if a.save:
        with open(a.save, "w", encoding="utf-8") as fh:
            for p in preds:
                fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    if a.no_score or a.split == "all":
        return 0
    gold = EVAL / "polnear" / f"{a.split}.jsonl"
    tx, why = (None, "skipped (--no-textacy)") if a.no_textacy else run_textacy(docs, parsed)
    for name, extra, kinds in SETTINGS:
        print(f"\n== {name} (gold kinds: {name}; newslab rows of kind: {sorted(kinds or ['all'])}) ==")
        print("newslab:\n  " + score(gold, only(preds, kinds), extra).replace("\n", "\n  "))
        if tx:
            print("textacy direct_quotations:\n  " + score(gold, tx[0], extra).replace("\n", "\n  "))
    if tx:
        print(f"\ntextacy: {tx[1]} documents raised (lost), {1000 * tx[2] / n:.1f} ms/doc")
    else:
        print(f"\ntextacy: {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
