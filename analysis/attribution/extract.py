"""Putting the pieces together: quotations meet their reporting verbs, every source is resolved
and typed, and credits are added.

A quotation is attributed, in this order, to: a reporting verb whose clause holds it ("X said
“…”"); a verb just after it in the same sentence ("“…,” X insisted"); a verb just before it
("X said: “…”", and the second half of a quote split around "he said"); a bare source after it
("“…,” Prigozhin's press service"); or, when it opens a paragraph, the speaker of the quote
before it. Short quoted fragments that none of these claim are scare quotes, not attributions.
"""
from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..entities import Referents
from ..entities.lexicon import PLATFORMS
from ..types import Attribution
from .according import bare_source, cited_by, colon_headlines, find_according
from .acts import act_of
from .adjectives import find_adjective_cues
from .channels import verb_channel
from .content import ADDRESSEE_VERBS, CLOSING_QUOTES
from .credits import find_credits
from .interviews import answer_attributions, find_answers, outside
from .lexicon import ANONYMOUS_HEADS, GOES_ON_VERBS, verb_forms
from .nouns import find_noun_cues
from .quotes import Quote, find_quotes
from .sourcetypes import QUANTIFIER_HEADS, affiliation, agent_noun, platform_in, source_type
from .speech import RAISING_VERBS, Speech, find_speech, relative
from .subjects import names_someone, plausible_source

LOGGER = logging.getLogger(__name__)

NEAR_CHARS = 120           # how far from a quotation its reporting verb may stand
SPLIT_GAP_CHARS = 300      # how far the second half of a split quote may follow its cue ("…," said X, a long apposition. "…")
MIN_ORPHAN_WORDS = 6       # a quotation this long opening a paragraph continues the last speaker
SKIP_KINDS = ("credit", "signoff", "boilerplate")
_END_RE = re.compile(r"[.!?](?:\s|$)|\n")
ABBREVIATIONS = frozenset("mr mrs ms dr sen rep gov gen lt col sgt capt adm rev st jr sr prof u.s u.n no vs "
                          "inc co corp ltd jan feb aug sept oct nov dec d-n.y r-ky".split())


class _End:
    """A sentence end between two offsets, not counting "Mr." or an initial ("G.K.")."""

    @staticmethod
    def search(text: str, start: int = 0, end: int | None = None):
        for m in _END_RE.finditer(text, start, len(text) if end is None else end):
            if m.group(0)[0] == ".":
                w = re.search(r"([\w.-]+)$", text[max(start, m.start() - 12):m.start()])
                if w and (w.group(1).lower() in ABBREVIATIONS or len(w.group(1).rstrip(".")) == 1
                          or "." in w.group(1)):
                    continue
            return m
        return None


_END = _End()
_QUOTE_CHARS = re.compile("[\"“”«»]")
# What ends a reporting clause that a quotation then fills: a colon or a dash.
_LEADS_IN = re.compile(r"\s*[:—–]\s*$")
# Where one spoke, between the verb and the quotation: "wrote on Twitter, “…”", "said in a statement: “…”",
# "noting on Twitter “…”".
_CHANNEL_GAP = re.compile(r"\s*(?:on|in|via|through|to)\s+[^,.:;\"“”\n]{1,40}[:,]\s*")
_PLATFORM_NAMES = "|".join(sorted(PLATFORMS, key=len, reverse=True))
_PLATFORM_GAP = re.compile(rf"\s*(?:on|via)\s+(?:(?:the|her|his|its|their)\s+)?(?:{_PLATFORM_NAMES})(?:\s+account)?\s*", re.I)
_COLON = re.compile(r"\s*:\s*")     # "X said the drugs help: “…”" is one statement
# A reporting clause ending its paragraph on a colon ("Limbaugh added:", "He said in a statement:").
_ENDS_ON_COLON = re.compile(r"[^\n.!?:]{0,80}:[ \t]*\n\s*")


@dataclass
class _Cand:
    kind: str
    cue: tuple[int, int] | None
    source: tuple[int, int] | None          # token span
    head: int | None                        # token index of the source's head
    content: tuple[int, int] | None         # char span
    quotes: list[Quote] = field(default_factory=list)
    channel: str | None = None
    speaker: str | None = None              # set for continued quotes
    label: str | None = None
    speaker_name: str | None = None         # the resolved speaker, once finished
    verb: int | None = None                 # token index of the reporting verb
    base: str | None = None                 # its base form ("say"), or "according to", ":"


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int]) -> bool:
    return a is not None and a[0] < b[1] and b[0] < a[1]


class _Quotes:
    """Sorted quotations with a position lookup."""

    def __init__(self, quotes: list[Quote]):
        self.q = quotes
        self.starts = [q.start for q in quotes]

    def containing(self, pos: int) -> Quote | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0 and self.q[k].start < pos < self.q[k].end:
            return self.q[k]
        return None


def _attach(text: str, quotes: list[Quote], speech: list[Speech], doc) -> tuple[dict[int, _Cand], list[_Cand]]:
    """Quotations assigned to speech items (by index), and quotations with a bare or inherited source."""
    cands: dict[int, _Cand] = {}
    extra: list[_Cand] = []
    cue_starts = [sp.cue[0] for sp in speech]
    qs = _Quotes(quotes)
    last: _Cand | None = None
    for qi, q in enumerate(quotes):
        owner = None
        # 1. a verb whose clause holds the quote
        best = 0
        for k in range(bisect.bisect_left(cue_starts, q.start - 600), bisect.bisect_right(cue_starts, q.end + 600)):
            sp = speech[k]
            if sp.content is None or qs.containing(sp.cue[0]) or not _overlaps(sp.content, (q.start, q.end)):
                continue
            ov = min(sp.content[1], q.end) - max(sp.content[0], q.start)
            ov += len(text) if sp.source is not None else 0     # a verb with a speaker first ("by pleading …")
            if ov > best:
                owner, best = k, ov
        nxt = quotes[qi + 1].start if qi + 1 < len(quotes) else len(text)
        prv = quotes[qi - 1].end if qi else 0
        # 2. a verb right after it, in the same sentence
        if owner is None:
            for k in range(bisect.bisect_left(cue_starts, q.end), len(speech)):
                sp = speech[k]
                if sp.cue[0] > q.end + NEAR_CHARS or sp.cue[0] > nxt:
                    break
                if sp.base == "according to" and sp.content is not None and sp.content[0] >= q.end:
                    continue      # 'X, called "the fox", had been walking …, according to Y': Y's is what follows
                if not _END.search(text, q.end, sp.cue[0]) and not qs.containing(sp.cue[0]) \
                        and (not _closes_sentence(text, q) or _tags_quote(text, doc, q, sp)) and sp.source is not None:
                    owner = k
                    break
        # 3. a verb right before it ("X said: “…”", or the second half of a split quote)
        if owner is None:
            for k in range(bisect.bisect_left(cue_starts, q.start) - 1, -1, -1):
                sp = speech[k]
                if sp.cue[1] < q.start - SPLIT_GAP_CHARS:
                    break
                if k not in cands and (sp.cue[1] < q.start - NEAR_CHARS or sp.cue[1] < prv):
                    continue      # (a split quote's first half may stand further back)
                between = text[sp.cue[1]:q.start]
                if qs.containing(sp.cue[0]):
                    break
                if relative(doc[sp.verb]) and _LEADS_IN.search(between):
                    continue      # "X commented — which the BBC noted as unusual — “…”": X's quote
                if k in cands and sp.cue[1] > prv and "\n" not in between and len(between) < SPLIT_GAP_CHARS \
                        and _resumes(text, sp.cue[1], q.start):
                    owner = k     # "“A,” he said. “B.”": B continues A
                elif not _END.search(between) and (re.fullmatch(r"\s*(?:[:,]|that)?\s*", between)
                                                   or sp.source is not None and (_LEADS_IN.search(between)
                                                                                 or _CHANNEL_GAP.fullmatch(between)
                                                                                 or _PLATFORM_GAP.fullmatch(between))):
                    owner = k     # "X told the press the drugs help: “…”", "X commented — … — “…”"
                elif sp.source is not None and _ENDS_ON_COLON.fullmatch(between):
                    owner = k     # "He said in a statement:" ending its paragraph, the quote the next one
                elif k not in cands and _END.search(between):
                    continue      # '“A,” X told reporters, referring to Y. “B.”': B may go on with A
                break
        if owner is not None:
            sp = speech[owner]
            c = cands.setdefault(owner, _Cand("direct", sp.cue, sp.source, sp.source_head, sp.content, verb=sp.verb,
                                              base=sp.base))
            c.quotes.append(q)
            last = c
            continue
        # 4. a bare source after it
        bare = bare_source(doc, q.end, min(nxt, q.end + NEAR_CHARS)) if q.closed else None
        if bare is not None:
            cue = (doc[bare.cue].idx, doc[bare.cue].idx + len(doc[bare.cue])) if bare.cue is not None else None
            c = _Cand("direct", cue, bare.span, bare.head, (q.start, q.end), [q], channel=bare.channel,
                      verb=bare.cue, base=verb_forms().get(doc[bare.cue].lower_) if bare.cue is not None else None)
            extra.append(c)
            last = c
            continue
        # 5. a paragraph-opening quote continues the speaker before it
        opens = q.start == 0 or text[q.start - 1] == "\n"
        if opens and last is not None and len(text[q.start:q.end].split()) >= MIN_ORPHAN_WORDS \
                and q.start - (last.content or (0, 0))[1] < 1500:
            extra.append(_Cand("direct", None, None, None, (q.start, q.end), [q], speaker=last))
    return cands, extra


def _closes_sentence(text: str, q: Quote) -> bool:
    """True when a quotation ends its sentence ('… to defend ourselves." Seventeen rockets …'): a
    verb after it then starts another sentence ('"Go!" she shouted' keeps going: lower case)."""
    inner = text[q.start:q.end].rstrip("\"'”’» ")
    after = text[q.end:q.end + 3].lstrip()
    return bool(inner) and inner[-1] in ".!?" and after[:1].isupper()


def _tags_quote(text: str, doc, q: Quote, sp: Speech) -> bool:
    """True when a reporting clause right after a quotation that ends its sentence only tags it
    ('"Why is he attacking me?" Trump said.', '"Go!" said the officer after the race.'): its source or
    cue follows the quotation at once, it reports nothing of its own and it ends its sentence with no
    quotation of its own ('"A." He posted on Twitter, "B"': B is what he posted)."""
    if sp.content is not None or sp.source is None or text[q.end:min(sp.cue[0], doc[sp.source[0]].idx)].strip():
        return False
    end = _END.search(text, sp.cue[1])
    rest = text[sp.cue[1]:end.start() if end else len(text)]
    return not _QUOTE_CHARS.search(rest) and not rest.rstrip().endswith((",", ":"))


def _resumes(text: str, cue_end: int, quote_start: int) -> bool:
    """True when a quotation after a split quote's cue resumes it: in the same sentence ("“A,” he
    said, “B.”"), or opening the next one ("“A,” he said. “B.”"); not when the writer's words open
    the next sentence ("“A,” she announced. Specifically, she told the committees to “proceed …”")."""
    after = _after_sentence_end(text, cue_end, quote_start)
    return not _END.search(text, after, quote_start) and (after == cue_end or not text[after:quote_start].strip())


def _after_sentence_end(text: str, start: int, end: int) -> int:
    """Offset just after the first sentence end in text[start:end] (or ``start``)."""
    m = _END.search(text, start, end)
    return m.end() if m else start


def _trim_source(doc, span, head: int, avoid: list[tuple[int, int]]) -> tuple[int, int]:
    """The contiguous run of the source's tokens around its head that overlaps no cue or content."""
    s, e = span

    def bad(t):
        return any(a[0] <= t.idx < a[1] for a in avoid if a)
    i = head
    while i - 1 >= s and not bad(doc[i - 1]):
        i -= 1
    j = head + 1
    while j < e and not bad(doc[j]):
        j += 1
    while j > i + 1 and doc[j - 1].text in (",", "—", "-", ";", ":"):
        j -= 1
    return i, j


def _unquoted_words(text: str, c: _Cand) -> int:
    """Words of the content outside its quotation marks, not counting the "he said" that splits a quote."""
    s, e = c.content
    pieces, pos = [], s
    qs = sorted(c.quotes)
    for k, q in enumerate(qs):
        gap_end = max(pos, q.start)
        split_by_cue = k > 0 and c.cue is not None and pos <= c.cue[0] < gap_end
        if not split_by_cue:
            pieces.append(text[pos:gap_end])
        pos = max(pos, q.end)
    pieces.append(text[pos:e])
    return len(re.findall(r"[A-Za-z0-9]+", " ".join(pieces)))


def _clip(sp: Speech, doc, paragraphs: Sequence) -> Speech:
    """What the parse found for a cue, kept inside the cue's paragraph (spaCy's sentences can run
    across a blank line, from a headline into the text)."""
    if not paragraphs:
        return sp
    k = bisect.bisect_right([p.start for p in paragraphs], sp.cue[0]) - 1
    ps, pe = paragraphs[max(0, k)].start, paragraphs[max(0, k)].end
    content, source = sp.content, sp.source
    if content is not None:
        s, e = max(content[0], ps), min(content[1], pe)
        content = (s, e) if e > s else None
    if source is not None and sp.source_head is not None:
        s, e = source
        while s < e and doc[s].idx < ps:
            s += 1
        while e > s and doc[e - 1].idx >= pe:
            e -= 1
        source = (s, e) if e > s and s <= sp.source_head < e else None
    if source is None:
        return sp._replace(content=content, source=None, source_head=None)
    return sp._replace(content=content, source=source)


def _finish(text: str, doc, c: _Cand, resolver: Referents) -> list[Attribution]:
    """The attribution(s) of a candidate: one per source, so "Moscow and Beijing accuse…" counts a
    voice for each."""
    if c.quotes:
        qs, qe = min(q.start for q in c.quotes), max(q.end for q in c.quotes)
        if c.content is not None and (_overlaps(c.content, (qs, qe)) or _COLON.fullmatch(text, c.content[1], qs)):
            qs, qe = min(qs, c.content[0]), max(qe, c.content[1])
        c.content = (qs, qe)
    if c.content is None:
        return []
    if c.quotes:
        c.kind = "direct" if _unquoted_words(text, c) <= 1 else "mixed"
    elif c.kind == "indirect" and len(_QUOTE_CHARS.findall(text, c.content[0], c.content[1])) >= 2:
        c.kind = "mixed"
    if c.head is None or c.source is None:
        speaker, label = (c.speaker.speaker_name, c.speaker.label) if isinstance(c.speaker, _Cand) \
            else (c.speaker or None, c.label)
        return [_record(text, doc, c, resolver, None, None, speaker, label, None)]
    inner = c.cue is not None and c.content[0] <= c.cue[0] < c.content[1]
    s, e = _trim_source(doc, c.source, c.head, [c.cue] if inner else [c.cue, c.content])
    head_tok = doc[c.head]
    role = _role_of_named_body(head_tok, (s, e))
    head_tok = role if role is not None else head_tok
    via = cited_by(doc, c.head)
    parts = resolver.conjuncts(head_tok, (s, e)) if via is None and role is None else []
    out = [_record(text, doc, c, resolver, span, head_tok, r.name, r.label, r.channel) for span, r in parts]
    if out:
        c.speaker_name, c.label = " and ".join(a.speaker for a in out), parts[0][1].label
        return out
    r = resolver.resolve(head_tok, (s, e))
    speaker, label, channel = r.name, r.label, r.channel
    if speaker is None and head_tok.lower_ in QUANTIFIER_HEADS:
        speaker = text[doc[s].idx:doc[e - 1].idx + len(doc[e - 1])]   # "Some of the protesters interviewed": a description
    if via is not None:
        c.kind = "according_to"
        channel = resolver.resolve(doc[via]).name or doc[via].text
        speaker = re.sub(r"^(?:the|a|an)\s+", "", text[doc[s].idx:doc[e - 1].idx + len(doc[e - 1])], flags=re.I)
        label = None
    return [_record(text, doc, c, resolver, (s, e), head_tok, speaker, label, channel)]


def _role_of_named_body(head, span: tuple[int, int]):
    """The role noun of "University of California, San Diego's chancellor, Pradeep Khosla" when the
    parse made it a conjunct (or an apposition) of the first part of the body's name: with no "and"/"or" in the source, a
    comma, a possessive name and a name in apposition, it is one person of that body, not two sources.
    None otherwise."""
    doc = head.doc
    if any(t.dep_ == "cc" for t in doc[span[0]:span[1]]):
        return None
    for c in head.children:
        if c.dep_ in ("conj", "appos") and c.pos_ == "NOUN" and span[0] <= c.i < span[1] and doc[c.left_edge.i - 1].text == "," \
                and any(g.dep_ == "poss" and g.pos_ == "PROPN" for g in c.children) \
                and any(g.dep_ == "appos" and g.pos_ == "PROPN" for g in c.children):
            return c
    return None


def _record(text: str, doc, c: _Cand, resolver: Referents, span: tuple[int, int] | None, head_tok,
            speaker: str | None, label: str | None, channel: str | None) -> Attribution:
    """One Attribution for the source at token ``span`` (None when the source is not in the text)."""
    source = sstart = send = None
    if span is not None:
        sstart, send = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1])
        source = text[sstart:send]
    if c.verb is not None and c.cue is not None and doc[c.verb].idx == c.cue[0]:
        c.channel = c.channel or verb_channel(doc[c.verb])
    if c.channel:
        channel = f"{channel}, {c.channel}" if channel and c.channel not in channel else (channel or c.channel)
    stype = source_type(source, speaker=speaker, label=label, head=head_tok.lower_ if head_tok is not None else None,
                        channel=channel)
    if source is None and speaker is None:
        stype = "unknown"
    if platform_in(channel) and stype not in ("media",):
        stype = "social_media"
    title_country = resolver.affiliation_of(speaker) if label == "PERSON" else None
    aff = affiliation(source, speaker=speaker, label=label, title_country=title_country)
    c.speaker_name, c.label = speaker, label
    cue_s, cue_e = c.cue if c.cue else (None, None)
    act = act_of(doc[c.verb], c.base, head_tok) if c.verb is not None and c.base else "speech"
    return Attribution(
        kind=c.kind, source=source, source_start=sstart, source_end=send, speaker=speaker, source_type=stype,
        cue=text[cue_s:cue_e] if c.cue else None, cue_start=cue_s, cue_end=cue_e,
        content=text[c.content[0]:c.content[1]], content_start=c.content[0], content_end=c.content[1],
        affiliation=aff, channel=channel, act=act, segments=_segments(c))


def _segments(c: _Cand) -> tuple[tuple[int, int], ...]:
    """The quoted pieces of a direct quote split around its cue ("A," he said. "B."); else the content."""
    if c.kind == "direct" and len(c.quotes) > 1:
        return tuple(sorted((q.start, q.end) for q in c.quotes))
    return (c.content,)


def _outermost(cands: list[_Cand], doc) -> list[_Cand]:
    """Drop reported speech whose cue lies inside another attribution's content ("X said Y
    believes Z" is one attribution of X), as news attribution corpora annotate it; but a participle
    that goes on with the same speaker's report ("X said A, adding that B") is an attribution of
    its own, and the first content stops before it."""
    spans = sorted((c.content[0], c.content[1], id(c)) for c in cands if c.content is not None and c.cue is not None)
    starts = [s for s, _, _ in spans]
    by_id = {id(c): c for c in cands}
    out = []
    for c in cands:
        inside = False
        if c.cue is not None and not c.quotes:
            k = bisect.bisect_right(starts, c.cue[0]) - 1
            while k >= 0 and c.cue[0] - spans[k][0] < 3000:
                s, e, who = spans[k]
                if s <= c.cue[0] < e and who != id(c):
                    if not _goes_on(doc, c, by_id[who]) and not _as_report(doc, c, by_id[who]):
                        inside = True
                        break
                k -= 1
        if not inside:
            out.append(c)
    return out


def _not_in_source(cands: list[_Cand], doc) -> list[_Cand]:
    """Candidates without a quotation whose cue word heads the source of a verb the parse took for a
    noun ("The family's statement on the death read: …": the statement is who speaks, not a report of
    its own about "the death read")."""
    heads = {c.head for c in cands if c.source is not None and c.verb is not None
             and not doc[c.verb].tag_.startswith("VB")}
    return [c for c in cands if c.quotes or c.verb is None or c.verb not in heads or c.head == c.verb]


def _goes_on(doc, inner: _Cand, outer: _Cand) -> bool:
    """True when ``inner`` is a participle set off by a comma at the end of ``outer``'s content
    that reports for ``outer``'s speaker ("…, adding that B", "…, citing B"); ``outer``'s content is
    then cut before it, and ``inner`` takes ``outer``'s source when the parse hung it on a subject
    that cannot speak ("said factors contributed to it, citing …")."""
    if inner.verb is None or outer.verb is None or outer.content is None or inner.verb < outer.verb:
        return False
    v = doc[inner.verb]
    left = v.left_edge.i
    if v.tag_ != "VBG" or inner.base not in GOES_ON_VERBS or left < 2 or doc[left - 1].text != "," \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return False
    s, e = outer.content
    if not s < doc[left - 1].idx or v.right_edge.idx + len(v.right_edge) + 2 < e:
        return False          # the participle does not close the content
    if inner.head is not None and s <= doc[inner.head].idx < e and outer.source is not None \
            and not _can_report(doc[inner.head]):
        inner.source, inner.head = outer.source, outer.head
    elif inner.head is not None and s <= doc[inner.head].idx < e:
        return False          # "X said Y had resigned, citing ill health": Y's reason, inside X's report
    end = doc[left - 2]
    outer.content = (s, end.idx + len(end))
    moved = [q for q in outer.quotes if q.start >= outer.content[1]]     # '…, saying X "is not having a good night."'
    outer.quotes = [q for q in outer.quotes if q.start < outer.content[1]]
    inner.quotes.extend(moved)
    if not outer.quotes:
        outer.kind = "indirect"     # its quotation went with the participle
    return True


def _as_report(doc, inner: _Cand, outer: _Cand) -> bool:
    """True when ``inner`` is an as-clause with a speaker of its own closing ``outer``'s content ("…
    echo her concerns, …, as a Homeland Security memo put it"): the words are the memo's too, so
    ``inner`` is an attribution of its own and ``outer``'s content stops before it."""
    if inner.verb is None or outer.verb is None or outer.content is None or inner.verb < outer.verb:
        return False
    v = doc[inner.verb]
    left = v.left_edge
    if left.lower_ != "as" or left.i < 2 or not any(c.dep_ == "nsubj" for c in v.children):
        return False
    s, e = outer.content
    if not s < left.idx or v.right_edge.idx + len(v.right_edge) + 2 < e:
        return False          # the as-clause does not close the content
    end = doc[left.i - 1]
    while end.i > 0 and (end.is_punct and end.text not in CLOSING_QUOTES or end.is_space):
        end = doc[end.i - 1]
    outer.content = (s, end.idx + len(end))
    return True


def _can_report(tok) -> bool:
    return names_someone(tok) or tok.lower_ in ANONYMOUS_HEADS or agent_noun(tok.lower_.removesuffix("s"))


def find_attributions(doc, *, paragraphs: Sequence, sentences: Sequence, entities: Sequence = (),
                      drop_nested: bool = True, referents: Referents | None = None) -> list[Attribution]:
    """Every quotation, reported statement and credit of a parsed article, sorted by position.
    ``referents`` is the article's :class:`Referents` when the caller has built it (built here otherwise)."""
    text = referents.text if referents is not None else doc.text     # doc.text is rebuilt on every read
    keep = [p for p in paragraphs if p.kind not in SKIP_KINDS]
    quotes = find_quotes(text, keep) if keep else []
    speech = sorted(find_speech(doc) + find_according(doc) + find_noun_cues(doc) + find_adjective_cues(doc)
                    + colon_headlines(doc, paragraphs),
                    key=lambda sp: sp.cue[0])
    qs = _Quotes(quotes)
    speech = [_clip(sp, doc, paragraphs) for sp in speech if not _inside_quote(qs, sp)]
    cands, extra = _attach(text, quotes, speech, doc)
    resolver = referents if referents is not None else Referents(doc, entities)
    all_cands: list[_Cand] = []
    for k, sp in enumerate(speech):
        c = cands.get(k)
        if c is None:
            if sp.source is None and sp.base not in RAISING_VERBS:
                continue
            c = _Cand("according_to" if sp.base == "according to" else "indirect", sp.cue, sp.source,
                      sp.source_head, sp.content, verb=sp.verb, base=sp.base)
            if c.content is None and sp.source is not None and sp.base not in ADDRESSEE_VERBS \
                    and plausible_source(doc[sp.verb], sp.base):    # not "Wikinews spoke with her:", "The bias shows:"
                c.content = _block_after(text, sp.cue[1], keep)
        elif sp.base == "according to":
            c.kind = "according_to"
        if c.content is None and not c.quotes:
            continue
        all_cands.append(c)
    all_cands = _not_in_source(all_cands, doc)
    if drop_nested:
        all_cands = _outermost(all_cands, doc)
    all_cands.extend(extra)
    all_cands.sort(key=lambda c: (c.content or c.cue or (0, 0))[0])
    out = []
    for c in all_cands:
        out.extend(_finish(text, doc, c, resolver))
    answers, questions = find_answers(paragraphs, text=text)
    if answers or questions:
        out = outside(out, questions + [(a.turn, a.end) for a in answers])
        out.extend(answer_attributions(answers, entities, text, affiliation_of=resolver.affiliation_of))
    out.extend(find_credits(paragraphs))
    out.sort(key=_position)
    return out


def _block_after(text: str, cue_end: int, paragraphs: Sequence) -> tuple[int, int] | None:
    """The paragraph after a reporting clause that ends its own on a colon ("Limbaugh added:" over
    a block quotation set without quotation marks): what is said."""
    m = _ENDS_ON_COLON.match(text, cue_end)
    if m is None:
        return None
    nxt = next((p for p in paragraphs if p.start >= m.end() - 1), None)
    if nxt is None or nxt.kind != "body" or text[m.end():nxt.start].strip() or nxt.text.rstrip().endswith("?"):
        return None
    return nxt.start, nxt.end


def _inside_quote(qs: _Quotes, sp: Speech) -> bool:
    return qs.containing(sp.cue[0]) is not None


def _position(a: Attribution) -> int:
    return min(x for x in (a.source_start, a.cue_start, a.content_start, 10**12) if x is not None)
