"""The ``advicelint_classifier`` component: a trained sentence classifier after the rules.

Phrase rules find the wording they were written for; letters say the same
things in endless other ways. A fine-tuned sentence encoder (trained by
``training/train_classifier.py`` on the corpus's dev letters, shipped as an
8-bit ONNX graph and run with onnxruntime) scores every sentence for each
category, and both ways it disagrees with the rules count:

- where a score reaches the category's threshold and no rule found that
  category in the sentence, the sentence becomes a finding of the category's
  classifier rule (``D190`` ... ``J690`` in ``lexicons/``), which carries the
  message, rewording strategy and examples like any other rule, and whose
  ``unless`` checks (quoted speech, ...) still apply;
- where a rule found a category the model all but rules out (a score under
  the category's ``dismiss_below``), the finding is moved to
  ``doc.spans["advicelint_dismissed"]``: phrase rules misfire on sentences
  that only look like advice or judgement, and the model reads the whole
  sentence.

Both thresholds live in the model's ``meta.json``, chosen on dev letters the
model had not seen (see ``training/README.md``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from .checks import Context
from .component import NOTES_KEY, SPANS_KEY, judge
from .rules import Rule, rules_and_vocabulary, select_rules

MODEL_DIR = "sentence-classifier"
DISMISSED_KEY = "advicelint_dismissed"


class ClassifierError(RuntimeError):
    """The classifier model is missing or unreadable; the message says which file."""


def model_dir() -> Path:
    """The bundled model: ``advicelint/models/sentence-classifier`` when installed.

    In a source checkout that is not installed it is ``models/sentence-classifier``.
    """
    installed = Path(str(resources.files("advicelint"))) / "models" / MODEL_DIR
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "models" / MODEL_DIR


@dataclass(frozen=True)
class SentenceModel:
    """The ONNX classifier, its tokenizer and the per-category thresholds."""

    session: object
    tokenizer: object
    categories: tuple[str, ...]
    thresholds: dict[str, float]
    dismiss_below: dict[str, float]

    @classmethod
    def load(cls, path: Path) -> SentenceModel:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        options.intra_op_num_threads = 1  # a second thread would compete with the parse in audits
        options.inter_op_num_threads = 1
        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
            tokenizer.enable_truncation(meta["max_length"])
            tokenizer.no_padding()  # one sentence per run: padding would only cost time
            model = cls(
                onnxruntime.InferenceSession(
                    str(path / "model.onnx"), options, providers=["CPUExecutionProvider"]
                ),
                tokenizer,
                tuple(meta["categories"]),
                dict(meta["thresholds"]),
                dict(meta.get("dismiss_below", {})),
            )
        except Exception as error:  # onnxruntime's own errors derive from Exception only
            reason = f"{path}: cannot load the sentence classifier: {error}"
            raise ClassifierError(reason) from error
        return model

    def scores(self, text: str) -> np.ndarray:
        """The text's score for each category, in ``categories`` order.

        One sentence per run, unpadded: with 8-bit weights the activations are
        scaled per run, so padding or a batch of other sentences would change the
        score a little, and padding to a fixed length cost five times the time.
        """
        encoded = self.tokenizer.encode(text)
        feeds = {
            "input_ids": np.array([encoded.ids], dtype=np.int64),
            "attention_mask": np.array([encoded.attention_mask], dtype=np.int64),
        }
        return self.session.run(None, feeds)[0][0]


@cache
def _bundled_model(path: str) -> SentenceModel:
    return SentenceModel.load(Path(path))


@Language.factory(
    "advicelint_classifier",
    assigns=["doc.spans"],
    requires=["doc.sents", "doc.spans"],
    default_config={
        "spans_key": SPANS_KEY,
        "notes_key": NOTES_KEY,
        "dismissed_key": DISMISSED_KEY,
        "model": None,
        "lexicon": None,
        "select": [],
        "ignore": [],
    },
)
def make_classifier(
    nlp: Language,
    name: str,
    spans_key: str,
    notes_key: str,
    dismissed_key: str,
    model: str | None,
    lexicon: str | None,
    select: list[str],
    ignore: list[str],
) -> SentenceClassifier:
    """Create the classifier; ``model`` and ``lexicon`` are folders (default: bundled)."""
    return SentenceClassifier(
        name, spans_key, notes_key, dismissed_key, model, lexicon, select, ignore
    )


class SentenceClassifier:
    """Adds the findings the rules missed and dismisses those the model rules out."""

    def __init__(
        self,
        name: str = "advicelint_classifier",
        spans_key: str = SPANS_KEY,
        notes_key: str = NOTES_KEY,
        dismissed_key: str = DISMISSED_KEY,
        model: str | None = None,
        lexicon: str | None = None,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.notes_key = notes_key
        self.dismissed_key = dismissed_key
        self.model = _bundled_model(str(Path(model) if model else model_dir()))
        rules, self.vocabulary = rules_and_vocabulary(lexicon)
        chosen = select_rules(rules, select, ignore)
        self.rules: dict[str, Rule] = {r.category: r for r in chosen if r.classifier}
        unknown = set(self.rules) - set(self.model.categories)
        if unknown:
            raise ClassifierError(f"the classifier model has no category {', '.join(unknown)}")

    def __call__(self, doc: Doc) -> Doc:
        return self._classify(doc, rewording=False)

    def check_rewording(self, doc: Doc) -> Doc:
        """As the rewriter re-checks a candidate: add findings, dismiss none.

        A suggestion must then be clean of the rules as well as of the model, so
        it stays clean however the model scores the letter it goes into; checks
        that read the sentence before assume the letter supplies what they need.
        """
        return self._classify(doc, rewording=True)

    def _classify(self, doc: Doc, rewording: bool) -> Doc:
        scored = [(sent, self.model.scores(sent.text)) for sent in _sentences(doc)]
        self._add_findings(doc, scored, rewording)
        return doc

    def _add_findings(
        self, doc: Doc, scored: list[tuple[Span, np.ndarray]], rewording: bool
    ) -> None:
        dismiss = not rewording
        column = {category: i for i, category in enumerate(self.model.categories)}
        found = list(doc.spans.get(self.spans_key, []))
        kept = [s for s in found if not (dismiss and self._dismissed(s, scored, column))]
        dismissed = [s for s in found if s not in kept]
        notes = list(doc.spans.get(self.notes_key, []))
        ctx = Context(doc, self.vocabulary, alone=rewording)
        ctx.findings.extend(kept)
        added = []
        for sent, row in scored:
            # a rewording must satisfy the model too: in its letter, once the rule's
            # finding is reworded away, the model's would take its place
            here = (
                set()
                if rewording
                else {s.label_ for s in found if s.start < sent.end and sent.start < s.end}
            )
            for category, rule in self.rules.items():
                if category in here or row[column[category]] < self.model.thresholds[category]:
                    continue
                span = Span(doc, sent.start, sent.end, label=category, span_id=rule.id)
                verdict = judge(span, rule, ctx)
                if verdict == "finding":
                    added.append(span)
                elif verdict == "note":
                    notes.append(span)
        doc.spans[self.spans_key] = sorted(kept + added, key=_order)
        doc.spans[self.notes_key] = sorted(notes, key=_order)
        doc.spans[self.dismissed_key] = sorted(dismissed, key=_order)

    def _dismissed(
        self, finding: Span, scored: list[tuple[Span, np.ndarray]], column: dict[str, int]
    ) -> bool:
        """True if the model scores the finding's category under its dismissal threshold."""
        below = self.model.dismiss_below.get(finding.label_)
        if below is None or finding.label_ not in column:
            return False
        rows = [r for sent, r in scored if sent.start < finding.end and finding.start < sent.end]
        return bool(rows) and max(row[column[finding.label_]] for row in rows) < below


def _order(span: Span) -> tuple[int, int, str]:
    return (span.start, span.end, span.id_)


def _sentences(doc: Doc) -> Iterator[Span]:
    """The doc's sentences without surrounding whitespace; those with no words are skipped."""
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if any(t.is_alpha for t in tokens):
            yield doc[tokens[0].i : tokens[-1].i + 1]
