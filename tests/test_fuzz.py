"""Fuzzing every entry point with hostile input (CI profile: a few hundred examples in all).

The strategies and properties live in ``tests/fuzzing.py``; ``benchmarks/fuzz.py`` runs the same
properties on 10,000 examples. Set ``NEWSLAB_FUZZ_EXAMPLES`` to scale this profile up.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newslab

from . import fuzzing

N = int(os.environ.get("NEWSLAB_FUZZ_EXAMPLES", "60"))
CI = settings(max_examples=N, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))


@CI
@given(fuzzing.text_inputs())
def test_parse_text_never_fails_outside_newslab_errors(text):
    fuzzing.parse_or_error(newslab.parse_text, text)


@CI
@given(fuzzing.html_inputs())
@example(fuzzing.deep_page('"We will reopen the bridge," the mayor said. "Unbalanced'))
@example(fuzzing.deep_page("x", depth=10_000)[:30_000])  # deep and truncated
def test_parse_html_never_fails_outside_newslab_errors(page):
    fuzzing.parse_or_error(newslab.parse_html, page)


@CI
@given(fuzzing.file_inputs())
def test_load_article_never_fails_outside_newslab_errors(file):
    fuzzing.load_or_error(*file)


@settings(CI, max_examples=max(N // 2, 10))
@given(text=st.one_of(fuzzing.news_like(), fuzzing.text_inputs(megabyte=False)))
# found by benchmarks/fuzz.py: one pasted line longer than a file name ("File name too long")
@example(text="’Москва заявила İstanbul Ú\U00034c76¢鱘Ô]‚ denied She, ’and more‚ " * 3 + "👍🏽\x0b")
def test_analyze_keeps_offsets_valid_and_is_deterministic(text, nlp):
    fuzzing.analyze_or_error(text, nlp=nlp)


@settings(CI, max_examples=max(N // 3, 10))
@given(page=fuzzing.html_pages(deep=False))
def test_analyze_html_keeps_offsets_valid_and_is_deterministic(page, nlp):
    art = fuzzing.parse_or_error(newslab.parse_html, page)
    if art is not None:
        fuzzing.analyze_or_error(art, nlp=nlp)
