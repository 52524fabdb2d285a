"""The one catalogue of user-facing words: every phrase tracker prints, keyed by
language. Code names a phrase by key; only this package holds the words.

Each submodule holds one part of the catalogue as `PHRASES = {key: (zh, en)}`;
placeholders are `str.format` fields, the same in both languages.
"""

from functools import cache
from typing import NamedTuple

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"


class Phrase(NamedTuple):
    """A phrase not yet put into words: its key and the values it names. Problems
    carry these, so one problem can be read in either language."""

    key: str
    args: dict = {}

    def text(self, lang: str) -> str:
        return say(self.key, lang, **self.args)

    def to_list(self) -> list:
        return [self.key, dict(self.args)]


def phrase(key: str, /, **args) -> Phrase:
    return Phrase(key, args)


class Joined(NamedTuple):
    """Names listed as a language lists them (、 or a comma), put into words
    when the phrase that names them is."""

    names: tuple[str, ...]

    def text(self, lang: str) -> str:
        return say("list.comma", lang).join(self.names)


@cache
def catalogue() -> dict[str, tuple[str, str]]:
    """Every phrase, from every part of the catalogue (no key in two parts)."""
    from tracker.words import bulletin, city, evidence, signatures

    return _merged(dict(_everyday()), (city, signatures, evidence, bulletin))


@cache
def _everyday() -> dict[str, tuple[str, str]]:
    """The parts of the catalogue nearly every command speaks from (the rest —
    the city, signatures, evidence, the bulletin — is read when first asked
    for: a command saves importing words it does not say)."""
    from tracker.words import cli, problems, report, sheets

    return _merged({}, (problems, report, cli, sheets))


def _merged(merged: dict, parts) -> dict[str, tuple[str, str]]:
    for part in parts:
        for key, pair in part.PHRASES.items():
            if key in merged:
                raise KeyError(f"phrase {key!r} is defined twice in the catalogue")
            merged[key] = pair
    return merged


def say(key: str, lang: str, /, **args) -> str:
    """The phrase `key` in `lang`, with its placeholders filled."""
    found = _everyday().get(key)
    zh, en = found if found is not None else catalogue()[key]
    template = en if lang == "en" else zh
    if not args:
        return template
    filled = {k: v.text(lang) if isinstance(v, Phrase | Joined) else v for k, v in args.items()}
    return template.format(**filled)


def words(key: str, lang: str) -> str:
    """A phrase without placeholders (a header, a label)."""
    return say(key, lang)
