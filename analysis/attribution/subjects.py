"""Who says it: the subject a reporting verb has, inherits or borrows, and whether it can speak.

"X said", "…, adding that" (the subject of the verb it hangs on), "said study co-author Ted Scambos"
(a hyphenated title the parse splits), "the president of the league, Jamel Msallem, said" (a name
set off by commas before a subjectless verb).
"""
from __future__ import annotations

from ..entities.lexicon import OFFICE_WORDS, PLATFORMS, POST_WORDS
from .lexicon import (
    ANONYMOUS_HEADS,
    SOURCE_HEADS,
)

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT = "nsubjpass"


def subtree_span(tok) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def to_infinitive(verb) -> bool:
    """A verb with its own "to" ("… the minister to sign the deal", "to take effect")."""
    return any(g.dep_ == "aux" and g.lower_ == "to" for g in verb.children)


def subject_of(verb):
    """The subject of ``verb``: the nearest of its subjects."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not c.is_punct]
    if subjects:      # the nearest: a headline glued to the sentence can add a second "subject"
        near = min(subjects, key=lambda c: abs(c.i - verb.i))
        return _hyphen_head(near, subjects)
    for c in verb.children:   # "Beijing assures that …" misparsed as a compound of the verb
        if c.dep_ == "compound" and c.i == verb.i - 1 and c.pos_ == "PROPN":
            return c
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


HYPHENS = ("-", "‐", "–")


def _glued_hyphen(tok) -> bool:
    """A hyphen written inside a word ("co-author"), not a dash between words."""
    doc = tok.doc
    return tok.text in HYPHENS and tok.i > 0 and not doc[tok.i - 1].whitespace_ and not tok.whitespace_


def _hyphen_head(subj, subjects):
    """The real head when the parse splits a hyphenated title into several subjects ("said study
    co-author Ted Scambos": "co", "-" and "Scambos"): the last noun joined to ``subj`` by a run of
    nouns, adjectives and in-word hyphens, one of them a hyphen."""
    doc = subj.doc
    best = subj
    for other in sorted(subjects, key=lambda c: c.i):
        between = doc[best.i + 1:other.i]
        if other.i > best.i and other.pos_ in ("NOUN", "PROPN") and any(_glued_hyphen(t) for t in between) \
                and all(_glued_hyphen(t) or t.pos_ in ("NOUN", "PROPN", "ADJ") for t in between):
            best = other
    return best


# Objects of "on", "for" … that say when or how one spoke, not about what ("spoke on Monday", "on
# condition of anonymity", "on behalf of", "for the first time").
NOT_TOPICS = frozenset("condition behalf time times occasion day night morning evening afternoon week "
                       "camera record television radio phone telephone".split())


def is_topic(obj) -> bool:
    """True unless the object of "on"/"for" says when or how one spoke ("on Monday", "on behalf of")."""
    return obj.ent_type_ not in ("DATE", "TIME") and obj.lower_ not in NOT_TOPICS \
        and obj.lower_ not in PLATFORMS and obj.lower_ not in POST_WORDS    # "wrote on Twitter", "said in a post"


def source_span(subj) -> tuple[int, int]:
    """Token span of a source: its subtree, reaching back over the pieces of a hyphenated title
    the parse left outside it ("study co-author Ted Scambos")."""
    s, e = subtree_span(subj)
    doc = subj.doc
    if s > 0 and _glued_hyphen(doc[s]):       # "then-Secretary Vázquez": the parse left "then" outside
        s = min(s - 1, doc[s - 1].left_edge.i)
    while s > 1 and _glued_hyphen(doc[s - 1]):
        s = min(s - 2, doc[s - 2].left_edge.i)
    for c in subj.children:
        if c.i > subj.i and c.dep_ == "prep" and _circumstance(c):
            e = min(e, c.left_edge.i - (doc[c.left_edge.i - 1].text == ","))
    return s, e


# Prepositions before a participle of the occasion ("in relaying the news", "after hearing the verdict").
PARTICIPLE_PREPS = frozenset({"in", "after", "before", "by", "on", "upon", "while", "when"})


def _circumstance(prep) -> bool:
    """A phrase after a source that says how or where it spoke, not who it is: a participle ("Richard
    Ferrand in relaying the news to parliament") or, set off by a comma, a time, a platform or a
    channel ("Trump, also on Twitter,")."""
    doc = prep.doc
    if prep.lower_ in PARTICIPLE_PREPS and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in prep.children):
        return True
    return doc[prep.left_edge.i - 1].text == "," and any(g.dep_ == "pobj" and not is_topic(g) for g in prep.children)


def name_before(doc, verb):
    """A name set off by commas right before a subjectless verb ("Speaking to AFP, the president of
    the league, Jamel Msallem, said …": the parse hangs the name on the participle's object)."""
    i = verb.i - 1
    if i < 2 or doc[i].text != "," or doc[i - 1].pos_ != "PROPN" or doc[i - 1].ent_type_ not in ("PERSON", "ORG"):
        return None
    return doc[i - 1]


def _glued_subject(verb):
    """The subject of a conjoined clause that the parse joined to the first clause's object ("has
    issued a warning for New Orleans and other forecasters predicted a surge": "forecasters" parsed
    as a conjunct of "New Orleans"): a noun that can speak, right before the verb, just after "and"."""
    doc = verb.doc
    prev = doc[verb.i - 1] if verb.i > 0 else None
    if prev is None or verb.dep_ != "conj" or prev.dep_ != "conj" or prev.pos_ not in ("NOUN", "PROPN") \
            or prev.head.i >= prev.i or prev.left_edge.i < 1 or doc[prev.left_edge.i - 1].dep_ != "cc":
        return None
    return prev if plausible_holder(prev) else None


def inherited_subject(verb):
    """The subject of the verb a subjectless reporting verb depends on ("…, adding that")."""
    glued = _glued_subject(verb)
    if glued is not None:
        return glued
    tok = verb
    for _ in range(3):
        if tok.dep_ in ("xcomp", "advcl", "conj", "ccomp") and tok.head is not tok:
            if tok.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in tok.head.children):
                return None       # object control: in "urged China not to back X", China backs
            tok = tok.head
            subj = subject_of(tok)
            if subj is not None:
                return subj
        elif tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head       # "a statement saying that …"
        else:
            return None
    return None


SOURCE_ENTITIES = ("PERSON", "ORG", "GPE", "NORP")     # entity types that can speak


def names_someone(tok) -> bool:
    """A proper noun, a pronoun or a speaking entity: a token that says who."""
    return tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in SOURCE_ENTITIES


def plausible_source(verb, base: str) -> bool:
    """True when the verb's subject (or the one it inherits) can be a source: a name, a personal
    pronoun, or a person, group or document noun. Evidence verbs ("show", "publish") take their
    object as content only after a document ("Polls show a close race")."""
    subj = subject_of(verb) or inherited_subject(verb)
    if subj is None:
        return False
    if base in EVIDENCE_VERBS:
        return subj.lower_ in SOURCE_HEADS and subj.lower_ not in PERSONAL_PRONOUNS
    return plausible_holder(subj)


def plausible_holder(subj) -> bool:
    """True for a subject that can hold or voice a view: a name, a personal pronoun, or a person,
    group or document noun."""
    if subj.pos_ == "PROPN" or subj.lower_ in PERSONAL_PRONOUNS or subj.ent_type_ in SOURCE_ENTITIES:
        return True
    low = subj.lower_
    return low in SOURCE_HEADS or low in OFFICE_WORDS or low in ANONYMOUS_HEADS or low.endswith(("er", "ers", "ist", "ists"))


EVIDENCE_VERBS = frozenset("show find reveal indicate publish release issue air broadcast circulate document "
                           "establish determine discover identify".split())
PERSONAL_PRONOUNS = frozenset("i we you he she they who".split())
