"""Reported speech (newslab.extract.reported): what a cue reports, and what it does not.

Short inputs of our own for each fault kind fixed in issue 12 (PolNeAR figures): topic
references that are not attributions, one row per stretch of reported words, and the writer's
summative comment that is not part of what was said.
"""

from __future__ import annotations

import pytest

from newslab.tables import quotes_table as quotes


@pytest.fixture(scope="module")
def q(nlp):
    def run(text: str):
        return quotes(nlp(text))
    return run


def rows(df) -> list[tuple[str, str, str]]:
    return [(r.quote, r.kind, r.speaker if isinstance(r.speaker, str) else None)
            for r in df.itertuples()]


# -- a participle adjunct that names a topic is not an attribution ----------------------------
TOPIC_ADJUNCTS = [
    ("Referring to his talks with Medvedev, Obama said the two leaders had agreed to cut "
     "arsenals.", "his talks with Medvedev", "the two leaders had agreed to cut arsenals"),
    ("Speaking about the budget, the mayor warned that taxes would rise.", "the budget",
     "taxes would rise"),
    ('"I am a unifier, unlike our president," Trump said, referring to Barack Obama.',
     "Barack Obama", "I am a unifier, unlike our president"),
    ("The minister said the border would stay closed, citing security concerns.",
     "security concerns", "the border would stay closed"),
    ("Mentioning his rival by name, the senator said the bill was dead.", "his rival by name",
     "the bill was dead"),
]


@pytest.mark.parametrize("text, topic, said", TOPIC_ADJUNCTS)
def test_topic_adjunct_is_not_a_quote(q, text, topic, said):
    found = [quote for quote, _, _ in rows(q(text))]
    assert not any(topic in quote for quote in found), found
    assert any(said in quote for quote in found), found  # the statement itself is still there


@pytest.mark.parametrize("text, content, speaker", [
    ("Obama referred to his talks with Medvedev as productive.", "his talks with Medvedev",
     "Obama"),  # a finite verb: Obama's own statement about the talks
    ("Mentioning that taxes had risen, the mayor apologised.", "taxes had risen", "the mayor"),
    ("The mayor mentioned that taxes had risen.", "taxes had risen", "The mayor"),
])
def test_topic_verb_with_a_statement_stays(q, text, content, speaker):
    assert (content, "indirect", speaker) in [(c, k, s) for c, k, s in rows(q(text))]


# -- one row per attribution: nested reports of the same words ---------------------------------
NESTED = [
    ("The senator declined to say whether the plan would pass.",
     "to say whether the plan would pass", "whether the plan would pass"),
    ("Mr. Cruz pledged to oppose legal status for undocumented immigrants.",
     "to oppose legal status for undocumented immigrants",
     "legal status for undocumented immigrants"),
    ("The governor refused to concede that the program had failed.",
     "to concede that the program had failed", "the program had failed"),
    ("Sanders pledged to support Clinton as the nominee.", "to support Clinton as the nominee",
     "Clinton as the nominee"),
]


@pytest.mark.parametrize("text, outer, inner", NESTED)
def test_nested_report_gives_one_row(q, text, outer, inner):
    found = rows(q(text))
    assert len(found) == 1, found
    assert found[0][0] in (outer, inner)


def test_two_separate_reports_stay_two_rows(q):
    df = q("The mayor said taxes would rise. The governor denied that the program had failed.")
    assert [(c, s) for c, _, s in rows(df)] == [("taxes would rise", "The mayor"),
                                              ("the program had failed", "The governor")]


def test_reports_in_two_clauses_of_one_sentence_stay_two_rows(q):
    df = q("The mayor said taxes would rise, and the governor insisted that they would fall.")
    found = {c for c, _, _ in rows(df)}
    assert {"taxes would rise", "they would fall"} <= found, found


# -- a summative appositive is the writer's comment, not the content ---------------------------
@pytest.mark.parametrize("text, content", [
    ("He said the vote had been rigged, a charge his rivals deny.", "the vote had been rigged"),
    ("Leaders announced they would boycott the speech, a sign of growing unease in the party.",
     "they would boycott the speech"),
    ("She argued that the law was unfair, a claim the court rejected last year.",
     "the law was unfair"),
])
def test_summative_appositive_is_cut(q, text, content):
    assert content in [c for c, _, _ in rows(q(text))]


@pytest.mark.parametrize("text, content", [
    ("She said the winner was Tom Jones, a farmer from Kent.",
     "the winner was Tom Jones, a farmer from Kent"),  # an apposition naming someone stays
    ("He said the plan, a charge on every driver, would raise money.",
     "the plan, a charge on every driver, would raise money"),  # not at the end: stays
])
def test_other_appositions_stay(q, text, content):
    assert content in [c for c, _, _ in rows(q(text))]


# -- an as-parenthetical attributes the clause it hangs on -------------------------------------
@pytest.mark.parametrize("text, content, speaker", [
    ("As reported by Western Journalism, there are 150 delegates at stake in the contests.",
     "there are 150 delegates at stake in the contests", "Western Journalism"),
    ("As Smith noted, the bill has no chance in the Senate.",
     "the bill has no chance in the Senate", "Smith"),
    ("The tax was repealed last year, as The Washington Post first reported.",
     "The tax was repealed last year", "The Washington Post"),
])
def test_as_parenthetical(q, text, content, speaker):
    assert (content, "indirect", speaker) in rows(q(text))


def test_comparative_as_is_not_an_attribution(q):
    found = rows(q("His childhood was not as hard as he suggested in his memoir."))
    assert not any(s == "he" and c.startswith("His childhood") for c, _, s in found), found


# -- the object of a stance verb is its content, one word or more ------------------------------
@pytest.mark.parametrize("text, content, speaker", [
    ("His critics denounced him.", "him", "His critics"),
    ("The union endorsed Clinton on Monday.", "Clinton", "The union"),
    ("Several senators opposed the nomination.", "the nomination", "Several senators"),
])
def test_object_of_stance_verb(q, text, content, speaker):
    assert (content, "indirect", speaker) in rows(q(text))


# -- a fronted clause whose comma sits inside the closing quote mark ---------------------------
@pytest.mark.parametrize("text, starts, speaker", [
    ("Behind the scenes, the mayor is ''calling in every favour,'' said Jo Brandt, her "
     "campaign manager.", "Behind the scenes, the mayor is", "Jo Brandt, her campaign manager"),
    ('The council is "out of money and out of time," said Ann Lee, a local organiser.',
     "The council is", "Ann Lee, a local organiser"),
])
def test_fronted_clause_comma_inside_quote_marks(q, text, starts, speaker):
    found = rows(q(text))
    assert any(c.startswith(starts) and k == "mixed" and s == speaker for c, k, s in found), found


# -- what someone wants, seeks or pledges can be a noun phrase ---------------------------------
@pytest.mark.parametrize("text, content, speaker", [
    ("Todd Wilcox wants more opportunities for students.", "more opportunities for students",
     "Todd Wilcox"),
    ("Back in 2000, the new president sought greater federal involvement.",
     "greater federal involvement", "the new president"),
    ("Mr. Kasich reported having $1.3 million in cash.", "having $1.3 million in cash",
     "Mr. Kasich"),
])
def test_noun_phrase_and_gerund_content(q, text, content, speaker):
    assert (content, "indirect", speaker) in rows(q(text))


# -- a passive participle adjunct: the subject it hangs on was asked, not the asker -------------
@pytest.mark.parametrize("text, content, answerer", [
    ("Asked whether she would hold a cabinet position, Mrs. Clinton said she had not decided.",
     "whether she would hold a cabinet position", "Mrs. Clinton"),
    ("Asked about the budget, the mayor said taxes would rise.", "the budget", "the mayor"),
])
def test_asked_participle_has_no_named_asker(q, text, content, answerer):
    found = rows(q(text))
    assert not any(c == content and s == answerer for c, _, s in found), found
    assert any(s == answerer for _, _, s in found), found  # the answer is still theirs


# -- reporting verbs added to the lexicon --------------------------------------------------------
@pytest.mark.parametrize("text, content, speaker", [
    ("The campaign disputed the report.", "the report", "The campaign"),
    ("Cameron rebuked Trump over his remarks.", "Trump over his remarks", "Cameron"),
    ("The senator emailed that the vote would be delayed.", "the vote would be delayed",
     "The senator"),
    ("Several governors disavowed the endorsement.", "the endorsement", "Several governors"),
])
def test_added_reporting_verbs(q, text, content, speaker):
    assert (content, "indirect", speaker) in rows(q(text))


def test_aspectual_continue_is_not_a_report(q):
    assert rows(q("Prices continued to rise through the winter.")) == []
    found = rows(q('"We will win," he said. "We will win big," he continued.'))
    assert [k for _, k, _ in found] == ["direct"] * len(found) and found, found


# -- a second report coordinated with the first is its own row, with the same speaker ------------
@pytest.mark.parametrize("text, first, second, speaker", [
    ("He said the warning was indicative that the President did not know what he was talking "
     "about, and accused Number 10 of putting words in his mouth.",
     "the warning was indicative that the President did not know what he was talking about",
     "Number 10 of putting words in his mouth", "He"),
    ("The mayor said the budget was balanced, and denied that taxes would rise.",
     "the budget was balanced", "taxes would rise", "The mayor"),
])
def test_coordinated_second_report(q, text, first, second, speaker):
    found = rows(q(text))
    assert (first, "indirect", speaker) in found, found
    assert any(c.endswith(second) and s == speaker for c, _, s in found), found


def test_coordinated_verbs_inside_the_content_stay(q):
    found = rows(q("He said voters want change and demand action."))
    assert ("voters want change and demand action", "indirect", "He") in found, found


# -- the holder of a noun cue: a from-phrase, or the subject controlling "in hopes of" ----------
@pytest.mark.parametrize("text, content, speaker", [
    ("Clinton met with workers in hopes of winning their votes.", "winning their votes",
     "Clinton"),
    ("Trump has faced criticism from rivals over the tenor of his campaign.",
     "the tenor of his campaign", "rivals"),
    ("The governor called an early vote in the hope that turnout would be low.",
     "turnout would be low", "The governor"),
])
def test_noun_cue_holder(q, text, content, speaker):
    assert (content, "indirect", speaker) in rows(q(text))


# -- a stance verb in the passive: the by-agent is the source, the subject the content -----------
@pytest.mark.parametrize("text, content, speaker", [
    ("He also was backed by most liberal voters.", "He", "most liberal voters"),
    ("The plan was criticized by Democrats on Tuesday.", "The plan", "Democrats"),
])
def test_passive_stance_with_agent(q, text, content, speaker):
    assert (content, "indirect", speaker) in rows(q(text))


def test_passive_stance_without_agent_names_no_source(q):
    assert not any(s for _, _, s in rows(q("The plan was criticized on Tuesday.")))


# -- a that-clause after an adjunct of the verb is still its content -----------------------------
@pytest.mark.parametrize("text, content, speaker", [
    ("He insisted during a long interview with the paper that the deal was fair.",
     "the deal was fair", "He"),
    ("The governor said after a meeting with union leaders that the strike would end.",
     "the strike would end", "The governor"),
])
def test_that_clause_after_an_adjunct(q, text, content, speaker):
    assert (content, "indirect", speaker) in rows(q(text))
