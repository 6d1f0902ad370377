"""Hypothesis strategies for hostile input, and the properties every entry point must keep.

Shared by ``tests/test_fuzz.py`` (the CI profile: a few hundred examples) and
``benchmarks/fuzz.py`` (10,000 examples, counted). The inputs follow the kinds of faults seen in
scraped and pasted news: unbalanced and mixed quote marks, control, zero-width and bidi
characters, emoji, other scripts, ``\\r`` / ``\\u2028`` / mixed newlines, one-line megabyte
texts, HTML nested 10,000 deep, empty tags and truncated pages.

Properties (:func:`check_article`, :func:`check_analysis`):

* no exception other than :class:`~newslab.errors.NewslabError`;
* the block invariant ``normalize_span(text[b.start:b.end]) == b.text``, blocks in order;
* every offset of every row of every table lies in the text and slices it to the row's text
  (the same words: a span over two blocks shows them joined by a blank line);
* ``analyze`` is deterministic (a second analysis gives the same tables).
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from hypothesis import strategies as st

import newslab
from newslab.article import normalize_span
from newslab.errors import NewslabError

# -- alphabets ----------------------------------------------------------------------------------
QUOTE_MARKS = "\"'“”‘’«»„‚‹›「」『』"
NEWLINES = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\n\n", "\r\n\r\n", "\x0b", "\x0c", "\x85"]
CONTROL = "".join(map(chr, range(0, 32))) + "\x7f\x80\x9f"
ZERO_WIDTH_BIDI = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
OTHER_SCRIPTS = ["Москва заявила", "北京表示", "القاهرة قالت", "ירושלים אמרה", "नई दिल्ली ने कहा",
                 "Αθήνα είπε", "東京は述べた", "서울은 말했다", "Ελλάδα", "İstanbul"]
EMOJI = ["😀", "👍🏽", "🇺🇸", "👨‍👩‍👧", "❤️", "\U0001f9ea"]
WORDS = ["The", "minister", "said", "Rasmussen", "told", "reporters", "Russia", "Nato", "he",
         "she", "they", "would", "help", "not", "according to", "Medvedev", "on Monday",
         "the plan", "was", "criticised", "by", "Obama", "claimed", "that", "we", "will",
         "By Jane Doe", "SOURCE:", "Photo: AFP", "Read more", "Share this", "—", ":", ",", "."]

_char = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    st.sampled_from(QUOTE_MARKS), st.sampled_from(CONTROL), st.sampled_from(ZERO_WIDTH_BIDI),
    st.sampled_from(" \t.,;:!?-"),
)
_token = st.one_of(st.sampled_from(WORDS), st.sampled_from(QUOTE_MARKS),
                   st.sampled_from(OTHER_SCRIPTS), st.sampled_from(EMOJI),
                   st.sampled_from(NEWLINES), st.text(_char, max_size=6))


SPEAKERS = ["Rasmussen", "The minister", "Dmitry Medvedev", "He", "She", "A spokesman for Nato",
            "Officials", "Москва", "北京", "Obama's aide"]
CUES = ["said", "told reporters", "added", "warned", "claimed", "denied", "insisted", "says"]


@st.composite
def attribution(draw) -> str:
    """A reported-speech sentence with quote marks that may be mismatched or missing."""
    content = " ".join(draw(st.lists(_token, min_size=1, max_size=12)))
    speaker, cue = draw(st.sampled_from(SPEAKERS)), draw(st.sampled_from(CUES))
    left, right = draw(st.sampled_from(QUOTE_MARKS + " ")), draw(st.sampled_from(QUOTE_MARKS + " "))
    return draw(st.sampled_from([
        f"{left}{content},{right} {speaker} {cue}.",
        f"{speaker} {cue}: {left}{content}.{right}",
        f"{speaker} {cue} that {content}.",
        f"{left}{content}{right} {cue} {speaker}, {left}and more{right}",
        f"According to {speaker}, {content}.",
    ]))


@st.composite
def news_like(draw) -> str:
    """Article-shaped text: a headline, paragraphs of news words and reported speech, quote
    marks (balanced or not, of any style), odd characters and newlines of every kind."""
    sentence = st.one_of(attribution(), st.lists(_token, min_size=1, max_size=25).map(" ".join))
    paras = draw(st.lists(st.lists(sentence, min_size=1, max_size=4), min_size=1, max_size=8))
    seps = [draw(st.sampled_from(NEWLINES)) for _ in paras]
    return "".join(" ".join(p) + s for p, s in zip(paras, seps))


def one_line(n_chars: int) -> st.SearchStrategy[str]:
    """A single line of ``n_chars`` characters, in a few shapes (words, no spaces, quotes)."""
    unit = st.sampled_from(["The minister said it would help. ", "x", "“quoted ",
                            "word\u200b", "Москва ", "😀"])
    return unit.map(lambda u: (u * (n_chars // len(u) + 1))[:n_chars])


def text_inputs(megabyte: bool = True) -> st.SearchStrategy[str]:
    """Text for ``parse_text``: news-like, any characters, and (optionally) 1 MB lines."""
    options = [news_like(), st.text(_char, max_size=300)]
    if megabyte:
        options.append(one_line(1_000_000))
    return st.one_of(*options)


# -- HTML -------------------------------------------------------------------------------------
TAGS = ["p", "div", "span", "article", "h1", "h2", "figure", "figcaption", "script", "style",
        "iframe", "img", "a", "ul", "li", "table", "td", "br", "meta", "link", "noscript"]


@st.composite
def html_pages(draw, deep: bool = True) -> str:
    """Web pages: random trees of tags with empty elements, scripts and text; sometimes
    truncated at a random point, sometimes nested 10,000 deep."""

    def node(depth: int) -> str:
        tag = draw(st.sampled_from(TAGS))
        if depth > 3 or draw(st.booleans()):
            inner = draw(news_like()) if draw(st.booleans()) else ""
        else:
            inner = "".join(node(depth + 1) for _ in range(draw(st.integers(0, 3))))
        attrs = draw(st.sampled_from(["", ' class="caption"', ' src="http://x.invalid/a.js"',
                                      ' href="/author/jane"', ' rel="author"']))
        return f"<{tag}{attrs}>{inner}</{tag}>" if draw(st.booleans()) else f"<{tag}{attrs}>{inner}"

    body = "".join(node(0) for _ in range(draw(st.integers(0, 4))))
    title = draw(st.sampled_from(["", "<title>Dam opens | Daily</title>", "<title></title>"]))
    page = f"<html><head>{title}</head><body>{body}</body></html>"
    # A 10,000-deep page takes seconds to parse (lxml and trafilatura walk the depth): one page
    # in fifty is one, the rest are whole, truncated or bare fragments.
    shapes = ["whole"] * 25 + ["truncated"] * 15 + ["bare"] * 9 + (["deep"] if deep else [])
    shape = draw(st.sampled_from(shapes))
    if shape == "truncated":
        page = page[: draw(st.integers(0, len(page)))]
    elif shape == "deep":
        page = deep_page(draw(news_like()))
    elif shape == "bare":
        page = body
    return page


def deep_page(text: str, depth: int = 10_000) -> str:
    """``text`` inside ``depth`` nested ``<div>`` elements."""
    return "<html><body>" + "<div>" * depth + text + "</div>" * depth + "</body></html>"


def html_inputs(deep: bool = False) -> st.SearchStrategy[str | bytes]:
    """Pages as text or as bytes in another encoding (with or without a declaration). With
    ``deep``, every page is nested 10,000 deep (seconds each: kept to its own small share)."""
    if deep:
        return st.one_of(news_like().map(deep_page),
                         news_like().map(lambda t: deep_page(t).encode("utf-8")),
                         st.tuples(news_like(), st.integers(0, 200_000)).map(
                             lambda x: deep_page(x[0])[: x[1]]))
    pages = html_pages(deep=False)
    return st.one_of(pages, pages.map(lambda p: p.encode("utf-8", "replace")),
                     pages.map(lambda p: p.encode("cp1252", "replace")))


def file_inputs() -> st.SearchStrategy[tuple[bytes, str]]:
    """File contents and suffix for ``load_article``: text in several encodings, HTML, random
    bytes (binary), BOMs."""
    texts = news_like()
    return st.one_of(
        st.tuples(texts.map(lambda t: t.encode("utf-8", "replace")), st.just(".txt")),
        st.tuples(texts.map(lambda t: "\ufeff".encode() + t.encode("utf-16-le", "replace")),
                  st.just(".txt")),
        st.tuples(texts.map(lambda t: t.encode("cp1252", "replace")), st.just(".txt")),
        st.tuples(html_pages(deep=False).map(lambda p: p.encode("utf-8", "replace")),
                  st.sampled_from([".html", ".htm"])),
        st.tuples(st.binary(max_size=2_000), st.sampled_from([".txt", ".html"])),
    )


# -- properties --------------------------------------------------------------------------------
def check_article(art) -> None:
    """The block invariant: every block's text is its normalised source slice, in order."""
    prev_end = 0
    for b in art.blocks:
        assert 0 <= b.start <= b.end <= len(art.text), b
        assert normalize_span(art.text[b.start:b.end]) == b.text, b
        assert b.start >= prev_end, f"blocks overlap or are out of order at {b}"
        prev_end = b.end
        if b.credit is not None:
            assert normalize_span(art.text[b.credit_start:b.credit_end]) == b.credit


def parse_or_error(fn, *args, **kwargs):
    """Call a parser; a NewslabError is an allowed answer (returns None), anything else fails."""
    try:
        art = fn(*args, **kwargs)
    except NewslabError:
        return None
    check_article(art)
    return art


def load_or_error(data: bytes, suffix: str):
    """``load_article`` on ``data`` written to a temporary file with ``suffix``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"page{suffix}"
        path.write_bytes(data)
        return parse_or_error(newslab.load_article, path)


TABLES = ("entities", "mention_frame", "actors", "quotes", "statements", "portrayal")
#: (start column, end column, text column or None) pairs checked in each table
SPANS = {
    "entities": [("start", "end", "text")],
    "mention_frame": [("start", "end", "text")],
    "quotes": [("start", "end", None), ("speaker_start", "speaker_end", "speaker"),
               ("cue_start", "cue_end", "cue")],
    "statements": [("start", "end", None), ("holder_start", "holder_end", None),
                   ("target_start", "target_end", "target"), ("cue_start", "cue_end", "cue")],
    "portrayal": [("start", "end", None), ("mention_start", "mention_end", "mention")],
    "actors": [("first", "first", None), ("last", "last", None)],
}


def _words(text: str) -> list[str]:
    return normalize_span(text).split()


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or str(v) == "<NA>"


def check_tables(analysis) -> dict[str, str]:
    """Every offset of every row is inside the text and slices it to the row's text; returns
    the tables as JSON (for the determinism check)."""
    text = analysis.article.text
    out = {}
    for name in TABLES:
        df = getattr(analysis, name)
        for s_col, e_col, t_col in SPANS.get(name, []):
            if s_col not in df.columns:
                continue
            for row in df.itertuples(index=False):
                s, e = getattr(row, s_col), getattr(row, e_col)
                if _missing(s) or _missing(e):
                    continue
                assert 0 <= int(s) <= int(e) <= len(text), (name, s_col, s, e, len(text))
                if t_col is not None and isinstance(getattr(row, t_col), str):
                    # a span over two blocks shows them joined by a blank line: compare words
                    assert _words(text[int(s):int(e)]) == _words(getattr(row, t_col)), (
                        name, t_col, text[int(s):int(e)], row)
        if "fragments" in df.columns:
            for frags in df["fragments"]:
                for s, e in frags:
                    assert 0 <= s < e <= len(text), (name, "fragments", s, e)
        out[name] = df.to_json()
    return out


def analyze_or_error(source, nlp=None) -> bool:
    """Analyse ``source`` (text or Article) twice; check tables and determinism. Returns whether
    it got as far as the tables (False when parsing gave a NewslabError)."""
    try:
        first = newslab.analyze(source, nlp=nlp)
        tables = check_tables(first)
    except NewslabError:
        return False
    again = check_tables(newslab.analyze(first.article, nlp=nlp))
    assert again == tables, "analyze is not deterministic"
    return True
