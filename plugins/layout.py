"""``layout``: whitespace. Odd spaces (NBSP, tabs, thin spaces) become one space,
zero-width characters go, lines lose leading and trailing spaces, paragraphs are
separated by exactly one blank line, and the document has no leading or trailing
whitespace. A single line break is kept as it is: it may be a hard wrap or a
paragraph break, and guessing would damage one of the two.
"""

from __future__ import annotations

import re

from newsclean import Document, Normalizer, Span, Stage, hookimpl
from newsclean.whitespace import ZERO_WIDTH, plan_whitespace

#: Whitespace other than a space and a line feed (what ``\s`` matches, less those two).
OTHER_SPACE = re.compile(r"[^\S \n]")
#: Every character ``plan_whitespace`` treats as a space or a line break (``whitespace.HSPACE``
#: and ``whitespace._NEWLINE``), for ``str.strip``: a run of them at an edge of the text goes whole.
EDGE_SPACE = (
    " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    "\u200b\u2060\ufeff\r\n\x0b\x0c\x85\u2028\u2029"
)


def laid_out(text: str) -> bool:
    """Whether ``plan_whitespace(text)`` is certainly empty, told by C-level searches (a text
    a previous pass laid out; the chain's repeated pass shows it most texts again).

    So it is when the text's only whitespace is single spaces and line feeds (no odd or
    zero-width space: every other character ``plan_whitespace`` treats as a space or a line
    break is whitespace to ``str.isspace``, or in ``ZERO_WIDTH``), none at its edges, none beside a line break, and no three line breaks
    in a row: then every run ``plan_whitespace`` looks at is a ``"\\n"`` or ``"\\n\\n"`` inside
    the text, which it leaves as it is.
    """
    return not (
        text[:1].isspace()
        or text[-1:].isspace()
        or "  " in text
        or " \n" in text
        or "\n " in text
        or "\n\n\n" in text
        or OTHER_SPACE.search(text) is not None
        or any(c in text for c in ZERO_WIDTH)
    )


def plan_layout(text: str) -> list[Span]:
    """``plan_whitespace(text)``, quickly for a text laid out but for its edges (a raw article
    that ends with a line break): then its only runs to change are the two edge runs, which
    ``plan_whitespace`` removes whole (rule ``trim_document``). Otherwise ``plan_whitespace``.

    (An edge run holds only characters of ``EDGE_SPACE``, and the character next to it is
    none: ``plan_whitespace`` matches it in one piece, from the text's start or to its end.)
    """
    core = text.strip(EDGE_SPACE)
    if not core or not laid_out(core):
        return plan_whitespace(text)
    lead = text.find(core[0])
    spans = [Span(0, lead, "", "trim_document")] if lead else []
    if lead + len(core) < len(text):
        spans.append(Span(lead + len(core), len(text), "", "trim_document"))
    return spans


class LayoutNormalizer(Normalizer):
    """Whitespace and paragraph layout; no params."""

    name = "layout"
    stage = Stage.LAYOUT
    version = "1"

    def __call__(self, doc: Document) -> None:
        if laid_out(doc.text):
            return
        doc.apply(plan_layout(doc.text), step=self.name)


@hookimpl
def newsclean_normalizers(config):
    return [LayoutNormalizer()]
