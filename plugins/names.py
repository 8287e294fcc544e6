"""``names``: one spelling for every name in the gazetteer.

Transliteration variants (``Qaddafi``/``Kadhafi`` -> ``Gaddafi``, ``Hashd al-Sha'abi``
-> ``Hashd al-Shaabi``) come from ``data/names.tsv``; aliases that are not
spellings (``Daesh``/``ISIL`` -> ``ISIS``) from ``data/name_aliases.tsv``, with their
own switch (``name_aliases``). Plugins add entries through ``newsclean_lexicons``
(keys ``"names"`` and ``"name_aliases"``), users through ``name_table`` (a TSV or
TOML file), and ``name_canonical`` picks the house spelling of any entity.

Matching (:class:`NameTable`) is one pass over the word tokens with a dict keyed
by each name's first token, so its cost does not grow with the gazetteer. A form
matches regardless of apostrophe style (``Sha'abi`` = ``Sha’abi``), hyphen or
space between its tokens (``al-Qaeda`` = ``al Qaeda``), the article's spelling
(``al-``/``el-``) and case of lower-case particles (``Al-Qaeda``), in ALL CAPS,
and before a possessive (``Qaddafi's``). It never matches inside a longer word,
URL, e-mail or hashtag, a lower-case word for a capitalised name, or a name
followed by ``of`` and a capitalised word (``Islamic State of Afghanistan`` is
another name), or a name before ``FC``/``club`` (``Al-Shabab FC`` is a football club). Only gazetteer names are changed; nothing is guessed.

A person's surname alone (``Suleimani said``) is rewritten only after the table found
that person's full name in the same document (``Qassem Suleimani``): rule ``surname``,
:func:`surname_spans`.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from newsclean import ConfigError, Document, Normalizer, Span, Stage, hookimpl

from .wordcontext import occurrences
from .wordlist import WORDS_DATA, word_classes

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

STEP = "names"
MAX_ROUNDS = 3
NAMES_DATA = "names.tsv"
ALIASES_DATA = "name_aliases.tsv"

APOSTROPHES = "'’‘ʼʻ`´"
#: A word: letters, with apostrophes inside (``Sha'abi``) but not a possessive ``'s``.
TOKEN = re.compile(rf"[^\W\d_]+(?:[{APOSTROPHES}](?!s\b)[^\W\d_]+)*")
_APOS = re.compile(f"[{APOSTROPHES}]")
#: For :func:`present_tokens`: ASCII letters, digits, ``_``, the ASCII apostrophes and every byte of a
#: character outside ASCII stay; every other byte (an ASCII character no token holds or touches) becomes a space.
TOKEN_CHUNKS = bytes(b if b >= 128 or chr(b).isalnum() or chr(b) in "_'`" else 32 for b in range(256))
APOSTROPHE_TABLE = str.maketrans({c: "'" for c in APOSTROPHES})
OTHER_APOSTROPHES = APOSTROPHES.replace("'", "")
#: Particles whose case varies with house style and position (``Al-Qaeda``, ``al-Qaeda``).
PARTICLES = frozenset("al el ad ash as at an ar az ath adh ud ul bin ibn bint ben abd of the and de la".split())
#: Spellings of the Arabic article that are one key. ``as``/``at``/``an`` only before a hyphen.
ARTICLES = {"al": "al", "el": "al", "il": "al"}
SUN_ARTICLES = {"ad", "ash", "as", "at", "an", "ar", "az", "ath", "adh", "ud"}
SEPARATORS = frozenset([" ", "-", "\u2010", "\u2011"])
#: Characters that glue a word to a URL, e-mail address, handle or hashtag.
GLUE_BEFORE = frozenset("#@/\\_.")
FOLLOWED_BY_OF = re.compile(r"[ ]of[ ]+(?:the[ ]+)?[A-Z]")
#: A sports club named after a group, place or word (``Al-Shabab FC``, ``Al Shabab club``): a name
#: right before one of these words is the club's, spelled as the club spells it.
FOLLOWED_BY_CLUB = re.compile(r"[ ](?:FC|F\.C\.|SC|S\.C\.|AFC|CF|Club|club|football club|Football Club)\b")
#: Surnames alone (``Suleimani said``) follow a full name found in the same document only when
#: the surname has this many letters or more and is this alike to the canonical one (difflib ratio).
MIN_SURNAME = 4
SURNAME_LIKENESS = 0.6
#: Words before a surname that name its bearer's rank, not another given name ("Ayatollah Khamenei").
TITLES = frozenset(
    "mr mrs ms miss dr prof president ayatollah sheikh general gen colonel col king queen prince emir minister "
    "premier chancellor senator sen rep governor gov judge justice cardinal pope imam mullah commander chief "
    "lieutenant lt captain capt sergeant sgt major maj admiral adm brigadier marshal leader spokesman".split()
)
#: A capitalised word before a surname that only opens its sentence ("When Suleimani ...").
OPENERS = frozenset(
    "the a an and but or so when while after before as if since though although because then yet "
    "there here this that these those his her their its our my your meanwhile however still also "
    "both neither either nor for from with by at in on to of".split()
)

LAYER_DEFAULT, LAYER_ALIASES, LAYER_LEARNED, LAYER_PLUGIN, LAYER_USER, LAYER_HOUSE = range(6)
LAYER_NAMES = {LAYER_DEFAULT: "default gazetteer", LAYER_ALIASES: "default aliases", LAYER_LEARNED: "name_discover",
               LAYER_PLUGIN: "plugin lexicons", LAYER_USER: "name_table", LAYER_HOUSE: "name_canonical"}


@dataclass(frozen=True)
class NameRow:
    """One line of a name table: ``variant`` is written as ``canonical``."""

    canonical: str
    variant: str
    kind: str = ""
    source: str = ""
    where: str = ""  # file:line, for error messages


def token_key(word: str, next_sep: str = "") -> str:
    """The matching key of one token: lower case, one apostrophe, one article spelling."""
    low = _APOS.sub("'", word.lower())
    if low in ARTICLES:
        return ARTICLES[low]
    if low in SUN_ARTICLES and next_sep == "-":
        return "al"
    return low


ANY_CASE, CAPITAL, ALL_CAPS = range(3)


def token_case(token: str) -> int:
    """The case a table token asks of the text: ALL_CAPS, CAPITAL or ANY_CASE (particles)."""
    if token.lower() in PARTICLES or not token[0].isupper():
        return ANY_CASE
    return ALL_CAPS if len(token) > 1 and token.isupper() else CAPITAL


def case_fits(word: str, needs: int) -> bool:
    if needs == ALL_CAPS:
        return word.isupper()
    return needs == ANY_CASE or word[0].isupper()


def form_tokens(form: str) -> list[tuple[str, str]]:
    """``[(token, separator after it)]`` of a name as written in a table."""
    matches = list(TOKEN.finditer(form))
    out = []
    for i, m in enumerate(matches):
        sep = form[m.end() : matches[i + 1].start()] if i + 1 < len(matches) else ""
        out.append((m.group(), sep))
    return out


def form_key(form: str) -> tuple[str, ...]:
    tokens = form_tokens(form)
    return tuple(token_key(tok, sep) for tok, sep in tokens)


def check_form(form: str, where: str) -> None:
    """A table form must be words joined by single spaces or hyphens."""
    tokens = form_tokens(form)
    rebuilt = "".join(tok + sep for tok, sep in tokens)
    if not tokens or rebuilt != form.strip() or any(sep and sep not in SEPARATORS for _, sep in tokens[:-1]):
        raise ConfigError(
            f"{where}: name {form!r} must be words (letters, inner apostrophes) joined by single spaces or hyphens"
        )


@dataclass
class Entity:
    canonical: str
    layer: int
    forms: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)  # person, group, place, org (the table's type column)


class NameTable:
    """Entities (a canonical spelling and its variants) and the compiled matcher."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._entity_of: dict[tuple[str, ...], int] = {}
        self._index: dict[str, list[tuple[tuple[str, ...], tuple[int, ...], int]]] | None = None
        self._firsts: set[str] = set()  # first-token keys, with the article's other spellings
        self._firsts_ascii: frozenset[bytes] = frozenset()  # those made of ASCII letters, encoded
        self._longest = 1  # tokens in the longest name
        #: keys of the forms that are aliases (``Daesh``), not spellings: their edits say ``alias``.
        self.alias_keys: set[tuple[str, ...]] = set()
        self._surnames: dict[int, dict[str, str]] | None = None

    # -- building ---------------------------------------------------------------
    def add(self, row: NameRow, layer: int, *, alias: bool = False) -> None:
        where = row.where or LAYER_NAMES[layer]
        check_form(row.canonical, where)
        check_form(row.variant, where)
        self._index = None
        self._surnames = None
        keys = [form_key(row.canonical), form_key(row.variant)]
        found = sorted({self._entity_of[k] for k in keys if k in self._entity_of})
        if not found:
            self.entities.append(Entity(row.canonical, layer))
            target = len(self.entities) - 1
        else:
            target = found[0]
            for other in found[1:]:
                self._merge(target, other, row, layer)
        entity = self.entities[target]
        if layer > entity.layer or (layer == entity.layer and form_key(entity.canonical) == keys[0]):
            entity.canonical, entity.layer = row.canonical, layer
        elif layer == entity.layer and form_key(entity.canonical) != keys[0]:
            raise ConfigError(
                f"{where}: {row.variant!r} is listed under {row.canonical!r} but is already a spelling of "
                f"{entity.canonical!r} in the {LAYER_NAMES[layer]}; one name cannot have two canonical spellings"
            )
        for form in (row.canonical, row.variant):
            entity.forms.add(form)
            self._entity_of[form_key(form)] = target
        if row.source:
            entity.sources.add(row.source)
        if row.kind:
            entity.kinds.add(row.kind)
        if alias:
            self.alias_keys.add(keys[1])

    def _merge(self, target: int, other: int, row: NameRow, layer: int) -> None:
        a, b = self.entities[target], self.entities[other]
        if a.layer == b.layer == layer and form_key(a.canonical) != form_key(b.canonical):
            raise ConfigError(
                f"{row.where or LAYER_NAMES[layer]}: {row.canonical!r} / {row.variant!r} would join "
                f"{a.canonical!r} and {b.canonical!r}, two names of the {LAYER_NAMES[layer]}"
            )
        a.forms |= b.forms
        a.sources |= b.sources
        a.kinds |= b.kinds
        if b.layer > a.layer:
            a.canonical, a.layer = b.canonical, b.layer
        for form in b.forms:
            self._entity_of[form_key(form)] = target
        b.forms = set()

    def set_canonical(self, form: str, canonical: str, where: str = "name_canonical") -> None:
        """House style: write the entity that ``form`` names as ``canonical``."""
        key = form_key(form)
        if key not in self._entity_of:
            raise ConfigError(f"{where}: {form!r} is not a name in the gazetteer, so it has no canonical spelling to set")
        self.add(NameRow(canonical, self.entities[self._entity_of[key]].canonical, where=where), LAYER_HOUSE)

    def would_join(self, a: str, b: str) -> bool:
        """Whether a row ``a``/``b`` would join two different entities of the table."""
        ea, eb = self._entity_of.get(form_key(a)), self._entity_of.get(form_key(b))
        return ea is not None and eb is not None and ea != eb

    def canonical_of(self, form: str) -> str | None:
        """The canonical spelling of ``form`` (any case), or None if it is not in the table."""
        idx = self._entity_of.get(form_key(form))
        return None if idx is None else self.entities[idx].canonical

    def __len__(self) -> int:
        return sum(1 for e in self.entities if e.forms)

    # -- matching ---------------------------------------------------------------
    def _is_acronym(self, surface: str) -> bool:
        key = form_key(surface)
        idx = self._entity_of.get(key)
        return idx is not None and any(f.isupper() and form_key(f) == key for f in self.entities[idx].forms)

    def _first_words(self) -> set[str]:
        """The first words of all forms as they may be written (case variants that can match)."""
        words: set[str] = set()
        for entity in self.entities:
            for form in entity.forms:
                tok = form_tokens(form)[0][0].translate(APOSTROPHE_TABLE)
                spellings = {tok}
                if tok.lower() in ARTICLES:
                    spellings = set(ARTICLES)
                for w in list(spellings):
                    spellings |= {w.upper(), w[0].upper() + w[1:]}
                    if w.lower() in PARTICLES or w[0].islower():
                        spellings |= {w.lower(), w[0].lower() + w[1:]}
                words |= spellings
        return words

    def _compile(self) -> dict[str, list[tuple[tuple[str, ...], tuple[int, ...], int]]]:
        # per key and token, the case a written token needs: ANY_CASE, CAPITAL (first letter)
        # or ALL_CAPS (an acronym: "ISIS" is not the goddess "Isis"); the loosest of its forms
        caps: dict[tuple[str, ...], list[int]] = {}
        for key in self._entity_of:
            caps.setdefault(key, [ALL_CAPS] * len(key))
        for entity in self.entities:
            for form in entity.forms:
                needs = caps[form_key(form)]
                for i, (tok, _sep) in enumerate(form_tokens(form)):
                    needs[i] = min(needs[i], token_case(tok))
        index: dict[str, list[tuple[tuple[str, ...], tuple[int, ...], int]]] = {}
        for key, idx in self._entity_of.items():
            index.setdefault(key[0], []).append((key, tuple(caps[key]), idx))
        for cands in index.values():
            cands.sort(key=lambda c: -len(c[0]))  # longest name first
        return index

    def find(self, text: str) -> Iterator[tuple[int, int, int]]:
        """``(start, end, entity index)`` of every gazetteer name in ``text``, left to right."""
        if self._index is None:
            self._index = self._compile()
            self._firsts = self._first_words()
            self._firsts_ascii = frozenset(w.encode("ascii") for w in self._firsts if w.isascii() and w.isalpha())
            self._longest = max((len(key) for key in self._entity_of), default=1)
        index = self._index
        # most texts name nobody in the gazetteer: C-level scans of the words say so
        present = present_tokens(text, self._firsts, self._firsts_ascii)
        starts = sun_article_starts(text) if "al" in index else []  # "ash-Sham": the article's key is "al"
        if not present and not starts:
            return
        # visit only the tokens that can start a name (even a common first word, "Ali", is rare among tokens)
        if present:
            starts = sorted({*starts, *_word_starts(text, present)})
        longest = self._longest
        end = 0
        for start in starts:
            if start < end or (start >= 2 and text[start - 1] in APOSTROPHES and _is_letter(text[start - 2])):
                continue  # inside the last name found, or inside a word ("d'Hugo" is one token)
            tokens = []
            for m in TOKEN.finditer(text, start):
                tokens.append(m)
                if len(tokens) == longest:
                    break
            for found_start, found_end, idx in self._find_from(text, tokens, first_only=True):
                end = found_end
                yield found_start, found_end, idx

    def _find_from(self, text: str, tokens: list[re.Match[str]], first_only: bool = False) -> Iterator[tuple[int, int, int]]:
        """The names starting at ``tokens`` (only at the first one with ``first_only``), left to right."""
        index = self._index
        n = len(tokens)
        i = 0
        while i < n:
            m = tokens[i]
            nxt_sep = text[m.end() : m.end() + 1]
            cands = index.get(token_key(m.group(), nxt_sep))
            hit = None if cands is None else self._match_at(text, tokens, i, cands)
            if hit is None:
                if first_only:
                    return
                i += 1
                continue
            length, idx = hit
            yield m.start(), tokens[i + length - 1].end(), idx
            if first_only:
                return
            i += length

    def _match_at(self, text, tokens, i, cands):
        start = tokens[i].start()
        if start and (text[start - 1] in GLUE_BEFORE or text[start - 1].isalnum()):
            return None
        # the keys of the run of tokens from i joined by a name's separators, computed once for all candidates
        longest = min(len(cands[0][0]), len(tokens) - i)  # candidates come longest first
        words = [tokens[i].group()]
        keys = [token_key(words[0], text[tokens[i].end() : tokens[i].end() + 1])]
        for tok in tokens[i + 1 : i + longest]:
            if text[tokens[i + len(words) - 1].end() : tok.start()] not in SEPARATORS:
                break
            words.append(tok.group())
            keys.append(token_key(words[-1], text[tok.end() : tok.end() + 1]))
        run = tuple(keys)
        for key, needs_cap, idx in cands:
            length = len(key)
            if length > len(run) or run[:length] != key:
                continue
            if not all(case_fits(words[j], needs_cap[j]) for j in range(length)):
                continue
            end = tokens[i + length - 1].end()
            if _glued_after(text, end) or (length > 1 and FOLLOWED_BY_OF.match(text, end)):
                continue  # "Islamic State of Afghanistan" is another name
            if FOLLOWED_BY_CLUB.match(text, end):
                continue  # "Al-Shabab FC" is a football club, not al-Shabaab
            return length, idx
        return None

    def surnames(self, idx: int) -> dict[str, str]:
        """``{variant surname: canonical surname}`` of person ``idx``, from its full-name forms.

        ``Qassem Suleimani`` under ``Qassem Soleimani`` gives ``Suleimani -> Soleimani``.
        Left out, so that a surname alone is rewritten only where it can name one person:
        forms with another number of tokens than the canonical name (``Mohammed bin Salman Al
        Saud`` does not make ``Saud`` a spelling of ``Salman``); surnames not alike to the
        canonical one (``SURNAME_LIKENESS``) or shorter than ``MIN_SURNAME``; either spelling
        being an English word (``Basil``, ``Song``, ``Mohamed`` are in the word list), a given
        name of a person in the table (``Hussein``, ``Saleh``, ``Suleiman``) or a name of its
        own in the table; a spelling that two people's surnames would claim.
        """
        if self._surnames is None:
            self._surnames = self._all_surnames()
        return self._surnames.get(idx, {})

    def _all_surnames(self) -> dict[int, dict[str, str]]:
        given = set()
        for entity in self.entities:
            if "person" in entity.kinds:
                for form in entity.forms:
                    tokens = form_tokens(form)
                    if len(tokens) >= 2:
                        given.add(token_key(tokens[0][0]))
        words = word_classes()  # English words: a surname that is one is not rewritten alone
        found: dict[int, dict[str, str]] = {}
        claims: dict[str, set[str]] = {}
        for idx, entity in enumerate(self.entities):
            canon = form_tokens(entity.canonical)
            if "person" not in entity.kinds or len(canon) < 2:
                continue
            last = canon[-1][0]
            if len(last) < MIN_SURNAME or not last[0].isupper() or token_key(last) in given or token_key(last) in words:
                continue
            for form in entity.forms:
                tokens = form_tokens(form)
                other = tokens[-1][0]
                key = token_key(other)
                if (
                    len(tokens) == len(canon)
                    and other[0].isupper()
                    and key != token_key(last)
                    and key not in given
                    and key.replace("'", "") not in words
                    and (key,) not in self._entity_of
                    and SequenceMatcher(None, other.lower(), last.lower()).ratio() >= SURNAME_LIKENESS
                ):
                    found.setdefault(idx, {})[other.translate(APOSTROPHE_TABLE)] = last
                    claims.setdefault(key, set()).add(last)
        return {
            idx: kept
            for idx, pairs in found.items()
            if (kept := {v: c for v, c in pairs.items() if len(claims[token_key(v)]) == 1})
        }

    def render(self, idx: int, surface: str, *, sentence_start: bool = False) -> str:
        """The canonical spelling of entity ``idx`` for ``surface``: in capitals if it is
        in capitals, and with a capital first letter at a sentence start (``Al-Qaeda``)."""
        canonical = self.entities[idx].canonical
        letters = [c for c in surface if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters) and not canonical.isupper():
            if not self._is_acronym(surface):  # "QADDAFI" is shouted; "ISIL" is how it is written
                return canonical.upper()
        if sentence_start and canonical[:1].islower():
            return canonical[0].upper() + canonical[1:]
        return canonical


def present_tokens(text: str, words: set[str], ascii_words: frozenset[bytes]) -> set[str]:
    """The ``words`` that are tokens of ``text`` (``TOKEN``), or, when it holds an apostrophe
    other than ``'``, a token outside ASCII with its apostrophes written ``'``; ``ascii_words``
    are the ``words`` made of ASCII letters, encoded.

    What ``words ∩ set(TOKEN.findall(text))`` (plus those spellings) gives, from the text's
    distinct chunks (``TOKEN_CHUNKS``; C-level ``bytes.translate``, ``split`` and set operations),
    with the pattern only on the chunks that are not all ASCII letters. A token is letters and
    apostrophes, so it lies inside one chunk, and a chunk's edge is where ``\\b`` holds in the
    text too (the next character is an ASCII character that is no word character): a chunk's
    tokens alone are its tokens in the text, and a chunk of ASCII letters is one token (so one
    of ``ascii_words`` is a token when it is a chunk).
    """
    raw = text.encode("utf-8", "surrogatepass")
    chunks = set(raw.translate(TOKEN_CHUNKS).split())
    present = {w.decode("ascii") for w in ascii_words.intersection(chunks)}
    others: list[str] = []
    for chunk in chunks:
        if not chunk.isalpha():
            others.extend(TOKEN.findall(chunk.decode("utf-8", "surrogatepass")))
    if any(c in text for c in OTHER_APOSTROPHES):
        others.extend([w.translate(APOSTROPHE_TABLE) for w in others if not w.isascii()])
    present.update(words.intersection(others))
    return present


@functools.lru_cache(maxsize=1024)
def _first_words_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """Where any of ``words`` (apostrophes as ``'``) stands as a whole token (no letter on either side)."""
    any_apostrophe = f"[{APOSTROPHES}]"
    alternatives = "|".join(re.escape(w).replace("'", any_apostrophe) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])")


def _word_starts(text: str, words: Iterable[str]) -> list[int]:
    """Where each of ``words`` stands as a whole token (no letter on either side); C-level ``str.find``
    per word (a text holds few of them), the pattern only for a word with an apostrophe."""
    out: list[int] = []
    for word in words:
        if "'" in word:
            out.extend(m.start() for m in _first_words_pattern(frozenset([word])).finditer(text))
            continue
        out.extend(occurrences(text, word, _is_letter))
    return out


def _is_letter(char: str) -> bool:
    """Whether ``char`` is what ``[^\\W\\d_]`` matches (a letter; an empty string is not)."""
    return char.isalnum() and not char.isdecimal()


def sun_article_starts(text: str) -> list[int]:
    """Where a sun-letter article stands before a hyphen (``ash-``, ``ad-``, any case; not inside
    a word), found from the hyphens: a text has few of them, and a scan for the article's
    letters would stop at every ``a``."""
    out = []
    i = text.find("-")
    while i >= 0:
        for size in (2, 3):
            s = i - size
            if s >= 0 and text[s:i].lower() in SUN_ARTICLES and not (s and (text[s - 1].isalnum() or text[s - 1] == "_")):
                out.append(s)
        i = text.find("-", i + 1)
    return out


#: Set by ``structure`` on a document that does not look English: this step leaves it alone.
NOT_ENGLISH = "structure:not-english"
SENTENCE_END = re.compile(r"(?:^|[.!?:][\"'”’)\]]*\s+|\n\s*|^[\"'“‘(\[]|\s[\"'“‘(\[])$")


def at_sentence_start(text: str, start: int) -> bool:
    """Whether ``text[start:]`` opens a sentence, a line or a quotation."""
    return bool(SENTENCE_END.search(text[max(0, start - 8) : start])) if start else True


def _glued_after(text: str, end: int) -> bool:
    nxt = text[end : end + 1]
    if not nxt:
        return False
    if nxt.isalnum() or nxt in "@_":
        return True
    if nxt in "./" and text[end + 1 : end + 2].isalnum():
        return True  # a domain name or a path: qaddafi.com, /Qaddafi/
    return False


# -- tables -----------------------------------------------------------------------
def parse_tsv(text: str, origin: str, *, default_kind: str = "") -> list[NameRow]:
    """Rows of a name table in TSV: ``canonical<TAB>variant[<TAB>type[<TAB>source]]``; ``#`` comments."""
    rows = []
    first = True
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        header, first = first and line.split("\t")[:2] == ["canonical", "variant"], False
        if header:
            continue  # a header row
        cells = [c.strip() for c in line.split("\t")]
        where = f"{origin}:{lineno}"
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise ConfigError(f"{where}: expected 'canonical<TAB>variant[<TAB>type<TAB>source]', got {line!r}")
        kind = cells[2] if len(cells) > 2 else default_kind
        source = cells[3] if len(cells) > 3 else ""
        rows.append(NameRow(cells[0], cells[1], kind, source, where))
    return rows


def rows_from_mapping(data: Any, origin: str) -> list[NameRow]:
    """Rows from ``{canonical: [variants]}`` or ``[{canonical, variant}]`` / ``[[canonical, variant]]``."""
    rows = []
    if isinstance(data, Mapping):
        for canonical, variants in data.items():
            if isinstance(variants, str):
                variants = [variants]
            if not isinstance(variants, (list, tuple)):
                raise ConfigError(f"{origin}: the variants of {canonical!r} must be a list of strings")
            rows.extend(NameRow(str(canonical), str(v), where=origin) for v in variants)
    elif isinstance(data, (list, tuple)):
        for i, item in enumerate(data):
            if isinstance(item, Mapping) and "canonical" in item and "variant" in item:
                rows.append(NameRow(str(item["canonical"]), str(item["variant"]), str(item.get("type", "")),
                                    str(item.get("source", "")), f"{origin}[{i}]"))
            elif isinstance(item, (list, tuple)) and len(item) >= 2:
                rows.append(NameRow(str(item[0]), str(item[1]), where=f"{origin}[{i}]"))
            else:
                raise ConfigError(f"{origin}[{i}]: expected {{canonical, variant}} or [canonical, variant], got {item!r}")
    else:
        raise ConfigError(f"{origin}: expected a mapping of canonical name to variants, got {type(data).__name__}")
    return rows


def read_user_table(path: str | Path) -> tuple[list[NameRow], list[NameRow]]:
    """``(names, aliases)`` of a user's table: a TSV (names only) or a TOML file with
    ``[names]`` and ``[aliases]`` tables of ``canonical = [variants]``."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"name_table {str(path)!r} cannot be read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"name_table {str(path)!r} is not UTF-8 (byte {exc.start})") from None
    if path.suffix.lower() == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"name_table {str(path)!r} is not valid TOML: {exc}") from None
        unknown = set(data) - {"names", "aliases"}
        if unknown:
            raise ConfigError(f"name_table {str(path)!r}: unknown tables {sorted(unknown)}; use [names] and [aliases]")
        return (rows_from_mapping(data.get("names", {}), f"{path}[names]"),
                rows_from_mapping(data.get("aliases", {}), f"{path}[aliases]"))
    return parse_tsv(text, str(path)), []


@functools.lru_cache(maxsize=4)
def default_rows(filename: str) -> tuple[NameRow, ...]:
    text = resources.files(__package__).joinpath("data", filename).read_text(encoding="utf-8")
    return tuple(parse_tsv(text, f"data/{filename}"))


@functools.lru_cache(maxsize=1)
def gazetteer_words() -> frozenset[str]:
    """The lower-case words of every name of the default gazetteer and alias table (``mohammed``,
    ``qaddafi``): the word-level steps never respell them (a name's spelling is this step's call)."""
    return frozenset(
        _APOS.sub("'", token.lower())
        for filename in (NAMES_DATA, ALIASES_DATA)
        for row in default_rows(filename)
        for form in (row.canonical, row.variant)
        for token, _sep in form_tokens(form)
    )


def build_table(params: Mapping[str, Any]) -> NameTable:
    """The table for a normalizer's params (defaults, plugin rows, user table, house style)."""
    table = NameTable()
    aliases = bool(params.get("aliases", True))
    for row in default_rows(NAMES_DATA):
        table.add(row, LAYER_DEFAULT)
    if aliases:
        for row in default_rows(ALIASES_DATA):
            table.add(row, LAYER_ALIASES, alias=True)
    for canonical, variant in params.get("learned") or []:
        if not table.would_join(canonical, variant):  # discovery never merges two gazetteer names
            table.add(NameRow(canonical, variant, source="discovered"), LAYER_LEARNED)
    lexicon = params.get("lexicon") or {}
    for row in rows_from_mapping(lexicon.get("names", []), "newsclean_lexicons['names']"):
        table.add(row, LAYER_PLUGIN)
    if aliases:
        for row in rows_from_mapping(lexicon.get("name_aliases", []), "newsclean_lexicons['name_aliases']"):
            table.add(row, LAYER_PLUGIN, alias=True)
    if params.get("table"):
        names, user_aliases = read_user_table(params["table"])
        for row in names:
            table.add(row, LAYER_USER)
        for row in user_aliases if aliases else []:
            table.add(row, LAYER_USER, alias=True)
    for form, canonical in (params.get("canonical") or {}).items():
        table.set_canonical(form, canonical)
    return table


@functools.lru_cache(maxsize=8)
def _cached_table(params_json: str, table_stamp: tuple) -> NameTable:
    return build_table(json.loads(params_json))


def table_for(params: Mapping[str, Any]) -> NameTable:
    """:func:`build_table`, cached per process (and per state of the user's table file)."""
    stamp: tuple = ()
    if params.get("table"):
        try:
            st = Path(params["table"]).stat()
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = ("missing",)
    return _cached_table(json.dumps(dict(params), sort_keys=True), stamp)


# -- the normalizer ---------------------------------------------------------------
class NamesNormalizer(Normalizer):
    """Gazetteer names to their canonical spelling (rules ``variant``, ``alias`` and ``surname``)."""

    name = STEP
    stage = Stage.NAMES
    scope = "paragraph"  # a name or word is judged within its paragraph
    version = "4"

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        if params.get("table"):
            self.params["table"] = str(Path(params["table"]).expanduser().resolve())

    def data_files(self) -> list[Path]:
        files = [resources.files(__package__).joinpath("data", f) for f in (NAMES_DATA, ALIASES_DATA, WORDS_DATA)]
        if self.params.get("table"):
            files.append(Path(self.params["table"]))
        return files

    def fit(self, docs: Iterable[Document]) -> Mapping[str, Any] | None:
        """With ``discover`` on (option ``name_discover``): learn the corpus's own spelling
        groups (:func:`~newsclean.plugins.name_discovery.discover`) that never met in one
        document, and unify them like gazetteer names. Off by default."""
        if not self.params.get("discover"):
            return None
        from .name_discovery import discover

        clusters = discover(doc.text for doc in docs)
        learned = [[c.canonical, v] for c in clusters if c.same_document == 0 for v in c.variants]
        return {"learned": learned}

    @property
    def table(self) -> NameTable:
        return table_for(self.params)

    def __call__(self, doc: Document) -> None:
        if NOT_ENGLISH in doc.flags:
            return  # English spellings of names: "Kadhafi" is how French writes him
        table = self.table
        for _ in range(MAX_ROUNDS):  # a rewrite can complete another name: "al al-Qaddafi"
            if not doc.apply(self._spans(table, doc.text), step=self.name):
                break

    @staticmethod
    def _spans(table: NameTable, text: str) -> list[Span]:
        spans = []
        found = list(table.find(text))
        for start, end, idx in found:
            surface = text[start:end]
            new = table.render(idx, surface, sentence_start=at_sentence_start(text, start))
            if new != surface:
                entity = table.entities[idx]
                rule = "alias" if form_key(surface) in table.alias_keys else "variant"
                source = ", ".join(sorted(entity.sources)) or LAYER_NAMES[entity.layer]
                spans.append(Span(start, end, new, rule, note=f"{surface} -> {new} ({source})"))
        return spans + surname_spans(table, text, found)


def surname_spans(table: NameTable, text: str, found: list[tuple[int, int, int]]) -> list[Span]:
    """Rule ``surname``: a person's surname alone, spelled as one of their variants, after
    the gazetteer found their full name in the same document: ``Qassem Suleimani ...
    Suleimani said`` -> ``... Soleimani said``, so that a document names one person one way.

    Nothing changes if two people's surnames would respell it differently, or if the document
    also gives the surname after another capitalised word (``Ali Suleimani``, perhaps
    someone else); a title before it (``Ayatollah``, ``Mr``) is not another name. An
    occurrence before another capitalised word (``Suleimani Street``) is left alone.
    """
    wanted: dict[str, tuple[str, int]] = {}
    clash: set[str] = set()
    full_names: dict[int, str] = {}  # person -> their full name as first written in the document
    for start, end, idx in found:
        full = text[start:end]
        if " " not in full and "-" not in full:
            continue  # the surname alone was matched: no full name to lean on
        full_names.setdefault(idx, full)
        for variant, canonical in table.surnames(idx).items():
            if wanted.get(variant, (canonical, idx))[0] != canonical:
                clash.add(variant)
            wanted[variant] = (canonical, idx)
    if not wanted:
        return []
    inside = [(s, e) for s, e, _ in found]
    plain = text.translate(APOSTROPHE_TABLE)
    spans: list[Span] = []
    for variant, (canonical, idx) in wanted.items():
        if variant in clash:
            continue
        hits = _bare_surnames(plain, variant, inside)
        if hits is None:
            continue  # another person (perhaps) has that surname in this document
        full = full_names[idx]
        for start, end in hits:
            surface = text[start:end]
            new = canonical.upper() if surface.isupper() else canonical
            spans.append(Span(start, end, new, "surname", note=f"{surface} -> {new} (the surname of {full} in this document)"))
    return spans


#: A word that may be a name before a surname (``Ali``, ``Gen.``), and a capital letter after one.
NAME_WORD = re.compile(r"[^\W\d_][\w'.-]*")
CAPITAL_AFTER = re.compile(r"[ \t]{1,2}[A-Z]")


def _word_before(text: str, start: int) -> tuple[int, int] | None:
    """``(start, end)`` of the word (letters, then ``\\w'.-``) one or two spaces before ``start``."""
    end = start
    while end > start - 2 and end and text[end - 1] in " \t":
        end -= 1
    if end == start:
        return None
    begin = end
    while begin > end - 40 and begin and not text[begin - 1].isspace():
        begin -= 1
    return (begin, end) if NAME_WORD.fullmatch(text, begin, end) else None


def _bare_surnames(text: str, surname: str, inside: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """Where ``surname`` (or in capitals) stands alone in ``text`` (apostrophes plain) outside the
    names found; None if it also stands after another capitalised word that is not a title."""
    hits = []
    for form in {surname, surname.upper()}:
        for start in occurrences(text, form, _is_letter):
            end = start + len(form)
            if any(s <= start < e for s, e in inside) or _glued_after(text, end):
                continue
            before = _word_before(text, start)
            if before is not None and text[before[0]].isupper():
                written = text[before[0] : before[1]]
                word = written.rstrip(".").lower()
                ends_sentence = written.endswith(".") and len(word) > 1  # "Baghdad. Suleimani", not "J. Suleimani"
                opener = word in OPENERS and word == written.lower() and at_sentence_start(text, before[0])
                if word not in TITLES and not opener and not ends_sentence:
                    return None
            if CAPITAL_AFTER.match(text, end):
                continue  # "Suleimani Street": another name
            hits.append((start, end))
    return sorted(hits)


def validate_params(aliases: Any, canonical: Any, table: Any) -> None:
    if not isinstance(aliases, bool):
        raise ConfigError(f"option 'name_aliases' must be true or false, got {aliases!r}")
    if not isinstance(canonical, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in canonical.items()):
        raise ConfigError("option 'name_canonical' must map a name to its house spelling, e.g. {ISIS = \"Islamic State\"}")
    if not isinstance(table, str):
        raise ConfigError(f"option 'name_table' must be a file path, got {table!r}")


@hookimpl
def newsclean_configure(config):
    config.declare("name_aliases", True, "rewrite aliases that are not spellings (Daesh, ISIL -> ISIS)")
    config.declare("name_canonical", {}, "house spellings: {any form of a name = its canonical spelling}")
    config.declare("name_table", "", "your own name table (TSV canonical<TAB>variant, or TOML [names]/[aliases])")
    config.declare("name_discover", False, "`fit` learns the corpus's own name spelling groups and unifies them (opt-in)")


@hookimpl
def newsclean_normalizers(config):
    aliases, canonical, table = config.get("name_aliases"), config.get("name_canonical"), config.path("name_table")
    validate_params(aliases, canonical, table)
    if not isinstance(config.get("name_discover"), bool):
        raise ConfigError(f"option 'name_discover' must be true or false, got {config.get('name_discover')!r}")
    lexicon = {k: config.lexicons[k] for k in ("names", "name_aliases") if config.lexicons.get(k)}
    params: dict[str, Any] = {"aliases": aliases}
    if canonical:
        params["canonical"] = dict(canonical)
    if table:
        params["table"] = table
    if lexicon:
        params["lexicon"] = lexicon
    if config.get("name_discover"):
        params["discover"] = True
    normalizer = NamesNormalizer(**params)
    normalizer.table  # build now: a bad table is an error at pipeline build, not on the first document
    return [normalizer]
