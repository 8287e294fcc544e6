"""``spelling``: one spelling variety, British -> American by default (``colour`` -> ``color``).

Option ``variety``: ``"us"`` (default) turns British spellings into American
ones (rule ``uk_to_us``), ``"uk"`` the reverse (rule ``us_to_uk``), ``"off"``
changes nothing. The word pairs are in ``data/spelling_uk_us.tsv``, generated
from VarCon by ``scripts/build_spelling_table.py``: only unambiguous pairs of
common words, without spellings that depend on sense or part of speech
(``programme``, ``cheque``, ``kerb``, ``tyre``, ``storey``, ``licence``,
``practise``, ``metre``...) and without British forms that are also American
words (``advertise``, ``compromise``...). Rows marked ``us`` in the table are
used British -> American only (``inquiry`` and ``judgment`` are British too).

Precision first. A word is changed only when it is

- a whole word (not inside a longer word, a URL, an e-mail address, a path or
  a hashtag); the word before an apostrophe (``neighbour's``) or inside a
  hyphenated compound (``well-organised``) counts as a whole word;
- lower case, or capitalised at the start of a sentence (``Colour`` -> ``Color``)
  and not followed by another capitalised word, perhaps after ``of``/``for``...
  (``Labour Party``, ``Defence Secretary``, ``Centre for Policy Studies`` at a
  sentence start are names) and not in :data:`NAMES_WHEN_CAPITALISED`
  (``Labour said ...``: the party). A capitalised word elsewhere is a name
  (``the Labour Party``, ``World Trade Centre``, ``Sydney Harbour Bridge``) and
  ALL-CAPS or mixed-case words are left as they are.

The case of the word is kept (``Colour`` -> ``Color``). The change does not
touch punctuation, so a second run decides everything the same way and changes
nothing (idempotent); no target form of the table is itself a source form.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from newsclean import ConfigError, Document, Normalizer, Span, Stage, hookimpl

from .wordcontext import in_url, occurrences, starts_sentence

DATA = "spelling_uk_us.tsv"
VARIETIES = ("us", "uk", "off")
#: Set by ``structure`` on a document that does not look English: this step leaves it alone.
NOT_ENGLISH = "structure:not-english"
#: Words that, capitalised, are names even at a sentence start ("Labour said on Monday ...").
NAMES_WHEN_CAPITALISED = frozenset({"labour", "labor"})
#: A capitalised (or ALL-CAPS) word right after the candidate (or its hyphen), perhaps after
#: "of", "for"...: the candidate is part of a name ("Defence Secretary", "Centre for Policy Studies").
CAPITALISED_NEXT = re.compile(r"(?:[ \t]+(?:of|for|and|on|in|at|the|de|du|des|la|le))*(?:[ \t]+|-)[\"'\u201c\u2018(]*[A-Z]")


class Table(NamedTuple):
    """One direction of the table: source word (lower case) -> target word, and the keys to look for."""

    mapping: dict[str, str]
    keys: frozenset[str]

    @property
    def byte_keys(self) -> frozenset[bytes]:
        return _byte_keys(self.keys)


@functools.lru_cache(maxsize=None)
def _byte_keys(keys: frozenset[str]) -> frozenset[bytes]:
    """The keys made of ASCII letters only, encoded (no other key can be a whole run of letters)."""
    return frozenset(k.encode("ascii") for k in keys if k.isascii() and k.isalpha())


#: Every byte but an ASCII letter becomes a space: ``bytes.split`` then gives the runs of ASCII letters.
LETTER_RUNS = bytes(b if 65 <= b <= 90 or 97 <= b <= 122 else 32 for b in range(256))


def present_keys(tab: Table, text: str) -> set[str]:
    """The keys of ``tab`` that ``text`` may hold as whole words (``\\bkey\\b``), from its runs of
    ASCII letters (C-level: ``bytes.translate`` and ``split``; quicker than finding every word).

    A key at a word boundary on both sides is a whole run of ASCII letters (the characters
    beside it are not ``\\w``, so not letters, and a byte of a character outside ASCII is no
    letter here): every key the step can change is found. A key found here that stands only
    inside a longer word (``iDefence``) is harmless: the step's pattern needs the boundaries.
    """
    runs = text.encode("utf-8", "surrogatepass").translate(LETTER_RUNS).split()
    return {k.decode("ascii") for k in tab.byte_keys.intersection(runs)}


@functools.lru_cache(maxsize=None)
def table(variety: str) -> Table:
    """The mapping for ``variety`` ("us": British -> American, "uk": the reverse), read once per process."""
    text = resources.files(__package__).joinpath("data", DATA).read_text(encoding="utf-8")
    mapping: dict[str, str] = {}
    for raw in text.splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        uk, us, direction = raw.split("\t")
        if variety == "us":
            mapping[uk] = us
        elif direction == "both":
            mapping[us] = uk
    keys = frozenset(mapping) | frozenset(w[0].upper() + w[1:] for w in mapping)
    return Table(mapping, keys)


@functools.lru_cache(maxsize=1024)
def _words_pattern(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b")


def _is_word_char(char: str) -> bool:
    """Whether ``char`` is what ``\\w`` matches (``re``: a character ``str.isalnum`` calls so, or ``_``)."""
    return char.isalnum() or char == "_"


def word_places(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """``[m.span() for m in _words_pattern(frozenset(words)).finditer(text)]`` for words of ASCII
    letters, from C-level ``str.find`` (a text holds few of them; the pattern is tried at every
    position, and compiled anew for each set of words).

    A match of ``\\b(?:w1|w2...)\\b`` is a whole run of word characters (both ends of a word are
    letters) that is one of the words; such runs do not overlap, so the pattern finds each.
    """
    places: list[tuple[int, int]] = []
    for word in words:
        places.extend((start, start + len(word)) for start in occurrences(text, word, _is_word_char))
    places.sort()
    return places


def check_variety(value: Any) -> str:
    """``value`` if it is a valid ``variety``, else a :class:`newsclean.ConfigError`."""
    if value not in VARIETIES:
        raise ConfigError(f"option 'variety' is {value!r}; choose one of {', '.join(VARIETIES)}")
    return value


def verdict(text: str, start: int, end: int) -> str | None:
    """Why the word at ``[start, end)`` may be changed (the edit's note), or None to leave it."""
    word = text[start:end]
    if in_url(text, start, end):
        return None
    if word.islower():
        return "varcon"
    # capitalised: only a sentence's first word that is not part of a name
    if word.lower() in NAMES_WHEN_CAPITALISED or not starts_sentence(text, start):
        return None
    if CAPITALISED_NEXT.match(text, end):
        return None
    return "varcon; sentence start"


class SpellingNormalizer(Normalizer):
    """British -> American spelling (``variety="us"``), the reverse (``"uk"``), or nothing (``"off"``)."""

    name = "spelling"
    stage = Stage.SPELLING
    scope = "paragraph"  # a name or word is judged within its paragraph
    version = "2"

    def __init__(self, variety: str = "us") -> None:
        super().__init__(variety=check_variety(variety))

    def data_files(self) -> list[Path]:
        return [resources.files(__package__).joinpath("data", DATA)]

    def __call__(self, doc: Document) -> None:
        variety = self.params["variety"]
        if variety == "off" or NOT_ENGLISH in doc.flags:
            return  # (not English: "centre" is a French word)
        tab = table(variety)
        text = doc.text
        found = present_keys(tab, text)
        if not found:
            return
        rule = "uk_to_us" if variety == "us" else "us_to_uk"
        spans = []
        for start, end in word_places(text, found):
            note = verdict(text, start, end)
            if note is None:
                continue
            word = text[start:end]
            target = tab.mapping[word.lower()]
            if not word.islower():
                target = target[0].upper() + target[1:]
            spans.append(Span(start, end, target, rule, note=note))
        doc.apply(spans, step=self.name)


@hookimpl
def newsclean_configure(config: Any) -> None:
    config.declare(
        "variety",
        "us",
        "spelling variety of the output: 'us' (British -> American spellings), 'uk' (American -> British) or 'off'",
    )


@hookimpl
def newsclean_normalizers(config: Any) -> list[Normalizer]:
    return [SpellingNormalizer(variety=config.get("variety"))]
