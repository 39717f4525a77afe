"""Reported speech from the dependency parse: a reporting verb, who it is said by, what is said.

Handles "X said (that) …", "…, X said", the inverted "…, said a press release from Y", verbs
that take an object or an infinitive ("denied the report", "urged China not to …"), passives with
an agent ("was told by Y") and verbs without a subject of their own ("…, adding that …" takes the
subject of the verb it hangs on). One pass over the tokens; each step looks only at a token's
children and its few heads. Who says it is found in `subjects`, what is said in `content`.
"""
from __future__ import annotations

from typing import NamedTuple

from ..entities.lexicon import DOCUMENT_WORDS, POST_WORDS
from ..lexicons import NO_ONE
from .acts import attitude_adjective, attributes_nothing
from .content import (
    ADDRESSEE_OBJECT_VERBS,
    CLOSING_QUOTES,
    STATEMENT_NOUNS,
    as_clause_content,
    content_of,
    passive_content,
    past_relative,
    published_statement,
)
from .lexicon import (
    COGNITION_VERBS,
    SOURCE_HEADS,
    SPEECH_VERBS,
    verb_forms,
)
from .subjects import PASSIVE_SUBJECT, SUBJECT_DEPS, inherited_subject, name_before, source_span, subject_of


class Speech(NamedTuple):
    verb: int                          # token index of the reporting verb
    cue: tuple[int, int]               # char span of the cue ("said", "pointed out")
    source: tuple[int, int] | None     # token span [start, end) of the source mention
    source_head: int | None            # token index of the source's head word
    content: tuple[int, int] | None    # char span of what is said (None: look for a quote)
    base: str                          # base form of the verb


def relative(verb) -> bool:
    """A relative clause, even when the parse calls it a clausal complement ("— which the BBC noted
    as unusual —")."""
    return verb.dep_ == "relcl" or any(c.tag_ in ("WDT", "WP") and c.dep_ in ("dobj", "nsubj", "nsubjpass")
                                       and c.i < verb.i for c in verb.children)


# Raising verbs: their subject is what the view is about, not who holds it ("the plan seems to work").
RAISING_VERBS = frozenset({"seem", "appear"})
# Verbs of showing a feeling: with a negated object they still state it ("expressed no regret").
EXPRESSING_VERBS = frozenset({"express", "voice", "show", "display", "convey"})


def _negated_party(verb, base: str) -> bool:
    """A report whose speaker or object is negated ("The statement specified no date", "said nothing
    about it", "No group has claimed the attack"): nothing is stated."""
    return any((c.dep_ in ("nsubj", "nsubjpass") or c.dep_ == "dobj" and base not in EXPRESSING_VERBS) and (
        c.lower_ in NO_ONE or any(g.dep_ == "det" and g.lower_ in ("no", "neither") for g in c.children))
        for c in verb.children)


def _cue_span(verb) -> tuple[int, int]:
    s, e = verb.idx, verb.idx + len(verb)
    for c in verb.children:
        if c.dep_ == "prt" and c.i == verb.i + 1:
            e = c.idx + len(c)
    return s, e


def _as_mark(doc, verb):
    """The "as" of "…, as X reported" or of the inverted "as showed a team from France24"."""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if mark is None and verb.i > 0 and doc[verb.i - 1].lower_ == "as":
        mark = doc[verb.i - 1]
    return mark


def _says_own(verb) -> bool:
    """An "as"-clause with its own object or clause is a time or a reason, not the writer's "as X
    said": in "as he discussed his plan", what he discussed is the plan."""
    if not any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children):
        return False              # the inverted "as showed a team from France24": that is the source
    return any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i and c.lower_ not in ("it", "so") for c in verb.children)


# Verbs of doing that an as-clause of manner follows ("do as he proposed", "acted as they promised").
DOING_VERBS = frozenset("do does did done doing act acts acted acting behave behaves behaved behaving".split())


def _manner(verb) -> bool:
    """An as-clause that says how something is done, right after its verb of doing ("to do as he
    proposed"), not the writer's "as X said" over a clause."""
    head = verb.head
    return head.i != verb.i and head.lower_ in DOING_VERBS and verb.dep_ == "advcl" \
        and not verb.doc[verb.left_edge.i - 1].is_punct


def _after_subject(verb):
    """The subject of an inverted clause, standing after its verb."""
    for c in verb.children:
        if c.i > verb.i and c.dep_ in ("nsubj", "dobj", "attr") and c.pos_ in ("NOUN", "PROPN"):
            return c
    return None


_AFTER_QUOTE = frozenset({",", "”", '"', "''", "’", "»", "—"})
# Verbs that report speech only in one construction: "as the decision put it", "the report reads".
IDIOM_ONLY = frozenset({"put", "read"})
# What "reads" a text: a source, any document or post ("the notice reads", "the sign read: …").
READING_SUBJECTS = SOURCE_HEADS | DOCUMENT_WORDS | POST_WORDS | {"placard", "headline", "caption"}


def _idiom(doc, verb, base: str) -> bool:
    if base == "put":
        return _as_mark(doc, verb) is not None and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)
    subj = subject_of(verb)      # "the report reads", "the sign read: …"; not "she read the book"
    return subj is not None and subj.lower_ in READING_SUBJECTS


def _antecedent(pronoun):
    """The name or noun right before a relative pronoun ("CNN who reported …"), when the parse did
    not make its clause a relative one; None when there is none."""
    doc = pronoun.doc
    verb = pronoun.head
    if any(t.dep_ in ("relcl", "acl") for t in [verb, *verb.ancestors]):
        return None
    k = pronoun.i - 1 - (pronoun.i > 1 and doc[pronoun.i - 1].text == ",")
    return doc[k] if k >= 0 and doc[k].pos_ in ("PROPN", "NOUN") else None


# Forms of "read" and "say" that the parse can take for a noun after a statement and its topic ("The
# family's statement on the death read: …", "read" the object of "on").
MISREAD_VERBS = frozenset({"read", "reads", "said", "says"})


def _statement_before(tok):
    """The statement noun of "X's statement on Y read: …" when the parse made "read" a noun of the
    statement's phrase: a form of "read"/"say" right before a colon, inside the phrase of a statement
    noun that the sentence opens with. None otherwise."""
    doc = tok.doc
    if tok.lower_ not in MISREAD_VERBS or not tok.tag_.startswith("NN") or tok.i + 1 >= len(doc) \
            or doc[tok.i + 1].text != ":":
        return None
    noun = next((a for a in tok.ancestors if a.lower_ in STATEMENT_NOUNS), None)
    if noun is None or noun.left_edge.i > tok.sent.start + 1 or noun.dep_ not in ("nsubj", "ROOT"):
        return None
    return noun


CITING_VERBS = frozenset({"cite", "quote"})


def _as_saying(verb):
    """The "saying" of "cited X as saying …" / "quoted X, …, as saying …" (right after the object,
    wherever the parse hung it), else None."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    doc = verb.doc
    k = obj.right_edge.i + 1
    k += k < len(doc) and doc[k].text == ","
    if k + 1 < len(doc) and doc[k].lower_ == "as" and doc[k + 1].tag_ == "VBG" \
            and verb_forms().get(doc[k + 1].lower_) in SPEECH_VERBS:
        return doc[k + 1]
    return None


def _cited_speaker(verb):
    """Who says it in "The BBC cited X as saying …": X, the citing verb's object; None otherwise."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].lower_ != "as":
        return None
    for t in reversed(doc[max(verb.sent.start, verb.i - 40):verb.i - 1]):
        said = _as_saying(t) if verb_forms().get(t.lower_) in CITING_VERBS else None
        if said is not None and said.i == verb.i:
            return next(c for c in t.children if c.dep_ == "dobj")
    return None


# Verbs of checking a fact with someone ("the paper confirmed with the company that …"): the one
# checked with vouches for it; the subject is who asked (often the reporter).
VOUCHING_VERBS = frozenset({"confirm", "verify", "check"})


def _vouched_by(verb, base: str):
    """Who vouches for what ``verb`` reports in "X confirmed with Y that …": Y, a name or a source noun
    after "with", when the verb is active and reports a clause; None otherwise ("confirmed with
    Republican support")."""
    if base not in VOUCHING_VERBS or any(c.dep_ == "auxpass" for c in verb.children) \
            or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > verb.i), None)
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or not (obj.pos_ == "PROPN" or obj.ent_type_ in ("ORG", "PERSON") or obj.lower_ in SOURCE_HEADS):
        return None
    return obj


def find_speech(doc) -> list[Speech]:
    """Every reporting verb of ``doc`` with its source and content, in text order."""
    forms = verb_forms()
    out = []
    for tok in doc:
        statement = None if tok.tag_.startswith("VB") else _statement_before(tok)
        if not tok.tag_.startswith("VB") and statement is None and not (
                tok.tag_ == "NNS" and tok.dep_ == "ROOT" and any(c.dep_ == "ccomp" for c in tok.children)):
            continue              # ("Beijing assures that …" can come out with "assures" as a noun)
        base = forms.get(tok.lower_)
        if base is None or attitude_adjective(tok) or attributes_nothing(tok, base) \
                or base in IDIOM_ONLY and statement is None and not _idiom(doc, tok, base) \
                or published_statement(tok) or _negated_party(tok, base) \
                or base in CITING_VERBS and _as_saying(tok) is not None:
            continue              # ("cited X as saying …": X says it, on the "saying")
        cited = _cited_speaker(tok)
        mark = _as_mark(doc, tok) if (base in SPEECH_VERBS or base in COGNITION_VERBS) and not _says_own(tok) \
            and cited is None else None
        if mark is not None and _manner(tok):
            continue              # "the power to do as he proposed": what he proposed is done, nothing is said
        subj = statement if statement is not None else subject_of(tok)
        if subj is None and tok.i > 0 and doc[tok.i - 1].text in _AFTER_QUOTE and base not in ADDRESSEE_OBJECT_VERBS \
                and (tok.dep_ == "ROOT" or doc[tok.i - 1].text in CLOSING_QUOTES):
            subj = _after_subject(tok)     # '"It was not me," blurted the driver' (also when the parse hung
            #                                 "said" on the quote's last verb: '"… people think that," said a protester')
        if subj is not None and subj.i < tok.i and doc[tok.i - 1].text in _AFTER_QUOTE \
                and subj.left_edge.i > 0 and doc[subj.left_edge.i - 1].tag_ == "``":
            subj = _after_subject(tok) or subj   # '"The only conclusion … is …," tweeted X': the quote is no subject
        if mark is not None:
            if subj is None:
                subj = _after_subject(tok)
            content = as_clause_content(doc, tok, mark)
        else:
            content = content_of(doc, tok, base) or passive_content(tok)
        if content is None and base in COGNITION_VERBS and base not in SPEECH_VERBS:
            continue
        if subj is None and any(c.dep_ == PASSIVE_SUBJECT for c in tok.children):
            if content is None:
                continue          # "he was told", "they are expected": no source, no content
        if subj is None:
            subj = cited
        subj = _vouched_by(tok, base) or subj
        if subj is None and not any(c.dep_ == PASSIVE_SUBJECT for c in tok.children):
            subj = inherited_subject(tok)     # (not "its winds are predicted to …": no one's forecast)
        if subj is None and tok.dep_ == "ROOT":
            subj = name_before(doc, tok)
        if base in RAISING_VERBS:
            if not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
                continue          # "appeared on television"
            subj = None           # "Melania seems to have vanished": the writer's view of her, no source
        pronoun = subj if subj is not None and subj.tag_ in ("WP", "WDT") else None
        named = _antecedent(pronoun) if pronoun is not None else None
        if named is not None:       # "according to CNN who reported that …" parsed as no relative
            subj = named
        if subj is not None and (subj.dep_ == "expl" or subj.is_stop and subj.pos_ == "PROPN"):
            subj = None           # "there", or a function word the parse took for a name ("Amongst reported …")
        if subj is None and content is None:
            continue
        content = past_relative(doc, tok, subj, content)
        src = source_span(subj) if subj is not None else None
        if named is not None:       # the mention runs from the name to its pronoun
            src = (subj.left_edge.i, pronoun.i + 1)
        if src is not None and subj.i < tok.i < src[1]:
            src = (src[0], tok.i)     # a subject before its verb ends there (the parse hung a quote's name on it)
        if statement is not None:
            src = (src[0], subj.i + 1)    # "The family's statement [on the death] read:"
        out.append(Speech(tok.i, _cue_span(tok), src, subj.i if subj is not None else None, content, base))
    return out
