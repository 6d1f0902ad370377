"""Kept for notebooks written against ``newslab.plots``: the code lives in :mod:`newslab.views.plots`."""

from .views.plots import *  # noqa: F401,F403
