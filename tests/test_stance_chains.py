"""Actor stance along longer chains between holder and target (newslab.polarity.rules).

Each case is a construction a rule in ``rules.py`` reads, with the linguistic reason in that
rule's docstring; each has a near miss the rule must leave alone. Sentences are invented for
these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from newslab.polarity import actor_stance


def stance_of(nlp, sentence: str, holder: str, target: str):
    h, t = sentence.index(holder), sentence.index(target)
    return actor_stance(nlp(sentence), (h, h + len(holder)), (t, t + len(target)))


@pytest.mark.parametrize("sentence, holder, target, label, evidence", [
    # the by-agent of a participle of making or proposing is the author of what is judged
    ("The governor criticised the budget plan recently proposed by the city council.",
     "governor", "council", "oppose", "proposed by"),
    ("The union praised the new rules drafted by the labour ministry.", "union", "ministry",
     "support", "drafted by"),
    # a purpose infinitive on what the holder made or sent carries the holder's cue
    ("The campaign launched a website to attack the senator on his voting record.", "campaign",
     "senator", "oppose", "attack"),
    ("Residents started a petition to support the librarian.", "Residents", "librarian",
     "support", "support"),
    # a relative clause on the holder is the holder's predicate, not part of its name
    ("The mayor, who has long praised the developer, left the meeting early.", "mayor",
     "developer", "support", "praised"),
    ("Senator Ruiz, who opposed the pipeline from the start, spoke on Monday.", "Ruiz",
     "pipeline", "oppose", "opposed"),
    # a tensed verb the parser hung on an earlier noun still has the holder as its subject
    ("Sounding like a frustrated Cassandra, Vice President Joseph R. Kemp Jr. praised Governor "
     "Alvarez last week.", "Joseph R. Kemp Jr.", "Alvarez", "support", "praised"),
])
def test_chain_constructions(nlp, sentence, holder, target, label, evidence):
    res = stance_of(nlp, sentence, holder, target)
    assert res.label == label, res
    assert evidence in res.evidence


@pytest.mark.parametrize("sentence, holder, target", [
    # a participle of harm names a victim's attacker, not an author of what is praised
    ("The mayor praised the officers injured by the rioters.", "mayor", "rioters"),
    # an infinitive that is the content of a noun is not the holder's purpose
    ("The investor turned down an invitation to join the senator's campaign.", "investor",
     "senator"),
    # a tensed verb with its own subject is someone else's act
    ("Vice President Kemp said the rebels praised the governor.", "Kemp", "governor"),
])
def test_chain_near_misses_stay_neutral(nlp, sentence, holder, target):
    assert stance_of(nlp, sentence, holder, target).label == "neutral"


@pytest.mark.parametrize("sentence, holder, target", [
    # a place, time or circumstance adjunct is the setting of an attitude, not its object
    ("The singer accepted the prize during the Harlow Foundation gala on Saturday.", "singer",
     "Harlow Foundation"),
    ("The lawyers asked for a quick trial which, under Maltese law, allows shorter sentences.",
     "lawyers", "Maltese"),
    # the standard of a comparison is not what the attitude is about
    ("The Greens won more support than the Liberal party.", "Greens", "Liberal"),
    # an attitude noun the holder receives is someone else's attitude
    ("The mayor drew sharp criticism over the stadium deal.", "mayor", "stadium"),
    # predicative "responsible" assigns a deed; it is not praise
    ("Officials said the militia was responsible for the blast.", "Officials", "militia"),
])
def test_settings_comparisons_and_liability_are_neutral(nlp, sentence, holder, target):
    assert stance_of(nlp, sentence, holder, target).label == "neutral"


def test_attributive_responsible_is_still_praise(nlp):
    res = stance_of(nlp, "The senator said the governor was a responsible leader.", "senator",
                    "governor")
    assert res.label == "support", res


@pytest.mark.parametrize("sentence, holder, target, label, evidence", [
    # an adverbial gerund's understood subject is the subject of its clause
    ("In refusing the senator's request for documents, the official asserted that the inquiry "
     "was independent.", "official", "senator", "oppose", "refusing"),
    ("By attacking the mayor, the union lost support.", "union", "mayor", "oppose", "attacking"),
    # a message the holder authors speaks for the holder
    ("The senator's statement condemning the raid was read aloud.", "senator", "raid", "oppose",
     "condemning"),
    ("The mayor's letter praising the firefighters was published on Monday.", "mayor",
     "firefighters", "support", "praising"),
])
def test_the_holders_own_acts_and_messages(nlp, sentence, holder, target, label, evidence):
    res = stance_of(nlp, sentence, holder, target)
    assert res.label == label, res
    assert evidence in res.evidence


@pytest.mark.parametrize("sentence, holder, target, label", [
    # a directive to stop or undo something opposes its addressee
    ("The association asked the ministry to scrap the new rules.", "association", "ministry",
     "oppose"),
    ("The coach told the players to stop complaining.", "coach", "players", "oppose"),
    ("Protesters forced the minister to resign.", "Protesters", "minister", "oppose"),
    # any other directive leaves the addressee neutral; the act asked for keeps its cue
    ("The mayor asked the council to approve the budget.", "mayor", "council", "neutral"),
    ("The mayor asked the council to approve the budget.", "mayor", "budget", "support"),
])
def test_directives_and_their_addressees(nlp, sentence, holder, target, label):
    assert stance_of(nlp, sentence, holder, target).label == label


@pytest.mark.parametrize("sentence, holder, target, label", [
    ("The party disowned the candidate after the scandal.", "party", "candidate", "oppose"),
    ("Colleagues mourned the reporter on Friday.", "Colleagues", "reporter", "support"),
    ("The board credited the engineer with saving the plant.", "board", "engineer", "support"),
    ("Prosecutors said the broker had defrauded his clients.", "broker", "clients", "oppose"),
])
def test_added_attitude_cues(nlp, sentence, holder, target, label):
    assert stance_of(nlp, sentence, holder, target).label == label


@pytest.mark.parametrize("sentence, holder, target, label", [
    # verbs of concluding and judging report the holder's verdict (Levin 1993, 29.4-29.5)
    ("The judge concluded that the contractor had been negligent.", "judge", "contractor",
     "oppose"),
    ("The jury found the driver guilty.", "jury", "driver", "oppose"),
    # ... but "rule out" excludes what follows
    ("The senator has ruled out any support for the governor.", "senator", "governor",
     "oppose"),
    ("The senator did not rule out supporting the governor.", "senator", "governor", "support"),
    # evaluative words added to the lexicon
    ("Regulators said the bank lacked basic controls.", "Regulators", "bank", "oppose"),
    ("The club said the coach had made an invaluable contribution.", "club", "coach", "support"),
    ("The senator said the agency's report was deeply flawed.", "senator", "agency", "oppose"),
])
def test_verdicts_and_added_evaluative_words(nlp, sentence, holder, target, label):
    assert stance_of(nlp, sentence, holder, target).label == label


@pytest.mark.parametrize("sentence, holder, target, label", [
    # a cue that selects its preposition keeps it ("rally behind")
    ("Residents rallied behind the local school.", "Residents", "school", "support"),
    # a light verb with a dative: "pay tribute to"
    ("The actress paid tribute to the late director.", "actress", "director", "support"),
    ("The mayor apologized to the victims.", "mayor", "victims", "support"),
    ("The PM distanced himself from the remarks.", "PM", "remarks", "oppose"),
    ("The fans booed the referee.", "fans", "referee", "oppose"),
    # "describe X as ADJ": the judgement the speaker predicates of X
    ("Smith described the proposal as reckless.", "Smith", "proposal", "oppose"),
    # a noun for an attitude-holder describing the holder names the attitude's target
    ("Johnson, a longtime supporter of the president, spoke first.", "Johnson", "president",
     "support"),
    ("Trump critic Jeff Flake spoke on Monday.", "Jeff Flake", "Trump", "oppose"),
    # ... not when the relation is past or symmetric, nor in the other direction
    ("Smith, a former supporter of the mayor, spoke first.", "Smith", "mayor", "neutral"),
    ("Johnson, a longtime friend of the president, spoke first.", "Johnson", "president",
     "neutral"),
    ("Johnson, a longtime supporter of the president, spoke first.", "president", "Johnson",
     "neutral"),
])
def test_cue_readings_and_relational_nouns(nlp, sentence, holder, target, label):
    assert stance_of(nlp, sentence, holder, target).label == label


@pytest.mark.parametrize("sentence, holder, target, label", [
    # an obligation that someone stop or be punished, in the holder's words
    ("Smith said Jones should resign.", "Smith", "Jones", "oppose"),
    ("Smith said Jones needs to step down.", "Smith", "Jones", "oppose"),
    ("Smith said Jones should not resign.", "Smith", "Jones", "neutral"),
    ("Smith said Jones should stay.", "Smith", "Jones", "neutral"),
    # the source of an attitude the target receives holds it
    ("The mayor came under fire from residents.", "residents", "mayor", "oppose"),
    ("The mayor faced sharp criticism from residents.", "residents", "mayor", "oppose"),
    ("The plan won praise from unions.", "unions", "plan", "support"),
    ("The mayor received a letter from residents.", "residents", "mayor", "neutral"),
    # more cues
    ("Residents have turned against the mayor.", "Residents", "mayor", "oppose"),
    ("The senator broke with the president over trade.", "senator", "president", "oppose"),
    ("The group cast doubt on the official account.", "group", "official account", "oppose"),
    ("The army launched an offensive against the rebels.", "army", "rebels", "oppose"),
    ("Protesters marched against the new law.", "Protesters", "law", "oppose"),
    ("Smith took a swipe at Jones.", "Smith", "Jones", "oppose"),
    ("The president said he had full confidence in his chief of staff.", "president",
     "chief of staff", "support"),
])
def test_demands_received_attitudes_and_more_cues(nlp, sentence, holder, target, label):
    assert stance_of(nlp, sentence, holder, target).label == label


@pytest.mark.parametrize("sentence, holder, target, label", [
    # what the holder's words say of the target as the reported clause's subject
    ("Smith said Jones had betrayed the party.", "Smith", "Jones", "oppose"),
    ("Smith said Jones supports the plan.", "Smith", "Jones", "neutral"),
    # the object complement of a labelling verb, however the parser hangs it
    ("Smith labelled Jones a traitor.", "Smith", "Jones", "oppose"),
    ("Smith branded the decision a disgrace.", "Smith", "decision", "oppose"),
    # "according to X" makes the clause X's words
    ("According to Smith, Jones is a fraud.", "Smith", "Jones", "oppose"),
    # psych verbs: the experiencer holds the attitude, the stimulus is its target
    ("Smith said he was disappointed in Jones.", "Smith", "Jones", "oppose"),
    ("Smith was impressed by Jones.", "Smith", "Jones", "support"),
    ("Smith was attacked by Jones.", "Smith", "Jones", "neutral"),
])
def test_reported_judgements_and_psych_verbs(nlp, sentence, holder, target, label):
    assert stance_of(nlp, sentence, holder, target).label == label
