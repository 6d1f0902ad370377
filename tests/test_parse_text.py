"""parse_text: pasted page text -> Article with structure, dropped chrome and exact offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslab.article import normalize_span
from newslab.errors import EmptyInputError
from newslab.parse.text import parse_text

ROOT = Path(__file__).resolve().parents[1]
DEMO_TEXT = ROOT / "data" / "articles" / "nato-seeks-afghan-help-from-russia.txt"
DEMO_GOLD = ROOT / "tests" / "data" / "nato-seeks-afghan-help-from-russia.json"


def assert_offsets(art):
    """The data-model invariant, plus reading order and no overlaps."""
    prev_end = 0
    for b in art.blocks:
        assert 0 <= b.start <= b.end <= len(art.text)
        assert normalize_span(art.text[b.start:b.end]) == b.text, b
        assert b.start >= prev_end, f"blocks overlap or are out of order at {b}"
        prev_end = b.end
        if b.credit is not None:
            assert normalize_span(art.text[b.credit_start:b.credit_end]) == b.credit
        if b.kind in ("heading", "paragraph"):
            assert isinstance(b.section, int)
        else:
            assert b.section is None


# -- the demo article: its gold structure, exactly ----------------------------------------------
@pytest.fixture(scope="module")
def demo():
    return parse_text(DEMO_TEXT.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold():
    return json.loads(DEMO_GOLD.read_text(encoding="utf-8"))["structure"]


def test_demo_headline_standfirst_source(demo, gold):
    assert demo.headline == gold["headline"]
    assert demo.standfirst == gold["standfirst"]
    assert demo.source == gold["source"]


def test_demo_caption_and_credit(demo, gold):
    assert [(c.text, c.credit) for c in demo.captions] == [
        (g["text"], g["credit"]) for g in gold["captions"]]
    assert "[AFP]" not in demo.body


def test_demo_sections(demo, gold):
    got = [(s.title, len(s.paragraphs), s.paragraphs[0].text) for s in demo.sections]
    assert [(t, n) for t, n, _ in got] == [(g["heading"], g["paragraphs"])
                                           for g in gold["sections"]]
    for (_, _, first), g in zip(got, gold["sections"]):
        assert first.startswith(g["first_paragraph_starts"])
    assert len(demo.paragraphs) == gold["body_paragraphs"]
    # heading and its paragraphs share a section index; headings start new ones
    assert [b.section for b in demo.blocks if b.kind == "heading"] == [0, 1]


def test_demo_related_block_and_everything_after_dropped(demo, gold):
    spec = gold["dropped"][0]
    start = next(i for i, b in enumerate(demo.blocks) if b.text.startswith(spec["starts"]))
    tail = demo.blocks[start:]
    assert tail[0].kind == "dropped" and tail[0].reason == spec["kind"]
    assert all(b.kind == "dropped" and b.reason == "related" for b in tail)
    for words in spec["must_not_appear_in_body"]:
        assert words not in demo.body


def test_demo_offsets(demo):
    assert_offsets(demo)
    # the caption's text stops before the credit, whose span is "AFP" inside "[AFP]"
    cap = demo.captions[0]
    assert demo.text[cap.credit_start - 1:cap.credit_end + 1] == "[AFP]"


def test_demo_with_crlf_line_endings_gives_same_structure(demo):
    crlf = parse_text(DEMO_TEXT.read_text(encoding="utf-8").replace("\n", "\r\n"))
    assert_offsets(crlf)
    assert [(b.kind, b.text, b.reason) for b in crlf.blocks] == [
        (b.kind, b.text, b.reason) for b in demo.blocks]


# -- small realistic pages ---------------------------------------------------------------------
PAGE = """Council approves new cycle lanes for city centre
Plans will add 12km of protected lanes by 2026, officials say.
By Jane Doe
Updated 14 March 2024, 09:30 GMT
Share this article
Facebook Twitter Email
Cyclists ride along Market Street on Tuesday. (Manu Fernandez/AP)
The city council voted on Tuesday to approve a network of protected cycle lanes across the centre, ending two years of debate over the scheme.
Councillors backed the plan by 31 votes to 12 after a four-hour meeting in which residents and shop owners spoke for and against it.
Advertisement
"This is the biggest change to our streets in a generation," said the council leader, who has championed the project since 2022.
What happens next
Work on the first section, along Market Street, is due to start in the autumn and should take about eight months to complete.
Opponents say they will ask for a judicial review, arguing that the consultation did not reach enough local businesses.
Sign up for our newsletter
Related stories
Bus fares to rise in April
Bridge closure extended again
Comments
I think this is a great idea and long overdue for our town.
"""


@pytest.fixture(scope="module")
def page():
    return parse_text(PAGE)


def test_page_metadata(page):
    assert page.headline == "Council approves new cycle lanes for city centre"
    assert page.standfirst == "Plans will add 12km of protected lanes by 2026, officials say."
    assert page.byline == "By Jane Doe"
    assert page.date == "Updated 14 March 2024, 09:30 GMT"
    assert [(c.text, c.credit) for c in page.captions] == [
        ("Cyclists ride along Market Street on Tuesday.", "Manu Fernandez/AP")]


def test_page_body_one_paragraph_per_line(page):
    assert [s.title for s in page.sections] == [None, "What happens next"]
    assert [len(s.paragraphs) for s in page.sections] == [3, 2]
    assert page.paragraphs[0].text.startswith("The city council voted on Tuesday")


def test_page_chrome_dropped_with_reasons(page):
    reasons = {b.text: b.reason for b in page.dropped}
    assert reasons["Share this article"] == "share"
    assert reasons["Facebook Twitter Email"] == "share"
    assert reasons["Advertisement"] == "advert"
    assert reasons["Sign up for our newsletter"] == "newsletter"
    assert reasons["Related stories"] == "related"
    assert reasons["Bus fares to rise in April"] == "related"
    assert reasons["Comments"] == "comments"
    for gone in ("Bus fares", "Bridge closure", "long overdue", "newsletter", "Advertisement"):
        assert gone not in page.body
    assert_offsets(page)


@pytest.mark.parametrize("line, text, credit", [
    ("Rasmussen, left, said Russia should do more [AFP]",
     "Rasmussen, left, said Russia should do more", "AFP"),
    ("Firefighters at the scene on Sunday (Manu Fernandez/AP)",
     "Firefighters at the scene on Sunday", "Manu Fernandez/AP"),
    ("The minister arrives in Brussels. Photo: Reuters",
     "The minister arrives in Brussels.", "Reuters"),
    ("Trump at a rally in Louisiana. Credit... Doug Mills/The New York Times",
     "Trump at a rally in Louisiana.", "Doug Mills/The New York Times"),
    ("Protesters outside parliament Photograph: Tim Smith/Getty Images",
     "Protesters outside parliament", "Tim Smith/Getty Images"),
    ("Crowds gather in the square on Friday (Image: GETTY)",
     "Crowds gather in the square on Friday", "GETTY"),
])
def test_caption_credit_variants(line, text, credit):
    art = parse_text("Storm hits the coast\n\n" + line + "\n\nHeavy rain and strong winds "
                     "battered the coast on Sunday, cutting power to thousands of homes.")
    assert [(c.text, c.credit) for c in art.captions] == [(text, credit)]
    assert_offsets(art)


def test_bbc_style_image_copyright_line_credits_the_caption_below():
    art = parse_text("Singer sues label\n\nImage copyright Getty Images\n\nImage caption The "
                     "singer at an awards show in May\n\nThe singer has filed a lawsuit against "
                     "her former record label over the rights to six albums, court papers show.\n\n"
                     "Her lawyers said the case would be heard next year in Los Angeles.")
    assert [(c.text, c.credit) for c in art.captions] == [
        ("The singer at an awards show in May", "Getty Images")]
    assert len(art.paragraphs) == 2
    assert_offsets(art)


def test_dateline_paragraph_is_body_not_standfirst():
    art = parse_text("Oil falls on supply worries\n\nNEW YORK (Reuters) - Oil prices fell sharply "
                     "on Tuesday on oversupply concerns, while stocks drifted near record highs.\n\n"
                     "Photo: Reuters\n\nBrent crude futures fell 2.5% to settle at $60.91 a barrel, "
                     "the biggest one-day drop in a month.")
    assert art.standfirst is None
    assert art.paragraphs[0].text.startswith("NEW YORK (Reuters) - Oil prices")
    assert len(art.paragraphs) == 2


# -- page patterns: each test is one layout news pages use --------------------------------------
LEAD = ("The city council voted on Tuesday to approve a network of protected cycle lanes across "
        "the centre, ending two years of debate over the scheme.")
MORE = ("Councillors backed the plan by 31 votes to 12 after a four-hour meeting in which "
        "residents and shop owners spoke for and against it.")
LAST = ("Work on the first section is due to start in the autumn and should take about eight "
        "months to complete, the council said.")


def _page(*lines: str):
    art = parse_text("\n\n".join(lines))
    assert_offsets(art)
    return art


def test_text_pasted_from_below_the_headline_starts_with_the_lead():
    # a headline never ends with a full stop: a first line that does is the lead paragraph
    art = _page(LEAD, MORE, LAST)
    assert art.headline is None
    assert [p.text for p in art.paragraphs] == [LEAD, MORE, LAST]


def test_embedded_post_and_its_signature_stay_in_the_body():
    post = "The lanes will make our streets safer for everyone. Proud of this vote."
    sig = "— Jane Doe (@janedoe) March 12, 2024"
    art = _page("Council approves cycle lanes", LEAD, post, sig, MORE, LAST)
    assert [p.text for p in art.paragraphs] == [LEAD, post, sig, MORE, LAST]
    assert art.date is None


def test_short_all_caps_line_above_a_paragraph_is_a_subhead_long_one_a_link():
    art = _page("Council approves cycle lanes", LEAD,
                "WHAT HAPPENS NEXT FOR CITY CYCLISTS", MORE,
                "MAYOR SAYS BUS FARES WILL RISE IN APRIL AFTER BUDGET VOTE", LAST)
    assert [s.title for s in art.sections] == [None, "WHAT HAPPENS NEXT FOR CITY CYCLISTS"]
    dropped = {b.text: b.reason for b in art.dropped}
    assert dropped["MAYOR SAYS BUS FARES WILL RISE IN APRIL AFTER BUDGET VOTE"] == "related"


def test_teaser_card_above_read_more_is_dropped():
    art = _page("Council approves cycle lanes", LEAD, MORE,
                "Bridge Closure Extended Until Summer",
                "Drivers face another six months of detours after engineers found",
                "Read more", LAST)
    assert [p.text for p in art.paragraphs] == [LEAD, MORE, LAST]
    assert {b.text: b.reason for b in art.dropped}["Bridge Closure Extended Until Summer"] \
        == "related"


def test_photographer_and_agency_line_makes_the_sentence_above_a_caption():
    cap = "Cyclists ride along Market Street in the rain on Tuesday morning."
    art = _page("Council approves cycle lanes", LEAD, cap, "Michael Conroy, AP", MORE, LAST)
    assert [(c.text, c.credit) for c in art.captions] == [(cap, "Michael Conroy, AP")]
    assert cap not in art.body


def test_caption_printed_twice_is_kept_once_as_a_caption():
    cap = "Cyclists ride along Market Street in the rain on Tuesday, March 12, 2024."
    art = _page("Council approves cycle lanes", LEAD, MORE, cap, cap + " (Jane Doe/AP)", LAST)
    assert [p.text for p in art.paragraphs] == [LEAD, MORE, LAST]
    assert [c.text for c in art.captions] == [cap]


def test_wire_style_photo_sentence_is_a_caption():
    cap = ("In this March 5, 2024, file photo, cyclists wait at a junction on Market Street "
           "in the city centre.")
    art = _page("Council approves cycle lanes", LEAD, MORE, cap, LAST)
    assert [c.text for c in art.captions] == [cap]
    assert [p.text for p in art.paragraphs] == [LEAD, MORE, LAST]


def test_dated_list_is_article_text_not_dates():
    dates = ["June 9 -- City Arena, Leeds", "June 12 -- Riverside Hall, York",
             "June 15 -- Town Park, Hull", "June 20 -- Castle Green, Durham"]
    art = _page("Band announces summer tour", "Updated June 1, 2024",
                "The band will play four outdoor shows in June, its first tour since 2019, "
                "the group said on Monday.", "The tour dates are:", *dates, "Share this article")
    assert art.date == "Updated June 1, 2024"
    assert [p.text for p in art.paragraphs][-4:] == dates


def test_list_introduced_by_a_colon_closes_the_article():
    items = ["Protected lanes on six main roads", "New crossings near every school",
             "Secure bike parking at the station"]
    art = _page("Council approves cycle lanes", LEAD, MORE, "The plan includes:", *items,
                "Facebook Twitter Email")
    assert [p.text for p in art.paragraphs][-3:] == items


def test_related_header_in_other_languages_and_excerpt_cards():
    excerpt = ("A vida requer da gente otimismo e coragem para esperar o melhor e fazer o melhor "
               "acontecer, porque o pessimismo so faz engessar o sorriso e travar as "
               "articulacoes da alma, e quem espera sempre o pior acaba por nao viver o que a "
               "vida tem de melhor para oferecer a cada dia que passa.")
    art = _page("Mensagem do dia",
                "Viver uma verdadeira experiencia amorosa e um dos maiores prazeres da vida, "
                "e expressar os sentimentos depende das ideias de cada um.",
                "Você pode gostar...", "Whatsapp Facebook", excerpt, "Whatsapp Facebook", excerpt)
    assert len(art.paragraphs) == 1
    assert "otimismo" not in art.body


def test_story_card_with_section_label_is_dropped_with_its_teaser():
    title = "Bus fares to rise in April as operators blame fuel costs"
    teaser = "Passengers will pay 20 cents more for a single ticket from April 1."
    art = _page("Council approves cycle lanes", LEAD, MORE, "Business", title, "Business", title,
                teaser, LAST, "Opponents say they will ask for a judicial review of the plan, "
                "arguing that the consultation did not reach enough businesses.")
    assert title not in art.body and teaser not in art.body
    assert art.paragraphs[2].text == LAST


def test_single_paragraph_without_structure():
    text = ("The mayor said on Monday that the bridge would reopen next week after three months "
            "of repairs, and that tolls would stay the same until the end of the year.")
    art = parse_text(text)
    assert [b.kind for b in art.blocks] == ["paragraph"]
    assert art.paragraphs[0].text == text
    assert art.headline is None


def test_title_and_short_sentence():
    art = parse_text("Big news today\n\nThe mayor said the bridge will reopen on Monday.")
    assert art.headline == "Big news today"
    assert [p.text for p in art.paragraphs] == ["The mayor said the bridge will reopen on Monday."]


def test_non_english_best_effort():
    text = ("Le gouvernement annonce un plan pour le rail\n\n"
            "Par Marie Dupont\n\n"
            "Le gouvernement a présenté mardi un plan d'investissement de dix milliards d'euros "
            "pour moderniser le réseau ferroviaire d'ici à 2030.\n\n"
            "Le ministre des transports a précisé que les petites lignes seraient prioritaires "
            "dans ce programme, selon un communiqué publié mardi soir.\n\n"
            "Publicité\n\n"
            "Partager sur Facebook\n")
    art = parse_text(text)
    assert art.headline == "Le gouvernement annonce un plan pour le rail"
    assert art.byline == "Par Marie Dupont"
    assert len(art.paragraphs) == 2
    assert "Publicité" not in art.body and "Facebook" not in art.body
    assert_offsets(art)
    # Cyrillic and CJK text: no crash, offsets valid
    for other in ("Правительство объявило план\n\nМинистр сказал, что работы начнутся весной.",
                  "政府宣布新的铁路计划\n\n交通部长周二表示，新的铁路线路将在明年春天开始施工，预计三年完成。"):
        assert_offsets(parse_text(other))


def test_nbsp_and_zero_width_spaces_keep_offsets():
    text = ("\u00a0Nato\u00a0chief visits Moscow\u200b\r\n\r\n"
            "\u00a0\u00a0Rasmussen\u00a0said Russia could help by contributing more helicopters "
            "to the mission.\u00a0\r\n\r\n\u2003SOURCE:\u00a0Agencies\r\n")
    art = parse_text(text)
    assert_offsets(art)
    assert art.headline == "Nato chief visits Moscow"
    assert art.paragraphs[0].text.startswith("Rasmussen said Russia")
    assert art.source == "Agencies"


def test_hard_wrapped_paragraphs_are_rejoined_with_newlines_kept():
    para1 = ("The council voted on Tuesday to approve the new cycle lanes across\n"
             "the city centre, ending two years of debate over a scheme that has\n"
             "divided residents and shop owners on the main shopping streets.")
    para2 = ("Work on the first section is due to start in the autumn and should\n"
             "take about eight months, the council said in a statement issued\n"
             "after the meeting, which lasted more than four hours in total.")
    art = parse_text("Council backs cycle lanes\n\n" + para1 + "\n\n" + para2 + "\n")
    assert [p.text for p in art.paragraphs] == [para1, para2]
    assert_offsets(art)


def test_empty_input_raises_clear_error():
    for bad in ("", "   \n\n\t ", "\u00a0\u200b\r\n"):
        with pytest.raises(EmptyInputError, match="empty"):
            parse_text(bad)


def test_only_chrome_gives_no_body_and_no_crash():
    art = parse_text("Share\n\nFacebook\n\nTwitter\n\nAdvertisement")
    assert art.body == ""
    assert {b.reason for b in art.dropped} == {"share", "advert"}


def test_long_input_with_pathological_chrome_lines_keeps_every_paragraph():
    # Its speed (linear in the length) is measured in benchmarks/parse_long.py, not timed here.
    para = ("The committee heard evidence from {} officials, residents and experts over three "
            "days of hearings, and will publish its report in the spring.\n\n")
    chrome = "Share\nFacebook\nTwitter\n(((((((((((((((((((((((((((((((\n" + "a" * 5000 + "\n"
    text = "Long report\n\n" + "".join(
        "".join(para.format(i * 20 + j) for j in range(20)) + chrome for i in range(300))
    art = parse_text(text)
    assert len(art.paragraphs) >= 20 * 300 * 0.9


# -- properties -------------------------------------------------------------------------------
_pieces = st.sampled_from([
    "\n", "\r\n", "\n\n", " ", "\u00a0", "\u200b", "\t", "SOURCE: AP", "By Jane Doe", "[AFP]",
    "(Jane Doe/Reuters)", "Photo: Getty Images", "Share this article", "Related stories",
    "Comments", "Advertisement", "'Quoted heading'", "Nov. 19, 2019", "«", "»", "“", "”",
    "The minister said the talks had been useful and would continue next week.",
    "Short line", "HEADLINE IN CAPITALS", "© 2019 Example News. All rights reserved.",
])
_texts = st.one_of(st.text(max_size=300), st.lists(st.one_of(_pieces, st.text(max_size=20)),
                                                   max_size=40).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts)
def test_any_text_parses_with_valid_offsets(text):
    if not normalize_span(text).strip():
        with pytest.raises(EmptyInputError):
            parse_text(text)
        return
    art = parse_text(text)
    assert_offsets(art)
    assert art.blocks, "non-blank text always yields at least one block"
