"""Sentence-level evaluation against the labelled corpus.

A labelled letter is ``NAME.txt`` with ``NAME.labels.jsonl`` beside it: one
JSON object per sentence, ``{"text": ..., "labels": [...]}``, in letter order
(see ``corpus/README.md``). A sentence's predicted categories are those of the
findings that overlap it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from .detection import CATEGORIES, SPANS_KEY

NONE = "none"


class CorpusError(ValueError):
    """A labels file that does not fit its letter."""


@dataclass(frozen=True)
class LabelledSentence:
    start: int
    end: int
    text: str
    gold: frozenset[str]


@dataclass(frozen=True)
class LabelledLetter:
    name: str
    text: str
    sentences: tuple[LabelledSentence, ...]


@dataclass
class SentenceResult:
    letter: str
    text: str
    gold: frozenset[str]
    predicted: frozenset[str]
    rules: tuple[str, ...]


@dataclass
class Report:
    """Counts and errors of one evaluation run."""

    results: list[SentenceResult] = field(default_factory=list)

    def counts(self, category: str) -> tuple[int, int, int]:
        tp = sum(category in r.gold and category in r.predicted for r in self.results)
        fp = sum(category not in r.gold and category in r.predicted for r in self.results)
        fn = sum(category in r.gold and category not in r.predicted for r in self.results)
        return tp, fp, fn

    def scores(self, category: str) -> dict[str, float | int]:
        tp, fp, fn = self.counts(category)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "support": tp + fn,
            "tp": tp,
            "fp": fp,
            "fn": fn,
        }

    @property
    def clean(self) -> list[SentenceResult]:
        return [r for r in self.results if not r.gold]

    @property
    def clean_flagged_share(self) -> float:
        clean = self.clean
        return sum(bool(r.predicted) for r in clean) / len(clean) if clean else 0.0

    def confusion(self) -> dict[str, Counter]:
        """For each gold category (or none), how often each category was predicted."""
        order = (*CATEGORIES, NONE)
        table: dict[str, Counter] = {c: Counter() for c in order}
        for r in self.results:
            for gold in r.gold or {NONE}:
                for predicted in r.predicted or {NONE}:
                    table[gold][predicted] += 1
        # keys in category order, so that JSON output is the same from run to run
        return {g: Counter({p: table[g][p] for p in order if table[g][p]}) for g in order}

    @property
    def errors(self) -> list[SentenceResult]:
        return [r for r in self.results if r.gold != r.predicted]

    def scores_summary(self) -> dict:
        """The figures the regression gate compares: F1 per category and false alarms."""
        return {
            "sentences": len(self.results),
            "f1": {c: round(self.scores(c)["f1"], 4) for c in CATEGORIES},
            "clean_flagged_share": round(self.clean_flagged_share, 4),
        }

    def to_dict(self) -> dict:
        return {
            "sentences": len(self.results),
            "letters": len({r.letter for r in self.results}),
            "categories": {c: self.scores(c) for c in CATEGORIES},
            "clean_sentences": len(self.clean),
            "clean_flagged_share": self.clean_flagged_share,
            "confusion": {g: dict(row) for g, row in self.confusion().items()},
            "errors": [
                {
                    "letter": r.letter,
                    "text": r.text,
                    "gold": sorted(r.gold),
                    "predicted": sorted(r.predicted),
                    "rules": list(r.rules),
                }
                for r in self.errors
            ],
        }


def find_letters(path: Path) -> list[Path]:
    """Labels files under ``path`` (a folder, searched recursively, or one file)."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise CorpusError(f"{path}: no such file or directory")
    found = sorted(path.rglob("*.labels.jsonl"))
    if not found:
        raise CorpusError(f"{path}: no *.labels.jsonl files")
    return found


def load_letter(labels_path: Path) -> LabelledLetter:
    """Read a letter and its labels, locating each sentence in the text in order."""
    name = labels_path.name.removesuffix(".labels.jsonl")
    text_path = labels_path.with_name(f"{name}.txt")
    try:
        text = text_path.read_text(encoding="utf-8")
        lines = labels_path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise CorpusError(f"{labels_path}: {error.strerror or error}") from error
    sentences, cursor = [], 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise CorpusError(f"{labels_path}:{number}: invalid JSON ({error.msg})") from error
        unknown = set(record.get("labels", [])) - set(CATEGORIES)
        if unknown:
            raise CorpusError(f"{labels_path}:{number}: unknown category {sorted(unknown)}")
        start = text.find(record["text"], cursor)
        if start < 0:
            raise CorpusError(f"{labels_path}:{number}: sentence not found in {text_path.name}")
        cursor = start + len(record["text"])
        sentences.append(
            LabelledSentence(start, cursor, record["text"], frozenset(record.get("labels", [])))
        )
    return LabelledLetter(name, text, tuple(sentences))


def evaluate(nlp: Language, letters: Iterable[LabelledLetter]) -> Report:
    """Run the pipeline over the letters and compare sentence by sentence."""
    letters = list(letters)
    report = Report()
    for letter, doc in zip(letters, nlp.pipe(letter.text for letter in letters), strict=True):
        spans = list(doc.spans[SPANS_KEY])
        for sentence in letter.sentences:
            hits = [s for s in spans if s.start_char < sentence.end and s.end_char > sentence.start]
            report.results.append(
                SentenceResult(
                    letter=letter.name,
                    text=sentence.text,
                    gold=sentence.gold,
                    predicted=frozenset(s.label_ for s in hits),
                    rules=tuple(sorted({s.id_ for s in hits})),
                )
            )
    return report


def render_report(report: Report, *, show_errors: bool = True) -> str:
    """A plain-text report: scores, clean-sentence false alarms, confusion, errors."""
    lines = [
        f"{len(report.results)} sentences in {len({r.letter for r in report.results})} letters",
        "",
        f"{'category':<18} {'precision':>9} {'recall':>7} {'f1':>6} {'support':>8} "
        f"{'fp':>4} {'fn':>4}",
    ]
    for category in CATEGORIES:
        s = report.scores(category)
        lines.append(
            f"{category:<18} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>6.3f} "
            f"{s['support']:>8} {s['fp']:>4} {s['fn']:>4}"
        )
    clean = report.clean
    flagged = sum(bool(r.predicted) for r in clean)
    lines += [
        "",
        f"clean sentences flagged: {flagged} of {len(clean)} ({report.clean_flagged_share:.1%})",
        "",
        "confusion (rows gold, columns predicted; a sentence counts once per pair):",
        _confusion_table(report),
    ]
    if show_errors:
        lines += ["", f"errors ({len(report.errors)}):"]
        for r in report.errors:
            lines.append(
                f"  {r.letter}: gold={','.join(sorted(r.gold)) or NONE} "
                f"predicted={','.join(sorted(r.predicted)) or NONE} "
                f"rules={','.join(r.rules) or '-'}\n      {r.text}"
            )
    return "\n".join(lines)


def _confusion_table(report: Report) -> str:
    short = {c: c.split("-")[0][:8] for c in CATEGORIES} | {NONE: NONE}
    columns = (*CATEGORIES, NONE)
    table = report.confusion()
    header = " " * 18 + "".join(f"{short[c]:>9}" for c in columns)
    rows = [header]
    for gold in columns:
        rows.append(f"{gold:<18}" + "".join(f"{table[gold][p]:>9}" for p in columns))
    return "\n".join(rows)
