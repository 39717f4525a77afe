"""Events told without a date of their own, and how they are dated.

Every predicate of a news sentence (:func:`.clauses.predicates`: the main verb of a clause that
tells something that happened or will happen) that is not already the event word of a dated event
becomes an event. Its date comes from

- ``discourse``: the time of the sentences around it: the latest dated event of its paragraph, in
  the same sentence or up to :data:`DISCOURSE_SENTENCES` sentences before, when the tenses agree
  (a past event takes a past date, a future one a date that is expected); else, for a past, the
  story's time carried across paragraphs from the lead (:mod:`.story`: an April contest reported
  in May); "subsequently" or "later" put it after that date, up to publication;
- ``publication``: else the publication date, by its tense: the past is on or shortly before it
  (the publication day), the future is expected (``FUTURE_REF``). History before the news
  (``PAST_REF``, background): the pluperfect of a main clause, a passive "was born" or "was
  founded", "previously", a past told just after a date of history (a life, a war's origins), and
  the simple past that goes on with a back-story opened by a pluperfect paragraph.

Quotations are left to the attributions: only the article's own clauses and reported clauses
("police said the suspect fled") give undated events.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..temporal.tense import FUTURE_HEADS
from ..types import Event
from .clauses import clause_of_predicate, definite, noun_key, predicates, present_perfect
from .lexicon import LIFE_AND_DISTANCE, SKIP_KINDS, UNDATED_KINDS
from .merge import stem, trigger_stem
from .stage import ArticleView, Found
from .status import is_old
from .story import (
    OlderTime,
    after,
    aside,
    aside_tokens,
    continues_back_story,
    moves_on,
    older_times,
    origin,
    same_party,
)

DISCOURSE_SENTENCES = 2      # how many sentences back a paragraph's date still holds
HISTORY_SENTENCES = 4        # how many sentences back a date of history makes an undated past history
MIN_TOKENS = 3
# Adverbs that put a past close to the news, whatever its tense ("had only recently come to believe",
# "had just landed"): the pluperfect then tells a recent step of the story, not its history.
RECENT_ADVERBS = frozenset("recently just lately newly".split())
# Nouns that name an occasion (a gathering, a disaster, a contest, a step of a case): "the ceremony", "the
# fire", "Pohiva's death". A past clause that acts on one the article has dated took place at its time
# ("Relatives attended the ceremony", "the road was damaged by the fire"). Narrower than
# :data:`.lexicon.EVENT_NOUNS` (which also names events by their verbs' nouns): only occasions one can date.
OCCASION_NOUNS = frozenset("""
ceremony fire blaze wildfire storm hurricane typhoon cyclone tornado earthquake quake flood flooding explosion blast
attack shooting stabbing bombing crash collision accident incident pileup derailment collapse eruption disaster
meeting summit conference presentation speech hearing trial ruling verdict vote election referendum debate session
match game race final tournament competition contest concert festival march protest rally demonstration parade
funeral visit launch landing raid riot clash evacuation rescue announcement death murder killing arrest
resignation impeachment renaming
""".split())
# The past forms news tells those occasions with when they do not share the noun's first letters
# (:func:`.merge.stem`): "his death" ~ "died", "the meeting" ~ "met".
_OCCASION_VERBS = {"death": ("died", "dies"), "meeting": ("met",), "shooting": ("shot",), "election": ("elected",),
                   "ruling": ("ruled",), "resignation": ("resigned",), "explosion": ("exploded",),
                   "evacuation": ("evacuated",), "killing": ("killed",), "landing": ("landed",),
                   "flooding": ("flooded",), "eruption": ("erupted",), "collision": ("collided",),
                   "stabbing": ("stabbed",), "presentation": ("presented",), "renaming": ("renamed",),
                   "bombing": ("bombed",), "vote": ("voted",)}
# Prepositions that put a clause at the time of the occasion they govern ("in the wake of his death",
# "after the fire", "during the meeting"): that time outweighs a date told in the sentences before.
_OCCASION_PREPS = frozenset("after following during at amid of".split())
_CONDITION_MARKS = frozenset({"if", "unless"})    # attribution.lexicon.CONDITION_MARKS without "whether"
_VERB_COMPLEMENTS = frozenset({"xcomp", "pcomp"})
# Verbs of reacting to an occasion ("condemned the attack", "called the stabbing barbaric"): told after it.
_REACTION_VERBS = frozenset("""called condemned denounced described criticised criticized praised welcomed mourned
referred blamed attributed cited characterised characterized hailed slammed""".split())
# Past verbs of forecasting whose infinitive lies ahead ("was forecast to weaken"; "expected" and "planned"
# are read as futures by the parse's reading already when they head the clause).
_FORECAST_VERBS = frozenset("forecast forecasted predicted projected expected anticipated".split())


def find_undated(view: ArticleView, found: Found, story: Sequence[Event | None]) -> None:
    """Add the undated events of the article in ``view`` to ``found``; ``story`` is the story's time
    of each sentence (:func:`.story.references`)."""
    doc = view.doc
    triggers = {ev.trigger_start for ev in found.events}
    clauses = {(ev.start, ev.end) for ev in found.events}
    # the dated events, with their sentence and the bounds of the aside clause that holds them (read once)
    pairs = found.dating()
    dated = [(ev, sj, aside_tokens(doc, ev)) for ev, sj in pairs]
    older = older_times(view, pairs, story)
    told = list(dated)      # the events dated so far, undated ones dated by their discourse included
    opened: tuple[str, ...] | None = None      # actors of a back-story opened by a pluperfect just before
    life = False            # a clause of the paragraph told a life or a distance ("as a teenager", "years ago")
    for si, sent in enumerate(view.sentences):
        kind = view.kind(si)
        if si and sent.paragraph != view.sentences[si - 1].paragraph:
            opened, life = None, False
        if life and older[si] is not None:
            older[si] = OlderTime(None)     # the older story went back further, to a time it does not date
        if kind not in UNDATED_KINDS or kind in SKIP_KINDS or not view.readable(si):
            continue
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None or len(span) < MIN_TOKENS:
            continue
        preds = list(predicates(doc, span.start, span.end, verbs=view.verbs))
        others = {v.i for v, _ in preds}
        back_story = None
        for verb, time in preds:
            if verb.idx in triggers or view.quoted(si, verb.idx):
                continue
            cstart, cend = clause_of_predicate(doc, verb, others - {verb.i}, span.start, span.end)
            if (cstart, cend) in clauses or view.repeated(cstart, cend) \
                    or len(doc.char_span(cstart, cend, alignment_mode="expand")) < MIN_TOKENS:
                continue
            if condition(verb):
                continue                  # "until Sweden joined the agreement", "unless the board agrees"
            if time == "past" and continues_back_story(verb, opened):
                time = "pluperfect"       # "Trump had asked the court … He sought the intervention …"
            elif time == "past" and forecast(verb):
                time = "future"           # "gusts were forecast to reach 80 mph": what is forecast lies ahead
            elif time == "past" and compares_with_history(verb):
                time = "history"          # "has only impeached two other presidents", "the first since 1990"
            ev = _dated_event(view, si, verb, time, cstart, cend, dated, story[si], older[si], told)
            life = life or (time == "past" and _life_or_distance(view, verb, cstart, cend))
            if ev is not None:
                found.add(ev, kind, si)
                clauses.add((cstart, cend))
                if ev.date_from == "discourse":
                    told.append((ev, si, None))
                if time == "pluperfect" and back_story is None and (opened is not None or _opens_paragraph(view, si)):
                    back_story = ev.actors      # a paragraph that opens in the pluperfect tells a back-story
        opened = back_story


def condition(verb) -> bool:
    """``verb``'s clause is a condition, not something that happened: "if"/"unless" ("if Sweden
    joins"), or "until" under a promise, a plan or a threat ("promised protests every week until
    Sweden joined the agreement")."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if marks & _CONDITION_MARKS:
        return True
    if "until" not in marks and "till" not in marks:
        return False
    tok = verb
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.lower_ in FUTURE_HEADS:
            return True
    return False


def forecast(verb) -> bool:
    """``verb`` forecasts or expects what its infinitive tells ("was forecast to diminish", "were
    expected to reach"): the event is ahead, dated by the expected times told around it."""
    return verb.lower_ in _FORECAST_VERBS and any(c.dep_ == "xcomp" for c in verb.children)


def compares_with_history(verb) -> bool:
    """``verb``'s clause counts earlier cases of its kind, history told for comparison: "has only
    impeached two presidents in the history of the country", "two other presidents have been impeached"
    (a phrase "in … history" on the verb itself, or a counted subject or object with "other"; not "the
    largest protest in history took place", where history qualifies the news)."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and g.lower_ == "history" for g in c.children):
            return True
        if c.dep_ in ("dobj", "nsubjpass", "nsubj") and present_perfect(verb) \
                and any(a.lower_ == "other" for a in c.children) and any(n.dep_ == "nummod" for n in c.children):
            return True
    return False


def told_recent(verb) -> bool:
    """``verb``'s clause says its past lies close to the news (:data:`RECENT_ADVERBS`: "had only
    recently come to believe", "had just landed")."""
    return any(c.dep_ == "advmod" and c.lower_ in RECENT_ADVERBS for c in verb.children)


def _life_or_distance(view: ArticleView, verb, cstart: int, cend: int) -> bool:
    """``verb``'s clause ``cstart:cend`` places it in an unanchored past ("years ago", "in the 1800s") or
    in a life ("in his teens", "as a student": :data:`.lexicon.LIFE_AND_DISTANCE`)."""
    return view.long_ago(cstart, cend) or LIFE_AND_DISTANCE.search(view.text, min(cstart, verb.left_edge.idx), cend) is not None


def _opens_paragraph(view: ArticleView, si: int) -> bool:
    return si == 0 or view.sentences[si - 1].paragraph != view.sentences[si].paragraph


def _dated_event(view: ArticleView, si: int, verb, time: str, cstart: int, cend: int, dated,
                 story: Event | None, older: OlderTime | None, told) -> Event | None:
    """The event of ``verb``'s clause, dated by the sentences around it, by the older story its
    sentence goes on telling (``older``: :func:`.story.older_times`), by the story's reference time
    (``story``: :func:`.story.references`), by an occasion it names that the article dated (among
    ``told``: the dated events so far, :func:`_occasion`) or by the publication date and its tense."""
    text = view.text
    trigger = (verb.idx, verb.idx + len(verb.text))
    recent = time in ("past", "pluperfect") and told_recent(verb)
    if recent:
        time = "past"            # "the US had only recently come to believe he was dead": news, not history
    elif time == "past" and _life_or_distance(view, verb, cstart, cend):
        time = "history"         # "was convicted years ago", "began playing drums in his teens"
    actors = view.actors.of(cstart, cend, verb=verb)
    source = _discourse_source(view, si, verb, time, dated)
    if recent and source is not None and (source.status == "background" or is_old(source.date_end, view.published)):
        source = None            # a recent step is not dated by the history told just before it
    retold = _retold(view, si, verb, actors, dated) if time == "past" else None
    occasion, at_occasion = _occasion(view, si, verb, cstart, cend, told) if time == "past" and not recent \
        else (None, False)
    if at_occasion:
        source = occasion        # "In the wake of Pohiva's death, parliament was suspended": the death's day
    if source is not None and source.status == "background":
        source = retold or source    # the news told again after history ("Rosselló also announced …")
    if older is not None and older.said and source is not None and source.status != "background":
        source = None            # "In that event, …": not the news date told before it
    in_older = source is None and time == "past" and not recent and older is not None \
        and not present_perfect(verb) and retold is None
    if in_older and older.event is None:
        time = "history"         # "Previously, …", "Years earlier, …" and what its paragraph goes on telling
    elif in_older:
        source = older.event     # "In that event, Fields killed a woman": the older story's time
    elif source is None and time == "past" and not recent and _in_history(view, si, dated, verb):
        time = "history"         # a past told among history (a life, a conflict's origins)
    elif source is None and time == "past":
        source = retold or (None if present_perfect(verb) else story) or occasion
    later = time == "past" and source is not None and moves_on(verb)
    if later and is_old(source.date_end, view.published):
        source, time = None, "history"     # "Later, he recorded with …" after a date of his life
    dating = _dating(view, time, source, later=later)
    if dating is None:
        return None
    value, d0, d1, tx0, tx1, origin = dating
    history = time in ("pluperfect", "history") or in_older
    status, speaker = view.status(si, cstart, cend, trigger, d0, d1, history=history)
    if time == "future" and status not in ("expected", "background"):
        status = "expected"
    return Event(value, d0, d1, text[cstart:cend], cstart, cend, actors, status, speaker, tx0, tx1,
                 ((cstart, cend),), origin, *trigger)


def _dating(view: ArticleView, time: str, source: Event | None, *, later: bool):
    """``(value, date_start, date_end, timex_start, timex_end, date_from)`` of an undated event told
    at ``time`` ("past", "future", "pluperfect", "history"), dated by ``source`` (an event of the
    sentences around it or of the story's time) when there is one; ``later``: its clause moves time
    on from the one told before ("subsequently", "later"). None when nothing dates it."""
    if source is not None:
        value, d0, d1 = after(source, view.published) if later else (source.date, source.date_start, source.date_end)
        return value, d0, d1, source.timex_start, source.timex_end, "discourse"
    if time in ("pluperfect", "history"):
        return "PAST_REF", None, None, None, None, "discourse" if later else "publication"
    if time == "future":
        return "FUTURE_REF", None, None, None, None, "publication"
    if view.published is not None:
        p = view.published
        return p.isoformat(), p, p, None, None, "publication"
    return None


def _in_history(view: ArticleView, si: int, dated, verb) -> bool:
    """A past told among history: the latest event of the :data:`HISTORY_SENTENCES` sentences
    before ``si`` that carries a date of its own (not a photo's) is background, lies in the
    same paragraph and, when the clause names its subject, has it among its actors (a pronoun
    goes on with the story; another named party may act in the news: "X was held in contempt in
    2012. … Y criticized the decision"); or, across paragraphs, the latest dated event is background and has the
    clause's subject among its actors: a life goes on being told ("Baker was born in 1939. … He
    began his career …"), but a paragraph about someone else may turn back to the news."""
    para = view.sentences[si].paragraph
    near = [(sj, ev.start, ev) for ev, sj, bounds in dated if si - HISTORY_SENTENCES <= sj <= si
            and ev.date_from in ("explicit", "discourse") and view.kind(sj) != "caption" and not aside(bounds, verb)]
    own = [x for x in near if x[2].date_from == "explicit"]
    if own:
        sj, _, ev = max(own, key=lambda x: x[:2])
        named = view.actors.named_subject(verb)
        if ev.status == "background" and view.sentences[sj].paragraph == para \
                and (not named or same_party(named, ev.actors)):
            return True
    if not near:
        return False
    latest = max(near, key=lambda x: x[:2])[2]
    return latest.status == "background" and same_party(view.actors.subject(verb), latest.actors)


def _discourse_source(view: ArticleView, si: int, verb, time: str, dated) -> Event | None:
    """The latest dated event of the paragraph at or before sentence ``si`` whose time agrees. A
    birth or a founding dates only itself: what follows it in a life is later, by an unknown span;
    a date told in a relative clause dates only that clause (:func:`.story.aside`)."""
    if time in ("pluperfect", "history"):
        return None
    para = view.sentences[si].paragraph
    best = None
    for ev, sj, bounds in dated:
        if not (si - DISCOURSE_SENTENCES <= sj <= si) or view.sentences[sj].paragraph != para:
            continue
        if ev.date_from != "explicit" and ev.date_from != "discourse":
            continue
        if (time == "future") != (ev.status == "expected") or view.kind(sj) == "caption" or origin(view.text, ev) \
                or aside(bounds, verb):
            continue
        if best is None or (sj, ev.start) > best[0]:
            best = ((sj, ev.start), ev)
    return best[1] if best else None


def _retold(view: ArticleView, si: int, verb, actors: tuple[str, ...], dated) -> Event | None:
    """An earlier sentence of the article that told the same event with a date: the latest news
    event before sentence ``si`` with a date of its own, the same event word (:func:`.merge.trigger_stem`)
    and a party in common ("On Saturday a plane crashed near Henderson Airport. … It crashed in a
    desert south of the airport"): the body tells again, in detail, what the lead dated."""
    word = stem(verb.text)
    best = None
    for ev, sj, _ in dated:
        if sj >= si or ev.date_from != "explicit" or ev.status in ("background", "expected") \
                or view.kind(sj) == "caption" or trigger_stem(ev) != word or not same_party(actors, ev.actors):
            continue
        if best is None or (sj, ev.start) > best[0]:
            best = ((sj, ev.start), ev)
    return best[1] if best else None


def _occasion(view: ArticleView, si: int, verb, cstart: int, cend: int, dated) -> tuple[Event | None, bool]:
    """The dated event an occasion noun of ``verb``'s clause ``cstart:cend`` names (a definite noun of
    :data:`OCCASION_NOUNS`: "attended the ceremony", "damaged by the fire", "after Pohiva's death"):
    the latest event told before the clause, with a date of its own or of its sentences, that is not
    expected and whose clause holds that noun or tells it with its verb ("died" for "death"). The flag
    is True when the noun is the object of a preposition of time on the verb (:data:`_OCCASION_PREPS`:
    "after the fire", "in the wake of his death"): then the occasion's time outweighs a date told before."""
    doc = view.doc
    span = doc.char_span(cstart, cend, alignment_mode="expand")
    nouns = [t for t in span if t.pos_ == "NOUN" and noun_key(t) in OCCASION_NOUNS and definite(_phrase_head(t))
             and not any(c.like_num for c in t.children) and _in_clause_of(t, verb)
             and not view.quoted(si, t.idx)] if span else []
    if verb.lower_ in _REACTION_VERBS or present_perfect(verb):
        # "condemned the attack": a reaction, later; "have been charged with the murder": since, up to now
        nouns = [t for t in nouns if _time_of_occasion(t, verb) or (present_perfect(verb) and _agent(t, verb))]
    best = None
    for noun in nouns:
        key = noun_key(noun)
        for ev, sj, _ in dated:
            if sj > si or (sj == si and ev.start >= cstart) or ev.date_from not in ("explicit", "discourse") \
                    or ev.status == "expected" or view.kind(sj) in ("caption", "headline") \
                    or not _tells_occasion(ev, key):
                continue
            if best is None or (sj, ev.start) > best[0]:
                best = ((sj, ev.start), ev, _time_of_occasion(noun, verb))
    return (_day_of(best[1]), best[2]) if best else (None, False)


def _in_clause_of(tok, verb) -> bool:
    """``tok`` belongs to ``verb``'s own clause: the path up to it passes no other clause than an
    infinitive or a gerund of that verb ("avoided being caught up in the accident"; not a relative clause)."""
    while tok.head.i != tok.i:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in _VERB_COMPLEMENTS:
            return False
        tok = tok.head
        if tok.i == verb.i:
            return True
    return False


def _phrase_head(noun):
    """The head of the noun phrase ``noun`` modifies as a compound ("the accident sequence"), else ``noun``."""
    while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def _agent(noun, verb) -> bool:
    """``noun`` is the agent of ``verb``'s passive ("has been damaged by the blaze"), or a phrase it heads."""
    tok = _phrase_head(noun)
    while tok.dep_ == "poss" and tok.head.i != verb.i:      # "by the fire's ferocity"
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.i == verb.i


def _day_of(ev: Event) -> Event:
    """``ev`` dated by its day only: the hour of an occasion ("the attack at 4 a.m.") is not the hour of
    what the clause tied to it tells."""
    return dataclasses.replace(ev, date=ev.date[:10]) if ev.date and "T" in ev.date and ev.date_start == ev.date_end \
        else ev


def _tells_occasion(ev: Event, key: str) -> bool:
    """``ev``'s clause names the occasion ``key`` (a noun of :data:`OCCASION_NOUNS`), as a noun or by its verb."""
    trigger = ev.text[ev.trigger_start - ev.start:ev.trigger_end - ev.start].lower() \
        if ev.trigger_start is not None and ev.start <= ev.trigger_start < ev.end else ""
    return key in _words(ev.text) or (bool(trigger) and (stem(trigger) == stem(key) or trigger in _OCCASION_VERBS.get(key, ())))


def _words(text: str) -> set[str]:
    return {w[:-1] if w.endswith("s") and not w.endswith("ss") else w for w in re.findall(r"\w+", text.lower())}


def _time_of_occasion(noun, verb) -> bool:
    """``noun`` is governed by a preposition of time that hangs on ``verb`` ("after the fire", "in the
    wake of his death")."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in _OCCASION_PREPS:
        return False
    prep = noun.head
    if prep.lower_ == "of":
        if prep.head.lower_ not in ("wake", "aftermath") or prep.head.dep_ != "pobj":
            return False
        prep = prep.head.head
    return prep.dep_ == "prep" and prep.head.i == verb.i
