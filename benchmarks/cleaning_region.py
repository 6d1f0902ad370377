"""How well does ``parse_text`` keep the article and drop the page chrome?

Runs :func:`newslab.parse_text` over the ScrapingHub article-extraction benchmark pages as a
reader would paste them (``region/``: the visible text from the headline to the end of the
article plus the page chrome that follows; ``pagetext/``: the whole page's visible text) and
scores ``article.body`` (sub-heads + paragraphs) against the gold article bodies with the
benchmark's own metric (``../shared/eval/score_text.py``: token 4-gram "shingle" P/R/F1, averaged
per document; unigram F1 alongside).

Compared with:
  * keep-everything: the pasted text itself (what you get without cleaning);
  * trafilatura on the *HTML* page (a reference point only: it sees the markup, which pasted
    text does not have; trafilatura on plain text has no markup to work with and is
    keep-everything);
  * ``content`` variant: every content block (headline, standfirst, byline, captions too), to
    show what the body choice costs.

    python benchmarks/cleaning_region.py [--no-trafilatura] [--show-worst N]

Scores are printed for all documents and for the study and check halves
(``cleaning_split.py``: fixed by document id); ``--show-worst`` lists study-half documents only.

The gold is not part of the project: the data lives in ``../shared/eval`` next to the repo. When
that folder is absent the script says so and exits 0.
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
DATA = EVAL / "scrapinghub"
SCORER = EVAL / "score_text.py"

sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from cleaning_split import split  # noqa: E402


def _score(gold: Path, pred: Path, ids: list[str]) -> dict:
    """Run the shared scorer (n=4 and n=1) on the given document ids."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write("\n".join(ids))
        ids_file = fh.name
    out = subprocess.run([sys.executable, str(SCORER), str(gold), str(pred), "--ids", ids_file,
                          "--json"], capture_output=True, text=True, check=True)
    n4, n1 = json.loads(out.stdout)
    return {"P": n4["precision"], "R": n4["recall"], "F1": n4["f1"], "F1_uni": n1["f1"]}


def _write(folder: Path, outputs: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, txt in outputs.items():
        (folder / f"{i}.txt").write_text(txt, encoding="utf-8")
    return folder


def _doc_f1(gold: str, pred: str) -> float:
    """Per-document shingle F1 (same tokens and n-grams as the scorer), for --show-worst."""
    import re
    from collections import Counter

    def grams(t: str) -> Counter:
        toks = re.findall(r"\w+", t)
        return Counter(tuple(toks[k:k + 4]) for k in range(len(toks) - 3))

    g, p = grams(gold), grams(pred)
    tp = sum((g & p).values())
    prec = tp / sum(p.values()) if p else 1.0
    rec = tp / sum(g.values()) if g else 1.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def run(kind: str, use_trafilatura: bool, show_worst: int, tmp: Path) -> None:
    from newslab import parse_text
    from newslab.errors import EmptyInputError

    src = DATA / kind
    ids = sorted(p.stem for p in src.glob("*.txt") if (DATA / "gold" / p.name).exists())
    texts = {i: (src / f"{i}.txt").read_text(encoding="utf-8") for i in ids}
    body, content = {}, {}
    t0 = time.perf_counter()
    for i, txt in texts.items():
        try:
            art = parse_text(txt)
        except EmptyInputError:
            body[i] = content[i] = ""
            continue
        body[i] = art.body
        content[i] = "\n\n".join(b.text for b in art.content_blocks())
    secs = time.perf_counter() - t0
    gold = DATA / "gold"
    folders = {"keep-everything": _write(tmp / kind / "keep", texts),
               "parse_text body": _write(tmp / kind / "body", body),
               "parse_text content": _write(tmp / kind / "content", content)}
    if use_trafilatura:
        import trafilatura

        traf = {}
        for i in ids:
            html = DATA / "html" / f"{i}.html"
            traf[i] = (trafilatura.extract(html.read_text(encoding="utf-8", errors="replace"))
                       or "") if html.exists() else ""
        folders["trafilatura (on HTML)"] = _write(tmp / kind / "traf", traf)
    print(f"\n{kind}/  ({len(ids)} documents; parse_text took {secs:.2f} s in total)")
    for name_half, half_ids in (("all", ids), *split(ids).items()):
        print(f"  [{name_half} half: {len(half_ids)} documents]" if name_half != "all"
              else f"  [all {len(half_ids)} documents]")
        print(f"  {'method':24} {'P':>6} {'R':>6} {'F1':>6}   {'F1 n=1':>6}")
        for name, folder in folders.items():
            r = _score(gold, folder, half_ids)
            print(f"  {name:24} {r['P']:6.3f} {r['R']:6.3f} {r['F1']:6.3f}   {r['F1_uni']:6.3f}")
    if show_worst:
        # errors are studied on the study half only; the check half is for reporting
        scores = sorted((_doc_f1((gold / f"{i}.txt").read_text(encoding="utf-8"), body[i]), i)
                        for i in split(ids)["study"])
        print(f"  worst {show_worst} documents (shingle F1, id):")
        for f1, i in scores[:show_worst]:
            print(f"    {f1:.3f}  {i}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-trafilatura", action="store_true", help="skip the HTML reference row")
    ap.add_argument("--show-worst", type=int, default=0, metavar="N",
                    help="list the N documents with the lowest body F1")
    ap.add_argument("--only", choices=["region", "pagetext"], help="score one input set only")
    a = ap.parse_args(argv)
    if not (DATA / "region").is_dir() or not SCORER.exists():
        print(f"Evaluation data not found at {DATA} (it lives outside the repo, in "
              "../shared/eval). Nothing to measure; skipping.")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("region", "pagetext"):
            if a.only and kind != a.only:
                continue
            if (DATA / kind).is_dir():
                run(kind, not a.no_trafilatura, a.show_worst, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
