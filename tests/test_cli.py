"""The command line as a user meets it: reports, exit codes, bad input, the JSON contract."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest
from helpers import REPO, SAMPLES

from advicelint.cli import main

DRAFT = str(SAMPLES / "draft-letter.txt")
CLEAN = str(SAMPLES / "clean-letter.txt")
CATEGORIES = {
    "directive",
    "taking-sides",
    "local-policy",
    "acting-on-behalf",
    "personal-opinion",
    "judging-decision",
}


def check(runner, *args, input=None):
    return runner.invoke(main, ["check", *args], input=input)


def test_text_report_and_exit_code(runner):
    result = check(runner, DRAFT)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith(f"{DRAFT}:9:1: personal-opinion O501 ") for line in lines), (
        result.output
    )
    assert lines[-1].startswith("Found ") and "directive" in lines[-1]
    assert "\x1b[" not in result.output  # plain when piped


def test_clean_letter_exits_zero(runner):
    result = check(runner, CLEAN)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "No impartiality findings in 1 file."


def test_every_category_found_in_the_sample(runner):
    data = json.loads(check(runner, "--format", "json", DRAFT).output)
    assert {f["category"] for f in data["files"][0]["findings"]} == CATEGORIES


def _validate_contract(data, texts):
    assert set(data) == {"version", "files"} and data["version"] == 1
    for entry in data["files"]:
        assert set(entry) == {"path", "error", "findings"}
        assert isinstance(entry["path"], str)
        assert entry["error"] is None or isinstance(entry["error"], str)
        for f in entry["findings"]:
            assert set(f) == {
                "rule",
                "category",
                "severity",
                "start",
                "end",
                "line",
                "column",
                "text",
                "message",
                "suggestions",
            }
            assert f["category"] in CATEGORIES
            assert f["severity"] in {"error", "warning", "info"}
            assert all(isinstance(f[k], int) for k in ("start", "end", "line", "column"))
            assert all(isinstance(f[k], str) for k in ("rule", "text", "message"))
            text = texts[entry["path"]]
            assert text[f["start"] : f["end"]] == f["text"]
            line_start = text.rfind("\n", 0, f["start"]) + 1
            assert f["line"] == text.count("\n", 0, f["start"]) + 1
            assert f["column"] == f["start"] - line_start + 1
            for s in f["suggestions"]:
                assert {"start", "end", "replacement"} <= set(s)
                assert 0 <= s["start"] <= s["end"] <= len(text)


def test_json_contract(runner, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    result = check(runner, "--format", "json", DRAFT, CLEAN, str(broken))
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    texts = {p: Path(p).read_text(encoding="utf-8") for p in (DRAFT, CLEAN)}
    _validate_contract(data, texts)
    assert [f["path"] for f in data["files"]] == [DRAFT, CLEAN, str(broken)]
    assert data["files"][2]["error"] and data["files"][2]["findings"] == []
    assert data["files"][1]["findings"] == []


def test_json_offsets_for_docx_match_extracted_text(runner, tmp_path):
    from advicelint.readers import read_path

    path = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("Dear Mr Shah,")
    document.add_paragraph("The council must reply within six weeks. You should appeal.")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Don't sign the agreement."
    document.save(path)
    data = json.loads(check(runner, "--format", "json", str(path)).output)
    _validate_contract(data, {str(path): read_path(path).text})
    assert {f["text"] for f in data["files"][0]["findings"]} == {"You should", "Don't sign"}


def test_select_ignore_and_min_severity(runner):
    def rules(*options):
        data = json.loads(check(runner, "--format", "json", *options, DRAFT).output)
        return {f["rule"] for f in data["files"][0]["findings"]}

    everything = rules()
    assert rules("--select", "directive") == {r for r in everything if r.startswith("D")}
    assert rules("--select", "D101,O501") == {"D101", "O501"} & everything
    assert not rules("--ignore", "directive") & {r for r in everything if r.startswith("D")}
    errors_only = rules("--min-severity", "error")
    assert errors_only and not any(r.startswith(("A", "O")) for r in errors_only)


def test_unknown_selector_is_a_usage_error(runner):
    result = check(runner, "--select", "rudeness", DRAFT)
    assert result.exit_code == 2
    assert "rudeness" in result.output


def test_stdin(runner):
    result = check(runner, "-", input="You must appeal now.\n")
    assert result.exit_code == 1
    assert result.output.startswith("-:1:1: directive D101")


def test_include_quoted_reports_notes(runner, tmp_path):
    path = tmp_path / "quoted.txt"
    path.write_text('The officer said: "You must accept the offer."\n', encoding="utf-8")
    assert check(runner, str(path)).exit_code == 0
    data = json.loads(check(runner, "--format", "json", "--include-quoted", str(path)).output)
    (finding,) = data["files"][0]["findings"]
    assert finding["severity"] == "info" and "Quoted or reported" in finding["message"]


def _bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "legacy.doc").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 600)
    (tmp_path / "corrupt.docx").write_bytes(b"PK\x03\x04garbage")
    with zipfile.ZipFile(tmp_path / "macro.docm", "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>'
            "</Types>",
        )
    (tmp_path / "folder").mkdir()
    return {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "legacy.doc": "legacy word",
        "corrupt.docx": "corrupt",
        "macro.docm": "macro",
        "folder": "directory",
        "missing.txt": "no such file",
    }


def test_bad_input_one_line_each_and_the_rest_still_checked(runner, tmp_path):
    expected = _bad_inputs(tmp_path)
    windows = tmp_path / "windows.txt"
    windows.write_bytes(
        "Dear Mrs O\u2019Neill, you must appeal by 5 May \u2013 \u00a3 fees.".encode("cp1252")
    )
    before = sorted(p.name for p in tmp_path.iterdir())
    paths = [str(tmp_path / name) for name in expected] + [str(windows), DRAFT]
    result = check(runner, *paths)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    for name, reason in expected.items():
        lines = [line for line in result.stderr.splitlines() if f"{tmp_path / name}:" in line]
        assert len(lines) == 1 and reason in lines[0].lower(), (name, result.stderr)
    assert f"{windows}:1:" in result.stdout and f"{DRAFT}:9:1:" in result.stdout
    assert "7 files could not be read" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written


def test_recursive_directory(runner, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("You must appeal.\n", encoding="utf-8")
    (tmp_path / "a" / "two.md").write_text("Please contact me.\n", encoding="utf-8")
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG")
    result = check(runner, "--recursive", "--format", "json", str(tmp_path))
    assert result.exit_code == 1
    paths = [f["path"] for f in json.loads(result.output)["files"]]
    assert [p.rsplit("/", 1)[-1] for p in paths] == ["one.txt", "two.md"]


def test_missing_model_is_one_clear_line(runner):
    result = check(runner, "--model", "en_core_web_nonexistent", DRAFT)
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert "en_core_web_nonexistent" in line and "pip install" in line


def test_html_report_escapes_letter_text(runner):
    result = check(runner, "--format", "html", "-", input="You must appeal <b>now</b> & fast.\n")
    assert "<b>" not in result.output and "&lt;/b" in result.output


def test_html_report(runner):
    result = check(runner, "--format", "html", DRAFT)
    assert result.exit_code == 1
    assert result.output.lstrip().startswith("<!DOCTYPE html>")
    assert "<title>advicelint report</title>" in result.output
    assert "personal-opinion" in result.output and DRAFT in result.output


def test_rules_list_and_page(runner):
    listing = runner.invoke(main, ["rules"])
    assert listing.exit_code == 0 and "D101" in listing.output and "J601" in listing.output
    page = runner.invoke(main, ["rules", "D101"])
    assert page.exit_code == 0
    for heading in ("## What it does", "## Why it matters", "## Example", "## Use instead"):
        assert heading in page.output
    assert runner.invoke(main, ["rules", "Z999"]).exit_code == 2


def test_rule_docs_are_up_to_date(runner):
    generated = runner.invoke(main, ["rules", "--all", "--format", "markdown"]).output
    docs = REPO / "docs" / "rules.md"
    assert docs.read_text(encoding="utf-8") == generated, (
        "docs/rules.md is stale: run `advicelint rules --all --format markdown > docs/rules.md`"
    )


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["check", "--help"]])
def test_help_and_version(runner, args):
    result = runner.invoke(main, args)
    assert result.exit_code == 0 and result.output


def test_a_letter_that_breaks_the_pipeline_does_not_stop_the_batch(runner, tmp_path, monkeypatch):
    from advicelint.detection import component

    original = component.Detector.__call__

    def fragile(self, doc):
        if "explode" in doc.text:
            raise RuntimeError("boom")
        return original(self, doc)

    monkeypatch.setattr(component.Detector, "__call__", fragile)
    bad = tmp_path / "bad.txt"
    bad.write_text("Please explode.\n", encoding="utf-8")
    result = check(runner, str(bad), DRAFT)
    assert result.exit_code == 2
    assert f"{bad}: internal error while checking: RuntimeError: boom" in result.stderr
    assert f"{DRAFT}:9:1:" in result.stdout and "Traceback" not in result.output


def test_no_suggestions_gives_the_same_findings_without_rewordings(runner):
    full = json.loads(check(runner, "--format", "json", DRAFT).output)["files"][0]["findings"]
    bare = json.loads(check(runner, "--format", "json", "--no-suggestions", DRAFT).output)
    bare = bare["files"][0]["findings"]
    assert [f["rule"] for f in bare] == [f["rule"] for f in full]
    assert any(f["suggestions"] for f in full)
    assert not any(f["suggestions"] for f in bare)
