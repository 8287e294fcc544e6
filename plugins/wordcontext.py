"""Where a word stands, for the word-level steps (``spelling``, ``misspellings``, ``names``):
every place a token stands on its own, inside a URL, address, hashtag or path, or at the
start of a sentence."""

from __future__ import annotations

import re
from typing import Callable

#: Marks of a URL, e-mail address, handle, hashtag, file name or path in the word's non-space chunk.
URLISH = re.compile(r"://|www\.|@|#|[/\\=_<>{}|~]|[A-Za-z0-9]\.[A-Za-z]")
#: Text before a word that makes it the first word of a sentence (an opening quote may follow);
#: a paragraph break always does, a single line break only where ``line_starts`` says so.
SENTENCE_END = re.compile(r"(?:\n[ \t]*\n[ \t]*|([.!?])[\"'\u201d\u2019)\]]*\s+)[\"'\u201c\u2018(\[]*\Z")
LINE_START = re.compile(r"\n[ \t]*[\"'\u201c\u2018(\[]*\Z")
WORD_BEFORE_STOP = re.compile(r"(\w+)[.!?][^\w]*\Z")
#: Abbreviations after which a full stop does not end a sentence ("Mr. Honour said").
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st prof gen col lt sgt capt cpl maj adm cmdr rev sen rep gov pres supt insp "
    "det jr sr mt ft no nos vs v fig vol ch dept approx inc ltd co corp bros".split()
)
#: How far to look around a word for its chunk and its sentence start.
WINDOW = 200


def in_url(text: str, start: int, end: int) -> bool:
    """Whether the word at ``[start, end)`` is part of a URL, address, hashtag, file name or path."""
    left = start
    stop = max(0, start - WINDOW)
    while left > stop and not text[left - 1].isspace():
        left -= 1
    right = end
    limit = min(len(text), end + WINDOW)
    while right < limit and not text[right].isspace():
        right += 1
    chunk = text[left:right].rstrip(".,;:!?\"')]}\u201d\u2019")
    return bool(URLISH.search(chunk))


def starts_sentence(text: str, start: int, *, line_starts: bool = False) -> bool:
    """Whether the word at ``start`` is the first word of a sentence, of the text or of a
    paragraph (or of a line, with ``line_starts``). Not after ``Mr.`` or an initial (``J.``)."""
    before = text[max(0, start - WINDOW) : start]
    if start <= WINDOW and not before.strip("\"'\u201c\u2018([ \t"):
        return True  # the start of the text, perhaps after an opening quote
    if line_starts and LINE_START.search(before):
        return True
    m = SENTENCE_END.search(before)
    if not m:
        return False
    if m.group(1) == ".":
        word = WORD_BEFORE_STOP.search(before[: m.end(1)])
        if word and (len(word.group(1)) == 1 or word.group(1).lower() in ABBREVIATIONS):
            return False  # "Mr. Honour", "J. Colour", "U.S. Defence"
    return True


def occurrences(text: str, token: str, joins: Callable[[str], bool]) -> list[int]:
    """Where ``token`` stands in ``text`` with no character that ``joins`` it on either side
    (C-level ``str.find``: a text holds few of the tokens looked for)."""
    out = []
    size = len(token)
    end = len(text)
    i = text.find(token)
    while i != -1:
        if not (i and joins(text[i - 1])) and not (i + size < end and joins(text[i + size])):
            out.append(i)
        i = text.find(token, i + 1)
    return out
