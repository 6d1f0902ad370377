"""Deterministic study/check halves of every cleaning dev set.

Every dev set is split in two by document id before anyone looks at its errors: rules and
models are fitted and selected on the ``study`` half, figures are reported on the ``check``
half (CONTEXT.md, "Figures are held-out figures"). The split hashes the id, so it does not
depend on file order and is the same on every machine.

>>> half("dev-0001") in ("study", "check")
True
"""

from __future__ import annotations

import hashlib

HALVES = ("study", "check")


def half(doc_id: str) -> str:
    """``"study"`` or ``"check"`` for a document id (SHA-256 of the id, lowest bit)."""
    digest = hashlib.sha256(f"newslab-split:{doc_id}".encode("utf-8")).digest()
    return HALVES[digest[-1] & 1]


def split(ids) -> dict[str, list[str]]:
    """The ids of each half, in their given order."""
    out: dict[str, list[str]] = {h: [] for h in HALVES}
    for i in ids:
        out[half(i)].append(i)
    return out
