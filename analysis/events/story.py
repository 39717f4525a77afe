"""The article's reference time: where its story stands in time, sentence by sentence.

A news article often reports what happened days, weeks or years before it was published: an
April contest reported in May, a ruling of Monday told on Thursday. Its lead dates the story; the
body then goes on in the simple past without repeating the date. Following Reichenbach's
reference time (and the "temporal focus" of Webber 1988 and of TimeML annotation practice), the
date of the latest news event told with an explicit date stands as the story's time for the
undated past clauses after it, across paragraphs, until

- a new explicit date moves it, or
- a clause in the present perfect or with "now" comes back to the news of the day ("The company
  has since apologised", "She is now in hospital"), or a sentence opens another story ("In a
  separate case, …"): the story's time is the publication again.

Two refinements tell what happens around that time:

- a pluperfect main clause opens a back-story ("Trump had asked the court to intervene. He sought
  the intervention to …"): the past clauses of its paragraph that go on with the same party tell
  that back-story, before the reference time (:func:`continues_back_story`);
- "subsequently", "later", "afterwards" move time on from the date they follow
  (:func:`moves_on`): the event lies between that date and the publication, not on that date.

A clock time told without its day ("the attack took place at 7:45 p.m.") is put by the date stage on
the publication day or on the last day named before it; it lies on the story's day of its sentence
when there is one (:func:`on_story_day`), and sets no story time of its own.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from ..temporal.lexicon import WEEKDAYS
from ..types import Event
from .clauses import present_perfect, telling
from .lexicon import CLOCK, DAY_NAMES, HISTORY_VERBS, LATER_ADVERBS, NEW_STORY, NOW_ADVERBS

_PERSONAL = frozenset({"he", "she", "they", "it", "we", "i"})
_LEAD_KINDS = frozenset({"body", "standfirst"})
BEFORE_NEWS_DAYS = 45    # a month and a half before the lead's day: older than the weeks a report covers
_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")     # a day named in full ("December 22, last year")
_ZONE_CLOCK = re.compile(r"\b\d{4}\s*(?:UTC|GMT|Z)\b")      # "(1639 UTC)"
_BARE_WEEKDAY = re.compile(r"^(?:on\s+)?(mon|tues|wednes|thurs|fri|satur|sun)day"
                          r"(?:\s+(?:morning|afternoon|evening|night))?$", re.I)    # "Saturday", "on Sunday evening"
NEXT_WEEK_DAYS = 5     # a weekday this many days or more after the story's day lies in another week than the story's
NEXT_TO_STORY = 2      # a weekday a week earlier this close to the story's days lies in the story's week
STORY_DAYS = 7         # a story's time shorter than this stands on days (not on a month or a year)
_ASIDE_DEPS = frozenset({"relcl"})       # clauses that qualify a noun (not participles: "an advisory issued on Sunday")
# Openings that send a sentence back to the older time told just before it (anaphoric adjuncts of
# time position, Quirk et al. 8.60): "In that event, Fields killed …", "At the time, she …", "Back then".
# Not the time of writing ("at the time of writing", "at the time of publication").
SAME_OLDER_TIME = re.compile(r"^\W*(?:(?:In|During|At)\s+(?:that|the\s+same)\s+(?:event|incident|attack|crash|accident|"
                             r"case|time|period|year|month|election|race|raid|shooting|disaster|vote|trial|match|game|"
                             r"season|war|conflict|campaign)\b|At\s+the\s+time\b(?!\s+of\s+(?:this\s+)?(?:writing|"
                             r"publication|going\s+to\s+press))|Back\s+then\b)", re.I)
# Openings that put a sentence before the time told so far, at a time they do not give (Quirk et al.'s
# adjuncts of anteriority): "Previously, …", "Years earlier, …", "In the previous election, …".
BEFORE_OLDER_TIME = re.compile(r"^\W*(?:Previously|Formerly|Originally|(?:Years|Months|Decades|Weeks)\s+(?:earlier|before|prior)"
                               r"|In\s+the\s+(?:previous|preceding|prior)\s+\w+)\b", re.I)


class OlderTime(NamedTuple):
    """The older story a sentence goes on telling (:func:`older_times`): ``event``, the dated event
    whose time it keeps, or None when the time is only "before" (history, ``PAST_REF``); ``said``:
    the sentence itself opens by saying so ("In that event, …"), which outweighs a date of the news
    told in the sentences before it."""
    event: Event | None
    said: bool = False


def references(view, dated: Sequence[tuple[Event, int]]) -> list[Event | None]:
    """For each sentence of the article in ``view`` (an :class:`.stage.ArticleView`), the news
    event whose explicit date the story stands at when that sentence begins (None: the publication
    date). ``dated`` are the article's dated events with their sentence index.

    Only the main clause of a sentence of the article's own (not a quotation, a caption or a
    headline) that tells news (not expected, not background) sets the story's time; a date
    earlier than the story's time so far is a flashback ("In February, bishops attended a summit"
    after "On Thursday, the Pope announced …"): it holds to the end of its paragraph, then the
    story's time comes back. A time that reaches the publication day ("today") is the
    publication's: the reference is then None."""
    doc, published = view.doc, view.published
    setting: dict[int, Event] = {}
    for ev, si in dated:
        if _sets_reference(view, ev, si) and (si not in setting or ev.start > setting[si].start):
            setting[si] = ev
    out: list[Event | None] = []
    story: Event | None = None           # the story's time, carried across paragraphs
    aside: Event | None = None           # a flashback's time, carried to the end of its paragraph
    latest: date | None = None
    for si, sent in enumerate(view.sentences):
        if si and sent.paragraph != view.sentences[si - 1].paragraph:
            aside = None
        if NEW_STORY.match(sent.text):
            story = aside = None
        out.append(aside or story)
        ev = setting.get(si)
        if ev is not None and (latest is None or ev.date_start >= latest):
            latest, aside = ev.date_start, None
            story = ev if _before_publication(ev, published) else None
        elif ev is not None:
            aside = ev if _before_publication(ev, published) else None
        elif view.kind(si) in ("body", "standfirst") and back_to_news(doc, sent.start, sent.end):
            story = aside = None
    return out


def older_times(view, dated: Sequence[tuple[Event, int]], story: Sequence[Event | None]) -> list[OlderTime | None]:
    """For each sentence of the article in ``view``, the older story its undated past clauses go on
    telling (None: the news). An article about the news often tells, in later paragraphs, an older
    story (a case's history, an earlier crash) in the simple past without a date in each clause. A
    run of that older time opens

    - after a main clause of the article's own dated before the news (:func:`before_the_news`, or
      background by its form), not a birth or a founding (what follows it is later);
    - at a sentence that says it goes back to the time told just before it ("In that event", "At
      the time": :data:`SAME_OLDER_TIME`), when the latest date told before it, in an aside or
      not, lies before the news; a sentence that says it lies before it ("Previously", "In the
      previous season": :data:`BEFORE_OLDER_TIME`) is history, and opens no run (the next sentence
      may be the news again);

    and holds to the end of its paragraph unless the story comes back first: a new date in the news
    window in a main clause (:func:`references`), a clause in the present perfect or with "now"
    (:func:`back_to_news`), a main clause in the present ("X says", "Y is in prison"), or another
    story ("In a separate case")."""
    doc, published = view.doc, view.published
    start = news_start(view, story)
    news = {si for ev, si in dated if _sets_reference(view, ev, si)}
    told: list[tuple[int, Event]] = []          # the article's own dates, asides included, in text order
    opens: dict[int, Event] = {}                # the sentences whose main clause is dated before the news
    for ev, si in sorted(dated, key=lambda x: (x[1], x[0].start)):
        if ev.date_from != "explicit" or view.kind(si) not in _LEAD_KINDS or view.quoted(si, ev.timex_start):
            continue
        told.append((si, ev))
        if _older(ev, start, published) and main_verb(_token_at(doc, ev.trigger_start)) \
                and not origin(view.text, ev):
            opens[si] = ev
    out: list[OlderTime | None] = []
    run: OlderTime | None = None
    for si, sent in enumerate(view.sentences):
        if (si and sent.paragraph != view.sentences[si - 1].paragraph) or si in news or NEW_STORY.match(sent.text) \
                or (view.kind(si) in _LEAD_KINDS and (back_to_news(doc, sent.start, sent.end)
                                                      or tells_present(doc, sent.start, sent.end))):
            run = None
        if view.kind(si) in _LEAD_KINDS and SAME_OLDER_TIME.match(sent.text):
            last = next((ev for sj, ev in reversed(told) if sj < si), None)    # the time "that" points back to
            run = OlderTime(last, said=True) if last is not None and _older(last, start, published) else None
        elif view.kind(si) in _LEAD_KINDS and BEFORE_OLDER_TIME.match(sent.text):
            run = OlderTime(None, said=True)
        out.append(run)
        if run is not None and run.said:      # "Previously" tells of its own sentence only
            run = run._replace(said=False) if run.event is not None else None
        if si in opens:
            run = OlderTime(opens[si])
    return out


def _older(ev: Event, start: date | None, published: date | None) -> bool:
    """``ev``'s date lies before the news: before the window that opens on ``start``, or it is
    history by its form and ends before publication."""
    return ev.date_start is not None and _before_publication(ev, published) \
        and (ev.status == "background" or before_the_news(ev, start))


def origin(text: str, ev: Event) -> bool:
    """``ev`` is a birth or a founding ("was born", "founded in 1869")."""
    return ev.trigger_start is not None and text[ev.trigger_start:ev.trigger_end].lower() in HISTORY_VERBS


def tells_present(doc, start: int, end: int) -> bool:
    """The main verb of the sentence ``start:end`` is a finite present ("Roberts says", "Jong is
    already in prison"): the article speaks of now again."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    finite = [root] + [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    return any(t.tag_ in ("VBZ", "VBP") for t in finite) and not any(t.tag_ in ("VBD", "MD") for t in finite)


def news_start(view, story: Sequence[Event | None]) -> date | None:
    """The first day of the article's news window: the day its lead sentence (the first of the body
    or standfirst) sets the story at (:func:`references`), else the publication date."""
    published = view.published
    lead = next((si for si in range(len(view.sentences)) if view.kind(si) in _LEAD_KINDS), None)
    ref = story[lead + 1] if lead is not None and lead + 1 < len(story) else None
    if ref is None or ref.date_start is None:
        return published
    return min(ref.date_start, published) if published is not None else ref.date_start


def before_the_news(ev: Event, start: date | None) -> bool:
    """``ev`` lies clearly before the news window that opens on ``start`` (:func:`news_start`): its
    date ends before it, and its day (or the middle of its span) is more than
    :data:`BEFORE_NEWS_DAYS` days before it ("the flight came down
    last October" in a January report on the recorder's recovery, "Last year, SpaceX tested …",
    "In February, bishops attended a summit" in a May report)."""
    if start is None or ev.date_start is None or ev.date_end is None or ev.date_end >= start:
        return False            # a span up to the news ("since June", "this year") is not before it
    day = _DAY_VALUE.match(ev.date or "")
    middle = date(*map(int, day.groups())) if day else ev.date_start + (ev.date_end - ev.date_start) / 2
    return (start - middle).days > BEFORE_NEWS_DAYS


def _token_at(doc, pos: int | None):
    span = doc.char_span(pos, pos + 1, alignment_mode="expand") if pos is not None else None
    return span[0] if span is not None and len(span) else doc[0]


def _sets_reference(view, ev: Event, si: int) -> bool:
    published = view.published
    return ev.date_from == "explicit" and ev.date_start is not None and view.kind(si) not in ("caption", "headline") \
        and ev.status not in ("expected", "background") and (published is None or ev.date_start <= published) \
        and not view.quoted(si, ev.timex_start) and not clock_without_day(view.text, ev) \
        and main_verb(_token_at(view.doc, ev.trigger_start))


def clock_time(text: str, ev: Event) -> bool:
    """``ev`` is dated by a clock time whose words do not name its day ("at 7:45 p.m.", "3:30am",
    "(1639 UTC)"): the date stage puts it on a day of its own choosing (the publication day, or the
    last day named before it: "the death toll rose on Monday. The shooting began at 10:39 a.m.")."""
    if ev.date_from != "explicit" or ev.timex_start is None or ev.date_start is None \
            or ev.date_start != ev.date_end:
        return False
    said = text[ev.timex_start:ev.timex_end]
    return (CLOCK.search(said) is not None or _ZONE_CLOCK.search(said) is not None) and not names_day(said)


def clock_without_day(text: str, ev: Event) -> bool:
    """``ev`` is dated by a clock time (:func:`clock_time`) and its clause names no day either: its
    hour is told, its day is not."""
    return clock_time(text, ev) and not names_day(text[ev.start:ev.end])


def names_day(said: str) -> bool:
    """The words of a timex name a day (a weekday, a month, a deictic day, a year)."""
    return DAY_NAMES.search(said) is not None


def on_story_day(ev: Event, day: tuple[str, date | None, date | None]) -> Event:
    """``ev``, whose clock time does not name its day (:func:`clock_without_day`), on ``day``
    (``(value, start, end)``: the story's time of its sentence, or a day its clause names apart:
    "at 8:00 p.m. on Wednesday"): "The flight started at 8:17 a.m." after "On Sunday, an inventor
    crossed the Channel" is Sunday at 8:17; a time longer than a day ("in May") dates it as it dates
    the undated clauses."""
    value, d0, d1 = day
    if d0 is not None and d0 == d1:
        iso = ev.date_start.isoformat()
        value = d0.isoformat() + (ev.date[len(iso):] if ev.date.startswith(iso) else "")      # "T19:45"
    return dataclasses.replace(ev, date=value, date_start=d0, date_end=d1, date_from="discourse")


def weekday_of_story(text: str, ev: Event, ref: Event | None) -> date | None:
    """The day of ``ev``'s bare weekday ("performed on Saturday"), which the date stage resolved in
    the week of publication, a week earlier, in the days of the story ``ref`` (:func:`references`),
    or None when it stays: an article of Monday August 5 about a convention of July 27-28 tells
    "the troupe performed on Saturday" of July 27, not of August 3. The weekday moves only when the
    story stands on a day or a few (:data:`STORY_DAYS`), its day lies :data:`NEXT_WEEK_DAYS` days or
    more after them and the day a week before lies within :data:`NEXT_TO_STORY` days of them ("On
    Monday a storm hit …; on Friday it weakened" keeps that Friday; a weekday two weeks after a
    flashback's day is the news's)."""
    if ref is None or ref.date_start is None or ref.date_end is None or ev.date_from != "explicit" \
            or ev.timex_start is None or ev.date_start is None or ev.date_start != ev.date_end \
            or ev.status in ("expected", "background") or (ref.date_end - ref.date_start).days >= STORY_DAYS:
        return None
    bare = _BARE_WEEKDAY.match(text[ev.timex_start:ev.timex_end].strip())
    if bare is None or ev.date_start.isoweekday() != WEEKDAYS[bare.group(1).lower() + "day"] \
            or (ev.date_start - ref.date_end).days < NEXT_WEEK_DAYS:
        return None
    earlier = ev.date_start - timedelta(days=7)
    return earlier if _distance(earlier, ref) <= NEXT_TO_STORY else None


def _distance(day: date, ref: Event) -> int:
    """Days from ``day`` to the span of ``ref``'s date (0 inside it)."""
    return max((ref.date_start - day).days, (day - ref.date_end).days, 0)


def _before_publication(ev: Event, published: date | None) -> bool:
    return published is not None and ev.date_end is not None and ev.date_end < published


def back_to_news(doc, start: int, end: int) -> bool:
    """The sentence ``start:end`` tells the news of the day: its main verb (or one coordinated
    with it) is in the present perfect ("has since apologised"), or "now" qualifies it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return any(present_perfect(verb) or any(c.lower_ in NOW_ADVERBS and c.dep_ == "advmod" for c in verb.children)
               for verb in (root, *[c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]))


def main_verb(tok) -> bool:
    """``tok`` heads its sentence's main clause: the root, a verb coordinated with it, or the clause a
    reporting verb passes on ("police said he was arrested on Friday"). A date in a relative or
    adverbial clause ("a collision which killed him on August 27") is an aside, not the story's time."""
    while tok.dep_ in ("conj", "ccomp") and tok.head.i != tok.i:
        if tok.dep_ == "ccomp" and not telling(tok.head):
            return False
        tok = tok.head
    return tok.dep_ == "ROOT"


def aside_tokens(doc, ev: Event) -> tuple[int, int] | None:
    """Token bounds (first, last) of the relative clause that holds ``ev``'s event word when that clause
    qualifies a name ("Liberals, which had won a majority in 2015, lost seats", "Typhoon Haiyan,
    which killed 6,000 in 2013"), a place by what happened there ("the hospital, where the surgeon
    spoke early today") or any noun in the pluperfect: the date of such an aside dates only its own
    clause (:func:`aside`). None otherwise: a clause that qualifies a common noun often tells the
    time of the event the noun names ("injured in a bombing that happened on June 27", "in an
    advisory issued late Sunday"): it dates on. Read once per event."""
    if ev.trigger_start is None:
        return None
    tok = _token_at(doc, ev.trigger_start)
    while tok.head.i != tok.i:
        if tok.dep_ in _ASIDE_DEPS:
            qualifies = tok.head.pos_ == "PROPN" or any(c.lower_ == "where" for c in tok.children) \
                or any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children)
            return (tok.left_edge.i, tok.right_edge.i) if qualifies else None
        tok = tok.head
    return None


def aside(bounds: tuple[int, int] | None, verb) -> bool:
    """The dated event whose aside clause spans the tokens ``bounds`` (:func:`aside_tokens`) does
    not date ``verb``'s clause: ``verb`` lies outside that aside."""
    return bounds is not None and not (bounds[0] <= verb.i <= bounds[1])


def moves_on(verb) -> bool:
    """The clause of ``verb`` says it came after the time told before it ("She subsequently left
    the country", "was later released"); a measured distance ("a short time later", "two days
    later") is not: it says how long after."""
    return any(c.dep_ == "advmod" and c.lower_ in LATER_ADVERBS and not any(c.children) for c in verb.children)


def after(source: Event, published: date | None) -> tuple[str, date | None, date | None]:
    """``(value, start, end)`` of a time after ``source``'s date and no later than ``published``:
    the span between them, valued by the smallest calendar unit that holds it (a month, a year)."""
    d0 = source.date_start
    d1 = published if published is not None and d0 is not None and published >= d0 else source.date_end
    return span_between(d0, d1)


def span_between(d0: date | None, d1: date | None) -> tuple[str, date | None, date | None]:
    """``(value, d0, d1)`` of the time from ``d0`` to ``d1``, valued by the smallest calendar unit that
    holds it (a day, a month, a year; PAST_REF beyond)."""
    if d0 is None or d1 is None:
        return "PAST_REF", None, None
    if d0 == d1:
        return d0.isoformat(), d0, d1      # "later" on the publication day: that day
    if (d0.year, d0.month) == (d1.year, d1.month):
        return f"{d0.year:04d}-{d0.month:02d}", d0, d1
    if d0.year == d1.year:
        return f"{d0.year:04d}", d0, d1
    return "PAST_REF", d0, d1


def continues_back_story(verb, opened: tuple[str, ...] | None) -> bool:
    """A past clause that goes on with a back-story opened by a pluperfect in the sentence before
    (``opened``: the actors of that clause, None when there was none): its subject is a personal
    pronoun or names a party of that clause."""
    if opened is None:
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and (subj.lower_ in _PERSONAL or same_party((subj.text,), opened))


def same_party(names: tuple[str, ...], others: tuple[str, ...]) -> bool:
    """Some name of ``names`` shares a capitalised word with a name of ``others`` ("Baker" in
    "Ginger Baker" and "Peter Edward Baker": one person under two names)."""
    words = {w for n in others for w in n.split() if w[:1].isupper() and len(w) > 2}
    return any(w in words for n in names for w in n.split() if w[:1].isupper() and len(w) > 2)
