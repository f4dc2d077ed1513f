"""advicelint.fixing: choosing, applying, naming, diffing and writing (no pipeline needed)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from advicelint.findings import Finding, Suggestion
from advicelint.fixing import (
    FixError,
    apply,
    choose,
    destination,
    detect_newline,
    encode,
    fix_text,
    output_path,
    unified_diff,
)

TEXT = "You should appeal. I think that is wise. Don't sign it."


def finding(start, end, rule="D101", category="directive", suggestions=(), note=False):
    return Finding(
        rule=rule,
        category=category,
        severity="error",
        start=start,
        end=end,
        line=1,
        column=start + 1,
        text=TEXT[start:end],
        message="m",
        suggestions=tuple(suggestions),
        note=note,
    )


SAFE = Suggestion(0, 10, "You may wish to", True)
REVIEW = Suggestion(19, 40, "It is your decision.", False)


def test_choose_takes_safe_suggestions_only_by_default():
    findings = [finding(0, 10, suggestions=[SAFE]), finding(19, 26, "O501", suggestions=[REVIEW])]
    changes, skipped = choose(findings)
    assert [c.replacement for c in changes] == ["You may wish to"]
    assert [(s.finding.rule, s.reason) for s in skipped] == [("O501", "review")]
    changes, skipped = choose(findings, safe_only=False)
    assert len(changes) == 2 and not skipped


def test_choose_takes_the_first_allowed_suggestion_of_a_finding():
    both = finding(19, 26, suggestions=[REVIEW, Suggestion(19, 26, "", True)])
    assert choose([both])[0][0].replacement == ""
    assert choose([both], safe_only=False)[0][0].replacement == "It is your decision."


def test_a_shared_suggestion_is_applied_once_for_all_its_findings():
    shared = Suggestion(19, 40, "It is your decision.", True)
    findings = [
        finding(19, 26, "O501", suggestions=[shared]),
        finding(27, 39, "J601", suggestions=[shared]),
    ]
    changes, skipped = choose(findings)
    assert len(changes) == 1 and not skipped
    assert {f.rule for f in changes[0].findings} == {"O501", "J601"}


def test_overlapping_suggestions_first_wins_and_the_rest_are_reported():
    first = finding(0, 10, suggestions=[Suggestion(0, 18, "You may wish to appeal.", True)])
    second = finding(4, 10, "D102", suggestions=[Suggestion(4, 18, "could appeal.", True)])
    changes, skipped = choose([second, first])
    assert [c.replacement for c in changes] == ["You may wish to appeal."]
    assert [(s.finding.rule, s.reason) for s in skipped] == [("D102", "overlap")]


def test_findings_without_suggestions_and_notes():
    changes, skipped = choose([finding(0, 10), finding(41, 46, note=True)])
    assert not changes and [s.reason for s in skipped] == ["no suggestion"]


def test_apply_and_fix_text():
    result = fix_text(TEXT, [finding(0, 10, suggestions=[SAFE])])
    assert result.text == "You may wish to appeal. I think that is wise. Don't sign it."
    assert result.changed and len(result.applied) == 1
    assert apply(TEXT, []) == TEXT
    with pytest.raises(ValueError):
        apply(TEXT, [*choose([finding(0, 10, suggestions=[SAFE])])[0]] * 2)


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("letter.txt", "text", "letter.neutral.txt"),
        ("letter.md", "markdown", "letter.neutral.md"),
        ("letter.docx", "docx", "letter.neutral.txt"),
        ("README", "text", "README.neutral.txt"),
        ("a.b.txt", "text", "a.b.neutral.txt"),
    ],
)
def test_output_path(name, kind, expected):
    assert output_path(Path("dir") / name, kind) == Path("dir") / expected


def test_destination(tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text("x")
    assert destination(str(letter), "text", None, False) == tmp_path / "letter.neutral.txt"
    assert destination(str(letter), "text", None, True) == letter
    assert destination(str(letter), "text", tmp_path / "out.txt", False) == tmp_path / "out.txt"
    assert destination("-", "text", None, False) is None
    with pytest.raises(FixError, match="Word document"):
        destination(str(tmp_path / "l.docx"), "docx", None, True)
    with pytest.raises(FixError, match="standard input"):
        destination("-", "text", None, True)
    with pytest.raises(FixError, match="input itself"):
        destination(str(letter), "text", letter, False)


def test_unified_diff():
    diff = unified_diff("a\nb\n", "a\nc\n", "x.txt", "x.neutral.txt")
    assert diff.startswith("--- x.txt\n+++ x.neutral.txt\n") and "-b\n+c\n" in diff
    assert unified_diff("same\n", "same\n", "a", "b") == ""
    assert unified_diff("no newline", "changed", "a", "b").endswith("+changed\n")


def test_encoding_and_line_endings_follow_the_input():
    assert detect_newline(b"a\r\nb\r\n") == "\r\n"
    assert detect_newline(b"a\nb") == "\n"
    assert encode("a\nb", "utf-8", "\r\n") == b"a\r\nb"
    assert encode("caf\u00e9", "cp1252") == b"caf\xe9"
    assert encode("\u2603", "cp1252") == "\u2603".encode()  # cannot be cp1252: UTF-8
    assert encode("a", "utf-16-le").startswith(codecs.BOM_UTF16_LE)
