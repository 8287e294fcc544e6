"""Rendering an edit log as a readable diff, each change with its step and rule."""

from __future__ import annotations

from typing import Any, Mapping

from .document import Edit, undo_text

CONTEXT = 30
RED, GREEN, DIM, BOLD, RESET = "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[1m", "\x1b[0m"


def _show(s: str) -> str:
    return s.replace("\n", "\u21b5")


def render_edits(text: str, edits: list[Edit | Mapping[str, Any]], *, colour: bool = False) -> list[str]:
    """One line per edit: ``step/rule: …context[-before-]{+after+}context…``.

    The raw text is rebuilt from ``text`` and ``edits`` and the edits replayed
    forward, so each one is shown in the text as it was when it was made.
    """
    log = [e if isinstance(e, Edit) else Edit(**e) for e in edits]
    current = undo_text(text, log)
    red, green, dim, bold, reset = (RED, GREEN, DIM, BOLD, RESET) if colour else ("",) * 5
    lines = []
    for edit in log:
        label = f"{bold}{edit.step}/{edit.rule}{reset}"
        note = f"  {dim}({edit.note}){reset}" if edit.note else ""
        if edit.field is not None:
            lines.append(f"{label}: {edit.field}: {edit.before} -> {edit.after}{note}")
            continue
        left = current[max(0, edit.start - CONTEXT) : edit.start]
        right = current[edit.end : edit.end + CONTEXT]
        removed = f"{red}[-{_show(edit.before)}-]{reset}" if edit.before else ""
        added = f"{green}{{+{_show(edit.after)}+}}{reset}" if edit.after else ""
        lines.append(f"{label}: {dim}…{_show(left)}{reset}{removed}{added}{dim}{_show(right)}…{reset}{note}")
        current = current[: edit.start] + edit.after + current[edit.end :]
    return lines


def render_document(row: Mapping[str, Any], *, colour: bool = False) -> str:
    """A document's id, metadata found, and its edits."""
    meta = {k: row.get(k) for k in ("title", "source", "section", "author", "published", "dateline", "signoff")}
    found = ", ".join(f"{k}={v!r}" for k, v in meta.items() if v)
    head = f"== {row.get('id', '')}  ({len(row.get('edits') or [])} edits){'  ' + found if found else ''}"
    if row.get("flags"):
        head += f"  flags={row['flags']}"
    if row.get("errors"):
        head += f"  error: {row['errors']}"
    body = render_edits(row["text"], list(row.get("edits") or []), colour=colour)
    return "\n".join([head, *body]) if body else head + "\n(no edits)"
