"""Events: the rows of the timeline (see :mod:`.stage`)."""
from .actors import actor_names, nationality_countries
from .lexicon import HEDGE_WORDS
from .merge import merge_events
from .stage import find_events
from .status import in_quotation

__all__ = ["HEDGE_WORDS", "actor_names", "find_events", "in_quotation", "merge_events", "nationality_countries"]
