"""Whitespace normalisation shared by the ``layout`` and ``unicode`` normalizers.

``plan_whitespace`` returns the spans that make odd spaces one space, remove
zero-width characters, strip line edges, leave exactly one blank line between
paragraphs and trim the text. It lives in the core because the ``unicode``
normalizer must show ftfy the text as layout will leave it (ftfy's mojibake
detection depends on neighbouring characters), and plugins never import each
other.
"""

from __future__ import annotations

import re

from .document import Span

_NEWLINE = r"(?:\r\n|[\n\r\x0b\x0c\x85\u2028\u2029])"
#: Horizontal spaces (not \\s: it also matches the control characters \\x1c-\\x1f),
#: plus the zero-width characters that are never wanted in prose.
#: (ZWJ/ZWNJ are kept: emoji and some scripts need them.)
HSPACE = r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u200b\u2060\ufeff]"
_ODD_SPACE = r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u200b\u2060\ufeff]"
#: Every run of whitespace around a line break, and the horizontal runs that can need
#: a change (at the edges of the text, two or more spaces, any odd space). A single
#: plain space between words is not matched: most text is made of those.
_ANY_SPACE = r"[ \t\n\r\x0b\x0c\x85\u2028\u2029\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u200b\u2060\ufeff]"
#: Whitespace that is not a plain space (a run can start on one alone).
_NOT_PLAIN = r"[\t\n\r\x0b\x0c\x85\u2028\u2029\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u200b\u2060\ufeff]"
# The leading lookahead lets the engine skip, with a test or two, the positions where no run
# can start: every character but whitespace, and the single plain space between two words
# (a run starts at a plain space only before more whitespace, at the text's end, or at its start).
WHITESPACE_RUN = re.compile(
    rf"(?={_NOT_PLAIN}| (?:{_NOT_PLAIN}| |\Z)|\A )(?:(?P<vertical>{HSPACE}*{_NEWLINE}(?:{HSPACE}|{_NEWLINE})*)"
    rf"|(?P<horizontal>\A{HSPACE}+|{HSPACE}+\Z| {{2,}}{HSPACE}*| *{_ODD_SPACE}{HSPACE}*))"
)
NEWLINE = re.compile(_NEWLINE)
ZERO_WIDTH = frozenset("\u200b\u2060\ufeff")


def plan_whitespace(text: str) -> list[Span]:
    """The spans that normalise every whitespace run of ``text``.

    >>> [(s.start, s.end, s.after, s.rule) for s in plan_whitespace(" a\\u00a0 b\\n\\n\\n c ")]
    [(0, 1, '', 'trim_document'), (2, 4, ' ', 'odd_space'), (5, 9, '\\n\\n', 'blank_lines'), (10, 11, '', 'trim_document')]
    """
    spans: list[Span] = []
    end_of_text = len(text)
    for match in WHITESPACE_RUN.finditer(text):
        run = match.group()
        at_edge = match.start() == 0 or match.end() == end_of_text
        if match.group("vertical") is not None:
            breaks = len(NEWLINE.findall(run))
            new = "" if at_edge else ("\n\n" if breaks >= 2 else "\n")
            if run == new:
                continue
            if at_edge:
                rule = "trim_document"
            elif breaks > 2 or (breaks == 2 and run.count("\n") != 2) or "\r" in run:
                rule = "blank_lines"
            else:
                rule = "strip_line"
        else:
            only_zero_width = all(c in ZERO_WIDTH for c in run)
            new = "" if at_edge or only_zero_width else " "
            if run == new:
                continue
            if at_edge:
                rule = "trim_document"
            elif only_zero_width:
                rule = "zero_width"
            elif run.strip(" "):
                rule = "odd_space"
            else:
                rule = "collapse_spaces"
        spans.append(Span(match.start(), match.end(), new, rule))
    return spans
