"""Attitudes carried by an adjective after a copula: "X is convinced that …", "they were willing to
go forward", "the union is worried about the cuts", "she was reluctant to comment".

An adjective cue attributes only with what the attitude is about (a "that"-clause, an infinitive or
an "about"/"of"/"over"/"on" phrase) and only when its subject can hold a view: a name, a personal
pronoun, or a person, group or document noun ("the bridge is ready to open" holds no view). The act
is the adjective's class (:data:`.lexicon.ADJECTIVE_ACTS`): a conviction or a worry is a belief, a
willingness an intention. Never speech: nothing is said to have been said.
"""
from __future__ import annotations

from ..entities.lexicon import ORG_NOUNS, agent_noun
from .acts import attitude_adjective
from .content import span_chars
from .lexicon import ATTITUDE_PREPS, EMOTION_ADJECTIVES
from .speech import Speech
from .subjects import PASSIVE_SUBJECT, plausible_holder, source_span, subject_of


def _complement(adj):
    """The token whose subtree is what the attitude is about, and whether it is a preposition. An
    emotion takes only a clause ("glad that it is over"; "happy to help" is an offer, no view)."""
    emotion = adj.lower_ in EMOTION_ADJECTIVES
    link = adj if adj.tag_ == "VBN" else adj.head
    kids = list(adj.children) + [c for c in link.children if c.i > adj.i and link is not adj]
    for c in kids:
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
            return c, False
        if c.dep_ == "xcomp" and c.tag_ == "VB" and not emotion:
            return c, False       # "willing to go", "certain to win" (not "happy to help")
    for c in adj.children:
        if c.dep_ == "prep" and c.lower_ in ATTITUDE_PREPS.get(adj.lower_, ()) and not emotion:
            if any(g.dep_ in ("pobj", "pcomp") for g in c.children):
                return c, True    # "worried about the cuts", "intent on winning"
    return None, False


def _holder(adj):
    """The subject of the copula, or of the participle (the parse can hang it on the auxiliary)."""
    if adj.tag_ != "VBN" or adj.dep_ == "acomp":
        return subject_of(adj.head)
    for tok in [adj] + [c for c in adj.children if c.dep_ == "auxpass"]:
        subj = subject_of(tok) or next((c for c in tok.children if c.dep_ == PASSIVE_SUBJECT), None)
        if subj is not None:
            return subj
    return None


def holds_views(subj) -> bool:
    """A subject that can hold a view: a source (a name, a pronoun, an official) or an organisation
    or a person named by their work ("the association", "the growers")."""
    word = subj.lower_.removesuffix("s")
    return plausible_holder(subj) or word in ORG_NOUNS or agent_noun(word)


def find_adjective_cues(doc) -> list[Speech]:
    """Every attitude adjective of ``doc`` with its holder and what it is about."""
    out = []
    for tok in doc:
        if not attitude_adjective(tok):
            continue
        holder = _holder(tok)
        if holder is None or not holds_views(holder):
            continue
        comp, prep = _complement(tok)
        if comp is None:
            continue
        start = comp.i + 1 if prep else comp.left_edge.i
        content = span_chars(doc, start, comp.right_edge.i + 1)
        if content is None:
            continue
        out.append(Speech(tok.i, (tok.idx, tok.idx + len(tok)), source_span(holder), holder.i, content, tok.lower_))
    return out
