"""A group of checkboxes with one ``value`` (the ticked options), for choosing several items.

ipywidgets' ``SelectMultiple`` needs Ctrl-click, which nobody guesses; a checkbox per item says
at a glance what is chosen and how to change it. :class:`CheckboxGroup` keeps
``SelectMultiple``'s interface — ``options``, a ``value`` tuple in option order, and
``observe(..., names="value")`` — so code written for one works with the other.
"""

from __future__ import annotations

from typing import Sequence

import ipywidgets as W
import traitlets


class CheckboxGroup(W.GridBox):
    """Checkboxes in ``columns`` columns; ``value`` is the tuple of ticked options.

    >>> g = CheckboxGroup(["Russia", "Nato", "Medvedev"], value=("Nato",))
    >>> g.value
    ('Nato',)
    >>> g.boxes[0].value = True        # what a click does
    >>> g.value
    ('Russia', 'Nato')
    >>> g.value = ("Medvedev",)
    >>> [b.value for b in g.boxes]
    [False, False, True]
    """

    value = traitlets.Tuple()

    def __init__(self, options: Sequence[str], value: Sequence[str] = (), *,
                 columns: int = 2, **kwargs) -> None:
        self.options = tuple(options)
        self.boxes = [W.Checkbox(value=o in value, description=str(o), indent=False,
                                 layout=W.Layout(width="auto", margin="0"))
                      for o in self.options]
        layout = W.Layout(grid_template_columns=f"repeat({columns}, minmax(0, 1fr))",
                          grid_gap="0 0.8em", width="100%")
        super().__init__(children=self.boxes, layout=layout, **kwargs)
        self._syncing = False
        self.value = tuple(o for o in self.options if o in value)
        for box in self.boxes:
            box.observe(self._box_changed, names="value")
        self.observe(self._sync_boxes, names="value")

    def _box_changed(self, _change) -> None:
        if not self._syncing:
            self.value = tuple(o for o, b in zip(self.options, self.boxes) if b.value)

    def _sync_boxes(self, change) -> None:
        chosen = set(change["new"])
        self._syncing = True
        try:
            for o, b in zip(self.options, self.boxes):
                b.value = o in chosen
        finally:
            self._syncing = False

    @traitlets.validate("value")
    def _keep_option_order(self, proposal):
        chosen = set(proposal["value"])
        return tuple(o for o in self.options if o in chosen)
