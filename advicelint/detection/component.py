"""The ``advicelint`` pipeline component: rules from the lexicons, checked in context."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import extensions
from .checks import CHECKS, Context
from .lemmas import load_tables, repair_verb_lemmas
from .rules import Rule, rules_and_vocabulary, select_rules

SPANS_KEY = "advicelint"
NOTES_KEY = "advicelint_notes"
VOICE_CHECKS = frozenset({"quoted", "reported"})
# Checks that read other rules' findings, and the stage their rules run at: judging
# first, then taking sides against it, local policy against both, and last the
# sentences that continue a local rule found before them.
LATE_CHECKS = {
    "words-judge-a-choice": 1,
    "choice-judged-here": 1,
    "comments-on-it": 2,
    "local-context": 2,
    "follows-local-policy": 3,
}


@Language.factory(
    "advicelint",
    assigns=["doc.spans", "doc._.advicelint_details"],
    requires=["token.dep", "token.tag", "token.lemma", "token.pos", "doc.sents"],
    default_config={
        "spans_key": SPANS_KEY,
        "notes_key": NOTES_KEY,
        "lexicon": None,
        "select": [],
        "ignore": [],
    },
)
def make_detector(
    nlp: Language,
    name: str,
    spans_key: str,
    notes_key: str,
    lexicon: str | None,
    select: list[str],
    ignore: list[str],
) -> Detector:
    """Create the detector; ``lexicon`` is a folder of rule files (default: bundled)."""
    return Detector(nlp, name, spans_key, notes_key, lexicon, select, ignore)


class Detector:
    """Finds candidate wording with a SpanRuler, then keeps what its context confirms.

    Findings go to ``doc.spans[spans_key]``; matches cancelled only because they
    are quoted or reported speech go to ``doc.spans[notes_key]``.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "advicelint",
        spans_key: str = SPANS_KEY,
        notes_key: str = NOTES_KEY,
        lexicon: str | None = None,
        select: list[str] | tuple[str, ...] = (),
        ignore: list[str] | tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.notes_key = notes_key
        rules, self.vocabulary = rules_and_vocabulary(lexicon)
        self.rules: dict[str, Rule] = {
            rule.id: rule for rule in select_rules(rules, select, ignore)
        }
        _check_known_checks(self.rules.values())
        extensions.register_rules(tuple(self.rules.values()))
        load_tables()
        self.ruler = SpanRuler(
            nlp, name=f"{name}_ruler", phrase_matcher_attr="LOWER", validate=True
        )
        with nlp.select_pipes(disable=nlp.pipe_names):  # phrases need only the tokenizer
            self.ruler.add_patterns(
                [
                    {"label": rule.category, "id": rule.id, "pattern": pattern}
                    for rule in self.rules.values()
                    for pattern in (*rule.patterns, *rule.phrases)
                ]
            )

    @staticmethod
    def _stage(rule: Rule) -> int:
        """Rules whose checks look at other rules' findings run after those rules."""
        return max((LATE_CHECKS.get(name, 0) for name in (*rule.when, *rule.unless)), default=0)

    def __call__(self, doc: Doc) -> Doc:
        repair_verb_lemmas(doc)
        ctx = Context(doc, self.vocabulary)
        notes: list[Span] = []
        grouped = _by_rule(self.ruler.match(doc) if self.rules else [])
        for rule_id in sorted(grouped, key=lambda i: (self._stage(self.rules[i]), i)):
            rule = self.rules[rule_id]
            for span in filter_spans(grouped[rule_id]):
                verdict = judge(span, rule, ctx)
                if verdict == "finding":
                    ctx.findings.append(span)
                elif verdict == "note":
                    notes.append(span)
        doc.spans[self.spans_key] = sorted(ctx.findings, key=_order)
        doc.spans[self.notes_key] = sorted(notes, key=_order)
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Nothing to save: the rules are reloaded from the configured lexicon."""

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> Detector:
        return self


def judge(span: Span, rule: Rule, ctx: Context) -> str | None:
    """``"finding"``, ``"note"`` (someone else's words) or ``None`` (cancelled)."""
    if not all(CHECKS[name](span, ctx) for name in rule.when):
        return None
    if any(CHECKS[name](span, ctx) for name in rule.unless if name not in VOICE_CHECKS):
        return None
    if any(CHECKS[name](span, ctx) for name in rule.unless if name in VOICE_CHECKS):
        return "note"
    return "finding"


def _by_rule(spans: list[Span]) -> dict[str, list[Span]]:
    grouped: dict[str, list[Span]] = defaultdict(list)
    for span in spans:
        grouped[span.id_].append(span)
    return grouped


def _order(span: Span) -> tuple[int, int, str]:
    return (span.start, span.end, span.id_)


def _check_known_checks(rules) -> None:
    for rule in rules:
        unknown = [name for name in (*rule.when, *rule.unless) if name not in CHECKS]
        if unknown:
            raise ValueError(f"rule {rule.id}: unknown context check {', '.join(unknown)}")
