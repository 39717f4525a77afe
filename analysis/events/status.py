"""How the article stands behind an event: its status and, when it is attributed, its speaker.

- ``background``: the date of a photo (the clause is in a caption), or history told for context:
  dated before the article's news window, told in the pluperfect, or a birth or founding;
- ``expected``: future or planned ("will", "is expected to", "plans to"), or dated after the
  article's reference date;
- ``unverified``: hedged ("alleged", "reportedly", "he says", "has not been independently verified",
  also when a later sentence says that what the clause names, e.g. "the video", is not verified);
- ``attributed``: inside the content of an attribution (the speaker is set);
- ``asserted``: otherwise.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..attribution.subjects import to_infinitive
from ..temporal.tense import syntactic_head
from ..types import Attribution, Sentence, Timex
from .clauses import base_forms, clausal_aside, first_conjunct, trigger_of_date
from .lexicon import (
    BE_TO_PRESENT,
    FUTURE_AUX,
    HEDGE_ADVERBS,
    HEDGE_WORDS,
    IMPERSONAL_REPORTING,
    LATER_IN_PERIOD,
    NEWS_WINDOW_DAYS,
    NOMINAL_POS,
    NOT_VERIFIED,
    OCCURRENCE_VERBS,
    OTHER_CLAUSE_DEPS,
    PARENTHETICAL_SAYS,
    PLAN_BEFORE_TO,
    PLAN_WORDS,
    PREPOSITIONAL_PARTICIPLES,
    REPORT_NOUNS,
    TAKE_FORMS,
)

_QUOTE_OPEN, _QUOTE_CLOSE = "“«", "”»"


def _path_words(doc, tstart: int, tend: int, cstart: int, cend: int) -> set[str]:
    """Lower-cased words on the dependency path from the date up to its clause, with their
    auxiliaries. A verb of planning in the active past ("the government proposed an amendment",
    "Pelosi has proposed legislation") tells an act that happened: it is left out."""
    span = doc.char_span(tstart, tend, alignment_mode="expand")
    words: set[str] = set()
    if span is None or len(span) == 0:
        return words
    tok = span.root
    for _ in range(12):
        if not (tok.lower_ in PLAN_WORDS and _active_past(tok)):
            words.add(tok.lower_)
        for child in tok.children:
            if child.dep_ in ("aux", "auxpass", "neg", "advmod", "amod") or child.lower_ in FUTURE_AUX:
                words.add(child.lower_)
        up = syntactic_head(tok)        # "said on Friday he will …": the saying's
        if up.i == tok.i or not (cstart <= up.idx < cend):
            break
        tok = up
    return words


def _active_past(tok) -> bool:
    """A verb in the simple past or the perfect, active ("proposed", "has proposed")."""
    if tok.tag_ == "VBD":
        return True
    deps = {c.dep_: c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    return tok.tag_ == "VBN" and "auxpass" not in deps and deps.get("aux") in ("has", "have", "had", "'s", "’s")


def _hedged_near(doc, cstart: int, cend: int, path: set[str]) -> bool:
    """A hedge word on the date's path (``path``: :func:`_path_words`) or attached to the clause's
    verb, its subject or object."""
    span = doc.char_span(cstart, cend, alignment_mode="expand")
    if span is None:
        return False
    if path & HEDGE_WORDS - {"claimed"}:
        return True
    root = span.root
    near = [root, *[c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "advmod")]]
    for tok in near:
        if tok.lower_ in HEDGE_WORDS and tok is not root:
            return True
        if any(c.lower_ in HEDGE_WORDS and _hedges_event(root, tok, c) for c in tok.children):
            return True
    return False


def _hedged_conjunct(doc, word: tuple[int, int]) -> bool:
    """The event word at ``word`` is a verb coordinated with a hedged one, whose hedge it shares
    ("the attacker is reported to have jumped on stage and claimed …", "reportedly fled and hid"):
    the hedge of the first verb of the coordination, before it or on it, carries to every verb that
    shares its subject; to a verb with a subject of its own only a hedge before the first subject
    ("Reportedly, two were killed and eight injured"; not "Khan reportedly attacked, and one died")."""
    span = doc.char_span(*word, alignment_mode="expand")
    if span is None or len(span) == 0 or span.root.dep_ != "conj" or span.root.pos_ not in ("VERB", "AUX"):
        return False
    first = first_conjunct(span.root)
    top = first
    while top.dep_ == "xcomp" and top.head.i < top.i:
        top = top.head          # "is reported" of "is reported to have jumped"
    last = next((c for c in first.children if c.dep_ == "xcomp" and c.i < span.root.i), first)   # "reported … jumped"
    end = last.idx + len(last.text)
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in span.root.children):
        subj = next((c for c in top.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        end = subj.left_edge.idx if subj is not None else top.left_edge.idx
    start = top.left_edge.idx
    if end <= start:
        return False
    before = _without_relatives(doc, doc.text[start:end], start, end, (first.idx, first.idx + len(first.text)))
    return bool(HEDGE_ADVERBS.search(before))


def _hedges_event(root, tok, hedge) -> bool:
    """A hedge word on ``tok`` (the clause's verb ``root`` or one of its arguments) qualifies the
    event: on the verb, or on the subject of a verb of occurrence, which names the event itself
    ("the alleged attack took place"); on any other argument, before it or after it, it qualifies
    what the noun says of its referent ("several alleged accomplices were tried": the trial is told
    as fact; "the alleged victim was taken to hospital"; "more than 100 members, reportedly, of the
    tribe turned out")."""
    if tok is root:
        return True
    return tok.dep_ in ("nsubj", "nsubjpass") and _occurrence(root)


def _occurrence(verb) -> bool:
    """``verb`` is a verb of occurrence (:data:`OCCURRENCE_VERBS`), "take" only in "take place"."""
    if verb.lower_ in TAKE_FORMS:
        return any(c.lower_ == "place" for c in verb.children)
    return any(b in OCCURRENCE_VERBS for b in base_forms(verb.lower_))


def unverified_nouns(doc, sentences: Sequence[Sentence]) -> list[tuple[int, str]]:
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


def _attribution_for(doc, text: str, start: int, end: int, attributions: Sequence[Attribution]) -> Attribution | None:
    """The attribution whose content holds ``start:end``; not one whose content holds it only in an
    aside of the article's own between dashes or brackets ("According to the BBC, it is commonplace
    for new governments — Johnson became prime minister in July — to suspend parliament")."""
    for a in attributions:
        if a.content_start is not None and a.content_end is not None and a.content_start <= start \
                and end <= a.content_end and not _in_aside(doc, text, start, a):
            return a
    return None


def _in_aside(doc, text: str, pos: int, a: Attribution) -> bool:
    """``pos`` lies in an aside (:func:`.clauses.clausal_aside`) inside ``a``'s content that does not hold its cue."""
    aside = clausal_aside(doc, text, pos, a.content_start, a.content_end)
    return aside is not None and not (a.cue_start is not None and aside[0] <= a.cue_start < aside[1])


def _attribution_of_event(doc, text: str, anchor: tuple[int, int], cstart: int, cend: int,
                          attributions: Sequence[Attribution]) -> Attribution | None:
    """The attribution of the event whose date ``anchor`` dates the telling, not the event ("According
    to the county attorney on Saturday, the driver was identified as …"): the one whose content holds
    the event word the date hangs on."""
    verb = trigger_of_date(doc, *anchor, cstart, cend)
    return _attribution_for(doc, text, verb.idx, verb.idx + len(verb.text), attributions) if verb is not None else None


def _not_the_telling(spans: Sequence[tuple[int, int]], attributions: Sequence[Attribution]) -> list[Attribution]:
    """The attributions whose cue is not the event word itself (the ``spans`` the event is read at:
    its anchor, its trigger): "Gerstenmaier spoke of the collaboration: '…'" and "pleaded not guilty
    on Tuesday" tell, as the article's own fact, that he spoke or pleaded; what he said is his."""
    return [a for a in attributions if a.cue_start is None
            or not any(a.cue_start <= s < (a.cue_end or a.cue_start + 1) for s, _ in spans)]


def in_quotation(text: str, para_start: int, pos: int) -> bool:
    """True when ``pos`` lies inside a quotation opened earlier in its paragraph."""
    seg = text[para_start:pos]
    curly = sum(seg.count(c) for c in _QUOTE_OPEN) - sum(seg.count(c) for c in _QUOTE_CLOSE)
    return curly > 0 or seg.count('"') % 2 == 1


def year_in_name(doc, tx: Timex) -> bool:
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


def is_old(date_end: date | None, published: date | None) -> bool:
    """A date that ends before the article's news window: the ``NEWS_WINDOW_DAYS`` before its
    reference date."""
    return bool(published and date_end and (published - date_end).days > NEWS_WINDOW_DAYS)


def status_of(doc, text: str, *, kind: str, cstart: int, cend: int, anchor: tuple[int, int], date_start: date | None,
              date_end: date | None, attributions, unverified_nouns, published: date | None, sent_text: str,
              quoted: bool = False, history: bool = False,
              trigger: tuple[int, int] | None = None) -> tuple[str, str | None]:
    """``(status, speaker)`` of the event told by the clause ``cstart:cend``. ``anchor`` is the
    span whose path up the parse is read for tense and hedges (the date, or the event word), and
    ``trigger`` the event word when the anchor is a date; ``history`` says the clause tells history
    by its form (the pluperfect, "was born")."""
    word = _event_word(doc, trigger or anchor)
    others = _not_the_telling([anchor] if trigger is None else [anchor, trigger], attributions)
    others = _not_told_under(doc, word, others)
    attr = _attribution_for(doc, text, *anchor, others) or _quoting(cstart, cend, others) \
        or _attribution_of_event(doc, text, anchor, cstart, cend, others) or _cue_above(word, others)
    speaker = (attr.speaker or attr.source) if attr else None
    if kind == "caption":
        return "background", speaker
    if history or is_old(date_end, published):
        return "background", speaker     # also a future told in the past ("in 1976 she said it would …")
    path = _path_words(doc, *anchor, cstart, cend)
    clause = text[cstart:cend]
    if path & FUTURE_AUX or path & PLAN_WORDS or PLAN_BEFORE_TO.search(clause) or _arranged(word) \
            or (published and date_start and date_start > published) or LATER_IN_PERIOD.match(text, *anchor):
        return "expected", speaker
    nouns = {n for s, n in unverified_nouns if s >= cstart - 2000}
    if (PARENTHETICAL_SAYS.search(clause) or NOT_VERIFIED.search(sent_text)
            or HEDGE_ADVERBS.search(_without_relatives(doc, clause, cstart, cend, anchor))
            or _hedged_near(doc, cstart, cend, path) or (nouns and nouns & set(re.findall(r"[a-z]+", clause.lower())))
            or _hedged_conjunct(doc, trigger or anchor) or (attr is None and _reported_by_no_one(word))):
        return "unverified", speaker or _cue_speaker(cstart, cend, attributions)
    if attr:
        return "attributed", speaker
    if quoted:
        return "attributed", _cue_speaker(cstart, cend, attributions)
    return "asserted", None


def _without_relatives(doc, clause: str, cstart: int, cend: int, anchor: tuple[int, int]) -> str:
    """``clause`` (the text at ``cstart:cend``) with the clauses it embeds blanked out (relative,
    adverbial and participle clauses, coordinated verbs, reported clauses), except one that holds
    ``anchor``: a hedge there qualifies another story ("signs for a woman whose eye was said to have
    been injured"; "made landfall on Tuesday, …, leaving reportedly 15,000 stranded"), not the event.
    A hedge on a noun or a number is blanked too ("stabbed reportedly several people")."""
    span = doc.char_span(cstart, cend, alignment_mode="expand")
    if span is None:
        return clause
    chars = list(clause)
    for tok in span:
        if tok.lower_ in HEDGE_WORDS and tok.head.pos_ in NOMINAL_POS and cstart <= tok.idx < cend:
            chars[tok.idx - cstart:tok.idx - cstart + len(tok.text)] = " " * len(tok.text)
            continue        # "stabbed reportedly several people", "burns over reportedly 85%": the number's hedge
        if tok.dep_ not in OTHER_CLAUSE_DEPS or (tok.dep_ == "conj" and tok.pos_ not in ("VERB", "AUX")):
            continue
        a, b = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
        if a <= anchor[0] < b:
            continue
        for k in range(max(a, cstart), min(b, cend)):
            chars[k - cstart] = " "
    return "".join(chars)


def _event_word(doc, span: tuple[int, int]):
    """The token of the event word at ``span`` (the trigger, else the anchor's root); None when the parse has none."""
    words = doc.char_span(*span, alignment_mode="expand")
    return words.root if words is not None and len(words) else None


def _cue_token(doc, a: Attribution):
    words = doc.char_span(a.cue_start, a.cue_end or a.cue_start + 1, alignment_mode="expand")
    return words.root if words is not None and len(words) else None


def _not_told_under(doc, word, attributions: Sequence[Attribution]) -> list[Attribution]:
    """The attributions whose cue is not told in a phrase that hangs on the event ``word``: "Search
    was suspended on Tuesday, with Zinichev describing the threat …", "police arrested him, saying
    he had …", "the minister, who said …, resigned": the article asserts the event, and what the
    phrase reports is the speaker's. A parenthesis ("two died, police said"), "according to" and
    "as X reported" still attribute the event."""
    if word is None:
        return list(attributions)
    return [a for a in attributions if a.cue_start is None or not _told_under(_cue_token(doc, a), word)]


def _told_under(cue, word) -> bool:
    if cue is None or cue.i == word.i or not word.is_ancestor(cue):
        return False
    top = cue
    while True:
        if top.lower_ in PREPOSITIONAL_PARTICIPLES or any(c.dep_ == "mark" and c.lower_ == "as" for c in top.children):
            return False        # "according to a statement by the port authority", "as the BBC reported"
        if top.head.i == word.i:
            return top.dep_ not in ("parataxis", "ccomp", "conj")
        top = top.head


def _arranged(word) -> bool:
    """The event word follows a present "be to" of arrangement ("The law is to take effect this week",
    "May is to step down today"): a plan, expected."""
    return word is not None and word.dep_ == "xcomp" and word.head.lower_ in BE_TO_PRESENT and to_infinitive(word)


def _cue_above(word, attributions: Sequence[Attribution]) -> Attribution | None:
    """The attribution whose cue reports the event's clause from before it when its content missed
    the clause ("TVN24 reported he received surgery"): the event ``word``, or the first verb it is
    coordinated with, is the clause (ccomp) of the cue."""
    if word is None:
        return None
    top = first_conjunct(word)
    if top.dep_ != "ccomp" or top.head.i > top.i:
        return None
    cue = top.head
    return next((a for a in attributions if a.cue_start is not None
                 and a.cue_start <= cue.idx < (a.cue_end or a.cue_start + 1)), None)


def _reported_by_no_one(word) -> bool:
    """The event is told as reported by no one named, which hedges it as "reportedly" does: the
    clause of an impersonal passive ("It was reported on Saturday (that) Sirhan was stabbed") or a
    verb under "by reports" ("by early reports, at least 30 injured")."""
    if word is None:
        return False
    top = first_conjunct(word)
    head = top.head
    if top.dep_ == "ccomp" and head.i < top.i and head.lower_ in IMPERSONAL_REPORTING \
            and any(c.dep_ == "auxpass" for c in head.children) \
            and any(c.dep_ in ("nsubjpass", "nsubj", "expl") and c.lower_ == "it" for c in head.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("by", "per") and any(g.lower_ in REPORT_NOUNS for g in c.children)
               for v in {word.i: word, top.i: top}.values() for c in v.children)


def _cue_speaker(start: int, end: int, attributions: Sequence[Attribution]) -> str | None:
    """Speaker (or source) of the attribution whose cue lies in ``start:end``, if any."""
    cue = _cue_in(start, end, attributions)
    return (cue.speaker or cue.source) if cue else None
