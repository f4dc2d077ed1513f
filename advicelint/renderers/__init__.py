"""Renderers: findings to the terminal, to JSON and to HTML."""

from .json import JSON_VERSION, render_json
from .text import render_summary, render_text

__all__ = ["JSON_VERSION", "render_json", "render_summary", "render_text"]
