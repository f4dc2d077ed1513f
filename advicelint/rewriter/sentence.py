"""Reword one sentence until its findings are gone, re-linting each candidate.

The sentence is rewritten one finding at a time (in the order set in
``rewordings.toml``), and each candidate is run through the detector again:
the next step works on the new parse, and a finding is only given a
suggestion that is clean of its category.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..detection.extensions import RULES_BY_ID
from .base import Advice, Resources, Rewrite
from .edits import overlapping, render
from .strategies import STRATEGIES

MAX_STEPS = 8
Key = tuple[str, str, str]  # rule id, category, matched text


class Relinter:
    """Runs a pipeline's components up to (not including) ``stop_before`` on a text, cached."""

    def __init__(self, nlp: Language, stop_before: str, spans_key: str, size: int = 2048):
        self.nlp = nlp
        self.stop_before = stop_before
        self.spans_key = spans_key
        self.size = size
        self._cache: OrderedDict[str, Doc] = OrderedDict()

    def __call__(self, text: str) -> Doc:
        if text in self._cache:
            self._cache.move_to_end(text)
            return self._cache[text]
        doc = self.nlp.make_doc(text)
        for name, component in self.nlp.pipeline:
            if name == self.stop_before:
                break
            # the classifier re-checks a rewording strictly (see check_rewording)
            doc = getattr(component, "check_rewording", component)(doc)
        doc.tensor = numpy.zeros((0,), dtype="float32")  # the parse is kept, not the vectors
        self._cache[text] = doc
        if len(self._cache) > self.size:
            self._cache.popitem(last=False)
        return doc

    def findings(self, doc: Doc) -> list[Span]:
        return list(doc.spans.get(self.spans_key, []))


@dataclass
class Step:
    """One rewording of the sentence and what the detector still finds in it."""

    text: str
    safe: bool
    remaining: Counter[Key]
    doc: Doc | None
    category: str = ""  # the category of the finding this step reworded
    whole: bool = False  # the step replaced (or deleted) the whole sentence


@dataclass
class SentenceResult:
    """The rewordings of one sentence, and why some findings got none."""

    region: Span
    original: str
    steps: list[Step] = field(default_factory=list)
    advice: dict[str, str] = field(default_factory=dict)  # category -> what to change
    categories: frozenset[str] = frozenset()


def key(span: Span) -> Key:
    return (span.id_, span.label_, span.text)


def _from_model(finding: Key) -> bool:
    rule = RULES_BY_ID.get(finding[0])
    return rule is not None and rule.classifier


def rewrite_sentence(
    region: Span, findings: Iterable[Span], relint: Relinter, resources: Resources
) -> SentenceResult:
    """Rewrite ``region`` (a sentence of a letter) step by step until clean or stuck."""
    findings = list(findings)
    original = render(region, [])
    baseline = Counter(key(s) for s in relint.findings(relint(original)))
    # cancelled in the letter's context; the model's findings are never ignored (a
    # rewording re-checked alone gets them even where a rule's finding hid them)
    ignored = baseline - Counter(key(s) for s in findings)
    ignored = Counter({k: n for k, n in ignored.items() if not _from_model(k)})
    result = SentenceResult(region, original, categories=frozenset(f.label_ for f in findings))
    current, work, seen = findings, region, {original}
    tried: set[tuple[str, str]] = set()
    for _ in range(MAX_STEPS):
        step = _next_step(current, work, ignored, resources, relint, result, seen, tried)
        if step is None:
            break
        result.steps.append(step)
        if step.doc is None or not step.remaining:
            break
        current, work = relint.findings(step.doc), step.doc[:]
    return result


def _next_step(
    current: list[Span],
    work: Span,
    ignored: Counter[Key],
    resources: Resources,
    relint: Relinter,
    result: SentenceResult,
    seen: set[str],
    tried: set[tuple[str, str]],
) -> Step | None:
    order = resources.words.rank
    for span in sorted(_fixable(current, ignored), key=lambda s: (order(_strategy(s)), s.start)):
        if (span.id_, span.text) in tried:
            continue  # reworded once already and still found: do not go round in circles
        tried.add((span.id_, span.text))
        function = STRATEGIES.get(_strategy(span))
        if function is None:
            result.advice.setdefault(span.label_, "")
            continue
        outcome = function(span, resources)
        if isinstance(outcome, Advice):
            result.advice.setdefault(span.label_, outcome.message)
            continue
        assert isinstance(outcome, Rewrite)
        if not outcome.edits or overlapping(outcome.edits):
            continue
        text = render(work, outcome.edits)
        if text in seen:
            continue
        seen.add(text)
        doc = relint(text) if text else None
        remaining = _remaining(relint.findings(doc), ignored) if doc is not None else Counter()
        whole = _replaces_all(work, outcome.edits)
        return Step(text, outcome.safe, remaining, doc, span.label_, whole)
    return None


def _replaces_all(work: Span, edits) -> bool:
    """One edit from the first word to the end: the sentence is replaced, not reworded."""
    words = [t for t in work if t.is_alpha]
    if len(edits) != 1 or not words:
        return False
    edit = edits[0]
    return edit.start <= words[0].i and edit.end > words[-1].i


def _strategy(span: Span) -> str:
    rule = RULES_BY_ID.get(span.id_)
    return rule.strategy if rule is not None else ""


def _fixable(spans: list[Span], ignored: Counter[Key]) -> list[Span]:
    budget = Counter(ignored)
    kept = []
    for span in spans:
        k = key(span)
        if budget[k] > 0:
            budget[k] -= 1
            continue
        kept.append(span)
    return kept


def _remaining(spans: list[Span], ignored: Counter[Key]) -> Counter[Key]:
    return Counter(key(s) for s in _fixable(spans, ignored))


# --- from steps to suggestions ---------------------------------------------------------------


def clean_of(step: Step, category: str) -> bool:
    return not any(k[1] == category for k in step.remaining)


def introduces(step: Step, categories: frozenset[str]) -> bool:
    """The step carries a finding of a category the sentence did not have."""
    return any(k[1] not in categories for k in step.remaining)


def choose_steps(
    result: SentenceResult, category: str, guarded: frozenset[str] = frozenset()
) -> list[tuple[Step, bool]]:
    """The rewordings to offer for a finding of ``category``: (step, safe), best first.

    The last step (which fixes as much of the sentence as possible) comes first
    if it is clean of the category; if it needs review, the earliest safe step
    that already fixes the category is offered too.

    ``guarded`` categories (those of the sentence's findings whose rules rely on
    a marker, see ``own_step_strategies``) count as fixed only by a step that
    reworded a finding of that category, or replaced the sentence: dropping
    "frankly" removes the marker a taking-sides rule fired on, not the judgement
    of the party. A step that hides such a finding this way is not safe.
    """
    steps = result.steps
    if not steps:
        return []

    def fixed(i: int, cat: str) -> bool:
        if not clean_of(steps[i], cat):
            return False
        return cat not in guarded or any(s.category == cat or s.whole for s in steps[: i + 1])

    def safe_upto(i: int) -> bool:
        hides = any(clean_of(steps[i], c) and not fixed(i, c) for c in guarded)
        return (
            all(s.safe for s in steps[: i + 1])
            and not introduces(steps[i], result.categories)
            and not hides
        )

    offers: list[tuple[Step, bool]] = []
    last = len(steps) - 1
    if fixed(last, category):
        offers.append((steps[last], safe_upto(last)))
    if not offers or not offers[0][1]:
        for i in range(last if offers else last + 1):
            if fixed(i, category) and (safe_upto(i) or not offers):
                offers.append((steps[i], safe_upto(i)))
                break
    return offers


def suggestion(result: SentenceResult, text: str, safe: bool) -> dict | None:
    """A suggestion dict for the doc: the changed words of the sentence, or the whole sentence."""
    region, original = result.region, result.original
    start = region.start_char
    doc_text = region.doc.text
    if not text:
        end = start + len(original)
        while end < len(doc_text) and doc_text[end] in " \t":
            end += 1
        line_start = doc_text.rfind("\n", 0, start) + 1
        if not doc_text[line_start:start].strip() and end < len(doc_text) and doc_text[end] == "\n":
            start, end = line_start, end + 1
        return {"start": start, "end": end, "replacement": "", "safe": safe}
    trimmed = trim(original, text)
    if trimmed is None:
        return None
    lo, hi, replacement = trimmed
    return {"start": start + lo, "end": start + hi, "replacement": replacement, "safe": safe}


def trim(old: str, new: str) -> tuple[int, int, str] | None:
    """The smallest whole-word range of ``old`` to replace to get ``new``."""
    if old == new:
        return None
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    while p > 0 and not old[p - 1].isspace():
        p -= 1
    q = 0
    while q < min(len(old), len(new)) - p and old[-1 - q] == new[-1 - q]:
        q += 1
    while q > 0 and not old[len(old) - q].isspace():
        q -= 1
    return p, len(old) - q, new[p : len(new) - q]
