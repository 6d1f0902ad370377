"""newslab: a Jupyter-first toolkit for analysing news articles.

>>> import newslab
>>> art = newslab.parse_text("Nato seeks Afghan help\\n\\nRasmussen said Russia could help.")
>>> art.headline
'Nato seeks Afghan help'
"""

from .article import Article, Block, Section
from .errors import NewslabError
from .nlp import load_model
from .parse import load_article, parse_html, parse_text

__version__ = "0.1.0"

__all__ = ["Article", "Block", "Section", "NewslabError", "load_article", "load_model",
           "parse_html", "parse_text", "__version__"]
