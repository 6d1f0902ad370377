"""Train the pasted-text line classifier (newslab/parse/line_model.py) and write its weights.

    python scripts/train_line_classifier.py [--eval ../shared/eval] [--out newslab/models]

Training data (licensed dev sets only, never a test split, never held-out data):

* ScrapingHub article-extraction benchmark (MIT): the pasted ``region/`` text of each page;
  a line is ``body`` when its words appear in the gold article body (``gold/``), ``heading``
  when such a line is short and has no sentence end; ``headline``, ``byline`` and ``date``
  lines are found from the page's own ``<title>``/``og:title``, author and date markup.
* WCXB dev (CC BY 4.0): the HTML rendered to visible text, one line per block element; lines
  labelled against the gold body, title, author and date.

Only the **study half** of each set (benchmarks/cleaning_split.py, fixed by document id)
trains and selects: the regularisation strength and sequence smoothing are chosen by 5-fold
cross-validation grouped by page. Per-label precision and recall are then reported on the
**check half** (pages never used for training or selection). scikit-learn fits the model;
the weights are written as plain arrays (``.npz``, no pickle) plus a JSON description.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from cleaning_split import half  # noqa: E402

from newslab.parse import line_model  # noqa: E402
from newslab.parse.html import _load_tree  # noqa: E402
from newslab.parse.html_common import _visible_lines  # noqa: E402
from newslab.parse.html_structure import strip_site_name  # noqa: E402
from newslab.parse.html_meta import iso_date, page_metadata  # noqa: E402
from newslab.parse.text import _model_features, _units  # noqa: E402

_TOKEN = re.compile(r"\w+")
#: Regularisation strengths tried (inverse L2 weight of the logistic regression).
C_GRID = (0.3,)


def _tokens(s: str) -> list[str]:
    return _TOKEN.findall((s or "").lower())


class _Gold:
    """A gold article: body n-grams and lines, title, author names, date."""

    def __init__(self, body: str, title: str | None, author: str | None, date: str | None):
        toks = _tokens(body)
        self.grams = {tuple(toks[i:i + 4]) for i in range(len(toks) - 3)}
        self.lines = {" ".join(_tokens(x)) for x in body.splitlines() if x.strip()}
        self.text = " " + " ".join(toks) + " "
        self.title = _tokens(title or "")
        self.authors = [" ".join(_tokens(a)) for a in re.split(r";|,|\band\b|&", author or "")
                        if len(_tokens(a)) >= 2]
        self.date = date


def _f1(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    common = sum(min(a.count(t), b.count(t)) for t in set(a))
    return 0.0 if not common else 2 * common / (len(a) + len(b))


def _line_date(text: str) -> str | None:
    d = iso_date(text)
    if d:
        return d
    try:
        from dateutil import parser

        if not re.search(r"\d{4}|\d{1,2}[/.]\d{1,2}", text):
            return None
        return parser.parse(text, fuzzy=True).strftime("%Y-%m-%d")
    except (ValueError, OverflowError, TypeError):
        return None


def label_units(units, gold: _Gold) -> list[str]:
    """One label per unit by aligning the page's lines to the gold article."""
    labels = []
    have_title = False
    for u in units:
        toks = _tokens(u.text)
        joined = " ".join(toks)
        grams = [tuple(toks[i:i + 4]) for i in range(len(toks) - 3)]
        if grams:
            body = sum(g in gold.grams for g in grams) >= 0.7 * len(grams)
        else:
            body = bool(joined) and joined in gold.lines
        if body:
            labels.append("heading" if not u.terminal and u.words <= 15 else "body")
        elif not have_title and gold.title and _f1(toks, gold.title) >= 0.8:
            labels.append("headline")
            have_title = True
        elif u.words <= 15 and any(a in joined for a in gold.authors):
            labels.append("byline")
        elif u.words <= 15 and gold.date and _line_date(u.text) == gold.date:
            labels.append("date")
        else:
            labels.append("other")
    return labels


def scrapinghub_pages(root: Path):
    index = [json.loads(x) for x in (root / "index.jsonl").read_text().splitlines() if x]
    for row in index:
        i = row["id"]
        region, gold = root / "region" / f"{i}.txt", root / "gold" / f"{i}.txt"
        if not region.exists() or not gold.exists():
            continue
        tree = _load_tree((root / "html" / f"{i}.html").read_text(encoding="utf-8",
                                                                  errors="replace"))
        title = author = date = None
        if tree is not None:
            og = tree.xpath("//meta[@property='og:title']/@content")
            title = og[0] if og else (tree.findtext(".//title") or None)
            title = strip_site_name(title) if title else None
            stated = page_metadata(tree)
            author = stated.get("author", (None,))[0]
            date = stated.get("date", (None,))[0]
        yield (f"sh:{i}", half(i), region.read_text(encoding="utf-8"),
               _Gold(gold.read_text(encoding="utf-8"), title, author, date))


def wcxb_pages(root: Path):
    for line in (root / "articles.jsonl").read_text().splitlines():
        if not line:
            continue
        row = json.loads(line)
        raw = (root / row["html_path"]).read_bytes()
        html = (gzip.decompress(raw) if row["html_path"].endswith(".gz") else raw).decode(
            "utf-8", "replace")
        tree = _load_tree(html)
        body = tree.find(".//body") if tree is not None else None
        if body is None:
            continue
        text = "\n".join(_visible_lines(body))
        if not text.strip():
            continue
        yield (f"wcxb:{row['id']}", half(row["id"]), text,
               _Gold(row["gold_text"], row.get("title"), row.get("author"), row.get("date")))


def build(eval_dir: Path):
    """Feature matrices and labels per page, with each page's half."""
    pages = []
    for source in (scrapinghub_pages(eval_dir / "scrapinghub"), wcxb_pages(eval_dir / "wcxb")):
        for pid, h, text, gold in source:
            units = _units(text)
            if not units:
                continue
            pages.append((pid, h, _model_features(units), label_units(units, gold)))
    return pages


def _cached_build(eval_dir: Path, cache: Path):
    """:func:`build`, its result kept in a plain-array file so a re-run skips it."""
    if cache.exists():
        with np.load(cache, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            return [(pid, h, z[f"x{k}"], labels) for k, (pid, h, labels) in enumerate(meta)]
    pages = build(eval_dir)
    arrays = {f"x{k}": p[2] for k, p in enumerate(pages)}
    meta = json.dumps([(p[0], p[1], p[3]) for p in pages])
    np.savez_compressed(cache, meta=np.array(meta), **arrays)
    return pages


def fit(pages, c: float):
    """Logistic regression + transition matrix from the given pages -> model arrays."""
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([p[2] for p in pages])
    y = np.array([line_model.LABELS.index(lab) for p in pages for lab in p[3]])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    clf = LogisticRegression(C=c, max_iter=300, tol=1e-3, class_weight="balanced")
    clf.fit((x - mean) / scale, y)
    k = len(line_model.LABELS)
    coef = np.zeros((k, x.shape[1]))
    intercept = np.full(k, -30.0)  # a label never seen in training is never predicted
    coef[clf.classes_] = clf.coef_
    intercept[clf.classes_] = clf.intercept_
    trans = np.ones((k, k))
    start = np.ones(k)
    for p in pages:
        seq = [line_model.LABELS.index(lab) for lab in p[3]]
        start[seq[0]] += 1
        for a, b in zip(seq, seq[1:]):
            trans[a, b] += 1
    return {"mean": mean, "scale": scale, "coef": coef, "intercept": intercept,
            "log_trans": np.log(trans / trans.sum(axis=1, keepdims=True)),
            "log_start": np.log(start / start.sum())}


def predict(pages, model, smooth: bool) -> tuple[list[str], list[str]]:
    gold, pred = [], []
    for p in pages:
        labels, _ = line_model.label_lines(p[2], model, smooth=smooth)
        gold += p[3]
        pred += labels
    return gold, pred


def per_label(gold: list[str], pred: list[str]) -> dict[str, dict[str, float]]:
    out = {}
    for lab in line_model.LABELS:
        tp = sum(g == p == lab for g, p in zip(gold, pred))
        npred, ngold = pred.count(lab), gold.count(lab)
        out[lab] = {"precision": tp / npred if npred else 0.0,
                    "recall": tp / ngold if ngold else 0.0, "support": ngold}
    return out


def macro_f1(gold, pred) -> float:
    scores = per_label(gold, pred)
    f = [2 * s["precision"] * s["recall"] / (s["precision"] + s["recall"])
         if s["precision"] + s["recall"] else 0.0 for s in scores.values() if s["support"]]
    return sum(f) / len(f)


def _doc_pr(gold: str, pred: str) -> tuple[float, float]:
    """Shingle (token 4-gram) precision and recall of one document, as the benchmark."""
    def grams(t):
        toks = _TOKEN.findall(t)
        return Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))
    g, p = grams(gold), grams(pred)
    tp = sum((g & p).values())
    fp, fn = sum(p.values()) - tp, sum(g.values()) - tp
    return (1.0 if fp == 0 else tp / (tp + fp)), (1.0 if fn == 0 else tp / (tp + fn))


def tune_thresholds(root: Path, oof: dict) -> tuple[float, float]:
    """Choose when the classifier overrules the rules in ``parse_text``, on the ScrapingHub
    study pages with out-of-fold probabilities (pasted region F1, as the benchmark scores).

    ``rescue_min``: a text line the rules dropped is body when P(body or heading) reaches it;
    ``drop_min``: a short body line the rules kept is chrome when P(other) reaches it.
    """
    from newslab.parse.text import _apply_line_model, _classify

    pages = []
    for pid, proba in oof.items():
        if not pid.startswith("sh:"):
            continue
        i = pid[3:]
        text = (root / "region" / f"{i}.txt").read_text(encoding="utf-8")
        units = _units(text)
        pages.append((units, _classify(units), proba,
                      (root / "gold" / f"{i}.txt").read_text(encoding="utf-8")))
    best = None
    for rescue in (0.6, 0.8, 0.9, 0.95, 0.99, 2.0):
        for drop in (0.8, 0.9, 0.95, 0.99, 2.0):
            ps, rs = [], []
            for units, kinds, proba, gold in pages:
                k2 = _apply_line_model(units, list(kinds), proba, rescue, drop)
                body = "\n".join(u.text for u, (k, _) in zip(units, k2)
                                 if k in ("paragraph", "heading"))
                p, r = _doc_pr(gold, body)
                ps.append(p)
                rs.append(r)
            P, R = sum(ps) / len(ps), sum(rs) / len(rs)
            f1 = 2 * P * R / (P + R) if P + R else 0.0
            print(f"  region study (out-of-fold) rescue>={rescue} drop>={drop}: "
                  f"P {P:.3f} R {R:.3f} F1 {f1:.4f}", flush=True)
            if best is None or f1 > best[0] + 1e-4:
                best = (f1, rescue, drop)
    return best[1], best[2]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=REPO.parent / "shared" / "eval")
    ap.add_argument("--out", type=Path, default=REPO / "newslab" / "models")
    ap.add_argument("--cache", type=Path, help="reuse/keep the page features in this .npz")
    a = ap.parse_args(argv)
    if not (a.eval / "scrapinghub").is_dir():
        print(f"training data not found at {a.eval}; nothing to train")
        return 0
    cache = a.out / "line_classifier_pages.tmp.npz" if a.cache is None else a.cache
    pages = _cached_build(a.eval, cache)
    study = [p for p in pages if p[1] == "study"]
    check = [p for p in pages if p[1] == "check"]
    print(f"pages: {len(study)} study, {len(check)} check; "
          f"lines: {sum(len(p[3]) for p in study)} study, {sum(len(p[3]) for p in check)} check")
    # model selection: 5-fold cross-validation on the study half, folds by page; smoothing
    # is chosen on the same fits (it does not change the fitted weights)
    folds = [study[k::5] for k in range(5)]
    oof: dict = {}  # out-of-fold probabilities per (C, page), for the combination thresholds
    best = None
    for c in C_GRID:
        runs = {False: ([], []), True: ([], [])}
        for k in range(5):
            model = fit([p for j, f in enumerate(folds) if j != k for p in f], c)
            for p in folds[k]:
                oof[(c, p[0])] = line_model.predict_proba(p[2], model)
            for smooth in runs:
                g, pr = predict(folds[k], model, smooth)
                runs[smooth][0].extend(g)
                runs[smooth][1].extend(pr)
        for smooth, (gold, pred) in runs.items():
            score = macro_f1(gold, pred)
            print(f"  CV C={c:<5} smooth={smooth!s:5}  macro F1 {score:.3f}", flush=True)
            if best is None or score > best[0]:
                best = (score, c, smooth)
    _, c, smooth = best
    rescue, drop = tune_thresholds(a.eval / "scrapinghub", {pid: pr for (cc, pid), pr in
                                                            oof.items() if cc == c})
    model = fit(study, c)
    model["thresholds"] = np.array([rescue, drop])
    gold, pred = predict(check, model, smooth)
    report = per_label(gold, pred)
    print(f"chosen C={c}, smoothing={smooth}; check half, per label:")
    for lab, s in report.items():
        print(f"  {lab:9s} P {s['precision']:.3f}  R {s['recall']:.3f}  (n={s['support']})")
    a.out.mkdir(parents=True, exist_ok=True)
    np.savez(a.out / "line_classifier.npz", **model)
    spec = {
        "features": list(line_model.FEATURES), "labels": list(line_model.LABELS),
        "C": c, "smoothing": smooth, "rescue_min": rescue, "drop_min": drop, "trained_on": "study half (benchmarks/cleaning_split.py)",
        "data": {"ScrapingHub article-extraction-benchmark": "MIT",
                 "WCXB dev split": "CC BY 4.0"},
        "pages": {"study": len(study), "check": len(check)},
        "check_half_per_label": report,
    }
    if a.cache is None:
        cache.unlink(missing_ok=True)
    (a.out / "line_classifier.json").write_text(json.dumps(spec, indent=1) + "\n",
                                                encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
