"""The ``advicelint_lines`` component: a line break in a letter ends a sentence.

Letters are laid out in lines: a greeting, headings, bullet points and a
sign-off have no full stop, and the parser would run them into the next
sentence. This component, placed before the parser, marks sentence starts the
parser then respects. A hard-wrapped line (ending in a lower-case word or a
comma and continued in lower case) is not split.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

BULLETS = ("-", "*", "\u2022", "\u2013", "\u25aa", "\u25cf", "o")


@Language.factory("advicelint_lines", assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str):
    """Create the component (a plain function: it has no state)."""
    return mark_line_breaks


def mark_line_breaks(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start, unless wrapped."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" not in previous.text and "\n" not in previous.whitespace_:
            continue
        if token.is_space:
            continue
        if _wrapped(doc, token.i) and "\n\n" not in previous.text + previous.whitespace_:
            continue
        token.is_sent_start = True
    return doc


def _wrapped(doc: Doc, i: int) -> bool:
    """A line that merely continues the sentence of the line before it."""
    last = next((t for t in reversed(doc[:i]) if not t.is_space), None)
    token = doc[i]
    if last is None or token.text in BULLETS:
        return False
    continues = last.is_lower or last.text in (",", ";", "and", "or", "(")
    return continues and (token.is_lower or token.is_digit)
