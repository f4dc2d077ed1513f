"""Rewording: a concrete, neutral suggestion for each finding (``advicelint_rewriter``)."""

from .base import STRATEGIES, Advice, Resources, Rewrite
from .component import Rewriter, RewriterWarning, make_rewriter
from .data import bundled_rewordings, load_rewordings
from .statutes import bundled_statutes, load_statutes, match_statute

__all__ = [
    "STRATEGIES",
    "Advice",
    "Resources",
    "Rewrite",
    "Rewriter",
    "RewriterWarning",
    "bundled_rewordings",
    "bundled_statutes",
    "load_rewordings",
    "load_statutes",
    "make_rewriter",
    "match_statute",
]
