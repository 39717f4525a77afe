"""News analysis workbook: timelines and source charts from news articles.

>>> import analysis
>>> result = analysis.analyze("Storm hits coast\n\nA storm hit the coast on Monday.", published="2023-03-02")
>>> sorted(result.to_dict())[:3]
['article_id', 'attributions', 'entities']
"""
from .errors import AnalysisError, IngestError, ModelError, ParameterError, ReportError
from .ingest import parse_published
from .types import Analysis, Article, Attribution, Entity, Event, Paragraph, Quantity, Sentence, Timex

__version__ = "0.1.0"

__all__ = [
    "Analysis", "AnalysisError", "Article", "Attribution", "Entity", "Event", "IngestError", "ModelError",
    "Paragraph", "ParameterError", "Quantity", "ReportError", "Sentence", "Timex", "__version__", "analyze",
    "analyze_articles", "analyze_doc", "parse_published",
]


def __getattr__(name: str):
    """The pipeline's functions, imported on first use: a report run that finds every analysis in its
    store never loads the stages (their lexicons and patterns take most of a second to import)."""
    if name in ("analyze", "analyze_articles", "analyze_doc"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
