"""Views over tables: the highlighted article (:mod:`~newslab.views.display`), charts
(:mod:`~newslab.views.plots`) and widgets (:mod:`~newslab.views.widgets`). Views take
DataFrames, never a Doc; nothing below them imports them.
"""
