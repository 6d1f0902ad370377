"""newslab's data tables (CSV files beside this module), read in one way.

Each file opens with ``#`` comment lines naming its source and licence; the rest is CSV with a
header row. :func:`read_lexicon` is the one reader every module uses (see ``README.md`` here for
what each table holds).
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def _rows(name: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    with open(LEXICON_DIR / name, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    return tuple(tuple((k, (v or "").strip()) for k, v in row.items() if k is not None)
                 for row in csv.DictReader(lines))


def read_lexicon(name: str) -> list[dict[str, str]]:
    """Rows of ``newslab/lexicons/<name>`` as dicts (values stripped; ``#`` lines skipped).

    Parsed once per process; each call returns fresh dicts, so callers may change them.

    >>> sorted(read_lexicon("honorifics.csv")[0])
    ['title']
    """
    return [dict(row) for row in _rows(name)]
