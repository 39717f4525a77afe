"""Attributions carried by a noun instead of a verb: "his claim that …", "the assertion by the
ministry that …", "Okafor's view is that …", "the mayor's comments on the tolls".

A noun cue attributes only when the article says whose it is: a possessor ("Trump's claim", "her
warning"), a "by"/"from" phrase ("a warning from the agency"), or the subject of a support verb whose
object it is ("X made the case that …", "X raised questions about …", "X voiced support for …"). "The claim that …" with no one
behind it names no source and is left out. What is attributed is the noun's "that"-clause (a
complement, not a relative clause: "the claim that he made" attributes nothing), the clause a
copula gives it ("X's view is that …"), or, for words of speech, what it is "about"/"on" and, for a
side taken or a judgment, what it is for or against ("her support for the bill", "his criticism of
the plan"): :data:`.lexicon.NOUN_TOPIC_PREPS`.

A judgment received from others is passed by those of its "from" phrase on the verb's subject: "The
proposal has drawn criticism from fellow candidates" (the candidates criticise the proposal), "the bill
won praise from unions" (:data:`.lexicon.RECEIVING_VERBS`, :data:`.lexicon.JUDGMENT_NOUNS`).
"""
from __future__ import annotations

from .adjectives import holds_views
from .content import span_chars
from .lexicon import (
    JUDGMENT_NOUNS,
    NEGATION_WORDS,
    NOUN_ACTS,
    NOUN_TOPIC_PREPS,
    SPEECH_VERBS,
    SUPPORT_VERB_NOUNS,
    noun_base,
    receiving_verb_forms,
    support_verb_forms,
    verb_forms,
)
from .speech import Speech
from .subjects import is_topic, names_someone, source_span, subject_of

SOURCE_PREPS = frozenset({"by", "from"})
NOUN_FORMS = frozenset(NOUN_ACTS) | frozenset(n + "s" for n in NOUN_ACTS)
GENERIC_DETS = frozenset("a an any every each no".split())
COPULA = frozenset({"is", "was", "are", "were", "'s", "remains", "remained"})
# Prepositions of the medium a statement was made in ("said in a statement", "wrote in his remarks").
MEDIUM_PREPS = frozenset({"in", "during", "through", "via"})


def _owner(noun):
    """The token that says whose the noun is: its possessor, or the object of "by"/"from"."""
    for c in noun.children:
        if c.dep_ == "poss" and c.i < noun.i:
            generic = any(g.dep_ == "det" and g.lower_ in GENERIC_DETS for g in c.children)
            return None if generic else c       # not "a candidate's decision": anyone's
    for c in noun.children:
        if c.dep_ == "prep" and c.i > noun.i and c.lower_ in SOURCE_PREPS:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and names_someone(obj):
                return obj
    return _support_verb_subject(noun)


def _support_verb_subject(noun):
    """The subject of a support verb whose object the noun is ("X made the case that …", "X voiced
    support for …"), unless the noun is denied ("made no mention of") or the verb negated."""
    if noun.dep_ != "dobj" or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return None
    verb = noun.head
    base = support_verb_forms().get(verb.lower_)
    if base is None or base in SUPPORT_VERB_NOUNS and noun_base(noun.text) not in SUPPORT_VERB_NOUNS[base]:
        return None
    if any(c.dep_ == "neg" or c.lower_ in NEGATION_WORDS for c in verb.children):
        return None
    subj = subject_of(verb)
    if subj is None or subj.i > verb.i or subj.lower_ in NOUN_FORMS:
        return None           # "Remarks that … are raising questions": a thing said raises them, no one holds them
    return subj if holds_views(subj) else None


def _owner_span(owner) -> tuple[int, int]:
    """Token span of the owner without its possessive ending."""
    s, e = owner.left_edge.i, owner.right_edge.i + 1
    doc = owner.doc
    while e > s + 1 and (doc[e - 1].dep_ == "case" or doc[e - 1].text in ("'s", "’s", "'", "’")):
        e -= 1
    return s, e


def _that_clause(noun):
    """The complement clause of a noun ("the claim that X"), with its "that" as a mark."""
    for c in noun.children:
        if c.i > noun.i and c.dep_ in ("acl", "ccomp", "relcl", "appos") and c.pos_ in ("VERB", "AUX") \
                and any(g.dep_ == "mark" and g.lower_ == "that" and g.i < c.i for g in c.children):
            return c
    head = noun.head      # "X's view is that …"
    if noun.dep_ == "nsubj" and head.lower_ in COPULA:
        for c in head.children:
            if c.i > head.i and c.dep_ in ("ccomp", "attr", "acomp") and c.pos_ in ("VERB", "AUX") \
                    and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                return c
    return None


def _infinitive(noun):
    """The infinitive of an intention ("her plan to sell the port", "the decision to close it")."""
    for c in noun.children:
        if c.i > noun.i and c.dep_ in ("acl", "relcl") and c.tag_ == "VB" \
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return c
    return None


def _topic(noun, preps: frozenset[str]):
    for c in noun.children:
        if c.dep_ == "prep" and c.i > noun.i and c.lower_ in preps:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and is_topic(obj):      # not "her remarks on Saturday"
                return c, obj
    return None


def _topic_end(noun, prep) -> int:
    """Where a topic ends: after its phrase, or after the infinitive or "in favor of" phrase the parse
    hung on the noun ("calls for Silicon Valley to roll back encryption", "criticism of X's vote in
    favor of a law")."""
    end = prep.right_edge.i + 1
    for c in noun.children:
        if c.i > prep.i and (c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                             or c.dep_ == "prep" and c.lower_ == "in" and c.i == end):
            end = max(end, c.right_edge.i + 1)
    return end


def _for_clause(noun) -> tuple[int, int] | None:
    """A "for X to Y" clause right after the noun, which the parse hangs on the noun's verb ("renewed
    her call for residents to stay home")."""
    for c in noun.head.children:
        mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ == "for"), None)
        if c.dep_ == "advcl" and mark is not None and mark.i == noun.right_edge.i + 1:
            return span_chars(noun.doc, mark.i + 1, c.right_edge.i + 1)
    return None


def _medium_verb(noun):
    """The reporting verb a noun is the medium of, when the parse hung the verb's "that"-clause on the
    noun ("X said in a statement that …"): the verb has no clause of its own and a subject that can
    speak."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in MEDIUM_PREPS:
        return None
    verb = prep.head
    if verb_forms().get(verb.lower_) not in SPEECH_VERBS or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    subj = subject_of(verb)
    return verb if subj is not None and subj.i < verb.i and holds_views(subj) else None


def _said_through(noun, clause) -> Speech | None:
    """"X said in a statement that …" read as the verb's own report: X says the clause."""
    verb = _medium_verb(noun)
    if verb is None:
        return None
    content = span_chars(noun.doc, clause.left_edge.i, clause.right_edge.i + 1)
    if content is None:
        return None
    subj = subject_of(verb)
    return Speech(verb.i, (verb.idx, verb.idx + len(verb)), source_span(subj), subj.i, content,
                  verb_forms()[verb.lower_])


def _received(noun) -> Speech | None:
    """A judgment a thing receives from others: "The proposal has drawn harsh criticism from fellow
    candidates" (the candidates criticise the proposal), "the bill won praise from unions". The one
    judging is the object of "from" (on the noun or on the verb), what is judged the verb's subject."""
    if noun.dep_ != "dobj" or noun_base(noun.text) not in JUDGMENT_NOUNS:
        return None
    verb = noun.head
    if receiving_verb_forms().get(verb.lower_) is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    prep = next((c for c in [*noun.children, *verb.children] if c.dep_ == "prep" and c.lower_ == "from"
                 and c.i > noun.i), None)
    judge = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    target = subject_of(verb)
    if judge is None or not (holds_views(judge) or judge.tag_ in ("NNS", "NNPS")) \
            or target is None or target.i > verb.i or target.tag_ in ("WDT", "WP"):
        return None
    content = span_chars(noun.doc, target.left_edge.i, target.right_edge.i + 1)
    if content is None:
        return None
    return Speech(noun.i, (noun.idx, noun.idx + len(noun)), _owner_span(judge), judge.i, content, noun_base(noun.text))


def find_noun_cues(doc) -> list[Speech]:
    """Every noun cue of ``doc`` whose owner the text names, with what it attributes; and the report
    of a verb whose clause the parse hung on its medium ("said in a statement that …")."""
    out = []
    for tok in doc:
        if tok.lower_ not in NOUN_FORMS or tok.pos_ != "NOUN":
            continue
        clause = _that_clause(tok)
        said = _said_through(tok, clause) if clause is not None else None
        if said is not None:
            out.append(said)
            continue
        received = _received(tok) if clause is None else None
        if received is not None:
            out.append(received)
            continue
        base = noun_base(tok.text)
        owner = _owner(tok)
        if owner is None:
            continue
        if clause is None and NOUN_ACTS[base] == "intention":
            clause = _infinitive(tok)
        content = None
        if clause is not None:
            content = span_chars(doc, clause.left_edge.i, clause.right_edge.i + 1)
        elif base in NOUN_TOPIC_PREPS:
            topic = _topic(tok, NOUN_TOPIC_PREPS[base])
            if topic is not None:
                content = span_chars(doc, topic[0].i + 1, _topic_end(tok, topic[0]))
            elif "for" in NOUN_TOPIC_PREPS[base]:
                content = _for_clause(tok)
        if content is None:
            continue
        out.append(Speech(tok.i, (tok.idx, tok.idx + len(tok)), _owner_span(owner), owner.i, content, base))
    return out
