"""Quotes for many raw texts: JSON lines in, JSON lines out (what ``newslab quotes`` runs).

Input lines are ``{"id": …, "text": …}``; output lines are ``{"id": …, "quotes": [{"quote",
"quote_span", "quote_fragments", "speaker", "speaker_span", "actor", "cue", "cue_span", "kind"}]}``
with ``[start, end)`` spans into that line's ``text``.

Raw texts are parsed directly (one Doc per text, no :func:`newslab.parse_text` first): the Doc
text *is* the input, so spans need no mapping. Measured on PolNeAR dev (84 texts, with the
earlier rule set): raw text gave quote F1 0.634 (direct 0.910), going through parse_text +
article_doc 0.635 (direct 0.910) — no gain, an extra pass, and parse_text's boilerplate filter may drop a block (it
dropped 70 of these texts' blocks) and its quotations with it. Texts are run
through ``nlp.pipe`` in batches with a tqdm progress bar; a text longer than spaCy's
``nlp.max_length`` is read in parts joined into one Doc (:mod:`newslab.long_text`), and one
longer than newslab's limit (:data:`newslab.limits.MAX_CHARS`) is cut there, with a warning on
its output line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from ..errors import InputError
from ..limits import MAX_CHARS
from ..nlp import load_model
from ..tables import quotes_table

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from spacy.language import Language
    from spacy.tokens import Doc

def rows_to_records(df: "pd.DataFrame") -> list[dict[str, Any]]:
    """The rows of a quotes table (:func:`newslab.tables.quotes_table`) as the JSON records
    of the CLI.

    >>> import pandas as pd
    >>> from newslab.tables import QUOTE_COLUMNS as COLUMNS
    >>> df = pd.DataFrame([dict.fromkeys(COLUMNS)] * 0, columns=COLUMNS)
    >>> rows_to_records(df)
    []
    """
    out = []
    for r in df.itertuples(index=False):
        def span(s, e):
            return None if s is None or s != s or e is None else [int(s), int(e)]
        out.append({
            "quote": r.quote,
            "quote_span": [int(r.start), int(r.end)],
            "quote_fragments": [[int(s), int(e)] for s, e in r.fragments],
            "speaker": r.speaker if isinstance(r.speaker, str) else None,
            "speaker_span": span(r.speaker_start, r.speaker_end) if isinstance(r.speaker, str) else None,
            "actor": r.actor if isinstance(r.actor, str) else None,
            "cue": r.cue if isinstance(r.cue, str) else None,
            "cue_span": span(r.cue_start, r.cue_end) if isinstance(r.cue, str) else None,
            "kind": r.kind,
        })
    return out


def _read(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n} is not valid JSON ({exc.msg}). Each line must be "
                                 '{"id": ..., "text": ...}.') from None
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                raise InputError(f'{path}:{n} has no "text" string. Each line must be '
                                 '{"id": ..., "text": ...}.')
            yield n, rec


def quote_docs(texts: Iterable[str], nlp: "Language | None" = None, *,
               batch_size: int = 32) -> Iterator[tuple["Doc", list[dict[str, Any]]]]:
    """Parse ``texts`` with ``nlp.pipe`` and yield each Doc with its quote records."""
    nlp = nlp or load_model()
    for doc in _parsed((t[:MAX_CHARS] for t in texts), nlp, batch_size):
        yield doc, rows_to_records(quotes_table(doc))


def _parsed(texts: Iterable[str], nlp: "Language", batch_size: int) -> Iterator["Doc"]:
    """One Doc per text, in order: ``nlp.pipe`` batches, a long text read in parts."""
    from ..long_text import doc_in_parts

    pending: list[str] = []
    for text in texts:
        if len(text) > nlp.max_length:
            yield from nlp.pipe(pending, batch_size=batch_size)
            pending = []
            yield doc_in_parts(nlp, text)
            continue
        pending.append(text)
        if len(pending) >= 8 * batch_size:
            yield from nlp.pipe(pending, batch_size=batch_size)
            pending = []
    yield from nlp.pipe(pending, batch_size=batch_size)


def quotes_jsonl(input_path: str | Path, output_path: str | Path, *, batch_size: int = 32,
                 progress: bool = True, nlp: "Language | None" = None) -> int:
    """Read ``{"id", "text"}`` lines, write ``{"id", "quotes": [...]}`` lines; returns the count.

    >>> quotes_jsonl("articles.jsonl", "quotes.jsonl")   # doctest: +SKIP
    1008
    """
    input_path, output_path = Path(input_path), Path(output_path)
    if not input_path.exists():
        raise InputError(f"{input_path} does not exist. Pass a JSON-lines file with one "
                         '{"id": ..., "text": ...} object per line.')
    records = [rec for _, rec in _read(input_path)]
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(records), unit="doc", desc="quotes")
    n = 0
    cut: list[str] = []
    with open(output_path, "w", encoding="utf-8") as out:
        texts = (r["text"] for r in records)
        for rec, (_, found) in zip(records, quote_docs(texts, nlp, batch_size=batch_size)):
            line = {"id": rec.get("id"), "quotes": found}
            if len(rec["text"]) > MAX_CHARS:
                # Never a silent loss: say on the line (and at the end) that the text was cut.
                line["warning"] = f"text cut at {MAX_CHARS:,} characters (newslab's limit)"
                cut.append(str(rec.get("id")))
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            n += 1
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()
    if cut:
        import sys

        print(f"newslab quotes: {len(cut)} text(s) longer than {MAX_CHARS:,} characters were cut "
              f"(marked with a 'warning' on their line): {', '.join(cut[:10])}", file=sys.stderr)
    return n
