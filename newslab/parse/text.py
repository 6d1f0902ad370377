"""Pasted page text -> :class:`~newslab.article.Article`.

Text copied from a news page holds the article and the page around it: share buttons, bylines,
photo captions, "Read more" links, related-story lists, newsletter boxes, comments. This module
splits such text into lines, labels each line, and keeps source offsets for every block.

How it decides (line-level heuristics, no model, linear time):

* **Segmentation.** One unit per non-blank line; hard-wrapped text (most lines close to one
  fixed width, as in e-mail or terminal copies) is re-joined into paragraphs. Offsets always
  point into the caller's string; only leading/trailing whitespace is trimmed.
* **Line labels.** Boilerplate phrases (``lexicons/cleaning_boilerplate.csv``), rows of sharing
  words (``cleaning_share_words.csv``), photo credits (``cleaning_photo_credits.csv`` plus
  ``Photo:``/``Image copyright``/``Credit…`` prefixes and trailing ``[AFP]``/``(Name/AP)``),
  bylines, date lines and ``SOURCE:`` lines.
* **Good paragraphs.** As in jusText (Pomikálek, *Removing Boilerplate and Duplicate Content
  from Web Corpora*, 2011), a line is a likely body paragraph when it is long and reads as prose
  (ends like a sentence, is not mostly capitalised words); short lines count as body only
  between good ones.
* **Zones.** The first title-like line is the headline; the body starts at the first good
  paragraph that is followed by body text (a lone sentence under the headline and before the
  byline/caption is the standfirst); the body stops at an end-of-article marker (comments,
  "About the author"), and a related/most-read header drops the list below it until real
  paragraphs resume. Short lines after the last good paragraph are page chrome.
* **Sub-headings.** A short line without final punctuation, between body paragraphs and
  followed by one, starts a new section.
* **Page layouts** (from an error analysis of pasted news pages): a first line ending in a
  full stop is the lead, not a headline; three or more dated lines in a row are a list in the
  article (tour dates), not metadata; a list introduced by a line ending in ":" is body; the
  signature line of an embedded post stays with it; a caption printed twice (alt text, then
  caption) and wire-style "In this … file photo, …" sentences are captions; teaser cards (title
  + cut-off teaser above "Read more", or a title repeated around a section label) are related
  links; one long excerpt followed by a share row is a card, not the article resuming.

Everything that is not the article is kept as a ``dropped`` block with a ``reason``, so nothing
disappears silently.
"""

from __future__ import annotations

import re

from ..article import Article, Block, normalize_span
from ..errors import EmptyInputError
from .limits import check_size
from .lines import (
    _AUTHOR_SEPARATOR,
    _CAPTION_CUE,
    _CARD_BUTTONS,
    _CJK,
    _CLOSERS,
    _DATELINE,
    _DIGIT,
    _EMBED_SIGNATURE,
    _FIGURE,
    _LETTER,
    _LIST_ITEM,
    _LIST_SEPARATORS,
    _NAME_ONLY,
    _PUBLISHED,
    _QUESTION_WORDS,
    _QUOTES,
    _RESCUABLE,
    _SENTENCE_BREAK,
    CAPS_HEADING_MAX_WORDS,
    CAPTION_MAX_WORDS,
    CAPTION_MIN_WORDS,
    CARD_TEASER_MAX_WORDS,
    DATE_RUN_MIN,
    HEADER_MAX_LINES,
    HEADING_MAX_WORDS,
    HEADLINE_MAX_WORDS,
    MAX_CAPITALISED_SHARE,
    RESUME_LONG_WORDS,
    _capitalised_share,
    _is_terminal,
    _key,
    _label,
    _mostly_upper,
    _same_start,
    _segment,
    _trim,
    _Unit,
)


# -- zones ---------------------------------------------------------------------------------------
def _heading_like(u: _Unit) -> bool:
    """A short title-like line: a few words, letters, no final punctuation (``?`` allowed)."""
    t = u.text.rstrip(_CLOSERS + " ")
    return (u.role == "text" and 1 <= u.words <= HEADING_MAX_WORDS and len(u.text) <= 100
            and bool(_LETTER.search(u.text)) and not (t and t[-1] in ".,;:!…"))


def _caption_like(u: _Unit) -> bool:
    """Does a line set between paragraphs read as a photo caption rather than a sub-heading?

    Sub-heads are short labels or questions (news style guides keep them to a few words;
    on the study pages, sub-heads of 9-11 words occur, of 12 or more hardly ever);
    a line of ``CAPTION_MIN_WORDS`` to ``CAPTION_MAX_WORDS`` words without a final full stop
    that describes a scene ("Smoke rises above the warehouse roof as crews work through the
    night") and is not a question, a "label: value" line, Title Case or two sentences (a pull
    quote with its "Click to tweet" button) is a photo caption.
    """
    t = u.text.rstrip(_CLOSERS + " ")
    first = _key(u.text).split(" ", 1)[0]
    return (u.role == "text" and CAPTION_MIN_WORDS <= u.words <= CAPTION_MAX_WORDS
            and not (t and t[-1] in ".?!:;,…") and ":" not in t and u.text[:1] not in _QUOTES
            and not _CJK.search(u.text) and not _SENTENCE_BREAK.search(u.text) and first not in _QUESTION_WORDS and _capitalised_share(u.text) < 0.5)


def _author_line(t: str) -> bool:
    """Is ``t`` an author line without "By": a name alone, names joined by "and"/",", or a
    name then an outlet or role after a separator ("Jane Doe, Reuters", "JANE DOE | Staff
    writer")? Names are two to four Capitalised (or all-capital) words."""
    if len(t) > 120 or _is_terminal(t) or _DIGIT.search(t) or "@" in t:
        return False
    head, rest = t, ""
    m = _AUTHOR_SEPARATOR.search(t)
    if m:
        head, rest = t[:m.start()], t[m.end():]
        if len(rest.split()) > 6 or not rest[:1].isupper():
            return False
    names = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", head) if p]
    return bool(names) and len(names) <= 4 and all(_NAME_ONLY.match(p) for p in names)


def _mark_header_bylines(units: list[_Unit]) -> None:
    """Under the headline, a line that names the author without "By" is the byline.

    News pages print the author as a name alone, "Name, Outlet", "Name | Outlet" or with a
    role ("Jane Doe, Health Correspondent") right under the headline, or under the standfirst
    or a date line (at most ``HEADER_MAX_LINES`` lines below). Only the first author line
    counts; not one printed under a photo caption (there "Name, Agency" is the credit), nor
    one of a run of short names and topics (a navigation menu: "Bill Barr", "Jeffrey Epstein").
    """
    h = _find_headline(units)
    if h is None:
        return
    for i in range(h + 1, min(len(units), h + 1 + HEADER_MAX_LINES)):
        u = units[i]
        if u.good or u.role == "byline":
            return
        nxt = units[i + 1] if i + 1 < len(units) else None
        if u.role in ("text", "credit") and u.words <= 14 and _author_line(u.text) \
                and units[i - 1].role not in ("caption", "credit") \
                and not (nxt is not None and nxt.role == "text" and nxt.words <= 4
                         and _NAME_ONLY.match(nxt.text)):
            u.role, u.cap_start, u.cap_end, u.credit_start, u.credit_end = \
                "byline", None, None, None, None
            return
        if not (u.role == "date" or (u.role == "text" and u.words >= 5)):
            return  # only a standfirst or a date line sits between headline and byline


def _data_list(lines: list[str]) -> bool:
    """Do these short lines form a data list (teams, dates, prices) rather than a link list?

    Data lists carry figures on most lines, or repeat one template ("Team (Group A): …") so
    that one separator appears on nearly every line; headlines vary.
    """
    n = len(lines)
    if sum(1 for t in lines if _DIGIT.search(t)) >= 0.6 * n:
        return True
    return any(sum(1 for t in lines if sep in t) >= 0.8 * n for sep in _LIST_SEPARATORS)


def _title_line(u: _Unit) -> bool:
    """A headline-style link: 4-20 words, no final full stop, mostly Capitalised Words."""
    return (u.role == "text" and not u.good and 4 <= u.words <= 20
            and not u.text.rstrip(_CLOSERS).endswith(".")
            and _capitalised_share(u.text) >= MAX_CAPITALISED_SHARE)


def _find_headline(units: list[_Unit]) -> int | None:
    """The first title-like line near the top, or ``None`` when the text opens with prose.

    Headlines do not end with a full stop and hold one sentence; a first line that is a good
    paragraph ending in ``.``, or that holds two sentences, is the lead (pasted text often
    starts below the headline).
    """
    for i, u in enumerate(units[:12]):
        if u.role in ("lex", "markup", "credit", "byline", "date"):
            continue
        if u.role == "text" and u.words <= HEADLINE_MAX_WORDS and not (
                u.good and (u.text.rstrip(_CLOSERS)[-1:] == "."
                            or _SENTENCE_BREAK.search(u.text))):
            return i
        return None
    return None


def _starts_body(units: list[_Unit], i: int, meta_seen: bool, last_good: int) -> bool:
    """Is good unit ``i`` the first paragraph of the body (not a standfirst or a teaser)?

    Yes when the text starts with it (no headline), when it is the only good paragraph left,
    when a byline or date came before it, when it opens with a dateline, or when more body
    text follows within a few lines.
    """
    u = units[i]
    if i == 0 or i == last_good or meta_seen or _DATELINE.match(u.text[:150]):
        return True
    # More body text follows within a few lines: short lines (a sub-head, a list) and advert
    # or navigation lines may come between, a byline/caption/share row may not (that is the
    # header zone: a standfirst, then the byline and the lead photo).
    for j in range(i + 1, min(len(units), i + 7)):
        v = units[j]
        if v.good:
            return True
        if v.role == "text" or (v.role == "lex" and v.effect == "drop"
                                and v.reason in ("advert", "navigation", "boilerplate")):
            continue
        return False
    return False


def _find_body_start(units: list[_Unit], first: int) -> int:
    goods = [i for i in range(first, len(units)) if units[i].good]
    if not goods:
        texts = [i for i in range(first, len(units)) if units[i].role == "text"]
        return texts[0] if texts else len(units)
    meta_seen = False
    in_list: str | None = None
    inline = False
    for i in range(first, len(units)):
        u = units[i]
        if u.role in ("byline", "date"):
            meta_seen = True
        elif u.role == "lex" and u.effect in ("list", "end"):
            in_list, inline = u.reason, u.inline
        if not u.good:
            continue
        if in_list:
            # under a related-stories header: only a run of real paragraphs ends the list
            if _resumes(units, i, in_list, inline):
                return i
        elif _starts_body(units, i, meta_seen, goods[-1]):
            return i
    return goods[0]


def _mark_date_lists(units: list[_Unit]) -> None:
    """Turn runs of dated lines (a schedule, a timeline) back into article text.

    Page chrome prints one date (or alternates dates with titles); tour dates, fixtures and
    race calendars print a date on each of ``DATE_RUN_MIN`` or more lines in a row. Lines
    that only say when the page was published or updated stay dates.
    """
    i, n = 0, len(units)
    while i < n:
        j = i
        while j < n and units[j].role == "date" and not _PUBLISHED.match(units[j].text):
            j += 1
        if j - i >= DATE_RUN_MIN:
            for u in units[i:j]:
                u.role, u.good = "text", True
        i = max(j, i + 1)


def _resumes(units: list[_Unit], i: int, reason: str | None = "related",
             inline: bool = False) -> bool:
    """After a list header, does the body resume at good unit ``i``?

    Related-story lists alternate titles and one-sentence teasers; the article resumes with
    two paragraphs in a row, or after a related box with one long paragraph. After an author
    box or other boilerplate header, a long paragraph is still the author's bio. After an
    inline marker that carries its own link ("Read more: Title"), the list ends at the first
    line of article prose: the marker was one link set into the story.
    """
    u = units[i]
    if not u.good:
        return False
    if inline and u.terminal and not _title_line(u):
        return True
    # the next paragraph, looking past photo captions and advert labels set between them
    j = i + 1
    while j < len(units) and (units[j].role in ("caption", "credit") or (
            units[j].role == "lex" and units[j].reason in ("advert", "credit"))):
        j += 1
    # one long paragraph ends a related box when more text follows it; followed by chrome or
    # by nothing it is one card of a list of excerpts (each with its share row)
    return (_DATELINE.match(u.text[:150]) is not None
            or (j < len(units) and units[j].good)
            or (reason == "related" and u.words >= RESUME_LONG_WORDS
                and j < len(units) and units[j].role not in ("lex", "markup")))


Kinds = list  # list[tuple[str, str | None]]: (block kind, drop reason) per unit


def _classify(units: list[_Unit]) -> list[tuple[str, str | None]]:
    """Decide each unit's block kind and drop reason, in named steps.

    1. zones: headline, header zone (standfirst, byline, date, lead caption), body start;
    2. the body walk (lists after related markers, duplicates, story cards, end markers);
    3. trailing chrome after the last good paragraph;
    4. headerless link lists (three or more headline-style lines);
    5. sub-headings, and uncredited captions set between paragraphs.
    """
    n = len(units)
    kinds: list[tuple[str, str | None]] = [("dropped", "navigation")] * n
    h = _find_headline(units)
    first = 0 if h is None else h + 1
    body = _find_body_start(units, first)
    # A sub-heading right above the first paragraph belongs to the body (not a list item).
    if (body - 1 >= first and _heading_like(units[body - 1]) and units[body - 1].words >= 2
            and not (body - 2 >= first and units[body - 2].role == "text"
                     and not units[body - 2].good)):
        body -= 1
    _header_zone(units, kinds, h, first, body)
    _BodyWalk(units, kinds, body, first).run()
    _trailing_chrome(units, kinds, body)
    _headerless_link_lists(units, kinds, body)
    _subheadings(units, kinds)
    return kinds


def _header_zone(units: list[_Unit], kinds: Kinds, h: int | None, first: int,
                 body: int) -> None:
    """Label the lines above the body: headline, standfirst, byline, date, lead caption."""
    if h is not None:
        kinds[h] = ("headline", None)
    standfirst_done = False
    have_byline = False
    for i in range(first, body):
        u = units[i]
        if u.role == "byline" and have_byline:
            kinds[i] = ("dropped", "boilerplate")  # a second author line: related card, bio
        elif u.role in ("byline", "date", "source"):
            kinds[i] = (u.role, None)
            have_byline = have_byline or u.role == "byline"
        elif u.role in ("caption", "credit"):
            kinds[i] = ("caption", None)
        elif u.role == "lex":
            kinds[i] = ("dropped", u.reason)
        elif u.role == "markup":
            kinds[i] = ("dropped", "boilerplate")
        elif (not standfirst_done and h is not None and i <= h + 4 and u.words >= 5
              and (u.terminal or u.words >= 8) and _capitalised_share(u.text) <= 0.7):
            kinds[i] = ("standfirst", None)
            standfirst_done = True
        else:
            kinds[i] = ("dropped", "boilerplate")
    for i in range(0, first - 1):
        kinds[i] = ("dropped", units[i].reason or "navigation")


class _BodyWalk:
    """One pass over the body lines, in a mode: ``body``, ``list`` (under a related-stories
    or other list marker, until the article resumes) or ``end`` (after an end marker)."""

    def __init__(self, units: list[_Unit], kinds: Kinds, body: int, first: int) -> None:
        self.units, self.kinds, self.body = units, kinds, body
        self.mode, self.reason = "body", None
        self.inline = False  # the list marker carried its own link ("Read more: Title")
        self.have_byline = any(k == "byline" for k, _ in kinds[:body])
        self.have_date = any(k == "date" for k, _ in kinds[:body])
        self.seen = {_key(units[i].text) for i in range(max(0, first - 1), body)}
        self.chrome_run = 0
        self.teaser_at = -1

    def run(self) -> None:
        units, kinds = self.units, self.kinds
        for i in range(self.body, len(units)):
            u = units[i]
            key = _key(u.text)
            if self.mode == "end":
                kinds[i] = ("dropped", u.reason if u.role == "lex" else self.reason)
                continue
            if self.mode == "list" and self._in_list(i):
                continue
            kinds[i] = self._decide(i, key)
            if kinds[i][0] == "dropped":
                self.chrome_run += 1
                if self.chrome_run >= 2 and self.mode == "body":
                    # two chrome lines in a row: the article has ended or a box interrupts it
                    self.mode, self.reason, self.inline = "list", kinds[i][1], False
            else:
                self.chrome_run = 0
            if key and kinds[i][0] != "paragraph":
                self.seen.add(key)

    def _in_list(self, i: int) -> bool:
        """Handle line ``i`` inside a list; False when the article resumes there."""
        u = self.units[i]
        if i == self.teaser_at and u.role == "text" and u.words <= CARD_TEASER_MAX_WORDS \
                and not _SENTENCE_BREAK.search(u.text):
            self.kinds[i] = ("dropped", "related")  # the one-sentence teaser of a story card
            return True
        if _resumes(self.units, i, self.reason, self.inline):
            self.mode = "body"
            return False
        if u.role == "lex" and u.effect in ("list", "end"):
            self.mode, self.reason = u.effect, u.reason
            self.inline = self.inline and u.inline
        self.kinds[i] = ("dropped", u.reason if u.role == "lex" else self.reason)
        return True

    def _decide(self, i: int, key: str) -> tuple[str, str | None]:
        """The kind of body line ``i`` (in body mode)."""
        u, units = self.units[i], self.units
        if u.role == "lex":
            if u.effect in ("list", "end"):
                self.mode, self.reason, self.inline = u.effect, u.reason, u.inline
            elif key in _CARD_BUTTONS:
                self._card_above(i)
            return ("dropped", u.reason)
        if u.role == "markup":
            return ("dropped", "boilerplate")
        if u.role == "source":
            self.mode, self.reason, self.inline = "list", "boilerplate", False
            return ("source", None)
        if u.role in ("caption", "credit"):
            return ("caption", None)
        if u.role in ("byline", "date"):
            have = self.have_byline if u.role == "byline" else self.have_date
            if u.role == "byline":
                self.have_byline = True
            else:
                self.have_date = True
            return ("dropped", "boilerplate") if have else (u.role, None)
        card = self._story_card(i, key)
        if card:
            return ("dropped", "related")
        if key and key in self.seen:
            return ("dropped", "duplicate")
        if key and i + 1 < len(units) and units[i + 1].role in ("caption", "credit") \
                and _same_start(key, _key(units[i + 1].text)):
            return ("dropped", "duplicate")  # the caption printed twice (alt text + caption)
        if (u.words >= 6 and _mostly_upper(u.text) and not u.terminal
                and not _FIGURE.search(u.text)
                and not (u.words <= CAPS_HEADING_MAX_WORDS and i + 1 < len(units)
                         and units[i + 1].good)):
            # an all-caps link to another story (a full headline); a short all-caps line that
            # leads a paragraph is a sub-head, one carrying prices or percentages a data row
            return ("dropped", "related")
        return ("paragraph", None)

    def _card_above(self, i: int) -> None:
        """A "Read more" button closes a teaser card for another story: its title and cut-off
        teaser (lines without a sentence end) sit right above the button."""
        j = i - 1
        while j >= max(self.body, i - 2) and self.kinds[j][0] in ("paragraph", "heading") \
                and not self.units[j].good and not self.units[j].terminal:
            self.kinds[j] = ("dropped", "related")
            j -= 1

    def _story_card(self, i: int, key: str) -> bool:
        """Is line ``i`` a story card's title printed twice (image alt + link text), alone or
        around a one-word section label? Then a list of other stories starts here."""
        u, units, kinds, body = self.units[i], self.units, self.kinds, self.body
        if not key or u.good:
            return False
        if i > body and key == _key(units[i - 1].text) and kinds[i - 1][0] == "paragraph":
            kinds[i - 1] = ("dropped", "related")
        elif (i - 2 > body and key == _key(units[i - 2].text) and units[i - 1].words <= 3
              and kinds[i - 1][0] == kinds[i - 2][0] == "paragraph"):
            for k in range(i - 2, i):
                kinds[k] = ("dropped", "related")
            if kinds[i - 3][0] == "paragraph" and _key(units[i - 3].text) == _key(units[i - 1].text):
                kinds[i - 3] = ("dropped", "related")
        else:
            return False
        self.mode, self.reason, self.inline, self.teaser_at = "list", "related", False, i + 1
        return True


def _trailing_chrome(units: list[_Unit], kinds: Kinds, body: int) -> None:
    """Short lines after the last good paragraph are page chrome, unless they are a data list
    closing the article, the items under a line ending in ":", or an embedded post."""
    n = len(units)
    last_good = max((i for i in range(body, n) if kinds[i][0] == "paragraph" and units[i].good),
                    default=None)
    if last_good is None:
        return
    run = []
    for i in range(last_good + 1, n):
        if kinds[i][0] != "paragraph":
            break
        run.append(i)
    # A data list closing the article (tour dates, results, "Team (Group A): 10th"): many
    # lines, most carrying figures or a "label: value" separator. Link lists rarely do.
    structured = sum(1 for i in run if _LIST_ITEM.search(units[i].text))
    data_list = len(run) >= 5 and structured >= 0.6 * len(run)
    tail_ok = True
    colon_list = False  # under a line ending in ":" — the items of a list it introduces
    for i in range(last_good + 1, n):
        if kinds[i][0] != "paragraph":
            if kinds[i][0] == "dropped":
                tail_ok = False
            continue
        u = units[i]
        embed = _EMBED_SIGNATURE.match(u.text) or (
            i + 1 < n and _EMBED_SIGNATURE.match(units[i + 1].text))  # a quoted post
        if tail_ok and (u.terminal and u.words >= 3 or data_list or embed
                        or colon_list and u.words >= 2):
            colon_list = colon_list or u.text.rstrip(_CLOSERS + " ").endswith(":")
            continue
        tail_ok = False
        kinds[i] = ("dropped", "boilerplate" if u.words > 3 else "navigation")


def _headerless_link_lists(units: list[_Unit], kinds: Kinds, body: int) -> None:
    """Three or more Title-Case headline lines in a row are links to other stories."""
    i, n = body, len(units)
    while i < n:
        j = i
        while j < n and kinds[j][0] == "paragraph" and _title_line(units[j]):
            j += 1
        run = range(i, j)
        if len(run) >= 3 and not _data_list([units[k].text for k in run]):
            for k in run:
                kinds[k] = ("dropped", "related")
        i = j + 1 if j == i else j


def _subheadings(units: list[_Unit], kinds: Kinds) -> None:
    """A short title-like line between body paragraphs, followed by a good one, is a
    sub-heading; a longer descriptive one set between paragraphs is a photo caption."""
    body_idx = [i for i in range(len(units)) if kinds[i][0] == "paragraph"]
    for k, i in enumerate(body_idx):
        u = units[i]
        if u.good or _EMBED_SIGNATURE.match(u.text):
            continue
        nxt = body_idx[k + 1] if k + 1 < len(body_idx) else None
        prv = body_idx[k - 1] if k > 0 else None
        if nxt is None or not units[nxt].good:
            continue
        if prv is not None and units[prv].good and _caption_like(u):
            u.role, u.cap_start, u.cap_end = "caption", u.start, u.end
            kinds[i] = ("caption", None)
            continue
        if not _heading_like(u):
            continue
        if prv is not None and _heading_like(units[prv]) and kinds[prv][0] == "paragraph":
            continue  # a list of short items, not a heading
        kinds[i] = ("heading", None)


def _units(text: str) -> list[_Unit]:
    """The text's lines, each labelled by the rules (lexicons, bylines, dates, captions)."""
    units = [_label(text, s, e) for s, e in _segment(text)]
    _mark_date_lists(units)
    _mark_header_bylines(units)
    _attach_credits(units)
    return units


def _model_features(units: list[_Unit], only: set[int] | None = None):
    """The line classifier's feature matrix for these units (see :mod:`.line_model`).

    With ``only``, the rows of those lines are exact and the others are zeros (a line's row
    reads its own and its neighbours' features, so those are computed too).
    """
    from .line_model import LINE_FEATURES, line_features, page_features

    need = None if only is None else {j for i in only for j in (i - 1, i, i + 1)}
    zeros = [0.0] * len(LINE_FEATURES)
    return page_features([
        line_features(u, _SENTENCE_BREAK, _DATELINE, _NAME_ONLY, _title_line)
        if need is None or i in need else zeros for i, u in enumerate(units)])


def _apply_line_model(units: list[_Unit], kinds: Kinds, proba, rescue_min: float,
                      drop_min: float) -> Kinds:
    """Let the line classifier overrule the rules where it is confident (thresholds chosen by
    cross-validation on the training pages, ``scripts/train_line_classifier.py``).

    A plain text line the rules dropped as chrome (not a lexicon or pattern hit) becomes a
    paragraph when P(body) + P(heading) >= ``rescue_min``; a short line the rules kept as a
    paragraph (not a good paragraph) is dropped when P(other) >= ``drop_min``.
    """
    body = proba[:, 0] + proba[:, 1]
    other = proba[:, -1]
    for i, u in enumerate(units):
        kind, reason = kinds[i]
        if kind == "dropped" and u.role == "text" and reason in _RESCUABLE \
                and body[i] >= rescue_min:
            kinds[i] = ("paragraph", None)
        elif kind == "paragraph" and not u.good and other[i] >= drop_min:
            kinds[i] = ("dropped", "boilerplate")
    return kinds


def _line_model_kinds(units: list[_Unit], kinds: Kinds) -> Kinds:
    """:func:`_apply_line_model` with the shipped model, or ``kinds`` unchanged without it."""
    from .line_model import load_model, predict_proba

    model = load_model()
    if model is None or "thresholds" not in model or not units:
        return kinds
    rescue_min, drop_min = (float(v) for v in model["thresholds"])
    # only lines the model may overrule need a prediction
    candidates = {i for i, u in enumerate(units)
                  if (rescue_min <= 1 and kinds[i][0] == "dropped" and u.role == "text"
                      and kinds[i][1] in _RESCUABLE)
                  or (drop_min <= 1 and kinds[i][0] == "paragraph" and not u.good)}
    if not candidates:
        return kinds
    proba = predict_proba(_model_features(units, candidates), model)
    return _apply_line_model(units, kinds, proba, rescue_min, drop_min)


def _strip_quotes(text: str, s: int, e: int) -> tuple[int, int]:
    """Move a heading's span inside surrounding quote marks: ``'Shared threats'``."""
    if e - s >= 3 and text[s] in _QUOTES and text[e - 1] == _QUOTES[text[s]]:
        return _trim(text, s + 1, e - 1)
    return s, e


def parse_text(text: str, *, max_chars: int | None = None) -> Article:
    """Parse text copied from a web page into an :class:`Article` with source offsets.

    Finds the headline, standfirst, byline, date, photo captions (credit apart), sub-headings
    (each starting a section), body paragraphs and the ``SOURCE:`` line, and keeps page chrome
    (share rows, related stories, newsletters, adverts, comments…) as ``dropped`` blocks with a
    ``reason``. Raises :class:`~newslab.errors.EmptyInputError` for empty or blank text and
    :class:`~newslab.errors.InputTooLargeError` above ``max_chars`` (default 10 million).

    >>> art = parse_text("Bridge to reopen\\n\\nBy Jane Doe\\n\\n"
    ...                  "The city said the bridge will reopen on Monday after repairs.\\n\\n"
    ...                  "Share this article\\n\\nSOURCE: Agencies")
    >>> art.headline, art.byline, art.source
    ('Bridge to reopen', 'By Jane Doe', 'Agencies')
    >>> [b.reason for b in art.dropped]
    ['share']
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_text expects a str, got {type(text).__name__}")
    if not normalize_span(text).strip():
        raise EmptyInputError("text")
    check_size(text, max_chars)
    units = _units(text)
    kinds = _line_model_kinds(units, _classify(units))
    blocks: list[Block] = []
    section, section_used = 0, False
    for u, (kind, reason) in zip(units, kinds):
        s, e = u.start, u.end
        if kind in ("heading", "paragraph"):
            if kind == "heading":
                if section_used:
                    section += 1
                s, e = _strip_quotes(text, s, e)
            section_used = True
            blocks.append(Block(kind, normalize_span(text[s:e]), s, e, section=section))
        elif kind == "caption":
            cs, ce = (u.cap_start, u.cap_end) if u.cap_start is not None else (s, e)
            if u.role == "credit" or ce <= cs:
                cs, ce = s, e
            b = Block("caption", normalize_span(text[cs:ce]), cs, ce)
            if u.credit_start is not None and u.credit_end > u.credit_start:
                b.credit = normalize_span(text[u.credit_start:u.credit_end])
                b.credit_start, b.credit_end = u.credit_start, u.credit_end
            blocks.append(b)
        elif kind == "source":
            cs = u.cap_start if u.cap_start is not None else s
            blocks.append(Block("source", normalize_span(text[cs:e]), cs, e))
        elif kind == "dropped":
            blocks.append(Block("dropped", u.text, s, e, reason=reason or "boilerplate"))
        else:
            blocks.append(Block(kind, u.text, s, e))
    return Article(text=text, blocks=blocks)


def _attach_credits(units: list[_Unit]) -> None:
    """Give a credit-only line ("Photo: Reuters") to the caption it belongs to.

    BBC-style pages put "Image copyright X" above "Image caption Y"; most others put the credit
    right under the caption text. The caption line then carries the credit's span and the
    credit line becomes a dropped block, so the credit is not counted twice.
    """
    for j, u in enumerate(units):
        if u.role != "credit":
            continue
        target = None
        if j + 1 < len(units) and units[j + 1].role == "caption" \
                and units[j + 1].credit_start is None:
            target = units[j + 1]
        elif j > 0 and units[j - 1].credit_start is None and not u.text.lower().startswith(
                "image copyright") and (
                units[j - 1].role == "caption"
                or (units[j - 1].role == "text" and units[j - 1].words <= 50 and j - 1 > 0
                    and not _DATELINE.match(units[j - 1].text[:150]))):
            target = units[j - 1]
        elif j + 1 < len(units) and units[j + 1].role == "text" and units[j + 1].words <= 50 \
                and _CAPTION_CUE.search(units[j + 1].text):
            target = units[j + 1]  # credit printed above a caption that reads as one
        if target is None:
            continue
        if target.role == "text":
            target.role, target.cap_start, target.cap_end = "caption", target.start, target.end
            target.good = False
        target.credit_start, target.credit_end = u.credit_start, u.credit_end
        u.role, u.reason, u.effect = "lex", "credit", "drop"
