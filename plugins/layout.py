"""``layout``: whitespace. Odd spaces (NBSP, tabs, thin spaces) become one space,
zero-width characters go, lines lose leading and trailing spaces, paragraphs are
separated by exactly one blank line, and the document has no leading or trailing
whitespace. A single line break is kept as it is: it may be a hard wrap or a
paragraph break, and guessing would damage one of the two.
"""

from __future__ import annotations

import re

from newsclean import Document, Normalizer, Stage, hookimpl
from newsclean.whitespace import ZERO_WIDTH, plan_whitespace

#: Whitespace other than a space and a line feed (what ``\s`` matches, less those two).
OTHER_SPACE = re.compile(r"[^\S \n]")


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


class LayoutNormalizer(Normalizer):
    """Whitespace and paragraph layout; no params."""

    name = "layout"
    stage = Stage.LAYOUT
    version = "1"

    def __call__(self, doc: Document) -> None:
        if laid_out(doc.text):
            return
        doc.apply(plan_whitespace(doc.text), step=self.name)


@hookimpl
def newsclean_normalizers(config):
    return [LayoutNormalizer()]
