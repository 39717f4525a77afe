"""Dated events: the rows of the timeline.

A clause that carries a calendar date (a DATE or TIME timex whose TIMEX3 value starts with a year)
is an event. Its text is the clause that the date belongs to in spaCy's parse (the whole sentence
when the date hangs on the main verb), its actors the canonical names of the people, organisations
and places in it, and its status says how the article stands behind it:

- ``background``: the date of a photo (the clause is in a caption);
- ``expected``: future or planned ("will", "is expected to", "plans to"), or dated after the
  article's reference date;
- ``unverified``: hedged ("alleged", "reportedly", "he says", "has not been independently verified",
  also when a later sentence says that what the clause names, e.g. "the video", is not verified);
- ``attributed``: inside the content of an attribution (the speaker is set);
- ``asserted``: otherwise.

A sentence that opens with a connective of simultaneity ("Meanwhile", "At the same time") and has
no date of its own takes the date of the previous event in its paragraph. The same event told twice
(a standfirst and the body, a caption printed twice) is merged into one event whose ``evidence``
lists every telling.
"""
from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from datetime import date

from .entities import TITLE_WORDS
from .types import Attribution, Entity, Event, Paragraph, Sentence, Timex

LOGGER = logging.getLogger(__name__)

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})
DATED_TYPES = frozenset({"DATE", "TIME"})
_RESOLVED = re.compile(r"^\d{4}")
SKIP_KINDS = frozenset({"boilerplate", "credit", "signoff"})
# Dependency labels that open a clause of their own inside a sentence (ClearNLP / spaCy English).
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "acl"})
# Connectives of simultaneity that carry the previous sentence's time (Penn Discourse Treebank's
# "Temporal.Synchronous" connectives that open a sentence).
SYNCHRONOUS = re.compile(r"^(?:Meanwhile|In the meantime|Meantime|At the same time|Simultaneously|"
                         r"On the same day|That same day|Also on that day)\b,?", re.I)
# Words on the path from the date to the clause's verb that put the event in the future or in a
# plan (modal and "going to" futures; verbs of planning and expectation from VerbNet's
# "want"/"wish"/"intend" classes as used in news).
FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo"})
PLAN_WORDS = frozenset({"expected", "expect", "expects", "plan", "plans", "planned", "planning", "scheduled",
                        "intend", "intends", "intended", "aims", "aim", "aimed", "slated", "likely", "hope", "hopes", "hoped", "prepare", "prepares",
                        "preparing", "propose", "proposes", "proposed", "forecast", "forecasts", "foresee",
                        "foresees", "anticipated", "anticipate", "anticipates", "upcoming", "to-be", "predict",
                        "predicts", "predicted", "forecasted"})
# Words that plan only before "to": "is set to", "are due to", "was going to" (not "set a record").
PLAN_BEFORE_TO = re.compile(r"\b(?:is|are|was|were|be|been|being|['’]s|['’]re)\s+(?:set|due|going|poised)\s+to\s+"
                            r"(?!(?:the|a|an|its|his|her|their|our|this|that)\b)\w", re.I)
# Hedges (after the cues of FactBank's and the MPQA corpus's "uncertain" source-introducing
# predicates and adverbs).
HEDGE_WORDS = frozenset({"alleged", "allegedly", "reportedly", "purportedly", "supposedly", "apparently",
                         "claimed", "unconfirmed", "unverified", "rumoured", "rumored", "purported"})
NOT_VERIFIED = re.compile(
    r"\b(?:(?:has|have|had|could|can|was|were|is|are)(?:n[o’']t|\s+not)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:independently\s+)?(?:verified|confirmed|authenticated)"
    r"|(?:could|can|was|were)(?:n[o’']t|\s+not)\s+(?:able\s+to\s+)?(?:independently\s+)?"
    r"(?:verify|confirm|authenticate)|unverified|unconfirmed|not\s+(?:been\s+)?independently\s+verified)\b",
    re.I)
HEDGE_ADVERBS = re.compile(r"\b(?:reportedly|allegedly|purportedly|supposedly|(?:is|was|were|are|been)\s+"
                           r"(?:\w+\s+)?(?:reported|said|believed|thought|rumou?red)\s+to\s+(?:have|be)\b)", re.I)
# Deictic dates that a quotation anchors to the moment of speaking, which the article does not give.
DEICTIC = re.compile(r"^(?:today|tonight|now|yesterday|tomorrow|this (?:morning|afternoon|evening|week)|"
                     r"last night|the next (?:morning|day)|earlier today)$", re.I)
_QUOTE_OPEN, _QUOTE_CLOSE = "“«", "”»"
# ", he says," distances the article from what it reports; a plain past ", his office said," only
# attributes it (the event is then "attributed" through the attribution's content).
PARENTHETICAL_SAYS = re.compile(
    r",\s*(?:he|she|they|it|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?:says|claims|claimed|alleges|alleged|"
    r"insists|contends)\s*,", re.I)
_COORDINATED = re.compile(r"^\s*(?:,|or|and|to|until|till|through|-|–|—|or\s+early|and\s+early)?\s*$", re.I)
# Subordinating conjunctions that open a temporal or causal adjunct (Penn Treebank IN/SCONJ list).
SUBORDINATORS = frozenset({"after", "before", "when", "as", "while", "because", "since", "following", "until",
                           "once", "amid"})
_LEADING = frozenset({"cc", "punct", "mark", "prep"})
MIN_CLAUSE_TOKENS = 5
SUMMARY_KINDS = frozenset({"headline", "standfirst", "caption", "subhead"})
STATUS_PRIORITY = ("unverified", "expected", "attributed", "asserted", "background")


# --------------------------------------------------------------------------- clause and actors
def _clause(doc, sent: Sentence, tstart: int, tend: int) -> tuple[int, int]:
    """Character span of the clause the date at [tstart, tend) belongs to, inside ``sent``."""
    span = doc.char_span(tstart, tend, alignment_mode="expand")
    s_span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
    if span is None or s_span is None or len(span) == 0:
        return sent.start, sent.end
    lo, hi = s_span.start, s_span.end
    tok = span.root
    while True:
        head = tok.head
        inside = lo <= head.i < hi and head.i != tok.i
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in CLAUSE_DEPS and inside:
            break
        if not inside:
            tok = None       # the date hangs on the sentence's main verb
            break
        tok = head
    if tok is None:
        return _main_clause(doc, lo, hi, span.start, span.end, sent)
    idx = [t.i for t in tok.subtree if lo <= t.i < hi]
    if len(idx) < MIN_CLAUSE_TOKENS:
        return sent.start, sent.end
    a, b = min(idx), max(idx) + 1
    while a < b - 1 and (doc[a].dep_ in _LEADING and doc[a].i < span.start):
        a += 1
    while b > a + 1 and doc[b - 1].is_punct:
        b -= 1
    if b + 1 < hi and doc[b].text == "," and doc[b + 1].lower_ in SUBORDINATORS:
        b = hi              # "…, after a missile hit …": the adjunct that follows belongs to the event
        while b > a + 1 and (doc[b - 1].is_punct or doc[b - 1].is_space):
            b -= 1
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


def _main_clause(doc, lo: int, hi: int, ts: int, te: int, sent: Sentence) -> tuple[int, int]:
    """The sentence, without a coordinated clause that follows the date ("…, and Y said …")."""
    roots = [t for t in doc[lo:hi] if not (lo <= t.head.i < hi) or t.head.i == t.i]
    end = hi
    for root in roots:
        for child in root.children:
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and child.i > te and lo <= child.i < hi:
                first = min(t.i for t in child.subtree)
                while first > lo and doc[first - 1].dep_ in ("cc", "punct"):
                    first -= 1
                if first - lo >= MIN_CLAUSE_TOKENS and first > te:
                    end = min(end, first)
    if end == hi:
        return sent.start, sent.end
    b = end
    while b > lo + 1 and doc[b - 1].is_punct:
        b -= 1
    return sent.start, doc[b - 1].idx + len(doc[b - 1].text)


def _actors(text: str, start: int, end: int, entities: Sequence[Entity], starts: list[int]) -> tuple[str, ...]:
    out: list[str] = []
    i = bisect.bisect_left(starts, start)
    if i > 0 and re.fullmatch(r"\W{0,3}", text[entities[i - 1].end:start]) and entities[i - 1].label in ACTOR_LABELS \
            and re.match(r"(?:where|which|who|whom|whose|that|when)\b", text[start:start + 6], re.I):
        out.append(entities[i - 1].canonical)     # the antecedent of a relative clause: "Zaporizhia, where …"
    while i < len(entities) and entities[i].start < end:
        e = entities[i]
        i += 1
        if e.end > end or e.label not in ACTOR_LABELS:
            continue
        if e.label == "NORP" and _modifies_name(text, e, entities, i):
            continue
        if e.canonical not in out:
            out.append(e.canonical)
    return tuple(out)


def _modifies_name(text: str, e: Entity, entities: Sequence[Entity], nxt: int) -> bool:
    """A nationality that only qualifies a person or title ("Russian Foreign Minister Sergei Lavrov")."""
    following = text[e.end:e.end + 40].split()
    if following and following[0].lower().strip(",") in TITLE_WORDS:
        return True
    words = [w for w in following[:3] if w[:1].isupper()]
    return bool(words) and nxt < len(entities) and entities[nxt].start - e.end <= 30 \
        and entities[nxt].label in ("PERSON", "ORG")


# --------------------------------------------------------------------------- status
def _path_words(doc, tstart: int, tend: int, cstart: int, cend: int) -> set[str]:
    """Lower-cased words on the dependency path from the date up to its clause, with their auxiliaries."""
    span = doc.char_span(tstart, tend, alignment_mode="expand")
    words: set[str] = set()
    if span is None or len(span) == 0:
        return words
    tok = span.root
    for _ in range(12):
        words.add(tok.lower_)
        for child in tok.children:
            if child.dep_ in ("aux", "auxpass", "neg", "advmod", "amod") or child.lower_ in FUTURE_AUX:
                words.add(child.lower_)
        if tok.head.i == tok.i or not (cstart <= tok.head.idx < cend):
            break
        tok = tok.head
    return words


def _hedged_near(doc, cstart: int, cend: int, tstart: int, tend: int) -> bool:
    """A hedge word on the date's path or attached to the clause's verb, its subject or object."""
    span = doc.char_span(cstart, cend, alignment_mode="expand")
    if span is None:
        return False
    words = _path_words(doc, tstart, tend, cstart, cend)
    if words & HEDGE_WORDS - {"claimed"}:
        return True
    root = span.root
    near = [root, *[c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "advmod")]]
    for tok in near:
        if tok.lower_ in HEDGE_WORDS and tok is not root:
            return True
        if any(c.lower_ in HEDGE_WORDS for c in tok.children):
            return True
    return False


def _unverified_nouns(doc, sentences: Sequence[Sentence]) -> list[tuple[int, str]]:
    """Nouns said not to be verified: "the video has not been independently verified" -> "video"."""
    out = []
    for s in sentences:
        m = NOT_VERIFIED.search(s.text)
        if not m:
            continue
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            if t.dep_ in ("nsubjpass", "nsubj", "dobj") and t.pos_ == "NOUN":
                out.append((s.start, t.lower_))
    return out


def _attribution_for(start: int, end: int, attributions: Sequence[Attribution]) -> Attribution | None:
    for a in attributions:
        if a.content_start is not None and a.content_end is not None and a.content_start <= start \
                and end <= a.content_end:
            return a
    return None


def in_quotation(text: str, para_start: int, pos: int) -> bool:
    """True when ``pos`` lies inside a quotation opened earlier in its paragraph."""
    seg = text[para_start:pos]
    curly = sum(seg.count(c) for c in _QUOTE_OPEN) - sum(seg.count(c) for c in _QUOTE_CLOSE)
    return curly > 0 or seg.count('"') % 2 == 1


def _year_in_name(doc, tx: Timex) -> bool:
    """A year that qualifies a name ("the 1965 Voting Rights Act", "the 2019 Cricket World Cup")."""
    if not re.fullmatch(r"\d{4}", tx.value) or not re.fullmatch(r"\d{4}", tx.text.strip()):
        return False
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    return tok.head.i > tok.i and (tok.head.pos_ == "PROPN" or doc[tok.i + 1].text[:1].isupper()) \
        if tok.i + 1 < len(doc) else False


def _quoting(start: int, end: int, attributions: Sequence[Attribution]) -> Attribution | None:
    """A quotation that makes up most of the clause ("“…,” Wang said at the time")."""
    for a in attributions:
        if a.kind in ("direct", "mixed") and a.content_start is not None and a.content_end is not None:
            overlap = min(end, a.content_end) - max(start, a.content_start)
            if overlap * 2 >= end - start:
                return a
    return None


def _cue_in(start: int, end: int, attributions: Sequence[Attribution]) -> Attribution | None:
    for a in attributions:
        if a.cue_start is not None and start <= a.cue_start and (a.cue_end or a.cue_start) <= end \
                and a.kind not in ("photo_credit", "wire_credit"):
            return a
    return None


def _status(doc, *, kind: str, text: str, cstart: int, cend: int, tx: Timex, attributions, unverified_nouns,
            published: date | None, sent_text: str, quoted: bool = False) -> tuple[str, str | None]:
    attr = _attribution_for(tx.start, tx.end, attributions) or _quoting(cstart, cend, attributions)
    speaker = (attr.speaker or attr.source) if attr else None
    if kind == "caption":
        return "background", speaker
    path = _path_words(doc, tx.start, tx.end, cstart, cend)
    clause = text[cstart:cend]
    if path & FUTURE_AUX or path & PLAN_WORDS or PLAN_BEFORE_TO.search(clause) \
            or (published and tx.date_start and tx.date_start > published):
        return "expected", speaker
    cue = _cue_in(cstart, cend, attributions)
    nouns = {n for s, n in unverified_nouns if s >= cstart - 2000}
    clause_words = set(re.findall(r"[a-z]+", clause.lower()))
    if (PARENTHETICAL_SAYS.search(clause) or NOT_VERIFIED.search(sent_text) or HEDGE_ADVERBS.search(clause)
            or _hedged_near(doc, cstart, cend, tx.start, tx.end) or nouns & clause_words):
        return "unverified", speaker or ((cue.speaker or cue.source) if cue else None)
    if attr:
        return "attributed", speaker
    if quoted:
        return "attributed", (cue.speaker or cue.source) if cue else None
    return "asserted", None


# --------------------------------------------------------------------------- merging
def _same_event(a: Event, b: Event, kind_a: str, kind_b: str, labels: dict[str, str]) -> bool:
    """Two tellings of one event: the same dates, and the same words (a caption printed twice) or,
    between a standfirst, headline or caption and another part, the same person or organisation and
    at least one more shared actor."""
    if (a.date_start, a.date_end) != (b.date_start, b.date_end) or a.date_start is None:
        return False
    wa, wb = _words(a.text), _words(b.text)
    if wa and wb and len(wa & wb) / len(wa | wb) >= 0.8:
        return True
    if kind_a == kind_b or not ({kind_a, kind_b} & SUMMARY_KINDS):
        return False
    shared = {x for x in set(a.actors) & set(b.actors) if labels.get(x) != "NORP"}
    return len(shared) >= 2 and any(labels.get(x) in ("PERSON", "ORG") for x in shared)


def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.lower()))


def merge_events(events: Sequence[Event], kinds: Sequence[str], *, labels: dict[str, str]) -> list[Event]:
    """Merge the tellings of one event within an article (standfirst and body, repeated captions)."""
    groups: list[list[int]] = []
    for i, ev in enumerate(events):
        for g in groups:
            if any(_same_event(events[j], ev, kinds[j], kinds[i], labels) for j in g):
                g.append(i)
                break
        else:
            groups.append([i])
    out = []
    for g in groups:
        members = [events[j] for j in g]
        main = _main_member(members, [kinds[j] for j in g])
        status = next(s for s in STATUS_PRIORITY if any(m.status == s for m in members)
                      and not (s == "background" and len({m.status for m in members}) > 1))
        speaker = next((m.speaker for m in members if m.speaker), None)
        actors: list[str] = []
        for m in [main, *members]:
            actors += [x for x in m.actors if x not in actors]
        evidence = tuple(sorted({span for m in members for span in m.evidence}))
        out.append(Event(main.date, main.date_start, main.date_end, main.text, main.start, main.end,
                         tuple(actors), status, speaker, main.timex_start, main.timex_end, evidence))
    return sorted(out, key=lambda e: e.start)


def _main_member(members: list[Event], kinds: list[str]) -> Event:
    """The telling shown as the event's text: the body's over a standfirst's over a caption's."""
    rank = {"body": 0, "standfirst": 1, "subhead": 2, "headline": 3, "caption": 4}
    return min(zip(members, kinds, strict=True), key=lambda mk: (rank.get(mk[1], 5), mk[0].start))[0]


# --------------------------------------------------------------------------- the stage
def find_events(doc, *, paragraphs: Sequence[Paragraph], sentences: Sequence[Sentence], timexes: Sequence[Timex],
                entities: Sequence[Entity], attributions: Sequence[Attribution],
                published: date | None = None) -> list[Event]:
    """Dated events of one article, in text order. ``published`` (the reference date) marks dates
    after it as expected."""
    text = doc.text
    ents = sorted(entities, key=lambda e: e.start)
    ent_starts = [e.start for e in ents]
    sent_starts = [s.start for s in sentences]
    unverified_nouns = _unverified_nouns(doc, sentences)
    raw: list[Event] = []
    kinds: list[str] = []
    dated_sents: dict[int, int] = {}      # sentence index -> index in raw of its first event
    by_clause: dict[tuple[int, int], int] = {}
    for tx in sorted(timexes, key=lambda t: t.start):
        if tx.type not in DATED_TYPES or not _RESOLVED.match(tx.value or ""):
            continue
        si = bisect.bisect_right(sent_starts, tx.start) - 1
        if si < 0 or tx.end > sentences[si].end:
            continue
        sent = sentences[si]
        kind = paragraphs[sent.paragraph].kind if paragraphs else "body"
        if kind in SKIP_KINDS:
            continue
        quoted = in_quotation(text, paragraphs[sent.paragraph].start if paragraphs else sent.start, tx.start)
        if (quoted and DEICTIC.match(tx.text.strip())) or _year_in_name(doc, tx):
            continue       # "today" said in a quotation: the day it was said is unknown
        cstart, cend = _clause(doc, sent, tx.start, tx.end)
        if (cstart, cend) in by_clause:
            i = by_clause[(cstart, cend)]
            if _COORDINATED.match(text[raw[i].timex_end:tx.start]):
                raw[i] = _widen(raw[i], tx)
            continue
        status, speaker = _status(doc, kind=kind, text=text, cstart=cstart, cend=cend, tx=tx,
                                  attributions=attributions, unverified_nouns=unverified_nouns,
                                  published=published, sent_text=sent.text, quoted=quoted)
        by_clause[(cstart, cend)] = len(raw)
        dated_sents.setdefault(si, len(raw))
        raw.append(Event(tx.value, tx.date_start, tx.date_end, text[cstart:cend], cstart, cend,
                         _actors(text, cstart, cend, ents, ent_starts), status, speaker, tx.start, tx.end,
                         ((cstart, cend),)))
        kinds.append(kind)
    _inherit_synchronous(doc, text, raw, kinds, dated_sents, sentences, paragraphs, ents, ent_starts,
                         attributions, unverified_nouns, published)
    order = sorted(range(len(raw)), key=lambda i: raw[i].start)
    labels = {e.canonical: e.label for e in ents}
    return merge_events([raw[i] for i in order], [kinds[i] for i in order], labels=labels)


def _widen(ev: Event, tx: Timex) -> Event:
    """A second, coordinated date in the same clause ("before spring or summer") widens the span."""
    starts = [d for d in (ev.date_start, tx.date_start) if d]
    ends = [d for d in (ev.date_end, tx.date_end) if d]
    return Event(ev.date, min(starts) if starts else None, max(ends) if ends else None, ev.text, ev.start,
                 ev.end, ev.actors, ev.status, ev.speaker, ev.timex_start, max(ev.timex_end, tx.end), ev.evidence)


def _inherit_synchronous(doc, text, raw, kinds, dated, sentences, paragraphs, ents, ent_starts, attributions,
                         unverified_nouns, published) -> None:
    """"Meanwhile, …" with no date of its own: the date of the previous event in the paragraph."""
    for si, sent in enumerate(sentences):
        if si in dated or si == 0 or not SYNCHRONOUS.match(sent.text):
            continue
        prev = next((raw[dated[j]] for j in range(si - 1, -1, -1)
                     if j in dated and sentences[j].paragraph == sent.paragraph), None)
        if prev is None:
            continue
        kind = paragraphs[sent.paragraph].kind if paragraphs else "body"
        if kind in SKIP_KINDS:
            continue
        # the sentence itself stands where the date would be: its main verb decides tense and source
        here = Timex(sent.start, sent.end, sent.text, "DATE", prev.date, prev.date_start, prev.date_end)
        status, speaker = _status(doc, kind=kind, text=text, cstart=sent.start, cend=sent.end, tx=here,
                                  attributions=attributions, unverified_nouns=unverified_nouns,
                                  published=published, sent_text=sent.text)
        raw.append(Event(prev.date, prev.date_start, prev.date_end, sent.text, sent.start, sent.end,
                         _actors(text, sent.start, sent.end, ents, ent_starts), status, speaker,
                         prev.timex_start, prev.timex_end, ((sent.start, sent.end),)))
        kinds.append(kind)
