"""The ``advicelint_rewriter`` pipeline component: a suggestion for every finding it can reword."""

from __future__ import annotations

import warnings
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..detection import SPANS_KEY
from ..detection.extensions import RULES_BY_ID, set_details
from .base import Resources
from .data import bundled_rewordings
from .sentence import Relinter, SentenceResult, choose_steps, rewrite_sentence, suggestion
from .statutes import bundled_statutes

DETECTOR = "advicelint"


class RewriterWarning(UserWarning):
    """A sentence could not be reworded because of an internal error."""


@Language.factory(
    "advicelint_rewriter",
    requires=["doc.spans", "token.dep", "token.tag", "token.lemma", "doc.sents"],
    assigns=["doc._.advicelint_details"],
    default_config={"spans_key": SPANS_KEY, "detector": DETECTOR},
)
def make_rewriter(nlp: Language, name: str, spans_key: str, detector: str) -> Rewriter:
    """Create the rewriter; it must come after the detector named ``detector``."""
    return Rewriter(nlp, name, spans_key, detector)


class Rewriter:
    """Fills each finding's ``suggestions`` (and, where it cannot, its ``message``).

    Each sentence with findings is reworded by the strategies its rules name;
    every candidate is re-linted by running the pipeline up to this component
    on the candidate sentence (results cached), so a suggestion never carries
    a finding of the category it fixes.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "advicelint_rewriter",
        spans_key: str = SPANS_KEY,
        detector: str = DETECTOR,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.detector = detector
        self.relint = Relinter(nlp, name, spans_key)
        self.resources = Resources(bundled_rewordings(), bundled_statutes())

    def __call__(self, doc: Doc) -> Doc:
        findings = list(doc.spans.get(self.spans_key, []))
        if not findings:
            return doc
        self._check_order()
        for region, spans in _by_sentence(doc, findings).items():
            try:
                result = rewrite_sentence(
                    doc[region[0] : region[1]], spans, self.relint, self.resources
                )
            except Exception as error:  # never lose the findings over a rewording bug
                warnings.warn(
                    f"advicelint_rewriter: no rewording for {doc[region[0] : region[1]].text!r}: "
                    f"{type(error).__name__}: {error}",
                    RewriterWarning,
                    stacklevel=2,
                )
                continue
            marked = self.resources.words.words("own_step_strategies")
            guarded = frozenset(s.label_ for s in spans if _strategy(s) in marked)
            for span in spans:
                _attach(span, result, guarded, self.resources)
        return doc

    def _check_order(self) -> None:
        names = [name for name, _ in self.relint.nlp.pipeline]
        if self.detector not in names or names.index(self.detector) > names.index(self.name):
            raise ValueError(f"{self.name} must come after the {self.detector!r} component")

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Nothing to save: the rewording data is reloaded from the lexicons."""

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> Rewriter:
        return self


def _by_sentence(doc: Doc, findings: list[Span]) -> dict[tuple[int, int], list[Span]]:
    """Findings grouped by the sentence they are in (a finding across sentences joins them)."""
    groups: dict[tuple[int, int], list[Span]] = {}
    for span in sorted(findings, key=lambda s: s.start):
        sent = span.sent
        start, end = sent.start, max(sent.end, doc[span.end - 1].sent.end)
        for (s, e), items in list(groups.items()):
            if s < end and start < e:
                del groups[(s, e)]
                start, end = min(s, start), max(e, end)
                items.append(span)
                groups[(start, end)] = items
                break
        else:
            groups[(start, end)] = [span]
    return groups


def _strategy(span: Span) -> str:
    rule = RULES_BY_ID.get(span.id_)
    return rule.strategy if rule is not None else ""


def _attach(
    span: Span, result: SentenceResult, guarded: frozenset[str], resources: Resources
) -> None:
    rule = RULES_BY_ID.get(span.id_)
    suggestions = []
    for step, safe in choose_steps(result, span.label_, guarded):
        made = suggestion(result, step.text, safe)
        if made is not None and made not in suggestions:
            suggestions.append(made)
    if suggestions:
        set_details(span, suggestions=suggestions)
        return
    advice = (
        result.advice.get(span.label_)
        or resources.words.message(_strategy(span))
        or (f'No automatic rewording; for example: "{rule.use_instead}"' if rule else "")
    )
    base = rule.message if rule else ""
    set_details(span, suggestions=[], message=f"{base} {advice}".strip())
