"""Stage 1 of attribution for quotations in quote marks: the sieves that find the speaker's words.

After Muzny, Fang, Chang & Jurafsky (2017), "A Two-Stage Sieve Approach for Quote Attribution"
(EACL; CoreNLP's ``QuoteAttributionAnnotator``): each sieve looks at one quotation and the text
around it (:class:`~newslab.extract.window.Window`) and either names an attribution
(:class:`Found`: rule, cue, speaker mention) or passes. :data:`SIEVES` holds them in the order of
their precision measured on PolNeAR train (``benchmarks/quotes_polnear.py --split train``
prints it per rule); the first sieve that answers wins. Stage 2 (speaker mention → actor) is
:func:`newslab.extract.coref.mention_for_span` and the resolver.

The sieves read the surface layout first and the dependency parse second: the parser often
attaches a name after a quotation to the quotation's own clause (``"…," Gene Sperling, a top
adviser, said``), so a speaker phrase is also read from the words between the quotation and
the verb.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, NamedTuple

from ..lexicons import not_speaker_labels
from ..nlp.syntax import head_depth
from ..records import Cue, ReportingCue, Speaker
from .context import Context, word_count
from .cues import CueHit
from .quotations import Quotation, starts_sentence
from .speakers import speaker_at, speaker_of, speaker_subject
from .window import Window

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .span_index import SpanList

#: Tokens allowed between a reporting verb and a quotation that follows it ("told reporters").
BETWEEN_CUE_AND_QUOTE_POS = {"ADV", "ADP", "PART", "PUNCT", "DET", "PRON", "SPACE"}
#: Parts of speech inside a speaker's noun group ("the union's regional secretary", "Sgt Mat Knowles").
NOUN_GROUP_POS = {"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "PART", "CCONJ"}
#: Words that show an all-capitals line label is a heading, not a name ("STAT OF THE WEEK").
FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "in", "on", "to", "at", "with", "by", "a"})
#: A name after a preposition is not a label's speaker ("Another problem for Sanders:").
LABEL_PREPOSITION_RE = re.compile(r"\b(?:for|of|to|with|against|by|from|about|on|in|at|over)\s+$")
#: Longest source label before a headline colon ("Former AG Mukasey at RNC: …").
HEADLINE_LABEL_MAX_WORDS = 6
#: A quotation whose own sentence goes on after it: it ends in , ? ! or a dash, or a comma or a
#: lower-case word follows ("…," he said / "…?" asked Smith) — the splice of news quotations.
SPLICE_END = ",?!—–-…"
#: A credit line after a quotation: a dash, then a name ("" — Commissioner Rafael Okonjo").
DASH_CREDIT_RE = re.compile(r"\s*(?:—|–|-{1,2})\s*(?=[^\W\d_])([^,\n]{2,80})")
#: Longest credit or lead-in line read as a speaker's name (words).
CREDIT_MAX_WORDS = 8
#: Prepositions that open a verb-less lead-in line ("From board chair Ingrid Halvorsen:").
LEAD_IN_PREPOSITIONS = frozenset({"from", "per", "via"})

RULE_AFTER = "speaker and speech verb after the quotation"
RULE_AFTER_SENTENCE = "sentence ending in a quotation, then speaker and speech verb"
RULE_INVERTED_SENTENCE = "sentence ending in a quotation, then speech verb and speaker"
RULE_GOES_ON = "quotation, the rest of its sentence, then speaker and speech verb"
RULE_INVERTED = "speech verb and then speaker after the quotation (inverted)"
RULE_BEFORE = "speaker and speech verb before the quotation"
RULE_COLON = "speaker and verb introduce the quotation with a colon"
RULE_LABEL = "speaker's name and a colon before the quotation (transcript)"
RULE_LEAD_IN = "lead-in line naming the speaker, ending in a colon"
RULE_DASH = "dash credit naming the speaker after the quotation"


class Found(NamedTuple):
    """What a sieve found: its rule, the cue (``None`` for verb-less layouts), the speaker
    mention, the cue's first token index (a cue that holds two quotations joins them), and for a
    quotation inside a longer reported sentence, where that sentence starts and ends (``kind``
    mixed)."""

    rule: str
    cue: Cue | None
    speaker: Speaker | None
    verb: int | None = None
    start: int | None = None
    end: int | None = None
    kind: str = "direct"


def _from_hit(hit: CueHit, rule: str, speaker: Speaker | None = None) -> Found:
    verb, last, entry = hit
    if speaker is None and entry.cue != ":":
        speaker = speaker_of(verb, last, entry)
    return Found(rule, Cue(verb.idx, last.idx + len(last), verb.i), speaker, verb.i)


def find_cue(tokens: list["Token"], cues_at: dict[int, CueHit],
             reverse: bool = False) -> CueHit | None:
    """The first (or last) lexicon cue among ``tokens``."""
    for t in (reversed(tokens) if reverse else tokens):
        if t.i in cues_at:
            return cues_at[t.i]
    return None


#: Subjects that cannot introduce a quotation with a colon ("Wait, it gets better:").
NOT_COLON_SUBJECTS = frozenset({"it", "this", "that", "which", "what", "there", "who"})


def colon_verb(tokens: list["Token"]) -> CueHit | None:
    """The main verb of a colon introduction without a reporting verb ("Cruz called them on
    it:"): of the verbs whose subject is a name, noun or personal pronoun, the one nearest the
    root of the sentence (not a verb inside a relative clause: "a phrase that could have come
    from Trump himself:")."""
    found = []
    for t in tokens:
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            subj = speaker_subject(t)
            if subj is not None and subj.lower_ not in NOT_COLON_SUBJECTS:
                found.append(t)
    if not found:
        return None
    t = min(found, key=lambda v: (head_depth(v), -v.i))
    return CueHit(t, t, ReportingCue(t.lemma_, "speech", "clause", False))


def phrase_speaker(tokens: list["Token"]) -> Speaker | None:
    """A speaker read from words alone (the parse missed it): ``tokens`` trimmed of punctuation,
    which must hold a name, noun or pronoun; the head is the last word of the first name run
    (``Gene Sperling, a top adviser`` → Sperling), else the last noun."""
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[0].is_punct or toks[0].pos_ == "CCONJ"):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return None
    head = None
    for t in toks:
        if t.pos_ == "PROPN":
            head = t
        elif head is not None:
            break
    if head is None:
        head = next((t for t in reversed(toks) if t.pos_ in ("NOUN", "PRON")), None)
    if head is None:
        return None
    return Speaker(toks[0].idx, toks[-1].idx + len(toks[-1]), head.idx)


def _in_noun_group(tokens: list["Token"], i: int) -> bool:
    """Whether ``tokens[i]`` can stand inside a speaker's noun group: names, nouns, determiners,
    adjectives, a possessive, a preposition before a noun (``a spokesman for committee
    Democrats``) and a hyphen inside a word (``CrowdStrike co-founder``)."""
    t = tokens[i]
    if t.dep_ in ("compound", "amod") and not t.is_punct and t.head.i > t.i:
        return True  # "harbour master Ewan Kirk", "the conservative-leaning newspaper"
    if t.is_punct:
        return t.text in "-–" and not t.whitespace_ and i > 0 and not tokens[i - 1].whitespace_
    if t.pos_ == "PRON":
        return i == 0 or t.dep_ == "poss"
    if t.pos_ == "ADP":
        return i > 0 and i + 1 < len(tokens) and tokens[i + 1].pos_ in ("PROPN", "NOUN", "DET", "ADJ")
    return t.pos_ in NOUN_GROUP_POS


def _noun_group_then_verb(tokens: list["Token"]) -> int | None:
    """Index in ``tokens`` of the verb that follows a speaker phrase: a noun group, then any
    comma-enclosed appositions or relative clauses, then adverbs/auxiliaries
    (``Jane Doe, a senior fellow at X, has written``); ``None`` when the layout differs."""
    n, i = len(tokens), 0
    while i < n and _in_noun_group(tokens, i):
        i += 1
    if i == 0 or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in tokens[:i]):
        return None
    while i < n and tokens[i].text in (",", "("):
        close = "," if tokens[i].text == "," else ")"
        j = next((j for j in range(i + 1, n) if tokens[j].text == close), None)
        if j is None:
            return None
        i = j + 1
        if close == ")" and i < n and tokens[i].text == ",":
            continue
    while i < n and tokens[i].pos_ in ("ADV", "AUX", "PART"):
        i += 1
    return i if i < n and tokens[i].pos_ == "VERB" else None


def spliced(ctx: Context, q: Quotation, w: Window) -> bool:
    """Whether the quotation's sentence goes on after it (:data:`SPLICE_END`)."""
    inner_last = ctx.text[q.fragments[-1][0]:q.fragments[-1][1]].rstrip()
    after = w.after.lstrip()
    return inner_last[-1:] in SPLICE_END or after[:1] in ",—–-" or after[:1].islower()


def _starts_its_sentence(w: Window) -> bool:
    """Nothing but punctuation before the quotation in its sentence, or a colon, or a dash or
    bracket that opens a parenthetical quotation (``… unserious - "Again, …," she said -``)."""
    before = w.before.rstrip()
    return not re.search(r"\w", before) or before.endswith((":", "—", "–", " -", "("))


def _introduces_next(w: Window, verb: "Token") -> bool:
    """The clause of ``verb`` after the quotation ends in a colon: it introduces the next
    quotation ("… And you? » The union leader replied: « …"), not this one — unless another
    verb takes the colon ("…," he said, and then predicted: "…")."""
    if not w.after.rstrip().endswith(":"):
        return False
    return not any(t.pos_ == "VERB" and t.i > verb.i for t in w.a_toks)


def _reported_sentence(ctx: Context, k: int, q: Quotation, w: Window) -> bool:
    """A quotation that ends a longer sentence with a comma (``Teachers are "looking to see who
    is on the ticket," …``, ``The former secretary will play the "woman card," …``): the
    sentence is a clause (six words or more, with a verb) with no other quotation before."""
    inner = ctx.text[q.fragments[-1][0]:q.fragments[-1][1]].rstrip()
    if not (inner.endswith(",") or w.after.lstrip().startswith(",")):
        return False
    words = word_count(ctx.text[w.b_start:q.end])
    return words >= ctx.config.sentence_quote_min_words and not ctx.quotations_in(w.b_start, q.start) \
        and ctx.has_verb([(w.b_start, q.end)])


def speaker_verb_after(ctx: Context, k: int, q: Quotation, w: Window) -> Found | None:
    """``"…," he said`` / ``"…," Jane Doe, a senior fellow, wrote``: a speaker phrase then a
    speech verb right after the quotation (Pouliquen et al. 2007; Muzny et al. 2017, trigram
    sieve). Any verb counts after a spliced quotation ("…," Voss grumbled): only a reporting
    clause can follow a quotation that ends in a comma. When the sentence starts before the
    quotation (``Teachers are "…," she said``) the whole sentence is what was said (mixed;
    PolNeAR and PARC mark the sentence, Pareti 2015)."""
    if not w.a_toks:
        return None
    lead_in = not _starts_its_sentence(w)
    if lead_in and not _reported_sentence(ctx, k, q, w):
        return None
    toks = [t for t in w.a_toks[:ctx.config.long_speaker_max_tokens] if not t.is_space]
    j = _noun_group_then_verb(toks)
    if j is None:
        return None
    verb = toks[j]
    if _introduces_next(w, verb):
        return None
    hit = ctx.cues_at.get(verb.i)
    if lead_in and (hit is None or any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i
                                       for c in verb.children)):
        return None
    if spliced(ctx, q, w):
        hit = hit or CueHit(verb, verb, ReportingCue(verb.lemma_, "speech", "clause", False))
    elif hit is None or hit.entry.cls != "speech" \
            or any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
        # '"…." Smith said the plan failed' / '"…." Many in the crowd applauded': after a
        # closed quotation only a speech verb with nothing to report of its own attributes it
        return None
    subj = speaker_subject(verb)
    inside = subj is not None and toks[0].i <= subj.i < verb.i
    speaker = speaker_at(subj) if inside else phrase_speaker(toks[:j])
    if speaker is None:
        return None
    found = _from_hit(hit, RULE_AFTER, speaker)
    if lead_in:  # 'Teachers are "looking to see…," Lily García said': the sentence is reported
        return found._replace(rule=RULE_AFTER_SENTENCE, start=w.b_start, kind="mixed")
    return found


def speaker_verb_inverted(ctx: Context, k: int, q: Quotation, w: Window) -> Found | None:
    """``"…," said Smith`` / ``"…," reply Burton and Nick`` / ``"…," added Voss``: quotative
    inversion, which English allows only with reporting verbs (Quirk et al. 1985, §15.53), so
    any verb in that slot after a spliced quotation is a speech verb."""
    lead_in = not _starts_its_sentence(w)
    if len(w.a_toks) < 2 or (lead_in and not _reported_sentence(ctx, k, q, w)):
        return None
    toks = [t for t in w.a_toks if not t.is_space and not t.is_punct]
    if len(toks) < 2 or toks[0].pos_ != "VERB" or toks[1].pos_ not in ("PROPN", "NOUN", "PRON", "DET", "ADJ"):
        return None
    verb = toks[0]
    if verb.dep_ == "compound" or _introduces_next(w, verb):
        return None  # "harbour master Ewan Kirk": a noun the tagger read as a verb
    hit = ctx.cues_at.get(verb.i)
    if hit is None:
        if lead_in or not spliced(ctx, q, w):
            return None
        hit = CueHit(verb, verb, ReportingCue(verb.lemma_, "speech", "clause", False))
    after = [c for c in verb.children if c.i > verb.i and c.pos_ in ("PROPN", "NOUN", "PRON")
             and c.dep_ in ("nsubj", "dobj", "attr", "npadvmod", "dative", "oprd", "appos")]
    speaker = speaker_at(after[0]) if after else phrase_speaker(toks[1:CREDIT_MAX_WORDS])
    if speaker is None:
        return None
    found = _from_hit(hit, RULE_INVERTED, speaker)
    if lead_in:  # 'Kasich could "do some kind of executive order," said Stephen Loomis'
        return found._replace(rule=RULE_INVERTED_SENTENCE, start=w.b_start, kind="mixed")
    return found


def _closing_attribution(ctx: Context, toks: list["Token"]) -> tuple[CueHit, Speaker] | None:
    """The attribution that closes a sentence after its last comma: a speaker then a lexicon
    speech verb (``, he said.``) or the inverse (``, said Smith.``), with nothing reported of
    its own (no object or clause after the verb)."""
    for ci in range(len(toks) - 1, -1, -1):
        if toks[ci].text != ",":
            continue
        rest = [t for t in toks[ci + 1:] if not t.is_space]
        j = _noun_group_then_verb(rest)
        if j is None and len(rest) > 1 and rest[0].i in ctx.cues_at and rest[0].pos_ == "VERB":
            j = 0
        if j is None or rest[j].i not in ctx.cues_at:
            return None
        verb = rest[j]
        if any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i for c in verb.children):
            return None
        subj = speaker_subject(verb)
        if subj is not None and subj.i > toks[ci].i:
            return ctx.cues_at[verb.i], speaker_at(subj)
        speaker = phrase_speaker(rest[:j] if j else rest[1:CREDIT_MAX_WORDS])
        return (ctx.cues_at[verb.i], speaker) if speaker else None
    return None


def quotation_goes_on_then_speaker(ctx: Context, k: int, q: Quotation, w: Window) -> Found | None:
    """``"You can't even begin that process until you prove to people" that border security
    is working, he said``: the sentence goes on after the quotation and closes with its
    attribution; what was said runs to that comma (mixed; PARC, Pareti 2015)."""
    after = w.after.lstrip()
    if not after[:1].islower() or not _starts_its_sentence(w) or not ctx.has_verb(q.fragments):
        return None
    toks = [t for t in w.a_toks if not t.is_space]
    if toks and toks[0].i in ctx.cues_at:
        return None  # '"…" said Smith': the attribution itself, not a continuation
    found = _closing_attribution(ctx, toks)
    if found is None:
        return None
    hit, speaker = found
    comma = max(t.idx for t in toks if t.text == "," and t.i < hit.verb.i)
    return _from_hit(hit, RULE_GOES_ON, speaker)._replace(end=comma, kind="mixed")


def colon_introduction(ctx: Context, k: int, q: Quotation, w: Window) -> Found | None:
    """``Medvedev said: "…"`` / ``The minister told the crowd: « … »`` / ``Cruz called them on
    it: "…"``: a speaker and verb end in a colon before the quotation (AP Stylebook, colon)."""
    if not w.b_toks or not w.before.rstrip().endswith(":") or not _quote_closes(ctx, q, w):
        return None
    hit = find_cue(w.b_toks, ctx.cues_at, reverse=True) or colon_verb(w.b_toks)
    return _from_hit(hit, RULE_COLON) if hit else None


def _quote_closes(ctx: Context, q: Quotation, w: Window) -> bool:
    """Nothing but punctuation follows the quotation, or it ends its own sentence."""
    inner_last = ctx.text[q.fragments[-1][0]:q.fragments[-1][1]].rstrip()
    return not re.search(r"\w", w.after) or inner_last[-1:] in ".?!…"


def speaker_verb_before(ctx: Context, k: int, q: Quotation, w: Window) -> Found | None:
    """``Erdogan said, "…"`` / ``he told reporters "…"``: a speaker and speech verb just before
    the quotation (Pouliquen et al. 2007)."""
    if not w.b_toks or not _quote_closes(ctx, q, w):
        return None
    tail = w.before.rstrip()
    if tail.endswith(","):
        hit = find_cue(w.b_toks[-(ctx.config.before_cue_max_tokens + 1):], ctx.cues_at,
                       reverse=True)
        return _from_hit(hit, RULE_BEFORE) if hit else None
    if tail.endswith(":") or not starts_sentence(ctx.text, q) or not ctx.has_verb(q.fragments):
        return None  # 'a culture called "The HP Way."': a name, not something said
    hit = find_cue(w.b_toks[-4:], ctx.cues_at, reverse=True)
    if hit and all(t.pos_ in BETWEEN_CUE_AND_QUOTE_POS or (
            hit.entry.addressee and t.pos_ in ("PROPN", "NOUN"))
            for t in w.b_toks if t.i > hit.last.i):
        return _from_hit(hit, RULE_BEFORE)
    return None


def label_speaker(text: str, s: int, e: int, people: "SpanList") -> Speaker | None:
    """A transcript label before a colon: an all-capitals name (``PENCE``, ``Q``) or a person's
    name (one of ``people``, Doc char spans), but not page furniture (``UPDATE``, ``The Latest``)."""
    label = text[s:e].strip()
    if not label or label.lower() in not_speaker_labels() or len(label.split()) > 6:
        return None
    letters = [c for c in label if c.isalpha()]
    words = label.lower().split()
    if len(letters) > 1 and all(c.isupper() for c in letters) and len(words) <= 3 \
            and not FUNCTION_WORDS.intersection(words):
        return Speaker(s, s + len(label), s)
    if people.covering(s + 1, s + len(label) - 1):
        return Speaker(s, s + len(label), s)
    ending = people.covering(e - 2, e - 1)  # "Former secretary of state Hillary Clinton"
    if ending and not LABEL_PREPOSITION_RE.search(text[s:min(st for st, _ in ending)]):
        return Speaker(s, s + len(label), s)
    return None


def is_caps_label(label: str) -> bool:
    """An all-capitals label (``PENCE``, ``Q``, ``BOOM``)."""
    letters = [c for c in label if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def transcript_label(ctx: Context, k: int, q: Quotation, w: Window) -> Found | None:
    """``PENCE: "…"`` / ``Former secretary of state Hillary Clinton: "…"``: a name label and a
    colon before the quotation, the transcript convention."""
    tail = w.before.rstrip()
    if not tail.endswith(":") or not _quote_closes(ctx, q, w):
        return None
    colon = w.b_start + len(tail) - 1
    name = label_speaker(ctx.text, w.b_start, colon, ctx.people)
    return Found(RULE_LABEL, Cue(colon, colon + 1), name) if name else None


def headline_label(label: str) -> bool:
    """Whether the text before a colon in an article's first line names a source, as in the
    news headline convention "Sanders: Clinton email story has moved", "Poll: …" (PolNeAR counts
    these as attributions): a short title-case phrase that is not page furniture."""
    words = label.split()
    if not words or len(words) > HEADLINE_LABEL_MAX_WORDS \
            or label.strip().lower() in not_speaker_labels():
        return False
    return all(w[:1].isupper() or w.lower() in FUNCTION_WORDS for w in words) \
        and words[0][:1].isupper()


def lead_in_line(ctx: Context, k: int, q: Quotation, w: Window) -> Found | None:
    """A quotation paragraph after a line that ends in a colon: ``Cruz continued:``, ``Cruz
    called them on it:`` (a verb), or a verb-less lead-in naming the speaker (``And from board
    chair Ingrid Halvorsen:``) — the layout of statements quoted in full (AP Stylebook, colon)."""
    if re.search(r"\w", w.before) or re.search(r"\w", w.after) \
            or q.start != w.line_start or w.line_first == 0:
        return None
    prev_ps, prev_pe = ctx.lines[w.line_first - 1]
    if not ctx.text[prev_ps:prev_pe].rstrip().endswith(":") or ctx.in_quote(prev_pe - 1) is not None:
        return None
    s0 = ctx.sent_bounds(prev_pe - 1)[0]
    toks = ctx.idx.tokens_in(max(s0, prev_ps), prev_pe)
    hit = find_cue(toks, ctx.cues_at, reverse=True) or colon_verb(toks)
    if hit:
        return _from_hit(hit, RULE_LEAD_IN)
    words = [t for t in toks if not t.is_punct]
    source = next((i for i, t in enumerate(words) if t.lower_ in LEAD_IN_PREPOSITIONS), None)
    if source is not None:  # "And from board chair X:", "Statement from the mayor's office:"
        words = words[source + 1:]
    while words and words[0].pos_ in ("CCONJ", "ADV"):
        words = words[1:]
    if not words or len(words) > CREDIT_MAX_WORDS or any(t.pos_ in ("VERB", "AUX") for t in words) \
            or not any(t.pos_ in ("PROPN", "NOUN") for t in words):
        return None
    speaker = phrase_speaker(words)
    colon = ctx.text.rindex(":", prev_ps, prev_pe)
    return Found(RULE_LEAD_IN, Cue(colon, colon + 1), speaker) if speaker else None


def dash_credit(ctx: Context, k: int, q: Quotation, w: Window) -> Found | None:
    """``"…" — Commissioner Rafael Okonjo`` (on the same line or the next one): a credit line,
    a dash and a name, the convention of pull quotes and quote round-ups."""
    p_last = ctx.line_of(q.end - 1)
    pe = ctx.lines[p_last][1]
    start = q.end
    if not re.search(r"\w", ctx.text[q.end:pe]) and p_last + 1 < len(ctx.lines) \
            and q.start <= ctx.lines[w.line_first][0] + 1:
        start, pe = ctx.lines[p_last + 1]  # the credit as its own line after a quotation paragraph
    m = DASH_CREDIT_RE.match(ctx.text, start, pe)
    if not m:
        return None
    s, e = m.start(1), m.end(1)
    e = s + len(m.group(1).split("(")[0].rstrip())  # "Sen. Jane Roe (D-Ohio)": the name
    toks = [t for t in ctx.idx.tokens_in(s, e) if not t.is_punct or t.text == "."]
    while toks and toks[-1].text == ".":
        toks = toks[:-1]
    if not toks or len(toks) > CREDIT_MAX_WORDS or not any(t.pos_ == "PROPN" for t in toks) \
            or any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") for t in toks):
        return None
    speaker = phrase_speaker(toks)
    gap = ctx.text[start:m.start(1)]
    dash = start + len(gap) - len(gap.lstrip())
    return Found(RULE_DASH, Cue(dash, dash + 1), speaker) if speaker else None


Sieve = Callable[[Context, int, Quotation, Window], "Found | None"]

#: Stage-1 sieves for a quotation, in order of their precision on PolNeAR train (quote found,
#: strict overlap >= 0.5; measured with benchmarks/quotes_polnear.py): the first that answers wins.
SIEVES: tuple[tuple[str, Sieve], ...] = (
    ("speech verb and speaker after the quotation, inverted", speaker_verb_inverted),  # 0.97
    ("speaker and speech verb after the quotation", speaker_verb_after),  # 0.97
    ("speaker and verb with a colon before the quotation", colon_introduction),  # 0.93
    ("quotation, rest of the sentence, then speaker and verb", quotation_goes_on_then_speaker),
    ("lead-in line ending in a colon", lead_in_line),  # 0.92
    ("speaker and speech verb before the quotation", speaker_verb_before),  # 0.90
    ("dash credit after the quotation", dash_credit),  # 0.80
    ("transcript label before the quotation", transcript_label),  # 0.63
)
