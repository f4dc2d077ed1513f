"""The command line: ``advicelint check`` and ``advicelint rules``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click

from . import __version__
from .detection.rules import CATEGORIES, SEVERITIES, RuleError, bundled_rules, known_selector
from .findings import Finding, findings_from_doc
from .readers import SUPPORTED_SUFFIXES, Extracted, ReadError, read_path
from .renderers.json import FileReport, render_json
from .renderers.text import render_summary, render_text
from .ruledocs import rule_page, rules_markdown, rules_table

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="advicelint")
def main() -> None:
    """Find wording that breaks the impartiality of SEND advice letters."""


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _validate_selectors(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]):
    selectors = _split(values)
    rules = bundled_rules()
    for selector in selectors:
        if not known_selector(selector, rules):
            raise click.BadParameter(
                f"{selector!r} is neither a category ({', '.join(CATEGORIES)}) nor a rule id"
            )
    return selectors


select_option = click.option(
    "--select",
    multiple=True,
    callback=_validate_selectors,
    help="Only these categories or rule ids (comma-separated, repeatable).",
)
ignore_option = click.option(
    "--ignore",
    multiple=True,
    callback=_validate_selectors,
    help="Skip these categories or rule ids (comma-separated, repeatable).",
)

classifier_option = click.option(
    "--classifier/--no-classifier",
    default=True,
    show_default=True,
    help="Also run the trained sentence classifier; --no-classifier: phrase rules only.",
)
classifier_model_option = click.option(
    "--classifier-model",
    type=click.Path(file_okay=False, exists=True),
    default=None,
    metavar="DIR",
    help="A sentence classifier made by training/train_classifier.py (default: the bundled one).",
)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "html"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@select_option
@ignore_option
@click.option(
    "--min-severity",
    type=click.Choice(SEVERITIES[::-1]),
    default="info",
    show_default=True,
    help="Report findings of this severity and above.",
)
@click.option(
    "--no-suggestions",
    is_flag=True,
    help="Report findings without rewordings (more than twice as fast, for audits).",
)
@click.option(
    "--every-rule",
    is_flag=True,
    help="Report every rule that matched, not only the first finding of each category "
    "in a sentence.",
)
@click.option(
    "--include-quoted", is_flag=True, help="Also report quoted and reported words, as info notes."
)
@click.option("-r", "--recursive", is_flag=True, help="Check the files inside directories.")
@classifier_option
@classifier_model_option
@click.option(
    "--model",
    default=None,
    metavar="NAME",
    help="An installed spaCy pipeline (default: en_core_web_sm if installed).",
)
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: list[str],
    ignore: list[str],
    min_severity: str,
    no_suggestions: bool,
    every_rule: bool,
    include_quoted: bool,
    recursive: bool,
    classifier: bool,
    classifier_model: str | None,
    model: str | None,
) -> None:
    """Check letters (.txt, .md, .docx; - for stdin) for impartiality problems.

    Exit status: 0 no findings, 1 findings, 2 usage error or unreadable file.
    """
    reports, extracted = _read_all(paths, recursive)
    docs = []
    if extracted:
        nlp = _load(
            model,
            select,
            ignore,
            suggestions=not no_suggestions,
            classifier=classifier,
            classifier_model=classifier_model,
        )
        with _progress(len(extracted), output_format) as bar:
            for item, doc in _process(nlp, extracted):
                bar.update(1)
                if isinstance(doc, Exception):
                    reason = f"internal error while checking: {type(doc).__name__}: {doc}"
                    click.echo(f"advicelint: {item.path}: {reason}", err=True)
                    reports[item.path] = FileReport(item.path, error=reason)
                    continue
                findings = findings_from_doc(
                    doc,
                    include_notes=include_quoted,
                    min_severity=min_severity,
                    every_rule=every_rule,
                )
                reports[item.path] = FileReport(item.path, tuple(findings))
                docs.append((item, doc))
    ordered = list(reports.values())
    _emit(output_format, ordered, docs)
    if any(r.error for r in ordered):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if any(r.findings for r in ordered) else EXIT_CLEAN)


def _process(nlp, extracted: list[Extracted]):
    """Yield ``(item, doc)`` in batches; if a batch fails, retry its letters one by one.

    A letter that still fails yields its exception instead of a doc, so one bad
    letter never stops a batch.
    """
    for start in range(0, len(extracted), 16):
        batch = extracted[start : start + 16]
        try:
            docs = list(nlp.pipe((item.text for item in batch), batch_size=16))
        except Exception:  # noqa: BLE001 - isolate the failing letter below
            docs = []
            for item in batch:
                try:
                    docs.append(nlp(item.text))
                except Exception as error:  # noqa: BLE001 - reported per file
                    docs.append(error)
        yield from zip(batch, docs, strict=True)


def _read_all(
    paths: tuple[str, ...], recursive: bool
) -> tuple[dict[str, FileReport], list[Extracted]]:
    """Read every input; unreadable ones are reported and skipped, never fatal."""
    reports: dict[str, FileReport] = {}
    extracted: list[Extracted] = []
    for path in _expand(paths, recursive):
        try:
            item = read_path(path)
        except ReadError as error:
            click.echo(f"advicelint: {path}: {error}", err=True)
            reports[path] = FileReport(path, error=str(error))
            continue
        reports[item.path] = FileReport(item.path)
        extracted.append(item)
    return reports, extracted


def _expand(paths: tuple[str, ...], recursive: bool) -> Iterator[str]:
    for path in paths:
        folder = Path(path)
        if path != "-" and recursive and folder.is_dir():
            yield from (
                str(p)
                for p in sorted(folder.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(folder).parts)
            )
        else:
            yield path


def _load(
    model: str | None,
    select: list[str],
    ignore: list[str],
    suggestions: bool = True,
    classifier: bool = True,
    classifier_model: str | None = None,
):
    from .detection.classifier import ClassifierError
    from .pipeline import ModelError, load_pipeline  # spaCy loads slowly: only when needed

    try:
        return load_pipeline(
            model,
            select=select,
            ignore=ignore,
            suggestions=suggestions,
            classifier=classifier,
            classifier_model=classifier_model,
        )
    except (ModelError, RuleError, ClassifierError) as error:
        click.echo(f"advicelint: {error}", err=True)
        sys.exit(EXIT_ERROR)


@dataclass
class _NoProgress:
    def update(self, steps: int) -> None:
        """Nothing to show."""

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _progress(total: int, output_format: str):
    """A progress bar on a terminal's stderr for batches; nothing otherwise."""
    if total < 5 or not sys.stderr.isatty():
        return _NoProgress()
    return click.progressbar(length=total, label="Checking letters", file=sys.stderr)


def _emit(output_format: str, reports: list[FileReport], docs: list) -> None:
    if output_format == "json":
        click.echo(render_json(reports))
        return
    if output_format == "html":
        from .renderers.html import render_html

        click.echo(render_html((item.path, doc) for item, doc in docs))
        return
    texts = {item.path: item.text for item, _ in docs}
    all_findings: list[Finding] = []
    for report in reports:
        if report.findings:
            click.echo(render_text(report.path, texts[report.path], report.findings))
            all_findings.extend(report.findings)
    read = sum(1 for r in reports if r.error is None)
    unreadable = len(reports) - read
    click.echo(render_summary(all_findings, read, unreadable))


@main.command()
@click.argument("rule_id", required=False)
@click.option("--all", "show_all", is_flag=True, help="Every rule's page.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
)
def rules(rule_id: str | None, show_all: bool, output_format: str) -> None:
    """List the rules, or show one rule's page (what it does, why, example, use instead)."""
    all_rules = bundled_rules()
    if rule_id:
        found = [r for r in all_rules if rule_id.upper() == r.id or rule_id == r.name]
        if not found:
            raise click.BadParameter(f"no rule {rule_id!r}; `advicelint rules` lists them")
        click.echo(rule_page(found[0]), nl=False)
    elif show_all or output_format == "markdown":
        click.echo(rules_markdown(all_rules), nl=False)
    else:
        click.echo(rules_table(all_rules))


@main.command(name="eval")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.option(
    "--errors/--no-errors",
    default=True,
    show_default=True,
    help="List the sentences where prediction and labels differ.",
)
@classifier_option
@classifier_model_option
@click.option("--model", default=None, metavar="NAME", help="An installed spaCy pipeline.")
@click.option(
    "--save-scores",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the per-category scores to this JSON file (the regression baseline).",
)
def evaluate_command(
    path: Path,
    output_format: str,
    errors: bool,
    classifier: bool,
    classifier_model: str | None,
    model: str | None,
    save_scores: Path | None,
) -> None:
    """Score detection against labelled letters (a folder or one .labels.jsonl file).

    Prints per-category precision, recall and F1 at sentence level, the share of
    clean sentences flagged, a confusion table and the errors.
    """
    import json

    from .evaluation import CorpusError, evaluate, find_letters, load_letter, render_report
    from .files import write_atomically

    try:
        letters = [load_letter(p) for p in find_letters(path)]
    except CorpusError as error:
        click.echo(f"advicelint: {error}", err=True)
        sys.exit(EXIT_ERROR)
    nlp = _load(
        model, [], [], suggestions=False, classifier=classifier, classifier_model=classifier_model
    )
    report = evaluate(nlp, letters)
    if save_scores:
        write_atomically(save_scores, json.dumps(report.scores_summary(), indent=2) + "\n")
    if output_format == "json":
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(render_report(report, show_errors=errors))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the reworded text to this file (one input only).",
)
@click.option("--in-place", is_flag=True, help="Overwrite each input (text files only).")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff; write nothing.")
@click.option(
    "--safe-only/--all",
    "safe_only",
    default=True,
    show_default=True,
    help="Apply only suggestions that keep the meaning; --all also applies those for review.",
)
@select_option
@ignore_option
@click.option("-r", "--recursive", is_flag=True, help="Fix the files inside directories.")
@classifier_option
@classifier_model_option
@click.option("--model", default=None, metavar="NAME", help="An installed spaCy pipeline.")
def fix(
    paths: tuple[str, ...],
    output: Path | None,
    in_place: bool,
    show_diff: bool,
    safe_only: bool,
    select: list[str],
    ignore: list[str],
    recursive: bool,
    classifier: bool,
    classifier_model: str | None,
    model: str | None,
) -> None:
    """Write a reworded copy of each letter, applying advicelint's suggestions.

    letter.txt is written to letter.neutral.txt beside it (the input is never
    changed unless --in-place is given). A Word document's reworded text is
    written as plain text to letter.neutral.txt; tracked changes in Word are
    not supported yet. Only safe suggestions are applied unless --all is given;
    of overlapping suggestions the first is applied and the others are reported.

    Exit status: 0 done, 2 usage error or an input that could not be read or written.
    """
    from .files import write_atomically
    from .fixing import (
        FixError,
        destination,
        file_bytes,
        fix_text,
        is_neutral_copy,
        summary,
        unified_diff,
    )

    chosen = [bool(output), in_place, show_diff]
    if sum(chosen) > 1:
        raise click.UsageError("use only one of -o/--output, --in-place and --diff")
    if output and (len(paths) > 1 or recursive):
        raise click.UsageError("-o/--output takes a single input file")
    reports, extracted = _read_all(paths, recursive)
    failed = any(r.error for r in reports.values())
    # a folder fixed before holds its .neutral copies: they are outputs, not letters
    extracted = [i for i in extracted if i.path in paths or not is_neutral_copy(i.path)]
    if extracted:
        nlp = _load(model, select, ignore, classifier=classifier, classifier_model=classifier_model)
        for item, doc in _process(nlp, extracted):
            if isinstance(doc, Exception):
                reason = f"internal error while checking: {type(doc).__name__}: {doc}"
                click.echo(f"advicelint: {item.path}: {reason}", err=True)
                failed = True
                continue
            result = fix_text(item.text, findings_from_doc(doc), safe_only)
            try:
                target = destination(item.path, item.kind, output, in_place)
                if show_diff:
                    name = str(target) if target else item.path
                    click.echo(unified_diff(item.text, result.text, item.path, name), nl=False)
                elif target is None:
                    click.echo(result.text, nl=False)
                elif not (in_place and not result.changed):
                    source = None if item.path == "-" else Path(item.path)
                    write_atomically(
                        target, file_bytes(result.text, source, item.encoding, item.kind)
                    )
            except (FixError, OSError) as error:
                reason = error.strerror if isinstance(error, OSError) and error.strerror else error
                click.echo(f"advicelint: {item.path}: {reason}", err=True)
                failed = True
                continue
            shown = None if show_diff or target is None else str(target)
            for line in summary(item.path, result, shown, safe_only):
                click.echo(line, err=True)
            if item.kind == "docx" and shown:
                click.echo(f"  {item.path}: Word document: wrote the reworded plain text", err=True)
    sys.exit(EXIT_ERROR if failed else EXIT_CLEAN)
