"""The rewording strategies, registered by the names rule files use in ``strategy``."""

from ..base import STRATEGIES
from . import acting, directive, judging, policy, sides, stance  # noqa: F401  (register the strategies)

__all__ = ["STRATEGIES"]
