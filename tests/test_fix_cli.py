"""``advicelint fix`` as a user meets it: output names, inputs untouched, --in-place, --diff, -o."""

from __future__ import annotations

import docx
import pytest

from advicelint import cli
from advicelint.cli import main

LETTER = (
    "Dear Mrs Shah,\n"
    "\n"
    "You ought to ask the school for a copy of the provision map. "
    "Don't agree to a part-time timetable.\n"
    "The council has been completely unreasonable about transport.\n"
    "\n"
    "Yours sincerely,\n"
)
SAFE_RESULT = (
    "Dear Mrs Shah,\n"
    "\n"
    "You may wish to ask the school for a copy of the provision map. "
    "You do not have to agree to a part-time timetable.\n"
    "The council has been completely unreasonable about transport.\n"
    "\n"
    "Yours sincerely,\n"
)


@pytest.fixture(autouse=True)
def shared_pipeline(nlp, monkeypatch):
    """Reuse the session's pipeline instead of loading one per invocation."""
    monkeypatch.setattr(cli, "_load", lambda *args, **kwargs: nlp)


@pytest.fixture
def letter(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    return path


def fix(runner, *args, input=None):
    return runner.invoke(main, ["fix", *args], input=input)


def test_writes_a_neutral_copy_beside_the_input(runner, letter):
    result = fix(runner, str(letter))
    assert result.exit_code == 0, result.output
    assert letter.read_text(encoding="utf-8") == LETTER  # never the input itself
    assert (letter.parent / "letter.neutral.txt").read_text(encoding="utf-8") == SAFE_RESULT
    assert "2 changes applied" in result.stderr and "letter.neutral.txt" in result.stderr
    assert "needs review (use --all" in result.stderr  # the taking-sides rewording


def test_all_applies_suggestions_marked_for_review(runner, letter):
    assert fix(runner, "--all", str(letter)).exit_code == 0
    text = (letter.parent / "letter.neutral.txt").read_text(encoding="utf-8")
    assert "You have told me you disagree with the council's decision about transport." in text


def test_in_place(runner, letter):
    result = fix(runner, "--in-place", str(letter))
    assert result.exit_code == 0, result.output
    assert letter.read_text(encoding="utf-8") == SAFE_RESULT
    assert sorted(p.name for p in letter.parent.iterdir()) == ["letter.txt"]


def test_in_place_keeps_windows_line_endings(runner, tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(LETTER.replace("\n", "\r\n").encode("utf-8"))
    assert fix(runner, "--in-place", str(path)).exit_code == 0
    assert path.read_bytes() == SAFE_RESULT.replace("\n", "\r\n").encode("utf-8")


def test_diff_prints_and_writes_nothing(runner, letter):
    result = fix(runner, "--diff", str(letter))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"--- {letter}\n+++ {letter.parent / 'letter.neutral.txt'}\n")
    assert "+You may wish to ask the school" in result.stdout
    assert sorted(p.name for p in letter.parent.iterdir()) == ["letter.txt"]


def test_output_file(runner, letter, tmp_path):
    out = tmp_path / "out" / "reworded.txt"
    out.parent.mkdir()
    assert fix(runner, "-o", str(out), str(letter)).exit_code == 0
    assert out.read_text(encoding="utf-8") == SAFE_RESULT
    assert not (letter.parent / "letter.neutral.txt").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["-o", "x.txt", "a.txt", "b.txt"],
        ["--in-place", "--diff", "a.txt"],
        ["-o", "x.txt", "--in-place", "a.txt"],
    ],
)
def test_usage_errors(runner, args):
    result = fix(runner, *args)
    assert result.exit_code == 2


def test_output_may_not_be_the_input(runner, letter):
    result = fix(runner, "-o", str(letter), str(letter))
    assert result.exit_code == 2 and "--in-place" in result.stderr
    assert letter.read_text(encoding="utf-8") == LETTER


def test_bad_input_is_one_line_and_the_rest_are_still_fixed(runner, letter, tmp_path):
    missing = tmp_path / "missing.txt"
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    result = fix(runner, str(missing), str(pdf), str(letter))
    assert result.exit_code == 2
    assert f"advicelint: {missing}: no such file" in result.stderr
    assert f"advicelint: {pdf}: PDF is not supported" in result.stderr
    assert (letter.parent / "letter.neutral.txt").exists()
    assert "Traceback" not in result.output


def test_stdin_goes_to_stdout(runner):
    result = fix(runner, "-", input=LETTER)
    assert result.exit_code == 0
    assert result.stdout == SAFE_RESULT


def test_docx_input_writes_the_reworded_text_as_plain_text(runner, tmp_path):
    path = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("Dear Mr Shah,")
    document.add_paragraph("Ask for a copy of the provision map.")
    document.save(path)
    before = path.read_bytes()
    result = fix(runner, str(path))
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == before
    out = tmp_path / "letter.neutral.txt"
    assert out.read_text(encoding="utf-8") == (
        "Dear Mr Shah,\nYou may wish to ask for a copy of the provision map."
    )
    assert "Word document" in result.stderr


def test_docx_in_place_is_refused_and_the_document_kept(runner, tmp_path, letter):
    path = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("Ask for a copy of the provision map.")
    document.save(path)
    before = path.read_bytes()
    result = fix(runner, "--in-place", str(path), str(letter))
    assert result.exit_code == 2
    assert "cannot rewrite a Word document" in result.stderr
    assert path.read_bytes() == before
    assert letter.read_text(encoding="utf-8") == SAFE_RESULT  # the other input was still fixed


def test_the_temporary_file_is_not_left_behind_when_writing_fails(runner, letter, monkeypatch):
    from advicelint import files

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", full_disk)
    result = fix(runner, "--in-place", str(letter))
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    assert letter.read_text(encoding="utf-8") == LETTER
    assert sorted(p.name for p in letter.parent.iterdir()) == ["letter.txt"]


def test_recursive_fix_skips_the_copies_it_wrote_before(runner, letter):
    assert fix(runner, "-r", str(letter.parent)).exit_code == 0
    assert fix(runner, "-r", str(letter.parent)).exit_code == 0
    assert sorted(p.name for p in letter.parent.iterdir()) == ["letter.neutral.txt", "letter.txt"]
