"""Extension attributes of advicelint's spans, registered at import.

A finding is a :class:`~spacy.tokens.Span` in ``doc.spans["advicelint"]``
whose ``label_`` is its category and ``id_`` its rule id. The attributes below
are getters over those two values and over ``doc._.advicelint_details`` (the
per-finding message and suggestions), so they survive ``Doc.to_bytes`` and
``nlp.pipe(n_process=...)``: two findings with the same offsets but different
rules never share a value, as stored span attributes would.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from .rules import Rule

RULES_BY_ID: dict[str, Rule] = {}


def register_rules(rules: list[Rule] | tuple[Rule, ...]) -> None:
    """Make rules known to the span getters (done by each detector)."""
    for rule in rules:
        RULES_BY_ID[rule.id] = rule


def finding_key(span: Span) -> str:
    """The key of a finding in ``doc._.advicelint_details``."""
    return f"{span.start_char}:{span.end_char}:{span.id_}"


def details(span: Span) -> dict[str, Any]:
    """The stored details of a finding (message override, suggestions)."""
    return span.doc._.advicelint_details.get(finding_key(span), {})


def set_details(span: Span, **values: Any) -> None:
    """Store per-finding values (plain data only: they are serialised with the doc)."""
    store = span.doc._.advicelint_details
    store.setdefault(finding_key(span), {}).update(values)


def _rule(span: Span) -> Rule | None:
    return RULES_BY_ID.get(span.id_)


def _from_rule(name: str):
    def getter(span: Span) -> Any:
        stored = details(span).get(name)
        if stored is not None:
            return stored
        rule = _rule(span)
        return getattr(rule, name) if rule else None

    return getter


EXTENSIONS = {
    "rule": _rule,
    "rule_id": lambda span: span.id_ or None,
    "category": lambda span: span.label_ or None,
    "severity": _from_rule("severity"),
    "message": _from_rule("message"),
    "why": _from_rule("why"),
    "suggestions": lambda span: details(span).get("suggestions", []),
}


def register_extensions() -> None:
    """Register the span and doc extensions (idempotent)."""
    if not Doc.has_extension("advicelint_details"):
        Doc.set_extension("advicelint_details", default={})
    for name, getter in EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, getter=getter)


register_extensions()
