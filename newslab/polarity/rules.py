"""Actor stance by transparent rules over spaCy's dependency parse (the ``rules`` backend).

Given a holder span and a target span in one sentence, the rules ask: which predicate does the
holder govern (as subject, passive agent, possessor of an attitude noun, subject of a relative
clause, or antecedent of a possessive pronoun in its own clause), and how does that predicate
reach the target? Every attitude cue on the dependency path from the holder's predicate down to
the target is looked up in ``lexicons/attitude_verbs.csv`` (``urge``, ``call for``, ``object to``,
``willingness``, ``critical of`` ...); the signs are multiplied (``refuse to support`` opposes,
``willingness to help`` supports), a negation on a cue flips it, and a tentative cue (``would
consider``) or a possibility modal on the holder's own cue (``may be willing``) makes the result
neutral and *hedged*. Three inferences go beyond one cue: the judgement of an event goes to the
event's agent (``lamented that Y had not done enough`` opposes Y), the addressee of a request to
stop or undo something is opposed (``urged Y to lift restrictions``; also after a directive
verb that is not an attitude cue: ``asked Y to scrap``, ``forced Y to resign``), and the target of a
relative clause's gap is the cue's object (``Y, whom X attacked``). Two more chains reach
the target: the ``by``-agent of a participle of making or proposing is the author of what the
holder judges (``criticized the proposal offered by Y``), and a purpose infinitive on what the
holder made or used carries the holder's cue (``launched a website to attack Y``). When the
parser hangs the holder's tensed verb on an earlier noun, the verb right after the holder's
phrase is still read as its predicate. A chain ends at a preposition of time, place or
circumstance or at the standard of a comparison (``accepted the award during the X gala``,
``won more support than X``). A noun for an attitude-holder that describes the holder names
the target too (``Johnson, a longtime supporter of the president``, ``Trump critic Jeff
Flake``), and so does the source of an attitude the target receives (``the mayor came under
fire from residents``). An obligation that the target stop or be punished, in the holder's
words, opposes the target (``said Y should resign``). Psych verbs give the attitude to their
experiencer (``X was impressed by Y``, ``X was disappointed in Y``). When the target sits inside
a clause the holder reports (``X said Y is corrupt``), evaluative words predicated of the target
(``lexicons/evaluative_words.csv``) give the stance, also when the target is the reported
clause's subject (``X said Y had betrayed the party``), the object complement of a labelling
verb (``X branded Y a disgrace``) or in a clause ``according to X``.

**Stance and portrayal stay separate.** The ``rules`` backend uses no model. The opt-in
``rules_speech`` backend adds one step: when no cue or evaluative word decides and the target
sits inside a clause the holder is reported to have said (``X said that Y had made false
claims``), the portrayal model reads *that clause only* (the holder's own words, not the
sentence or the article). It remains actor stance because the text read is attributed to the
holder: it measures how the holder's words treat the target. It is not the default because on
the directed-sentiment development set it was right on about a third of the lines it decided
(macro-F1 +0.003), too little to justify a model inside the stance score.

The design follows verb-frame approaches to directed sentiment: Choi, Wiebe & Mihalcea's
opinion holders/targets via semantic roles, Rashkin et al.'s Connotation Frames (writer and
agent perspective of a predicate), Deng & Wiebe's +/-effect event inferences (2015), and Park
et al.'s "Who blames or endorses whom?" (2021), whose task the evaluation set follows. No model
is trained; every decision is written in ``evidence``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..lexicons import attitude_cues, evaluative_words
from ..nlp.syntax import RELATIVE_PRONOUNS as _RELATIVE_PRONOUNS
from ..nlp.syntax import modal as _modal
from ..nlp.syntax import negation as _negated
from ..nlp.syntax import own_subject as _own_subject
from ..nlp.syntax import tentative as _tentative
from ..records import AttitudeCue as Cue
from .cues import describe, light_verb_cue, match_cue
from .lexicon import POLARITY_SIGN
from .portrayal import load_portrayal_model
from .registry import register_stance_backend

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

#: Dependencies that keep a token inside the noun phrase of its head (climb them to the NP root).
_NP_INTERNAL_DEPS = {"compound", "amod", "poss", "appos", "conj", "nmod", "flat", "nummod", "case"}
#: Subject dependencies: the holder acts through its head.
_SUBJ_DEPS = {"nsubj", "csubj"}
#: Dependencies by which a verb chain continues the same actor's action (shared subject).
_SHARED_SUBJ_DEPS = {"xcomp", "conj", "advcl", "acomp", "oprd"}
#: First- and third-person pronouns that stand for the holder inside its own reported clause.
_SELF_PRONOUNS = {"i", "we", "he", "she", "they", "it"}

LABELS = ("support", "oppose", "neutral")
#: Lowest portrayal-model probability at which the holder's words count as for/against the
#: target; 0 takes the model's most likely label (no threshold was tuned).
SPEECH_MIN_PROB = 0.0


@dataclass
class StanceResult:
    """The actor stance of one holder towards one target.

    ``label`` is ``support``, ``oppose`` or ``neutral``; ``hedged`` is true when the holder's
    position is tentative (modal or *consider*); ``evidence`` says which cue decided and why
    (``"objected to -> oppose"``); ``cue`` is the deciding word and ``cue_start``/``cue_end`` its
    Doc character offsets (``None`` when no cue was found).
    """

    label: str = "neutral"
    hedged: bool = False
    evidence: str = "no attitude cue links holder and target"
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None


def np_root(tok: "Token") -> "Token":
    """Climb from a word to the root of the noun phrase it modifies (``Banda's office``).

    Also climbs ``of`` phrases (``the leader of X``, ``members of the X community``): a group's
    spokesperson or member acts for it, as in the directed-sentiment annotation guidelines.
    """
    seen = 0
    while tok.head != tok and seen < 10:
        if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
            break
        if tok.dep_ in _NP_INTERNAL_DEPS:
            tok = tok.head
        elif (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.dep_ == "prep"
              and tok.head.head.pos_ in ("NOUN", "PROPN") and match_cue(tok.head.head) is None):
            tok = tok.head.head
        else:
            break
        seen += 1
    return tok


#: Communication products whose content clause speaks for their author
#: ("signed a letter condemning X", "posted a reply that assailed X").
_MESSAGE_NOUNS = {"letter", "statement", "post", "reply", "tweet", "message", "speech", "op-ed",
                  "column", "article", "ad", "advert", "advertisement", "report", "video",
                  "interview", "editorial", "petition", "resolution", "bill", "motion", "order",
                  "complaint", "lawsuit", "suit", "remark", "comment", "note", "memo", "email"}
#: Prepositions that introduce an act of a verb's object or passive subject
#: ("accused X of helping", "was praised for backing").
_ACT_PREPS = {"of", "for"}
#: Prepositions that head an adverbial gerund clause of the subject's own act ("In refusing
#: X's request, the minister said ...", "By attacking X, the union lost support"). The
#: understood subject of a non-finite adverbial clause is the subject of its matrix clause
#: (Quirk et al. 1985, 15.58, the subject attachment rule).
_ADVERBIAL_PREPS = {"in", "by", "while", "after", "before", "since", "without", "through",
                    "upon", "on", "when"}


def _controlled_acts(verb: "Token", preps: "set[str] | frozenset[str]" = frozenset(_ACT_PREPS)
                     ) -> list["Token"]:
    """Gerunds in ``preps`` phrases (default ``of``/``for``) of ``verb`` that have no subject
    of their own."""
    acts = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for g in prep.children:
                if g.dep_ == "pcomp" and g.tag_ == "VBG" and _own_subject(g) is None:
                    acts.append(g)
    return acts


def holder_predicates(holder_root: "Token") -> list[tuple["Token", str]]:
    """Predicates through which the holder expresses an attitude, with the holder's role.

    Roles: ``subj`` (active subject), ``agent`` (``by`` phrase of a passive), ``poss``
    (author of a noun cue: ``Russia's opposition``, ``US support``, ``criticism by X``),
    ``relcl`` (``X, who praised ...``), ``according`` (``according to X``), ``act`` (the gerund
    that describes the holder's own act: ``X was accused of helping ...``, ``Y accused X of
    attacking ...``, ``In refusing Y's request, X said ...``), ``message`` (the content of the
    holder's letter, post or statement: ``X signed a letter condemning Y``, ``X's tweet
    attacking Y``).
    """
    preds: list[tuple["Token", str]] = []
    anchor = np_root(holder_root)
    # "Russia's opposition to ...", "US support for ...": the holder authors a cue noun.
    tok = holder_root
    while tok.dep_ in _NP_INTERNAL_DEPS and tok.head != tok:
        if tok.dep_ in _AUTHOR_EDGES and match_cue(tok.head) is not None:
            preds.append((tok.head, "poss"))
        if tok.dep_ == "poss" and tok.head.lemma_.lower() in _MESSAGE_NOUNS:
            preds += [(c, "message") for c in _message_content(tok.head)]  # "X's tweet attacking Y"
        tok = tok.head
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "by" and match_cue(anchor.head.head):
        preds.append((anchor.head.head, "poss"))  # "endorsements by X"
    if anchor.dep_ in _SUBJ_DEPS:
        preds.append((anchor.head, "subj"))
    elif anchor.dep_ != "nsubjpass" and _finite_verb_after(holder_root) is not None:
        preds.append((_finite_verb_after(holder_root), "subj"))
    elif anchor.dep_ == "pobj" and anchor.head.dep_ == "agent":
        preds.append((anchor.head.head, "agent"))
    elif anchor.dep_ == "pobj" and anchor.head.lower_ == "to" and anchor.head.head.lower_ == "according":
        preds.append((anchor.head.head.head, "according"))
    if anchor.dep_ == "nsubjpass" and any(
            c.prep == "by" for c in attitude_cues().get((anchor.head.lemma_.lower(), "VERB"), ())):
        preds.append((anchor.head, "subj"))  # "X was impressed by Y": the experiencer
    if anchor.dep_ in ("nsubjpass", "dobj"):
        preds += [(g, "act") for g in _controlled_acts(anchor.head)]
    if anchor.dep_ in _SUBJ_DEPS:
        preds += [(g, "act") for g in _controlled_acts(anchor.head, _ADVERBIAL_PREPS)]
    for child in anchor.children:
        if child.dep_ == "relcl" and any(
            c.dep_ in _SUBJ_DEPS and c.lower_ in _RELATIVE_PRONOUNS for c in child.children
        ):
            preds.append((child, "relcl"))
    if anchor.dep_ in _SUBJ_DEPS | {"nsubjpass"}:
        preds += [(n, "poss") for n in _bound_possessive_cues(anchor.head)]
    # A verb conjoined to the holder's verb without its own subject shares the holder.
    more = []
    for pred, role in preds:
        if role not in ("subj", "relcl"):
            continue
        for c in pred.children:
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not any(
                g.dep_ in _SUBJ_DEPS | {"nsubjpass"} for g in c.children
            ):
                more.append((c, role))
    # "signed a letter condemning X": the holder's message speaks for the holder.
    for pred, role in preds + more:
        if role != "subj":
            continue
        for obj in pred.children:
            if obj.dep_ == "dobj" and obj.lemma_.lower() in _MESSAGE_NOUNS:
                more += [(c, "message") for c in _message_content(obj)]
    return preds + more


def _message_content(noun: "Token") -> list["Token"]:
    """The clauses that give a message noun's content: a participle (``a letter condemning
    X``) or a relative clause with a relative-pronoun subject (``a post that assailed X``)."""
    return [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBG" or c.dep_ == "relcl"
            and any(g.dep_ in _SUBJ_DEPS and g.lower_ in _RELATIVE_PRONOUNS for g in c.children)]


#: Penn Treebank tags of finite (tensed) verbs.
_FINITE_TAGS = {"VBD", "VBZ", "VBP"}


def _finite_verb_after(holder_root: "Token") -> "Token | None":
    """A tensed verb right after the holder's phrase that has no subject of its own, when the
    parser attached it elsewhere (``Sounding tired, Vice President Biden lamented that ...``
    parsed with ``lamented`` as a modifier of an earlier noun). English finite clauses need an
    overt subject (English is not a null-subject language: Rizzi 1982), and a noun modifier
    (``acl``) is non-finite unless it is a relative clause with its own pronoun (Universal
    Dependencies, ``acl``); so the noun phrase just before such a verb is its subject. Adverbs
    between them are skipped (``X then criticised``)."""
    doc = holder_root.doc
    i = holder_root.right_edge.i + 1
    while i < len(doc) and doc[i].tag_ in ("RB", "RBR"):
        i += 1
    if i >= len(doc):
        return None
    verb = doc[i]
    if verb.tag_ not in _FINITE_TAGS or verb.pos_ != "VERB" or verb.dep_ in ("aux", "auxpass"):
        return None
    if _own_subject(verb, ("nsubj", "nsubjpass", "csubj", "expl")) is not None:
        return None
    return verb


#: Third-person possessive pronouns that, inside their own clause, refer to its subject.
_BOUND_POSSESSIVES = {"his", "her", "its", "their"}


def _bound_possessive_cues(verb: "Token") -> list["Token"]:
    """Cue nouns in ``verb``'s clause whose possessor is a third-person pronoun
    (``Trump was criticised for his praise of Putin``): the pronoun is read as the clause's
    subject, the preferred antecedent of a possessive in its own clause (the subject
    preference of Hobbs 1978 and Lappin & Leass 1994). Clauses with a subject of their own
    are not entered."""
    out, stack = [], [c for c in verb.children if c.dep_ not in _SUBJ_DEPS | {"nsubjpass"}]
    while stack:
        tok = stack.pop()
        if tok.pos_ in ("VERB", "AUX") and _own_subject(tok) is not None:
            continue
        if tok.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in _BOUND_POSSESSIVES
                                      for c in tok.children) and match_cue(tok) is not None:
            out.append(tok)
        stack.extend(tok.children)
    return out


def _path_down(top: "Token", target_root: "Token") -> list["Token"] | None:
    """Tokens from ``top`` down to the target's head (``top`` first), or None if not below."""
    chain = []
    tok = target_root
    while tok.head != tok:
        tok = tok.head
        chain.append(tok)
        if tok == top:
            return list(reversed(chain))
    return None




#: Words of virtue when they modify a noun ("a responsible leader") that, said of someone,
#: ascribe causal or liability responsibility instead (Hart 1968, *Punishment and
#: Responsibility*, ch. 9: role, causal, liability and capacity responsibility; only the last
#: is a virtue): "officials said the group was responsible" assigns the deed, not approval.
_LIABILITY_WORDS = {"responsible", "accountable"}


#: Modals of obligation (deontic modality: Palmer 2001, *Mood and Modality*, ch. 3): said of
#: someone's act they voice the speaker's will that it happen, a directive in reported form.
_DEONTIC_MODALS = {"should", "must", "ought"}
#: Semi-modals of obligation with a to-infinitive ("needs to resign", "has to go").
_DEONTIC_VERBS = {"need", "have"}


def _demanded_end(pred: "Token", subj: "Token") -> bool:
    """``Y should resign``, ``Y must go``, ``Y needs to step down``, ``Y should be prosecuted``:
    an obligation that its subject stop, leave, or be punished (a verb of ending or a coercion
    cue of the lexicon, in the passive). Demanding that someone stop or be punished opposes
    them, as asking them to stop does (:func:`_addressee`)."""
    verb = pred
    if pred.lemma_.lower() in _DEONTIC_VERBS:
        verb = next((c for c in pred.children if c.dep_ == "xcomp" and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
        if verb is None:
            return False
    elif not any(c.dep_ == "aux" and c.lower_ in _DEONTIC_MODALS for c in pred.children):
        return False
    if _negated(pred) or _negated(verb):
        return False
    lemma = verb.lemma_.lower()
    if subj.dep_ == "nsubj":
        return lemma in _CESSATION_VERBS or lemma == "go"
    return any(c.cls == "coerce" for c in attitude_cues().get((lemma, "VERB"), ()))


def _evaluation_of(target_root: "Token") -> tuple[str, "Token"] | None:
    """An evaluative word predicated of / attached to the target (``Y is corrupt``, ``hero Y``)."""
    words = evaluative_words()
    if not words:
        return None
    cands = [c for c in target_root.children if c.dep_ in ("amod", "compound", "appos")]
    if target_root.dep_ == "nmod" and target_root.head.dep_ == "dobj":
        cands.append(target_root.head)  # "labelled [Jones] [a traitor]" parsed as one phrase
    np = target_root
    while np.dep_ in ("poss", "compound") and np.head != np:
        np = np.head  # "Lynch's response": what is said of the response is said of Lynch
    if np.dep_ in ("nsubj", "nsubjpass"):
        pred = np.head
        if _demanded_end(pred, np):
            return "oppose", pred  # "said Y should resign", "Y must be prosecuted"
        cands.append(pred)
        cands += [c for c in pred.children if c.dep_ in ("acomp", "attr", "oprd", "dobj")]
        for c in list(cands):
            cands += [g for g in c.children if g.dep_ in ("amod", "compound")]
    elif np.dep_ == "dobj":
        # "called X a liar", "described X's response as unacceptable", "branded X a disgrace"
        # (the parser often hangs that object complement as an npadvmod of the verb)
        cands += [c for c in np.head.children if c.dep_ in ("oprd", "xcomp", "npadvmod")]
        cands += [g for c in np.head.children if c.dep_ == "prep" and c.lower_ == "as"
                  for g in c.children if g.dep_ in ("pobj", "amod", "acomp")]  # "as reckless"
        for c in list(cands):
            cands += [g for g in c.children if g.dep_ == "amod"]
    for c in cands:
        pol = words.get(c.lemma_.lower())
        if c.lemma_.lower() in _LIABILITY_WORDS and c.dep_ in ("acomp", "attr", "oprd"):
            continue  # "Y was responsible (for the attack)": accountability, not praise
        if pol in ("support", "oppose"):
            # "was not a bad idea": the negator on the copula scopes over the attribute's
            # modifier too (a negated negative judgement is approval)
            neg = _negated(c) or (c.dep_ == "amod" and c.head.dep_ in ("attr", "acomp", "oprd")
                                  and _negated(c.head))
            sign = POLARITY_SIGN[pol] * (-1 if neg else 1)
            return ("support" if sign > 0 else "oppose"), c
    return None


@register_stance_backend("rules")
def rules_stance(holder: "Span", target: "Span", *, speech_sentiment: bool = False) -> StanceResult:
    """Stance of ``holder`` towards ``target`` (two spans of one parsed Doc) by verb-frame rules.

    With ``speech_sentiment`` (the ``rules_speech`` backend), when no cue links them but the
    target is inside what the holder says (``X said that Y had made false claims``), the
    portrayal model reads the holder's reported clause only; evidence names that step.

    >>> import spacy; nlp = spacy.load("en_core_web_sm")          # doctest: +SKIP
    >>> doc = nlp("Russia has objected to the plans.")              # doctest: +SKIP
    >>> rules_stance(doc[0:1], doc[4:6]).label                      # doctest: +SKIP
    'oppose'
    """
    if holder.start < target.end and target.start < holder.end:
        return StanceResult(evidence="holder and target overlap")
    h_root, t_root = holder.root, target.root
    anchor = np_root(h_root)
    best: StanceResult | None = None
    speech: tuple["Token", "Token"] | None = None
    for pred, role in holder_predicates(h_root):
        path = _path_down(pred, t_root)
        if path is None:
            res = _relative_object(pred, role, t_root)
            if res is not None and (best is None or best.label == "neutral"):
                best = res
            continue
        if role == "according":  # "According to X, Y is a fraud": the clause is X's words
            res = _evaluation([], t_root)
            if res is not None:
                return res
        below = path[1] if len(path) > 1 else t_root
        # The target must not sit in the holder's own noun phrase; for an attitude noun the
        # holder authors ("US support for Saudi Arabia") that phrase ends at the noun, and a
        # predicate inside the phrase ("X, who praised Y") is not part of the holder's name.
        own = {t.i for t in (h_root.subtree if role == "poss" and anchor in pred.subtree
                             or role == "poss" and pred == anchor else anchor.subtree)}
        if pred != anchor and anchor.is_ancestor(pred):
            own -= {t.i for t in pred.subtree}
        if below.i in own or t_root.i in own:
            continue
        if below.dep_ in _SUBJ_DEPS and below.head == pred:
            continue  # the target is the predicate's (other) subject
        res = _compose(path, t_root)
        if res is not None and (best is None or best.label == "neutral" and res.label != "neutral"):
            best = res
        speech = speech or _reported_clause(path, t_root)
    if best is None or best.label == "neutral" and not best.hedged:
        best = _relation_noun(h_root, t_root) or _received_from(h_root, t_root) or best
    if (best is None or best.label == "neutral" and not best.hedged) and speech and speech_sentiment:
        return _speech_sentiment(*speech, target) or best or StanceResult()
    return best or StanceResult()


#: Verbs whose subject receives what their object names (Levin 1993, 13.5.1-13.5.2 get and
#: obtain verbs, with "face", "draw", "attract", "meet with"), and "come/be under" (fire,
#: pressure, attack).
_RECEIVING_VERBS = {"win", "gain", "receive", "get", "earn", "garner", "attract", "draw",
                    "face", "meet", "come", "be", "remain", "fall", "suffer"}


def _received_from(h_root: "Token", t_root: "Token") -> StanceResult | None:
    """``The mayor came under fire from residents``, ``the plan won praise from unions``: the
    holder is the source (``from``) of an attitude noun that the target, the clause's subject,
    receives; the attitude is the holder's and it is aimed at the target (the source and
    goal roles of a verb of getting: Levin 1993, 13.5; Jackendoff 1990, ch. 7)."""
    anchor = np_root(h_root)
    if anchor.dep_ != "pobj" or anchor.head.lower_ != "from":
        return None
    attach = anchor.head.head
    verb = attach.head if attach.pos_ == "NOUN" and attach.dep_ in ("dobj", "pobj") else attach
    if verb.pos_ == "ADP" and verb.lower_ == "under":
        verb = verb.head
    if verb.lemma_.lower() not in _RECEIVING_VERBS:
        return None
    nouns = [attach] if attach.pos_ == "NOUN" else [c for c in verb.children if c.dep_ == "dobj"] \
        + [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("under", "with")
           for g in c.children if g.dep_ == "pobj"]
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj != np_root(t_root) and subj != t_root:
        return None
    for noun in nouns:
        cue = match_cue(noun)
        if cue is not None and cue.polarity in ("support", "oppose") and cue.pos == "NOUN":
            neg = _negated(verb)
            label = cue.polarity if not neg else ("oppose" if cue.polarity == "support" else "support")
            return StanceResult(label, False, f"{verb.text} {noun.text} from holder -> {label}",
                                noun.text, noun.idx, noun.idx + len(noun.text))
    return None


#: Relational nouns whose relation holds both ways (Barker 1995: symmetric relational nouns).
_SYMMETRIC_RELATIONS = {"ally", "friend", "enemy", "foe", "partner", "rival"}


def _relation_noun(h_root: "Token", t_root: "Token") -> StanceResult | None:
    """``Johnson, a longtime ally of the president``, ``Trump critic Jeff Flake``: a noun for
    someone who holds an attitude (``agent`` cues of the lexicon: critic, ally, supporter ...)
    in apposition to the holder or compounded with the holder's name describes the holder, and
    its complement or modifier names whom the attitude is for or against. Such relational nouns
    take their relatum as an ``of`` complement or a prenominal modifier (Barker 1995,
    *Possessive Descriptions*; Quirk et al. 1985, 17.65-17.69 on appositions that describe the
    head). A ``former`` or ``ex-`` relation is past and is not read, and symmetric relations
    (``ally``, ``friend``, ``enemy``, ``foe``: each side is the other's) say nothing about which
    side holds the attitude."""
    nouns = [c for c in h_root.children if c.dep_ in ("appos", "compound")]
    if h_root.dep_ == "appos":
        nouns.append(h_root.head)
    for noun in nouns:
        cue = match_cue(noun)
        if cue is None or cue.cls != "agent" or cue.lemma in _SYMMETRIC_RELATIONS or any(
                c.lower_ in ("former", "ex", "erstwhile", "onetime") for c in noun.children):
            continue
        t_np = np_root(t_root) if t_root.dep_ in ("compound", "poss", "amod") else t_root
        related = (t_root.head == noun and t_root.dep_ in ("amod", "compound", "poss", "nmod")
                   or t_np.dep_ == "pobj" and t_np.head.dep_ == "prep"
                   and t_np.head.lower_ in ("of", "to") and t_np.head.head == noun)
        if related:
            return StanceResult(cue.polarity, False, f"{noun.text} (describes holder) -> "
                                f"{cue.polarity}", noun.text, noun.idx, noun.idx + len(noun.text))
    return None


def _relative_object(pred: "Token", role: str, t_root: "Token") -> StanceResult | None:
    """``Bezos, whom Trump has attacked``: the noun a relative clause hangs from is the object
    of the holder's cue when the clause has no object of its own (the gap is the object)."""
    if role != "subj" or pred.dep_ != "relcl" or any(
            c.dep_ in ("dobj", "ccomp", "xcomp") and c.lower_ not in _RELATIVE_PRONOUNS
            for c in pred.children):
        return None
    antecedent = pred.head
    if np_root(t_root) != antecedent and t_root != antecedent and not (
            antecedent.dep_ == "appos" and antecedent.head == np_root(t_root)):
        return None
    cue = match_cue(pred)
    if cue is None or cue.polarity not in ("support", "oppose") or cue.prep:
        return None
    return _compose([pred], t_root)


def _reported_clause(path: list["Token"], t_root: "Token") -> tuple["Token", "Token"] | None:
    """(speech verb, head of what it reports) when the target lies in the holder's words."""
    for i, tok in enumerate(path):
        cue = match_cue(tok)
        if cue is not None and cue.polarity == "report":
            nxt = path[i + 1] if i + 1 < len(path) else t_root
            if nxt.dep_ in _CONTENT_EDGES and nxt is not t_root:
                return tok, nxt
            return None
        if cue is not None:
            return None
    return None


def _speech_sentiment(verb: "Token", clause_head: "Token", target: "Span") -> StanceResult | None:
    """Sentiment of the reported clause towards the target, from the portrayal model."""
    toks = list(clause_head.subtree)
    clause = clause_head.doc[toks[0].i:toks[-1].i + 1]
    if not (clause.start_char <= target.start_char and target.end_char <= clause.end_char):
        return None
    model = load_portrayal_model()
    span = (target.start_char - clause.start_char, target.end_char - clause.start_char)
    p = model.predict_proba([(clause.text, span)], [clause])[0]
    k = int(np.argmax(p))
    label = {"negative": "oppose", "positive": "support"}.get(model.classes[k])
    if label is None or p[k] < SPEECH_MIN_PROB:
        return None
    return StanceResult(label, False, f"{verb.text} + holder's words about target read "
                        f"{model.classes[k]} (p={p[k]:.2f}) -> {label}", verb.text, verb.idx,
                        verb.idx + len(verb.text))


@register_stance_backend("rules_lexical")  # older name of "rules"
def lexical_rules_stance(holder: "Span", target: "Span") -> StanceResult:
    """:func:`rules_stance` (cues and evaluative words only); kept under its older name."""
    return rules_stance(holder, target, speech_sentiment=False)


@register_stance_backend("rules_speech")
def speech_rules_stance(holder: "Span", target: "Span") -> StanceResult:
    """:func:`rules_stance` plus the portrayal model on the holder's reported clause.

    >>> import spacy; nlp = spacy.load("en_core_web_sm")                          # doctest: +SKIP
    >>> doc = nlp("The senator said the governor had mishandled the crisis.")    # doctest: +SKIP
    >>> speech_rules_stance(doc[1:2], doc[4:5]).evidence                          # doctest: +SKIP
    "said + holder's words about target read negative (p=0.80) -> oppose"
    """
    return rules_stance(holder, target, speech_sentiment=True)


#: Edges along which one attitude cue can embed another (``refuse to support``,
#: ``willingness to help``, ``said they support``).
_CHAIN_EDGES = {"xcomp", "ccomp", "dobj", "acomp", "attr", "oprd", "acl", "pcomp", "prep", "pobj"}
#: Edges from a speech verb to what is said.
_CONTENT_EDGES = {"ccomp", "xcomp", "dobj", "parataxis", "conj", "advcl", "nsubjpass", "attr"}
#: Edges from the last cue down to the target that keep the target an argument of that cue.
_ARG_EDGES = {"dobj", "pobj", "dative", "attr", "oprd", "conj", "appos", "poss", "compound",
              "nmod", "amod", "nummod", "prep", "nsubjpass", "cc", "npadvmod", "quantmod"}
#: Edges from a cue noun to the target that make the target the noun's own author
#: (``NATO's accusations``, ``Russian support``): rejecting the accusations opposes NATO.
_AUTHOR_EDGES = {"poss", "compound", "amod", "nmod"}
#: Parallel acts of the same subject: the stance restarts (``rejected X and blamed Y``).
_PARALLEL_EDGES = {"conj", "advcl"}
#: Prepositional hops allowed between a cue and the target ("critical of X's plan" is one).
MAX_PREP_HOPS = 2
#: Prepositions of time, place and circumstance (Quirk et al. 1985, 9.15-9.55 and 8.41: space,
#: time and circumstance adjuncts): what they introduce is the setting of an attitude, never
#: what it is about ("accepted the award during the Clive Davis gala", "a trial which, under
#: Italian law, allows ..."). "than" introduces the standard of a comparison (Quirk et al.
#: 1985, 15.63), not the object of the attitude compared ("won more support than the Finns").
#: Prepositions that cues select ("against", "for", "on", "at", "with", "to", "of", "over",
#: "about", "in") are not listed.
_ADJUNCT_PREPS = {"during", "after", "before", "since", "until", "till", "amid", "amidst",
                  "throughout", "under", "near", "outside", "inside", "across", "around",
                  "beside", "beyond", "via", "despite", "than"}
#: Request verbs whose object is only the addressee (``urged Turkey to lift ...``).
_REQUEST_CLASS = "request"


def _compose(path: list["Token"], t_root: "Token") -> StanceResult | None:
    """Multiply the cue signs along ``path`` (holder's predicate first); None when no cue."""
    sign = 1
    found: list[tuple["Token", Cue, bool, str | None]] = []
    hedged = neutral_hedge = reported = False
    preps_after_cue = 0
    authors: list[str] = []
    for i, tok in enumerate(path):
        nxt = path[i + 1] if i + 1 < len(path) else t_root
        edge = nxt.dep_
        if i > 0:
            subj = _own_subject(tok)
            relative = (tok.dep_ == "relcl" and subj is not None
                        and subj.lower_ in _RELATIVE_PRONOUNS and _polar(found))
            if (subj is not None and subj.i != t_root.i and subj.lower_ not in _SELF_PRONOUNS
                    and not relative):
                # "supports forces that battle Y" (relative) chains: the friend of Y's foe.
                # Someone else's act, reported or described: not the holder's attitude.
                if reported and not any(f[1].polarity in ("support", "oppose") for f in found):
                    return _evaluation(found, t_root)
                break
        if (i > 0 and nxt is t_root and edge in _SUBJ_DEPS and _polar(found)
                and found[-1][0] is path[i - 1] and _content_clause(tok)):
            # "lamented that Y had not done enough", "praised that Y had helped": the holder
            # judges an event, and the judgement goes to its agent (the +/-effect inference
            # of Deng & Wiebe 2015); the event's own cue is Y's act, not a link of the chain.
            break
        if i > 0 and _polar(found) and _authoring_participle(tok, nxt):
            authors.append(f"{tok.text} {nxt.text}")
            continue  # "criticized the proposal offered by X": X authored what is judged
        if reported and not _polar(found) and nxt is t_root and edge in _SUBJ_DEPS:
            return _evaluation(found, t_root)  # "said Y had betrayed the party": what is said of Y
        cue = light_verb_cue(tok, nxt) or match_cue(tok, nxt)
        if (cue is None or cue.polarity == "report") and _directive(tok) and \
                _is_addressee(path[i + 1:] + [t_root]):
            return _addressee(tok, cue)  # "asked the agency to scrap the rules"
        if cue is not None and cue.polarity == "report":
            if edge not in _CONTENT_EDGES:
                return None  # "respond to a request": not the content of what is said
            reported = True
            found.append((tok, cue, _negated(tok), None))
        elif cue is not None and cue.polarity == "hedge":
            own = not reported or (_own_subject(tok) is not None
                                   and _own_subject(tok).lower_ in _SELF_PRONOUNS)
            if own or i == 0:
                found.append((tok, cue, False, _modal(tok)))
                neutral_hedge = hedged = True
                break
        elif cue is not None:
            if cue.cls == _REQUEST_CLASS and _requested_act(tok) is not None and \
                    _is_addressee(path[i + 1:] + [t_root]):
                return _addressee(tok, cue)
            if cue.pos == "NOUN" and nxt == t_root and edge in _AUTHOR_EDGES and cue.cls != "agent":
                pass  # the target authored this attitude ("NATO's accusations"); not "Russia's critics"
            elif cue.pos == "NOUN" and edge == "prep" and nxt.lower_ in ("by", "from") \
                    and nxt.head == tok:
                pass
            else:
                neg, modal = _negated(tok), _modal(tok)
                if modal:
                    hedged = True
                    if _tentative(modal, neg) and (i == 0 or not reported):
                        neutral_hedge = True
                sign *= POLARITY_SIGN[cue.polarity] * (-1 if neg else 1)
                found.append((tok, cue, neg, modal))
        if cue is not None:
            preps_after_cue = 0
        polar = any(f[1].polarity in ("support", "oppose") for f in found)
        # How the path leaves this token decides whether the cues so far still apply.
        if edge in _PARALLEL_EDGES and tok.pos_ in ("VERB", "AUX") and nxt.pos_ in ("VERB", "AUX"):
            if i == 0 or not polar:
                sign, found, hedged, neutral_hedge = 1, [f for f in found if f[1].polarity == "report"], False, False
                continue
            return None
        beyond = path[i + 2] if i + 2 < len(path) else t_root
        kept = (polar and _authoring_participle(nxt, beyond)
                or i == 1 and _purpose_infinitive(tok, nxt, path[0]))
        if edge == "acl" and cue is None and not kept:
            return None  # a participle describing a noun is that noun's act, not the holder's
        if not polar:
            if edge not in _CHAIN_EDGES | _ARG_EDGES and not kept and not (
                    reported and nxt is t_root and edge in _SUBJ_DEPS):
                return None  # the target as subject of a reported clause is judged below
            continue
        if edge == "prep":
            preps_after_cue += 1
            if preps_after_cue > MAX_PREP_HOPS:
                return None  # too far from the cue: a modifier of its argument
            if nxt.lower_ in _ADJUNCT_PREPS and (cue is None or cue.prep != nxt.lower_):
                return None  # "accepted the award during the X gala": a circumstance
        elif edge == "acl" and match_cue(tok) is None and not kept:
            return None
        elif edge == "relcl":
            continue
        elif edge == "agent" and cue is not None and cue.prep == "by":
            continue  # "was impressed by Y": a psych verb's stimulus, selected by the cue
        elif edge not in _CHAIN_EDGES | _ARG_EDGES:
            return None
    polar = [f for f in found if f[1].polarity in ("support", "oppose", "hedge")]
    if not polar:
        return _evaluation(found, t_root) if reported else None
    chain = " -> ".join([describe(t, c, n, m) for t, c, n, m in found] + authors)
    first, last = polar[0][0], polar[-1][0]
    if neutral_hedge:
        return StanceResult("neutral", True, f"{chain} -> neutral, hedged", first.text,
                            first.idx, first.idx + len(first.text))
    label = "support" if sign > 0 else "oppose"
    ev = f"{chain} -> {label}" + (", hedged" if hedged else "")
    return StanceResult(label, hedged, ev, last.text, last.idx, last.idx + len(last.text))


#: Verbs whose passive participle names the author of the noun it modifies: verbs of creation
#: and performance (Levin 1993, 26.4 "create" verbs and 26.7 "performance" verbs) and verbs of
#: putting forward (propose, sponsor, introduce). "the proposal offered by X" is X's proposal.
_AUTHORING_VERBS = {"offer", "propose", "put", "introduce", "sponsor", "draft", "write", "author",
                    "issue", "publish", "make", "pass", "announce", "sign", "order", "carry",
                    "launch", "adopt", "impose", "enact", "implement", "pursue", "push", "present",
                    "unveil", "submit", "file", "release", "produce", "create", "design", "plan",
                    "organise", "organize", "lead", "mount", "stage", "conduct", "commit",
                    "perpetrate", "take", "deliver", "build", "set", "win", "champion", "promote",
                    "back", "support", "endorse", "favour", "favor", "advocate", "initiate"}


def _authoring_participle(tok: "Token", nxt: "Token") -> bool:
    """``tok`` is a passive participle modifying a noun, with ``nxt`` its ``by`` agent, and its
    verb makes the agent the noun's author (``the budget proposal offered by the White
    House``). A reduced passive relative says what the possessive says (``the White House's
    proposal``: Quirk et al. 1985, 17.53, the *by*-agent of a postmodifying ``-ed`` clause), and a
    judgement of a thing someone made, proposed or backs is a judgement of its author, as the
    rules already read ``criticized X's proposal``. A participle of harm (``the officers
    injured by X``) names no author and is not read this way."""
    return (tok.dep_ == "acl" and tok.tag_ == "VBN" and nxt.dep_ == "agent" and nxt.head == tok
            and tok.lemma_.lower() in _AUTHORING_VERBS)


#: Verbs of making, getting, sending and using something (Levin 1993: 26.1-26.4 build and
#: create verbs, 13.5 get verbs, 11.1 send verbs, 105 use verbs): their object can be made,
#: got or used *for* a purpose the subject states in an infinitive.
_PURPOSE_VERBS = {"launch", "create", "set", "form", "establish", "found", "build", "start",
                  "open", "organise", "organize", "fund", "raise", "buy", "hire", "recruit",
                  "deploy", "send", "dispatch", "use", "employ", "spend", "introduce", "draft",
                  "write", "produce", "run", "mount", "assemble", "gather", "mobilise",
                  "mobilize", "pay", "offer", "give", "provide", "take", "make"}


def _purpose_infinitive(noun: "Token", nxt: "Token", pred: "Token") -> bool:
    """``nxt`` is a subjectless ``to``-infinitive modifying ``noun``, the object of the holder's
    verb of making, getting or using ``pred`` (``launched a website to attack X``, ``sent
    troops to fight Y``, ``used the speech to praise Z``). The infinitive is then a purpose
    clause of the holder's act (Bach 1982, "Purpose clauses and control"; Quirk et al. 1985,
    15.48: the thing made or used serves the subject's purpose), so its cue is the holder's.
    Other verbs are left out: ``turned down an invitation to join X`` gives the invitation's
    content, not the holder's purpose."""
    return (pred.lemma_.lower() in _PURPOSE_VERBS and noun.dep_ == "dobj" and noun.head == pred
            and nxt.head == noun
            and nxt.dep_ in ("relcl", "acl") and nxt.tag_ == "VB" and _own_subject(nxt) is None
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in nxt.children))


#: Verbs of ending or undoing: aspectual "stop" verbs (Levin 1993, 55.1) and reversal verbs.
#: Asking someone to stop or undo something presupposes they are doing it (the presupposition
#: of "stop", Karttunen 1971), which the one asking objects to.
_CESSATION_VERBS = {"stop", "cease", "quit", "end", "halt", "discontinue", "abandon", "drop",
                    "lift", "scrap", "revert", "reverse", "rescind", "repeal", "withdraw",
                    "retract", "release", "free", "resign", "step", "back", "refrain", "desist",
                    "apologise", "apologize", "change", "curb", "rein"}


def _requested_act(verb: "Token") -> "Token | None":
    """The infinitive a request verb asks for (``urged X [to lift]``, ``called on X [to stop]``)."""
    for c in verb.children:
        if c.dep_ == "xcomp" or c.dep_ == "advcl" and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return c
    return None


def _is_addressee(rest: list["Token"]) -> bool:
    """Whether the path below a request verb ends at its addressee: its object
    (``urged Turkey``) or the object of ``on``/``upon`` (``called on Iran``), or a conjunct."""
    while len(rest) > 1 and rest[-1].dep_ == "conj" and rest[-1].head == rest[-2]:
        rest = rest[:-1]
    if len(rest) == 1:
        return rest[0].dep_ == "dobj"
    return (len(rest) == 2 and rest[0].dep_ == "prep" and rest[0].lower_ in ("on", "upon")
            and rest[1].dep_ == "pobj")


#: Verbs of directive speech acts whose object is the addressee and whose ``to``-infinitive is
#: the act asked for (Searle 1976, "A classification of illocutionary acts": directives; Levin
#: 1993, 37.9 advise verbs and 59 force verbs), beyond the request cues of the lexicon.
_DIRECTIVE_VERBS = {"ask", "tell", "order", "instruct", "direct", "command", "press", "pressure",
                    "push", "force", "compel", "advise", "implore", "beg", "warn", "caution",
                    "invite", "request", "require", "oblige", "persuade"}


def _directive(verb: "Token") -> bool:
    """A directive verb with the infinitive it asks for (``asked USDA to revert``)."""
    return verb.lemma_.lower() in _DIRECTIVE_VERBS and _requested_act(verb) is not None


def _addressee(verb: "Token", cue: Cue | None) -> StanceResult:
    """The addressee of a request (``urged Turkey to ...``): neutral, unless what is asked
    is to stop or undo something, or not to do it (``urged Turkey to lift restrictions``,
    ``called on X not to ...``): that implies the holder objects to the addressee's conduct."""
    act = _requested_act(verb)
    neg = _negated(act)
    if neg or act.lemma_.lower() in _CESSATION_VERBS:
        why = f"{neg} + {act.text}" if neg else act.text
        return StanceResult("oppose", False, f"{verb.text} addressee to {why} -> oppose",
                            verb.text, verb.idx, verb.idx + len(verb.text))
    return StanceResult(evidence=f"{verb.text}: target is only the addressee")


def _content_clause(tok: "Token") -> bool:
    """A finite clause that is what its head verb is about (``... that Y had done``)."""
    return tok.dep_ == "ccomp" or tok.dep_ in ("acl", "advcl") and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def _polar(found) -> bool:
    return any(f[1].polarity in ("support", "oppose") for f in found)


def _evaluation(found, t_root: "Token") -> StanceResult | None:
    ev = _evaluation_of(t_root)
    if ev is None:
        return None
    label, word = ev
    rep = found[0][0] if found else word
    return StanceResult(label, False, f"{rep.text} + {word.text} about target -> {label}",
                        word.text, word.idx, word.idx + len(word.text))
