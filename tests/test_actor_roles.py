"""Actor roles (agent / setting / source) and names that are never actors (issue 13, item 1).

Inputs are short news paragraphs written for these tests, one per construction; each is run
through the whole pipeline (``newslab.analyze``), so the NER, the parser, the resolver, the
quotes and the role rules all have to agree.
"""

from __future__ import annotations

import json

import pytest

import newslab
from newslab.cli import main
from newslab.tables import ACTOR_COLUMNS


def _roles(text: str, nlp) -> dict[str, str]:
    a = newslab.analyze(text, nlp=nlp)
    return dict(zip(a.all_actors.actor, a.all_actors.role))


def _actors(text: str, nlp) -> set[str]:
    return set(newslab.analyze(text, nlp=nlp).all_actors.actor)


# -- settings ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, place", [
    ("Talks resume\n\nThe two sides met in Vienna on Tuesday to discuss the deal.", "Vienna"),
    ("Retailers merge\n\nThe new company will be based near Chicago, executives said.",
     "Chicago"),
    ("Marathon record\n\nBrigid Kosgei of Kenya won the race on Sunday.", "Kenya"),
    ("Storm damage\n\nFirefighters worked through the night at the harbour in Dover after the "
     "storm.", "Dover"),
])
def test_a_place_named_only_as_where_is_a_setting(text, place, nlp):
    roles = _roles(text, nlp)
    assert roles[place] == "setting"
    assert place not in set(newslab.analyze(text, nlp=nlp).actors.actor)


@pytest.mark.parametrize("text, place", [
    ("Gulf tensions\n\nIran has increased cooperation with its neighbours, officials said.",
     "Iran"),
    ("Naval coalition\n\nThe coalition was joined by Australia and Bahrain last month.",
     "Australia"),
    ("Tanker attack\n\nWashington was more forceful in blaming Iran for the attack.", "Iran"),
    ("Trade row\n\nCanada's government rejected the tariffs on Monday.", "Canada"),
    ("Alliance ties\n\nTies remain strained over the possible absorption of Georgia into the "
     "alliance.", "Georgia"),
    ("Exercises\n\nThe fleet held joint exercises with the navies of China and India.", "India"),
])
def test_a_place_that_acts_is_an_agent(text, place, nlp):
    assert _roles(text, nlp)[place] == "agent"
    assert place in set(newslab.analyze(text, nlp=nlp).actors.actor)


@pytest.mark.parametrize("text, place", [
    ("Fundraiser\n\nVolunteers collected money on the streets of Manchester and in Leeds's "
     "suburbs.", "Leeds"),
    ("Submarine\n\nA submarine was seen in Norway's waters near the island on Tuesday.",
     "Norway"),
    ("Shooting\n\nThe store is five miles from the border crossing between Laredo and Mexico.",
     "Mexico"),
    ("Gas route\n\nEngineers laid a pipeline between Cyprus and Greece last year.", "Greece"),
])
def test_a_place_as_a_part_or_an_end_of_a_path_is_a_setting(text, place, nlp):
    """A possessor of a part of a place (its streets, its waters) and the ends of a path or
    border ('between') are where, not who."""
    assert _roles(text, nlp)[place] == "setting"


def test_places_between_which_something_happens_are_agents(nlp):
    roles = _roles("Talks\n\nThe talks between Norway and Sweden ended on Friday.", nlp)
    assert roles["Norway"] == roles["Sweden"] == "agent"


def test_any_argument_mention_makes_a_place_an_agent(nlp):
    text = ("Summit ends\n\nLeaders gathered in Brazil this week. Brazil said it would host "
            "the next round of talks.")
    assert _roles(text, nlp)["Brazil"] == "agent"


# -- sources ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, outlet", [
    ("Governor sworn in\n\nThe Senate will meet on Monday, according to Reuters.", "Reuters"),
    ("Minister resigns\n\nThe minister told the BBC that she had no regrets.", "BBC"),
    ("Exoplanet found\n\nAccording to The Guardian, astronomers were optimistic about the "
     "telescope.", "Guardian"),
    ("Flood warning\n\nThe river rose two metres overnight, the Associated Press reported.",
     "Associated Press"),
    ("Company sold\n\nThe chief executive said in an e-mail to The New York Times that the sale "
     "was final.", "New York Times"),
    ("Senate vote\n\nWASHINGTON (Reuters) - The Senate passed the bill on Tuesday.", "Reuters"),
    ("Rail strike\n\nPARIS (AP) — Rail workers walked out on Monday, the union said.", "AP"),
    ("Election night\n\nSanders won Vermont, according to projections by CNN and NPR.", "CNN"),
    ("Aceh\n\nThe BBC's Rachel Harvey, stationed in Banda Aceh, said the road was cut.", "BBC"),
    ("Blaze\n\nFirefighters battled a blaze overnight, the London Fire Brigade told the "
     "Evening Standard.", "Evening Standard"),
])
def test_an_outlet_credited_for_information_is_a_source(text, outlet, nlp):
    roles = _roles(text, nlp)
    got = next(r for a, r in roles.items() if outlet in a)
    assert got == "source"
    assert not any(outlet in a for a in newslab.analyze(text, nlp=nlp).actors.actor)


@pytest.mark.parametrize("text, outlet", [
    ("Bus crash\n\nSeven children died, according to the mayor via the news agency Interfax.",
     "Interfax"),
    ("Ferry lost\n\nThe ferry's course was described by the Harbour Gazette as erratic.",
     "Harbour Gazette"),
    ("Troop pull-out\n\nSenator Ola Brin spoke on Fox News about the withdrawal on Sunday.",
     "Fox News"),
    ("Border shut\n\nDetective Ian Roe stated to the CBC that the border would stay shut.",
     "CBC"),
    ("Shortage\n\n\"People are panicking,\" said shop owner Russell Tam per ABC News.",
     "ABC News"),
    ("Singer dies\n\nThe death was independently confirmed by the Associated Press with his "
     "daughter.", "Associated Press"),
    ("Election called\n\nBy the AP's reckoning, Mara Vell won 290 electoral votes.", "AP"),
    ("Blast\n\nZnak.com reported that at least 40 people had died in the blast.", "Znak.com"),
    ("Spill\n\nThe oil reached the shore on Friday, according to Baltnews.com.", "Baltnews.com"),
])
def test_more_credit_frames_and_web_sites_are_sources(text, outlet, nlp):
    """Credits beyond 'according to': a channel (via, per), a passive report (described by,
    confirmed by), words said on air or to an outlet, an outlet's reckoning; and a web site
    named by its address credited like an outlet."""
    roles = _roles(text, nlp)
    got = [r for a, r in roles.items() if outlet.lower() in a.lower()]
    assert got == ["source"], roles
    assert not any(outlet.lower() in a.lower() for a in newslab.analyze(text, nlp=nlp).actors.actor)


def test_a_web_site_that_acts_is_an_agent(nlp):
    text = "Appeal\n\nAmazon.com raised $2 million for the victims and matched every gift."
    assert _roles(text, nlp)["Amazon.com"] == "agent"


def test_an_outlet_is_a_person_only_by_its_shown_name(nlp):
    """Michael Bloomberg stays an agent though 'Bloomberg' (an outlet) is one of his names,
    even where that name is credited like an outlet."""
    text = ("Campaign ends\n\nMichael Bloomberg ended his campaign on Wednesday. Bloomberg "
            "told reporters he would back the nominee, and Bloomberg said the race was over.")
    assert _roles(text, nlp)["Michael Bloomberg"] == "agent"


def test_an_outlet_that_acts_in_the_story_is_an_agent(nlp):
    text = ("Data leak\n\nBloomberg contacted Facebook about the records, and Facebook removed "
            "the files the next day.")
    assert _roles(text, nlp)["Bloomberg"] == "agent"


def test_a_dateline_city_is_a_setting(nlp):
    roles = _roles("Senate vote\n\nWASHINGTON (Reuters) - The Senate passed the bill on "
                   "Tuesday, Senator Jane Doe said.", nlp)
    assert roles["Washington"] == "setting" and roles["Senate"] == "agent"


def test_people_and_organisations_are_agents(nlp):
    roles = _roles("Deal agreed\n\nKmart will buy Sears for $11 billion, Edward Lampert said.",
                   nlp)
    assert roles["Kmart"] == roles["Sears"] == roles["Edward Lampert"] == "agent"


# -- names that are never actors -----------------------------------------------------------------
@pytest.mark.parametrize("text, name", [
    ("Governor sworn in\n\nPierluisi was sworn in at 5 p.m. local time (2100 UTC) on Friday.",
     "UTC"),
    ("Polls close\n\nVoting ends at 10 p.m. BST, the Electoral Commission said.", "BST"),
    ("Launch delayed\n\nThe launch is now set for 9:30 a.m. EST, NASA said.", "EST"),
    ("Ceasefire\n\nThe army said on Twitter that the ceasefire would hold.", "Twitter"),
    ("Apology\n\nThe singer wrote on Facebook that he was sorry.", "Facebook"),
    ("Resignation\n\nAfter the vote, she used Instagram to thank her supporters.", "Instagram"),
    ("Record run\n\nKosgei won the 2019 Chicago Marathon in a world record time.",
     "Chicago Marathon"),
    ("Commemoration\n\nRouhani spoke at the opening of Sacred Defence Week in Tehran.",
     "Sacred Defence Week"),
    ("Exoplanet\n\nThe planet was first identified by the Kepler space telescope in 2015.",
     "Kepler"),
    ("Storm\n\nHurricane Dorian hit the Bahamas on Sunday, officials said.", "Hurricane Dorian"),
    ("Storm\n\nTyphoon Phanfone killed 16 people in the Philippines.", "Typhoon Phanfone"),
    ("Veterans\n\nVeterans of World War II marched in Paris on Monday.", "World War II"),
    ("Virus\n\nCOVID-19 spread to Italy, and schools closed in Milan.", "COVID-19"),
    ("Virus\n\nThe Covid-19 outbreak closed schools across Italy.", "Covid-19"),
])
def test_time_zones_platforms_as_media_events_and_products_are_never_actors(text, name, nlp):
    a = newslab.analyze(text, nlp=nlp)
    assert name not in set(a.all_actors.actor)
    assert not any(name == t for t in a.mention_frame.text)


def test_a_platform_that_acts_is_an_organisation(nlp):
    text = "Board fight\n\nTwitter said its board had rejected the offer on Monday."
    assert "Twitter" in set(newslab.analyze(text, nlp=nlp).actors.actor)


# -- the API, the table and the command line ------------------------------------------------------
TEXT = ("Talks in Vienna\n\nIran said on Monday that it would attend the talks in Vienna, "
        "according to Reuters.")


def test_role_parameter_selects_rows(nlp):
    a = newslab.analyze(TEXT, nlp=nlp)
    assert list(a.actors.columns) == ACTOR_COLUMNS and "role" in ACTOR_COLUMNS
    assert set(a.actors.role) == {"agent"}
    assert set(a.actors_with_role("setting").actor) == {"Vienna"}
    assert set(a.actors_with_role(["setting", "source"]).actor) == {"Vienna", "Reuters"}
    assert len(a.actors_with_role("all")) == len(a.all_actors) == 3
    assert set(newslab.actors(TEXT, role="source", nlp=nlp).actor) == {"Reuters"}
    with pytest.raises(ValueError, match="Unknown role"):
        a.actors_with_role("villain")


def test_cli_actors_show_agents_and_take_role(tmp_path, capsys):
    path = tmp_path / "talks.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["actors", str(path), "--json"]) == 0
    row = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert [a["actor"] for a in row["actors"]] == ["Iran"]
    assert main(["actors", str(path), "--json", "--role", "setting,source"]) == 0
    row = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert {a["actor"]: a["role"] for a in row["actors"]} == {"Vienna": "setting",
                                                              "Reuters": "source"}
    with pytest.raises(SystemExit):
        main(["actors", str(path), "--role", "villain"])
    assert "unknown role" in capsys.readouterr().err


# -- notebook 04: the corpus's top actors ---------------------------------------------------------
@pytest.fixture(scope="module")
def corpus_actors():
    """The corpus ``actors`` table of the shipped Wikinews corpus, as notebook 04 makes it."""
    from pathlib import Path

    from newslab.corpus import analyze_corpus

    folder = Path(__file__).resolve().parents[1] / "data" / "wikinews"
    return analyze_corpus(folder, tables=("actors",), progress=False).tables["actors"]


def test_no_time_zone_outlet_or_web_site_among_the_corpus_top_actors(corpus_actors):
    """Issue 13: in notebook 04 "UTC" (29 articles) and "Twitter" (25) were top actors. The
    notebook's count (``corpus_charts.actors_by_articles``) over the whole shipped corpus must
    show none of them, nor an outlet or a web site, in its top rows: the ten it shows and, for
    a margin, the first fifty."""
    from newslab.extract.actor_roles import is_outlet
    from newslab.lexicons import name_key, not_actor_forms
    from newslab.views.corpus_charts import actors_by_articles

    top = actors_by_articles(corpus_actors, top=50)
    assert len(top) == 50 and top.articles.iloc[0] >= 20
    never = not_actor_forms()
    bad = [a for a in top.actor if is_outlet([a]) or never.get(name_key(a)) in
           ("time_zone", "day", "month", "platform")]
    assert bad == []
    assert not {"UTC", "Twitter", "Facebook", "GMT"} & set(top.actor)
    assert "GROUP" not in set(top.type)  # groups are counted per article, not across them

