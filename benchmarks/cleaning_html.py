"""HTML cleaning benchmark: newslab's parse_html against trafilatura alone.

    python benchmarks/cleaning_html.py [--jobs N] [--limit N] [--only scrapinghub|wcxb]

Two evaluation sets under ``../shared/eval`` (never copied into the project):

* ``scrapinghub/``: 120 news pages with gold article bodies (the ScrapingHub
  article-extraction-benchmark). The gold is the body only (no headline, captions or byline),
  so newslab is scored on ``Article.body`` (sub-heads + paragraphs). Metric: the benchmark's
  shingle F1 (token 4-grams, precision and recall averaged over documents), computed by the
  scorer shipped with the data (``score_text.py``).
* ``wcxb/``: 793 web articles with gold title, author, date and body. Reported: title accuracy
  (exact after normalising case/whitespace, and lenient: token F1 >= 0.8), author accuracy
  (exact, and lenient: the first gold name appears among the predicted names), date accuracy
  (``YYYY-MM-DD`` exact), body shingle F1.

trafilatura is run with ``include_comments=False`` both with its default settings and with
``favor_precision=True`` (newslab's setting), on the same pages.
Every figure is printed for the study and the check half of each set (``cleaning_split.py``,
fixed by document id): rules are fitted on the study half, the check half is what we report.
Exits 0 with a message when the evaluation folder is absent.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cleaning_split import half, split  # noqa: E402


def _scorer():
    spec = importlib.util.spec_from_file_location("score_text", EVAL / "score_text.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _norm(s: str | None) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", (s or "").lower()).split())


def _token_f1(a: str, b: str) -> float:
    ta, tb = _norm(a).split(), _norm(b).split()
    if not ta or not tb:
        return 0.0
    common = sum(min(ta.count(t), tb.count(t)) for t in set(ta))
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def _names(s: str | None) -> list[str]:
    return [_norm(n) for n in re.split(r";|,|\band\b|&|\|", s or "") if _norm(n)]


_WARM = False


def _run_page(args: tuple[str, str | None]) -> dict:
    """Run newslab and both trafilatura settings on one page (in a worker process)."""
    import logging

    import trafilatura

    from newslab import parse_html
    from newslab.errors import NewslabError

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    global _WARM
    if not _WARM:  # first call compiles date patterns etc.: keep it out of the timings
        page = "<html><body><article><h1>Warm up</h1><p>" + "Some text. " * 40 + "</p>"
        parse_html(page + "</article></body></html>")
        _WARM = True
    path, url = args
    raw = Path(path).read_bytes()
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    html = raw.decode("utf-8", "replace")
    res: dict = {"path": path}
    t = time.perf_counter()
    try:
        art = parse_html(html, url=url)
        res.update(body=art.body, title=art.headline, author=art.meta.get("author"),
                   date=art.meta.get("date"), captions=len(art.captions),
                   credits=sum(1 for c in art.captions if c.credit),
                   headings=sum(1 for b in art.blocks if b.kind == "heading"),
                   extraction=art.meta.get("extraction"),
                   sources=art.meta.get("sources"))
    except NewslabError as err:
        res.update(body="", title=None, author=None, date=None, captions=0, credits=0,
                   headings=0, extraction=f"error: {type(err).__name__}")
    res["t_ours"] = time.perf_counter() - t
    t = time.perf_counter()
    res["traf_default"] = trafilatura.extract(html, url=url, include_comments=False) or ""
    res["t_traf"] = time.perf_counter() - t
    doc = trafilatura.bare_extraction(html, url=url, include_comments=False,
                                      favor_precision=True, with_metadata=True)
    res["traf_precision"] = doc.text if doc else ""
    res["traf_title"] = doc.title if doc else None
    res["traf_author"] = doc.author if doc else None
    res["traf_date"] = doc.date if doc else None
    return res


def _f1(score_mod, golds: list[str], preds: list[str]) -> tuple[float, float, float]:
    ps, rs = zip(*(score_mod.doc_pr(g, p, 4) for g, p in zip(golds, preds)))
    P, R = sum(ps) / len(ps), sum(rs) / len(rs)
    return P, R, (2 * P * R / (P + R) if P + R else 0.0)


_DUMP: Path | None = None
_HALF: str | None = None


def _map(pages, jobs: int) -> list[dict]:
    if jobs <= 1:
        res = [_run_page(p) for p in pages]
    else:
        with ProcessPoolExecutor(jobs) as ex:
            res = list(ex.map(_run_page, pages, chunksize=4))
    if _DUMP is not None:  # per-page outputs, for error analysis on the study half
        with _DUMP.open("a", encoding="utf-8") as fh:
            for r in res:
                fh.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    return res


def scrapinghub(score_mod, jobs: int, limit: int | None) -> None:
    root = EVAL / "scrapinghub"
    index = [json.loads(line) for line in (root / "index.jsonl").read_text().splitlines() if line]
    index = [r for r in index if _HALF is None or half(r["id"]) == _HALF]
    index = index[:limit] if limit else index
    pages = [(str(root / "html" / f"{r['id']}.html"), r.get("url")) for r in index]
    t = time.perf_counter()
    res = _map(pages, jobs)
    wall = time.perf_counter() - t
    golds = [(root / "gold" / f"{r['id']}.txt").read_text(encoding="utf-8") for r in index]
    halves = split([r["id"] for r in index])
    for name in ("study", "check"):
        if _HALF not in (None, name):
            continue
        keep = [k for k, r in enumerate(index) if r["id"] in set(halves[name])]
        print(f"\n== ScrapingHub article bodies, {name} half: {len(keep)} pages "
              "(shingle F1 on the body) ==")
        _print_body_table(score_mod, [golds[k] for k in keep], [res[k] for k in keep], wall)


def _print_body_table(score_mod, golds, res, wall) -> None:
    """Body P/R/F1 of newslab and of trafilatura's two settings, then the structure found."""
    print(f"{'system':34s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for name, key in (("newslab parse_html(...).body", "body"),
                      ("trafilatura (default)", "traf_default"),
                      ("trafilatura (favor_precision)", "traf_precision")):
        P, R, F = _f1(score_mod, golds, [r[key] for r in res])
        print(f"{name:34s} {P:6.3f} {R:6.3f} {F:6.3f}")
    _structure_line(res, wall)


def _structure_line(res: list[dict], wall: float) -> None:
    n = len(res)
    ours = sorted(r["t_ours"] for r in res)
    traf = sorted(r["t_traf"] for r in res)
    fallback = sum(1 for r in res if r["extraction"] == "fallback")
    errors = sum(1 for r in res if str(r["extraction"]).startswith("error"))
    print(f"structure: {sum(r['captions'] for r in res)} captions "
          f"({sum(r['credits'] for r in res)} with credit) on "
          f"{sum(1 for r in res if r['captions'])}/{n} pages; "
          f"{sum(r['headings'] for r in res)} sub-heads on "
          f"{sum(1 for r in res if r['headings'])}/{n} pages; "
          f"fallback {fallback}, errors {errors}")
    print(f"time per page: newslab mean {sum(ours) / n:.3f}s (max {ours[-1]:.2f}s), "
          f"trafilatura.extract mean {sum(traf) / n:.3f}s (max {traf[-1]:.2f}s); "
          f"wall {wall:.0f}s")


def wcxb(score_mod, jobs: int, limit: int | None) -> None:
    root = EVAL / "wcxb"
    rows = [json.loads(line) for line in (root / "articles.jsonl").read_text().splitlines()
            if line]
    rows = [r for r in rows if _HALF is None or half(r["id"]) == _HALF]
    rows = rows[:limit] if limit else rows
    pages = [(str(root / r["html_path"]), r.get("url")) for r in rows]
    t = time.perf_counter()
    res = _map(pages, jobs)
    wall = time.perf_counter() - t
    halves = split([r["id"] for r in rows])
    for name in ("study", "check"):
        if _HALF not in (None, name):
            continue
        ids = set(halves[name])
        keep = [k for k, r in enumerate(rows) if r["id"] in ids]
        print(f"\n== WCXB metadata and bodies, {name} half: {len(keep)} pages ==")
        _wcxb_table(score_mod, [rows[k] for k in keep], [res[k] for k in keep], wall)


def _wcxb_table(score_mod, rows: list[dict], res: list[dict], wall: float) -> None:
    print(f"{'field':28s} {'gold':>5s} {'newslab':>8s} {'trafilatura':>12s}")

    def acc(field: str, pred_key: str, match) -> float:
        have = [(g, r) for g, r in zip(rows, res) if g.get(field)]
        return sum(bool(match(g[field], r[pred_key])) for g, r in have) / len(have), len(have)

    checks = (
        ("title exact", "title", lambda g, p: _norm(g) == _norm(p)),
        ("title lenient (tok F1>=.8)", "title", lambda g, p: _token_f1(g, p) >= 0.8),
        ("author exact", "author", lambda g, p: _names(g) == _names(p)),
        ("author lenient (1st name)", "author",
         lambda g, p: bool(_names(g)) and _names(g)[0] in _names(p)),
        ("date exact", "date", lambda g, p: (p or "")[:len(g)] == g),
    )
    for label, field, match in checks:
        ours, n = acc(field, field, match)
        theirs, _ = acc(field, f"traf_{field}", match)
        print(f"{label:28s} {n:5d} {ours:8.3f} {theirs:12.3f}")
    golds = [r["gold_text"] for r in rows]
    _print_body_table(score_mod, golds, res, wall)
    sources: dict = {}
    for r in res:
        for field, src in (r.get("sources") or {}).items():
            sources.setdefault(field, Counter())[src] += 1
    for field, counts in sorted(sources.items()):
        print(f"  {field} from: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--limit", type=int, help="only the first N pages of each set")
    ap.add_argument("--only", choices=("scrapinghub", "wcxb"))
    ap.add_argument("--half", choices=("study", "check"), help="run one half only")
    ap.add_argument("--dump", type=Path, help="append per-page outputs (JSON lines) to this file")
    a = ap.parse_args(argv)
    global _DUMP, _HALF
    _DUMP, _HALF = a.dump, a.half
    if not (EVAL / "score_text.py").exists():
        print(f"Evaluation data not found at {EVAL}; nothing to measure (this is fine outside "
              "the development machine).")
        return 0
    score_mod = _scorer()
    if a.only in (None, "scrapinghub") and (EVAL / "scrapinghub").is_dir():
        scrapinghub(score_mod, a.jobs, a.limit)
    if a.only in (None, "wcxb") and (EVAL / "wcxb").is_dir():
        wcxb(score_mod, a.jobs, a.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
