"""Actor stance and portrayal: macro-F1 of newslab's stance and portrayal labels on the shared evaluation sets.

Usage (from the repo root)::

    .venv/bin/python benchmarks/stance_eval.py                 # both figures + baselines
    .venv/bin/python benchmarks/stance_eval.py --keep out/     # also keep the prediction files
    .venv/bin/python benchmarks/stance_eval.py --backend rules_speech   # another stance backend

Two separate scores, as newslab keeps them:

* actor stance (holder -> target) on ``directed_dev.jsonl`` (directed sentiment, Park et al.
  2021; mostly neutral), through :func:`newslab.io.stance.stance_jsonl` with the ``rules``
  backend;
* portrayal (how the text treats the target) on ``newsmtsc_dev_rw.jsonl`` (NewsMTSC real-world
  dev split, Hamborg & Donnay 2021), with the shipped ``tfidf`` model.

Scores come from ``shared/eval/stance/score_stance.py`` (macro-F1 over negative / neutral /
positive, its primary metric). For context it also scores an "always neutral" baseline, and it
scores two halves of each set: actor stance split by a hash of the sentence id (both directions of a
sentence fall in the same half), and portrayal into halves by a hash of the sentence (every
target of a sentence in one half): rules were developed looking at half A (study) only, so
half B (check) shows whether a change generalises; B is the figure to report. The
evaluation files are read for measuring only (nothing of them ships). When ``../shared/eval``
is absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval" / "stance"
sys.path.insert(0, str(REPO))

#: (name, gold file, what it measures)
SETS = [("actor stance", "directed_dev.jsonl", "holder -> target, {backend} backend"),
        ("portrayal", "newsmtsc_dev_rw.jsonl", "target portrayal, tfidf model")]


def _scorer():
    spec = importlib.util.spec_from_file_location("score_stance", EVAL / "score_stance.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _neutral_baseline(gold: Path, out: Path) -> None:
    with open(gold, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in src:
            if line.strip():
                dst.write(json.dumps({"id": json.loads(line)["id"], "label": "neutral"}) + "\n")


def split_half(line_id: str) -> str:
    """``A`` or ``B`` from an md5 hash of the id without its direction suffix (``-pq``/``-qp``)."""
    base = line_id.rsplit("-", 1)[0]
    return "A" if int(hashlib.md5(base.encode()).hexdigest(), 16) % 2 == 0 else "B"


def sentence_half(sentence: str) -> str:
    """``A`` or ``B`` from an md5 hash of the sentence (every target of a sentence in one half)."""
    return "A" if int(hashlib.md5(sentence.encode()).hexdigest(), 16) % 2 == 0 else "B"


#: Which half is which: rules and settings were studied on A; B is reported as held out.
HALF_NAMES = {"A": "study half A", "B": "check half B"}


def _halves(score, gold: Path, pred: Path) -> list[str]:
    def load(path):
        with open(path, encoding="utf-8") as fh:
            return {r["id"]: r for r in map(json.loads, filter(str.strip, fh))}

    g, p = load(gold), load(pred)
    out = []
    for half in ("A", "B"):
        if "holder" in next(iter(g.values()), {}):
            ids = [i for i in g if split_half(i) == half]
        else:
            ids = [i for i in g if sentence_half(g[i]["sentence"]) == half]
        res = score.score([score.norm_label(g[i]["label"]) for i in ids],
                          [score.norm_label(p[i]["label"]) if i in p else "__missing__" for i in ids])
        out.append(score.format_row(f"newslab {HALF_NAMES[half]} ({len(ids)})", res))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", type=Path, help="folder to keep the prediction files in")
    ap.add_argument("--backend", default="rules", help="actor-stance backend (default: rules)")
    a = ap.parse_args(argv)
    if not (EVAL / "score_stance.py").exists():
        print(f"stance evaluation data not found at {EVAL}; nothing to measure (this is fine "
              "outside the development workspace).")
        return 0
    from newslab.io.stance import stance_jsonl

    score = _scorer()
    out_dir = a.keep or Path(tempfile.mkdtemp(prefix="newslab-stance-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, fname, what in SETS:
        gold = EVAL / fname
        if not gold.exists():
            print(f"{name}: {fname} missing, skipped")
            continue
        pred = out_dir / f"pred_{gold.stem}.jsonl"
        base = out_dir / f"neutral_{gold.stem}.jsonl"
        t0 = time.time()
        summary = stance_jsonl(gold, pred, backend=a.backend)
        what = what.format(backend=a.backend)
        secs = time.time() - t0
        _neutral_baseline(gold, base)
        ours = score.score_files(str(gold), str(pred))
        neutral = score.score_files(str(gold), str(base))
        print(f"== {name} ({what}) on {fname}: macro-F1 {ours['F1m']:.3f}  "
              f"[always neutral {neutral['F1m']:.3f}]  {summary['lines']} lines in {secs:.1f}s")
        print("   " + score.format_row("newslab", ours))
        print("   " + score.format_row("always neutral", neutral))
        for row in _halves(score, gold, pred):
            print("   " + row)
    if a.keep:
        print(f"predictions kept in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
