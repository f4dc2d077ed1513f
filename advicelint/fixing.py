"""Applying suggestions to a letter: choose, apply, diff and write (pure functions).

``advicelint fix`` is a thin layer over these. Suggestions are chosen one per
finding (its first suggestion that is allowed: safe ones only, unless review
suggestions are asked for); identical suggestions shared by several findings of
a sentence are applied once; of overlapping suggestions the first (by position)
wins and the others are reported as skipped.
"""

from __future__ import annotations

import codecs
import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .detection import SPANS_KEY
from .findings import Finding, Suggestion

NEUTRAL_SUFFIX = ".neutral"
_BOMS = {
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


@dataclass(frozen=True)
class Change:
    """A suggestion chosen for applying, with the findings it answers."""

    start: int
    end: int
    replacement: str
    safe: bool
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Skip:
    """A finding left as it is, and why: "overlap", "review" or "no suggestion"."""

    finding: Finding
    reason: str


@dataclass(frozen=True)
class FixResult:
    """The reworded text, what was applied and what was left."""

    text: str
    applied: tuple[Change, ...]
    skipped: tuple[Skip, ...]

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def pick(finding: Finding, safe_only: bool) -> Suggestion | None:
    """The finding's first suggestion that may be applied."""
    return next((s for s in finding.suggestions if s.safe or not safe_only), None)


def choose(findings: Iterable[Finding], safe_only: bool = True) -> tuple[list[Change], list[Skip]]:
    """One suggestion per finding, merged when shared, without overlaps (first wins)."""
    wanted: dict[tuple[int, int, str], list[Finding]] = {}
    safety: dict[tuple[int, int, str], bool] = {}
    skipped: list[Skip] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
        if finding.note:
            continue
        suggestion = pick(finding, safe_only)
        if suggestion is None:
            reason = "review" if finding.suggestions else "no suggestion"
            skipped.append(Skip(finding, reason))
            continue
        key = (suggestion.start, suggestion.end, suggestion.replacement)
        wanted.setdefault(key, []).append(finding)
        safety[key] = suggestion.safe
    changes: list[Change] = []
    for key in sorted(wanted, key=lambda k: (k[0], k[1])):
        start, end, replacement = key
        if changes and start < changes[-1].end:
            skipped.extend(Skip(f, "overlap") for f in wanted[key])
            continue
        changes.append(Change(start, end, replacement, safety[key], tuple(wanted[key])))
    return changes, skipped


def apply(text: str, changes: Iterable[Change]) -> str:
    """``text`` with the (non-overlapping) changes applied."""
    out, last = [], 0
    for change in sorted(changes, key=lambda c: c.start):
        if change.start < last:
            raise ValueError("overlapping changes")
        out.append(text[last : change.start])
        out.append(change.replacement)
        last = change.end
    out.append(text[last:])
    return "".join(out)


@dataclass(frozen=True)
class Relinted:
    """One applied change, where it landed in the new text, and what is still found there."""

    change: Change
    start: int
    end: int
    left: frozenset[str]


def relint(nlp, text: str, changes: list[Change]) -> list[Relinted]:
    """Apply ``changes``, lint the result once, and report per change what it left.

    ``left`` holds the categories the change fixed that are still found over its
    new text.
    """
    reworded = nlp(apply(text, changes))  # keep the doc alive while reading its spans
    found = [(s.start_char, s.end_char, s.label_) for s in reworded.spans[SPANS_KEY]]
    results, shift = [], 0
    for change in sorted(changes, key=lambda c: c.start):
        start = change.start + shift
        end = start + len(change.replacement)
        shift += len(change.replacement) - (change.end - change.start)
        fixed = {f.category for f in change.findings}
        left = frozenset(
            c for s, e, c in found if end > start and s < end and start < e and c in fixed
        )
        results.append(Relinted(change, start, end, left))
    return results


def fix_text(text: str, findings: Iterable[Finding], safe_only: bool = True) -> FixResult:
    """Choose and apply the suggestions of ``findings`` to ``text``."""
    changes, skipped = choose(findings, safe_only)
    return FixResult(apply(text, changes), tuple(changes), tuple(skipped))


def output_path(path: Path, kind: str = "text") -> Path:
    """Where the reworded copy goes: ``letter.txt`` -> ``letter.neutral.txt``.

    A Word document's reworded text is plain text: ``letter.docx`` ->
    ``letter.neutral.txt``.
    """
    suffix = ".txt" if kind == "docx" or not path.suffix else path.suffix
    return path.with_name(path.stem + NEUTRAL_SUFFIX + suffix)


def is_neutral_copy(path: str) -> bool:
    """A file ``fix`` wrote earlier (``letter.neutral.txt``): not an input on a re-run."""
    return Path(path).stem.endswith(NEUTRAL_SUFFIX)


def unified_diff(old: str, new: str, before: str, after: str) -> str:
    """A unified diff of two texts ("" if they are the same)."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=before,
        tofile=after,
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def detect_newline(raw: bytes, encoding: str | None = None) -> str:
    """The line ending the original file used (``"\\r\\n"``, ``"\\r"`` or ``"\\n"``)."""
    try:
        text = raw.decode(encoding or "utf-8", errors="replace")
    except LookupError:
        text = raw.decode("utf-8", errors="replace")
    if "\r\n" in text:
        return "\r\n"
    if "\r" in text:
        return "\r"
    return "\n"


def encode(text: str, encoding: str | None = "utf-8", newline: str = "\n") -> bytes:
    """``text`` as bytes in the input's encoding and line endings.

    Falls back to UTF-8 when the text cannot be written in the original
    encoding (e.g. a new character outside Windows-1252).
    """
    if newline != "\n":
        text = text.replace("\n", newline)
    encoding = encoding or "utf-8"
    bom = _BOMS.get(encoding, b"")
    try:
        return bom + text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return text.encode("utf-8")


class FixError(Exception):
    """An input that cannot be fixed as asked; ``str(error)`` is a one-line reason."""


def destination(path: str, kind: str, output: Path | None, in_place: bool) -> Path | None:
    """Where the reworded text of ``path`` goes (None: standard output).

    Never the input itself, unless ``in_place`` is asked for.
    """
    if output is not None:
        if path != "-" and Path(output).resolve() == Path(path).resolve():
            raise FixError("-o/--output names the input itself; use --in-place to rewrite it")
        return Path(output)
    if in_place:
        if path == "-":
            raise FixError("--in-place needs a file, not standard input")
        if kind == "docx":
            raise FixError(
                "--in-place cannot rewrite a Word document (only its text is reworded for now); "
                "run without --in-place to write the text to a .neutral.txt file"
            )
        return Path(path)
    if path == "-":
        return None
    return output_path(Path(path), kind)


def file_bytes(text: str, source: Path | None, encoding: str | None, kind: str) -> bytes:
    """The reworded text encoded like its source (encoding, line endings); UTF-8 for .docx."""
    if kind == "docx" or source is None or not source.is_file():
        return encode(text, "utf-8")
    newline = detect_newline(source.read_bytes(), encoding)
    return encode(text, encoding, newline)


def summary(path: str, result: FixResult, target: str | None, safe_only: bool) -> list[str]:
    """Lines telling the user what was applied, where it went and what was left."""
    applied = len(result.applied)
    left = len(result.skipped)
    where = f" -> {target}" if target else ""
    head = f"{path}: {applied} change{'s' if applied != 1 else ''} applied"
    head += f", {left} finding{'s' if left != 1 else ''} left{where}"
    lines = [head]
    for skip in result.skipped:
        f = skip.finding
        why = {
            "overlap": "its suggestion overlaps one already applied",
            "review": "its suggestion needs review (use --all to apply it)" if safe_only else "",
            "no suggestion": "no automatic rewording",
        }.get(skip.reason, skip.reason)
        lines.append(f"  {path}:{f.line}:{f.column}: {f.rule} {f.category}: skipped, {why}")
    return lines
