"""What is said: the char span of the content a reporting verb governs.

A clause ("said (that) …"), an object ("denied the report"), an infinitive ("urged X to …"), a
quoted "as" clause, a published statement ("issued a statement saying …"), a relative clause of
saying ("…, which his wife said was …"), each cut where the writer's own words start again
(a contrast, a second report, a relative clause of the writer).
"""
from __future__ import annotations

from ..entities.lexicon import DOCUMENT_WORDS, POST_WORDS
from .lexicon import (
    COGNITION_VERBS,
    GOES_ON_VERBS,
    OBJECT_CONTENT_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    XCOMP_VERBS,
    verb_forms,
)
from .subjects import (
    PASSIVE_SUBJECT,
    SUBJECT_DEPS,
    is_topic,
    plausible_source,
    subject_of,
    subtree_span,
    to_infinitive,
)

# Dependents of a reporting verb that can hold what is said.
CLAUSE_DEPS = ("ccomp",)
TRIM = set(",.;:!?—–-") | {"''", "``"}


def span_chars(doc, start: int, end: int) -> tuple[int, int] | None:
    """Char span of tokens [start, end) without leading/trailing punctuation (quote marks kept)."""
    while start < end and (doc[start].text in TRIM or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in TRIM - {"''"} and doc[end - 1].text not in "”’\"»"
                           or doc[end - 1].is_space or doc[end - 1].dep_ == "cc" and end - 1 > start):
        end -= 1          # "… on corruption but [denied …]": a conjunction left at the end
    if end <= start:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _between_semicolons(doc, i: int, start: int, end: int) -> tuple[int, int]:
    """[start, end) narrowed to the semicolon-delimited part that holds token ``i``."""
    for k in range(i - 1, start - 1, -1):
        if doc[k].text == ";":
            start = k + 1
            break
    for k in range(i + 1, end):
        if doc[k].text == ";":
            return start, k
    return start, end


def _before_other_report(clause, end: int) -> int:
    """End of a reported clause before a coordinated report of someone else ("people changed their
    minds and several said they …"): the parse can hang that report on the clause."""
    forms = verb_forms()
    doc = clause.doc
    for c in clause.children:
        if c.dep_ != "conj" or c.i >= end or not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            continue
        cc = [g.i for g in clause.children if g.dep_ == "cc" and g.i < c.i]
        cut = max(cc) if cc else c.left_edge.i
        after_quote = doc[cut - 1].text in CLOSING_QUOTES     # '"We couldn't win," and the flag is at half-mast'
        if forms.get(c.lower_) in SPEECH_VERBS or after_quote:
            end = min(end, cut)
    return end


CLOSING_QUOTES = frozenset({'"', "”", "''", "’", "»"})


def _object_span(obj) -> tuple[int, int]:
    """Token span of an object as content, without a non-restrictive relative clause ("the House's
    decision, which Ross has called a stunt"; "… to patrol the Gulf which was joined by Australia": a
    name takes no restrictive clause): that clause is the writer's word."""
    s, e = subtree_span(obj)
    doc = obj.doc
    for c in obj.subtree:
        if c.dep_ == "relcl" and c.left_edge.i > s and (doc[c.left_edge.i - 1].text == "," or c is not obj and
                                                         c.head.pos_ == "PROPN" and c.left_edge.tag_ in ("WDT", "WP")):
            e = min(e, c.left_edge.i - (doc[c.left_edge.i - 1].text == ","))
    return s, e


def _predicate_after_object(verb, obj) -> int:
    """End of a predicate the parse joined to the reporting verb although it belongs to the
    object ("claimed Iran, especially, is unduly influencing …", "announced classes … would be
    cancelled"): a conjunct without a subject that opens on an auxiliary. A clause after a comma
    ("…, while X also cancelled …") is the writer's. 0 when there is none."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ != "conj" or c.i < obj.i or any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            continue
        if any(g.dep_ == "cc" and obj.i < g.i < c.i for g in verb.children):
            return 0      # "has attacked loopholes …, and has called for …": a second verb of the same subject
        first = c.left_edge
        if first.i <= obj.right_edge.i or not (first.pos_ == "AUX" or first.tag_ == "MD" or first.pos_ == "ADV"
                                               and doc[first.i + 1].pos_ == "AUX"):
            return 0
        end = c.right_edge.i + 1
        for g in c.children:
            if g.dep_ in ("advcl", "conj", "parataxis") and g.i > c.i and doc[g.left_edge.i - 1].text == ",":
                end = min(end, g.left_edge.i - 1)
        return end
    return 0


ABOUT_PREPS = frozenset("about of on for to against with over".split())
ADDRESSEE_VERBS = frozenset("speak talk meet agree disagree".split())   # "spoke to X": X is who listens
# "responded to the ruling": X is what is answered, not the answer.
RESPONDING_VERBS = frozenset("respond reply react".split())
# Verbs whose object before a clause is who is told ("told reporters that …"), not part of what is said.
ADDRESSEE_OBJECT_VERBS = frozenset("tell inform notify assure remind promise convince persuade advise teach "
                                   "show warn brief alert caution reassure email text write".split())


def _that_clause(verb) -> bool:
    return any(g.dep_ == "mark" and g.lower_ == "that" for g in verb.children)


def _glued_addressee_end(verb, clause) -> int | None:
    """Where what is told starts when the parse glued the one told to the clause's subject ("told The
    Jakarta Post radio broadcasts were used", "told the Guardian residents had been warned"): after a
    name that opens that noun phrase and is followed by more of it. None when nothing is glued."""
    doc = verb.doc
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < clause.i), None)
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    np = subj if obj is None else obj if subj is None else None
    if np is None or np.i < verb.i:
        return None
    k = np.left_edge.i + (np.left_edge.dep_ == "det" and np.left_edge.ent_iob_ != "B")
    if k >= np.i or doc[k].ent_iob_ != "B" or doc[k].ent_type_ not in ("ORG", "PERSON"):
        return None
    k += 1
    while k < np.i and doc[k].ent_iob_ == "I":
        k += 1
    return k if k <= np.i and doc[k].ent_iob_ != "I" and doc[k].tag_ != "POS" else None


# Verbs of telling someone something, after which the parse can glue the one told to what is told.
TELLING_VERBS = frozenset({"tell", "inform", "brief", "notify", "assure", "remind"})


def _more_that_clauses(verb, end: int) -> int:
    """End of the last "that"-clause coordinated after ``end`` ("reported that A; that B; and that C"):
    the parse can hang "and that C" on the verb instead of on A."""
    for c in verb.children:
        if c.dep_ == "conj" and c.i >= end and _that_clause(c):
            end = max(end, c.right_edge.i + 1)
    return end


CONTRAST_MARKS = frozenset({"while", "whereas", "though", "although"})
CONCESSION_PREPS = frozenset({"despite", "notwithstanding"})


def _before_contrast(clause, last, end: int) -> int:
    """End of a reported clause before a contrast the writer adds after a comma ("said the plan would
    work, while critics called it a fantasy", "…, despite photos showing …"): not what the speaker said."""
    doc = clause.doc
    for head in {clause, last}:
        for c in head.children:
            if c.dep_ == "advcl" and c.i > head.i and c.left_edge.i < end and doc[c.left_edge.i - 1].text == "," \
                    and c.left_edge.lower_ in CONTRAST_MARKS \
                    or c.dep_ == "prep" and c.lower_ in CONCESSION_PREPS and c.i > head.i and c.i < end \
                    and doc[c.i - 1].text == ",":
                end = min(end, c.left_edge.i - 1)   # (or "…, despite photos showing …": the writer's concession)
    for t in doc[clause.i + 1:end]:      # deeper: "reported its source said A, while footage showed B"
        if t.dep_ == "advcl" and t.left_edge.lower_ in CONTRAST_MARKS and t.left_edge.i > clause.i \
                and _closes(t, end) and (_after_comma(t.left_edge) or _own_report(t)
                                         and any(g.dep_ == "ccomp" for g in t.children)):
            end = min(end, t.left_edge.i - _after_comma(t.left_edge))
            break                       # ("said A while Minister B wrote C": B's report, not A's)
    return end


def _backshifted_conjunct_end(verb, clause, end: int) -> int:
    """End of a predicate in the past perfect that the parse joined to the reporting verb although it
    goes on with the reported clause ("said she had been in excellent health but had recently had
    pneumonia"): the backshifted "had" is the report's tense, not the speaker's own next act. ``end``
    when there is none."""
    if not any(g.dep_ == "aux" and g.lower_ == "had" for g in clause.children):
        return end
    for c in verb.children:
        first = c.left_edge
        if c.dep_ == "conj" and c.i >= end and first.lower_ == "had" and first.dep_ == "aux" \
                and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            return c.right_edge.i + 1
    return end


def _before_writers_relative(doc, start: int, end: int) -> int:
    """End of a reported clause before a relative clause that closes it just after a closing quotation
    mark ('… "does not involve defeat devices" which were an issue with another automaker': the
    quotation holds the speaker's words, the relative after it is the writer's), or that a comma sets
    off after a name ("… planned to visit Wiranto, who was being treated at …": who the name is, for the
    reader). After a common noun the relative can be the speaker's ("a loss, which could have allowed
    him …"), as news attribution corpora annotate it."""
    for t in doc[start:end]:
        first = t.left_edge
        if t.dep_ == "relcl" and first.i > start and first.tag_ in ("WDT", "WP") and first.lower_ != "that" \
                and (doc[first.i - 1].text in CLOSING_QUOTES - {"’"} or doc[first.i - 1].text == "," and t.head.pos_ == "PROPN") \
                and _closes(t, end) \
                and not any(g.tag_ in ("``", "''") for g in t.subtree):     # ('…" which "led to …"': still quoting)
            return first.i
    return end


def _after_comma(tok) -> bool:
    """A comma right before ``tok``, or before the closing quotation mark before it ('…," while')."""
    doc = tok.doc
    k = tok.i - 1
    if k > 0 and doc[k].text in CLOSING_QUOTES and doc[k - 1].text == ",":
        return True
    return k >= 0 and doc[k].text == ","


def _closes(tok, end: int) -> bool:
    """``tok``'s subtree runs to ``end`` (but for punctuation)."""
    return all(t.is_punct or t.is_space for t in tok.doc[tok.right_edge.i + 1:end])


def _reported_clauses(verb):
    """The first and last clausal complement of a reporting verb: the ones after it when there are
    any ("While he acknowledged A, Ham noted B": B, not the clause inside the "while" adjunct that the
    parse hung on "noted"), and all of them when the parse split what is said into several
    ("discovered that attempts to X were made by Y": "attempts" and "were made")."""
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and not _purpose(c)]
    after = [c for c in clauses if c.i > verb.i and not _cut_off(verb, c) and not _bare_report(c)]
    others = [k for k, c in enumerate(after) if k and _own_report(c)]
    after = after[:others[0]] if others else after       # "…, The S.E.C. said …": another's report
    if after:
        return after[0], after[-1]
    return (clauses[0], clauses[0]) if clauses else (None, None)


def _purpose(clause) -> bool:
    """A clause of purpose or result the parse made a complement ("declared an emergency so he could
    fund a wall"): why it was done, not what is said."""
    return any(g.dep_ == "mark" and g.lower_ == "so" for g in clause.children)


def _clause_on_addressee(verb):
    """A "that"-clause the parse hung on who is told instead of on the verb ("told a meeting of
    leaders that …"): the clause of a noun in the verb's object with "that" as its mark."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)
    if obj is None:
        return None
    for t in obj.subtree:
        if t.dep_ in ("acl", "relcl", "ccomp") and t.i > obj.i and t.pos_ in ("VERB", "AUX") and any(
                g.dep_ == "mark" and g.lower_ == "that" and g.i == t.left_edge.i for g in t.children):
            return t
    return None


def _relative_of_object(verb, clause) -> bool:
    """True when a "that"-clause the parse gave the verb has no subject of its own and follows the
    verb's noun object: "that" is its subject, so it is a relative clause of the object."""
    if not _that_clause(clause) or any(g.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for g in clause.children):
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and verb.i < c.i < clause.i for c in verb.children)


def _cut_off(verb, clause) -> bool:
    """True when a sentence end or a line break stands between a verb and a clause the parse gave it."""
    doc = verb.doc
    return any(t.text in (".", "!", "?") or "\n" in t.text_with_ws for t in doc[verb.i:clause.left_edge.i])


def _bare_report(clause) -> bool:
    """Someone else's reporting clause with nothing reported after it ("…, CNN reported the governor
    said."): what is said stands before the verb."""
    return _own_report(clause) and not any(g.i > clause.i and g.dep_ in ("ccomp", "dobj", "xcomp")
                                           for g in clause.children)


def _own_report(clause) -> bool:
    """A clause that is someone's report in its own right: a reporting verb with its own subject."""
    return verb_forms().get(clause.lower_) in SPEECH_VERBS and subject_of(clause) is not None


def content_of(doc, verb, base: str, *, broad: bool = True) -> tuple[int, int] | None:
    """Char span of what ``verb`` (lemma ``base``) reports, or None. Tried in order: the "as" phrase
    of a relative it names, a reported clause, a clause hung on who is told, an infinitive, a
    published statement, a plea or a naming, an object (``broad``: of any reporting verb) or what it
    is about, and last the clause a parenthetical "he said" reports."""
    kids = list(verb.children)
    named = _named_relative(verb, kids)
    if named is not None:
        return span_chars(doc, named.left_edge.i, _before_writers_relative(doc, named.left_edge.i, verb.right_edge.i + 1))
    clause, last = _clause_reported(doc, verb, base, kids)
    if clause is not None:
        return _clause_content(doc, verb, base, kids, clause, last)
    gerund = glued_gerund(verb)
    if gerund is not None:        # "wrote denying them citizenship violated …": all of it is what is written
        return span_chars(doc, gerund.i, _before_writers_relative(doc, gerund.i, gerund.right_edge.i + 1))
    told = _clause_on_addressee(verb) if base in ADDRESSEE_OBJECT_VERBS else None
    if told is not None:          # "told a meeting of island leaders that few people …": the parse hung the clause on them
        return span_chars(doc, told.left_edge.i, told.right_edge.i + 1)
    x = next((c for c in kids if c.dep_ == "xcomp"), None) if base in XCOMP_VERBS or base in COGNITION_VERBS else None
    if x is not None:
        return _infinitive_content(doc, verb, kids, x)
    if base in PUBLISH_VERBS:
        return _published_content(doc, verb)
    right = _plea_or_naming(verb, base, kids)
    if right is not None:
        return span_chars(doc, *right)
    if base in OBJECT_CONTENT_VERBS:
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if obj is not None and obj.lower_ not in ("it", "this", "that"):
            return _object_content(doc, verb, kids, obj)
        prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in ("for", "on") and c.i > verb.i), None)
        if prep is not None and base == "call":
            return span_chars(doc, prep.i + 1, prep.right_edge.i + 1)
    if broad and base not in ("say", "tell", "add") and plausible_source(verb, base) and not _parenthetical(doc, verb, base) \
            and not _addressed_passive(verb):
        # any other reporting verb: its object, or what it is "about"
        obj = next((c for c in kids if c.dep_ in ("dobj", "attr") and c.i > verb.i), None)
        if obj is not None and obj.lower_ not in ("it", "this", "that", "so"):
            return _any_object_content(doc, verb, kids, obj)
        prep = _topic_prep(verb, base, kids)
        if prep is not None:      # "referred to the vote as "a hoax"": what it was called goes with it
            name = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "as" and c.i > prep.i), None)
            return span_chars(doc, prep.i + 1, (name or prep).right_edge.i + 1)
    if _parenthetical(doc, verb, base):
        return _parenthetical_content(doc, verb)
    return None


def _named_relative(verb, kids):
    """The "as" phrase (or predicate) of a relative the verb names ("…, that Wang described as
    resembling hairs"): what the relative stands for is called so. None when there is none."""
    named = next((c for c in kids if c.i > verb.i and (c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as")), None)
    if named is not None and subject_of(verb) is not None \
            and any(c.dep_ == "dobj" and c.i < verb.i and _relative_word(c) for c in kids):
        return named              # (a clause the parse hung before the verb is the writer's)
    return None


def _clause_reported(doc, verb, base: str, kids):
    """The first and last reported clause of ``verb`` (as ``_reported_clauses``), (None, None) when the
    clause the parse gave is not what is said."""
    clause, last = _reported_clauses(verb)
    to_verb = next((c for c in kids if c.dep_ == "xcomp" and c.i > verb.i), None)
    if clause is not None and to_verb is not None and base in XCOMP_VERBS and to_verb.i < clause.i:
        return None, None         # "promising to lift the rules ― not what Graham had in mind": the infinitive is what is promised
    if clause is not None and clause.i < verb.i and any(t.text == ";" for t in doc[clause.right_edge.i:verb.i]):
        return None, None         # "A meet; B urges …": the clause before the semicolon is not what B says
    if clause is not None and _relative_of_object(verb, clause):
        return None, None         # "published a video that, he says, shows …": the video shows it
    return clause, last


def _clause_content(doc, verb, base: str, kids, clause, last) -> tuple[int, int] | None:
    """Char span of a reported clause, from its first clause to its last, cut where the writer's words
    start again."""
    s, e = clause.left_edge.i, last.right_edge.i + 1
    if verb.i < s:
        s = _past_time_of_saying(doc, s, clause)
    gerund = glued_gerund(verb)
    if gerund is not None:         # "wrote denying them citizenship violated …": the gerund is the clause's subject
        s = min(s, gerund.left_edge.i)
    e = _clause_end(doc, verb, clause, last, s, e)
    if base in TELLING_VERBS and not _that_clause(clause):
        glued = _glued_addressee_end(verb, clause)
        if glued is not None:    # "told The Jakarta Post radio broadcasts were used …"
            return span_chars(doc, glued, e)
    obj = next((c for c in kids if c.dep_ in ("dobj", "dative") and c.i < clause.i and c.i > verb.i), None)
    if obj is not None and not _that_after(clause, obj) \
            and (base in ("urge", "ask", "warn", "call") or base not in ADDRESSEE_OBJECT_VERBS
                 and obj.dep_ == "dobj" and obj.pos_ != "PRON"):
        # "indicated no support will come": the parse can hang the clause's subject on the verb
        s = min(s, obj.left_edge.i)
    return span_chars(doc, s, e)


def _that_after(clause, obj) -> bool:
    """The clause opens on "that" after ``obj`` ("answers the national court that …"): the object is
    who is answered, not the clause's subject."""
    return any(g.dep_ == "mark" and g.lower_ == "that" and g.i > obj.right_edge.i for g in clause.children)


def glued_gerund(verb):
    """A gerund right after a reporting verb that opens what is said ("wrote denying American Samoans
    citizenship violated the Constitution"): the parse made it the verb's complement, and either the
    subject of the verb's clause or the head of that clause. None otherwise."""
    ger = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == verb.i + 1), None)
    if ger is None or verb_forms().get(verb.lower_) not in SPEECH_VERBS - XCOMP_VERBS - GOES_ON_VERBS:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > ger.right_edge.i), None)
    if clause is not None and not any(g.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for g in clause.children):
        return ger
    inner = next((c for c in ger.children if c.dep_ == "ccomp"), None)
    if clause is None and inner is not None and any(g.dep_ in ("nsubj", "nsubjpass") and g.i < inner.i
                                                    for g in inner.children):
        return ger
    return None


def _that_after_semicolon(doc, end: int) -> bool:
    """The clause ends on a semicolon followed by "that", whatever the parse made of it ("…; that race
    was a factor; …": "that" read as a determiner): the report goes on."""
    return end + 1 < len(doc) and doc[end].text == ";" and doc[end + 1].lower_ == "that"


def _clause_end(doc, verb, clause, last, s: int, e: int) -> int:
    """End token of a reported clause: more "that"-clauses and a backshifted conjunct kept, another
    report, a contrast and a writer's relative left out."""
    e = max(e, _more_that_clauses(verb, e))
    up = verb.head      # "reported that A; that B; and that C", parsed with "that B" as the root
    if verb.dep_ == "ccomp" and up.i >= e and (_that_clause(up) or _that_after_semicolon(doc, e)):
        e = max(e, up.right_edge.i + 1, _more_that_clauses(up, e))
    e = max(e, _backshifted_conjunct_end(verb, clause, e), _elliptic_conjunct_end(verb, e))
    e = _before_other_report(last, e)
    e = _before_contrast(clause, last, e)
    e = _before_writers_adjunct(clause, last, e)
    return _before_writers_relative(doc, s, e)


def _elliptic_conjunct_end(verb, end: int) -> int:
    """End of a verbless conjunct the parse joined to the reporting verb after its clause ("claimed 90
    civilians were wounded, as were seventeen soldiers, and two each from the police"): a verb that
    reports a clause takes no noun beside it, so the noun goes on with the clause. ``end`` when there
    is none."""
    for c in verb.children:
        if c.dep_ == "conj" and c.i >= end and c.pos_ in ("NUM", "NOUN", "PROPN") \
                and any(g.dep_ == "cc" and end <= g.i < c.i for g in verb.children) \
                and not any(t.pos_ in ("VERB", "AUX") for t in c.subtree):
            return c.right_edge.i + 1
    return end


def _before_writers_adjunct(clause, last, end: int) -> int:
    """End of a reported clause before an absolute "with" phrase that closes it after a comma and
    reports someone else ("…, with some local press claiming he …", "…, with half of the voters saying
    …"): the writer goes on with another's report, not with the speaker's words."""
    for head in {clause, last}:
        for c in head.children:
            if c.i > head.i and c.left_edge.i < end and _after_comma(c.left_edge) and _closes(c, end) \
                    and _absolute_report(c):
                end = min(end, c.left_edge.i)
    return end


def _absolute_report(prep) -> bool:
    """"with" and someone reporting: "with some local press claiming …", "with 50 percent of voters
    saying …" (a reporting participle with its own subject, or on the noun after "with")."""
    if prep.dep_ != "prep" or prep.lower_ != "with":
        return False
    forms = verb_forms()
    return any(
        g.dep_ == "pcomp" and g.tag_ == "VBG" and forms.get(g.lower_) in SPEECH_VERBS
        and any(k.dep_ in ("nsubj", "nsubjpass") for k in g.children)
        or g.dep_ == "pobj" and any(k.dep_ == "acl" and k.tag_ == "VBG" and forms.get(k.lower_) in SPEECH_VERBS
                                    for k in g.subtree)
        for g in prep.children)


def _infinitive_content(doc, verb, kids, x) -> tuple[int, int] | None:
    """An infinitive with the one urged or called on ("urged X to …", "called on residents to save water")."""
    s, e = subtree_span(x)
    obj = next((c for c in kids if c.dep_ == "dobj" and verb.i < c.i < x.i), None) or next(
        (g for c in kids if c.dep_ == "prep" and c.lower_ in ("on", "upon") and verb.i < c.i < x.i
         for g in c.children if g.dep_ == "pobj"), None)
    if obj is not None:
        s = obj.left_edge.i
    return span_chars(doc, s, e)


def _plea_or_naming(verb, base: str, kids) -> tuple[int, int] | None:
    """Token span of a plea ("pled not guilty to all charges") or of what something is called
    ("called the charges unsubstantiated", "called Oz a quack"); None otherwise."""
    if base == "plead":
        plea = next((c for c in kids if c.dep_ in ("oprd", "acomp") and c.i > verb.i), None)
        if plea is not None:
            return plea.left_edge.i, plea.right_edge.i + 1
    if base == "call":
        right = [c for c in kids if c.i > verb.i and c.dep_ in ("dobj", "oprd", "ccomp", "xcomp", "attr")]
        if len(right) >= 2 or right and right[0].dep_ != "dobj":
            return right[0].left_edge.i, max(c.right_edge.i for c in right) + 1
    return None


def _object_content(doc, verb, kids, obj) -> tuple[int, int] | None:
    """An object of a verb whose object is what is said, with what completes it ("accused Europe of
    using …", "called for …", "announced a law to ban …")."""
    s, e = _object_span(obj)
    for c in kids:
        if c.i > obj.i and (c.dep_ == "prep" and (c.lower_ in ("of", "for", "as") or _aim(c))
                            or c.dep_ in ("xcomp", "advcl") and to_infinitive(c) or _side_taken(c)):
            e = max(e, c.right_edge.i + 1)
    return _not_only_relative(doc, s, max(e, _predicate_after_object(verb, obj)))


# Prepositions of what an object is about or aims at ("steps toward using X", "sanctions against Y",
# "an inquiry into Z", "concerns over W"), which the parse can hang on the verb.
AIM_PREPS = frozenset({"toward", "towards", "against", "into", "about", "over", "on"})


def _aim(prep) -> bool:
    """A phrase of what the object is about or aims at, not when or where it was said ("on Monday"),
    nor an idiom of the verb's, whose object is a bare singular noun ("called the figures into
    question", "took it into account")."""
    return prep.lower_ in AIM_PREPS and any(g.dep_ in ("pobj", "pcomp") and is_topic(g) and not _bare_noun(g)
                                            for g in prep.children)


def _bare_noun(tok) -> bool:
    """A singular common noun with nothing before it ("question" in "into question")."""
    return tok.tag_ == "NN" and not any(c.i < tok.i for c in tok.children)



def _any_object_content(doc, verb, kids, obj) -> tuple[int, int] | None:
    """An object of any other reporting verb, with its phrases but not the time or place of saying."""
    e = _object_span(obj)[1]
    for c in kids:
        if (c.dep_ in ("prep", "oprd", "advcl") or c.dep_ == "xcomp" and to_infinitive(c)) and c.i > obj.i and (c.lower_ not in ("in", "at", "during", "after")
                                                                    or _side_taken(c)) \
                and not (c.dep_ == "advcl" and c.left_edge.lower_ in CONTRAST_MARKS):
            e = max(e, c.right_edge.i + 1)     # (not "…, though Dr. Kock has reported …": the writer's)
    return _not_only_relative(doc, obj.left_edge.i, max(e, _predicate_after_object(verb, obj)))


def _topic_prep(verb, base: str, kids):
    """The preposition of what is spoken "about" ("spoke about X", "referred to X"), not of who listens
    ("spoke to X") nor of what is answered ("responded to X")."""
    return next((c for c in kids if c.dep_ == "prep" and c.i > verb.i and c.lower_ in ABOUT_PREPS
                 and not (base in ADDRESSEE_VERBS and c.lower_ in ("to", "with"))
                 and not (base in RESPONDING_VERBS and c.lower_ == "to")
                 and any(g.dep_ in ("pobj", "pcomp") and is_topic(g) for g in c.children)), None)


def _parenthetical_content(doc, verb) -> tuple[int, int] | None:
    """"The talks failed, he said." / "Acts of protest, he said, are acts of patriotism": the reporting
    clause hangs on the content's verb; the content is that verb's clause."""
    head = verb.head
    while head.dep_ == "advcl" and head.head.i != head.i and head.head.right_edge.i > verb.right_edge.i + 1:
        head = head.head      # "Though A, he said, B": the clause reported is the whole of "Though A, B"
    s, e = _between_semicolons(doc, verb.i, head.left_edge.i, head.right_edge.i + 1)
    words = [t.i for t in verb.subtree if not t.is_punct]
    if words[-1] + 2 >= e:
        e = words[0]
    elif words[0] <= s:
        s = words[-1] + 1
    return span_chars(doc, s, e)


# Nouns of "in support of", "in opposition to" …: the side a statement takes, part of what is stated.
SIDE_NOUNS = frozenset({"support", "favor", "favour", "opposition", "defense", "defence", "solidarity"})


def _side_taken(prep) -> bool:
    """A phrase saying which side an object takes ("expressed her stance in support of X")."""
    return prep.dep_ == "prep" and prep.lower_ == "in" and any(
        g.dep_ == "pobj" and g.lower_ in SIDE_NOUNS for g in prep.children)


TIME_PREPS = frozenset({"on", "in", "at", "during", "late", "early"})
TIME_ADVERBS = frozenset({"earlier", "later", "yesterday", "today", "tonight"})


def _past_time_of_saying(doc, start: int, clause) -> int:
    """Start of a reported clause after a time phrase that opens it without "that" and before its
    subject ("Police said on Monday they believe …", "said earlier he might …"): the phrase dates the
    saying, not what is said."""
    t = doc[start]
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None:
        return start
    while t.head.i != clause.i and t.head.i < subj.left_edge.i and t.head.i != t.i:
        t = t.head                # "said at a press conference yesterday morning the laws …": the whole phrase
    if t.head.i != clause.i or t.left_edge.i != start or subj.left_edge.i <= t.right_edge.i:
        return start
    timed = t.dep_ == "prep" and t.lower_ in TIME_PREPS and any(
        g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in t.children) \
        or t.dep_ in ("npadvmod", "advmod") and (t.ent_type_ in ("DATE", "TIME") or t.lower_ in TIME_ADVERBS)
    if not timed:
        return start
    k = t.right_edge.i + 1
    return k + (doc[k].text == ",")


def _addressed_passive(verb) -> bool:
    """A passive whose subject is the one addressed, not what is said ("The court had been petitioned
    by X for a ruling", "was asked by reporters about …"): with no clause of its own it reports no
    statement. Passives whose subject is what is reported ("was confirmed by his son") are not."""
    return any(c.dep_ in ("auxpass", PASSIVE_SUBJECT) for c in verb.children) and verb.lower_ not in _PASSIVE_REPORTS


def _not_only_relative(doc, start: int, end: int) -> tuple[int, int] | None:
    """Char span of tokens [start, end), None when it is only a relative pronoun ("a plan …, which
    they rejected"): the verb acts on the thing before it and names no statement ("which the BBC
    describes as …" keeps its "as" phrase)."""
    words = [t for t in doc[start:end] if not t.is_punct]
    if len(words) == 1 and words[0].tag_ in ("WDT", "WP"):
        return None
    return span_chars(doc, start, end)


# Verbs that make or publish a thing: they report a statement only through the clause of what they
# publish ("issued a statement that …", "posted a video saying …"); "posted an invitation" reports nothing.
PUBLISH_VERBS = frozenset("issue release publish post air broadcast circulate".split())
STATEMENT_NOUNS = SPEECH_NOUNS | DOCUMENT_WORDS | POST_WORDS


def statement_clause(noun) -> tuple[int, int] | None:
    """Token span of what a statement noun says: "a statement that X", "a statement saying (that) X",
    "a report agreeing X" -> X."""
    if noun.lower_ not in STATEMENT_NOUNS:
        return None
    for c in noun.children:
        if c.i < noun.i:
            continue
        if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return next(g.i for g in c.children if g.dep_ == "mark" and g.lower_ == "that") + 1, c.right_edge.i + 1
        if c.dep_ == "acl" and c.tag_ == "VBG" and c.lower_ in verb_forms():
            clause = next((g for g in c.children if g.dep_ in ("ccomp", "xcomp")), None)
            if clause is not None:
                return clause.left_edge.i, clause.right_edge.i + 1
            # the parse can scatter what is said over the rest of the sentence ("… saying an attack
            # [on the base] produced no casualties" with "produced" hung on the publishing verb)
            end = min(max(noun.right_edge.i, noun.head.right_edge.i) + 1, noun.sent.end)
            if end > c.i + 1:
                return c.i + 1, end
    return None


def published_statement(tok) -> bool:
    """The "saying" of "issued a statement saying …": the publishing verb carries the attribution."""
    noun = tok.head
    return tok.dep_ == "acl" and noun.dep_ == "dobj" and verb_forms().get(noun.head.lower_) in PUBLISH_VERBS \
        and statement_clause(noun) is not None


def _published_content(doc, verb) -> tuple[int, int] | None:
    """What a publishing verb reports: the clause of the statement it publishes, a clause of its
    own ("posted that …"), else nothing."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None:
        span = statement_clause(obj)
        return span_chars(doc, *span) if span else None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    return span_chars(doc, clause.left_edge.i, clause.right_edge.i + 1) if clause is not None else None


PARENTHETICAL_VERBS = frozenset("say add tell write note explain insist argue claim warn stress contend "
                                "maintain recall acknowledge admit concede predict suggest observe continue "
                                "emphasize emphasise reply respond answer joke quip complain report".split())


def _parenthetical(doc, verb, base: str) -> bool:
    """A short reporting clause ("he said", "Mr. Obama said in a speech") inside or after the
    clause it reports, set off by a comma."""
    if base not in PARENTHETICAL_VERBS or verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj") \
            or verb.head is verb or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children):
        return False
    if verb.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False      # "It credited X with A, noting on Twitter “…”": a participle going on, not "he noted"
    words = [t.i for t in verb.subtree if not t.is_punct]
    left, right = words[0], words[-1]
    if right - left > 10 or left == 0:
        return False
    return doc[left - 1].text in (",", "—", "--", "(", "''", "”", '"', "’")


def as_clause_content(doc, verb, mark) -> tuple[int, int] | None:
    """Content of an as-clause: the rest of its sentence, before it or (when it opens the
    sentence) after it."""
    sent = verb.sent
    if mark.i <= sent.start + 1:
        return span_chars(doc, verb.right_edge.i + 1, sent.end)
    start = next((i + 1 for i in range(mark.i - 1, sent.start - 1, -1) if "\n" in doc[i].text_with_ws), sent.start)
    up = verb.head        # the clause the as-clause belongs to ("…, because A is B, as a memo put it": A is B)
    if up.i != verb.i and up.pos_ in ("VERB", "AUX") and start < up.left_edge.i < mark.i:
        start = up.left_edge.i
        while start < mark.i and (doc[start].dep_ == "mark" or doc[start].is_punct and doc[start].text not in "\"“"):
            start += 1
    left = [t for t in doc[start:mark.i] if not t.is_punct]      # within the paragraph (not a headline)
    right = [t for t in doc[verb.right_edge.i + 1:sent.end] if not t.is_punct]
    if len(right) >= 3 and not any(t.pos_ in ("VERB", "AUX") for t in left):
        return span_chars(doc, start, sent.end)     # "Hawaii, as X pointed out, rarely gets …": both sides
    return span_chars(doc, start, mark.i)


# Passive reports whose subject is what is reported ("was confirmed by his son"), not a thing made
# ("a subpoena was issued by …").
_PASSIVE_REPORTS = frozenset("confirmed announced reported denied revealed disclosed stated claimed alleged "
                             "acknowledged predicted described".split()) | frozenset(
    # a position taken or a judgment passed on the subject ("the bill is supported by unions",
    # "the plan was criticised by the opposition")
    "endorsed supported backed opposed praised criticized criticised condemned denounced welcomed rejected "
    "hailed applauded lauded commended derided disputed".split())


def passive_content(verb) -> tuple[int, int] | None:
    """What a passive reporting verb with an agent reports: its subject ("The death was confirmed by
    his son")."""
    subj = next((c for c in verb.children if c.dep_ == PASSIVE_SUBJECT), None)
    if subj is None or not any(c.dep_ == "agent" for c in verb.children) or verb.lower_ not in _PASSIVE_REPORTS:
        return None
    doc = subj.doc
    called = next((c for c in verb.children if c.i > verb.i and (c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as")), None)
    if called is not None:      # "X were described by Johnson as a 'historic mandate'": what he called X
        return span_chars(doc, subj.left_edge.i, called.right_edge.i + 1)
    return span_chars(doc, subj.left_edge.i, subj.right_edge.i + 1)


RELATIVE_TAGS = ("WDT", "WP", "WP$")


def _relative_word(tok) -> bool:
    """A relative pronoun opening a clause ("which", "who", "what"; "that" as subject or object)."""
    return tok.tag_ in RELATIVE_TAGS or tok.lower_ == "that" and tok.dep_ in ("nsubj", "nsubjpass", "dobj")


def token_at(doc, char: int) -> int:
    """Index of the first token starting at or after ``char`` (binary search over token offsets)."""
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < char:
            lo = mid + 1
        else:
            hi = mid
    return lo


def past_relative(doc, verb, subj, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """``content`` without the relative pronoun, the source and the cue of a relative clause of saying
    ("…, which his wife said was due to illness": "was due to illness"; "which, the statement said,
    nations refused to take back"; "that Wang described as resembling hairs"): the relative pronoun
    stands for the writer's noun, and who says it is the source, not what is said."""
    if content is None or subj is None:
        return content
    first = token_at(doc, content[0])
    if first == 0 or first >= len(doc) or not _relative_word(doc[first]) \
            or not first < subj.left_edge.i <= subj.i < verb.i or not verb.idx < content[1]:
        return content
    if doc[first - 1].pos_ not in ("NOUN", "PROPN", "NUM", "PUNCT"):
        return content        # "did not announce whom they would support": a question, not a relative
    start = max([verb.i] + [c.i for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]) + 1
    return span_chars(doc, start, token_at(doc, content[1]))
