"""``layout``: whitespace. Odd spaces (NBSP, tabs, thin spaces) become one space,
zero-width characters go, lines lose leading and trailing spaces, paragraphs are
separated by exactly one blank line, and the document has no leading or trailing
whitespace. A single line break is kept as it is: it may be a hard wrap or a
paragraph break, and guessing would damage one of the two.
"""

from __future__ import annotations

from newsclean import Document, Normalizer, Stage, hookimpl
from newsclean.whitespace import plan_whitespace


class LayoutNormalizer(Normalizer):
    """Whitespace and paragraph layout; no params."""

    name = "layout"
    stage = Stage.LAYOUT
    version = "1"

    def __call__(self, doc: Document) -> None:
        doc.apply(plan_whitespace(doc.text), step=self.name)


@hookimpl
def newsclean_normalizers(config):
    return [LayoutNormalizer()]
