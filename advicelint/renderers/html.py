"""The HTML report: displaCy's span visualiser, one section per letter."""

from __future__ import annotations

from collections.abc import Iterable

from spacy import displacy
from spacy.tokens import Doc

from ..detection import SPANS_KEY

CATEGORY_COLOURS = {
    "directive": "#f4a261",
    "taking-sides": "#e76f51",
    "local-policy": "#8ecae6",
    "acting-on-behalf": "#b5e48c",
    "personal-opinion": "#cdb4db",
    "judging-decision": "#ffd166",
}


def render_html(docs: Iterable[tuple[str, Doc]]) -> str:
    """A standalone page; each letter titled with its path, findings coloured by category."""
    titled = []
    for path, doc in docs:
        doc.user_data["title"] = path
        titled.append(doc)
    page = displacy.render(
        titled,
        style="span",
        page=True,
        options={"spans_key": SPANS_KEY, "colors": CATEGORY_COLOURS},
    )
    return page.replace("<title>displaCy</title>", "<title>advicelint report</title>", 1)
