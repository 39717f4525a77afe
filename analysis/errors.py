"""One root exception; every message names the file (or parameter) and what was wrong."""
from __future__ import annotations


class AnalysisError(Exception):
    """Root of every error this package raises on purpose."""


class IngestError(AnalysisError):
    """An input file could not be read as articles."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelError(AnalysisError):
    """The spaCy model is missing or is not the one asked for."""


class ParameterError(AnalysisError):
    """A run parameter has the wrong type or names a path that does not exist."""


class ReportError(AnalysisError):
    """A notebook or its HTML rendering failed."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


DEFAULT_TIME_LIMIT = 300.0     # seconds one article may take before it becomes an error record


class ArticleTimeout(AnalysisError):
    """One article took longer than the per-article time limit."""
