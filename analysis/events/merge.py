"""Merging the tellings of one event within an article (a standfirst and the body, a caption
printed twice) into one event whose ``evidence`` lists every telling."""
from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence

from ..types import Event
from .lexicon import SUMMARY_KINDS

STATUS_PRIORITY = ("unverified", "expected", "attributed", "asserted", "background")


def _same_event(a: Event, b: Event, kind_a: str, kind_b: str, labels: dict[str, str]) -> bool:
    """Two tellings of one event: the same dates, and the same words (a caption printed twice) or,
    between a standfirst, headline or caption and another part, the same person or organisation,
    at least one more shared actor and, unless both carry their own date, the same event word or many
    words in common."""
    if (a.date_start, a.date_end) != (b.date_start, b.date_end) or a.date_start is None:
        return False
    wa, wb = _words(a.text), _words(b.text)
    if wa and wb and len(wa & wb) / len(wa | wb) >= 0.8:
        return True
    if kind_a == kind_b or not ({kind_a, kind_b} & SUMMARY_KINDS):
        return False
    shared = {x for x in set(a.actors) & set(b.actors) if labels.get(x) != "NORP"}
    same_word = trigger_stem(a) is not None and trigger_stem(a) == trigger_stem(b)
    return len(shared) >= 2 and any(labels.get(x) in ("PERSON", "ORG") for x in shared) \
        and (same_word or len(wa & wb) / len(wa | wb) >= 0.5 or a.date_from == b.date_from == "explicit")


def stem(word: str) -> str:
    """The first five letters of an event word (a crude stem: "meeting" ~ "meet")."""
    return word.lower()[:5]


def trigger_stem(ev: Event) -> str | None:
    """The :func:`stem` of the event's word."""
    if ev.trigger_start is None or not (ev.start <= ev.trigger_start < ev.end):
        return None
    return stem(ev.text[ev.trigger_start - ev.start:ev.trigger_end - ev.start])


@functools.lru_cache(maxsize=4096)
def _words(s: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", s.lower()))


def merge_events(events: Sequence[Event], kinds: Sequence[str], *, labels: dict[str, str]) -> list[Event]:
    """Merge the tellings of one event within an article (standfirst and body, repeated captions)."""
    groups: list[list[int]] = []
    for i, ev in enumerate(events):
        for g in groups:
            if any(_same_event(events[j], ev, kinds[j], kinds[i], labels) for j in g):
                g.append(i)
                break
        else:
            groups.append([i])
    out = []
    for g in groups:
        members = [events[j] for j in g]
        main = _main_member(members, [kinds[j] for j in g])
        status = next(s for s in STATUS_PRIORITY if any(m.status == s for m in members)
                      and not (s == "background" and len({m.status for m in members}) > 1))
        speaker = next((m.speaker for m in members if m.speaker), None)
        actors: list[str] = []
        for m in [main, *members]:
            actors += [x for x in m.actors if x not in actors]
        evidence = tuple(sorted({span for m in members for span in m.evidence}))
        out.append(dataclasses.replace(main, actors=tuple(actors), status=status, speaker=speaker, evidence=evidence))
    return sorted(out, key=lambda e: e.start)


def _main_member(members: list[Event], kinds: list[str]) -> Event:
    """The telling shown as the event's text: the body's over a standfirst's over a caption's."""
    rank = {"body": 0, "standfirst": 1, "subhead": 2, "headline": 3, "caption": 4}
    return min(zip(members, kinds, strict=True), key=lambda mk: (rank.get(mk[1], 5), mk[0].start))[0]

