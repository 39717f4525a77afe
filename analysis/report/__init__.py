"""Reports: papermill runs the notebooks, nbconvert renders them as offline HTML, and an index links
them. Importing this package is cheap; papermill and nbconvert load only when a build starts."""
from __future__ import annotations

from ..corpus import timeline_events
from .notebook import corpus, corpus_db, data_path, export_timeline


def build_reports(*args, **kwargs) -> int:
    """See :func:`analysis.report.build.build_reports`."""
    from .build import build_reports as build

    return build(*args, **kwargs)


__all__ = ["build_reports", "corpus", "corpus_db", "data_path", "export_timeline", "timeline_events"]
