"""What a rewording strategy returns, and the registry of strategies by name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span

from .edits import Edit

if TYPE_CHECKING:
    from .data import Rewordings
    from .statutes import Statute


@dataclass(frozen=True)
class Rewrite:
    """Edits to the finding's sentence; ``safe`` if they keep its meaning."""

    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True)
class Advice:
    """No clean rewrite: what the writer should change instead."""

    message: str


Outcome = Rewrite | Advice


@dataclass(frozen=True)
class Resources:
    """The data strategies read: word lists, templates, the statutes."""

    words: Rewordings
    statutes: tuple[Statute, ...] = field(default=())


Strategy = Callable[[Span, Resources], Outcome]
STRATEGIES: dict[str, Strategy] = {}


def strategy(*names: str) -> Callable[[Strategy], Strategy]:
    """Register a function as the strategy for the rules whose ``strategy`` is ``name``."""

    def register(function: Strategy) -> Strategy:
        for name in names:
            STRATEGIES[name] = function
        return function

    return register


def rewrite(*edits: Edit | list[Edit], safe: bool = True) -> Rewrite:
    """A :class:`Rewrite` from edits and lists of edits."""
    flat: list[Edit] = []
    for item in edits:
        flat.extend(item if isinstance(item, list) else [item])
    return Rewrite(tuple(flat), safe)
