"""Tables share one meaning of ``paragraph``: the position of the content block in reading order."""

from __future__ import annotations

import newslab
from newslab.tables import TABLES

# A pasted page whose navigation lines come before the headline: they are dropped blocks, and
# must not shift the paragraph numbers of one table against another.
PAGE = ("Home\n\nNews\n\nWorld\n\nSign in\n\n"
        "Mayor backs new bridge\n\n"
        "The city council met on Monday.\n\n"
        "Mayor Jane Smith said the bridge would open next year.")
SENTENCE = "Mayor Jane Smith said the bridge would open next year."


def test_same_sentence_has_the_same_paragraph_in_quotes_and_entities():
    a = newslab.analyze(PAGE)
    assert any(b.kind == "dropped" for b in a.article.blocks[:3])  # navigation was dropped
    start = a.article.text.index(SENTENCE)
    end = start + len(SENTENCE)
    quote = a.quotes[(a.quotes.start >= start) & (a.quotes.end <= end)]
    ents = a.entities[(a.entities.start >= start) & (a.entities.end <= end)]
    assert len(quote) == 1 and "bridge would open" in quote.quote.iloc[0]
    assert ents.text.tolist() == ["Jane Smith"]
    content = [b for b in a.article.blocks if b.kind not in ("dropped", "source")]
    expected = next(i for i, b in enumerate(content) if b.start <= start < b.end)
    assert quote.paragraph.iloc[0] == ents.paragraph.iloc[0] == expected
    assert quote.block.iloc[0] == ents.block.iloc[0] == "paragraph"


def test_every_registered_table_is_built_with_its_columns():
    a = newslab.analyze(PAGE)
    for name, table in TABLES.items():
        df = a.table(name)
        assert list(df.columns) == list(table.columns), name


def test_a_target_phrase_ends_with_its_block(nlp):
    # The Doc joins blocks; a parse that runs over the join must not give a target whose
    # source offsets take in the text between two blocks (a byline, a caption).
    from newslab.nlp.offsets import OffsetMap
    from newslab.tables import _within_block

    a = newslab.analyze("Mayors reject the plan\n\nBy Jane Doe\n\nThe council backed the budget "
                        "for roads.", nlp=nlp)
    omap, text = OffsetMap(a.doc, a.article), a.doc.text
    first_end = text.index("\n")
    cut = _within_block(omap, text, 0, len(text))
    assert cut == (0, first_end)
    assert omap.next_block_start(0) > first_end
    assert omap.next_block_start(len(text) - 1) is None
    for row in a.statements.itertuples():
        if row.target is not None:
            assert a.article.text[row.target_start:row.target_end] == row.target
