"""Rule records: loaded from the TOML files in ``lexicons/`` and validated."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from lemminflect import getInflection

CATEGORIES = (
    "directive",
    "taking-sides",
    "local-policy",
    "acting-on-behalf",
    "personal-opinion",
    "judging-decision",
)
SEVERITIES = ("error", "warning", "info")
VOCABULARY_FILE = "vocabulary.toml"


class RuleError(ValueError):
    """A lexicon file that does not describe valid rules."""


@dataclass(frozen=True)
class Rule:
    """One detection rule, as written in a lexicon file."""

    id: str
    name: str
    category: str
    severity: str
    message: str
    why: str
    strategy: str
    example: str
    use_instead: str
    patterns: tuple[Any, ...] = ()
    phrases: tuple[str, ...] = ()
    when: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    match: tuple[str, ...] = ()
    no_match: tuple[str, ...] = ()
    classifier: bool = False  # found by the sentence classifier, not by patterns
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def matches_selector(self, selector: str) -> bool:
        """True if ``selector`` is this rule's category, name, id or id prefix."""
        selector = selector.strip()
        return selector in (self.category, self.name) or self.id.startswith(selector.upper())


def lexicon_dir() -> Path:
    """The bundled lexicons: ``advicelint/lexicons`` when installed.

    In a source checkout that is not installed, the package data lives in the
    top-level ``lexicons/`` folder next to the package.
    """
    installed = Path(str(resources.files("advicelint"))) / "lexicons"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "lexicons"


def load_vocabulary(directory: Path) -> dict[str, tuple[str, ...]]:
    """Named word lists shared by patterns (as ``"@name"``) and context checks."""
    path = directory / VOCABULARY_FILE
    data = _read_toml(path)
    vocabulary = {}
    for name, words in data.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise RuleError(f"{path.name}: {name} must be a list of strings")
        vocabulary[name] = tuple(words)
    return vocabulary


def load_rules(directory: Path | None = None) -> tuple[Rule, ...]:
    """Load and validate every rule file: the ``*.toml`` files with a ``category``."""
    directory = directory or lexicon_dir()
    vocabulary = load_vocabulary(directory)
    rules: list[Rule] = []
    for path in sorted(directory.glob("*.toml")):
        if path.name != VOCABULARY_FILE:
            rules.extend(_rules_from_file(path, vocabulary))
    if not rules:
        raise RuleError(f"{directory}: no rule files (TOML files with a category)")
    _check_unique(rules)
    return tuple(rules)


@cache
def bundled_rules() -> tuple[Rule, ...]:
    """The rules shipped with advicelint (loaded once per process)."""
    return load_rules(lexicon_dir())


@cache
def bundled_vocabulary() -> dict[str, tuple[str, ...]]:
    """The word lists shipped with advicelint."""
    return load_vocabulary(lexicon_dir())


def rules_and_vocabulary(
    lexicon: str | Path | None = None,
) -> tuple[tuple[Rule, ...], dict[str, tuple[str, ...]]]:
    """The rules and word lists of a lexicon folder (default: the bundled ones)."""
    if lexicon:
        return load_rules(Path(lexicon)), load_vocabulary(Path(lexicon))
    return bundled_rules(), bundled_vocabulary()


def select_rules(
    rules: Iterable[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> tuple[Rule, ...]:
    """Rules kept by ``--select`` (all when empty) and not dropped by ``--ignore``."""
    select, ignore = list(select), list(ignore)
    return tuple(
        rule
        for rule in rules
        if (not select or any(rule.matches_selector(s) for s in select))
        and not any(rule.matches_selector(s) for s in ignore)
    )


def known_selector(selector: str, rules: Iterable[Rule]) -> bool:
    """True if ``selector`` names at least one rule."""
    return any(rule.matches_selector(selector) for rule in rules)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise RuleError(f"{path.name}: {error}") from error


def _rules_from_file(path: Path, vocabulary: dict[str, tuple[str, ...]]) -> Iterator[Rule]:
    data = _read_toml(path)
    if "category" not in data:
        return  # another kind of lexicon (rewordings, statutes): not rules
    category = data["category"]
    if category not in CATEGORIES:
        raise RuleError(f"{path.name}: category must be one of {', '.join(CATEGORIES)}")
    defaults = data.get("defaults", {})
    for record in data.get("rules", []):
        yield _make_rule({**defaults, **record}, category, path.name, vocabulary)


_REQUIRED = ("id", "name", "severity", "message", "why", "strategy", "example", "use_instead")
_KNOWN = set(_REQUIRED) | {
    "patterns",
    "phrases",
    "when",
    "unless",
    "match",
    "no_match",
    "classifier",
}


def _make_rule(
    record: dict[str, Any], category: str, source: str, vocabulary: dict[str, tuple[str, ...]]
) -> Rule:
    where = f"{source}: rule {record.get('id', '?')}"
    missing = [key for key in _REQUIRED if not record.get(key)]
    if missing:
        raise RuleError(f"{where}: missing {', '.join(missing)}")
    if record["severity"] not in SEVERITIES:
        raise RuleError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
    classifier = record.get("classifier", False)
    if not isinstance(classifier, bool):
        raise RuleError(f"{where}: classifier must be true or false")
    if classifier and (record.get("patterns") or record.get("phrases")):
        raise RuleError(f"{where}: a classifier rule takes no patterns or phrases")
    if not classifier and not record.get("patterns") and not record.get("phrases"):
        raise RuleError(f"{where}: needs patterns or phrases (or classifier = true)")
    if not record.get("match") or not record.get("no_match"):
        raise RuleError(f"{where}: needs examples that must match and must not match")
    phrases = _expand(record.get("phrases", []), vocabulary, where)
    slotted = [phrase for phrase in phrases if _has_slots(phrase)]
    patterns = tuple(_expand(p, vocabulary, where) for p in record.get("patterns", []))
    patterns += tuple(_slot_pattern(phrase, where) for phrase in slotted)
    patterns = tuple(variant for pattern in patterns for variant in _hyphen_variants(pattern))
    record["phrases"] = [phrase for phrase in phrases if not _has_slots(phrase)]
    return Rule(
        category=category,
        source=source,
        patterns=patterns,
        classifier=classifier,
        **{key: record[key] for key in _REQUIRED},
        **{
            key: tuple(record.get(key, ()))
            for key in ("phrases", "when", "unless", "match", "no_match")
        },
        extra={key: value for key, value in record.items() if key not in _KNOWN},
    )


def _expand(value: Any, vocabulary: dict[str, tuple[str, ...]], where: str) -> Any:
    """Replace ``"@name"`` strings inside ``IN``/``NOT_IN`` lists by vocabulary words.

    ``"@name:past"`` gives the past-tense forms of a list of verbs ("ring" -> "rang").
    """
    if isinstance(value, dict):
        return {key: _expand(item, vocabulary, where) for key, item in value.items()}
    if isinstance(value, list):
        expanded: list[Any] = []
        for item in value:
            if isinstance(item, str) and item.startswith("@"):
                expanded.extend(_word_list(item, vocabulary, where))
            else:
                expanded.append(_expand(item, vocabulary, where))
        return expanded
    if isinstance(value, str) and value.startswith("@"):
        return _word_list(value, vocabulary, where)
    return value


def _word_list(reference: str, vocabulary: dict[str, tuple[str, ...]], where: str) -> list[str]:
    name, _, form = reference[1:].partition(":")
    if name not in vocabulary:
        raise RuleError(f"{where}: unknown word list {reference}")
    if not form:
        return list(vocabulary[name])
    if form != "past":
        raise RuleError(f"{where}: unknown form {form!r} in {reference} (known: past)")
    return sorted({past for verb in vocabulary[name] for past in getInflection(verb, tag="VBD")})


# Slots in phrases: "~drag <poss> feet" matches "dragging her feet", "dragged their feet".
_SLOTS: dict[str, dict[str, Any]] = {
    "<poss>": {"TAG": "PRP$"},
    "<obj>": {"LOWER": {"IN": ["him", "her", "them", "you", "it", "us", "me"]}},
    "<adv>": {"POS": "ADV", "OP": "*"},
    "<det>": {"POS": {"IN": ["DET", "PRON"]}, "OP": "?"},
    "<someone>": {"POS": {"IN": ["PROPN", "PRON"]}, "OP": "+"},
}


def _has_slots(phrase: str) -> bool:
    return any(word.startswith(("~", "<")) for word in phrase.split())


def _slot_pattern(phrase: str, where: str) -> list[dict[str, Any]]:
    """A phrase with slots as a token pattern (``~lemma``, ``<poss>``, ``<obj>``, ...)."""
    pattern: list[dict[str, Any]] = []
    for word in phrase.split():
        if "'" in word or "\u2019" in word:
            raise RuleError(f"{where}: phrase {phrase!r}: slotted phrases take no apostrophes")
        if word in _SLOTS:
            pattern.append(_SLOTS[word])
        elif word.startswith("<"):
            raise RuleError(f"{where}: phrase {phrase!r}: unknown slot {word}")
        elif word.startswith("~"):
            pattern.append({"LEMMA": word[1:]})
        else:
            pattern.append({"LOWER": word})
    return pattern


def _hyphen_variants(pattern: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Split hyphenated words out of ``LOWER`` lists into token sequences.

    The tokenizer splits "level-headed" into three tokens, so a one-token slot
    listing it could never match; each such word gets a pattern of its own
    ("level", "-", "headed") in place of the slot.
    """
    for position, token in enumerate(pattern):
        words = token.get("LOWER", {}).get("IN") if isinstance(token.get("LOWER"), dict) else None
        hyphenated = [w for w in words or () if "-" in w.strip("-") and " " not in w]
        if not hyphenated:
            continue
        plain = {
            **token,
            "LOWER": {**token["LOWER"], "IN": [w for w in words if w not in hyphenated]},
        }
        head, tail = pattern[:position], pattern[position + 1 :]
        variants = [[*head, plain, *tail]] if plain["LOWER"]["IN"] else []
        rest = {key: value for key, value in token.items() if key not in ("LOWER", "POS", "TAG")}
        for word in hyphenated:
            parts = [{"LOWER": part} for part in word.split("-")]
            joined = [item for part in parts for item in (part, {"ORTH": "-"})][:-1]
            if rest.get("OP"):
                continue  # an optional or repeated slot: leave the compound out
            variants.append([*head, *joined, *tail])
        return [v for variant in variants for v in _hyphen_variants(variant)]
    return [pattern]


def _check_unique(rules: list[Rule]) -> None:
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.id, rule.name):
            if key in seen:
                raise RuleError(f"{rule.source}: {key} is also used in {seen[key]}")
            seen[key] = rule.source
