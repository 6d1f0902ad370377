"""Kept for notebooks written against ``newslab.widgets``: the code lives in :mod:`newslab.views.widgets`."""

from .views.widgets import *  # noqa: F401,F403
