"""Backends for actor stance and portrayal, registered by name (as spaCy registers factories).

An actor-stance backend is ``fn(holder: Span, target: Span) -> StanceResult``; a portrayal
backend is ``fn(items: list[tuple[str, tuple[int, int]]]) -> list[tuple[str, str]]`` (label and
evidence per sentence/target span). Callers choose one with ``backend="name"``; nothing else
in newslab branches on backend names.

>>> from newslab.polarity import register_stance_backend, StanceResult
>>> @register_stance_backend("always_neutral")
... def _neutral(holder, target):
...     return StanceResult(evidence="baseline")
>>> "always_neutral" in STANCE_BACKENDS
True
"""

from __future__ import annotations

from typing import Callable

from ..errors import UnknownBackendError

STANCE_BACKENDS: dict[str, Callable] = {}
PORTRAYAL_BACKENDS: dict[str, Callable] = {}


def register_stance_backend(name: str) -> Callable[[Callable], Callable]:
    """Decorator: make ``fn(holder_span, target_span) -> StanceResult`` available by ``name``."""

    def deco(fn: Callable) -> Callable:
        STANCE_BACKENDS[name] = fn
        return fn

    return deco


def register_portrayal_backend(name: str) -> Callable[[Callable], Callable]:
    """Decorator: make ``fn([(sentence, (start, end)), ...]) -> [(label, evidence), ...]``
    available by ``name``."""

    def deco(fn: Callable) -> Callable:
        PORTRAYAL_BACKENDS[name] = fn
        return fn

    return deco


def stance_backend(name: str) -> Callable:
    """The registered actor-stance backend ``name`` (raises :class:`UnknownBackendError`)."""
    try:
        return STANCE_BACKENDS[name]
    except KeyError:
        raise UnknownBackendError("stance", name, list(STANCE_BACKENDS)) from None


def portrayal_backend(name: str) -> Callable:
    """The registered portrayal backend ``name`` (raises :class:`UnknownBackendError`)."""
    try:
        return PORTRAYAL_BACKENDS[name]
    except KeyError:
        raise UnknownBackendError("portrayal", name, list(PORTRAYAL_BACKENDS)) from None
