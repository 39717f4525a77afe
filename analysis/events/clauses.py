"""Clauses and the words that name events: where an event's text starts and ends in the parse.

Two ways in. A date expression belongs to the clause spaCy's parse hangs it on
(:func:`clause_of_date`); the event word of that clause is the verb the date depends on
(:func:`trigger_of_date`). A sentence's predicates (:func:`predicates`) are the main verbs of its
clauses that tell something that happened or will happen; each one's clause is its subtree
without the clauses of the other predicates (:func:`clause_of_predicate`).
"""
from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterator, Sequence

from ..attribution.subjects import PERSONAL_PRONOUNS, to_infinitive
from ..lexicons import NO_ONE
from ..temporal.tense import syntactic_head, teller_of_phrase, tense_reading
from ..types import Sentence
from .lexicon import (
    ACTIVE_ING,
    ADDRESSEE_PREPS,
    ANTERIOR_ADVERBS,
    BE_TO_PAST,
    CLAUSE_DEPS,
    COME_FORMS,
    CONDUCT_VERBS,
    CONVERSATION_VERBS,
    EPOCH_NOUNS,
    EVENT_NOUN_ENDINGS,
    EVENT_NOUNS,
    EVENT_SUBORDINATORS,
    EVIDENCE_VERBS,
    FEELING_PARTICIPLES,
    FINDING_PRONOUNS,
    FINDING_REPORTS,
    FINDING_SOURCES,
    FINDING_VERBS,
    GO_FORMS,
    HABITUAL_ADVERBS,
    HISTORY_VERBS,
    INTERVIEWER_PREPS,
    LAB_VERBS,
    LIFE_PHRASES,
    LOCATING_PARTICIPLES,
    LONG_SPANS,
    MEDIA_NOUNS,
    METHOD_VERBS,
    MODALS,
    NAMING_VERBS,
    OCCURRENCE_VERBS,
    ORDER_PREPS,
    ORIGIN_VERBS,
    POSSIBILITY_MODALS,
    POST_PREPS,
    POST_VERBS,
    POSTING_VERBS,
    PREPOSITIONAL_PARTICIPLES,
    PRESENCE_VERBS,
    RELATION_VERBS,
    RELATIVE_ANTERIOR,
    REPORTING_ONLY,
    RESEARCH_OBJECTS,
    RESEARCH_QUALIFIERS,
    RESEARCH_STORY_WORDS,
    RESEARCH_SUBJECTS,
    ROLE_VERBS,
    SELF_PUBLISHERS,
    SEQUENCE_VERBS,
    SHARING_VERBS,
    SPAN_MODIFIERS,
    SPAN_NOUNS,
    SPAN_PREPS,
    STATE_VERBS,
    SUBORDINATORS,
    SUPPOSED,
    TELL_FORMS,
    TIME_NOUNS,
    TOLD_NOUNS,
    TOPIC_PREPS,
    TOPIC_SPEECH_VERBS,
    UN_PARTICIPLES,
    UNIVERSAL_COMPARISON,
    UNREALISED_PLANS,
    VAGUE_QUANTIFIERS,
    WORK_VERBS,
)

MIN_CLAUSE_TOKENS = 5
_LEADING = frozenset({"cc", "punct", "mark", "prep"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_PERFECT_AUX = frozenset({"has", "have", "'s", "’s", "'ve", "’ve"})
_PERSONAL_PRONOUNS = PERSONAL_PRONOUNS - {"who"}      # a relative "who" tells nothing of its person


# --------------------------------------------------------------------------- clause of a date
def clause_of_date(doc, sent: Sentence, tstart: int, tend: int) -> tuple[int, int]:
    """Character span of the clause the date at [tstart, tend) belongs to, inside ``sent``."""
    span = doc.char_span(tstart, tend, alignment_mode="expand")
    s_span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
    if span is None or s_span is None or len(span) == 0:
        return sent.start, sent.end
    lo, hi = s_span.start, s_span.end
    tok = span.root
    while True:
        head = syntactic_head(tok)      # "said on Friday he will …": the saying's
        inside = lo <= head.i < hi and head.i != tok.i
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in CLAUSE_DEPS and inside and not naming_participle(tok) \
                and not noun_participle(tok):
            break
        if not inside:
            tok = None       # the date hangs on the sentence's main verb
            break
        tok = head
    if tok is None:
        return _aside_clause(doc, sent, tstart, *_main_clause(doc, lo, hi, span.end, sent))
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


_ASIDE_MARKS = {"—": "—", "–": "–", "(": ")"}


def aside_around(text: str, pos: int, lo: int, hi: int) -> tuple[int, int] | None:
    """``(start, end)`` of the aside that holds ``pos`` inside ``text[lo:hi]``: the text between a
    pair of spaced dashes or between brackets ("new governments — Johnson became prime minister in
    July — to suspend parliament"), marks excluded; None when there is none."""
    for opening, closing in _ASIDE_MARKS.items():
        spaced = opening != "("
        a = text.rfind(f" {opening} " if spaced else opening, lo, pos)
        if a < 0:
            continue
        a += 3 if spaced else 1
        b = text.find(f" {closing}" if spaced else closing, pos, hi)
        if b > pos and "\n" not in text[a:b]:
            return a, b
    return None


def clausal_aside(doc, text: str, pos: int, lo: int, hi: int, offset: int = 0) -> tuple[int, int] | None:
    """:func:`aside_around` when the aside is a clause of its own, a verb with its subject ("— Johnson
    became prime minister in July —"), not a bracketed time or name ("(1639 UTC)"). ``text`` starts at
    the doc's character ``offset``; positions are the doc's."""
    aside = aside_around(text, pos - offset, lo - offset, hi - offset)
    if aside is None:
        return None
    aside = (aside[0] + offset, aside[1] + offset)
    span = doc.char_span(*aside, alignment_mode="contract")
    if span is None or len(span) < MIN_CLAUSE_TOKENS or not any(t.pos_ == "VERB" and _has_subject(t) for t in span):
        return None
    return aside


def _aside_clause(doc, sent: Sentence, tstart: int, a: int, b: int) -> tuple[int, int]:
    """The clause ``a:b`` narrowed to the aside that holds the date at ``tstart``, when that aside is a
    clause of its own (:func:`clausal_aside`). The sentence's own text is read (spaCy joins the doc's
    tokens on every read)."""
    return clausal_aside(doc, sent.text, tstart, max(a, sent.start), min(b, sent.end), sent.start) or (a, b)


def _main_clause(doc, lo: int, hi: int, te: int, sent: Sentence) -> tuple[int, int]:
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


def trigger_of_date(doc, tstart: int, tend: int, cstart: int, cend: int):
    """The verb a date depends on inside its clause ("met" in "met on March 2"), else the clause's
    syntactic root; None when the clause cannot be found in the parse."""
    span = doc.char_span(tstart, tend, alignment_mode="expand")
    clause = doc.char_span(cstart, cend, alignment_mode="expand")
    if clause is None or len(clause) == 0:
        return None
    participle = None       # an -ing participle on a noun passed on the way up
    if span is not None and len(span):
        tok = span.root
        for _ in range(16):
            if tok.pos_ == "VERB" and noun_participle(tok):
                participle = participle or tok
            elif tok.pos_ == "VERB" and not (span.start <= tok.i < span.end) and not _prepositional(tok) \
                    and not naming_participle(tok):
                # not "According to a report on Wednesday, …": the verb it hangs on; a verb of state
                # tells nothing that happened, the participle does ("had protests, with students
                # protesting in Belgium in January")
                return participle if participle is not None and state_verb(tok.lower_) else tok
            if tok.dep_ == "prep" and (teller := teller_of_phrase(tok)) is not None and clause.start <= teller.i < clause.end:
                return teller   # "said on Friday he will resign": the saying's day
            if tok.head.i == tok.i or not (clause.start <= tok.head.i < clause.end):
                break
            tok = tok.head
    if participle is not None and clause.root.pos_ not in ("VERB", "AUX"):
        return _verb_after_participle(clause.root, participle) or participle
    return clause.root


def _verb_after_participle(root, participle):
    """The verb the parse hung as a second participle on ``root``, a noun it took for the
    sentence's head ("A bus carrying children on Sunday overturned in Russia": "bus" with "carrying"
    and "overturned"): the past form after ``participle`` is the sentence's verb; None when there is
    none."""
    later = [c for c in root.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.i > participle.i
             and not any(a.dep_ in ("aux", "auxpass") for a in c.children)]
    return later[-1] if root.dep_ == "ROOT" and root.pos_ in ("NOUN", "PROPN") and later else None


def noun_participle(tok) -> bool:
    """An -ing participle that describes a noun ("a bus carrying 40 children", "protesters wearing
    black", "files pertaining to the case"): what the noun was doing when the clause's event happened,
    not that event; a date it holds dates the verb of its clause ("A bus carrying children on Sunday
    overturned": "overturned")."""
    return tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN", "PRON") \
        and not any(c.dep_ in _SUBJECTS for c in tok.children)


def _prepositional(tok) -> bool:
    """A participle used as a preposition ("According to …", "Following the elections, …"): one of
    :data:`PREPOSITIONAL_PARTICIPLES` without an auxiliary or a subject ("the address he was to have
    given" is a verb)."""
    return tok.lower_ in PREPOSITIONAL_PARTICIPLES and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children)


def reported_event(verb, cstart: int, cend: int):
    """The event a reporting verb passes on inside the clause ``cstart:cend``: the verb of the
    clause it reports ("said Sunday the police were attributing …" -> "attributing"), or the verb
    it is a parenthesis to ("prosecutors charged the suspect, they said Sunday" -> "charged");
    None for any other verb, or when there is none."""
    if verb is None or not telling(verb):
        return None
    inside = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and cstart <= c.idx < cend]
    if inside:
        return inside[0]
    head = verb.head
    if verb.dep_ == "parataxis" and head.pos_ == "VERB" and cstart <= head.idx < cend:
        return head
    return None


def telling(verb) -> bool:
    """``verb`` only passes on what is told (:data:`REPORTING_ONLY`: "said", "recounted"; a verb of
    posting, :data:`POSTING_VERBS`: "tweeted"; a verb of
    :data:`SHARING_VERBS` with a clause or a story: "shared that …", "shared the news")."""
    if verb.lower_ in REPORTING_ONLY or verb.lower_ in POSTING_VERBS:
        return True
    return verb.lower_ in SHARING_VERBS and any(
        c.dep_ == "ccomp" or (c.dep_ == "dobj" and c.lower_ in TOLD_NOUNS) for c in verb.children)


# --------------------------------------------------------------------------- predicates
def _negated(tok) -> bool:
    """Negated by an adverb ("did not meet"), by "no" or "not" on its object or subject ("specified
    no date", "no cause had been released", "not everyone agreed"), by a negative pronoun
    ("nobody claimed responsibility") or by "neither … nor" ("neither the US nor Britain delivered a
    list")."""
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't", "n’t")
               or (c.dep_ in ("dobj", "nsubj", "nsubjpass")
                   and (c.lower_ in NO_ONE
                        or any((d.dep_ == "det" and d.lower_ == "no") or d.dep_ == "neg"
                               or (d.dep_ == "preconj" and d.lower_ == "neither") for d in c.children)))
               for c in tok.children)


def evidence(tok) -> bool:
    """A verb of evidence: "showed" ("photographs showed the aircraft"), or "found" with a clause
    ("they found oxygen levels would be high"; not a verdict: "found him guilty", "was found dead"):
    it passes on a finding, not an event."""
    return tok.lower_ in EVIDENCE_VERBS or (tok.lower_ in FINDING_VERBS and any(c.dep_ == "ccomp" for c in tok.children))


def _biography(tok) -> bool:
    """A role or a stage of a life: "served as mayor", "worked as a nurse", "grew up in Ohio"."""
    if tok.lower_ in ROLE_VERBS and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
        return True
    return any((tok.lower_, c.lower_) in LIFE_PHRASES for c in tok.children if c.dep_ == "prt")


def over_a_span(tok) -> bool:
    """A change told over several years ("has increased cooperation in the last few years", "grew
    over the past decade") or since an epoch ("have changed since her death"): a trend, history."""
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had", "'s", "’s", "'ve", "’ve")
                  for c in tok.children)
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ in SPAN_PREPS and obj.lower_ in SPAN_NOUNS and any(
                    m.lower_ in SPAN_MODIFIERS or m.dep_ == "nummod" for m in obj.children):
                return True
            if prep.lower_ == "since" and perfect and (obj.lower_ in EPOCH_NOUNS or _a_date(obj)):
                return True     # "have changed since her death", "has been putting bands on chicks since 1983"
    return False


def _a_date(tok) -> bool:
    """``tok`` heads a date ("1983", "October", "last year"), as the entity recogniser tags it."""
    return tok.ent_type_ == "DATE"


def study_method(tok) -> bool:
    """How a study reached its finding, not an event: a verb of method (:data:`METHOD_VERBS`) whose
    subject is the study or its researchers ("The researchers examined 93 statues", "the study
    focused on fine particles", "We also used statistical tools"), or research done ("performed
    their research in the laboratory", "conducted a survey"), whoever did it. "team" counts unless a
    common noun makes it another kind of team ("the rescue team used boats"). In a story of research
    (:func:`research_story`), a verb of method or of laboratory work (:data:`LAB_VERBS`) told of a
    person, a pronoun or in the passive (:func:`_does_research`) is a step of the method too ("They also
    attached wings to juvenile ostriches", "she then analyzed the structures")."""
    bases = base_forms(tok.lower_)
    if any(b in CONDUCT_VERBS for b in bases):
        return any(c.dep_ == "dobj" and c.lower_ in RESEARCH_OBJECTS for c in tok.children)
    method = any(b in METHOD_VERBS for b in bases)
    if not method and not any(b in LAB_VERBS for b in bases):
        return False
    subj = _own_subject(tok)
    if subj is not None and subj.lower_ in RESEARCH_SUBJECTS and method:
        return subj.lower_ != "team" or all(c.lower_ in RESEARCH_QUALIFIERS or c.pos_ == "PROPN"
                                            for c in subj.children if c.dep_ in ("compound", "amod"))
    return subj is not None and research_story(tok.doc) and _does_research(subj)


def _does_research(subj) -> bool:
    """In a story of research, ``subj`` is who or what a step of its method is told of: a pronoun
    or a person ("They compared the sites", "Falconer observed eleven proteins"), or a common noun
    in the passive ("the samples were analysed"; not a name: "K2-18b was first identified in 2015")."""
    if subj.dep_ == "nsubjpass":
        return subj.pos_ == "NOUN"
    return subj.lower_ in _PERSONAL_PRONOUNS or subj.ent_type_ == "PERSON"


@functools.lru_cache(maxsize=2)
def research_story(doc) -> bool:
    """The doc's title or lead (:func:`_lead_words`) names researchers or a study
    (:data:`RESEARCH_STORY_WORDS`: "Scientists report …", "Study suggests …"): its news is a finding,
    and what the researchers did to reach it is method, not news."""
    return any(RESEARCH_STORY_WORDS.search(w) for w in _lead_words(doc)[1])


def base_forms(word: str) -> tuple[str, ...]:
    """Candidate base forms of a regular English verb form (the pipeline has no lemmatiser):
    "examined" -> examine, "used" -> use, "focused" -> focus, "mapped" -> map, "using" -> use."""
    out = [word]
    for ending in ("s", "es", "d", "ed", "ing"):
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[:-len(ending)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])       # "mapped" -> map
    return tuple(out)


def possibility(tok) -> bool:
    """``tok`` is under a modal of possibility or obligation ("can be applied", "should meet"): no event."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in POSSIBILITY_MODALS for c in tok.children)


def _own_subject(tok):
    """The subject of ``tok``, or of the verb it is coordinated with ("examined X and compared Y")."""
    for verb in (tok, tok.head) if tok.dep_ == "conj" else (tok,):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
    return None


def universal_comparison(tok) -> bool:
    """A comparison with all others ("was paid more than any other singer", "served longer than
    anyone"): a record held, a state, not an event. Only the words the verb governs directly are read
    (not a clause of its own)."""
    words = [c for c in tok.children if c.dep_ not in CLAUSE_DEPS]
    span = sorted(t.i for c in words for t in c.subtree)
    return bool(span) and bool(UNIVERSAL_COMPARISON.search(tok.doc[span[0]:span[-1] + 1].text))


def correlative(tok) -> bool:
    """One half of a comparative correlative ("the faster each ostrich ran, the more it flapped"):
    a general finding about how two things vary together, not an event."""
    return any(c.tag_ in ("JJR", "RBR") and any(d.lower_ == "the" for d in c.children)
               for c in tok.subtree if c.i < tok.i)


def _has_subject(tok) -> bool:
    return any(c.dep_ in _SUBJECTS for c in tok.children)


def series_of_works(tok) -> bool:
    """A career summed up: a verb of creating or performing works (:data:`WORK_VERBS`) whose object,
    or the object of its preposition, is a vaguely quantified plural ("made many studio albums",
    "composed lyrics for several songs", "wrote dozens of novels")."""
    if tok.lower_ not in WORK_VERBS:
        return False
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    objects += [o for c in tok.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return any(o.lower_ in VAGUE_QUANTIFIERS or any(q.lower_ in VAGUE_QUANTIFIERS for q in o.children
                                                    if q.dep_ in ("amod", "det", "nummod", "quantmod"))
               for o in objects)


def holds_a_post(tok) -> bool:
    """A role held: "worked for the agency", "worked at a bank" (a state; "worked to arrange a
    meeting" is an act)."""
    return tok.lower_ in POST_VERBS and any(c.dep_ == "prep" and c.lower_ in POST_PREPS for c in tok.children) \
        and not any(c.dep_ == "xcomp" for c in tok.children)


def habitual(tok) -> bool:
    """A habit, a series, a state or a generic statement: a frequency adverb ("has repeatedly
    denied"), an existential "there was", a long span ("for many years", "has for decades been
    rumoured"), a study's method or a comparative correlative, or a bare plural or
    first-person subject of a perfect ("scientists have found", "we have developed"), which tells
    experience, not one event."""
    if any(c.lower_ in HABITUAL_ADVERBS or c.dep_ == "expl" for c in tok.children):
        return True         # "has repeatedly denied"; "there was one MP" tells a state
    if series_of_works(tok) or holds_a_post(tok) or study_method(tok) or correlative(tok) or universal_comparison(tok):
        return True         # "made many studio albums"; "worked for the agency"; "the study focused on"
    adjuncts = [*tok.children, *(g for a in tok.children if a.dep_ in ("aux", "auxpass") for g in a.children)]
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(p.lower_ in LONG_SPANS for p in c.children)
           for c in adjuncts):      # the parse may hang "for decades" on the auxiliary ("has for decades been")
        return True         # "for many years, he was held apart"
    perfect = any(c.lower_ in ("has", "have", "'ve", "’ve") for c in tok.children if c.dep_ == "aux")
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if not perfect or subj is None:
        return False
    bare_plural = subj.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in subj.children)
    return bare_plural or subj.lower_ in ("we", "i")


def state_verb(word: str) -> bool:
    """``word`` (lower case) is a verb of state or opinion (:data:`STATE_VERBS`) or a participle of
    state (:data:`UN_PARTICIPLES`: "were unvaccinated"), also in its -ing
    form, which the list leaves out ("was living in Leeds", "were facing charges"), unless that form
    mostly names an act (:data:`ACTIVE_ING`: "appearing in court", "standing for election")."""
    if word in STATE_VERBS or word in UN_PARTICIPLES:
        return True
    if not word.endswith("ing") or len(word) < 6 or word in ACTIVE_ING:
        return False
    stem = word[:-3]
    return stem in STATE_VERBS or stem + "e" in STATE_VERBS or (stem[-1] == stem[-2] and stem[:-1] in STATE_VERBS)


def locating(tok) -> bool:
    """A participle of place (:data:`LOCATING_PARTICIPLES`) used actively with an object: finding
    ("divers located the wreck", "has located several submarines"), not where a thing is ("is located
    in")."""
    return tok.lower_ in LOCATING_PARTICIPLES and any(c.dep_ == "dobj" for c in tok.children) \
        and not any(c.dep_ == "auxpass" for c in tok.children)


def stative(tok) -> bool:
    """A word that tells no event: a verb of state or opinion (not a finding, :func:`locating`), a
    negated verb, the head of a line without any verb (:func:`verbless_line`), or a description
    (:func:`describes`)."""
    return (state_verb(tok.lower_) and not locating(tok)) or _negated(tok) or verbless_line(tok) or describes(tok)


def describes(tok) -> bool:
    """``tok`` describes rather than tells an event: a plan not told as carried out
    (:func:`unrealised_plan`), a naming (:func:`naming`), a relation (:func:`relation`), a
    finding of research (:func:`finding`), a telling without what it tells (:func:`telling_alone`),
    a connector that places another event (:func:`places_another_event`), a feeling (:func:`feeling`)
    or the publisher's own reporting (:func:`reporting_of_publisher`)."""
    return unrealised_plan(tok) or naming(tok) or relation(tok) or finding(tok) or telling_alone(tok) \
        or places_another_event(tok) or feeling(tok) or reporting_of_publisher(tok)


def reporting_of_publisher(tok) -> bool:
    """The publisher's own reporting (:data:`SELF_PUBLISHERS`), no event of the news: the publisher or
    its reporter is the subject ("Wikinews contacted the coast guard", "Wikinews' reporter asked the
    mayor", "… and talked to some of those involved"; not its presence at the occasion,
    :data:`PRESENCE_VERBS`, which dates the report), or the one spoken to by a verb of
    conversation (:data:`CONVERSATION_VERBS`: "spoke with Wikinews", "agreed to answer questions for
    Wikinews' correspondent")."""
    verb = tok if _has_subject(tok) else first_conjunct(tok)      # "… and talked to": the first verb's subject
    if tok.lower_ not in PRESENCE_VERBS and any(c.dep_ in ("nsubj", "nsubjpass") and _publisher(c) for c in verb.children):
        return True
    verbs = [v for v in (tok, *(c for c in tok.children if c.dep_ == "xcomp")) if v.lower_ in CONVERSATION_VERBS]
    heads = [*verbs, *(c for v in verbs for c in v.children if c.dep_ == "dobj")]     # "answered questions for …"
    return any(p.dep_ == "prep" and p.lower_ in INTERVIEWER_PREPS and any(o.dep_ == "pobj" and _publisher(o) for o in p.children)
               for h in heads for p in h.children)


def _publisher(noun) -> bool:
    """``noun`` is the publisher ("Wikinews") or one of its own ("Wikinews' Nick Moreau", "Wikinews's
    correspondent")."""
    return any(t.text.strip("\u200d") in SELF_PUBLISHERS      # "Wikinews\u200d's": a joiner before the 's
               for t in (noun, *(c for c in noun.children if c.dep_ in ("poss", "compound"))))


def feeling(tok) -> bool:
    """A participle of feeling in the passive (:data:`FEELING_PARTICIPLES`: "she was thrilled when she
    was cast", "residents were shocked by the blast"): a state of mind, not an event."""
    return tok.lower_ in FEELING_PARTICIPLES and any(c.dep_ == "auxpass" for c in tok.children)


def telling_alone(tok) -> bool:
    """A verb of telling (:func:`telling`) without the clause it passes on ("Macron told the world on
    Thursday via Twitter", "Erdogan said, “…”", "tweeted: “…”": what is told is a quotation or another
    sentence, which the attributions hold; not one that acts on a thing, :func:`_acted_on`), or speaking
    about a topic ("also spoke on the economy", "talked of his discoveries"; not with someone: "talked
    about the season with fans"), or "went on" to tell ("went on to add …": the telling is the verb
    after it): the telling introduces content, no event of the timeline. A verb of
    occurrence ("violence continued through the evening") is not told, nor is a verb with its own "to" ("asked
    to report to Cabinet", "to add a question"), an act planned."""
    if any(b in OCCURRENCE_VERBS for b in base_forms(tok.lower_)) or to_infinitive(tok):
        return False        # "violence continued", "instructed them to report to Cabinet on Monday": acts
    if tok.lower_ in GO_FORMS and any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children):
        return any(c.dep_ in ("xcomp", "advcl") and to_infinitive(c) and telling(c) for c in tok.children)
    if telling(tok):
        return not any(c.dep_ in ("ccomp", "xcomp", "oprd") or (c.dep_ == "dobj" and _acted_on(tok, c))
                       for c in tok.children)
    preps = [c for c in tok.children if c.dep_ == "prep"]
    return tok.lower_ in TOPIC_SPEECH_VERBS and not any(p.lower_ in ADDRESSEE_PREPS for p in preps) and any(
        p.lower_ in TOPIC_PREPS and any(o.dep_ == "pobj" and o.lower_ not in MEDIA_NOUNS and o.pos_ != "PROPN"
                                        for o in p.children) for p in preps)


def _acted_on(verb, obj) -> bool:
    """The object ``obj`` of a verb of telling is a thing it acts on ("recalled a batch of pens",
    "reported a loss", "added a question"), not the addressee of "told" ("told reporters"), a name
    ("described Day to the BBC"), a date or what is told ("shared the news": :data:`TOLD_NOUNS`)."""
    return verb.lower_ not in TELL_FORMS and obj.pos_ == "NOUN" and obj.ent_type_ not in ("DATE", "TIME") \
        and obj.lower_ not in TOLD_NOUNS


def places_another_event(tok) -> bool:
    """A connector that only places an event told elsewhere in time ("the move came after a second
    motion failed", "the attack came less than two weeks before the inauguration", "his announcement
    followed two weeks of protests"): "come" with a preposition of
    time order (:data:`ORDER_PREPS`), or an active "follow" whose subject names an event
    (:func:`_event_noun`; not "police followed the car"); the event it restates is told by its own clause.
    "preceded" is left: what comes after is often news told there first ("the shooting preceded another
    one in Dayton")."""
    if tok.lower_ in COME_FORMS:
        return any(c.dep_ == "prep" and c.lower_ in ORDER_PREPS for c in tok.children) or any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ORDER_PREPS | {"as"} for m in c.children)
            for c in tok.children)
    if tok.lower_ not in SEQUENCE_VERBS or any(c.dep_ in ("auxpass", "prt") for c in tok.children):
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.pos_ == "NOUN" and _event_noun(subj.lower_) \
        and any(c.dep_ == "dobj" for c in tok.children)


def _event_noun(word: str) -> bool:
    """``word`` (lower case) names an event: one of :data:`EVENT_NOUNS` or a deverbal noun
    (:data:`EVENT_NOUN_ENDINGS`: "announcement", "shooting", "election")."""
    return word in EVENT_NOUNS or (len(word) > 5 and word.endswith(EVENT_NOUN_ENDINGS))


def unrealised_plan(tok) -> bool:
    """A plan told in the past that the article does not tell as carried out: the verb after a
    past "be to" ("he was to have given an address", "the Senate was to meet Monday") or after a
    past plan ("had planned to visit", "was supposed to sign"), and that plan itself ("had planned",
    "was supposed")."""
    if tok.lower_ in UNREALISED_PLANS and any(c.dep_ == "xcomp" and to_infinitive(c) for c in tok.children):
        return _past_plan(tok)
    if tok.dep_ != "xcomp" or not to_infinitive(tok):
        return False
    return tok.head.lower_ in BE_TO_PAST or (tok.head.lower_ in UNREALISED_PLANS and _past_plan(tok.head))


def first_conjunct(tok):
    """The first of the coordinated verbs ``tok`` belongs to ("arrested and *charged*": "arrested")."""
    while tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
        tok = tok.head
    return tok


def _past_plan(verb) -> bool:
    """``verb`` (a verb of planning) is in the pluperfect ("had planned", "had hoped") or is a past
    "supposed"/"meant" ("was supposed to"); "was planned to affect" tells a plan still standing."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return "had" in auxes or (verb.lower_ in SUPPOSED and bool(auxes & BE_TO_PAST))


def naming(tok) -> bool:
    """A verb of naming or describing (:data:`NAMING_VERBS`) that describes: a participle on a
    noun ("a programme dubbed Zenith", "the mass of water, called a plume, was …", which the parse
    may read as the noun's verb) or a passive with its name ("was called the breadbasket", "is known
    as", "was described as"; not "was named Best Actor", an honour, nor "was called to testify").
    An active naming is someone's saying, an event ("Corbyn called the move a smash and grab",
    "he referred to the team as …")."""
    if tok.lower_ not in NAMING_VERBS:
        return False
    named = any(c.dep_ in ("oprd", "attr", "dobj") or (c.dep_ == "prep" and c.lower_ == "as") for c in tok.children)
    return named and (tok.dep_ == "acl" or _appositive(tok) or any(c.dep_ == "auxpass" for c in tok.children))


def naming_participle(tok) -> bool:
    """A participle of naming on a noun ("a programme dubbed Zenith in 2017"): a date it holds dates
    the clause it hangs in."""
    return tok.dep_ == "acl" and naming(tok)


def _appositive(tok) -> bool:
    """``tok`` follows a comma that follows its subject ("The mass of water, called a plume, …"):
    a participle set off after a noun, which the parse took for the noun's verb."""
    return tok.i > 0 and tok.doc[tok.i - 1].text == "," and any(
        c.dep_ == "nsubj" and c.i < tok.i - 1 for c in tok.children)


def relation(tok) -> bool:
    """A verb of relation (:data:`RELATION_VERBS`) whose subject is no person, group or place: a
    state ("the warning applied to six counties", "this proclamation contradicted the UN's
    position"); "apply" only with "to" and no clause ("she applied to join" is an act)."""
    if tok.lower_ not in RELATION_VERBS:
        return False
    if tok.lower_.startswith("appl") and (not any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
                                          or any(c.dep_ == "xcomp" for c in tok.children)):
        return False
    subj = _own_subject(tok)
    return subj is not None and subj.pos_ != "PROPN" and not subj.ent_type_ \
        and subj.lower_ not in _PERSONAL_PRONOUNS


def finding(tok) -> bool:
    """``tok`` is in the clause of a finding (:data:`FINDING_REPORTS`) that researchers, their work
    or a document report (:data:`FINDING_SOURCES`; "they"/"we" only with "found"): "The study found that when the
    whites disappeared, sevengill sharks moved in", "scholars have suggested Egyptians farmed the
    birds", "They found that certain wavelengths weakened": a result of research, not news."""
    top = first_conjunct(tok)
    while top.dep_ == "advcl" and top.head.pos_ in ("VERB", "AUX"):
        top = top.head          # "found that when the whites disappeared, … moved in"
    if top.dep_ != "ccomp" or top.head.lower_ not in FINDING_REPORTS:
        return False
    subj = _own_subject(top.head)
    if subj is None:
        return False
    return bool(FINDING_SOURCES.search(subj.lower_)) or (subj.lower_ in FINDING_PRONOUNS and top.head.lower_ in FINDING_VERBS)


def verbless_line(tok) -> bool:
    """``tok`` stands in a line (between line breaks: a paragraph or a caption) without any verb:
    a label, not an event ("Sirhan in 2016 (Image: CDCR)", "Ibrahim Salamov, last year's winner.").
    The whole line is read, not the sentence: markup may cut a sentence before its verb
    ("Kaczyński of the Law and Justice Party ((pl))Polish language: … declared …")."""
    breaks, verbs = _lines(tok.doc)
    k = bisect.bisect_left(breaks, tok.i)           # the first line break at or after the token
    lo = breaks[k - 1] + 1 if k else 0
    hi = breaks[k] if k < len(breaks) else len(tok.doc)
    return verbs[hi] == verbs[lo]


@functools.lru_cache(maxsize=2)
def _lines(doc) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The doc's lines, read once per doc (not once per clause): the indices of the tokens that hold
    a line break, and the running count of verbs (VERB or AUX) before each token index."""
    from spacy.attrs import POS
    from spacy.symbols import AUX, VERB

    breaks = tuple(t.i for t in doc if "\n" in t.text)
    pos = doc.to_array(POS) if len(doc) else ()
    return breaks, tuple(itertools.accumulate((int(p in (VERB, AUX)) for p in pos), initial=0))


def _position(tok, lo: int, hi: int) -> str | None:
    """How ``tok`` stands in its sentence as a predicate: "main" (the root or a verb coordinated
    with a predicate), "reported" (the clause of a reporting verb), "adjunct" (a temporal or causal
    clause), "planned" (the verb after "is set to", "plans to"), or None."""
    head = tok.head
    if tok.dep_ == "ROOT" or not (lo <= head.i < hi):
        return "main"
    if tok.dep_ == "conj" and head.pos_ == "VERB":
        up = _position(head, lo, hi)
        return up if up in ("main", "reported", "adjunct") else None
    if tok.dep_ == "ccomp" and (telling(head) or evidence(head)):
        return "reported"
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in EVENT_SUBORDINATORS for c in tok.children):
        return None if present_perfect(tok) else "adjunct"   # "once it has dried": how it works, no event
    if tok.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PROPN", "NOUN") and c.i < tok.i
                                   for c in tok.children) and not _locative_relative(tok) \
            and not _time_relative(tok):
        return "main"       # "a day in which Moscow and Beijing denounced …": a clause with a subject of its own
    if tok.dep_ == "xcomp" and head.pos_ == "VERB" and head.dep_ in ("ROOT", "conj") \
            and tense_reading(tok).tense == "future":
        return "planned"
    return None


def present_perfect(verb) -> bool:
    """``verb`` is in the present perfect ("has recovered", "have been charged")."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in _PERFECT_AUX for c in verb.children)


def _locative_relative(tok) -> bool:
    """A relative clause opened by "where" ("the school where the shooting happened"): it names a
    place by what happened there, at a time the sentence does not give (often well before it)."""
    return any(c.lower_ == "where" and c.dep_ == "advmod" for c in tok.children)


def _time_relative(tok) -> bool:
    """A past relative clause on a noun of time ("the night Smith was shot", "the day the plant
    closed"): it names the time by an older event and tells no event of its own ("the day the Queen
    is scheduled to speak", "the first time a crew has made it" do)."""
    return tok.head.lower_ in TIME_NOUNS and tense_reading(tok).tense == "past" and not present_perfect(tok) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in tok.children)


def predicates(doc, lo: int, hi: int, *, verbs: Sequence[int] | None = None) -> Iterator[tuple[object, str]]:
    """``(verb, time)`` for each event verb of the sentence ``doc[lo:hi]`` (a main, reported,
    temporal or planned clause: see :func:`_position`).

    ``time`` is "past", "future", "pluperfect" or "history" (a passive "was born", "was founded", a
    role or a stage of a life: "served as mayor", "grew up").
    Left out: reporting verbs that only pass on speech ("said", "told": the clause they report is
    the event) and verbs of evidence ("data showed", "they found that …"), states and opinions (:data:`STATE_VERBS`, copulas), negated verbs, questions,
    modal and conditional clauses ("could", "would"), and the present tense (generic statements and
    states: "prices rise", "the city lies"). ``verbs`` are the doc's verb indices in order, when
    the caller has them (then only those tokens are read).
    """
    if doc[hi - 1].text == "?" or (hi - 2 >= lo and doc[hi - 2].text == "?"):
        return
    tokens = doc[lo:hi] if verbs is None else (doc[i] for i in verbs[bisect.bisect_left(verbs, lo):
                                                                     bisect.bisect_left(verbs, hi)])
    for tok in tokens:
        if tok.pos_ != "VERB" or telling(tok) or evidence(tok):
            continue
        position = _position(tok, lo, hi)
        if position is None or (position != "planned" and not (_has_subject(tok) or tok.dep_ == "conj")) \
                or _negated(tok) or habitual(tok) or describes(tok):
            continue
        time = _time(tok)
        if time == "past" and position == "main" and doc[lo].lower_ in ANTERIOR_ADVERBS:
            time = "history"        # "Previously, the hijab was banned …"
        if time is None or (state_verb(tok.lower_) and not locating(tok)):
            continue            # a state also when told as history ("has stood since 1992", "once had")
        yield tok, time


def _time(tok) -> str | None:
    reading = tense_reading(tok)
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if tok.lower_ in HISTORY_VERBS and "auxpass" in {c.dep_ for c in tok.children}:
        return "history"
    if reading.tense == "past" and (_biography(tok) or over_a_span(tok)):
        return "history"
    if reading.modal in MODALS or auxes & MODALS or "used" in auxes:
        return None
    if reading.tense == "past":
        if _anterior(tok):
            return "history"            # "the company had once ruled …", "formerly owned"
        pluperfect = "had" in auxes and reading.aspect and "perfect" in reading.aspect
        # a pluperfect whose subject or object is the lead's tells a step of the news ("the two
        # parties had agreed to the deal"), not its history
        return "pluperfect" if pluperfect and not _under_past(tok) and not tied_to_lead(tok) else "past"
    if reading.tense == "future":
        return "future"
    return None


def _anterior(tok) -> bool:
    """``tok`` is put before the news by an adverb of :data:`ANTERIOR_ADVERBS`; one that says only
    "before" or "at first" (:data:`RELATIVE_ANTERIOR`) does so when its clause tells an origin
    ("originally built") or nothing of the news story (:func:`tied_to_lead`)."""
    adverbs = {c.lower_ for c in tok.children if c.dep_ == "advmod"} & ANTERIOR_ADVERBS
    if not adverbs or adverbs - RELATIVE_ANTERIOR:
        return bool(adverbs)
    if ("originally" in adverbs and tok.lower_ in ORIGIN_VERBS) or present_perfect(tok):
        return True     # "was originally built", "has previously located": an origin, an experience
    return not tied_to_lead(tok)


def tied_to_lead(verb) -> bool:
    """``verb``'s subject or object names a participant of the article's lead (its title and first
    sentence): a proper name, or the head noun of a definite subject or object that the lead names
    ("the suspect", "the deal"; not "makers", "suicide")."""
    title, lead, lead_end = _lead_words(verb.doc)
    words = title if verb.i < lead_end else lead      # a clause of the lead is tied only by the title
    return any(w in words for w in _participants(verb))


def _participants(verb) -> set[str]:
    words: set[str] = set()
    for arg in verb.children:
        if arg.dep_ == "prep":
            arg = next((c for c in arg.children if c.dep_ == "pobj"), None)
            if arg is None:
                continue
        elif arg.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        words.update(noun_key(t) for t in arg.subtree if t.pos_ == "PROPN")
        # the head noun, and the noun of its "of" ("one of the drivers", "the owner of the mill")
        words.update(noun_key(t) for t in (arg, *(g for p in arg.children if p.lower_ == "of"
                                                    for g in p.children if g.dep_ == "pobj"))
                     if t.pos_ == "NOUN" and definite(t))
    return words


def definite(noun) -> bool:
    """``noun`` is determined: "the", "this", a possessive ("the study's authors", "its owner")."""
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")) or c.dep_ == "poss"
               for c in noun.children)


def noun_key(tok) -> str:
    """A noun's form without a plural -s ("drivers" ~ "driver"; the parse has no lemmas)."""
    word = tok.lower_
    return word[:-1] if tok.tag_ in ("NNS", "NNPS") and word.endswith("s") and not word.endswith("ss") else word


@functools.lru_cache(maxsize=2)
def _lead_words(doc) -> tuple[frozenset[str], frozenset[str], int]:
    """The proper names and nouns (:func:`noun_key`) of the doc's title, of its title and first
    sentence after it (the lead), and the token index where the lead ends."""
    breaks = _lines(doc)[0]
    body = next((t for t in doc[breaks[0] + 1:] if not t.is_space), None) if breaks else None
    end = body.sent.end if body is not None else (doc[0].sent.end if len(doc) else 0)
    start = body.i if body is not None else 0

    def nouns(lo: int, hi: int) -> frozenset[str]:
        return frozenset(noun_key(t) for t in doc[lo:hi] if t.pos_ in ("PROPN", "NOUN"))
    title = nouns(0, start)
    return title, title | nouns(start, end), end


def _under_past(tok) -> bool:
    """A verb in a past-tense verb's clause, where the pluperfect only says "before that" ("the
    trial stopped because two drugs had shown progress")."""
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.tag_ == "VBD":
            return True
    return False


def clause_of_predicate(doc, verb, others: set[int], lo: int, hi: int) -> tuple[int, int]:
    """Character span of ``verb``'s clause: its subtree inside the sentence ``doc[lo:hi]``, without
    the clauses of the other predicates (``others``: token indices) it governs, and without leading
    conjunctions and trailing punctuation."""
    cut: set[int] = set()
    for child in verb.children:
        if child.i in others:
            cut.update(t.i for t in child.subtree)
    idx = [t.i for t in verb.subtree if lo <= t.i < hi and t.i not in cut]
    if verb.i in others or not idx:
        idx = idx or [verb.i]
    a, b = min(idx), max(idx) + 1
    while a < verb.i and (doc[a].dep_ in _LEADING or doc[a].is_punct or doc[a].tag_ in ("WDT", "WP", "WRB")):
        a += 1          # "…, in which Moscow and Beijing denounced …" -> "Moscow and Beijing denounced …"
    while b > verb.i + 1 and (doc[b - 1].is_punct or doc[b - 1].dep_ == "cc" or doc[b - 1].is_space):
        b -= 1
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
