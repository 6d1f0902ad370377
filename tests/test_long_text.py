"""Texts longer than spaCy's limit: read in parts, joined into one Doc, nothing lost at the end.

Long texts are built from the Wikinews articles shipped in data/wikinews (whole paragraphs of
real news prose, repeated), so the parser meets real sentences, not filler.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newslab
import newslab.limits as limits
from newslab.article import normalize_span
from newslab.long_text import doc_in_parts, part_bounds
from newslab.nlp import doc_text

ROOT = Path(__file__).resolve().parents[1]
LAST = ('Rasmussen told reporters on Friday: "The alliance will finish this work before the '
        'end of the year, whatever it costs."')


def _paragraphs() -> list[str]:
    paras = []
    for path in sorted((ROOT / "data" / "wikinews").glob("*.txt")):
        paras += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n")
                  if len(p.split()) > 12]
    return paras


def long_text(n_chars: int, last: str = LAST) -> str:
    """A headline, real paragraphs repeated to about ``n_chars`` characters, then ``last``."""
    paras, body, size, i = _paragraphs(), [], 0, 0
    while size < n_chars:
        body.append(paras[i % len(paras)])
        size += len(body[-1]) + 2
        i += 1
    return "A day of hearings, transcribed in full\n\n" + "\n\n".join(body) + "\n\n" + last


@pytest.fixture
def small_limits(nlp, monkeypatch):
    """Make spaCy's limit and the part size tiny, so a short article is read in parts."""
    monkeypatch.setattr(nlp, "max_length", 2_000)
    monkeypatch.setattr(limits, "PART_CHARS", 700)
    return nlp


def assert_rows_point_to_the_source(analysis):
    """Every offset of every row slices the article's text to what the row says."""
    art = analysis.article
    read = [b for b in art.blocks if b.kind not in ("dropped", "source")]
    for r in analysis.entities.itertuples():  # paragraph: position among the blocks read
        assert normalize_span(art.text[r.start:r.end]) == r.text
        block = read[r.paragraph]
        assert block.start <= r.start and r.end <= block.end and block.kind == r.block
    for r in analysis.quotes.itertuples():  # paragraph: index into article.blocks
        for s, e in r.fragments:
            assert 0 <= s < e <= len(art.text)
        block = art.blocks[r.paragraph]
        assert block.start <= r.start < block.end and block.kind == r.block
        if isinstance(r.speaker, str):
            assert normalize_span(art.text[r.speaker_start:r.speaker_end]) == r.speaker


# -- where the cuts fall ----------------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab .\n", max_size=400), st.integers(2, 60))
def test_parts_cover_the_text_exactly_and_respect_the_size(text, size):
    bounds = part_bounds(text, size)
    assert "".join(text[s:e] for s, e in bounds) == text
    assert all(0 < e - s <= size for s, e in bounds)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))


def test_cuts_fall_after_blank_lines_when_paragraphs_are_short():
    text = long_text(20_000)
    bounds = part_bounds(text, 3_000)
    assert len(bounds) > 6
    for _, end in bounds[:-1]:
        assert text[end - 2:end] == "\n\n" and text[end] != "\n"


def test_a_paragraph_longer_than_a_part_is_cut_after_a_sentence():
    para = " ".join(_paragraphs()[:30]).replace("\n", " ")
    bounds = part_bounds(para, 1_000)
    assert len(bounds) > 3
    for _, end in bounds[:-1]:
        assert para[end - 1] == " " and para[:end].rstrip()[-1] in ".!?\"'”’)]"


def test_a_line_without_spaces_is_cut_anyway():
    assert part_bounds("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]


# -- one Doc from the parts -----------------------------------------------------------------
def test_the_joined_doc_is_the_text_with_its_sentences_and_entities(nlp):
    text = long_text(6_000)
    doc = doc_in_parts(nlp, text, max_chars=1_000)
    assert doc.text == text
    assert doc.has_annotation("DEP") and doc.has_annotation("ENT_IOB")
    # every blank line still ends a sentence, and the tokens' offsets are the whole text's
    for tok in doc:
        assert text[tok.idx:tok.idx + len(tok.text)] == tok.text
    starts = {s.start_char for s in doc.sents}
    for _, end in part_bounds(text, 1_000)[:-1]:
        assert end in starts


def test_an_article_over_the_limit_is_analysed_in_parts_with_source_offsets(small_limits):
    art = newslab.parse_text(long_text(9_000))
    text, _ = doc_text(art)
    assert len(text) > small_limits.max_length
    a = newslab.analyze(art, nlp=small_limits)
    assert a.doc.text == text
    assert len(a.entities) > 50 and len(a.quotes) > 5
    assert_rows_point_to_the_source(a)
    assert a.quotes.iloc[-1]["quote"] == LAST[LAST.index('"') + 1:-1]
    assert a.quotes.iloc[-1]["speaker"] == "Rasmussen"


def test_parts_give_nearly_the_tables_of_one_pass(nlp, monkeypatch):
    """A cut between paragraphs changes no sentence; at most the parse near a cut may differ
    (the tagger's context window stops at the part's edge)."""
    art = newslab.parse_text(long_text(9_000))
    whole = newslab.analyze(art, nlp=nlp)
    one = {(r.start, r.end, r.actor) for r in whole.entities.itertuples()}
    monkeypatch.setattr(nlp, "max_length", 2_000)
    monkeypatch.setattr(limits, "PART_CHARS", 1_500)
    parts = {(r.start, r.end, r.actor) for r in newslab.analyze(art, nlp=nlp).entities.itertuples()}
    assert len(one & parts) >= 0.95 * len(one)


def test_a_quotation_that_crosses_a_cut_is_still_found(small_limits):
    quotation = ("We have rebuilt the bridge twice. We will rebuild it again. The river does not "
                 "decide for this city. ") * 12
    text = (long_text(2_500, last="The session ended late.") + "\n\nThe mayor said: \""
            + quotation.strip() + "\" She then left the hall.\n\nReporters waited outside.")
    art = newslab.parse_text(text)
    cuts = [e for _, e in part_bounds(doc_text(art)[0])[:-1]]
    q_start = text.index(quotation[:20])
    a = newslab.analyze(art, nlp=small_limits)
    doc_q_start = a.doc.text.index(quotation[:20])
    assert any(doc_q_start < c < doc_q_start + len(quotation) for c in cuts), cuts
    rows = a.quotes[a.quotes["kind"] == "direct"]
    row = rows[rows["start"] == q_start].iloc[0]
    assert row["end"] == q_start + len(quotation.strip())
    assert row["speaker"] == "The mayor"


def test_a_quotation_over_two_paragraphs_across_a_cut_is_paired_as_in_one_pass(nlp,
                                                                                 monkeypatch):
    monkeypatch.setattr(limits, "PART_CHARS", 700)  # spaCy's limit is lowered below
    first = '"We will not stop here," the minister said. "The second phase starts in May.'
    second = '"And the third follows in the autumn," he added.'
    for n in range(30):  # pad until a cut falls between the two paragraphs
        pad = "Officials did not say what the works would cost. " * (n + 1)
        head = long_text(1_300, last=pad.strip())
        art = newslab.parse_text(head + "\n\n" + first + "\n\n" + second)
        text = doc_text(art)[0]
        cut = text.index(second)
        if cut in [e for _, e in part_bounds(text)[:-1]]:
            break
    else:
        pytest.fail("no padding put a cut between the two paragraphs")
    whole = newslab.analyze(art, nlp=nlp)
    assert len(whole.doc.text) < nlp.max_length  # one pass
    with pytest.MonkeyPatch.context() as mp:  # the same article, now read in parts
        mp.setattr(nlp, "max_length", 2_000)
        parts = newslab.analyze(art, nlp=nlp)
        assert len(parts.doc.text) > 2_000
    cols = ["quote", "start", "end", "kind", "speaker"]
    tail = art.text.index(first)
    got = parts.quotes[parts.quotes["end"] > tail][cols]
    assert any("second phase" in q for q in got["quote"])
    assert got.to_dict("records") == whole.quotes[whole.quotes["end"] > tail][cols].to_dict(
        "records")


@pytest.mark.slow
def test_one_and_a_half_million_characters_are_analysed_to_the_last_paragraph():
    text = long_text(1_500_000)
    assert len(text) >= 1_500_000
    a = newslab.analyze(text)
    last = a.quotes.iloc[-1]
    assert last["quote"] == LAST[LAST.index('"') + 1:-1]
    assert last["speaker"] == "Rasmussen"
    assert text[last["start"]:last["end"]] == last["quote"]
    content = [b for b in a.article.blocks if b.kind not in ("dropped", "source")]
    assert last["paragraph"] == len(content) - 1  # the last content block of the article


def test_quotes_jsonl_reads_a_long_text_in_parts_without_cutting_it(tmp_path, nlp, monkeypatch):
    from newslab.io.quotes import quotes_jsonl

    monkeypatch.setattr(nlp, "max_length", 2_000)
    monkeypatch.setattr(limits, "PART_CHARS", 700)
    text = long_text(5_000)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "long", "text": text}) + "\n"
                   + json.dumps({"id": "short", "text": LAST}) + "\n", encoding="utf-8")
    assert quotes_jsonl(src, tmp_path / "out.jsonl", progress=False, nlp=nlp) == 2
    out = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [o["id"] for o in out] == ["long", "short"]
    assert "warning" not in out[0]
    s, e = out[0]["quotes"][-1]["quote_span"]
    assert text[s:e] == LAST[LAST.index('"') + 1:-1]
    assert out[1]["quotes"][0]["speaker"] == "Rasmussen"


# -- one limits module ------------------------------------------------------------------------
def test_every_limit_lives_in_newslab_limits(nlp):
    import newslab.parse.limits as old
    import newslab.io.quotes as qio

    assert old.MAX_CHARS == limits.MAX_CHARS and old.check_size is limits.check_size
    assert qio.MAX_CHARS == limits.MAX_CHARS
    assert nlp.max_length == limits.NLP_MAX_CHARS
    with pytest.raises(newslab.NewslabError, match="limit"):
        newslab.parse_text("word " * 30, max_chars=100)


def test_a_corpus_run_reads_a_long_document_in_parts(small_limits):
    import pandas as pd

    from newslab.corpus import analyze_corpus

    texts = pd.DataFrame({"doc_id": ["short", "long", "after"],
                          "text": [LAST, long_text(6_000), "Talks resumed.\n\n" + LAST]})
    res = analyze_corpus(texts, tables=("articles", "quotes"), progress=False)
    assert len(res.failures) == 0
    q = res.tables["quotes"]
    assert q.groupby("doc_id").size().to_dict().keys() == {"short", "long", "after"}
    last = q[q.doc_id == "long"].iloc[-1]
    assert last["speaker"] == "Rasmussen" and last["end"] == len(texts.text[1]) - 1
