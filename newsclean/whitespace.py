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
WHITESPACE_RUN = re.compile(
    rf"(?P<vertical>{HSPACE}*{_NEWLINE}(?:{HSPACE}|{_NEWLINE})*)|(?P<horizontal>{HSPACE}+)"
)
NEWLINE = re.compile(_NEWLINE)
ZERO_WIDTH = frozenset("\u200b\u2060\ufeff")


def plan_whitespace(text: str) -> list[Span]:
    """The spans that normalise every whitespace run of ``text``.

    >>> [(s.start, s.end, s.after, s.rule) for s in plan_whitespace(" a\\u00a0 b\\n\\n\\n c ")]
    [(0, 1, '', 'trim_document'), (2, 4, ' ', 'odd_space'), (5, 10, '\\n\\n', 'blank_lines'), (11, 12, '', 'trim_document')]
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
