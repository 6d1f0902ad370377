"""One article, its one spaCy Doc, and its tables — each computed once, on demand.

:func:`analyze` is the entry point; ``newslab.entities``, ``actors``, ``quotes``,
``statements``, ``stance``, ``stance_summary`` and ``portrayal`` are thin shortcuts to it. Nothing here parses text twice:
the Doc is made on first use and every table reads it.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from .article import Article
from .extract.attribution import attributions
from .extract.coref import resolve_mentions
from .extract.quoted_self import first_person_mentions
from .extract.actor_roles import actor_roles
from .extract.entities import entity_mentions
from .extract.groups import group_mentions, group_pronouns
from .extract.not_actors import drop_not_actors
from .extract.statements import find_statements
from .nlp import article_doc
from .parse import load_article, parse_text
from .parse.load import READ_SUFFIXES
from .tables import TABLES, select_role
from .target import stance as on_target
from .target import stance_summary as summary_on_target

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from spacy.language import Language
    from spacy.tokens import Doc

    from .records import Mention, Quote, Statement


class Analysis:
    """An article with its Doc and tables, each computed once.

    >>> import newslab
    >>> a = newslab.analyze("data/articles/nato-seeks-afghan-help-from-russia.txt")  # doctest: +SKIP
    >>> a.actors.head(4).actor.tolist()  # doctest: +SKIP
    ['Russia', 'Rasmussen', 'Nato', 'Medvedev']
    """

    def __init__(self, article: Article, *, nlp: "Language | None" = None,
                 doc: "Doc | None" = None, metonymy: bool = True,
                 aliases: "Mapping[str, str] | str | os.PathLike | None" = None) -> None:
        self.article = article
        self._nlp = nlp
        self.metonymy = metonymy
        self.aliases = aliases
        if doc is not None:
            self.__dict__["doc"] = doc

    def __repr__(self) -> str:
        return f"<Analysis of {self.article!r}>"

    # -- the one Doc ------------------------------------------------------------------------
    @cached_property
    def doc(self) -> "Doc":
        """The article's spaCy Doc (content blocks only), made once."""
        return article_doc(self.article, self._nlp)

    # -- records (Doc coordinates) ------------------------------------------------------------
    @cached_property
    def named_mentions(self) -> list["Mention"]:
        """Named-entity mentions with canonical actors (names, metonyms, demonyms), without
        names that are never actors (time zones, days, platforms as media, events:
        :mod:`newslab.extract.not_actors`)."""
        return drop_not_actors(self.doc, entity_mentions(self.doc, metonymy=self.metonymy,
                                                         aliases=self.aliases))

    @cached_property
    def mentions(self) -> list["Mention"]:
        """Named mentions and the pronouns and role nouns the resolver links to them, then the
        groups of people acting as one party (``supporters of X``, ``his aides``,
        ``residents``: each its own actor of type GROUP, :mod:`newslab.extract.groups`) and the
        plural pronouns the resolver left unlinked that refer to a group."""
        extra = resolve_mentions(self.doc, self.named_mentions)
        groups = group_mentions(self.doc, self.named_mentions + extra)
        extra += groups + group_pronouns(self.doc, groups, self.named_mentions + extra)
        return sorted(self.named_mentions + extra, key=lambda m: m.start)

    @cached_property
    def table_mentions(self) -> list["Mention"]:
        """:attr:`mentions` plus the first-person words inside each direct quotation, linked
        to its speaker (:mod:`newslab.extract.quoted_self`): what the mentions and actors tables
        show."""
        if not self.doc.has_annotation("DEP"):
            return self.mentions
        extra = first_person_mentions(self.doc, self.quote_records, self.mentions)
        return sorted(self.mentions + extra, key=lambda m: m.start)

    @cached_property
    def roles(self) -> dict[str, str]:
        """``{actor: role}``: ``agent``, ``setting`` or ``source``
        (:func:`newslab.extract.actor_roles.actor_roles`; quotes' actors are agents)."""
        quotes = self.quote_records if self.doc.has_annotation("DEP") else ()
        return actor_roles(self.doc, self.mentions, quotes)

    @cached_property
    def quote_records(self) -> list["Quote"]:
        """Attributions as records (:func:`newslab.extract.attribution.attributions`)."""
        return attributions(self.doc, self.mentions)

    @cached_property
    def statement_records(self) -> list["Statement"]:
        """Positions taken, as records (:func:`newslab.extract.statements.find_statements`)."""
        return find_statements(self.doc, self.quote_records, self.mentions)

    # -- tables (source offsets; see newslab.tables.TABLES) -----------------------------------
    def table(self, name: str) -> "pd.DataFrame":
        """The table ``name`` of :data:`newslab.tables.TABLES` (made once; raises ``KeyError``
        for an unknown name)."""
        if name not in TABLES:
            raise KeyError(f"no table {name!r}; tables are {', '.join(TABLES)}")
        return getattr(self, TABLES[name].attribute)

    @cached_property
    def entities(self) -> "pd.DataFrame":
        """Every entity mention: text, label, start/end (source offsets), paragraph, block, actor."""
        return TABLES["entities"].build(self)

    @cached_property
    def mention_frame(self) -> "pd.DataFrame":
        """Every actor mention incl. pronouns and role nouns (``entities`` + resolved ones)."""
        return TABLES["mentions"].build(self)

    @cached_property
    def actors(self) -> "pd.DataFrame":
        """One row per agent (an actor that acts, speaks or is acted on), by prominence, with
        aliases (incl. resolved pronouns/roles). Settings and sources: :meth:`actors_with_role`."""
        return TABLES["actors"].build(self)

    @cached_property
    def all_actors(self) -> "pd.DataFrame":
        """One row per actor of every role, with its ``role`` (agent, setting, source)."""
        return TABLES["all_actors"].build(self)

    def actors_with_role(self, role: "str | Sequence[str]" = "agent") -> "pd.DataFrame":
        """The actor table for ``role``: ``agent`` (= :attr:`actors`), ``setting``, ``source``,
        a list of them, or ``"all"`` (columns :data:`newslab.tables.ACTOR_COLUMNS`). Raises
        ``ValueError`` for an unknown role.

        >>> import newslab
        >>> a = newslab.analyze("Talks in Vienna\\n\\nIran said it would attend, according "
        ...                     "to Reuters.")
        >>> a.actors_with_role("all")[["actor", "role"]].values.tolist()
        [['Iran', 'agent'], ['Reuters', 'source'], ['Vienna', 'setting']]
        """
        return select_role(self.all_actors, role)

    @cached_property
    def quotes(self) -> "pd.DataFrame":
        """Who said what: direct, mixed and indirect attributions with resolved speakers."""
        return TABLES["quotes"].build(self)

    @cached_property
    def statements(self) -> "pd.DataFrame":
        """Statements (quotes and attitude constructions) with holder, target, stance label."""
        return TABLES["statements"].build(self)

    def stance(self, target: str, **kwargs: Any) -> "pd.DataFrame":
        """Statements about ``target`` with relevance and each holder's position on it
        (:func:`newslab.target.stance`)."""
        return on_target(self, target, **kwargs)

    def stance_summary(self, target: str, **kwargs: Any) -> "pd.DataFrame":
        """Each holder's majority position on ``target`` (:func:`newslab.target.stance_summary`)."""
        return summary_on_target(self, target, **kwargs)

    @cached_property
    def portrayal(self) -> "pd.DataFrame":
        """How the text treats each actor, per mention sentence: negative / neutral / positive.

        A separate score from :attr:`statements`' stance labels (what a holder says about a
        target): never blend them.
        """
        return TABLES["portrayal"].build(self)

    # -- display ------------------------------------------------------------------------------
    def _repr_html_(self) -> str:
        from .views.display import render_analysis  # a view: imported only when displayed

        return render_analysis(self)

    def view(self, *, chips: bool = True, top: int = 8) -> Any:
        """The highlighted article (what ``_repr_html_`` shows) with options: ``chips=False``
        keeps actor names in tooltips only; ``top`` actors get their own colour.
        Returns an ``IPython.display.HTML``."""
        from IPython.display import HTML

        from .views.display import render_analysis

        return HTML(render_analysis(self, top, chips=chips))

    def to_html(self, path: "str | os.PathLike | None" = None, *, title: str | None = None,
                target: str | None = None) -> str:
        """The one-page, self-contained HTML report (:func:`newslab.views.report.report_html`):
        written to ``path`` (UTF-8) when given; returns the HTML text. ``target`` focuses the
        stance summary on one topic."""
        from .views.report import write_report

        return write_report(self, path, title=title, target=target)


def _is_file(text: str) -> bool:
    """Whether ``text`` names an existing file (a long line of text is not a valid path:
    ``is_file`` raises "File name too long" or similar, which means no)."""
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def _as_article(source: "Article | str | os.PathLike") -> Article:
    if isinstance(source, Article):
        return source
    if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source
                                    and len(source) < 1024 and _is_file(source)):
        return load_article(source)
    if isinstance(source, str):
        if _names_a_file(source):
            raise FileNotFoundError(f"No such file: {source!r} (pass the article's text, or the "
                                    "path of an existing .txt/.html file)")
        return parse_text(source)
    raise TypeError(f"Expected an Article, a path or article text, not {type(source).__name__}")


def _names_a_file(source: str) -> bool:
    """A single word ending in a file extension newslab reads (``nope.txt``, ``/tmp/a.html``):
    a mistyped path, never an article."""
    s = source.strip()
    return bool(s) and " " not in s and "\n" not in s and s.lower().endswith(READ_SUFFIXES)


def analyze(source: "Article | Analysis | str | os.PathLike", **kwargs: Any) -> Analysis:
    """Analyse one article: an :class:`Article`, a path to a .txt/.html file, or pasted text.

    >>> import newslab
    >>> a = newslab.analyze("Nato seeks help\\n\\nRasmussen said Russia could help.")  # doctest: +SKIP
    >>> a.quotes.kind.tolist()  # doctest: +SKIP
    ['indirect']
    """
    if isinstance(source, Analysis):
        return source
    return Analysis(_as_article(source), **kwargs)


def entities(source, **kwargs) -> "pd.DataFrame":
    """Shortcut for ``analyze(source).entities``."""
    return analyze(source, **kwargs).entities


def actors(source, role: "str | Sequence[str]" = "agent", **kwargs) -> "pd.DataFrame":
    """Shortcut for ``analyze(source).actors_with_role(role)``: agents by default; ``role``
    may be ``setting``, ``source``, a list of roles or ``"all"``."""
    return analyze(source, **kwargs).actors_with_role(role)


def quotes(source, **kwargs) -> "pd.DataFrame":
    """Shortcut for ``analyze(source).quotes``."""
    return analyze(source, **kwargs).quotes


def statements(source, **kwargs) -> "pd.DataFrame":
    """Shortcut for ``analyze(source).statements``."""
    return analyze(source, **kwargs).statements


def portrayal(source, **kwargs) -> "pd.DataFrame":
    """Shortcut for ``analyze(source).portrayal``."""
    return analyze(source, **kwargs).portrayal


def stance(source, target: str, **kwargs: Any) -> "pd.DataFrame":
    """Statements about ``target`` with a 0-1 ``relevance`` and each holder's position on it.

    ``source`` is an article (Article, path, text, Analysis), a statements DataFrame, or a
    corpus result whose ``tables`` hold ``statements`` (one row per statement, with ``doc_id``).
    Keywords (``min_relevance``, ``holder``, ``all_rows``, ``similarity``) and the columns are
    those of :func:`newslab.target.stance`: the statement columns plus ``relevance`` (float
    0-1), ``relevance_source`` and ``statement_label``; ``label`` is the position on the target.

    >>> import newslab
    >>> newslab.stance("data/articles/nato-seeks-afghan-help-from-russia.txt",
    ...                target="Nato absorbing Georgia and Ukraine")  # doctest: +SKIP
    """
    return on_target(source if _is_table_source(source) else analyze(source), target, **kwargs)


def stance_summary(source, target: str, **kwargs: Any) -> "pd.DataFrame":
    """Each holder's majority position on ``target``: counts and the strongest evidence.

    ``source`` as for :func:`stance`; columns :data:`newslab.target.SUMMARY_COLUMNS`.

    >>> import newslab
    >>> newslab.stance_summary("data/articles/nato-seeks-afghan-help-from-russia.txt",
    ...                        "Nato absorbing Georgia and Ukraine")  # doctest: +SKIP
    """
    return summary_on_target(source if _is_table_source(source) else analyze(source), target,
                             **kwargs)


def _is_table_source(source) -> bool:
    """A statements table, or a corpus result holding tables (no article to analyse)."""
    import pandas as pd

    return isinstance(source, pd.DataFrame) or isinstance(getattr(source, "tables", None), dict)
