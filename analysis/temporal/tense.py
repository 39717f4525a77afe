"""Tense of the clause a temporal expression (or an event) belongs to.

News resolves an underspecified date ("Thursday", "in March") by the tense of its clause: "met on
Thursday" is the past Thursday, "will meet on Monday" the coming one. Two readers:

* :func:`tense_reading`, :func:`token_tense` and :func:`span_tense` read the spaCy parse: the verb
  the token depends on, its auxiliaries and modals, and the periphrastic futures of news copy ("is
  to", "is set to", "is expected to", "is scheduled for"). They are public: the events stage uses
  them to date an event told without a date.
* :class:`Tense` answers for a character span of the text. With a parse it asks
  :func:`span_tense`; without one (or when the parse finds no verb, as in a headline fragment) the
  marker word nearest to the expression in its sentence decides.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from .lexicon import MONTHS, WEEKDAYS

# Auxiliaries, by the time they give the clause (Penn Treebank MD and the forms of "be", "have", "do").
FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll", "wo", "ll", "gonna"})
CONDITIONAL_AUX = frozenset({"would", "'d", "’d"})
MODAL_AUX = frozenset({"may", "might", "should", "must", "ought", "need"})
# "can" is present; "could" is ahead ("could attack as early as Monday") unless negated, when news
# uses it for the past ("could not be reached on Monday").
PRESENT_MODALS = frozenset({"can", "ca"})
HAVE_FORMS = frozenset({"have", "has", "had", "'ve", "’ve", "having"})
BE_PRESENT = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re", "'m", "’m"})
# Heads whose infinitive complement lies ahead of them ("set to", "plans to", "is to", "is expected
# to", "agreed to"): the intention and scheduling verbs of news copy (TimeML's I_ACTION class, and
# the modal adjectives "likely", "due", "poised").
FUTURE_HEADS = frozenset(
    "set due scheduled slated poised expected expect expects going gonna about likely unlikely ready "
    "plan plans planned planning intend intends intended intending aim aims aimed aiming hope hopes hoped hoping "
    "want wants wanted wanting agree agrees agreed promise promises promised vow vows vowed pledge pledges "
    "pledged threaten threatens threatened prepare prepares prepared preparing seek seeks sought decide "
    "decides decided anticipated anticipate anticipates forecast forecasts predicted projected".split())
# Nouns whose infinitive complement lies ahead of them ("an agreement to buy the bank in January",
# "plans to open a plant in March"): the intention nouns of news copy.
FUTURE_NOUNS = frozenset(
    "agreement agreements plan plans deal offer bid proposal decision intention pledge promise commitment "
    "option contract accord move effort attempt vote".split())
# Verbs of announcing and scheduling: a date after their object usually dates the thing announced
# ("announced the closure of the plant in the fourth quarter", "has scheduled a news conference
# Thursday"), which may lie ahead.
ANNOUNCING_VERBS = frozenset(
    "announced unveiled disclosed revealed confirmed proposed outlined detailed reported approved scheduled "
    "planned called".split())
# Of those, the verbs of telling what was decided or found ("announced his resignation Wednesday night",
# "confirmed the nomination on Friday"): a bare weekday after their object is the day of the telling, which
# news reports after it (a weekday ahead is said with "for", "effective" or a future).
TELLING_VERBS = frozenset("announced unveiled disclosed revealed confirmed reported approved detailed outlined".split())
# Verbs that put their time complement ahead ("scheduled for Tuesday", "postponed until March").
SCHEDULE_VERBS = frozenset(
    "scheduled slated set planned due expected pencilled penciled timetabled earmarked postponed delayed "
    "deferred rescheduled moved pushed adjourned".split())
# Verbs that move a deadline or a date forward ("postponed until Tuesday", "extended the offer
# through January", "gave them until noon Friday"): the date after "until"/"through" lies ahead of
# the act, which news reports just after it happened.
DEADLINE_VERBS = frozenset(
    "extend extends extended postpone postpones postponed delay delays delayed defer defers deferred adjourn "
    "adjourns adjourned recess recessed reschedule rescheduled push pushed give gives gave given grant grants "
    "granted allow allows allowed suspend suspends suspended".split())
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp", "csubj", "parataxis", "pcomp", "acl"})
_INHERITING_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "acl", "dep"})



def _spans_text(doc, text: str) -> bool:
    """Whether ``doc``'s offsets are ``text``'s: its first and last tokens read the same at the same
    places and it ends where the text does (cheaper than comparing ``doc.text``, which spaCy joins
    from every token on each read)."""
    if not len(doc):
        return not text
    last = doc[-1]
    end = last.idx + len(last.text_with_ws)
    return end == len(text) and text[last.idx:end] == last.text_with_ws and text[:len(doc[0].text)] == doc[0].text

class TenseReading(NamedTuple):
    """What the parse says about the verb a token depends on.

    ``tense`` is "past", "present", "future" or None (no verb found, or a bare infinitive that
    inherits nothing). ``aspect`` is "perfect", "progressive", "perfect progressive" or None.
    ``modal`` is the modal or periphrastic-future word ("will", "would", "may", "set", "expected"…)
    or None. ``verb`` is the spaCy token of the verb (None when there is none).
    """
    tense: str | None
    aspect: str | None
    modal: str | None
    verb: object | None


NO_READING = TenseReading(None, None, None, None)


def governing_verb(token):
    """The verb (or a copula heading a clause) that ``token`` depends on, climbing the parse;
    ``token`` itself when it is one. None for a verbless fragment ("Storm hits: March 2")."""
    for _ in range(16):
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ in _CLAUSE_DEPS):
            return token
        if token.head is token:
            return None
        token = syntactic_head(token)
    return None


def syntactic_head(token):
    """The head a date's path climbs to: the parse's, except for a phrase between a reporting verb
    and its clause (:func:`teller_of_phrase`), which belongs to the saying."""
    return (token.dep_ == "prep" and teller_of_phrase(token)) or token.head


def teller_of_phrase(prep):
    """The verb a phrase between it and its clause belongs to: in "said on Friday he will resign"
    the parse may hang "on Friday" on "resign", but a phrase before the clause's subject, with no
    "that" before it, is the saying's."""
    clause = prep.head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.pos_ != "VERB" or not verb.i < prep.i < clause.i:
        return None
    if any(c.dep_ == "mark" and c.i < prep.i for c in clause.children):
        return None
    return verb if any(c.dep_ in ("nsubj", "nsubjpass") and prep.i < c.i < clause.i for c in clause.children) else None


def _preposition(token, verb) -> str | None:
    """The preposition on the path from ``token`` up to ``verb`` ("for" in "scheduled for Tuesday")."""
    for _ in range(6):
        if token is verb or token.head is token:
            return None
        if token.dep_ == "prep":
            return token.lower_
        token = token.head
    return None


def _aspect(verb, auxes) -> str | None:
    words = {a.lower_ for a in auxes}
    perfect = bool(words & HAVE_FORMS) and verb.tag_ in ("VBN", "VBG")
    progressive = verb.tag_ == "VBG" and bool(words & (BE_PRESENT | {"was", "were", "be", "been"}))
    if perfect and progressive:
        return "perfect progressive"
    return "perfect" if perfect else "progressive" if progressive else None


def _negated(verb) -> bool:
    """"could not be reached", "neither he nor she could be reached": the clause is negated."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and any(p.dep_ == "preconj" and p.lower_ == "neither" for p in c.children)
               for c in verb.children)


def _past_perfect(head) -> bool:
    """``head`` of an infinitive ("due", "scheduled", "set") is in the past perfect: "had been due to",
    "had been scheduled to", "had planned to"; climbs from a predicate adjective to its copula."""
    for word in (head, head.head if head.dep_ == "acomp" else None):
        if word is not None and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in word.children):
            return True
    return False


def _read(verb, token, depth: int) -> TenseReading:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    aspect = _aspect(verb, auxes)
    for a in auxes:
        w = a.lower_
        if w in FUTURE_AUX:
            return TenseReading("future", aspect, w, verb)
        if w in CONDITIONAL_AUX or w in MODAL_AUX:    # "may meet on Friday"; "may have met" is past
            return TenseReading("past" if aspect and "perfect" in aspect else "future", aspect, w, verb)
        if w in PRESENT_MODALS:
            return TenseReading("present", aspect, w, verb)
        if w == "could":
            return TenseReading("past" if _negated(verb) or (aspect and "perfect" in aspect) else "future",
                                aspect, w, verb)
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i and (head.lower_ in FUTURE_HEADS or head.lower_ in BE_PRESENT):
        if _past_perfect(head):                 # "had been due to expire Friday": a plan overtaken
            return TenseReading("past", "perfect", head.lower_, verb)
        return TenseReading("future", aspect, head.lower_, verb)       # "is set to travel", "is to meet"
    if verb.dep_ == "acl" and head.lower_ in FUTURE_NOUNS and any(a.tag_ == "TO" for a in auxes):
        return TenseReading("future", aspect, head.lower_, verb)       # "an agreement to acquire it in January"
    passive = verb.tag_ in ("VBN", "JJ") and any(a.dep_ == "auxpass" for a in auxes) or verb.tag_ == "JJ"
    if verb.lower_ in SCHEDULE_VERBS and passive and not aspect and (
            verb.lower_ in FUTURE_HEADS or _preposition(token, verb) in ("for", "until", "till", "to")):
        return TenseReading("future", aspect, verb.lower_, verb)       # "is scheduled for Tuesday"
    finite = [a for a in auxes if a.tag_ in ("VBD", "VBZ", "VBP")] + ([verb] if verb.tag_ in ("VBD", "VBZ", "VBP") else [])
    if finite:
        tag = finite[0].tag_
        if tag == "VBD" or (aspect and "perfect" in aspect):      # "met", "was held", "has met"
            return TenseReading("past", aspect, None, verb)
        return TenseReading("present", aspect, None, verb)
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "advcl", "amod", "ROOT"):
        return TenseReading("past", None, None, verb)             # "a deal signed on Monday"
    if verb.dep_ in _INHERITING_DEPS and head.i != verb.i and depth < 4:
        above = governing_verb(head)
        if above is not None:
            inherited = _read(above, token, depth + 1)
            return TenseReading(inherited.tense, aspect or inherited.aspect, inherited.modal, verb)
    return TenseReading(None, aspect, None, verb)


def tense_reading(token) -> TenseReading:
    """Tense, aspect and modality of the verb ``token`` (a spaCy ``Token``) depends on.

    The verb is ``token`` itself when it is a verb, else the first verb above it in the parse.
    Future: "will"/"shall", modals ("may meet", "could come"), "is to", "is set/expected/due to",
    "plans to", "is scheduled for". Past: a past finite verb or auxiliary ("met", "was held"), the
    present perfect ("has met"), modal perfects ("could have met") and reduced past participles
    ("a deal signed on Monday"). Present: a present finite verb ("meets", "is meeting").
    Infinitives and conjuncts without their own auxiliary take the reading of the verb above them.
    """
    verb = governing_verb(token)
    if verb is None:
        return NO_READING
    return _read(verb, token, 0)


def token_tense(token) -> str | None:
    """"past", "present", "future" or None for the verb ``token`` depends on (see :func:`tense_reading`).

    >>> import spacy  # doctest: +SKIP
    >>> doc = nlp("The ministers will meet on Monday.")  # doctest: +SKIP
    >>> token_tense(doc[5])  # doctest: +SKIP
    'future'
    """
    return tense_reading(token).tense


def span_reading(doc, start: int, end: int) -> TenseReading:
    """:func:`tense_reading` of the syntactic root of the character span ``start:end`` of ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return NO_READING
    return tense_reading(span.root)


def span_tense(doc, start: int, end: int) -> str | None:
    """"past", "present", "future" or None for the verb that the character span ``start:end`` of
    ``doc`` (a temporal expression, an event's clause or trigger) depends on. Offsets index
    ``doc.text``."""
    return span_reading(doc, start, end).tense


# Future: modal and periphrastic futures, plans and schedules (as news reports them).
FUTURE_MARKERS = (
    r"(?:would|will|to|could|may|might|should|must|shall)(?: not)? be \w+|will|"
    r"(?:has|have|had) been (?:scheduled|set|planned|slated|pushed back|postponed|delayed|moved)|shall|won't|wo n't|'ll|’ll|going to|gonna|would|is to|are to|due to|slated to|poised to|set to|"
    r"expected to|scheduled(?: to| for)?|planned for|plans? to|planning to|intends? to|intended to|aims? to|"
    r"hopes? to|wants? to|agreed to|agree to|promised to|vowed to|pledged to|threatened to|likely to|"
    r"until|till|next|upcoming|coming|forthcoming|from now|later this|tomorrow|to be held|will be|"
    r"is due|are due|to meet|to visit|to hold|to begin|to start|to take place|to travel|to vote|to sign"
)
# Past: auxiliaries, "ago"/"last", regular -ed forms and the irregular past forms common in news.
PAST_MARKERS = (
    r"did|was|were|had|since|has been|have been|ago|last|yesterday|earlier|previously|said|told|met|made|took|gave|"
    r"went|came|saw|found|held|left|began|won|lost|fell|rose|sold|bought|brought|sent|spent|paid|ran|became|"
    r"broke|chose|drove|flew|got|grew|kept|knew|led|fled|meant|shot|spoke|stood|struck|swore|taught|thought|"
    r"threw|wrote|sought|fought|caught|felt|heard|built|hit|quit|beat|bore|forgot|hung|overtook|undertook|"
    r"withdrew|arose|awoke|slid|stole|stuck|swept|swung|tore|woke|won|wound|\w{2,}ed"
)
_MARKER = re.compile(rf"(?i)\b(?:(?P<future>{FUTURE_MARKERS})|(?P<past>{PAST_MARKERS}))\b")
_NOT_PAST = frozenset({"need", "speed", "seed", "feed", "bed", "red", "shed", "hundred", "united", "indeed",
                       "proceed", "exceed", "succeed", "breed", "bleed", "greed", "weed", "deed", "embed",
                       "based", "naked", "wicked", "sacred", "kindred", "armed", "related", "detailed",
                       "limited", "advanced", "alleged", "supposed", "so-called", "concerned"})
# Plain presents that tell a state or a report, not a scheduled action.
NOT_SCHEDULED_PRESENT = frozenset("""
says say tells tell claims claim reports report writes write notes note argues argue adds add insists insist
believes believe thinks think knows know wants want needs need seems seem appears appear remains remain
stays stay lives live belongs belong means mean contains contain includes include costs owns own
lacks lack faces face fears fear hopes hope expects expect feels feel looks look sounds sound
accounts account represents represent totals total ranks rank
""".split())
# Verbs whose simple past is their present form: "stocks hurt the index on Friday" may be either.
SAME_PAST = frozenset("""
hurt cut put set hit cost let shut spread quit cast beat bet burst read split shed thrust upset bid broadcast
forecast offset outbid undercut
""".split())
_AS_OF_BEFORE = re.compile(r"(?i)\bas[ \t]+of[ \t]+$")
_TOLD_WEEKDAY = re.compile(r"(?i)^(?:(?:shortly\s+)?(?:before|after)\s+)?(?:(?:early|late|midnight|noon)\s+)?"
                           r"(?:on\s+)?(?:" + "|".join(w for w in WEEKDAYS if w.endswith("day")) + ")"
                           r"(?:\s+(?:morning|afternoon|evening|night))?$")
_DAY_OR_MONTH = re.compile(r"(?i)\b(?:" + "|".join(sorted((*WEEKDAYS, *MONTHS), key=len, reverse=True)) + r")\b")
# Direction of an underspecified date from the reading of its verb: the present progressive of news
# is a scheduled future ("is meeting on Monday"); so is the plain present of an action
# (:func:`scheduled_present`); another present gives no direction.
_DIRECTION = {("present", "progressive"): "future"}
# ... unless the preposition says which way the date lies from now.
_PREPOSITION_DIRECTION = {"since": "past", "until": "future", "till": "future", "by": "future"}
_PREPOSITION_BEFORE = re.compile(r"(?i)\b(since|until|till|by)[ \t]+$")
_DEADLINE_BEFORE = re.compile(r"(?i)\b(?:until|till|through|to)[ \t]+$")
# "the year ended Jan. 31", "the quarter that ended on June 30": a period already over lies in the past
_ENDED_BEFORE = re.compile(r"(?i)\bended[ \t]+(?:on[ \t]+|in[ \t]+)?$")
_SENTENCE_END = re.compile(r"[.!?]['\"’”)]*\s+(?=[A-Z\"“‘'])|\n")


def scheduled_present(verb) -> bool:
    """``verb`` is the plain present of an action, which news uses for what is scheduled ("the
    trial begins Monday", "polls open on Sunday", "the law takes effect in January"); not a state
    ("remains", "lives"), a report ("says") or a verb whose past has the same form ("hurt", "cut")."""
    return verb is not None and verb.pos_ == "VERB" and verb.tag_ in ("VBZ", "VBP") \
        and verb.lower_ not in NOT_SCHEDULED_PRESENT and verb.lower_ not in SAME_PAST


def _dates_the_object(verb, start: int) -> bool:
    """``verb`` announces something named before the date at ``start`` ("announced the closure …
    in the fourth quarter"): the date may belong to the thing announced, past or ahead."""
    for _ in range(4):      # the verb, or the announcing verb whose tense it takes ("…, resulting in …")
        if verb.lower_ in ANNOUNCING_VERBS and any(
                c.dep_ in ("dobj", "xcomp", "ccomp") and c.i > verb.i and c.idx < start for c in verb.children):
            return True
        if verb.dep_ not in _INHERITING_DEPS or verb.head is verb:
            return False
        verb = verb.head
    return False


def _modifies_a_noun(doc, start: int, end: int) -> bool:
    """The expression is a modifier inside a noun phrase ("a June agreement", "November
    transactions"): it names the thing, whose time the verb of the clause does not give."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.dep_ in ("compound", "nmod") and root.head.pos_ == "NOUN" and root.head.i > root.i


def _scheduled_for(verb, start: int) -> bool:
    """A reduced participle of scheduling dates a plan, not a past act: "a summit set for April",
    "the vote, scheduled for Tuesday, …" (the nearest such date, either way)."""
    if verb.lower_ not in SCHEDULE_VERBS or verb.tag_ != "VBN" or verb.dep_ not in ("acl", "amod", "advcl"):
        return False
    return start > verb.idx and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ in ("for", "until", "till") for c in verb.children)


def _moves_a_deadline(verb, text: str, start: int) -> bool:
    """``verb`` postpones or extends something to the date at ``start`` ("postponed until Tuesday")."""
    return verb.lower_ in DEADLINE_VERBS and bool(_DEADLINE_BEFORE.search(text, max(0, start - 10), start))


class Tense:
    """Looks up the tense of the clause around a position of ``text``.

    ``sentences`` are (start, end) pairs; without them sentences are cut at full stops and newlines.
    ``doc`` is the spaCy parse of ``text`` (offsets index the same string); without it, or where it
    finds no verb, marker words decide.
    """

    __slots__ = ("_doc", "_ends", "_starts", "_text")

    def __init__(self, text: str, sentences: Sequence[tuple[int, int]] | None = None, *, doc=None):
        self._text = text
        self._doc = doc if doc is not None and _spans_text(doc, text) else None
        if not sentences:
            cuts = [m.end() for m in _SENTENCE_END.finditer(text)]
            starts = [0] + cuts
            sentences = list(zip(starts, cuts + [len(text)], strict=True))
        self._starts = [s for s, _ in sentences]
        self._ends = [e for _, e in sentences]

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return 0, len(self._text)
        return self._starts[i], max(self._ends[i], pos)

    def at(self, start: int, end: int) -> str | None:
        """"past", "future", "near" or None for the expression at ``start:end``: the direction in
        which an underspecified date lies from the reference date ("near": the nearest occurrence,
        either way; None: undecided)."""
        if self.ended_before(start):
            return "past"
        if self._doc is not None:
            if _modifies_a_noun(self._doc, start, end) and not re.search(r"\d", self._text[start:end]):
                return "near"       # "a June agreement"; not "the Oct. 23 shooting", dated by its clause
            reading = span_reading(self._doc, start, end)
            if reading.tense == "present":      # "remain closed until Friday", "has no power since May"
                m = _PREPOSITION_BEFORE.search(self._text, max(0, start - 12), start)
                if m:
                    return _PREPOSITION_DIRECTION[m.group(1).lower()]
                if self._scheduled(start, end, reading):
                    return "future"
                return _DIRECTION.get(("present", reading.aspect))
            if reading.tense == "past" and _moves_a_deadline(reading.verb, self._text, start):
                return "future"
            if reading.tense == "past" and reading.modal is None and (
                    _dates_the_object(reading.verb, start) or _scheduled_for(reading.verb, start)) \
                    and not self._day_of_telling(start, end, reading.verb):
                return "near"
            if reading.tense is not None:
                return reading.tense
        return self.by_markers(start, end)

    def _scheduled(self, start: int, end: int, reading: TenseReading) -> bool:
        """A day or month named in a main clause in the plain present of an action, with no past
        marker in its sentence and not "as of": a date on the schedule ("the trial begins Monday")."""
        return reading.aspect is None and reading.modal is None and scheduled_present(reading.verb) \
            and reading.verb.dep_ != "relcl" and _DAY_OR_MONTH.search(self._text, start, end) is not None \
            and not _AS_OF_BEFORE.search(self._text, max(0, start - 12), start) \
            and self.by_markers(start, end) != "past"

    def _day_of_telling(self, start: int, end: int, verb) -> bool:
        """A bare weekday ("Wednesday night", "midnight Wednesday") after the object of a past verb
        of telling (:data:`TELLING_VERBS`): the day it was told, in the past, not the nearest one."""
        return verb.lower_ in TELLING_VERBS and _TOLD_WEEKDAY.match(self._text[start:end].strip()) is not None

    def ended_before(self, start: int) -> bool:
        """"(the year) ended Jan. 31": the date at ``start`` closes a period that is over."""
        return bool(_ENDED_BEFORE.search(self._text, max(0, start - 12), start))

    def verb_tense(self, start: int, end: int) -> str | None:
        """The tense the parse gives the verb of ``start:end`` (None without a parse)."""
        return span_tense(self._doc, start, end) if self._doc is not None else None

    def by_markers(self, start: int, end: int) -> str | None:
        """"past", "future" or None from the marker word nearest to ``start:end`` in its sentence."""
        s, e = self.sentence(start)
        best, best_d = None, 10 ** 9
        for m in _MARKER.finditer(self._text, s, e):
            if start <= m.start() < end:
                continue
            word = m.group().lower()
            kind = "future" if m.group("future") else "past"
            if kind == "past" and word in _NOT_PAST:
                continue
            d = start - m.end() if m.end() <= start else (m.start() - end) * 1.5   # words before weigh more
            if d < best_d:
                best, best_d = kind, d
        return best
