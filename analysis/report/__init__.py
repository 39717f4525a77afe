"""Reports: papermill runs the notebooks, nbconvert renders them as offline HTML, and an index links
them. Importing this package is cheap; papermill and nbconvert load only when a build starts, and
an unchanged re-run loads neither (see :mod:`.reuse`)."""
from __future__ import annotations

import importlib

# What the notebooks use, from the modules that load pandas and DuckDB only when first asked for.
_LAZY = {"timeline_events": "..corpus", "corpus": ".notebook", "corpus_db": ".notebook", "data_path": ".notebook",
         "export_timeline": ".notebook"}


def build_reports(*args, **kwargs) -> int:
    """See :func:`analysis.report.build.build_reports`."""
    from .build import build_reports as build

    return build(*args, **kwargs)


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["build_reports", "corpus", "corpus_db", "data_path", "export_timeline", "timeline_events"]
