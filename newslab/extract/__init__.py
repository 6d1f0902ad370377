"""Extractors: plain functions over one parsed spaCy Doc that yield records (Doc coordinates).

One module per family, each readable on its own (after textacy's ``extract`` package):

* :mod:`~newslab.extract.entities` — named entities → canonical actors (``entity_mentions``);
* :mod:`~newslab.extract.coref` — pronouns and role nouns → actors (``resolve_mentions``);
* :mod:`~newslab.extract.quotations` — quote marks paired into quotations;
* :mod:`~newslab.extract.cues` and :mod:`~newslab.extract.speakers` — reporting cues and who
  speaks for them;
* :mod:`~newslab.extract.direct` and :mod:`~newslab.extract.reported` — the attribution
  families, as named steps over :mod:`~newslab.extract.context`;
* :mod:`~newslab.extract.attribution` — runs the steps in order (``attributions``);
* :mod:`~newslab.extract.statements` — positions taken (``find_statements``).

Extractors import the data model, :mod:`newslab.nlp`, :mod:`newslab.lexicons` and
:mod:`newslab.polarity`; never tables or views. This package binds no names of its own, so
``newslab.extract.<module>`` is always the module.
"""
