"""``stance_jsonl``: label a JSONL file of (sentence, target[, holder]) lines for evaluation.

Each input line is ``{"id", "sentence", "target", "target_span", ["holder", "holder_span"]}``.
Lines with a holder get the actor-stance rules (``oppose -> negative``, ``support -> positive``);
lines without one get the portrayal model. Each output line is ``{"id", "label", "evidence"}``
with labels ``negative | neutral | positive``, the format of ``score_stance.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import InputError
from ..polarity.actor import actor_stances
from ..polarity.portrayal import portrayal_labels

#: Actor-stance labels written as the polarity labels evaluation files use.
STANCE_TO_POLARITY = {"support": "positive", "oppose": "negative", "neutral": "neutral"}


def _read_jsonl(path: Path) -> tuple[list[dict], list[str]]:
    rows, problems = [], []
    try:
        fh = open(path, encoding="utf-8")
    except OSError as err:
        raise InputError(f"Cannot read {str(path)!r} ({err.strerror}). Pass the path of a JSONL "
                         "file with one JSON object per line.") from None
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                problems.append(f"line {n}: not JSON ({err.msg})")
                continue
            if not isinstance(row, dict) or "id" not in row:
                problems.append(f"line {n}: no 'id' field")
                continue
            rows.append(row)
    return rows, problems


def stance_jsonl(input_path: str | Path, output_path: str | Path, *, backend: str = "rules",
                 portrayal_backend: str = "tfidf", batch_size: int = 64) -> dict:
    """Label every line of ``input_path`` and write ``{"id", "label", "evidence"}`` lines.

    Returns a summary ``{"lines", "stance", "portrayal", "skipped": [...]}``; unreadable lines
    are listed in ``skipped`` and left out, a line whose spans do not fit its sentence is
    written as neutral with the reason as evidence.

    >>> stance_jsonl("dev.jsonl", "pred.jsonl")   # doctest: +SKIP
    {'lines': 2922, 'stance': 2922, 'portrayal': 0, 'skipped': []}
    """
    rows, problems = _read_jsonl(Path(input_path))
    with_holder = [r for r in rows if r.get("holder_span") is not None]
    without = [r for r in rows if r.get("holder_span") is None]
    results: dict = {}
    stances = actor_stances(
        [(str(r.get("sentence") or ""), r["holder_span"], r.get("target_span") or (0, 0))
         for r in with_holder], backend=backend, batch_size=batch_size)
    for r, res in zip(with_holder, stances):
        ev = res.evidence + (" (hedged)" if res.hedged and "hedged" not in res.evidence else "")
        results[id(r)] = (STANCE_TO_POLARITY[res.label], ev)
    portrayals = portrayal_labels(
        [(str(r.get("sentence") or ""), r.get("target_span") or (0, 0)) for r in without],
        backend=portrayal_backend)
    for r, (label, ev) in zip(without, portrayals):
        results[id(r)] = (label, ev)
    out = Path(output_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for r in rows:
            label, ev = results[id(r)]
            fh.write(json.dumps({"id": r["id"], "label": label, "evidence": ev}) + "\n")
    return {"lines": len(rows), "stance": len(with_holder), "portrayal": len(without),
            "skipped": problems}
