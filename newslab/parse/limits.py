"""Kept so that ``newslab.parse.limits`` still imports: the limits live in :mod:`newslab.limits`."""

from ..limits import MAX_CHARS, check_size

__all__ = ["MAX_CHARS", "check_size"]
