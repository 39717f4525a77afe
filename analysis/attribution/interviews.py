"""Interviews: question-and-answer articles give one direct attribution per answer.

A turn opens with a label: the interviewer's ("((Wikinews))", "((WN))", "Q:", "Question:",
"Interviewer:") or the interviewee's ("Natasha Gownaris:", "**Jane Roe:**", "NG:", "A:"). Without
labels, a question paragraph (ending with "?") followed by an answer paragraph is a turn pair when
the article has at least :data:`MIN_UNLABELLED_PAIRS` of them. An answer runs until the next
question. Its speaker is the interviewee, named by the label (initials are matched to a person of
the article) or, for unlabelled answers, the person the article says it interviews. Questions are
not sources, and the "I", "we" and "you" inside an answer are the interviewee's own words: other
attributions inside questions and answers are dropped in favour of the answer's.

>>> turn_label("((WN)) How long did it take?")
('WN', 2, 4, 7)
>>> turn_label("**NG:** This study started in 1982.")
('NG', 2, 4, 8)
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from ..types import Attribution

# Labels of the interviewer's turns (Wikinews interview style guide; newspaper Q&A conventions).
INTERVIEWER_LABELS = frozenset("wikinews wn q question interviewer int reporter".split())
ANSWER_LABELS = frozenset("a answer".split())
# Words that end a "Name:" line that is not a turn ("Update:", "Note:", "Watch:").
NOT_TURN_LABELS = frozenset("update note watch read more related photo video source sources editor's "
                            "correction disclaimer warning breaking live see also".split())
MIN_UNLABELLED_PAIRS = 3
INTERVIEWEE_CHARS = 150    # how far from "interviewed" the person interviewed is named
MIN_QUESTION_SHARE = 0.25  # unlabelled: questions are at least this share of the paragraphs from the first one
MIN_LABELLED_TURNS = 2
_LABEL_RE = re.compile(
    r"^\s*[\"“]?\s*(?:\(\(\s*(?P<a>[^()\n]{1,30}?)\s*\)\)\s*:?"
    r"|(?:\*\*|''')?\s*(?P<b>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*(?:\*\*|''')?\s*:(?:\*\*|''')?)\s*(?=\S)")
_PULL_QUOTE_CREDIT = re.compile(r"^[—–-]{1,2}\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$")  # "—Natasha Gownaris"
_INITIALS = re.compile(r"([A-Z]{2,3})\s+(?=[A-Z\"“‘'])")
_INTERVIEW_RE = re.compile(r"\binterview(?:s|ed)?\b|\bQ\s?&\s?A\b|\banswered (?:\w+ )?questions\b", re.I)


class Turn(NamedTuple):
    start: int                 # the paragraph's offsets
    end: int
    body: int                  # where the words after the label start
    label: tuple[str, int, int] | None   # label text and its offsets in the text
    question: bool


class Answer(NamedTuple):
    label: tuple[str, int, int] | None
    start: int                 # where its words start (after the label)
    end: int
    turn: int                  # where its first paragraph starts (before the label)


def turn_label(text: str) -> tuple[str, int, int, int] | None:
    """The turn label opening a paragraph ("WN", "Q", "Natasha Gownaris"): the label, its offsets,
    and where the words after it start."""
    m = _LABEL_RE.match(text)
    if m is None:
        return None
    key = "a" if m.group("a") is not None else "b"
    label = m.group(key)
    if label.lower() in NOT_TURN_LABELS or label.split()[0].lower() in NOT_TURN_LABELS:
        return None
    return label, m.start(key), m.end(key), m.end()


def _turns(paragraphs: Sequence) -> list[Turn]:
    out = []
    for p in paragraphs:
        if p.kind not in ("body", "subhead", "standfirst") or _PULL_QUOTE_CREDIT.match(p.text):
            continue
        lab = turn_label(p.text)
        label = (lab[0], p.start + lab[1], p.start + lab[2]) if lab else None
        asks = (label is not None and label[0].lower() in INTERVIEWER_LABELS) or \
            (label is None and p.text.rstrip().endswith("?"))
        out.append(Turn(p.start, p.end, p.start + lab[3] if lab else p.start, label, asks))
    return _initials_labels(paragraphs, out)


def _initials_labels(paragraphs: Sequence, turns: list[Turn]) -> list[Turn]:
    """Answers opened by the speaker's initials without a colon ("MS We don't …"), taken as labels
    when the same initials open at least two paragraphs."""
    found = {t.start: _INITIALS.match(p.text) for p, t in zip([p for p in paragraphs if p.start in
                                                                {t.start for t in turns}], turns, strict=True)}
    counts = Counter(m.group(1) for m in found.values() if m)
    out = []
    for t in turns:
        m = found.get(t.start)
        if t.label is None and m and counts[m.group(1)] >= MIN_LABELLED_TURNS:
            t = t._replace(label=(m.group(1), t.start, t.start + m.end(1)), body=t.start + m.end(), question=False)
        out.append(t)
    return out


def _speakers(turns: list[Turn]) -> set[str]:
    """Labels of people (not of the interviewer or of "A:") that open at least two turns."""
    counts = Counter(t.label[0] for t in turns if t.label and not t.question
                     and t.label[0].lower() not in ANSWER_LABELS)
    return {label for label, n in counts.items() if n >= MIN_LABELLED_TURNS}


def _labelled(turns: list[Turn]) -> bool:
    if len(_speakers(turns)) >= 2:     # a transcript: "WALLACE: …" / "PENCE: …"
        return True
    questions = sum(1 for t in turns if t.question and t.label is not None)
    answers = sum(1 for t in turns if not t.question and t.label is not None)
    return questions >= MIN_LABELLED_TURNS and answers >= 1 or questions >= 1 and answers >= MIN_LABELLED_TURNS \
        and len({t.label[0] for t in turns if t.label and not t.question}) <= 2


def find_answers(paragraphs: Sequence, *, text: str) -> tuple[list[Answer], list[tuple[int, int]]]:
    """The answers of an interview article, and the spans of its questions (empty when the article
    is not an interview)."""
    turns = _turns(paragraphs)
    labelled = _labelled(turns)
    if not labelled:
        pairs = sum(1 for a, b in zip(turns, turns[1:], strict=False) if a.question and not b.question)
        first = next((k for k, t in enumerate(turns) if t.question), len(turns))
        dense = pairs >= MIN_QUESTION_SHARE * (len(turns) - first)    # questions alternate with answers
        if pairs < MIN_UNLABELLED_PAIRS or not dense or not _INTERVIEW_RE.search(text):
            # questions with an interviewer's label ("((WN))", "Q:") are no sources, answers or not
            asked = [(t.start, t.end) for t in turns if t.question and t.label is not None]
            return [], asked if len(asked) >= MIN_LABELLED_TURNS else []
    answers: list[Answer] = []
    questions: list[tuple[int, int]] = []
    current: Answer | None = None
    speakers = _speakers(turns) if labelled else set()
    for t in turns:
        if t.question:
            if current is not None:
                answers.append(current)
            current = None
            questions.append((t.start, t.end))
        elif speakers and t.label is None:
            # in a transcript every turn has its label: a paragraph without one is the narrator's
            if current is not None:
                answers.append(current)
            current = None
        elif current is not None and (t.label is None or t.label[0] == (current.label or ("",))[0]):
            current = current._replace(end=t.end)
        elif current is not None or questions or t.label is not None and t.label[0] in speakers:
            if current is not None:
                answers.append(current)
            current = Answer(t.label, t.body, t.end, t.start)
    if current is not None:
        answers.append(current)
    return answers, questions


def interviewee(answers: Sequence[Answer], entities: Sequence, text: str) -> str | None:
    """Who the article interviews when an answer has no label: the person most often labelling
    answers, else the person named most often."""
    labels = Counter(a.label[0] for a in answers if a.label and a.label[0].lower() not in ANSWER_LABELS)
    if labels:
        return person_named(labels.most_common(1)[0][0], entities)
    people = [e for e in entities if e.label == "PERSON"]
    for m in _INTERVIEW_RE.finditer(text):       # "Wikinews interviewed pastry chef Lena Moretti"
        near = [e for e in people if abs(e.start - m.start()) < INTERVIEWEE_CHARS
                and "\n" not in text[min(e.start, m.start()):max(e.end, m.end())]]
        if near:
            return min(near, key=lambda e: abs(e.start - m.end())).canonical
    counts = Counter(e.canonical for e in people)
    return counts.most_common(1)[0][0] if counts else None


def person_named(label: str, entities: Sequence) -> str:
    """The fullest name of the person a label stands for: the name itself, a part of it, or its
    initials ("NG" -> "Natasha Gownaris")."""
    people = [e.canonical for e in entities if e.label == "PERSON"]
    shouted = label.isupper() and len(label) > 3          # a transcript's "PENCE:"
    key = label.title() if shouted else label
    for name in sorted(set(people), key=lambda n: (-people.count(n), -len(n))):
        words = name.split()
        if key == name or key in words or (label.isupper() and label == "".join(w[0] for w in words)):
            return name
    return key


def answer_attributions(answers: Sequence[Answer], entities: Sequence, text: str, *,
                        affiliation_of=None) -> list[Attribution]:
    """One direct attribution per answer, to the interviewee."""
    default = interviewee(answers, entities, text)
    out = []
    for a in answers:
        named = a.label is not None and a.label[0].lower() not in ANSWER_LABELS
        speaker = person_named(a.label[0], entities) if named else default
        s, e = a.start, a.end
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s or speaker is None:
            continue
        src = a.label if named else None
        out.append(Attribution(
            kind="direct", source=src[0] if src else None, source_start=src[1] if src else None,
            source_end=src[2] if src else None, speaker=speaker, source_type="person",
            cue=None, cue_start=None, cue_end=None, content=text[s:e], content_start=s, content_end=e,
            affiliation=affiliation_of(speaker) if affiliation_of else None, channel="interview",
            act="speech", segments=((s, e),)))
    return out


def outside(attributions: Sequence[Attribution], spans: Sequence[tuple[int, int]]) -> list[Attribution]:
    """The attributions whose cue (or content) does not lie inside any of ``spans``."""
    def inside(a):
        pos = a.cue_start if a.cue_start is not None else a.content_start
        return pos is not None and any(s <= pos < e for s, e in spans)
    return [a for a in attributions if not inside(a)]
