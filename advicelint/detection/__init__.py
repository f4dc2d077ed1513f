"""Detection: the spaCy components that find impartiality problems."""

from . import extensions  # noqa: F401  (registers the extension attributes)
from .classifier import SentenceClassifier, make_classifier
from .component import NOTES_KEY, SPANS_KEY, Detector, make_detector
from .lines import make_line_breaks
from .rules import CATEGORIES, Rule, bundled_rules, load_rules, select_rules

__all__ = [
    "CATEGORIES",
    "NOTES_KEY",
    "SPANS_KEY",
    "Detector",
    "Rule",
    "SentenceClassifier",
    "bundled_rules",
    "load_rules",
    "make_classifier",
    "make_detector",
    "make_line_breaks",
    "select_rules",
]
