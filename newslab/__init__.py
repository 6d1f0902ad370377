"""newslab: a Jupyter-first toolkit for analysing news articles.

The public surface is small: read an article (``load_article``, ``parse_text``,
``parse_html``), analyse it once (``analyze``), and read its tables (``entities``, ``actors``,
``quotes``, ``statements``, ``stance``, ``stance_summary``, ``portrayal``). Everything else
may change.

>>> import newslab
>>> art = newslab.parse_text("Nato seeks Afghan help\\n\\nRasmussen said Russia could help.")
>>> art.headline
'Nato seeks Afghan help'
"""

# No submodule shares a name with these functions: `newslab.quotes` is the function, always.
from .analysis import (Analysis, actors, analyze, entities, portrayal, quotes, stance,
                       stance_summary, statements)
from .article import Article, Block, Section
from .corpus import CorpusResult, analyze_corpus, load_corpus
from .errors import NewslabError
from .nlp import load_model
from .parse import load_article, parse_html, parse_text
from .version import __version__


__all__ = [
    "Analysis", "Article", "Block", "CorpusResult", "analyze_corpus", "load_corpus", "NewslabError", "Section", "__version__", "actors",
    "analyze", "entities", "load_article", "load_model", "parse_html", "parse_text",
    "portrayal", "quotes", "stance", "stance_summary", "statements",
]
