"""Running a paragraph-scoped normalizer again on only the paragraphs that changed.

The pipeline repeats its chain when a late step edits (see ``Pipeline.run``).
On news text that is most documents (``spelling`` alone edits more than half
of BBC's), and running every word-level step over the whole text again cost
almost as much as the first pass. A normalizer whose ``scope`` is
``"paragraph"`` promises that what it does to a paragraph depends only on that
paragraph, ``doc.flags`` and its params. A paragraph it saw and left unchanged
is one it would leave unchanged again, so a repeated pass needs to show it only
the other paragraphs (changed since, or changed by the step itself): they are joined, blank line between, into a
scratch document, the step runs on that, and its edits are moved back to their
places in the real document, which checks the moved log by rebuilding the text
(``Document.apply_log``).

Anything the scratch run cannot vouch for falls back to running the step on the
whole document: changed flags, an edit across the joining blank line, a
metadata edit, text whose paragraphs are not separated by exactly one blank line.
"""

from __future__ import annotations

from dataclasses import dataclass

from .document import Document, Edit, EditError
from .normalizer import Normalizer

#: What separates paragraphs once ``layout`` has run.
PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class LastRun:
    """A normalizer's last run: the text it was given, the text it left, the flags it was given."""

    given: str
    text: str
    flags: tuple[str, ...]

    def fixed_paragraphs(self) -> set[str]:
        """The paragraphs the step saw and left unchanged: running it on them changes nothing.

        (A paragraph it changed is not vouched for: the change may call for another,
        as when a real-word fix makes a doubled word.)
        """
        left = set(self.text.split(PARAGRAPH_BREAK))
        if self.given is self.text or self.given == self.text:
            return left
        return left.intersection(self.given.split(PARAGRAPH_BREAK))


def rerun(normalizer: Normalizer, doc: Document, last: LastRun | None) -> None:
    """Run ``normalizer`` on ``doc`` again, on the changed paragraphs only where it can."""
    if last is None or getattr(normalizer, "scope", "document") != "paragraph" or tuple(doc.flags) != last.flags:
        normalizer(doc)
        return
    text = doc.text
    if text == last.text and last.given == last.text:
        return  # nothing changed since the step ran and changed nothing
    if "\n\n\n" in text:
        normalizer(doc)  # not laid out in paragraphs: no safe split
        return
    left = last.fixed_paragraphs()
    changed: list[tuple[int, str]] = []  # (offset in doc.text, paragraph)
    offset = 0
    for paragraph in text.split(PARAGRAPH_BREAK):
        if paragraph not in left:
            changed.append((offset, paragraph))
        offset += len(paragraph) + len(PARAGRAPH_BREAK)
    if not changed:
        return
    scratch = Document(
        PARAGRAPH_BREAK.join(p for _, p in changed),
        id=doc.id,
        metadata=dict(doc.metadata),
        flags=list(doc.flags),
    )
    normalizer(scratch)
    if not scratch.edits:
        for flag in scratch.flags:
            doc.flag(flag)
        return
    moved = _move_edits(scratch, changed, text)
    if moved is None:
        normalizer(doc)
        return
    new_text, edits = moved
    try:
        doc.apply_log(new_text, edits)
    except EditError:  # pragma: no cover - a bug in _move_edits; the whole-text run is always right
        normalizer(doc)
        return
    doc.removed.extend(scratch.removed)
    for flag in scratch.flags:
        doc.flag(flag)


def _move_edits(
    scratch: Document, changed: list[tuple[int, str]], text: str
) -> tuple[str, list[Edit]] | None:
    """The scratch document's edits at their places in ``text``, and the text they make.

    Each edit's offsets are in the text as it was when it was made, so both the
    scratch offsets of the paragraphs after it and their real offsets shift by
    its change of length. None when an edit is not inside one paragraph.
    """
    gap = len(PARAGRAPH_BREAK)
    scratch_at: list[int] = []
    position = 0
    for _, paragraph in changed:
        scratch_at.append(position)
        position += len(paragraph) + gap
    real_at = [offset for offset, _ in changed]
    lengths = [len(p) for _, p in changed]
    moved: list[Edit] = []
    for edit in scratch.edits:
        if edit.field is not None:
            return None
        # the paragraph holding the edit (edits run left to right within a call, not across calls)
        k = next((i for i in range(len(changed)) if scratch_at[i] <= edit.start and edit.end <= scratch_at[i] + lengths[i]), -1)
        if k < 0:
            return None
        shift = real_at[k] - scratch_at[k]
        moved.append(
            Edit(edit.step, edit.rule, edit.start + shift, edit.end + shift, edit.before, edit.after, None, edit.note)
        )
        delta = len(edit.after) - (edit.end - edit.start)
        lengths[k] += delta
        for j in range(k + 1, len(changed)):
            scratch_at[j] += delta
            real_at[j] += delta
    pieces: list[str] = []
    cursor = 0
    for (offset, paragraph), start, length in zip(changed, scratch_at, lengths):
        pieces.append(text[cursor:offset])
        pieces.append(scratch.text[start : start + length])
        cursor = offset + len(paragraph)
    pieces.append(text[cursor:])
    return "".join(pieces), moved
