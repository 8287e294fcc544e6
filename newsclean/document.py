"""The Document: text, metadata and the log of every edit made to them.

A normalizer never assigns ``doc.text``. It calls :meth:`Document.replace`,
:meth:`Document.remove`, :meth:`Document.apply` or :meth:`Document.set_meta`,
and each call records an :class:`Edit`. The raw text is rebuilt from the
cleaned text and the log by :meth:`Document.undo`, exactly.

This module imports nothing heavy (no datasets, pluggy or ftfy) so that a
plugin author's unit test of one normalizer needs only the standard library.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, Iterable

#: Metadata fields every document has (the Dataset columns of the same names).
META_FIELDS: tuple[str, ...] = (
    "title",
    "source",
    "section",
    "author",
    "published",
    "dateline",
    "signoff",
)

#: ``start``/``end`` of an edit that changes metadata, not text.
META_OFFSET = -1


@dataclass(frozen=True)
class Edit:
    """One change: ``before`` at ``[start, end)`` of the text as it was became ``after``.

    For a metadata edit ``field`` names the metadata field, ``start`` and ``end``
    are ``-1``, and ``before``/``after`` are the JSON encodings of the values.
    ``note`` carries the evidence a normalizer wants ``newsclean explain`` to show.
    """

    step: str
    rule: str
    start: int
    end: int
    before: str
    after: str
    field: str | None = None
    note: str | None = None

    @property
    def is_meta(self) -> bool:
        return self.field is not None

    def as_dict(self) -> dict[str, Any]:
        return {
            "step": self.step,
            "rule": self.rule,
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
            "field": self.field,
            "note": self.note,
        }


@dataclass(frozen=True)
class Span:
    """A planned text change for :meth:`Document.apply`: ``text[start:end]`` becomes ``after``."""

    start: int
    end: int
    after: str
    rule: str
    note: str | None = None
    #: When set, the removed text is also listed in ``doc.removed`` with this kind.
    kind: str | None = None


#: The order in which ``Document.apply`` makes a batch of spans (a C-level key).
_SPAN_ORDER = attrgetter("start", "end")


def _meta_json(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, default=str)``, without building an encoder for
    the common values (no value, a string: what the C encoder would write)."""
    if value is None:
        return "null"
    if type(value) is str:
        return encode_basestring(value)
    return json.dumps(value, ensure_ascii=False, default=str)


class EditError(ValueError):
    """A normalizer asked for an impossible edit (bad offsets, overlapping spans)."""


@dataclass
class Document:
    """An article being cleaned: ``text``, ``metadata``, ``removed`` blocks, ``flags`` and ``edits``."""

    text: str
    id: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    edits: list[Edit] = field(default_factory=list)
    removed: list[dict[str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    # -- text edits ---------------------------------------------------------
    def replace(
        self,
        start: int,
        end: int,
        new: str,
        *,
        step: str,
        rule: str,
        note: str | None = None,
        kind: str | None = None,
    ) -> None:
        """Replace ``text[start:end]`` by ``new`` and record the edit."""
        self.apply([Span(start, end, new, rule, note, kind)], step=step)

    def remove(
        self,
        start: int,
        end: int,
        *,
        step: str,
        rule: str,
        kind: str | None = None,
        note: str | None = None,
    ) -> None:
        """Delete ``text[start:end]``; with ``kind``, also list it in ``removed``."""
        self.apply([Span(start, end, "", rule, note, kind)], step=step)

    def apply(self, spans: Iterable[Span], *, step: str) -> int:
        """Apply non-overlapping spans (offsets into the current text) in one pass.

        Edits are recorded left to right, each with its offsets in the text as
        it was at that moment (earlier edits of the call shift later ones), so
        replaying the log in order, or undoing it in reverse, is exact. Spans
        whose ``after`` equals the current text are skipped. Returns the number
        of edits made.
        """
        ordered = sorted(spans, key=_SPAN_ORDER)
        text = self.text
        n = len(text)
        previous_end = 0
        for span in ordered:
            if not (0 <= span.start <= span.end <= n):
                raise EditError(
                    f"document {self.id!r}, step {step!r}, rule {span.rule!r}: "
                    f"span [{span.start}, {span.end}) is outside the text (length {n})"
                )
            if span.start < previous_end:
                raise EditError(
                    f"document {self.id!r}, step {step!r}, rule {span.rule!r}: "
                    f"span [{span.start}, {span.end}) overlaps the previous span"
                )
            previous_end = span.end
        pieces: list[str] = []
        cursor = 0
        shift = 0
        made: list[Edit] = []
        for span in ordered:
            before = text[span.start : span.end]
            if before == span.after:
                continue
            pieces.append(text[cursor : span.start])
            pieces.append(span.after)
            cursor = span.end
            made.append(
                Edit(step, span.rule, span.start + shift, span.end + shift, before, span.after, None, span.note)
            )
            shift += len(span.after) - len(before)
            if span.kind is not None and before.strip():
                self.removed.append({"kind": span.kind, "text": before.strip(), "step": step})
        if not made:
            return 0
        pieces.append(text[cursor:])
        self.text = "".join(pieces)
        self.edits.extend(made)
        return len(made)

    def apply_log(self, new_text: str, edits: Iterable[Edit]) -> None:
        """Adopt ``new_text`` and the sequential ``edits`` that produced it from the current text.

        For a normalizer that builds its own log (several sub-steps per span);
        the log is checked by rebuilding the current text from it.
        """
        edits = list(edits)
        if undo_text(new_text, edits) != self.text:
            raise EditError(f"document {self.id!r}: the given edits do not turn the text into new_text")
        self.text = new_text
        self.edits.extend(edits)

    # -- metadata -------------------------------------------------------------
    def set_meta(
        self, name: str, value: Any, *, step: str, rule: str, note: str | None = None
    ) -> None:
        """Set metadata ``name`` to ``value`` and record the edit (no-op when unchanged)."""
        old = self.metadata.get(name)
        if old == value:
            return
        self.metadata[name] = value
        self.edits.append(
            Edit(
                step,
                rule,
                META_OFFSET,
                META_OFFSET,
                _meta_json(old),
                _meta_json(value),
                name,
                note,
            )
        )

    def flag(self, flag: str) -> None:
        """Mark the document (e.g. ``"structure:over-deletion"``) for a human to look at."""
        if flag not in self.flags:
            self.flags.append(flag)

    # -- history --------------------------------------------------------------
    def undo(self) -> str:
        """Rebuild the raw text from the current text and the edit log, exactly."""
        return undo_text(self.text, self.edits)


def undo_text(text: str, edits: Iterable[Edit | dict[str, Any]]) -> str:
    """Rebuild the raw text from a cleaned ``text`` and its ``edits`` (objects or dicts).

    Raises :class:`EditError` when the log does not match the text (a corrupted
    or truncated log), rather than returning something that is not the raw text.
    """
    text_edits = [e for e in (e if isinstance(e, Edit) else Edit(**e) for e in edits) if e.field is None]
    # Undoing one edit at a time copies the whole text per edit (quadratic on a long
    # document with many edits). A run of edits each starting at or after the end of
    # the previous one's ``after`` (what one ``Document.apply`` call records) is undone
    # in one pass: none of them moves the others' spans in the text they leave.
    stop = len(text_edits)
    while stop:
        first = stop - 1
        while first and text_edits[first].start >= text_edits[first - 1].start + len(text_edits[first - 1].after):
            first -= 1
        text = _undo_run(text, text_edits[first:stop])
        stop = first
    return text


def _undo_run(text: str, run: list[Edit]) -> str:
    """Undo edits whose ``after`` spans lie left to right in ``text``, in one pass."""
    pieces: list[str] = []
    cursor = 0
    for edit in run:
        stop = edit.start + len(edit.after)
        if edit.start < cursor or stop > len(text) or text[edit.start : stop] != edit.after:
            raise EditError(
                f"edit log does not match the text: step {edit.step!r}, rule {edit.rule!r} "
                f"expected {edit.after!r} at {edit.start}, found {text[max(edit.start, 0):max(stop, 0)]!r}"
            )
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.before)
        cursor = stop
    pieces.append(text[cursor:])
    return "".join(pieces)
