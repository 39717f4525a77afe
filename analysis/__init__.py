"""News analysis workbook: timelines and source charts from news articles.

>>> import analysis
>>> result = analysis.analyze("Storm hits coast\n\nA storm hit the coast on Monday.", published="2023-03-02")
>>> sorted(result.to_dict())[:3]
['article_id', 'attributions', 'entities']
"""
from .errors import AnalysisError, IngestError, ModelError, ParameterError, ReportError
from .pipeline import analyze, analyze_articles, analyze_doc, parse_published
from .types import Analysis, Article, Attribution, Entity, Event, Paragraph, Quantity, Sentence, Timex

__version__ = "0.1.0"

__all__ = [
    "Analysis", "AnalysisError", "Article", "Attribution", "Entity", "Event", "IngestError", "ModelError",
    "Paragraph", "ParameterError", "Quantity", "ReportError", "Sentence", "Timex", "__version__", "analyze",
    "analyze_articles", "analyze_doc", "parse_published",
]
