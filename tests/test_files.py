"""Atomic writes: the target is either the old file or the complete new one."""

from __future__ import annotations

import os
import stat

import pytest

from advicelint.files import write_atomically


def test_writes_text_and_bytes(tmp_path):
    target = tmp_path / "out.txt"
    write_atomically(target, "caf\u00e9\n")
    assert target.read_text(encoding="utf-8") == "caf\u00e9\n"
    write_atomically(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_failed_write_leaves_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("advicelint.files.os.replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_replacing_keeps_the_file_permissions(tmp_path):
    target = tmp_path / "letter.txt"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
