"""HTML metadata from the page's own structured data, and text precision mode drops (issue 15)."""

from __future__ import annotations

from newslab import parse_html
from newslab.parse.html_meta import tidy_author

PARAS = "".join(
    f"<p>{s}</p>" for s in (
        "The harbour authority said on Monday that the old pier would be rebuilt over the "
        "next two years, at a cost of about twelve million euros.",
        "Fishing boats will moor at a temporary jetty on the north side of the bay while the "
        "work goes on, the authority added in a statement.",
        "Local traders welcomed the decision but asked for the work to pause during the "
        "summer season, when most visitors come to the town.",
    ))


def _page(head: str = "", body_extra: str = "", footer: str = "") -> str:
    return (f"<html><head><title>Pier to be rebuilt | Coast News</title>{head}</head><body>"
            f"<article><h1>Pier to be rebuilt</h1>{body_extra}{PARAS}</article>"
            f"<footer>{footer}</footer></body></html>")


def test_author_and_date_from_json_ld_with_their_source():
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", '
          '"@type": "NewsArticle", "headline": "Pier to be rebuilt", '
          '"datePublished": "2023-05-08T09:30:00+02:00", '
          '"author": [{"@type": "Person", "name": "Marta Quintela"}, '
          '{"@type": "Person", "name": "Joris Hendriks"}]}</script>')
    art = parse_html(_page(head=ld))
    assert art.meta["date"] == "2023-05-08"
    assert art.meta["author"] == "Marta Quintela; Joris Hendriks"
    assert art.meta["sources"]["date"] == "json-ld"
    assert art.meta["sources"]["author"] == "json-ld"
    assert art.byline == "By Marta Quintela and Joris Hendriks"


def test_meta_tags_when_there_is_no_json_ld():
    head = ('<meta property="article:published_time" content="2022-11-30T18:00:00Z">'
            '<meta name="author" content="Marta Quintela">')
    art = parse_html(_page(head=head))
    assert (art.meta["date"], art.meta["sources"]["date"]) == (
        "2022-11-30", "meta:article:published_time")
    assert (art.meta["author"], art.meta["sources"]["author"]) == ("Marta Quintela",
                                                                   "meta:author")


def test_copyright_year_is_never_a_date():
    art = parse_html(_page(footer="<p>Copyright 2021 Coast News. All rights reserved.</p>"))
    assert art.date is None
    assert "date" not in art.meta.get("sources", {})


def test_link_wrapped_paragraph_inside_the_story_is_kept():
    linked = ('<p><a href="/timeline">A timeline of the pier, from its opening in 1911 to the '
              'storm that closed it last winter, is published alongside this report.</a></p>')
    html = _page().replace(PARAS, PARAS.replace("</p><p>Local", f"</p>{linked}<p>Local"))
    art = parse_html(html)
    assert "A timeline of the pier" in art.body
    assert art.body.index("Fishing boats") < art.body.index("A timeline") \
        < art.body.index("Local traders")


def test_related_teasers_below_the_story_stay_out():
    related = ('<div class="related-stories"><p>Another town voted last year to close its '
               'pier for good after repairs proved far too expensive for the council.</p></div>')
    art = parse_html(_page().replace("</article>", f"{related}</article>"))
    assert "Another town voted" not in art.body


def test_tidy_author_removes_roles_dates_and_labels():
    assert tidy_author("Keith Barry Senior Autos Reporter") == "Keith Barry"
    assert tidy_author("Silverback Strategies; October") == "Silverback Strategies"
    assert tidy_author("Updated March") is None
    assert tidy_author("Ludwig van Beethoven") == "Ludwig van Beethoven"


def test_byline_label_and_name_in_separate_elements():
    art = parse_html(_page(body_extra="<div><p>Written by</p><p>Edzel Tabing</p></div>"))
    assert art.meta["author"] == "Edzel Tabing"
    assert art.byline == "By Edzel Tabing"


def test_one_meta_tag_per_author_reads_every_author():
    head = ('<meta name="citation_author" content="Mahindru, Aditya">'
            '<meta name="citation_author" content="Patil, Pradeep">')
    art = parse_html(_page(head=head))
    assert art.meta["author"] == "Aditya Mahindru; Pradeep Patil"
    assert art.meta["sources"]["author"] == "meta:citation_author"
