"""parse_html: a saved news page -> Article with headline, captions, sections and metadata.

The pages below are written for these tests (realistic layouts: header navigation, an
<article> with a figure, sub-heads, a related-links aside, share buttons and a footer).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslab import parse_html
from newslab.article import normalize_span
from newslab.errors import EmptyInputError, NewslabError
from newslab.parse.html_structure import split_credit, strip_site_name

PARAS = [
    "The city council voted on Tuesday to close the old harbour bridge to cars from next "
    "spring, after engineers warned that its steel supports had corroded faster than expected.",
    "Mayor Ana Ruiz said the decision was painful but unavoidable. \u201cWe cannot ask people to "
    "drive over a bridge our own engineers no longer trust,\u201d she told reporters outside "
    "the town hall.",
    "Shop owners on the eastern bank fear the closure will cut them off from customers. A "
    "petition against the plan gathered more than four thousand signatures in a week.",
    "Repairs are expected to cost about 40 million euros, paid partly by a regional "
    "infrastructure fund and partly by a temporary increase in parking charges.",
    "The council will publish detailed plans for a replacement pedestrian crossing in March, "
    "and residents will be able to comment on them for six weeks.",
]

NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge to close to cars next spring | The Riverside Courier</title>
<meta property="og:site_name" content="The Riverside Courier">
<meta name="description" content="Engineers warned that the bridge's supports are corroding.">
<meta name="author" content="Tomas Berg">
<meta property="article:published_time" content="2024-03-12T08:30:00Z">
</head><body>
<header><nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a>
<a href="/opinion">Opinion</a></nav></header>
<main>
<article>
<h1>Harbour bridge to close to cars next spring</h1>
<p class="standfirst">Engineers warned that the bridge's supports are corroding.</p>
<p class="byline">By <a rel="author" href="/staff/tberg">Tomas Berg</a></p>
<time datetime="2024-03-12T08:30:00Z">12 March 2024</time>
<figure class="lead-image"><img src="/img/bridge.jpg" alt="The bridge">
<figcaption>The harbour bridge seen from the eastern bank at dusk
<span class="caption__credit">Photograph: Lena Holm/Courier</span></figcaption></figure>
<div class="article-body">
<p>{PARAS[0]}</p>
<p>{PARAS[1]}</p>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
<a href="#">Email this story</a></div>
<h2>Traders worried</h2>
<p>{PARAS[2]}</p>
<figure><img src="/img/shops.jpg" alt="">
<figcaption>Shops on the eastern bank. <span class="credit">AFP</span></figcaption></figure>
<p>{PARAS[3]}</p>
<h2>What happens next</h2>
<p>{PARAS[4]}</p>
</div>
</article>
<aside class="related-links"><h3>Related stories</h3>
<figure><img src="/img/x.jpg"><figcaption>Ferry timetable changes announced</figcaption></figure>
<ul><li><a href="/a">Ferry timetable changes announced for the summer season</a></li>
<li><a href="/b">Ten places to eat near the old harbour this weekend</a></li></ul></aside>
</main>
<footer><p>Subscribe to our newsletter for the morning briefing.</p>
<p>\u00a9 2024 The Riverside Courier. All rights reserved.</p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def news():
    return parse_html(NEWS_PAGE, url="https://courier.example/local/harbour-bridge")


def assert_offsets(art) -> None:
    for b in art.blocks:
        assert normalize_span(art.text[b.start:b.end]) == b.text, b
        if b.credit is not None:
            assert normalize_span(art.text[b.credit_start:b.credit_end]) == b.credit, b


def test_headline_is_the_h1_not_the_title_with_site_name(news):
    assert news.headline == "Harbour bridge to close to cars next spring"
    assert news.meta["title"].startswith("Harbour bridge to close")


def test_metadata_author_date_and_format(news):
    assert news.meta["author"] == "Tomas Berg"
    assert news.meta["date"] == "2024-03-12"
    assert news.byline == "By Tomas Berg"
    assert news.format == "html"
    assert news.html == NEWS_PAGE
    assert news.url == "https://courier.example/local/harbour-bridge"


def test_standfirst_from_description_shown_on_page(news):
    assert news.standfirst == "Engineers warned that the bridge's supports are corroding."


def test_captions_with_credits_in_reading_order(news):
    caps = [(c.text, c.credit) for c in news.captions]
    assert caps == [
        ("The harbour bridge seen from the eastern bank at dusk", "Lena Holm/Courier"),
        ("Shops on the eastern bank.", "AFP"),
    ]
    # the second photo sits between the third and fourth paragraphs
    order = [b.kind for b in news.blocks]
    second = [i for i, b in enumerate(news.blocks) if b.kind == "caption"][1]
    assert news.blocks[second - 1].text == PARAS[2]
    assert news.blocks[second + 1].text == PARAS[3]
    assert order[:5] == ["headline", "standfirst", "byline", "date", "caption"]


def test_sections_follow_sub_heads(news):
    sections = [(s.title, [p.text for p in s.paragraphs]) for s in news.sections]
    assert sections == [
        (None, PARAS[:2]),
        ("Traders worried", PARAS[2:4]),
        ("What happens next", PARAS[4:]),
    ]
    assert [b.section for b in news.blocks if b.kind == "heading"] == [1, 2]


def test_body_excludes_aside_share_footer_and_captions(news):
    body = news.body
    for junk in ("Related stories", "Ferry timetable", "Share on Facebook", "newsletter",
                 "All rights reserved", "Shops on the eastern bank", "Home"):
        assert junk not in body
    assert "Ferry timetable" not in news.text  # the related story's figure is no caption
    assert body.startswith(PARAS[0])


def test_offsets_index_into_article_text(news):
    assert_offsets(news)
    assert news.text.startswith("Harbour bridge to close to cars next spring\n\n")


def test_invisible_characters_and_spaces_keep_offsets_valid():
    paras = "".join(
        f"<p>Paragraph {i} says the\u00a0council met\u00ad again on Tuesday and\u200b agreed a "
        f"budget of \u202f3\u2009million euros for the new library.</p>" for i in range(6))
    art = parse_html(f"<html><body><article><h1>Library\u00a0budget</h1>{paras}"
                     "</article></body></html>")
    assert_offsets(art)
    assert art.headline == "Library budget"
    assert "met again" in art.paragraphs[0].text


def test_malformed_html_unclosed_and_truncated():
    body = "".join(f"<p>{p}" for p in PARAS)  # no closing tags
    page = f"<html><head><title>Bridge closes</title><body><div><h1>Bridge closes<h2>Vote" \
           f"{body}<p>The council said the last word on the matter will come in Ma"
    art = parse_html(page)
    assert "Mayor Ana Ruiz said the decision was painful" in art.body
    assert_offsets(art)


def test_page_without_article_falls_back_to_visible_text(monkeypatch):
    # when trafilatura finds no article (too short, a login wall…), the visible text blocks
    # become the paragraphs; script content is never text
    import newslab.parse.html as html_mod

    monkeypatch.setattr(html_mod, "_trafilatura", lambda tree, url: None)
    art = parse_html("<html><head><script>track();</script></head><body><ul>"
                     "<li>Opening hours</li><li>Monday to <b>Friday</b>, 9 to 5</li></ul>"
                     "<p>Closed on <i>public</i> holidays.<script>x()</script> Call first.</p>"
                     "</body></html>")
    assert art.meta["extraction"] == "fallback"
    assert [p.text for p in art.paragraphs] == [
        "Opening hours", "Monday to Friday, 9 to 5", "Closed on public holidays. Call first."]
    assert_offsets(art)


def test_byline_written_on_the_page_without_author_metadata():
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    page = ("<html><head><title>Bridge closes</title></head><body><div class='story'>"
            "<h1>Bridge closes</h1><div class='meta-line'>Written by <a href='/team/jr'>Jane "
            f"Roe</a> | Updated 3 hours ago</div>{body}</div></body></html>")
    art = parse_html(page)
    assert art.meta["author"] == "Jane Roe"
    assert art.byline == "By Jane Roe"
    assert "Written by" not in art.body


def test_deeply_nested_page_is_read_as_text():
    # deeper than libxml2's nesting limit: the text is still read (best effort)
    page = ("<html><body>" + "<div>" * 5000 + "<p>" + PARAS[0] + "</p>" + "</div>" * 5000
            + "</body></html>")
    art = parse_html(page)
    assert PARAS[0] in art.text
    assert_offsets(art)


@pytest.mark.parametrize("page", ["", "   \n\t ", "<html><head><title></title></head>"
                                  "<body><script>var x = 1;</script></body></html>"])
def test_empty_input_raises_empty_input_error(page):
    with pytest.raises(EmptyInputError, match="empty"):
        parse_html(page)


def test_non_english_page_best_effort():
    paras = [
        "Le conseil municipal a voté mardi la fermeture du vieux pont du port aux voitures à "
        "partir du printemps prochain, après un avertissement des ingénieurs.",
        "« Nous ne pouvons pas demander aux habitants de rouler sur un pont auquel nos propres "
        "ingénieurs ne font plus confiance », a déclaré la maire aux journalistes.",
        "Les commerçants de la rive est craignent de perdre leurs clients pendant les travaux, "
        "qui devraient durer au moins deux ans selon la mairie.",
    ]
    page = ("<html lang='fr'><head><title>Le pont du port fermé aux voitures</title></head>"
            "<body><article><h1>Le pont du port fermé aux voitures</h1>"
            + "".join(f"<p>{p}</p>" for p in paras)
            + "<h2>Des commerçants inquiets</h2><p>" + paras[2] + " Ils demandent une aide.</p>"
            "</article></body></html>")
    art = parse_html(page)
    assert art.headline == "Le pont du port fermé aux voitures"
    assert art.paragraphs[0].text == paras[0]
    assert [s.title for s in art.sections] == [None, "Des commerçants inquiets"]
    assert_offsets(art)


def test_bytes_input_is_decoded():
    art = parse_html(NEWS_PAGE.encode("utf-8"))
    assert art.headline == "Harbour bridge to close to cars next spring"
    assert "\u201cWe cannot ask people" in art.body


def test_split_credit_written_credits():
    assert split_credit("Rescuers at work. Credit... Doug Lane/The Daily") == (
        "Rescuers at work.", "Doug Lane/The Daily")
    assert split_credit("Rasmussen, left, met officials in Moscow [AFP]") == (
        "Rasmussen, left, met officials in Moscow", "AFP")
    assert split_credit("Crowds in the square (Photo by Ana Ruiz)") == (
        "Crowds in the square", "Ana Ruiz")
    assert split_credit("A quiet street at dawn") == ("A quiet street at dawn", None)


def test_strip_site_name():
    assert strip_site_name("Bridge to close next spring | The Courier", "The Courier") == \
        "Bridge to close next spring"
    assert strip_site_name("Bridge to close next spring - Courier") == "Bridge to close next spring"
    # a dash inside a headline is kept when nothing marks a site name
    assert strip_site_name("Rates rise again - and more rises are coming this year") == \
        "Rates rise again - and more rises are coming this year"


@settings(max_examples=25, deadline=None)
@given(st.binary(min_size=1, max_size=2000))
def test_random_bytes_never_raise_an_internal_error(data):
    text = data.decode("latin-1")
    try:
        art = parse_html(text)
    except EmptyInputError:
        return
    assert_offsets(art)


@settings(max_examples=15, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abcp divh1\n&;#x0")), max_size=400))
def test_random_markup_soup_never_raises_an_internal_error(soup):
    try:
        art = parse_html(soup)
    except NewslabError:
        return
    assert_offsets(art)
