"""Packaging: every sub-package is listed for installation, and nothing else is."""

from __future__ import annotations

import configparser

from helpers import REPO
from setuptools import find_packages


def test_setup_cfg_lists_every_package():
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg", encoding="utf-8")
    listed = set(config["options"]["packages"].split())
    found = set(find_packages(str(REPO), include=["advicelint", "advicelint.*"]))
    assert listed - {"advicelint.lexicons", "advicelint.models"} == found  # data folders
