"""The rewording data in ``lexicons/rewordings.toml``: order, word lists, templates, examples."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..detection.rules import lexicon_dir

REWORDINGS_FILE = "rewordings.toml"


class RewordingsError(ValueError):
    """A rewordings file that is missing a list or template the rewriter needs."""


@dataclass(frozen=True)
class Example:
    """One before/after pair of a strategy, run by the test suite."""

    strategy: str
    before: str
    after: str | None  # None: no suggestion expected (the message says what to do)
    safe: bool | None = None
    known_issue: str = ""  # a known shortfall: the test expects it to fail until fixed


@dataclass(frozen=True)
class Rewordings:
    """Parsed ``rewordings.toml``."""

    order: tuple[str, ...]
    lists: dict[str, frozenset[str]]
    templates: dict[str, str]
    messages: dict[str, str]
    examples: tuple[Example, ...]
    table: dict[str, Any]

    def words(self, name: str) -> frozenset[str]:
        try:
            return self.lists[name]
        except KeyError as error:
            raise RewordingsError(f"{REWORDINGS_FILE}: no word list {name!r}") from error

    def template(self, name: str) -> str:
        try:
            return self.templates[name]
        except KeyError as error:
            raise RewordingsError(f"{REWORDINGS_FILE}: no template {name!r}") from error

    def message(self, name: str) -> str:
        return self.messages.get(name, "")

    def rank(self, strategy: str) -> int:
        """Where a strategy comes in the order a sentence's findings are reworded."""
        return self.order.index(strategy) if strategy in self.order else len(self.order)


def load_rewordings(path: Path) -> Rewordings:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    examples = tuple(
        Example(
            name, item["before"], item.get("after"), item.get("safe"), item.get("known_issue", "")
        )
        for name, table in data.get("strategies", {}).items()
        for item in table.get("examples", [])
    )
    return Rewordings(
        order=tuple(data.get("order", ())),
        lists={k: frozenset(w.lower() for w in v) for k, v in data.get("words", {}).items()},
        templates=dict(data.get("templates", {})),
        messages=dict(data.get("messages", {})),
        examples=examples,
        table=data,
    )


@cache
def bundled_rewordings() -> Rewordings:
    return load_rewordings(lexicon_dir() / REWORDINGS_FILE)
