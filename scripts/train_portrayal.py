#!/usr/bin/env python3
"""Train newslab's portrayal model (``newslab/models/portrayal.npz``) from NewsMTSC.

Data: NewsMTSC (Hamborg & Donnay, "NewsMTSC: A Dataset for (Multi-)Target-dependent Sentiment
Classification in Political News Articles", EACL 2021; MIT licence), training split as JSONL
lines ``{"sentence", "target_span", "label"}``, read from ``../shared/eval/stance/`` beside the
repository (or ``--train PATH``). Only the trained weights ship with newslab, not the data.

Model: the views of :func:`newslab.polarity.portrayal.view_texts` (masked sentence as word 1-2
grams and char_wb 2-5 grams, a +-6 word window around the target, target-aware dependency and
lexicon features; the lexicon copy is stored in the model), TF-IDF with sublinear tf, one logistic regression (C=0.5, balanced class
weights, lbfgs: deterministic). Saved as plain arrays + a JSON config in a compressed ``.npz``
that loads with ``allow_pickle=False``.

Usage::

    python scripts/train_portrayal.py                 # writes newslab/models/portrayal.npz
    python scripts/train_portrayal.py --eval          # and prints macro-F1 on newsmtsc_dev_rw
    python scripts/train_portrayal.py --cv 3          # choose C and feature blocks by 3-fold CV

Selection (``--cv K``): stratified K-fold cross-validation on the NewsMTSC **train** split only
(the dev split is never read for choosing), over :data:`C_GRID` x :data:`BLOCK_CHOICES`; the
TF-IDF vocabularies are fitted inside each fold. The setting with the best mean macro-F1 is
retrained on the whole train split; the choice and its CV score are stored in the model config.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newslab.nlp import load_model  # noqa: E402
from newslab.polarity.portrayal import LABELS, MODEL_PATH, lexicon_polarity, view_texts  # noqa: E402

EVAL_DIR = REPO.parent / "shared" / "eval" / "stance"
WINDOW = 6
C = 0.5
#: One TF-IDF block per entry: which view it reads and the vectorizer's parameters.
FEATURES = [
    {"name": "full_w", "view": "full", "params": {"ngram_range": [1, 2], "min_df": 2, "sublinear_tf": True}},
    {"name": "full_c", "view": "full", "params": {"analyzer": "char_wb", "ngram_range": [2, 5], "min_df": 3, "sublinear_tf": True}},
    {"name": "win_w", "view": "win", "params": {"ngram_range": [1, 2], "min_df": 2, "sublinear_tf": True}},
    {"name": "dep", "view": "dep", "params": {"token_pattern": r"\S+", "lowercase": False, "min_df": 2, "sublinear_tf": True}},
]
#: Regularisation strengths tried by --cv.
C_GRID = (0.25, 0.5, 1.0)
#: Feature-block subsets tried by --cv (names of FEATURES entries).
BLOCK_CHOICES = (("full_w", "full_c", "win_w", "dep"), ("full_w", "win_w", "dep"),
                 ("full_w", "full_c", "win_w"))
SOURCE = ("NewsMTSC train split (Hamborg & Donnay, EACL 2021, MIT licence); "
          "newslab scripts/train_portrayal.py")


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def views(rows: list[dict], nlp, lexicon: dict[str, str]) -> list[dict[str, str]]:
    docs = nlp.pipe((r["sentence"] for r in rows), batch_size=128)
    return [view_texts(r["sentence"], r["target_span"], WINDOW, d, lexicon) for r, d in zip(rows, docs)]


def params(spec: dict) -> dict:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in spec["params"].items()}


def cross_validate(v: list[dict], y, k: int) -> tuple[float, tuple[str, ...], float]:
    """Best ``(C, blocks, mean macro-F1)`` by stratified k-fold CV on the training views."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    folds = list(StratifiedKFold(n_splits=k, shuffle=True, random_state=0).split(v, y))
    fold_blocks = []
    for tr, te in folds:
        blocks = {}
        for spec in FEATURES:
            vec = TfidfVectorizer(**params(spec))
            blocks[spec["name"]] = (vec.fit_transform([v[i][spec["view"]] for i in tr]),
                                    vec.transform([v[i][spec["view"]] for i in te]))
        fold_blocks.append(blocks)
    scores = {}
    for c in C_GRID:
        for names in BLOCK_CHOICES:
            f1s = []
            for (tr, te), blocks in zip(folds, fold_blocks):
                xtr = hstack([blocks[n][0] for n in names]).tocsr()
                xte = hstack([blocks[n][1] for n in names]).tocsr()
                clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(xtr, y[tr])
                f1s.append(f1_score(y[te], clf.predict(xte), average="macro"))
            scores[(c, names)] = float(np.mean(f1s))
            print(f"  cv C={c} blocks={'+'.join(names)}: macro-F1 {scores[(c, names)]:.3f}")
    (c, names), best = max(scores.items(), key=lambda kv: kv[1])
    return c, names, best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=EVAL_DIR / "newsmtsc_train.jsonl")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--eval", action="store_true", help="score newsmtsc_dev_rw.jsonl afterwards")
    ap.add_argument("--cv", type=int, default=0, help="choose C and feature blocks by K-fold CV on train")
    a = ap.parse_args(argv)
    if not a.train.exists():
        print(f"training data not found: {a.train} (it lives in ../shared/eval/stance/)")
        return 0
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    t0 = time.time()
    nlp = load_model()
    rows = read(a.train)
    lexicon = dict(sorted(lexicon_polarity().items()))  # stored with the model (self-contained)
    v = views(rows, nlp, lexicon)
    y = np.array([r["label"] for r in rows])
    c_value, features, selection = C, FEATURES, "fixed settings (no --cv)"
    if a.cv:
        c_value, names, cv_f1 = cross_validate(v, y, a.cv)
        features = [f for f in FEATURES if f["name"] in names]
        selection = (f"{a.cv}-fold stratified CV on NewsMTSC train only over C {list(C_GRID)} and "
                     f"{len(BLOCK_CHOICES)} feature-block sets: mean macro-F1 {cv_f1:.3f}")
        print(f"chosen: C={c_value}, blocks={'+'.join(names)} ({selection})")
    blocks, arrays = [], {}
    for spec in features:
        vec = TfidfVectorizer(**params(spec))
        blocks.append(vec.fit_transform([x[spec["view"]] for x in v]))
        terms = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
        arrays[f"vocab_{spec['name']}"] = np.array(terms, dtype=str)
        arrays[f"idf_{spec['name']}"] = vec.idf_.astype(np.float32)
    X = hstack(blocks).tocsr()
    clf = LogisticRegression(C=c_value, max_iter=5000, class_weight="balanced").fit(X, y)
    assert list(clf.classes_) == list(LABELS)
    config = {"classes": list(clf.classes_), "window": WINDOW, "features": features,
              "C": c_value, "selection": selection, "source": SOURCE, "n_train": len(rows),
              "n_features": int(X.shape[1])}
    arrays.update(lexicon_words=np.array(list(lexicon), dtype=str),
                  lexicon_polarity=np.array(list(lexicon.values()), dtype=str))
    arrays.update(config=np.array(json.dumps(config)), coef=clf.coef_.astype(np.float32),
                  intercept=clf.intercept_.astype(np.float32))
    a.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(a.out, **arrays)
    print(f"wrote {a.out} ({a.out.stat().st_size / 1e6:.2f} MB, {X.shape[1]} features, "
          f"{len(rows)} sentences, {time.time() - t0:.0f}s)")
    if a.eval and (EVAL_DIR / "newsmtsc_dev_rw.jsonl").exists():
        from sklearn.metrics import f1_score

        from newslab.polarity.portrayal import PortrayalModel

        dev = read(EVAL_DIR / "newsmtsc_dev_rw.jsonl")
        model = PortrayalModel(a.out)
        docs = list(nlp.pipe(r["sentence"] for r in dev))
        probs = model.predict_proba([(r["sentence"], r["target_span"]) for r in dev], docs)
        pred = [model.classes[k] for k in probs.argmax(axis=1)]
        print(f"newsmtsc_dev_rw macro-F1 = {f1_score([r['label'] for r in dev], pred, average='macro'):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
