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
@click.option(
    "--select",
    multiple=True,
    callback=_validate_selectors,
    help="Only these categories or rule ids (comma-separated, repeatable).",
)
@click.option(
    "--ignore",
    multiple=True,
    callback=_validate_selectors,
    help="Skip these categories or rule ids (comma-separated, repeatable).",
)
@click.option(
    "--min-severity",
    type=click.Choice(SEVERITIES[::-1]),
    default="info",
    show_default=True,
    help="Report findings of this severity and above.",
)
@click.option(
    "--include-quoted", is_flag=True, help="Also report quoted and reported words, as info notes."
)
@click.option("-r", "--recursive", is_flag=True, help="Check the files inside directories.")
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
    include_quoted: bool,
    recursive: bool,
    model: str | None,
) -> None:
    """Check letters (.txt, .md, .docx; - for stdin) for impartiality problems.

    Exit status: 0 no findings, 1 findings, 2 usage error or unreadable file.
    """
    reports, extracted = _read_all(paths, recursive)
    docs = []
    if extracted:
        nlp = _load(model, select, ignore)
        with _progress(len(extracted), output_format) as bar:
            for item, doc in _process(nlp, extracted):
                bar.update(1)
                if isinstance(doc, Exception):
                    reason = f"internal error while checking: {type(doc).__name__}: {doc}"
                    click.echo(f"advicelint: {item.path}: {reason}", err=True)
                    reports[item.path] = FileReport(item.path, error=reason)
                    continue
                findings = findings_from_doc(
                    doc, include_notes=include_quoted, min_severity=min_severity
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


def _load(model: str | None, select: list[str], ignore: list[str]):
    from .pipeline import ModelError, load_pipeline  # spaCy loads slowly: only when needed

    try:
        return load_pipeline(model, select=select, ignore=ignore)
    except (ModelError, RuleError) as error:
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
@click.option("--model", default=None, metavar="NAME", help="An installed spaCy pipeline.")
@click.option(
    "--save-scores",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the per-category scores to this JSON file (the regression baseline).",
)
def evaluate_command(
    path: Path, output_format: str, errors: bool, model: str | None, save_scores: Path | None
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
    report = evaluate(_load(model, [], []), letters)
    if save_scores:
        write_atomically(save_scores, json.dumps(report.scores_summary(), indent=2) + "\n")
    if output_format == "json":
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(render_report(report, show_errors=errors))
