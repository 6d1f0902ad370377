"""Author and date rules for HTML pages beyond the headline block (issue 15): publisher names
in the markup, author boxes and labels, page-builder wrappers, permalink and kicker dates.

Every page here is invented for the test.
"""

from __future__ import annotations

from newslab import parse_html
from newslab.parse.html_meta import names_site, permalink_date, tidy_author, url_date

PARAS = "".join(
    f"<p>{s}</p>" for s in (
        ("The harbour authority said on Monday that the old pier would be rebuilt over the "
         "next two years, at a cost of about twelve million euros."),
        ("Fishing boats will moor at a temporary jetty on the north side of the bay while the "
         "work goes on, the authority added in a statement."),
        ("Local traders welcomed the decision but asked for the work to pause during the "
         "summer season, when most visitors come to the town."),
    ))


def _page(head: str = "", above: str = "", below: str = "", wrap: tuple[str, str] = ("", ""),
          body_class: str = "") -> str:
    return (f"<html><head><title>Pier to be rebuilt | Coast News</title>{head}</head>"
            f"<body class='{body_class}'>{wrap[0]}<article>{above}<h1>Pier to be rebuilt</h1>"
            f"{PARAS}{below}</article>{wrap[1]}"
            "<footer><p>Coast News, 4 Quay Street</p></footer></body></html>")


# ---------------------------------------------------------------------------------------
# authors in meta tags
# ---------------------------------------------------------------------------------------
def test_every_highwire_author_beats_a_first_author_dublin_core_tag():
    head = ('<meta name="DC.Creator" content="Marta Quintela">'
            + "".join(f'<meta name="citation_authors" content="{n}">'
                      for n in ("Marta Quintela", "Joris Hendriks", "Aiko Tanaka")))
    art = parse_html(_page(head=head))
    assert art.meta["author"] == "Marta Quintela; Joris Hendriks; Aiko Tanaka"
    assert art.meta["sources"]["author"] == "meta:citation_authors"


def test_yoast_written_by_label_and_data_name_the_author():
    head = ('<meta property="og:site_name" content="Coast News">'
            '<meta name="author" content="Coast News">'
            '<meta name="twitter:label1" content="Written by">'
            '<meta name="twitter:data1" content="Marta Quintela">'
            '<meta name="twitter:label2" content="Est. reading time">'
            '<meta name="twitter:data2" content="3 minutes">')
    art = parse_html(_page(head=head))
    assert (art.meta["author"], art.meta["sources"]["author"]) == (
        "Marta Quintela", "meta:twitter:data1")


def test_a_credits_list_or_a_cms_account_is_not_an_author():
    head = ('<meta name="author" '
            'content="content: Coast News, design: Joris Hendriks, code: Li Wei">')
    assert "author" not in parse_html(_page(head=head)).meta
    assert "author" not in parse_html(_page(head='<meta name="author" content="admin">')).meta


def test_avatar_initials_before_the_name_are_dropped():
    assert tidy_author("CM Craig Mendes") == "Craig Mendes"
    assert tidy_author("JR Smith") == "JR Smith"  # initials that are the name itself


# ---------------------------------------------------------------------------------------
# the publisher named as author
# ---------------------------------------------------------------------------------------
LD_PUBLISHER_AUTHOR = (
    '<script type="application/ld+json">{"@context": "https://schema.org", '
    '"@type": "NewsArticle", "headline": "Pier to be rebuilt", '
    '"author": {"@type": "Person", "name": "COAST NEWS"}, '
    '"publisher": {"@type": "NewsMediaOrganization", "name": "Coast News"}}</script>')


def test_a_byline_element_replaces_the_publisher_named_as_author():
    byline = ('<div class="attribution"><span class="author">'
              '<a href="/staff/7/marta-quintela">Marta Quintela</a></span></div>')
    art = parse_html(_page(head=LD_PUBLISHER_AUTHOR, below=byline))
    assert (art.meta["author"], art.meta["sources"]["author"]) == (
        "Marta Quintela", "byline element")


def test_the_publisher_stays_the_author_when_the_page_names_no_one():
    art = parse_html(_page(head=LD_PUBLISHER_AUTHOR))
    assert art.meta["author"] == "COAST NEWS"


def test_names_site_never_takes_a_personal_name_for_the_site():
    from lxml import html

    page = html.fromstring('<html><head><meta property="og:site_name" content="Colin Watson">'
                           '<link rel="canonical" href="https://www.coastnews.example/a">'
                           '</head><body><p>x</p></body></html>')
    assert names_site("Colin Watson", page) is False
    assert names_site("coastnews.example", page) is True


# ---------------------------------------------------------------------------------------
# byline elements
# ---------------------------------------------------------------------------------------
def test_page_builder_wrappers_do_not_hide_a_written_by_block():
    wrap = (('<div class="elementor-widget elementor-widget-text-editor">'
             '<div class="elementor-widget-container">'), '</div></div>')
    written = ('<div class="elementor-widget-container"><h3>Written by Marta Quintela</h3>'
               '<p>Marta writes about the coast and its towns.</p></div>')
    art = parse_html(_page(below=written, wrap=wrap))
    assert art.meta.get("author") == "Marta Quintela"


def test_a_typed_page_builder_widget_is_still_a_widget():
    menu = ('<div class="elementor-widget elementor-widget-nav-menu"><div class="elementor-'
            'widget-container"><ul><li><a href="/author/joris-hendriks/">Joris Hendriks</a>'
            '</li></ul></div></div>')
    art = parse_html(_page(above=menu))
    assert "author" not in art.meta


def test_utility_classes_and_page_level_classes_are_not_widgets():
    link = ('<div class="lg:mr-[--sidebar-container-width]"><a href="/blog/authors/marta-'
            'quintela" class="inline-flex">Marta Quintela</a></div>')
    art = parse_html(_page(below=link, body_class="no-sidebars"))
    assert art.meta.get("author") == "Marta Quintela"


def test_by_label_then_a_link_on_a_line_with_other_links():
    line = ('<p>By <a href="/contributor/a_j_neal">A. J. Neal</a> &nbsp; '
            '<a href="/digital">View In Digital Edition</a></p>')
    art = parse_html(_page(below=line))
    assert art.meta.get("author") == "A. J. Neal"


def test_contributors_label_then_the_name_as_text():
    line = "<div class='tags'><div><strong>Contributors:</strong> Janet Loughrey</div></div>"
    art = parse_html(_page(below=line))
    assert art.meta.get("author") == "Janet Loughrey"


def test_author_box_heading_names_the_writer():
    box = ('<div class="blog-author d-flex"><img src="a.jpg" alt=""><div><h4>Bence Kovacs</h4>'
           '<p>Bence is a software developer who writes about audio tools and small '
           'games, and has contributed to many open projects.</p></div></div>')
    art = parse_html(_page(below=box))
    assert art.meta.get("author") == "Bence Kovacs"


def test_the_articles_own_footer_can_name_the_writer_but_the_site_footer_cannot():
    own = '<footer><p>Posted by <a href="/about/">Colin Watson</a> in Harbours.</p></footer>'
    assert parse_html(_page(below=own)).meta.get("author") == "Colin Watson"
    site = _page().replace("<p>Coast News, 4 Quay Street</p>",
                           '<p>Posted by <a href="/about/">Colin Watson</a></p>')
    assert "author" not in parse_html(site).meta


# ---------------------------------------------------------------------------------------
# dates
# ---------------------------------------------------------------------------------------
def test_open_graph_published_time_is_a_date_source():
    art = parse_html(_page(head='<meta property="og:published_time" '
                                'content="2024-10-08T00:00:00-04:00">'))
    assert (art.meta["date"], art.meta["sources"]["date"]) == ("2024-10-08",
                                                               "meta:og:published_time")


def test_permalink_date_settles_a_time_zone_shift():
    head = '<meta property="article:published_time" content="2025-12-19T03:10:00+00:00">'
    url = "https://coastnews.example/2025/12/18/pier-to-be-rebuilt/"
    art = parse_html(_page(head=head), url=url)
    assert (art.meta["date"], art.meta["sources"]["date"]) == ("2025-12-18", "url")
    assert url_date("https://coastnews.example/news/pier") is None
    assert permalink_date("2024-03-02", url) is None  # far apart: an update, keep the markup


def test_a_date_printed_above_the_headline_is_read():
    kicker = "<div class='meta'><div>Last updated:</div><div>Dec 12, 2025</div></div>"
    art = parse_html(_page(above=kicker))
    assert (art.meta["date"], art.meta["sources"]["date"]) == ("2025-12-12",
                                                               "shown under the headline")


# ---------------------------------------------------------------------------------------
# second round: opening bylines, teams, meta lines, personal sites, date elements
# ---------------------------------------------------------------------------------------
def test_a_by_line_opening_the_body_beats_the_cms_account_in_the_markup():
    head = '<meta name="author" content="Stef Keegan">'
    html = _page(head=head).replace("<p>The harbour", "<p><em>By Lizzie Streit, MS, RDN</em>"
                                    "</p><p>The harbour")
    art = parse_html(html)
    assert (art.meta["author"], art.meta["sources"]["author"]) == (
        "Lizzie Streit", "byline under the headline")


def test_a_team_byline_gives_way_to_a_written_by_line_below_the_story():
    top = "<p class='byline'>By Team Coast News</p>"
    end = "<p>Written by <a href='https://example.org/marta'>Marta Quintela</a></p>"
    art = parse_html(_page(above="", below=end).replace("</h1>", f"</h1>{top}"))
    assert art.meta["author"] == "Marta Quintela"


def test_date_and_name_in_one_author_classed_meta_line():
    line = ("<div class='publish-date-author'>Dec. 19, 2025 &middot; Niko Matsakis on behalf "
            "of the team</div>")
    art = parse_html(_page(below=line))
    assert art.meta.get("author") == "Niko Matsakis"


def test_several_names_on_the_line_above_the_date():
    line = "<div>Naftali Tishby, Fernando C. Pereira, William Bialek</div><div>24 Apr 2000</div>"
    art = parse_html(_page().replace("</h1>", f"</h1>{line}"))
    assert art.meta["author"] == "Naftali Tishby; Fernando C. Pereira; William Bialek"
    role = "<div>Jack Shepherd</div><div>Co-Founder &amp; Marketing Director</div>"
    art = parse_html(_page().replace("</h1>", f"</h1>{role}<div>Updated on 23 Oct 2025</div>"))
    assert art.meta.get("author") != "Co-Founder; Marketing Director"


def test_credentials_and_avatar_initials_around_a_name():
    assert tidy_author("Lizzie Streit, MS, RDN, LD") == "Lizzie Streit"
    assert tidy_author("CM Craig Mendes Senior Archivist") == "Craig Mendes"


def test_a_personal_site_named_for_its_owner_on_the_owners_domain():
    home = "<header><a href='/'>Erik Demaine</a></header>"
    html = _page().replace("<body class=''>", f"<body>{home}").replace(
        "Pier to be rebuilt | Coast News", "Pier to be rebuilt | Erik Demaine")
    art = parse_html(html, url="https://erikdemaine.example/pier/")
    assert (art.meta.get("author"), art.meta["sources"].get("author")) == ("Erik Demaine",
                                                                          "site owner")
    assert "author" not in parse_html(html, url="https://coastnews.example/pier/").meta
    company = html.replace("Erik Demaine", "Erik Data Labs")
    assert "author" not in parse_html(company, url="https://erikdatalabs.example/p/").meta


def test_a_published_date_element_in_the_article_beats_the_json_ld_date():
    ld = ('<script type="application/ld+json">{"@type": "Article", '
          '"datePublished": "2025-11-29T10:00:00Z"}</script>')
    line = ("<div class='article-body__published'>Published "
            "<time pubdate datetime='2025-08-13'>August 13, 2025</time></div>")
    art = parse_html(_page(head=ld, below=line))
    assert art.meta["date"] == "2025-08-13"


def test_kicker_above_a_headline_box_and_a_time_element_read_by_its_datetime():
    kicker = ("<div class='category-header'><div>Published</div><div>October 14, 2025</div>"
              "</div>")
    html = _page(above=kicker).replace("<h1>Pier to be rebuilt</h1>",
                                       "<div class='title-box'><h1>Pier to be rebuilt</h1></div>")
    assert parse_html(html).meta["date"] == "2025-10-14"
    stamp = "<small><time datetime='2023-10-12T19:38:01Z'>10/12/2023 7:38:01 PM</time></small>"
    assert parse_html(_page(above=stamp)).meta["date"] == "2023-10-12"
    bad = "<small><time datetime='02-12-2025'>02-12-2025</time></small>"
    assert parse_html(_page(above=bad)).meta.get("date") != "2025-02-12"


def test_an_author_box_label_is_not_a_name():
    box = ('<div class="blog-author"><h4>About The Author</h4><p>Marta writes about the '
           'coast and the people who keep the harbours working.</p></div>')
    assert "author" not in parse_html(_page(below=box)).meta
    assert tidy_author("About The Author") is None
