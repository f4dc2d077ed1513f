"""Context checks: parse-based conditions that confirm or cancel a candidate match.

A rule names these checks in its ``when`` (all must hold) and ``unless`` (any
one cancels) lists. Each check reads the candidate span, its sentence and the
dependency parse; word lists come from ``lexicons/vocabulary.toml``.

``base`` holds the registry, the ``Context`` and the shared parse helpers; each
other module registers the checks of one concern:

- ``voice``: quotations, reported speech, questions, courtesy, offers, notes and headings
- ``directive``: imperatives, obligations and what softens them
- ``acting``: who acts, and whom the writer's action is aimed at
- ``sides``: evaluations, hopes and opinions about a party
- ``policy``: a party's rules and habits, the law, local context
- ``choices``: judging, conceding against or doubting the parent's choice
"""

from . import acting, choices, directive, policy, sides, voice
from .base import CHECKS, SUBJECT_DEPS, Context, run_checks, subject

__all__ = [
    "CHECKS",
    "SUBJECT_DEPS",
    "Context",
    "acting",
    "choices",
    "directive",
    "policy",
    "run_checks",
    "sides",
    "subject",
    "voice",
]
