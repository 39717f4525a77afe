"""The events stage: every reported event of an article, dated, with its status and actors.

An event is either a clause that carries a calendar date (a DATE or TIME timex whose TIMEX3 value
starts with a year: ``date_from`` "explicit"), or the main verb of a news clause that tells
something that happened or will happen, dated by the sentences around it ("discourse") or by its
tense from the publication date ("publication"); see :mod:`.undated`.

A sentence that opens with a connective of simultaneity ("Meanwhile", "At the same time") and has
no date of its own takes the date of the previous event in its paragraph. The same event told twice
(a standfirst and the body, a caption printed twice) is merged into one event whose ``evidence``
lists every telling.
"""
from __future__ import annotations

import bisect
import dataclasses
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ..entities import Referents
from ..temporal.tense import tense_reading
from ..types import Attribution, Entity, Event, Paragraph, Sentence, Timex
from .actors import Actors
from .clauses import (
    clause_of_date,
    evidence,
    habitual,
    over_a_span,
    possibility,
    reported_event,
    stative,
    telling,
    trigger_of_date,
)
from .lexicon import (
    AFTER_PREPS,
    BEFORE_PREPS,
    COORDINATED,
    DATED_TYPES,
    DEICTIC,
    SKIP_KINDS,
    STATE_START_PREPS,
    SUMMARY_KINDS,
    SYNCHRONOUS,
)
from .merge import merge_events
from .status import in_quotation, is_old, status_of, unverified_nouns, year_in_name
from .story import (
    before_the_news,
    clock_time,
    clock_without_day,
    names_day,
    news_start,
    on_story_day,
    references,
    span_between,
    weekday_of_story,
)

LOGGER = logging.getLogger(__name__)

_RESOLVED = re.compile(r"^\d{3}")      # a year, or a decade ("197": the 1970s)
_ERA = re.compile(r"^\d{2,3}$")         # a century ("18": the 1800s) or a decade ("197")
_NEWS_STATUSES = frozenset({"asserted", "attributed", "unverified"})
_BARE_OBJECT_DEPS = frozenset({"npadvmod", "dobj", "oprd", "nsubj", "attr"})
# verbs of order whose object is another event, later than the subject's ("the blast preceded a second one")
_PRECEDE_VERBS = re.compile(r"^(?:preced|predat|antedat)(?:e|es|ed|ing)$", re.I)
_LATER_WORDS = frozenset("later after afterwards afterward".split())
# accounts credited with what they tell ("reports on Saturday said …", "by reports on Saturday")
# Verbs of ascribing a cause in a "to" phrase, which names an earlier event ("ascribed his death to a stroke
# on Monday"): a date after that phrase is the cause's, not the act's. (Not "blamed X on Y on Monday", nor
# verbs of judging: "sentenced for murder on Friday" is mostly the day of the blame or the sentence.)
_CAUSE_VERBS = re.compile(r"^(?:ascrib|attribut|trac)(?:e|es|ed|ing)$", re.I)
_TELLING_NOUNS = frozenset("""report reports statement statements release releases tweet tweets post posts bulletin
bulletins update updates briefing briefings announcement announcements""".split())


@dataclass
class Found:
    """Events found so far in one article, with the paragraph kind and sentence of each; ``spans``
    are the indices of the events dated by a span up to publication ("since Monday"), which date
    no other clause."""
    events: list[Event] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    sentence: list[int] = field(default_factory=list)
    spans: set[int] = field(default_factory=set)

    def add(self, ev: Event, kind: str, si: int, *, span: bool = False) -> None:
        if span:
            self.spans.add(len(self.events))
        self.events.append(ev)
        self.kinds.append(kind)
        self.sentence.append(si)

    def dating(self) -> list[tuple[Event, int]]:
        """The events that may date other clauses, with their sentence index."""
        return [(ev, si) for i, (ev, si) in enumerate(zip(self.events, self.sentence, strict=True))
                if i not in self.spans]


@dataclass
class ArticleView:
    """What the events stage reads of one article (built once per article)."""
    doc: object
    text: str            # doc.text, read once (spaCy joins the tokens on every read)
    paragraphs: Sequence[Paragraph]
    sentences: Sequence[Sentence]
    attributions: Sequence[Attribution]
    published: date | None
    actors: Actors
    nouns: list[tuple[int, str]]
    sent_starts: list[int]
    repeats: list[tuple[int, int]]     # spans of SET timexes ("each day", "every Monday")
    past_refs: list[tuple[int, int]]   # spans of unanchored past timexes ("years ago", "in the past"), of old
                                       # decades and centuries ("in the 1800s") and of old dates of another
                                       # event a clause follows ("after the 2018 elections")
    verbs: list[int]                   # token indices of the verbs, in text order
    _readable: dict[int, bool] = field(default_factory=dict)
    _spans: dict[tuple[int, int], object] = field(default_factory=dict)

    @classmethod
    def build(cls, doc, *, text, paragraphs, sentences, timexes, entities, attributions, published,
              referents=None) -> ArticleView:
        text = doc.text if text is None else text
        dates = [(t.start, t.end) for t in timexes]
        view = cls(doc, text, paragraphs, sentences, attributions, published,
                   Actors(doc, text, entities, referents=referents),
                   unverified_nouns(doc, sentences), [s.start for s in sentences],
                   [(t.start, t.end) for t in timexes if t.type == "SET"], [], verb_indices(doc))
        view.past_refs.extend((t.start, t.end) for t in timexes if t.value == "PAST_REF" or _era(t, published)
                              or _after_old_event(view, t, dates))
        return view

    def tokens_of(self, tx: Timex):
        """The tokens of ``tx`` (:func:`timex_span`), parsed once per timex."""
        key = (tx.start, tx.end)
        if key not in self._spans:
            self._spans[key] = timex_span(self.doc, tx)
        return self._spans[key]

    def repeated(self, start: int, end: int) -> bool:
        """The clause ``start:end`` holds a frequency ("each day"): it tells a habit, not an event."""
        return any(start <= s and e <= end for s, e in self.repeats)

    def long_ago(self, start: int, end: int) -> bool:
        """The clause ``start:end`` says it lies in an unanchored past ("years ago")."""
        return any(start <= s and e <= end for s, e in self.past_refs)

    def kind(self, si: int) -> str:
        return self.paragraphs[self.sentences[si].paragraph].kind if self.paragraphs else "body"

    def readable(self, si: int) -> bool:
        """Sentence ``si`` is in a language the English parse can read: most of its letters are Latin
        (a quotation in Russian or Chinese gives no events)."""
        if si not in self._readable:
            self._readable[si] = latin_letters(self.sentences[si].text)
        return self._readable[si]

    def quoted(self, si: int, pos: int) -> bool:
        sent = self.sentences[si]
        return in_quotation(self.text, self.paragraphs[sent.paragraph].start if self.paragraphs else sent.start, pos)

    def sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_starts, pos) - 1

    def status(self, si: int, cstart: int, cend: int, anchor: tuple[int, int], date_start, date_end, *,
               quoted: bool = False, history: bool = False, trigger: tuple[int, int] | None = None) -> tuple[str, str | None]:
        return status_of(self.doc, self.text, kind=self.kind(si), cstart=cstart, cend=cend, anchor=anchor, date_start=date_start,
                         date_end=date_end, attributions=self.attributions, unverified_nouns=self.nouns,
                         published=self.published, sent_text=self.sentences[si].text, quoted=quoted, history=history,
                         trigger=trigger)


# --------------------------------------------------------------------------- the stage
def find_events(doc, *, paragraphs: Sequence[Paragraph], sentences: Sequence[Sentence], timexes: Sequence[Timex],
                entities: Sequence[Entity], attributions: Sequence[Attribution],
                published: date | None = None, undated: bool = True, text: str | None = None,
                referents: Referents | None = None) -> list[Event]:
    """Events of one article, in text order. ``published`` (the reference date) marks dates after
    it as expected and dates before its news window as background, and dates the events told
    without a date; ``undated=False`` keeps only the events that carry a date of their own.
    ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds it on every read); ``referents``
    the article's :class:`Referents` when the caller has built it (the attribution stage uses the same)."""
    from .undated import find_undated

    view = ArticleView.build(doc, text=text, paragraphs=paragraphs, sentences=sentences, timexes=timexes,
                             entities=entities, attributions=attributions, published=published, referents=referents)
    found = Found()
    _dated(view, timexes, found)
    _clock_times_on_named_day(view, found, timexes)
    story = references(view, found.dating())
    if _weekdays_in_story_week(view, found, story):
        story = references(view, found.dating())
    _clock_times_on_story_day(view, found, story)
    _inherit_synchronous(view, found)
    if undated:
        find_undated(view, found, story)
    _set_apart_before_the_news(found, news_start(view, story), view.published)
    order = sorted(range(len(found.events)), key=lambda i: found.events[i].start)
    return merge_events([found.events[i] for i in order], [found.kinds[i] for i in order], labels=view.actors.labels)


def _dated(view: ArticleView, timexes: Sequence[Timex], found: Found) -> None:
    doc, text = view.doc, view.text
    by_clause: dict[tuple[int, int], int] = {}
    usable = [tx for tx in timexes if tx.type in DATED_TYPES and _RESOLVED.match(tx.value or "")]
    dates = [(t.start, t.end) for t in timexes]
    spans = {tx.start: view.tokens_of(tx) for tx in usable}
    relative = {tx.start: _other_event_prep(spans[tx.start], dates) for tx in usable}
    # a date of another event after which the clause happened, or a year that qualifies a noun
    # ("his 2020 candidacy"), dates the clause only when nothing else in it does
    for tx in sorted(usable, key=lambda t: (relative[t.start] is not None, _qualifies_noun(spans[t.start], t), t.start)):
        span, prep = spans[tx.start], relative[tx.start]
        since = prep in STATE_START_PREPS
        if _date_of_another_thing(view, tx, span, prep):
            continue
        si = view.sentence_of(tx.start)
        if si < 0 or tx.end > view.sentences[si].end or view.kind(si) in SKIP_KINDS or not view.readable(si):
            continue
        quoted = view.quoted(si, tx.start)
        if (quoted and DEICTIC.match(tx.text.strip())) or year_in_name(doc, tx) or view.actors.in_name(tx.start, tx.end):
            continue       # "today" said in a quotation: the day it was said is unknown
        cstart, cend = clause_of_date(doc, view.sentences[si], tx.start, tx.end)
        if (cstart, cend) in by_clause:
            i = by_clause[(cstart, cend)]
            if found.events[i].timex_end <= tx.start and COORDINATED.match(text[found.events[i].timex_end:tx.start]):
                found.events[i] = _widen(found.events[i], tx)
            continue
        verb = trigger_of_date(doc, tx.start, tx.end, cstart, cend)
        anchor = (tx.start, tx.end)
        if _dates_the_object(span, tx, verb, view.published) or dates_the_other_event(span, verb):
            continue        # "has declared tomorrow a day of mourning", "preceded another one hours later"
        reported = reported_event(verb, cstart, cend)
        if reported is not None and tense_reading(reported).tense == "future":
            reported = None     # "said yesterday the bodies will be examined": the saying is dated, not what it announces
        if reported is not None:       # "X said Sunday (that) Y happened": Y is the event, as X tells it
            verb, anchor = reported, _token_span(reported)
        if reported is None and view.kind(si) not in SUMMARY_KINDS and _present_of_a_past(verb, tx, view.published):
            continue        # captions and headlines tell the past in the present
        if _dates_a_state(doc, tx, verb) or (verb is not None and (habitual(verb) or (over_a_span(verb) and not since))):
            continue        # a trend ("have been infected since 2015, officials said on Tuesday") is no dated event
        # "since October" in the news window: what the clause counts happened from then up to publication
        value, d0, d1 = span_between(tx.date_start, view.published) if since else (tx.value, tx.date_start, tx.date_end)
        status, speaker = view.status(si, cstart, cend, anchor, d0, d1, quoted=quoted,
                                      trigger=_token_span(verb) if verb is not None else None)
        by_clause[(cstart, cend)] = len(found.events)
        found.add(Event(value, d0, d1, text[cstart:cend], cstart, cend,
                        view.actors.of(cstart, cend, verb=verb), status, speaker, tx.start, tx.end,
                        ((cstart, cend),), "explicit", *_token_span(verb)), view.kind(si), si, span=since)


def timex_span(doc, tx: Timex):
    """The tokens of ``tx`` (widened to whole tokens), or None when they are none."""
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _date_of_another_thing(view: ArticleView, tx: Timex, span, prep: str | None) -> bool:
    """``tx`` (its tokens ``span``, the preposition ``prep`` of the noun it qualifies:
    :func:`_other_event_prep`) dates another thing than its clause's event: an event the clause
    comes before ("before yesterday's announcements") or after, when that one is old ("after the
    2018 elections"), the start of a state told as history ("since 1987"), a noun the clause acts on
    ("criticised Monday's ruling"), the report an account is credited to ("according to a report
    on Wednesday") or the cause an ascribing verb names ("ascribed his death to a stroke on Monday")."""
    return prep in BEFORE_PREPS or (prep in STATE_START_PREPS and not _recent(tx, view)) \
        or _names_another_event(span) or (prep in AFTER_PREPS and is_old(tx.date_end, view.published)) \
        or dates_the_telling(span) or _dates_the_cause(span)


def _set_apart_before_the_news(found: Found, start: date | None, published: date | None) -> None:
    """A dated past clearly older than the article's news window (:func:`.story.before_the_news`)
    is background, whatever the publication date's own window holds; a caption dated in that window
    (a photo of the march the article reports) is the news, not background."""
    for i, ev in enumerate(found.events):
        if ev.status in _NEWS_STATUSES and before_the_news(ev, start):
            found.events[i] = dataclasses.replace(ev, status="background")
        elif found.kinds[i] == "caption" and ev.status == "background" and _in_news_window(ev, start, published):
            found.events[i] = dataclasses.replace(ev, status="asserted" if ev.speaker is None else "attributed")


def _in_news_window(ev: Event, start: date | None, published: date | None) -> bool:
    """``ev``'s date reaches the news window that opens on ``start`` and does not begin after ``published``."""
    return start is not None and published is not None and ev.date_start is not None and ev.date_end is not None \
        and ev.date_end >= start and ev.date_start <= published


def _clock_times_on_named_day(view: ArticleView, found: Found, timexes: Sequence[Timex]) -> None:
    """A clock time whose words do not name its day lies on the day another timex of its clause
    names in words ("released at 8:00 p.m. AST on Wednesday"), wherever the date stage put it."""
    for i, ev in enumerate(found.events):
        if clock_time(view.text, ev):
            day = _day_named_apart(ev, timexes)
            if day is not None and day[1] != ev.date_start:
                found.events[i] = dataclasses.replace(on_story_day(ev, day), date_from="explicit")


def _weekdays_in_story_week(view: ArticleView, found: Found, story: Sequence[Event | None]) -> bool:
    """A bare weekday of a past clause that the date stage put in the week of publication lies in the
    week of the story's day of its sentence (:func:`.story.weekday_of_story`), as clock times do
    (:func:`_clock_times_on_story_day`). True when some event moved (the story's time is then read again)."""
    moved = False
    for i, (ev, si) in enumerate(zip(found.events, found.sentence, strict=True)):
        day = weekday_of_story(view.text, ev, story[si])
        if day is not None:
            found.events[i] = dataclasses.replace(on_story_day(ev, (day.isoformat(), day, day)), date_from="explicit")
            moved = True
    return moved


def _clock_times_on_story_day(view: ArticleView, found: Found, story: Sequence[Event | None]) -> None:
    """A clock time whose clause names no day, put by the date stage on the publication day or on the
    last day named before it, lies on the story's day of its sentence (``story``:
    :func:`.story.references`) when the story stands on a day before publication ("On Friday, a
    gunman opened fire … The attack took place at 7:45 p.m."; "On Saturday morning, a gunman shot
    shoppers, with the death toll rising on Monday. The shooting began at 10:39 a.m."). A story
    that stands on a longer time (a month) takes only a clock time put on the publication day: a
    day the date stage chose from the text is more precise."""
    for i, (ev, si) in enumerate(zip(found.events, found.sentence, strict=True)):
        ref = story[si]
        if ref is None or ref.date_start is None or ref.date_start == ev.date_start \
                or not clock_without_day(view.text, ev):
            continue
        if ref.date_start == ref.date_end or ev.date_start == view.published:
            found.events[i] = on_story_day(ev, (ref.date, ref.date_start, ref.date_end))


def _day_named_apart(ev: Event, timexes: Sequence[Timex]) -> tuple[str, date, date] | None:
    """``(value, start, end)`` of a day another timex of ``ev``'s clause names in words ("on Wednesday";
    not the same clock time given in another zone: "(0030 UTC)")."""
    return next(((t.value, t.date_start, t.date_end) for t in timexes
                 if ev.start <= t.start < ev.end and t.start != ev.timex_start and t.type in DATED_TYPES
                 and t.date_start is not None and t.date_start == t.date_end and _RESOLVED.match(t.value or "")
                 and names_day(t.text)), None)


def _dates_a_state(doc, tx: Timex, verb) -> bool:
    """The clause's event word is a state, an opinion or a negated verb ("In 2019 we have no …", "as
    of yesterday the cause had not been stated", "the study was cross-sectional and combined data
    from 2005", "the 5 p.m. update had the storm 120 miles offshore"), a verb of evidence ("a
    photograph taken on Monday shows …") or a possibility ("can be applied to the situation today"):
    a description, not an event."""
    return verb is not None and (stative(verb) or evidence(verb) or possibility(verb))


def _dates_the_object(span, tx: Timex, verb, published: date | None) -> bool:
    """A date ahead of publication that stands bare, as an object, by a verb in the past or the
    present perfect ("has declared tomorrow a day of mourning", "named Friday the deadline"): the
    day the act names, not the day of the act."""
    if verb is None or published is None or tx.date_start is None or tx.date_start <= published:
        return False
    return span is not None and span.root.head.i == verb.i and span.root.dep_ in _BARE_OBJECT_DEPS \
        and tense_reading(verb).tense == "past"


def dates_the_other_event(span, verb) -> bool:
    """An offset after a verb of preceding gives the time of the later event, its object, not the
    subject's: "the blast preceded another one less than an hour later", "predated the second
    vote by a week, two days later"."""
    if verb is None or _PRECEDE_VERBS.match(verb.text) is None:
        return False
    return span is not None and any(t.lower_ in _LATER_WORDS for t in span)


def _path_up(span, steps: int = 8):
    """Each (token, its head) from the date's root up the parse, at most ``steps`` links, stopping
    at the sentence's root."""
    tok = span.root
    for _ in range(steps):
        head = tok.head
        if head.i == tok.i:
            return
        yield tok, head
        tok = head


def dates_the_telling(span) -> bool:
    """A date of the source an account is credited to, not of what it tells: "according to a report
    on Wednesday", "according to officials on Thursday", "according to a 1989 report", "by reports
    on Saturday", "reports on Saturday said": what the account tells happened before it, at a time
    the date does not give. ``span``: the date's tokens (:func:`timex_span`)."""
    if span is None:
        return False
    for tok, head in _path_up(span):
        if tok.pos_ in ("NOUN", "PROPN") and not (span.start <= tok.i < span.end):
            if head.lower_ == "to" and head.head.lower_ == "according":
                return True
            if tok.lower_ in _TELLING_NOUNS and ((head.lower_ == "by" and head.dep_ == "prep")
                                                 or (tok.dep_ == "nsubj" and telling(head))):
                return True
        if head.pos_ in ("VERB", "AUX"):
            return tok.dep_ == "prep" and telling(head) and any(
                c.dep_ == "nsubj" and c.lower_ in _TELLING_NOUNS and c.i < tok.i for c in head.children)
    return False


def _dates_the_cause(span) -> bool:
    """The date (its tokens ``span``) follows the cause a verb of :data:`_CAUSE_VERBS` names in its
    "to" phrase ("ascribed his death to complications from a stroke on Monday", "attributed the
    illness to an infection in March"): the date of that cause, earlier than the act itself,
    whichever word the parse hangs it on."""
    if span is None:
        return False
    for _tok, head in _path_up(span):
        if head.pos_ in ("VERB", "AUX"):
            return _CAUSE_VERBS.match(head.text) is not None and any(
                c.dep_ == "prep" and c.lower_ == "to" and c.i < span.start and any(g.dep_ == "pobj" for g in c.children)
                for c in head.children)
    return False


def _present_of_a_past(verb, tx: Timex, published: date | None) -> bool:
    """A plain present ("we estimate declines since 1987", "the museum holds paintings bought in 1920",
    "the homepage currently displays the text 'Steve Jobs 1955-2011'") with a date that begins before
    the publication day: the date belongs to something the clause describes, and the present tells a
    state or a habit, not the dated event. (A present with a date ahead is a schedule: "opens Monday".)"""
    return verb is not None and verb.tag_ in ("VBZ", "VBP") and published is not None \
        and tx.date_start is not None and tx.date_start < published \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _names_another_event(span) -> bool:
    """A date in the possessive that names another event the clause acts on ("sent a plan for
    yesterday's march", "criticised Monday's ruling"): the date of that noun, not of the clause. Not
    when the noun is the clause's subject ("Monday's attack killed five") or an adjunct of time of
    the verb ("during Monday's session")."""
    if span is None or span.root.dep_ != "poss":
        return False
    noun = span.root.head
    return noun.dep_ in ("dobj", "dative") or (noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN"))


def _other_event_prep(span, dates: Sequence[tuple[int, int]]) -> str | None:
    """The preposition ("before", "after", "since" …) that governs a noun the date qualifies
    ("were convicted before yesterday's announcements", "after an attack in 2015, a bill was
    proposed"): the date is that other event's, not the clause's. None otherwise. ``dates`` are
    the spans of the article's timexes: a date coordinated with another ("before spring or
    summer") qualifies no event. ``span``: the date's tokens (:func:`timex_span`)."""
    if span is None:
        return None
    tok, noun = span.root, False
    for _ in range(8):
        head = tok.head
        if head.i == tok.i or head.pos_ in ("VERB", "AUX"):
            return None
        if head.dep_ == "prep" and head.lower_ in STATE_START_PREPS:
            return head.lower_      # "infected 4,200 since October": when a state began, not the event's date
        if noun and head.dep_ == "prep":
            return head.lower_ if head.lower_ in BEFORE_PREPS | AFTER_PREPS else None
        noun = noun or (head.pos_ in ("NOUN", "PROPN") and not any(a <= head.idx < b for a, b in dates))
        tok = head
    return None


def _recent(tx: Timex, view: ArticleView) -> bool:
    """A since-date in the article's news window, no later than its publication: what the clause
    tells lies between that date and the publication."""
    return tx.date_start is not None and view.published is not None and tx.date_start <= view.published \
        and not is_old(tx.date_end, view.published)


def _after_old_event(view: ArticleView, tx: Timex, dates: Sequence[tuple[int, int]]) -> bool:
    """``tx`` dates another event, before the news window, that the clause follows ("After the 2018
    elections, she became chair"): the clause lies after it at a time the text does not give, in the
    article's back-story."""
    return tx.type in DATED_TYPES and is_old(tx.date_end, view.published) \
        and _other_event_prep(view.tokens_of(tx), dates) in AFTER_PREPS


def _era(tx: Timex, published: date | None) -> bool:
    """``tx`` is a century or a decade ("in the 1800s", "the 1970s": TIMEX3 values "18", "197") that ends
    before the news window: a clause it holds tells history, whatever the story's day."""
    return tx.type in DATED_TYPES and _ERA.match(tx.value or "") is not None and is_old(tx.date_end, published)


def _qualifies_noun(span, tx: Timex) -> bool:
    """A bare year before the noun it qualifies ("announced his 2020 candidacy in 2013", "the 2019
    budget"): it names which one, and dates the clause only when no other date does."""
    if not (tx.text.strip().isdigit() and len(tx.text.strip()) == 4):
        return False
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nummod", "compound", "amod", "nmod")


def verb_indices(doc) -> list[int]:
    """Indices of the tokens tagged VERB, read from the doc's array at once (not token by token)."""
    from spacy.attrs import POS
    from spacy.symbols import VERB

    return [int(i) for i in (doc.to_array(POS) == VERB).nonzero()[0]] if len(doc) else []


def latin_letters(text: str) -> bool:
    """At least half the letters of ``text`` are Latin (accented ones included)."""
    if text.isascii():
        return True
    letters = [c for c in text if c.isalpha()]
    return not letters or 2 * sum(c < "\u0250" for c in letters) >= len(letters)


def _token_span(tok) -> tuple[int | None, int | None]:
    return (tok.idx, tok.idx + len(tok.text)) if tok is not None else (None, None)


def _widen(ev: Event, tx: Timex) -> Event:
    """A second, coordinated date in the same clause ("before spring or summer") widens the span."""
    starts = [d for d in (ev.date_start, tx.date_start) if d]
    ends = [d for d in (ev.date_end, tx.date_end) if d]
    return dataclasses.replace(ev, date_start=min(starts) if starts else None, date_end=max(ends) if ends else None,
                               timex_end=max(ev.timex_end, tx.end))


def _inherit_synchronous(view: ArticleView, found: Found) -> None:
    """"Meanwhile, …" with no date of its own: the date of the previous event in the paragraph."""
    doc, sentences = view.doc, view.sentences
    dated = {}
    for i, si in enumerate(found.sentence):
        if i not in found.spans:
            dated.setdefault(si, i)
    for si, sent in enumerate(sentences):
        if si in dated or si == 0 or not SYNCHRONOUS.match(sent.text) or view.kind(si) in SKIP_KINDS:
            continue
        prev = next((found.events[dated[j]] for j in range(si - 1, -1, -1)
                     if j in dated and sentences[j].paragraph == sent.paragraph), None)
        if prev is None:
            continue
        # the sentence itself stands where the date would be: its main verb decides tense and source
        status, speaker = view.status(si, sent.start, sent.end, (sent.start, sent.end), prev.date_start, prev.date_end)
        verb = trigger_of_date(doc, sent.start, sent.end, sent.start, sent.end)
        found.add(Event(prev.date, prev.date_start, prev.date_end, sent.text, sent.start, sent.end,
                        view.actors.of(sent.start, sent.end, verb=verb), status, speaker,
                        prev.timex_start, prev.timex_end, ((sent.start, sent.end),), "discourse", *_token_span(verb)),
                  view.kind(si), si)
