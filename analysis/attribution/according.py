"""Attributions without a reporting verb of their own: "according to X", "as X reported",
"sources quoted by Reuters", and a quotation followed by a bare source ("…," Prigozhin's press
service, via a Telegram post).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..entities.lexicon import (
    CHANNEL_NOUNS,
    DOCUMENT_WORDS,
    KINSHIP_NOUNS,
    OFFICE_WORDS,
    ORG_NOUNS,
    POST_WORDS,
)
from .content import RELATIVE_TAGS, span_chars, token_at
from .lexicon import ANONYMOUS_HEADS, SPEECH_VERBS, verb_forms
from .sourcetypes import agent_noun
from .speech import Speech

# Common nouns that can head a source: people, groups, offices, documents, posts.
SOURCE_NOUNS = (ANONYMOUS_HEADS | CHANNEL_NOUNS | DOCUMENT_WORDS | KINSHIP_NOUNS | OFFICE_WORDS | ORG_NOUNS
                | POST_WORDS)

CITED_BY = ("quoted", "cited", "interviewed", "contacted", "consulted", "reached")


def _clause_without(doc, head, cut_start: int, cut_end: int) -> tuple[int, int] | None:
    """Char span of ``head``'s clause with tokens [cut_start, cut_end) taken out: the side that
    holds the clause's verb, or the whole clause when the cut sits inside it."""
    s, e = head.left_edge.i, head.right_edge.i + 1
    sent = head.sent
    s, e = max(s, sent.start), min(e, sent.end)
    for i in range(cut_start - 1, s - 1, -1):      # stay inside the paragraph, between semicolons, after a colon
        if "\n" in doc[i].text_with_ws or doc[i].text in (";", ":"):
            s = i + 1
            break
    for i in range(cut_end, e):
        if "\n" in doc[i].text_with_ws or doc[i].text == ";":
            e = i + (doc[i].text != ";")
            break
    if cut_start <= s:
        return span_chars(doc, cut_end, e)
    if cut_end >= e:
        return span_chars(doc, s, cut_start)
    if _after_conjunction(doc, s, cut_start):    # "… largely Kurdish and, according to X, supportive of …"
        return span_chars(doc, cut_end, e)
    if _unfinished(doc, s, cut_start) or _subject_left_verb_right(doc, head, s, cut_start, cut_end):
        left, right = span_chars(doc, s, cut_start), span_chars(doc, cut_end, e)
        if left and right:               # "One child was, according to X, among the dead": both sides
            return left[0], right[1]
    if _adjunct(doc, s, cut_start):          # "Longer term, according to X, the goal is …"
        if not doc[cut_start - 1].is_punct:
            return span_chars(doc, s, cut_start)     # "Magnitude 6.3 according to X, it was …": the figure is X's
        return span_chars(doc, cut_end, e)
    if _adjunct(doc, cut_end, e) or _writers_addition(doc, cut_end, e):
        return span_chars(doc, s, cut_start)     # "… has died, according to X on Friday.", "…, according to X, but Y …"
    left, right = span_chars(doc, s, cut_start), span_chars(doc, cut_end, e)
    if left and right:
        return left[0], right[1]
    return left or right


def _words(doc, start: int, end: int) -> list:
    return [t for t in doc[start:end] if not (t.is_punct or t.is_space)]


def _after_conjunction(doc, start: int, cut: int) -> bool:
    """The cue stands right after a coordinating conjunction ("A and, according to X, B"): it
    attributes the conjunct after it, not what the writer states before."""
    words = _words(doc, start, cut)
    return len(words) >= 2 and words[-1].dep_ == "cc"


def _subject_left_verb_right(doc, head, start: int, cut_start: int, cut_end: int) -> bool:
    """The clause's subject before the cue and its verb after it ("Rescuers, working in the cold,
    according to X recovered ten survivors"): the cue sits inside one clause, which is the content."""
    subjects = [c.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return cut_end <= head.i and bool(subjects) and all(start <= i < cut_start for i in subjects)


def _writers_addition(doc, start: int, end: int) -> bool:
    """What follows the source is the writer's own addition to the attributed clause: a
    participle ("…, ranging in age from 11 to 75"), a with-phrase, or a clause of its own after a
    contrast ("…, but the man was found dead"; after "and" it goes on with the source's figures)."""
    words = _words(doc, start, end)
    if not words:
        return True
    first = words[0]
    if first.tag_ == "VBG" and first.dep_ in ("advcl", "acl", "conj", "xcomp") or first.lower_ == "with":
        return True
    if first.dep_ == "cc" and first.lower_ in ("but", "yet") and len(words) > 1:
        return any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i >= words[1].i for t in words[1:])
    return False


def _without_time(doc, src: tuple[int, int]) -> tuple[int, int]:
    """``src`` without a time phrase the parse hung on it ("according to the city engineer on
    Saturday"): when X said it, not who X is."""
    for k in range(src[0] + 1, src[1]):
        if doc[k].dep_ == "prep" and doc[k].lower_ in ("on", "at", "in", "during") \
                and all(t.ent_type_ in ("DATE", "TIME") for t in doc[k + 1:src[1]] if not t.is_punct):
            return src[0], k
    return src


def _name_run(doc, start: int) -> int | None:
    """End of a name the parse left out of the source ("according to Connecticut | Senator Richard
    Blumenthal, …"): up to five proper nouns from ``start`` to a comma, else None."""
    k = start
    while k < len(doc) and k < start + 5 and doc[k].tag_ == "NNP":
        k += 1
    return k if k > start and k < len(doc) and doc[k].text == "," else None


def _fronted(doc, tok) -> bool:
    """True when "according to" opens its sentence or paragraph (after nothing but punctuation)."""
    for t in reversed(doc[tok.sent.start:tok.i]):
        if "\n" in t.text_with_ws:
            return True
        if not t.is_punct:
            return False
    return True


def _sentence_after(doc, start: int) -> tuple[int, int] | None:
    """Char span of the rest of the sentence from token ``start``, over semicolons ("A; B") but not
    over a line break or into a part with a reporting verb of its own, without a short adjunct left of the source's phrase ("According to the mayor
    on Saturday, the bridge …")."""
    end = doc[start].sent.end if start < len(doc) else start
    forms = verb_forms()
    for i in range(start, end):
        if "\n" in doc[i].text_with_ws:
            end = i + 1
            break
        if doc[i].text == ";" and any(t.pos_ == "VERB" and t.lower_ in forms for t in doc[i + 1:end]):
            end = i       # "A; NATO guidelines call for 2%", "…; which they note is …": a report of its own
            break
    comma = next((k for k in range(start, min(start + 6, end)) if doc[k].text == ","), None)
    if comma is not None and _adjunct(doc, start, comma):
        start = comma + 1
    return span_chars(doc, start, end)


def _unfinished(doc, start: int, end: int) -> bool:
    """A piece that ends on an auxiliary or a copula ("One child was", "The toll has been"): the
    clause goes on after the cue set in its middle."""
    words = [t for t in doc[start:end] if not t.is_punct]
    return len(words) >= 2 and words[-1].pos_ == "AUX" and words[-1].dep_ in ("ROOT", "aux", "auxpass", "ccomp", "conj")


def _adjunct(doc, start: int, end: int) -> bool:
    """A short piece with no verb ("on Friday", "Longer term,"): no part of what is attributed."""
    words = [t for t in doc[start:end] if not t.is_punct]
    return len(words) <= 4 and not any(t.pos_ in ("VERB", "AUX") for t in words)


def find_according(doc) -> list[Speech]:
    """ "according to X" and "per X": the source is X, the content the clause it modifies."""
    out = []
    for tok in doc:
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is None:
                obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            src = _without_time(doc, _named_apposition(doc, (to.i + 1, _source_end(doc, obj))))
            relative_tail = src[1] < obj.right_edge.i + 1 and doc[src[1] + 1].tag_ in RELATIVE_TAGS
            head = tok.head if tok.head is not tok else tok
            while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and head.head is not head and \
                    head.pos_ not in ("VERB", "AUX"):
                head = head.head
            if head is tok:
                head = tok.sent.root
            while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and tok.i > head.i \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
                head = head.head      # "The plane crashed … and struck a facility, according to officials": both
            cut_s = tok.i
            cut_e = obj.right_edge.i + 1 if relative_tail else src[1]
            cut_e = max(cut_e, _source_relative_end(doc, cut_e))
            head = _whole_clause(doc, head, max(cut_e, obj.right_edge.i + 1))
            if cut_e + 1 < len(doc) and doc[cut_e].text == "," and doc[cut_e + 1].tag_ in RELATIVE_TAGS:
                cut_e = tok.sent.end      # "…, according to police, who said …": that clause is the source's own
            src_head = obj.i
            if _fronted(doc, tok):      # "According to X, A; B.": X's is the whole sentence after it
                name_end = _name_run(doc, src[1])
                if name_end is not None:       # "According to Connecticut Senator Richard Blumenthal, …"
                    src, src_head, cut_e = (src[0], name_end), name_end - 1, max(cut_e, name_end)
                content = _sentence_after(doc, cut_e)
            else:
                content = _clause_without(doc, head if head.i not in range(cut_s, cut_e) else tok.sent.root, cut_s, cut_e)
                content = _from_phrase_start(doc, content, tok)
            if content is None:
                continue
            cue = (tok.idx, to.idx + len(to))
            out.append(Speech(tok.i, cue, src, src_head, content, "according to"))
    return out


def _from_phrase_start(doc, content: tuple[int, int] | None, cue) -> tuple[int, int] | None:
    """``content`` before the cue, back to the start of its sentence when the parse let it open in
    the middle of a phrase, right after a preposition or a determiner ("Van Biljon, often referred
    to | as "The Lion Man", had been …, according to X"), or on an auxiliary whose subject it left
    out ("Hansen, often described as "the fox", | had been walking …, according to X"): the clause is
    the whole of it."""
    if content is None or content[0] >= cue.idx:
        return content
    first = token_at(doc, content[0])
    start = cue.sent.start
    if first <= start:
        return content
    mid_phrase = doc[first - 1].pos_ in ("ADP", "DET") and not doc[first - 1].is_punct
    if not mid_phrase and not (doc[first].pos_ == "AUX" and doc[first].dep_ in ("aux", "auxpass")):
        return content
    k = first
    while k > start and "\n" not in doc[k - 1].text_with_ws and doc[k - 1].text not in (";", ":"):
        k -= 1
    return doc[k].idx, content[1]


def _closed(head, source_end: int) -> bool:
    """Nothing but punctuation of ``head``'s clause stands after the source (token ``source_end`` on)."""
    return all(t.is_punct or t.is_space for t in head.subtree if t.i >= source_end)


def _whole_clause(doc, head, source_end: int):
    """The clause a cue closing a participle or a conjunct attributes: the whole of it ("An earthquake
    struck, injuring 25, according to officials"; "Rescuers, working in the cold, according to X
    recovered ten survivors"; "Four died and 35 were rescued, according to officials"), but not a
    reporting verb's, whose content is already attributed to its own speaker."""
    forms = verb_forms()
    while head.dep_ in ("advcl", "conj") and head.head is not head and head.head.pos_ in ("VERB", "AUX") \
            and forms.get(head.head.lower_) not in SPEECH_VERBS \
            and _closed(head, source_end):
        head = head.head
    closed = _closed(head, source_end)
    if closed and head.dep_ == "acl" and head.head.dep_ in ("nsubj", "nsubjpass") and head.head.head.i >= source_end:
        head = head.head.head     # "Rescuers, working in the cold, according to X recovered …": the clause
    elif closed and head.dep_ == "csubj" and head.head.i >= source_end:
        head = head.head          # (the same, with the participle parsed as the verb's subject)
    return head


def _source_relative_end(doc, end: int) -> int:
    """End of a relative clause of the source that the parse hung elsewhere ("according to CNN who
    reported that …"): the source's own words, not the writer's. ``end`` when there is none."""
    k = end + (end < len(doc) and doc[end].text == ",")
    if k + 2 < len(doc) and doc[k + 1].lower_ == "of" and doc[k + 2].tag_ in ("WP", "WDT") \
            and doc[k].dep_ in ("nsubj", "nsubjpass"):
        pass                  # "…, according to officials, some of whom were hospitalised"
    elif k >= len(doc) or doc[k].tag_ not in ("WP", "WDT") or doc[k].dep_ not in ("nsubj", "nsubjpass"):
        return end
    return doc[k].head.right_edge.i + 1 if doc[k].head.i > k else end


def _source_end(doc, obj) -> int:
    """End of the source of "according to X": X's phrase, stopping at a comma that the parse let X
    swallow ("according to Turkey, supportive of the PKK"); an apposition naming or describing X stays
    ("according to Ned Price, a spokesman")."""
    end = obj.right_edge.i + 1
    last = end
    while last > obj.i + 1 and doc[last - 1].is_punct:
        last -= 1
    open_end = last < len(doc) and not doc[last].is_punct and not doc[last].is_sent_start
    commas = [k for k in range(obj.i + 1, end - 1) if doc[k].text == ","]
    for k in commas:
        if doc[k + 1].pos_ not in ("DET", "PROPN", "NOUN", "NUM", "PRON") or doc[k + 1].tag_ in RELATIVE_TAGS \
                or not _describes_source(doc, k + 1, end):
            return k          # (not "according to X, Wednesday's earthquake, at 6.3, was …": the clause's subject)
    if commas and open_end:
        return commas[-1]     # "according to Attorney Bash, the manifesto if written …": the clause's subject
    return end


def _describes_source(doc, start: int, end: int) -> bool:
    """The phrase from ``start`` to the next comma names or describes who speaks ("a spokesman",
    "the agency's director"), not a thing ("Wednesday's earthquake", which opens the clause)."""
    stop = next((k for k in range(start, end) if doc[k].text == ","), end)
    heads = [t for t in doc[start:stop] if not start <= t.head.i < stop or t.head.i == t.i]
    return not heads or any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or _can_speak(t) for t in heads)


def _named_apposition(doc, src: tuple[int, int]) -> tuple[int, int]:
    """``src`` reaching over a name set off by commas right after it ("according to the town's first
    selectman, Chris Kervick, …"), which the parse can leave out of the source."""
    i = src[1] + 1
    if i >= len(doc) or doc[src[1]].text != "," or doc[i].ent_type_ != "PERSON" or doc[i].ent_iob_ != "B":
        return src
    j = i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return (src[0], j) if j < len(doc) and doc[j].text == "," else src


def cited_by(doc, head_i: int | None) -> int | None:
    """Token index of X in "sources quoted by X" / "officials cited by X", else None."""
    if head_i is None:
        return None
    for c in doc[head_i].children:
        if c.dep_ == "acl" and c.lower_ in CITED_BY:
            for a in c.children:
                if a.dep_ == "agent":
                    obj = next((g for g in a.children if g.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj.i
    return None


class BareSource(NamedTuple):
    span: tuple[int, int]         # token span of the source
    head: int                     # its head token
    channel: str | None           # the "via" channel
    cue: int | None = None        # a reporting verb the parse left without its subject


def bare_source(doc, quote_end: int, limit: int) -> BareSource | None:
    """A source named right after a quotation without a verb: ``”, Prigozhin’s press service, via
    a Telegram post.``; or after a verb the parse could not join to it: ``” tweeted Mayor of London
    Sadiq Khan.``"""
    toks = []
    i = token_at(doc, quote_end)
    ended = False
    while i < len(doc) and doc[i].idx < limit:
        t = doc[i]
        if t.text in (".", "!", "?", "\n") or t.is_space and "\n" in t.text:
            ended = True
            break
        toks.append(t)
        i += 1
    if not ended and i < len(doc):
        return None               # '“…”, Anna Lee of “Have no fear” told …': the source goes on past the limit
    while toks and (toks[0].text in (",", "”", "’", '"', "»", "''", "―", "—", "–", "-", "--") or toks[0].is_space):
        toks.pop(0)
    cue = None
    if toks and toks[0].tag_ in ("VBD", "VBZ", "VBN") and verb_forms().get(toks[0].lower_) in SPEECH_VERBS \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in toks[0].children):
        cue = toks.pop(0).i
        paren = next((k for k, t in enumerate(toks) if t.text == "("), None)
        toks = toks[:paren] if paren else toks
    if not toks or len(toks) > 14 or any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in toks):
        return None
    if toks[0].pos_ not in ("PROPN", "NOUN", "DET", "ADJ"):
        return None
    via = next((k for k, t in enumerate(toks) if t.lower_ in ("via", "in", "on", "through") and k > 0), None)
    src = toks[:via] if via is not None else toks
    while src and src[-1].text in (",", ";"):
        src.pop()
    if not src:
        return None
    channel = None
    if via is not None:
        rest = [t for t in toks[via + 1:] if t.dep_ != "det" and t.text not in (",", ";")]
        channel = " ".join(t.text for t in rest) or None
    heads = [t for t in src if not (src[0].i <= t.head.i <= src[-1].i) or t.head is t]
    head = heads[0] if heads else src[-1]
    if cue is None and head.pos_ == "NOUN" and not _can_speak(head):
        return None               # '“road load”, a measurement of …': an apposition, not a source
    if cue is not None:        # the parse is broken here: the source's last name is its head
        names = [t for t in src if t.ent_type_ in ("PERSON", "ORG")]
        head = names[-1] if names else head
    return BareSource((src[0].i, src[-1].i + 1), head.i, channel, cue)


def _can_speak(noun) -> bool:
    """A common noun that can head a source: a person, group, office or document."""
    low = noun.lower_
    return low in SOURCE_NOUNS or agent_noun(low.removesuffix("s")) \
        and not low.endswith(("ment", "ments"))      # "resident", not "measurement"


def _names_a_source(span) -> bool:
    """A headline's words before its colon say who speaks: a name the recogniser knows, or a noun
    that can head a source ("Police: …", "Pence: …")."""
    return any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in span) or _can_speak(span.root) \
        or len(span) == 1 and span.root.text[:1].isupper()


# Headline labels that are not sources ("Live: …", "Watch: …").
NOT_SOURCE_LABELS = frozenset("update updated updates watch video live photos photo breaking opinion analysis "
                              "exclusive editorial explainer factbox timeline q&a recap review podcast "
                              "listen read more also related note correction".split())
_COLON_RE = re.compile(r"^([A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,4}):\s+(\S.*?)[.]?$")


def colon_headlines(doc, paragraphs) -> list[Speech]:
    """Headline attributions: "Pence: Flowers Won't Be at Debate" -> Pence says the rest."""
    out = []
    for p in paragraphs:
        if p.kind not in ("headline", "subhead", "standfirst"):
            continue
        m = _COLON_RE.match(p.text)
        if m is None or any(ch.isdigit() for ch in m.group(1)) \
                or any(w.lower() in NOT_SOURCE_LABELS for w in re.split(r"['’]s\b|\s+", m.group(1))):
            continue        # "Watch: …", "Editor's note: …"
        s_src, e_src = p.start + m.start(1), p.start + m.end(1)
        span = doc.char_span(s_src, e_src, alignment_mode="expand")
        if span is None or not _names_a_source(span):
            continue        # "Stealth Over Health: Clinton Was Headed to ER": a title, not who says it
        colon = p.start + m.end(1)
        content = (p.start + m.start(2), p.start + m.end(2))
        out.append(Speech(span.root.i, (colon, colon + 1), (span.start, span.end), span.root.i, content, ":"))
    return out
