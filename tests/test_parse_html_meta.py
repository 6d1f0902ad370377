"""HTML metadata from the page's own structured data, and text precision mode drops (issue 15)."""

from __future__ import annotations

from newslab import parse_html
from newslab.parse.html_meta import choose_date, shown_dates, tidy_author
from newslab.parse.html_structure import header_byline

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


# --- the date a page prints under its headline, weighed against its markup ---------------
LD_DATES = ('<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "%s", "dateModified": "%s"}</script>')


def test_shown_dates_read_labels_and_common_written_forms():
    assert shown_dates("Published on 3rd of March, 2021") == [("2021-03-03", "published")]
    assert shown_dates("Posted: Mar. 3, 2021") == [("2021-03-03", "published")]
    assert shown_dates("Last Updated: 2021-03-04") == [("2021-03-04", "updated")]
    assert shown_dates("Medically reviewed on 4 March 2021") == [("2021-03-04", "updated")]
    assert shown_dates("Ana Ruiz · March 3, 2021 · 4 min read") == [("2021-03-03", "shown")]


def test_shown_dates_leave_out_numeric_day_month_orders_and_times():
    assert shown_dates("Updated 03/04/2021 at 10:30") == []
    assert shown_dates("Posted 2 hours ago") == []
    assert shown_dates("Opened in 1911") == []


def test_a_published_label_under_the_headline_beats_other_markup_dates():
    head = LD_DATES % ("2019-06-01T08:00:00Z", "2019-06-02T08:00:00Z")
    art = parse_html(_page(head=head, body_extra="<p class='meta'>Published March 3, 2021</p>"))
    assert (art.meta["date"], art.meta["sources"]["date"]) == ("2021-03-03",
                                                               "shown under the headline")


def test_an_unlabelled_date_line_under_the_headline_is_the_date():
    head = LD_DATES % ("2019-06-01", "2019-06-01")
    for line in ("<div class='dateline'>12 October 2022</div>",
                 "<p><span>Marta Quintela</span> <time>Oct 12, 2022</time></p>"):
        art = parse_html(_page(head=head, body_extra=line))
        assert art.meta["date"] == "2022-10-12", line


def test_an_updated_date_does_not_replace_the_publication_date():
    head = LD_DATES % ("2021-03-01T09:00:00Z", "2023-05-02T09:00:00Z")
    for line in ("<p>Updated: May 2, 2023</p>", "<p>Last reviewed 2 May 2023</p>",
                 "<p>May 2, 2023</p>"):  # unlabelled, but the markup calls it the modification
        art = parse_html(_page(head=head, body_extra=line))
        assert (art.meta["date"], art.meta["sources"]["date"]) == ("2021-03-01", "json-ld"), line


def test_an_updated_date_is_used_when_the_page_gives_no_publication_date():
    art = parse_html(_page(body_extra="<p>Updated: May 2, 2023</p>"))
    assert art.meta["date"] == "2023-05-02"


def test_a_day_off_is_a_time_zone_shift_and_keeps_the_markup_date():
    assert choose_date("2021-03-04", None, [("2021-03-03", "shown")]) == ("2021-03-04", "markup")
    assert choose_date("2021-03-04", None, [("2021-03-01", "shown")]) == ("2021-03-01", "shown")


def test_the_markup_date_wins_when_the_header_also_shows_it():
    shown = [("2022-04-12", "shown"), ("2021-01-18", "shown")]
    assert choose_date("2021-01-18", None, shown) == ("2021-01-18", "markup")
    assert choose_date("2021-01-18", None, []) is None


def test_dates_below_the_first_paragraph_or_in_the_footer_are_not_the_header_date():
    related = "<ul class='related'><li>Harbour reopens, March 9, 2020</li></ul>"
    html = _page(head=LD_DATES % ("2021-03-01", "2021-03-01"),
                 footer="<p>Page last updated 4 January 2024. Copyright 2024</p>")
    art = parse_html(html.replace("</article>", f"{related}</article>"))
    assert art.meta["date"] == "2021-03-01"


# --- the byline printed under the headline -------------------------------------------------


def test_header_byline_reads_labels_and_names_split_over_elements():
    assert header_byline(["Pier to be rebuilt", "Written by", "Danielle Ruiz", ",",
                          "Li Wei", ", and", "Joris Hendriks", "Updated May 2, 2023"]) \
        == "Danielle Ruiz; Li Wei; Joris Hendriks"
    assert header_byline(["Pier to be rebuilt", "By: Paul Fenner", "Share"]) == "Paul Fenner"
    assert header_byline(["Pier to be rebuilt", "Author:", "Nirmala Pandey", "Published:"]) \
        == "Nirmala Pandey"


def test_header_byline_is_not_a_photo_credit_a_reviewer_or_a_role():
    assert header_byline(["Pier to be rebuilt", "Photo by Ana Ruiz"]) is None
    assert header_byline(["Pier to be rebuilt", "Medically reviewed by Ana Ruiz"]) is None
    assert header_byline(["Checkout powered by Shopify"]) is None
    # a role line after the name is not a second author
    assert header_byline(["Pier to be rebuilt", "By", "Ana Ruiz", "Senior Editor"]) == "Ana Ruiz"


def test_printed_byline_beats_a_cms_account_or_publisher_in_the_markup():
    ld_publisher = ('<script type="application/ld+json">{"@type": "NewsArticle", '
                    '"author": {"@type": "Person", "name": "Coast News"}}</script>')
    for head in ('<meta name="author" content="coastnews_admin">', ld_publisher):
        art = parse_html(_page(head=head, body_extra="<div class='byline'><span>By</span> "
                                                      "<a href='/a/mq'>Marta Quintela</a></div>"))
        assert (art.meta["author"], art.meta["sources"]["author"]) == (
            "Marta Quintela", "byline under the headline"), head


def test_printed_byline_that_agrees_with_the_markup_keeps_the_markup_names():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": ['
          '{"@type": "Person", "name": "Marta Quintela"}, '
          '{"@type": "Person", "name": "Joris Hendriks"}]}</script>')
    art = parse_html(_page(head=ld, body_extra="<p>By Marta Quintela</p>"))
    assert art.meta["author"] == "Marta Quintela; Joris Hendriks"
    assert art.meta["sources"]["author"] == "json-ld"


def test_name_line_above_the_date_names_the_author_when_nothing_else_does():
    from newslab.parse.html_structure import header_name_line

    assert header_name_line(["Pier to be rebuilt", "Matteo Lorenzi", "Last Updated:"]) \
        == "Matteo Lorenzi"
    assert header_name_line(["Pier to be rebuilt", "Opinion", "May 2, 2023"]) is None
    assert header_name_line(["Pier to be rebuilt", "Matteo Lorenzi", "Harbour"]) is None
    art = parse_html(_page(body_extra="<div><span>Marta Quintela</span><span>May 2, 2023</span>"
                                      "</div>"))
    assert (art.meta["author"], art.meta["sources"]["author"]) == (
        "Marta Quintela", "name line under the headline")


def test_name_line_replaces_a_team_author_but_not_a_named_writer():
    line = "<div><span>Marta Quintela</span><span>May 2, 2023</span></div>"
    art = parse_html(_page(head='<meta name="author" content="Coast News Team">',
                           body_extra=line))
    assert art.meta["author"] == "Marta Quintela"
    art = parse_html(_page(head='<meta name="author" content="Joris Hendriks">',
                           body_extra=line))
    assert art.meta["author"] == "Joris Hendriks"


def test_outlet_after_the_names_in_markup_is_not_an_author():
    for value in ("Marta Quintela, The Coast News", "Marta Quintela, The Daily Ledger"):
        ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": '
              f'{{"@type": "Person", "name": "{value}"}}}}</script>')
        assert parse_html(_page(head=ld)).meta["author"] == "Marta Quintela", value
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": '
          '{"@type": "Person", "name": "The Harbour Desk"}}</script>')
    assert parse_html(_page(head=ld)).meta["author"] == "The Harbour Desk"


def test_htmldate_finds_a_date_the_markup_and_header_do_not_give():
    # a date class far from the headline (below the story): htmldate's markup search finds it
    html = _page().replace("</article>", "<p class='entry-date'>2021-03-04</p></article>")
    art = parse_html(html)
    assert art.meta["date"] == "2021-03-04"
    assert art.meta["sources"]["date"] in ("trafilatura", "htmldate", "date element")
    from lxml import html as lxml_html

    from newslab.parse.html import _htmldate

    assert _htmldate(lxml_html.fromstring(html)) == "2021-03-04"
    assert _htmldate(lxml_html.fromstring(_page())) is None
