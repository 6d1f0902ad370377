"""One test for a missing value, used by every layer (tables, target stance, views).

pandas has several spellings of missing (``None``, ``NaN``, ``pandas.NA``, ``NaT``), and
``x != x`` raises on ``pandas.NA``: compare through :func:`is_missing`, never by hand.
"""

from __future__ import annotations

from typing import Any


def is_missing(value: Any) -> bool:
    """True for None, NaN, ``pandas.NA`` and ``NaT`` (never for text, lists or arrays).

    >>> import pandas as pd
    >>> [is_missing(v) for v in (None, float("nan"), pd.NA, "", [])]
    [True, True, True, False, False]
    """
    if value is None:
        return True
    if isinstance(value, (str, bytes, list, tuple, set, dict)):
        return False
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # arrays: not a single missing value
        return False
