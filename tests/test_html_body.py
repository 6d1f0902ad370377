"""parse_html body rules beside trafilatura: page chrome taken out of the body (link
teasers, trailing chrome) and article text put back (link text cut out of a paragraph).

Each page is written for these tests; each test fails without the rule it names.
"""

from __future__ import annotations

from newslab import parse_html

PARAS = [
    "The regional water board approved a plan on Thursday to raise the level of the northern "
    "reservoir by two metres, ending a dispute that had lasted for almost a decade.",
    "Farmers downstream had argued that a higher dam would flood grazing land their families "
    "have used for generations, and several took the board to court over the proposal.",
    "Under the compromise, the board will buy the affected fields at market prices and pay for "
    "new fencing and access roads on the land that remains above the waterline.",
    "Engineers expect construction to begin next summer and to take about three years, "
    "during which the reservoir will be kept at its current level.",
    "The board's chair, Ines Vogt, said the agreement showed that long disputes could end "
    "without winners and losers, and thanked both sides for their patience.",
]


def _page(body: str, after: str = "") -> str:
    return ("<html><head><title>Reservoir plan approved | The Valley Post</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            "<article><h1>Reservoir plan approved</h1>"
            f"<div class='article-body'>{body}</div>{after}</article>"
            "<footer><p>The Valley Post</p></footer></body></html>")


def _paras(*idx: int) -> str:
    return "".join(f"<p>{PARAS[i]}</p>" for i in idx)


def test_related_headline_links_after_the_story_are_not_body():
    # related-story headlines set as links (a "Related:" line, a heading inside a link, a
    # list of links) after the story's last paragraph: links to other pages, not text
    body = (_paras(0, 1, 2, 3, 4)
            + "<p><strong>Related: </strong><a href='/x1'>Drought warning issued for the "
              "eastern valleys</a></p>"
            + "<a href='/x2'><h3>Ten walks around the northern reservoir</h3></a>"
            + "<ul><li><a href='/x3'>Water bills to rise by four percent in April</a></li>"
              "<li><a href='/x4'>Fishing season opens early on the lower lakes</a></li></ul>")
    art = parse_html(_page(body))
    text = art.body
    for para in PARAS:
        assert para in text
    for teaser in ("Drought warning", "Ten walks", "Water bills", "Fishing season"):
        assert teaser not in text, teaser
    assert [b.text for b in art.blocks if b.kind == "heading"] == []


def test_a_linked_list_between_the_paragraphs_stays():
    # a checklist or a list of sources between paragraphs is the article's own
    items = ["Drought warning issued for the eastern valleys",
             "Water bills to rise by four percent in April"]
    body = (_paras(0, 1) + "<p>Earlier coverage:</p><ul>"
            + "".join(f"<li><a href='/x{i}'>{t}</a></li><li>From the archive, {2020 + i}</li>"
                      for i, t in enumerate(items))
            + "</ul>" + _paras(2, 3, 4))
    art = parse_html(_page(body))
    for t in items:
        assert t in art.body


def test_a_sub_head_or_a_sentence_that_is_also_a_link_elsewhere_stays():
    # a sub-head whose words are a menu link outside the article, and a whole paragraph
    # wrapped in a link inside it, are the article's own
    body = (_paras(0, 1) + "<h2>What the farmers get</h2>" + _paras(2)
            + f"<p><a href='/full-plan'>{PARAS[3]}</a></p>" + _paras(4))
    page = _page(body).replace("<a href='/news'>News</a>",
                               "<a href='/news'>News</a> <a href='/t'>What the farmers get</a>")
    art = parse_html(page)
    assert [b.text for b in art.blocks if b.kind == "heading"] == ["What the farmers get"]
    for para in PARAS:
        assert para in art.body


def test_trailing_share_newsletter_and_comment_prompts_are_not_body():
    body = (_paras(0, 1, 2, 3, 4)
            + "<p>Like this story? Share it with a friend!</p>"
            + "<p>Tell us what you think...</p>")
    art = parse_html(_page(body))
    assert art.body.rstrip().endswith(PARAS[4])
    assert "Share it" not in art.body and "what you think" not in art.body


def test_a_closing_paragraph_that_mentions_a_newsletter_stays():
    # only lexicon phrases of page chrome end the body; a reporting credit stays
    closing = "Ines Vogt contributed reporting from the board meeting in Altdorf."
    body = _paras(0, 1, 2, 3, 4) + f"<p>{closing}</p>"
    art = parse_html(_page(body))
    assert art.body.rstrip().endswith(closing)


def test_link_text_cut_out_of_a_matched_paragraph_is_put_back():
    # precision mode drops the words of a link inside a paragraph; the paragraph still
    # matches its raw <p> by its opening, whose full text is put back
    cut = ("The board's decision follows a report published last spring which found that "
           "the dam could hold <span class='link'><a href='/report'>a far larger volume of "
           "water</a></span> without any risk to the villages below it, the board said.")
    body = _paras(0, 1) + f"<p>{cut}</p>" + _paras(2, 3, 4)
    art = parse_html(_page(body))
    assert "could hold a far larger volume of water without any risk" in art.body


def test_short_linked_names_in_a_list_stay():
    # a list of linked product or place names (each shorter than a headline) is the
    # article's content, not a row of story teasers
    body = (_paras(0, 1, 2)
            + "<p>What to buy:</p><ul><li><a href='/p/1'>Acme Rain Barrel</a></li>"
              "<li>A barrel that holds 200 litres of rain water from the roof</li>"
              "<li><a href='/p/2'>Acme Garden Hose</a></li>"
              "<li>A hose that does not kink, in three lengths</li></ul>"
            + _paras(3, 4))
    art = parse_html(_page(body))
    assert "Acme Rain Barrel" in art.body and "Acme Garden Hose" in art.body
    assert art.body.rstrip().endswith(PARAS[4])


def test_lead_set_as_loose_text_in_a_teaser_container_comes_back():
    # trafilatura drops "teaser" containers; the lead here is loose text, not a <p>
    lead = ("Two of the nine members of the water board voted against the plan on Thursday, "
            "saying that the farmers had been offered too little for their land.")
    art = parse_html(_page(f"<div class='intro-teaser'>{lead}</div>" + _paras(0, 1, 2, 3, 4)))
    assert art.body.startswith(lead)


def _br_page(sidebar: str) -> str:
    lead = ("Following last week's storms, the county plans to rebuild the coastal road in the "
            "first half of next year, according to engineers cited by the regional paper <em>"
            "<a href='https://example.org/x'>The Coast Gazette</a></em>. A summary of the plan "
            "was shared with councillors.")
    content = lead + "\n<br/> <br/>" + "\n<br/> <br/>".join(PARAS)
    guides = "".join(f"<li><a href='/guide/{i}'>Guide {i}: where to walk, park and eat along "
                     "the bay in every season of the year</a></li>" for i in range(8))
    return ("<html><head><title>Coastal road to be rebuilt | Shore News</title></head><body>"
            "<div id='main'><div class='article'><h1>Coastal road to be rebuilt</h1>"
            f"<div class='byline'>Monday by Jo Reed</div><div class='content'>{content}</div>"
            f"</div><div id='right'><ul>{guides}{sidebar}</ul></div></div></body></html>")


def test_paragraphs_set_apart_by_two_line_breaks_are_separate_blocks():
    art = parse_html(_br_page(""))
    paras = [b.text for b in art.blocks if b.kind == "paragraph"]
    assert paras[0].startswith("Following last week's storms")
    assert paras[1:] == PARAS


def test_a_teaser_kept_from_a_sidebar_link_outside_the_article_is_not_body():
    teaser = ("Spring tides are the highest tides of the month, and they arrive soon after a "
              "new or full moon when the sun and moon line up.")
    art = parse_html(_br_page("<li><div class='title'><a href='/g/t'>Tides</a></div><div "
                              f"class='text'><a href='/g/t'><p>{teaser}</p></a></div></li>"))
    assert "Spring tides" not in art.body
    assert art.body.startswith("Following last week's storms")


def test_a_date_line_marked_as_the_publication_date_is_not_body():
    body = ("<span itemprop='datePublished'>Thursday, 14 March 2024, 09:15</span>"
            + _paras(0, 1, 2, 3, 4))
    art = parse_html(_page(body))
    assert "14 March" not in art.body
    assert art.body.startswith(PARAS[0])


def test_sub_heads_set_as_classed_divs_come_back_as_sub_heads():
    # trafilatura drops short loose-text divs; "subheadline" names an in-body sub-head
    body = (_paras(0, 1) + "<div class='story_subheadline'>Who pays for the land?</div>"
            + _paras(2, 3) + "<div class='crosshead'>When work begins</div>" + _paras(4))
    art = parse_html(_page(body))
    heads = [(b.text, b.section) for b in art.blocks if b.kind == "heading"]
    assert heads == [("Who pays for the land?", 1), ("When work begins", 2)]
    assert [b.text for b in art.blocks if b.kind == "paragraph" and b.section == 1] == PARAS[2:4]


def test_a_subheadline_above_the_body_is_no_sub_head():
    # "subheadline" above the first paragraph is the dek some CMSs name so, not a sub-head
    body = ("<div class='article-subheadline'>Farmers will be paid for the flooded fields</div>"
            + _paras(0, 1, 2, 3, 4))
    art = parse_html(_page(body))
    assert [b.text for b in art.blocks if b.kind == "heading"] == []
    assert art.body.startswith(PARAS[0])


def test_page_classes_on_body_do_not_make_a_widget():
    from lxml import html

    from newslab.parse.html_structure import in_widget

    page = html.fromstring("<html><body class='has-promo-banner'><div><p>Text</p></div>"
                           "<div class='promo'><p>Offer</p></div></body></html>")
    assert [in_widget(p) for p in page.iter("p")] == [False, True]


def test_recovery_skips_date_lines_and_text_already_kept_in_pieces():
    from newslab.parse.html_recover import _dateline, _mostly_kept

    assert _dateline("Posted on December 20, 2025 by Jean Luc - 5 Comments on Ports?")
    assert not _dateline("The council voted on Tuesday to close the bridge to cars.")
    pieces = ["small and medium businesses remain the", "in different countries and need"]
    assert _mostly_kept("small and medium businesses remain the backbone of the economy in "
                        "different countries and need accounting software", pieces)
    assert not _mostly_kept("the council voted on tuesday to close the old bridge", pieces)


def test_a_description_shown_as_the_first_paragraph_appears_once():
    page = ("<html><head><title>Harbour city approves charge</title>"
            '<meta name="description" content="Drivers entering the old town will pay a daily '
            'fee from April."></head><body><article><h1>Harbour city approves charge</h1>'
            '<p class="standfirst">Drivers entering the old town will pay a daily fee from '
            "April.</p><p>The city council voted 21 to 14 on Monday to introduce a congestion "
            "charge for cars entering the old town, the first such scheme in the region.</p>"
            "<p>Mayor Henrik Lassiter, who proposed the charge, said it would cut traffic by a "
            "fifth and raise money for new tram lines in the coming years.</p></article>"
            "</body></html>")
    art = parse_html(page)
    assert art.text.count("Drivers entering the old town") == 1, art.text


def test_the_url_the_caller_gives_is_the_pages_url():
    page = ('<html><head><link rel="canonical" href="https://mirror.example.net/a"></head>'
            "<body><article><h1>Dam opens</h1><p>The new dam on the river opened on Monday after "
            "six years of building, the regional water board said in a statement.</p>"
            "</article></body></html>")
    art = parse_html(page, url="https://news.example.org/dam-opens")
    assert art.meta["url"] == "https://news.example.org/dam-opens"
    assert art.meta["sources"]["url"] == "given"
